/**
 * src/linalg: cases written from the survivors of `npm run mutate:linalg` (docs/mutation.md). Each
 * asserts a mathematical fact or a documented contract: exact scaling by powers of two, direct sums,
 * Eckart–Young, f(X) for symmetric X, exact small cases, and the scratch arrays' independence of
 * earlier calls. No src/linalg function is called at module level: a static mutant that throws
 * there would fail the file's collection, which Stryker's vitest runner does not count as a kill.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { block, diag, eye, frobenius, fromRows, type Mat, mul, mulSelfTransposed, rowBlock, sub, toRows, transpose, zeros } from '../../src/linalg/dense.ts';
import { extremeEigenvaluesOf, largestEigenvalueOf, singularValuesOf, smallestSingularValueOf, symmetricEigenvaluesOf } from '../../src/linalg/eigenvalues.ts';
import { bestRankApproximation, truncatedSpectrum } from '../../src/linalg/low-rank.ts';
import { scratchSlot } from '../../src/linalg/scratch.ts';
import { fullSvd, opNorm, orthogonalityDefect, sigmaMin, singularValues, symmetricEigen, symmetricFunction } from '../../src/linalg/spectral.ts';
import { relativeTolerance, UNIT_ROUNDOFF } from '../../src/claims/tolerance.ts';
import { gaussian, orthogonal, withSpectrum } from '../../src/random/arbitraries.ts';

const mlEigenvalues = (a: Mat) => [...new EigenvalueDecomposition(new Matrix(toRows(a)), { assumeSymmetric: true }).realEigenvalues].sort((x, y) => y - x);
const mlSingularValues = (a: Mat) =>
  [...new SingularValueDecomposition(new Matrix(toRows(a)), { autoTranspose: true }).diagonal].sort((x, y) => y - x).slice(0, Math.min(a.rows, a.cols));
const decreasing = (xs: ArrayLike<number>) => Array.from(xs).sort((x, y) => y - x);
/** ±0 → +0, for comparisons that hold "up to the sign of a zero". */
const unsigned = (xs: ArrayLike<number>) => Array.from(xs, (v) => v + 0);
const symmetrize = (x: Mat): Mat => {
  const n = x.rows;
  const out = zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out.data[i * n + j] = 0.5 * (x.data[i * n + j] + x.data[j * n + i]);
  return out;
};
/** The direct sum A ⊕ B = [[A, 0], [0, B]]. */
const directSum = (a: Mat, b: Mat): Mat => {
  const out = zeros(a.rows + b.rows, a.cols + b.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[i * out.cols + j] = a.data[i * a.cols + j];
  for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.cols; j++) out.data[(a.rows + i) * out.cols + a.cols + j] = b.data[i * b.cols + j];
  return out;
};
const scaled = (a: Mat, s: number): Mat => ({ rows: a.rows, cols: a.cols, data: a.data.map((v) => v * s) });
const expectClose = (got: ArrayLike<number>, want: ArrayLike<number>, tol: number) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(tol);
};

const dims = fc.integer({ min: 1, max: 8 });
const symmetricArb = dims.chain((n) => gaussian(n, n).map(symmetrize));
const rectangularArb = fc.tuple(dims, dims).chain(([r, c]) => gaussian(r, c));

describe('dense helpers without other coverage', () => {
  test('fromRows reads every row (and rejects ragged ones)', () => {
    expect(
      Array.from(
        fromRows([
          [1, 2],
          [3, 4],
        ]).data,
      ),
    ).toEqual([1, 2, 3, 4]);
    expect(fromRows([[5]])).toMatchObject({ rows: 1, cols: 1 });
    expect(() => fromRows([[1], [2, 3]])).toThrow('ragged matrix: row 1 has 2 entries, row 0 has 1');
  });

  test.prop([fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).chain(([r, c]) => gaussian(r, c))])(
    'mulSelfTransposed(A) is mul(A, Aᵀ) exactly (the same sums, k increasing), up to the sign of a zero',
    (a) => {
      const g = mulSelfTransposed(a);
      const want = mul(a, transpose(a));
      expect(g).toMatchObject({ rows: a.rows, cols: a.rows });
      expect(unsigned(g.data)).toEqual(unsigned(want.data));
    },
  );

  test.prop([fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 })).chain(([r, c]) => fc.tuple(gaussian(r, c), fc.nat(r), fc.nat(r)))])(
    'rowBlock(A, r0, r1) is block(A, r0, r1, 0, c), sharing A’s storage',
    ([a, x, y]) => {
      const [r0, r1] = x <= y ? [x, y] : [y, x];
      const rb = rowBlock(a, r0, r1);
      expect(rb).toMatchObject({ rows: r1 - r0, cols: a.cols });
      expect(Array.from(rb.data)).toEqual(Array.from(block(a, r0, r1, 0, a.cols).data));
      expect(rb.data.buffer).toBe(a.data.buffer);
    },
  );
});

describe('best rank-r approximation (low-rank.ts)', () => {
  test('truncatedSpectrum keeps the first r values and rejects a rank that is not a non-negative integer', () => {
    expect(truncatedSpectrum([3, 2, 1], 2)).toEqual([3, 2, 0]);
    expect(truncatedSpectrum([3, 2, 1], 0)).toEqual([0, 0, 0]);
    expect(truncatedSpectrum([3, 2, 1], 5)).toEqual([3, 2, 1]);
    expect(() => truncatedSpectrum([1], -1)).toThrow('rank r must be a non-negative integer, got -1');
    expect(() => truncatedSpectrum([1], 1.5)).toThrow('rank r must be a non-negative integer, got 1.5');
  });

  test.prop([fc.tuple(dims, dims, fc.integer({ min: 0, max: 9 })).chain(([m, n, r]) => fc.tuple(gaussian(m, n), fc.constant(r)))])(
    'Eckart–Young: σ(X_r) = (σ₁, …, σ_r, 0, …) and ‖X − X_r‖_op = σ_{r+1}(X)',
    ([x, r]) => {
      const xr = bestRankApproximation(x, r);
      expect(xr).toMatchObject({ rows: x.rows, cols: x.cols });
      const sigma = singularValues(x);
      const tol = relativeTolerance('inequality', Math.max(x.rows, x.cols)) * frobenius(x);
      expectClose(singularValues(xr), truncatedSpectrum(sigma, r), tol);
      expect(Math.abs(opNorm(sub(x, xr)) - (r < sigma.length ? sigma[r] : 0))).toBeLessThanOrEqual(tol);
    },
  );
});

describe('symmetric eigendecomposition and functions of symmetric matrices', () => {
  test.prop([dims.chain((n) => fc.tuple(orthogonal(n), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n })))])(
    'symmetricEigen of QΛQᵀ (symmetric only up to rounding): the eigenvalues Λ, W orthogonal',
    ([q, ev]) => {
      const x = withSpectrum(q, ev);
      const { values, vectors } = symmetricEigen(x);
      const tol = relativeTolerance('inequality', x.rows) * (1 + frobenius(x));
      expectClose(values, decreasing(ev), tol);
      expect(orthogonalityDefect(vectors)).toBeLessThanOrEqual(tol);
    },
  );

  test.prop([symmetricArb])('symmetricFunction: f = 1 gives I, f = λ gives X, f = λ² gives X·X', (x) => {
    const n = x.rows;
    const tol = relativeTolerance('inequality', n) * (1 + frobenius(x)) ** 2;
    expect(
      frobenius(
        sub(
          symmetricFunction(x, () => 1),
          eye(n),
        ),
      ),
    ).toBeLessThanOrEqual(tol);
    expect(
      frobenius(
        sub(
          symmetricFunction(x, (l) => l),
          x,
        ),
      ),
    ).toBeLessThanOrEqual(tol);
    expect(
      frobenius(
        sub(
          symmetricFunction(x, (l) => l * l),
          mul(x, x),
        ),
      ),
    ).toBeLessThanOrEqual(tol);
  });

  test('symmetricFunction of a diagonal matrix applies f to the diagonal', () => {
    const got = symmetricFunction(diag([0, 1, -2]), Math.exp);
    expectClose(got.data, diag([1, Math.E, Math.exp(-2)]).data, 4 * UNIT_ROUNDOFF * Math.E);
  });
});

describe('spectra are exactly equivariant under scaling by a power of two', () => {
  // Scaling by 2^k is exact, so λ(2^k·A) = 2^k·λ(A) and σ(2^k·A) = 2^k·σ(A) exactly; the computed
  // values may differ only by the algorithms' rounding, relative to ‖A‖. k = ±600 is beyond the
  // range where e_l·e_{l+1} in QL overflows or becomes subnormal (until the fix, QL threw or was
  // wrong there); k = ±40 checks that convergence and deflation tests scale with the matrix.
  const ks = fc.constantFrom(-600, -40, 40, 600);
  test.prop([symmetricArb, ks])('eigenvalues (QL and bisection)', (a, k) => {
    const n = a.rows;
    const s = 2 ** k;
    const tol = relativeTolerance('inequality', n) * frobenius(a) * s;
    const want = symmetricEigenvaluesOf(a.data, n).map((v) => v * s);
    const b = scaled(a, s);
    expectClose(symmetricEigenvaluesOf(b.data, n), want, tol);
    const { max, min } = extremeEigenvaluesOf(b.data, n);
    expect(Math.abs(max - want[0])).toBeLessThanOrEqual(tol);
    expect(Math.abs(min - want[n - 1])).toBeLessThanOrEqual(tol);
    expect(Math.abs(largestEigenvalueOf(b.data, n) - want[0])).toBeLessThanOrEqual(tol);
  });

  test.prop([rectangularArb, ks])('singular values (QL and bisection)', (a, k) => {
    const s = 2 ** k;
    const tol = relativeTolerance('inequality', Math.max(a.rows, a.cols)) * frobenius(a) * s;
    const want = singularValuesOf(a.data, a.rows, a.cols).map((v) => v * s);
    const b = scaled(a, s);
    expectClose(singularValuesOf(b.data, a.rows, a.cols), want, tol);
    expect(Math.abs(smallestSingularValueOf(b.data, a.rows, a.cols) - want[want.length - 1])).toBeLessThanOrEqual(tol);
  });
});

describe('direct sums: λ(A ⊕ B) = λ(A) ∪ λ(B), σ(A ⊕ B) = σ(A) ∪ σ(B) ∪ {0, …}', () => {
  // Block structure makes Householder vectors exactly zero part of the way (τ = 0 steps), where
  // the routines read stored entries instead of reflecting: a wrong index there reads another entry.
  test.prop([symmetricArb, symmetricArb, fc.boolean()])('eigenvalues', (a, b, small) => {
    const bb = small ? scaled(b, 2 ** -30) : b;
    const x = directSum(a, bb);
    const n = x.rows;
    const want = decreasing([...mlEigenvalues(a), ...mlEigenvalues(bb)]);
    const tol = relativeTolerance('inequality', n) * frobenius(x);
    expectClose(symmetricEigenvaluesOf(x.data, n), want, tol);
    expect(Math.abs(largestEigenvalueOf(x.data, n) - want[0])).toBeLessThanOrEqual(tol);
    const { max, min } = extremeEigenvaluesOf(x.data, n);
    expect(Math.abs(max - want[0])).toBeLessThanOrEqual(tol);
    expect(Math.abs(min - want[n - 1])).toBeLessThanOrEqual(tol);
  });

  test.prop([rectangularArb, rectangularArb])('singular values', (a, b) => {
    const x = directSum(a, b);
    const p = Math.min(x.rows, x.cols);
    const parts = [...mlSingularValues(a), ...mlSingularValues(b)];
    const want = decreasing([...parts, ...new Array(p - parts.length).fill(0)]);
    const tol = relativeTolerance('inequality', Math.max(x.rows, x.cols)) * frobenius(x);
    expectClose(singularValuesOf(x.data, x.rows, x.cols), want, tol);
    expect(Math.abs(smallestSingularValueOf(x.data, x.rows, x.cols) - want[p - 1])).toBeLessThanOrEqual(tol);
  });

  test('a lower bidiagonal block: σ([[1, 0], [5, 2]] ⊕ [3]) = {√(15 ± √221), 3}', () => {
    // BᵀB = [[26, 10], [10, 4]] for B = [[1, 0], [5, 2]]: eigenvalues 15 ± √(11² + 10²) = 15 ± √221.
    const x = fromRows([
      [1, 0, 0],
      [5, 2, 0],
      [0, 0, 3],
    ]);
    const want = decreasing([Math.sqrt(15 + Math.sqrt(221)), Math.sqrt(15 - Math.sqrt(221)), 3]);
    const tol = relativeTolerance('inequality', 3) * frobenius(x);
    expectClose(singularValuesOf(x.data, 3, 3), want, tol);
    expect(Math.abs(smallestSingularValueOf(x.data, 3, 3) - want[2])).toBeLessThanOrEqual(tol);
  });
});

describe('exact small cases', () => {
  test('graded 2×2 matrices: hypot’s scaled path (arguments beyond 1e±150)', () => {
    // [[0, t], [t, 1]]: λ = (1 ± √(1 + 4t²))/2 = 1 + t² and −t² to first order, i.e. 1 and ≈ −1e-320
    // for t = 1e-160: QL takes p = 1/(2t) = 5e159, whose square overflows.
    const t = 1e-160;
    const ev = symmetricEigenvaluesOf(Float64Array.of(0, t, t, 1), 2);
    expect(Math.abs(ev[0] - 1)).toBeLessThanOrEqual(2 * UNIT_ROUNDOFF);
    expect(Math.abs(ev[1])).toBeLessThanOrEqual(2 * UNIT_ROUNDOFF);
    // [[t, t], [t, −t]] ⊕ [1]: the blocks decouple exactly (a zero off-diagonal), so the small pair
    // ±√2·t is found by QL on the first block alone, where hypot's arguments are ~1e-160 (their
    // squares subnormal). (QL guarantees an error of order u·‖A‖ = u only; on this exact case, a
    // 2×2 block, it is accurate relative to t, and hypot's unscaled formula is off by ~1e-4·t.)
    const small = symmetricEigenvaluesOf(Float64Array.of(t, t, 0, t, -t, 0, 0, 0, 1), 3);
    expect(small[0]).toBe(1);
    expect(Math.abs(small[1] - Math.SQRT2 * t)).toBeLessThanOrEqual(16 * UNIT_ROUNDOFF * t);
    expect(Math.abs(small[2] + Math.SQRT2 * t)).toBeLessThanOrEqual(16 * UNIT_ROUNDOFF * t);
  });

  test('1×1: bisection returns the eigenvalue exactly', () => {
    // The Gershgorin bracket of [x] is [x, x], scaled to [±1, ±1] and widened symmetrically, so
    // the first bisection point is ±1 itself, which counts as below (a zero pivot counts negative):
    // the bracket's upper end stays ±1, and x = ±1·|x| is returned.
    for (const x of [3, -3, 0.1, -7e200, 2e-300]) expect(largestEigenvalueOf(Float64Array.of(x), 1)).toBe(x);
    // A single row or column: σ = ‖a‖ (here 5·(0.6, 0.8) with ‖·‖ exact).
    expect(smallestSingularValueOf(Float64Array.of(3, 4), 2, 1)).toBe(5);
    expect(smallestSingularValueOf(Float64Array.of(-3, 4), 1, 2)).toBe(5);
  });

  test('diagonal matrices: the largest eigenvalue first on the diagonal, zeros beside negative values', () => {
    const tol = (x: number) => 4 * UNIT_ROUNDOFF * Math.abs(x);
    expect(Math.abs(largestEigenvalueOf(Float64Array.of(5, 0, 0, 1), 2) - 5)).toBeLessThanOrEqual(tol(5));
    expect(Math.abs(largestEigenvalueOf(Float64Array.of(1, 0, 0, 5), 2) - 5)).toBeLessThanOrEqual(tol(5));
    expect(extremeEigenvaluesOf(Float64Array.of(0, 0, 0, -1), 2)).toEqual({ max: 0, min: -1 });
    expect(extremeEigenvaluesOf(Float64Array.of(0, 0, 0, 0, 2, 0, 0, 0, -1), 3)).toEqual({ max: 2, min: -1 });
    expect(extremeEigenvaluesOf(Float64Array.of(-1, 0, 0, 0), 2)).toEqual({ max: 0, min: -1 });
    // σ of diag(2, −3, 0.5) are 3, 2, 0.5: Golub–Kahan of a diagonal matrix is exact.
    expect(Math.abs(smallestSingularValueOf(Float64Array.of(2, 0, 0, 0, -3, 0, 0, 0, 0.5), 3, 3) - 0.5)).toBeLessThanOrEqual(tol(3));
  });

  test('empty matrices: ‖·‖_op = 0, σ_min = NaN, and the raw routines refuse them', () => {
    expect(opNorm(zeros(3, 0))).toBe(0);
    expect(opNorm(zeros(0, 3))).toBe(0);
    expect(sigmaMin(zeros(0, 3))).toBeNaN();
    expect(sigmaMin(zeros(3, 0))).toBeNaN();
    expect(() => smallestSingularValueOf(new Float64Array(0), 0, 3)).toThrow('σ_min of an empty matrix');
  });

  test('non-finite input: QL reports that it did not converge (it does not hang or return NaN)', () => {
    const nan = Float64Array.of(1, Number.NaN, Number.NaN, 2);
    expect(() => symmetricEigenvaluesOf(nan, 2)).toThrow('tridiagonal QL iteration did not converge');
    expect(() => extremeEigenvaluesOf(nan, 2)).toThrow('tridiagonal QL iteration did not converge');
    expect(() => singularValuesOf(Float64Array.of(1, Number.POSITIVE_INFINITY, 0, 1), 2, 2)).toThrow('did not converge');
  });

  test('fullSvd completes Φ with the basis vector outside the span, not the last one', () => {
    // Columns e₂, e₃ span the range of M, so the completion is ±e₁.
    const m = fromRows([
      [0, 0],
      [1, 0],
      [0, 2],
    ]);
    const { phi, sigma, psi } = fullSvd(m);
    expect(sigma).toEqual([2, 1]);
    const tol = relativeTolerance('identity', 3); // entries of size 1 and 2: the identity tolerance of order 3
    expect(orthogonalityDefect(phi)).toBeLessThanOrEqual(tol);
    expect(Math.abs(Math.abs(phi.data[2]) - 1)).toBeLessThanOrEqual(tol);
    expect(frobenius(sub(mul(mul(phi, diag(sigma, 3, 2)), transpose(psi)), m))).toBeLessThanOrEqual(2 * tol); // ‖M‖ = 2
  });
});

describe('scratch arrays', () => {
  test('a slot is reused for requests it can hold, grows for larger ones, and never hands out less than asked', () => {
    const slot = scratchSlot();
    const a = slot(10);
    expect(a.length).toBeGreaterThanOrEqual(10);
    expect(slot(10) === a).toBe(true);
    expect(slot(3) === a).toBe(true);
    expect(slot(11).length).toBeGreaterThanOrEqual(11);
    const big = slot(70_000); // above LIMIT = 2^16: a fresh array, not kept
    expect(big.length).toBeGreaterThanOrEqual(70_000);
    expect(slot(70_000) === big).toBe(false);
    expect(slot(5).length).toBeLessThan(70_000);
  });

  test.prop([fc.array(symmetricArb, { minLength: 1, maxLength: 2 }), fc.array(fc.constantFrom('nan', 'huge', 'big'), { minLength: 1, maxLength: 3 })])(
    'results do not depend on earlier calls (on larger, huge or NaN matrices)',
    (targets, before) => {
      for (const a of targets) {
        for (const kind of before) {
          const n = kind === 'big' ? 9 : a.rows + 1;
          const m = new Float64Array(n * n).map((_, i) => (kind === 'nan' ? Number.NaN : (kind === 'huge' ? 1e300 : 1) * Math.cos(i)));
          try {
            symmetricEigenvaluesOf(m, n);
          } catch {
            /* NaN: did not converge */
          }
          largestEigenvalueOf(m, n);
          try {
            singularValuesOf(m, n, n - 1);
          } catch {
            /* NaN */
          }
        }
        const n = a.rows;
        const want = mlEigenvalues(a);
        const tol = relativeTolerance('inequality', n) * frobenius(a);
        // Bisection first: QL resets the last off-diagonal scratch entry, which bisection must ignore.
        expect(Math.abs(largestEigenvalueOf(a.data, n) - want[0])).toBeLessThanOrEqual(tol);
        expectClose(symmetricEigenvaluesOf(a.data, n), want, tol);
        const { max, min } = extremeEigenvaluesOf(a.data, n);
        expect(Math.abs(max - want[0])).toBeLessThanOrEqual(tol);
        expect(Math.abs(min - want[n - 1])).toBeLessThanOrEqual(tol);
        expect(Math.abs(opNorm(a) - Math.max(Math.abs(want[0]), Math.abs(want[n - 1])))).toBeLessThanOrEqual(tol);
      }
    },
  );
});
