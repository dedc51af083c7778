/**
 * JCD Lemma C.6 — "Let S be an r × r matrix and T be an r × k matrix. Then σ_r(ST) ≤ ‖S‖σ_r(T)."
 *
 * Instances: r ∈ [1, 4], k ∈ [r, r + 3] (σ_r is then the smallest of the r singular values), T on a
 * coarse grid, and S either on a coarse grid or c·Q with Q orthogonal (where equality holds).
 *
 * Scale: the sides are written once (against BoundOps) and evaluated in the magnitude model
 * (src/claims/measured.ts), so the comparison's scale is computed; the near-boundary re-check
 * evaluates the same sides in 60 digits.
 */
import fc from 'fast-check';
import { type Mat, scale } from '../../src/linalg/dense.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps } from '../../src/claims/measured.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { gridMatrix, inRange, orthogonal, dimension } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { hasShape } from '../../src/hypotheses/matrix.ts';
import { hpBoundOps } from '../../src/exact/decimal-bounds.ts';

export interface C6Instance {
  readonly r: number;
  readonly k: number;
  readonly S: Mat;
  readonly T: Mat;
}

export const instances: fc.Arbitrary<C6Instance> = fc.record({ r: dimension(1, 4), extra: dimension(0, 3) }).chain(({ r, extra }) =>
  fc.record({
    r: fc.constant(r),
    k: fc.constant(r + extra),
    S: fc.oneof(
      gridMatrix(r, r, 2, 8),
      fc.tuple(orthogonal(r), inRange(0, 2)).map(([q, c]) => scale(q, c)),
    ),
    T: gridMatrix(r, r + extra, 2, 8),
  }),
);

/** The two sides σ_r(ST) and ‖S‖σ_r(T), written once (sabotaged: σ_r(S) in place of ‖S‖). */
function sides<M, T>(A: BoundOps<M, T>, S: M, Tm: M, lowerNorm = false): { lhs: T; rhs: T } {
  return { lhs: A.sigmaMin(A.mul(S, Tm)), rhs: A.F.mul(lowerNorm ? A.sigmaMin(S) : A.opNorm(S), A.sigmaMin(Tm)) };
}

/** The sides in the magnitude model (S, T exact inputs): the comparison's scale is their computed magnitude. */
function check(x: C6Instance, lowerNorm = false): Comparison[] {
  const A = boundOps(relativeTolerance('inequality', x.k));
  const { lhs, rhs } = sides(A, A.input(x.S), A.input(x.T), lowerNorm);
  return [boundComparison('σ_r(ST) ≤ ‖S‖σ_r(T)', lhs, '≤', rhs)];
}

export const lemmaC6 = defineClaim<C6Instance>({
  id: 'jcd.lemma-c.6',
  source: { paper: 'JCD', where: 'Lemma C.6, (C.3)–(C.6)' },
  kind: 'inequality',
  statement: 'σ_r(ST) ≤ ‖S‖σ_r(T) for S ∈ ℝ^{r×r}, T ∈ ℝ^{r×k}',
  // The lemma has no condition on k; the builder draws k ≥ r (σ_r(T) is then T's smallest singular value).
  hypotheses: [
    hypothesis<C6Instance>('c6-shapes', 'S ∈ ℝ^{r×r}, T ∈ ℝ^{r×k}', (x) => x.r >= 1 && x.k >= 1 && hasShape(x.S, x.r, x.r) && hasShape(x.T, x.r, x.k), {
      coordinates: { r: { value: (x) => x.r, domain: [1, 4] }, 'k − r': { value: (x) => x.k - x.r, domain: [0, 3] } },
    }),
  ],
  instances,
  size: (x) => x.k,
  check: (x) => check(x),
  // Near-boundary re-check (check --rigorous): the same slack in 60 digits, the instance's doubles taken exactly.
  highPrecision: {
    method: 'the same sides in 60-digit decimals: ST exactly; σ_r(ST), σ_r(T), ‖S‖ as square roots of Gram eigenvalues (cyclic Jacobi, 60 digits)',
    slack: (x) => {
      const A = hpBoundOps;
      const { lhs, rhs } = sides(A, A.input(x.S), A.input(x.T));
      return [rhs.minus(lhs)];
    },
  },
  expected: 'holds',
  sabotage: { description: 'σ_r(S) in place of ‖S‖ (that is the lower bound)', check: (x) => check(x, true) },
});
