/**
 * The hypotheses in force at a step of the induction of JCD Proposition B.2 (Appendix B, the proof of
 * Theorem A.1), as predicates over one GD state (Σ_X, F_s, G_s) together with the parameters of
 * Theorem A.1 (γ, σ₁, σ_r, m, n, k, r, c_ρ, η, log ρ), the horizon T and the step index s.
 *
 * What is in force where the steps of Proposition B.2's proof are printed:
 *  - Theorem A.1's conditions (γ, η, both bounds on ρ as printed there: `admissibleTimeHypotheses`);
 *    Proposition B.2's own η ≤ γσ_r²/(600σ₁³) is one of them. (Proposition B.2 prints its condition
 *    on ρ with "max" where Theorem A.1 prints "min"; the proposition is used inside Theorem A.1's
 *    proof, under Theorem A.1's "min", and that is what is checked.)
 *  - 0 ≤ s < T ≤ ⌊log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1 + γησ_r)⌋.
 *  - The induction hypothesis (Items 1–5 for 0 ≤ t ≤ s) as it bears on the state at step s: Items 1,
 *    2 at s; Item 3 applied from t = 1 to s with Proposition B.1's max{‖J₀‖, ‖K₀‖} ≤ ρ√σ₁, i.e.
 *    max{‖J_s‖, ‖K_s‖} ≤ (1 + γησ_r)^sρ√σ₁ =: ε_s√σ₁; Item 4's λ_r(P_s) ≥ −γσ_r/10; Item 5's
 *    ‖B_s‖_F ≤ ε_s√(2r)√σ₁ ≤ √σ₁. (A single state cannot carry the history; these are the
 *    consequences of the history that the proof uses.)
 *
 * The state is stored as its blocks A, B (r×k), J ((m−r)×k), K ((n−r)×k) — F = [A + B; J],
 * G = [A − B; K] — not as F, G: in Theorem A.1's regime ‖B‖ ≤ ε_s√(2r)√σ₁ with ε_s usually far below
 * 10⁻⁷, and B = (U − V)/2 recomputed from U = A + B, V = A − B in doubles would be rounding noise of
 * size u‖A‖. One GD step is taken in the same coordinates (./block-step.ts: (A.4), (A.5) and the
 * row blocks of (4.3)), so B_{s+1} keeps B's relative precision; both states are evaluated in the
 * magnitude model (measuredStepAt), which gives the steps' comparisons their scales.
 *
 * Every predicate recomputes what it asserts from the instance's matrices and numbers.
 */
import { frobeniusRescaled, opNormRescaled } from '../../../src/linalg/rescaled.ts';
import { COMPUTED_TOLERANCE, geq, hypothesis, type Hypothesis, leq, standing, via } from '../../../src/claims/hypotheses.ts';
import { block, combine, type Mat, mul, transpose } from '../../../src/linalg/dense.ts';
import { type BoundOps, boundOps, exactInput, exactScalar, magnitudeOps, type Measured, type MeasuredScalar } from '../../../src/claims/measured.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { blockStep, type DerivedBlocks, deriveBlocks } from './block-step.ts';
import type { StepView } from '../../../src/exact/states.ts';
import { lambdaMin } from '../../../src/linalg/spectral.ts';
import { etaMax, type JcdTimeParameters, logRhoMax } from './times.ts';
import { admissibleTimeHypotheses } from './hypotheses.ts';
import { diagonalOf, hasShape, isDiagonalNonIncreasing } from '../../../src/hypotheses/matrix.ts';

/** A GD state at step s of Proposition B.2's induction, with Theorem A.1's parameters. */
export interface StepState {
  /** Theorem A.1's parameters (σ₁, σ_r are Σ_X's; η, log ρ the run's). */
  readonly params: JcdTimeParameters;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly r: number;
  /** Σ_X (m×n, diagonal, non-increasing). */
  readonly sigma: Mat;
  /** The blocks of F = [A + B; J], G = [A − B; K] at step s. */
  readonly A: Mat;
  readonly B: Mat;
  readonly J: Mat;
  readonly K: Mat;
  readonly eta: number;
  readonly gamma: number;
  readonly sigma1: number;
  readonly sigmaR: number;
  /** The horizon T and the step s (0 ≤ s < T). */
  readonly T: number;
  readonly s: number;
  /** log ε_s = log ρ + s·log(1 + γησ_r) (ε_s = (1 + γησ_r)^sρ). */
  readonly logEpsS: number;
}

/**
 * ‖M‖_F and ‖M‖ without underflow (src/linalg/rescaled.ts): the blocks J, K, B of a state in Theorem
 * A.1's regime have entries down to 10⁻¹⁵⁰, whose squares (formed by the norm routines) would underflow.
 */
export const [fro, op] = [frobeniusRescaled, opNormRescaled];

/** The GD step's growth factor x = γησ_r. */
export function growth(x: Pick<StepState, 'gamma' | 'eta' | 'sigmaR'>): number {
  return x.gamma * x.eta * x.sigmaR;
}

/** ⌊log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1 + γησ_r)⌋: the largest horizon Proposition B.2 allows. */
export function horizonMax(p: JcdTimeParameters): number {
  const logEpsT = ((1 - p.gamma) / (2 * (1 + p.gamma))) * p.logRho;
  return Math.floor((logEpsT - p.logRho) / Math.log1p(p.gamma * p.eta * p.sigmaR));
}

/** log ε_T = ((1−γ)/(2(1+γ)))·log ρ: ε_T = ρ^{(1−γ)/(2(1+γ))}, the bound of Items 3 and 5. */
export function logEpsT(x: Pick<StepState, 'gamma' | 'params'>): number {
  return ((1 - x.gamma) / (2 * (1 + x.gamma))) * x.params.logRho;
}

/** The blocks and derived matrices of a state (lemmas/jcd/support/block-step.ts), as doubles. */
export type StepBlocks = DerivedBlocks<Mat>;

/** The measured state and its step: each block's value and the magnitude of what was added to form it. */
interface MeasuredStep {
  readonly before: DerivedBlocks<Measured>;
  readonly after: DerivedBlocks<Measured>;
  readonly eta: MeasuredScalar;
}

const stepCache = new WeakMap<StepState, MeasuredStep>();
/**
 * The state at step s (its blocks taken as exact inputs) and the state at s + 1 (blockStep), in the
 * magnitude model (src/claims/measured.ts); computed once per instance.
 */
export function measuredStepAt(x: StepState): MeasuredStep {
  let out = stepCache.get(x);
  if (!out) {
    const before = deriveBlocks(magnitudeOps, {
      Sigma: exactInput(block(x.sigma, 0, x.r, 0, x.r)),
      SigmaTilde: exactInput(block(x.sigma, x.r, x.m, x.r, x.n)),
      A: exactInput(x.A),
      B: exactInput(x.B),
      J: exactInput(x.J),
      K: exactInput(x.K),
    });
    const eta = exactScalar(x.eta);
    out = { before, after: blockStep(magnitudeOps, before, eta), eta };
    stepCache.set(x, out);
  }
  return out;
}

const valueCache = new WeakMap<DerivedBlocks<Measured>, StepBlocks>();
function valuesOf(b: DerivedBlocks<Measured>): StepBlocks {
  let out = valueCache.get(b);
  if (!out) {
    out = Object.fromEntries(Object.entries(b).map(([key, m]) => [key, m.value])) as unknown as StepBlocks;
    valueCache.set(b, out);
  }
  return out;
}

/** The measured step as a StepView (src/exact/states.ts): what a step identity's residuals read. */
export function blockStepView(x: StepState): StepView<Measured, MeasuredScalar> {
  const { before, after, eta } = measuredStepAt(x);
  return { x: { eta, Sigma: before.Sigma, r: x.r }, before, after };
}

/** The blocks of the state at step s, as doubles. */
export function blocksAt(x: StepState): StepBlocks {
  return valuesOf(measuredStepAt(x).before);
}

/** The blocks of the state at step s + 1 (one GD step in block coordinates), as doubles. */
export function nextBlocksAt(x: StepState): StepBlocks {
  return valuesOf(measuredStepAt(x).after);
}

/** ‖M‖ of a possibly empty block (0 rows: 0). */
export function normOf(M: Mat): number {
  return op(M);
}

export const stepDim = (x: StepState): number => Math.max(x.m, x.n, x.k);

/** The magnitude model in which a step's bounds are evaluated (measuredStepAt's blocks live in it). */
export type StepOps = BoundOps<Measured, MeasuredScalar>;
export const stepOps = (x: StepState): StepOps => boundOps(relativeTolerance('inequality', stepDim(x)));

/** σ_r(X) of an r×k block (k ≥ r ≥ 1). */
export function sigmaRIn<M, S>(O: BoundOps<M, S>, X: M, r: number): S {
  return O.singularValues(X)[r - 1];
}

/** The product of scalars. */
export function productOf<M, S>(O: BoundOps<M, S>, ...xs: S[]): S {
  return xs.reduce((a, b) => O.F.mul(a, b));
}

/** Theorem A.1's conditions on the parameters, and Σ_X's frame with σ₁, σ_r, γ read from it. */
const STEP_FRAME: ReadonlyArray<Hypothesis<StepState>> = [
  ...via((x: StepState) => x.params, admissibleTimeHypotheses({ gamma: [0, 0.85], maxR: 3, maxExtra: 2, maxDecades: 2 })),
  hypothesis<StepState>(
    'steps-frame',
    "Σ_X diagonal m×n (the frame of (4.2)), σ₁ ≥ … ≥ σ_r > σ_{r+1} with σ_{r+1}/σ_r ≤ γ (σ₁, σ_r, γ, η, m, n, k, r those of Theorem A.1's parameters); F = [A + B; J] ∈ ℝ^{m×k}, G = [A − B; K] ∈ ℝ^{n×k}",
    (x) => {
      const v = diagonalOf(x.sigma);
      if (!v || !hasShape(x.sigma, x.m, x.n) || !isDiagonalNonIncreasing(x.sigma)) return false;
      if (!(hasShape(x.A, x.r, x.k) && hasShape(x.B, x.r, x.k) && hasShape(x.J, x.m - x.r, x.k) && hasShape(x.K, x.n - x.r, x.k))) return false;
      const p = x.params;
      if (!(p.m === x.m && p.n === x.n && p.k === x.k && p.r === x.r && p.eta === x.eta && p.gamma === x.gamma)) return false;
      return (
        v[0] === x.sigma1 && v[x.r - 1] === x.sigmaR && p.sigma1 === x.sigma1 && p.sigmaR === x.sigmaR && (x.r === v.length || v[x.r] <= x.gamma * v[x.r - 1])
      );
    },
    {
      coordinates: {
        'σ_{r+1}/(γσ_r)': {
          value: (x) => {
            const v = diagonalOf(x.sigma);
            return v && x.r < v.length ? v[x.r] / (x.gamma * v[x.r - 1]) : Number.NaN;
          },
          domain: [0, 1],
        },
      },
    },
  ),
];

/** 0 ≤ s < T ≤ ⌊log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1 + γησ_r)⌋ and ε_s = (1 + γησ_r)^sρ. */
const STEP_TIME: Hypothesis<StepState> = hypothesis<StepState>(
  'steps-time',
  '0 ≤ t ≤ s < T with T ≤ ⌊log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1 + ηγσ_r)⌋ (Proposition B.2); ε_s := (1 + γησ_r)^sρ',
  (x) =>
    Number.isInteger(x.s) &&
    Number.isInteger(x.T) &&
    x.s >= 0 &&
    x.s < x.T &&
    x.T <= horizonMax(x.params) &&
    Math.abs(x.logEpsS - (x.params.logRho + x.s * Math.log1p(growth(x)))) <= 1e-12 * Math.abs(x.params.logRho),
  {
    coordinates: {
      '(log ε_s − log ρ)/(log ε_T − log ρ)': {
        value: (x) => (x.logEpsS - x.params.logRho) / (logEpsT(x) - x.params.logRho),
        domain: [0, 1],
      },
      'T/T_max': {
        value: (x) => x.T / horizonMax(x.params),
        domain: [0, 1],
        concentrated: 'T is the largest horizon Proposition B.2 allows (every t ≤ T is then covered)',
      },
    },
  },
);

/** The induction hypothesis of Proposition B.2 at step s (see the module comment). */
const B2_INDUCTION: ReadonlyArray<Hypothesis<StepState>> = standing('JCD Prop. B.2, induction hypothesis (Items 1–5 for t ≤ s)', [
  hypothesis<StepState>(
    'ih-items-1-2',
    'Items 1, 2: ‖U_sᵀU_s + J_sᵀJ_s‖ ≤ 7σ₁ and ‖V_sᵀV_s + K_sᵀK_s‖ ≤ 7σ₁',
    (x) => {
      const b = blocksAt(x);
      const gF = op(combine([1, mul(transpose(b.U), b.U)], [1, mul(transpose(b.J), b.J)]));
      const gG = op(combine([1, mul(transpose(b.V), b.V)], [1, mul(transpose(b.K), b.K)]));
      return leq(gF, 7 * x.sigma1, stepDim(x)) && leq(gG, 7 * x.sigma1, stepDim(x));
    },
    { tolerance: COMPUTED_TOLERANCE },
  ),
  hypothesis<StepState>(
    'ih-item-3',
    'Item 3 for t ≤ s with max{‖J₀‖, ‖K₀‖} ≤ ρ√σ₁ (Proposition B.1): max{‖J_s‖, ‖K_s‖} ≤ (1 + γησ_r)^sρ√σ₁ = ε_s√σ₁',
    (x) => {
      const b = blocksAt(x);
      return leq(Math.max(normOf(b.J), normOf(b.K)), Math.exp(x.logEpsS) * Math.sqrt(x.sigma1), stepDim(x));
    },
    {
      tolerance: COMPUTED_TOLERANCE,
      coordinates: {
        'max{‖J_s‖,‖K_s‖}/(ε_s√σ₁)': {
          value: (x) => Math.max(normOf(blocksAt(x).J), normOf(blocksAt(x).K)) / (Math.exp(x.logEpsS) * Math.sqrt(x.sigma1)),
          domain: [0, 1],
        },
      },
    },
  ),
  hypothesis<StepState>('ih-item-4', 'Item 4 at t = s: λ_r(P_s) ≥ −γσ_r/10', (x) => geq(lambdaMin(blocksAt(x).P), (-x.gamma * x.sigmaR) / 10, stepDim(x)), {
    tolerance: COMPUTED_TOLERANCE,
    coordinates: { 'λ_r(P_s)/σ₁': { value: (x) => lambdaMin(blocksAt(x).P) / x.sigma1, domain: [-0.1, 1] } },
  }),
  hypothesis<StepState>(
    'ih-item-5',
    'Item 5 at t = s: ‖B_s‖_F ≤ (1 + γησ_r)^sρ√(2r)√σ₁ = ε_s√(2r)√σ₁ ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁ ≤ √σ₁',
    (x) => {
      const nB = fro(blocksAt(x).B);
      return leq(nB, Math.exp(x.logEpsS) * Math.sqrt(2 * x.r * x.sigma1), stepDim(x)) && leq(nB, Math.sqrt(x.sigma1), stepDim(x));
    },
    {
      tolerance: COMPUTED_TOLERANCE,
      coordinates: {
        '‖B_s‖_F/(ε_s√(2r)√σ₁)': { value: (x) => fro(blocksAt(x).B) / (Math.exp(x.logEpsS) * Math.sqrt(2 * x.r * x.sigma1)), domain: [0, 1] },
      },
    },
  ),
]);

/** Everything in force at step s of Proposition B.2's proof. */
export const B2_STEP_HYPOTHESES: ReadonlyArray<Hypothesis<StepState>> = [...STEP_FRAME, STEP_TIME, ...B2_INDUCTION];

/** The case split of Item 5: ‖B_s‖_F > (case i) or ≤ (case ii) 16σ₁√σ₁√(m+n+k)(1 + γησ_r)^{2s}ρ²/(γσ_r). */
export function caseThreshold(x: StepState, s = x.s): number {
  const logEps = x.params.logRho + s * Math.log1p(growth(x));
  return (16 * x.sigma1 ** 1.5 * Math.sqrt(x.m + x.n + x.k) * Math.exp(2 * logEps)) / (x.gamma * x.sigmaR);
}

export function caseHypothesis(which: 'i' | 'ii'): Hypothesis<StepState> {
  return which === 'i'
    ? hypothesis<StepState>('b2-case-i', 'Case (i): ‖B_s‖_F > 16σ₁√σ₁√(m+n+k)(1 + γησ_r)^{2s}ρ²/(γσ_r)', (x) => fro(blocksAt(x).B) > caseThreshold(x))
    : hypothesis<StepState>(
        'b2-case-ii',
        'Case (ii): ‖B_s‖_F ≤ 16σ₁√σ₁√(m+n+k)(1 + γησ_r)^{2s}ρ²/(γσ_r)',
        (x) => leq(fro(blocksAt(x).B), caseThreshold(x), stepDim(x)),
        { tolerance: COMPUTED_TOLERANCE },
      );
}

/** Re-exported for the builders: the bounds of Theorem A.1. */
export { etaMax, logRhoMax };
