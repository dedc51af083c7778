/**
 * The two GD kernels (src/gd/step.ts): the WebAssembly SIMD one and the TypeScript fallback give
 * the same iterates (bit for bit: same order of operations) and the same loss to 1e-12, both equal
 * the dense formula, and the WebAssembly memory survives nesting and growth. No timings here.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { gdStep, loss, runTrajectory } from '../src/gd/index.ts';
import { kernelInfo, makeStepper } from '../src/gd/step.ts';
import { tsLoss, tsStepInto } from '../src/gd/step-ts.ts';
import { combine, frobenius, type Mat, mul, sub, transpose } from '../src/linalg/dense.ts';
import { relativeTolerance } from '../src/claims/tolerance.ts';
import { gaussian, stepSize } from '../src/random/arbitraries.ts';

// Small shapes, and edge cases: m or n = 1, d = 1, odd d (not a multiple of the SIMD width 2 or
// the block width 4), d > m, n, and shapes spanning several row blocks (32) and column tiles (64).
const shape = fc.oneof(
  fc.record({ m: fc.integer({ min: 1, max: 13 }), n: fc.integer({ min: 1, max: 13 }), d: fc.integer({ min: 1, max: 9 }) }),
  fc.constantFrom(
    { m: 1, n: 1, d: 1 },
    { m: 1, n: 17, d: 3 },
    { m: 17, n: 1, d: 5 },
    { m: 3, n: 2, d: 7 },
    { m: 60, n: 50, d: 7 },
    { m: 97, n: 131, d: 6 },
    { m: 70, n: 66, d: 33 },
  ),
);
const problem = shape.chain(({ m, n, d }) => fc.record({ sigma: gaussian(m, n), U: gaussian(m, d), V: gaussian(n, d), eta: stepSize(0.5) }));

function stepWith(kernel: 'wasm' | 'ts', { sigma, U, V, eta }: { sigma: Mat; U: Mat; V: Mat; eta: number }) {
  const [m, n, d] = [sigma.rows, sigma.cols, U.cols];
  const stepper = makeStepper(sigma.data, m, n, d, kernel);
  const outU = new Float64Array(m * d);
  const outV = new Float64Array(n * d);
  try {
    return { f: stepper.step(U.data, V.data, eta, outU, outV), U: { rows: m, cols: d, data: outU }, V: { rows: n, cols: d, data: outV } };
  } finally {
    stepper.release();
  }
}

const maxAbsDiff = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => Math.max(s, Math.abs(x - b[i])), 0);
const maxAbs = (a: Float64Array) => a.reduce((s, x) => Math.max(s, Math.abs(x)), 0);

test.skipIf(process.env.LEMMACHECK_KERNEL === 'ts')('the WebAssembly kernel is built and active', () => {
  expect(kernelInfo()).toEqual({ kernel: 'wasm' });
});

describe('WebAssembly and TypeScript kernels', () => {
  test.prop([problem])('agree to 1e-12 relative (iterates and loss)', (x) => {
    const w = stepWith('wasm', x);
    const t = stepWith('ts', x);
    expect(maxAbsDiff(w.U.data, t.U.data)).toBeLessThanOrEqual(1e-12 * maxAbs(t.U.data));
    expect(maxAbsDiff(w.V.data, t.V.data)).toBeLessThanOrEqual(1e-12 * maxAbs(t.V.data));
    expect(Math.abs(w.f - t.f)).toBeLessThanOrEqual(1e-12 * t.f);
  });

  test.prop([problem])('give bitwise equal iterates (same order of operations)', (x) => {
    const w = stepWith('wasm', x);
    const t = stepWith('ts', x);
    expect(Array.from(w.U.data)).toEqual(Array.from(t.U.data));
    expect(Array.from(w.V.data)).toEqual(Array.from(t.V.data));
  });

  test.prop([problem, fc.constantFrom<'wasm' | 'ts'>('wasm', 'ts')])('each equals the dense formula U + η(Σ − UVᵀ)V, V + η(Σ − UVᵀ)ᵀU', (x, kernel) => {
    const { sigma, U, V, eta } = x;
    const R = sub(sigma, mul(U, transpose(V)));
    const next = stepWith(kernel, x);
    const scale = frobenius(U) + frobenius(V) + eta * (frobenius(sigma) + frobenius(U) * frobenius(V)) * (frobenius(U) + frobenius(V));
    const tol = relativeTolerance('identity', Math.max(sigma.rows, sigma.cols, U.cols));
    expect(frobenius(sub(next.U, combine([1, U], [eta, mul(R, V)])))).toBeLessThanOrEqual(tol * scale);
    expect(frobenius(sub(next.V, combine([1, V], [eta, mul(transpose(R), U)])))).toBeLessThanOrEqual(tol * scale);
    const f = 0.5 * frobenius(R) ** 2;
    expect(Math.abs(next.f - f)).toBeLessThanOrEqual(tol * (frobenius(sigma) + frobenius(U) * frobenius(V)) ** 2);
  });

  test.prop([problem])('loss() equals the loss the step returns (TypeScript: to 1e-12)', (x) => {
    const { sigma, U, V } = x;
    const [m, n, d] = [sigma.rows, sigma.cols, U.cols];
    const f = tsStepInto(sigma.data, m, n, d, U.data, V.data, x.eta, new Float64Array(m * d), new Float64Array(n * d), new Float64Array(m * d), new Float64Array(n * d));
    expect(Math.abs(tsLoss(sigma.data, m, n, d, U.data, V.data) - f)).toBeLessThanOrEqual(1e-12 * f);
    expect(Math.abs(loss(sigma, U, V) - f)).toBeLessThanOrEqual(1e-12 * f);
  });
});

describe('the WebAssembly memory', () => {
  test('a trajectory whose observer runs larger problems (nested regions, memory growth) matches the TypeScript kernel', () => {
    const x = fc.sample(problem, { seed: 7, numRuns: 1 })[0];
    const big = fc.sample(shape.filter((s) => s.m * s.n > 5000).chain(({ m, n, d }) => fc.record({ sigma: gaussian(m, n), U: gaussian(m, d), V: gaussian(n, d) })), { seed: 8, numRuns: 1 })[0];
    const inner: number[] = [];
    const traj = runTrajectory({
      sigma: x.sigma,
      U0: x.U,
      V0: x.V,
      eta: 0.01,
      iters: 5,
      observe: (s) => {
        const nested = runTrajectory({ sigma: big.sigma, U0: big.U, V0: big.V, eta: 1e-4, iters: 2, observe: (t) => loss(big.sigma, t.U, t.V) });
        inner.push(nested.samples.at(-1)!.value);
        return loss(x.sigma, s.U, s.V);
      },
    });
    let state = { U: x.U, V: x.V };
    const [m, n, d] = [x.sigma.rows, x.sigma.cols, x.U.cols];
    for (let t = 0; t < 5; t++) {
      const outU = new Float64Array(m * d);
      const outV = new Float64Array(n * d);
      tsStepInto(x.sigma.data, m, n, d, state.U.data, state.V.data, 0.01, outU, outV, new Float64Array(m * d), new Float64Array(n * d));
      state = { U: { rows: m, cols: d, data: outU }, V: { rows: n, cols: d, data: outV } };
    }
    expect(Array.from(traj.final.U.data)).toEqual(Array.from(state.U.data));
    expect(Array.from(traj.final.V.data)).toEqual(Array.from(state.V.data));
    expect(new Set(inner).size).toBe(1);
    expect(Array.from(gdStep(x.sigma, x.U, x.V, 0.01).U.data)).toEqual(Array.from(stepWith('ts', { ...x, eta: 0.01 }).U.data));
  });
});
