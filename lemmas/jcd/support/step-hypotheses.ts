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
 * size u‖A‖. One GD step is taken in the same coordinates, by (A.4), (A.5) and the row blocks of
 * (4.3) (identities of the GD map: jcd.eq-a.4.a-update, jcd.eq-a.5.b-update, jcd.eq-4.3.blocks hold),
 * so B_{s+1} keeps B's relative precision.
 *
 * Every predicate recomputes what it asserts from the instance's matrices and numbers.
 */
import { COMPUTED_TOLERANCE, geq, hypothesis, type Hypothesis, leq, standing, via } from '../../../src/claims/hypotheses.ts';
import { block, combine, frobenius, type Mat, maxAbs, mul, mulAll, scale, transpose } from '../../../src/linalg/dense.ts';
import { lambdaMin, opNorm } from '../../../src/linalg/spectral.ts';
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
 * ‖M‖_F and ‖M‖ computed on M/max|Mᵢⱼ| and scaled back: the blocks J, K, B of a state in Theorem
 * A.1's regime have entries down to 10⁻¹⁵⁰, whose squares (formed by the norm routines) would
 * underflow.
 */
export function fro(M: Mat): number {
  const [t, f] = normalised(M);
  return f === 0 ? 0 : f * frobenius(t);
}

export function op(M: Mat): number {
  if (!(M.rows && M.cols)) return 0;
  const [t, f] = normalised(M);
  return f === 0 ? 0 : f * opNorm(t);
}

/** √‖MMᵀ‖ computed as f·√‖ttᵀ‖ for M = f·t (MMᵀ itself would underflow for entries below 10⁻¹⁵⁴). */
export function sqrtGramNorm(M: Mat): number {
  if (!(M.rows && M.cols)) return 0;
  const [t, f] = normalised(M);
  return f === 0 ? 0 : f * Math.sqrt(opNorm(mul(t, transpose(t))));
}

/** M = f·t with max|tᵢⱼ| = 1 (scaled by powers of two first, so a subnormal maximum never overflows 1/max). */
function normalised(M: Mat): [Mat, number] {
  let s = M.data.length ? maxAbs(M) : 0;
  if (s === 0) return [M, 0];
  if (!Number.isFinite(s)) return [M, Number.NaN];
  let t = M;
  let f = 1;
  while (s < 2 ** -500) {
    t = scale(t, 2 ** 500);
    f *= 2 ** -500;
    s *= 2 ** 500;
  }
  return [scale(t, 1 / s), f * s];
}

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

/** The blocks of (4.4) and below (A.6) of a state, M = (KᵀK + JᵀJ)/2 and N = (KᵀK − JᵀJ)/2 (k×k). */
export interface StepBlocks {
  readonly Sigma: Mat;
  readonly SigmaTilde: Mat;
  readonly A: Mat;
  readonly B: Mat;
  readonly J: Mat;
  readonly K: Mat;
  readonly U: Mat;
  readonly V: Mat;
  readonly P: Mat;
  readonly Q: Mat;
  readonly M: Mat;
  readonly N: Mat;
  readonly C: Mat;
  readonly D: Mat;
}

/** Rounding magnitudes (Frobenius norms of what was added to form each block; src/gd/magnitudes.ts's convention). */
export interface StepMagnitudes {
  readonly Sigma: number;
  readonly A: number;
  readonly B: number;
  readonly J: number;
  readonly K: number;
  readonly U: number;
  readonly V: number;
  readonly P: number;
  readonly Q: number;
  readonly M: number;
  readonly N: number;
  readonly C: number;
  readonly D: number;
}

/** Derived blocks of (Σ, Σ̃, A, B, J, K). */
function deriveBlocks(Sigma: Mat, SigmaTilde: Mat, A: Mat, B: Mat, J: Mat, K: Mat): StepBlocks {
  const [At, Bt] = [transpose(A), transpose(B)];
  const KK = mul(transpose(K), K);
  const JJ = mul(transpose(J), J);
  const M = combine([0.5, KK], [0.5, JJ]);
  const N = combine([0.5, KK], [-0.5, JJ]);
  return {
    Sigma,
    SigmaTilde,
    A,
    B,
    J,
    K,
    U: combine([1, A], [1, B]),
    V: combine([1, A], [-1, B]),
    P: combine([1, Sigma], [-1, mul(A, At)], [1, mul(B, Bt)]),
    Q: combine([1, mul(A, Bt)], [-1, mul(B, At)]),
    M,
    N,
    C: combine([-1, mulAll(A, Bt, B)], [1, mulAll(B, At, B)], [-1, mul(A, M)], [-1, mul(B, N)]),
    D: combine([1, mulAll(A, Bt, A)], [-1, mulAll(B, At, A)], [-1, mul(A, N)], [-1, mul(B, M)]),
  };
}

function magnitudesOf(b: Pick<StepBlocks, 'Sigma' | 'A' | 'B' | 'J' | 'K'>, extra: { A?: number; B?: number; J?: number; K?: number } = {}): StepMagnitudes {
  const S = fro(b.Sigma);
  const A = extra.A ?? fro(b.A);
  const B = extra.B ?? fro(b.B);
  const J = extra.J ?? fro(b.J);
  const K = extra.K ?? fro(b.K);
  const M = (J * J + K * K) / 2;
  return {
    Sigma: S,
    A,
    B,
    J,
    K,
    U: A + B,
    V: A + B,
    P: S + A * A + B * B,
    Q: 2 * A * B,
    M,
    N: M,
    C: 2 * A * B * B + A * M + B * M,
    D: 2 * A * A * B + A * M + B * M,
  };
}

const blockCache = new WeakMap<StepState, StepBlocks>();
/** The blocks of the state at step s (computed once per instance). */
export function blocksAt(x: StepState): StepBlocks {
  let b = blockCache.get(x);
  if (!b) {
    const Sigma = block(x.sigma, 0, x.r, 0, x.r);
    const SigmaTilde = block(x.sigma, x.r, x.m, x.r, x.n);
    b = deriveBlocks(Sigma, SigmaTilde, x.A, x.B, x.J, x.K);
    blockCache.set(x, b);
  }
  return b;
}

/** The magnitudes of the blocks at step s. */
export function magnitudesAt(x: StepState): StepMagnitudes {
  return magnitudesOf(blocksAt(x));
}

const nextCache = new WeakMap<StepState, { blocks: StepBlocks; mag: StepMagnitudes }>();
/**
 * One GD step in block coordinates: (A.4), (A.5), and J₊ = J − ηJ(VᵀV + KᵀK) + ηΣ̃K,
 * K₊ = K − ηK(UᵀU + JᵀJ) + ηΣ̃ᵀJ (the row blocks of (4.3)); with the magnitudes of what was added.
 */
export function nextAt(x: StepState): { blocks: StepBlocks; mag: StepMagnitudes } {
  let out = nextCache.get(x);
  if (!out) {
    const b = blocksAt(x);
    const m = magnitudesAt(x);
    const eta = x.eta;
    const A1 = combine([1, b.A], [eta, mul(b.P, b.A)], [-eta, mul(b.Q, b.B)], [-eta, mul(b.A, b.M)], [-eta, mul(b.B, b.N)]);
    const B1 = combine([1, b.B], [-eta, mul(b.P, b.B)], [eta, mul(b.Q, b.A)], [-eta, mul(b.A, b.N)], [-eta, mul(b.B, b.M)]);
    const gV = combine([1, mul(transpose(b.V), b.V)], [1, mul(transpose(b.K), b.K)]);
    const gU = combine([1, mul(transpose(b.U), b.U)], [1, mul(transpose(b.J), b.J)]);
    const J1 = combine([1, b.J], [-eta, mul(b.J, gV)], [eta, mul(b.SigmaTilde, b.K)]);
    const K1 = combine([1, b.K], [-eta, mul(b.K, gU)], [eta, mul(transpose(b.SigmaTilde), b.J)]);
    const blocks = deriveBlocks(b.Sigma, b.SigmaTilde, A1, B1, J1, K1);
    const mA = m.A + eta * (m.P * m.A + m.Q * m.B + m.A * m.M + m.B * m.N);
    const mB = m.B + eta * (m.P * m.B + m.Q * m.A + m.A * m.N + m.B * m.M);
    const gram = m.U * m.U + m.V * m.V + m.J * m.J + m.K * m.K;
    const mJ = m.J + eta * (m.J * gram + m.Sigma * m.K);
    const mK = m.K + eta * (m.K * gram + m.Sigma * m.J);
    out = { blocks, mag: magnitudesOf(blocks, { A: mA, B: mB, J: mJ, K: mK }) };
    nextCache.set(x, out);
  }
  return out;
}

/** ‖M‖ of a possibly empty block (0 rows: 0). */
export function normOf(M: Mat): number {
  return op(M);
}

export const stepDim = (x: StepState): number => Math.max(x.m, x.n, x.k);

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
