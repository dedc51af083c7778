/**
 * Dense real matrices on a row-major Float64Array, and the few operations the claims need.
 *
 * This is the one home of matrix arithmetic in lemmacheck. The GD engine's hot loop has its own
 * fused kernel (src/gd/step.ts); everything else (block views, claims, reports) uses these
 * functions. All functions are pure: they allocate their result and never modify an argument.
 */

/** An r×c real matrix, entry (i, j) at `data[i * cols + j]`. */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** The r×c zero matrix. */
export function zeros(rows: number, cols: number): Mat {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** The n×n identity. */
export function eye(n: number): Mat {
  const out = zeros(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

/** The r×c matrix whose leading diagonal is `values` (r, c default to values.length). */
export function diag(values: ArrayLike<number>, rows = values.length, cols = rows): Mat {
  const out = zeros(rows, cols);
  for (let i = 0; i < Math.min(values.length, rows, cols); i++) out.data[i * cols + i] = values[i];
  return out;
}

/** A matrix from an array of rows; throws when the rows are ragged. */
export function fromRows(rows: ReadonlyArray<ReadonlyArray<number>>): Mat {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const out = zeros(r, c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new Error(`ragged matrix: row ${i} has ${row.length} entries, row 0 has ${c}`);
    for (let j = 0; j < c; j++) out.data[i * c + j] = row[j];
  });
  return out;
}

/** The rows of a matrix as plain arrays (for JSON). */
export function toRows(a: Mat): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

/** A copy of a. */
export function clone(a: Mat): Mat {
  return { rows: a.rows, cols: a.cols, data: Float64Array.from(a.data) };
}

/** Entry (i, j). */
export function at(a: Mat, i: number, j: number): number {
  return a.data[i * a.cols + j];
}

/** Aᵀ. */
export function transpose(a: Mat): Mat {
  const out = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

function assertSameShape(a: Mat, b: Mat, op: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`${op}: shapes ${a.rows}×${a.cols} and ${b.rows}×${b.cols} differ`);
}

/** A + B. */
export function add(a: Mat, b: Mat): Mat {
  assertSameShape(a, b, 'add');
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) out.data[i] = a.data[i] + b.data[i];
  return out;
}

/** A − B. */
export function sub(a: Mat, b: Mat): Mat {
  assertSameShape(a, b, 'sub');
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) out.data[i] = a.data[i] - b.data[i];
  return out;
}

/** s·A. */
export function scale(a: Mat, s: number): Mat {
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) out.data[i] = s * a.data[i];
  return out;
}

/** Σᵢ cᵢ·Mᵢ for terms [c, M]; all M of one shape. */
export function combine(...terms: ReadonlyArray<readonly [number, Mat]>): Mat {
  const [, first] = terms[0];
  const out = zeros(first.rows, first.cols);
  for (const [c, m] of terms) {
    assertSameShape(first, m, 'combine');
    for (let i = 0; i < out.data.length; i++) out.data[i] += c * m.data[i];
  }
  return out;
}

/** The product A·B (inner dimension checked). */
export function mul(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new Error(`mul: ${a.rows}×${a.cols} times ${b.rows}×${b.cols}`);
  const out = zeros(a.rows, b.cols);
  const n = b.cols;
  const p = a.cols;
  const ad = a.data;
  const bd = b.data;
  const od = out.data;
  for (let i = 0; i < a.rows; i++) {
    const oi = i * n;
    for (let k = 0; k < p; k++) {
      const aik = ad[i * p + k];
      if (aik === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) od[oi + j] += aik * bd[bk + j];
    }
  }
  return out;
}

/**
 * A·Aᵀ, computing each entry once and mirroring it: entry (i, j) is Σ_k a_ik·a_jk with k
 * increasing, the same sum mul(A, transpose(A)) forms (equal to it for finite entries, up to the
 * sign of a zero), at half the cost.
 */
export function mulSelfTransposed(a: Mat): Mat {
  const r = a.rows;
  const c = a.cols;
  const ad = a.data;
  const out = zeros(r, r);
  const od = out.data;
  for (let i = 0; i < r; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < c; k++) s += ad[i * c + k] * ad[j * c + k];
      od[i * r + j] = s;
      od[j * r + i] = s;
    }
  return out;
}

/**
 * Rows r0 … r1−1 of A as a matrix sharing A's storage (no copy: row blocks of a row-major matrix
 * are contiguous). Like every matrix here, neither may be modified afterwards.
 */
export function rowBlock(a: Mat, r0: number, r1: number): Mat {
  return { rows: r1 - r0, cols: a.cols, data: a.data.subarray(r0 * a.cols, r1 * a.cols) };
}

/** The product of a chain of matrices, left to right. */
export function mulAll(...factors: Mat[]): Mat {
  return factors.slice(1).reduce((acc, f) => mul(acc, f), factors[0]);
}

/** The Frobenius inner product ⟨A, B⟩ = tr(AᵀB). */
export function inner(a: Mat, b: Mat): number {
  assertSameShape(a, b, 'inner');
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
  return s;
}

/** ‖A‖_F. */
export function frobenius(a: Mat): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * a.data[i];
  return Math.sqrt(s);
}

/** The largest |entry|. */
export function maxAbs(a: Mat): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s = Math.max(s, Math.abs(a.data[i]));
  return s;
}

/** The submatrix of rows [r0, r1) and columns [c0, c1). */
export function block(a: Mat, r0: number, r1: number, c0: number, c1: number): Mat {
  const out = zeros(r1 - r0, c1 - c0);
  const { cols, data } = a;
  const w = c1 - c0;
  const o = out.data;
  for (let i = r0; i < r1; i++) for (let j = 0; j < w; j++) o[(i - r0) * w + j] = data[i * cols + c0 + j];
  return out;
}

/** [top; bottom] stacked vertically. */
export function vstack(top: Mat, bottom: Mat): Mat {
  if (top.cols !== bottom.cols) throw new Error(`vstack: ${top.cols} and ${bottom.cols} columns`);
  const out = zeros(top.rows + bottom.rows, top.cols);
  out.data.set(top.data, 0);
  out.data.set(bottom.data, top.data.length);
  return out;
}

/** (A + Aᵀ)/2, the symmetric part. */
export function symmetricPart(a: Mat): Mat {
  return scale(add(a, transpose(a)), 0.5);
}

/** (A − Aᵀ)/2, the skew part. */
export function skewPart(a: Mat): Mat {
  return scale(sub(a, transpose(a)), 0.5);
}

/** True when every entry is finite. */
export function isFiniteMat(a: Mat): boolean {
  for (let i = 0; i < a.data.length; i++) if (!Number.isFinite(a.data[i])) return false;
  return true;
}
