/**
 * The hypotheses of the rotation to the diagonal frame (YD21 (4)–(5), JCD (4.2)) over the
 * RotationInstance of lemmas/yd21/eq-4-5.rotation.ts: any Σ ∈ ℝ^{m×n} (of rank d = the factors' width
 * for YD21), any U₀ ∈ ℝ^{m×k}, V₀ ∈ ℝ^{n×k}, η > 0, T ≥ 1 steps.
 */
import { hypothesis, type Hypothesis } from '../claims/hypotheses.ts';
import { relativeTolerance } from '../claims/tolerance.ts';
import type { Mat } from '../linalg/dense.ts';
import { singularValues } from '../linalg/spectral.ts';
import { hasShape } from './matrix.ts';

interface RotationLike {
  readonly sigma: Mat;
  readonly U0: Mat;
  readonly V0: Mat;
  readonly eta: number;
  readonly steps: number;
}

/** The numerical rank of Σ: singular values above 64γ_n·σ₁. */
function numericalRank(a: Mat): number {
  const s = singularValues(a);
  const floor = relativeTolerance('inequality', Math.max(a.rows, a.cols)) * (s[0] ?? 0);
  return s.filter((v) => v > floor).length;
}

/** Shapes, η > 0 and T ≥ 1; with `rankIsWidth`, YD21's Σ of rank d = the factors' width. */
export function rotationHypotheses<X extends RotationLike>(rankIsWidth: boolean, maxDim = 5): Hypothesis<X>[] {
  const shapes = hypothesis<X>(
    'shapes',
    rankIsWidth ? 'Σ ∈ ℝ^{m×n}, U₀ ∈ ℝ^{m×d}, V₀ ∈ ℝ^{n×d}' : 'Σ_X ∈ ℝ^{m×n}, F₀ ∈ ℝ^{m×k}, G₀ ∈ ℝ^{n×k} (any k)',
    (x) => hasShape(x.U0, x.sigma.rows, x.U0.cols) && hasShape(x.V0, x.sigma.cols, x.U0.cols) && hasShape(x.sigma, x.sigma.rows, x.sigma.cols),
    {
      coordinates: {
        m: { value: (x) => x.sigma.rows, domain: [1, maxDim] },
        n: { value: (x) => x.sigma.cols, domain: [1, maxDim] },
        'factor width': { value: (x) => x.U0.cols, domain: [1, rankIsWidth ? maxDim : maxDim + 1] },
      },
    },
  );
  const rank = hypothesis<X>(
    'sigma-rank-d',
    "Σ of rank d (d = the factors' width, d ≤ min(m, n))",
    (x) => x.U0.cols <= Math.min(x.sigma.rows, x.sigma.cols) && numericalRank(x.sigma) === x.U0.cols,
    {
      tolerance: 'singular values above 64γ_n·σ₁ count towards the rank',
    },
  );
  const step = hypothesis<X>('eta-steps', 'η > 0, T ≥ 1 GD steps', (x) => x.eta > 0 && Number.isInteger(x.steps) && x.steps >= 1, {
    coordinates: { η: { value: (x) => x.eta, domain: [0, 0.5] }, T: { value: (x) => x.steps, domain: [1, 5] } },
  });
  return rankIsWidth ? [shapes, rank, step] : [shapes, step];
}
