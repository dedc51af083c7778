/**
 * The operation set a formula needs to be written once and evaluated over several matrix models:
 * dense exact matrices (./matrix.ts `algebra(F)`, matrices XMat<T> with scalars T, dimensions
 * numbers) and the symbolic free algebra with involution and trace (./symbolic.ts, matrices SMat
 * with scalars Scalar, dimensions named). A formula typed against MatrixOps<M, S, Dim> runs on both.
 */
import type { Algebra, XMat } from './matrix.ts';

/** The scalar operations a formula may use: a commutative ring containing the rationals. */
export interface ScalarOps<S> {
  readonly zero: S;
  readonly one: S;
  fromInt(n: number | bigint): S;
  fromRatio(p: number | bigint, q: number | bigint): S;
  add(a: S, b: S): S;
  sub(a: S, b: S): S;
  mul(a: S, b: S): S;
  neg(a: S): S;
  isZero(a: S): boolean;
  toString(a: S): string;
}

/** Matrices M over scalars S; Dim is how a dimension is named (a number, or a symbol). */
export interface MatrixOps<M, S, Dim = number> {
  readonly F: ScalarOps<S>;
  add(a: M, b: M): M;
  sub(a: M, b: M): M;
  /** The product of one or more matrices, left to right. */
  mul(...fs: M[]): M;
  scale(c: S, a: M): M;
  /** The transpose. */
  tr(a: M): M;
  /** Σ cᵢXᵢ (at least one term). */
  combine(...terms: [S, M][]): M;
  /** ⟨A, B⟩ = tr(AᵀB). */
  inner(a: M, b: M): S;
  /** ‖A‖²_F = tr(AᵀA). */
  frob2(a: M): S;
  trace(a: M): S;
  eye(n: Dim): M;
  zeros(rows: Dim, cols: Dim): M;
  int(n: number | bigint): S;
  ratio(p: number | bigint, q: number | bigint): S;
}

/** Scalar operations with division: for formulas with 1/(1 − β) and the like. */
export interface FieldOps<S> extends ScalarOps<S> {
  div(a: S, b: S): S;
}

/** MatrixOps over scalars with division. */
export interface FieldMatrixOps<M, S, Dim = number> extends MatrixOps<M, S, Dim> {
  readonly F: FieldOps<S>;
}

/** `algebra(F)` is a MatrixOps over XMat<T> (checked by the compiler here). */
export function matrixOps<T>(A: Algebra<T>): MatrixOps<XMat<T>, T> {
  return A;
}
