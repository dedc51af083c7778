/*
 * The reference for `npm run bench`'s small shapes: the obvious triple loop for one GD step
 * (R = Σ − UVᵀ, then U += ηRV, V += ηRᵀU), compiled in the bench's run with `cc -O3 -march=native`
 * (the compiler may fuse multiply-adds here: this is a speed reference, not a bitwise one).
 * Usage: loop m n d → prints the median ns per step (CPU time) over 5 batches of ≥ 300 ms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); /* CPU time, as bench/small.ts measures the engine */
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static int m, n, d;
static double *S, *U, *V, *R, *gU, *gV;

static void step(double eta) {
  for (int i = 0; i < m; i++)
    for (int j = 0; j < n; j++) {
      double a = 0;
      for (int k = 0; k < d; k++) a += U[i * d + k] * V[j * d + k];
      R[i * n + j] = S[i * n + j] - a;
    }
  for (int i = 0; i < m; i++)
    for (int k = 0; k < d; k++) {
      double g = 0;
      for (int j = 0; j < n; j++) g += R[i * n + j] * V[j * d + k];
      gU[i * d + k] = g;
    }
  for (int j = 0; j < n; j++)
    for (int k = 0; k < d; k++) {
      double g = 0;
      for (int i = 0; i < m; i++) g += R[i * n + j] * U[i * d + k];
      gV[j * d + k] = g;
    }
  for (int p = 0; p < m * d; p++) U[p] += eta * gU[p];
  for (int p = 0; p < n * d; p++) V[p] += eta * gV[p];
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  m = atoi(argv[1]), n = atoi(argv[2]), d = atoi(argv[3]);
  S = calloc(m * n, 8), R = calloc(m * n, 8), U = calloc(m * d, 8), V = calloc(n * d, 8), gU = calloc(m * d, 8), gV = calloc(n * d, 8);
  for (int p = 0; p < m * n; p++) S[p] = (p % 7) * 0.1;
  for (int p = 0; p < m * d; p++) U[p] = 0.01 * (p % 5 + 1);
  for (int p = 0; p < n * d; p++) V[p] = 0.01 * (p % 3 + 1);
  long reps = 1000;
  for (;;) {
    double t0 = now();
    for (long r = 0; r < reps; r++) step(1e-7);
    if (now() - t0 >= 300e6) break;
    reps *= 2;
  }
  double t[5];
  for (int b = 0; b < 5; b++) {
    double t0 = now();
    for (long r = 0; r < reps; r++) step(1e-7);
    t[b] = (now() - t0) / reps;
  }
  qsort(t, 5, sizeof t[0], cmp);
  printf("%.3f %g\n", t[2], U[0]); /* U[0]: keeps the loop from being optimised away */
  return 0;
}
