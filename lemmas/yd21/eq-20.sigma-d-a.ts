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
 * Scale: σ_d and ‖·‖_op of a formed matrix err by its magnitude (src/gd/magnitudes.ts); ‖X‖² by
 * 2‖X‖|X|; √y by |y|/(2√y) (first order). y > 0 under the hypotheses: f(s) = (1 + η(σ_d − s))²s increases
 * on [0, 2σ₁] when η ≤ 1/(16σ₁), a_t² ≥ L = ε²/(c²d) by (1), and App. D's 22σ₁³η² ≤ L, so
 * y ≥ f(L) − L ≥ 2ηL(σ_d − L) > 0 (L < σ_d by §3.2.4's ε). App. D's condition is what makes the square
 * root of (15) real, so it is in force where (15) is printed.
 */
import { blockStep } from '../../src/gd/index.ts';
import { combine, eye, mul, mulAll, sub, transpose } from '../../src/linalg/dense.ts';
import { lambdaMin, opNorm, sigmaMin } from '../../src/linalg/spectral.ts';
import { atLeast, atMost, type Comparison } from '../../src/claims/compare.ts';
import { blockMagnitudes, stepMagnitudes } from '../../src/gd/magnitudes.ts';
import { exactInput, magnitudeOps } from '../../src/claims/measured.ts';
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

function check(x: StageOneState, k: Constants, weylSign = -1): Comparison[] {
  const { before: s, after } = blockStep(x.sigma, x.U, x.V, x.eta);
  const { eta, sigma1: s1, sigmaD: sd, epsilon: eps, c, eb, m, n, d } = x;
  const r2 = Math.sqrt(2 * s1);
  const mb = blockMagnitudes(x.sigma, x.U, x.V);
  const ma = stepMagnitudes(x.sigma, x.U, x.V, eta);

  const sNext = sigmaMin(after.A);
  const SmS = sub(s.Sigma, mul(s.A, transpose(s.A)));
  const X = combine([1, s.A], [eta, mul(SmS, s.A)]);
  const sX = sigmaMin(X);
  const mX = mb.A + eta * (mb.Sigma + mb.A * mb.A) * mb.A;
  const W = aPerturbation(magnitudeOps, { A: exactInput(s.A), B: exactInput(s.B), M: exactInput(s.M), N: exactInput(s.N) }).value;
  const nW = opNorm(W);
  const mW = 3 * mb.B * mb.B * mb.A + mb.A * mb.M + mb.B * mb.N;
  const [nB, nJ, nK] = [opNorm(s.B), opNorm(s.J), opNorm(s.K)];
  const bound1 = 3 * r2 * nB * nB + r2 * (nK * nK + nJ * nJ);
  const bound1Scale = 2 * r2 * (3 * nB * mb.B + nK * mb.K + nJ * mb.J);

  const F = combine([1, eye(d)], [eta, SmS]);
  const sBar = lambdaMin(mulAll(F, mul(s.A, transpose(s.A)), F));
  const mSBar = (1 + eta * (mb.Sigma + mb.A * mb.A)) ** 2 * mb.A * mb.A;
  const bound2 = 3 * r2 * eb * eb * eps * eps * d * d + r2 * c * c * eps * eps * (m + n);

  const a = sigmaMin(s.A);
  const z = (1 + eta * (sd - a * a)) ** 2 * a * a - k.twentyTwo * s1 ** 3 * eta * eta;
  // a² = σ_d(A)² errs by up to |A|² (the model of the hypothesis (1), whose eigenvalues of AAᵀ are
  // checked relative to ‖AAᵀ‖), not only 2a|A|: near (1)'s lower end a² ≪ |A|².
  const zScale = 3 * (1 + eta * (sd + 2 * s1)) ** 2 * (2 * a * mb.A + mb.A * mb.A) + k.twentyTwo * s1 ** 3 * eta * eta;
  const bound3 = k.oneAndAHalf * r2 * eta * (eb * eb + c * c) * eps * eps * (m + n) * d;

  const line1 = sX - eta * bound1;
  const line2 = Math.sqrt(sBar) - eta * bound2;
  // At the corner of the hypotheses (σ_d(A)² = ε²/(c²d) and 22σ₁³η² = ε²/(c²d)) z is ≈ 2ηLσ_d, below the
  // rounding of a² when L ≪ ‖A‖²: z's error e = tol·zScale makes √z err by e/(2√z), or by √(2e) once
  // z ≤ e (where √ is taken of max(z, 0)). The scale is that error over tol.
  const tol = relativeTolerance('inequality', stateSize(x));
  const e = tol * zScale;
  const line3 = Math.sqrt(z >= -e ? Math.max(z, 0) : z) - bound3;
  const line1Scale = mX + eta * bound1Scale;
  const line2Scale = mSBar / (2 * Math.sqrt(sBar)) + eta * bound2;
  const line3Scale = (z > e ? zScale / (2 * Math.sqrt(z)) : Math.sqrt(2 * e) / tol) + bound3;
  return [
    atLeast('[W] σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖W_t‖_op', sNext, sX + weylSign * eta * nW, ma.A + mX + eta * mW),
    atMost('[N] ‖W_t‖_op ≤ 3√(2σ₁)‖B_t‖²_op + √(2σ₁)(‖K_t‖²_op + ‖J_t‖²_op)', nW, bound1, mW + bound1Scale),
    atLeast('(20) L1: σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η(3√(2σ₁)‖B_t‖² + √(2σ₁)(‖K_t‖² + ‖J_t‖²))', sNext, line1, ma.A + line1Scale),
    atLeast('(20) L2: L1 ≥ √σ_d(S̄_{t+1}) − η(3√(2σ₁)e_b²ε²d² + √(2σ₁)c²ε²(m+n))', line1, line2, line1Scale + line2Scale),
    atLeast('(20) L3: L2 ≥ √((1 + η(σ_d − a_t²))²a_t² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d', line2, line3, line2Scale + line3Scale),
    atLeast('(15): σ_d(A_{t+1}) ≥ √((1 + η(σ_d − a_t²))²a_t² − 22σ₁³η²) − 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d', sNext, line3, ma.A + line3Scale),
  ];
}

/** The pieces of (15): σ_d(A_{t+1}), (1 + η(σ_d − a²))²a², and the units of the two constants. */
function endToEnd(x: StageOneState) {
  const { after, before } = blockStep(x.sigma, x.U, x.V, x.eta);
  const a = sigmaMin(before.A);
  return {
    sNext: sigmaMin(after.A),
    growth: (1 + x.eta * (x.sigmaD - a * a)) ** 2 * a * a,
    unit22: x.sigma1 ** 3 * x.eta * x.eta,
    unitHalf: Math.sqrt(2 * x.sigma1) * x.eta * (x.eb * x.eb + x.c * x.c) * x.epsilon ** 2 * (x.m + x.n) * x.d,
  };
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
  // For each constant, the smallest value for which (15) still holds with the other one as printed.
  witness: {
    twentyTwo: (x, tol) => {
      const w = endToEnd(x);
      const rhs = w.sNext + 1.5 * w.unitHalf;
      return (w.growth - rhs * rhs - tol * (w.growth + rhs * rhs)) / w.unit22;
    },
    oneAndAHalf: (x, tol) => {
      const w = endToEnd(x);
      const root = Math.sqrt(Math.max(0, w.growth - 22 * w.unit22));
      return (root - w.sNext - tol * (root + w.sNext)) / w.unitHalf;
    },
  },
  expected: 'holds',
  sabotage: {
    description: 'sign of the Weyl perturbation flipped: σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) + η‖W_t‖_op',
    check: (x, c) => check(x, { twentyTwo: c.twentyTwo, oneAndAHalf: c.oneAndAHalf }, +1),
  },
  runs: 1000,
});
