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
 * ε and η as fractions of their bounds, a_t anywhere in [ε/(c√d), √(σ_d/2)]. Scale: the sides are
 * written once against BoundOps and evaluated in the magnitude model (src/claims/measured.ts: the
 * instance's scalars exact, √y carrying |y|/(2√y)), so each comparison's scale is computed from them.
 */
import fc from 'fast-check';
import type { Comparison } from '../../../src/claims/compare.ts';
import { defineClaim } from '../../../src/claims/types.ts';
import { boundComparison, boundOps, type BoundOps } from '../../../src/claims/measured.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { dimension, fractionOfMax, inLogRange, inRange, unitInterval } from '../../../src/random/arbitraries.ts';
import { aFloor, APP_D_FIRST, APP_D_SECOND, type AppDScalars, epsilonAppD, etaAppD, etaChoiceAppD } from '../support/step-hypotheses.ts';
import { aGrowth } from '../app-d.a-iteration.ts';

/**
 * The instance's scalars as exact constants, a_t's floor ε/(c√d) (aFloor) among them, and the pieces
 * of (15): x = (1 + η(σ_d − a_t²))a_t, δ = 22σ₁³η², √(x² − δ) and 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d.
 */
function pieces<M, S>(A: BoundOps<M, S>, z: AppDScalars) {
  const { F } = A;
  const [sigma1, sigmaD, eta, a, eb, c, epsilon] = [z.sigma1, z.sigmaD, z.eta, z.a, z.eb, z.c, z.epsilon].map(A.constant);
  const x = aGrowth(F, sigmaD, eta, a, F.one);
  const delta = [A.int(22), sigma1, sigma1, sigma1, eta, eta].reduce(F.mul);
  const rootTwoSigma1 = A.sqrt(F.mul(A.int(2), sigma1));
  const term15 = [A.ratio(3, 2), rootTwoSigma1, eta, F.add(F.mul(eb, eb), F.mul(c, c)), epsilon, epsilon, A.int(z.m + z.n), A.int(z.d)].reduce(F.mul);
  return { sigmaD, eta, a, floor: A.constant(aFloor(z)), x, delta, root: A.sqrt(F.sub(F.mul(x, x), delta)), term15 };
}

/** The magnitude model at the claims' tolerance (their size is 1: scalars). */
const OPS = boundOps(relativeTolerance('inequality', 1));

/** Step-1: √(x² − δ) ≥ x − δ·(c√d/ε) (the correction dropped: the sabotage). */
function step1(z: AppDScalars, dropCorrection = false): Comparison[] {
  const A = OPS;
  const { x, delta, root, floor } = pieces(A, z);
  const rhs = dropCorrection ? x : A.F.sub(x, A.F.div(delta, floor));
  return [boundComparison('√((1 + η(σ_d − a_t²))²a_t² − 22σ₁³η²) ≥ (1 + η(σ_d − a_t²))a_t − 22(c√d/ε)σ₁³η²', root, '≥', rhs)];
}

/** Step-2 with (32)'s rate k·η (k = ½ as printed, 1 the sabotage). */
function step2(z: AppDScalars, fullRate = false): Comparison[] {
  const A = OPS;
  const { F } = A;
  const p = pieces(A, z);
  const half = A.ratio(1, 2);
  const lhs = [half, p.eta, F.sub(p.sigmaD, F.mul(p.a, p.a)), p.a].reduce(F.mul);
  const mid = [half, p.eta, F.mul(p.sigmaD, half), p.floor].reduce(F.mul);
  const right = F.add(F.div(p.delta, p.floor), p.term15);
  const r15 = F.sub(p.root, p.term15);
  const r32 = aGrowth(F, p.sigmaD, p.eta, p.a, fullRate ? F.one : half);
  return [
    boundComparison('½η(σ_d − a_t²)a_t ≥ ½η(σ_d/2)(ε/(c√d))', lhs, '≥', mid),
    boundComparison('½η(σ_d/2)(ε/(c√d)) ≥ 22(c√d/ε)σ₁³η² + 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d', mid, '≥', right),
    boundComparison(
      `hence (32): √((1 + η(σ_d − a_t²))²a_t² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d ≥ (1 + ${fullRate ? 'η' : '(η/2)'}(σ_d − a_t²))a_t`,
      r15,
      '≥',
      r32,
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
  sabotage: { description: 'the correction 22(c√d/ε)σ₁³η² dropped', check: (z) => step1(z, true) },
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
  sabotage: { description: '(32) with η in place of η/2', check: (z) => step2(z, true) },
  runs: 500,
});
