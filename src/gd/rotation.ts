/**
 * The change of basis of YD21 §2.1, (4),(5): with Σ = ΦΣ′Ψᵀ (full SVD), U′ = ΦᵀU and V′ = ΨᵀV
 * follow GD on the diagonal Σ′. Every general Σ enters the block view through here.
 */
import { diag, type Mat, mul, transpose } from '../linalg/dense.ts';
import { fullSvd } from '../linalg/spectral.ts';

export interface DiagonalFrame {
  /** Σ′ = ΦᵀΣΨ, exactly diagonal (off-diagonal entries are set to 0). */
  readonly sigma: Mat;
  readonly U0: Mat;
  readonly V0: Mat;
  /** Φ (m×m) and Ψ (n×n), orthogonal. */
  readonly phi: Mat;
  readonly psi: Mat;
}

/** Rotates (Σ, U₀, V₀) to (Σ′, ΦᵀU₀, ΨᵀV₀). */
export function toDiagonalFrame(sigma: Mat, U0: Mat, V0: Mat): DiagonalFrame {
  const { phi, sigma: values, psi } = fullSvd(sigma);
  return {
    sigma: diag(values, sigma.rows, sigma.cols),
    U0: mul(transpose(phi), U0),
    V0: mul(transpose(psi), V0),
    phi,
    psi,
  };
}

/** Maps a state of the diagonal frame back: (ΦU′, ΨV′). */
export function fromDiagonalFrame(frame: DiagonalFrame, U: Mat, V: Mat): { U: Mat; V: Mat } {
  return { U: mul(frame.phi, U), V: mul(frame.psi, V) };
}
