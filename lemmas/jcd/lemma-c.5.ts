/**
 * JCD Lemma C.5 — "Let S be an r×r matrix such that ‖S‖ < 1. Then I + S is invertible and
 * ‖(I + S)^{−1}‖ ≤ 1/(1 − ‖S‖)."  (‖·‖ is the operator norm.)
 *
 * Instances: S = s·W/‖W‖ with s ∈ [0, 0.999] and either W on a coarse grid, or W = −Q with Q
 * orthogonal, where the bound is attained when Q has the eigenvalue 1 (e.g. Q = I, where shrinking
 * leads): (I − sI)^{−1} = I/(1 − s).
 *
 * Scale: the sides are written once (against BoundOps) and evaluated in the magnitude model
 * (src/claims/measured.ts; the inverse with magnitude |X⁻¹||X||X⁻¹|), so the comparison's scale is
 * computed; the near-boundary re-check evaluates the same sides in 60 digits.
 */
import fc from 'fast-check';
import { type Mat, scale } from '../../src/linalg/dense.ts';
import { opNorm } from '../../src/linalg/spectral.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps } from '../../src/claims/measured.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { gridMatrix, inRange, orthogonal, dimension } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { hasShape } from '../../src/hypotheses/matrix.ts';
import { hpBoundOps } from '../../src/exact/decimal-bounds.ts';

export interface C5Instance {
  readonly r: number;
  readonly S: Mat;
}

export const instances: fc.Arbitrary<C5Instance> = dimension(1, 5).chain((r) =>
  fc
    .record({
      W: fc.oneof(
        orthogonal(r).map((q) => scale(q, -1)),
        gridMatrix(r, r, 2, 8),
      ),
      s: inRange(0, 0.999),
    })
    .map(({ W, s }) => {
      const norm = opNorm(W);
      return { r, S: norm > 0 ? scale(W, s / norm) : W };
    }),
);

/** The two sides ‖(I + S)⁻¹‖ and 1/(1 − ‖S‖), written once (sign +1: the sabotage's 1/(1 + ‖S‖)). */
function sides<M, T>(A: BoundOps<M, T>, S: M, r: number, sign = -1): { lhs: T; rhs: T } {
  const { F } = A;
  return { lhs: A.opNorm(A.inverse(A.add(A.eye(r), S))), rhs: F.div(F.one, F.add(F.one, F.mul(A.int(sign), A.opNorm(S)))) };
}

/** The sides in the magnitude model (S an exact input): the comparison's scale is their computed magnitude. */
function check(x: C5Instance, sign = -1): Comparison[] {
  const A = boundOps(relativeTolerance('inequality', x.r));
  const { lhs, rhs } = sides(A, A.input(x.S), x.r, sign);
  return [boundComparison('‖(I + S)⁻¹‖ ≤ 1/(1 − ‖S‖)', lhs, '≤', rhs)];
}

export const lemmaC5 = defineClaim<C5Instance>({
  id: 'jcd.lemma-c.5',
  source: { paper: 'JCD', where: 'Lemma C.5, (C.2)' },
  kind: 'inequality',
  statement: '‖S‖ < 1 ⇒ I + S is invertible and ‖(I + S)⁻¹‖ ≤ 1/(1 − ‖S‖)',
  hypotheses: [
    hypothesis<C5Instance>('c5-shape', 'S ∈ ℝ^{r×r}', (x) => x.r >= 1 && hasShape(x.S, x.r, x.r), {
      coordinates: { r: { value: (x) => x.r, domain: [1, 5] } },
    }),
    // Strict, computed: the builder's ‖S‖ ≤ 0.999 leaves 10⁻³ of room, far above rounding.
    hypothesis<C5Instance>('c5-norm', '‖S‖ < 1', (x) => opNorm(x.S) < 1, { coordinates: { '‖S‖': { value: (x) => opNorm(x.S), domain: [0, 0.999] } } }),
  ],
  instances,
  size: (x) => x.r,
  check: (x) => check(x),
  // Near-boundary re-check (check --rigorous): the same slack in 60 digits, the instance's doubles taken exactly.
  highPrecision: {
    method:
      'the same sides in 60-digit decimals: (I + S)⁻¹ by Gauss–Jordan; both operator norms as square roots of the largest Gram eigenvalue (cyclic Jacobi, 60 digits)',
    slack: (x) => {
      const { lhs, rhs } = sides(hpBoundOps, hpBoundOps.input(x.S), x.r);
      return [rhs.minus(lhs)];
    },
  },
  expected: 'holds',
  sabotage: { description: 'the sign in the bound flipped: ‖(I + S)⁻¹‖ ≤ 1/(1 + ‖S‖)', check: (x) => check(x, +1) },
});
