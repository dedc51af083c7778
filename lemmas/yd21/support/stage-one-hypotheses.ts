/**
 * The assumptions of YD21 stage one as predicates over lemmas/yd21/support/stage-one.ts's StageOneState,
 * recomputed from the state's matrices (A = (U + V)/2, B = (U − V)/2, J, K the lower blocks of 𝐔, 𝐕):
 *
 *   the frame of §2.1 (Σ diagonal of rank d);
 *   YD21 §3.2.1 (standing for (15)–(22)): (1) ε²/(c²d)·I ⪯ AAᵀ ⪯ 2Σ, (2) ‖B‖_F ≤ e_b d ε with e_b ≥ c;
 *   the stage-one choices (§3.2.2–§3.2.4, App. D), in force from §3.2.3 on: ‖J‖, ‖K‖ within §3.1's
 *     bounds (kept by (8), (9)), η ≤ 1/(16σ₁), e_b²ε² ≤ σ_d/((m + n)dκ) and ε ≤ √σ₁e_bd/(c²(m + n)),
 *     and App. D's 22σ₁³η² ≤ ε²/(c²d).
 *
 * Numbers the state stores (η, ε, c, e_b, σ_i) are compared with `leq` at n = 1 where one side is a
 * product or root of them (rounding of that expression), exactly otherwise.
 */
import { COMPUTED_TOLERANCE, hypothesis, type Hypothesis, standing } from '../../../src/claims/hypotheses.ts';
import { block, diag, eye, frobenius, mul, scale, add, sub, transpose } from '../../../src/linalg/dense.ts';
import { opNorm, sigmaMin } from '../../../src/linalg/spectral.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { epsilonMax, etaAppendixD, STAGE_ONE_RANGES, type StageOneState } from './stage-one.ts';
import { hasShape, isDiagonalRank, isLoewnerBetween, leq } from '../../../src/hypotheses/matrix.ts';

/** The blocks of a stage-one state, recomputed from 𝐔 and 𝐕. */
export function stageOneBlocks(x: StageOneState) {
  const { d, m, n } = x;
  const [U, V] = [block(x.U, 0, d, 0, d), block(x.V, 0, d, 0, d)];
  return { A: scale(add(U, V), 0.5), B: scale(sub(U, V), 0.5), J: block(x.U, d, m, 0, d), K: block(x.V, d, n, 0, d) };
}

const kappa = (x: StageOneState) => x.sigmaValues[0] / x.sigmaValues[x.d - 1];

/** Σ diagonal of rank d (the frame of §2.1), with σ₁, σ_d the state stores. */
export const stageOneFrame = hypothesis<StageOneState>(
  'sigma-frame',
  'Σ = diag(σ₁, …, σ_d) padded to m×n, σ₁ ≥ … ≥ σ_d > 0 (the frame of §2.1); 𝐔 ∈ ℝ^{m×d}, 𝐕 ∈ ℝ^{n×d}',
  (x) =>
    hasShape(x.sigma, x.m, x.n) &&
    isDiagonalRank(x.sigma, x.d) &&
    x.d <= Math.min(x.m, x.n) &&
    x.sigmaValues.length === x.d &&
    x.sigmaValues.every((s, i) => s === x.sigma.data[i * x.n + i]) &&
    x.sigma1 === x.sigmaValues[0] &&
    x.sigmaD === x.sigmaValues[x.d - 1] &&
    hasShape(x.U, x.m, x.d) &&
    hasShape(x.V, x.n, x.d),
  {
    coordinates: {
      d: { value: (x) => x.d, domain: STAGE_ONE_RANGES.d },
      'm − d': { value: (x) => x.m - x.d, domain: STAGE_ONE_RANGES.complement },
      'n − d': { value: (x) => x.n - x.d, domain: STAGE_ONE_RANGES.complement },
      'm − n': { value: (x) => x.m - x.n, domain: [-3, 3] },
      'σ₁': { value: (x) => x.sigma1, domain: STAGE_ONE_RANGES.sigma1 },
      κ: { value: kappa, domain: STAGE_ONE_RANGES.kappa },
    },
  },
);

/** §3.2.1 (1): ε²/(c²d)·I ⪯ AAᵀ ⪯ 2Σ (computed eigenvalues of the differences). */
const assumptionOne = hypothesis<StageOneState>(
  '3.2.1-(1)',
  '(1) ε²/(c²d)·I ⪯ AAᵀ ⪯ 2Σ, A = (U + V)/2',
  (x) => {
    const { A } = stageOneBlocks(x);
    const S = mul(A, transpose(A));
    return x.c > 0 && x.epsilon > 0 && isLoewnerBetween(scale(eye(x.d), x.epsilon ** 2 / (x.c * x.c * x.d)), S, diag(x.sigmaValues.map((s) => 2 * s)));
  },
  {
    tolerance: COMPUTED_TOLERANCE,
    coordinates: {
      c: { value: (x) => x.c, domain: STAGE_ONE_RANGES.c },
      'ε²/(c²d·σ_d(A)²) (1: on the lower end of (1))': {
        value: (x) => x.epsilon ** 2 / (x.c * x.c * x.d * sigmaMin(stageOneBlocks(x).A) ** 2),
        domain: [0, 1],
      },
      '‖A‖²/(2σ₁) (upper end of (1): ≤ 1)': { value: (x) => opNorm(stageOneBlocks(x).A) ** 2 / (2 * x.sigma1), domain: [0, 1] },
    },
  },
);

/** §3.2.1 (2): ‖B‖_F ≤ e_b d ε for some e_b ≥ c. */
const assumptionTwo = hypothesis<StageOneState>(
  '3.2.1-(2)',
  '(2) ‖B‖_F ≤ e_b d ε for some e_b ≥ c, B = (U − V)/2',
  // B = (U − V)/2 is a difference of terms of size ‖A‖ ≫ ‖B‖ possibly: its rounding is relative to
  // (‖U‖_F + ‖V‖_F)/2, not to ‖B‖.
  (x) => {
    const U = block(x.U, 0, x.d, 0, x.d);
    const V = block(x.V, 0, x.d, 0, x.d);
    const slack = (relativeTolerance('inequality', x.d) * (frobenius(U) + frobenius(V))) / 2;
    return x.eb >= x.c && frobenius(stageOneBlocks(x).B) <= x.eb * x.d * x.epsilon + slack;
  },
  {
    tolerance: 'relative 64·γ_d of (‖U‖_F + ‖V‖_F)/2 (B = (U − V)/2 is a difference of terms of that size)',
    coordinates: {
      'e_b/c': { value: (x) => x.eb / x.c, domain: STAGE_ONE_RANGES.ebOverC },
      '‖B‖_F/(e_bdε)': { value: (x) => frobenius(stageOneBlocks(x).B) / (x.eb * x.d * x.epsilon), domain: [0, 1] },
      'log₂(‖B‖_F/(e_bdε))': { value: (x) => Math.log2(frobenius(stageOneBlocks(x).B) / (x.eb * x.d * x.epsilon)), domain: [-30, 0] },
    },
  },
);

/** YD21 §3.2.1, standing for (15)–(22) (with the frame of §2.1). */
export const SECTION_3_2_1: ReadonlyArray<Hypothesis<StageOneState>> = standing('YD21 §3.2.1', [assumptionOne, assumptionTwo]);

/** ‖J‖_op ≤ cε√max(m′, d), ‖K‖_op ≤ cε√max(n′, d): §3.1's bounds, kept in stage one by (8), (9) (§3.2.2). */
const jkBounds = hypothesis<StageOneState>(
  'jk-bounds',
  '‖J‖_op ≤ cε√max{m′, d}, ‖K‖_op ≤ cε√max{n′, d} (§3.1; non-increasing in stage one by (8), (9), §3.2.2)',
  (x) => {
    const { J, K } = stageOneBlocks(x);
    const { c, epsilon: e, d, m, n } = x;
    return (m === d || leq(opNorm(J), c * e * Math.sqrt(Math.max(m - d, d)), m)) && (n === d || leq(opNorm(K), c * e * Math.sqrt(Math.max(n - d, d)), n));
  },
  { tolerance: COMPUTED_TOLERANCE },
);

/** §3.2.3 (Lemma 3.2 at β = ½): 0 < η ≤ 1/(16σ₁). */
const stageOneStep = hypothesis<StageOneState>(
  'eta-3.2.3',
  '0 < η ≤ 1/(16σ₁) (§3.2.3, §3.2.4: Lemmas 3.2, 3.3 at β = ½)',
  (x) => x.eta > 0 && leq(x.eta, 1 / (16 * x.sigma1), 1),
  {
    coordinates: { '16σ₁η': { value: (x) => 16 * x.sigma1 * x.eta, domain: [0, 1] } },
  },
);

/** §3.2.4's choice of ε (O-constant 1) and the condition printed under (21). */
const stageOneEpsilon = hypothesis<StageOneState>(
  'epsilon-3.2.4',
  "e_b²ε² ≤ σ_d/((m+n)dκ) (§3.2.4's e_b²ε² = O(σ_d/((m+n)dκ)), O-constant 1) and ε ≤ √σ₁e_bd/(c²(m+n)) (under (21))",
  (x) => x.epsilon > 0 && leq(x.epsilon, epsilonMax(x), 1),
  { coordinates: { 'ε/ε_max': { value: (x) => x.epsilon / epsilonMax(x), domain: [0, 1] } } },
);

/** App. D: 22σ₁³η² ≤ ε²/(c²d). */
const appendixDStep = hypothesis<StageOneState>(
  'eta-app-d',
  '22σ₁³η² ≤ ε²/(c²d) (App. D: "we choose η so small that")',
  (x) => leq(22 * x.sigma1 ** 3 * x.eta ** 2, x.epsilon ** 2 / (x.c * x.c * x.d), 1),
  { coordinates: { 'η/(ε/(c√(22dσ₁³)))': { value: (x) => x.eta / etaAppendixD(x), domain: [0, 1] } } },
);

/** The stage-one choices (§3.2.2–§3.2.4, App. D) in force from §3.2.3 on. */
export const STAGE_ONE_CHOICES_IN_FORCE: ReadonlyArray<Hypothesis<StageOneState>> = standing('YD21 stage one (§3.2.2–§3.2.4, App. D)', [
  jkBounds,
  stageOneStep,
  stageOneEpsilon,
  appendixDStep,
]);

/** Everything in force in stage one: the frame, §3.2.1 and the stage-one choices. */
export const STAGE_ONE: ReadonlyArray<Hypothesis<StageOneState>> = [stageOneFrame, ...SECTION_3_2_1, ...STAGE_ONE_CHOICES_IN_FORCE];
