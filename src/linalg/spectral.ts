/**
 * Spectral quantities of small matrices: eigenvalues of symmetric matrices, singular values,
 * operator norms, inverses and the full SVD used to rotate Σ to diagonal form.
 *
 * Eigenvalues and singular values alone come from ./eigenvalues.ts; decompositions with vectors
 * and inverses are delegated to ml-matrix. Both use Householder tridiagonalisation + QL for
 * symmetric eigenproblems and Golub–Kahan bidiagonalisation for singular values: backward stable,
 * so a computed eigenvalue is within a modest multiple of u·n·‖X‖ of the true one. ml-matrix's
 * in-place instance methods mutate, so only its constructors and decomposition objects are used
 * here, always on fresh copies.
 */
import { EigenvalueDecomposition, inverse as mlInverse, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { type Mat, mul, transpose, zeros } from './dense.ts';
import { nativeBinding } from '../native.ts';
import { scratchSlot } from './scratch.ts';
import { extremeEigenvaluesOf, largestEigenvalueOf, singularValuesOf, smallestSingularValueOf, symmetricEigenvaluesOf } from './eigenvalues.ts';

function toML(a: Mat): Matrix {
  const out = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.set(i, j, a.data[i * a.cols + j]);
  return out;
}

function fromML(m: Matrix): Mat {
  const out = zeros(m.rows, m.columns);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.columns; j++) out.data[i * m.columns + j] = m.get(i, j);
  return out;
}

/** Eigenvalues of the symmetric part of a square matrix, in decreasing order (λ₁ ≥ … ≥ λ_n). */
export function symmetricEigenvalues(a: Mat): number[] {
  if (a.rows !== a.cols) throw new Error(`eigenvalues of a non-square ${a.rows}×${a.cols} matrix`);
  if (a.rows === 0) return [];
  const sym = zeros(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) sym.data[i * a.cols + j] = 0.5 * (a.data[i * a.cols + j] + a.data[j * a.cols + i]);
  return Array.from(symmetricEigenvaluesOf(sym.data, a.rows));
}

/** Eigen-decomposition X = W diag(λ) Wᵀ of a symmetric matrix, eigenvalues decreasing. */
export function symmetricEigen(a: Mat): { values: number[]; vectors: Mat } {
  const n = a.rows;
  const evd = new EigenvalueDecomposition(toML(a), { assumeSymmetric: true });
  const order = evd.realEigenvalues.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]);
  const w = fromML(evd.eigenvectorMatrix);
  const vectors = zeros(n, n);
  order.forEach(([, src], dst) => {
    for (let i = 0; i < n; i++) vectors.data[i * n + dst] = w.data[i * n + src];
  });
  return { values: order.map(([v]) => v), vectors };
}

/**
 * f(X) = W·diag(f(λ₁), …, f(λ_n))·Wᵀ for a symmetric X = W·diag(λ)·Wᵀ: e.g. the matrix exponential
 * e^{tX} with f = λ ↦ e^{tλ}. The decomposition is backward stable (eigenvalues within a small multiple
 * of n·u·‖X‖, W orthogonal to working precision), so for f = exp(t·) the relative error of the result is
 * about γ_n + |t|·n·u·‖X‖.
 */
export function symmetricFunction(a: Mat, f: (lambda: number) => number): Mat {
  const { values, vectors } = symmetricEigen(a);
  const n = a.rows;
  const scaled = zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scaled.data[i * n + j] = vectors.data[i * n + j] * f(values[j]);
  return mul(scaled, transpose(vectors));
}

/** λ_min of a symmetric matrix (the paper's λ_d for a d×d matrix). */
export function lambdaMin(a: Mat): number {
  const ev = symmetricEigenvalues(a);
  return ev[ev.length - 1];
}

/** λ_max of a symmetric matrix. */
export function lambdaMax(a: Mat): number {
  return symmetricEigenvalues(a)[0];
}

/** Singular values in decreasing order (min(r, c) of them). */
export function singularValues(a: Mat): number[] {
  if (a.rows === 0 || a.cols === 0) return [];
  return Array.from(singularValuesOf(a.data, a.rows, a.cols));
}

/**
 * The operator (spectral) norm ‖A‖_op = σ₁(A) = √λ_max(G), G the Gram matrix of A's smaller side
 * (AᵀA or AAᵀ, p×p with p = min(r, c)); 0 for an empty matrix. λ_max is perfectly conditioned and
 * fl(G) is within γ_r·p·‖A‖² of G, so the relative error is about ½·γ_r·p: as accurate as
 * σ₁ from an SVD for the p ≤ 20 of the claims, and much cheaper for a tall r×p block such as J or K.
 * λ_max comes from QL for p < 12 and from bisection (to 2u relative) above: the two agree to a few
 * units in the last place.
 */
export function opNorm(a: Mat): number {
  if (a.rows === 0 || a.cols === 0) return 0;
  const p = Math.min(a.rows, a.cols);
  const g = gramScratch(p * p); // its lower triangle is written before it is read
  const native = nativeBinding();
  if ('binding' in native) native.binding.gramLower(a.data, a.rows, a.cols, g);
  else gramLower(a.data, a.rows, a.cols, g);
  // λ_max alone: bisection beats QL (all eigenvalues) from p ≈ 12 on (bench: 20×20, 20–30% less).
  return Math.sqrt(Math.max(0, p >= BISECT_FROM ? largestEigenvalueOf(g, p) : extremeEigenvaluesOf(g, p).max));
}

/**
 * The lower triangle of opNorm's Gram matrix G (p×p, p = min(rows, cols)) of X (rows×cols,
 * row-major): G = XᵀX when X is tall (rows ≥ cols), XXᵀ when wide, G[s][t] = Σ_i y_si y_ti with i
 * increasing, where y_s is column s (tall) or row s (wide). The native module (native/gram.c)
 * computes the same sums in the same order (the same bits; properties/linalg/native-gram.test.ts), with
 * wide vectors, and opNorm uses it when it is loaded.
 */
export function gramLower(x: Float64Array, rows: number, cols: number, g: Float64Array): void {
  const tall = rows >= cols;
  const p = tall ? cols : rows;
  const r = tall ? rows : cols;
  // The p vectors of length r whose inner products make G: X's columns (tall; copied out so that
  // each is contiguous) or its rows (wide).
  let y = x;
  if (tall) {
    y = columnScratch(r * p);
    for (let i = 0; i < r; i++) for (let s = 0; s < p; s++) y[s * r + i] = x[i * p + s];
  }
  // Lower triangle of G: G[s][t] = Σ_i y_si y_ti, i increasing; four t at a time.
  for (let s = 0; s < p; s++) {
    const ys = s * r;
    let t = 0;
    for (; t + 3 <= s; t += 4) {
      const [y0, y1, y2, y3] = [t * r, (t + 1) * r, (t + 2) * r, (t + 3) * r];
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let i = 0; i < r; i++) {
        const v = y[ys + i];
        a0 += v * y[y0 + i];
        a1 += v * y[y1 + i];
        a2 += v * y[y2 + i];
        a3 += v * y[y3 + i];
      }
      g[s * p + t] = a0;
      g[s * p + t + 1] = a1;
      g[s * p + t + 2] = a2;
      g[s * p + t + 3] = a3;
    }
    for (; t <= s; t++) {
      const yt = t * r;
      let acc = 0;
      for (let i = 0; i < r; i++) acc += y[ys + i] * y[yt + i];
      g[s * p + t] = acc;
    }
  }
}

/** The order of G from which opNorm finds λ_max by bisection rather than by QL. */
const BISECT_FROM = 12;

/** opNorm's Gram matrix and columns, reused across calls (./scratch.ts). */
const gramScratch = scratchSlot();
const columnScratch = scratchSlot();

/** σ_min(A) = σ_{min(r,c)}(A) (NaN for an empty matrix). */
export function sigmaMin(a: Mat): number {
  if (a.rows === 0 || a.cols === 0) return Number.NaN; // no singular value: NaN, which passes no comparison
  return smallestSingularValueOf(a.data, a.rows, a.cols);
}

/** A⁻¹ of a square invertible matrix (LU with partial pivoting). */
export function inverse(a: Mat): Mat {
  return fromML(mlInverse(toML(a)));
}

/**
 * Columns of `q` (r×p, orthonormal) completed to an r×r orthogonal matrix by Gram–Schmidt (applied
 * twice, which makes it orthogonal to working precision) on the standard basis vectors that are
 * farthest from the span found so far.
 */
function completeOrthonormal(q: Mat): Mat {
  const r = q.rows;
  const cols: Float64Array[] = [];
  for (let j = 0; j < q.cols; j++) {
    const c = new Float64Array(r);
    for (let i = 0; i < r; i++) c[i] = q.data[i * q.cols + j];
    cols.push(c);
  }
  const project = (v: Float64Array) => {
    for (let pass = 0; pass < 2; pass++)
      for (const c of cols) {
        let dot = 0;
        for (let i = 0; i < r; i++) dot += c[i] * v[i];
        for (let i = 0; i < r; i++) v[i] -= dot * c[i];
      }
    return v;
  };
  while (cols.length < r) {
    let best: Float64Array | null = null;
    let bestNorm = -1;
    for (let e = 0; e < r; e++) {
      const v = new Float64Array(r);
      v[e] = 1;
      project(v);
      const nv = Math.hypot(...v);
      if (nv > bestNorm) [best, bestNorm] = [v, nv];
    }
    const v = project(best!.map((x) => x / bestNorm));
    const nv = Math.hypot(...v);
    cols.push(v.map((x) => x / nv));
  }
  const out = zeros(r, r);
  cols.forEach((c, j) => {
    c.forEach((x, i) => {
      out.data[i * r + j] = x;
    });
  });
  return out;
}

/**
 * Full SVD Σ = Φ·diag(σ)·Ψᵀ with Φ (m×m) and Ψ (n×n) orthogonal and σ decreasing, as YD21 §2.1
 * uses it to rotate (2),(3) into (4),(5).
 */
export function fullSvd(a: Mat): { phi: Mat; sigma: number[]; psi: Mat } {
  const svd = new SingularValueDecomposition(toML(a), { autoTranspose: true });
  const order = svd.diagonal.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]);
  const left = fromML(svd.leftSingularVectors);
  const right = fromML(svd.rightSingularVectors);
  const pick = (m: Mat) => {
    const out = zeros(m.rows, order.length);
    order.forEach(([, src], dst) => {
      for (let i = 0; i < m.rows; i++) out.data[i * order.length + dst] = m.data[i * m.cols + src];
    });
    return out;
  };
  return {
    phi: completeOrthonormal(pick(left)),
    sigma: order.map(([v]) => v),
    psi: completeOrthonormal(pick(right)),
  };
}

/** ‖QᵀQ − I‖_F, the departure of Q from orthogonality. */
export function orthogonalityDefect(q: Mat): number {
  const g = mul(transpose(q), q);
  let s = 0;
  for (let i = 0; i < g.rows; i++) for (let j = 0; j < g.cols; j++) s += (g.data[i * g.cols + j] - (i === j ? 1 : 0)) ** 2;
  return Math.sqrt(s);
}
