/* Gram matrices for the operator norm (src/linalg/spectral.ts opNorm): see gram.c. */
#ifndef LEMMACHECK_GRAM_H
#define LEMMACHECK_GRAM_H
#include <stddef.h>

/*
 * The lower triangle of G = XᵀX (tall: X is r×p, rows ≥ cols) or XXᵀ (wide: X is p×r): G[s][t] for
 * t ≤ s, row-major p×p (p = min(rows, cols)); the upper triangle is left alone. Returns 0 when the
 * scratch for a wide X cannot be allocated (g is then not written).
 */
int gram_lower(const double *x, size_t rows, size_t cols, double *g);
#endif
