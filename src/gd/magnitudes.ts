/**
 * Rounding magnitudes of the block quantities of YD21 §2 (the "scale" of a comparison).
 *
 * A computed matrix X̂ differs from X by at most about γ_n·|X|, where |X| is the magnitude of what
 * was added to form X, not ‖X‖: B = (U − V)/2 is formed from U and V, so its error is
 * γ(‖U‖ + ‖V‖)/2 however small B is, and P = Σ − AAᵀ + BBᵀ carries γ(‖Σ‖ + ‖A‖² + ‖B‖²) however
 * small P is. This module propagates those magnitudes (Frobenius norms, which bound the norms of
 * entrywise absolute values) from (Σ, 𝐔, 𝐕, η) through the definitions of §2.2, (13), (14) and one
 * GD step, so every block claim measures its residual against the right scale.
 */
import { frobenius, type Mat } from '../linalg/dense.ts';
import { splitBlocks } from './blocks.ts';

export interface BlockMagnitudes {
  readonly Sigma: number;
  readonly U: number;
  readonly V: number;
  readonly J: number;
  readonly K: number;
  readonly A: number;
  readonly B: number;
  readonly S: number;
  readonly P: number;
  readonly Q: number;
  readonly M: number;
  readonly N: number;
  readonly C: number;
  readonly D: number;
}

/** The magnitudes of the derived blocks (A, B, P, Q, M, N, C, D) from those of Σ and the factor blocks U, V, J, K. */
function derivedMagnitudes(Sigma: number, U: number, V: number, J: number, K: number): BlockMagnitudes {
  const A = (U + V) / 2;
  const B = A;
  const M = (J * J + K * K) / 2;
  const N = M;
  return {
    Sigma,
    U,
    V,
    J,
    K,
    A,
    B,
    S: A * A,
    P: Sigma + A * A + B * B,
    Q: 2 * A * B,
    M,
    N,
    C: 2 * A * B * B + A * M + B * N,
    D: 2 * A * A * B + A * N + B * M,
  };
}

/** Magnitudes of the blocks of (Σ, 𝐔, 𝐕) (Σ diagonal). */
export function blockMagnitudes(sigma: Mat, U: Mat, V: Mat): BlockMagnitudes {
  const b = splitBlocks(sigma, U, V);
  return derivedMagnitudes(frobenius(b.Sigma), frobenius(b.U), frobenius(b.V), frobenius(b.J), frobenius(b.K));
}

/**
 * Magnitudes of the blocks after one GD step: each block of 𝐔′ = 𝐔 + η(Σ − 𝐔𝐕ᵀ)𝐕 is formed from
 * terms of total size ‖𝐔‖ + η(‖Σ‖ + ‖𝐔‖‖𝐕‖)‖𝐕‖ (likewise 𝐕′).
 */
export function stepMagnitudes(sigma: Mat, U: Mat, V: Mat, eta: number): BlockMagnitudes {
  const [s, u, v] = [frobenius(sigma), frobenius(U), frobenius(V)];
  const uNext = u + eta * (s + u * v) * v;
  const vNext = v + eta * (s + u * v) * u;
  return derivedMagnitudes(frobenius(sigma), uNext, vNext, uNext, vNext);
}
