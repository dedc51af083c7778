/* Small-shape and batched GD loops (gd-small.c; see there for the semantics and the layout). */
#ifndef LEMMACHECK_GD_SMALL_H
#define LEMMACHECK_GD_SMALL_H
#include <stddef.h>
#include <stdint.h>

/* The largest shape the one-trajectory small path takes. */
#define GD_SMALL_M 16
#define GD_SMALL_N 16
#define GD_SMALL_D 8
/*
 * The shapes compiled one by one, every loop unrolled (gd-small.c's tiny_loop): m, n ≤ GD_TINY_MN,
 * d ≤ GD_TINY_D, m·n·d ≤ GD_TINY_MND. Past about 24 multiply-adds per residual sweep the scalar code
 * is slower than the vector loop (measured on an AVX2 host: 3×3×1 22 against 30 ns/step, 3×4×2 equal,
 * 4×4×2 57 against 41).
 */
#define GD_TINY_MN 6
#define GD_TINY_D 4
#define GD_TINY_MND 24
/* Lanes per vector of the batched stepper (B must be a multiple), and its largest rank. */
#ifndef GD_BATCH_W
#define GD_BATCH_W 4
#endif
#define GD_BATCH_D 32

/* Whether gd_advance_small takes an m×n problem of rank d. */
int gd_small_fits(size_t m, size_t n, size_t d);
/*
 * `count` steps from (U, V) (m×d, n×d, row-major), in place; Σ_ij at S[i·stride + j]. Returns 0
 * (and does nothing) when the shape does not fit.
 */
int gd_advance_small(const double *S, size_t stride, size_t m, size_t n, size_t d, double *U, double *V, double eta, int64_t count);

/* GD_BATCH_W, for the binding. */
int gd_batch_width(void);
/* Whether gd_advance_batch takes B instances of an m×n problem of rank d. */
int gd_batch_fits(size_t m, size_t n, size_t d, size_t B);
/* Doubles of its work area. */
size_t gd_batch_work_doubles(size_t m, size_t n, size_t d);
/*
 * B instances interleaved (element e of instance b at e·B + b): Σ (m·n·B), U (m·d·B), V (n·d·B);
 * instance b takes count[b] steps with step size eta[b] (count: whole numbers held as doubles).
 * Returns 0 (and does nothing) when the shape does not fit.
 */
int gd_advance_batch(const double *S, size_t m, size_t n, size_t d, size_t B, double *U, double *V, const double *eta, const double *count, double *work);
/* Whether gd_advance_batch_loss takes the shape (gd_batch_fits and n ≤ 256). */
int gd_batch_loss_fits(size_t m, size_t n, size_t d, size_t B);
/*
 * gd_advance_batch, and with `loss` non-NULL also f(U_s, V_s) of instance b before its step s at
 * loss[s·B + b] for s < count[b] (bitwise the loss gd_step returns: gd-step.c's order of the sum
 * of squares). Returns 0 (and does nothing) when the shape does not fit.
 */
int gd_advance_batch_loss(const double *S, size_t m, size_t n, size_t d, size_t B, double *U, double *V, const double *eta, const double *count, double *work, double *loss);
#endif
