/**
 * A general rectangular matrix with a prescribed singular spectrum, drawn from a seed: JCD's X is
 * any m×n matrix (not low rank, singular vectors not the axes).
 */
import { diag, type Mat, mul, transpose } from '../linalg/dense.ts';
import { fullSvd } from '../linalg/spectral.ts';
import { gaussianMatrix } from './gaussian.ts';

/** An n×n orthogonal matrix from a seed: the left singular vectors of an n×n Gaussian matrix. */
function seededOrthogonal(n: number, seed: string): Mat {
  return fullSvd(gaussianMatrix(n, n, 1, seed)).phi;
}

/** X = Φ₀·diag(values)·Ψ₀ᵀ (m×n) with seeded orthogonal Φ₀, Ψ₀: its singular values are `values` (min(m, n) of them, ≥ 0). */
export function generalMatrix(values: readonly number[], m: number, n: number, seed: string): Mat {
  if (values.length !== Math.min(m, n)) throw new Error(`a ${m}×${n} matrix has ${Math.min(m, n)} singular values, got ${values.length}`);
  if (!values.every((v) => v >= 0 && Number.isFinite(v))) throw new Error('singular values must be finite and non-negative');
  const phi = seededOrthogonal(m, `X:phi:${seed}`);
  const psi = seededOrthogonal(n, `X:psi:${seed}`);
  return mul(mul(phi, diag(values, m, n)), transpose(psi));
}
