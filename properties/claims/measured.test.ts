/**
 * The magnitude model (src/claims/measured.ts): its rules on planted cases, and Higham's
 * componentwise bound on random instances — a formula's double value differs from its exact rational
 * value by at most the identity tolerance times its computed magnitude, entrywise, while a sabotaged
 * formula's double value differs from the true formula's exact value by more; the analytic operations of a
 * bound (boundOps) on planted cases, and their magnitudes against Weyl, Mirsky and the first-order inverse.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { boundComparison, boundOps, exactInput, exactScalar, magnitudeOps as M, type Measured, residualComparisons } from '../../src/claims/measured.ts';
import { normalisedMargin } from '../../src/claims/compare.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { algebra, type XMat } from '../../src/exact/matrix.ts';
import { Q, type Rational, rational } from '../../src/exact/rational.ts';
import { deriveExact, gdStepExact, pUpdateExact, quadraticSlopeMatrix, quadraticSlopeOf } from '../../src/exact/states.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { add, frobenius, fromRows, type Mat, mul, toRows, transpose } from '../../src/linalg/dense.ts';
import { inverse, lambdaMax, lambdaMin, opNorm, sigmaMin } from '../../src/linalg/spectral.ts';

const m = (rows: number[][]) => exactInput(fromRows(rows));
const rowsOf = (x: Measured) => ({ value: toRows(x.value), magnitude: toRows(x.magnitude) });

describe('rules', () => {
  const a = m([[1, -2]]);
  const b = m([[3, 4]]);
  test('a ± b ↦ |a| + |b|, and a constant or input c ↦ |c|', () => {
    expect(rowsOf(M.add(a, b))).toEqual({ value: [[4, 2]], magnitude: [[4, 6]] });
    expect(rowsOf(M.sub(a, b))).toEqual({ value: [[-2, -6]], magnitude: [[4, 6]] });
    expect(M.int(-3)).toEqual({ value: -3, magnitude: 3 });
    expect(M.ratio(-1, 2)).toEqual({ value: -0.5, magnitude: 0.5 });
    expect(rowsOf(M.eye(2))).toEqual({
      value: [
        [1, 0],
        [0, 1],
      ],
      magnitude: [
        [1, 0],
        [0, 1],
      ],
    });
  });
  test('ab ↦ |a||b| as a matrix product, Xᵀ ↦ |X|ᵀ, cX ↦ |c||X|', () => {
    expect(rowsOf(M.mul(a, M.tr(b)))).toEqual({ value: [[-5]], magnitude: [[11]] });
    expect(rowsOf(M.tr(a))).toEqual({ value: [[1], [-2]], magnitude: [[1], [2]] });
    expect(rowsOf(M.scale(M.int(-2), a))).toEqual({ value: [[-2, 4]], magnitude: [[2, 4]] });
    expect(rowsOf(M.combine([M.int(1), a], [M.int(-1), b]))).toEqual({ value: [[-2, -6]], magnitude: [[4, 6]] });
  });
  test('⟨X, Y⟩ ↦ ⟨|X|, |Y|⟩, ‖X‖² ↦ Σ|x|², tr X ↦ tr|X|, scalar products and sums', () => {
    expect(M.inner(a, b)).toEqual({ value: -5, magnitude: 11 });
    expect(M.frob2(M.sub(a, b))).toEqual({ value: 40, magnitude: 52 });
    expect(
      M.trace(
        m([
          [1, 5],
          [7, -2],
        ]),
      ),
    ).toEqual({ value: -1, magnitude: 3 });
    expect(M.F.mul(exactScalar(-2), M.F.sub(exactScalar(1), exactScalar(3)))).toEqual({ value: 4, magnitude: 8 });
  });
  test('a/b ↦ |a|·|b|/b² (the product rule through 1/b), without underflow for |b| below 10⁻¹⁵⁴', () => {
    expect(M.F.div({ value: 6, magnitude: 8 }, { value: -2, magnitude: 3 })).toEqual({ value: -3, magnitude: 6 });
    expect(M.F.div({ value: 1e-170, magnitude: 1e-170 }, { value: 1e-170, magnitude: 1e-170 })).toEqual({ value: 1, magnitude: 1 });
  });
  test('a residual is compared with its magnitude as the scale: ‖|X|‖_F for a matrix, |x| for a scalar', () => {
    const [matrix, scalar] = residualComparisons({ X: M.sub(a, b), x: M.inner(a, b) });
    expect(matrix).toMatchObject({ label: 'X', lhs: Math.sqrt(40), rhs: 0, scale: Math.sqrt(52), relation: '=' });
    expect(scalar).toMatchObject({ label: 'x', lhs: 5, rhs: 0, scale: 11, relation: '=' });
  });
});

/** A double as the exact rational it is (x·2^k is an integer for some k ≤ 1074). */
function exactRational(x: number): Rational {
  let k = 0;
  let y = x;
  while (!Number.isInteger(y)) {
    y *= 2;
    k++;
  }
  return rational(BigInt(y), 2n ** BigInt(k));
}

const toNumber = (r: Rational) => Number(r.num) / Number(r.den);
const X = algebra(Q);
const exactOf = (a: Mat): XMat<Rational> => X.make(a.rows, a.cols, (i, j) => exactRational(a.data[i * a.cols + j]));

/** YD21 (12) corrected, through one step: P₊ − (the update); `dropCubic` is a sabotage. */
function formula<Mt, S>(A: MatrixOps<Mt, S>, inputs: { Sigma: Mt; U: Mt; V: Mt; J: Mt; K: Mt; eta: S }, dropCubic: boolean) {
  const before = deriveExact(A, inputs.Sigma, inputs);
  return { next: gdStepExact(A, inputs.Sigma, inputs.U, inputs.V, inputs.eta).U, update: pUpdateExact(A, inputs.Sigma, before, inputs.eta, -1, !dropCubic) };
}

/** Doubles in [−2, 2] with 21-bit significands: products of a few of them round, and their exact values stay small rationals. */
const grid = (min: number, max: number) => fc.integer({ min: Math.ceil(min * 2 ** 19), max: Math.floor(max * 2 ** 19) }).map((i) => i / 2 ** 19);
const matrix = (rows: number, cols: number) =>
  fc.array(grid(-2, 2), { minLength: rows * cols, maxLength: rows * cols }).map((data) => ({ rows, cols, data: Float64Array.from(data) }));
const instance = fc
  .integer({ min: 1, max: 3 })
  .chain((d) =>
    fc.record({ d: fc.constant(d), Sigma: matrix(d, d), U: matrix(d, d), V: matrix(d, d), J: matrix(2, d), K: matrix(1, d), eta: grid(0.01, 0.5) }),
  );

describe("Higham's componentwise bound on random instances", () => {
  test('|double − exact| ≤ 16γ_n·magnitude entrywise (the identity tolerance), for a step and the P update', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const measured = formula(
          M,
          { Sigma: exactInput(x.Sigma), U: exactInput(x.U), V: exactInput(x.V), J: exactInput(x.J), K: exactInput(x.K), eta: exactScalar(x.eta) },
          false,
        );
        const exact = formula(
          X,
          { Sigma: exactOf(x.Sigma), U: exactOf(x.U), V: exactOf(x.V), J: exactOf(x.J), K: exactOf(x.K), eta: exactRational(x.eta) },
          false,
        );
        const tol = relativeTolerance('identity', x.d + 2);
        for (const key of ['next', 'update'] as const)
          measured[key].value.data.forEach((v, i) => {
            const error = Math.abs(toNumber(Q.sub(exactRational(v), exact[key].data[i])));
            expect(error).toBeLessThanOrEqual(tol * measured[key].magnitude.data[i]);
          });
      }),
      { numRuns: 100 },
    );
  });

  test('a sabotaged formula (η²(P³ − PΣP) dropped) differs from the exact value by more than that, where the dropped term is not tiny', () => {
    let seen = 0;
    fc.assert(
      fc.property(instance, (x) => {
        const inputs = { Sigma: exactInput(x.Sigma), U: exactInput(x.U), V: exactInput(x.V), J: exactInput(x.J), K: exactInput(x.K), eta: exactScalar(x.eta) };
        const sabotaged = formula(M, inputs, true).update;
        const exact = formula(
          X,
          { Sigma: exactOf(x.Sigma), U: exactOf(x.U), V: exactOf(x.V), J: exactOf(x.J), K: exactOf(x.K), eta: exactRational(x.eta) },
          false,
        ).update;
        const tol = relativeTolerance('identity', x.d + 2);
        const excess = sabotaged.value.data.map((v, i) => Math.abs(toNumber(Q.sub(exactRational(v), exact.data[i]))) - tol * sabotaged.magnitude.data[i]);
        const P = deriveExact(M, inputs.Sigma, inputs).P;
        const cubic = M.scale(M.F.mul(inputs.eta, inputs.eta), M.sub(M.mul(P, P, P), M.mul(P, inputs.Sigma, P)));
        // The sabotage is visible where the dropped term exceeds the rounding allowance tenfold.
        if (cubic.value.data.some((c, i) => Math.abs(c) > 10 * tol * sabotaged.magnitude.data[i])) {
          seen++;
          expect(Math.max(...excess)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
    expect(seen).toBeGreaterThan(50);
  });
});

describe('the slope at 0 of a quadratic, (4g(h) − g(2h) − 3g(0))/(2h), written once (src/exact/states.ts)', () => {
  test.each([0.25, 1, undefined])('recovers a of g₀ + aη + bη² exactly (h = %s, a power of two; absent: 1)', (h) => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), (g0, a, b) => {
        const step = h ?? 1;
        const g = (t: number) => exactScalar(g0 + a * t + b * t * t);
        expect(quadraticSlopeOf(M, g(0), g(step), g(2 * step), h === undefined ? undefined : exactScalar(h)).value).toBe(a);
      }),
    );
  });
  test('on matrices it is entrywise, and the magnitudes of g(0), g(h), g(2h) combine as (4e(h) + e(2h) + 3e(0))/(2h)', () => {
    // g(η) = g₀ + aη + bη² entrywise with a = (1, −2), b = (3, 5), g₀ = (0, 7), h = 0.25 (2h ≠ 1).
    const g = (t: number) => m([[0 + 1 * t + 3 * t * t, 7 - 2 * t + 5 * t * t]]);
    expect(toRows(quadraticSlopeMatrix(M, g(0), g(0.25), g(0.5), exactScalar(0.25)).value)).toEqual([[1, -2]]);
    const e = (value: number, magnitude: number) => ({ value, magnitude });
    expect(quadraticSlopeOf(M, e(1, 2), e(2, 2), e(4, 4), exactScalar(0.25)).magnitude).toBe((8 + 4 + 6) / 0.5);
  });
});

describe('the analytic operations of a bound (boundOps)', () => {
  const B = boundOps(1e-10);
  const x = m([
    [3, -4],
    [-4, 1],
  ]);
  test('‖X‖_F, ‖X‖_op, λ_min, λ_max, σ_min: the value, with magnitude ‖|X|‖_F of the magnitude of X', () => {
    const twice = B.add(x, x); // magnitude 2|X|: what was added to form it
    for (const [op, f] of [
      [B.frob, frobenius],
      [B.opNorm, opNorm],
      [B.lambdaMin, lambdaMin],
      [B.lambdaMax, lambdaMax],
      [B.sigmaMin, sigmaMin],
    ] as const)
      expect(op(twice)).toEqual({ value: f(add(x.value, x.value)), magnitude: 2 * Math.sqrt(42) });
  });
  test('√a: |a|/(2√a) above the corner; below tol·|a|, √(2·tol·|a|)/tol, a slightly negative a read as 0, a negative one NaN', () => {
    expect(B.sqrt({ value: 4, magnitude: 8 })).toEqual({ value: 2, magnitude: 2 });
    expect(B.sqrt({ value: 1e-10, magnitude: 2 })).toEqual({ value: 1e-5, magnitude: Math.sqrt(2 * 2e-10) / 1e-10 });
    expect(B.sqrt({ value: -1e-10, magnitude: 2 }).value).toBe(0);
    expect(B.sqrt({ value: -1, magnitude: 2 }).value).toBeNaN();
  });
  test('X⁻¹ ↦ |X⁻¹|·|X|·|X⁻¹|; |a| keeps the magnitude; constants and inputs are exact', () => {
    const inv = B.inverse(x);
    const abs = (a: Mat) => ({ ...a, data: a.data.map(Math.abs) });
    expect(toRows(inv.value)).toEqual(toRows(inverse(x.value)));
    expect(toRows(inv.magnitude)).toEqual(toRows(mul(mul(abs(inv.value), x.magnitude), abs(inv.value))));
    expect(B.abs({ value: -3, magnitude: 5 })).toEqual({ value: 3, magnitude: 5 });
    expect(B.constant(-0.5)).toEqual({ value: -0.5, magnitude: 0.5 });
    expect(toRows(B.input(x.value).magnitude)).toEqual([
      [3, 4],
      [4, 1],
    ]);
  });
  test('a product or quotient that underflows is not exact: each term adds 2⁻¹⁰²² to the magnitude', () => {
    const tiny = exactScalar(1e-200);
    expect(M.F.mul(tiny, tiny)).toEqual({ value: 0, magnitude: 2 ** -1022 });
    expect(M.F.div(tiny, exactScalar(1e200))).toEqual({ value: 0, magnitude: 2 ** -1022 });
    const A = exactInput(fromRows([[1e-200, 1e-200]]));
    expect(M.inner(A, A)).toEqual({ value: 0, magnitude: 2 * 2 ** -1022 });
    expect(toRows(M.mul(A, M.tr(A)).magnitude)).toEqual([[2 * 2 ** -1022]]);
    // above 10⁻²⁹⁰ the term vanishes in rounding
    expect(M.F.mul(exactScalar(1e-140), exactScalar(1e-140)).magnitude).toBe(1e-140 * 1e-140);
  });
  test('‖A‖ ≤ √‖AAᵀ‖ at A = 10⁻³²³ (AAᵀ underflows to 0): passes, as it must; ‖A‖ ≤ ½√‖AAᵀ‖ at A = 10⁻¹⁵⁰ fails', () => {
    const tol = 2e-14;
    const T = boundOps(tol);
    const holds = (a: number, c: number) => {
      const A = T.input(fromRows([[a]]));
      const comparison = boundComparison('‖A‖ ≤ c√‖AAᵀ‖', T.opNorm(A), '≤', T.F.mul(T.constant(c), T.sqrt(T.opNorm(T.mul(A, T.tr(A))))));
      return normalisedMargin(comparison) >= -tol; // the runner's test (src/claims/runner.ts, evaluate)
    };
    expect(holds(1e-323, 1)).toBe(true);
    expect(holds(1e-150, 1)).toBe(true);
    expect(holds(1e-150, 0.5)).toBe(false);
  });
  test('a bound compares its sides with the sum of their magnitudes as the scale', () => {
    expect(boundComparison('a ≤ b', { value: 1, magnitude: 2 }, '≤', { value: 3, magnitude: 5 })).toMatchObject({
      lhs: 1,
      rhs: 3,
      slack: 2,
      scale: 7,
      relation: '≤',
    });
    expect(boundComparison('a ≥ b', { value: 1, magnitude: 2 }, '≥', { value: 3, magnitude: 5 })).toMatchObject({ slack: -2, scale: 7, relation: '≥' });
  });

  // Weyl and Mirsky, and the first-order inverse: a perturbation E with |E| ≤ τ|X| entrywise moves each
  // operation's value by at most τ times its magnitude (the inverse to first order: 2τ covers the rest at τ ≤ 10⁻⁶).
  const perturbed = (d: number) =>
    fc.record({
      a: fc.array(grid(-2, 2), { minLength: d * d, maxLength: d * d }),
      e: fc.array(grid(-1, 1), { minLength: d * d, maxLength: d * d }),
    });
  test('|f(X + E) − f(X)| ≤ τ·magnitude for ‖·‖_F, ‖·‖_op, σ_min, and λ_min, λ_max of symmetric X, E', () => {
    const tau = 1e-6;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((d) => perturbed(d).map((p) => ({ d, ...p }))),
        ({ d, a, e }) => {
          const X0 = { rows: d, cols: d, data: Float64Array.from(a) };
          const X = add(X0, transpose(X0));
          const E = { rows: d, cols: d, data: X.data.map((v, i) => tau * Math.abs(v) * e[i]) };
          const Es = { rows: d, cols: d, data: add(E, transpose(E)).data.map((v) => v / 2) };
          const measured = exactInput(X);
          for (const [op, f, P] of [
            [B.frob, frobenius, E],
            [B.opNorm, opNorm, E],
            [B.sigmaMin, sigmaMin, E],
            [B.lambdaMin, lambdaMin, Es],
            [B.lambdaMax, lambdaMax, Es],
          ] as const) {
            const moved = Math.abs(f(add(X, P)) - f(X));
            expect(moved).toBeLessThanOrEqual(tau * op(measured).magnitude * (1 + 1e-9) + 1e-15);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
  test('|(X + E)⁻¹ − X⁻¹| ≤ 2τ·|X⁻¹||X||X⁻¹| entrywise for well-conditioned X', () => {
    const tau = 1e-9;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((d) => perturbed(d).map((p) => ({ d, ...p }))),
        ({ d, a, e }) => {
          // X = 10I + (entries in [−2, 2]): diagonally dominant for d ≤ 4, so invertible and well conditioned.
          const X = { rows: d, cols: d, data: Float64Array.from(a, (v, i) => (i % (d + 1) === 0 ? 10 + v : v)) };
          const E = { rows: d, cols: d, data: X.data.map((v, i) => tau * Math.abs(v) * e[i]) };
          const measured = B.inverse(exactInput(X));
          const moved = inverse(add(X, E)).data.map((v, i) => Math.abs(v - measured.value.data[i]));
          moved.forEach((v, i) => {
            expect(v).toBeLessThanOrEqual(2 * tau * measured.magnitude.data[i] + 1e-15);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('norms of matrices near the ends of the double range (rescaled by a power of two)', () => {
  const O = boundOps(0);
  test.each([2 ** -520, 1e-160, 2 ** -1070, 1e300])(
    'X = c·[[3, 4]] with c = %d: ‖X‖_F, ‖X‖ and σᵢ are 5c, the magnitude ‖|X|‖_F is 5c, the residual size 5c',
    (c) => {
      const X = m([[3 * c, 4 * c]]);
      for (const s of [O.frob(X), O.opNorm(X), O.singularValues(X)[0]]) {
        expect(s.value / c).toBeCloseTo(5, 12);
        expect(s.magnitude / c).toBeCloseTo(5, 12);
      }
      const [r] = residualComparisons({ r: X });
      expect(r.lhs / c).toBeCloseTo(5, 12);
      expect(r.scale / c).toBeCloseTo(5, 12);
    },
  );
  test('inside [2⁻³⁰⁰, 2³⁰⁰] the matrix is used as it is (bit-identical to the routine on X)', () => {
    const X = m([
      [0.1, 0.7],
      [0.3, -0.2],
    ]);
    expect(O.opNorm(X).value).toBe(opNorm(X.value));
    expect(O.frob(X).value).toBe(frobenius(X.value));
  });
});
