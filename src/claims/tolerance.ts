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

/** The relative levels at which a failing comparison is graded. */
export const GRADE_LEVELS = [1e-12, 1e-9, 1e-6] as const;

/** For each grade level: does the normalised margin still fail there? */
export function grade(margin: number): Record<string, 'fails' | 'passes'> {
  return Object.fromEntries(GRADE_LEVELS.map((lvl) => [lvl.toExponential(0), margin < -lvl ? 'fails' : 'passes']));
}
