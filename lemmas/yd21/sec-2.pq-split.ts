import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type StepResiduals } from '../../src/exact/states.ts';
import { diagonalStepCheck } from '../../src/claims/measured-step.ts';

const residual: StepResiduals = (A, { before: s }, sabotaged) => {
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
const check = diagonalStepCheck(residual);

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
  exact: diagonalForm(residual, { bound: 4, derivation: '‖P‖²_F, ‖Q‖²_F, ‖Σ − UVᵀ‖²_F: twice degree 2' }),
  expected: 'holds',
  sabotage: { description: 'sign of Q flipped: Q = BAᵀ − ABᵀ', check: (x) => check(x, true) },
});
