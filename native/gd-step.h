/* The GD step kernel of gd-step.c (see there for the semantics and the layout). */
#ifndef LEMMACHECK_GD_STEP_H
#define LEMMACHECK_GD_STEP_H
#include <stddef.h>

/* A view of Σ: entries (i, j) with i < rows, j < cols at data[i·stride + j]; zero outside. */
struct gd_sigma {
  const double *data;
  size_t stride, rows, cols;
};

/* Rows and columns of the padded Σ for an m×n problem. */
size_t gd_sigma_rows(size_t m);
size_t gd_sigma_cols(size_t n);
/* Doubles of the work area for an m×n problem of rank d. */
size_t gd_work_doubles(size_t m, size_t n, size_t d);
/* padded (gd_sigma_rows(m)×gd_sigma_cols(n)) = Σ (m×n) with zeros around it. */
void gd_pad_sigma(const double *sigma, size_t m, size_t n, double *padded);
/* One GD step from (U, V) into (outU, outV) (not aliasing U, V); returns ½‖Σ − UVᵀ‖²_F. */
double gd_step(const struct gd_sigma *S, size_t m, size_t n, size_t d, const double *U, const double *V, double eta, double *outU, double *outV, double *work);
/* ½‖Σ − UVᵀ‖²_F, bitwise what gd_step returns. */
double gd_loss(const struct gd_sigma *S, size_t m, size_t n, size_t d, const double *U, const double *V, double *work);
#endif
