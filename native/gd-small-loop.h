/*
 * gd-small.c's one-trajectory loop, stamped out once per width of the vectors over k: gd-small.c
 * defines SMALL_LOOP (the function's name), KV (the vector type over k), KW (its lanes) and KBC (a
 * KV with every lane x, exactly), then includes this file. Lanes over j (lv, LW wide) for the residual R (m×NJ·LW, Vᵀ held as d×NJ·LW)
 * and for ∇_Vᵀ; lanes over k (KV, KW wide) for ∇_U (U held as m×KD·KW, V also held row-major as
 * n×KD·KW, re-copied from Vᵀ after each step), rows of ∇_U four at a time. Padding lanes
 * are zero: they give +0 residuals, which add nothing to a sum that started at +0.
 *
 * With NJ vectors over j, D columns and KD vectors over k known at compile time. U (m×d) and V
 * (n×d) row-major, read and written back.
 */
INLINE void SMALL_LOOP(const int NJ, const int D, const int KD, const double *Sd, size_t ss, size_t m, size_t n, double *Uio, double *Vio, double eta, int64_t count) {
  lv S[MPMAX][NJMAX], R[MPMAX][NJMAX], Vt[GD_SMALL_D][NJMAX];
  KV U[MPMAX][GD_SMALL_D / KW], Vr[GD_SMALL_N][GD_SMALL_D / KW];
  memset(S, 0, sizeof S);
  memset(R, 0, sizeof R);
  memset(Vt, 0, sizeof Vt);
  memset(U, 0, sizeof U);
  memset(Vr, 0, sizeof Vr);
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < n; j++) S[i][j / LW][j % LW] = Sd[i * ss + j];
  for (size_t i = 0; i < m; i++)
    for (int k = 0; k < D; k++) U[i][k / KW][k % KW] = Uio[i * D + k];
  for (size_t j = 0; j < n; j++)
    for (int k = 0; k < D; k++) Vr[j][k / KW][k % KW] = Vt[k][j / LW][j % LW] = Vio[j * D + k];
  const KV e = KBC(eta);
  const lv ej = bcl(eta);
  for (int64_t s = 0; s < count; s++) {
    /* R = Σ − UVᵀ, lanes over j */
    for (size_t i = 0; i < m; i++) {
      lv a[NJMAX];
      {
        lv u = bcl(U[i][0][0]);
        for (int jv = 0; jv < NJ; jv++) a[jv] = u * Vt[0][jv];
      }
      for (int k = 1; k < D; k++) {
        lv u = bcl(U[i][k / KW][k % KW]);
        for (int jv = 0; jv < NJ; jv++) a[jv] = a[jv] + u * Vt[k][jv];
      }
      for (int jv = 0; jv < NJ; jv++) R[i][jv] = S[i][jv] - a[jv];
    }
    /* ∇_Vᵀ (lanes over j), i increasing */
    lv g[GD_SMALL_D][NJMAX];
    for (int k = 0; k < D; k++)
      for (int jv = 0; jv < NJ; jv++) g[k][jv] = bcl(0);
    for (size_t i = 0; i < m; i++)
      for (int k = 0; k < D; k++) {
        lv u = bcl(U[i][k / KW][k % KW]);
        for (int jv = 0; jv < NJ; jv++) g[k][jv] = g[k][jv] + R[i][jv] * u;
      }
    /* ∇_U (lanes over k), j increasing, rows four at a time, then the last two and the last one
       (not zero rows padded to four: on the AVX2 host 5×5×3 86 → 74, 6×6×3 102 → 91 ns/step);
       U updated as each block is done (the residual and ∇_V above already read the old U) */
#define GU_ROWS(Q) \
  { \
    KV h[Q][GD_SMALL_D / KW]; \
    for (int q = 0; q < Q; q++) \
      for (int kd = 0; kd < KD; kd++) h[q][kd] = KBC(0); \
    for (size_t j = 0; j < n; j++) { \
      for (int q = 0; q < Q; q++) { \
        KV x = KBC(R[i + q][j / LW][j % LW]); \
        for (int kd = 0; kd < KD; kd++) h[q][kd] = h[q][kd] + x * Vr[j][kd]; \
      } \
    } \
    for (int q = 0; q < Q; q++) \
      for (int kd = 0; kd < KD; kd++) U[i + q][kd] = U[i + q][kd] + e * h[q][kd]; \
    i += Q; \
  }
    size_t i = 0;
    while (i + 4 <= m) GU_ROWS(4)
    if (i + 2 <= m) GU_ROWS(2)
    if (i < m) GU_ROWS(1)
#undef GU_ROWS
    /* V' (lanes over j), then its row-major copy */
    for (int k = 0; k < D; k++)
      for (int jv = 0; jv < NJ; jv++) Vt[k][jv] = Vt[k][jv] + ej * g[k][jv];
    for (size_t j = 0; j < n; j++)
      for (int k = 0; k < D; k++) Vr[j][k / KW][k % KW] = Vt[k][j / LW][j % LW];
  }
  for (size_t i = 0; i < m; i++)
    for (int k = 0; k < D; k++) Uio[i * D + k] = U[i][k / KW][k % KW];
  for (size_t j = 0; j < n; j++)
    for (int k = 0; k < D; k++) Vio[j * D + k] = Vt[k][j / LW][j % LW];
}
