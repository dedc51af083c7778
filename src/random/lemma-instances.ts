/**
 * Instances for YD21 Lemmas 3.2 and 3.3 (and JCD's restatements): a symmetric Σ with
 * σ_d·I ⪯ Σ ⪯ σ₁·I, a second symmetric matrix whose eigenvectors are a rotation of Σ's (the
 * rotation's size shrinks to 0, i.e. to commuting matrices), β ∈ (0, 1) and η ∈ (0, β/(8σ₁)].
 */
import fc from 'fast-check';
import { type Mat, mul, scale, sub, transpose } from '../linalg/dense.ts';
import { cayley, gridMatrix, inRange, openUnitInterval, orthogonal, spectrum, stepSize, unitInterval, withSpectrum, dimension } from './arbitraries.ts';

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
export function lemmaInstance(spectrumOf: (sigma1: number) => readonly [number, number], opts: LemmaInstanceOptions = {}): fc.Arbitrary<LemmaInstance> {
  return lemmaInstanceWith((sigma1, d) => spectrum(d, ...spectrumOf(sigma1)), opts);
}

/**
 * As lemmaInstance, with the second matrix's eigenvalues drawn by `xSpectrum(σ₁, d)` (d values, any
 * order). lemmaInstance(spectrumOf) is lemmaInstanceWith((σ₁, d) => spectrum(d, …spectrumOf(σ₁))).
 */
export function lemmaInstanceWith(
  xSpectrumOf: (sigma1: number, d: number) => fc.Arbitrary<number[]>,
  opts: LemmaInstanceOptions = {},
): fc.Arbitrary<LemmaInstance> {
  return fc.record({ d: dimension(1, 5), sigma1: inRange(0.5, 2), r: inRange(0.01, 1) }).chain(({ d, sigma1, r }) => {
    const sigmaD = r * sigma1;
    return fc
      .record({
        q: orthogonal(d),
        sigmaSpectrum: spectrum(d, sigmaD, sigma1),
        skew: gridMatrix(d, d, 2),
        mix: unitInterval(),
        xSpectrum: xSpectrumOf(sigma1, d),
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

/**
 * Lemma instances on coarse grids, for claims expected to be refuted: a shrunk counterexample then
 * has readable entries and stays far from the failure boundary (a fine grid lets shrinking walk up
 * to the boundary, where the violation is as small as rounding). d ∈ [1, 3]; σ₁ ∈ {½, ¾, …, 2};
 * σ_d = σ₁·j/8 (j = 1…8); Σ = Q diag(σ₁, …, σ_d) Qᵀ with the middle eigenvalues on the quarter grid of
 * [σ_d, σ₁]; X = (QR) diag(x) (QR)ᵀ with R a Cayley rotation scaled by a multiple of ¼ and x from
 * `xSpectrumOf`; β = i/64 (i = 1…63); η = (k/8)·β/(8σ₁) (k = 1…8, shrinking to 8: the largest allowed step).
 */
export function coarseLemmaInstance(xSpectrumOf: (sigma1: number, d: number) => fc.Arbitrary<number[]>): fc.Arbitrary<LemmaInstance> {
  return fc.record({ d: dimension(1, 3), k1: dimension(2, 8), j: dimension(1, 8) }).chain(({ d, k1, j }) => {
    const sigma1 = k1 / 4;
    const sigmaD = (sigma1 * j) / 8;
    return fc
      .record({
        q: orthogonal(d),
        middle: fc.array(dimension(0, 4), { minLength: Math.max(0, d - 2), maxLength: Math.max(0, d - 2) }),
        skew: gridMatrix(d, d, 2, 4),
        mix: dimension(0, 4),
        xSpectrum: xSpectrumOf(sigma1, d),
        i: dimension(1, 63),
        k: dimension(0, 7).map((i) => 8 - i),
      })
      .map(({ q, middle, skew, mix, xSpectrum, i, k }) => {
        const inner = middle.map((u) => sigmaD + ((sigma1 - sigmaD) * u) / 4);
        const sigmaSpectrum = d === 1 ? [sigma1] : [sigma1, ...inner, sigmaD];
        const rotation = cayley(scale(sub(skew, transpose(skew)), mix / 8));
        const beta = i / 64;
        return {
          d,
          sigma1,
          sigmaD: d === 1 ? sigma1 : sigmaD,
          Sigma: withSpectrum(q, sigmaSpectrum),
          X: withSpectrum(mul(q, rotation), xSpectrum),
          beta,
          eta: ((k / 8) * beta) / (8 * sigma1),
        };
      });
  });
}
