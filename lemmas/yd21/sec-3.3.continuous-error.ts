/**
 * YD21 §3.3, proof sketch of (1) + (3) ⇒ (2) (same in both copies):
 *
 *   "Consider continuous-time case, if we assume J = K = 0, the time derivative of Σ − UVᵀ is
 *    −(Σ − UVᵀ)VVᵀ − UUᵀ(Σ − UVᵀ)."
 *
 * Encoded under gradient flow U̇ = (Σ − UVᵀ)V, V̇ = (Σ − UVᵀ)ᵀU with J = K = 0 (m = n = d). The left
 * side d/dt(Σ − UVᵀ) is extracted from two engine steps: along one GD step (an Euler step of the
 * flow) Σ − UVᵀ is a quadratic matrix polynomial in η, and src/gd/flow.ts quadraticSlope reads its
 * slope at η = 0 exactly, so the check does not use the product rule it tests. It holds:
 * d/dt(Σ − UVᵀ) = −U̇Vᵀ − UV̇ᵀ = −RVVᵀ − UUᵀR.
 *
 * Scale: Σ − U(h)V(h)ᵀ errs by |Σ| + |U(h)||V(h)| (stepMagnitudes), combined by quadraticSlopeError;
 * the right side's two products by |R|(‖V‖² + ‖U‖²), |R| ≤ ‖Σ‖ + ‖U‖‖V‖.
 */
import { gdStep } from '../../src/gd/index.ts';
import { quadraticSlope, quadraticSlopeError } from '../../src/gd/flow.ts';
import { combine, mul, mulAll, sub, transpose } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { blockMagnitudes, stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { FLOW_WITHOUT_J_K } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type FullResiduals, gdStepExact } from '../../src/exact/states.ts';
import { fullFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

function check(x: DiagonalState, uuSign = -1) {
  const h = x.eta;
  const residual = (t: number) => {
    const { U, V } = t === 0 ? { U: x.U, V: x.V } : gdStep(x.sigma, x.U, x.V, t);
    return sub(x.sigma, mul(U, transpose(V)));
  };
  const slope = quadraticSlope(residual(0), residual(h), residual(2 * h), h);
  const R = residual(0);
  const printed = combine([-1, mulAll(R, x.V, transpose(x.V))], [uuSign, mulAll(x.U, transpose(x.U), R)]);
  const b = blockMagnitudes(x.sigma, x.U, x.V);
  const mag = (t: number) => {
    const a = t === 0 ? b : stepMagnitudes(x.sigma, x.U, x.V, t);
    return a.Sigma + a.U * a.V;
  };
  const r = b.Sigma + b.U * b.V;
  const scale = quadraticSlopeError(mag(0), mag(h), mag(2 * h), h) + r * (b.U * b.U + b.V * b.V);
  return [equal('d/dt(Σ − UVᵀ) = −(Σ − UVᵀ)VVᵀ − UUᵀ(Σ − UVᵀ)', slope, printed, scale)];
}

/** d/dt(Σ − UVᵀ) read off exact GD steps of size 0, 1, 2, minus the printed −(Σ − UVᵀ)VVᵀ − UUᵀ(Σ − UVᵀ). */
const errorSlope: FullResiduals = (A, { Sigma, U, V }, sabotaged) => {
  const { F, mul, sub, tr, combine } = A;
  const g = (t: number) => {
    const s = t === 0 ? { U, V } : gdStepExact(A, Sigma, U, V, A.int(t));
    return sub(Sigma, mul(s.U, tr(s.V)));
  };
  const slope = combine([A.int(2), g(1)], [A.ratio(-1, 2), g(2)], [A.ratio(-3, 2), g(0)]);
  const R = g(0);
  const printed = combine([A.int(-1), mul(R, V, tr(V))], [sabotaged ? F.one : A.int(-1), mul(U, tr(U), R)]);
  return { 'd/dt(Σ − UVᵀ) − printed': sub(slope, printed) };
};

export const continuousError = defineClaim<DiagonalState>({
  id: 'yd21.sec-3.3.continuous-error',
  source: { paper: 'YD21', where: '§3.3, proof sketch of (1) + (3) ⇒ (2)' },
  kind: 'identity',
  statement: 'd/dt(Σ − UVᵀ) = −(Σ − UVᵀ)VVᵀ − UUᵀ(Σ − UVᵀ) under gradient flow with J = K = 0',
  hypotheses: FLOW_WITHOUT_J_K, // gradient flow U̇ = (Σ − UVᵀ)V, V̇ = (Σ − UVᵀ)ᵀU at any U, V
  instances: diagonalState({ maxComplement: 0 }),
  size: stateSize,
  check: (x) => check(x),
  // Exact form (J = K = 0): the slope at 0 of t ↦ Σ − U(t)V(t)ᵀ along exact GD steps of size 0, 1, 2
  // (a quadratic in t: (4g(1) − g(2) − 3g(0))/2 exactly) minus the printed derivative. D = 6.
  exact: diagonalForm(
    (A, { x }, sabotaged) => errorSlope(A, { Sigma: x.SigmaFull, U: x.Ufull, V: x.Vfull, eta: x.eta }, sabotaged),
    { bound: 6, derivation: 'U(t)V(t)ᵀ at the constants t = 1, 2: U(t), V(t) of degree 3 each' },
    0,
  ),
  symbolic: fullFrameSymbolic(errorSlope),
  expected: 'holds',
  sabotage: { description: 'sign of −UUᵀ(Σ − UVᵀ) flipped', check: (x) => check(x, +1) },
});
