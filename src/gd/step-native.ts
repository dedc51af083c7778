/**
 * The native GD kernel (native/gd-step.c, a Node-API module compiled at install time by
 * scripts/build-kernel.ts with the machine's C compiler and its widest vectors, AVX-512 where
 * present): loading, and the buffers it works in.
 *
 * It computes exactly what the WebAssembly kernel computes — the same order of operations, no fused
 * multiply-add — so its iterates are bitwise those of the TypeScript kernel and its loss bitwise the
 * WebAssembly kernel's (properties/kernel.test.ts checks both). It is refused, and the caller falls
 * back to the WebAssembly kernel, when build/gd-step-native.node is missing, was built from other
 * sources (build/gd-step-native.json records their SHA-256) or for another processor (the stamp
 * records the CPU model and feature flags it was compiled for: `-march=native` code may not run
 * elsewhere), or cannot be loaded. Nothing is downloaded.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sourceHash, type ResidentSigma } from './step-wasm.ts';

/** The functions of the Node-API module (native/gd-step-napi.c). */
interface Binding {
  sigmaLength(m: number, n: number): number;
  workLength(m: number, n: number, d: number): number;
  padSigma(sigma: Float64Array, m: number, n: number, padded: Float64Array): void;
  step(S: Float64Array, m: number, n: number, d: number, U: Float64Array, V: Float64Array, eta: number, outU: Float64Array, outV: Float64Array, work: Float64Array): number;
  advance(S: Float64Array, m: number, n: number, d: number, U: Float64Array, V: Float64Array, eta: number, count: number, spareU: Float64Array, spareV: Float64Array, work: Float64Array): void;
  loss(S: Float64Array, m: number, n: number, d: number, U: Float64Array, V: Float64Array, work: Float64Array): number;
}

const ROOT = new URL('../../', import.meta.url);
/** The kernel's sources (hashed together into the stamp), the module and its stamp. */
export const NATIVE_PATHS = {
  sources: ['native/gd-step.c', 'native/gd-step.h', 'native/gd-step-napi.c'].map((p) => fileURLToPath(new URL(p, ROOT))),
  module: fileURLToPath(new URL('build/gd-step-native.node', ROOT)),
  stamp: fileURLToPath(new URL('build/gd-step-native.json', ROOT)),
};

/** SHA-256 of the kernel's sources, concatenated in NATIVE_PATHS order. */
export function nativeSourceHash(paths: typeof NATIVE_PATHS = NATIVE_PATHS): string {
  return sourceHash(paths.sources.map((p) => readFileSync(p, 'utf8')).join('\0'));
}

/**
 * The processor the module is compiled for: model name and feature flags (from /proc/cpuinfo where
 * there is one). A module compiled with -march=native runs only where these are the same.
 */
export function cpuSignature(): string {
  let flags = '';
  try {
    flags = /^flags\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '';
  } catch {
    // no /proc/cpuinfo (not Linux): the model name alone
  }
  return sourceHash(`${process.arch} ${cpus()[0]?.model ?? ''} ${flags}`);
}

/** The loaded kernel (the same contract as the WebAssembly kernel's loadSigma). */
export interface NativeKernel {
  /** Pads Σ (m×n) into a buffer of its own with room for the work area of rank d. */
  loadSigma(sigma: Float64Array, m: number, n: number, d: number): ResidentSigma;
  /** What the build recorded: the compiler's flags. */
  readonly flags: string;
}

function instantiate(paths: typeof NATIVE_PATHS): NativeKernel {
  const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8')) as { sourceSha256?: string; cpu?: string; flags?: string };
  if (stamp.sourceSha256 !== nativeSourceHash(paths))
    throw new Error('build/gd-step-native.node was built from other versions of native/*.c (run npm run build:kernel)');
  if (stamp.cpu !== cpuSignature()) throw new Error('build/gd-step-native.node was compiled for another processor (run npm run build:kernel)');
  const b = createRequire(import.meta.url)(paths.module) as Binding;
  return {
    flags: stamp.flags ?? '',
    loadSigma(sigma, m, n, d) {
      const S = new Float64Array(b.sigmaLength(m, n));
      b.padSigma(sigma, m, n, S);
      const work = new Float64Array(b.workLength(m, n, d));
      let spare: [Float64Array, Float64Array] | undefined;
      return {
        step: (U, V, eta, outU, outV) => b.step(S, m, n, d, U, V, eta, outU, outV, work),
        loss: (U, V) => b.loss(S, m, n, d, U, V, work),
        advance(U, V, eta, count) {
          spare ??= [new Float64Array(m * d), new Float64Array(n * d)];
          b.advance(S, m, n, d, U, V, eta, count, spare[0], spare[1], work);
        },
        release: () => undefined, // the buffers are ordinary arrays: the garbage collector frees them
      };
    },
  };
}

/** A kernel from the files at `paths`; or why it cannot be had. */
export function loadNativeKernel(paths: typeof NATIVE_PATHS = NATIVE_PATHS): { kernel: NativeKernel } | { error: string } {
  try {
    return { kernel: instantiate(paths) };
  } catch (e) {
    return { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

let loaded: { kernel: NativeKernel } | { error: string } | undefined;

/** The process's native kernel, loaded on first call; or why it is unavailable. */
export function nativeKernel(): { kernel: NativeKernel } | { error: string } {
  loaded ??= loadNativeKernel();
  return loaded;
}
