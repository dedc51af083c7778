/**
 * The extreme eigenvalues alone (src/linalg/eigenvalues.ts: extremeEigenvaluesOf by QL,
 * largestEigenvalueOf by bisection, which opNorm uses for Gram matrices of order ≥ 12) against
 * ml-matrix's full symmetric eigendecomposition, an independent implementation.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { frobenius, type Mat, mul, toRows, transpose } from '../../src/linalg/dense.ts';
import { extremeEigenvaluesOf, largestEigenvalueOf } from '../../src/linalg/eigenvalues.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { gaussian, orthogonal, withSpectrum } from '../../src/random/arbitraries.ts';

const mlEigenvalues = (a: Mat) => [...new EigenvalueDecomposition(new Matrix(toRows(a)), { assumeSymmetric: true }).realEigenvalues].sort((x, y) => y - x);

const dims = fc.integer({ min: 1, max: 30 });
/** Gaussian XᵀX − c·I (indefinite), Gram matrices XᵀX of tall X (as opNorm forms), and QΛQᵀ with repeated and zero eigenvalues. */
const symmetric = fc.oneof(
  dims.chain((n) => gaussian(n, n).map((x) => ({ ...mul(transpose(x), x), data: mul(transpose(x), x).data.map((v, i) => v - (i % (n + 1) === 0 ? n : 0)) }))),
  fc.tuple(dims, fc.integer({ min: 0, max: 60 })).chain(([n, extra]) => gaussian(n + extra, n).map((x) => mul(transpose(x), x))),
  dims.chain((n) =>
    fc.tuple(orthogonal(n), fc.array(fc.constantFrom(-2, 0, 0, 1, 1, 3), { minLength: n, maxLength: n })).map(([q, ev]) => withSpectrum(q, ev)),
  ),
);

describe('extreme eigenvalues without the others', () => {
  test.prop([symmetric])('λ_max (bisection and QL) and λ_min (QL) equal ml-matrix’s', (a) => {
    const theirs = mlEigenvalues(a);
    const tol = relativeTolerance('inequality', a.rows) * frobenius(a);
    const { max, min } = extremeEigenvaluesOf(a.data, a.rows);
    expect(Math.abs(max - theirs[0])).toBeLessThanOrEqual(tol);
    expect(Math.abs(min - theirs[theirs.length - 1])).toBeLessThanOrEqual(tol);
    expect(Math.abs(largestEigenvalueOf(a.data, a.rows) - theirs[0])).toBeLessThanOrEqual(tol);
  });

  test.prop([fc.integer({ min: 1, max: 30 }).chain((n) => gaussian(n + 5, n))])(
    'bisection and QL agree on λ_max of a Gram matrix to a few units in the last place',
    (x) => {
      const g = mul(transpose(x), x);
      const viaQL = extremeEigenvaluesOf(g.data, g.rows).max;
      expect(Math.abs(largestEigenvalueOf(g.data, g.rows) - viaQL)).toBeLessThanOrEqual(16 * 2 ** -52 * viaQL);
    },
  );

  test('an empty matrix has no extreme eigenvalue (a clear error, not a number)', () => {
    expect(() => extremeEigenvaluesOf(new Float64Array(0), 0)).toThrow(/empty/);
    expect(() => largestEigenvalueOf(new Float64Array(0), 0)).toThrow(/empty/);
  });
});
