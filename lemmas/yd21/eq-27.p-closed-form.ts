/**
 * YD21 App. B of the preprint, after (26): "Similarly, because P's dynamic is
 * Ṗ = −(Σ − P)P − P(Σ − P), we have
 *
 *   P(t) = (e^{tΣ}(P₀⁻¹ − Σ⁻¹)e^{tΣ} + Σ⁻¹)⁻¹,                         (27)
 *
 * where P₀ := Σ − S₀."
 *
 * As printed: the extraction gives (27) cleanly, with +tΣ in both exponentials (the opposite sign to
 * (26)). Derivation (holds): Ṗ = −Ṡ = −(Σ − P)P − P(Σ − P) (with S = Σ − P); for Y = P⁻¹ − Σ⁻¹,
 * d/dt P⁻¹ = −P⁻¹ṖP⁻¹ = P⁻¹Σ + ΣP⁻¹ − 2I, so Ẏ = YΣ + ΣY and Y(t) = e^{tΣ}Y₀e^{tΣ}. Unstated
 * hypothesis: P₀ invertible (P₀⁻¹ appears). P₀ may be indefinite; P(t) then stays invertible for all
 * t ≥ 0 (the inner matrix is finite for every t, and P(t) = Σ − S(t) is bounded, so it is never
 * singular — P's inertia is preserved along the flow). Cross-checked during development in NumPy
 * (RK4 with h = t/200 against (27) at t ∈ {0.5, 1, 2, 3}, P₀ with two negative eigenvalues: distance
 * 1e-10 to 4e-10, shrinking 16× per halving of h).
 *
 * Checked against an independent numerical solution: Ṗ = −(Σ − P)P − P(Σ − P) integrated from
 * P₀ by RK4 (src/gd/ode.ts) with steps h and h/2, h ≤ 0.04/(‖Σ‖_F + ‖P₀‖_F), compared at four
 * times at the ODE tolerance of src/claims/tolerance.ts (Richardson bound 16/15·‖P_h − P_{h/2}‖_F,
 * plus rounding). The closed form's rounding scale is computed in the magnitude model from its one
 * definition (lemmas/common/inverse-congruence.ts, evaluated by eq-26.s-closed-form's `closedForm`):
 * each inverse carries |X⁻¹|·|X|·|X⁻¹|, so it grows with ‖e^{tΣ}‖² and P₀'s conditioning by itself
 * (up to e⁸·…, since t·λ_max(Σ) ≤ 4); e^{tΣ}, computed from an eigendecomposition, enters with its
 * own magnitude (eq-26.s-closed-form's `sigmaExponential`).
 */
import type { Comparison } from '../../src/claims/compare.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { integrateWithErrorBound, matchesSolution } from '../../src/gd/ode.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { P_CLOSED_FORM } from '../../src/hypotheses/flow.ts';
import { SYMMETRIC_FLOW_RANGES, type SymmetricFlowInstance, symmetricFlowInstance } from '../../src/random/flow-instances.ts';
import { closedForm, flowStep, onDoubles, STEP } from './eq-26.s-closed-form.ts';

/** Ṗ = −(Σ − P)P − P(Σ − P). */
function pFlow<M, S>(A: MatrixOps<M, S>, Sigma: M, P: M): M {
  const R = A.sub(Sigma, P);
  return A.combine([A.int(-1), A.mul(R, P)], [A.int(-1), A.mul(P, R)]);
}

function check(x: SymmetricFlowInstance, sign = +1): Comparison[] {
  const { Sigma, P0 } = x;
  const path = integrateWithErrorBound(onDoubles(pFlow, Sigma), [P0], x.times, flowStep(Sigma, P0));
  return path.map((at) => {
    const closed = closedForm(Sigma, P0, at.t, sign);
    return matchesSolution(`(27) at t = ${at.t.toPrecision(4)}: P(t) = (e^{tΣ}(P₀⁻¹ − Σ⁻¹)e^{tΣ} + Σ⁻¹)⁻¹`, closed.value, at, closed.scale);
  });
}

export const eq27 = defineClaim<SymmetricFlowInstance>({
  id: 'yd21.eq-27.p-closed-form',
  source: { paper: 'YD21', where: 'App. B (27) (preprint)' },
  kind: 'identity',
  statement: 'Ṗ = −(Σ − P)P − P(Σ − P) ⇒ P(t) = (e^{tΣ}(P₀⁻¹ − Σ⁻¹)e^{tΣ} + Σ⁻¹)⁻¹ (27), P₀ := Σ − S₀',
  hypotheses: P_CLOSED_FORM,
  choices: {
    times: `four checkpoints t_end·{1/4, 1/2, 3/4, 1}, t_end in [${SYMMETRIC_FLOW_RANGES.tEnd.join(', ')}]`,
    integrator: `RK4 (order 4) with steps h and h/2, h ≤ ${STEP}/(‖Σ‖_F + ‖P₀‖_F); tolerance 16/15·‖P_h − P_{h/2}‖_F + 16γ_n·(closed-form rounding + steps·max‖P‖_F)`,
  },
  instances: symmetricFlowInstance({ invertibleP0: true }),
  size: (x) => x.d,
  check: (x) => check(x),
  exact: {
    skip: "the closed form involves e^{tΣ} and the ODE solution is numerical (RK4): neither side is a rational function of the entries; the claim's verdict rests on the integrator's error bound (src/gd/ode.ts)",
  },
  expected: 'holds',
  sabotage: { description: 'the sign of the exponent flipped: e^{−tΣ} for e^{tΣ} in (27) (the form of (26))', check: (x) => check(x, -1) },
  runs: 50,
});
