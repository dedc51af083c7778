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
import { blockStep } from '../../src/gd/index.ts';
import { combine, mul, mulAll, sub, transpose } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { blockMagnitudes, stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type StepResiduals } from '../../src/exact/states.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

function check(x: DiagonalState, keepUKK = true) {
  const { before: s, after } = blockStep(x.sigma, x.U, x.V, x.eta);
  const { Sigma, U, V, J, K } = s;
  const eta = x.eta;
  const R = sub(Sigma, mul(U, transpose(V)));
  const KtK = mul(transpose(K), K);
  const JtJ = mul(transpose(J), J);
  const VtV = mul(transpose(V), V);
  const UtU = mul(transpose(U), U);
  // Each side is formed from terms of these magnitudes (src/claims/magnitudes.ts).
  const [b, a] = [blockMagnitudes(x.sigma, x.U, x.V), stepMagnitudes(x.sigma, x.U, x.V, eta)];
  const r = b.Sigma + b.U * b.V;
  return [
    equal(
      '(6): U_{t+1}',
      after.U,
      combine([1, U], [eta, mul(R, V)], [keepUKK ? -eta : 0, mulAll(U, transpose(K), K)]),
      a.U + b.U + eta * (r * b.V + b.U * b.K * b.K),
    ),
    equal(
      '(7): V_{t+1}',
      after.V,
      combine([1, V], [eta, mul(transpose(R), U)], [-eta, mulAll(V, transpose(J), J)]),
      a.V + b.V + eta * (r * b.U + b.V * b.J * b.J),
    ),
    equal('(8): J_{t+1}', after.J, combine([1, J], [-eta, mul(J, VtV)], [-eta, mul(J, KtK)]), a.J + b.J + eta * b.J * (b.V * b.V + b.K * b.K)),
    equal('(9): K_{t+1}', after.K, combine([1, K], [-eta, mul(K, UtU)], [-eta, mul(K, JtJ)]), a.K + b.K + eta * b.K * (b.U * b.U + b.J * b.J)),
  ];
}

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
    check: (x) => check(x, false),
  },
});
