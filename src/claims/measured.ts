/**
 * The magnitude model: the operation set of src/exact/ops.ts over doubles, in which every matrix and
 * scalar carries its computed value and its componentwise magnitude — what was added to form it,
 * in absolute value: a ± b ↦ |a| + |b|, ab ↦ |a||b| (the matrix product of the entrywise
 * magnitudes), Xᵀ ↦ |X|ᵀ, ⟨X, Y⟩ ↦ ⟨|X|, |Y|⟩, ‖X‖²_F ↦ Σ|x_ij|², tr X ↦ tr|X|, a constant c ↦ |c|,
 * and for a scalar quotient a/b ↦ |a|·|b|/b² (first order); every product or quotient term adds
 * UNDERFLOW_MAGNITUDE besides (below).
 * A formula evaluated here gives, beside its double value, the magnitude of Higham's componentwise
 * bound (Accuracy and Stability of Numerical Algorithms, §3.1–3.5): the computed value differs from
 * the exact one by at most γ_k times it, entrywise, where k counts the roundings along the longest
 * path. A comparison's scale (./compare.ts) is then computed from the formula itself instead of
 * derived by hand for it: ‖|X|‖_F for a matrix, |x| for a scalar.
 */
import { add, block, eye, type Mat, mul, scale, sub, transpose, zeros } from '../linalg/dense.ts';
import { frobeniusRescaled as frobeniusOf, opNormRescaled, rescaled, rescaledScalar } from '../linalg/rescaled.ts';
import { inverse, lambdaMax, lambdaMin, sigmaMin, singularValues } from '../linalg/spectral.ts';
import type { MatrixOps, ScalarOps } from '../exact/ops.ts';
import { atLeast, atMost, type Comparison, equal, type RelationSign } from './compare.ts';

/** A matrix with the componentwise magnitude of what was added to form it. */
export interface Measured {
  readonly value: Mat;
  readonly magnitude: Mat;
}

/** A scalar with the magnitude of what was added to form it. */
export interface MeasuredScalar {
  readonly value: number;
  readonly magnitude: number;
}

/**
 * The smallest normal double, 2⁻¹⁰²². With gradual underflow a product or a quotient is
 * fl(x∘y) = (x∘y)(1 + δ) + η with |δ| ≤ u and |η| ≤ u·2⁻¹⁰²² (Higham (2.8)); sums of subnormals are
 * exact. So each product or quotient term adds 2⁻¹⁰²² to the magnitude: its absolute error is then
 * one rounding of the magnitude, as for every other term, and a value that underflowed (JCD's blocks
 * near 10⁻¹⁵⁰ squared) is not taken as exact. Against magnitudes above 10⁻²⁹⁰ it vanishes in
 * rounding.
 */
const UNDERFLOW_MAGNITUDE = 2 ** -1022;

/** M + k·2⁻¹⁰²² entrywise, in place (M is a fresh product): the magnitude of entries that are sums of k products. */
function withUnderflow(magnitude: Mat, k: number): Mat {
  for (let i = 0; i < magnitude.data.length; i++) magnitude.data[i] += k * UNDERFLOW_MAGNITUDE;
  return magnitude;
}

/** The magnitude of a product AB: |A||B| + (inner dimension)·2⁻¹⁰²². */
const productMagnitude = (a: Mat, b: Mat): Mat => withUnderflow(mul(a, b), a.cols);

function abs(a: Mat): Mat {
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) out.data[i] = Math.abs(a.data[i]);
  return out;
}

/** An input: a value taken as exact, its magnitude |value|. */
export function exactInput(value: Mat): Measured {
  return { value, magnitude: abs(value) };
}

/** An exact scalar input (a step size, a coefficient): magnitude |value|. */
export function exactScalar(value: number): MeasuredScalar {
  return { value, magnitude: Math.abs(value) };
}

/** Rows [r0, r1) and columns [c0, c1) of value and magnitude alike. */
export function measuredBlock(a: Measured, r0: number, r1: number, c0: number, c1: number): Measured {
  return { value: block(a.value, r0, r1, c0, c1), magnitude: block(a.magnitude, r0, r1, c0, c1) };
}

const scalars: ScalarOps<MeasuredScalar> = {
  zero: exactScalar(0),
  one: exactScalar(1),
  fromInt: (n) => exactScalar(Number(n)),
  fromRatio: (p, q) => exactScalar(Number(p) / Number(q)),
  add: (a, b) => ({ value: a.value + b.value, magnitude: a.magnitude + b.magnitude }),
  sub: (a, b) => ({ value: a.value - b.value, magnitude: a.magnitude + b.magnitude }),
  mul: (a, b) => ({ value: a.value * b.value, magnitude: a.magnitude * b.magnitude + UNDERFLOW_MAGNITUDE }),
  neg: (a) => ({ value: -a.value, magnitude: a.magnitude }),
  /**
   * a/b = a·(1/b) ↦ |a|·|b|/b²: the product rule, 1/b carrying b's magnitude relative to b (first
   * order); formed as (|a|/|b|)·(|b|/|b|) so that b² cannot underflow for |b| below 10⁻¹⁵⁴.
   */
  div: (a, b) => ({ value: a.value / b.value, magnitude: (a.magnitude / Math.abs(b.value)) * (b.magnitude / Math.abs(b.value)) + UNDERFLOW_MAGNITUDE }),
  isZero: (a) => a.value === 0,
  toString: (a) => `${a.value} (magnitude ${a.magnitude})`,
};

const sumOfProducts = (a: Mat, b: Mat): number => {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`⟨·,·⟩: ${a.rows}×${a.cols} and ${b.rows}×${b.cols} do not match`);
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
  return s;
};
const traceOf = (a: Mat): number => {
  let s = 0;
  for (let i = 0; i < Math.min(a.rows, a.cols); i++) s += a.data[i * a.cols + i];
  return s;
};
const scaleBy = (c: MeasuredScalar, a: Measured): Measured => ({
  value: scale(a.value, c.value),
  magnitude: withUnderflow(scale(a.magnitude, c.magnitude), 1),
});
const mul2 = (a: Measured, b: Measured): Measured => ({ value: mul(a.value, b.value), magnitude: productMagnitude(a.magnitude, b.magnitude) });
const add2 = (a: Measured, b: Measured): Measured => ({ value: add(a.value, b.value), magnitude: add(a.magnitude, b.magnitude) });

/** The magnitude model as a MatrixOps: a formula written against MatrixOps runs on it unchanged. */
export const magnitudeOps: MatrixOps<Measured, MeasuredScalar> = {
  F: scalars,
  add: add2,
  sub: (a, b) => ({ value: sub(a.value, b.value), magnitude: add(a.magnitude, b.magnitude) }),
  mul: (...fs) => fs.slice(1).reduce(mul2, fs[0]),
  scale: scaleBy,
  tr: (a) => ({ value: transpose(a.value), magnitude: transpose(a.magnitude) }),
  combine: (...terms) => terms.map(([c, x]) => scaleBy(c, x)).reduce(add2),
  inner: (a, b) => ({ value: sumOfProducts(a.value, b.value), magnitude: sumOfProducts(a.magnitude, b.magnitude) + a.value.data.length * UNDERFLOW_MAGNITUDE }),
  frob2: (a) => ({ value: sumOfProducts(a.value, a.value), magnitude: sumOfProducts(a.magnitude, a.magnitude) + a.value.data.length * UNDERFLOW_MAGNITUDE }),
  trace: (a) => ({ value: traceOf(a.value), magnitude: traceOf(a.magnitude) }),
  eye: (n) => exactInput(eye(n)),
  zeros: (rows, cols) => exactInput(zeros(rows, cols)),
  int: scalars.fromInt,
  ratio: scalars.fromRatio,
};

function isMeasuredMatrix(x: Measured | MeasuredScalar): x is Measured {
  return typeof x.value !== 'number';
}

/**
 * One comparison per residual (each must vanish: true − printed, or lhs − rhs), labelled by its key,
 * its scale the residual's computed magnitude (‖|X|‖_F for a matrix).
 */
export function residualComparisons(residuals: Readonly<Record<string, Measured | MeasuredScalar>>): Comparison[] {
  return Object.entries(residuals).map(([label, r]) =>
    isMeasuredMatrix(r) ? equal(label, frobeniusOf(r.value), 0, frobeniusOf(r.magnitude)) : equal(label, r.value, 0, r.magnitude),
  );
}

/**
 * What a bound uses beyond the ring: norms, extreme eigen- and singular values, square roots and
 * inverses. Only the magnitude model evaluates them (a bound is checked in floating point; the exact
 * and symbolic models prove identities), so a side written against BoundOps is still written once:
 * its value, its comparison scale and its sabotage all come from the one definition.
 */
interface AnalyticOps<M, S> {
  /** ‖X‖_F. */
  frob(a: M): S;
  /** ‖X‖_op = σ₁(X). */
  opNorm(a: M): S;
  /** λ_min and λ_max of a symmetric matrix. */
  lambdaMin(a: M): S;
  lambdaMax(a: M): S;
  /** σ_min(X) = σ_{min(r,c)}(X). */
  sigmaMin(a: M): S;
  /** σ₁(X) ≥ … ≥ σ_{min(r,c)}(X). */
  singularValues(a: M): S[];
  /** √a. */
  sqrt(a: S): S;
  /** |a|. */
  abs(a: S): S;
  /** X⁻¹ of a square invertible matrix. */
  inverse(a: M): M;
  /** A real parameter of the instance (σ₁, ε, a printed constant), taken as exact. */
  constant(x: number): S;
  /** A matrix input of the instance, taken as exact. */
  input(x: Mat): M;
}

/** The operation set of a bound: the ring (MatrixOps) and the analytic operations. */
export type BoundOps<M, S> = MatrixOps<M, S> & AnalyticOps<M, S>;

/**
 * The magnitude model with the analytic operations, for a check judged at relative tolerance `tol`.
 * - ‖X‖_F, ‖X‖_op, λ_min, λ_max, σ_min and every σᵢ: magnitude ‖|X|‖_F, the magnitude of X: by
 *   Weyl's and Mirsky's inequalities each moves by at most ‖E‖_2 ≤ ‖E‖_F under a perturbation E of
 *   X, and |E| ≤ γ|X| entrywise; the eigen- or singular-value solver's own backward error, γ‖X‖, is
 *   below it.
 * - X⁻¹: magnitude |X⁻¹|·|X|·|X⁻¹| (the first-order perturbation −X⁻¹EX⁻¹; LU's backward error for
 *   the inversion itself is of the same form), with the products' underflow terms.
 * - √a: magnitude |a|/(2√a) (first order) while a exceeds its own error tol·|a|; below that the error
 *   of √a is at most √(2·tol·|a|) (|√(a+e) − √a| ≤ √|e|), which is that over tol. A negative a within
 *   its error counts as 0; one beyond it gives NaN, which passes no comparison.
 * - |a|: magnitude |a|.
 * The tolerance enters only through √, the one operation whose error is not proportional to it.
 */
export function boundOps(tol: number): BoundOps<Measured, MeasuredScalar> {
  const spectral = (f: (a: Mat) => number) => {
    const scaled = rescaledScalar(f);
    return (a: Measured): MeasuredScalar => ({ value: scaled(a.value), magnitude: frobeniusOf(a.magnitude) });
  };
  const scaledSingularValues = rescaled(singularValues, (ys, c) => ys.map((y) => y * c));
  return {
    ...magnitudeOps,
    frob: (a) => ({ value: frobeniusOf(a.value), magnitude: frobeniusOf(a.magnitude) }),
    opNorm: (a) => ({ value: opNormRescaled(a.value), magnitude: frobeniusOf(a.magnitude) }),
    lambdaMin: spectral(lambdaMin),
    lambdaMax: spectral(lambdaMax),
    sigmaMin: spectral(sigmaMin),
    singularValues: (a) => scaledSingularValues(a.value).map((value) => ({ value, magnitude: frobeniusOf(a.magnitude) })),
    sqrt: ({ value, magnitude }) => {
      const e = tol * magnitude;
      if (value > e) return { value: Math.sqrt(value), magnitude: magnitude / (2 * Math.sqrt(value)) };
      return { value: value >= -e ? Math.sqrt(Math.max(value, 0)) : Number.NaN, magnitude: tol > 0 ? Math.sqrt(2 * e) / tol : 0 };
    },
    abs: ({ value, magnitude }) => ({ value: Math.abs(value), magnitude }),
    inverse: (a) => {
      const value = inverse(a.value);
      const absInverse = abs(value);
      return { value, magnitude: productMagnitude(productMagnitude(absInverse, a.magnitude), absInverse) };
    },
    constant: exactScalar,
    input: exactInput,
  };
}

/** One side of a bound related to the other: the comparison's scale is the sum of the two sides' magnitudes. */
export function boundComparison(label: string, lhs: MeasuredScalar, relation: Exclude<RelationSign, '='>, rhs: MeasuredScalar): Comparison {
  const scale = lhs.magnitude + rhs.magnitude;
  return relation === '≤' ? atMost(label, lhs.value, rhs.value, scale) : atLeast(label, lhs.value, rhs.value, scale);
}
