/**
 * JCD Lemma C.5 — "Let S be an r×r matrix such that ‖S‖ < 1. Then I + S is invertible and
 * ‖(I + S)^{−1}‖ ≤ 1/(1 − ‖S‖)."  (‖·‖ is the operator norm.)
 *
 * Instances: S = s·W/‖W‖ with s ∈ [0, 0.999] and either W on a coarse grid, or W = −Q with Q
 * orthogonal, where the bound is attained when Q has the eigenvalue 1 (e.g. Q = I, where shrinking
 * leads): (I − sI)^{−1} = I/(1 − s).
 */
import fc from 'fast-check';
import { add, eye, frobenius, type Mat, scale } from '../../src/linalg/dense.ts';
import { inverse, opNorm } from '../../src/linalg/spectral.ts';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { gridMatrix, inRange, orthogonal, dimension } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { hasShape } from '../../src/hypotheses/matrix.ts';
import { Decimal, H, opNormHP, toDecimalMatrix } from '../../src/exact/decimal.ts';

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

function check(x: C5Instance, sign = -1): Comparison[] {
  const I = eye(x.r);
  const M = add(I, x.S);
  const inv = inverse(M);
  const normS = opNorm(x.S);
  const bound = 1 / (1 + sign * normS);
  // Rounding: LU's computed inverse has a normwise relative error of a modest multiple of u·κ(I + S);
  // ‖S‖ is computed to within a multiple of u‖S‖_F, which 1/(1 − x) amplifies by 1/(1 − ‖S‖)².
  const nInv = frobenius(inv);
  const kappa = frobenius(M) * nInv;
  return [atMost('‖(I + S)⁻¹‖ ≤ 1/(1 − ‖S‖)', opNorm(inv), bound, (kappa + 1) * nInv + frobenius(x.S) * bound * bound)];
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
    method: '(I + S)⁻¹ by Gauss–Jordan in 60-digit decimals; both operator norms as square roots of the largest Gram eigenvalue (cyclic Jacobi, 60 digits)',
    slack: (x) => {
      const S = toDecimalMatrix(x.S);
      const inv = H.inverse(H.add(H.eye(x.r), S));
      return [new Decimal(1).div(new Decimal(1).minus(opNormHP(S))).minus(opNormHP(inv))];
    },
  },
  expected: 'holds',
  sabotage: { description: 'the sign in the bound flipped: ‖(I + S)⁻¹‖ ≤ 1/(1 + ‖S‖)', check: (x) => check(x, +1) },
});
