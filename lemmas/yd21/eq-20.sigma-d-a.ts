/**
 * YD21 §3.2.3 (first display), (15) and (20) (App. A of the preprint) — the lower bound on
 * σ_d(A_{t+1}), every "≥" its own comparison:
 *
 *   [W]  σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖W_t‖_op,
 *        W_t = B_tB_tᵀA_t − A_tB_tᵀB_t + B_tA_tᵀB_t − A_t(K_tᵀK_t + J_tᵀJ_t)/2 − B_t(K_tᵀK_t − J_tᵀJ_t)/2
 *        (§3.2.3; Weyl's inequality for singular values, with the split of yd21.sec-3.2.3.a-split)
 *   [N]  ‖W_t‖_op ≤ 3√(2σ₁)‖B_t‖²_op + √(2σ₁)(‖K_t‖²_op + ‖J_t‖²_op)      (inside (20)'s first line)
 *   (20) σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η(3√(2σ₁)‖B_t‖²_op + √(2σ₁)(‖K_t‖²_op + ‖J_t‖²_op))  [L1]
 *                     ≥ √σ_d(S̄_{t+1}) − η(3√(2σ₁)e_b²ε²d² + √(2σ₁)c²ε²(m + n))                            [L2]
 *                     ≥ √((1 + η(σ_d − σ_d(A_t)²))²σ_d(A_t)² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m + n)d  [L3]
 *   (15) σ_d(A_{t+1}) ≥ [L3's right side]
 *
 * with S̄_{t+1} = (I + η(Σ − S_t))S_t(I + η(Σ − S_t)), S_t = A_tA_tᵀ. Why each holds under the
 * assumptions (lemmas/yd21/support/stage-one-hypotheses.ts: the frame, §3.2.1's (1), (2), and the stage-one
 * choices: J/K bounds, η ≤ 1/(16σ₁), §3.2.4's ε, App. D's η; instances from lemmas/yd21/support/stage-one.ts): [N] ‖A‖ ≤ √(2σ₁) by AAᵀ ⪯ 2Σ, three
 * B-terms of norm ≤ ‖A‖‖B‖², ‖A(KᵀK+JᵀJ)/2‖ ≤ √(2σ₁)(‖K‖² + ‖J‖²)/2, ‖B(KᵀK−JᵀJ)/2‖ ≤ ‖B‖·max(‖K‖², ‖J‖²)/2
 * ≤ √(2σ₁)(‖K‖² + ‖J‖²)/2 once ‖B‖ ≤ √(2σ₁) (which the choice of ε gives); L1 ≥ L2 since
 * σ_d((I + η(Σ − S))A) = √σ_d(S̄) and ‖B‖²_op ≤ ‖B‖²_F ≤ e_b²d²ε², ‖K‖² + ‖J‖² ≤ c²ε²(max(n′,d) + max(m′,d))
 * ≤ c²ε²(m + n); L2 ≥ L3 by Lemma 3.2 with β = ½ ((8 + 3)/(½) = 22; η ≤ 1/(16σ₁) = β/(8σ₁), S ⪯ 2Σ ⪯ 2σ₁I)
 * and 3e_b²d² + c²(m + n) ≤ 1.5(e_b² + c²)(m + n)d (as 2d ≤ m + n). So the chain holds; the check
 * confirms it on instances that put ‖B‖, ‖J‖, ‖K‖ anywhere up to their allowed maxima.
 *
 * Scale: each side written once against BoundOps (src/claims/measured.ts) and evaluated on the
 * engine's step in the magnitude model, so the scale is computed, not derived: σ_d and ‖·‖_op of a
 * formed matrix carry its magnitude, a² = σ_d(A)² carries |A|² (not only 2a|A|: near (1)'s lower
 * end a² ≪ |A|²), and √ is first order with boundOps' corner below its own error. The radicand of
 * (15) is positive under the hypotheses: f(s) = (1 + η(σ_d − s))²s increases on [0, 2σ₁] when
 * η ≤ 1/(16σ₁), a_t² ≥ L = ε²/(c²d) by (1), and App. D's 22σ₁³η² ≤ L, so y ≥ f(L) − L ≥
 * 2ηL(σ_d − L) > 0 (L < σ_d by §3.2.4's ε); at the corner of the hypotheses (σ_d(A)² = L and
 * 22σ₁³η² = L) it is ≈ 2ηLσ_d, which can lie below the rounding of a², where boundOps' √ takes the
 * corner. App. D's condition is what makes the square root of (15) real, so it is in force where
 * (15) is printed.
 */
import { boundComparison, boundOps, type BoundOps, exactScalar, type MeasuredScalar, magnitudeOps } from '../../src/claims/measured.ts';
import { measuredDiagonalStep } from '../../src/gd/measured-step.ts';
import type { FullStepView } from '../../src/exact/states.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { STAGE_ONE_CHOICES, type StageOneState, stageOneState } from './support/stage-one.ts';
import { STAGE_ONE } from './support/stage-one-hypotheses.ts';
import { stateSize } from '../../src/random/instances.ts';
import { aPerturbation } from './sec-3.2.3.a-split.ts';

/** The printed constants 22 (Lemma 3.2's C at β = ½) and 1.5 of (15)/(20). */
interface Constants {
  readonly twentyTwo: number;
  readonly oneAndAHalf: number;
}

/**
 * The pieces of (15)'s right side √(growth − 22·unit22) − 1.5·unitHalf: σ_d(A_{t+1}),
 * growth = (1 + η(σ_d − a_t²))²a_t², unit22 = σ₁³η², unitHalf = √(2σ₁)η(e_b² + c²)ε²(m + n)d.
 */
function fifteenPieces<M, S>(A: BoundOps<M, S>, { x: v, before: s, after }: FullStepView<M, S>, x: StageOneState) {
  const { F } = A;
  const [eta, s1, eps] = [v.eta, A.constant(x.sigma1), A.constant(x.epsilon)];
  const sq = (a: S) => F.mul(a, a);
  const a2 = sq(A.sigmaMin(s.A));
  const growth = F.mul(sq(F.add(F.one, F.mul(eta, F.sub(A.constant(x.sigmaD), a2)))), a2);
  const r2 = A.sqrt(F.mul(A.int(2), s1));
  const unitHalf = [r2, eta, F.add(sq(A.constant(x.eb)), sq(A.constant(x.c))), sq(eps), A.int(x.m + x.n), A.int(x.d)].reduce(F.mul);
  return { sNext: A.sigmaMin(after.A), growth, unit22: F.mul(F.mul(s1, sq(s1)), sq(eta)), unitHalf, r2 };
}

/** Every printed side of [W], [N], (20) L1–L3 and (15), written once; weylSign = +1 is the sabotage. */
function sides<M, S>(A: BoundOps<M, S>, view: FullStepView<M, S>, x: StageOneState, k: Constants, weylSign: 1 | -1) {
  const { F, mul, tr, combine } = A;
  const { x: v, before: s } = view;
  const eta = v.eta;
  const sq = (a: S) => F.mul(a, a);
  const { sNext, growth, unit22, unitHalf, r2 } = fifteenPieces(A, view, x);
  const [eps, c, eb] = [A.constant(x.epsilon), A.constant(x.c), A.constant(x.eb)];

  const SmS = A.sub(s.Sigma, mul(s.A, tr(s.A)));
  const sX = A.sigmaMin(combine([F.one, s.A], [eta, mul(SmS, s.A)]));
  const nW = A.opNorm(aPerturbation(A, s));
  const bound1 = F.add(F.mul(F.mul(A.int(3), r2), sq(A.opNorm(s.B))), F.mul(r2, F.add(sq(A.opNorm(s.K)), sq(A.opNorm(s.J)))));
  const G = combine([F.one, A.eye(x.d)], [eta, SmS]);
  const sBar = A.lambdaMin(mul(G, mul(s.A, tr(s.A)), G));
  const bound2 = F.add([A.int(3), r2, sq(eb), sq(eps), A.int(x.d * x.d)].reduce(F.mul), [r2, sq(c), sq(eps), A.int(x.m + x.n)].reduce(F.mul));
  const z = F.sub(growth, F.mul(A.constant(k.twentyTwo), unit22));
  const line1 = F.sub(sX, F.mul(eta, bound1));
  const line2 = F.sub(A.sqrt(sBar), F.mul(eta, bound2));
  const line3 = F.sub(A.sqrt(z), F.mul(A.constant(k.oneAndAHalf), unitHalf));
  return { sNext, weyl: F.add(sX, F.mul(F.mul(A.int(weylSign), eta), nW)), nW, bound1, line1, line2, line3 };
}

/** Each comparison's sides evaluated on the engine's step in the magnitude model: values and computed scales. */
function check(x: StageOneState, k: Constants, weylSign: 1 | -1 = -1): Comparison[] {
  const q = sides(boundOps(relativeTolerance('inequality', stateSize(x))), measuredDiagonalStep(x), x, k, weylSign);
  return [
    boundComparison('[W] σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖W_t‖_op', q.sNext, '≥', q.weyl),
    boundComparison('[N] ‖W_t‖_op ≤ 3√(2σ₁)‖B_t‖²_op + √(2σ₁)(‖K_t‖²_op + ‖J_t‖²_op)', q.nW, '≤', q.bound1),
    boundComparison('(20) L1: σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η(3√(2σ₁)‖B_t‖² + √(2σ₁)(‖K_t‖² + ‖J_t‖²))', q.sNext, '≥', q.line1),
    boundComparison('(20) L2: L1 ≥ √σ_d(S̄_{t+1}) − η(3√(2σ₁)e_b²ε²d² + √(2σ₁)c²ε²(m+n))', q.line1, '≥', q.line2),
    boundComparison('(20) L3: L2 ≥ √((1 + η(σ_d − a_t²))²a_t² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d', q.line2, '≥', q.line3),
    boundComparison('(15): σ_d(A_{t+1}) ≥ √((1 + η(σ_d − a_t²))²a_t² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d', q.sNext, '≥', q.line3),
  ];
}

/** (15)'s pieces on the engine's step, each with its computed magnitude (for the witnesses). */
function endToEnd(x: StageOneState): Record<'sNext' | 'growth' | 'unit22' | 'unitHalf', MeasuredScalar> {
  return fifteenPieces(boundOps(relativeTolerance('inequality', stateSize(x))), measuredDiagonalStep(x), x);
}

export const eq20 = defineClaim<StageOneState>({
  id: 'yd21.eq-20.sigma-d-a',
  source: { paper: 'YD21', where: '§3.2.3 first display, (15), (20) (App. A)' },
  kind: 'inequality',
  statement:
    'σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖W_t‖_op; ‖W_t‖_op ≤ 3√(2σ₁)‖B_t‖²_op + √(2σ₁)(‖K_t‖²_op + ‖J_t‖²_op); ' +
    'σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η(3√(2σ₁)‖B_t‖²_op + √(2σ₁)(‖K_t‖²_op + ‖J_t‖²_op)) ≥ √σ_d(S̄_{t+1}) − η(3√(2σ₁)e_b²ε²d² + √(2σ₁)c²ε²(m+n)) ' +
    '≥ √((1 + η(σ_d − σ_d(A_t)²))²σ_d(A_t)² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d',
  hypotheses: STAGE_ONE,
  choices: { ...STAGE_ONE_CHOICES },
  instances: stageOneState(),
  size: stateSize,
  constants: {
    twentyTwo: { printed: () => 22, formula: '22 (in −22σ₁³η², Lemma 3.2 at β = ½)' },
    oneAndAHalf: { printed: () => 1.5, formula: '1.5 (in −1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d)' },
  },
  check: (x, c) => check(x, { twentyTwo: c.twentyTwo, oneAndAHalf: c.oneAndAHalf }),
  // For each constant, the smallest value for which (15) still holds with the other one as printed:
  // (15) solved for it on its own pieces, the computed magnitude of what is compared deducted (tol·scale).
  witness: {
    twentyTwo: (x, tol) => {
      const { F } = magnitudeOps;
      const w = endToEnd(x);
      const rhs = F.add(w.sNext, F.mul(exactScalar(1.5), w.unitHalf));
      const rhs2 = F.mul(rhs, rhs);
      return (w.growth.value - rhs2.value - tol * (w.growth.magnitude + rhs2.magnitude)) / w.unit22.value;
    },
    oneAndAHalf: (x, tol) => {
      const A = boundOps(tol);
      const w = endToEnd(x);
      const root = A.sqrt(A.F.sub(w.growth, A.F.mul(A.constant(22), w.unit22)));
      return (root.value - w.sNext.value - tol * (root.magnitude + w.sNext.magnitude)) / w.unitHalf.value;
    },
  },
  expected: 'holds',
  sabotage: {
    description: 'sign of the Weyl perturbation flipped: σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) + η‖W_t‖_op',
    check: (x, c) => check(x, { twentyTwo: c.twentyTwo, oneAndAHalf: c.oneAndAHalf }, +1),
  },
  runs: 1000,
});
