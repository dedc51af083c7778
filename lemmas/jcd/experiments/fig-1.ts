/**
 * JCD §1, Figure 1: early stopping with noise. X = X♮ + E with X♮ ∈ ℝ^{250×200} of rank r = 5 and
 * ‖X♮‖_F = 1, E with i.i.d. zero-mean Gaussian entries and E‖E‖ ≈ 2·10⁻³; GD (GD-M) with k = 200
 * from a small (‖F₀‖_F ≪ ‖X♮‖_F) and a moderate (‖F₀‖_F ≍ ‖X♮‖_F) initialisation; training error
 * ‖FₜGₜᵀ − X‖_F and test error ‖FₜGₜᵀ − X♮‖_F against t, with the optimal statistical error √r‖E‖.
 * The paper: "gradient descent with small random initialization achieves a small (and near optimal)
 * test error before it eventually overfits; … this behavior is not observed with moderate
 * initialization."
 *
 * Choices (the paper does not state them; printed on the caption):
 * - X♮ = L Rᵀ/‖L Rᵀ‖_F with L ∈ ℝ^{m×r}, R ∈ ℝ^{n×r} standard Gaussian;
 * - E entries N(0, s²) with s = 2·10⁻³/(√m + √n) (then E‖E‖ ≈ s(√m + √n)); √r‖E‖ uses the drawn E;
 * - η = 0.5 (Figure 2's step size; Figure 1's is not printed);
 * - initialisation of JCD §4.1 (jcd-common.ts) with ρ = 10⁻⁴ (small) and ρ = 1 (moderate): with
 *   ρ = 1, ‖F₀‖_F ≈ √(σ₁mk)/(3√(m+n+k)) ≈ ‖X♮‖_F;
 * - GD on the dense X (no rotation: the test error needs X♮ in the same frame).
 */
import type { Relation, StatedValues } from '../../../src/claims/sweep.ts';
import { type Mat, mul, transpose } from '../../../src/linalg/dense.ts';
import { opNorm, singularValues } from '../../../src/linalg/spectral.ts';
import { gaussianMatrix, gaussianStream } from '../../../src/random/gaussian.ts';
import { runTrajectory } from '../../../src/gd/trajectory.ts';
import type { Experiment } from '../../../src/experiments/experiment.ts';
import { num, type Figure } from '../../../src/experiments/figures.ts';
import { drawJcdFactors } from '../support/init.ts';

export interface Fig1Config {
  readonly m: number;
  readonly n: number;
  readonly r: number;
  readonly k: number;
  /** Target E‖E‖ (sets the noise entries' standard deviation). */
  readonly noiseOp: number;
  readonly eta: number;
  readonly iters: number;
  /** Record every `denseEvery` steps up to `zoom`, then every `every`. */
  readonly zoom: number;
  readonly denseEvery: number;
  readonly every: number;
  readonly rhoSmall: number;
  readonly rhoModerate: number;
}

export interface Fig1Job extends Fig1Config {
  readonly init: 'small' | 'moderate';
  readonly seed: string;
}

export interface Fig1Result {
  readonly init: 'small' | 'moderate';
  readonly rho: number;
  readonly normF0: number;
  readonly t: number[];
  readonly train: number[];
  readonly test: number[];
  /** √r·‖E‖ and ‖E‖_F of the drawn noise, and ‖X_r − X♮‖_F (X_r the best rank-r approximation of X). */
  readonly optimal: number;
  readonly noiseFrobenius: number;
  readonly diverged: number | null;
}

export interface Fig1Data {
  readonly config: Fig1Config;
  readonly seed: string;
  readonly small: Fig1Result;
  readonly moderate: Fig1Result;
}

export const FIG1_CHOICE =
  'X♮ = LRᵀ/‖LRᵀ‖_F (L, R Gaussian), E i.i.d. N(0, s²) with s = E‖E‖/(√m+√n); init (F₀, G₀) = ρ/(3√(m+n+k))·N(0, σ₁(X)) entries (JCD §4.1); GD on the dense X';

/** X♮ and E of a seed. */
export function fig1Model(c: Fig1Config, seed: string): { Xnat: Mat; E: Mat; X: Mat } {
  const g = gaussianStream(`${seed}:model`);
  const L = gaussianMatrix(c.m, c.r, 1, g);
  const R = gaussianMatrix(c.n, c.r, 1, g);
  const LR = mul(L, transpose(R));
  let s = 0;
  for (const v of LR.data) s += v * v;
  const Xnat = { ...LR, data: LR.data.map((v) => v / Math.sqrt(s)) };
  const E = gaussianMatrix(c.m, c.n, c.noiseOp / (Math.sqrt(c.m) + Math.sqrt(c.n)), g);
  const X = { ...Xnat, data: Xnat.data.map((v, i) => v + E.data[i]) };
  return { Xnat, E, X };
}

function frobDiff(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

function runFig1Job(job: Fig1Job, progress?: (fraction: number) => void): Fig1Result {
  const { Xnat, E, X } = fig1Model(job, job.seed);
  const sigma1 = singularValues(X)[0];
  const rho = job.init === 'small' ? job.rhoSmall : job.rhoModerate;
  const { F0: F, G0: G } = drawJcdFactors({ m: job.m, n: job.n, k: job.k, rho, sigma1 }, `${job.seed}:init`);
  const t: number[] = [];
  const train: number[] = [];
  const test: number[] = [];
  const traj = runTrajectory({
    sigma: X,
    U0: F,
    V0: G,
    eta: job.eta,
    iters: job.iters,
    observe: ({ t: s, U, V }) => {
      if (s % (s <= job.zoom ? job.denseEvery : job.every) !== 0 && s !== job.iters) return null;
      progress?.(s / job.iters);
      const P = mul(U, transpose(V)).data;
      t.push(s);
      train.push(frobDiff(P, X.data));
      test.push(frobDiff(P, Xnat.data));
      return null;
    },
  });
  let eF = 0;
  for (const v of E.data) eF += v * v;
  let f0 = 0;
  for (const v of F.data) f0 += v * v;
  return {
    init: job.init,
    rho,
    normF0: Math.sqrt(f0),
    t,
    train,
    test,
    optimal: Math.sqrt(job.r) * opNorm(E),
    noiseFrobenius: Math.sqrt(eF),
    diverged: traj.diverged?.t ?? null,
  };
}

export const FIG1_STATED = {
  /** "near optimal": the smallest test error of the small initialisation is at most this × √r‖E‖ (a choice). */
  nearOptimalFactor: 2,
  /** "eventually overfits": the final test error is at least this × the smallest (a choice). */
  overfitFactor: 2,
  /** "not observed with moderate initialization": its smallest test error is at least this × the small init's (a choice). */
  moderateFactor: 2,
} as const;

function minOf(xs: number[]): { value: number; at: number } {
  let at = 0;
  xs.forEach((x, i) => {
    if (x < xs[at]) at = i;
  });
  return { value: xs[at], at };
}

export function fig1Relations(data: Fig1Data, stated: StatedValues = FIG1_STATED): Relation[] {
  const { small, moderate } = data;
  const opt = small.optimal;
  const bestSmall = minOf(small.test);
  const bestModerate = minOf(moderate.test);
  const C = stated.nearOptimalFactor;
  return [
    {
      name: 'small init: smallest test error / √r‖E‖',
      stated: `≤ ${C} (near optimal)`,
      observed: bestSmall.value / opt,
      holds: bestSmall.value <= C * opt,
      detail: `min ‖FₜGₜᵀ − X♮‖_F = ${num(bestSmall.value)} at t = ${small.t[bestSmall.at]}; √r‖E‖ = ${num(opt)}`,
    },
    {
      name: 'small init: final test error / smallest test error',
      stated: `≥ ${stated.overfitFactor} (it eventually overfits)`,
      observed: small.test[small.test.length - 1] / bestSmall.value,
      holds: small.test[small.test.length - 1] >= stated.overfitFactor * bestSmall.value,
      detail: `final ‖FGᵀ − X♮‖_F = ${num(small.test[small.test.length - 1])} at t = ${small.t[small.t.length - 1]}, training error ${num(small.train[small.train.length - 1])}; ‖E‖_F = ${num(small.noiseFrobenius)}`,
    },
    {
      name: 'moderate init: smallest test error / that of the small init',
      stated: `≥ ${stated.moderateFactor} (moderate init does not reach the small init's near-optimal error)`,
      observed: bestModerate.value / bestSmall.value,
      holds: bestModerate.value >= stated.moderateFactor * bestSmall.value,
      detail: `min ‖FₜGₜᵀ − X♮‖_F = ${num(bestModerate.value)} at t = ${moderate.t[bestModerate.at]} (${num(bestModerate.value / opt)}·√r‖E‖)`,
    },
  ];
}

export function fig1Figure(data: Fig1Data, id: string, what: string): Figure {
  const c = data.config;
  const rows = [data.small, data.moderate].flatMap((res) =>
    res.t.flatMap((t, i) => [
      { t, error: res.train[i], series: `${res.init} init (ρ = ${num(res.rho)}): training`, init: res.init, kind: 'training' },
      { t, error: res.test[i], series: `${res.init} init (ρ = ${num(res.rho)}): test`, init: res.init, kind: 'test' },
    ]),
  );
  const opt = data.small.optimal;
  const rel = fig1Relations(data);
  const enc = (zoom: boolean) => ({
    x: { field: 't', type: 'quantitative', title: 'iteration t', ...(zoom ? { scale: { domain: [0, c.zoom] } } : {}) },
    y: { field: 'error', type: 'quantitative', scale: { type: 'log' }, title: 'Frobenius error', axis: { format: '.0e' } },
    color: { field: 'init', type: 'nominal', title: 'initialisation', scale: { domain: ['small', 'moderate'], range: ['#2ca02c', '#1f77b4'] } },
    strokeDash: {
      field: 'kind',
      type: 'nominal',
      title: 'error',
      scale: {
        domain: ['test', 'training'],
        range: [
          [1, 0],
          [5, 3],
        ],
      },
    },
    detail: { field: 'series' },
  });
  const layer = (zoom: boolean) => ({
    width: 300,
    height: 240,
    title: zoom ? `first ${c.zoom} iterations` : `all ${c.iters} iterations`,
    layer: [
      { data: { values: zoom ? rows.filter((r) => r.t <= c.zoom) : rows }, mark: { type: 'line', clip: true }, encoding: enc(zoom) },
      { data: { values: [{ y: opt }] }, mark: { type: 'rule', color: 'red' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    ],
  });
  return {
    id,
    title: `${what} — JCD §1 Figure 1: training and test error with noise (m = ${c.m}, n = ${c.n}, r = ${c.r}, k = ${c.k}, η = ${c.eta})`,
    caption:
      `seed ${data.seed}. ${FIG1_CHOICE}; E‖E‖ = ${num(c.noiseOp)}; small ρ = ${num(c.rhoSmall)} (‖F₀‖_F = ${num(data.small.normF0)}), moderate ρ = ${num(c.rhoModerate)} (‖F₀‖_F = ${num(data.moderate.normF0)}). ` +
      `Solid: test ‖FₜGₜᵀ − X♮‖_F; dashed: training ‖FₜGₜᵀ − X‖_F; red: optimal statistical error √r‖E‖ = ${num(opt)}. ` +
      rel.map((r) => `${r.name} = ${num(r.observed)} (paper: ${r.stated})`).join('; ') +
      '.',
    numbers: { config: c, seed: data.seed, small: data.small, moderate: data.moderate, relations: rel },
    spec: { hconcat: [layer(true), layer(false)], resolve: { scale: { y: 'shared' } } },
  };
}

const FULL: Fig1Config = {
  m: 250,
  n: 200,
  r: 5,
  k: 200,
  noiseOp: 2e-3,
  eta: 0.5,
  iters: 20000,
  zoom: 600,
  denseEvery: 5,
  every: 50,
  rhoSmall: 1e-4,
  rhoModerate: 1,
};
/** The claim's configuration: 50×40, k = 40, r = 2, a larger noise so that overfitting shows within 3000 steps. */
const REDUCED: Fig1Config = {
  m: 50,
  n: 40,
  r: 2,
  k: 40,
  noiseOp: 2e-2,
  eta: 0.5,
  iters: 3000,
  zoom: 300,
  denseEvery: 5,
  every: 25,
  rhoSmall: 1e-4,
  rhoModerate: 1,
};

function fig1Jobs(c: Fig1Config, seed: string): Fig1Job[] {
  return (['small', 'moderate'] as const).map((init) => ({ ...c, init, seed: `${seed}:fig1` }));
}

export const jcdFig1: Experiment<Fig1Config, Fig1Job, Fig1Result, Fig1Data> = {
  id: 'jcd.fig-1',
  title: 'JCD §1 Figure 1 (early stopping with noise)',
  full: FULL,
  reduced: REDUCED,
  withRuns: (c) => c,
  jobs: fig1Jobs,
  runJob: runFig1Job,
  assemble: (config, seed, [small, moderate]) => ({ config, seed, small, moderate }),
  figures: (data) => [fig1Figure(data, 'jcd.fig-1', 'reproduce jcd.fig-1')],
  relations: (data) => fig1Relations(data),
};
