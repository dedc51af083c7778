/**
 * The GD step in plain TypeScript: the fallback kernel, and the definition of the order of
 * operations that the WebAssembly kernel (assembly/gd-step.ts) reproduces entry for entry:
 *
 *   r_ij   = Σ_ij − (((0 + u_i0 v_j0) + u_i1 v_j1) + …)          (k increasing)
 *   g^U_ik = ((0 + r_i0 v_0k) + r_i1 v_1k) + …                     (j increasing)
 *   g^V_jk = ((0 + r_0j u_0k) + r_1j u_1k) + …                     (i increasing)
 *   U'_ik  = U_ik + η g^U_ik,   V'_jk = V_jk + η g^V_jk,   returns ½ Σ r_ij²
 *
 * The residual is never stored: rows are taken four at a time, and for each column j the four
 * residuals are formed and immediately accumulated into the four rows of g^U and into row j of g^V,
 * so each row of V (contiguous in the row-major n×d layout) is read once per four rows of Σ.
 */

/**
 * Writes (U + η·(Σ − UVᵀ)V, V + η·(Σ − UVᵀ)ᵀU) into (outU, outV) and returns ½‖Σ − UVᵀ‖²_F.
 * Σ is m×n, U m×d, V n×d, all row-major; gradU (m×d) and gradV (n×d) are scratch.
 */
export function tsStepInto(
  sigma: Float64Array,
  m: number,
  n: number,
  d: number,
  U: Float64Array,
  V: Float64Array,
  eta: number,
  outU: Float64Array,
  outV: Float64Array,
  gradU: Float64Array,
  gradV: Float64Array,
): number {
  gradU.fill(0, 0, m * d);
  gradV.fill(0, 0, n * d);
  let sumSq = 0;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const u0 = i * d;
    const u1 = u0 + d;
    const u2 = u1 + d;
    const u3 = u2 + d;
    const s0 = i * n;
    for (let j = 0; j < n; j++) {
      const vj = j * d;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let k = 0; k < d; k++) {
        const v = V[vj + k];
        a0 += U[u0 + k] * v;
        a1 += U[u1 + k] * v;
        a2 += U[u2 + k] * v;
        a3 += U[u3 + k] * v;
      }
      const r0 = sigma[s0 + j] - a0;
      const r1 = sigma[s0 + n + j] - a1;
      const r2 = sigma[s0 + 2 * n + j] - a2;
      const r3 = sigma[s0 + 3 * n + j] - a3;
      sumSq += r0 * r0 + r1 * r1 + r2 * r2 + r3 * r3;
      for (let k = 0; k < d; k++) {
        const v = V[vj + k];
        const x0 = U[u0 + k];
        const x1 = U[u1 + k];
        const x2 = U[u2 + k];
        const x3 = U[u3 + k];
        gradU[u0 + k] += r0 * v;
        gradU[u1 + k] += r1 * v;
        gradU[u2 + k] += r2 * v;
        gradU[u3 + k] += r3 * v;
        gradV[vj + k] = gradV[vj + k] + r0 * x0 + r1 * x1 + r2 * x2 + r3 * x3;
      }
    }
  }
  for (; i < m; i++) {
    const ui = i * d;
    const si = i * n;
    for (let j = 0; j < n; j++) {
      const vj = j * d;
      let a = 0;
      for (let k = 0; k < d; k++) a += U[ui + k] * V[vj + k];
      const r = sigma[si + j] - a;
      sumSq += r * r;
      for (let k = 0; k < d; k++) {
        gradU[ui + k] += r * V[vj + k];
        gradV[vj + k] += r * U[ui + k];
      }
    }
  }
  for (let p = 0; p < m * d; p++) outU[p] = U[p] + eta * gradU[p];
  for (let p = 0; p < n * d; p++) outV[p] = V[p] + eta * gradV[p];
  return 0.5 * sumSq;
}

/** ½‖Σ − UVᵀ‖²_F with the residuals formed exactly as in tsStepInto (rows four at a time). */
export function tsLoss(sigma: Float64Array, m: number, n: number, d: number, U: Float64Array, V: Float64Array): number {
  let sumSq = 0;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const u0 = i * d;
    const s0 = i * n;
    for (let j = 0; j < n; j++) {
      const vj = j * d;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let k = 0; k < d; k++) {
        const v = V[vj + k];
        a0 += U[u0 + k] * v;
        a1 += U[u0 + d + k] * v;
        a2 += U[u0 + 2 * d + k] * v;
        a3 += U[u0 + 3 * d + k] * v;
      }
      const r0 = sigma[s0 + j] - a0;
      const r1 = sigma[s0 + n + j] - a1;
      const r2 = sigma[s0 + 2 * n + j] - a2;
      const r3 = sigma[s0 + 3 * n + j] - a3;
      sumSq += r0 * r0 + r1 * r1 + r2 * r2 + r3 * r3;
    }
  }
  for (; i < m; i++)
    for (let j = 0; j < n; j++) {
      let a = 0;
      for (let k = 0; k < d; k++) a += U[i * d + k] * V[j * d + k];
      const r = sigma[i * n + j] - a;
      sumSq += r * r;
    }
  return 0.5 * sumSq;
}
