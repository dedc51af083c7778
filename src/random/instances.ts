/**
 * Instance builders shared by several claims. A claim-specific builder lives in its lemma file.
 */
import fc from 'fast-check';
import { diag, type Mat } from '../linalg/dense.ts';
import { dimension, gridMatrix, inRange, spectrum, stepSize } from './arbitraries.ts';

/** A GD state (𝐔, 𝐕) for a diagonal rank-d Σ (the frame of YD21 §2.1) and a step size. */
export interface DiagonalState {
  readonly m: number;
  readonly n: number;
  readonly d: number;
  /** Σ, m×n, diagonal with σ₁ ≥ … ≥ σ_d > 0 then zeros. */
  readonly sigma: Mat;
  readonly sigmaValues: number[];
  /** 𝐔 (m×d) and 𝐕 (n×d): upper blocks U, V; lower blocks J, K. */
  readonly U: Mat;
  readonly V: Mat;
  readonly eta: number;
}

export interface DiagonalStateOptions {
  /** Largest d, m − d and n − d. */
  maxD?: number;
  maxComplement?: number;
  /** Entries of 𝐔, 𝐕 uniform on the grid {k·entryBound/entrySteps} of [−entryBound, entryBound]. */
  entryBound?: number;
  entrySteps?: number;
  /** η = fraction × etaMaxTimesSigma1/σ₁. */
  etaMaxTimesSigma1?: number;
  /** Fix η = etaTimesSigma1/σ₁ instead of sampling it. */
  etaTimesSigma1?: number;
}

/**
 * Arbitrary states: d ∈ [1, maxD], m − d, n − d ∈ [0, maxComplement], σ₁ ∈ [0.5, 2],
 * σ_d ∈ [0.05σ₁, σ₁], entries on a grid (default: quarters in [−2, 2], shrinking to 0),
 * η ∈ (0, etaMaxTimesSigma1/σ₁].
 * Shrinks to d = 1, m = n = d, zero factors, η at its maximum.
 */
/** The defaults of diagonalState's options. */
export const DIAGONAL_STATE_DEFAULTS = { maxD: 4, maxComplement: 3, entryBound: 2, entrySteps: 8, etaMaxTimesSigma1: 1 } as const;

export function diagonalState(opts: DiagonalStateOptions = {}): fc.Arbitrary<DiagonalState> {
  const { maxD, maxComplement, entryBound, entrySteps, etaMaxTimesSigma1 } = { ...DIAGONAL_STATE_DEFAULTS, ...opts };
  return fc
    .record({
      d: dimension(1, maxD),
      mc: dimension(0, maxComplement),
      nc: dimension(0, maxComplement),
      sigma1: inRange(0.5, 2),
      ratio: inRange(0.05, 1),
    })
    .chain(({ d, mc, nc, sigma1, ratio }) =>
      fc
        .record({
          rest: spectrum(d - 1, ratio * sigma1, sigma1),
          U: gridMatrix(d + mc, d, entryBound, entrySteps),
          V: gridMatrix(d + nc, d, entryBound, entrySteps),
          eta: opts.etaTimesSigma1 === undefined ? stepSize(etaMaxTimesSigma1 / sigma1) : fc.constant(opts.etaTimesSigma1 / sigma1),
        })
        .map(({ rest, U, V, eta }) => {
          // σ₁ and σ_d are attained, the others lie between them.
          const values = d === 1 ? [sigma1] : [sigma1, ...rest.slice(0, d - 2), ratio * sigma1].sort((a, b) => b - a);
          return { m: d + mc, n: d + nc, d, sigma: diag(values, d + mc, d + nc), sigmaValues: values, U, V, eta };
        }),
    );
}

/** The largest dimension of a state (for the tolerance). */
export function stateSize(x: DiagonalState): number {
  return Math.max(x.m, x.n, x.d);
}
