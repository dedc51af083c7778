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
 */
import { eye, frobenius, mul, scale, sub } from '../../src/linalg/dense.ts';
import { lambdaMin } from '../../src/linalg/spectral.ts';
import { atLeast } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { LEMMA_3_3 } from '../../src/hypotheses/lemma.ts';
import { type LemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';

/** P's spectrum in [−pBound, pBound]·σ₁ (pBound = 2 as hypothesised), η = etaFactor·β/(8σ₁). */
function instances(fixed: Readonly<Record<string, number>>) {
  const a = fixed.pBound ?? 2;
  return lemmaInstance((sigma1) => [-a * sigma1, a * sigma1], { etaFactor: fixed.etaFactor });
}

function quantities(x: LemmaInstance) {
  const M = sub(eye(x.d), scale(sub(x.Sigma, x.X), x.eta));
  const Pprime = mul(mul(M, x.X), M);
  const p = lambdaMin(x.X);
  return {
    p,
    pPrime: lambdaMin(Pprime),
    contracted: (1 - x.eta * x.sigmaD) ** 2 * p,
    penaltyUnit: x.sigma1 ** 3 * x.eta ** 2,
    scale: frobenius(Pprime) + Math.abs(p),
  };
}

function check(x: LemmaInstance, C: number, penaltySign = -1) {
  const q = quantities(x);
  if (q.p >= 0) return [atLeast('p ≥ 0 ⇒ p′ ≥ 0', q.pPrime, 0, q.scale)];
  return [atLeast('p < 0 ⇒ p′ ≥ (1 − ησ_d)²p − C·σ₁³η²', q.pPrime, q.contracted + penaltySign * C * q.penaltyUnit, q.scale + C * q.penaltyUnit)];
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
  witness: {
    C: (x, tol) => {
      const q = quantities(x);
      return q.p < 0 ? (q.contracted - q.pPrime - tol * q.scale) / q.penaltyUnit : Number.NEGATIVE_INFINITY;
    },
  },
  expected: 'holds',
  sabotage: {
    description: 'sign of the penalty flipped in the p < 0 case: p′ ≥ (1 − ησ_d)²p + C·σ₁³η²',
    check: (x, c) => check(x, c.C, +1),
  },
});
