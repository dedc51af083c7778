/**
 * Many trajectories of one shape at once. The native kernel's batched stepper (native/gd-small.c,
 * gd_advance_batch) runs B instances with one instance per vector lane: each lane computes exactly
 * the recipe of src/gd/step-ts.ts, so every instance's iterates are bitwise those of a single run,
 * whatever the other lanes hold. Without the native kernel the instances are stepped one after the
 * other on the active kernel (the same bits again).
 *
 * - makeBatchStepper: B instances (Σ_b, η_b), `count_b` steps each per call;
 * - runTrajectories: runTrajectory for several option sets, batched by shape; each result is the
 *   one runTrajectory gives (samples, divergence, final iterate).
 */
import { clone } from '../linalg/dense.ts';
import { nativeBinding } from '../native.ts';
import { type KernelName, kernelInfo, makeStepper, type Stepper } from './step.ts';
import { type GdState, plan, runTrajectory, type Trajectory, type TrajectoryOptions, withinBound } from './trajectory.ts';

/** B same-shape instances stepped together. */
export interface BatchStepper {
  /** Which code runs the instances: the native lanes, or one stepper per instance. */
  readonly mode: 'lanes' | 'one by one';
  /**
   * Instance b takes count[b] steps (a whole number ≥ 0) with step size eta[b], from (U[b], V[b])
   * (m×d and n×d, row-major), in place; each step bitwise what Stepper.step computes.
   */
  advance(U: readonly Float64Array[], V: readonly Float64Array[], eta: ArrayLike<number>, count: ArrayLike<number>): void;
  /**
   * advance, and f(U, V) before each step: losses[s·B + b] := the loss of instance b's iterate
   * before its step s (s < count[b]), bitwise what Stepper.step returns on the same kernel;
   * `losses` must hold max(count)·B numbers. Other entries are left alone.
   */
  advanceWithLoss(U: readonly Float64Array[], V: readonly Float64Array[], eta: ArrayLike<number>, count: ArrayLike<number>, losses: Float64Array): void;
  /** Instance b's Σ from now on (m×n, row-major): a lane takes another problem of the shape. */
  setSigma(b: number, sigma: Float64Array): void;
  /** Frees what the stepper holds. */
  release(): void;
}

/**
 * A batched stepper for Σ_b (each m×n), rank d, on the given kernel (default: the active one). The
 * lanes are used on the native kernel when its module has them; otherwise, or for another kernel,
 * one stepper per instance.
 */
export function makeBatchStepper(sigmas: readonly Float64Array[], m: number, n: number, d: number, kernel: KernelName = kernelInfo().kernel): BatchStepper {
  const B = sigmas.length;
  const loaded = kernel === 'native' ? nativeBinding() : null;
  const b = loaded && 'binding' in loaded && typeof loaded.binding.advanceBatch === 'function' ? loaded.binding : null;
  if (!b || d > 32) return oneByOne(sigmas, m, n, d, kernel);
  const W = b.batchWidth();
  const L = Math.ceil(B / W) * W; // lanes, padded: the padding lanes take 0 steps
  const S = new Float64Array(m * n * L);
  const setSigma = (i: number, sigma: Float64Array) => {
    for (let e = 0; e < m * n; e++) S[e * L + i] = sigma[e];
  };
  sigmas.forEach((s, i) => {
    setSigma(i, s);
  });
  const Ub = new Float64Array(m * d * L);
  const Vb = new Float64Array(n * d * L);
  const etas = new Float64Array(L);
  const counts = new Float64Array(L);
  const work = new Float64Array(b.batchWorkLength(m, n, d));
  let lossBuf = new Float64Array(0);
  const run = (U: readonly Float64Array[], V: readonly Float64Array[], eta: ArrayLike<number>, count: ArrayLike<number>, losses?: Float64Array) => {
    counts.fill(0);
    let most = 0;
    for (let i = 0; i < B; i++) {
      const c = count[i];
      if (!(Number.isInteger(c) && c >= 0)) throw new Error(`step counts must be whole numbers ≥ 0, got ${c}`);
      if (c === 0) continue;
      most = Math.max(most, c);
      counts[i] = c;
      etas[i] = eta[i];
      const [u, v] = [U[i], V[i]];
      for (let e = 0; e < m * d; e++) Ub[e * L + i] = u[e];
      for (let e = 0; e < n * d; e++) Vb[e * L + i] = v[e];
    }
    if (losses) {
      if (lossBuf.length < most * L) lossBuf = new Float64Array(most * L);
      const advanceBatchLoss = b.advanceBatchLoss;
      if (!advanceBatchLoss?.(S, m, n, d, L, Ub, Vb, etas, counts, work, lossBuf)) return false;
      for (let i = 0; i < B; i++) for (let s = 0; s < counts[i]; s++) losses[s * B + i] = lossBuf[s * L + i];
    } else if (!b.advanceBatch(S, m, n, d, L, Ub, Vb, etas, counts, work)) throw new Error(`the batched stepper does not take ${m}×${n}×${d} with ${L} lanes`);
    for (let i = 0; i < B; i++) {
      if (counts[i] === 0) continue;
      const [u, v] = [U[i], V[i]];
      for (let e = 0; e < m * d; e++) u[e] = Ub[e * L + i];
      for (let e = 0; e < n * d; e++) v[e] = Vb[e * L + i];
    }
    return true;
  };
  let fallback: BatchStepper | undefined; // losses for a shape the lanes' loss does not take
  return {
    mode: 'lanes',
    advance(U, V, eta, count) {
      run(U, V, eta, count);
    },
    advanceWithLoss(U, V, eta, count, losses) {
      if (run(U, V, eta, count, losses)) return;
      fallback ??= oneByOne(
        Array.from({ length: B }, (_, i) => Float64Array.from({ length: m * n }, (_, e) => S[e * L + i])),
        m,
        n,
        d,
        'native',
      );
      fallback.advanceWithLoss(U, V, eta, count, losses);
    },
    setSigma(i, sigma) {
      setSigma(i, sigma);
      fallback?.setSigma(i, sigma);
    },
    release: () => fallback?.release(),
  };
}

/** One stepper per instance (another kernel than the native one, or a rank the lanes do not take). */
function oneByOne(sigmas: readonly Float64Array[], m: number, n: number, d: number, kernel: KernelName): BatchStepper {
  const B = sigmas.length;
  const steppers: Stepper[] = sigmas.map((s) => makeStepper(s, m, n, d, kernel));
  let spare: [Float64Array, Float64Array] | undefined;
  return {
    mode: 'one by one',
    advance(U, V, eta, count) {
      for (let i = 0; i < B; i++) if (count[i] > 0) steppers[i].advance(U[i], V[i], eta[i], count[i]);
    },
    advanceWithLoss(U, V, eta, count, losses) {
      spare ??= [new Float64Array(m * d), new Float64Array(n * d)];
      for (let i = 0; i < B; i++) {
        let [u, v, nu, nv]: Float64Array[] = [U[i], V[i], spare[0], spare[1]];
        for (let s = 0; s < count[i]; s++) {
          losses[s * B + i] = steppers[i].step(u, v, eta[i], nu, nv);
          [u, nu] = [nu, u];
          [v, nv] = [nv, v];
        }
        if (u !== U[i]) U[i].set(u); // u is then spare[0] (an odd count), v spare[1]
        if (v !== V[i]) V[i].set(v);
      }
    },
    setSigma(i, sigma) {
      steppers[i].release();
      steppers[i] = makeStepper(sigma, m, n, d, kernel);
    },
    release: () => {
      for (const s of steppers) s.release();
    },
  };
}

interface Lane<T> {
  readonly opts: TrajectoryOptions<T>;
  readonly plan: ReturnType<typeof plan>;
  U: Float64Array;
  V: Float64Array;
  readonly saved: [Float64Array, Float64Array];
  t: number;
  readonly samples: { t: number; value: T }[];
  diverged: { t: number } | null;
  done: boolean;
}

/**
 * runTrajectory for each option set, the ones of one shape (m, n, d) run together on the batched
 * stepper: the same stretches between recorded steps, the same checks against the divergence bound
 * (after the stretch and after the step onto the recorded t, a stretch out of bound being redone
 * one step at a time), so each result equals what runTrajectory gives for its options. `observe`
 * and `until` are called for the trajectories in turn (interleaved): they must not depend on one
 * another's calls. Without the native lanes this is runTrajectory on each in order.
 */
export function runTrajectories<T>(list: readonly TrajectoryOptions<T>[]): Trajectory<T>[] {
  const results: Trajectory<T>[] = new Array(list.length);
  const groups = new Map<string, number[]>();
  list.forEach((o, i) => {
    const key = `${o.sigma.rows}×${o.sigma.cols}×${o.U0.cols}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const idx of groups.values()) {
    const run = idx.length > 1 ? runBatch(idx.map((i) => list[i])) : null;
    idx.forEach((i, k) => {
      results[i] = run ? run[k] : runTrajectory(list[i]);
    });
  }
  return results;
}

/** Same-shape trajectories on the lanes; null when the lanes are not available. */
function runBatch<T>(list: readonly TrajectoryOptions<T>[]): Trajectory<T>[] | null {
  const lanes: Lane<T>[] = list.map((opts) => {
    const p = plan(opts);
    const U = Float64Array.from(opts.U0.data);
    const V = Float64Array.from(opts.V0.data);
    return { opts, plan: p, U, V, saved: [new Float64Array(U.length), new Float64Array(V.length)], t: 0, samples: [], diverged: null, done: false };
  });
  const { m, n, d } = lanes[0].plan;
  const batch = makeBatchStepper(
    list.map((o) => o.sigma.data),
    m,
    n,
    d,
  );
  if (batch.mode !== 'lanes') return null;
  const view = (l: Lane<T>, t: number): GdState => ({ t, U: { rows: m, cols: d, data: l.U }, V: { rows: n, cols: d, data: l.V } });
  const within = (l: Lane<T>) => withinBound(l.U, l.plan.bound) && withinBound(l.V, l.plan.bound);
  const record = (l: Lane<T>) => {
    const value = l.opts.observe(view(l, l.t));
    l.samples.push({ t: l.t, value });
    if (l.opts.until?.(value, l.t) || l.t === l.opts.iters) l.done = true;
  };
  for (const l of lanes) {
    if (!within(l)) {
      l.diverged = { t: 0 };
      l.done = true;
    } else record(l);
  }
  const U = lanes.map((l) => l.U);
  const V = lanes.map((l) => l.V);
  const etas = lanes.map((l) => l.opts.eta);
  const save = (l: Lane<T>) => {
    l.saved[0].set(l.U);
    l.saved[1].set(l.V);
  };
  const restore = (l: Lane<T>) => {
    l.U.set(l.saved[0]);
    l.V.set(l.saved[1]);
  };
  let single: Stepper | undefined; // for a stretch redone one step at a time
  try {
    for (let live = lanes.filter((l) => !l.done); live.length > 0; live = live.filter((l) => !l.done)) {
      const next = lanes.map((l) => (l.done ? l.t : l.plan.nextObserved(l.t)));
      // The stretch before the recorded step…
      const stretch = lanes.map((l, i) => (l.done ? 0 : next[i] - l.t - 1));
      const stepwise: Lane<T>[] = [];
      if (stretch.some((c) => c > 0)) {
        live.forEach(save);
        batch.advance(U, V, etas, stretch);
        lanes.forEach((l, i) => {
          if (stretch[i] === 0) return;
          if (within(l)) l.t += stretch[i];
          else {
            restore(l);
            stepwise.push(l);
          }
        });
      }
      // …one step at a time where it left the bound (to find the step where it did)…
      for (const l of stepwise) {
        const i = lanes.indexOf(l);
        single ??= makeStepper(l.opts.sigma.data, m, n, d);
        while (l.t < next[i] - 1 && !l.done) {
          save(l);
          single.advance(l.U, l.V, l.opts.eta, 1); // bitwise Stepper.step
          if (!within(l)) {
            restore(l);
            l.diverged = { t: l.t + 1 };
            l.done = true;
          } else l.t++;
        }
        single.release();
        single = undefined;
      }
      // …and the step onto it, for every lane still running.
      const one = lanes.map((l) => (l.done ? 0 : 1));
      lanes.forEach((l, i) => {
        if (one[i]) save(l);
      });
      batch.advance(U, V, etas, one);
      lanes.forEach((l, i) => {
        if (!one[i]) return;
        if (!within(l)) {
          restore(l);
          l.diverged = { t: l.t + 1 };
          l.done = true;
        } else {
          l.t++;
          if (l.plan.observed(l.t)) record(l); // always: the step lands on nextObserved
        }
      });
    }
  } finally {
    batch.release();
    single?.release();
  }
  return lanes.map((l) => {
    const last = view(l, l.t);
    return { samples: l.samples, diverged: l.diverged, final: { t: l.t, U: clone(last.U), V: clone(last.V) } };
  });
}
