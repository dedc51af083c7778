/**
 * YD21 Lemma 3.3 (§3.2; proof in App. C of the preprint). Same statement in both copies:
 *
 *   "Suppose P, Σ ∈ ℝ^{d×d} are two symmetric matrices, η > 0, and
 *    P′ = (I − η(Σ − P))P(I − η(Σ − P)). Suppose σ₁(P) ≤ 2σ₁ and σ_d I ⪯ Σ ⪯ σ₁ I.
 *    Define p = λ_d(P) and p′ = λ_d(P′). Then ∀β ∈ (0, 1) and η ≤ β/(8σ₁),
 *        p′ ≥ (1 − ησ_d)² p − (8 + 6β)/(1 − β)·σ₁³η²   if p < 0;
 *        p′ ≥ 0                                           if p ≥ 0."
 *
 * P has spectrum in [−2σ₁, 2σ₁] (so ‖P‖_op ≤ 2σ₁). Both cases are checked; the witness of C is
 * taken on the p < 0 case: ((1 − ησ_d)²p − p′)/(σ₁³η²).
 *
 * Scale: both sides written once against BoundOps (src/claims/measured.ts) and evaluated in the
 * magnitude model on the instance (Σ, P, β, η exact inputs), so the scale is computed: p′ carries
 * the magnitude of P′ as formed (lemmaUpdate, the same product as Lemma 3.2's S′), p that of P.
 */
import { boundComparison, boundOps, type BoundOps } from '../../src/claims/measured.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { LEMMA_3_3 } from '../../src/hypotheses/lemma.ts';
import { type LemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';
import { lemmaUpdate } from './lemma-3.2.ts';

/** P's spectrum in [−pBound, pBound]·σ₁ (pBound = 2 as hypothesised), η = etaFactor·β/(8σ₁). */
function instances(fixed: Readonly<Record<string, number>>) {
  const a = fixed.pBound ?? 2;
  return lemmaInstance((sigma1) => [-a * sigma1, a * sigma1], { etaFactor: fixed.etaFactor });
}

/** p, p′ and the p < 0 case's right side (1 − ησ_d)²p + penaltySign·C·σ₁³η², with the unit σ₁³η². */
function sides<M, S>(A: BoundOps<M, S>, x: LemmaInstance, C: number, penaltySign: 1 | -1) {
  const { F } = A;
  const [eta, s1, P] = [A.constant(x.eta), A.constant(x.sigma1), A.input(x.X)];
  const p = A.lambdaMin(P);
  const pPrime = A.lambdaMin(lemmaUpdate(A, A.input(x.Sigma), P, eta, x.d, -1));
  const g = F.sub(F.one, F.mul(eta, A.constant(x.sigmaD)));
  const unit = [s1, s1, s1, eta, eta].reduce(F.mul);
  return { p, pPrime, rhs: F.add(F.mul(F.mul(g, g), p), F.mul(A.constant(penaltySign * C), unit)), unit };
}

function check(x: LemmaInstance, C: number, penaltySign: 1 | -1 = -1) {
  const A = boundOps(relativeTolerance('inequality', x.d));
  const q = sides(A, x, C, penaltySign);
  if (q.p.value >= 0) return [boundComparison('p ≥ 0 ⇒ p′ ≥ 0', q.pPrime, '≥', A.F.zero)];
  return [boundComparison('p < 0 ⇒ p′ ≥ (1 − ησ_d)²p − C·σ₁³η²', q.pPrime, '≥', q.rhs)];
}

export const lemma33 = defineClaim<LemmaInstance>({
  id: 'yd21.lemma-3.3',
  source: { paper: 'YD21', where: 'Lemma 3.3, §3.2 (proof App. C)' },
  kind: 'inequality',
  statement: 'p′ ≥ (1 − ησ_d)²p − (8 + 6β)/(1 − β)·σ₁³η² if p < 0, p′ ≥ 0 if p ≥ 0; p = λ_d(P), p′ = λ_d(P′), P′ = (I − η(Σ − P))P(I − η(Σ − P))',
  hypotheses: LEMMA_3_3,
  constants: { C: { printed: (x) => (8 + 6 * x.beta) / (1 - x.beta), formula: '(8 + 6β)/(1 − β)' } },
  instances: instances({}),
  parameters: {
    specs: {
      etaFactor: { description: 'η as a multiple of β/(8σ₁)', allowed: [0, 1], explore: [1, 64], scale: 'log' },
      pBound: { description: 'a in the hypothesis σ₁(P) ≤ a·σ₁', allowed: [0, 2], explore: [2, 32], scale: 'log' },
    },
    instances,
  },
  size: (x) => x.d,
  check: (x, c) => check(x, c.C),
  // The sides at C = 0 give the deficit (1 − ησ_d)²p − p′, its computed magnitude deducted.
  witness: {
    C: (x, tol) => {
      const q = sides(boundOps(tol), x, 0, -1);
      if (q.p.value >= 0) return Number.NEGATIVE_INFINITY;
      return (q.rhs.value - q.pPrime.value - tol * (q.rhs.magnitude + q.pPrime.magnitude)) / q.unit.value;
    },
  },
  expected: 'holds',
  sabotage: {
    description: 'sign of the penalty flipped in the p < 0 case: p′ ≥ (1 − ησ_d)²p + C·σ₁³η²',
    check: (x, c) => check(x, c.C, +1),
  },
});
