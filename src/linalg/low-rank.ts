/**
 * Best rank-r approximation (Eckart–Young): X_r = Φ·diag(σ₁, …, σ_r, 0, …)·Ψᵀ for X = Φ·diag(σ)·Ψᵀ.
 * JCD measures every error against X_r ("the best rank-r approximation"), in the operator norm.
 */
import { diag, type Mat, mul, transpose } from './dense.ts';
import { fullSvd } from './spectral.ts';

/** The first r of `values` kept, the rest set to 0 (the diagonal X_r of a diagonal Σ_X). */
export function truncatedSpectrum(values: readonly number[], r: number): number[] {
  if (!Number.isInteger(r) || r < 0) throw new Error(`rank r must be a non-negative integer, got ${r}`);
  return values.map((v, i) => (i < r ? v : 0));
}

/** X_r, the best rank-r approximation of X (X itself when r ≥ min(m, n)). */
export function bestRankApproximation(x: Mat, r: number): Mat {
  const { phi, sigma, psi } = fullSvd(x);
  return mul(mul(phi, diag(truncatedSpectrum(sigma, r), x.rows, x.cols)), transpose(psi));
}
