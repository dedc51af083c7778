/**
 * YD21 §3.2.4 (both copies), the displays after (17) — for t ≥ T₁:
 *
 *   "On the other hand, we can also analyze the operator norm of P by using formula (16), since
 *    σ_d(A_t) ≥ √(σ_d/2) for t ≥ T₁. This implies that
 *      σ₁(P_{t+1}) ≤ (1 − ησ_d/2)²σ₁(P_t) + O(ηe_b²ε²(m+n)dσ₁),                       [step]
 *    and it follows that
 *      σ₁(P_{t+T₁}) ≤ (1 − ησ_d/2)^{2t}σ₁(P_{T₁}) + O(e_b²ε²(m+n)dκ).  (18)"          [unrolled]
 *
 * [step] on one GD step from the stage-one states of lemmas/yd21/support/stage-one.ts (hypotheses STAGE_ONE of
 * lemmas/yd21/support/stage-one-hypotheses.ts, §3.2.4's η ≤ c²ε²(m+n)d/σ₁², and σ_d(A_t) ≥ √(σ_d/2); instances
 * filtered to it), O-constant C = 16. Why it holds: Σ − P = AAᵀ − BBᵀ ⪰ (σ_d/2 − ‖B‖²)I and ⪯ 2Σ, so
 * ‖I − η(Σ − P)‖ ≤ 1 − η(σ_d/2 − ‖B‖²) (η ≤ 1/(16σ₁)), and (16)'s congruence has norm ≤ that squared
 * times σ₁(P); the ‖B‖² ≤ e_b²d²ε² excess and ‖E_t‖ are O(ηe_b²ε²(m+n)dσ₁). Holds. Sabotage: the rate
 * (1 − ησ_d/2)² lowered to (1 − ησ_d)².
 *
 * [unrolled] on scalar sequences x_{t+1} ≤ r²x_t + G (r = 1 − ησ_d/2, G = C·ηe_b²ε²(m+n)dσ₁, the step
 * with its constant): x_t ≤ r^{2t}x_0 + G/(1 − r²) ≤ r^{2t}x_0 + 2C·e_b²ε²(m+n)dκ (1 − r² = ησ_d(1 − ησ_d/4)
 * ≥ ησ_d/2), i.e. (18) with O-constant 2C. Holds. Sabotage: the O(·) term dropped.
 *
 * Scale: [step]'s two sides are written once against BoundOps and evaluated on the engine's step in
 * the magnitude model (src/claims/measured.ts), so the scale is computed from them: σ₁ of P_t and of
 * P_{t+1} carries the magnitude of what P was formed from. [unrolled] reads given numbers: its scale
 * is the sides' size times t + 2 (the roundings of r^{2t}, one per factor).
 */
import fc from 'fast-check';
import { atMost, type Comparison } from '../../../src/claims/compare.ts';
import { defineClaim } from '../../../src/claims/types.ts';
import { hypothesis } from '../../../src/claims/hypotheses.ts';
import { leq } from '../../../src/hypotheses/matrix.ts';
import { sigmaMin } from '../../../src/linalg/spectral.ts';
import { boundComparison, boundOps, type BoundOps } from '../../../src/claims/measured.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { measuredDiagonalStep } from '../../../src/gd/measured-step.ts';
import type { FullStepView } from '../../../src/exact/states.ts';
import { type StageOneState, STAGE_ONE_CHOICES, stageOneState } from '../support/stage-one.ts';
import { STAGE_ONE, stageOneBlocks } from '../support/stage-one-hypotheses.ts';
import { stateSize } from '../../../src/random/instances.ts';
import { eta324, eta324Hypothesis, stageOneStepUnit } from '../support/step-hypotheses.ts';
import { inRange, unitInterval } from '../../../src/random/arbitraries.ts';

interface StepForm {
  /** The O-constant C. */
  readonly C: number;
  /** Sabotage: the rate (1 − ησ_d)² in place of (1 − ησ_d/2)². */
  readonly fullRate?: boolean;
}

/** The two sides of [step]: σ₁(P_{t+1}) ≤ (1 − ησ_d/2)²σ₁(P_t) + C·ηe_b²ε²(m+n)dσ₁. */
function stepSides<M, S>(A: BoundOps<M, S>, z: StageOneState, { x, before, after }: FullStepView<M, S>, form: StepForm): { lhs: S; rhs: S } {
  const { F } = A;
  const rate = F.sub(F.one, F.mul(form.fullRate ? F.one : A.ratio(1, 2), F.mul(x.eta, A.constant(z.sigmaD))));
  const rhs = F.add(F.mul(F.mul(rate, rate), A.opNorm(before.P)), F.mul(A.constant(form.C), stageOneStepUnit(A, z, x.eta)));
  return { lhs: A.opNorm(after.P), rhs };
}

/** [step] evaluated on the engine's step in the magnitude model: each side's value and computed scale. */
function sigma1Step(x: StageOneState, form: StepForm): Comparison[] {
  const { lhs, rhs } = stepSides(boundOps(relativeTolerance('inequality', stateSize(x))), x, measuredDiagonalStep(x), form);
  return [boundComparison(`σ₁(P_{t+1}) ≤ (1 − ${form.fullRate ? 'ησ_d' : 'ησ_d/2'})²σ₁(P_t) + O(ηe_b²ε²(m+n)dσ₁)`, lhs, '≤', rhs)];
}

export const sigma1PStep = defineClaim<StageOneState>({
  id: 'yd21.sec-3.2.4.sigma1-p',
  source: { paper: 'YD21', where: '§3.2.4, display before (18) (both copies)' },
  kind: 'inequality',
  statement: 'σ_d(A_t) ≥ √(σ_d/2) ⇒ σ₁(P_{t+1}) ≤ (1 − ησ_d/2)²σ₁(P_t) + O(ηe_b²ε²(m+n)dσ₁)',
  hypotheses: [
    ...STAGE_ONE,
    eta324Hypothesis,
    hypothesis<StageOneState>('t-after-T1', 'σ_d(A_t) ≥ √(σ_d/2) ("for t ≥ T₁", §3.2.3)', (x) => sigmaMin(stageOneBlocks(x).A) ** 2 >= x.sigmaD / 2, {
      coordinates: { 'σ_d(A)²/σ_d': { value: (x) => sigmaMin(stageOneBlocks(x).A) ** 2 / x.sigmaD, domain: [0.5, 2] } },
    }),
  ],
  choices: { ...STAGE_ONE_CHOICES, 'η (§3.2.4)': 'the stage-one η capped at c²ε²(m+n)d/σ₁²', filter: 'stage-one states with σ_d(A)² ≥ σ_d/2 only', C: '16' },
  constants: { C: { printed: () => 16, formula: 'C in O(ηe_b²ε²(m+n)dσ₁) (chosen)' } },
  instances: stageOneState()
    .map((x) => ({ ...x, eta: Math.min(x.eta, eta324(x)) }))
    .filter((x) => sigmaMin(stageOneBlocks(x).A) ** 2 >= x.sigmaD / 2),
  size: stateSize,
  check: (x, c) => sigma1Step(x, { C: c.C }),
  witness: {
    // The C at which the sides with C = 0 meet within tolerance: (lhs − rhs − tol·scale)/unit.
    C: (x, tol) => {
      const A = boundOps(relativeTolerance('inequality', stateSize(x)));
      const view = measuredDiagonalStep(x);
      const { lhs, rhs } = stepSides(A, x, view, { C: 0 });
      return (lhs.value - rhs.value - tol * (lhs.magnitude + rhs.magnitude)) / stageOneStepUnit(A, x, view.x.eta).value;
    },
  },
  expected: 'holds',
  sabotage: { description: 'the rate (1 − ησ_d/2)² lowered to (1 − ησ_d)²', check: (x, c) => sigma1Step(x, { C: c.C, fullRate: true }) },
  runs: 300,
});

interface UnrolledInstance {
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly eta: number;
  /** G = C·ηe_b²ε²(m+n)dσ₁ (the step's O-term). */
  readonly G: number;
  /** σ₁(P_{T₁}), …, σ₁(P_{T₁+T}). */
  readonly x: number[];
}

/** (18) with the O-term's weight w (1 as printed, 0 the sabotage). */
function unrolled(z: UnrolledInstance, w = 1): Comparison[] {
  const r2 = (1 - (z.eta * z.sigmaD) / 2) ** 2;
  const oTerm = ((2 * z.G) / (z.eta * z.sigmaD)) * w; // 2G/(ησ_d) = 2C·e_b²ε²(m+n)dκ
  let worst: Comparison | null = null;
  let rt = 1;
  for (let t = 1; t < z.x.length; t++) {
    rt *= r2;
    const rhs = rt * z.x[0] + oTerm;
    const c = atMost(`t = ${t}: σ₁(P_{t+T₁}) ≤ (1 − ησ_d/2)^{2t}σ₁(P_{T₁}) + ${w ? 'O(e_b²ε²(m+n)dκ)' : '0'}`, z.x[t], rhs, (z.x[t] + rhs) * (t + 2));
    if (worst === null || c.slack / c.scale < worst.slack / worst.scale) worst = c;
  }
  return worst ? [worst] : [];
}

export const eq18 = defineClaim<UnrolledInstance>({
  id: 'yd21.eq-18.unrolled',
  source: { paper: 'YD21', where: '§3.2.4, (18) (both copies)' },
  kind: 'inequality',
  statement: 'σ₁(P_{t+1}) ≤ (1 − ησ_d/2)²σ₁(P_t) + O(ηe_b²ε²(m+n)dσ₁) ⇒ σ₁(P_{t+T₁}) ≤ (1 − ησ_d/2)^{2t}σ₁(P_{T₁}) + O(e_b²ε²(m+n)dκ) (18)',
  hypotheses: [
    hypothesis<UnrolledInstance>(
      'parameters',
      '0 < σ_d ≤ σ₁, 0 < η ≤ 1/(16σ₁), G = C·ηe_b²ε²(m+n)dσ₁ ≥ 0',
      (z) => z.sigmaD > 0 && z.sigmaD <= z.sigma1 && z.eta > 0 && leq(z.eta, 1 / (16 * z.sigma1), 1) && z.G >= 0,
      {
        coordinates: { κ: { value: (z) => z.sigma1 / z.sigmaD, domain: [1, 20] }, '16σ₁η': { value: (z) => 16 * z.sigma1 * z.eta, domain: [1 / 8, 1] } },
      },
    ),
    hypothesis<UnrolledInstance>(
      'step',
      'x_t = σ₁(P_{t+T₁}) ≥ 0 and x_{t+1} ≤ (1 − ησ_d/2)²x_t + G (the display before (18), with its O-constant)',
      (z) => z.x.length >= 2 && z.x.every((v, t) => v >= 0 && (t + 1 === z.x.length || leq(z.x[t + 1], (1 - (z.eta * z.sigmaD) / 2) ** 2 * v + z.G, 1))),
      { tolerance: 'relative 64·γ₁', coordinates: { ησ_dT: { value: (z) => z.eta * z.sigmaD * (z.x.length - 1), domain: [0, 12] } } },
    ),
  ],
  choices: {
    'O-constant': 'O(e_b²ε²(m+n)dκ) = 2G/(ησ_d) = 2C·e_b²ε²(m+n)dκ (derived: 1 − (1 − ησ_d/2)² ≥ ησ_d/2)',
    sequence: 'x_{t+1} = (1 − ησ_d/2)²x_t + (1 − θ_t)G, θ_t from eight values cycled',
  },
  instances: fc
    .record({
      sigma1: inRange(0.5, 2),
      kappa: inRange(1, 20),
      f: inRange(1 / 8, 1),
      g: inRange(0, 1e-3),
      x0: inRange(0, 2),
      tau: inRange(0, 12),
      theta: fc.array(unitInterval(), { minLength: 8, maxLength: 8 }),
    })
    .map((r) => {
      const sigmaD = r.sigma1 / r.kappa;
      const eta = r.f / (16 * r.sigma1);
      const G = r.g * eta * r.sigma1;
      const T = Math.max(1, Math.ceil(r.tau / (eta * sigmaD)));
      const r2 = (1 - (eta * sigmaD) / 2) ** 2;
      const x = [r.x0 * r.sigma1];
      for (let t = 0; t < T; t++) x.push(r2 * x[t] + (1 - r.theta[t % 8]) * G);
      return { sigma1: r.sigma1, sigmaD, eta, G, x };
    }),
  size: () => 1,
  check: (z) => unrolled(z),
  expected: 'holds',
  sabotage: { description: 'the O(e_b²ε²(m+n)dκ) term dropped', check: (z) => unrolled(z, 0) },
  runs: 200,
});
