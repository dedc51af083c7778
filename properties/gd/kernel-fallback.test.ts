/**
 * The fallbacks as a user meets them: the WebAssembly kernel when the native module does not load
 * or LEMMACHECK_KERNEL=wasm asks for it; the TypeScript kernel when neither compiled module loads,
 * when a problem does not fit in the WebAssembly memory, and when LEMMACHECK_KERNEL=ts asks for it.
 * The module loaders are replaced (vi.mock) to fail or to refuse every Σ; step.ts is imported afresh
 * for each case, since it chooses its kernel once per process. On the instance used, the TypeScript
 * kernel's loss differs from the compiled kernels' in the last bits (properties/gd/kernel-choice.test.ts),
 * so each case can tell which kind of kernel ran.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { tsLoss, tsStepInto } from '../../src/gd/step-ts.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';

const loader = vi.hoisted(() => ({ mode: 'real' as 'real' | 'unavailable' | 'full', native: 'real' as 'real' | 'unavailable' }));

vi.mock('../../src/gd/step-native.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/gd/step-native.ts')>();
  return {
    ...original,
    nativeKernel: () => (loader.native === 'unavailable' ? { error: 'no C compiler at install' } : original.nativeKernel()),
  };
});

vi.mock('../../src/gd/step-wasm.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/gd/step-wasm.ts')>();
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
  return import('../../src/gd/step.ts');
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
  loader.native = 'real';
  vi.unstubAllEnvs();
});

describe('the TypeScript kernel takes over', () => {
  test('when neither module loads: kernelInfo says why, and asking for a compiled kernel by name is an error', async () => {
    loader.mode = 'unavailable';
    loader.native = 'unavailable';
    vi.stubEnv('LEMMACHECK_KERNEL', '');
    const step = await freshStep();
    expect(step.kernelInfo()).toEqual({
      kernel: 'ts',
      reason: 'native kernel: no C compiler at install; WebAssembly kernel: this runtime has no WebAssembly SIMD',
    });
    await expectTypeScriptEverywhere(step);
    expect(() => step.makeStepper(S, m, n, d, 'wasm')).toThrow('the WebAssembly kernel is unavailable: this runtime has no WebAssembly SIMD');
    expect(() => step.makeStepper(S, m, n, d, 'native')).toThrow('the native kernel is unavailable: no C compiler at install');
  });

  test('when a Σ does not fit in the WebAssembly memory (the module itself loaded, the native one did not)', async () => {
    loader.mode = 'full';
    loader.native = 'unavailable';
    vi.stubEnv('LEMMACHECK_KERNEL', '');
    const step = await freshStep();
    expect(step.kernelInfo()).toEqual({ kernel: 'wasm', reason: 'native kernel: no C compiler at install' });
    await expectTypeScriptEverywhere(step);
  });

  test('when LEMMACHECK_KERNEL=ts, though the module loads', async () => {
    vi.stubEnv('LEMMACHECK_KERNEL', 'ts');
    const step = await freshStep();
    expect(step.kernelInfo()).toEqual({ kernel: 'ts', reason: 'LEMMACHECK_KERNEL=ts' });
    await expectTypeScriptEverywhere(step);
  });
});

describe('the WebAssembly kernel takes over', () => {
  test('when the native module does not load, saying why', async () => {
    loader.native = 'unavailable';
    vi.stubEnv('LEMMACHECK_KERNEL', '');
    const step = await freshStep();
    expect(step.kernelInfo()).toEqual({ kernel: 'wasm', reason: 'native kernel: no C compiler at install' });
    expect(step.lossInto(S, m, n, d, U, V)).not.toBe(tsF);
  });

  test('when LEMMACHECK_KERNEL=wasm, though the native module loads; its one-shot calls release their memory', async () => {
    vi.stubEnv('LEMMACHECK_KERNEL', 'wasm');
    const step = await freshStep();
    expect(step.kernelInfo()).toEqual({ kernel: 'wasm', reason: 'LEMMACHECK_KERNEL=wasm' });
    const { wasmKernel } = await import('../../src/gd/step-wasm.ts');
    const k = wasmKernel();
    if (!('kernel' in k)) throw new Error(k.error);
    const before = k.kernel.reservedBytes();
    expect(step.lossInto(S, m, n, d, U, V)).not.toBe(tsF);
    step.gdStepInto(S, m, n, d, U, V, eta, new Float64Array(m * d), new Float64Array(n * d), step.makeStepBuffers(m, n, d));
    expect(k.kernel.reservedBytes()).toBe(before);
  });
});

test('otherwise the native kernel runs (its loss differs from the TypeScript one here)', async () => {
  vi.stubEnv('LEMMACHECK_KERNEL', '');
  const step = await freshStep();
  expect(step.kernelInfo()).toEqual({ kernel: 'native' });
  expect(step.lossInto(S, m, n, d, U, V)).not.toBe(tsF);
});
