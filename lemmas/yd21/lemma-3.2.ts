/**
 * YD21 Lemma 3.2 (§3.2; proof in App. C of the preprint). Same statement in both copies:
 *
 *   "Suppose S, Σ ∈ ℝ^{d×d} are two definite positive matrices, η > 0, and
 *    S′ = (I + η(Σ − S))S(I + η(Σ − S)). Suppose σ₁(S) ≤ 2σ₁, σ_d(Σ) ≥ σ_d and σ₁(Σ) ≤ σ₁.
 *    Define s = σ_d(S) and s′ = σ_d(S′). Then ∀β ∈ (0, 1) and η ≤ β/(8σ₁),
 *        s′ ≥ (1 + η(σ_d − s))² s − (8 + 6β)/(1 − β) · σ₁³η²."
 *
 * Σ is any symmetric positive definite matrix (not necessarily diagonal) with spectrum in [σ_d, σ₁];
 * S is positive definite with spectrum in (0, 2σ₁]. The witness of C is the smallest constant the
 * instance needs: ((1 + η(σ_d − s))²s − s′)/(σ₁³η²).
 *
 * Scale: both sides written once against BoundOps (src/claims/measured.ts) and evaluated in the
 * magnitude model on the instance (Σ, S, β, η exact inputs), so the scale is computed: s′ carries
 * the magnitude of S′ as formed, s that of S.
 */
import { boundComparison, boundOps, type BoundOps } from '../../src/claims/measured.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { LEMMA_3_2 } from '../../src/hypotheses/lemma.ts';
import { type LemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';

/** S's spectrum in [10⁻³, 1]·sBound·σ₁ (sBound = 2 as hypothesised), η = etaFactor·β/(8σ₁). */
function instances(fixed: Readonly<Record<string, number>>) {
  const a = fixed.sBound ?? 2;
  return lemmaInstance((sigma1) => [a * sigma1 * 1e-3, a * sigma1], { etaFactor: fixed.etaFactor });
}

/**
 * X′ = (I + sη(Σ − X))X(I + sη(Σ − X)): Lemma 3.2's S′ (s = +1, X = S) and Lemma 3.3's P′ (s = −1,
 * X = P), written once; the proofs' splits (yd21.lemma-3.2.proof-split) expand the same product.
 */
export function lemmaUpdate<M, S, D>(A: MatrixOps<M, S, D>, Sigma: M, X: M, eta: S, d: D, s: 1 | -1): M {
  const G = A.combine([A.F.one, A.eye(d)], [s === 1 ? eta : A.F.neg(eta), A.sub(Sigma, X)]);
  return A.mul(G, X, G);
}

/** The lemma's sides s′ and (1 + η(σ_d − s))²s + penaltySign·C·σ₁³η², and the unit σ₁³η². */
function sides<M, S>(A: BoundOps<M, S>, x: LemmaInstance, C: number, penaltySign: 1 | -1) {
  const { F } = A;
  const [eta, s1, S] = [A.constant(x.eta), A.constant(x.sigma1), A.input(x.X)];
  const s = A.lambdaMin(S);
  const sPrime = A.lambdaMin(lemmaUpdate(A, A.input(x.Sigma), S, eta, x.d, 1));
  const g = F.add(F.one, F.mul(eta, F.sub(A.constant(x.sigmaD), s)));
  const unit = [s1, s1, s1, eta, eta].reduce(F.mul);
  return { sPrime, rhs: F.add(F.mul(F.mul(g, g), s), F.mul(A.constant(penaltySign * C), unit)), unit };
}

function check(x: LemmaInstance, C: number, penaltySign: 1 | -1 = -1) {
  const q = sides(boundOps(relativeTolerance('inequality', x.d)), x, C, penaltySign);
  return [boundComparison('s′ ≥ (1 + η(σ_d − s))²s − C·σ₁³η²', q.sPrime, '≥', q.rhs)];
}

export const lemma32 = defineClaim<LemmaInstance>({
  id: 'yd21.lemma-3.2',
  source: { paper: 'YD21', where: 'Lemma 3.2, §3.2 (proof App. C)' },
  kind: 'inequality',
  statement: 's′ ≥ (1 + η(σ_d − s))² s − (8 + 6β)/(1 − β)·σ₁³η², s = σ_d(S), s′ = σ_d(S′), S′ = (I + η(Σ − S))S(I + η(Σ − S))',
  hypotheses: LEMMA_3_2,
  constants: { C: { printed: (x) => (8 + 6 * x.beta) / (1 - x.beta), formula: '(8 + 6β)/(1 − β)' } },
  instances: instances({}),
  parameters: {
    specs: {
      etaFactor: { description: 'η as a multiple of β/(8σ₁)', allowed: [0, 1], explore: [1, 64], scale: 'log' },
      sBound: { description: 'a in the hypothesis σ₁(S) ≤ a·σ₁', allowed: [0, 2], explore: [2, 32], scale: 'log' },
    },
    instances,
  },
  size: (x) => x.d,
  check: (x, c) => check(x, c.C),
  // The sides at C = 0 give the deficit (1 + η(σ_d − s))²s − s′, its computed magnitude deducted.
  witness: {
    C: (x, tol) => {
      const q = sides(boundOps(tol), x, 0, -1);
      return (q.rhs.value - q.sPrime.value - tol * (q.rhs.magnitude + q.sPrime.magnitude)) / q.unit.value;
    },
  },
  expected: 'holds',
  sabotage: {
    description: 'sign of the penalty flipped: s′ ≥ (1 + η(σ_d − s))²s + C·σ₁³η²',
    check: (x, c) => check(x, c.C, +1),
  },
});
