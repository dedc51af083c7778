/**
 * What the engine minimises, behind one interface: a loss of a state of factors and its gradient-descent
 * step. The asymmetric factorization ½‖UVᵀ − Σ‖²_F of YD21 and JCD is the first implementation (its
 * step is the engine's kernel, bitwise); a second objective is a folder's own code, not an engine edit
 * (properties/fixtures/papers/sym/: the symmetric factorization ½‖XXᵀ − M‖²_F).
 *
 * The claims, search and reports of YD21 and JCD still call the factorization's functions directly
 * (gdStep, loss, runTrajectory); moving them onto this interface is the rest of the architecture issue.
 */
import type { Mat } from '../linalg/dense.ts';
import { gdStep, loss } from './trajectory.ts';

export interface Objective<P, S> {
  /** The loss as the paper prints it. */
  readonly name: string;
  loss(problem: P, state: S): number;
  /** One gradient-descent step with step size η (a new state; the old one is left alone). */
  step(problem: P, state: S, eta: number): S;
}

/** A factor pair (U, V). */
export interface FactorPair {
  readonly U: Mat;
  readonly V: Mat;
}

/** f(U, V) = ½‖UVᵀ − Σ‖²_F (YD21 (1), JCD (1.2)), stepped by the engine's kernel. */
export const asymmetricFactorization: Objective<Mat, FactorPair> = {
  name: '½‖UVᵀ − Σ‖²_F',
  loss: (sigma, s) => loss(sigma, s.U, s.V),
  step: (sigma, s, eta) => gdStep(sigma, s.U, s.V, eta),
};

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
