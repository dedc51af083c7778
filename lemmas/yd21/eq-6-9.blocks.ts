/**
 * YD21 (6)–(9), §2.1 — the block updates for diagonal Σ (same in both copies):
 *
 *   U_{t+1} = U_t + η(Σ − U_tV_tᵀ)V_t − ηU_tK_tᵀK_t                (6)
 *   V_{t+1} = V_t + η(Σ − U_tV_tᵀ)ᵀU_t − ηV_tJ_tᵀJ_t               (7)
 *   J_{t+1} = J_t − ηJ_t(V_tᵀV_t + K_tᵀK_t)                         (8)
 *   K_{t+1} = K_t − ηK_t(U_tᵀU_t + J_tᵀJ_t)                         (9)
 *
 * where U, J are the upper d×d and lower (m−d)×d blocks of 𝐔 and V, K those of 𝐕. Checked against
 * the blocks of the engine's full GD step (2),(3).
 */
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type StepResiduals } from '../../src/exact/states.ts';
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/** (6)–(9): the four blocks of the step minus the printed updates; sabotaged: −ηU_tK_tᵀK_t dropped from (6). */
const blockUpdateResidual: StepResiduals = (A, { x, before: s, after }, sabotaged) => {
  const { F, combine, mul, sub, tr } = A;
  const eta = x.eta;
  const R = sub(s.Sigma, mul(s.U, tr(s.V)));
  const me = F.neg(eta);
  return {
    '(6)': sub(after.U, combine([F.one, s.U], [eta, mul(R, s.V)], [sabotaged ? F.zero : me, mul(s.U, tr(s.K), s.K)])),
    '(7)': sub(after.V, combine([F.one, s.V], [eta, mul(tr(R), s.U)], [me, mul(s.V, tr(s.J), s.J)])),
    '(8)': sub(after.J, combine([F.one, s.J], [me, mul(s.J, tr(s.V), s.V)], [me, mul(s.J, s.KtK)])),
    '(9)': sub(after.K, combine([F.one, s.K], [me, mul(s.K, tr(s.U), s.U)], [me, mul(s.K, s.JtJ)])),
  };
};
const check = diagonalStepCheck(blockUpdateResidual);

export const eq6to9 = defineClaim<DiagonalState>({
  id: 'yd21.eq-6-9.blocks',
  source: { paper: 'YD21', where: '(6)–(9), §2.1' },
  kind: 'identity',
  statement:
    'U_{t+1} = U_t + η(Σ − U_tV_tᵀ)V_t − ηU_tK_tᵀK_t; V_{t+1} = V_t + η(Σ − U_tV_tᵀ)ᵀU_t − ηV_tJ_tᵀJ_t; ' +
    'J_{t+1} = J_t − ηJ_t(V_tᵀV_t + K_tᵀK_t); K_{t+1} = K_t − ηK_t(U_tᵀU_t + J_tᵀJ_t)',
  hypotheses: diagonalStateHypotheses(),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  // Exact form: the four blocks of the exact step (2),(3) minus (6)–(9). D = 4 (η times three blocks).
  exact: diagonalForm(blockUpdateResidual, { bound: 4, derivation: 'η times a product of three blocks in every term' }),
  symbolic: diagonalSymbolic(blockUpdateResidual),
  expected: 'holds',
  sabotage: {
    description: 'the term −ηU_tK_tᵀK_t dropped from (6)',
    check: (x) => check(x, true),
  },
});
