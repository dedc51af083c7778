/**
 * The native GD kernel (native/gd-step.c in the native module, src/native.ts): C with the machine's
 * widest vectors (AVX-512 where present), the buffers it works in.
 *
 * It computes exactly what the WebAssembly kernel computes — the same order of operations, no fused
 * multiply-add — so its iterates are bitwise those of the TypeScript kernel and its loss bitwise the
 * WebAssembly kernel's (properties/gd/kernels-bitwise.test.ts checks both). When the module is unavailable the
 * caller falls back to the WebAssembly kernel (src/gd/step.ts).
 */
import { scratchSlot } from '../linalg/scratch.ts';
import { loadNativeBinding, NATIVE_PATHS, nativeBinding } from '../native.ts';
import type { ResidentSigma } from './step-wasm.ts';

/** The loaded kernel (the same contract as the WebAssembly kernel's loadSigma). */
export interface NativeKernel {
  /**
   * Pads Σ (m×n) into a buffer of its own with room for the work area of rank d. With `shared`
   * (for one-shot calls: the diagnostics compute a loss at every recorded step, and padding Σ would
   * cost more than the loss itself), Σ is read in place, not copied (so it must not change while the
   * resident is used), and the work area is the kernel's scratch array, reused by the next shared
   * load. Both give the same bits.
   */
  loadSigma(sigma: Float64Array, m: number, n: number, d: number, shared?: boolean): ResidentSigma;
  /** What the build recorded: the compiler and its flags. */
  readonly flags: string;
}

function kernelOf(loaded: ReturnType<typeof loadNativeBinding>): { kernel: NativeKernel } | { error: string } {
  if (!('binding' in loaded)) return loaded;
  const b = loaded.binding;
  const sharedWork = scratchSlot();
  return {
    kernel: {
      flags: loaded.flags,
      loadSigma(sigma, m, n, d, shared = false) {
        let S = sigma;
        if (!shared) {
          S = new Float64Array(b.sigmaLength(m, n));
          b.padSigma(sigma, m, n, S);
        }
        const work = shared ? sharedWork(b.workLength(m, n, d)) : new Float64Array(b.workLength(m, n, d));
        let spare: [Float64Array, Float64Array] | undefined;
        return {
          step: (U, V, eta, outU, outV) => b.step(S, m, n, d, U, V, eta, outU, outV, work, shared),
          loss: (U, V) => b.loss(S, m, n, d, U, V, work, shared),
          advance(U, V, eta, count) {
            spare ??= [new Float64Array(m * d), new Float64Array(n * d)];
            b.advance(S, m, n, d, U, V, eta, count, spare[0], spare[1], work, shared);
          },
          release: () => undefined, // the buffers are ordinary arrays: the garbage collector frees them
        };
      },
    },
  };
}

/** A kernel from the module at `paths`; or why it cannot be had. */
export function loadNativeKernel(paths: typeof NATIVE_PATHS = NATIVE_PATHS): { kernel: NativeKernel } | { error: string } {
  return kernelOf(loadNativeBinding(paths));
}

let kernel: { kernel: NativeKernel } | { error: string } | undefined;

/** The process's native kernel, on the process's module; or why it is unavailable. */
export function nativeKernel(): { kernel: NativeKernel } | { error: string } {
  kernel ??= kernelOf(nativeBinding());
  return kernel;
}
