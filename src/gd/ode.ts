/**
 * Closed forms against a numerical solution of the ODE they solve (the gradient-flow claims of
 * YD21 App. B and Cor. 1.2). The ODE is integrated by classical RK4 (src/gd/flow.ts rk4, order 4)
 * twice, with step h and with step h/2, and a closed form is compared with the h/2 solution at the
 * tolerance of tolerance.ts ("The tolerance of a closed form compared with a numerical solution"):
 * distance ≤ richardsonBound(‖y_h − y_{h/2}‖) within 16·γ_n·(the closed form's rounding scale +
 * N·max‖y‖). A closed form off by more than the integrator's error estimate is refuted.
 */
import { type FlowState, rk4 } from './flow.ts';
import { frobenius, type Mat, sub } from '../linalg/dense.ts';
import { atMost, type Comparison } from '../claims/compare.ts';
import { odeRoundingScale, richardsonBound, RK4_ORDER } from '../claims/tolerance.ts';

/** The numerical solution at one checkpoint, with what its tolerance needs. */
export interface OdeCheckpoint {
  readonly t: number;
  /** The step-h/2 solution (the one compared). */
  readonly y: FlowState;
  /** The step-h solution. */
  readonly coarse: FlowState;
  /** richardsonBound(‖y_h − y_{h/2}‖_F): the bound on ‖y − y(t)‖_F. */
  readonly discretisation: number;
  /** Steps of size ≤ h/2 taken from 0 to t. */
  readonly steps: number;
  /** max ‖y‖_F of the fine solution at y₀ and at the end of every coarse step up to t. */
  readonly magnitude: number;
}

/** ‖y‖_F of a state (all its matrices together). */
export function stateNorm(y: FlowState): number {
  return Math.hypot(...y.map(frobenius));
}

/**
 * Integrates ẏ = F(y) from y(0) = y₀ through the increasing checkpoints `times` (> 0) with steps of
 * at most `maxStep` (each interval between checkpoints is split into equal coarse steps h ≤ maxStep,
 * the fine solution takes twice as many), returning both solutions and the tolerance's ingredients.
 */
export function integrateWithErrorBound(field: (y: FlowState) => FlowState, y0: FlowState, times: readonly number[], maxStep: number): OdeCheckpoint[] {
  if (!(maxStep > 0)) throw new Error(`integrateWithErrorBound: the step must be positive (got ${maxStep})`);
  let [fine, coarse] = [y0, y0];
  let [t0, steps, magnitude] = [0, 0, stateNorm(y0)];
  const out: OdeCheckpoint[] = [];
  for (const t of times) {
    if (!(t > t0)) throw new Error(`integrateWithErrorBound: checkpoints must increase from 0 (got ${t} after ${t0})`);
    const n = Math.ceil((t - t0) / maxStep);
    const h = (t - t0) / n;
    for (let k = 0; k < n; k++) {
      coarse = rk4(field, coarse, h, 1);
      fine = rk4(field, fine, h, 2);
      magnitude = Math.max(magnitude, stateNorm(fine));
    }
    steps += 2 * n;
    const diff = Math.hypot(...fine.map((m, i) => frobenius(sub(coarse[i], m))));
    out.push({ t, y: fine, coarse, discretisation: richardsonBound(diff, RK4_ORDER), steps, magnitude });
    t0 = t;
  }
  return out;
}

/**
 * "closed form = y(t)": ‖closed − y_{h/2}‖_F ≤ the checkpoint's discretisation bound, with scale
 * closedScale (the closed form's own rounding) + N·max‖y‖ (the integration's).
 */
export function matchesSolution(label: string, closed: Mat, at: OdeCheckpoint, closedScale: number, component = 0): Comparison {
  const distance = frobenius(sub(closed, at.y[component]));
  return atMost(label, distance, at.discretisation, closedScale + odeRoundingScale(at.steps, at.magnitude));
}
