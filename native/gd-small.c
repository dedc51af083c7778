/*
 * Small shapes (m ≤ GD_SMALL_M, n ≤ GD_SMALL_N, d ≤ GD_SMALL_D): `count` GD steps in one loop, the
 * iterates, Σ and the residual in arrays of this function (L1), no packing, tiling or set-up per
 * step; and the batched stepper: B trajectories of one shape at once, one per vector lane.
 *
 * Same semantics as gd-step.c and src/gd/step-ts.ts, entry for entry in the same order:
 *
 *   r_ij   = Σ_ij − (((0 + u_i0 v_j0) + u_i1 v_j1) + …)          (k increasing)
 *   g^U_ik = ((0 + r_i0 v_0k) + r_i1 v_1k) + …                     (j increasing)
 *   g^V_jk = ((0 + r_0j u_0k) + r_1j u_1k) + …                     (i increasing)
 *   U'_ik  = U_ik + η g^U_ik,   V'_jk = V_jk + η g^V_jk
 *
 * Compiled with -ffp-contract=off (no fused multiply-add), lanes only across independent outputs, so
 * the iterates are bitwise the TypeScript kernel's.
 *
 * One exception, invisible in the iterates: the one-trajectory loops start r_ij's sum at its first
 * term, u_i0 v_j0, not at 0 + u_i0 v_j0 (one add fewer on the step's longest chain: 3×3×1 12.8 →
 * 11.2, 10×10×4 249 → 240 ns/step on the AVX2 host). The two sums differ only when the sum is zero
 * (−0 against +0), so r_ij differs at most in the sign of a zero. r_ij reaches U' and V' only as a
 * term r·v or r·u of g^U, g^V; such a term is then ±0 (or NaN either way, if v or u is infinite), and
 * a sum that starts at +0 is never −0 (under round to nearest x + y = −0 only for x = y = −0), so a
 * zero term, of either sign, leaves it unchanged. The batched stepper keeps the 0 + (not measured
 * there).
 *
 * One trajectory (gd_advance_small): the tiniest shapes (gd-small.h, GD_TINY_*) by tiny_loop, one
 * compiled loop per shape in scalars; the others by the loop of gd-small-loop.h: lanes over j for
 * the residual and ∇_Vᵀ, lanes over k (4 or 2 wide) for ∇_U, padding lanes zero.
 *
 * Batched (gd_advance_batch): the instances are interleaved, element e of lane b at e·B + b (B a
 * multiple of BW); each lane runs exactly the scalar recipe above, so its bits are those of a
 * single run whatever its neighbours hold.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gd-small.h"

#define INLINE static inline __attribute__((always_inline))
#define LW 4 /* lanes of the vectors over j (one trajectory) */
typedef double lv __attribute__((vector_size(8 * LW), aligned(8 * LW)));

INLINE lv bcl(double x) { return (lv){x, x, x, x}; }

#define NJMAX (GD_SMALL_N / LW)
#define KDMAX (GD_SMALL_D / LW)
#define MPMAX (GD_SMALL_M)

/*
 * The loop (gd-small-loop.h), with 4-wide and 2-wide vectors over k: the 2-wide one for d ≤ 2, where
 * a 4-wide vector over k would be half (or three quarters) padding in ∇_U (measured on an AVX2
 * host: 4×4×2 23 against 30 ns/step, 5×7×2 53 against 75; from d = 3 on the two are level or the
 * 4-wide one is faster).
 */
typedef double kv2 __attribute__((vector_size(16), aligned(16)));
#define SMALL_LOOP small_loop4
#define KV lv
#define KW LW
#define KBC(x) bcl(x)
#include "gd-small-loop.h"
#undef SMALL_LOOP
#undef KV
#undef KW
#undef KBC
#define SMALL_LOOP small_loop2
#define KV kv2
#define KW 2
#define KBC(x) ((kv2){(x), (x)})
#include "gd-small-loop.h"
#undef SMALL_LOOP
#undef KV
#undef KW
#undef KBC

/*
 * Tiny shapes (m, n ≤ GD_TINY_MN, d ≤ GD_TINY_D): m, n and d known at compile time, every loop
 * unrolled, so that U, V and the residual are scalars the compiler keeps in registers: the vector
 * loop above pays per step for its scalar broadcasts out of vectors held in memory and the re-copy
 * of V, which here is the whole step. The scalar recipe is the header's, term for term.
 *
 * Σ is read from memory at every step through a pointer the compiler cannot see through (the
 * empty asm), so its loads stay in the loop: hoisted, Σ took the registers and the residual went
 * through general-purpose registers and back (hoisted against in the loop, on the AVX2 host with
 * the build's flags: 6×4×1 41 → 24, 4×3×2 35 → 26, 2×5×2 29 → 25 ns/step; 2×4×2 level; 4×6×1
 * 24 → 29 and 6×2×2 37 → 38 the other way). For d = 1 and n ≤ 3 the step goes
 * a row of R at a time (its ∇_U entry, its terms of ∇_V, then U's row: every sum in the same order),
 * which keeps the live set to one row of R (3×3×1 18 → 13, 6×2×1 34 → 17). Both rules are measured
 * on that host, not derived: a row at a time was also faster at 4×4×1 and slower at 3×3×2.
 */
#define UNROLL _Pragma("GCC unroll 16")
INLINE void tiny_loop(const int M, const int N, const int D, const double *Sd, size_t ss, double *Uio, double *Vio, double eta, int64_t count) {
  double S[GD_TINY_MN][GD_TINY_MN], U[GD_TINY_MN][GD_TINY_D], V[GD_TINY_MN][GD_TINY_D];
  UNROLL for (int i = 0; i < M; i++) UNROLL for (int j = 0; j < N; j++) S[i][j] = Sd[i * ss + j];
  UNROLL for (int i = 0; i < M; i++) UNROLL for (int k = 0; k < D; k++) U[i][k] = Uio[i * D + k];
  UNROLL for (int j = 0; j < N; j++) UNROLL for (int k = 0; k < D; k++) V[j][k] = Vio[j * D + k];
  const double (*Sp)[GD_TINY_MN] = S;
  const int byRow = D == 1 && N <= 3;
  for (int64_t s = 0; s < count; s++) {
    __asm__("" : "+r"(Sp));
    double R[GD_TINY_MN][GD_TINY_MN], gU[GD_TINY_MN][GD_TINY_D], gV[GD_TINY_MN][GD_TINY_D];
    if (byRow) {
      UNROLL for (int j = 0; j < N; j++) UNROLL for (int k = 0; k < D; k++) gV[j][k] = 0;
      UNROLL for (int i = 0; i < M; i++) {
        double r[GD_TINY_MN];
        UNROLL for (int j = 0; j < N; j++) {
          double a = U[i][0] * V[j][0];
          UNROLL for (int k = 1; k < D; k++) a = a + U[i][k] * V[j][k];
          r[j] = Sp[i][j] - a;
        }
        UNROLL for (int k = 0; k < D; k++) {
          double g = 0;
          UNROLL for (int j = 0; j < N; j++) g = g + r[j] * V[j][k];
          gU[i][k] = g;
        }
        UNROLL for (int j = 0; j < N; j++) UNROLL for (int k = 0; k < D; k++) gV[j][k] = gV[j][k] + r[j] * U[i][k];
        UNROLL for (int k = 0; k < D; k++) U[i][k] = U[i][k] + eta * gU[i][k];
      }
    } else {
      UNROLL for (int i = 0; i < M; i++) UNROLL for (int j = 0; j < N; j++) {
        double a = U[i][0] * V[j][0];
        UNROLL for (int k = 1; k < D; k++) a = a + U[i][k] * V[j][k];
        R[i][j] = Sp[i][j] - a;
      }
      UNROLL for (int i = 0; i < M; i++) UNROLL for (int k = 0; k < D; k++) {
        double g = 0;
        UNROLL for (int j = 0; j < N; j++) g = g + R[i][j] * V[j][k];
        gU[i][k] = g;
      }
      UNROLL for (int j = 0; j < N; j++) UNROLL for (int k = 0; k < D; k++) {
        double g = 0;
        UNROLL for (int i = 0; i < M; i++) g = g + R[i][j] * U[i][k];
        gV[j][k] = g;
      }
      UNROLL for (int i = 0; i < M; i++) UNROLL for (int k = 0; k < D; k++) U[i][k] = U[i][k] + eta * gU[i][k];
    }
    UNROLL for (int j = 0; j < N; j++) UNROLL for (int k = 0; k < D; k++) V[j][k] = V[j][k] + eta * gV[j][k];
  }
  UNROLL for (int i = 0; i < M; i++) UNROLL for (int k = 0; k < D; k++) Uio[i * D + k] = U[i][k];
  UNROLL for (int j = 0; j < N; j++) UNROLL for (int k = 0; k < D; k++) Vio[j * D + k] = V[j][k];
}

/* The tiny loop for m, n ≤ GD_TINY_MN, d ≤ GD_TINY_D and m·n·d ≤ GD_TINY_MND; 0 (nothing done) for other shapes. */
static int gd_advance_tiny(const double *S, size_t ss, size_t m, size_t n, size_t d, double *U, double *V, double eta, int64_t count) {
  if (m < 1 || n < 1 || d < 1 || m > GD_TINY_MN || n > GD_TINY_MN || d > GD_TINY_D || m * n * d > GD_TINY_MND) return 0;
#define TCASE(M, N, D) \
  case ((M)-1) * GD_TINY_MN * GD_TINY_D + ((N)-1) * GD_TINY_D + (D)-1: \
    if ((M) * (N) * (D) > GD_TINY_MND) return 0; \
    tiny_loop(M, N, D, S, ss, U, V, eta, count); \
    return 1;
#define TD(M, N) TCASE(M, N, 1) TCASE(M, N, 2) TCASE(M, N, 3) TCASE(M, N, 4)
#define TN(M) TD(M, 1) TD(M, 2) TD(M, 3) TD(M, 4) TD(M, 5) TD(M, 6)
  switch ((m - 1) * GD_TINY_MN * GD_TINY_D + (n - 1) * GD_TINY_D + d - 1) {
    TN(1) TN(2) TN(3) TN(4) TN(5) TN(6)
  }
#undef TN
#undef TD
#undef TCASE
  return 0;
}

int gd_small_fits(size_t m, size_t n, size_t d) { return m >= 1 && n >= 1 && d >= 1 && m <= GD_SMALL_M && n <= GD_SMALL_N && d <= GD_SMALL_D; }

int gd_advance_small(const double *S, size_t stride, size_t m, size_t n, size_t d, double *U, double *V, double eta, int64_t count) {
  if (!gd_small_fits(m, n, d)) return 0;
  if (gd_advance_tiny(S, stride, m, n, d, U, V, eta, count)) return 1;
  int nj = (int)((n + LW - 1) / LW);
#define DCASE(NJ, D) \
  case D: \
    if (D <= 2) small_loop2(NJ, D, (D + 1) / 2, S, stride, m, n, U, V, eta, count); \
    else small_loop4(NJ, D, (D + LW - 1) / LW, S, stride, m, n, U, V, eta, count); \
    return 1;
#define NCASE(NJ) \
  case NJ: \
    switch (d) { DCASE(NJ, 1) DCASE(NJ, 2) DCASE(NJ, 3) DCASE(NJ, 4) DCASE(NJ, 5) DCASE(NJ, 6) DCASE(NJ, 7) DCASE(NJ, 8) } \
    return 0;
  switch (nj) {
    NCASE(1) NCASE(2) NCASE(3) NCASE(4)
  }
#undef NCASE
#undef DCASE
  return 0;
}

/* ---- batched: lanes across instances ---- */

#ifndef BATCH_RB
#define BATCH_RB 2 /* rows of Σ per block (≤ 4; 2 measured best on the AVX2 host) */
#endif

typedef double bv __attribute__((vector_size(8 * GD_BATCH_W)));
typedef long long bm __attribute__((vector_size(8 * GD_BATCH_W)));

INLINE bv bcb(double x) {
  bv v;
  for (int l = 0; l < GD_BATCH_W; l++) v[l] = x;
  return v;
}
/* a where mask lanes are set, else b */
INLINE bv pick(bm mask, bv a, bv b) { return (bv)(((bm)a & mask) | ((bm)b & ~mask)); }

/*
 * The loss f = ½‖R‖²_F of each lane, summed exactly as gd-step.c's sweep() (the WebAssembly
 * kernel's order) sums it, so that it is bitwise the loss Stepper.step returns on the native kernel.
 * There, in tiles of BI × BJ (32 × 64) in tile order, each tile with fresh two-lane sums q0, q1:
 * for each block of four rows (a, b, c, e) and each group of four columns j = g…g+3 (increasing),
 * q0[l] += (a_{g+l}² + a_{g+l+2}²) + (b_{g+l}² + b_{g+l+2}²) for l = 0, 1, and q1 the same with
 * rows c, e; after a tile, sq[l] += q0[l] + q1[l]; f = ½(sq[0] + sq[1]). Padding entries are zero
 * residuals (a term + 0 is the term). Here rows come in pairs (i, i + 1), i even: pair i/2 adds to
 * q0 when it is even, else q1, of the tile of its columns; the per-tile sums are qs[2·jt + {0,1}]
 * (lanes l = 0, 1 as the two entries), flushed into sq when a band of 32 rows is done.
 * Rb[j·4 + q]: the residual of row i + q, column j (zero for j ≥ n up to a multiple of 4).
 */
#define BATCH_LOSS_TILES 4 /* column tiles of 64: n ≤ 256 */
INLINE bv sq2(bv x, bv y) { return x * x + y * y; }
INLINE void batch_squares(const int RB, size_t i, size_t n, const bv *restrict Rb, bv (*restrict qs)[2]) {
  for (int q = 0; q < RB; q += 2) {
    size_t pair = (i + q) / 2;
    for (size_t g = 0; g < n; g += 4) {
      bv (*acc)[2] = qs + 2 * (g / 64) + (pair & 1);
      const bv *a = Rb + g * 4 + q;
      for (int l = 0; l < 2; l++) {
        bv t = sq2(a[l * 4], a[(l + 2) * 4]);
        if (q + 1 < RB) t = t + sq2(a[l * 4 + 1], a[(l + 2) * 4 + 1]);
        (*acc)[l] = (*acc)[l] + t;
      }
    }
  }
}

/* A band of 32 rows done: sq[l] += q0[l] + q1[l] for each column tile in order, the sums reset. */
INLINE void batch_flush(size_t tiles, bv (*restrict qs)[2], bv *restrict sq) {
  for (size_t t = 0; t < tiles; t++)
    for (int l = 0; l < 2; l++) {
      sq[l] = sq[l] + (qs[2 * t][l] + qs[2 * t + 1][l]);
      qs[2 * t][l] = qs[2 * t + 1][l] = bcb(0);
    }
}

/*
 * RB rows of Σ from row i for one batched step: their residuals (independent of one another), their
 * ∇_U rows (j increasing) and their terms of ∇_V (row i's before row i + 1's: i increasing), then
 * their U rows updated (nothing later reads the old ones).
 */
INLINE void batch_rows(const int RB, const int D, size_t i, size_t n, bm act, bv e, const bv *restrict Sg, bv *restrict Ug, const bv *restrict Vg, bv *restrict gV, bv *restrict Rb, bv (*restrict qs)[2]) {
  bv u[4][GD_BATCH_D];
  for (int q = 0; q < RB; q++)
    for (int k = 0; k < D; k++) u[q][k] = Ug[(i + q) * D + k];
  /* the residuals first (independent across j: no chain runs from one j to the next)… */
  for (size_t j = 0; j < n; j++) {
    const bv *v = Vg + j * D;
    for (int q = 0; q < RB; q++) {
      bv a = bcb(0);
      for (int k = 0; k < D; k++) a = a + u[q][k] * v[k];
      Rb[j * 4 + q] = Sg[(i + q) * n + j] - a;
    }
  }
  if (qs) batch_squares(RB, i, n, Rb, qs);
  /* …then the gradients */
  bv gu[4][GD_BATCH_D];
  for (int q = 0; q < RB; q++)
    for (int k = 0; k < D; k++) gu[q][k] = bcb(0);
  for (size_t j = 0; j < n; j++) {
    const bv *v = Vg + j * D;
    bv *g = gV + j * D;
    for (int k = 0; k < D; k++) {
      bv x = g[k];
      for (int q = 0; q < RB; q++) {
        gu[q][k] = gu[q][k] + Rb[j * 4 + q] * v[k];
        x = x + Rb[j * 4 + q] * u[q][k];
      }
      g[k] = x;
    }
  }
  for (int q = 0; q < RB; q++)
    for (int k = 0; k < D; k++) Ug[(i + q) * D + k] = pick(act, u[q][k] + e * gu[q][k], u[q][k]);
}

/*
 * One group of GD_BATCH_W lanes, copied into the work area (Sg, Ug, Vg: contiguous, one vector per
 * element): max(count) steps, lane l stepping only while the step index is below count[l] (a lane
 * past its count keeps its iterate). Rows of Σ RB at a time. With `loss` (LOSS = 1), f(U_s, V_s)
 * of lane l (the loss of the iterate step s starts from, as Stepper.step returns it) is written
 * to loss[s·lstride + l] for s < count[l].
 */
INLINE void batch_group(const int LOSS, const int D, size_t m, size_t n, bv e, bv cnt, int64_t steps, const bv *restrict Sg, bv *restrict Ug, bv *restrict Vg, bv *restrict gV, bv *restrict Rb, double *loss, size_t lstride) {
  bv qs[2 * BATCH_LOSS_TILES][2];
  const size_t tiles = (n + 63) / 64;
  for (int64_t s = 0; s < steps; s++) {
    bm act = (bm)(bcb((double)s) < cnt);
    for (size_t p = 0; p < n * D; p++) gV[p] = bcb(0);
    bv sq[2] = {bcb(0), bcb(0)};
    if (LOSS)
      for (size_t t = 0; t < 2 * tiles; t++) qs[t][0] = qs[t][1] = bcb(0);
    bv (*q)[2] = LOSS ? qs : NULL;
    size_t i = 0;
    for (; i + BATCH_RB <= m; i += BATCH_RB) {
      batch_rows(BATCH_RB, D, i, n, act, e, Sg, Ug, Vg, gV, Rb, q);
      if (LOSS && ((i + BATCH_RB) % 32 == 0 || i + BATCH_RB == m)) batch_flush(tiles, qs, sq);
    }
    for (; i + 2 <= m; i += 2) {
      batch_rows(2, D, i, n, act, e, Sg, Ug, Vg, gV, Rb, q);
      if (LOSS && ((i + 2) % 32 == 0 || i + 2 == m)) batch_flush(tiles, qs, sq);
    }
    for (; i < m; i++) {
      batch_rows(1, D, i, n, act, e, Sg, Ug, Vg, gV, Rb, q);
      if (LOSS) batch_flush(tiles, qs, sq);
    }
    for (size_t p = 0; p < n * D; p++) Vg[p] = pick(act, Vg[p] + e * gV[p], Vg[p]);
    if (LOSS) {
      bv f = bcb(0.5) * (sq[0] + sq[1]);
      for (int l = 0; l < GD_BATCH_W; l++)
        if ((double)s < cnt[l]) loss[s * lstride + l] = f[l];
    }
  }
}

static void batch_group_any(size_t d, size_t m, size_t n, bv e, bv cnt, int64_t steps, const bv *Sg, bv *Ug, bv *Vg, bv *gV, bv *Rb, double *loss, size_t lstride) {
  if (loss) batch_group(1, (int)d, m, n, e, cnt, steps, Sg, Ug, Vg, gV, Rb, loss, lstride);
  else batch_group(0, (int)d, m, n, e, cnt, steps, Sg, Ug, Vg, gV, Rb, NULL, 0);
}

int gd_batch_width(void) { return GD_BATCH_W; }

int gd_batch_fits(size_t m, size_t n, size_t d, size_t B) { return m >= 1 && n >= 1 && d >= 1 && d <= GD_BATCH_D && B >= 1 && B % GD_BATCH_W == 0; }

static size_t up4b(size_t x) { return (x + 3) & ~(size_t)3; }

size_t gd_batch_work_doubles(size_t m, size_t n, size_t d) { return (m * n + m * d + 2 * n * d + 4 * up4b(n)) * GD_BATCH_W + GD_BATCH_W; }

int gd_batch_loss_fits(size_t m, size_t n, size_t d, size_t B) { return gd_batch_fits(m, n, d, B) && n <= 64 * BATCH_LOSS_TILES; }

int gd_advance_batch(const double *S, size_t m, size_t n, size_t d, size_t B, double *U, double *V, const double *eta, const double *count, double *work) {
  return gd_advance_batch_loss(S, m, n, d, B, U, V, eta, count, work, NULL);
}

int gd_advance_batch_loss(const double *S, size_t m, size_t n, size_t d, size_t B, double *U, double *V, const double *eta, const double *count, double *work, double *loss) {
  if (!(loss ? gd_batch_loss_fits(m, n, d, B) : gd_batch_fits(m, n, d, B))) return 0;
  /* the work area from its first vector-aligned double on (GD_BATCH_W spare doubles) */
  bv *Sg = (bv *)(((uintptr_t)work + sizeof(bv) - 1) & ~(uintptr_t)(sizeof(bv) - 1));
  bv *Ug = Sg + m * n, *Vg = Ug + m * d, *gV = Vg + n * d, *Rb = gV + n * d;
  /* residual columns n … up4(n) − 1 stay zero (the loss reads whole groups of four) */
  for (size_t p = 0; p < 4 * up4b(n); p++) Rb[p] = bcb(0);
  for (size_t lane = 0; lane < B; lane += GD_BATCH_W) {
    bv e, cnt;
    double most = 0;
    for (int l = 0; l < GD_BATCH_W; l++) {
      e[l] = eta[lane + l];
      cnt[l] = count[lane + l];
      most = cnt[l] > most ? cnt[l] : most;
    }
    if (most == 0) continue;
    for (size_t p = 0; p < m * n; p++)
      for (int l = 0; l < GD_BATCH_W; l++) Sg[p][l] = S[p * B + lane + l];
    for (size_t p = 0; p < m * d; p++)
      for (int l = 0; l < GD_BATCH_W; l++) Ug[p][l] = U[p * B + lane + l];
    for (size_t p = 0; p < n * d; p++)
      for (int l = 0; l < GD_BATCH_W; l++) Vg[p][l] = V[p * B + lane + l];
    int64_t steps = (int64_t)most;
    double *lo = loss ? loss + lane : NULL;
#define DCASE(D) \
  case D: \
    if (lo) batch_group(1, D, m, n, e, cnt, steps, Sg, Ug, Vg, gV, Rb, lo, B); \
    else batch_group(0, D, m, n, e, cnt, steps, Sg, Ug, Vg, gV, Rb, NULL, 0); \
    break;
    switch (d) {
      DCASE(1) DCASE(2) DCASE(3) DCASE(4) DCASE(5) DCASE(6) DCASE(7) DCASE(8)
      default: batch_group_any(d, m, n, e, cnt, steps, Sg, Ug, Vg, gV, Rb, lo, B);
    }
#undef DCASE
    for (size_t p = 0; p < m * d; p++)
      for (int l = 0; l < GD_BATCH_W; l++) U[p * B + lane + l] = Ug[p][l];
    for (size_t p = 0; p < n * d; p++)
      for (int l = 0; l < GD_BATCH_W; l++) V[p * B + lane + l] = Vg[p][l];
  }
  return 1;
}
