/**
 * The batched stepper (src/gd/batch.ts, native/gd-small.c gd_advance_batch): each instance's
 * iterates are bitwise those of stepping it alone on the TypeScript kernel, whatever its lane, its
 * neighbours (diverged ones included), its step count or step size; and runTrajectories gives for
 * each option set exactly what runTrajectory gives. No timings here.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { makeBatchStepper, runTrajectories } from '../../src/gd/batch.ts';
import { nativeKernel } from '../../src/gd/step-native.ts';
import { makeStepper } from '../../src/gd/step.ts';
import { bits, signedZeroCase, tsSteps } from './kernel-reference.ts';
import { runTrajectory, type TrajectoryOptions } from '../../src/gd/trajectory.ts';
import { diag, fromRows, type Mat } from '../../src/linalg/dense.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';
import { runYd21Job, runYd21Jobs, type Yd21Job } from '../../lemmas/yd21/experiments/thm-1.1.ts';

const hasNative = 'kernel' in nativeKernel();

// Shapes: small ones, odd m (a row left after the pairs), d past the compiled ranks (≤ 8) and past
// the lanes' limit (> 32: one stepper per instance); B not a multiple of the lane width.
const batchCase = fc
  .record({
    m: fc.integer({ min: 1, max: 11 }),
    n: fc.integer({ min: 1, max: 11 }),
    d: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(33)),
    B: fc.integer({ min: 1, max: 9 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .map(({ m, n, d, B, seed }) => ({
    m,
    n,
    d,
    sigmas: Array.from({ length: B }, (_, b) => gaussianMatrix(m, n, 1, `bs-${seed}-${b}`).data),
    U: Array.from({ length: B }, (_, b) => gaussianMatrix(m, d, 0.3, `bu-${seed}-${b}`).data),
    V: Array.from({ length: B }, (_, b) => gaussianMatrix(n, d, 0.3, `bv-${seed}-${b}`).data),
    eta: Array.from({ length: B }, (_, b) => 0.01 + 0.01 * ((seed + b) % 7)),
    count: Array.from({ length: B }, (_, b) => (seed + 3 * b) % 6),
  }));

describe.each(hasNative ? (['native', 'ts'] as const) : (['ts'] as const))('makeBatchStepper on the %s kernel', (kernel) => {
  test.prop([batchCase])('each instance: bitwise its own steps on the TypeScript kernel (per-instance η and count, 0 included)', (c) => {
    const batch = makeBatchStepper(c.sigmas, c.m, c.n, c.d, kernel);
    expect(batch.mode).toBe(kernel === 'native' && c.d <= 32 ? 'lanes' : 'one by one');
    const U = c.U.map((u) => u.slice());
    const V = c.V.map((v) => v.slice());
    batch.advance(U, V, c.eta, c.count);
    batch.release();
    c.sigmas.forEach((s, b) => {
      const ref = tsSteps(s, c.m, c.n, c.d, c.U[b], c.V[b], c.eta[b], c.count[b]);
      expect(bits(U[b])).toEqual(bits(ref.U));
      expect(bits(V[b])).toEqual(bits(ref.V));
    });
  });
  test('each sum starts at +0, in every lane: a −0 row of U against a zero row of Σ and a negative V becomes +0', () => {
    // kernel-reference.ts, signedZeroCase, in every other lane; ordinary instances between them.
    for (const [m, n, d] of [
      [2, 2, 1],
      [3, 5, 2],
      [6, 6, 3],
      [9, 7, 4],
    ]) {
      const B = 6;
      const planted = (b: number) => b % 2 === 0;
      const cases = Array.from({ length: B }, (_, b) =>
        planted(b)
          ? signedZeroCase(m, n, d, `bz-${m}-${b}`)
          : {
              sigma: gaussianMatrix(m, n, 1, `bz-s-${m}-${b}`).data,
              U: gaussianMatrix(m, d, 0.3, `bz-u-${m}-${b}`).data,
              V: gaussianMatrix(n, d, 0.3, `bz-v-${m}-${b}`).data,
            },
      );
      const [sigmas, U0, V0] = [cases.map((c) => c.sigma), cases.map((c) => c.U), cases.map((c) => c.V)];
      const [U, V] = [U0.map((u) => u.slice()), V0.map((v) => v.slice())];
      const batch = makeBatchStepper(sigmas, m, n, d, kernel);
      batch.advance(U, V, new Array(B).fill(0.02), new Array(B).fill(1));
      batch.release();
      for (let b = 0; b < B; b++) {
        const ref = tsSteps(sigmas[b], m, n, d, U0[b], V0[b], 0.02, 1);
        if (planted(b)) expect(bits(ref.U.slice(0, d)), 'the planted case (TypeScript)').toEqual(bits(new Float64Array(d)));
        expect(bits(U[b]), `${m}×${n}×${d}, lane ${b}`).toEqual(bits(ref.U));
        expect(bits(V[b]), `${m}×${n}×${d}, lane ${b}`).toEqual(bits(ref.V));
      }
    }
  });
});

// Shapes for the losses: several row bands of 32 and column tiles of 64 of the native loss's order
// (gd-step.c), odd m and n; B not a multiple of the lane width.
const lossCase = fc
  .record({
    m: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 30, max: 70 })),
    n: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 60, max: 140 })),
    d: fc.integer({ min: 1, max: 5 }),
    B: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .map(({ m, n, d, B, seed }) => ({
    m,
    n,
    d,
    sigmas: Array.from({ length: B }, (_, b) => gaussianMatrix(m, n, 1, `ls-${seed}-${b}`).data),
    U: Array.from({ length: B }, (_, b) => gaussianMatrix(m, d, 0.3, `lu-${seed}-${b}`).data),
    V: Array.from({ length: B }, (_, b) => gaussianMatrix(n, d, 0.3, `lv-${seed}-${b}`).data),
    eta: Array.from({ length: B }, (_, b) => 0.001 + 0.001 * ((seed + b) % 5)),
    count: Array.from({ length: B }, (_, b) => (seed + 5 * b) % 5),
  }));

describe.each(hasNative ? (['native', 'ts'] as const) : (['ts'] as const))('advanceWithLoss on the %s kernel', (kernel) => {
  test.prop([lossCase], { numRuns: 40 })('each instance: the iterates and, before each step, the loss Stepper.step returns, bitwise', (c) => {
    const B = c.sigmas.length;
    const batch = makeBatchStepper(c.sigmas, c.m, c.n, c.d, kernel);
    const U = c.U.map((u) => u.slice());
    const V = c.V.map((v) => v.slice());
    const losses = new Float64Array(Math.max(0, ...c.count) * B).fill(-1);
    batch.advanceWithLoss(U, V, c.eta, c.count, losses);
    batch.release();
    c.sigmas.forEach((s, b) => {
      const stepper = makeStepper(s, c.m, c.n, c.d, kernel);
      let [u, v, nu, nv] = [c.U[b].slice(), c.V[b].slice(), new Float64Array(c.m * c.d), new Float64Array(c.n * c.d)];
      const want: number[] = [];
      for (let t = 0; t < c.count[b]; t++) {
        want.push(stepper.step(u, v, c.eta[b], nu, nv));
        [u, nu, v, nv] = [nu, u, nv, v];
      }
      stepper.release();
      expect(bits(Float64Array.from(Array.from({ length: c.count[b] }, (_, t) => losses[t * B + b])))).toEqual(bits(Float64Array.from(want)));
      expect(bits(U[b])).toEqual(bits(u));
      expect(bits(V[b])).toEqual(bits(v));
      // the iterates are the TypeScript kernel's too
      expect(bits(U[b])).toEqual(bits(tsSteps(s, c.m, c.n, c.d, c.U[b], c.V[b], c.eta[b], c.count[b]).U));
    });
  });

  test('setSigma: a lane takes another Σ of the shape (bitwise a fresh stepper on it)', () => {
    const [m, n, d] = [5, 3, 2];
    const sigmas = [0, 1, 2].map((b) => gaussianMatrix(m, n, 1, `ss-s-${b}`).data);
    const other = gaussianMatrix(m, n, 1, 'ss-other').data;
    const U = [0, 1, 2].map((b) => gaussianMatrix(m, d, 0.3, `ss-u-${b}`).data);
    const V = [0, 1, 2].map((b) => gaussianMatrix(n, d, 0.3, `ss-v-${b}`).data);
    const [U0, V0] = [U.map((u) => u.slice()), V.map((v) => v.slice())];
    const batch = makeBatchStepper(sigmas, m, n, d, kernel);
    batch.setSigma(1, other);
    const losses = new Float64Array(12);
    batch.advanceWithLoss(U, V, [0.05, 0.05, 0.05], [4, 4, 4], losses);
    batch.release();
    expect(bits(U[1])).toEqual(bits(tsSteps(other, m, n, d, U0[1], V0[1], 0.05, 4).U));
    expect(bits(U[0])).toEqual(bits(tsSteps(sigmas[0], m, n, d, U0[0], V0[0], 0.05, 4).U));
  });
});

describe.skipIf(!hasNative)('the native lanes', () => {
  test('a lane that overflows to ∞ and NaN leaves its neighbours bitwise alone; a fractional count is refused', () => {
    const [m, n, d] = [4, 4, 2];
    const sigmas = [0, 1, 2, 3, 4].map((b) => gaussianMatrix(m, n, 1, `nb-s-${b}`).data);
    const U = [0, 1, 2, 3, 4].map((b) => gaussianMatrix(m, d, b === 2 ? 1e100 : 0.3, `nb-u-${b}`).data);
    const V = [0, 1, 2, 3, 4].map((b) => gaussianMatrix(n, d, b === 2 ? 1e100 : 0.3, `nb-v-${b}`).data);
    const [U0, V0] = [U.map((u) => u.slice()), V.map((v) => v.slice())];
    const eta = [0.05, 0.05, 1, 0.05, 0.05];
    const batch = makeBatchStepper(sigmas, m, n, d, 'native');
    batch.advance(U, V, eta, [9, 9, 9, 9, 9]);
    expect(U[2].some((x) => !Number.isFinite(x))).toBe(true);
    for (const b of [0, 1, 3, 4]) expect(bits(U[b])).toEqual(bits(tsSteps(sigmas[b], m, n, d, U0[b], V0[b], eta[b], 9).U));
    expect(() => batch.advance(U, V, eta, [1, 1.5, 1, 1, 1])).toThrow(/whole numbers/);
  });
});

describe('runTrajectories', () => {
  const sigma: Mat = diag([2, 1], 5, 4);
  const shape = (seed: string, over: Partial<TrajectoryOptions<number[]>>): TrajectoryOptions<number[]> => ({
    sigma,
    U0: gaussianMatrix(5, 2, 0.1, `rt-u-${seed}`),
    V0: gaussianMatrix(4, 2, 0.1, `rt-v-${seed}`),
    eta: 0.05,
    iters: 40,
    observe: (s) => [s.t, ...Array.from(s.U.data), ...Array.from(s.V.data)],
    ...over,
  });
  // Σ = [[1]], U₀ = V₀ = [[2]], η = 3 diverges within a few steps (see trajectory-schedule.test.ts).
  const diverging = (over: Partial<TrajectoryOptions<number[]>>): TrajectoryOptions<number[]> => ({
    sigma: fromRows([[1]]),
    U0: fromRows([[2]]),
    V0: fromRows([[2]]),
    eta: 3,
    iters: 200,
    observe: (s) => [s.t, s.U.data[0]],
    ...over,
  });
  const list: TrajectoryOptions<number[]>[] = [
    shape('a', { every: 7 }),
    shape('b', { every: 1, iters: 13 }),
    shape('c', { when: (t) => t % 10 === 0 || t % 10 === 1, iters: 35 }),
    shape('d', { every: 5, until: (v) => v[0] >= 15 }),
    shape('e', { iters: 0 }),
    shape('f', { eta: 0.2, every: 3, sigma: diag([3, 0.5], 5, 4) }),
    shape('g', {
      U0: fromRows([
        [Infinity, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ]),
    }),
    diverging({ every: 50 }),
    diverging({ every: 1 }),
    diverging({ sigma: fromRows([[0.5]]), U0: fromRows([[1e-3]]), V0: fromRows([[1]]), eta: 0.5, every: 10 }),
    shape('h', { sigma: gaussianMatrix(3, 6, 1, 'rt-s'), U0: gaussianMatrix(3, 1, 0.3, 'rt-hu'), V0: gaussianMatrix(6, 1, 0.3, 'rt-hv'), every: 4 }),
  ];

  test('each result is what runTrajectory gives: samples, divergence, final iterate (several shapes, schedules, stops, divergences)', () => {
    const together = runTrajectories(list);
    list.forEach((o, i) => {
      const alone = runTrajectory(o);
      expect(together[i].samples, `case ${i}`).toEqual(alone.samples);
      expect(together[i].diverged, `case ${i}`).toEqual(alone.diverged);
      expect(together[i].final.t, `case ${i}`).toBe(alone.final.t);
      expect(bits(together[i].final.U.data), `case ${i}`).toEqual(bits(alone.final.U.data));
      expect(bits(together[i].final.V.data), `case ${i}`).toEqual(bits(alone.final.V.data));
    });
    // the cases do what they are meant to: a stop, a divergence inside a stretch and on a step
    expect(together[3].samples.at(-1)!.t).toBe(15);
    expect(together[7].diverged).not.toBeNull();
    expect(together[8].diverged).toEqual(together[7].diverged);
    expect(together[6].diverged).toEqual({ t: 0 });
    expect(together[9].diverged).toBeNull();
  });

  test('bad options are refused as by runTrajectory', () => {
    expect(() => runTrajectories([shape('a', { every: 0 }), shape('b', {})])).toThrow(/'every' must be a positive integer/);
    expect(() => runTrajectories([shape('a', { eta: -1 }), shape('b', {})])).toThrow(/step size/);
  });
});

describe('runYd21Jobs (the rate sweep on the batched stepper)', () => {
  test('each job: what runYd21Job gives, lanes refilled as runs stop (several shapes, κ and ε of one shape together)', () => {
    const jobs: Yd21Job[] = [
      ...[4, 9].flatMap((m) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((_run) => ({ m, n: 3, d: 1, kappa: 1, cEps: 1 }) as const).map((p, run) => ({ ...p, run }))),
      ...[1, 2].flatMap((kappa) => [0.3, 1].map((cEps) => ({ m: 4, n: 4, d: 2, kappa, cEps, run: 0 }))),
      { m: 3, n: 3, d: 1, kappa: 1, cEps: 1, run: 0 },
    ].map((p, i) => ({ ...p, deltas: [1e-2, 1e-4], cEta: 1, capFactor: i === 3 ? 0.1 : 20, seed: `rj-${i}` }));
    const together = runYd21Jobs(jobs);
    jobs.forEach((j, i) => {
      expect(together[i], `job ${i}`).toEqual(runYd21Job(j));
    });
    // job 3 is stopped by its cap (0.1× the larger predicted scale) with f > 10⁻⁴ on its last step:
    // not reached within the cap (Infinity), which the rate claim's "points where f did not reach δ" counts
    expect(together[3][1].observed).toBe(Number.POSITIVE_INFINITY);
  });
});
