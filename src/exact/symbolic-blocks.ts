/**
 * Block matrices of letters: a MatrixOps (./ops.ts) whose matrices are grids of symbolic matrices
 * (./symbolic.ts), dimensions lists of dimension names. The exact forms' step (gdStepExact in
 * ./states.ts) runs on it unchanged: a GD step on 𝐔 = [U; J], 𝐕 = [V; K] with Σ_full = diag(Σ, Σ̃)
 * gives the blocks of 𝐔₊, 𝐕₊ as polynomials in the letters.
 */
import type { MatrixOps } from './ops.ts';
import type { Scalar, SMat, Symbolic } from './symbolic.ts';

/** A grid of symbolic matrices: row i of blocks has the row dimension of b[i][0], column j that of b[0][j]. */
export interface BlockMat {
  readonly b: readonly (readonly SMat[])[];
}

export function blockOps(S: Symbolic): MatrixOps<BlockMat, Scalar, readonly string[]> {
  const map = (a: BlockMat, f: (x: SMat, i: number, j: number) => SMat): BlockMat => ({ b: a.b.map((row, i) => row.map((x, j) => f(x, i, j))) });
  const same = (a: BlockMat, b: BlockMat, op: string) => {
    if (a.b.length !== b.b.length || a.b[0].length !== b.b[0].length) throw new Error(`${op}: block grids of different shapes`);
  };
  const add = (a: BlockMat, b: BlockMat) => {
    same(a, b, '+');
    return map(a, (x, i, j) => S.add(x, b.b[i][j]));
  };
  const sub = (a: BlockMat, b: BlockMat) => {
    same(a, b, '−');
    return map(a, (x, i, j) => S.sub(x, b.b[i][j]));
  };
  const scale = (c: Scalar, a: BlockMat) => map(a, (x) => S.scale(c, x));
  const tr = (a: BlockMat): BlockMat => ({ b: a.b[0].map((_, j) => a.b.map((row) => S.tr(row[j]))) });
  const mul2 = (a: BlockMat, c: BlockMat): BlockMat => {
    if (a.b[0].length !== c.b.length) throw new Error('×: block grids do not match');
    return { b: a.b.map((row) => c.b[0].map((_, j) => row.map((x, k) => S.mul(x, c.b[k][j])).reduce(S.add))) };
  };
  const inner = (a: BlockMat, b: BlockMat) => {
    same(a, b, '⟨·,·⟩');
    return a.b.flatMap((row, i) => row.map((x, j) => S.inner(x, b.b[i][j]))).reduce(S.F.add);
  };
  const zeros = (rows: readonly string[], cols: readonly string[]): BlockMat => ({ b: rows.map((r) => cols.map((c) => S.zeros(r, c))) });
  return {
    F: S.F,
    add,
    sub,
    scale,
    tr,
    mul: (...fs: BlockMat[]) => fs.slice(1).reduce(mul2, fs[0]),
    combine: (...terms: [Scalar, BlockMat][]) => terms.map(([c, x]) => scale(c, x)).reduce(add),
    inner,
    frob2: (a) => inner(a, a),
    trace: (a) => a.b.map((row, i) => S.trace(row[i])).reduce(S.F.add),
    eye: (dims) => ({ b: dims.map((r, i) => dims.map((c, j) => (i === j ? S.eye(r) : S.zeros(r, c)))) }),
    zeros,
    int: S.int,
    ratio: S.ratio,
  };
}
