/**
 * The small shapes of the theorem regimes (issue 19), for `npm run bench`, timed in CPU time (the
 * process's, and the C loop's own: bench/timing.ts says why):
 * - ns per step of Stepper.step called once per step (what runTrajectory paid per step before it
 *   fast-forwarded `every`), of Stepper.advance (the native small-shape loop), and GFLOP/s of advance
 *   (6·m·n·d flops per step);
 * - the batched stepper (makeBatchStepper, B instances one per lane): ns per step per trajectory;
 * - the plain C triple loop bench/loop.c, compiled in this run with `cc -O3 -march=native` when a
 *   C compiler is there, and the same program's peak: GFLOP/s of independent 4-wide multiplies and
 *   adds (the small kernel's vectors and mix, unfused). Against it each shape gets its ceiling, the
 *   ns per step at that peak (6·m·n·d flops), and the most any batching could gain over `advance`
 *   (peak ÷ advance's GFLOP/s): the lanes of the batched stepper do the same flops per trajectory;
 * - the sweep of yd21.thm-1.1.rate (a loss before every step) on three of its shapes, 16 runs each:
 *   one run after another (runYd21Job) against the batched stepper (runYd21Jobs), the same results;
 * - theorem-regime YD21 stage-one runs (Theorem 3.1: up to T₀, as yd21.thm-3.1.stage-one runs it)
 *   end to end: d = 3, m = n = 6, κ = 2, and the thorough profile's largest (PHASE_SIZES.thorough:
 *   d = 4, m = n = 10, κ = 3).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBatchStepper } from '../src/gd/batch.ts';
import { runYd21Job, runYd21Jobs, type Yd21Job } from '../lemmas/yd21/experiments/thm-1.1.ts';
import { gaussianInitialisation, runPhases } from '../lemmas/yd21/support/phases.ts';
import { type KernelName, makeStepper } from '../src/gd/step.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';
import { C_INIT_MAX, PHASE_SIZES, type PhaseInstance, phaseRunSpec, SAMPLES_PER_SCALE } from '../lemmas/yd21/support/phase-instances.ts';
import { medianMicros } from './timing.ts';

export const SMALL_SHAPES: [number, number, number][] = [
  [3, 3, 1],
  [4, 4, 2],
  [6, 6, 3],
  [10, 10, 4],
];
const ADVANCE = 2000; // steps per advance call
const BATCH = 8; // instances of the batched stepper
const [MIN_BATCH_MS, BATCHES] = [300, 5];

export interface SmallRow {
  m: number;
  n: number;
  d: number;
  stepNs: number;
  advanceNs: number;
  gflops: number;
  batchNs: number;
  batchMode: string;
  cLoopNs?: number;
  /** ns per step at the measured peak (6·m·n·d flops ÷ peak). */
  ceilingNs?: number;
}

/** The C reference, compiled once; null (and why) without a compiler. */
function compileLoop(): { exe: string } | { error: string } {
  const cc = process.env.CC || 'cc';
  const exe = join(mkdtempSync(join(tmpdir(), 'lemmacheck-bench-')), 'loop');
  const run = spawnSync(cc, ['-O3', '-march=native', fileURLToPath(new URL('loop.c', import.meta.url)), '-o', exe], { encoding: 'utf8' });
  if (run.error) return { error: `${cc} not found` };
  return run.status === 0 ? { exe } : { error: `${cc} failed: ${run.stderr.split('\n')[0]}` };
}

/** The peak (GFLOP/s) bench/loop.c measures, or undefined without the compiled program. */
function measuredPeak(loop: ReturnType<typeof compileLoop>): number | undefined {
  if (!('exe' in loop)) return undefined;
  const r = spawnSync(loop.exe, ['peak'], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.split(' ')[0]) : undefined;
}

export function smallShapes(kernel: KernelName): { rows: SmallRow[]; cLoop: string; peakGflops?: number } {
  const loop = compileLoop();
  const peakGflops = measuredPeak(loop);
  const rows = SMALL_SHAPES.map(([m, n, d]) => {
    const S = gaussianMatrix(m, n, 1, 'small-s').data;
    const U = gaussianMatrix(m, d, 0.01, 'small-u').data;
    const V = gaussianMatrix(n, d, 0.01, 'small-v').data;
    const eta = 1e-7; // the theorem regime's small η: the iterates barely move, the timings stay put
    const stepper = makeStepper(S, m, n, d, kernel);
    const [nU, nV] = [new Float64Array(m * d), new Float64Array(n * d)];
    const stepNs = 1000 * medianMicros(() => stepper.step(U, V, eta, nU, nV), MIN_BATCH_MS, BATCHES, 'cpu');
    const advanceNs = (1000 * medianMicros(() => stepper.advance(U, V, eta, ADVANCE), MIN_BATCH_MS, BATCHES, 'cpu')) / ADVANCE;
    stepper.release();
    const batch = makeBatchStepper(
      Array.from({ length: BATCH }, () => S),
      m,
      n,
      d,
      kernel,
    );
    const Ub = Array.from({ length: BATCH }, () => U.slice());
    const Vb = Array.from({ length: BATCH }, () => V.slice());
    const etas = new Array<number>(BATCH).fill(eta);
    const counts = new Array<number>(BATCH).fill(ADVANCE);
    const batchNs = (1000 * medianMicros(() => batch.advance(Ub, Vb, etas, counts), MIN_BATCH_MS, BATCHES, 'cpu')) / (ADVANCE * BATCH);
    batch.release();
    let cLoopNs: number | undefined;
    if ('exe' in loop) {
      const r = spawnSync(loop.exe, [String(m), String(n), String(d)], { encoding: 'utf8' });
      if (r.status === 0) cLoopNs = Number(r.stdout.split(' ')[0]);
    }
    const flops = 6 * m * n * d;
    return {
      m,
      n,
      d,
      stepNs,
      advanceNs,
      gflops: flops / advanceNs,
      batchNs,
      batchMode: batch.mode,
      ...(cLoopNs === undefined ? {} : { cLoopNs }),
      ...(peakGflops === undefined ? {} : { ceilingNs: flops / peakGflops }),
    };
  });
  return { rows, cLoop: 'exe' in loop ? `${process.env.CC || 'cc'} -O3 -march=native` : loop.error, ...(peakGflops === undefined ? {} : { peakGflops }) };
}

/**
 * The theorem-regime instance of the trajectory benchmark, made as lemmas/yd21/support/phase-instances.ts
 * makes them (f_ε = 0.25, f_η = 0.75; σ = (2, 1.5, 1)).
 */
export function stageOneInstance(m = 6, n = 6, d = 3, kappa = 2): PhaseInstance {
  const sigma1 = 2;
  const sigmaD = sigma1 / kappa;
  const values = Array.from({ length: d }, (_, i) => (d === 1 ? sigma1 : sigma1 - ((sigma1 - sigmaD) * i) / (d - 1)));
  const epsilon = (0.25 * sigmaD) / Math.sqrt(d ** 3 * sigma1 * (m + n));
  const eta = (0.75 * sigmaD * epsilon ** 2) / (d * sigma1 ** 3);
  const init = gaussianInitialisation(m, n, d, epsilon, 'bench-stage-one', C_INIT_MAX);
  const scaleT0 = Math.log((d * sigmaD) / epsilon ** 2) / (eta * sigmaD);
  return {
    regime: 'theorem',
    values,
    d,
    m,
    n,
    sigma1,
    sigmaD,
    kappa,
    epsilon,
    eta,
    c: init.c,
    U0: init.U0,
    V0: init.V0,
    scaleT0,
    every: Math.max(1, Math.ceil(scaleT0 / SAMPLES_PER_SCALE)),
    seed: 0,
  };
}

/** The stage-one runs of the trajectory benchmark: the configuration and the thorough profile's largest. */
export const STAGE_ONE_RUNS: readonly { m: number; n: number; d: number; kappa: number; label: string }[] = [
  { m: 6, n: 6, d: 3, kappa: 2, label: 'd = 3, m = n = 6, κ = 2' },
  {
    m: PHASE_SIZES.thorough.maxMN,
    n: PHASE_SIZES.thorough.maxMN,
    d: PHASE_SIZES.thorough.maxD,
    kappa: PHASE_SIZES.thorough.maxKappa,
    label: `d = ${PHASE_SIZES.thorough.maxD}, m = n = ${PHASE_SIZES.thorough.maxMN}, κ = ${PHASE_SIZES.thorough.maxKappa} (the thorough profile's largest)`,
  },
];

/** One stage-one run end to end (runPhases up to T₀, the claim's quantities): seconds, T₀, steps run. */
export function stageOneRun(m = 6, n = 6, d = 3, kappa = 2): { seconds: number; T0: number | null; steps: number; every: number } {
  const x = stageOneInstance(m, n, d, kappa);
  const t0 = performance.now();
  const run = runPhases(phaseRunSpec(x, 'T0'), ['sigmaMinA', 'excessOver2Sigma', 'frobB', 'normJ', 'normK']);
  return { seconds: (performance.now() - t0) / 1000, T0: run.T0, steps: run.final.t, every: x.every };
}

/** Shapes and runs of the rate-sweep benchmark (points of yd21.thm-1.1.rate's m, d and κ axes). */
const RATE_POINTS = [
  { m: 4, n: 4, d: 1, kappa: 1 },
  { m: 16, n: 4, d: 1, kappa: 1 },
  { m: 5, n: 5, d: 2, kappa: 2 },
];
const RATE_RUNS = 16;

/** The rate sweep's runs one at a time and batched: seconds each, runs, and whether the results agree. */
export function rateSweepRun(): { oneSeconds: number; batchedSeconds: number; runs: number; same: boolean } {
  const jobs: Yd21Job[] = RATE_POINTS.flatMap((p) =>
    Array.from({ length: RATE_RUNS }, (_, run) => ({
      ...p,
      run,
      deltas: [1e-2, 1e-4, 1e-6, 1e-8],
      cEps: 1,
      cEta: 1,
      capFactor: 20,
      seed: `bench-rate:${p.m}:${p.d}:${run}`,
    })),
  );
  let t0 = performance.now();
  const one = jobs.map((j) => runYd21Job(j));
  const oneSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const batched = runYd21Jobs(jobs);
  const batchedSeconds = (performance.now() - t0) / 1000;
  return { oneSeconds, batchedSeconds, runs: jobs.length, same: JSON.stringify(one) === JSON.stringify(batched) };
}
