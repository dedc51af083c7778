/**
 * The TypeScript fallback as a user meets it: when the WebAssembly module does not load, when a
 * problem does not fit in its memory, and when LEMMACHECK_KERNEL=ts asks for it. The module loader
 * is replaced (vi.mock) to fail or to refuse every Σ; step.ts is imported afresh for each case, since
 * it chooses its kernel once per process. On the instance used, the two kernels' losses differ in
 * the last bits (properties/kernel-choice.test.ts), so each case can tell which kernel ran.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { tsLoss, tsStepInto } from '../src/gd/step-ts.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';

const loader = vi.hoisted(() => ({ mode: 'real' as 'real' | 'unavailable' | 'full' }));

vi.mock('../src/gd/step-wasm.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/gd/step-wasm.ts')>();
  return {
    ...original,
    wasmKernel: () => {
      if (loader.mode === 'unavailable') return { error: 'this runtime has no WebAssembly SIMD' };
      if (loader.mode === 'full') return { kernel: { loadSigma: () => null, reservedBytes: () => 0 } };
      return original.wasmKernel();
    },
  };
});

const [m, n, d] = [9, 10, 2];
const S = gaussianMatrix(m, n, 1, 'ld-s').data;
const U = gaussianMatrix(m, d, 1, 'ld-u').data;
const V = gaussianMatrix(n, d, 1, 'ld-v').data;
const eta = 0.01;
const tsF = tsLoss(S, m, n, d, U, V);
const tsU = new Float64Array(m * d);
tsStepInto(S, m, n, d, U, V, eta, tsU, new Float64Array(n * d), new Float64Array(m * d), new Float64Array(n * d));

async function freshStep() {
  vi.resetModules();
  return import('../src/gd/step.ts');
}

/** Every entry point of step.ts gives the TypeScript kernel's loss and iterates. */
async function expectTypeScriptEverywhere(step: Awaited<ReturnType<typeof freshStep>>) {
  const stepper = step.makeStepper(S, m, n, d);
  const out = [new Float64Array(m * d), new Float64Array(n * d)];
  expect(stepper.step(U, V, eta, out[0], out[1])).toBe(tsF);
  expect(Array.from(out[0])).toEqual(Array.from(tsU));
  stepper.release();
  expect(step.gdStepInto(S, m, n, d, U, V, eta, out[0], out[1], step.makeStepBuffers(m, n, d))).toBe(tsF);
  expect(step.lossInto(S, m, n, d, U, V)).toBe(tsF);
}

afterEach(() => {
  loader.mode = 'real';
  vi.unstubAllEnvs();
});

describe('the TypeScript kernel takes over', () => {
  test('when the module does not load: kernelInfo says why, and asking for the WebAssembly kernel by name is an error', async () => {
    loader.mode = 'unavailable';
    vi.stubEnv('LEMMACHECK_KERNEL', '');
    const step = await freshStep();
    expect(step.kernelInfo()).toEqual({ kernel: 'ts', reason: 'this runtime has no WebAssembly SIMD' });
    await expectTypeScriptEverywhere(step);
    expect(() => step.makeStepper(S, m, n, d, 'wasm')).toThrow('the WebAssembly kernel is unavailable: this runtime has no WebAssembly SIMD');
  });

  test('when a Σ does not fit in the WebAssembly memory (the module itself loaded)', async () => {
    loader.mode = 'full';
    vi.stubEnv('LEMMACHECK_KERNEL', '');
    const step = await freshStep();
    expect(step.kernelInfo()).toEqual({ kernel: 'wasm' });
    await expectTypeScriptEverywhere(step);
  });

  test('when LEMMACHECK_KERNEL=ts, though the module loads', async () => {
    vi.stubEnv('LEMMACHECK_KERNEL', 'ts');
    const step = await freshStep();
    expect(step.kernelInfo()).toEqual({ kernel: 'ts', reason: 'LEMMACHECK_KERNEL=ts' });
    await expectTypeScriptEverywhere(step);
  });
});

test.skipIf(process.env.LEMMACHECK_KERNEL === 'ts')('otherwise the WebAssembly kernel runs (its loss differs from the TypeScript one here)', async () => {
  vi.stubEnv('LEMMACHECK_KERNEL', '');
  const step = await freshStep();
  expect(step.kernelInfo()).toEqual({ kernel: 'wasm' });
  expect(step.lossInto(S, m, n, d, U, V)).not.toBe(tsF);
});
