/**
 * Instances in the frame of JCD §4.2: a diagonal m×n Σ_X with a gap after the target rank r
 * (σ₁ ≥ … ≥ σ_r > σ_{r+1} ≥ … ≥ 0), factors F (m×k), G (n×k) with k ∈ [r, r + 3] columns on a coarse
 * grid, and a step size.
 */
import fc from 'fast-check';
import { diag, type Mat } from '../../../src/linalg/dense.ts';
import { dimension, fractionOfMax, gridMatrix, inRange, spectrum, stepSize } from '../../../src/random/arbitraries.ts';

/** A GD state (F, G) for a diagonal Σ_X and a target rank r. */
export interface JcdState {
  readonly m: number;
  readonly n: number;
  readonly r: number;
  readonly k: number;
  /** Σ_X, m×n diagonal with σ₁ ≥ … ≥ σ_min{m,n} ≥ 0. */
  readonly sigma: Mat;
  readonly sigmaValues: number[];
  /** γ = σ_{r+1}/σ_r < 1 (0 when r = min{m, n}: there is no tail). */
  readonly tailRatio: number;
  readonly F: Mat;
  readonly G: Mat;
  readonly eta: number;
}

export interface JcdStateOptions {
  /** Largest r and largest m − r, n − r. */
  readonly maxR?: number;
  readonly maxComplement?: number;
  /** Largest k − r. */
  readonly maxExtraColumns?: number;
  /** Largest tail ratio σ_{r+1}/σ_r (below 1: Assumption B). */
  readonly maxTailRatio?: number;
  /** Entries of F, G on the grid {i·entryBound/entrySteps} of [−entryBound, entryBound]. */
  readonly entryBound?: number;
  readonly entrySteps?: number;
  /** η = fraction × etaMaxTimesSigma1/σ₁. */
  readonly etaMaxTimesSigma1?: number;
}

/**
 * Arbitrary JCD states: r ∈ [1, maxR], k ∈ [r, r + maxExtraColumns], m − r, n − r ∈ [0, maxComplement];
 * σ₁ ∈ [0.5, 2], σ_r ∈ [0.05σ₁, σ₁] (both attained), σ_{r+1} = γσ_r with γ ∈ [0, maxTailRatio] and
 * the rest of the tail in [0, σ_{r+1}]; entries of F, G in quarters of [−2, 2]; η ∈ (0, etaMax/σ₁].
 * Shrinks to r = k = 1, m = n = r, zero factors, γ = 0, η at its maximum.
 */
export function jcdState(opts: JcdStateOptions = {}): fc.Arbitrary<JcdState> {
  const { maxR = 3, maxComplement = 3, maxExtraColumns = 3, maxTailRatio = 0.99, entryBound = 2, entrySteps = 8, etaMaxTimesSigma1 = 1 } = opts;
  return fc
    .record({
      r: dimension(1, maxR),
      extra: dimension(0, maxExtraColumns),
      mc: dimension(0, maxComplement),
      nc: dimension(0, maxComplement),
      sigma1: inRange(0.5, 2),
      ratio: inRange(0.05, 1),
      tailRatio: inRange(0, maxTailRatio),
    })
    .chain(({ r, extra, mc, nc, sigma1, ratio, tailRatio }) => {
      const [m, n, k] = [r + mc, r + nc, r + extra];
      const tailCount = Math.min(mc, nc);
      return fc
        .record({
          head: spectrum(Math.max(0, r - 2), ratio * sigma1, sigma1),
          tailShape: spectrum(Math.max(0, tailCount - 1), 0, 1),
          F: gridMatrix(m, k, entryBound, entrySteps),
          G: gridMatrix(n, k, entryBound, entrySteps),
          eta: stepSize(etaMaxTimesSigma1 / sigma1),
        })
        .map(({ head, tailShape, F, G, eta }) => {
          // σ_r is σ₁ itself when r = 1, otherwise ratio·σ₁ (both attained).
          const sigmaR = r === 1 ? sigma1 : ratio * sigma1;
          // lo + (hi − lo)·u can exceed hi by an ulp: clamp so that Σ_X stays ordered.
          const top = r === 1 ? [sigma1] : [sigma1, ...head.map((v) => Math.min(Math.max(v, sigmaR), sigma1)), sigmaR];
          const next = tailRatio * sigmaR;
          const tail = tailCount === 0 ? [] : [next, ...tailShape.map((u) => u * next)];
          const values = [...top, ...tail];
          return { m, n, r, k, sigma: diag(values, m, n), sigmaValues: values, tailRatio: tailCount === 0 ? 0 : tailRatio, F, G, eta };
        });
    });
}

/** The largest dimension of a state (for the tolerance). */
export function jcdStateSize(x: JcdState): number {
  return Math.max(x.m, x.n, x.k);
}

/** A fraction in (0, 1) (never 0 or 1): for hypotheses with a strict inequality; shrinks towards 1. */
export function openFraction(): fc.Arbitrary<number> {
  return fractionOfMax().map((f) => (f === 1 ? 1 - 1e-6 : f));
}
