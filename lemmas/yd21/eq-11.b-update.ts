/**
 * YD21 (11), §3.2.2 — the update of B = (U−V)/2 (same in both copies):
 *
 *   B_{t+1} = B_t − η(Σ − A_tA_tᵀ + B_tB_tᵀ)B_t + η(A_tB_tᵀ − B_tA_tᵀ)A_t
 *             − ηA_t (K_tᵀK_t − J_tᵀJ_t)/2 − ηB_t (K_tᵀK_t + J_tᵀJ_t)/2.
 *
 * Checked against B_{t+1} taken from the engine's full GD step (2),(3) on a diagonal Σ.
 */
import { blockStep } from '../../src/gd/index.ts';
import { combine, mul } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { blockMagnitudes, stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm } from '../../src/exact/states.ts';
import { bUpdateResidual } from '../common/ab-updates.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

function check(x: DiagonalState, qaSign = +1) {
  const { before: s, after } = blockStep(x.sigma, x.U, x.V, x.eta);
  const { A, B, P, Q, M, N } = s;
  const eta = x.eta;
  // M = (KᵀK + JᵀJ)/2 and N = (KᵀK − JᵀJ)/2 (src/gd/blocks.ts).
  const printed = combine([1, B], [-eta, mul(P, B)], [qaSign * eta, mul(Q, A)], [-eta, mul(A, N)], [-eta, mul(B, M)]);
  const [mb, ma] = [blockMagnitudes(x.sigma, x.U, x.V), stepMagnitudes(x.sigma, x.U, x.V, eta)];
  const scale = ma.B + mb.B + eta * (mb.P * mb.B + mb.Q * mb.A + mb.A * mb.N + mb.B * mb.M);
  return [equal('(11): B_{t+1}', after.B, printed, scale)];
}

/** The step's update minus the printed right side (lemmas/common/ab-updates.ts). */
const residual = bUpdateResidual('(11): B_{t+1} − printed');

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
    check: (x) => check(x, -1),
  },
});
