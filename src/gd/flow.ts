/**
 * Gradient flow, the η → 0 limit of (2),(3) (YD21 §1):
 *
 *   U̇ = (Σ − UVᵀ)V,    V̇ = (Σ − UVᵀ)ᵀU.
 *
 * One GD step is exactly one explicit-Euler step of this flow: (U_{t+1}, V_{t+1}) = (U, V) + η(U̇, V̇).
 * Hence any quantity g that is a polynomial of degree ≤ 2 in (U, V) (‖B‖², UᵀU − VᵀV, Σ − UVᵀ, …)
 * is a polynomial of degree ≤ 2 in η along one step, and its time derivative under the flow at
 * (U, V) is read off two engine steps exactly (in exact arithmetic) by src/exact/states.ts `quadraticSlopeOf`. This gives
 * the continuous-time claims a computation of d/dt that does not use the formula under test.
 *
 * This module is the one home of gradient-flow computations (the vector field and, for ODE
 * integration, `rk4`).
 */
import { combine, type Mat, mul, sub, transpose } from '../linalg/dense.ts';

/** The flow's vector field (U̇, V̇) at (U, V), written with dense products (independent of the fused kernel). */
export function flowField(sigma: Mat, U: Mat, V: Mat): { U: Mat; V: Mat } {
  const R = sub(sigma, mul(U, transpose(V)));
  return { U: mul(R, V), V: mul(transpose(R), U) };
}

/** A state of an autonomous ODE ẏ = F(y), as a list of matrices. */
export type FlowState = readonly Mat[];

function axpy(y: FlowState, h: number, k: FlowState): FlowState {
  return y.map((m, i) => combine([1, m], [h, k[i]]));
}

/**
 * Classical fourth-order Runge–Kutta: `steps` steps of size h = t/steps from y₀ for ẏ = F(y).
 * Global error O(h⁴) for smooth F (Hairer, Nørsett & Wanner, Solving ODEs I, §II.1–II.3).
 */
export function rk4(field: (y: FlowState) => FlowState, y0: FlowState, t: number, steps: number): FlowState {
  const h = t / steps;
  let y = y0;
  for (let s = 0; s < steps; s++) {
    const k1 = field(y);
    const k2 = field(axpy(y, h / 2, k1));
    const k3 = field(axpy(y, h / 2, k2));
    const k4 = field(axpy(y, h, k3));
    y = y.map((m, i) => combine([1, m], [h / 6, k1[i]], [h / 3, k2[i]], [h / 3, k3[i]], [h / 6, k4[i]]));
  }
  return y;
}
