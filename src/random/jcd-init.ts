/**
 * JCD's problem data, drawn from seeds: a general rectangular X with a prescribed singular spectrum,
 * and the small random initialisation of §4.1 / Proposition B.1 / Lemma C.3:
 *
 *   (F₀, G₀) = ρ/(3√(m+n+k)) · (F̃₀, G̃₀),   F̃₀ ∈ ℝ^{m×k}, G̃₀ ∈ ℝ^{n×k} with i.i.d. N(0, σ₁) entries.
 *
 * N(0, σ₁) is read as variance σ₁ (entry standard deviation √σ₁): the proof of Lemma C.3 uses
 * ‖F̃₀‖ ≤ 3√(m+k)·√σ₁ (Lemma C.2 for N(0, 1) entries, scaled by √σ₁) and says A₀ = (U₀+V₀)/2 has
 * "i.i.d. N(0, σ₁/2) entries" — both hold for variance σ₁, neither for standard deviation σ₁ (then
 * ‖F₀‖ ≤ ρ√σ₁ of Lemma C.3 would fail by a factor √σ₁ whenever σ₁ ≠ 1).
 */
import { diag, type Mat, mul, scale, transpose } from '../linalg/dense.ts';
import { fullSvd } from '../linalg/spectral.ts';
import { gaussianMatrix, gaussianStream } from './gaussian.ts';

/** The factor ρ/(3√(m+n+k)) of §4.1. */
export function initialScale(m: number, n: number, k: number, rho: number): number {
  return rho / (3 * Math.sqrt(m + n + k));
}

export interface JcdInitialisation {
  /** F̃₀ (m×k) and G̃₀ (n×k), i.i.d. N(0, σ₁) entries. */
  readonly F0tilde: Mat;
  readonly G0tilde: Mat;
  /** F₀ = ρ/(3√(m+n+k))·F̃₀, G₀ likewise. */
  readonly F0: Mat;
  readonly G0: Mat;
}

/** The initialisation of §4.1 for an m×n X with top singular value σ₁, k columns and size ρ, from a seed. */
export function jcdInitialisation(m: number, n: number, k: number, rho: number, sigma1: number, seed: string): JcdInitialisation {
  if (!(rho > 0) || !Number.isFinite(rho)) throw new Error(`initialisation size ρ must be a positive finite number, got ${rho}`);
  const next = gaussianStream(`jcd-init:${seed}`);
  const F0tilde = gaussianMatrix(m, k, Math.sqrt(sigma1), next);
  const G0tilde = gaussianMatrix(n, k, Math.sqrt(sigma1), next);
  const c = initialScale(m, n, k, rho);
  return { F0tilde, G0tilde, F0: scale(F0tilde, c), G0: scale(G0tilde, c) };
}

/** An n×n orthogonal matrix from a seed: the left singular vectors of an n×n Gaussian matrix. */
export function seededOrthogonal(n: number, seed: string): Mat {
  return fullSvd(gaussianMatrix(n, n, 1, seed)).phi;
}

/**
 * A general m×n matrix X = Φ₀·diag(values)·Ψ₀ᵀ with seeded orthogonal Φ₀, Ψ₀: its singular values are
 * `values` (min(m, n) of them, any non-negative numbers), its singular vectors are not the axes.
 */
export function generalMatrix(values: readonly number[], m: number, n: number, seed: string): Mat {
  if (values.length !== Math.min(m, n)) throw new Error(`a ${m}×${n} matrix has ${Math.min(m, n)} singular values, got ${values.length}`);
  const phi = seededOrthogonal(m, `X:phi:${seed}`);
  const psi = seededOrthogonal(n, `X:psi:${seed}`);
  return mul(mul(phi, diag(values, m, n)), transpose(psi));
}
