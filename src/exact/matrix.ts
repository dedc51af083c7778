/**
 * Small dense matrices over any Field (./field.ts), for exact and high-precision forms of the
 * papers' identities. Row-major `data`; every operation returns a new matrix. `algebra(F)` bundles
 * the operations for one field so that a form reads like the printed formula:
 *   const { mul, sub, tr } = algebra(F);  sub(Sigma, mul(U, tr(V)))
 */
import { DivisionByZero, type Field } from './field.ts';

export interface XMat<T> {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly T[];
}

export function isXMat<T>(x: XMat<T> | T): x is XMat<T> {
  return typeof x === 'object' && x !== null && 'rows' in x && 'cols' in x && 'data' in x;
}

export function algebra<T>(F: Field<T>) {
  const make = (rows: number, cols: number, f: (i: number, j: number) => T): XMat<T> => {
    const data: T[] = new Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = f(i, j);
    return { rows, cols, data };
  };
  const at = (a: XMat<T>, i: number, j: number): T => a.data[i * a.cols + j];
  const same = (a: XMat<T>, b: XMat<T>, op: string) => {
    if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`${op}: ${a.rows}×${a.cols} and ${b.rows}×${b.cols} do not match`);
  };
  const zeros = (rows: number, cols: number) => make(rows, cols, () => F.zero);
  const eye = (n: number) => make(n, n, (i, j) => (i === j ? F.one : F.zero));
  const add = (a: XMat<T>, b: XMat<T>) => {
    same(a, b, '+');
    return make(a.rows, a.cols, (i, j) => F.add(at(a, i, j), at(b, i, j)));
  };
  const sub = (a: XMat<T>, b: XMat<T>) => {
    same(a, b, '−');
    return make(a.rows, a.cols, (i, j) => F.sub(at(a, i, j), at(b, i, j)));
  };
  const scale = (c: T, a: XMat<T>) => make(a.rows, a.cols, (i, j) => F.mul(c, at(a, i, j)));
  const tr = (a: XMat<T>) => make(a.cols, a.rows, (i, j) => at(a, j, i));
  const mul2 = (a: XMat<T>, b: XMat<T>): XMat<T> => {
    if (a.cols !== b.rows) throw new Error(`×: ${a.rows}×${a.cols} times ${b.rows}×${b.cols}`);
    return make(a.rows, b.cols, (i, j) => {
      let s = F.zero;
      for (let k = 0; k < a.cols; k++) s = F.add(s, F.mul(at(a, i, k), at(b, k, j)));
      return s;
    });
  };
  /** The product of two or more matrices, left to right. */
  const mul = (...fs: XMat<T>[]) => fs.slice(1).reduce(mul2, fs[0]);
  /** Σ cᵢXᵢ with scalar coefficients (all Xᵢ of one shape). */
  const combine = (...terms: [T, XMat<T>][]) => terms.map(([c, x]) => scale(c, x)).reduce(add);
  /** ⟨A, B⟩ = tr(AᵀB). */
  const inner = (a: XMat<T>, b: XMat<T>) => {
    same(a, b, '⟨·,·⟩');
    return a.data.reduce((s, x, i) => F.add(s, F.mul(x, b.data[i])), F.zero);
  };
  const frob2 = (a: XMat<T>) => inner(a, a);
  const trace = (a: XMat<T>) => a.data.reduce((s, x, i) => (Math.floor(i / a.cols) === i % a.cols ? F.add(s, x) : s), F.zero);
  const diag = (values: readonly T[], rows = values.length, cols = rows) => make(rows, cols, (i, j) => (i === j && i < values.length ? values[i] : F.zero));
  /** Rows [r0, r1) and columns [c0, c1). */
  const block = (a: XMat<T>, r0: number, r1: number, c0: number, c1: number) => make(r1 - r0, c1 - c0, (i, j) => at(a, r0 + i, c0 + j));
  /** Gauss–Jordan with the first nonzero pivot (exact fields need no pivoting for stability). */
  const inverse = (a: XMat<T>): XMat<T> => {
    if (a.rows !== a.cols) throw new Error(`inverse of a ${a.rows}×${a.cols} matrix`);
    const k = a.rows;
    if (F.inverseEntry) {
      const e = F.inverseEntry(a.data, k);
      return make(k, k, () => e);
    }
    const m: T[][] = Array.from({ length: k }, (_, i) => [...a.data.slice(i * k, (i + 1) * k), ...eye(k).data.slice(i * k, (i + 1) * k)]);
    for (let c = 0; c < k; c++) {
      const p = m.findIndex((row, r) => r >= c && !F.isZero(row[c]));
      if (p < 0) throw new DivisionByZero('inverse of a singular matrix');
      [m[c], m[p]] = [m[p], m[c]];
      const pivot = m[c][c];
      m[c] = m[c].map((x) => F.div(x, pivot));
      for (let r = 0; r < k; r++)
        if (r !== c && !F.isZero(m[r][c])) {
          const f = m[r][c];
          m[r] = m[r].map((x, j) => F.sub(x, F.mul(f, m[c][j])));
        }
    }
    return make(k, k, (i, j) => m[i][k + j]);
  };
  const int = (n: number | bigint) => F.fromInt(n);
  const ratio = (p: number | bigint, q: number | bigint) => F.fromRatio(p, q);
  return { F, make, at, zeros, eye, add, sub, scale, tr, mul, combine, inner, frob2, trace, diag, block, inverse, int, ratio };
}

export type Algebra<T> = ReturnType<typeof algebra<T>>;
