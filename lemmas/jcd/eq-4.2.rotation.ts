/**
 * JCD (4.2), §4.2 — "We start by simplifying the problem using the singular value decomposition
 * (SVD) X = ΦΣ_XΨᵀ of X, where Φ ∈ ℝ^{m×m}, Σ_X ∈ ℝ^{m×n} and Ψ ∈ ℝ^{n×n}. By replacing F, G with
 * ΦᵀF, ΨᵀG, respectively, we may assume without loss of generality that X is diagonal. … the
 * gradient descent update (GD-M) becomes
 *     F₊ = F + η(Σ_X − FGᵀ)G,   and   G₊ = G + η(Σ_X − FGᵀ)ᵀF."                        (4.2)
 *
 * Unlike YD21 (4),(5) (Σ of rank d = the number of columns), X here is a general rectangular m×n
 * matrix with its full singular spectrum (any rank, possibly repeated or zero singular values) and
 * the factors have any number k of columns, independent of m, n and rank X. The check is the one of
 * yd21.eq-4-5.rotation (lemmas/yd21/eq-4-5.rotation.ts), reused: along a GD trajectory on X, at every
 * step, Φᵀ·(step on X)(F_t, G_t) = (step on Σ_X)(ΦᵀF_t, ΨᵀG_t), with Φ, Ψ from the engine's own SVD
 * rotation (src/gd/rotation.ts), each step separately so rounding is not amplified by the dynamics.
 */
import type { Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { eq4to5, rotationInstances } from '../yd21/eq-4-5.rotation.ts';
import { rotationHypotheses } from '../../src/hypotheses/rotation.ts';

type RotationInstance = Parameters<typeof eq4to5.check>[0];

/** YD21's labels "(4)/(5) at t = …: ΦᵀU_{t+1} = U′_{t+1}" in JCD's names. */
function relabel(comparisons: Comparison[]): Comparison[] {
  return comparisons.map((c) => ({
    ...c,
    label: c.label
      .replace(/^\(4\)/, '(4.2) F₊')
      .replace(/^\(5\)/, '(4.2) G₊')
      .replace(/U/g, 'F')
      .replace(/V/g, 'G'),
  }));
}

export const eq42 = defineClaim<RotationInstance>({
  id: 'jcd.eq-4.2.rotation',
  source: { paper: 'JCD', where: '(4.2), §4.2' },
  kind: 'identity',
  statement: 'With X = ΦΣ_XΨᵀ (full SVD), ΦᵀF_t and ΨᵀG_t follow GD (4.2) on the diagonal Σ_X, for a general rectangular X and any k',
  hypotheses: rotationHypotheses<RotationInstance>(false), // any X ∈ ℝ^{m×n} (any rank), any F₀, G₀ of any width k
  instances: rotationInstances({ columns: (_m, _n, k) => k, fullRank: true, spectrumLo: 0, maxSteps: 4 }),
  size: (x) => Math.max(x.sigma.rows, x.sigma.cols, x.U0.cols),
  check: (x, c) => relabel(eq4to5.check(x, c)),
  exact: {
    skip: 'not rational in the entries: the reduction to a diagonal Σ_X goes through the SVD X = ΦΣ_XΨᵀ (as yd21.eq-4-5.rotation)',
  },
  // Symbolic: yd21.eq-4-5.rotation's step on letters (U, V, Σ′ there are F, G, Σ_X here; the letters carry any
  // dimensions, so any rank and any k), proved modulo ΦᵀΦ = I and ΨᵀΨ = I.
  symbolic: eq4to5.symbolic,
  expected: 'holds',
  sabotage: { description: 'transpose dropped: F′ = ΦF, G′ = ΨG', check: (x, c) => relabel(eq4to5.sabotage.check!(x, c)) },
});
