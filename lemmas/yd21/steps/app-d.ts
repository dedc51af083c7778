/**
 * YD21 App. D of the preprint, "Solving the Iteration Formula of a": the two displays that
 * derive (32) from (15), in the case a_t ≤ √(σ_d/2) (a_t = σ_d(A_t)). (32)–(34) and T₁ are
 * yd21.app-d.a-iteration.
 *
 * ── step-1, as printed: "Notice that a_t ≥ ε/(c√d), we have
 *      √((1 + η(σ_d − σ_d(A_t)²))²σ_d(A_t)² − 22σ₁³η²) ≥ (1 + η(σ_d − σ_d(A_t)²))σ_d(A_t) − 22(c√d/ε)σ₁³η²,
 *    where we choose η so small that 22σ₁³η² ≤ ε²/(c²d)."
 *    Hypotheses (lemmas/yd21/support/step-hypotheses.ts APP_D_FIRST): ε/(c√d) ≤ a_t ≤ √(σ_d/2) (§3.2.1 (1) and
 *    the case), 0 < η ≤ 1/(16σ₁) (§3.2.3), 22σ₁³η² ≤ ε²/(c²d) (App. D). Holds: with x = (1 + η(σ_d − a²))a
 *    ≥ a and δ = 22σ₁³η² ≤ ε²/(c²d) ≤ a² ≤ x², (x − δ/x)² = x² − 2δ + δ²/x² ≤ x² − δ, and δ/x ≤ δ/a ≤
 *    δc√d/ε. Sabotage: the correction dropped (√(x² − δ) ≥ x, false whenever δ > 0).
 *
 * ── step-2, as printed: "By taking ε = O(σ_d/(√(d³σ₁)e_b²(m+n))) and η = O(σ_dε²/(dσ₁³)), we have
 *      ½η(σ_d − a_t²)a_t ≥ ½η(σ_d/2)(ε/(c√d)) ≥ 22(c√d/ε)σ₁³η² + 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d,
 *    hence, a_{t+1} ≥ (1 + (η/2)(σ_d − a_t²))a_t (32)."
 *    Checked: the two "≥", and the "hence" as the scalar implication it is — (15)'s right side
 *    √((1 + η(σ_d − a²))²a² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d ≥ (1 + (η/2)(σ_d − a²))a (so
 *    every a_{t+1} obeying (15), yd21.eq-20.sigma-d-a, obeys (32)). Hypotheses: APP_D_FIRST plus the
 *    two O(·) choices with their constants derived (each half of ½η(σ_d/2)ε/(c√d) covers one term):
 *    ε ≤ σ_d/(24√2·c·√(d³σ₁)e_b²(m+n)) (using e_b² + c² ≤ 2e_b², e_b ≥ c) and η ≤ σ_dε²/(176c²dσ₁³).
 *    All hold. Sabotage: (32) with η in place of η/2 (false: (15)'s side is below (1 + η(σ_d − a²))a).
 *
 * Instances: σ₁ ∈ [0.5, 2], κ ∈ [1, 4], d ∈ [1, 3], m − d, n − d ∈ [0, 3], c ∈ [0.5, 3], e_b/c ∈ [1, 3],
 * ε and η as fractions of their bounds, a_t anywhere in [ε/(c√d), √(σ_d/2)]. Scales: the sides'
 * sizes; a square root √y errs by |y|/(2√y).
 */
import fc from 'fast-check';
import { atLeast, type Comparison } from '../../../src/claims/compare.ts';
import { defineClaim } from '../../../src/claims/types.ts';
import { dimension, fractionOfMax, inLogRange, inRange, unitInterval } from '../../../src/random/arbitraries.ts';
import { aFloor, APP_D_FIRST, APP_D_SECOND, type AppDScalars, epsilonAppD, etaAppD, etaChoiceAppD } from '../support/step-hypotheses.ts';

/** (1 + η(σ_d − a²))a and δ = 22σ₁³η²: the pieces of (15)'s square root. */
function root15(z: AppDScalars) {
  const x = (1 + z.eta * (z.sigmaD - z.a * z.a)) * z.a;
  const delta = 22 * z.sigma1 ** 3 * z.eta ** 2;
  const y = x * x - delta;
  return { x, delta, root: Math.sqrt(y), rootScale: (x * x + delta) / (2 * Math.sqrt(y)) };
}

/** Step-1: √(x² − δ) ≥ x − k·δc√d/ε (k = 1 as printed, 0 the sabotage). */
function step1(z: AppDScalars, k = 1): Comparison[] {
  const { x, delta, root, rootScale } = root15(z);
  const rhs = x - (k * delta) / aFloor(z);
  return [atLeast('√((1 + η(σ_d − a_t²))²a_t² − 22σ₁³η²) ≥ (1 + η(σ_d − a_t²))a_t − 22(c√d/ε)σ₁³η²', root, rhs, rootScale + x + delta / aFloor(z))];
}

/** 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d: (15)'s second term. */
const term15 = (z: AppDScalars) => 1.5 * Math.sqrt(2 * z.sigma1) * z.eta * (z.eb * z.eb + z.c * z.c) * z.epsilon ** 2 * (z.m + z.n) * z.d;

/** Step-2 with (32)'s rate k·η (k = ½ as printed, 1 the sabotage). */
function step2(z: AppDScalars, k = 0.5): Comparison[] {
  const { delta, root, rootScale } = root15(z);
  const lhs = 0.5 * z.eta * (z.sigmaD - z.a * z.a) * z.a;
  const mid = 0.5 * z.eta * (z.sigmaD / 2) * aFloor(z);
  const right = delta / aFloor(z) + term15(z);
  const r15 = root - term15(z);
  const r32 = (1 + k * z.eta * (z.sigmaD - z.a * z.a)) * z.a;
  return [
    atLeast('½η(σ_d − a_t²)a_t ≥ ½η(σ_d/2)(ε/(c√d))', lhs, mid, 0.5 * z.eta * (z.sigmaD + z.a * z.a) * z.a + mid),
    atLeast('½η(σ_d/2)(ε/(c√d)) ≥ 22(c√d/ε)σ₁³η² + 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d', mid, right, mid + right),
    atLeast(
      `hence (32): √((1 + η(σ_d − a_t²))²a_t² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d ≥ (1 + ${k === 0.5 ? '(η/2)' : 'η'}(σ_d − a_t²))a_t`,
      r15,
      r32,
      rootScale + term15(z) + (1 + z.eta * (z.sigmaD + z.a * z.a)) * z.a,
    ),
  ];
}

/** The instances: the parameters, then ε, η and a_t inside the bounds `chosen` says are in force. */
function instances(chosen: boolean): fc.Arbitrary<AppDScalars> {
  return fc
    .record({
      sigma1: inRange(0.5, 2),
      kappa: inRange(1, 4),
      d: dimension(1, 3),
      mExtra: dimension(0, 3),
      nExtra: dimension(0, 3),
      c: inRange(0.5, 3),
      ebOverC: inRange(1, 3),
      u: chosen ? fractionOfMax() : inLogRange(1e-3, 1),
      f: fractionOfMax(),
      v: unitInterval(),
    })
    .map((r) => {
      const sigmaD = r.sigma1 / r.kappa;
      const base = { sigma1: r.sigma1, sigmaD, d: r.d, m: r.d + r.mExtra, n: r.d + r.nExtra, c: r.c, eb: r.c * r.ebOverC, epsilon: 0, eta: 0, a: 0 };
      // Without App. D's choice of ε, ε is bounded only by a_t's range being non-empty: ε/(c√d) ≤ √(σ_d/2).
      const epsilon = r.u * (chosen ? epsilonAppD(base) : r.c * Math.sqrt((r.d * sigmaD) / 2));
      const withEps = { ...base, epsilon };
      const etaMax = Math.min(1 / (16 * r.sigma1), etaAppD(withEps), ...(chosen ? [etaChoiceAppD(withEps)] : []));
      const lo = aFloor(withEps);
      const hi = Math.sqrt(sigmaD / 2);
      return { ...withEps, eta: r.f * etaMax, a: Math.min(hi, lo + r.v * (hi - lo)) };
    });
}

export const appDStep1 = defineClaim<AppDScalars>({
  id: 'yd21.app-d.step-1',
  source: { paper: 'YD21', where: 'App. D (preprint), first display' },
  kind: 'inequality',
  statement: 'a_t ≥ ε/(c√d), 22σ₁³η² ≤ ε²/(c²d) ⇒ √((1 + η(σ_d − σ_d(A_t)²))²σ_d(A_t)² − 22σ₁³η²) ≥ (1 + η(σ_d − σ_d(A_t)²))σ_d(A_t) − 22(c√d/ε)σ₁³η²',
  hypotheses: APP_D_FIRST,
  choices: { ε: 'ε/(c√(dσ_d/2)) log-uniform in [10⁻³, 1] (App. D needs only a_t ≥ ε/(c√d) with a_t ≤ √(σ_d/2))' },
  instances: instances(false),
  size: () => 1,
  check: (z) => step1(z),
  expected: 'holds',
  sabotage: { description: 'the correction 22(c√d/ε)σ₁³η² dropped', check: (z) => step1(z, 0) },
  runs: 500,
});

export const appDStep2 = defineClaim<AppDScalars>({
  id: 'yd21.app-d.step-2',
  source: { paper: 'YD21', where: 'App. D (preprint), second display and (32)' },
  kind: 'inequality',
  statement:
    'ε = O(σ_d/(√(d³σ₁)e_b²(m+n))), η = O(σ_dε²/(dσ₁³)) ⇒ ½η(σ_d − a_t²)a_t ≥ ½η(σ_d/2)(ε/(c√d)) ≥ 22(c√d/ε)σ₁³η² + 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d, hence (15) ⇒ a_{t+1} ≥ (1 + (η/2)(σ_d − a_t²))a_t (32)',
  hypotheses: APP_D_SECOND,
  choices: { 'O-constants': 'ε ≤ σ_d/(24√2·c·√(d³σ₁)e_b²(m+n)), η ≤ σ_dε²/(176c²dσ₁³) (derived: each half of ½η(σ_d/2)ε/(c√d) covers one term)' },
  instances: instances(true),
  size: () => 1,
  check: (z) => step2(z),
  expected: 'holds',
  sabotage: { description: '(32) with η in place of η/2', check: (z) => step2(z, 1) },
  runs: 500,
});
