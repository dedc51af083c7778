/**
 * The quantities JCD's Propositions B.2–B.5 and Theorem A.1 bound, at one GD state (F, G) in the
 * diagonal frame of X (Σ_X diagonal, §4.2), split at the target rank r (./jcd-blocks.ts):
 * ‖F‖² = ‖UᵀU + JᵀJ‖, ‖G‖² = ‖VᵀV + KᵀK‖, ‖J‖, ‖K‖, σ_r(A), λ_r(P), ‖P‖, ‖Q‖, ‖B‖_F, the four
 * blocks of FGᵀ − X_r, and ‖FGᵀ − X_s‖ for s = 1, …, r (the errors to the best rank-s approximations).
 * All norms without a subscript are operator norms, as in the paper.
 */
import { diag, frobenius, type Mat, mul, sub, transpose } from '../../../src/linalg/dense.ts';
import { truncatedSpectrum } from '../../../src/linalg/low-rank.ts';
import { opNorm, sigmaMin, symmetricEigenvalues } from '../../../src/linalg/spectral.ts';
import { deriveABSP } from '../../../src/gd/blocks.ts';
import { splitJcdBlocks } from './blocks.ts';

export interface JcdDiagnostics {
  /** ‖UᵀU + JᵀJ‖ = ‖FᵀF‖ = ‖F‖² (Item 1 of Prop B.2) and ‖VᵀV + KᵀK‖ = ‖G‖² (Item 2). */
  readonly gramF: number;
  readonly gramG: number;
  /** ‖J‖ and ‖K‖ (0 when there is no tail block). */
  readonly normJ: number;
  readonly normK: number;
  /** σ_r(A), A = (U+V)/2 (r×k). */
  readonly sigmaRA: number;
  /** λ_r(P) (the smallest eigenvalue of the r×r P) and ‖P‖. */
  readonly lambdaRP: number;
  readonly normP: number;
  /** ‖Q‖, Q = ABᵀ − BAᵀ. */
  readonly normQ: number;
  /** ‖B‖_F, B = (U−V)/2. */
  readonly frobB: number;
  /** ‖UVᵀ − Σ‖ = ‖P + Q‖, ‖UKᵀ‖, ‖JVᵀ‖, ‖JKᵀ‖: the blocks of FGᵀ − X_r. */
  readonly signalError: number;
  readonly normUK: number;
  readonly normJV: number;
  readonly normJK: number;
  /** ‖FGᵀ − X_s‖ for s = 1, …, `upTo` (index s − 1); the last one is ‖FGᵀ − X_r‖ when upTo = r. */
  readonly errors: readonly number[];
}

/**
 * The diagnostics of (F, G) for a diagonal Σ_X with singular values `values` (σ₁ ≥ σ₂ ≥ …), split at
 * r; `errorsUpTo` (default r) says for which s ≤ min(m, n) the error ‖FGᵀ − X_s‖ is computed.
 */
export function jcdDiagnostics(sigmaX: Mat, values: readonly number[], F: Mat, G: Mat, r: number, errorsUpTo = r): JcdDiagnostics {
  const b = splitJcdBlocks(sigmaX, F, G, r);
  const { A, B, P } = deriveABSP({ d: r, Sigma: b.Sigma, U: b.U, J: b.J, V: b.V, K: b.K });
  const ev = symmetricEigenvalues(P);
  const Q = sub(mul(A, transpose(B)), mul(B, transpose(A)));
  const FGt = mul(F, transpose(G));
  const errors: number[] = [];
  for (let s = 1; s <= errorsUpTo; s++) errors.push(opNorm(sub(FGt, diag(truncatedSpectrum(values, s), sigmaX.rows, sigmaX.cols))));
  const normF = opNorm(F);
  const normG = opNorm(G);
  return {
    gramF: normF * normF,
    gramG: normG * normG,
    normJ: opNorm(b.J),
    normK: opNorm(b.K),
    sigmaRA: r === 0 ? 0 : sigmaMin(A),
    lambdaRP: r === 0 ? 0 : ev[ev.length - 1],
    normP: r === 0 ? 0 : Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1])),
    normQ: opNorm(Q),
    frobB: frobenius(B),
    signalError: opNorm(sub(mul(b.U, transpose(b.V)), b.Sigma)),
    normUK: opNorm(mul(b.U, transpose(b.K))),
    normJV: opNorm(mul(b.J, transpose(b.V))),
    normJK: opNorm(mul(b.J, transpose(b.K))),
    errors,
  };
}
