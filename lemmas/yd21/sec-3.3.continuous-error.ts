/**
 * YD21 §3.3, proof sketch of (1) + (3) ⇒ (2) (same in both copies):
 *
 *   "Consider continuous-time case, if we assume J = K = 0, the time derivative of Σ − UVᵀ is
 *    −(Σ − UVᵀ)VVᵀ − UUᵀ(Σ − UVᵀ)."
 *
 * Encoded under gradient flow U̇ = (Σ − UVᵀ)V, V̇ = (Σ − UVᵀ)ᵀU with J = K = 0 (m = n = d). The left
 * side d/dt(Σ − UVᵀ) is extracted from two engine steps: along one GD step (an Euler step of the
 * flow) Σ − UVᵀ is a quadratic matrix polynomial in η, and src/exact/states.ts quadraticSlopeMatrix reads its
 * slope at η = 0 exactly, so the check does not use the product rule it tests. It holds:
 * d/dt(Σ − UVᵀ) = −U̇Vᵀ − UV̇ᵀ = −RVVᵀ − UUᵀR.
 *
 * Scale: the residuals' magnitudes, computed from their one definition below (src/claims/measured.ts).
 */
import { defineClaim } from '../../src/claims/types.ts';
import { FLOW_WITHOUT_J_K } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type FlowResiduals, flowProbeExact, quadraticSlopeMatrix } from '../../src/exact/states.ts';
import { flowSymbolic } from '../../src/exact/symbolic-steps.ts';
import { measuredFlowProbe } from '../../src/gd/measured-step.ts';
import { magnitudeOps, residualComparisons } from '../../src/claims/measured.ts';

/** The slope at 0 of Σ − U(t)V(t)ᵀ along the probe minus the printed derivative; sabotaged: the sign of −UUᵀ(Σ − UVᵀ) flipped. */
const errorSlope: FlowResiduals = (A, p, sabotaged) => {
  const { F, mul, sub, tr, combine } = A;
  const g = (x: { readonly U: typeof p.U; readonly V: typeof p.V }) => sub(p.Sigma, mul(x.U, tr(x.V)));
  const R = g(p);
  const slope = quadraticSlopeMatrix(A, R, g(p.stepAt(1)), g(p.stepAt(2)), p.h);
  const printed = combine([A.int(-1), mul(R, p.V, tr(p.V))], [sabotaged ? F.one : A.int(-1), mul(p.U, tr(p.U), R)]);
  return { 'd/dt(Σ − UVᵀ) − printed': sub(slope, printed) };
};

const check = (x: DiagonalState, sabotaged = false) => residualComparisons(errorSlope(magnitudeOps, measuredFlowProbe(x), sabotaged));

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
    (A, s, sabotaged) => errorSlope(A, flowProbeExact(A, s), sabotaged),
    { bound: 6, derivation: 'U(t)V(t)ᵀ at the constants t = 1, 2: U(t), V(t) of degree 3 each' },
    0,
  ),
  symbolic: flowSymbolic(errorSlope),
  expected: 'holds',
  sabotage: { description: 'sign of −UUᵀ(Σ − UVᵀ) flipped', check: (x) => check(x, true) },
});
