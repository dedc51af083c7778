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
 */
import { add, eye, mul, scale, sub, frobenius } from '../../src/linalg/dense.ts';
import { lambdaMin } from '../../src/linalg/spectral.ts';
import { atLeast } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { LEMMA_3_2 } from '../../src/hypotheses/lemma.ts';
import { type LemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';

/** S's spectrum in [10⁻³, 1]·sBound·σ₁ (sBound = 2 as hypothesised), η = etaFactor·β/(8σ₁). */
function instances(fixed: Readonly<Record<string, number>>) {
  const a = fixed.sBound ?? 2;
  return lemmaInstance((sigma1) => [a * sigma1 * 1e-3, a * sigma1], { etaFactor: fixed.etaFactor });
}

function quantities(x: LemmaInstance) {
  const M = add(eye(x.d), scale(sub(x.Sigma, x.X), x.eta));
  const Sprime = mul(mul(M, x.X), M);
  const s = lambdaMin(x.X);
  const sPrime = lambdaMin(Sprime);
  const growth = (1 + x.eta * (x.sigmaD - s)) ** 2 * s;
  return { s, sPrime, growth, penaltyUnit: x.sigma1 ** 3 * x.eta ** 2, scale: frobenius(Sprime) + Math.abs(growth) };
}

function check(x: LemmaInstance, C: number, penaltySign = -1) {
  const q = quantities(x);
  const rhs = q.growth + penaltySign * C * q.penaltyUnit;
  return [atLeast('s′ ≥ (1 + η(σ_d − s))²s − C·σ₁³η²', q.sPrime, rhs, q.scale + C * q.penaltyUnit)];
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
  witness: {
    C: (x, tol) => {
      const q = quantities(x);
      return (q.growth - q.sPrime - tol * q.scale) / q.penaltyUnit;
    },
  },
  expected: 'holds',
  sabotage: {
    description: 'sign of the penalty flipped: s′ ≥ (1 + η(σ_d − s))²s + C·σ₁³η²',
    check: (x, c) => check(x, c.C, +1),
  },
});
