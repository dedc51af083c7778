/**
 * The operations of a bound (src/claims/measured.ts BoundOps) in DIGITS-digit decimals: a side written
 * once against BoundOps is evaluated here by a claim's near-boundary re-check (`highPrecision`, check
 * --rigorous), so the high-precision slack is the same formula as the floating-point check, not a copy.
 * The instance's doubles enter as ./decimal.ts converts them (exactDecimal, toDecimalMatrix); the
 * norms, extreme eigen- and singular values are ./decimal.ts's cyclic Jacobi routines; λ_min, λ_max
 * take the symmetric part first (a matrix symmetric in exact arithmetic is its own symmetric part;
 * one formed in doubles, like P = QΛQᵀ, is symmetric only up to rounding, and the lemma is about the
 * symmetric matrix it stands for).
 */
import type { BoundOps } from '../claims/measured.ts';
import { type Dec, exactDecimal, H, opNormHP, singularValuesHP, symmetricEigenvalues, symmetricPart, toDecimalMatrix } from './decimal.ts';
import type { XMat } from './matrix.ts';

const eigenvalues = (a: XMat<Dec>): Dec[] => symmetricEigenvalues(symmetricPart(a));

export const hpBoundOps: BoundOps<XMat<Dec>, Dec> = {
  ...H,
  frob: (a) => H.frob2(a).sqrt(),
  opNorm: opNormHP,
  lambdaMin: (a) => eigenvalues(a)[a.rows - 1],
  lambdaMax: (a) => eigenvalues(a)[0],
  sigmaMin: (a) => singularValuesHP(a)[Math.min(a.rows, a.cols) - 1],
  singularValues: singularValuesHP,
  sqrt: (a) => a.sqrt(),
  abs: (a) => a.abs(),
  inverse: H.inverse,
  constant: exactDecimal,
  input: toDecimalMatrix,
};
