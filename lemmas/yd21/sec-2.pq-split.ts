/**
 * YD21 §2.1 (and App. F) — "P and Q are just the symmetric and skew-symmetric part of matrix
 * Σ − UVᵀ. Hence the linear convergence of gradient descent is equivalent the linearly diminishing
 * of P and Q by Pythagorean theorem", with P = Σ − AAᵀ + BBᵀ and Q = ABᵀ − BAᵀ.
 *
 * Encoded as five equalities on the principal block: P + Q = Σ − UVᵀ, P = Pᵀ, Q = −Qᵀ, ⟨P, Q⟩ = 0,
 * ‖P‖²_F + ‖Q‖²_F = ‖Σ − UVᵀ‖²_F.
 */
import { blockState } from '../../src/gd/index.ts';
import { add, frobenius, inner, mul, scale as scaleMat, sub, transpose } from '../../src/linalg/dense.ts';
import { equal, termScale } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';

function check(x: DiagonalState, qSign = +1) {
  const s = blockState(x.sigma, x.U, x.V);
  const P = s.P;
  const Q = scaleMat(s.Q, qSign);
  const R = sub(s.Sigma, mul(s.U, transpose(s.V)));
  const magnitude = termScale(1, s.Sigma) + termScale(1, s.A, s.A) + termScale(1, s.B, s.B) + 2 * termScale(1, s.A, s.B);
  return [
    equal('P + Q = Σ − UVᵀ', add(P, Q), R, magnitude + termScale(1, s.U, s.V)),
    equal('P = Pᵀ', P, transpose(P), magnitude),
    equal('Q = −Qᵀ', Q, scaleMat(transpose(Q), -1), magnitude),
    equal('⟨P, Q⟩ = 0', inner(P, Q), 0, magnitude ** 2),
    equal('‖P‖² + ‖Q‖² = ‖Σ − UVᵀ‖²', frobenius(P) ** 2 + frobenius(Q) ** 2, frobenius(R) ** 2, (magnitude + termScale(1, s.U, s.V)) ** 2),
  ];
}

export const pqSplit = defineClaim<DiagonalState>({
  id: 'yd21.sec-2.pq-split',
  source: { paper: 'YD21', where: '§2.1, App. F' },
  kind: 'identity',
  statement: 'P + Q = Σ − UVᵀ with P = Σ − AAᵀ + BBᵀ symmetric, Q = ABᵀ − BAᵀ skew, ⟨P,Q⟩ = 0, ‖P‖²_F + ‖Q‖²_F = ‖Σ − UVᵀ‖²_F',
  hypotheses: ['Σ diagonal of rank d', 'any U, V (d×d)'],
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  expected: 'holds',
  sabotage: { description: 'sign of Q flipped: Q = BAᵀ − ABᵀ', check: (x) => check(x, -1) },
});
