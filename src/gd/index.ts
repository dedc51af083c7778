/** The shared GD engine: the public surface every claim and command uses. */
export { gdStep, loss, runTrajectory } from './trajectory.ts';
export { blockState, isDiagonal, splitBlocks, type BlockState, type Derived } from './blocks.ts';
export { diagnostics } from './diagnostics.ts';
export { fromDiagonalFrame, toDiagonalFrame } from './rotation.ts';

import { gdStep } from './trajectory.ts';
import { blockState, type BlockState } from './blocks.ts';
import type { Mat } from '../linalg/dense.ts';

/** One GD step seen in block form: the state before and after, for a diagonal Σ. */
export function blockStep(sigma: Mat, U: Mat, V: Mat, eta: number): { before: BlockState; after: BlockState } {
  const next = gdStep(sigma, U, V, eta);
  return { before: blockState(sigma, U, V), after: blockState(sigma, next.U, next.V) };
}
