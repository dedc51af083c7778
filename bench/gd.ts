/**
 * `npm run bench [-- --json] [-- --only steps|diagnostics|small|trajectory]`: µs per GD step and GFLOP/s (6·m·n·k flops per step) on five shapes,
 * for the active kernel, the WebAssembly kernel (when the native one is active) and the TypeScript fallback, and µs per call of diagnostics() for
 * d ∈ {3, 5, 10, 20}; with python3 + NumPy present, the same in NumPy (one thread, preallocated
 * out= buffers, bench/reference.py) in the same run, and the ratio engine/NumPy (< 1: faster).
 * A step is what runTrajectory does per iteration: Σ resident (makeStepper), iterates copied in and out.
 * Then the small shapes of the theorem regimes against the peak measured in the same run, and two stage-one trajectories end to end (bench/small.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { diagnostics } from '../src/gd/diagnostics.ts';
import { type KernelName, kernelInfo, makeStepper } from '../src/gd/step.ts';
import { type Mat, zeros } from '../src/linalg/dense.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';
import { rateSweepRun, STAGE_ONE_RUNS, smallShapes, stageOneRun } from './small.ts';
import { medianMicros } from './timing.ts';

const SHAPES: [number, number, number][] = [
  [20, 15, 3],
  [100, 100, 10],
  [250, 200, 10],
  [250, 200, 200],
  [1000, 1000, 10],
];
const DIAG = { m: 100, n: 80, ds: [3, 5, 10, 20] };
const MIN_BATCH_MS = 300;
const BATCHES = 5;

type Job = { kind: 'step'; m: number; n: number; k: number } | { kind: 'diagnostics'; m: number; n: number; d: number };

/** Why NumPy is skipped (python3 or NumPy missing), or null when it can be used. */
function numpyMissing(): string | null {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  return probe.error ? 'python3 not found' : probe.status !== 0 ? 'NumPy not importable by python3' : null;
}

/**
 * Times one job in NumPy (bench/reference.py, one thread). Each job is its own python3 run, made
 * right after the engine's timing of the same job, so both see the same machine load.
 */
function numpyMicros(job: Job): { numpy: string; us: number } {
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const script = fileURLToPath(new URL('reference.py', import.meta.url));
  const input = JSON.stringify({ jobs: [job], minBatchMs: MIN_BATCH_MS, batches: BATCHES });
  const run = spawnSync('python3', [script], { input, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench/reference.py failed:\n${run.stderr}`);
  const out = JSON.parse(run.stdout) as { numpy: string; us: number[] };
  return { numpy: out.numpy, us: out.us[0] };
}

function stepMicros(kernel: KernelName, m: number, n: number, k: number): number {
  const S = gaussianMatrix(m, n, 1, 'bench-s').data;
  const U = gaussianMatrix(m, k, 0.01, 'bench-u').data;
  const V = gaussianMatrix(n, k, 0.01, 'bench-v').data;
  const outU = new Float64Array(m * k);
  const outV = new Float64Array(n * k);
  const stepper = makeStepper(S, m, n, k, kernel);
  try {
    return medianMicros(() => stepper.step(U, V, 1e-3, outU, outV), MIN_BATCH_MS, BATCHES);
  } finally {
    stepper.release();
  }
}

function diagnosticsMicros(m: number, n: number, d: number): number {
  const sigma: Mat = zeros(m, n);
  for (let i = 0; i < d; i++) sigma.data[i * n + i] = 2 - i / Math.max(1, d - 1);
  const U = gaussianMatrix(m, d, 0.1, 'bench-du');
  const V = gaussianMatrix(n, d, 0.1, 'bench-dv');
  return medianMicros(() => diagnostics(sigma, U, V), MIN_BATCH_MS, BATCHES);
}

const json = process.argv.includes('--json');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const SECTIONS = ['steps', 'diagnostics', 'small', 'trajectory'];
if (only !== undefined && !SECTIONS.includes(only)) {
  console.error(`--only takes ${SECTIONS.join(', ')}, not ${only ?? 'nothing'}`);
  process.exit(2);
}
const info = kernelInfo();
const missing = numpyMissing();
let numpyVersion: string | null = null;
const numpy = (job: Job): number | undefined => {
  if (missing !== null) return undefined;
  const r = numpyMicros(job);
  numpyVersion = r.numpy;
  return r.us;
};
const log = (line: string) => (json ? process.stderr.write(`${line}\n`) : console.log(line));

log(
  `kernel: ${info.kernel}${info.reason ? ` (${info.reason})` : ''}; NumPy: ${missing === null ? '1 thread (OMP/OPENBLAS/MKL_NUM_THREADS=1)' : `skipped, ${missing}`}`,
);
const wants = (section: string) => only === undefined || only === section;
const shapes = (wants('steps') ? SHAPES : []).map(([m, n, k]) => {
  const usPerStep = stepMicros(info.kernel, m, n, k);
  const numpyUsPerStep = numpy({ kind: 'step', m, n, k });
  const wasmUsPerStep = info.kernel === 'native' ? stepMicros('wasm', m, n, k) : info.kernel === 'wasm' ? usPerStep : undefined;
  const tsUsPerStep = info.kernel === 'ts' ? usPerStep : stepMicros('ts', m, n, k);
  const gflops = (6 * m * n * k) / usPerStep / 1e3;
  return {
    m,
    n,
    k,
    usPerStep,
    gflops,
    ...(wasmUsPerStep === undefined ? {} : { wasmUsPerStep }),
    tsUsPerStep,
    ...(numpyUsPerStep === undefined ? {} : { numpyUsPerStep, ratio: usPerStep / numpyUsPerStep }),
  };
});
const diags = (wants('diagnostics') ? DIAG.ds : []).map((d) => {
  const usPerCall = diagnosticsMicros(DIAG.m, DIAG.n, d);
  const numpyUsPerCall = numpy({ kind: 'diagnostics', m: DIAG.m, n: DIAG.n, d });
  return { m: DIAG.m, n: DIAG.n, d, usPerCall, ...(numpyUsPerCall === undefined ? {} : { numpyUsPerCall, ratio: usPerCall / numpyUsPerCall }) };
});

const small = wants('small') ? smallShapes(info.kernel) : null;
const trajectories = wants('trajectory') ? STAGE_ONE_RUNS.map((r) => ({ ...r, ...stageOneRun(r.m, r.n, r.d, r.kappa) })) : [];
const rateSweep = wants('trajectory') ? rateSweepRun() : null;

if (json) console.log(JSON.stringify({ kernel: info.kernel, numpy: numpyVersion, shapes, diagnostics: diags, small, trajectories, rateSweep }, null, 2));
else {
  const f = (x: number | undefined, digits = 1) => (x === undefined ? '—' : x.toFixed(digits));
  if (numpyVersion) console.log(`NumPy ${numpyVersion}`);
  if (shapes.length)
    console.log(`\n| m×n×k | engine (${info.kernel}) µs/step | GFLOP/s | WebAssembly µs/step | TS fallback µs/step | NumPy µs/step | engine/NumPy |`);
  if (shapes.length) console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const s of shapes)
    console.log(
      `| ${s.m}×${s.n}×${s.k} | ${f(s.usPerStep)} | ${f(s.gflops, 2)} | ${f(s.wasmUsPerStep)} | ${f(s.tsUsPerStep)} | ${f(s.numpyUsPerStep)} | ${f(s.ratio, 2)} |`,
    );
  if (diags.length) console.log(`\n| diagnostics() on ${DIAG.m}×${DIAG.n}, d | engine µs/call | NumPy µs/call | engine/NumPy |`);
  if (diags.length) console.log(`| --- | ---: | ---: | ---: |`);
  for (const s of diags) console.log(`| ${s.d} | ${f(s.usPerCall)} | ${f(s.numpyUsPerCall)} | ${f(s.ratio, 2)} |`);
  if (small) {
    const peak = small.peakGflops;
    console.log(
      `\n| m×n×d (CPU time) | step, once per step ns | advance ns/step | GFLOP/s | of peak | ceiling ns/step | batched (${small.rows[0]?.batchMode}) ns/step per trajectory | batched speed-up | most batching could give | C loop ns/step (${small.cLoop}) |`,
    );
    console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
    for (const r of small.rows)
      console.log(
        `| ${r.m}×${r.n}×${r.d} | ${f(r.stepNs)} | ${f(r.advanceNs)} | ${f(r.gflops, 2)} | ${peak === undefined ? '—' : `${((100 * r.gflops) / peak).toFixed(0)}%`} | ${f(r.ceilingNs)} | ${f(r.batchNs)} | ${f(r.advanceNs / r.batchNs, 2)}× | ${peak === undefined ? '—' : `${(peak / r.gflops).toFixed(2)}×`} | ${f(r.cLoopNs)} |`,
      );
    console.log(
      peak === undefined
        ? '\npeak: not measured (no C compiler)'
        : `\npeak: ${peak.toFixed(2)} GFLOP/s (independent 4-wide multiplies and adds, bench/loop.c, this run); ceiling = 6·m·n·d flops at that peak; most batching could give = peak ÷ advance's GFLOP/s`,
    );
  }
  for (const t of trajectories)
    console.log(
      `\nYD21 stage-one run (theorem regime, ${t.label}, up to T₀ = ${t.T0}, recorded every ${t.every}): ${t.seconds.toFixed(2)} s for ${t.steps} steps (${((1e9 * t.seconds) / t.steps).toFixed(1)} ns/step)`,
    );
  if (rateSweep)
    console.log(
      `\nyd21.thm-1.1.rate's sweep, ${rateSweep.runs} runs (3 shapes, a loss every step): one after another ${rateSweep.oneSeconds.toFixed(2)} s, batched ${rateSweep.batchedSeconds.toFixed(2)} s ` +
        `(${(rateSweep.oneSeconds / rateSweep.batchedSeconds).toFixed(2)}× the runs per second; results ${rateSweep.same ? 'identical' : 'DIFFER'})`,
    );
}
