/**
 * Which kernel runs, and the WebAssembly kernel's memory: the choice between the kernels
 * (LEMMACHECK_KERNEL, a module that fails to load), that each entry point runs the kernel it says
 * (the two kernels' losses differ in the last bits on the instance below, so a swap is visible),
 * the loader's refusal of a module built from another source, the arena's stack discipline, growth
 * and limits, and that every resident Σ is released. No timings here.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runTrajectory } from '../../src/gd/trajectory.ts';
import { chooseKernel, gdStepInto, type KernelName, kernelInfo, lossInto, makeStepBuffers, makeStepper } from '../../src/gd/step.ts';
import { loadNativeKernel } from '../../src/gd/step-native.ts';
import { cpuSignature, NATIVE_PATHS } from '../../src/native.ts';
import { tsLoss, tsStepInto } from '../../src/gd/step-ts.ts';
import { Arena, loadWasmKernel, WASM_MAX_BYTES, WASM_PATHS, wasmKernel, type WasmKernel } from '../../src/gd/step-wasm.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';

const wasmActive = process.env.LEMMACHECK_KERNEL !== 'ts';

// 9×10, d = 2: the WebAssembly kernel sums the squared residuals in SIMD lanes, the TypeScript one
// row block by row block, and on this instance the two losses differ in the last bits (asserted
// below): a test can tell which kernel produced a loss.
const [m, n, d] = [9, 10, 2];
const S = gaussianMatrix(m, n, 1, 'ld-s').data;
const U = gaussianMatrix(m, d, 1, 'ld-u').data;
const V = gaussianMatrix(n, d, 1, 'ld-v').data;
const eta = 0.01;

function kernel(): WasmKernel {
  const w = wasmKernel();
  if (!('kernel' in w)) throw new Error(w.error);
  return w.kernel;
}

/** The WebAssembly kernel's loss and step on (S, U, V), computed on a resident of its own. */
function wasmReferenceOnce() {
  const r = kernel().loadSigma(S, m, n, d)!;
  try {
    const out = [new Float64Array(m * d), new Float64Array(n * d)];
    return { loss: r.loss(U, V), stepF: r.step(U, V, eta, out[0], out[1]), U: out[0], V: out[1] };
  } finally {
    r.release();
  }
}

function tsReferenceOnce() {
  const out = [new Float64Array(m * d), new Float64Array(n * d)];
  const f = tsStepInto(S, m, n, d, U, V, eta, out[0], out[1], new Float64Array(m * d), new Float64Array(n * d));
  return { loss: tsLoss(S, m, n, d, U, V), stepF: f, U: out[0], V: out[1] };
}

// Computed inside the tests (not while the file is collected), once.
let wasmRef: ReturnType<typeof wasmReferenceOnce> | undefined;
let tsRef: ReturnType<typeof tsReferenceOnce> | undefined;
const wasmReference = () => (wasmRef ??= wasmReferenceOnce());
const tsReference = () => (tsRef ??= tsReferenceOnce());

describe('choosing the kernel', () => {
  const ok = () => ({ kernel: {} });
  const no = (error: string) => () => ({ error });

  test('LEMMACHECK_KERNEL=ts chooses the TypeScript kernel without loading either module', () => {
    let loads = 0;
    const counted = () => {
      loads++;
      return { kernel: {} };
    };
    expect(chooseKernel('ts', { native: counted, wasm: counted })).toEqual({ kernel: 'ts', reason: 'LEMMACHECK_KERNEL=ts' });
    expect(loads).toBe(0);
  });

  test('LEMMACHECK_KERNEL=wasm skips the native module (not even loaded)', () => {
    let loads = 0;
    const native = () => {
      loads++;
      return { kernel: {} };
    };
    expect(chooseKernel('wasm', { native, wasm: ok })).toEqual({ kernel: 'wasm', reason: 'LEMMACHECK_KERNEL=wasm' });
    expect(loads).toBe(0);
    expect(chooseKernel('wasm', { native, wasm: no('no SIMD here') })).toEqual({
      kernel: 'ts',
      reason: 'LEMMACHECK_KERNEL=wasm; WebAssembly kernel: no SIMD here',
    });
  });

  test('otherwise the native kernel when it loads, else the WebAssembly one, else the TypeScript one, with the reasons', () => {
    for (const wanted of [undefined, '', 'native']) {
      expect(chooseKernel(wanted, { native: ok, wasm: ok })).toEqual({ kernel: 'native' });
      expect(chooseKernel(wanted, { native: no('stale'), wasm: ok })).toEqual({ kernel: 'wasm', reason: 'native kernel: stale' });
      expect(chooseKernel(wanted, { native: no('stale'), wasm: no('no SIMD here') })).toEqual({
        kernel: 'ts',
        reason: 'native kernel: stale; WebAssembly kernel: no SIMD here',
      });
    }
  });
});

describe.skipIf(!wasmActive)('each entry point runs the kernel it says', () => {
  test('the instance tells the kernels apart: same iterates bit for bit, losses differing in the last bits', () => {
    const [w, t] = [wasmReference(), tsReference()];
    expect(Array.from(w.U)).toEqual(Array.from(t.U));
    expect(Array.from(w.V)).toEqual(Array.from(t.V));
    expect(w.loss).not.toBe(t.loss);
    expect(Math.abs(w.loss - t.loss)).toBeLessThan(1e-12 * t.loss);
  });

  test('each kernel returns from a step bitwise the loss it computes alone', () => {
    const [w, t] = [wasmReference(), tsReference()];
    expect(w.stepF).toBe(w.loss);
    expect(t.stepF).toBe(t.loss);
  });

  test('makeStepper runs the kernel it is given; the default is the active one (native)', () => {
    const [w, t] = [wasmReference(), tsReference()];
    // The native kernel's loss is bitwise the WebAssembly one's (properties/gd/kernels-bitwise.test.ts).
    for (const [choice, ref] of [
      ['native', w],
      ['wasm', w],
      ['ts', t],
      [undefined, w],
    ] as const) {
      const stepper = makeStepper(S, m, n, d, choice);
      try {
        const out = [new Float64Array(m * d), new Float64Array(n * d)];
        expect(stepper.step(U, V, eta, out[0], out[1])).toBe(ref.loss);
        expect(Array.from(out[0])).toEqual(Array.from(ref.U));
      } finally {
        stepper.release();
      }
    }
  });

  test('gdStepInto and lossInto run the active kernel', () => {
    const w = wasmReference();
    const out = [new Float64Array(m * d), new Float64Array(n * d)];
    expect(gdStepInto(S, m, n, d, U, V, eta, out[0], out[1], makeStepBuffers(m, n, d))).toBe(w.loss);
    expect(Array.from(out[1])).toEqual(Array.from(w.V));
    expect(lossInto(S, m, n, d, U, V)).toBe(w.loss);
  });

  test('advance: count steps in place, each bitwise a step, on either kernel', () => {
    const expected = [U.slice(), V.slice()];
    for (let i = 0; i < 7; i++) {
      const out = [new Float64Array(m * d), new Float64Array(n * d)];
      tsStepInto(S, m, n, d, expected[0], expected[1], eta, out[0], out[1], new Float64Array(m * d), new Float64Array(n * d));
      expected.splice(0, 2, out[0], out[1]);
    }
    for (const choice of ['native', 'wasm', 'ts'] as const) {
      for (const count of [6, 7]) {
        // An even and an odd count: the last iterate sits in either buffer of the pair.
        const stepper = makeStepper(S, m, n, d, choice);
        const [u, v] = [U.slice(), V.slice()];
        stepper.advance(u, v, eta, count - 6);
        stepper.advance(u, v, eta, 6);
        stepper.release();
        if (count === 6) {
          const six = runTrajectory({
            sigma: { rows: m, cols: n, data: S },
            U0: { rows: m, cols: d, data: U },
            V0: { rows: n, cols: d, data: V },
            eta,
            iters: 6,
            observe: () => 0,
          });
          expect(Array.from(u)).toEqual(Array.from(six.final.U.data));
          expect(Array.from(v)).toEqual(Array.from(six.final.V.data));
        } else {
          expect(Array.from(u)).toEqual(Array.from(expected[0]));
          expect(Array.from(v)).toEqual(Array.from(expected[1]));
        }
      }
    }
  });

  test('every stepper, one-shot step and loss releases its region of the WebAssembly memory', () => {
    const k = kernel();
    const before = k.reservedBytes();
    const stepper = makeStepper(S, m, n, d, 'wasm');
    expect(k.reservedBytes()).toBeGreaterThan(before);
    stepper.release();
    expect(k.reservedBytes()).toBe(before);
    gdStepInto(S, m, n, d, U, V, eta, new Float64Array(m * d), new Float64Array(n * d), makeStepBuffers(m, n, d));
    lossInto(S, m, n, d, U, V);
    runTrajectory({
      sigma: { rows: m, cols: n, data: S },
      U0: { rows: m, cols: d, data: U },
      V0: { rows: n, cols: d, data: V },
      eta,
      iters: 3,
      observe: () => 0,
    });
    expect(k.reservedBytes()).toBe(before);
  });
});

describe('arrays longer than the problem', () => {
  // Callers may pass views into larger buffers: only the first m·d (n·d) entries are read and written.
  const pad = (a: Float64Array, extra: number, fill: number) => {
    const b = new Float64Array(a.length + extra).fill(fill);
    b.set(a);
    return b;
  };
  for (const choice of (wasmActive ? ['native', 'wasm', 'ts'] : ['ts']) as KernelName[]) {
    test(`${choice}: the tails are neither read nor written`, () => {
      const t = tsReference();
      const stepper = makeStepper(S, m, n, d, choice);
      try {
        // A first step from other iterates, so that the kernel's memory does not already hold (U, V).
        stepper.step(new Float64Array(m * d).fill(0.25), new Float64Array(n * d).fill(-0.5), eta, new Float64Array(m * d), new Float64Array(n * d));
        const outU = new Float64Array(m * d + 3).fill(-5);
        const outV = new Float64Array(n * d + 3).fill(-5);
        stepper.step(pad(U, 3, 1e300), pad(V, 3, 1e300), eta, outU, outV);
        expect(Array.from(outU.subarray(0, m * d))).toEqual(Array.from(t.U));
        expect(Array.from(outV.subarray(0, n * d))).toEqual(Array.from(t.V));
        expect(Array.from(outU.subarray(m * d))).toEqual([-5, -5, -5]);
        expect(Array.from(outV.subarray(n * d))).toEqual([-5, -5, -5]);
      } finally {
        stepper.release();
      }
    });
  }

  test('the TypeScript kernel zeroes the first m·d (n·d) entries of reused gradient buffers, and only those', () => {
    const t = tsReference();
    const gradU = new Float64Array(m * d + 2).fill(123);
    const gradV = new Float64Array(n * d + 2).fill(-7);
    const out = [new Float64Array(m * d), new Float64Array(n * d)];
    for (let rep = 0; rep < 2; rep++) {
      tsStepInto(S, m, n, d, U, V, eta, out[0], out[1], gradU, gradV);
      expect(Array.from(out[0])).toEqual(Array.from(t.U));
      expect(Array.from(out[1])).toEqual(Array.from(t.V));
    }
    expect(Array.from(gradU.subarray(m * d))).toEqual([123, 123]);
    expect(Array.from(gradV.subarray(n * d))).toEqual([-7, -7]);
  });
});

describe('the TypeScript kernel sums the loss in one order, whatever the number of rows', () => {
  // Rows go four at a time, the rest one at a time; tsStepInto and tsLoss must agree bit for bit
  // (the loss a trajectory records is the one lossInto would give) for m ≡ 0, 1, 2, 3 (mod 4).
  for (const rows of [8, 9, 10, 11]) {
    test(`m = ${rows}`, () => {
      const s = gaussianMatrix(rows, 7, 1, `order-s-${rows}`).data;
      const u = gaussianMatrix(rows, 3, 1, `order-u-${rows}`).data;
      const v = gaussianMatrix(7, 3, 1, `order-v-${rows}`).data;
      const f = tsStepInto(s, rows, 7, 3, u, v, eta, new Float64Array(rows * 3), new Float64Array(21), new Float64Array(rows * 3), new Float64Array(21));
      expect(f).toBe(tsLoss(s, rows, 7, 3, u, v));
    });
  }
});

describe.skipIf(!wasmActive)('loading the module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lemmacheck-wasm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const paths = { source: join(dir, 'gd-step.ts'), wasm: join(dir, 'gd-step.wasm'), stamp: join(dir, 'gd-step.json') };

  test('the built module loads from its files', () => {
    for (const key of ['source', 'wasm', 'stamp'] as const) copyFileSync(WASM_PATHS[key], paths[key]);
    expect('kernel' in loadWasmKernel(paths)).toBe(true);
  });

  test('a module built from another version of the source is refused, saying how to rebuild', () => {
    for (const key of ['source', 'wasm', 'stamp'] as const) copyFileSync(WASM_PATHS[key], paths[key]);
    writeFileSync(paths.source, `${readFileSync(WASM_PATHS.source, 'utf8')}\n// edited\n`);
    expect(loadWasmKernel(paths)).toEqual({
      error: 'build/gd-step.wasm was built from another version of assembly/gd-step.ts (run npm run build:kernel)',
    });
  });

  test('a missing or corrupt module is refused with the reason, not thrown', () => {
    for (const key of ['source', 'wasm', 'stamp'] as const) copyFileSync(WASM_PATHS[key], paths[key]);
    writeFileSync(paths.wasm, 'not a module');
    const corrupt = loadWasmKernel(paths);
    expect('error' in corrupt && corrupt.error.length > 0).toBe(true);
    rmSync(paths.stamp);
    const missing = loadWasmKernel(paths);
    expect('error' in missing && missing.error).toMatch(/gd-step\.json/);
  });
});

describe.skipIf(!wasmActive)('loading the native module', () => {
  const root = mkdtempSync(join(tmpdir(), 'lemmacheck-native-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // Each test copies the files into a directory of its own: a module once loaded stays mapped into
  // the process, and overwriting that file in place would corrupt the running code.
  let copies = 0;
  const copy = () => {
    const dir = join(root, String(copies++));
    mkdirSync(dir);
    const paths = {
      sources: NATIVE_PATHS.sources.map((p) => join(dir, basename(p))),
      module: join(dir, 'lemmacheck-native.node'),
      stamp: join(dir, 'lemmacheck-native.json'),
    };
    NATIVE_PATHS.sources.forEach((p, i) => {
      copyFileSync(p, paths.sources[i]);
    });
    copyFileSync(NATIVE_PATHS.module, paths.module);
    copyFileSync(NATIVE_PATHS.stamp, paths.stamp);
    return paths;
  };

  test('the built module loads from its files, and its stamp names the processor and the flags', () => {
    const paths = copy();
    const k = loadNativeKernel(paths);
    expect('kernel' in k && k.kernel.flags).toMatch(/-march=native .*-ffp-contract=off/);
    expect(JSON.parse(readFileSync(paths.stamp, 'utf8')).cpu).toBe(cpuSignature());
  });

  test('a stamp without flags gives empty flags (the module still loads)', () => {
    const paths = copy();
    const { flags: _flags, ...stamp } = JSON.parse(readFileSync(paths.stamp, 'utf8'));
    writeFileSync(paths.stamp, JSON.stringify(stamp));
    const k = loadNativeKernel(paths);
    expect('kernel' in k && k.kernel.flags).toBe('');
  });

  test('a module built from other sources is refused, saying how to rebuild', () => {
    const paths = copy();
    writeFileSync(paths.sources[0], `${readFileSync(NATIVE_PATHS.sources[0], 'utf8')}\n/* edited */\n`);
    expect(loadNativeKernel(paths)).toEqual({ error: 'build/lemmacheck-native.node was built from other versions of native/* (run npm run build:kernel)' });
  });

  test('a module compiled for another processor is refused before it is loaded (-march=native code may not run here)', () => {
    const paths = copy();
    const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
    writeFileSync(paths.stamp, JSON.stringify({ ...stamp, cpu: 'another processor' }));
    writeFileSync(paths.module, 'not a module'); // never opened
    expect(loadNativeKernel(paths)).toEqual({ error: 'build/lemmacheck-native.node was compiled for another processor (run npm run build:kernel)' });
  });

  test('a missing or corrupt module is refused with the reason, not thrown', () => {
    const paths = copy();
    writeFileSync(paths.module, 'not a module'); // never loaded before: a fresh directory
    const corrupt = loadNativeKernel(paths);
    expect('error' in corrupt && corrupt.error.length > 0).toBe(true);
    rmSync(paths.stamp);
    const missing = loadNativeKernel(paths);
    expect('error' in missing && missing.error).toMatch(/lemmacheck-native\.json/);
  });

  test('the binding refuses arrays shorter than the problem (a TypeError, never a write past the end)', () => {
    const k = loadNativeKernel();
    if (!('kernel' in k)) throw new Error(k.error);
    const r = k.kernel.loadSigma(S, m, n, d);
    expect(() => r.step(U.subarray(1), V, eta, new Float64Array(m * d), new Float64Array(n * d))).toThrow(TypeError);
    expect(() => r.step(U, V, eta, new Float64Array(m * d - 1), new Float64Array(n * d))).toThrow(TypeError);
    expect(() => r.loss(U, new Float64Array(n * d - 1))).toThrow(TypeError);
    expect(() => r.loss(U, Array.from(V) as unknown as Float64Array)).toThrow(TypeError);
  });
});

describe('the arena', () => {
  const PAGE = 65536;
  // A memory of one page that may grow to four: base at 1024, limit 3 pages.
  const fresh = () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    return { memory, arena: new Arena(memory, 1024, 3 * PAGE) };
  };

  test('regions are 16-byte aligned and stacked; the memory grows by whole pages, only as far as needed', () => {
    const { memory, arena } = fresh();
    const a = arena.alloc(100)!;
    expect(a.start).toBe(1024);
    const b = arena.alloc(10)!;
    expect(b.start).toBe(1024 + 112);
    expect(memory.buffer.byteLength).toBe(PAGE);
    const c = arena.alloc(PAGE)!;
    expect(c.start).toBe(1024 + 128);
    expect(memory.buffer.byteLength).toBe(2 * PAGE);
    expect(arena.reserved()).toBe(128 + PAGE);
    // Fits in the memory it has: no growth.
    c.free();
    expect(arena.alloc(PAGE)!.start).toBe(1024 + 128);
    expect(memory.buffer.byteLength).toBe(2 * PAGE);
  });

  test('a freed region is reused once every region above it is freed', () => {
    const { arena } = fresh();
    const a = arena.alloc(PAGE)!;
    const b = arena.alloc(PAGE)!;
    a.free();
    // a lies under b: the top stays at b's end, and a third page-sized region does not fit.
    expect(arena.reserved()).toBe(2 * PAGE);
    expect(arena.alloc(PAGE)).toBeNull();
    b.free();
    expect(arena.reserved()).toBe(0);
    expect(arena.alloc(PAGE)!.start).toBe(1024);
  });

  test('the limit is inclusive; past it, or when the memory refuses to grow, alloc returns null', () => {
    const { arena } = fresh();
    expect(arena.alloc(3 * PAGE - 1024 + 1)).toBeNull();
    expect(arena.alloc(3 * PAGE - 1024)).not.toBeNull();
    const capped = new Arena(new WebAssembly.Memory({ initial: 1, maximum: 2 }), 0, 8 * PAGE);
    expect(capped.alloc(3 * PAGE)).toBeNull(); // within the limit, but the memory cannot grow to 3 pages
    expect(capped.alloc(2 * PAGE)).not.toBeNull();
  });

  test('addresses stay below 2³¹ (the kernel takes i32 offsets)', () => {
    expect(WASM_MAX_BYTES).toBeLessThan(2 ** 31);
    expect(WASM_MAX_BYTES).toBeGreaterThanOrEqual(2 ** 31 - 2 ** 20);
  });

  test.skipIf(!wasmActive)('a Σ too large for the kernel memory is refused before anything is copied', () => {
    // 17 000 × 17 000 needs 2.3 GB: more than an i32 byte count can hold. Σ itself is not passed
    // (a one-entry array): loadSigma must refuse on the size alone.
    const k = kernel();
    const before = k.reservedBytes();
    expect(k.loadSigma(new Float64Array(1), 17_000, 17_000, 2)).toBeNull();
    expect(k.loadSigma(new Float64Array(1), 30_000, 30_000, 2)).toBeNull();
    expect(k.reservedBytes()).toBe(before);
  });

  test.skipIf(!wasmActive)('views made before the memory grew are remade: a resident steps correctly after a larger one is loaded', () => {
    const k = loadWasmKernel();
    if (!('kernel' in k)) throw new Error(k.error);
    const small = k.kernel.loadSigma(S, m, n, d)!;
    const out = [new Float64Array(m * d), new Float64Array(n * d)];
    small.step(U, V, eta, out[0], out[1]);
    const [bm, bn] = [300, 250]; // 600 kB of Σ: more than the module's initial memory
    const big = k.kernel.loadSigma(new Float64Array(bm * bn).fill(0.5), bm, bn, 3)!;
    expect(big).not.toBeNull();
    out[0].fill(0);
    expect(small.step(U, V, eta, out[0], out[1])).toBe(wasmReference().loss);
    expect(Array.from(out[0])).toEqual(Array.from(tsReference().U));
    big.release();
    small.release();
    expect(k.kernel.reservedBytes()).toBe(0);
  });
});

test.skipIf(!!process.env.LEMMACHECK_KERNEL)('the process runs the native kernel (the rest of this file assumes a compiled kernel)', () => {
  expect(kernelInfo().kernel).toBe('native');
});
