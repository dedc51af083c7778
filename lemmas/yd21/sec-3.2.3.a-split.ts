/**
 * YD21 §3.2.3, first display (same in both copies), the split of (10) it rests on:
 *
 *   A_{t+1} = A_t + η(Σ − A_tA_tᵀ)A_t
 *             + η(B_tB_tᵀA_t − A_tB_tᵀB_t + B_tA_tᵀB_t − A_t(K_tᵀK_t + J_tᵀJ_t)/2 − B_t(K_tᵀK_t − J_tᵀJ_t)/2).
 *
 * The display itself is the Weyl bound σ_d(A_{t+1}) ≥ σ_d(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖(that matrix)‖_op;
 * it is checked as the first comparison of `yd21.eq-20.sigma-d-a` on instances satisfying §3.2.1's
 * assumptions (Weyl needs none, but the rest of (20) does). This claim is the identity: from (10),
 * ηP A = η(Σ − AAᵀ)A + ηBBᵀA and −ηQB = −ηABᵀB + ηBAᵀB (P = Σ − AAᵀ + BBᵀ, Q = ABᵀ − BAᵀ).
 * Checked against A_{t+1} from the engine's full step (2),(3).
 */
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type StepResiduals } from '../../src/exact/states.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/**
 * The perturbation of §3.2.3's display: BBᵀA − ABᵀB + BAᵀB − A(KᵀK+JᵀJ)/2 − B(KᵀK−JᵀJ)/2 (= BBᵀA + C_t);
 * `flipBab` flips the sign of BAᵀB (the sabotage).
 */
export function aPerturbation<M, S, D>(A: MatrixOps<M, S, D>, s: { readonly A: M; readonly B: M; readonly M: M; readonly N: M }, flipBab = false): M {
  const { F, combine, mul, tr } = A;
  return combine(
    [F.one, mul(s.B, tr(s.B), s.A)],
    [A.int(-1), mul(s.A, tr(s.B), s.B)],
    [flipBab ? A.int(-1) : F.one, mul(s.B, tr(s.A), s.B)],
    [A.int(-1), mul(s.A, s.M)],
    [A.int(-1), mul(s.B, s.N)],
  );
}

/** §3.2.3: A_{t+1} of the step minus the printed split; sabotaged: the sign of B_tA_tᵀB_t flipped. */
const aSplitResidual: StepResiduals = (A, { x, before: s, after }, sabotaged) => {
  const { F, combine, mul, sub, tr } = A;
  const main = mul(sub(s.Sigma, mul(s.A, tr(s.A))), s.A);
  return { '§3.2.3: A_{t+1} − split': sub(after.A, combine([F.one, s.A], [x.eta, main], [x.eta, aPerturbation(A, s, sabotaged)])) };
};
const check = diagonalStepCheck(aSplitResidual);

export const aSplit = defineClaim<DiagonalState>({
  id: 'yd21.sec-3.2.3.a-split',
  source: { paper: 'YD21', where: '§3.2.3, first display; (10)' },
  kind: 'identity',
  statement: 'A_{t+1} = A_t + η(Σ − A_tA_tᵀ)A_t + η(B_tB_tᵀA_t − A_tB_tᵀB_t + B_tA_tᵀB_t − A_t(K_tᵀK_t + J_tᵀJ_t)/2 − B_t(K_tᵀK_t − J_tᵀJ_t)/2)',
  hypotheses: diagonalStateHypotheses(),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  // Exact form: A_{t+1} of the exact step minus the split. D = 4.
  exact: diagonalForm(aSplitResidual, { bound: 4, derivation: 'η times three blocks' }),
  symbolic: diagonalSymbolic(aSplitResidual),
  expected: 'holds',
  sabotage: { description: 'sign of B_tA_tᵀB_t flipped', check: (x) => check(x, true) },
});
