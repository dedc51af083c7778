/**
 * Predicates on matrices that hypotheses are built from. Each recomputes what it asserts from the
 * matrix itself (eigenvalues, norms, entries), never from how a builder made it.
 */
import { frobenius, isFiniteMat, type Mat, mul, sub, transpose } from '../linalg/dense.ts';
import { symmetricEigenvalues } from '../linalg/spectral.ts';
import { relativeTolerance } from '../claims/tolerance.ts';
import { leq } from '../claims/hypotheses.ts';

/** rows × cols and every entry finite. */
export function hasShape(a: Mat, rows: number, cols: number): boolean {
  return a.rows === rows && a.cols === cols && isFiniteMat(a);
}

/** ‖A − Aᵀ‖_F ≤ 16γ_n‖A‖_F (square; a symmetric matrix built as a product QΛQᵀ is symmetric to rounding). */
export function isSymmetric(a: Mat): boolean {
  return a.rows === a.cols && isFiniteMat(a) && frobenius(sub(a, transpose(a))) <= relativeTolerance('identity', a.rows) * frobenius(a);
}

/** Symmetric with every eigenvalue in [lo, hi] (non-strict, within the inequality tolerance relative to ‖A‖). */
export function spectrumWithin(a: Mat, lo: number, hi: number): boolean {
  if (!isSymmetric(a)) return false;
  const ev = symmetricEigenvalues(a);
  const scale = Math.max(Math.abs(lo), Math.abs(hi), ...ev.map(Math.abs));
  const tol = relativeTolerance('inequality', a.rows) * scale;
  return ev.every((l) => l >= lo - tol && l <= hi + tol);
}

/** Symmetric with every eigenvalue > 0 (computed λ_min > 0). */
export function isPositiveDefinite(a: Mat): boolean {
  return isSymmetric(a) && a.rows > 0 && Math.min(...symmetricEigenvalues(a)) > 0;
}

/** The diagonal of an m×n matrix that is exactly zero off its diagonal, or null. */
export function diagonalOf(a: Mat): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) {
      const v = a.data[i * a.cols + j];
      if (!Number.isFinite(v)) return null;
      if (i === j) out.push(v);
      else if (v !== 0) return null;
    }
  return out;
}

/** Exactly diagonal m×n with σ₁ ≥ … ≥ σ_d > 0 on the first d entries and zeros after (YD21 §2.1's frame). */
export function isDiagonalRank(a: Mat, d: number): boolean {
  const v = diagonalOf(a);
  if (v === null || d < 1 || d > v.length) return false;
  for (let i = 0; i < v.length; i++) {
    if (i < d && !(v[i] > 0)) return false;
    if (i >= d && v[i] !== 0) return false;
    if (i > 0 && i < d && v[i] > v[i - 1]) return false;
  }
  return true;
}

/** Exactly diagonal with non-increasing non-negative entries (JCD's Σ_X). */
export function isDiagonalNonIncreasing(a: Mat): boolean {
  const v = diagonalOf(a);
  return v !== null && v.every((x, i) => x >= 0 && (i === 0 || x <= v[i - 1]));
}

export { leq };

/** ‖A − B‖_F ≤ 16γ_n(‖A‖_F + ‖B‖_F): equal up to the rounding of the products that formed them. */
export function equalWithin(a: Mat, b: Mat): boolean {
  return (
    a.rows === b.rows &&
    a.cols === b.cols &&
    isFiniteMat(a) &&
    isFiniteMat(b) &&
    frobenius(sub(a, b)) <= relativeTolerance('identity', Math.max(a.rows, a.cols)) * (frobenius(a) + frobenius(b))
  );
}

/** AB = BA up to rounding: ‖AB − BA‖_F ≤ 16γ_n·2‖A‖_F‖B‖_F. */
export function commute(a: Mat, b: Mat): boolean {
  return (
    a.rows === a.cols &&
    b.rows === b.cols &&
    a.rows === b.rows &&
    frobenius(sub(mul(a, b), mul(b, a))) <= relativeTolerance('identity', a.rows) * 2 * frobenius(a) * frobenius(b)
  );
}

/** lower ⪯ x ⪯ upper in the Loewner order (all symmetric, same size): every eigenvalue of x − lower
 *  and of upper − x is ≥ 0 within the inequality tolerance relative to the largest Frobenius norm of
 *  the three (an eigenvalue of a difference errs by rounding relative to its terms, not to itself). */
export function isLoewnerBetween(lower: Mat, x: Mat, upper: Mat): boolean {
  if (![lower, x, upper].every((a) => isSymmetric(a) && a.rows === x.rows)) return false;
  const tol = relativeTolerance('inequality', x.rows) * Math.max(frobenius(lower), frobenius(x), frobenius(upper));
  return [sub(x, lower), sub(upper, x)].every((g) => Math.min(...symmetricEigenvalues(g)) >= -tol);
}
