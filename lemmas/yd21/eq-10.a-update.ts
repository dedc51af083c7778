/**
 * YD21 (10), §3.2.2 — the update of A = (U+V)/2 (same in the NeurIPS and preprint copies):
 *
 *   A_{t+1} = A_t + η(Σ − A_tA_tᵀ + B_tB_tᵀ)A_t − η(A_tB_tᵀ − B_tA_tᵀ)B_t
 *             − ηA_t (K_tᵀK_t + J_tᵀJ_t)/2 − ηB_t (K_tᵀK_t − J_tᵀJ_t)/2.
 *
 * Checked against A_{t+1} taken from the engine's full GD step (2),(3) on a diagonal Σ.
 */
import { blockStep } from '../../src/gd/index.ts';
import { combine, mul } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { blockMagnitudes, stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalForm } from '../../src/exact/states.ts';
import { aUpdateResidual } from '../common/ab-updates.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';

function check(x: DiagonalState, sign = -1) {
  const { before: s, after } = blockStep(x.sigma, x.U, x.V, x.eta);
  const { A, B, P, Q, M, N } = s;
  const eta = x.eta;
  // M = (KᵀK + JᵀJ)/2 and N = (KᵀK − JᵀJ)/2 (src/gd/blocks.ts).
  const printed = combine([1, A], [eta, mul(P, A)], [-eta, mul(Q, B)], [-eta, mul(A, M)], [sign * eta, mul(B, N)]);
  const [mb, ma] = [blockMagnitudes(x.sigma, x.U, x.V), stepMagnitudes(x.sigma, x.U, x.V, eta)];
  const scale = ma.A + mb.A + eta * (mb.P * mb.A + mb.Q * mb.B + mb.A * mb.M + mb.B * mb.N);
  return [equal('(10): A_{t+1}', after.A, printed, scale)];
}

/** The step's update minus the printed right side (lemmas/common/ab-updates.ts). */
const residual = aUpdateResidual('(10): A_{t+1} − printed');

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
    check: (x) => check(x, +1),
  },
});
