/**
 * A long GD run of JCD's setting recorded on a sparse schedule: the JCD diagnostics
 * (./jcd-diagnostics.ts) at every K-th step and the step after it (so step-to-step recursions can be
 * checked on those pairs), at given key times and the step before each, and at the end.
 *
 * Frames. X is general (not diagonal). A `dense` run is GD on X itself, as the paper's experiments
 * run it, and each recorded state is rotated into X's diagonal frame (F′ = ΦᵀF, G′ = ΨᵀG) for the block
 * view. A `diagonal` run is GD on Σ_X = ΦᵀXΨ from (ΦᵀF₀, ΨᵀG₀) — the reduction of §4.2 (certified
 * by jcd.eq-4.2.rotation). The theorem's regime needs the diagonal run: there ρ ≈ 10⁻⁵⁰ and the error
 * blocks J, K stay near ρ^{(1−γ)/(2(1+γ))}√σ₁ ≈ 10⁻¹⁷, below the rounding (u ≈ 10⁻¹⁶ relative to the
 * O(1) signal) that a dense run injects into every direction at every step; in the diagonal frame the
 * blocks are computed from their own entries and keep their relative accuracy.
 *
 * Runs are memoised by the caller's key, so the claims built on one configuration (Propositions
 * B.2–B.5, Theorem A.1, and their sabotaged variants) share one run per process.
 */
import { type Mat, mul, transpose } from '../../../src/linalg/dense.ts';
import { type JcdDiagnostics, jcdDiagnostics } from './diagnostics.ts';
import { toDiagonalFrame } from '../../../src/gd/rotation.ts';
import { runTrajectory } from '../../../src/gd/trajectory.ts';

export interface JcdRun {
  /** A string that identifies the run (all of its parameters and seeds): the memo key. */
  readonly key: string;
  readonly X: Mat;
  readonly F0: Mat;
  readonly G0: Mat;
  readonly eta: number;
  readonly r: number;
  /** Errors ‖FGᵀ − X_s‖ are recorded for s = 1, …, errorsUpTo (default r). */
  readonly errorsUpTo?: number;
  readonly frame: 'dense' | 'diagonal';
}

export interface TraceSample extends JcdDiagnostics {
  readonly t: number;
}

export interface JcdTrace {
  /** Recorded states in increasing t. */
  readonly samples: readonly TraceSample[];
  /** K: every K-th step (and the one after it) is recorded. */
  readonly every: number;
  readonly horizon: number;
  /** The singular values of X (decreasing). */
  readonly values: readonly number[];
  readonly diverged: { t: number } | null;
}

export interface TraceSchedule {
  /** Steps to run. */
  readonly horizon: number;
  /** About how many K-th steps to record (default 1500). */
  readonly samples?: number;
  /** Steps recorded in addition, each with the step before it. */
  readonly keyTimes?: readonly number[];
}

const memo = new Map<string, JcdTrace>();

/** Runs (or recalls) the trace of `run` on `schedule`. */
export function jcdTrace(run: JcdRun, schedule: TraceSchedule): JcdTrace {
  const every = Math.max(1, Math.ceil(schedule.horizon / (schedule.samples ?? 1500)));
  const key = `${run.key}|${schedule.horizon}|${every}|${(schedule.keyTimes ?? []).join(',')}`;
  const known = memo.get(key);
  if (known) return known;
  const frame = toDiagonalFrame(run.X, run.F0, run.G0);
  const values = Array.from({ length: Math.min(run.X.rows, run.X.cols) }, (_, i) => frame.sigma.data[i * frame.sigma.cols + i]);
  const keys = new Set<number>();
  for (const t of schedule.keyTimes ?? []) keys.add(t).add(t - 1);
  const [PhiT, PsiT] = [transpose(frame.phi), transpose(frame.psi)];
  const diagonal = run.frame === 'diagonal';
  const trajectory = runTrajectory({
    sigma: diagonal ? frame.sigma : run.X,
    U0: diagonal ? frame.U0 : run.F0,
    V0: diagonal ? frame.V0 : run.G0,
    eta: run.eta,
    iters: schedule.horizon,
    when: (t) => t % every <= 1 || keys.has(t),
    observe: (s): TraceSample => {
      const [F, G] = diagonal ? [s.U, s.V] : [mul(PhiT, s.U), mul(PsiT, s.V)];
      return { t: s.t, ...jcdDiagnostics(frame.sigma, values, F, G, run.r, run.errorsUpTo ?? run.r) };
    },
  });
  const trace: JcdTrace = { samples: trajectory.samples.map((s) => s.value), every, horizon: schedule.horizon, values, diverged: trajectory.diverged };
  memo.set(key, trace);
  return trace;
}
