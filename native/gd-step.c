/*
 * The GD step in C with the host's widest vectors (AVX-512 where the build machine has it),
 * compiled at install time by scripts/build-kernel.ts into build/gd-step-native.node (a Node-API
 * module, see gd-step-napi.c). The semantics are those of src/gd/step-ts.ts, entry for entry in the
 * same order, and of assembly/gd-step.ts, whose tiling this file reproduces:
 *
 *   r_ij   = Σ_ij − (((0 + u_i0 v_j0) + u_i1 v_j1) + …)          (sum over k in increasing order)
 *   g^U_ik = ((0 + r_i0 v_0k) + r_i1 v_1k) + …                     (sum over j in increasing order)
 *   g^V_jk = ((0 + r_0j u_0k) + r_1j u_1k) + …                     (sum over i in increasing order)
 *   U'_ik  = U_ik + η g^U_ik,   V'_jk = V_jk + η g^V_jk,   returns ½ Σ r_ij²
 *
 * It is compiled with -ffp-contract=off (no fused multiply-add: every product is rounded before it
 * is added, as in JavaScript and WebAssembly) and without -ffast-math, and vectorised only across
 * independent outputs (lanes over j in the residual and in ∇_V, over k in ∇_U), so every iterate is
 * bitwise that of the TypeScript kernel whatever the vector width. The sum of squares is also
 * accumulated exactly as the WebAssembly kernel does it (two lanes: even and odd columns within
 * groups of four; 4×4 blocks in tile order; tiles of BI × BJ), so the returned loss is bitwise the
 * WebAssembly kernel's.
 *
 * Layout. Row-major f64. Σ is read through a view (struct gd_sigma): either Σ itself (m×n, for
 * one-shot calls) or a copy padded to mp×np (mp = m rounded up to 4, np = n rounded up to 8,
 * zero-filled, 64-byte aligned; made once per trajectory), entries outside the view being zero. The work area holds U and V padded to
 * dp = d rounded up to 2 columns (Up: mp×dp, Vp: np×dp), Vᵀ (Vt: dp×np), the gradients gU (mp×dp)
 * and gVᵀ (dp×np: its lanes run over j, like the residual's) and one tile of the residual (Rt: BI×BJ). Padding rows and columns are zero, so their
 * residuals are zero and add nothing (+0 added to a sum leaves it unchanged).
 */
#include <stddef.h>
#include <string.h>

#include "gd-step.h"

typedef double v8 __attribute__((vector_size(64), aligned(8)));
typedef double v4 __attribute__((vector_size(32), aligned(8)));
typedef double v2 __attribute__((vector_size(16), aligned(8)));
typedef long long i8 __attribute__((vector_size(64)));

#define BI 32 /* rows of Σ per tile (a multiple of 4), as in assembly/gd-step.ts */
#define BJ 64 /* columns of Σ per tile (a multiple of 16), as in assembly/gd-step.ts */
#define INLINE static inline __attribute__((always_inline))

static size_t up4(size_t x) { return (x + 3) & ~(size_t)3; }
static size_t up8(size_t x) { return (x + 7) & ~(size_t)7; }
static size_t up2(size_t x) { return (x + 1) & ~(size_t)1; }

size_t gd_sigma_rows(size_t m) { return up4(m); }
size_t gd_sigma_cols(size_t n) { return up8(n); }

size_t gd_work_doubles(size_t m, size_t n, size_t d) {
  size_t mp = up4(m), np = up8(n), dp = up2(d);
  return 2 * mp * dp + 3 * np * dp + BI * BJ;
}

INLINE v8 ld8(const double *p) { return *(const v8 *)p; }
INLINE void st8(double *p, v8 x) { *(v8 *)p = x; }
INLINE v8 bc8(double x) { return (v8){x, x, x, x, x, x, x, x}; }

/*
 * Adds the squares of a 4×8 block (rows a, b, c, e; eight columns from a column that is a multiple
 * of 4) to the two-lane sums q0 (rows a, b) and q1 (rows c, e) in the WebAssembly kernel's order:
 * for each group of four columns, q0 += (a[0:2]² + a[2:4]²) + (b[0:2]² + b[2:4]²), and the same for
 * q1 with c, e.
 */
INLINE void squares(v8 a, v8 b, v8 c, v8 e, v2 *q0, v2 *q1) {
  const i8 hi = {2, 3, 0, 0, 6, 7, 0, 0};
  v8 sa = a * a, sb = b * b, sc = c * c, se = e * e;
  v8 pa = sa + __builtin_shuffle(sa, hi); /* lanes 0,1: a0²+a2², a1²+a3²; lanes 4,5: the next group */
  v8 pb = sb + __builtin_shuffle(sb, hi);
  v8 pc = sc + __builtin_shuffle(sc, hi);
  v8 pe = se + __builtin_shuffle(se, hi);
  v8 s01 = pa + pb, s23 = pc + pe;
  *q0 = *q0 + (v2){s01[0], s01[1]};
  *q1 = *q1 + (v2){s23[0], s23[1]};
  *q0 = *q0 + (v2){s01[4], s01[5]};
  *q1 = *q1 + (v2){s23[4], s23[5]};
}

/*
 * The 4×w block of Σ at rows i, columns j of a view (w = 16 or 8), with zeros outside the view:
 * the view itself where the block lies inside it, else a zero-filled copy in tmp (only blocks at
 * the bottom or right edge of an unpadded Σ).
 */
static const double *sigma_block(const struct gd_sigma *S, size_t i, size_t j, size_t w, double *tmp, size_t *stride) {
  if (i + 4 <= S->rows && j + w <= S->cols) {
    *stride = S->stride;
    return S->data + i * S->stride + j;
  }
  memset(tmp, 0, 4 * w * sizeof(double));
  size_t rows = i >= S->rows ? 0 : S->rows - i < 4 ? S->rows - i : 4;
  size_t cols = j >= S->cols ? 0 : S->cols - j < w ? S->cols - j : w;
  for (size_t r = 0; r < rows; r++) memcpy(tmp + r * w, S->data + (i + r) * S->stride + j, cols * sizeof(double));
  *stride = w;
  return tmp;
}

/*
 * Rt[0:ib, 0:jb] = Σ − U·Vᵀ on the tile at rows i0, columns j0, in blocks of 4 rows × 16 (or 8)
 * columns, lanes over j; adds the squared residuals to q0, q1 (see squares()).
 */
static void residual_tile(const struct gd_sigma *S, size_t i0, size_t j0, size_t np, const double *U, size_t dp, const double *Vt, size_t d, size_t ib, size_t jb, double *Rt, v2 *q0, v2 *q1) {
  double tmp[4 * 16];
  size_t ss;
  for (size_t ii = 0; ii < ib; ii += 4) {
    size_t jj = 0;
    for (; jj + 16 <= jb; jj += 16) {
      v8 a0 = bc8(0), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, e0 = a0, e1 = a0;
      const double *u = U + ii * dp;
      const double *v = Vt + jj;
      for (size_t k = 0; k < d; k++, u++, v += np) {
        v8 x0 = ld8(v), x1 = ld8(v + 8);
        v8 w = bc8(u[0]);
        a0 = a0 + w * x0; a1 = a1 + w * x1;
        w = bc8(u[dp]);
        b0 = b0 + w * x0; b1 = b1 + w * x1;
        w = bc8(u[2 * dp]);
        c0 = c0 + w * x0; c1 = c1 + w * x1;
        w = bc8(u[3 * dp]);
        e0 = e0 + w * x0; e1 = e1 + w * x1;
      }
      const double *s = sigma_block(S, i0 + ii, j0 + jj, 16, tmp, &ss);
      double *r = Rt + ii * BJ + jj;
      a0 = ld8(s) - a0; a1 = ld8(s + 8) - a1;
      b0 = ld8(s + ss) - b0; b1 = ld8(s + ss + 8) - b1;
      c0 = ld8(s + 2 * ss) - c0; c1 = ld8(s + 2 * ss + 8) - c1;
      e0 = ld8(s + 3 * ss) - e0; e1 = ld8(s + 3 * ss + 8) - e1;
      st8(r, a0); st8(r + 8, a1);
      st8(r + BJ, b0); st8(r + BJ + 8, b1);
      st8(r + 2 * BJ, c0); st8(r + 2 * BJ + 8, c1);
      st8(r + 3 * BJ, e0); st8(r + 3 * BJ + 8, e1);
      squares(a0, b0, c0, e0, q0, q1);
      squares(a1, b1, c1, e1, q0, q1);
    }
    for (; jj < jb; jj += 8) {
      v8 a0 = bc8(0), b0 = a0, c0 = a0, e0 = a0;
      const double *u = U + ii * dp;
      const double *v = Vt + jj;
      for (size_t k = 0; k < d; k++, u++, v += np) {
        v8 x0 = ld8(v);
        a0 = a0 + bc8(u[0]) * x0;
        b0 = b0 + bc8(u[dp]) * x0;
        c0 = c0 + bc8(u[2 * dp]) * x0;
        e0 = e0 + bc8(u[3 * dp]) * x0;
      }
      const double *s = sigma_block(S, i0 + ii, j0 + jj, 8, tmp, &ss);
      double *r = Rt + ii * BJ + jj;
      a0 = ld8(s) - a0;
      b0 = ld8(s + ss) - b0;
      c0 = ld8(s + 2 * ss) - c0;
      e0 = ld8(s + 3 * ss) - e0;
      st8(r, a0); st8(r + BJ, b0); st8(r + 2 * BJ, c0); st8(r + 3 * BJ, e0);
      squares(a0, b0, c0, e0, q0, q1);
    }
  }
}

/*
 * Four rows g0…g3 of a gradient (at G + q·gs), columns [0, W) with W = 8·N8 + 4·T4 + 2·T2:
 * for t < len, g_q += r_{q,t}·x_t, where x_t is the row at X + t·xs and r_{q,t} the scalar at
 * R + q·rq + t·rt (t increasing: the order of the TypeScript kernel). Rows past `rows` (< 4) are
 * left alone.
 */
INLINE void grad4(const int N8, const int T4, const int T2, size_t rows, const double *R, size_t rq, size_t rt, const double *X, size_t xs, size_t len, double *G, size_t gs) {
  v8 a[4][3];
  v4 b[4];
  v2 c[4];
  for (int q = 0; q < 4; q++) {
    const double *g = G + (q < (int)rows ? q : 0) * gs;
    for (int p = 0; p < N8; p++) a[q][p] = ld8(g + 8 * p);
    if (T4) b[q] = *(const v4 *)(g + 8 * N8);
    if (T2) c[q] = *(const v2 *)(g + 8 * N8 + 4 * T4);
  }
  const double *r = R;
  const double *x = X;
  for (size_t t = 0; t < len; t++, r += rt, x += xs) {
    v8 xv[3];
    v4 xb;
    v2 xc;
    for (int p = 0; p < N8; p++) xv[p] = ld8(x + 8 * p);
    if (T4) xb = *(const v4 *)(x + 8 * N8);
    if (T2) xc = *(const v2 *)(x + 8 * N8 + 4 * T4);
    for (int q = 0; q < 4; q++) {
      double s = r[q * rq];
      for (int p = 0; p < N8; p++) a[q][p] = a[q][p] + bc8(s) * xv[p];
      if (T4) b[q] = b[q] + (v4){s, s, s, s} * xb;
      if (T2) c[q] = c[q] + (v2){s, s} * xc;
    }
  }
  for (int q = 0; q < 4; q++) {
    if (q >= (int)rows) break;
    double *g = G + q * gs;
    for (int p = 0; p < N8; p++) st8(g + 8 * p, a[q][p]);
    if (T4) *(v4 *)(g + 8 * N8) = b[q];
    if (T2) *(v2 *)(g + 8 * N8 + 4 * T4) = c[q];
  }
}

/*
 * grad4 over all dp columns: chunks of up to 30 columns (three vectors of 8, then one of 4, one
 * of 2), each a pass over t.
 */
static void grad_rows(size_t rows, const double *R, size_t rq, size_t rt, const double *X, size_t xs, size_t len, double *G, size_t gs, size_t dp) {
  size_t kc = 0;
  while (kc < dp) {
    size_t rem = dp - kc;
    int n8 = rem >= 24 ? 3 : (int)(rem / 8);
    size_t after = rem - 8 * (size_t)n8;
    int t4 = n8 < 3 && after >= 4;
    int t2 = n8 < 3 && (after - 4 * t4) >= 2;
    const double *x = X + kc;
    double *g = G + kc;
#define CASE(A, B, C) \
  if (n8 == A && t4 == B && t2 == C) grad4(A, B, C, rows, R, rq, rt, x, xs, len, g, gs)
    CASE(3, 0, 0); else CASE(2, 1, 1); else CASE(2, 1, 0); else CASE(2, 0, 1); else CASE(2, 0, 0);
    else CASE(1, 1, 1); else CASE(1, 1, 0); else CASE(1, 0, 1); else CASE(1, 0, 0);
    else CASE(0, 1, 1); else CASE(0, 1, 0); else CASE(0, 0, 1);
#undef CASE
    kc += 8 * (size_t)n8 + 4 * (size_t)t4 + 2 * (size_t)t2;
  }
}

/*
 * gVᵀ on one block of 8·W columns of a tile, K rows of gVᵀ (gradient columns) at a time, lanes over
 * j: for i < ib, G[k][j] += R[i][j]·u_{i,k} (i increasing: the order of the TypeScript kernel), with
 * G = gVᵀ (row stride np), R the residual tile (row stride BJ), u_i the row of U at X + i·xs.
 */
INLINE void gradT(const int K, const int W, const double *R, size_t ib, const double *X, size_t xs, double *G, size_t np) {
  v8 a[12][2];
  for (int k = 0; k < K; k++)
    for (int w = 0; w < W; w++) a[k][w] = ld8(G + k * np + 8 * w);
  for (size_t i = 0; i < ib; i++) {
    const double *r = R + i * BJ;
    const double *u = X + i * xs;
    v8 r0 = ld8(r), r1 = W > 1 ? ld8(r + 8) : r0;
    for (int k = 0; k < K; k++) {
      v8 x = bc8(u[k]);
      a[k][0] = a[k][0] + r0 * x;
      if (W > 1) a[k][1] = a[k][1] + r1 * x;
    }
  }
  for (int k = 0; k < K; k++)
    for (int w = 0; w < W; w++) st8(G + k * np + 8 * w, a[k][w]);
}

/* gradT over all dp gradient columns, in chunks of at most 12. */
static void gradT_cols(int W, const double *R, size_t ib, const double *X, size_t xs, double *G, size_t np, size_t dp) {
  for (size_t kc = 0; kc < dp; kc += 12) {
    int K = dp - kc < 12 ? (int)(dp - kc) : 12;
    const double *x = X + kc;
    double *g = G + kc * np;
#define CASE(k) \
  case k: \
    if (W == 2) gradT(k, 2, R, ib, x, xs, g, np); \
    else gradT(k, 1, R, ib, x, xs, g, np); \
    break
    switch (K) {
      CASE(1); CASE(2); CASE(3); CASE(4); CASE(5); CASE(6);
      CASE(7); CASE(8); CASE(9); CASE(10); CASE(11); CASE(12);
    }
#undef CASE
  }
}

/* Up, Vp: U, V padded to mp×dp, np×dp; Vt = Vpᵀ (dp×np). */
static void pack(const double *U, const double *V, size_t m, size_t n, size_t d, double *Up, double *Vp, double *Vt) {
  size_t mp = up4(m), np = up8(n), dp = up2(d);
  memset(Up, 0, mp * dp * sizeof(double));
  memset(Vp, 0, np * dp * sizeof(double));
  for (size_t i = 0; i < m; i++) memcpy(Up + i * dp, U + i * d, d * sizeof(double));
  for (size_t j = 0; j < n; j++) memcpy(Vp + j * dp, V + j * d, d * sizeof(double));
  for (size_t j = 0; j < np; j++)
    for (size_t k = 0; k < dp; k++) Vt[k * np + j] = Vp[j * dp + k];
}

struct layout {
  double *Up, *gU, *Vp, *gV, *Vt, *Rt;
};

static struct layout lay(double *work, size_t m, size_t n, size_t d) {
  size_t mp = up4(m), np = up8(n), dp = up2(d);
  struct layout L;
  L.Up = work;
  L.gU = L.Up + mp * dp;
  L.Vp = L.gU + mp * dp;
  L.gV = L.Vp + np * dp;
  L.Vt = L.gV + np * dp;
  L.Rt = L.Vt + np * dp;
  return L;
}

/*
 * The tiles in order: the residual of each (and the sum of its squares), and with `grad` its
 * contributions to gU and gVᵀ. Returns ½‖Σ − UVᵀ‖²_F.
 */
static double sweep(const struct gd_sigma *S, size_t m, size_t n, size_t d, const double *U, const double *V, struct layout L, int grad) {
  size_t mp = up4(m), np = up8(n), dp = up2(d);
  pack(U, V, m, n, d, L.Up, L.Vp, L.Vt);
  if (grad) {
    memset(L.gU, 0, mp * dp * sizeof(double));
    memset(L.gV, 0, np * dp * sizeof(double));
  }
  v2 sq = {0, 0};
  for (size_t i0 = 0; i0 < mp; i0 += BI) {
    size_t ib = mp - i0 < BI ? mp - i0 : BI;
    for (size_t j0 = 0; j0 < np; j0 += BJ) {
      size_t jb = np - j0 < BJ ? np - j0 : BJ;
      v2 q0 = {0, 0}, q1 = {0, 0};
      residual_tile(S, i0, j0, np, L.Up + i0 * dp, dp, L.Vt + j0, d, ib, jb, L.Rt, &q0, &q1);
      sq = sq + (q0 + q1);
      if (!grad) continue;
      /* gU[i0 + ii + q, :] += Σ_j Rt[ii + q, j]·Vp[j0 + j, :] */
      for (size_t ii = 0; ii < ib; ii += 4)
        grad_rows(4, L.Rt + ii * BJ, BJ, 1, L.Vp + j0 * dp, dp, jb, L.gU + (i0 + ii) * dp, dp, dp);
      /* gVᵀ[:, j0 + jj…] += Σ_i Up[i0 + i, :]ᵀ·Rt[i, jj…] */
      size_t jj = 0;
      for (; jj + 16 <= jb; jj += 16) gradT_cols(2, L.Rt + jj, ib, L.Up + i0 * dp, dp, L.gV + j0 + jj, np, dp);
      if (jj < jb) gradT_cols(1, L.Rt + jj, ib, L.Up + i0 * dp, dp, L.gV + j0 + jj, np, dp);
    }
  }
  return 0.5 * (sq[0] + sq[1]);
}

double gd_step(const struct gd_sigma *S, size_t m, size_t n, size_t d, const double *U, const double *V, double eta, double *outU, double *outV, double *work) {
  size_t np = up8(n), dp = up2(d);
  struct layout L = lay(work, m, n, d);
  double f = sweep(S, m, n, d, U, V, L, 1);
  for (size_t i = 0; i < m; i++)
    for (size_t k = 0; k < d; k++) outU[i * d + k] = U[i * d + k] + eta * L.gU[i * dp + k];
  for (size_t j = 0; j < n; j++)
    for (size_t k = 0; k < d; k++) outV[j * d + k] = V[j * d + k] + eta * L.gV[k * np + j];
  return f;
}

double gd_loss(const struct gd_sigma *S, size_t m, size_t n, size_t d, const double *U, const double *V, double *work) {
  return sweep(S, m, n, d, U, V, lay(work, m, n, d), 0);
}

void gd_pad_sigma(const double *sigma, size_t m, size_t n, double *padded) {
  size_t mp = up4(m), np = up8(n);
  memset(padded, 0, mp * np * sizeof(double));
  for (size_t i = 0; i < m; i++) memcpy(padded + i * np, sigma + i * n, n * sizeof(double));
}
