/**
 * Instances for YD21 Lemmas 3.2 and 3.3 (and JCD's restatements): a symmetric Σ with
 * σ_d·I ⪯ Σ ⪯ σ₁·I, a second symmetric matrix whose eigenvectors are a rotation of Σ's (the
 * rotation's size shrinks to 0, i.e. to commuting matrices), β ∈ (0, 1) and η ∈ (0, β/(8σ₁)].
 */
import fc from 'fast-check';
import { type Mat, mul, scale, sub, transpose } from '../linalg/dense.ts';
import { cayley, gridMatrix, inRange, openUnitInterval, orthogonal, spectrum, stepSize, unitInterval, withSpectrum } from './arbitraries.ts';

export interface LemmaInstance {
  readonly d: number;
  /** The bounds σ₁ ≥ σ_d > 0 of the hypotheses (Σ's own extreme eigenvalues lie within them). */
  readonly sigma1: number;
  readonly sigmaD: number;
  /** Σ, d×d symmetric with spectrum in [σ_d, σ₁]. */
  readonly Sigma: Mat;
  /** The lemma's matrix (S of Lemma 3.2, P of Lemma 3.3), d×d symmetric. */
  readonly X: Mat;
  readonly beta: number;
  readonly eta: number;
}

export interface LemmaInstanceOptions {
  /** Fix η = etaFactor·β/(8σ₁) (the hypothesis is etaFactor ≤ 1); sampled in (0, 1] when absent. */
  readonly etaFactor?: number;
}

/**
 * Lemma instances whose second matrix has eigenvalues in [lo(σ₁), hi(σ₁)].
 * σ₁ ∈ [0.5, 2], σ_d = r·σ₁ with r ∈ [0.01, 1]; Σ's eigenvalues in [σ_d, σ₁] (σ_d attained when d ≥ 1
 * shrinks); η = f·β/(8σ₁) with f ∈ (0, 1] (shrinks to the largest allowed step) unless fixed.
 */
export function lemmaInstance(
  spectrumOf: (sigma1: number) => readonly [number, number],
  opts: LemmaInstanceOptions = {},
): fc.Arbitrary<LemmaInstance> {
  return fc
    .record({ d: fc.integer({ min: 1, max: 5 }), sigma1: inRange(0.5, 2), r: inRange(0.01, 1) })
    .chain(({ d, sigma1, r }) => {
      const sigmaD = r * sigma1;
      const [lo, hi] = spectrumOf(sigma1);
      return fc
        .record({
          q: orthogonal(d),
          sigmaSpectrum: spectrum(d, sigmaD, sigma1),
          skew: gridMatrix(d, d, 2),
          mix: unitInterval(),
          xSpectrum: spectrum(d, lo, hi),
          beta: openUnitInterval(),
          fraction: opts.etaFactor === undefined ? stepSize(1) : fc.constant(opts.etaFactor),
        })
        .map(({ q, sigmaSpectrum, skew, mix, xSpectrum, beta, fraction }) => {
          const rotation = cayley(scale(sub(skew, transpose(skew)), mix / 2));
          return {
            d,
            sigma1,
            sigmaD,
            Sigma: withSpectrum(q, sigmaSpectrum),
            X: withSpectrum(mul(q, rotation), xSpectrum),
            beta,
            eta: (fraction * beta) / (8 * sigma1),
          };
        });
    });
}

