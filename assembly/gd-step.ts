/**
 * The GD step in WebAssembly SIMD (AssemblyScript, compiled at install time by
 * scripts/build-kernel.ts into build/gd-step.wasm). The TypeScript side is src/gd/step-wasm.ts;
 * the semantics are those of src/gd/step-ts.ts, entry for entry in the same order:
 *
 *   r_ij   = Σ_ij − (((0 + u_i0 v_j0) + u_i1 v_j1) + …)          (sum over k in increasing order)
 *   g^U_ik = ((0 + r_i0 v_0k) + r_i1 v_1k) + …                     (sum over j in increasing order)
 *   g^V_jk = ((0 + r_0j u_0k) + r_1j u_1k) + …                     (sum over i in increasing order)
 *   U'_ik  = U_ik + η g^U_ik,   V'_jk = V_jk + η g^V_jk,   returns ½ Σ r_ij²
 *
 * WebAssembly has no fused multiply-add in its deterministic instruction set, so every product is
 * rounded before it is added, exactly as in JavaScript: the iterates are bitwise those of the
 * TypeScript kernel. Only the order of the sum of squares differs (it is accumulated in lanes).
 *
 * Layout. Every matrix is row-major f64. Σ is held padded to mp×np (mp, np = m, n rounded up to
 * a multiple of 4, zero-filled); the work area holds U and V padded to dp = d rounded up to 2
 * columns (Up: mp×dp, Vp: np×dp), Vᵀ (Vt: dp×np), the gradients gU (mp×dp), gV (np×dp) and one
 * tile of the residual (Rt: BI×BJ). Padding rows/columns are zero, so their residuals are zero and
 * add nothing. The residual is formed tile by tile (BI rows × BJ columns, in increasing order of
 * rows, then columns) and consumed at once by gU += R·V and gV += Rᵀ·U: it is never stored whole.
 */

/** Rows of Σ per block (a multiple of 4). */
const BI: i32 = 32;
/** Columns of Σ per tile (a multiple of 4). */
const BJ: i32 = 64;

@inline function up4(x: i32): i32 {
  return (x + 3) & ~3;
}

@inline function up2(x: i32): i32 {
  return (x + 1) & ~1;
}

/** Bytes of the padded Σ for an m×n problem. */
export function sigmaBytes(m: i32, n: i32): i32 {
  return up4(m) * up4(n) * 8;
}

/** Bytes of the work area for an m×n problem of rank d. */
export function workBytes(m: i32, n: i32, d: i32): i32 {
  const mp = up4(m);
  const np = up4(n);
  const dp = up2(d);
  return (2 * mp * dp + 3 * np * dp + BI * BJ) * 8;
}

/**
 * Pads Σ in place: on entry `ptr` holds Σ (m×n, row-major, unpadded) at the start of a region of
 * sigmaBytes(m, n) bytes; on exit it holds the padded mp×np matrix.
 */
export function padSigma(ptr: usize, m: i32, n: i32): void {
  const mp = up4(m);
  const np = up4(n);
  if (np != n) {
    for (let i = m - 1; i >= 0; i--) {
      memory.copy(ptr + <usize>(i * np) * 8, ptr + <usize>(i * n) * 8, <usize>n * 8);
      memory.fill(ptr + <usize>(i * np + n) * 8, 0, <usize>(np - n) * 8);
    }
  }
  memory.fill(ptr + <usize>(m * np) * 8, 0, <usize>((mp - m) * np) * 8);
}

/**
 * One GD step. S: the padded Σ (padSigma); U (m×d), V (n×d): the iterate, unpadded; outU, outV:
 * where the next iterate goes (unpadded, not aliasing U, V); work: workBytes(m, n, d) bytes.
 * Returns f(U, V) = ½‖Σ − UVᵀ‖²_F.
 */
export function step(S: usize, m: i32, n: i32, d: i32, U: usize, V: usize, eta: f64, outU: usize, outV: usize, work: usize): f64 {
  const mp = up4(m);
  const np = up4(n);
  const dp = up2(d);
  const Up = work;
  const gU = Up + <usize>(mp * dp) * 8;
  const Vp = gU + <usize>(mp * dp) * 8;
  const gV = Vp + <usize>(np * dp) * 8;
  const Vt = gV + <usize>(np * dp) * 8;
  const Rt = Vt + <usize>(np * dp) * 8;

  pack(U, V, m, n, d, Up, Vp, Vt);
  memory.fill(gU, 0, <usize>(mp * dp) * 8);
  memory.fill(gV, 0, <usize>(np * dp) * 8);

  let sq = f64x2.splat(0);
  for (let i0 = 0; i0 < mp; i0 += BI) {
    const ib = min(BI, mp - i0);
    for (let j0 = 0; j0 < np; j0 += BJ) {
      const jb = min(BJ, np - j0);
      sq = f64x2.add(sq, residualTile(S + <usize>(i0 * np + j0) * 8, np, Up + <usize>(i0 * dp) * 8, dp, Vt + <usize>j0 * 8, d, ib, jb, Rt));
      gradUTile(Rt, ib, jb, Vp + <usize>(j0 * dp) * 8, dp, gU + <usize>(i0 * dp) * 8);
      gradVTile(Rt, ib, jb, Up + <usize>(i0 * dp) * 8, dp, gV + <usize>(j0 * dp) * 8);
    }
  }

  update(U, gU, m, d, dp, eta, outU);
  update(V, gV, n, d, dp, eta, outV);
  return 0.5 * (f64x2.extract_lane(sq, 0) + f64x2.extract_lane(sq, 1));
}

/**
 * f(U, V) = ½‖Σ − UVᵀ‖²_F alone, with the residuals formed as in step() (so equal to its return
 * value bit for bit). Arguments as for step().
 */
export function loss(S: usize, m: i32, n: i32, d: i32, U: usize, V: usize, work: usize): f64 {
  const mp = up4(m);
  const np = up4(n);
  const dp = up2(d);
  const Up = work;
  const Vp = Up + <usize>(2 * mp * dp) * 8;
  const Vt = Vp + <usize>(2 * np * dp) * 8;
  const Rt = Vt + <usize>(np * dp) * 8;
  pack(U, V, m, n, d, Up, Vp, Vt);
  let sq = f64x2.splat(0);
  for (let i0 = 0; i0 < mp; i0 += BI) {
    const ib = min(BI, mp - i0);
    for (let j0 = 0; j0 < np; j0 += BJ)
      sq = f64x2.add(sq, residualTile(S + <usize>(i0 * np + j0) * 8, np, Up + <usize>(i0 * dp) * 8, dp, Vt + <usize>j0 * 8, d, ib, min(BJ, np - j0), Rt));
  }
  return 0.5 * (f64x2.extract_lane(sq, 0) + f64x2.extract_lane(sq, 1));
}

/** Up, Vp: U, V padded to mp×dp, np×dp; Vt = Vpᵀ (dp×np). */
function pack(U: usize, V: usize, m: i32, n: i32, d: i32, Up: usize, Vp: usize, Vt: usize): void {
  const mp = up4(m);
  const np = up4(n);
  const dp = up2(d);
  pad(U, m, d, Up, mp, dp);
  pad(V, n, d, Vp, np, dp);
  for (let j = 0; j < np; j++)
    for (let k = 0; k < dp; k++) store<f64>(Vt + <usize>(k * np + j) * 8, load<f64>(Vp + <usize>(j * dp + k) * 8));
}

/** Copies a rows×cols matrix into a zero-padded rowsP×colsP one. */
function pad(src: usize, rows: i32, cols: i32, dst: usize, rowsP: i32, colsP: i32): void {
  for (let i = 0; i < rows; i++) {
    memory.copy(dst + <usize>(i * colsP) * 8, src + <usize>(i * cols) * 8, <usize>cols * 8);
    if (colsP > cols) store<f64>(dst + <usize>(i * colsP + cols) * 8, 0);
  }
  memory.fill(dst + <usize>(rows * colsP) * 8, 0, <usize>((rowsP - rows) * colsP) * 8);
}

/** out = X + η·G for a rows×cols X, G with row stride colsP. */
function update(X: usize, G: usize, rows: i32, cols: i32, colsP: i32, eta: f64, out: usize): void {
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < cols; k++) {
      const x = load<f64>(X + <usize>(i * cols + k) * 8);
      store<f64>(out + <usize>(i * cols + k) * 8, x + eta * load<f64>(G + <usize>(i * colsP + k) * 8));
    }
}

/**
 * Rt[0:ib, 0:jb] = S − U·Vᵀ on one tile, in 4×4 blocks (eight f64x2 accumulators, lanes over j);
 * returns the lane-wise sum of the squared residuals.
 */
function residualTile(S: usize, np: i32, U: usize, dp: i32, Vt: usize, d: i32, ib: i32, jb: i32, Rt: usize): v128 {
  const zero = f64x2.splat(0);
  let q0 = zero;
  let q1 = zero;
  const su = <usize>dp * 8;
  const sv = <usize>np * 8;
  for (let ii = 0; ii < ib; ii += 4) {
    for (let jj = 0; jj < jb; jj += 4) {
      let a00 = zero, a01 = zero, a10 = zero, a11 = zero, a20 = zero, a21 = zero, a30 = zero, a31 = zero;
      let u = U + <usize>(ii * dp) * 8;
      let v = Vt + <usize>jj * 8;
      for (let k = 0; k < d; k++) {
        const v0 = v128.load(v);
        const v1 = v128.load(v, 16);
        let w = v128.load64_splat(u);
        a00 = f64x2.add(a00, f64x2.mul(w, v0));
        a01 = f64x2.add(a01, f64x2.mul(w, v1));
        w = v128.load64_splat(u + su);
        a10 = f64x2.add(a10, f64x2.mul(w, v0));
        a11 = f64x2.add(a11, f64x2.mul(w, v1));
        w = v128.load64_splat(u + 2 * su);
        a20 = f64x2.add(a20, f64x2.mul(w, v0));
        a21 = f64x2.add(a21, f64x2.mul(w, v1));
        w = v128.load64_splat(u + 3 * su);
        a30 = f64x2.add(a30, f64x2.mul(w, v0));
        a31 = f64x2.add(a31, f64x2.mul(w, v1));
        u += 8;
        v += sv;
      }
      const s = S + <usize>(ii * np + jj) * 8;
      const r = Rt + <usize>(ii * BJ + jj) * 8;
      const sr = <usize>BJ * 8;
      a00 = f64x2.sub(v128.load(s), a00);
      a01 = f64x2.sub(v128.load(s, 16), a01);
      a10 = f64x2.sub(v128.load(s + sv), a10);
      a11 = f64x2.sub(v128.load(s + sv, 16), a11);
      a20 = f64x2.sub(v128.load(s + 2 * sv), a20);
      a21 = f64x2.sub(v128.load(s + 2 * sv, 16), a21);
      a30 = f64x2.sub(v128.load(s + 3 * sv), a30);
      a31 = f64x2.sub(v128.load(s + 3 * sv, 16), a31);
      v128.store(r, a00);
      v128.store(r, a01, 16);
      v128.store(r + sr, a10);
      v128.store(r + sr, a11, 16);
      v128.store(r + 2 * sr, a20);
      v128.store(r + 2 * sr, a21, 16);
      v128.store(r + 3 * sr, a30);
      v128.store(r + 3 * sr, a31, 16);
      q0 = f64x2.add(q0, f64x2.add(f64x2.add(f64x2.mul(a00, a00), f64x2.mul(a01, a01)), f64x2.add(f64x2.mul(a10, a10), f64x2.mul(a11, a11))));
      q1 = f64x2.add(q1, f64x2.add(f64x2.add(f64x2.mul(a20, a20), f64x2.mul(a21, a21)), f64x2.add(f64x2.mul(a30, a30), f64x2.mul(a31, a31))));
    }
  }
  return f64x2.add(q0, q1);
}

/** gU[0:ib, :] += Rt[0:ib, 0:jb]·V[0:jb, :], in blocks of 4 rows × 4 columns (lanes over k). */
function gradUTile(Rt: usize, ib: i32, jb: i32, V: usize, dp: i32, gU: usize): void {
  const sg = <usize>dp * 8;
  const sr = <usize>BJ * 8;
  for (let ii = 0; ii < ib; ii += 4) {
    const g = gU + <usize>(ii * dp) * 8;
    const r0 = Rt + <usize>(ii * BJ) * 8;
    let kc = 0;
    for (; kc + 4 <= dp; kc += 4) {
      const gk = g + <usize>kc * 8;
      let a00 = v128.load(gk), a01 = v128.load(gk, 16);
      let a10 = v128.load(gk + sg), a11 = v128.load(gk + sg, 16);
      let a20 = v128.load(gk + 2 * sg), a21 = v128.load(gk + 2 * sg, 16);
      let a30 = v128.load(gk + 3 * sg), a31 = v128.load(gk + 3 * sg, 16);
      let v = V + <usize>kc * 8;
      let r = r0;
      for (let j = 0; j < jb; j++) {
        const v0 = v128.load(v);
        const v1 = v128.load(v, 16);
        let w = v128.load64_splat(r);
        a00 = f64x2.add(a00, f64x2.mul(w, v0));
        a01 = f64x2.add(a01, f64x2.mul(w, v1));
        w = v128.load64_splat(r + sr);
        a10 = f64x2.add(a10, f64x2.mul(w, v0));
        a11 = f64x2.add(a11, f64x2.mul(w, v1));
        w = v128.load64_splat(r + 2 * sr);
        a20 = f64x2.add(a20, f64x2.mul(w, v0));
        a21 = f64x2.add(a21, f64x2.mul(w, v1));
        w = v128.load64_splat(r + 3 * sr);
        a30 = f64x2.add(a30, f64x2.mul(w, v0));
        a31 = f64x2.add(a31, f64x2.mul(w, v1));
        v += sg;
        r += 8;
      }
      v128.store(gk, a00);
      v128.store(gk, a01, 16);
      v128.store(gk + sg, a10);
      v128.store(gk + sg, a11, 16);
      v128.store(gk + 2 * sg, a20);
      v128.store(gk + 2 * sg, a21, 16);
      v128.store(gk + 3 * sg, a30);
      v128.store(gk + 3 * sg, a31, 16);
    }
    if (kc < dp) {
      const gk = g + <usize>kc * 8;
      let a0 = v128.load(gk), a1 = v128.load(gk + sg), a2 = v128.load(gk + 2 * sg), a3 = v128.load(gk + 3 * sg);
      let v = V + <usize>kc * 8;
      let r = r0;
      for (let j = 0; j < jb; j++) {
        const v0 = v128.load(v);
        a0 = f64x2.add(a0, f64x2.mul(v128.load64_splat(r), v0));
        a1 = f64x2.add(a1, f64x2.mul(v128.load64_splat(r + sr), v0));
        a2 = f64x2.add(a2, f64x2.mul(v128.load64_splat(r + 2 * sr), v0));
        a3 = f64x2.add(a3, f64x2.mul(v128.load64_splat(r + 3 * sr), v0));
        v += sg;
        r += 8;
      }
      v128.store(gk, a0);
      v128.store(gk + sg, a1);
      v128.store(gk + 2 * sg, a2);
      v128.store(gk + 3 * sg, a3);
    }
  }
}

/** gV[0:jb, :] += Rt[0:ib, 0:jb]ᵀ·U[0:ib, :], in blocks of 4 rows of gV × 4 columns (lanes over k). */
function gradVTile(Rt: usize, ib: i32, jb: i32, U: usize, dp: i32, gV: usize): void {
  const sg = <usize>dp * 8;
  const sr = <usize>BJ * 8;
  for (let jj = 0; jj < jb; jj += 4) {
    const g = gV + <usize>(jj * dp) * 8;
    const r0 = Rt + <usize>jj * 8;
    let kc = 0;
    for (; kc + 4 <= dp; kc += 4) {
      const gk = g + <usize>kc * 8;
      let a00 = v128.load(gk), a01 = v128.load(gk, 16);
      let a10 = v128.load(gk + sg), a11 = v128.load(gk + sg, 16);
      let a20 = v128.load(gk + 2 * sg), a21 = v128.load(gk + 2 * sg, 16);
      let a30 = v128.load(gk + 3 * sg), a31 = v128.load(gk + 3 * sg, 16);
      let u = U + <usize>kc * 8;
      let r = r0;
      for (let i = 0; i < ib; i++) {
        const u0 = v128.load(u);
        const u1 = v128.load(u, 16);
        let w = v128.load64_splat(r);
        a00 = f64x2.add(a00, f64x2.mul(w, u0));
        a01 = f64x2.add(a01, f64x2.mul(w, u1));
        w = v128.load64_splat(r + 8);
        a10 = f64x2.add(a10, f64x2.mul(w, u0));
        a11 = f64x2.add(a11, f64x2.mul(w, u1));
        w = v128.load64_splat(r + 16);
        a20 = f64x2.add(a20, f64x2.mul(w, u0));
        a21 = f64x2.add(a21, f64x2.mul(w, u1));
        w = v128.load64_splat(r + 24);
        a30 = f64x2.add(a30, f64x2.mul(w, u0));
        a31 = f64x2.add(a31, f64x2.mul(w, u1));
        u += sg;
        r += sr;
      }
      v128.store(gk, a00);
      v128.store(gk, a01, 16);
      v128.store(gk + sg, a10);
      v128.store(gk + sg, a11, 16);
      v128.store(gk + 2 * sg, a20);
      v128.store(gk + 2 * sg, a21, 16);
      v128.store(gk + 3 * sg, a30);
      v128.store(gk + 3 * sg, a31, 16);
    }
    if (kc < dp) {
      const gk = g + <usize>kc * 8;
      let a0 = v128.load(gk), a1 = v128.load(gk + sg), a2 = v128.load(gk + 2 * sg), a3 = v128.load(gk + 3 * sg);
      let u = U + <usize>kc * 8;
      let r = r0;
      for (let i = 0; i < ib; i++) {
        const u0 = v128.load(u);
        a0 = f64x2.add(a0, f64x2.mul(v128.load64_splat(r), u0));
        a1 = f64x2.add(a1, f64x2.mul(v128.load64_splat(r + 8), u0));
        a2 = f64x2.add(a2, f64x2.mul(v128.load64_splat(r + 16), u0));
        a3 = f64x2.add(a3, f64x2.mul(v128.load64_splat(r + 24), u0));
        u += sg;
        r += sr;
      }
      v128.store(gk, a0);
      v128.store(gk + sg, a1);
      v128.store(gk + 2 * sg, a2);
      v128.store(gk + 3 * sg, a3);
    }
  }
}
