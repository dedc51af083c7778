/**
 * The GD kernel: one step of simultaneous gradient descent on f(U, V) = ½‖UVᵀ − Σ‖²_F,
 * YD21 (2),(3):
 *
 *   U_{t+1} = U_t + η(Σ − U_t V_tᵀ) V_t,    V_{t+1} = V_t + η(Σ − U_t V_tᵀ)ᵀ U_t.
 *
 * Both updates use the old (U_t, V_t). The residual R = Σ − UVᵀ is never stored whole: its entries
 * are formed and at once accumulated into ∇_U = −RV and ∇_V = −RᵀU, so one step costs 3·m·n·d
 * multiply-adds. Two implementations with the same order of operations (so the same iterates, bit
 * for bit; the returned loss may differ in the last bits):
 *
 * - `wasm`: WebAssembly SIMD (assembly/gd-step.ts, compiled at install time), used when it loads;
 * - `ts`: plain TypeScript (./step-ts.ts), the fallback, forced with LEMMACHECK_KERNEL=ts.
 *
 * This file chooses between them; `kernelInfo()` says which one is active and why.
 */
import { tsLoss, tsStepInto } from './step-ts.ts';
import { wasmKernel, type WasmSigma } from './step-wasm.ts';

/** Preallocated buffers for a problem of shape m×n with d columns. */
export interface StepBuffers {
  readonly gradU: Float64Array; // m×d, holds RV (TypeScript kernel)
  readonly gradV: Float64Array; // n×d, holds RᵀU (TypeScript kernel)
}

/** Buffers for gdStepInto on an m×n problem of rank d. */
export function makeStepBuffers(m: number, n: number, d: number): StepBuffers {
  return { gradU: new Float64Array(m * d), gradV: new Float64Array(n * d) };
}

/** Which kernel runs the GD step. */
export interface KernelInfo {
  readonly kernel: 'wasm' | 'ts';
  /** Why the TypeScript kernel is active (absent when it is the WebAssembly one). */
  readonly reason?: string;
}

/**
 * The kernel for a value of LEMMACHECK_KERNEL: `ts` when it says so (the module is then not even
 * loaded), else `wasm` when `load` gives the module, else `ts` with the loader's reason.
 */
export function chooseKernel(wanted: string | undefined, load: () => { kernel: unknown } | { error: string }): KernelInfo {
  if (wanted === 'ts') return { kernel: 'ts', reason: 'LEMMACHECK_KERNEL=ts' };
  const w = load();
  return 'kernel' in w ? { kernel: 'wasm' } : { kernel: 'ts', reason: w.error };
}

let info: KernelInfo | undefined;

/** The active kernel, chosen once per process: `wasm` unless LEMMACHECK_KERNEL=ts or the module could not be loaded. */
export function kernelInfo(): KernelInfo {
  info ??= chooseKernel(process.env.LEMMACHECK_KERNEL, wasmKernel);
  return info;
}

/** A stepper for one Σ: what runTrajectory calls once per step. */
export interface Stepper {
  /** One step from (U, V) into (outU, outV); returns f(U, V). */
  step(U: Float64Array, V: Float64Array, eta: number, outU: Float64Array, outV: Float64Array): number;
  /** `count` steps from (U, V), in place; each bitwise what step() computes (faster: no copies between steps). */
  advance(U: Float64Array, V: Float64Array, eta: number, count: number): void;
  /** Frees what the stepper holds (Σ's copy in the WebAssembly memory). */
  release(): void;
}

/**
 * A stepper for Σ (m×n) and rank d on the given kernel (default: the active one). The WebAssembly
 * kernel copies Σ once here; a step then copies only the iterates. When the WebAssembly memory
 * cannot hold the problem the stepper uses the TypeScript kernel.
 */
export function makeStepper(sigma: Float64Array, m: number, n: number, d: number, kernel: 'wasm' | 'ts' = kernelInfo().kernel): Stepper {
  let resident: WasmSigma | null = null;
  if (kernel === 'wasm') {
    const w = wasmKernel();
    if (!('kernel' in w)) throw new Error(`the WebAssembly kernel is unavailable: ${w.error}`);
    resident = w.kernel.loadSigma(sigma, m, n, d);
  }
  let buf: StepBuffers | undefined;
  const ts = (U: Float64Array, V: Float64Array, eta: number, outU: Float64Array, outV: Float64Array): number => {
    buf ??= makeStepBuffers(m, n, d);
    return tsStepInto(sigma, m, n, d, U, V, eta, outU, outV, buf.gradU, buf.gradV);
  };
  let spare: [Float64Array, Float64Array] | undefined;
  return {
    step: (U, V, eta, outU, outV) => (resident ? resident.step(U, V, eta, outU, outV) : ts(U, V, eta, outU, outV)),
    advance: (U, V, eta, count) => {
      if (resident) return resident.advance(U, V, eta, count);
      spare ??= [new Float64Array(m * d), new Float64Array(n * d)];
      let [u, v, nu, nv] = [U, V, spare[0], spare[1]];
      for (let i = 0; i < count; i++) {
        ts(u, v, eta, nu, nv);
        [u, nu] = [nu, u];
        [v, nv] = [nv, v];
      }
      if (u !== U) U.set(u);
      if (v !== V) V.set(v);
    },
    release: () => resident?.release(),
  };
}

/**
 * Writes (U_{t+1}, V_{t+1}) into (outU, outV) and returns f(U_t, V_t) = ½‖R‖²_F, which the kernel
 * gets for free. Σ is m×n, U is m×d, V is n×d, all row-major. outU/outV must not alias U/V.
 * With the WebAssembly kernel each call copies Σ; a loop over steps should use makeStepper.
 */
export function gdStepInto(
  sigma: Float64Array,
  m: number,
  n: number,
  d: number,
  U: Float64Array,
  V: Float64Array,
  eta: number,
  outU: Float64Array,
  outV: Float64Array,
  buf: StepBuffers,
): number {
  const f = oneShot(sigma, m, n, d, (resident) => resident.step(U, V, eta, outU, outV));
  return f ?? tsStepInto(sigma, m, n, d, U, V, eta, outU, outV, buf.gradU, buf.gradV);
}

/**
 * f(U, V) = ½‖Σ − UVᵀ‖²_F for Σ m×n, U m×d, V n×d (row-major), by the active kernel, with the
 * residuals formed as in gdStepInto.
 */
export function lossInto(sigma: Float64Array, m: number, n: number, d: number, U: Float64Array, V: Float64Array): number {
  return oneShot(sigma, m, n, d, (resident) => resident.loss(U, V)) ?? tsLoss(sigma, m, n, d, U, V);
}

/** Runs `body` on a copy of Σ in the WebAssembly memory; null when that kernel is not active or Σ does not fit. */
function oneShot(sigma: Float64Array, m: number, n: number, d: number, body: (resident: WasmSigma) => number): number | null {
  if (kernelInfo().kernel !== 'wasm') return null;
  const w = wasmKernel();
  const resident = 'kernel' in w ? w.kernel.loadSigma(sigma, m, n, d) : null;
  if (!resident) return null;
  try {
    return body(resident);
  } finally {
    resident.release();
  }
}
