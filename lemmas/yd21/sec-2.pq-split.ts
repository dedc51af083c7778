/**
 * YD21 §2.1 (and App. F) — "P and Q are just the symmetric and skew-symmetric part of matrix
 * Σ − UVᵀ. Hence the linear convergence of gradient descent is equivalent the linearly diminishing
 * of P and Q by Pythagorean theorem", with P = Σ − AAᵀ + BBᵀ and Q = ABᵀ − BAᵀ.
 *
 * Encoded as five equalities on the principal block: P + Q = Σ − UVᵀ, P = Pᵀ, Q = −Qᵀ, ⟨P, Q⟩ = 0,
 * ‖P‖²_F + ‖Q‖²_F = ‖Σ − UVᵀ‖²_F.
 */
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type StepResiduals } from '../../src/exact/states.ts';
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/** The five relations of the P/Q split as residuals; sabotaged: Q = BAᵀ − ABᵀ. */
const pqResidual: StepResiduals = (A, { before: s }, sabotaged) => {
  const { F, add, sub, mul, tr, scale, inner, frob2 } = A;
  const Q = sabotaged ? scale(A.int(-1), s.Q) : s.Q;
  const R = sub(s.Sigma, mul(s.U, tr(s.V)));
  return {
    'P + Q − (Σ − UVᵀ)': sub(add(s.P, Q), R),
    'P − Pᵀ': sub(s.P, tr(s.P)),
    'Q + Qᵀ': add(Q, tr(Q)),
    '⟨P, Q⟩': inner(s.P, Q),
    '‖P‖² + ‖Q‖² − ‖Σ − UVᵀ‖²': F.sub(F.add(frob2(s.P), frob2(Q)), frob2(R)),
  };
};
const check = diagonalStepCheck(pqResidual);

export const pqSplit = defineClaim<DiagonalState>({
  id: 'yd21.sec-2.pq-split',
  source: { paper: 'YD21', where: '§2.1, App. F' },
  kind: 'identity',
  statement: 'P + Q = Σ − UVᵀ with P = Σ − AAᵀ + BBᵀ symmetric, Q = ABᵀ − BAᵀ skew, ⟨P,Q⟩ = 0, ‖P‖²_F + ‖Q‖²_F = ‖Σ − UVᵀ‖²_F',
  hypotheses: diagonalStateHypotheses({}, false),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  // Exact form: the five relations as residuals. D = 4 (‖P‖²_F: 2·2).
  exact: diagonalForm(pqResidual, { bound: 4, derivation: '‖P‖²_F, ‖Q‖²_F, ‖Σ − UVᵀ‖²_F: twice degree 2' }),
  symbolic: diagonalSymbolic(pqResidual),
  expected: 'holds',
  sabotage: { description: 'sign of Q flipped: Q = BAᵀ − ABᵀ', check: (x) => check(x, true) },
});
