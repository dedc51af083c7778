/*
 * Node-API binding of the native code: the GD kernel (gd-step.c, used by src/gd/step-native.ts)
 * and the Gram matrix of the operator norm (gram.c, used by src/linalg/spectral.ts). Loaded by
 * src/native.ts.
 *
 *   sigmaLength(m, n)                        → doubles of the array that holds the padded Σ
 *   workLength(m, n, d)                      → doubles of the work area
 *   padSigma(sigma, m, n, padded)            → padded := Σ with zeros around it
 *   step(S, m, n, d, U, V, eta, outU, outV, work, raw?)     → f(U, V); (outU, outV) := the next iterate
 *   advance(S, m, n, d, U, V, eta, count, spareU, spareV, work, raw?) → (U, V) := `count` steps on
 *   loss(S, m, n, d, U, V, work, raw?)       → f(U, V)
 *   batchWidth()                             → lanes per vector of advanceBatch (B must be a multiple)
 *   batchWorkLength(m, n, d)                   → doubles of advanceBatch's work area
 *   advanceBatch(S, m, n, d, B, U, V, eta, count, work) → B interleaved instances stepped (gd-small.h)
 *   advanceBatchLoss(…, work, loss)          → the same, with f before each step (loss[s·B + b])
 *   gramLower(x, rows, cols, g)              → g's lower triangle := that of XᵀX (tall) or XXᵀ (wide)
 *
 * S is the padded Σ (padSigma), or with raw = true Σ itself (m×n: no copy, for one-shot calls);
 * both give the same bits.
 *
 * Every matrix argument is a Float64Array; the lengths are checked here (a short array is a
 * TypeError, never a write past its end). Nothing is kept between calls. The padded Σ and the work
 * area are used from their first 64-byte boundary on (whole cache lines for the 64-byte vector
 * loads; a typed array's data is only 8-byte aligned), hence the 8 extra doubles in their lengths:
 * the same array always gives the same boundary, since array data do not move.
 */
#include <node_api.h>
#include <stdint.h>
#include <string.h>

#include "gd-small.h"
#include "gd-step.h"
#include "gram.h"

#define CHECK(call) \
  do { \
    if ((call) != napi_ok) return NULL; \
  } while (0)

static int fail(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return 0;
}

/* The data of a Float64Array holding at least `need` doubles. */
static int f64(napi_env env, napi_value value, size_t need, double **out, const char *name) {
  bool is;
  if (napi_is_typedarray(env, value, &is) != napi_ok || !is) return fail(env, name);
  napi_typedarray_type type;
  size_t length;
  void *data;
  if (napi_get_typedarray_info(env, value, &type, &length, &data, NULL, NULL) != napi_ok) return fail(env, name);
  if (type != napi_float64_array || length < need) return fail(env, name);
  *out = (double *)data;
  return 1;
}

/* The first 64-byte boundary at or after p (at most 7 doubles on). */
static double *aligned(double *p) { return (double *)(((uintptr_t)p + 63) & ~(uintptr_t)63); }

static size_t sigma_length(size_t m, size_t n) { return gd_sigma_rows(m) * gd_sigma_cols(n) + 8; }
static size_t work_length(size_t m, size_t n, size_t d) { return gd_work_doubles(m, n, d) + 8; }

/* A non-negative integer below 2³¹. */
static int dim(napi_env env, napi_value value, size_t *out) {
  int64_t x;
  if (napi_get_value_int64(env, value, &x) != napi_ok || x < 0 || x > INT32_MAX) return fail(env, "dimension");
  *out = (size_t)x;
  return 1;
}

static int args(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return 0;
  if (argc < want) return fail(env, "too few arguments");
  return 1;
}

static napi_value number(napi_env env, double x) {
  napi_value v;
  return napi_create_double(env, x, &v) == napi_ok ? v : NULL;
}

static napi_value SigmaLength(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  size_t m, n;
  if (!args(env, info, 2, argv) || !dim(env, argv[0], &m) || !dim(env, argv[1], &n)) return NULL;
  return number(env, (double)sigma_length(m, n));
}

static napi_value WorkLength(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  size_t m, n, d;
  if (!args(env, info, 3, argv) || !dim(env, argv[0], &m) || !dim(env, argv[1], &n) || !dim(env, argv[2], &d)) return NULL;
  return number(env, (double)work_length(m, n, d));
}

static napi_value PadSigma(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  size_t m, n;
  double *sigma, *padded;
  if (!args(env, info, 4, argv) || !dim(env, argv[1], &m) || !dim(env, argv[2], &n)) return NULL;
  if (!f64(env, argv[0], m * n, &sigma, "sigma") || !f64(env, argv[3], sigma_length(m, n), &padded, "padded")) return NULL;
  gd_pad_sigma(sigma, m, n, aligned(padded));
  return NULL;
}

/*
 * Σ (a view of the padded copy from its 64-byte boundary, or with `raw` truthy of Σ itself), m, n,
 * d, U, V from argv[0…5], checked against one another.
 */
static int problem(napi_env env, napi_value *argv, napi_value raw, struct gd_sigma *S, size_t *m, size_t *n, size_t *d, double **U, double **V) {
  bool isRaw = false;
  if (raw != NULL && napi_get_value_bool(env, raw, &isRaw) != napi_ok) isRaw = false;
  double *data;
  if (!(dim(env, argv[1], m) && dim(env, argv[2], n) && dim(env, argv[3], d) &&
        f64(env, argv[0], isRaw ? *m * *n : sigma_length(*m, *n), &data, isRaw ? "sigma" : "padded sigma") &&
        f64(env, argv[4], *m * *d, U, "U") && f64(env, argv[5], *n * *d, V, "V")))
    return 0;
  if (isRaw) *S = (struct gd_sigma){data, *n, *m, *n};
  else *S = (struct gd_sigma){aligned(data), gd_sigma_cols(*n), gd_sigma_rows(*m), gd_sigma_cols(*n)};
  return 1;
}

/* The arguments, up to `most`: the ones not passed are NULL. */
static int args_upto(napi_env env, napi_callback_info info, size_t want, size_t most, napi_value *argv) {
  size_t argc = most;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return 0;
  if (argc < want) return fail(env, "too few arguments");
  for (size_t i = argc; i < most; i++) argv[i] = NULL;
  return 1;
}

static napi_value Step(napi_env env, napi_callback_info info) {
  napi_value argv[11];
  struct gd_sigma S;
  double *U, *V, *outU, *outV, *work, eta;
  size_t m, n, d;
  if (!args_upto(env, info, 10, 11, argv) || !problem(env, argv, argv[10], &S, &m, &n, &d, &U, &V)) return NULL;
  if (napi_get_value_double(env, argv[6], &eta) != napi_ok) return fail(env, "eta"), NULL;
  if (!f64(env, argv[7], m * d, &outU, "outU") || !f64(env, argv[8], n * d, &outV, "outV") ||
      !f64(env, argv[9], work_length(m, n, d), &work, "work"))
    return NULL;
  return number(env, gd_step(&S, m, n, d, U, V, eta, outU, outV, aligned(work)));
}

static napi_value Advance(napi_env env, napi_callback_info info) {
  napi_value argv[12];
  struct gd_sigma S;
  double *U, *V, *spareU, *spareV, *work, eta;
  size_t m, n, d;
  int64_t count;
  if (!args_upto(env, info, 11, 12, argv) || !problem(env, argv, argv[11], &S, &m, &n, &d, &U, &V)) return NULL;
  if (napi_get_value_double(env, argv[6], &eta) != napi_ok) return fail(env, "eta"), NULL;
  if (napi_get_value_int64(env, argv[7], &count) != napi_ok || count < 0) return fail(env, "count"), NULL;
  if (!f64(env, argv[8], m * d, &spareU, "spareU") || !f64(env, argv[9], n * d, &spareV, "spareV") ||
      !f64(env, argv[10], work_length(m, n, d), &work, "work"))
    return NULL;
  /* small shapes: the whole loop in gd-small.c (the same bits) */
  if (gd_advance_small(S.data, S.stride, m, n, d, U, V, eta, count)) return NULL;
  work = aligned(work);
  double *u = U, *v = V, *nu = spareU, *nv = spareV;
  for (int64_t i = 0; i < count; i++) {
    gd_step(&S, m, n, d, u, v, eta, nu, nv, work);
    double *t = u; u = nu; nu = t;
    t = v; v = nv; nv = t;
  }
  if (u != U) memcpy(U, u, m * d * sizeof(double));
  if (v != V) memcpy(V, v, n * d * sizeof(double));
  return NULL;
}

static napi_value BatchWidth(napi_env env, napi_callback_info info) {
  (void)info;
  return number(env, (double)gd_batch_width());
}

static napi_value BatchWorkLength(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  size_t m, n, d;
  if (!args(env, info, 3, argv) || !dim(env, argv[0], &m) || !dim(env, argv[1], &n) || !dim(env, argv[2], &d)) return NULL;
  return number(env, (double)gd_batch_work_doubles(m, n, d));
}

/* advanceBatch(S, m, n, d, B, U, V, eta, count, work) → whether the shape was taken (see gd-small.h) */
static napi_value AdvanceBatch(napi_env env, napi_callback_info info) {
  napi_value argv[10];
  size_t m, n, d, B;
  double *S, *U, *V, *eta, *count, *work;
  if (!args(env, info, 10, argv) || !dim(env, argv[1], &m) || !dim(env, argv[2], &n) || !dim(env, argv[3], &d) || !dim(env, argv[4], &B)) return NULL;
  if (!f64(env, argv[0], m * n * B, &S, "sigma") || !f64(env, argv[5], m * d * B, &U, "U") || !f64(env, argv[6], n * d * B, &V, "V") ||
      !f64(env, argv[7], B, &eta, "eta") || !f64(env, argv[8], B, &count, "count") || !f64(env, argv[9], gd_batch_work_doubles(m, n, d), &work, "work"))
    return NULL;
  for (size_t b = 0; b < B; b++)
    if (!(count[b] >= 0 && count[b] <= 9007199254740992.0 && count[b] == (double)(int64_t)count[b])) return fail(env, "count"), NULL;
  napi_value out;
  return napi_get_boolean(env, gd_advance_batch(S, m, n, d, B, U, V, eta, count, work) != 0, &out) == napi_ok ? out : NULL;
}

/*
 * advanceBatchLoss(S, m, n, d, B, U, V, eta, count, work, loss) → advanceBatch, and loss[s·B + b] :=
 * f before step s of instance b (s < count[b]; loss holds max(count)·B doubles at least)
 */
static napi_value AdvanceBatchLoss(napi_env env, napi_callback_info info) {
  napi_value argv[11];
  size_t m, n, d, B;
  double *S, *U, *V, *eta, *count, *work, *loss;
  if (!args(env, info, 11, argv) || !dim(env, argv[1], &m) || !dim(env, argv[2], &n) || !dim(env, argv[3], &d) || !dim(env, argv[4], &B)) return NULL;
  if (!f64(env, argv[0], m * n * B, &S, "sigma") || !f64(env, argv[5], m * d * B, &U, "U") || !f64(env, argv[6], n * d * B, &V, "V") ||
      !f64(env, argv[7], B, &eta, "eta") || !f64(env, argv[8], B, &count, "count") || !f64(env, argv[9], gd_batch_work_doubles(m, n, d), &work, "work"))
    return NULL;
  double most = 0;
  for (size_t b = 0; b < B; b++) {
    if (!(count[b] >= 0 && count[b] <= 9007199254740992.0 && count[b] == (double)(int64_t)count[b])) return fail(env, "count"), NULL;
    most = count[b] > most ? count[b] : most;
  }
  if (most * (double)B > 9007199254740992.0 || !f64(env, argv[10], (size_t)most * B, &loss, "loss")) return NULL;
  napi_value out;
  return napi_get_boolean(env, gd_advance_batch_loss(S, m, n, d, B, U, V, eta, count, work, loss) != 0, &out) == napi_ok ? out : NULL;
}

static napi_value Loss(napi_env env, napi_callback_info info) {
  napi_value argv[8];
  struct gd_sigma S;
  double *U, *V, *work;
  size_t m, n, d;
  if (!args_upto(env, info, 7, 8, argv) || !problem(env, argv, argv[7], &S, &m, &n, &d, &U, &V)) return NULL;
  if (!f64(env, argv[6], work_length(m, n, d), &work, "work")) return NULL;
  return number(env, gd_loss(&S, m, n, d, U, V, aligned(work)));
}

static napi_value GramLower(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  size_t rows, cols;
  double *x, *g;
  if (!args(env, info, 4, argv) || !dim(env, argv[1], &rows) || !dim(env, argv[2], &cols)) return NULL;
  size_t p = rows < cols ? rows : cols;
  if (!f64(env, argv[0], rows * cols, &x, "x") || !f64(env, argv[3], p * p, &g, "g")) return NULL;
  if (!gram_lower(x, rows, cols, g)) napi_throw_range_error(env, NULL, "out of memory");
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor fns[] = {
    {"sigmaLength", NULL, SigmaLength, NULL, NULL, NULL, napi_enumerable, NULL},
    {"workLength", NULL, WorkLength, NULL, NULL, NULL, napi_enumerable, NULL},
    {"padSigma", NULL, PadSigma, NULL, NULL, NULL, napi_enumerable, NULL},
    {"step", NULL, Step, NULL, NULL, NULL, napi_enumerable, NULL},
    {"advance", NULL, Advance, NULL, NULL, NULL, napi_enumerable, NULL},
    {"batchWidth", NULL, BatchWidth, NULL, NULL, NULL, napi_enumerable, NULL},
    {"batchWorkLength", NULL, BatchWorkLength, NULL, NULL, NULL, napi_enumerable, NULL},
    {"advanceBatch", NULL, AdvanceBatch, NULL, NULL, NULL, napi_enumerable, NULL},
    {"advanceBatchLoss", NULL, AdvanceBatchLoss, NULL, NULL, NULL, napi_enumerable, NULL},
    {"loss", NULL, Loss, NULL, NULL, NULL, napi_enumerable, NULL},
    {"gramLower", NULL, GramLower, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof fns / sizeof fns[0], fns) != napi_ok) return NULL;
  return exports;
}
