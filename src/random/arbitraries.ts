/**
 * fast-check arbitraries that build objects satisfying a hypothesis by construction, and shrink
 * towards the simplest such object (DESIGN.md, "Instances that satisfy the hypotheses").
 *
 * Matrix entries never come from fc.double (it samples bit patterns, so most draws are tiny):
 * they come from integer grids (uniform, shrinking to 0) or from a seed (Gaussian).
 */
import fc from 'fast-check';
import { add, diag, eye, type Mat, mul, scale, sub, transpose, zeros } from '../linalg/dense.ts';
import { inverse } from '../linalg/spectral.ts';
import { gaussianMatrix } from './gaussian.ts';

/** Grid resolution of the unit interval: u ∈ {0, 1/R, …, 1}. */
export const UNIT_RESOLUTION = 1_000_000;

/** Grid points past each end of the unit grid that clamp onto it: each end of a range is then drawn
 *  exactly with probability ≈ 1/20 (END_EXTRA/(UNIT_RESOLUTION + 2·END_EXTRA)). */
const END_EXTRA = Math.round(UNIT_RESOLUTION / 18);

/**
 * u on a fine grid of [0, 1]: uniform over the grid (fast-check's bias toward small integers would
 * pile instances onto one end of every range), with each end drawn exactly with probability ≈ 1/20
 * so both ends of a range and its interior are covered. One integer, clamped: monotone in the
 * random draw (so the search's tapes move it continuously); shrinks to 0.
 */
export function unitInterval(): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min: -END_EXTRA, max: UNIT_RESOLUTION + END_EXTRA })).map((i) => Math.min(UNIT_RESOLUTION, Math.max(0, i)) / UNIT_RESOLUTION);
}

/** A dimension (or any small integer range) uniform on [min, max], without fast-check's bias toward
 *  the ends; shrinks to min. */
export function dimension(min: number, max: number): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min, max }));
}

/** A fraction in (0, 1] (uniform on its grid, the end 1 drawn exactly with probability ≈ 1/20); shrinks to 1 (the edge of the allowed range). */
export function fractionOfMax(): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min: -END_EXTRA, max: UNIT_RESOLUTION - 1 })).map((i) => 1 - Math.max(0, i) / UNIT_RESOLUTION);
}

/** A number in [lo, hi] as lo + (hi − lo)·u; shrinks to lo. */
export function inRange(lo: number, hi: number): fc.Arbitrary<number> {
  return unitInterval().map((u) => lo + (hi - lo) * u);
}

/** A number in [lo, hi] (0 < lo < hi) uniform in log scale, lo·(hi/lo)^u; shrinks to lo. */
export function inLogRange(lo: number, hi: number): fc.Arbitrary<number> {
  return unitInterval().map((u) => lo * (hi / lo) ** u);
}

/** A number in (0, 1): β of Lemmas 3.2/3.3; never 0 or 1; shrinks towards 1/2. */
export function openUnitInterval(): fc.Arbitrary<number> {
  const half = UNIT_RESOLUTION / 2;
  return fc.noBias(fc.integer({ min: -(half - 1), max: half - 1 })).map((i) => 0.5 + i / UNIT_RESOLUTION);
}

/** A seed for a Gaussian draw; shrinks to 0. */
export function seed(): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 0x7fffffff });
}

/** An r×c matrix with i.i.d. N(0, std²) entries from a seed. */
export function gaussian(rows: number, cols: number, std = 1): fc.Arbitrary<Mat> {
  return seed().map((s) => gaussianMatrix(rows, cols, std, `gaussian:${rows}x${cols}:${s}`));
}

/**
 * An r×c matrix with entries uniform on the grid {k·bound/steps : |k| ≤ steps} of [−bound, bound];
 * shrinks entrywise to 0 then to ±bound/steps. A coarse grid (few steps) gives counterexamples with
 * readable entries whose violations are far from rounding; a fine one explores near-boundary cases.
 */
export function gridMatrix(rows: number, cols: number, bound = 1, steps = 1000): fc.Arbitrary<Mat> {
  return fc.array(fc.integer({ min: -steps, max: steps }), { minLength: rows * cols, maxLength: rows * cols }).map((ints) => {
    const out = zeros(rows, cols);
    ints.forEach((k, i) => {
      out.data[i] = (bound * k) / steps;
    });
    return out;
  });
}

/** Cayley transform (I − W)(I + W)⁻¹ of a skew W: orthogonal for every skew W. */
export function cayley(w: Mat): Mat {
  const n = w.rows;
  return mul(sub(eye(n), w), inverse(add(eye(n), w)));
}

/** An n×n orthogonal matrix: the Cayley transform of a skew matrix with entries on a grid of
 *  eighths of [−1, 1] (coarse, so a shrunk counterexample rotates visibly); shrinks to I. */
export function orthogonal(n: number): fc.Arbitrary<Mat> {
  return gridMatrix(n, n, 2, 16).map((g) => cayley(scale(sub(g, transpose(g)), 0.5)));
}

/** `count` values in [lo, hi], in decreasing order; shrinks to all = lo. */
export function spectrum(count: number, lo: number, hi: number): fc.Arbitrary<number[]> {
  return fc.array(inRange(lo, hi), { minLength: count, maxLength: count }).map((v) => [...v].sort((a, b) => b - a));
}

/**
 * σ₁ ≥ … ≥ σ_d with both ends attained: σ₁ first, σ_d last, the others σ_d + (σ₁ − σ_d)·middle[i]
 * (middle[i] ∈ [0, 1] drawn by the caller; middle[0] and middle[d − 1] are not read).
 */
export function attainedSpectrum(d: number, sigma1: number, sigmaD: number, middle: ReadonlyArray<number>): number[] {
  return Array.from({ length: d }, (_, i) => (i === 0 ? sigma1 : i === d - 1 ? sigmaD : sigmaD + (sigma1 - sigmaD) * middle[i])).sort((a, b) => b - a);
}

/** QΛQᵀ: a symmetric matrix with the given eigenvalues and eigenvectors Q. */
export function withSpectrum(q: Mat, eigenvalues: number[]): Mat {
  return mul(mul(q, diag(eigenvalues)), transpose(q));
}

/** A symmetric n×n matrix with every eigenvalue in [lo, hi] (positive definite when lo > 0). */
export function symmetricInRange(n: number, lo: number, hi: number): fc.Arbitrary<Mat> {
  return fc.tuple(orthogonal(n), spectrum(n, lo, hi)).map(([q, ev]) => withSpectrum(q, ev));
}

/** Diagonal m×n Σ of rank d with σ₁ ≥ … ≥ σ_d in [sigmaD, sigma1]. */
export function diagonalSigma(m: number, n: number, d: number, sigmaD: number, sigma1: number): fc.Arbitrary<Mat> {
  return spectrum(d, sigmaD, sigma1).map((s) => diag(s, m, n));
}

/** A step size η = fraction × maxEta with the fraction in (0, 1]; shrinks to maxEta. */
export function stepSize(maxEta: number): fc.Arbitrary<number> {
  return fractionOfMax().map((f) => f * maxEta);
}

/**
 * A symmetric n×n matrix (G + Gᵀ)/2 of a grid matrix G (entries in multiples of bound/(2·steps));
 * shrinks to 0 in coarse steps, so a counterexample to an identity keeps a violation far from
 * rounding and readable entries.
 */
export function symmetricGrid(n: number, bound = 2, steps = 8): fc.Arbitrary<Mat> {
  return gridMatrix(n, n, bound, steps).map((g) => scale(add(g, transpose(g)), 0.5));
}

/** G scaled to the given norm (norm(G) = target); the zero matrix stays zero. */
export function scaledTo(g: Mat, norm: (m: Mat) => number, target: number): Mat {
  const n = norm(g);
  return n === 0 ? g : scale(g, target / n);
}
