/**
 * YD21 (11), §3.2.2 — the update of B = (U−V)/2 (same in both copies):
 *
 *   B_{t+1} = B_t − η(Σ − A_tA_tᵀ + B_tB_tᵀ)B_t + η(A_tB_tᵀ − B_tA_tᵀ)A_t
 *             − ηA_t (K_tᵀK_t − J_tᵀJ_t)/2 − ηB_t (K_tᵀK_t + J_tᵀJ_t)/2.
 *
 * Checked against B_{t+1} taken from the engine's full GD step (2),(3) on a diagonal Σ.
 */
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm } from '../../src/exact/states.ts';
import { bUpdateResidual } from '../common/ab-updates.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/** The step's update minus the printed right side (lemmas/common/ab-updates.ts). */
const residual = bUpdateResidual('(11): B_{t+1} − printed');
const check = diagonalStepCheck(residual);

export const eq11 = defineClaim<DiagonalState>({
  id: 'yd21.eq-11.b-update',
  source: { paper: 'YD21', where: '(11), §3.2.2' },
  kind: 'identity',
  statement: 'B_{t+1} = B_t − η(Σ − A_tA_tᵀ + B_tB_tᵀ)B_t + η(A_tB_tᵀ − B_tA_tᵀ)A_t − ηA_t(K_tᵀK_t − J_tᵀJ_t)/2 − ηB_t(K_tᵀK_t + J_tᵀJ_t)/2',
  hypotheses: diagonalStateHypotheses(),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  // Exact form: B_{t+1} of the exact step minus the printed right side. D = 4 (η times three blocks).
  exact: diagonalForm(residual, { bound: 4, derivation: 'η times a product of three blocks in every term' }),
  symbolic: diagonalSymbolic(residual),
  expected: 'holds',
  sabotage: {
    description: 'sign of the Q-term flipped: − η(A_tB_tᵀ − B_tA_tᵀ)A_t',
    check: (x) => check(x, true),
  },
});
