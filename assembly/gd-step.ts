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

/**
 * Bytes of the padded Σ for an m×n problem, as f64: an i32 product would wrap to a negative or a
 * small count for large problems (17 000 × 17 000 already needs more than 2³¹ bytes).
 */
export function sigmaBytes(m: i32, n: i32): f64 {
  return <f64>up4(m) * <f64>up4(n) * 8.0;
}

/** Bytes of the work area for an m×n problem of rank d (f64, as sigmaBytes). */
export function workBytes(m: i32, n: i32, d: i32): f64 {
  const mp = <f64>up4(m);
  const np = <f64>up4(n);
  const dp = <f64>up2(d);
  return (2.0 * mp * dp + 3.0 * np * dp + <f64>(BI * BJ)) * 8.0;
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

/** gU[0:ib, :] += Rt[0:ib, 0:jb]·V[0:jb, :]: pairs of rows of gU, up to 10 columns at a time. */
function gradUTile(Rt: usize, ib: i32, jb: i32, V: usize, dp: i32, gU: usize): void {
  const sg = <usize>dp * 8;
  for (let ii = 0; ii < ib; ii += 2)
    for (let kc = 0; kc < dp; kc += 10)
      gradChunk((dp - kc) >> 1, Rt + <usize>(ii * BJ) * 8, <usize>BJ * 8, 8, V + <usize>kc * 8, sg, jb, gU + <usize>(ii * dp + kc) * 8, sg);
}

/** gV[0:jb, :] += Rt[0:ib, 0:jb]ᵀ·U[0:ib, :]: pairs of rows of gV, up to 10 columns at a time. */
function gradVTile(Rt: usize, ib: i32, jb: i32, U: usize, dp: i32, gV: usize): void {
  const sg = <usize>dp * 8;
  for (let jj = 0; jj < jb; jj += 2)
    for (let kc = 0; kc < dp; kc += 10)
      gradChunk((dp - kc) >> 1, Rt + <usize>jj * 8, 8, <usize>BJ * 8, U + <usize>kc * 8, sg, ib, gV + <usize>(jj * dp + kc) * 8, sg);
}

/**
 * Two rows g, g′ (at G and G + gs) of a gradient, min(nv, 5) vectors of two columns each:
 * for t < len, g += r_t·x_t and g′ += r′_t·x_t, where x_t is the row at X + t·xs, r_t the scalar
 * at R + t·rstep and r′_t at R + rs0 + t·rstep (t increasing: the order the TypeScript kernel uses).
 */
function gradChunk(nv: i32, R: usize, rs0: usize, rstep: usize, X: usize, xs: usize, len: i32, G: usize, gs: usize): void {
  if (nv >= 5) gradChunkN(5, R, rs0, rstep, X, xs, len, G, gs);
  else if (nv == 4) gradChunkN(4, R, rs0, rstep, X, xs, len, G, gs);
  else if (nv == 3) gradChunkN(3, R, rs0, rstep, X, xs, len, G, gs);
  else if (nv == 2) gradChunkN(2, R, rs0, rstep, X, xs, len, G, gs);
  else gradChunkN(1, R, rs0, rstep, X, xs, len, G, gs);
}

/** gradChunk for a constant nv ∈ 1…5: inlined, so each case keeps its 2·nv accumulators in registers. */
@inline function gradChunkN(nv: i32, R: usize, rs0: usize, rstep: usize, X: usize, xs: usize, len: i32, G: usize, gs: usize): void {
  const zero = f64x2.splat(0);
  let a0 = v128.load(G), b0 = v128.load(G + gs);
  let a1 = zero, b1 = zero, a2 = zero, b2 = zero, a3 = zero, b3 = zero, a4 = zero, b4 = zero;
  if (nv > 1) { a1 = v128.load(G, 16); b1 = v128.load(G + gs, 16); }
  if (nv > 2) { a2 = v128.load(G, 32); b2 = v128.load(G + gs, 32); }
  if (nv > 3) { a3 = v128.load(G, 48); b3 = v128.load(G + gs, 48); }
  if (nv > 4) { a4 = v128.load(G, 64); b4 = v128.load(G + gs, 64); }
  let r = R;
  let x = X;
  for (let t = 0; t < len; t++) {
    const p = v128.load64_splat(r);
    const q = v128.load64_splat(r + rs0);
    let v = v128.load(x);
    a0 = f64x2.add(a0, f64x2.mul(p, v));
    b0 = f64x2.add(b0, f64x2.mul(q, v));
    if (nv > 1) {
      v = v128.load(x, 16);
      a1 = f64x2.add(a1, f64x2.mul(p, v));
      b1 = f64x2.add(b1, f64x2.mul(q, v));
    }
    if (nv > 2) {
      v = v128.load(x, 32);
      a2 = f64x2.add(a2, f64x2.mul(p, v));
      b2 = f64x2.add(b2, f64x2.mul(q, v));
    }
    if (nv > 3) {
      v = v128.load(x, 48);
      a3 = f64x2.add(a3, f64x2.mul(p, v));
      b3 = f64x2.add(b3, f64x2.mul(q, v));
    }
    if (nv > 4) {
      v = v128.load(x, 64);
      a4 = f64x2.add(a4, f64x2.mul(p, v));
      b4 = f64x2.add(b4, f64x2.mul(q, v));
    }
    r += rstep;
    x += xs;
  }
  v128.store(G, a0);
  v128.store(G + gs, b0);
  if (nv > 1) { v128.store(G, a1, 16); v128.store(G + gs, b1, 16); }
  if (nv > 2) { v128.store(G, a2, 32); v128.store(G + gs, b2, 32); }
  if (nv > 3) { v128.store(G, a3, 48); v128.store(G + gs, b3, 48); }
  if (nv > 4) { v128.store(G, a4, 64); v128.store(G + gs, b4, 64); }
}
