/**
 * src/linalg on hand-computed examples: the dense helpers every claim is written with, and the
 * spectral quantities (eigenvalues, singular values, norms, the full SVD that rotates Σ).
 */
import { describe, expect, test } from 'vitest';
import {
  add,
  at,
  block,
  clone,
  combine,
  diag,
  eye,
  frobenius,
  fromRows,
  inner,
  isFiniteMat,
  type Mat,
  maxAbs,
  mul,
  mulAll,
  scale,
  skewPart,
  sub,
  symmetricPart,
  toRows,
  transpose,
  vstack,
  zeros,
} from '../../src/linalg/dense.ts';
import {
  fullSvd,
  inverse,
  lambdaMax,
  lambdaMin,
  opNorm,
  orthogonalityDefect,
  sigmaMin,
  singularValues,
  symmetricEigen,
  symmetricEigenvalues,
} from '../../src/linalg/spectral.ts';

const A = fromRows([
  [1, 2, 3],
  [4, 5, 6],
]);
const rows = (m: Mat) => toRows(m);
const close = (got: number[], want: number[], tol = 1e-12) => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    expect(Math.abs(g - want[i])).toBeLessThan(tol);
  });
};

describe('dense matrices', () => {
  test('constructors: zeros, eye, diag (any shape), fromRows, toRows', () => {
    expect(zeros(2, 3)).toMatchObject({ rows: 2, cols: 3 });
    expect(rows(zeros(2, 3))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(rows(eye(3))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(rows(diag([1, 2]))).toEqual([
      [1, 0],
      [0, 2],
    ]);
    expect(rows(diag([1, 2], 2, 3))).toEqual([
      [1, 0, 0],
      [0, 2, 0],
    ]);
    expect(rows(diag([1, 2], 3, 2))).toEqual([
      [1, 0],
      [0, 2],
      [0, 0],
    ]);
    expect(rows(diag([1, 2, 3], 2, 2))).toEqual([
      [1, 0],
      [0, 2],
    ]); // extra values are dropped
    expect(rows(diag([7], 2, 3))).toEqual([
      [7, 0, 0],
      [0, 0, 0],
    ]);
    expect(rows(diag([1, 2], 3))).toEqual([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 0],
    ]);
    expect(A).toMatchObject({ rows: 2, cols: 3 });
    expect(Array.from(A.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fromRows([])).toMatchObject({ rows: 0, cols: 0 });
    expect(() => fromRows([[1, 2], [3]])).toThrow('ragged matrix: row 1 has 1 entries, row 0 has 2');
    expect(rows(A)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  test('clone copies; at reads (i, j); transpose', () => {
    const c = clone(A);
    c.data[0] = 99;
    expect(A.data[0]).toBe(1);
    expect(rows(c)).toEqual([
      [99, 2, 3],
      [4, 5, 6],
    ]);
    expect(at(A, 1, 2)).toBe(6);
    expect(at(A, 0, 1)).toBe(2);
    expect(rows(transpose(A))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  test('add, sub, scale, combine (with shape checks)', () => {
    const B = fromRows([
      [1, 1, 1],
      [0, -1, 2],
    ]);
    expect(rows(add(A, B))).toEqual([
      [2, 3, 4],
      [4, 4, 8],
    ]);
    expect(rows(sub(A, B))).toEqual([
      [0, 1, 2],
      [4, 6, 4],
    ]);
    expect(rows(scale(A, -2))).toEqual([
      [-2, -4, -6],
      [-8, -10, -12],
    ]);
    expect(rows(combine([2, A], [-1, B], [0.5, A]))).toEqual([
      [1.5, 4, 6.5],
      [10, 13.5, 13],
    ]);
    expect(() => add(A, transpose(A))).toThrow('add: shapes 2×3 and 3×2 differ');
    expect(() => sub(A, zeros(2, 2))).toThrow('sub: shapes 2×3 and 2×2 differ');
    expect(() => combine([1, A], [1, zeros(1, 3)])).toThrow('combine: shapes 2×3 and 1×3 differ');
    expect(() => inner(A, zeros(3, 2))).toThrow('inner: shapes 2×3 and 3×2 differ');
  });

  test('mul (zeros included), mulAll, and the inner dimension check', () => {
    const B = fromRows([
      [1, 0],
      [0, 0],
      [2, -1],
    ]);
    expect(rows(mul(A, B))).toEqual([
      [7, -3],
      [16, -6],
    ]);
    expect(
      rows(
        mul(
          fromRows([[0, 1]]),
          fromRows([
            [5, 6],
            [7, 8],
          ]),
        ),
      ),
    ).toEqual([[7, 8]]);
    expect(rows(mulAll(A, B, fromRows([[1], [1]])))).toEqual([[4], [10]]);
    expect(rows(mulAll(A))).toEqual(rows(A));
    expect(() => mul(A, A)).toThrow('mul: 2×3 times 2×3');
  });

  test('inner, frobenius, maxAbs', () => {
    expect(
      inner(
        A,
        fromRows([
          [1, 0, -1],
          [0, 2, 0],
        ]),
      ),
    ).toBe(1 - 3 + 10);
    expect(
      frobenius(
        fromRows([
          [3, 0],
          [0, -4],
        ]),
      ),
    ).toBe(5);
    expect(
      maxAbs(
        fromRows([
          [1, -7],
          [3, 2],
        ]),
      ),
    ).toBe(7);
    expect(maxAbs(zeros(2, 2))).toBe(0);
  });

  test('block, vstack, symmetric and skew parts, isFiniteMat', () => {
    expect(rows(block(A, 0, 2, 1, 3))).toEqual([
      [2, 3],
      [5, 6],
    ]);
    expect(rows(block(A, 1, 2, 0, 2))).toEqual([[4, 5]]);
    expect(block(A, 2, 2, 0, 3)).toMatchObject({ rows: 0, cols: 3 });
    expect(rows(vstack(A, fromRows([[7, 8, 9]])))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(() => vstack(A, zeros(1, 2))).toThrow('vstack: 3 and 2 columns');
    const S = fromRows([
      [1, 2],
      [4, 3],
    ]);
    expect(rows(symmetricPart(S))).toEqual([
      [1, 3],
      [3, 3],
    ]);
    expect(rows(skewPart(S))).toEqual([
      [0, -1],
      [1, 0],
    ]);
    expect(isFiniteMat(A)).toBe(true);
    expect(isFiniteMat(fromRows([[1, Number.NaN]]))).toBe(false);
    expect(isFiniteMat(fromRows([[Number.NEGATIVE_INFINITY, 1]]))).toBe(false);
  });
});

describe('spectral quantities', () => {
  test('eigenvalues of the symmetric part, decreasing; λ_min, λ_max', () => {
    // Symmetric part of [[2, 1], [3, 2]] is [[2, 2], [2, 2]]: eigenvalues 4 and 0.
    close(
      symmetricEigenvalues(
        fromRows([
          [2, 1],
          [3, 2],
        ]),
      ),
      [4, 0],
    );
    close(symmetricEigenvalues(diag([1, 3, 2])), [3, 2, 1]);
    expect(symmetricEigenvalues(zeros(0, 0))).toEqual([]);
    expect(() => symmetricEigenvalues(A)).toThrow('eigenvalues of a non-square 2×3 matrix');
    expect(lambdaMin(diag([1, -3, 2]))).toBeCloseTo(-3, 14);
    expect(lambdaMax(diag([1, -3, 2]))).toBeCloseTo(2, 14);
  });

  test('symmetricEigen: X = W diag(λ) Wᵀ with λ decreasing and W orthogonal', () => {
    const X = fromRows([
      [2, 1, 0],
      [1, 2, 0],
      [0, 0, 5],
    ]);
    const { values, vectors } = symmetricEigen(X);
    close(values, [5, 3, 1]);
    expect(orthogonalityDefect(vectors)).toBeLessThan(1e-14);
    const back = mulAll(vectors, diag(values), transpose(vectors));
    expect(frobenius(sub(back, X))).toBeLessThan(1e-14);
    // The eigenvector of 5 is ±e₃.
    expect(Math.abs(at(vectors, 2, 0))).toBeCloseTo(1, 14);
  });

  test('singular values (min(r, c) of them, decreasing), ‖·‖_op, σ_min', () => {
    // diag(3, 4) with a zero row: singular values 4, 3.
    const M = fromRows([
      [3, 0],
      [0, 4],
      [0, 0],
    ]);
    close(singularValues(M), [4, 3]);
    close(singularValues(transpose(M)), [4, 3]);
    expect(opNorm(M)).toBeCloseTo(4, 14);
    expect(sigmaMin(M)).toBeCloseTo(3, 14);
    expect(singularValues(zeros(0, 3))).toEqual([]);
    expect(singularValues(zeros(3, 0))).toEqual([]);
    expect(opNorm(zeros(0, 2))).toBe(0);
    // [[1, 1], [1, 1]]: rank one, σ = (2, 0).
    close(
      singularValues(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
      ),
      [2, 0],
    );
  });

  test('inverse of a square matrix', () => {
    expect(
      rows(
        inverse(
          fromRows([
            [2, 0],
            [0, 4],
          ]),
        ),
      ),
    ).toEqual([
      [0.5, 0],
      [0, 0.25],
    ]);
    const M = fromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(frobenius(sub(mul(M, inverse(M)), eye(2)))).toBeLessThan(1e-14);
  });

  test.each([
    [
      'wide',
      fromRows([
        [1, 2, 0],
        [0, 1, 3],
      ]),
    ],
    [
      'tall',
      fromRows([
        [1, 0],
        [2, 1],
        [0, 3],
        [1, 1],
      ]),
    ],
    [
      'rank-deficient',
      fromRows([
        [1, 1, 0],
        [1, 1, 0],
        [0, 0, 0],
      ]),
    ],
    ['zero', zeros(2, 3)],
  ])('fullSvd of a %s matrix: Φ, Ψ orthogonal and square, σ decreasing, Φ diag(σ) Ψᵀ = A', (_name, M) => {
    const { phi, sigma, psi } = fullSvd(M);
    expect(phi).toMatchObject({ rows: M.rows, cols: M.rows });
    expect(psi).toMatchObject({ rows: M.cols, cols: M.cols });
    expect(sigma).toHaveLength(Math.min(M.rows, M.cols));
    for (let i = 1; i < sigma.length; i++) expect(sigma[i]).toBeLessThanOrEqual(sigma[i - 1]);
    expect(orthogonalityDefect(phi)).toBeLessThan(1e-14);
    expect(orthogonalityDefect(psi)).toBeLessThan(1e-14);
    const back = mulAll(phi, diag(sigma, M.rows, M.cols), transpose(psi));
    expect(frobenius(sub(back, M))).toBeLessThan(1e-14 * (1 + frobenius(M)));
  });

  test('fullSvd orders unsorted singular values and keeps vectors with their values', () => {
    const M = diag([1, 5, 3], 3, 4);
    const { phi, sigma, psi } = fullSvd(M);
    close(sigma, [5, 3, 1]);
    expect(Math.abs(at(phi, 1, 0))).toBeCloseTo(1, 14);
    expect(Math.abs(at(psi, 1, 0))).toBeCloseTo(1, 14);
    expect(Math.abs(at(psi, 3, 3))).toBeCloseTo(1, 14); // the completed column is e₄
  });

  test('orthogonalityDefect is ‖QᵀQ − I‖_F', () => {
    expect(orthogonalityDefect(eye(3))).toBe(0);
    expect(orthogonalityDefect(diag([1, 2]))).toBe(3);
    expect(
      orthogonalityDefect(
        fromRows([
          [1, 1],
          [0, 1],
        ]),
      ),
    ).toBeCloseTo(Math.sqrt(1 + 1 + 1), 14); // QᵀQ = [[1, 1], [1, 2]]
  });
});
