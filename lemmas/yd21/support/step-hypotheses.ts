/**
 * Hypotheses in force at the proof steps of YD21's appendices that lemmas/yd21/steps/ encodes, as
 * predicates recomputed from each instance's numbers and matrices:
 *
 *   App. F, start of stage two (the point T₀): the conclusions of Theorem 3.1 at T₀ on the principal
 *     d×d block — ε²/(c²d)·I ⪯ AAᵀ ⪯ 2Σ, ‖B‖_F ≤ 2cdε, σ_d(A) ≥ √(σ_d/2), σ₁(P) ≤ σ_d/4 — and the
 *     size of B that stage two's condition (1) ("‖B‖_F = O(σ_d/√σ₁)") and Theorem 3.1's ε give, with
 *     the O-constant recorded: 2cdε ≤ b̄ := σ_d/(24√(2σ₁)).
 *   App. D, case a_t ≤ √(σ_d/2): a_t ≥ ε/(c√d) (§3.2.1 (1)), η ≤ 1/(16σ₁) (§3.2.3), App. D's
 *     22σ₁³η² ≤ ε²/(c²d), and — for the step that uses them — App. D's choices of ε and η with their
 *     O-constants recorded.
 */
import { COMPUTED_TOLERANCE, hypothesis, type Hypothesis, standing } from '../../../src/claims/hypotheses.ts';
import { add, type Mat, mul, scale, transpose } from '../../../src/linalg/dense.ts';
import { frobenius } from '../../../src/linalg/dense.ts';
import { lambdaMin, opNorm, sigmaMin } from '../../../src/linalg/spectral.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { hasShape, isDiagonalRank, isLoewnerBetween, leq } from '../../../src/hypotheses/matrix.ts';
import type { StageOneState } from './stage-one.ts';
import { type BoundOps, exactInput, magnitudeOps } from '../../../src/claims/measured.ts';
import { pqOf } from '../../../src/exact/states.ts';
import { diag, eye } from '../../../src/linalg/dense.ts';

/** The principal d×d block at T₀ (App. F): Σ = diag(σ₁, …, σ_d), A, B (U = A + B, V = A − B). */
export interface StageTwoStart {
  readonly d: number;
  readonly sigmaValues: number[];
  readonly Sigma: Mat;
  readonly A: Mat;
  readonly B: Mat;
  readonly c: number;
  readonly epsilon: number;
}

export const sigma1Of = (x: StageTwoStart) => x.sigmaValues[0];
export const sigmaDOf = (x: StageTwoStart) => x.sigmaValues[x.d - 1];

/** b̄ = σ_d/(24√(2σ₁)): the O-constant chosen for "‖B‖_F = O(σ_d/√σ₁)" (App. F's display uses O(σ_d/√σ₁) for ‖B_{T₀}‖). */
export const bBar = (x: StageTwoStart) => sigmaDOf(x) / (24 * Math.sqrt(2 * sigma1Of(x)));

/** P and Q of a block (pqOf in doubles). */
export function pq(x: { Sigma: Mat; A: Mat; B: Mat }): { P: Mat; Q: Mat } {
  const { P, Q } = pqOf(magnitudeOps, exactInput(x.Sigma), exactInput(x.A), exactInput(x.B));
  return { P: P.value, Q: Q.value };
}

const STAGE_TWO_START_RANGES = { d: [1, 3] as const, sigma1: [0.5, 2] as const, kappa: [1, 4] as const, c: [0.5, 3] as const };

const appFFrame = hypothesis<StageTwoStart>(
  'frame',
  'Σ = diag(σ₁, …, σ_d), σ₁ ≥ … ≥ σ_d > 0 (the frame of §2.1, principal block); A, B ∈ ℝ^{d×d}; c, ε > 0',
  (x) =>
    Number.isInteger(x.d) &&
    x.d >= 1 &&
    hasShape(x.Sigma, x.d, x.d) &&
    isDiagonalRank(x.Sigma, x.d) &&
    x.sigmaValues.length === x.d &&
    x.sigmaValues.every((s, i) => s === x.Sigma.data[i * x.d + i]) &&
    hasShape(x.A, x.d, x.d) &&
    hasShape(x.B, x.d, x.d) &&
    x.c > 0 &&
    x.epsilon > 0,
  {
    coordinates: {
      d: { value: (x) => x.d, domain: STAGE_TWO_START_RANGES.d },
      'σ₁': { value: sigma1Of, domain: STAGE_TWO_START_RANGES.sigma1 },
      κ: { value: (x) => sigma1Of(x) / sigmaDOf(x), domain: STAGE_TWO_START_RANGES.kappa },
      c: { value: (x) => x.c, domain: STAGE_TWO_START_RANGES.c },
    },
  },
);

const thm31One = hypothesis<StageTwoStart>(
  'thm-3.1-(i)',
  'ε²/(c²d)·I ⪯ A_{T₀}A_{T₀}ᵀ ⪯ 2Σ (Theorem 3.1, first item, at t = T₀)',
  (x) => isLoewnerBetween(scale(eye(x.d), x.epsilon ** 2 / (x.c * x.c * x.d)), mul(x.A, transpose(x.A)), diag(x.sigmaValues.map((s) => 2 * s))),
  { tolerance: COMPUTED_TOLERANCE },
);

const thm31Two = hypothesis<StageTwoStart>(
  'thm-3.1-(ii)',
  '‖B_{T₀}‖_F ≤ 2cdε (Theorem 3.1, second item; §3.3: "‖B_{T₀}‖_F ≤ 2cdε")',
  (x) => leq(frobenius(x.B), 2 * x.c * x.d * x.epsilon, x.d),
  {
    tolerance: COMPUTED_TOLERANCE,
    coordinates: { '‖B‖_F/(2cdε)': { value: (x) => frobenius(x.B) / (2 * x.c * x.d * x.epsilon), domain: [0, 1] } },
  },
);

const thm31Three = hypothesis<StageTwoStart>(
  'thm-3.1-(iii)',
  'σ_d(A_{T₀}) ≥ √(σ_d/2) (Theorem 3.1, third item)',
  (x) => leq(Math.sqrt(sigmaDOf(x) / 2), sigmaMin(x.A), x.d),
  { tolerance: COMPUTED_TOLERANCE },
);

const thm31Four = hypothesis<StageTwoStart>(
  'thm-3.1-(iv)',
  'σ₁(P_{T₀}) ≤ σ_d/4 (Theorem 3.1, fourth item), P = Σ − AAᵀ + BBᵀ',
  (x) => leq(opNorm(pq(x).P), sigmaDOf(x) / 4, x.d),
  {
    tolerance: COMPUTED_TOLERANCE,
    coordinates: { 'σ₁(P)/(σ_d/4)': { value: (x) => opNorm(pq(x).P) / (sigmaDOf(x) / 4), domain: [0, 1] } },
  },
);

const epsilonChoiceF = hypothesis<StageTwoStart>(
  'b-bar',
  "2cdε ≤ σ_d/(24√(2σ₁)) (Theorem 3.1's ε = Õ(σ_d/√(d³σ₁(m+n))) and §3.3 (1) ‖B‖_F = O(σ_d/√σ₁), O-constant chosen: b̄ = σ_d/(24√(2σ₁)))",
  (x) => leq(2 * x.c * x.d * x.epsilon, bBar(x), 1),
  { coordinates: { '2cdε/b̄': { value: (x) => (2 * x.c * x.d * x.epsilon) / bBar(x), domain: [0, 1] } } },
);

/** In force at the first paragraph of App. F: Theorem 3.1's conclusions at T₀ and the choice of ε. */
export const APP_F_START: ReadonlyArray<Hypothesis<StageTwoStart>> = [
  appFFrame,
  ...standing('YD21 Theorem 3.1 at T₀ (start of App. F)', [thm31One, thm31Two, thm31Three, thm31Four]),
  epsilonChoiceF,
];

/** App. D's scalars at one step: a = a_t = σ_d(A_t), and the parameters of stage one. */
export interface AppDScalars {
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly d: number;
  readonly m: number;
  readonly n: number;
  readonly c: number;
  readonly eb: number;
  readonly epsilon: number;
  readonly eta: number;
  readonly a: number;
}

/** ε/(c√d): the floor on a_t that §3.2.1 (1) gives. */
export const aFloor = (z: AppDScalars) => z.epsilon / (z.c * Math.sqrt(z.d));
/** App. D's 22σ₁³η² ≤ ε²/(c²d) as a bound on η. */
export const etaAppD = (z: AppDScalars) => z.epsilon / (z.c * Math.sqrt(22 * z.d * z.sigma1 ** 3));
/** The O-constant chosen for App. D's ε = O(σ_d/(√(d³σ₁)e_b²(m+n))): K_ε = 1/(24√2·c)
 *  (half of ½η(σ_d/2)ε/(c√d) covers the 1.5√(2σ₁)η(e_b² + c²)ε²(m+n)d term when e_b ≥ c). */
export const epsilonAppD = (z: AppDScalars) => z.sigmaD / (24 * Math.SQRT2 * z.c * Math.sqrt(z.d ** 3 * z.sigma1) * z.eb * z.eb * (z.m + z.n));
/** The O-constant chosen for App. D's η = O(σ_dε²/(dσ₁³)): K_η = 1/(176c²)
 *  (the other half covers 22(c√d/ε)σ₁³η²). */
export const etaChoiceAppD = (z: AppDScalars) => (z.sigmaD * z.epsilon ** 2) / (176 * z.c * z.c * z.d * z.sigma1 ** 3);

const appDFrame = hypothesis<AppDScalars>(
  'parameters',
  '0 < σ_d ≤ σ₁, 1 ≤ d ≤ min(m, n), c > 0, e_b ≥ c (§3.2.1 (2)), ε > 0',
  (z) => z.sigmaD > 0 && z.sigmaD <= z.sigma1 && Number.isInteger(z.d) && z.d >= 1 && z.d <= Math.min(z.m, z.n) && z.c > 0 && z.eb >= z.c && z.epsilon > 0,
  {
    coordinates: {
      'σ₁': { value: (z) => z.sigma1, domain: [0.5, 2] },
      κ: { value: (z) => z.sigma1 / z.sigmaD, domain: [1, 4] },
      d: { value: (z) => z.d, domain: [1, 3] },
      c: { value: (z) => z.c, domain: [0.5, 3] },
      'e_b/c': { value: (z) => z.eb / z.c, domain: [1, 3] },
    },
  },
);

const appDCase = hypothesis<AppDScalars>(
  'case',
  'ε/(c√d) ≤ a_t ≤ √(σ_d/2) (App. D: "the case when a_t ≤ √(σ_d/2). Notice that a_t ≥ ε/(c√d)", from §3.2.1 (1))',
  (z) => leq(aFloor(z), z.a, 1) && leq(z.a * z.a, z.sigmaD / 2, 1),
  { coordinates: { 'a_t/√(σ_d/2)': { value: (z) => z.a / Math.sqrt(z.sigmaD / 2), domain: [0, 1] } } },
);

const appDEta = hypothesis<AppDScalars>(
  'eta',
  '0 < η ≤ 1/(16σ₁) (§3.2.3, Lemma 3.2 at β = ½) and 22σ₁³η² ≤ ε²/(c²d) (App. D: "we choose η so small that")',
  (z) => z.eta > 0 && leq(z.eta, 1 / (16 * z.sigma1), 1) && leq(22 * z.sigma1 ** 3 * z.eta ** 2, z.epsilon ** 2 / (z.c * z.c * z.d), 1),
  { coordinates: { 'η/min(1/(16σ₁), ε/(c√(22dσ₁³)))': { value: (z) => z.eta / Math.min(1 / (16 * z.sigma1), etaAppD(z)), domain: [0, 1] } } },
);

/** In force at App. D's first display. */
export const APP_D_FIRST: ReadonlyArray<Hypothesis<AppDScalars>> = standing('YD21 App. D, case a_t ≤ √(σ_d/2)', [appDFrame, appDCase, appDEta]);

const appDChoices = hypothesis<AppDScalars>(
  'app-d-choices',
  'ε ≤ σ_d/(24√2·c·√(d³σ₁)e_b²(m+n)) and η ≤ σ_dε²/(176c²dσ₁³) (App. D: "by taking ε = O(σ_d/(√(d³σ₁)e_b²(m+n))) and η = O(σ_dε²/(dσ₁³))", O-constants chosen)',
  (z) => leq(z.epsilon, epsilonAppD(z), 1) && leq(z.eta, etaChoiceAppD(z), 1),
  {
    coordinates: {
      'ε/ε_D': { value: (z) => z.epsilon / epsilonAppD(z), domain: [0, 1] },
      'η/η_D': { value: (z) => z.eta / etaChoiceAppD(z), domain: [0, 1] },
    },
  },
);

/** In force at App. D's second display (the first display's, plus App. D's choices of ε and η). */
export const APP_D_SECOND: ReadonlyArray<Hypothesis<AppDScalars>> = [...APP_D_FIRST, appDChoices];

/** The principal block in stage one after (17) (§3.2.4): Σ, A, B and the parameters of §3.2.1. */
export interface AfterSeventeen {
  readonly d: number;
  readonly m: number;
  readonly n: number;
  readonly sigmaValues: number[];
  readonly Sigma: Mat;
  readonly A: Mat;
  readonly B: Mat;
  readonly c: number;
  readonly eb: number;
  readonly epsilon: number;
}

const kappa17 = (x: AfterSeventeen) => x.sigmaValues[0] / x.sigmaValues[x.d - 1];
/** O(e_b²ε²(m+n)dκ) of (17), O-constant 1. */
export const seventeenFloor = (x: AfterSeventeen) => x.eb ** 2 * x.epsilon ** 2 * (x.m + x.n) * x.d * kappa17(x);
/** The largest ε of §3.2.4's choice e_b²ε² ≤ σ_d/(2(m+n)dκ) (O-constant ½). */
export const epsilon17 = (x: Omit<AfterSeventeen, 'epsilon' | 'A' | 'B'>) =>
  Math.sqrt(x.sigmaValues[x.d - 1] / (2 * (x.m + x.n) * x.d * (x.sigmaValues[0] / x.sigmaValues[x.d - 1]))) / x.eb;

/** In force after (17) in §3.2.4: the frame, §3.2.1 (1) and (2), (17) with O-constant 1, and the choice of ε. */
export const AFTER_17: ReadonlyArray<Hypothesis<AfterSeventeen>> = [
  hypothesis<AfterSeventeen>(
    'frame',
    'Σ = diag(σ₁, …, σ_d), σ₁ ≥ … ≥ σ_d > 0 (principal block of §2.1), d ≤ min(m, n); A, B ∈ ℝ^{d×d}; c > 0, ε > 0',
    (x) =>
      Number.isInteger(x.d) &&
      x.d >= 1 &&
      x.d <= Math.min(x.m, x.n) &&
      hasShape(x.Sigma, x.d, x.d) &&
      isDiagonalRank(x.Sigma, x.d) &&
      x.sigmaValues.every((s, i) => s === x.Sigma.data[i * x.d + i]) &&
      hasShape(x.A, x.d, x.d) &&
      hasShape(x.B, x.d, x.d) &&
      x.c > 0 &&
      x.epsilon > 0,
    {
      coordinates: {
        d: { value: (x) => x.d, domain: [1, 3] },
        'm + n − 2d': { value: (x) => x.m + x.n - 2 * x.d, domain: [0, 6] },
        κ: { value: kappa17, domain: [1, 4] },
        c: { value: (x) => x.c, domain: [1, 3] },
      },
    },
  ),
  ...standing('YD21 §3.2.1', [
    hypothesis<AfterSeventeen>(
      '3.2.1-(1)',
      '(1) ε²/(c²d)·I ⪯ AAᵀ ⪯ 2Σ',
      (x) => isLoewnerBetween(scale(eye(x.d), x.epsilon ** 2 / (x.c * x.c * x.d)), mul(x.A, transpose(x.A)), diag(x.sigmaValues.map((s) => 2 * s))),
      { tolerance: COMPUTED_TOLERANCE },
    ),
    hypothesis<AfterSeventeen>('3.2.1-(2)', '(2) ‖B‖_F ≤ e_bdε for some e_b ≥ c', (x) => x.eb >= x.c && leq(frobenius(x.B), x.eb * x.d * x.epsilon, x.d), {
      tolerance: COMPUTED_TOLERANCE,
      coordinates: {
        'e_b/c': { value: (x) => x.eb / x.c, domain: [1, 3] },
        '‖B‖_F/(e_bdε)': { value: (x) => frobenius(x.B) / (x.eb * x.d * x.epsilon), domain: [0, 1] },
      },
    }),
  ]),
  hypothesis<AfterSeventeen>(
    '(17)',
    '(17) λ_d(P_t) ≥ −O(e_b²ε²(m+n)dκ), O-constant 1, P = Σ − AAᵀ + BBᵀ',
    (x) => {
      const { P } = pq(x);
      const magnitude = frobenius(x.Sigma) + frobenius(x.A) ** 2 + frobenius(x.B) ** 2;
      return lambdaMin(scale(add(P, transpose(P)), 0.5)) >= -seventeenFloor(x) - relativeTolerance('inequality', x.d) * magnitude;
    },
    {
      tolerance: 'relative 64·γ_d of ‖Σ‖_F + ‖A‖²_F + ‖B‖²_F (the magnitude P is formed from)',
    },
  ),
  hypothesis<AfterSeventeen>(
    'epsilon',
    'e_b²ε² ≤ σ_d/(2(m+n)dκ) (§3.2.4: "by choosing e_b²ε² = O(σ_d/((m+n)dκ))", O-constant ½)',
    (x) => leq(x.epsilon, epsilon17(x), 1),
    {
      coordinates: { 'ε/ε_max': { value: (x) => x.epsilon / epsilon17(x), domain: [0, 1] } },
    },
  ),
];

/**
 * ηe_b²ε²(m+n)dσ₁: the unit of the O(·) in §3.2.4's displays on λ_d(P_{t+1}) and σ₁(P_{t+1}), η the
 * step's and e_b, ε, σ₁ the instance's (exact constants).
 */
export function stageOneStepUnit<M, S>(A: BoundOps<M, S>, x: StageOneState, eta: S): S {
  const [eb, epsilon] = [A.constant(x.eb), A.constant(x.epsilon)];
  return [eta, eb, eb, epsilon, epsilon, A.int(x.m + x.n), A.int(x.d), A.constant(x.sigma1)].reduce(A.F.mul);
}

/** §3.2.4's printed choice η ≤ c²ε²(m+n)d/σ₁² (with ε ≤ √σ₁/(e_bd)), over a stage-one state. */
export const eta324 = (x: { c: number; epsilon: number; m: number; n: number; d: number; sigma1: number }) =>
  (x.c ** 2 * x.epsilon ** 2 * (x.m + x.n) * x.d) / x.sigma1 ** 2;
export const eta324Hypothesis = hypothesis<StageOneState>(
  'eta-3.2.4',
  'η ≤ c²ε²(m+n)d/σ₁² and ε ≤ √σ₁/(e_bd) (§3.2.4: "By choosing ε ≤ √σ₁/(e_bd) and η ≤ c²ε²(m+n)d/σ₁²")',
  (x) => leq(x.eta, eta324(x), 1) && leq(x.epsilon * x.eb * x.d, Math.sqrt(x.sigma1), 1),
);
