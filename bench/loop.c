/*
 * The reference for `npm run bench`'s small shapes: the obvious triple loop for one GD step
 * (R = Σ − UVᵀ, then U += ηRV, V += ηRᵀU), compiled in the bench's run with `cc -O3 -march=native`
 * (the compiler may fuse multiply-adds here: this is a speed reference, not a bitwise one).
 * Usage: loop m n d → prints the median ns per step (CPU time) over 5 batches of ≥ 300 ms.
 *        loop peak → prints the GFLOP/s of independent 4-wide multiplies and adds, one of each per
 *        pair (the small-shape kernel's vectors and instruction mix, unfused as it is compiled):
 *        the ceiling against which its ns per step are read, measured in the same run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

typedef double v4 __attribute__((vector_size(32)));

/* Six independent chains of each kind: enough to cover the latency of both on the machines seen. */
static double peak(void) {
  const v4 x = {1.0000001, 1.0000001, 1.0000001, 1.0000001}, y = {1e-9, 1e-9, 1e-9, 1e-9};
  /* distinct starting values: identical chains would be merged by the compiler */
  v4 a0 = x, a1 = x + 1, a2 = x + 2, a3 = x + 3, a4 = x + 4, a5 = x + 5, m0 = y, m1 = y + 1, m2 = y + 2, m3 = y + 3, m4 = y + 4, m5 = y + 5;
  long reps = 1 << 20;
  double best = 0;
  for (int b = 0; b < 7; b++) {
    double t0 = now();
    for (long r = 0; r < reps; r++) {
      a0 = a0 + y, a1 = a1 + y, a2 = a2 + y, a3 = a3 + y, a4 = a4 + y, a5 = a5 + y;
      m0 = m0 * x, m1 = m1 * x, m2 = m2 * x, m3 = m3 * x, m4 = m4 * x, m5 = m5 * x;
    }
    double t = now() - t0;
    if (t < 100e6) {
      reps *= 2;
      b--;
      continue;
    }
    double gflops = reps * 12.0 * 4 / t;
    best = gflops > best ? gflops : best;
  }
  v4 s = a0 + a1 + a2 + a3 + a4 + a5 + m0 + m1 + m2 + m3 + m4 + m5;
  printf("%.3f %g\n", best, s[0]); /* s[0]: keeps the loop from being optimised away */
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "peak") == 0) return peak();
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
