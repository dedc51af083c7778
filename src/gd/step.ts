/**
 * The GD kernel: one step of simultaneous gradient descent on f(U, V) = ½‖UVᵀ − Σ‖²_F,
 * YD21 (2),(3):
 *
 *   U_{t+1} = U_t + η(Σ − U_t V_tᵀ) V_t,    V_{t+1} = V_t + η(Σ − U_t V_tᵀ)ᵀ U_t.
 *
 * Both updates use the old (U_t, V_t). The residual R = Σ − UVᵀ is never stored: each entry r_ij
 * is formed once and immediately accumulated into ∇_U = −RV and ∇_V = −RᵀU, so one step costs
 * 3·m·n·d multiply-adds and O((m+n)·d) memory. This file is the only place the update is written.
 */

/** Preallocated buffers for a problem of shape m×n with d columns. */
export interface StepBuffers {
  readonly gradU: Float64Array; // m×d, holds RV
  readonly gradV: Float64Array; // n×d, holds RᵀU
}

export function makeStepBuffers(m: number, n: number, d: number): StepBuffers {
  return { gradU: new Float64Array(m * d), gradV: new Float64Array(n * d) };
}

/**
 * Writes (U_{t+1}, V_{t+1}) into (outU, outV) and returns f(U_t, V_t) = ½‖R‖²_F, which the kernel
 * gets for free. Σ is m×n, U is m×d, V is n×d, all row-major. outU/outV must not alias U/V.
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
  const { gradU, gradV } = buf;
  gradU.fill(0);
  gradV.fill(0);
  let sumSq = 0;
  for (let i = 0; i < m; i++) {
    const ui = i * d;
    const si = i * n;
    for (let j = 0; j < n; j++) {
      const vj = j * d;
      let uv = 0;
      for (let k = 0; k < d; k++) uv += U[ui + k] * V[vj + k];
      const r = sigma[si + j] - uv;
      sumSq += r * r;
      if (r === 0) continue;
      for (let k = 0; k < d; k++) {
        gradU[ui + k] += r * V[vj + k];
        gradV[vj + k] += r * U[ui + k];
      }
    }
  }
  for (let i = 0; i < m * d; i++) outU[i] = U[i] + eta * gradU[i];
  for (let i = 0; i < n * d; i++) outV[i] = V[i] + eta * gradV[i];
  return 0.5 * sumSq;
}
