/**
 * The tolerance policy, written once per kind of claim.
 *
 * A comparison reports a signed slack (rhs − lhs for "lhs ≤ rhs"; −‖L − R‖ for "L = R") and a
 * scale: an upper bound on the magnitude of the quantities that were rounded to compute it. It
 * passes when slack ≥ −tol·scale, with tol = c_kind·γ_n and γ_n = n·u/(1 − n·u) (Higham, Accuracy
 * and Stability of Numerical Algorithms, §3.1), n = the largest matrix dimension of the instance.
 *
 * Why these constants:
 * - identity: every term is a product of at most four factors plus at most a dozen sums
 *   (the longest is YD21 (12)); Higham Thm 3.5 bounds each product's error by γ_n·Π‖Fᵢ‖, and a
 *   check's scale is Σ over terms of Π‖Fᵢ‖_F, so 16·γ_n covers (products + sums) ≤ 16.
 * - inequality, trajectory: the sides also contain eigenvalues/singular values computed by
 *   backward-stable Householder/QL and Golub–Kahan iterations, whose error is a small multiple of
 *   n·u·‖X‖ (Golub & Van Loan §8.3, §8.6); 64·γ_n covers that on top of the products.
 * A failing comparison is also graded (does it fail at relative 1e-12? 1e-9? 1e-6?) so a reader sees
 * at once whether a refutation is rounding or a real violation. Never widen these to pass a check.
 */
export const UNIT_ROUNDOFF = 2 ** -53;

export type ToleranceKind = 'identity' | 'inequality' | 'trajectory';

const FACTOR: Record<ToleranceKind, number> = { identity: 16, inequality: 64, trajectory: 64 };

/** γ_n = n·u/(1 − n·u). */
export function gamma(n: number): number {
  return (n * UNIT_ROUNDOFF) / (1 - n * UNIT_ROUNDOFF);
}

/** The relative tolerance for a claim of this kind on an instance of largest dimension n. */
export function relativeTolerance(kind: ToleranceKind, n: number): number {
  return FACTOR[kind] * gamma(Math.max(1, n));
}

/**
 * The tolerance of a closed form compared with a numerical solution of the ODE it solves (the
 * gradient-flow claims; src/gd/ode.ts applies it). Two parts:
 *
 * - Discretisation, by step doubling (Richardson; Hairer, Nørsett & Wanner, Solving ODEs I, §II.4):
 *   a method of order p with steps h and h/2 gives y_h − y(t) = Ch^p + O(h^{p+1}) and
 *   y_{h/2} − y(t) = Ch^p/2^p + O(h^{p+1}), so y_h − y_{h/2} = (1 − 2^{−p})Ch^p + O(h^{p+1}): the fine
 *   solution's error is estimated by ‖y_h − y_{h/2}‖/(2^p − 1), and the coarse one's by
 *   2^p/(2^p − 1)·‖y_h − y_{h/2}‖. The fine solution is the one compared, and its error is bounded by
 *   the coarse one's estimate, `richardsonBound` — 2^p = 16 times (for RK4) its own estimate, which
 *   absorbs the O(h^{p+1}) terms while h is in the asymptotic range (properties/gd/yd21-flow.test.ts
 *   measures both on ODEs with known solutions). It enters a comparison as the allowed distance.
 * - Rounding: each step of an explicit method forms y + h·Σbᵢkᵢ, committing an error of a few
 *   u·‖y‖ (plus h·γ_n·‖k‖ in the stages, small beside it), so N steps accumulate at most about
 *   N·c·u·max‖y‖. `odeRoundingScale` = N·max_t‖y(t)‖_F enters the comparison's scale, which the
 *   identity tolerance 16·γ_n multiplies: c = 16 per step. (First order: it does not follow a
 *   rounding error's growth along the flow; the gradient flows checked here contract, and at the
 *   step sizes they use the discretisation bound is a median 10³–10⁵ times this allowance, the
 *   allowance dominating only once a solution has settled to rounding level.)
 */
export const RK4_ORDER = 4;

/** The bound 2^p/(2^p − 1)·‖y_h − y_{h/2}‖ on the error of the step-h/2 solution of an order-p method. */
export function richardsonBound(coarseMinusFine: number, order: number): number {
  return (2 ** order / (2 ** order - 1)) * coarseMinusFine;
}

/** The rounding scale of `steps` explicit steps along a path of largest magnitude `magnitude`. */
export function odeRoundingScale(steps: number, magnitude: number): number {
  return steps * magnitude;
}

/** The relative levels at which a failing comparison is graded. */
export const GRADE_LEVELS = [1e-12, 1e-9, 1e-6] as const;

/** For each grade level: does the normalised margin still fail there? */
export function grade(margin: number): Record<string, 'fails' | 'passes'> {
  return Object.fromEntries(GRADE_LEVELS.map((lvl) => [lvl.toExponential(0), margin < -lvl ? 'fails' : 'passes']));
}
