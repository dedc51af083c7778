/**
 * YD21 (10), §3.2.2 — the update of A = (U+V)/2 (same in the NeurIPS and preprint copies):
 *
 *   A_{t+1} = A_t + η(Σ − A_tA_tᵀ + B_tB_tᵀ)A_t − η(A_tB_tᵀ − B_tA_tᵀ)B_t
 *             − ηA_t (K_tᵀK_t + J_tᵀJ_t)/2 − ηB_t (K_tᵀK_t − J_tᵀJ_t)/2.
 *
 * Checked against A_{t+1} taken from the engine's full GD step (2),(3) on a diagonal Σ; the check,
 * the exact form and the symbolic proof all evaluate the one residual of lemmas/common/ab-updates.ts.
 */
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalForm } from '../../src/exact/states.ts';
import { aUpdateResidual } from '../common/ab-updates.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';

/** The step's update minus the printed right side (lemmas/common/ab-updates.ts). */
const residual = aUpdateResidual('(10): A_{t+1} − printed');
const check = diagonalStepCheck(residual);

export const eq10 = defineClaim<DiagonalState>({
  id: 'yd21.eq-10.a-update',
  source: { paper: 'YD21', where: '(10), §3.2.2' },
  kind: 'identity',
  statement: 'A_{t+1} = A_t + η(Σ − A_tA_tᵀ + B_tB_tᵀ)A_t − η(A_tB_tᵀ − B_tA_tᵀ)B_t − ηA_t(K_tᵀK_t + J_tᵀJ_t)/2 − ηB_t(K_tᵀK_t − J_tᵀJ_t)/2',
  hypotheses: diagonalStateHypotheses(),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  // Exact form: A_{t+1} from the exact step minus the printed right side. D = 4: every term is η times
  // a product of three of U, V, J, K, Σ (ηPA, ηQB, ηAM, ηBN; η(Σ − UVᵀ)V in the step).
  exact: diagonalForm(residual, { bound: 4, derivation: 'each term is η times a product of three blocks (ηPA, ηQB, ηAM, ηBN; η(Σ − UVᵀ)V in the step)' }),
  symbolic: diagonalSymbolic(residual),
  expected: 'holds',
  sabotage: {
    description: 'sign of the last term flipped: + ηB_t(K_tᵀK_t − J_tᵀJ_t)/2',
    check: (x) => check(x, true),
  },
});
