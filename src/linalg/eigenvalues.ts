/**
 * Eigenvalues of small symmetric matrices and singular values of small matrices, values only, on
 * row-major Float64Arrays: the one home of these computations (src/linalg/spectral.ts wraps them;
 * ml-matrix stays the home of eigenvectors and of the full SVD).
 *
 * - symmetric: Householder tridiagonalisation, then the implicit QL iteration with Wilkinson's
 *   shift (EISPACK tred/tql1, as in JAMA and ml-matrix, without accumulating vectors);
 * - singular values: Golub–Kahan bidiagonalisation B = H·A·G, then the eigenvalues ±σᵢ of the
 *   2c×2c symmetric tridiagonal with zero diagonal and off-diagonal (α₁, β₁, α₂, …, α_c) by the
 *   same QL iteration (Golub & Van Loan §8.6.1).
 *
 * Both are backward stable: each computed value is within a small multiple of n·u·‖A‖ of an exact
 * one (Golub & Van Loan §8.3, §8.6), as ml-matrix's are. Computing no vectors makes them several
 * times cheaper than ml-matrix's decompositions for the d ≤ 20 matrices of the diagnostics.
 */
import { scratchSlot } from './scratch.ts';

/** Scratch arrays (./scratch.ts), one per array of each routine. */
const [W, D, E, V, P] = [scratchSlot(), scratchSlot(), scratchSlot(), scratchSlot(), scratchSlot()]; // tridiagonalize
const [GW, OFF, GV, GU] = [scratchSlot(), scratchSlot(), scratchSlot(), scratchSlot()]; // golubKahan
const [KD, KE2, TGKD] = [scratchSlot(), scratchSlot(), scratchSlot()]; // kthEigenvalue; the zero diagonal of smallestSingularValueOf

/**
 * The Householder reflector I − τvvᵀ that maps x = a[start + i·stride], i < len, to α·e₁:
 * writes v into `v` (v[0] = x₀ − α, v[i] = x_i, all divided by max|x_i|) and returns τ and α.
 * τ = 0 (the identity) when x is zero.
 */
function reflector(a: Float64Array, start: number, stride: number, len: number, v: Float64Array): { tau: number; alpha: number } {
  let s = 0;
  for (let i = 0; i < len; i++) s = Math.max(s, Math.abs(a[start + i * stride]));
  if (s === 0) {
    v.fill(0, 0, len);
    return { tau: 0, alpha: 0 };
  }
  let norm2 = 0;
  for (let i = 0; i < len; i++) {
    const x = a[start + i * stride] / s;
    v[i] = x;
    norm2 += x * x;
  }
  const x0 = v[0];
  const sigma = Math.sqrt(norm2);
  const alpha = x0 >= 0 ? -sigma : sigma;
  v[0] = x0 - alpha;
  return { tau: 1 / (norm2 - x0 * alpha), alpha: alpha * s };
}

/** √(a² + b²) without overflow or underflow (Math.hypot is several times slower in V8). */
function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const big = x > y ? x : y;
  if (big > 1e-150 && big < 1e150) return Math.sqrt(a * a + b * b);
  if (big === 0 || !Number.isFinite(big)) return big;
  const p = x / big;
  const q = y / big;
  return big * Math.sqrt(p * p + q * q);
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix with diagonal `d` (length n) and off-diagonal
 * `e` (e[i] = T[i][i+1], length ≥ n − 1), by the implicit QL iteration; `d` and `e` are overwritten,
 * and `d` is returned holding the eigenvalues (unsorted). Throws if it does not converge.
 */
function tridiagonalEigenvalues(d: Float64Array, e: Float64Array, n: number): Float64Array {
  if (n === 0) return d;
  e[n - 1] = 0;
  // The update p = −s·s₂·c₃·e_{l+1}·e_l/d_{l+1} below multiplies two off-diagonal entries: it
  // overflows from about 2^512 (1.3e154) and loses precision in the subnormal range below about
  // 2^-512, where QL then threw or returned wrong values. A T with entries outside [2^-500, 2^500] is
  // therefore scaled by a power of two first (exact) and the eigenvalues scaled back (exact unless
  // they underflow), as LAPACK's dsterf does; T within the range is left as it is.
  let big = 0;
  for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(d[i]), Math.abs(e[i]));
  const shift = Number.isFinite(big) && (big > 2 ** 500 || (big > 0 && big < 2 ** -500)) ? -Math.floor(Math.log2(big)) : 0;
  if (shift !== 0) {
    for (let i = 0; i < n; i++) {
      d[i] = timesPowerOfTwo(d[i], shift);
      e[i] = timesPowerOfTwo(e[i], shift);
    }
  }
  const eps = 2 ** -52;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && !(Math.abs(e[m]) <= eps * tst1)) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 60 || !Number.isFinite(tst1)) throw new Error('tridiagonal QL iteration did not converge');
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] = d[l] + f;
    e[l] = 0;
  }
  if (shift !== 0) for (let i = 0; i < n; i++) d[i] = timesPowerOfTwo(d[i], -shift);
  return d;
}

/** x·2^k for |k| ≤ 1100, in two exact steps (2^k alone over- or underflows from |k| = 1024). */
function timesPowerOfTwo(x: number, k: number): number {
  const half = Math.trunc(k / 2);
  return x * 2 ** half * 2 ** (k - half);
}

/**
 * Householder tridiagonalisation of the symmetric n×n matrix `a` (row-major; only its lower
 * triangle is read; not modified): the diagonal d and off-diagonal e (e[i] = T[i][i+1]) of a
 * tridiagonal T with the eigenvalues of `a`, in scratch arrays (the first n entries).
 */
function tridiagonalize(a: Float64Array, n: number): { d: Float64Array; e: Float64Array } {
  // Only the lower triangle of the working copy is kept (the upper one is never read).
  const w = W(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) w[i * n + j] = a[i * n + j];
  const d = D(n);
  const e = E(Math.max(1, n));
  const v = V(n);
  const p = P(n);
  for (let k = 0; k < n - 2; k++) {
    const len = n - k - 1;
    const { tau, alpha } = reflector(w, (k + 1) * n + k, n, len, v);
    d[k] = w[k * n + k];
    e[k] = tau === 0 ? w[(k + 1) * n + k] : alpha;
    if (tau === 0) continue;
    // A₂₂ ← H A₂₂ H with H = I − τvvᵀ: p = τA₂₂v, w = p − (τ/2)(pᵀv)v, A₂₂ −= vwᵀ + wvᵀ.
    const o = (k + 1) * (n + 1);
    let pv = 0;
    // (A₂₂v)_r = Σ_j a_rj v_j, j increasing, with a_rj (j > r) read as a_jr from the lower
    // triangle; rows r, r + 1 together (they share the loads of v and of row j ≥ r + 2).
    let r = 0;
    for (; r + 1 < len; r += 2) {
      const row = o + r * n;
      const row1 = row + n;
      let s = 0;
      let s1 = 0;
      for (let j = 0; j <= r; j++) {
        const vj = v[j];
        s += w[row + j] * vj;
        s1 += w[row1 + j] * vj;
      }
      const vr1 = v[r + 1];
      s += w[row1 + r] * vr1;
      s1 += w[row1 + r + 1] * vr1;
      for (let j = r + 2; j < len; j++) {
        const vj = v[j];
        const q = o + j * n + r;
        s += w[q] * vj;
        s1 += w[q + 1] * vj;
      }
      const pr = tau * s;
      const pr1 = tau * s1;
      p[r] = pr;
      p[r + 1] = pr1;
      pv += pr * v[r];
      pv += pr1 * vr1;
    }
    for (; r < len; r++) {
      const row = o + r * n;
      let s = 0;
      for (let j = 0; j <= r; j++) s += w[row + j] * v[j];
      for (let j = r + 1; j < len; j++) s += w[o + j * n + r] * v[j];
      const pr = tau * s;
      p[r] = pr;
      pv += pr * v[r];
    }
    const kk = 0.5 * tau * pv;
    for (let i = 0; i < len; i++) p[i] -= kk * v[i];
    // Lower triangle only; rows i, i + 1 together (sharing the loads of p_j, v_j).
    let i = 0;
    for (; i + 1 < len; i += 2) {
      const row = o + i * n;
      const row1 = row + n;
      const vi = v[i];
      const pi = p[i];
      const vi1 = v[i + 1];
      const pi1 = p[i + 1];
      for (let j = 0; j <= i; j++) {
        const pj = p[j];
        const vj = v[j];
        w[row + j] -= vi * pj + pi * vj;
        w[row1 + j] -= vi1 * pj + pi1 * vj;
      }
      w[row1 + i + 1] -= vi1 * pi1 + pi1 * vi1;
    }
    for (; i < len; i++) {
      const row = o + i * n;
      const vi = v[i];
      const pi = p[i];
      for (let j = 0; j <= i; j++) w[row + j] -= vi * p[j] + pi * v[j];
    }
  }
  if (n >= 2) {
    d[n - 2] = w[(n - 2) * n + n - 2];
    e[n - 2] = w[(n - 1) * n + n - 2];
  }
  if (n >= 1) d[n - 1] = w[(n - 1) * n + n - 1];
  return { d, e };
}

/**
 * Eigenvalues, in decreasing order, of the symmetric n×n matrix `a` (row-major; only its lower
 * triangle is read). `a` is not modified.
 */
export function symmetricEigenvaluesOf(a: Float64Array, n: number): Float64Array {
  const { d, e } = tridiagonalize(a, n);
  return tridiagonalEigenvalues(d, e, n).slice(0, n).sort().reverse();
}

/**
 * The largest and smallest eigenvalues of the symmetric n×n matrix `a` (n ≥ 1; row-major, only
 * its lower triangle read, not modified): the first and last of symmetricEigenvaluesOf, by the
 * same computation, without allocating.
 */
export function extremeEigenvaluesOf(a: Float64Array, n: number): { max: number; min: number } {
  if (n < 1) throw new Error('extreme eigenvalues of an empty matrix');
  const { d, e } = tridiagonalize(a, n);
  const ev = tridiagonalEigenvalues(d, e, n);
  let max = ev[0];
  let min = ev[0];
  for (let i = 1; i < n; i++) {
    // As the typed-array sort orders them: −0 below +0.
    const x = ev[i];
    if (x > max || (x === 0 && max === 0 && !Object.is(x, -0))) max = x;
    if (x < min || (x === 0 && min === 0 && Object.is(x, -0))) min = x;
  }
  return { max, min };
}

/**
 * The largest eigenvalue of the symmetric n×n matrix `a` (n ≥ 1; row-major, only its lower
 * triangle read, not modified), by bisection on the tridiagonal form (kthEigenvalue): to within
 * about 2u·|λ₁| + u²·‖a‖ of the tridiagonal's, which is backward stable (Householder), so as
 * accurate as the first value of symmetricEigenvaluesOf (and it differs from it by rounding).
 */
export function largestEigenvalueOf(a: Float64Array, n: number): number {
  if (n < 1) throw new Error('the largest eigenvalue of an empty matrix');
  const { d, e } = tridiagonalize(a, n);
  return kthEigenvalue(d, e, n, n);
}

/**
 * The k-th smallest eigenvalue (1 ≤ k ≤ n) of the symmetric tridiagonal matrix with diagonal d
 * and off-diagonal e (e[i] = T[i][i+1]), by bisection on Sturm counts (the signs of the pivots of
 * T − xI = LDLᵀ; Golub & Van Loan §8.4.1) to within 2u·|λ_k| + u²·‖T‖. A zero pivot counts as
 * negative, so an eigenvalue equal to a bisection point is counted below it and the upper end of
 * the final bracket is returned: λ_k itself when a bisection point hit it exactly.
 */
function kthEigenvalue(d: Float64Array, e: Float64Array, n: number, k: number): number {
  // Scale T so that its largest entry is 1 (no over/underflow in e²; bisection is scale-invariant).
  let big = 0;
  for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(d[i]), i < n - 1 ? Math.abs(e[i]) : 0);
  if (big === 0) return 0;
  const ds = KD(n);
  const e2 = KE2(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    ds[i] = d[i] / big;
    const left = i > 0 ? Math.abs(e[i - 1]) / big : 0;
    const right = i < n - 1 ? Math.abs(e[i]) / big : 0;
    if (i < n - 1) e2[i] = right * right;
    lo = Math.min(lo, ds[i] - left - right);
    hi = Math.max(hi, ds[i] + left + right);
  }
  // Gershgorin: every eigenvalue is in [lo, hi]; widen so that below(lo) = 0 and below(hi) = n.
  lo -= 2 ** -50 * (1 + Math.abs(lo));
  hi += 2 ** -50 * (1 + Math.abs(hi));
  const pivmin = 2 ** -1022;
  const below = (x: number): number => {
    let q = ds[0] - x;
    if (Math.abs(q) < pivmin) q = -pivmin;
    let count = q < 0 ? 1 : 0;
    for (let i = 1; i < n; i++) {
      q = ds[i] - x - e2[i - 1] / q;
      if (Math.abs(q) < pivmin) q = -pivmin;
      if (q < 0) count++;
    }
    return count;
  };
  while (hi - lo > 2 ** -52 * Math.max(Math.abs(lo), Math.abs(hi)) + 2 ** -106) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (below(mid) >= k) hi = mid;
    else lo = mid;
  }
  return hi * big;
}

/**
 * Golub–Kahan bidiagonalisation of the r×c matrix `a` (row-major, not modified): the off-diagonal
 * (α₁, β₁, α₂, …, α_p), p = min(r, c), of the 2p×2p symmetric tridiagonal with zero diagonal
 * whose eigenvalues are ±σᵢ(a), in a scratch array (the first 2p entries).
 */
function golubKahan(a: Float64Array, rows: number, cols: number): Float64Array {
  // Work on an r×c copy with r ≥ c (Aᵀ has the same singular values).
  const tall = rows >= cols;
  const r = tall ? rows : cols;
  const c = tall ? cols : rows;
  const w = GW(r * c);
  if (tall) w.set(a.subarray(0, r * c));
  else for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) w[j * c + i] = a[i * cols + j];
  const off = OFF(2 * c).fill(0, 0, 2 * c);
  const v = GV(r);
  const u = GU(c);
  for (let k = 0; k < c; k++) {
    // Left reflector on column k, rows k…r−1, applied to columns k+1…c−1.
    const left = reflector(w, k * c + k, c, r - k, v);
    off[2 * k] = left.tau === 0 ? 0 : left.alpha;
    if (left.tau !== 0) {
      // s_j = τ·Σ_i v_i w[k+i][j] (i increasing), then w[k+i][j] −= s_j v_i: row by row (two rows
      // at a time, sharing the loads of u).
      u.fill(0, k + 1, c);
      const len = r - k;
      let i = 0;
      for (; i + 1 < len; i += 2) {
        const row = (k + i) * c;
        const row1 = row + c;
        const vi = v[i];
        const vi1 = v[i + 1];
        for (let j = k + 1; j < c; j++) u[j] = u[j] + vi * w[row + j] + vi1 * w[row1 + j];
      }
      for (; i < len; i++) {
        const row = (k + i) * c;
        const vi = v[i];
        for (let j = k + 1; j < c; j++) u[j] += vi * w[row + j];
      }
      for (let j = k + 1; j < c; j++) u[j] *= left.tau;
      for (i = 0; i + 1 < len; i += 2) {
        const row = (k + i) * c;
        const row1 = row + c;
        const vi = v[i];
        const vi1 = v[i + 1];
        for (let j = k + 1; j < c; j++) {
          const uj = u[j];
          w[row + j] -= uj * vi;
          w[row1 + j] -= uj * vi1;
        }
      }
      for (; i < len; i++) {
        const row = (k + i) * c;
        const vi = v[i];
        for (let j = k + 1; j < c; j++) w[row + j] -= u[j] * vi;
      }
    }
    if (k >= c - 1) break;
    // Right reflector on row k, columns k+1…c−1, applied to rows k+1…r−1.
    const right = reflector(w, k * c + k + 1, 1, c - k - 1, v);
    off[2 * k + 1] = right.tau === 0 ? w[k * c + k + 1] : right.alpha;
    if (right.tau !== 0) {
      // Two rows at a time, sharing the loads of v.
      const len = c - k - 1;
      let i = k + 1;
      for (; i + 1 < r; i += 2) {
        let s = 0;
        let s1 = 0;
        const row = i * c + k + 1;
        const row1 = row + c;
        for (let j = 0; j < len; j++) {
          const vj = v[j];
          s += vj * w[row + j];
          s1 += vj * w[row1 + j];
        }
        s *= right.tau;
        s1 *= right.tau;
        for (let j = 0; j < len; j++) {
          const vj = v[j];
          w[row + j] -= s * vj;
          w[row1 + j] -= s1 * vj;
        }
      }
      for (; i < r; i++) {
        let s = 0;
        const row = i * c + k + 1;
        for (let j = 0; j < len; j++) s += v[j] * w[row + j];
        s *= right.tau;
        for (let j = 0; j < len; j++) w[row + j] -= s * v[j];
      }
    }
  }
  return off;
}

/**
 * Singular values, in decreasing order, of the r×c matrix `a` (row-major): min(r, c) of them.
 * `a` is not modified.
 */
export function singularValuesOf(a: Float64Array, rows: number, cols: number): Float64Array {
  const c = Math.min(rows, cols);
  if (c === 0) return new Float64Array(0);
  const off = golubKahan(a, rows, cols).slice(0, 2 * c);
  // The eigenvalues are ±σᵢ: the c largest are the σᵢ (a zero σ may come out as −0 or ±ε).
  const ev = tridiagonalEigenvalues(new Float64Array(2 * c), off, 2 * c)
    .sort()
    .reverse();
  return ev.subarray(0, c).map(Math.abs).sort().reverse();
}

/**
 * The smallest singular value σ_p of the r×c matrix `a`, p = min(r, c) ≥ 1, alone: bisection
 * (kthEigenvalue) on the Golub–Kahan tridiagonal, cheaper than all of them by QL.
 */
export function smallestSingularValueOf(a: Float64Array, rows: number, cols: number): number {
  const c = Math.min(rows, cols);
  if (c === 0) throw new Error('σ_min of an empty matrix');
  const off = golubKahan(a, rows, cols);
  if (c === 1) return Math.abs(off[0]); // a single row or column: σ = ‖a‖ = |α₁|
  // Eigenvalues −σ₁ ≤ … ≤ −σ_c ≤ σ_c ≤ … ≤ σ₁ of the Golub–Kahan tridiagonal: σ_c is the (c+1)-th.
  return Math.abs(kthEigenvalue(TGKD(2 * c).fill(0, 0, 2 * c), off, 2 * c, c + 1));
}
