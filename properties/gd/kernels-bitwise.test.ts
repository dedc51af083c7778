/**
 * The three GD kernels (src/gd/step.ts): the native one (C, the machine's widest vectors), the
 * WebAssembly SIMD one and the TypeScript fallback give the same iterates (bit for bit: same order
 * of operations) and the same loss to 1e-12 (the native and WebAssembly losses bit for bit: they sum
 * the squares in the same lanes), all equal the dense formula, and the WebAssembly memory survives
 * nesting and growth. No timings here.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { gdStep, loss, runTrajectory } from '../../src/gd/index.ts';
import { type KernelName, kernelInfo, makeStepper } from '../../src/gd/step.ts';
import { type NativeKernel, nativeKernel } from '../../src/gd/step-native.ts';
import { tsLoss, tsStepInto } from '../../src/gd/step-ts.ts';
import { type ResidentSigma, wasmKernel, type WasmKernel } from '../../src/gd/step-wasm.ts';
import { combine, frobenius, type Mat, mul, sub, transpose } from '../../src/linalg/dense.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { gaussian, stepSize } from '../../src/random/arbitraries.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';
import { bits, signedZeroCase, tsSteps } from './kernel-reference.ts';

// Small shapes, and edge cases: m or n = 1, d = 1, odd d (not a multiple of the SIMD width 2 or
// the block width 4), d > m, n, shapes spanning several row blocks (32) and column tiles (64), and
// for the native kernel column counts with and without a remainder of 8 after blocks of 16, and
// ranks whose gradient chunks take every combination of 8-, 4- and 2-wide vectors (d = 16, 24,
// 26, 30, 41).
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
    { m: 33, n: 16, d: 24 },
    { m: 37, n: 71, d: 26 },
    { m: 5, n: 129, d: 41 },
    { m: 41, n: 24, d: 30 },
    { m: 8, n: 200, d: 16 },
  ),
);
const problem = shape.chain(({ m, n, d }) => fc.record({ sigma: gaussian(m, n), U: gaussian(m, d), V: gaussian(n, d), eta: stepSize(0.5) }));

/** The kernels this process can run besides the TypeScript one (each is built at install). */
const compiled = (['native', 'wasm'] as const).filter((k) => 'kernel' in (k === 'native' ? nativeKernel() : wasmKernel()));
const kernels: KernelName[] = [...compiled, 'ts'];

function stepWith(kernel: KernelName, { sigma, U, V, eta }: { sigma: Mat; U: Mat; V: Mat; eta: number }) {
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

test.skipIf(process.env.LEMMACHECK_KERNEL !== undefined && process.env.LEMMACHECK_KERNEL !== '')(
  'both compiled kernels are built, and the native one is active',
  () => {
    expect(compiled).toEqual(['native', 'wasm']);
    expect(kernelInfo()).toEqual({ kernel: 'native' });
  },
);

describe.each(compiled)('the %s kernel against the TypeScript kernel', (kernel) => {
  test.prop([problem])('agree to 1e-12 relative (iterates and loss)', (x) => {
    const w = stepWith(kernel, x);
    const t = stepWith('ts', x);
    expect(maxAbsDiff(w.U.data, t.U.data)).toBeLessThanOrEqual(1e-12 * maxAbs(t.U.data));
    expect(maxAbsDiff(w.V.data, t.V.data)).toBeLessThanOrEqual(1e-12 * maxAbs(t.V.data));
    expect(Math.abs(w.f - t.f)).toBeLessThanOrEqual(1e-12 * t.f);
  });

  test.prop([problem])('give bitwise equal iterates (same order of operations)', (x) => {
    const w = stepWith(kernel, x);
    const t = stepWith('ts', x);
    expect(Array.from(w.U.data)).toEqual(Array.from(t.U.data));
    expect(Array.from(w.V.data)).toEqual(Array.from(t.V.data));
  });
});

describe.skipIf(compiled.length < 2)('the native and WebAssembly kernels', () => {
  test.prop([problem])('return bitwise the same loss, from a step and alone', (x) => {
    const [a, b] = [stepWith('native', x), stepWith('wasm', x)];
    expect(a.f).toBe(b.f);
    const { sigma, U, V } = x;
    const r = nativeKernel();
    if (!('kernel' in r)) throw new Error(r.error);
    expect(r.kernel.loadSigma(sigma.data, sigma.rows, sigma.cols, U.cols).loss(U.data, V.data)).toBe(a.f);
  });
});

describe.each(compiled)('one-shot calls on the %s kernel (the native one reads Σ in place, unpadded)', (kernel) => {
  /** A resident made as gdStepInto and lossInto make theirs (the native kernel's shared load). */
  const oneShot = (sigma: Float64Array, m: number, n: number, d: number): ResidentSigma => {
    const k = kernel === 'native' ? nativeKernel() : wasmKernel();
    if (!('kernel' in k)) throw new Error(k.error);
    return kernel === 'native' ? (k.kernel as NativeKernel).loadSigma(sigma, m, n, d, true) : (k.kernel as WasmKernel).loadSigma(sigma, m, n, d)!;
  };

  test.prop([problem])('give bitwise what a stepper gives: iterates and loss', (x) => {
    const { sigma, U, V, eta } = x;
    const [m, n, d] = [sigma.rows, sigma.cols, U.cols];
    const ref = stepWith(kernel, x);
    const once = oneShot(sigma.data, m, n, d);
    const out = [new Float64Array(m * d), new Float64Array(n * d)];
    expect(once.step(U.data, V.data, eta, out[0], out[1])).toBe(ref.f);
    expect(once.loss(U.data, V.data)).toBe(ref.f);
    once.release();
    expect(Array.from(out[0])).toEqual(Array.from(ref.U.data));
    expect(Array.from(out[1])).toEqual(Array.from(ref.V.data));
  });
});

describe('every kernel', () => {
  test.prop([problem, fc.constantFrom(...kernels)])('equals the dense formula U + η(Σ − UVᵀ)V, V + η(Σ − UVᵀ)ᵀU', (x, kernel) => {
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
    const f = tsStepInto(
      sigma.data,
      m,
      n,
      d,
      U.data,
      V.data,
      x.eta,
      new Float64Array(m * d),
      new Float64Array(n * d),
      new Float64Array(m * d),
      new Float64Array(n * d),
    );
    expect(Math.abs(tsLoss(sigma.data, m, n, d, U.data, V.data) - f)).toBeLessThanOrEqual(1e-12 * f);
    expect(Math.abs(loss(sigma, U, V) - f)).toBeLessThanOrEqual(1e-12 * f);
  });
});

describe('the WebAssembly memory', () => {
  test('a trajectory whose observer runs larger problems (nested regions, memory growth) matches the TypeScript kernel', () => {
    const x = fc.sample(problem, { seed: 7, numRuns: 1 })[0];
    const big = fc.sample(
      shape.filter((s) => s.m * s.n > 5000).chain(({ m, n, d }) => fc.record({ sigma: gaussian(m, n), U: gaussian(m, d), V: gaussian(n, d) })),
      { seed: 8, numRuns: 1 },
    )[0];
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

describe.each(compiled)('Stepper.advance on the %s kernel (native: the small-shape loop up to 16×16×8, in one call)', (kernel) => {
  test('every shape from 1×1×1 to 12×12×6: bitwise the iterates of stepping one at a time on the TypeScript kernel', () => {
    const wrong: string[] = [];
    for (let m = 1; m <= 12; m++)
      for (let n = 1; n <= 12; n++)
        for (let d = 1; d <= 6; d++) {
          const sigma = gaussianMatrix(m, n, 1, `adv-s-${m}-${n}-${d}`).data;
          const U = gaussianMatrix(m, d, 0.4, `adv-u-${m}-${n}-${d}`).data;
          const V = gaussianMatrix(n, d, 0.4, `adv-v-${m}-${n}-${d}`).data;
          // exact zeros too (signed-zero cases): a zero row of Σ, a zero column of U, and negative
          // zeros (a row of Σ, a column of V)
          if (m > 1) sigma.fill(0, 0, n);
          if (m > 2) sigma.fill(-0, (m - 1) * n, m * n);
          if (d > 1) for (let i = 0; i < m; i++) U[i * d + d - 1] = 0;
          if (d > 1) for (let j = 0; j < n; j++) V[j * d] = -0;
          const eta = 0.05 + 0.01 * ((m + n + d) % 5);
          const ref = tsSteps(sigma, m, n, d, U, V, eta, 6);
          const stepper = makeStepper(sigma, m, n, d, kernel);
          const [u, v] = [U.slice(), V.slice()];
          stepper.advance(u, v, eta, 6);
          stepper.release();
          if (bits(u).join() !== bits(ref.U).join() || bits(v).join() !== bits(ref.V).join()) wrong.push(`${m}×${n}×${d}`);
        }
    expect(wrong).toEqual([]);
  });

  test('each sum starts at +0: a −0 row of U against a zero row of Σ and a negative V becomes +0 (tiny, 2- and 4-wide, general loops)', () => {
    // kernel-reference.ts, signedZeroCase: U's row 0 must come out +0.
    for (const [m, n, d] of [
      [2, 2, 1],
      [3, 3, 1],
      [3, 3, 2],
      [7, 7, 2],
      [8, 8, 3],
      [10, 9, 4],
      [20, 20, 3],
    ]) {
      const { sigma, U, V } = signedZeroCase(m, n, d, `z-${m}-${n}-${d}`);
      const ref = tsSteps(sigma, m, n, d, U, V, 0.02, 1);
      expect(bits(ref.U.slice(0, d)), 'the planted case (TypeScript)').toEqual(bits(new Float64Array(d)));
      const stepper = makeStepper(sigma, m, n, d, kernel);
      stepper.advance(U, V, 0.02, 1);
      stepper.release();
      expect(bits(U), `${m}×${n}×${d}`).toEqual(bits(ref.U));
      expect(bits(V), `${m}×${n}×${d}`).toEqual(bits(ref.V));
    }
  });

  test.prop([problem, fc.integer({ min: 0, max: 7 })])(
    'random shapes, in and past the small-shape limits, any count (0 leaves the iterate alone): bitwise while the iterates are finite',
    (x, count) => {
      const { sigma, U, V, eta } = x;
      const [m, n, d] = [sigma.rows, sigma.cols, U.cols];
      const ref = tsSteps(sigma.data, m, n, d, U.data, V.data, eta, count);
      const stepper = makeStepper(sigma.data, m, n, d, kernel);
      const [u, v] = [U.data.slice(), V.data.slice()];
      stepper.advance(u, v, eta, count);
      stepper.release();
      // Past an overflow the kernels agree only on where the iterate is not finite: the compiled
      // kernels' padded tiles meet ±∞ as 0·∞ = NaN where the TypeScript kernel keeps −∞ (seen at
      // 33×16×24, η = 0.129, 7 steps). The engine never reads such an iterate: runTrajectory stops at
      // divergence (DIVERGENCE_FACTOR), long before an entry overflows.
      const finite = (a: Float64Array) => Array.from(a, Number.isFinite);
      if ([...ref.U, ...ref.V].every(Number.isFinite)) {
        expect(bits(u)).toEqual(bits(ref.U));
        expect(bits(v)).toEqual(bits(ref.V));
      } else {
        expect(finite(u)).toEqual(finite(ref.U));
        expect(finite(v)).toEqual(finite(ref.V));
      }
    },
  );

  test('the shapes at the small-shape limits and just past them (16×16×8, 17×16×8, 16×17×8, 16×16×9, 1×16×8)', () => {
    for (const [m, n, d] of [
      [16, 16, 8],
      [17, 16, 8],
      [16, 17, 8],
      [16, 16, 9],
      [1, 16, 8],
      [16, 1, 1],
    ]) {
      const sigma = gaussianMatrix(m, n, 1, `lim-s-${m}-${n}-${d}`).data;
      const U = gaussianMatrix(m, d, 0.3, `lim-u-${m}-${n}-${d}`).data;
      const V = gaussianMatrix(n, d, 0.3, `lim-v-${m}-${n}-${d}`).data;
      const ref = tsSteps(sigma, m, n, d, U, V, 0.02, 5);
      const stepper = makeStepper(sigma, m, n, d, kernel);
      stepper.advance(U, V, 0.02, 5);
      stepper.release();
      expect(bits(U), `${m}×${n}×${d}`).toEqual(bits(ref.U));
      expect(bits(V), `${m}×${n}×${d}`).toEqual(bits(ref.V));
    }
  });
});
