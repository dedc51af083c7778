/**
 * JCD §5.1, Figure 2: the dynamics of GD with small random initialisation. "We generate a random
 * rank-10 matrix X ∈ ℝ^{m×n} with m = 250, n = 200 and ‖X‖_F = 1, and run gradient descent (GD-M)
 * with initialization size ρ = 10⁻⁶, stepsize η = 0.5 and rank parameter k = 200. As shown in
 * Figure 2a, the top singular values σᵢ(FₜGₜᵀ) of the iterate grow towards those of X sequentially
 * at geometrically different rates … In Figure 2b, we compare the convergence rates of gradient
 * descent with small (ρ ∈ {10⁻², 10⁻⁴, 10⁻⁶}) and moderate (ρ = 1) initialization sizes. We see that
 * using a small ρ results in fast convergence to a small error level; moreover, the convergence
 * rate is geometric-like (before saturation)". (Figure 2b's caption says ρ ∈ {10⁻⁴, 10⁻⁶, 10⁻⁸}‖X‖_F;
 * the text's values are used; with ‖X‖_F = 1 only the list differs.)
 *
 * Choices (printed on the caption): X in its diagonal frame (JCD §4.2) with the singular values of
 * L Rᵀ, L ∈ ℝ^{m×10}, R ∈ ℝ^{n×10} standard Gaussian, scaled to ‖X‖_F = 1; initialisation of JCD
 * §4.1 (jcd-common.ts), the same F̃₀, G̃₀ for every ρ; σᵢ(FₜGₜᵀ) reaches σᵢ(X) at the first t with
 * σᵢ(FₜGₜᵀ) ≥ 0.9·σᵢ(X), observed at every step up to `denseUntil` (pairs reached at the same step
 * are ties, not out of order); the geometric phase is fitted on t between the last such time and the
 * first t with ‖FₜGₜᵀ − X‖_F ≤ 10⁻¹⁰ (before saturation).
 */
import { fitLine, type Relation, slopeRelation, type StatedValues } from '../../../src/claims/sweep.ts';
import { mul, transpose } from '../../../src/linalg/dense.ts';
import { singularValues } from '../../../src/linalg/spectral.ts';
import { gaussianMatrix, gaussianStream } from '../../../src/random/gaussian.ts';
import { runTrajectory } from '../../../src/gd/trajectory.ts';
import type { Experiment } from '../../../src/experiments/experiment.ts';
import { num, type Figure } from '../../../src/experiments/figures.ts';
import { diagonalTarget } from './common.ts';
import { drawJcdFactors } from '../support/init.ts';

export interface Fig2Config {
  readonly m: number;
  readonly n: number;
  readonly rank: number;
  readonly k: number;
  readonly eta: number;
  readonly iters: number;
  /** Record every step up to `denseUntil` (panel a's range: the order of the σᵢ needs single steps), then every `every`. */
  readonly denseUntil: number;
  readonly every: number;
  /** Panel (a)'s ρ; panel (b) runs every ρ of `rhos` (which contains it). */
  readonly rho: number;
  readonly rhos: readonly number[];
  /** Panel (a): distances to X_s for s = 1 … leading. */
  readonly leading: number;
}

export interface Fig2Job extends Fig2Config {
  readonly runRho: number;
  readonly seed: string;
}

export interface Fig2Result {
  readonly rho: number;
  readonly t: number[];
  /** ‖FₜGₜᵀ − X‖_F. */
  readonly error: number[];
  /** Panel (a) only: σᵢ(FₜGₜᵀ), i = 1 … rank + 2, and ‖FₜGₜᵀ − X_s‖_F, s = 1 … leading. */
  readonly sv?: number[][];
  readonly dist?: number[][];
  readonly diverged: number | null;
}

export interface Fig2Data {
  readonly config: Fig2Config;
  readonly seed: string;
  /** σ(X). */
  readonly sigma: number[];
  readonly runs: ReadonlyArray<Fig2Result>;
}

export const FIG2_CHOICE =
  'X diagonal (JCD §4.2 frame) with the singular values of LRᵀ (L, R Gaussian with rank columns), ‖X‖_F = 1; init (F₀, G₀) = ρ/(3√(m+n+k))·N(0, σ₁) entries, the same draw for every ρ';

/** σ(X) of a seed: the singular values of a Gaussian rank-`rank` product, scaled to ‖X‖_F = 1. */
export function fig2SingularValues(c: Fig2Config, seed: string): number[] {
  const g = gaussianStream(`${seed}:X`);
  const sv = singularValues(mul(gaussianMatrix(c.m, c.rank, 1, g), transpose(gaussianMatrix(c.n, c.rank, 1, g)))).slice(0, c.rank);
  const f = Math.sqrt(sv.reduce((a, v) => a + v * v, 0));
  return sv.map((v) => v / f);
}

function runFig2Job(job: Fig2Job, progress?: (fraction: number) => void): Fig2Result {
  const sigma = fig2SingularValues(job, job.seed);
  const X = diagonalTarget(sigma, job.m, job.n);
  const { F0: F, G0: G } = drawJcdFactors({ m: job.m, n: job.n, k: job.k, rho: job.runRho, sigma1: sigma[0] }, `${job.seed}:init`);
  const full = job.runRho === job.rho;
  const out = { t: [] as number[], error: [] as number[], sv: [] as number[][], dist: [] as number[][] };
  const traj = runTrajectory({
    sigma: X,
    U0: F,
    V0: G,
    eta: job.eta,
    iters: job.iters,
    observe: ({ t, U, V }) => {
      if (t > job.denseUntil && t % job.every !== 0 && t !== job.iters) return null;
      progress?.(t / job.iters);
      const P = mul(U, transpose(V));
      const d = P.data;
      // ‖P − X_s‖_F entry by entry (no ‖P‖² − 2⟨P, X_s⟩ + ‖X_s‖² expansion: it cancels below 10⁻⁸).
      const distance = (s: number) => {
        let a = 0;
        for (let i = 0; i < job.m; i++)
          for (let j = 0; j < job.n; j++) {
            const e = d[i * job.n + j] - (i === j && i < s ? sigma[i] : 0);
            a += e * e;
          }
        return Math.sqrt(a);
      };
      out.t.push(t);
      out.error.push(distance(job.rank));
      if (full && t <= job.denseUntil) {
        out.sv.push(singularValues(P).slice(0, job.rank + 2));
        out.dist.push(Array.from({ length: job.leading }, (_, s) => distance(s + 1)));
      }
      return null;
    },
  });
  return { rho: job.runRho, t: out.t, error: out.error, ...(full ? { sv: out.sv, dist: out.dist } : {}), diverged: traj.diverged?.t ?? null };
}

export const FIG2_STATED = {
  /** +1: σᵢ(FₜGₜᵀ) reaches σᵢ(X) in the order i = 1, 2, … ("sequentially"); the sabotage says −1. */
  order: 1,
  /** "geometric-like": R² of the straight-line fit of ln‖FₜGₜᵀ − X‖_F on t in the geometric phase (a choice). */
  minR2: 0.95,
  /** "fast convergence to a small error level": final error of the smallest ρ ≤ this × that of ρ = 1 (a choice). */
  smallVsModerate: 1e-2,
} as const;

/** First t at which σᵢ(FₜGₜᵀ) ≥ 0.9σᵢ(X), for i = 1 … rank (Infinity: never). */
export function fig2ReachTimes(data: Fig2Data): number[] {
  const a = data.runs.find((r) => r.sv)!;
  return data.sigma.map((s, i) => {
    const j = a.sv!.findIndex((v) => v[i] >= 0.9 * s); // sv[j] is recorded at t[j] (t ≤ denseUntil)
    return j < 0 ? Number.POSITIVE_INFINITY : a.t[j];
  });
}

function geometricPhase(data: Fig2Data): { t: number[]; logErr: number[] } {
  const a = data.runs.find((r) => r.sv)!;
  const start = Math.max(...fig2ReachTimes(data));
  const idx = a.t.map((_t, i) => i).filter((i) => a.t[i] >= start && a.error[i] > 1e-10);
  return { t: idx.map((i) => a.t[i]), logErr: idx.map((i) => Math.log(a.error[i])) };
}

export function fig2Relations(data: Fig2Data, stated: StatedValues = FIG2_STATED): Relation[] {
  const c = data.config;
  const times = fig2ReachTimes(data);
  // A pair is out of order when the later index is reached strictly first (ties: the same step).
  let inversions = 0;
  let ties = 0;
  for (let i = 0; i + 1 < times.length; i++) {
    if (stated.order * (times[i + 1] - times[i]) < 0) inversions++;
    if (times[i + 1] === times[i]) ties++;
  }
  const out: Relation[] = [
    {
      name: `σᵢ(FₜGₜᵀ) reach 0.9σᵢ(X) one by one: pairs out of order (i = 1…${c.rank})`,
      stated: `0 (${stated.order > 0 ? 'in the order i = 1, 2, …' : 'in reverse order'})`,
      observed: inversions,
      holds: inversions === 0,
      detail: `first t with σᵢ(FₜGₜᵀ) ≥ 0.9σᵢ(X): ${times.join(', ')} (${ties} consecutive pairs reached at the same step)`,
    },
  ];
  const g = geometricPhase(data);
  const eta = c.eta;
  const sr = data.sigma[c.rank - 1];
  if (g.t.length >= 3) {
    const fit = fitLine(g.t, g.logErr);
    out.push({
      ...slopeRelation(`ρ = ${num(c.rho)}: slope of ln‖FₜGₜᵀ − X‖_F vs t (geometric phase)`, fit, [Number.NEGATIVE_INFINITY, 0], '< 0 (geometric convergence)'),
      detail: `t ∈ [${g.t[0]}, ${g.t[g.t.length - 1]}], ${g.t.length} points; rate e^slope = ${num(Math.exp(fit.slope))} per step; 1 − ησ_r = ${num(1 - eta * sr)}, 1 − 2ησ_r = ${num(1 - 2 * eta * sr)}`,
    });
    out.push({
      name: `ρ = ${num(c.rho)}: R² of that straight line`,
      stated: `≥ ${stated.minR2} (geometric-like)`,
      observed: fit.r2,
      holds: fit.r2 >= stated.minR2,
    });
  } else out.push({ name: 'geometric phase', stated: '≥ 3 observed points', observed: g.t.length, holds: false });
  const small = data.runs.filter((r) => r.rho < 1);
  const moderate = data.runs.find((r) => r.rho === 1);
  if (moderate && small.length) {
    const worstSmall = Math.max(...small.map((r) => r.error[r.error.length - 1]));
    const mod = moderate.error[moderate.error.length - 1];
    out.push({
      name: `final ‖F_TG_Tᵀ − X‖_F: largest over small ρ / that of ρ = 1 (T = ${c.iters})`,
      stated: `≤ ${num(stated.smallVsModerate)} (small ρ converges fast to a small error)`,
      observed: worstSmall / mod,
      holds: worstSmall <= stated.smallVsModerate * mod,
      detail: data.runs.map((r) => `ρ = ${num(r.rho)}: ${num(r.error[r.error.length - 1])}`).join(', '),
    });
  }
  return out;
}

export function fig2Figure(data: Fig2Data, id: string, what: string): Figure {
  const c = data.config;
  const a = data.runs.find((r) => r.sv)!;
  const rowsA = [
    ...a.sv!.flatMap((row, j) => row.map((v, i) => ({ t: a.t[j], value: v, series: `σ${i + 1}(FₜGₜᵀ)`, kind: 'singular value' }))),
    ...a.dist!.flatMap((row, j) => row.map((v, s) => ({ t: a.t[j], value: v, series: `‖FₜGₜᵀ − X${s + 1}‖_F`, kind: 'distance' }))),
  ].filter((r) => r.value > 0);
  const rowsB = data.runs.flatMap((r) => r.t.map((t, j) => ({ t, error: r.error[j], rho: `ρ = ${num(r.rho)}` }))).filter((r) => r.error > 0);
  const rel = fig2Relations(data);
  const times = fig2ReachTimes(data);
  const logY = (title: string, field: string) => ({ field, type: 'quantitative', scale: { type: 'log' }, title, axis: { format: '.0e' } });
  return {
    id,
    title: `${what} — JCD §5.1 Figure 2: dynamics with small initialisation (m = ${c.m}, n = ${c.n}, rank ${c.rank}, k = ${c.k}, η = ${c.eta})`,
    caption:
      `seed ${data.seed}. ${FIG2_CHOICE}. σ(X) = ${data.sigma.map(num).join(', ')}. ` +
      `(a) ρ = ${num(c.rho)}: dashed σᵢ(FₜGₜᵀ), solid ‖FₜGₜᵀ − X_s‖_F (s = 1…${c.leading}); σᵢ reaches 0.9σᵢ(X) at t = ${times.join(', ')}. ` +
      `(b) ‖FₜGₜᵀ − X‖_F for ρ ∈ {${c.rhos.map(num).join(', ')}}. ` +
      rel.map((r) => `${r.name}: ${num(r.observed)} (stated ${r.stated})`).join('; ') +
      '.',
    numbers: { config: c, seed: data.seed, sigmaX: data.sigma, reachTimes: times, runs: data.runs, relations: rel },
    spec: {
      hconcat: [
        {
          title: `(a) ρ = ${num(c.rho)}, t ≤ ${c.denseUntil}`,
          width: 340,
          height: 260,
          data: { values: rowsA },
          mark: { type: 'line' },
          encoding: {
            x: { field: 't', type: 'quantitative', title: 'iteration t' },
            y: logY('value', 'value'),
            color: { field: 'series', type: 'nominal', title: null, sort: null },
            strokeDash: {
              field: 'kind',
              type: 'nominal',
              title: null,
              scale: {
                domain: ['distance', 'singular value'],
                range: [
                  [1, 0],
                  [4, 3],
                ],
              },
            },
          },
        },
        {
          title: '(b) convergence of ‖FₜGₜᵀ − X‖_F',
          width: 340,
          height: 260,
          data: { values: rowsB },
          mark: { type: 'line' },
          encoding: {
            x: { field: 't', type: 'quantitative', title: 'iteration t' },
            y: logY('‖FₜGₜᵀ − X‖_F', 'error'),
            color: { field: 'rho', type: 'nominal', title: 'initialisation', sort: null },
          },
        },
      ],
      resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    },
  };
}

const FULL: Fig2Config = {
  m: 250,
  n: 200,
  rank: 10,
  k: 200,
  eta: 0.5,
  iters: 1500,
  denseUntil: 400,
  every: 5,
  rho: 1e-6,
  rhos: [1e-2, 1e-4, 1e-6, 1],
  leading: 4,
};
/** The claim's configuration: 50×40, rank 4, k = 40, the paper's ρ and η. */
const REDUCED: Fig2Config = { m: 50, n: 40, rank: 4, k: 40, eta: 0.5, iters: 300, denseUntil: 200, every: 3, rho: 1e-6, rhos: [1e-2, 1e-6, 1], leading: 3 };

function fig2Jobs(c: Fig2Config, seed: string): Fig2Job[] {
  // The panel (a) run first: it is the longest.
  return [c.rho, ...c.rhos.filter((r) => r !== c.rho)].map((runRho) => ({ ...c, runRho, seed: `${seed}:fig2` }));
}

export const jcdFig2: Experiment<Fig2Config, Fig2Job, Fig2Result, Fig2Data> = {
  id: 'jcd.fig-2',
  title: 'JCD §5.1 Figure 2 (dynamics)',
  full: FULL,
  reduced: REDUCED,
  withRuns: (c) => c,
  jobs: fig2Jobs,
  runJob: runFig2Job,
  assemble: (config, seed, results) => ({
    config,
    seed,
    sigma: fig2SingularValues(config, `${seed}:fig2`),
    runs: [...results].sort((x, y) => y.rho - x.rho),
  }),
  figures: (data) => [fig2Figure(data, 'jcd.fig-2', 'reproduce jcd.fig-2')],
  relations: (data) => fig2Relations(data),
};
