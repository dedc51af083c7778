/**
 * Per-step diagnostics of a GD state in the diagonal frame (YD21 §2–3): the loss and the
 * quantities the stage-one analysis tracks. Computed only at recorded steps.
 */
import { frobenius, type Mat } from '../linalg/dense.ts';
import { opNorm, sigmaMin, symmetricEigenvalues } from '../linalg/spectral.ts';
import { deriveABSP, splitBlocks } from './blocks.ts';
import { loss } from './trajectory.ts';

export interface Diagnostics {
  /** f = ½‖UVᵀ − Σ‖²_F. */
  loss: number;
  /** σ_min(A) = σ_d(A). */
  sigmaMinA: number;
  /** λ_min(P) = λ_d(P). */
  lambdaMinP: number;
  /** ‖P‖_op. */
  normP: number;
  /** ‖B‖_F. */
  frobB: number;
  /** ‖J‖_op (0 when m = d). */
  normJ: number;
  /** ‖K‖_op (0 when n = d). */
  normK: number;
}

/**
 * The diagnostics of (𝐔, 𝐕) for a diagonal Σ. Only A, B and P are formed; P is symmetric, so
 * λ_min(P) and ‖P‖_op = max(|λ₁(P)|, |λ_d(P)|) come from one eigenvalue computation.
 */
export function diagnostics(sigma: Mat, U: Mat, V: Mat): Diagnostics {
  const blocks = splitBlocks(sigma, U, V);
  const { A, B, P } = deriveABSP(blocks);
  const ev = symmetricEigenvalues(P);
  const lambdaMinP = ev[ev.length - 1];
  return {
    loss: loss(sigma, U, V),
    sigmaMinA: sigmaMin(A),
    lambdaMinP,
    normP: Math.max(Math.abs(ev[0]), Math.abs(lambdaMinP)),
    frobB: frobenius(B),
    normJ: opNorm(blocks.J),
    normK: opNorm(blocks.K),
  };
}
