const scratch: Float64Array[] = [];
function work(slot: number, size: number): Float64Array {
  const have = scratch[slot];
  if (have !== undefined && have.length >= size) return have;
  const fresh = new Float64Array(Math.max(size, 2 * (have?.length ?? 0)));
  scratch[slot] = fresh;
  return fresh;
}
/** Slots: tridiagonalize (W, D, E, V, P), golubKahan (GW, OFF, GV, GU), kthEigenvalue (KD, KE2). */
const W = 0, D = 1, E = 2, V = 3, P = 4, GW = 5, OFF = 6, GV = 7, GU = 8, KD = 9, KE2 = 10;

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
  return d;
}

/**
 * Householder tridiagonalisation of the symmetric n×n matrix `a` (row-major; only its lower
 * triangle is read; not modified): the diagonal d and off-diagonal e (e[i] = T[i][i+1]) of a
 * tridiagonal T with the eigenvalues of `a`, in scratch arrays (the first n entries).
 */
export function tridiagonalize(a: Float64Array, n: number): { d: Float64Array; e: Float64Array } {
  const w = work(W, n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      w[i * n + j] = a[i * n + j];
      w[j * n + i] = a[i * n + j];
    }
  const d = work(D, n);
  const e = work(E, Math.max(1, n));
  const v = work(V, n);
  const p = work(P, n);
  for (let k = 0; k < n - 2; k++) {
    const len = n - k - 1;
    const { tau, alpha } = reflector(w, (k + 1) * n + k, n, len, v);
    d[k] = w[k * n + k];
    e[k] = tau === 0 ? w[(k + 1) * n + k] : alpha;
    if (tau === 0) continue;
    // A₂₂ ← H A₂₂ H with H = I − τvvᵀ: p = τA₂₂v, w = p − (τ/2)(pᵀv)v, A₂₂ −= vwᵀ + wvᵀ.
    const o = (k + 1) * (n + 1);
    let pv = 0;
    for (let i = 0; i < len; i++) {
      const row = o + i * n;
      let s = 0;
      for (let j = 0; j < len; j++) s += w[row + j] * v[j];
      const pi = tau * s;
      p[i] = pi;
      pv += pi * v[i];
    }
    const kk = 0.5 * tau * pv;
    for (let i = 0; i < len; i++) p[i] -= kk * v[i];
    // Lower triangle only (p above used the full matrix, so mirror the row into the column).
    for (let i = 0; i < len; i++) {
      const row = o + i * n;
      const vi = v[i];
      const pi = p[i];
      for (let j = 0; j <= i; j++) {
        const x = w[row + j] - (vi * p[j] + pi * v[j]);
        w[row + j] = x;
        w[o + j * n + i] = x;
      }
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
 * Householder tridiagonalisation of the symmetric n×n matrix `a` (row-major; only its lower
 * triangle is read; not modified): the diagonal d and off-diagonal e (e[i] = T[i][i+1]) of a
 * tridiagonal T with the eigenvalues of `a`, in scratch arrays (the first n entries).
 */
export function triFull(a: Float64Array, n: number): { d: Float64Array; e: Float64Array } {
  const w = work(W, n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      w[i * n + j] = a[i * n + j];
      w[j * n + i] = a[i * n + j];
    }
  const d = work(D, n);
  const e = work(E, Math.max(1, n));
  const v = work(V, n);
  const p = work(P, n);
  for (let k = 0; k < n - 2; k++) {
    const len = n - k - 1;
    const { tau, alpha } = reflector(w, (k + 1) * n + k, n, len, v);
    d[k] = w[k * n + k];
    e[k] = tau === 0 ? w[(k + 1) * n + k] : alpha;
    if (tau === 0) continue;
    // A₂₂ ← H A₂₂ H with H = I − τvvᵀ: p = τA₂₂v, w = p − (τ/2)(pᵀv)v, A₂₂ −= vwᵀ + wvᵀ.
    const o = (k + 1) * (n + 1);
    let pv = 0;
    for (let i = 0; i < len; i++) {
      const row = o + i * n;
      let s = 0;
      for (let j = 0; j < len; j++) s += w[row + j] * v[j];
      const pi = tau * s;
      p[i] = pi;
      pv += pi * v[i];
    }
    const kk = 0.5 * tau * pv;
    for (let i = 0; i < len; i++) p[i] -= kk * v[i];
    // Lower triangle only (p above used the full matrix, so mirror the row into the column).
    for (let i = 0; i < len; i++) {
      const row = o + i * n;
      const vi = v[i];
      const pi = p[i];
      for (let j = 0; j < len; j++) w[row + j] -= vi * p[j] + pi * v[j];
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
 * Householder tridiagonalisation of the symmetric n×n matrix `a` (row-major; only its lower
 * triangle is read; not modified): the diagonal d and off-diagonal e (e[i] = T[i][i+1]) of a
 * tridiagonal T with the eigenvalues of `a`, in scratch arrays (the first n entries).
 */
export function triRead(a: Float64Array, n: number): { d: Float64Array; e: Float64Array } {
  const w = work(W, n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      w[i * n + j] = a[i * n + j];
      w[j * n + i] = a[i * n + j];
    }
  const d = work(D, n);
  const e = work(E, Math.max(1, n));
  const v = work(V, n);
  const p = work(P, n);
  for (let k = 0; k < n - 2; k++) {
    const len = n - k - 1;
    const { tau, alpha } = reflector(w, (k + 1) * n + k, n, len, v);
    d[k] = w[k * n + k];
    e[k] = tau === 0 ? w[(k + 1) * n + k] : alpha;
    if (tau === 0) continue;
    // A₂₂ ← H A₂₂ H with H = I − τvvᵀ: p = τA₂₂v, w = p − (τ/2)(pᵀv)v, A₂₂ −= vwᵀ + wvᵀ.
    const o = (k + 1) * (n + 1);
    let pv = 0;
    for (let i = 0; i < len; i++) {
      const row = o + i * n;
      let s = 0;
      for (let j = 0; j <= i; j++) s += w[row + j] * v[j];
      for (let j = i + 1; j < len; j++) s += w[o + j * n + i] * v[j];
      const pi = tau * s;
      p[i] = pi;
      pv += pi * v[i];
    }
    const kk = 0.5 * tau * pv;
    for (let i = 0; i < len; i++) p[i] -= kk * v[i];
    // Lower triangle only (p above used the full matrix, so mirror the row into the column).
    for (let i = 0; i < len; i++) {
      const row = o + i * n;
      const vi = v[i];
      const pi = p[i];
      for (let j = 0; j <= i; j++) {
        const x = w[row + j] - (vi * p[j] + pi * v[j]);
        w[row + j] = x;
      }
    }
  }
  if (n >= 2) {
    d[n - 2] = w[(n - 2) * n + n - 2];
    e[n - 2] = w[(n - 1) * n + n - 2];
  }
  if (n >= 1) d[n - 1] = w[(n - 1) * n + n - 1];
  return { d, e };
}

