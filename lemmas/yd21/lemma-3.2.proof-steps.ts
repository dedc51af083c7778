/**
 * YD21, proof of Lemma 3.2 (App. C of the preprint, 001), every step as printed, each a comparison
 * (s = σ_d(S), s′ = σ_d(S′), C = (8 + 6β)/(1 − β), T₁, T₂, T₃ the split of
 * yd21.lemma-3.2.proof-split):
 *
 *   [W]  σ_d(S′) ≥ λ_d(T₁) + σ_d(T₂) + η²λ_d(T₃)                       (Weyl; the split's display)
 *   [1]  λ_d(T₁) = βs − 2ηs² + η²s³ exactly        ("by the assumptions s_i ≤ 2σ₁ and η ≤ β/(8σ₁)":
 *        t ↦ βt − 2ηt² + η²t³ has derivative β − 4ηt + 3η²t² ≥ 0 on [0, 2σ₁], so it keeps the order)
 *   [2]  σ_d(T₂) ≥ (√(1 − β) + ησ_d/√(1 − β))²s     (T₂ = FSF, F ⪰ (√(1 − β) + ησ_d/√(1 − β))I ≻ 0)
 *   [3]  η²λ_d(T₃) ≥ −C·η²σ₁³ (the text writes "−η²σ₁(…)", σ₁(·) the largest singular value)
 *   [4]  s′ ≥ (βs − 2ηs² + η²s³) + (√(1 − β) + ησ_d/√(1 − β))²s − C·η²σ₁³
 *   [5]     = (1 + η(σ_d − s))²s + βσ_d²η²s/(1 − β) + 2σ_dη²s² − C·σ₁³η²
 *   [6]     ≥ (1 + η(σ_d − s))²s − C·σ₁³η²
 *
 * All hold under the lemma's hypotheses. [3] has slack: ‖T₃‖ ≤ β/(1 − β)·σ₁²·2σ₁ + 2·σ₁·(2σ₁)² =
 * (8 − 6β)/(1 − β)·σ₁³, so (8 − 6β)/(1 − β) already suffices (attained by Σ = σ₁I, S = 2σ₁I); the
 * printed (8 + 6β)/(1 − β) is looser by 12β/(1 − β) — not an error. The witness of C is
 * −λ_d(T₃)/σ₁³, the constant [3] needs on the instance (a lower bound on the supremum
 * (8 − 6β)/(1 − β), which sampling rarely approaches).
 *
 * Scale: an eigenvalue of a formed matrix errs by at most its magnitude |T| (backward stability);
 * a scalar polynomial term c·s^k errs by at most k|c|·|S|^k (s from λ_d(S), error ≤ |S|).
 */
import { lambdaMin } from '../../src/linalg/spectral.ts';
import { atLeast, type Comparison, equal } from '../../src/claims/compare.ts';
import { frobenius } from '../../src/linalg/dense.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { LEMMA_3_2 } from '../../src/hypotheses/lemma.ts';
import { type LemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';
import { lemmaSplit } from './lemma-3.2.proof-split.ts';

/** Σ k·|c|·m^k over the terms c·s^k (k = 0 counts once): the rounding magnitude of a polynomial in s. */
export function polyScale(m: number, ...terms: ReadonlyArray<readonly [number, number]>): number {
  return terms.reduce((acc, [c, k]) => acc + Math.max(1, k) * Math.abs(c) * m ** k, 0);
}

function steps(x: LemmaInstance, C: number): Comparison[] {
  const { beta: b, eta, sigmaD: sd, sigma1: s1 } = x;
  const t = lemmaSplit(x, 1);
  const m = t.magnitudes;
  const mS = frobenius(x.X);
  const s = lambdaMin(x.X);
  const sPrime = lambdaMin(t.Xprime);
  const [l1, l2, l3] = [lambdaMin(t.T1), lambdaMin(t.T2), lambdaMin(t.T3)];
  const g2 = (Math.sqrt(1 - b) + (eta * sd) / Math.sqrt(1 - b)) ** 2;
  const pen = C * eta * eta * s1 ** 3;
  const first = b * s - 2 * eta * s * s + eta * eta * s ** 3;
  const firstScale = polyScale(mS, [b, 1], [2 * eta, 2], [eta * eta, 3]);
  const line4 = first + g2 * s - pen;
  const line4Scale = firstScale + g2 * mS + pen;
  const growth = (1 + eta * (sd - s)) ** 2 * s;
  const growthScale = 3 * (1 + eta * (sd + mS)) ** 2 * mS;
  const extra = (b * sd * sd * eta * eta * s) / (1 - b) + 2 * sd * eta * eta * s * s;
  const extraScale = polyScale(mS, [(b * sd * sd * eta * eta) / (1 - b), 1], [2 * sd * eta * eta, 2]);
  const line5 = growth + extra - pen;
  const line6 = growth - pen;
  return [
    atLeast('[W] σ_d(S′) ≥ λ_d(T₁) + σ_d(T₂) + η²λ_d(T₃)', sPrime, l1 + l2 + eta * eta * l3, m.Xprime + m.T1 + m.T2 + eta * eta * m.T3),
    equal('[1] λ_d(T₁) = βs − 2ηs² + η²s³', l1, first, m.T1 + firstScale),
    atLeast('[2] σ_d(T₂) ≥ (√(1−β) + ησ_d/√(1−β))²s', l2, g2 * s, m.T2 + g2 * mS),
    atLeast('[3] η²λ_d(T₃) ≥ −C·η²σ₁³', eta * eta * l3, -pen, eta * eta * m.T3 + pen),
    atLeast('[4] s′ ≥ (βs − 2ηs² + η²s³) + (√(1−β) + ησ_d/√(1−β))²s − C·η²σ₁³', sPrime, line4, m.Xprime + line4Scale),
    equal('[5] line 4 = (1 + η(σ_d − s))²s + βσ_d²η²s/(1−β) + 2σ_dη²s² − C·σ₁³η²', line4, line5, line4Scale + growthScale + extraScale + pen),
    atLeast('[6] line 5 ≥ (1 + η(σ_d − s))²s − C·σ₁³η²', line5, line6, growthScale + extraScale + 2 * pen),
  ];
}

export const lemma32Steps = defineClaim<LemmaInstance>({
  id: 'yd21.lemma-3.2.proof-steps',
  source: { paper: 'YD21', where: 'proof of Lemma 3.2, App. C (preprint)' },
  kind: 'inequality',
  statement:
    'σ_d(S′) ≥ λ_d(T₁) + σ_d(T₂) + η²λ_d(T₃); λ_d(T₁) = βs − 2ηs² + η²s³; σ_d(T₂) ≥ (√(1−β) + ησ_d/√(1−β))²s; η²λ_d(T₃) ≥ −(8+6β)/(1−β)·η²σ₁³; ' +
    's′ ≥ (βs − 2ηs² + η²s³) + (√(1−β) + ησ_d/√(1−β))²s − (8+6β)/(1−β)·η²σ₁³ = (1 + η(σ_d − s))²s + βσ_d²η²s/(1−β) + 2σ_dη²s² − (8+6β)/(1−β)·σ₁³η² ≥ (1 + η(σ_d − s))²s − (8+6β)/(1−β)·σ₁³η²',
  hypotheses: LEMMA_3_2,
  constants: { C: { printed: (x) => (8 + 6 * x.beta) / (1 - x.beta), formula: '(8 + 6β)/(1 − β)' } },
  instances: lemmaInstance((sigma1) => [2 * sigma1 * 1e-3, 2 * sigma1]),
  size: (x) => x.d,
  check: (x, c) => steps(x, c.C),
  witness: {
    C: (x, tol) => {
      const t = lemmaSplit(x, 1);
      return (-lambdaMin(t.T3) - tol * t.magnitudes.T3) / x.sigma1 ** 3;
    },
  },
  expected: 'holds',
  sabotage: { description: "the third term's constant made too small: C = 1", constants: { C: () => 1 } },
});
