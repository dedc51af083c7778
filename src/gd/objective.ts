/**
 * What the engine minimises, behind one interface: the loss of a state, its gradient-descent step, the
 * block view the paper reasons in, the diagnostics a trajectory records, and how `trajectory --input`
 * reads a problem. The asymmetric factorization ½‖UVᵀ − Σ‖²_F of YD21 and JCD is the first
 * implementation (./factorization.ts; its step is the engine's kernel, bitwise). A second objective is a
 * paper folder's own code, declared in its manifest (`objectives`), not an engine edit: the planted
 * properties/fixtures/papers/sym/ (the symmetric factorization ½‖XXᵀ − M‖²_F) runs through `trajectory`
 * and `check` with no framework file naming it.
 */
import type { Mat } from '../linalg/dense.ts';

/** An input that did not parse: one line saying what is wrong, for the user. */
interface InputError {
  readonly error: string;
}

export interface Objective<P, S> {
  /** What an input file names in its "objective" field, e.g. 'asymmetric-factorization'. */
  readonly id: string;
  /** The loss as the paper prints it. */
  readonly name: string;
  loss(problem: P, state: S): number;
  /** One gradient-descent step with step size η (a new state; the old one is left alone). */
  step(problem: P, state: S, eta: number): S;
  /** The named matrices the paper's analysis reads off a state (for the factorization: A, B, P, Q, J, K, C, D). */
  blocks(problem: P, state: S): Readonly<Record<string, Mat>>;
  /** The names of `diagnostics`' fields, in the order a trajectory prints them (the loss first). */
  readonly diagnosticNames: readonly string[];
  /** The scalars a trajectory records at an observed step. */
  diagnostics(problem: P, state: S): Readonly<Record<string, number>>;
  /** What `trajectory --input` reads: the JSON fields (one line, for messages) and the parser. */
  readonly input: { readonly fields: string; parse(json: Record<string, unknown>): { problem: P; start: S; eta: number } | InputError };
  /**
   * Runs `iters` steps recording the diagnostics at t = 0, K, 2K, … and t = N; stops at divergence
   * (an iterate that is no longer finite or left the problem's scale) with the step it happened at.
   * Absent: descendObserved's plain loop.
   */
  trajectory?(problem: P, start: S, eta: number, iters: number, every: number): ObservedRun;
}

/** A recorded run: the diagnostics at the observed steps, and the step at which it diverged (or null). */
export interface ObservedRun {
  readonly samples: ReadonlyArray<{ readonly t: number; readonly value: Readonly<Record<string, number>> }>;
  readonly diverged: { readonly t: number } | null;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds objectives of every problem and state type.
export type AnyObjective = Objective<any, any>;

/** The losses along `iters` steps of GD from `start` (losses[t] = f(state_t), t = 0…iters) and the last state. */
export function descend<P, S>(objective: Objective<P, S>, problem: P, start: S, eta: number, iters: number): { losses: number[]; final: S } {
  let state = start;
  const losses = [objective.loss(problem, state)];
  for (let t = 0; t < iters; t++) {
    state = objective.step(problem, state, eta);
    losses.push(objective.loss(problem, state));
  }
  return { losses, final: state };
}

/**
 * A recorded run through the interface: the objective's own `trajectory` when it has one, else a plain
 * loop that records every K steps and stops at the first step whose diagnostics are not all finite.
 */
export function descendObserved<P, S>(objective: Objective<P, S>, problem: P, start: S, eta: number, iters: number, every: number): ObservedRun {
  if (objective.trajectory) return objective.trajectory(problem, start, eta, iters, every);
  const samples: { t: number; value: Readonly<Record<string, number>> }[] = [];
  let state = start;
  for (let t = 0; ; t++) {
    const value = t % every === 0 || t === iters ? objective.diagnostics(problem, state) : null;
    if (value && !Object.values(value).every(Number.isFinite)) return { samples, diverged: { t } };
    if (value) samples.push({ t, value });
    if (t === iters) return { samples, diverged: null };
    state = objective.step(problem, state, eta);
  }
}
