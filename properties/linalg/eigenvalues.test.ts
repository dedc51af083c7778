/**
 * src/linalg/eigenvalues.ts (eigenvalues and singular values alone) against ml-matrix's full
 * decompositions, and the Gram-based operator norm against ml-matrix's largest singular value.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { frobenius, type Mat, mul, toRows, transpose } from '../../src/linalg/dense.ts';
import { singularValuesOf, symmetricEigenvaluesOf } from '../../src/linalg/eigenvalues.ts';
import { opNorm, sigmaMin } from '../../src/linalg/spectral.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { gaussian, orthogonal, withSpectrum } from '../../src/random/arbitraries.ts';

const mlEigenvalues = (a: Mat) => [...new EigenvalueDecomposition(new Matrix(toRows(a)), { assumeSymmetric: true }).realEigenvalues].sort((x, y) => y - x);
const mlSingularValues = (a: Mat) =>
  [...new SingularValueDecomposition(new Matrix(toRows(a)), { autoTranspose: true }).diagonal].sort((x, y) => y - x).slice(0, Math.min(a.rows, a.cols));

const dims = fc.integer({ min: 1, max: 25 });
/** Symmetric matrices: Gaussian XᵀX − c·I (indefinite), and QΛQᵀ with repeated and zero eigenvalues. */
const symmetric = fc.oneof(
  dims.chain((n) => gaussian(n, n).map((x) => ({ ...mul(transpose(x), x), data: mul(transpose(x), x).data.map((v, i) => v - (i % (n + 1) === 0 ? n : 0)) }))),
  dims.chain((n) =>
    fc.tuple(orthogonal(n), fc.array(fc.constantFrom(-2, 0, 0, 1, 1, 3), { minLength: n, maxLength: n })).map(([q, ev]) => withSpectrum(q, ev)),
  ),
);
/** Rectangular matrices, tall and wide, full rank or of rank 1. */
const rectangular = fc
  .tuple(dims, dims, fc.boolean())
  .chain(([r, c, rankOne]) => (rankOne ? fc.tuple(gaussian(r, 1), gaussian(1, c)).map(([x, y]) => mul(x, y)) : gaussian(r, c)));

describe('eigenvalues and singular values without vectors', () => {
  test.prop([symmetric])('symmetric eigenvalues equal ml-matrix’s', (a) => {
    const ours = Array.from(symmetricEigenvaluesOf(a.data, a.rows));
    const theirs = mlEigenvalues(a);
    const tol = relativeTolerance('inequality', a.rows) * frobenius(a);
    ours.forEach((v, i) => {
      expect(Math.abs(v - theirs[i])).toBeLessThanOrEqual(tol);
    });
    for (let i = 1; i < ours.length; i++) expect(ours[i]).toBeLessThanOrEqual(ours[i - 1]);
  });

  test.prop([rectangular])('singular values equal ml-matrix’s, ‖A‖_op its largest and σ_min its smallest', (a) => {
    const ours = Array.from(singularValuesOf(a.data, a.rows, a.cols));
    const theirs = mlSingularValues(a);
    const tol = relativeTolerance('inequality', Math.max(a.rows, a.cols)) * frobenius(a);
    expect(ours).toHaveLength(theirs.length);
    ours.forEach((v, i) => {
      expect(Math.abs(v - theirs[i])).toBeLessThanOrEqual(tol);
    });
    expect(Math.abs(opNorm(a) - theirs[0])).toBeLessThanOrEqual(tol);
    expect(Math.abs(sigmaMin(a) - theirs[theirs.length - 1])).toBeLessThanOrEqual(tol);
  });

  test('exact cases: 1×1, zero, diagonal', () => {
    expect(Array.from(symmetricEigenvaluesOf(Float64Array.of(-3), 1))).toEqual([-3]);
    expect(Array.from(symmetricEigenvaluesOf(new Float64Array(9), 3))).toEqual([0, 0, 0]);
    expect(Array.from(symmetricEigenvaluesOf(Float64Array.of(1, 0, 0, 0, 5, 0, 0, 0, -2), 3))).toEqual([5, 1, -2]);
    expect(Array.from(singularValuesOf(Float64Array.of(0, -4, 0, 0, 0, 2), 2, 3))).toEqual([4, 2]);
    expect(Array.from(singularValuesOf(new Float64Array(6), 3, 2))).toEqual([0, 0]);
    expect(opNorm({ rows: 2, cols: 1, data: Float64Array.of(3, 4) })).toBe(5);
    expect(sigmaMin({ rows: 2, cols: 2, data: Float64Array.of(0, 0, 0, 0) })).toBe(0);
    expect(sigmaMin({ rows: 2, cols: 2, data: Float64Array.of(3, 0, 0, -0.5) })).toBeCloseTo(0.5, 15);
  });
});
