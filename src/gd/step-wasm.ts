/**
 * The WebAssembly SIMD GD kernel (assembly/gd-step.ts, compiled at install time into
 * build/gd-step.wasm by scripts/build-kernel.ts): loading, and the memory it works in.
 *
 * The module is compiled once, synchronously, on first use. It is refused — and the caller falls
 * back to the TypeScript kernel — when the file is missing, when it was built from another version
 * of assembly/gd-step.ts (build/gd-step.json records the source's SHA-256), or when this runtime
 * cannot compile or instantiate it (no SIMD). Nothing is downloaded.
 *
 * Memory is a stack of regions in the instance's linear memory, one per resident Σ (padded once,
 * kept for all the steps of a trajectory) with its iterate, output and work areas. Calls are
 * synchronous and regions are released in reverse order (a trajectory's observer may itself run
 * GD), so a stack suffices. Typed-array views are remade when the memory has grown, since growing
 * detaches the old ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../native.ts';

interface Exports {
  memory: WebAssembly.Memory;
  sigmaBytes(m: number, n: number): number;
  workBytes(m: number, n: number, d: number): number;
  padSigma(ptr: number, m: number, n: number): void;
  step(S: number, m: number, n: number, d: number, U: number, V: number, eta: number, outU: number, outV: number, work: number): number;
  loss(S: number, m: number, n: number, d: number, U: number, V: number, work: number): number;
}

const ROOT = new URL('../../', import.meta.url);
/** Where the build script writes the module, and the source it compiles. */
export const WASM_PATHS = {
  source: fileURLToPath(new URL('assembly/gd-step.ts', ROOT)),
  wasm: fileURLToPath(new URL('build/gd-step.wasm', ROOT)),
  stamp: fileURLToPath(new URL('build/gd-step.json', ROOT)),
};

/**
 * The arena never hands out bytes at or beyond this address: the kernel takes pointers as i32
 * offsets, so every address must stay below 2³¹ (with a margin of 1 MiB).
 */
export const WASM_MAX_BYTES = 2 ** 31 - 2 ** 20;

/**
 * A stack of regions in a WebAssembly memory, above `base`: alloc reserves on top (growing the
 * memory when needed), a region's free() marks it free, and the top comes down past every freed
 * region that is no longer covered by a live one.
 */
export class Arena {
  private top: number;
  private readonly live: { end: number; freed: boolean }[] = [];
  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly base: number,
    private readonly maxBytes: number = WASM_MAX_BYTES,
  ) {
    this.top = base;
  }

  /** Reserves `bytes` (16-byte aligned) on top of the stack; null when it cannot grow that far. */
  alloc(bytes: number): { start: number; free: () => void } | null {
    const start = (this.top + 15) & ~15;
    const end = start + bytes;
    if (!(end <= this.maxBytes)) return null;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / 65536));
      } catch {
        return null; // the engine refused the pages
      }
    }
    const region = { end, freed: false };
    this.live.push(region);
    this.top = end;
    return {
      start,
      free: () => {
        region.freed = true;
        while (this.live.length > 0 && this.live[this.live.length - 1].freed) this.live.pop();
        this.top = this.live.length > 0 ? this.live[this.live.length - 1].end : this.base;
      },
    };
  }

  /** Bytes from the base to the top of the stack (0 when every region is freed). */
  reserved(): number {
    return this.top - this.base;
  }

  f64(start: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, start, length);
  }
}

/**
 * A padded Σ resident in a kernel's memory, stepped from JavaScript iterates (the contract of the
 * WebAssembly and the native kernels alike).
 */
export interface ResidentSigma {
  /** One GD step (see src/gd/step-ts.ts for the semantics). */
  step(U: Float64Array, V: Float64Array, eta: number, outU: Float64Array, outV: Float64Array): number;
  /** f(U, V) = ½‖Σ − UVᵀ‖²_F, bitwise what step() returns. */
  loss(U: Float64Array, V: Float64Array): number;
  /**
   * `count` steps from (U, V), written back into U and V: the iterates stay in the kernel's memory
   * between steps (no copies in and out), each step bitwise the one step() computes.
   */
  advance(U: Float64Array, V: Float64Array, eta: number, count: number): void;
  /** Releases Σ's region. */
  release(): void;
}

/** The loaded kernel. */
export interface WasmKernel {
  /**
   * Copies and pads Σ (m×n) into the kernel's memory, with room for the iterates and the work area
   * of rank d; null when it does not fit.
   */
  loadSigma(sigma: Float64Array, m: number, n: number, d: number): ResidentSigma | null;
  /** Bytes held by regions not yet released (0 when every resident Σ has been released). */
  reservedBytes(): number;
}

function instantiate(paths: typeof WASM_PATHS): WasmKernel {
  const source = readFileSync(paths.source, 'utf8');
  const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8')) as { sourceSha256?: string };
  if (stamp.sourceSha256 !== sha256(source))
    throw new Error('build/gd-step.wasm was built from another version of assembly/gd-step.ts (run npm run build:kernel)');
  const module = new WebAssembly.Module(readFileSync(paths.wasm));
  const ex = new WebAssembly.Instance(module, {
    env: {
      abort: () => {
        throw new Error('gd-step.wasm aborted');
      },
    },
  }).exports as unknown as Exports;
  const arena = new Arena(ex.memory, ex.memory.buffer.byteLength);
  return {
    reservedBytes: () => arena.reserved(),
    loadSigma(sigma, m, n, d) {
      // One region: Σ (padded), U, V, the outputs and the work area, each 16-byte aligned; offsets
      // from the region's start (itself 16-byte aligned), the region exactly as long as the layout.
      const align = (x: number) => Math.ceil(x / 16) * 16; // not (x + 15) & ~15: sizes may pass 2³¹
      const oU = ex.sigmaBytes(m, n);
      const oV = align(oU + m * d * 8);
      const oOutU = align(oV + n * d * 8);
      const oOutV = align(oOutU + m * d * 8);
      const oWork = align(oOutV + n * d * 8);
      const s = arena.alloc(oWork + ex.workBytes(m, n, d));
      if (!s) return null;
      const [pS, pU, pV, pOutU, pOutV, pWork] = [0, oU, oV, oOutU, oOutV, oWork].map((o) => s.start + o);
      arena.f64(pS, m * n).set(sigma.subarray(0, m * n));
      ex.padSigma(pS, m, n);
      // Views into the memory, remade when it has grown (which detaches the old buffer).
      let buffer: ArrayBufferLike | null = null;
      let views!: Record<'U' | 'V' | 'outU' | 'outV', Float64Array>; // made by the first copyIn
      const copyIn = (U: Float64Array, V: Float64Array) => {
        if (buffer !== ex.memory.buffer) {
          buffer = ex.memory.buffer;
          views = { U: arena.f64(pU, m * d), V: arena.f64(pV, n * d), outU: arena.f64(pOutU, m * d), outV: arena.f64(pOutV, n * d) };
        }
        views.U.set(U.length === m * d ? U : U.subarray(0, m * d));
        views.V.set(V.length === n * d ? V : V.subarray(0, n * d));
      };
      return {
        step(U, V, eta, outU, outV) {
          copyIn(U, V);
          const f = ex.step(pS, m, n, d, pU, pV, eta, pOutU, pOutV, pWork);
          outU.set(views.outU);
          outV.set(views.outV);
          return f;
        },
        advance(U, V, eta, count) {
          copyIn(U, V);
          let [u, v, nu, nv] = [pU, pV, pOutU, pOutV];
          for (let i = 0; i < count; i++) {
            ex.step(pS, m, n, d, u, v, eta, nu, nv, pWork);
            [u, nu] = [nu, u];
            [v, nv] = [nv, v];
          }
          // The views follow the buffer, which the steps never grow.
          U.set(u === pU ? views.U : views.outU);
          V.set(v === pV ? views.V : views.outV);
        },
        loss(U, V) {
          copyIn(U, V);
          return ex.loss(pS, m, n, d, pU, pV, pWork);
        },
        release: s.free,
      };
    },
  };
}

/** A new instance of the kernel from the files at `paths`; or why it cannot be made. */
export function loadWasmKernel(paths: typeof WASM_PATHS = WASM_PATHS): { kernel: WasmKernel } | { error: string } {
  try {
    return { kernel: instantiate(paths) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

let loaded: { kernel: WasmKernel } | { error: string } | undefined;

/** The process's kernel, compiled on first call; or why it is unavailable. */
export function wasmKernel(): { kernel: WasmKernel } | { error: string } {
  loaded ??= loadWasmKernel();
  return loaded;
}
