/**
 * High-precision real arithmetic (decimal.js, 60 significant digits) as a Field, and the symmetric
 * eigenvalue and singular value routines the near-boundary re-checks need, run in that precision:
 * a cyclic Jacobi iteration (Golub & Van Loan §8.5.3) to an off-diagonal mass below 10^{−(digits−5)}
 * relative, and singular values of S as square roots of the eigenvalues of SSᵀ (or SᵀS).
 */
import { Decimal as DecimalBase } from 'decimal.js';
import { DivisionByZero, type Field } from './field.ts';
import { algebra, type XMat } from './matrix.ts';

export const DIGITS = 60;
/** A Decimal constructor with its own precision (decimal.js clones do not share configuration). */
export const Decimal = DecimalBase.clone({ precision: DIGITS, rounding: DecimalBase.ROUND_HALF_EVEN });
export type Dec = InstanceType<typeof Decimal>;

const R60: Field<Dec> = {
  name: `${DIGITS}-digit decimals`,
  zero: new Decimal(0),
  one: new Decimal(1),
  fromInt: (n) => new Decimal(n.toString()),
  fromRatio: (p, q) => new Decimal(p.toString()).div(q.toString()),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.times(b),
  neg: (a) => a.neg(),
  div: (a, b) => {
    if (b.isZero()) throw new DivisionByZero('division by zero');
    return a.div(b);
  },
  isZero: (a) => a.isZero(),
  toString: (a) => a.toSignificantDigits(20).toString(),
};

export const H = algebra(R60);

/**
 * A double, exactly: x = ±m·2^e with m < 2^53 an integer, so for e < 0 it is the finite decimal
 * m·5^{−e}/10^{−e} (at most 767 significant digits). decimal.js keeps every digit of the string it is
 * constructed from (precision applies to arithmetic only), so the Decimal is the double itself, not
 * its shortest round-trip rendering (new Decimal(0.1) would be 0.1, not 0.1000000000000000055511…).
 */
export function exactDecimal(x: number): Dec {
  if (!Number.isFinite(x) || x === 0) return new Decimal(x);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? '-' : '';
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const [m, e] = biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
  if (e >= 0) return new Decimal(sign + (m << BigInt(e)).toString());
  const digits = (m * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
  return new Decimal(`${sign}${digits.slice(0, digits.length + e)}.${digits.slice(digits.length + e)}`);
}

/** A Float64 matrix ({rows, cols, data}) with its entries taken exactly. */
export function toDecimalMatrix(m: { rows: number; cols: number; data: ArrayLike<number> }): XMat<Dec> {
  return H.make(m.rows, m.cols, (i, j) => exactDecimal(m.data[i * m.cols + j]));
}

/** (M + Mᵀ)/2. */
export function symmetricPart(M: XMat<Dec>): XMat<Dec> {
  return H.scale(new Decimal(0.5), H.add(M, H.tr(M)));
}

/** Eigenvalues of a symmetric matrix, descending, by cyclic Jacobi in DIGITS digits (throws unless exactly symmetric). */
export function symmetricEigenvalues(S: XMat<Dec>): Dec[] {
  const n = S.rows;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (!S.data[i * n + j].eq(S.data[j * n + i])) throw new Error('symmetricEigenvalues: the matrix is not exactly symmetric (take its symmetric part)');
  const a: Dec[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => S.data[i * n + j]));
  const frob = a
    .flat()
    .reduce((s, x) => s.plus(x.times(x)), new Decimal(0))
    .sqrt();
  const eps = frob.times(new Decimal(10).pow(-(DIGITS - 5)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = new Decimal(0);
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = off.plus(a[p][q].times(a[p][q]));
    if (off.sqrt().lte(eps)) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (a[p][q].isZero()) continue;
        // Rotation zeroing a[p][q]: θ = (a_qq − a_pp)/(2a_pq), t = sign(θ)/(|θ| + √(θ² + 1)).
        const theta = a[q][q].minus(a[p][p]).div(a[p][q].times(2));
        const t = new Decimal(theta.isNeg() ? -1 : 1).div(theta.abs().plus(theta.times(theta).plus(1).sqrt()));
        const c = new Decimal(1).div(t.times(t).plus(1).sqrt());
        const s = t.times(c);
        for (let k = 0; k < n; k++) {
          const [akp, akq] = [a[k][p], a[k][q]];
          a[k][p] = c.times(akp).minus(s.times(akq));
          a[k][q] = s.times(akp).plus(c.times(akq));
        }
        for (let k = 0; k < n; k++) {
          const [apk, aqk] = [a[p][k], a[q][k]];
          a[p][k] = c.times(apk).minus(s.times(aqk));
          a[q][k] = s.times(apk).plus(c.times(aqk));
        }
      }
  }
  return a.map((row, i) => row[i]).sort((x, y) => y.comparedTo(x));
}

/** Singular values of S (r×k), descending: the r largest, √λ(SSᵀ) (clamped at 0 against rounding). */
export function singularValuesHP(S: XMat<Dec>): Dec[] {
  const G = S.rows <= S.cols ? H.mul(S, H.tr(S)) : H.mul(H.tr(S), S);
  return symmetricEigenvalues(G).map((l) => (l.isNeg() ? new Decimal(0) : l.sqrt()));
}

/** The operator norm ‖S‖ = σ₁(S). */
export function opNormHP(S: XMat<Dec>): Dec {
  return singularValuesHP(S)[0];
}
