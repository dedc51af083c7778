/*
 * The Gram matrix of src/linalg/spectral.ts's opNorm in C, with the machine's widest vectors:
 *
 *   G[s][t] = ((0 + y_s0 y_t0) + y_s1 y_t1) + …      (t ≤ s; the sum over i in increasing order)
 *
 * where y_s is column s of X (tall) or row s (wide). Compiled with -ffp-contract=off like
 * gd-step.c and vectorised only across independent entries (lanes over t), so G is bitwise what
 * the TypeScript loop computes (properties/linalg/native-gram.test.ts checks it).
 */
#include <stdlib.h>
#include <string.h>

#include "gram.h"

typedef double v8 __attribute__((vector_size(64), aligned(8)));

/* Lower triangle of G from Y (r×p, row i holding y_0i … y_(p−1)i): lanes over t read rows of Y. */
static void gram_rows(const double *y, size_t r, size_t p, double *g) {
  for (size_t s = 0; s < p; s++) {
    size_t t = 0;
    for (; t + 8 <= s + 1; t += 8) {
      v8 a = {0, 0, 0, 0, 0, 0, 0, 0};
      for (size_t i = 0; i < r; i++) {
        double v = y[i * p + s];
        a = a + (v8){v, v, v, v, v, v, v, v} * *(const v8 *)(y + i * p + t);
      }
      memcpy(g + s * p + t, &a, sizeof a);
    }
    for (; t <= s; t++) {
      double a = 0;
      for (size_t i = 0; i < r; i++) a += y[i * p + s] * y[i * p + t];
      g[s * p + t] = a;
    }
  }
}

int gram_lower(const double *x, size_t rows, size_t cols, double *g) {
  if (rows >= cols) {
    gram_rows(x, rows, cols, g); /* X itself is Y */
    return 1;
  }
  /* Wide: the vectors are X's rows; Y = Xᵀ. */
  double *y = malloc(rows * cols * sizeof(double));
  if (!y) return 0;
  for (size_t s = 0; s < rows; s++)
    for (size_t i = 0; i < cols; i++) y[i * rows + s] = x[s * cols + i];
  gram_rows(y, cols, rows, g);
  free(y);
  return 1;
}
