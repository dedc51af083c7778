/**
 * LEMMACHECK_NATIVE=off refuses the native module everywhere: the GD step runs the WebAssembly
 * kernel, saying why, and opNorm its TypeScript Gram loop. (A file of its own: the other kernel
 * tests replace the loaders with vi.mock, whose modules outlive vi.resetModules.)
 */
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => vi.unstubAllEnvs());

test('LEMMACHECK_NATIVE=off: the WebAssembly kernel runs, and the module is reported refused', async () => {
  vi.stubEnv('LEMMACHECK_KERNEL', '');
  vi.stubEnv('LEMMACHECK_NATIVE', 'off');
  vi.resetModules();
  const step = await import('../../src/gd/step.ts');
  const native = await import('../../src/native.ts');
  expect(native.nativeBinding()).toEqual({ error: 'LEMMACHECK_NATIVE=off' });
  expect(step.kernelInfo()).toEqual({ kernel: 'wasm', reason: 'native kernel: LEMMACHECK_NATIVE=off' });
});

test('otherwise the module loads', async () => {
  vi.stubEnv('LEMMACHECK_NATIVE', '');
  vi.resetModules();
  const native = await import('../../src/native.ts');
  expect('binding' in native.nativeBinding()).toBe(true);
});
