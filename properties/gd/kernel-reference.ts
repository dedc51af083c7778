/**
 * The TypeScript kernel as the reference the compiled kernels are compared with bit for bit
 * (properties/gd/kernels-bitwise.test.ts, properties/gd/batch-stepper.test.ts).
 */
import { tsStepInto } from '../../src/gd/step-ts.ts';

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
