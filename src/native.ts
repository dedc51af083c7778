/**
 * The native module (native/*.c, one Node-API module compiled at install time by
 * scripts/build-kernel.ts with the machine's C compiler, -O3 -march=native -ffp-contract=off):
 * where it lives, and its loading. Its users are the GD kernel (src/gd/step-native.ts) and the
 * operator norm's Gram matrix (src/linalg/spectral.ts); each computes bitwise what its TypeScript
 * counterpart computes (the same order of operations, no fused multiply-add).
 *
 * It is refused, and its users fall back to their WebAssembly or TypeScript code, when
 * build/lemmacheck-native.node is missing, was built from other sources (build/lemmacheck-native.json
 * records their SHA-256) or for another processor (the stamp records the CPU model and feature flags
 * it was compiled for: -march=native code may not run elsewhere), or cannot be loaded. Nothing is
 * downloaded.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The functions of the module (native/binding.c). */
export interface NativeBinding {
  sigmaLength(m: number, n: number): number;
  workLength(m: number, n: number, d: number): number;
  padSigma(sigma: Float64Array, m: number, n: number, padded: Float64Array): void;
  // S: the padded Σ (padSigma), or with raw = true Σ itself (m×n, read in place).
  step(
    S: Float64Array,
    m: number,
    n: number,
    d: number,
    U: Float64Array,
    V: Float64Array,
    eta: number,
    outU: Float64Array,
    outV: Float64Array,
    work: Float64Array,
    raw?: boolean,
  ): number;
  advance(
    S: Float64Array,
    m: number,
    n: number,
    d: number,
    U: Float64Array,
    V: Float64Array,
    eta: number,
    count: number,
    spareU: Float64Array,
    spareV: Float64Array,
    work: Float64Array,
    raw?: boolean,
  ): void;
  loss(S: Float64Array, m: number, n: number, d: number, U: Float64Array, V: Float64Array, work: Float64Array, raw?: boolean): number;
  /** Lanes per vector of advanceBatch: B must be a multiple of it. */
  batchWidth(): number;
  /** Doubles of advanceBatch's work area. */
  batchWorkLength(m: number, n: number, d: number): number;
  /**
   * B instances of an m×n problem of rank d, interleaved (element e of instance b at e·B + b): instance b
   * takes count[b] steps with step size eta[b]. False (nothing done) when the shape is not taken (B not a
   * multiple of the lane width, or d too large).
   */
  advanceBatch(
    S: Float64Array,
    m: number,
    n: number,
    d: number,
    B: number,
    U: Float64Array,
    V: Float64Array,
    eta: Float64Array,
    count: Float64Array,
    work: Float64Array,
  ): boolean;
  /**
   * advanceBatch, and f(U, V) before each step: loss[s·B + b] for s < count[b] (loss holds max(count)·B
   * doubles), bitwise what step() returns. False (nothing done) when the shape is not taken (as
   * advanceBatch, or n > 256).
   */
  advanceBatchLoss?(
    S: Float64Array,
    m: number,
    n: number,
    d: number,
    B: number,
    U: Float64Array,
    V: Float64Array,
    eta: Float64Array,
    count: Float64Array,
    work: Float64Array,
    loss: Float64Array,
  ): boolean;
  /** g's lower triangle (p×p, p = min(rows, cols)) := that of XᵀX (rows ≥ cols) or XXᵀ. */
  gramLower(x: Float64Array, rows: number, cols: number, g: Float64Array): void;
}

const ROOT = new URL('../', import.meta.url);
/** The module's sources (hashed together into the stamp), the module and its stamp. */
export const NATIVE_PATHS = {
  sources: [
    'native/gd-step.c',
    'native/gd-step.h',
    'native/gd-small.c',
    'native/gd-small-loop.h',
    'native/gd-small.h',
    'native/gram.c',
    'native/gram.h',
    'native/binding.c',
  ].map((p) => fileURLToPath(new URL(p, ROOT))),
  module: fileURLToPath(new URL('build/lemmacheck-native.node', ROOT)),
  stamp: fileURLToPath(new URL('build/lemmacheck-native.json', ROOT)),
};

/** SHA-256 (hex) of a text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 of the module's sources, concatenated in NATIVE_PATHS order. */
export function nativeSourceHash(paths: typeof NATIVE_PATHS = NATIVE_PATHS): string {
  return sha256(paths.sources.map((p) => readFileSync(p, 'utf8')).join('\0'));
}

/**
 * The processor the module is compiled for: architecture, model name and feature flags (from
 * /proc/cpuinfo where there is one), hashed. A module compiled with -march=native runs only where
 * these are the same.
 */
export function cpuSignature(): string {
  let flags = '';
  try {
    flags = /^flags\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '';
  } catch {
    // no /proc/cpuinfo (not Linux): the model name alone
  }
  return sha256(`${process.arch} ${cpus()[0]?.model ?? ''} ${flags}`);
}

/** The module from the files at `paths`, with the compiler flags its stamp records; or why it cannot be had. */
export function loadNativeBinding(paths: typeof NATIVE_PATHS = NATIVE_PATHS): { binding: NativeBinding; flags: string } | { error: string } {
  try {
    const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8')) as { sourceSha256?: string; cpu?: string; flags?: string };
    if (stamp.sourceSha256 !== nativeSourceHash(paths))
      throw new Error('build/lemmacheck-native.node was built from other versions of native/* (run npm run build:kernel)');
    if (stamp.cpu !== cpuSignature()) throw new Error('build/lemmacheck-native.node was compiled for another processor (run npm run build:kernel)');
    return { binding: createRequire(import.meta.url)(paths.module) as NativeBinding, flags: stamp.flags ?? '' };
  } catch (e) {
    return { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

let loaded: ReturnType<typeof loadNativeBinding> | undefined;

/**
 * The process's module, loaded on first call; or why it is unavailable. LEMMACHECK_NATIVE=off
 * refuses it (everything then runs the WebAssembly or TypeScript code).
 */
export function nativeBinding(): ReturnType<typeof loadNativeBinding> {
  loaded ??= process.env.LEMMACHECK_NATIVE === 'off' ? { error: 'LEMMACHECK_NATIVE=off' } : loadNativeBinding();
  return loaded;
}
