/**
 * Trajectories of simultaneous GD (YD21 (2),(3)) from (Σ, U₀, V₀, η): N steps, observed every K.
 * The step itself lives in ./step.ts; this module owns the loop, the buffers and divergence.
 */
import { clone, type Mat } from '../linalg/dense.ts';
import { gdStepInto, lossInto, makeStepBuffers, makeStepper } from './step.ts';

/** A GD state at iteration t. The matrices passed to an observer are live views: copy to keep. */
export interface GdState {
  readonly t: number;
  readonly U: Mat;
  readonly V: Mat;
}

export interface TrajectoryOptions<T> {
  /** Σ, m×n. */
  sigma: Mat;
  /** U₀, m×d. */
  U0: Mat;
  /** V₀, n×d. */
  V0: Mat;
  /** Step size η > 0. */
  eta: number;
  /** Number of GD steps N. */
  iters: number;
  /** Observe every K steps (t = 0, K, 2K, …, and always t = N). Default 1. The steps between two
   *  observations are fast-forwarded as with `when`. */
  every?: number;
  /** Observe at the steps t where this holds instead (and always at t = 0 and t = N): a sparse
   *  schedule for long runs, e.g. every K-th step together with the step after it. The steps between
   *  two observations are then run without leaving the kernel (Stepper.advance, bitwise the same
   *  iterates); divergence is tested at the end of each such stretch and, when it is found, located
   *  exactly by running the stretch again one step at a time (an iterate that left the bound and came
   *  back inside one stretch would go unseen: past 10⁵⁰ times the problem's scale GD only grows). */
  when?: (t: number) => boolean;
  /** What to record at an observed step. */
  observe: (state: GdState) => T;
  /** Stop after an observed step when this returns true (default: run all N steps). */
  until?: (value: T, t: number) => boolean;
}

export interface Trajectory<T> {
  /** The observed values, in order of t. */
  readonly samples: ReadonlyArray<{ t: number; value: T }>;
  /** Set when an iterate left the finite range (see DIVERGENCE_FACTOR); samples end before it. */
  readonly diverged: { t: number } | null;
  /** The last finite iterate. */
  readonly final: GdState;
}

function checkShapes(sigma: Mat, U0: Mat, V0: Mat): void {
  if (U0.rows !== sigma.rows || V0.rows !== sigma.cols || U0.cols !== V0.cols)
    throw new Error(
      `shapes do not fit: Σ is ${sigma.rows}×${sigma.cols}, U₀ is ${U0.rows}×${U0.cols}, V₀ is ${V0.rows}×${V0.cols} (need U₀ m×d and V₀ n×d for Σ m×n)`,
    );
}

/**
 * Divergence: an entry that is not finite, or larger than DIVERGENCE_FACTOR × the problem's scale
 * (max(1, √max|Σ_ij|, max initial |entry|)). Past that the residual's squares, and so f and the
 * diagnostics, would overflow (10⁵⁰ squared is 10¹⁰⁰, summed over m·n entries), and GD has left
 * every regime the papers speak of; the trajectory stops and says so rather than return Infinity.
 */
export const DIVERGENCE_FACTOR = 1e50;

/** Whether every entry of `a` is finite and at most `bound` in absolute value. @internal (./batch.ts) */
export function withinBound(a: Float64Array, bound: number): boolean {
  // Number.isFinite as well: an infinite initial entry makes the bound itself infinite.
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]) || !(Math.abs(a[i]) <= bound)) return false;
  return true;
}

function maxAbs(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, Math.abs(a[i]));
  return s;
}

/**
 * The options checked, with the shape, the divergence bound and the schedule: `observed(t)` says
 * whether t is recorded (t = N always is), `nextObserved(t)` is the first recorded step after t (or N).
 * @internal (runTrajectory and ./batch.ts)
 */
export function plan<T>(opts: TrajectoryOptions<T>) {
  const { sigma, U0, V0, eta, iters } = opts;
  const every = opts.every ?? 1;
  checkShapes(sigma, U0, V0);
  if (!(eta > 0) || !Number.isFinite(eta)) throw new Error(`step size η must be a positive finite number, got ${eta}`);
  if (!Number.isInteger(iters) || iters < 0) throw new Error(`iterations must be a non-negative integer, got ${iters}`);
  if (!Number.isInteger(every) || every < 1) throw new Error(`'every' must be a positive integer, got ${every}`);
  const { when: sparse } = opts;
  const when = sparse ?? ((t: number) => t % every === 0);
  const nextObserved = sparse
    ? (t: number): number => {
        let next = t + 1;
        while (next < iters && !sparse(next)) next++;
        return next;
      }
    : (t: number): number => Math.min(iters, (Math.floor(t / every) + 1) * every);
  const bound = DIVERGENCE_FACTOR * Math.max(1, Math.sqrt(maxAbs(sigma.data)), maxAbs(U0.data), maxAbs(V0.data));
  return { m: sigma.rows, n: sigma.cols, d: U0.cols, observed: (t: number) => t === iters || when(t), nextObserved, bound };
}

/** Runs GD and records `observe` at t = 0, K, 2K, … (or where `when` holds) and at t = N. */
export function runTrajectory<T>(opts: TrajectoryOptions<T>): Trajectory<T> {
  const { sigma, eta, iters, U0, V0 } = opts;
  const { m, n, d, observed, nextObserved, bound } = plan(opts);
  let U = Float64Array.from(U0.data);
  let V = Float64Array.from(V0.data);
  let nextU = new Float64Array(U.length);
  let nextV = new Float64Array(V.length);
  const samples: { t: number; value: T }[] = [];
  const view = (t: number): GdState => ({ t, U: { rows: m, cols: d, data: U }, V: { rows: n, cols: d, data: V } });
  let diverged: { t: number } | null = withinBound(U, bound) && withinBound(V, bound) ? null : { t: 0 };
  let t = 0;
  let stopped = false;
  if (!diverged) {
    const value = opts.observe(view(0));
    samples.push({ t: 0, value });
    stopped = opts.until?.(value, 0) ?? false;
  }
  if (!diverged && !stopped && iters > 0) {
    const stepper = makeStepper(sigma.data, m, n, d);
    // Between two observed steps the iterates are advanced in one kernel call (whatever the
    // schedule, `every` or `when`), then checked against the bound; see `when`.
    const saved = [new Float64Array(U.length), new Float64Array(V.length)];
    // Steps before which no stretch is fast-forwarded (set after a stretch that diverged).
    let stepwiseUntil = 0;
    try {
      while (t < iters) {
        if (t >= stepwiseUntil) {
          const next = nextObserved(t);
          const stretch = next - t - 1;
          if (stretch > 0) {
            saved[0].set(U);
            saved[1].set(V);
            stepper.advance(U, V, eta, stretch);
            if (withinBound(U, bound) && withinBound(V, bound)) t += stretch;
            else {
              U.set(saved[0]);
              V.set(saved[1]);
              stepwiseUntil = next;
            }
          }
        }
        stepper.step(U, V, eta, nextU, nextV);
        if (!withinBound(nextU, bound) || !withinBound(nextV, bound)) {
          diverged = { t: t + 1 };
          break;
        }
        [U, nextU] = [nextU, U];
        [V, nextV] = [nextV, V];
        t++;
        if (observed(t)) {
          const value = opts.observe(view(t));
          samples.push({ t, value });
          if (opts.until?.(value, t)) break;
        }
      }
    } finally {
      stepper.release();
    }
  }
  const last = view(t);
  return { samples, diverged, final: { t, U: clone(last.U), V: clone(last.V) } };
}

/** One GD step, allocating: (U_{t+1}, V_{t+1}) from (U_t, V_t). */
export function gdStep(sigma: Mat, U: Mat, V: Mat, eta: number): { U: Mat; V: Mat } {
  checkShapes(sigma, U, V);
  const m = sigma.rows;
  const n = sigma.cols;
  const d = U.cols;
  const outU = new Float64Array(m * d);
  const outV = new Float64Array(n * d);
  gdStepInto(sigma.data, m, n, d, U.data, V.data, eta, outU, outV, makeStepBuffers(m, n, d));
  return { U: { rows: m, cols: d, data: outU }, V: { rows: n, cols: d, data: outV } };
}

/** f(U, V) = ½‖UVᵀ − Σ‖²_F, YD21 (1). */
export function loss(sigma: Mat, U: Mat, V: Mat): number {
  checkShapes(sigma, U, V);
  return lossInto(sigma.data, sigma.rows, sigma.cols, U.cols, U.data, V.data);
}
