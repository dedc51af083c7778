/**
 * YD21 Theorem 1.1 as an experiment: "Suppose each entry of U₀ and V₀ are initialized using Gaussian
 * distribution with mean 0 and variance ε², where ε = Õ(σ_d/√(d³σ₁(m+n))). Then there exists
 * T_total(δ, η) = O((1/(ησ_d)) ln(dσ_d/ε) + (1/(ησ_d)) ln(σ_d/δ)) such that for any δ > 0 and
 * learning rate η = O(σ_dε²/(dσ₁³)), … when t > T_total(δ, η), f(U_t, V_t) ≤ δ."
 *
 * `yd21RateSweep` runs GD over a grid of (m, n, d, κ) and returns, per point and per δ, the
 * iterations observed until f stays ≤ δ beside the predicted scale (1/(ησ_d))(ln(dσ_d/ε) +
 * ln(σ_d/δ)) — the data for the claim yd21.thm-1.1.rate (written by the lead), whose hidden constant
 * is observed/predicted. `yd21Trajectory` records one run's stage-one diagnostics (YD21 §3) with
 * the phase boundaries T₁ (first t with σ_d(A_t) ≥ √(σ_d/2), §3.2.3) and T₀ (first t ≥ T₁ with
 * ‖P_t‖ ≤ σ_d/4, Theorem 3.1).
 *
 * Choices (the O(·) and Õ(·) constants; printed on the captions): Σ diagonal (YD21 §2.1 frame) with
 * σ_d = 1, σ₁ = κ and σ₂ … σ_{d−1} evenly spaced between; ε = c_ε·σ_d/√(d³σ₁(m+n)) and
 * η = c_η·σ_dε²/(dσ₁³) with c_ε = c_η = 1 (the predicted scale carries the same η and ε, so the
 * hidden constant observed/predicted absorbs these choices only through the ln terms). The sweep's
 * grid is kept small because 1/η grows like d⁴σ₁⁴(m + n)/σ_d³: its largest point takes ~10⁶ steps.
 */
import { diag, type Mat } from '../../../src/linalg/dense.ts';
import { gaussianMatrix, gaussianStream } from '../../../src/random/gaussian.ts';
import { diagnostics } from '../../../src/gd/diagnostics.ts';
import { runTrajectory } from '../../../src/gd/trajectory.ts';
import { makeStepper } from '../../../src/gd/step.ts';
import { makeBatchStepper } from '../../../src/gd/batch.ts';
import { fitLine, type Relation, slopeRelation } from '../../../src/claims/sweep.ts';
import type { Experiment } from '../../../src/experiments/experiment.ts';
import { num, type Figure } from '../../../src/experiments/figures.ts';

export interface Yd21Point {
  readonly m: number;
  readonly n: number;
  readonly d: number;
  readonly kappa: number;
}

export interface Yd21Config {
  readonly points: ReadonlyArray<Yd21Point>;
  readonly deltas: readonly number[];
  readonly runs: number;
  readonly cEps: number;
  readonly cEta: number;
  /** Give up at this multiple of the largest predicted scale (the point is then reported as not reached). */
  readonly capFactor: number;
  /** The annotated trajectory: its point, δ and recording interval. */
  readonly trajectory: Yd21Point & { readonly every: number; readonly delta: number };
}

/** Σ, ε and η of a point (one place for the choices). */
function yd21Problem(
  p: Yd21Point,
  c: Pick<Yd21Config, 'cEps' | 'cEta'>,
): { sigma: Mat; sigmaValues: number[]; sigma1: number; sigmaD: number; eps: number; eta: number } {
  const { m, n, d, kappa } = p;
  const sigmaValues = Array.from({ length: d }, (_, i) => (d === 1 ? 1 : kappa - ((kappa - 1) * i) / (d - 1)));
  const sigma1 = sigmaValues[0];
  const sigmaD = sigmaValues[d - 1];
  const eps = (c.cEps * sigmaD) / Math.sqrt(d ** 3 * sigma1 * (m + n));
  const eta = (c.cEta * sigmaD * eps * eps) / (d * sigma1 ** 3);
  const full = new Array<number>(Math.min(m, n)).fill(0);
  sigmaValues.forEach((v, i) => {
    full[i] = v;
  });
  return { sigma: diag(full, m, n), sigmaValues, sigma1, sigmaD, eps, eta };
}

/** The predicted scale (1/(ησ_d))(ln(dσ_d/ε) + ln(σ_d/δ)) of Theorem 1.1 (its O-constant left out). */
export function yd21PredictedScale(d: number, sigmaD: number, eps: number, eta: number, delta: number): number {
  return (1 / (eta * sigmaD)) * (Math.log((d * sigmaD) / eps) + Math.log(sigmaD / delta));
}

export interface Yd21Job extends Yd21Point {
  readonly run: number;
  readonly deltas: readonly number[];
  readonly cEps: number;
  readonly cEta: number;
  readonly capFactor: number;
  readonly seed: string;
}

/**
 * What a run of the sweep records of its losses f(U_t, V_t), t = 0, 1, …, cap: per δ the last t
 * with f > δ, and how the run ended — f ≤ min δ/100 (reached), a non-finite loss (diverged), or the
 * cap. One home for runYd21Job and runYd21Jobs, so the batched runs are the single runs.
 */
interface Yd21Watch {
  readonly deltas: readonly number[];
  readonly stop: number;
  readonly cap: number;
  readonly lastAbove: number[];
  /** The next step to watch. */
  t: number;
  end: 'running' | 'reached' | 'diverged' | 'cap';
}

function watch(deltas: readonly number[], stop: number, cap: number): Yd21Watch {
  return { deltas, stop, cap, lastAbove: deltas.map(() => -1), t: 0, end: 'running' };
}

/** Records f(U_t, V_t) at t = w.t; false when the run ends with it. */
function watchStep(w: Yd21Watch, f: number): boolean {
  if (!Number.isFinite(f)) {
    w.end = 'diverged';
    return false;
  }
  w.deltas.forEach((delta, i) => {
    if (f > delta) w.lastAbove[i] = w.t;
  });
  if (f <= w.stop) {
    w.end = 'reached';
    return false;
  }
  w.t++;
  if (w.t > w.cap) {
    w.end = 'cap';
    return false;
  }
  return true;
}

/**
 * Per δ: observed = 1 + the last t with f > δ when f stays ≤ δ from then on to where the run ended —
 * through the stop, or at least at the cap's step; Infinity when f > δ at the cap or the run diverged
 * (not reached within the cap).
 */
function observations(job: Yd21Job, pr: ReturnType<typeof yd21Problem>, predicted: readonly number[], w: Yd21Watch): Yd21Observation[] {
  return job.deltas.map((delta, i) => {
    const settled = w.end === 'reached' || (w.end === 'cap' && w.lastAbove[i] < w.cap);
    const observed = settled ? w.lastAbove[i] + 1 : Number.POSITIVE_INFINITY;
    return {
      m: job.m,
      n: job.n,
      d: job.d,
      kappa: job.kappa,
      run: job.run,
      delta,
      eps: pr.eps,
      eta: pr.eta,
      sigmaD: pr.sigmaD,
      observed,
      predicted: predicted[i],
      ratio: observed / predicted[i],
    };
  });
}

/** One sweep point and run: per δ, the observed iterations and the predicted scale. */
export interface Yd21Observation extends Yd21Point {
  readonly run: number;
  readonly delta: number;
  readonly eps: number;
  readonly eta: number;
  readonly sigmaD: number;
  /** 1 + the last t with f(U_t, V_t) > δ (f stays ≤ δ from then on, up to where the run stopped); Infinity: not reached within the cap. */
  readonly observed: number;
  readonly predicted: number;
  readonly ratio: number;
}

/** Runs one point: GD from U₀, V₀ with N(0, ε²) entries until f ≤ min δ/100 (or the cap). */
export function runYd21Job(job: Yd21Job, progress?: (fraction: number) => void): Yd21Observation[] {
  const { m, n, d } = job;
  const pr = yd21Problem(job, job);
  const g = gaussianStream(`${job.seed}:init`);
  let U: Float64Array = gaussianMatrix(m, d, pr.eps, g).data;
  let V: Float64Array = gaussianMatrix(n, d, pr.eps, g).data;
  let nU: Float64Array = new Float64Array(U.length);
  let nV: Float64Array = new Float64Array(V.length);
  const predicted = job.deltas.map((delta) => yd21PredictedScale(d, pr.sigmaD, pr.eps, pr.eta, delta));
  const cap = Math.ceil(job.capFactor * Math.max(...predicted));
  const stop = Math.min(...job.deltas) / 100;
  const w = watch(job.deltas, stop, cap);
  const stepper = makeStepper(pr.sigma.data, m, n, d);
  try {
    for (;;) {
      const f = stepper.step(U, V, pr.eta, nU, nV); // f(U_t, V_t)
      if (progress && w.t % 10000 === 0) progress(Math.min(0.99, w.t / Math.max(...predicted)));
      if (!watchStep(w, f)) break;
      [U, nU] = [nU, U];
      [V, nV] = [nV, V];
    }
  } finally {
    stepper.release();
  }
  return observations(job, pr, predicted, w);
}

/** A job's run in progress on a lane of runYd21Jobs: runYd21Job's loop state. */
interface Yd21Lane {
  readonly job: Yd21Job;
  readonly index: number;
  readonly pr: ReturnType<typeof yd21Problem>;
  readonly U: Float64Array;
  readonly V: Float64Array;
  readonly predicted: number[];
  readonly cap: number;
  readonly stop: number;
  readonly w: Yd21Watch;
}

/** Steps per call of the batched stepper in runYd21Jobs (a lane that stops inside a chunk idles to its end). */
const YD21_CHUNK = 2048;
/** Runs of one shape stepped together by runYd21Jobs. */
const YD21_LANES = 8;

/**
 * runYd21Job for each job (without progress), the jobs of one shape (m, n, d) run together on the
 * batched stepper (src/gd/batch.ts), YD21_LANES at a time, a lane taking the next job of its shape
 * when its run stops. The losses come from the batched stepper bitwise as Stepper.step gives them,
 * and each lane goes through them with runYd21Job's loop, so each result is runYd21Job's.
 */
export function runYd21Jobs(jobs: readonly Yd21Job[]): Yd21Observation[][] {
  const results: Yd21Observation[][] = new Array(jobs.length);
  const shapes = new Map<string, number[]>();
  jobs.forEach((j, i) => {
    const key = `${j.m}×${j.n}×${j.d}`;
    shapes.set(key, [...(shapes.get(key) ?? []), i]);
  });
  const start = (index: number): Yd21Lane => {
    const job = jobs[index];
    const pr = yd21Problem(job, job);
    const g = gaussianStream(`${job.seed}:init`);
    const U = gaussianMatrix(job.m, job.d, pr.eps, g).data;
    const V = gaussianMatrix(job.n, job.d, pr.eps, g).data;
    const predicted = job.deltas.map((delta) => yd21PredictedScale(job.d, pr.sigmaD, pr.eps, pr.eta, delta));
    const cap = Math.ceil(job.capFactor * Math.max(...predicted));
    return { job, index, pr, U, V, predicted, cap, stop: Math.min(...job.deltas) / 100, w: watch(job.deltas, Math.min(...job.deltas) / 100, cap) };
  };
  const finish = (l: Yd21Lane) => {
    results[l.index] = observations(l.job, l.pr, l.predicted, l.w);
  };
  for (const queue of shapes.values()) {
    const { m, n, d } = jobs[queue[0]];
    const B = Math.min(YD21_LANES, queue.length);
    let next = 0;
    const lanes: (Yd21Lane | null)[] = Array.from({ length: B }, () => start(queue[next++]));
    const batch = makeBatchStepper(
      lanes.map((l) => (l as Yd21Lane).pr.sigma.data),
      m,
      n,
      d,
    );
    const losses = new Float64Array(YD21_CHUNK * B);
    const U = lanes.map((l) => (l as Yd21Lane).U);
    const V = lanes.map((l) => (l as Yd21Lane).V);
    const eta = lanes.map((l) => (l as Yd21Lane).pr.eta);
    const count = new Array<number>(B).fill(0);
    try {
      while (lanes.some((l) => l !== null)) {
        lanes.forEach((l, b) => {
          count[b] = l === null ? 0 : Math.min(YD21_CHUNK, l.cap + 1 - l.w.t);
        });
        batch.advanceWithLoss(U, V, eta, count, losses);
        lanes.forEach((l, b) => {
          if (l === null) return;
          // runYd21Job's watch over t ≤ cap, on f(U_t, V_t) for this chunk's steps
          let running = true;
          for (let s = 0; s < count[b] && running; s++) running = watchStep(l.w, losses[s * B + b]);
          if (running) return;
          finish(l);
          if (next < queue.length) {
            const k = start(queue[next++]);
            lanes[b] = k;
            [U[b], V[b], eta[b]] = [k.U, k.V, k.pr.eta];
            batch.setSigma(b, k.pr.sigma.data);
          } else lanes[b] = null;
        });
      }
    } finally {
      batch.release();
    }
  }
  return results;
}

function yd21Jobs(c: Yd21Config, seed: string): Yd21Job[] {
  return c.points.flatMap((p) =>
    Array.from({ length: c.runs }, (_, run) => ({
      ...p,
      run,
      deltas: c.deltas,
      cEps: c.cEps,
      cEta: c.cEta,
      capFactor: c.capFactor,
      seed: `${seed}:yd21:m${p.m}:n${p.n}:d${p.d}:k${p.kappa}:run${run}`,
    })),
  );
}

/**
 * The sweep for the rate claim: observed iterations and predicted scale at every point, run and δ
 * (in this thread; the runs of one shape together on the batched stepper, see runYd21Jobs).
 * Deterministic for a seed.
 */
export function yd21RateSweep(config: Yd21Config, seed: string): Yd21Observation[] {
  return runYd21Jobs(yd21Jobs(config, seed)).flat();
}

interface Yd21TrajectorySample {
  readonly t: number;
  readonly sigmaMinA: number;
  readonly frobB: number;
  readonly normJ: number;
  readonly normK: number;
  readonly lambdaMinP: number;
  readonly normP: number;
  readonly loss: number;
}

interface Yd21TrajectoryData {
  readonly point: Yd21Config['trajectory'];
  readonly eps: number;
  readonly eta: number;
  readonly sigmaD: number;
  readonly samples: Yd21TrajectorySample[];
  /** First t with σ_d(A) ≥ √(σ_d/2); first t ≥ T₁ with ‖P‖ ≤ σ_d/4; first t with f ≤ δ (null: not seen). */
  readonly T1: number | null;
  readonly T0: number | null;
  readonly Tdelta: number | null;
  readonly predicted: number;
}

/** The annotated trajectory: YD21 §3's diagnostics every `every` steps up to 1.5 × the predicted scale. */
function yd21Trajectory(c: Yd21Config, seed: string): Yd21TrajectoryData {
  const p = c.trajectory;
  const pr = yd21Problem(p, c);
  const g = gaussianStream(`${seed}:yd21:trajectory:init`);
  const predicted = yd21PredictedScale(p.d, pr.sigmaD, pr.eps, pr.eta, p.delta);
  const iters = Math.ceil(1.5 * predicted);
  const traj = runTrajectory({
    sigma: pr.sigma,
    U0: gaussianMatrix(p.m, p.d, pr.eps, g),
    V0: gaussianMatrix(p.n, p.d, pr.eps, g),
    eta: pr.eta,
    iters,
    every: p.every,
    observe: ({ t, U, V }) => ({ t, ...diagnostics(pr.sigma, U, V) }),
  });
  const samples = traj.samples.map((s) => s.value);
  const T1 = samples.find((s) => s.sigmaMinA >= Math.sqrt(pr.sigmaD / 2))?.t ?? null;
  const T0 = T1 === null ? null : (samples.find((s) => s.t >= T1 && s.normP <= pr.sigmaD / 4)?.t ?? null);
  const Tdelta = samples.find((s) => s.loss <= p.delta)?.t ?? null;
  return { point: p, eps: pr.eps, eta: pr.eta, sigmaD: pr.sigmaD, samples, T1, T0, Tdelta, predicted };
}

export interface Yd21Data {
  readonly config: Yd21Config;
  readonly seed: string;
  readonly observations: Yd21Observation[];
  readonly trajectory: Yd21TrajectoryData;
}

/** Reported beside Theorem 1.1: the hidden constant's range and its trend in the predicted scale. */
function yd21Relations(data: Yd21Data): Relation[] {
  const ok = data.observations.filter((o) => Number.isFinite(o.observed) && o.observed > 0);
  const notReached = data.observations.length - ok.length;
  const fit = fitLine(
    ok.map((o) => Math.log(o.predicted)),
    ok.map((o) => Math.log(o.observed)),
  );
  const ratios = ok.map((o) => o.ratio);
  return [
    {
      name: 'points where f did not reach δ within the cap',
      stated: '0 (f ≤ δ after T_total)',
      observed: notReached,
      holds: notReached === 0,
      detail: `cap ${data.config.capFactor} × the predicted scale`,
    },
    {
      name: 'hidden constant C = observed / predicted: largest',
      stated: 'bounded (O(·))',
      observed: Math.max(...ratios),
      holds: true,
      detail: `range [${num(Math.min(...ratios))}, ${num(Math.max(...ratios))}] over ${ok.length} (point, run, δ)`,
    },
    slopeRelation('slope of ln(observed) vs ln(predicted scale)', fit, [0.75, 1.25], '1 (observed ∝ predicted; ±25%, a choice)'),
  ];
}

function yd21SweepFigure(data: Yd21Data, id: string, what: string): Figure {
  const c = data.config;
  const rows = data.observations
    .filter((o) => Number.isFinite(o.observed))
    .map((o) => ({ ...o, dk: `d = ${o.d}, κ = ${o.kappa}`, deltaLabel: `δ = ${num(o.delta)}` }));
  const uniq = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b).join(', ');
  const rel = yd21Relations(data);
  const lo = Math.min(...rows.map((r) => r.predicted));
  const hi = Math.max(...rows.map((r) => r.predicted));
  const ratios = rows.map((r) => r.ratio);
  return {
    id,
    title: `${what} — YD21 Theorem 1.1: iterations to f ≤ δ against (1/(ησ_d))(ln(dσ_d/ε) + ln(σ_d/δ))`,
    caption:
      `seed ${data.seed}. Σ diagonal, σ_d = 1, σ₁ = κ, middle values evenly spaced; U₀, V₀ entries N(0, ε²), ε = ${c.cEps}·σ_d/√(d³σ₁(m+n)), η = ${c.cEta}·σ_dε²/(dσ₁³); ${c.runs} runs per point; ` +
      `observed = 1 + the last t with f > δ. Dashed: observed = predicted. Grid: n ∈ {${uniq(c.points.map((p) => p.n))}}, m = n + d, d ∈ {${uniq(c.points.map((p) => p.d))}}, κ ∈ {${uniq(c.points.map((p) => p.kappa))}}, δ ∈ {${c.deltas.map(num).join(', ')}}. ` +
      `Hidden constant observed/predicted in [${num(Math.min(...ratios))}, ${num(Math.max(...ratios))}]; ${rel[2].name} ${num(rel[2].observed)} [${num(rel[2].interval![0])}, ${num(rel[2].interval![1])}] (paper: O(·), i.e. 1).`,
    numbers: { config: c, seed: data.seed, observations: data.observations, relations: rel },
    spec: {
      width: 420,
      height: 320,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'point', filled: true },
          encoding: {
            x: { field: 'predicted', type: 'quantitative', scale: { type: 'log' }, title: '(1/(ησ_d))(ln(dσ_d/ε) + ln(σ_d/δ))' },
            y: { field: 'observed', type: 'quantitative', scale: { type: 'log' }, title: 'iterations until f ≤ δ' },
            color: { field: 'dk', type: 'nominal', title: '(d, κ)' },
            size: { field: 'n', type: 'ordinal', title: 'n (m = n + d)', scale: { range: [12, 70] } },
            shape: { field: 'deltaLabel', type: 'nominal', title: 'δ' },
          },
        },
        {
          data: {
            values: [
              { x: lo, y: lo },
              { x: hi, y: hi },
            ],
          },
          mark: { type: 'line', strokeDash: [4, 3], color: 'black' },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
        },
      ],
    },
  };
}

function yd21TrajectoryFigure(data: Yd21Data, id: string, what: string): Figure {
  const tr = data.trajectory;
  const p = tr.point;
  const names: Array<[keyof Yd21TrajectorySample, string]> = [
    ['sigmaMinA', 'σ_d(A)'],
    ['frobB', '‖B‖_F'],
    ['normJ', '‖J‖'],
    ['normK', '‖K‖'],
    ['lambdaMinP', 'λ_d(P)'],
    ['loss', 'f (loss)'],
  ];
  const rows = tr.samples
    .flatMap((s) => names.map(([k, label]) => ({ t: s.t, value: Math.abs(s[k] as number), negative: (s[k] as number) < 0, series: label })))
    .filter((r) => r.value > 0);
  const marks = [
    ...(tr.T1 !== null ? [{ t: tr.T1, label: `T₁ = ${tr.T1}` }] : []),
    ...(tr.T0 !== null ? [{ t: tr.T0, label: `T₀ = ${tr.T0}` }] : []),
    ...(tr.Tdelta !== null ? [{ t: tr.Tdelta, label: `f ≤ ${num(p.delta)} at ${tr.Tdelta}` }] : []),
  ];
  return {
    id,
    title: `${what} — YD21 Theorem 1.1: one trajectory with the stage-one quantities (m = ${p.m}, n = ${p.n}, d = ${p.d}, κ = ${p.kappa})`,
    caption:
      `seed ${data.seed}. ε = ${num(tr.eps)}, η = ${num(tr.eta)} (choices as in the sweep). |λ_d(P)| plotted; where λ_d(P) < 0 the curve carries small black dots. ` +
      `T₁ = first t with σ_d(A) ≥ √(σ_d/2) (§3.2.3); T₀ = first t ≥ T₁ with ‖P‖ ≤ σ_d/4 (Theorem 3.1); predicted scale for δ = ${num(p.delta)}: ${num(tr.predicted)}. Recorded every ${p.every} steps.`,
    numbers: { seed: data.seed, ...tr },
    spec: {
      width: 560,
      height: 340,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'line' },
          encoding: {
            x: { field: 't', type: 'quantitative', title: 'iteration t' },
            y: { field: 'value', type: 'quantitative', scale: { type: 'log' }, title: 'value', axis: { format: '.0e' } },
            color: { field: 'series', type: 'nominal', title: null, sort: null },
          },
        },
        {
          data: { values: rows.filter((r) => r.series === 'λ_d(P)' && r.negative) },
          mark: { type: 'point', filled: true, size: 4, opacity: 0.5, color: 'black' },
          encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
        },
        { data: { values: marks }, mark: { type: 'rule', strokeDash: [2, 2], color: 'black' }, encoding: { x: { field: 't', type: 'quantitative' } } },
        ...marks.map((m, i) => ({
          data: { values: [m] },
          mark: { type: 'text', align: 'left', dx: 3, baseline: 'top', fontSize: 11 },
          encoding: { x: { field: 't', type: 'quantitative' }, y: { value: 4 + 14 * i }, text: { field: 'label' } },
        })),
      ],
    },
  };
}

const FULL: Yd21Config = {
  points: [6, 12, 24, 48].flatMap((mn) => [1, 2, 3].flatMap((d) => [1, 2, 3].map((kappa) => ({ m: mn + d, n: mn, d, kappa })))),
  deltas: [1e-2, 1e-4, 1e-6],
  runs: 2,
  cEps: 1,
  cEta: 1,
  capFactor: 20,
  trajectory: { m: 14, n: 12, d: 2, kappa: 2, every: 100, delta: 1e-6 },
};
const REDUCED: Yd21Config = {
  points: [
    { m: 5, n: 4, d: 1, kappa: 1 },
    { m: 8, n: 6, d: 2, kappa: 1.5 },
  ],
  deltas: [1e-2, 1e-4],
  runs: 1,
  cEps: 1,
  cEta: 1,
  capFactor: 20,
  trajectory: { m: 6, n: 5, d: 2, kappa: 1.5, every: 50, delta: 1e-4 },
};

const TRAJECTORY_JOB = 'trajectory';

type Job = Yd21Job | typeof TRAJECTORY_JOB;
type Result = Yd21Observation[] | Yd21TrajectoryData;

/** The reproduce target: the sweep's jobs and, as one more job, the annotated trajectory. */
export const yd21Thm11: Experiment<Yd21Config, { job: Job; config: Yd21Config; seed: string }, Result, Yd21Data> = {
  id: 'yd21.thm-1.1',
  title: 'YD21 Theorem 1.1 (iterations to f ≤ δ)',
  full: FULL,
  reduced: REDUCED,
  withRuns: (c, runs) => ({ ...c, runs }),
  jobs: (config, seed) => [{ job: TRAJECTORY_JOB as Job, config, seed }, ...yd21Jobs(config, seed).map((job) => ({ job: job as Job, config, seed }))],
  runJob: ({ job, config, seed }, progress) => (job === TRAJECTORY_JOB ? yd21Trajectory(config, seed) : runYd21Job(job as Yd21Job, progress)),
  assemble: (config, seed, [trajectory, ...rest]) => ({
    config,
    seed,
    trajectory: trajectory as Yd21TrajectoryData,
    observations: (rest as Yd21Observation[][]).flat(),
  }),
  figures: (data) => [
    yd21SweepFigure(data, 'yd21.thm-1.1', 'reproduce yd21.thm-1.1'),
    yd21TrajectoryFigure(data, 'yd21.thm-1.1.trajectory', 'reproduce yd21.thm-1.1'),
  ],
  relations: yd21Relations,
};
