/**
 * Per-step diagnostics of a GD state in the diagonal frame (YD21 §2–3): the loss and the
 * quantities the stage-one analysis tracks. Computed only at recorded steps.
 */
import { frobenius, type Mat } from '../linalg/dense.ts';
import { lambdaMin, opNorm, sigmaMin } from '../linalg/spectral.ts';
import { derive, splitBlocks } from './blocks.ts';
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

/** The diagnostics of (𝐔, 𝐕) for a diagonal Σ. */
export function diagnostics(sigma: Mat, U: Mat, V: Mat): Diagnostics {
  const blocks = splitBlocks(sigma, U, V);
  const { A, B, P } = derive(blocks);
  return {
    loss: loss(sigma, U, V),
    sigmaMinA: sigmaMin(A),
    lambdaMinP: lambdaMin(P),
    normP: opNorm(P),
    frobB: frobenius(B),
    normJ: opNorm(blocks.J),
    normK: opNorm(blocks.K),
  };
}
