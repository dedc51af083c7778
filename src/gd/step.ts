/**
 * The GD kernel: one step of simultaneous gradient descent on f(U, V) = ½‖UVᵀ − Σ‖²_F,
 * YD21 (2),(3):
 *
 *   U_{t+1} = U_t + η(Σ − U_t V_tᵀ) V_t,    V_{t+1} = V_t + η(Σ − U_t V_tᵀ)ᵀ U_t.
 *
 * Both updates use the old (U_t, V_t). The residual R = Σ − UVᵀ is never stored whole: its entries
 * are formed and at once accumulated into ∇_U = −RV and ∇_V = −RᵀU, so one step costs 3·m·n·d
 * multiply-adds. Three implementations with the same order of operations (so the same iterates, bit
 * for bit; the TypeScript kernel's loss may differ from the other two in the last bits):
 *
 * - `native`: C with the machine's widest vectors (native/gd-step.c, compiled at install time with
 *   -march=native; ./step-native.ts), used when it loads; for small shapes (m, n ≤ 16, d ≤ 8)
 *   Stepper.advance runs the whole loop in native/gd-small.c (the same bits, no set-up per step);
 * - `wasm`: WebAssembly SIMD (assembly/gd-step.ts, compiled at install time), used when the native
 *   kernel does not load, or forced with LEMMACHECK_KERNEL=wasm; its loss is bitwise the native one's;
 * - `ts`: plain TypeScript (./step-ts.ts), the last fallback, forced with LEMMACHECK_KERNEL=ts.
 *
 * This file chooses between them; `kernelInfo()` says which one is active and why.
 */
import { nativeKernel } from './step-native.ts';
import { tsLoss, tsStepInto } from './step-ts.ts';
import { wasmKernel, type ResidentSigma } from './step-wasm.ts';
import { UserError } from '../errors.ts';

/** Preallocated buffers for a problem of shape m×n with d columns. */
export interface StepBuffers {
  readonly gradU: Float64Array; // m×d, holds RV (TypeScript kernel)
  readonly gradV: Float64Array; // n×d, holds RᵀU (TypeScript kernel)
}

/** Buffers for gdStepInto on an m×n problem of rank d. */
export function makeStepBuffers(m: number, n: number, d: number): StepBuffers {
  return { gradU: new Float64Array(m * d), gradV: new Float64Array(n * d) };
}

/** The kernels, fastest first. */
export type KernelName = 'native' | 'wasm' | 'ts';

/** Which kernel runs the GD step. */
export interface KernelInfo {
  readonly kernel: KernelName;
  /** Why a faster kernel is not active (absent when the native one is). */
  readonly reason?: string;
}

type Loader = () => { kernel: unknown } | { error: string };

/**
 * The kernel for a value of LEMMACHECK_KERNEL: `ts` when it says so (no module is then even
 * loaded); else `native` when its loader gives the module (not tried when LEMMACHECK_KERNEL=wasm);
 * else `wasm` when that loader gives its module; else `ts`. The reason names each kernel passed
 * over and why.
 */
export function chooseKernel(wanted: string | undefined, load: { native: Loader; wasm: Loader }): KernelInfo {
  const problem = kernelSettingProblem(wanted);
  if (problem) throw new UserError(problem);
  if (wanted === 'ts') return { kernel: 'ts', reason: 'LEMMACHECK_KERNEL=ts' };
  let reason = 'LEMMACHECK_KERNEL=wasm';
  if (wanted !== 'wasm') {
    const n = load.native();
    if ('kernel' in n) return { kernel: 'native' };
    reason = `native kernel: ${n.error}`;
  }
  const w = load.wasm();
  return 'kernel' in w ? { kernel: 'wasm', reason } : { kernel: 'ts', reason: `${reason}; WebAssembly kernel: ${w.error}` };
}

/** The values LEMMACHECK_KERNEL may take (unset or empty: the fastest that loads). */
export const KERNEL_SETTINGS: readonly KernelName[] = ['native', 'wasm', 'ts'];

/** Why a LEMMACHECK_KERNEL value is not accepted, or null; a typo never falls back silently. */
export function kernelSettingProblem(wanted: string | undefined): string | null {
  return wanted === undefined || wanted === '' || (KERNEL_SETTINGS as readonly string[]).includes(wanted)
    ? null
    : `LEMMACHECK_KERNEL must be one of ${KERNEL_SETTINGS.join(', ')} (or unset), got '${wanted}'`;
}

let info: KernelInfo | undefined;

/** The active kernel, chosen once per process (see chooseKernel): `native` unless LEMMACHECK_KERNEL says otherwise or its module could not be loaded. */
export function kernelInfo(): KernelInfo {
  info ??= chooseKernel(process.env.LEMMACHECK_KERNEL, { native: nativeKernel, wasm: wasmKernel });
  return info;
}

/**
 * A resident Σ on the native or the WebAssembly kernel; null when that kernel cannot hold it.
 * `oneShot`: released before the next one is made (the native kernel then reuses its buffers).
 */
function residentOn(kernel: 'native' | 'wasm', sigma: Float64Array, m: number, n: number, d: number, oneShot = false): ResidentSigma | null {
  if (kernel === 'native') {
    const k = nativeKernel();
    if (!('kernel' in k)) throw new Error(`the native kernel is unavailable: ${k.error}`);
    return k.kernel.loadSigma(sigma, m, n, d, oneShot);
  }
  const w = wasmKernel();
  if (!('kernel' in w)) throw new Error(`the WebAssembly kernel is unavailable: ${w.error}`);
  return w.kernel.loadSigma(sigma, m, n, d);
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
 * A stepper for Σ (m×n) and rank d on the given kernel (default: the active one). The native and
 * WebAssembly kernels copy (and pad) Σ once here; a step then reads only the iterates. When the
 * WebAssembly memory cannot hold the problem the stepper uses the TypeScript kernel.
 */
export function makeStepper(sigma: Float64Array, m: number, n: number, d: number, kernel: KernelName = kernelInfo().kernel): Stepper {
  const resident = kernel === 'ts' ? null : residentOn(kernel, sigma, m, n, d);
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
 * With the WebAssembly kernel each call copies Σ (the native one reads it in place but re-reads it
 * unpadded); a loop over steps should use makeStepper.
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

/**
 * Runs `body` on Σ resident on the active kernel (a copy in the WebAssembly memory; Σ itself, read in
 * place, for the native kernel); null when that is the TypeScript kernel or Σ does not fit.
 */
function oneShot(sigma: Float64Array, m: number, n: number, d: number, body: (resident: ResidentSigma) => number): number | null {
  const { kernel } = kernelInfo();
  const resident = kernel === 'ts' ? null : residentOn(kernel, sigma, m, n, d, true);
  if (!resident) return null;
  try {
    return body(resident);
  } finally {
    resident.release();
  }
}
