/**
 * The TypeScript kernel as the reference the compiled kernels are compared with bit for bit
 * (properties/gd/kernels-bitwise.test.ts, properties/gd/batch-stepper.test.ts).
 */
import { tsStepInto } from '../../src/gd/step-ts.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';

/** The bit patterns of an array's entries (tells −0 from +0, and one NaN from another). */
export const bits = (a: Float64Array) => Array.from(new BigUint64Array(Float64Array.from(a).buffer));

/** `count` steps one at a time on the TypeScript kernel. */
export function tsSteps(sigma: Float64Array, m: number, n: number, d: number, U0: Float64Array, V0: Float64Array, eta: number, count: number) {
  let [U, V] = [U0.slice(), V0.slice()];
  for (let s = 0; s < count; s++) {
    const [nu, nv] = [new Float64Array(m * d), new Float64Array(n * d)];
    tsStepInto(sigma, m, n, d, U, V, eta, nu, nv, new Float64Array(m * d), new Float64Array(n * d));
    [U, V] = [nu, nv];
  }
  return { U, V };
}

/**
 * The planted signed-zero case: row 0 of Σ zero, row 0 of U −0, V negative (Gaussian otherwise,
 * named by `tag`). Row 0 of R is then +0 and every term of ∇_U's row 0 is −0 (+0 times a negative
 * v), so the sum is +0 only if it starts at +0, and one step takes U's row 0 to −0 + η·(+0) = +0; a
 * kernel whose sums start at their first term (or at −0) leaves −0 there.
 */
export function signedZeroCase(m: number, n: number, d: number, tag: string) {
  const sigma = gaussianMatrix(m, n, 1, `${tag}-s`).data;
  sigma.fill(0, 0, n);
  const U = gaussianMatrix(m, d, 0.3, `${tag}-u`).data;
  U.fill(-0, 0, d);
  const V = gaussianMatrix(n, d, 0.3, `${tag}-v`).data.map((x) => -Math.abs(x) - 0.1);
  return { sigma, U, V };
}
