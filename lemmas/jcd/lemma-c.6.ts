/**
 * JCD Lemma C.6 — "Let S be an r × r matrix and T be an r × k matrix. Then σ_r(ST) ≤ ‖S‖σ_r(T)."
 *
 * Instances: r ∈ [1, 4], k ∈ [r, r + 3] (σ_r is then the smallest of the r singular values), T on a
 * coarse grid, and S either on a coarse grid or c·Q with Q orthogonal (where equality holds).
 */
import fc from 'fast-check';
import { frobenius, type Mat, mul, scale } from '../../src/linalg/dense.ts';
import { opNorm, sigmaMin } from '../../src/linalg/spectral.ts';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { gridMatrix, inRange, orthogonal, dimension } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { hasShape } from '../../src/hypotheses/matrix.ts';
import { H, opNormHP, singularValuesHP, toDecimalMatrix } from '../../src/exact/decimal.ts';

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

function check(x: C6Instance, normOfS: (S: Mat) => number = opNorm): Comparison[] {
  const lhs = sigmaMin(mul(x.S, x.T));
  const [nS, sT] = [normOfS(x.S), sigmaMin(x.T)];
  // Rounding: ST is formed with error ≤ γ‖S‖_F‖T‖_F and its singular values within a multiple of
  // u‖ST‖_F; ‖S‖ and σ_r(T) within multiples of u‖S‖_F and u‖T‖_F, each multiplied by the other factor.
  const [fS, fT] = [frobenius(x.S), frobenius(x.T)];
  return [atMost('σ_r(ST) ≤ ‖S‖σ_r(T)', lhs, nS * sT, 2 * fS * fT + fS * sT + nS * fT)];
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
    method: 'ST in 60-digit decimals; σ_r(ST), σ_r(T), ‖S‖ as square roots of Gram eigenvalues (cyclic Jacobi, 60 digits)',
    slack: (x) => {
      const [S, T] = [toDecimalMatrix(x.S), toDecimalMatrix(x.T)];
      const sigmaR = (M: typeof S) => singularValuesHP(M)[x.r - 1];
      return [
        opNormHP(S)
          .times(sigmaR(T))
          .minus(sigmaR(H.mul(S, T))),
      ];
    },
  },
  expected: 'holds',
  sabotage: { description: 'σ_r(S) in place of ‖S‖ (that is the lower bound)', check: (x) => check(x, sigmaMin) },
});
