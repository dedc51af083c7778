/**
 * Issue #9: exact-rational certificates and high-precision re-checks.
 *  - the rational field satisfies the field axioms (property tests on random rationals);
 *  - the degree-bound field and the Schwartz–Zippel bound are computed right;
 *  - a planted false identity (one coefficient changed) is refuted exactly, with a shrunk rational
 *    counterexample, while the true one is certified;
 *  - a planted rounding-only "violation" of a true inequality is overturned by the 60-digit re-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certifyExact } from '../../src/exact/certify.ts';
import { DEG } from '../../src/exact/degree.ts';
import { Decimal, exactDecimal, H, singularValuesHP, symmetricEigenvalues } from '../../src/exact/decimal.ts';
import type { ExactForm } from '../../src/exact/form.ts';
import { algebra } from '../../src/exact/matrix.ts';
import { Q, type Rational, rational } from '../../src/exact/rational.ts';
import { entries, ZERO_PADDING } from '../../src/exact/states.ts';
import { atLeast } from '../../src/claims/compare.ts';
import { rigorous } from '../../src/claims/rigorous.ts';
import { runClaim } from '../../src/claims/runner.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { eq12 } from '../../lemmas/yd21/eq-12.p-update.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';

const rat: fc.Arbitrary<Rational> = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
  .map(([p, q]) => rational(p, q));
const eq = (a: Rational, b: Rational) => a.num === b.num && a.den === b.den;

describe('exact rationals: field axioms', () => {
  it('+ and × are associative and commutative, × distributes over +', () =>
    fc.assert(
      fc.property(rat, rat, rat, (a, b, c) => {
        expect(eq(Q.add(Q.add(a, b), c), Q.add(a, Q.add(b, c)))).toBe(true);
        expect(eq(Q.mul(Q.mul(a, b), c), Q.mul(a, Q.mul(b, c)))).toBe(true);
        expect(eq(Q.add(a, b), Q.add(b, a))).toBe(true);
        expect(eq(Q.mul(a, b), Q.mul(b, a))).toBe(true);
        expect(eq(Q.mul(a, Q.add(b, c)), Q.add(Q.mul(a, b), Q.mul(a, c)))).toBe(true);
      }),
    ));
  it('identities, inverses, lowest terms', () =>
    fc.assert(
      fc.property(rat, (a) => {
        expect(eq(Q.add(a, Q.zero), a)).toBe(true);
        expect(eq(Q.mul(a, Q.one), a)).toBe(true);
        expect(Q.isZero(Q.add(a, Q.neg(a)))).toBe(true);
        expect(Q.isZero(Q.sub(a, a))).toBe(true);
        if (!Q.isZero(a)) expect(eq(Q.mul(a, Q.div(Q.one, a)), Q.one)).toBe(true);
        expect(a.den > 0n).toBe(true);
      }),
    ));
  it('division by an exact zero throws', () => expect(() => Q.div(Q.one, Q.zero)).toThrow(/zero/));
});

describe('exact matrices', () => {
  it('Gauss–Jordan inverse is exact', () => {
    const A = algebra(Q);
    const M = A.make(3, 3, (i, j) =>
      Q.fromInt(
        [
          [2, 1, 0],
          [1, 3, 1],
          [0, 1, 4],
        ][i][j],
      ),
    );
    expect(A.mul(M, A.inverse(M)).data.every((x, k) => eq(x, k % 4 === 0 ? Q.one : Q.zero))).toBe(true);
  });
});

describe('degree bounds (Schwartz–Zippel D)', () => {
  it('are the total degree of polynomial expressions', () => {
    const x = { n: 1, d: 0 };
    const A = algebra(DEG);
    // (x·x + x)·x − 3: degree 3; a zero coefficient contributes nothing.
    expect(DEG.sub(DEG.mul(DEG.add(DEG.mul(x, x), x), x), DEG.fromInt(3))).toEqual({ n: 3, d: 0 });
    expect(DEG.mul(DEG.zero, x)).toEqual(DEG.zero);
    // A 2×2 product of matrices of degree-1 entries: degree 2; a trace of a triple product: 3.
    const X = A.make(2, 2, () => x);
    expect(A.trace(A.mul(X, X, X))).toEqual({ n: 3, d: 0 });
  });
  it('bound rational functions through quotients and inverses', () => {
    const x = { n: 1, d: 0 };
    expect(DEG.div(x, DEG.add(x, DEG.one))).toEqual({ n: 1, d: 1 });
    const A = algebra(DEG);
    // Inverse of a 2×2 matrix of degree-1 entries: adj has degree 1, det degree 2.
    expect(A.inverse(A.make(2, 2, () => x)).data[0]).toEqual({ n: 1, d: 2 });
  });
});

/** (X + Y)² = X² + XY + YX + cY² for square integer X, Y: true for c = 1, false otherwise. */
function squareForm(c: number): ExactForm<{ n: number }> {
  return {
    instances: 'X, Y square with integer entries',
    dims: fc.record({ n: fc.integer({ min: 1, max: 3 }) }),
    certifyAt: [{ n: 3 }],
    coverage: ZERO_PADDING,
    degree: { bound: 2, derivation: 'products of two matrices' },
    evaluate: (A, { n }, v) => {
      const [X, Y] = [entries(A, n, n, v), entries(A, n, n, v)];
      const S = A.add(X, Y);
      const rhs = A.combine([A.F.one, A.mul(X, X)], [A.F.one, A.mul(X, Y)], [A.F.one, A.mul(Y, X)], [A.int(c), A.mul(Y, Y)]);
      return { instance: { X, Y }, residuals: { '(X+Y)² − rhs': A.sub(A.mul(S, S), rhs) } };
    },
  };
}

describe('exact certificates', () => {
  it('certify a true identity with error probability (D/N)^k', () => {
    const r = certifyExact(squareForm(1), 1);
    expect(r.verdict).toBe('certified');
    if (r.verdict !== 'certified') return;
    expect(r.certificate.degree).toBe(2);
    expect(r.certificate.setSize).toBe(2001);
    expect(r.certificate.points).toBe(8);
    expect(r.certificate.errorProbability).toBeCloseTo((2 / 2001) ** 8, 30);
  });
  it('refute a planted false identity (one coefficient changed) with a shrunk exact counterexample', () => {
    const r = certifyExact(squareForm(2), 1);
    expect(r.verdict).toBe('refuted');
    if (r.verdict !== 'refuted') return;
    const cx = r.counterexample;
    // Shrunk to 1×1 and to Y = ±1: the residual is −Y² = −1 (X is irrelevant and shrinks to 0).
    expect(cx.dims).toEqual({ n: 1 });
    expect(cx.instance).toEqual({ X: [['0']], Y: [[cx.instance.Y[0][0]]] });
    expect(['1', '-1']).toContain((cx.instance.Y as string[][])[0][0]);
    expect(cx.nonzero).toEqual({ '(X+Y)² − rhs': [['-1']] });
  });
  it('refute a printed erratum of the catalog exactly and certify its correction (YD21 (12))', () => {
    const printed = rigorous(eq12, runClaim(eq12));
    expect(printed.rigor).toBe('certified');
    expect(printed.verdict).toBe('refuted');
    expect(Object.keys(printed.exactCounterexample!.nonzero)).toEqual(['(12): P_{t+1} − printed']);
  });
});

describe('high-precision re-check', () => {
  it('a double enters exactly: 0.1 is 0.1000000000000000055511151231257827021181583404541015625, not 0.1; subnormals and large integers too', () => {
    expect(exactDecimal(0.1).toFixed()).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDecimal(-0.1).toFixed()).toBe('-0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDecimal(2 ** 60).toFixed()).toBe('1152921504606846976');
    expect(exactDecimal(5e-324).toFixed()).toBe(`0.${(5n ** 1074n).toString().padStart(1074, '0')}`); // 2⁻¹⁰⁷⁴ = 5¹⁰⁷⁴/10¹⁰⁷⁴
    expect(exactDecimal(0).isZero() && exactDecimal(3).eq(3)).toBe(true);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        // The exact value rounds back to x.
        expect(exactDecimal(x).toNumber()).toBe(x);
      }),
    );
  });
  it('Jacobi eigenvalues and singular values to 50+ digits', () => {
    const S = H.make(
      3,
      3,
      (i, j) =>
        new Decimal(
          [
            [2, 1, 0],
            [1, 3, 1],
            [0, 1, 4],
          ][i][j],
        ),
    );
    const [l1, l2, l3] = symmetricEigenvalues(S);
    const r3 = new Decimal(3).sqrt();
    expect(l1.minus(r3.plus(3)).abs().lt('1e-50')).toBe(true);
    expect(l2.minus(3).abs().lt('1e-50')).toBe(true);
    expect(l3.minus(new Decimal(3).minus(r3)).abs().lt('1e-50')).toBe(true);
    const s = singularValuesHP(H.make(1, 2, (_, j) => new Decimal([3, 4][j])));
    expect(s[0].minus(5).abs().lt('1e-50')).toBe(true);
  });

  // A true inequality (a + b) − a ≥ b for a ∈ [1, 2], b = a·2⁻⁶⁰, whose floating-point evaluation
  // loses b entirely ((a + b) − a = 0 in doubles) and, with a scale that counts only b, fails far
  // beyond its tolerance: a rounding-only "violation".
  const planted = defineClaim<{ a: number; b: number }>({
    id: 'jcd.planted-rounding-only',
    source: { paper: 'JCD', where: 'test' },
    kind: 'inequality',
    statement: '(a + b) − a ≥ b',
    hypotheses: [hypothesis<{ a: number; b: number }>('a-b', 'a ∈ [1, 2], b = a·2⁻⁶⁰', (x) => x.a >= 1 && x.a <= 2 && x.b === x.a * 2 ** -60)],
    instances: fc.integer({ min: 0, max: 1024 }).map((k) => ({ a: 1 + k / 1024, b: (1 + k / 1024) * 2 ** -60 })),
    size: () => 1,
    check: (x) => [atLeast('(a + b) − a ≥ b', x.a + x.b - x.a, x.b, x.b)],
    highPrecision: {
      method: 'the same expression in 60 digits',
      slack: (x) => [new Decimal(x.a).plus(x.b).minus(x.a).minus(x.b)],
    },
    expected: 'holds',
    sabotage: { description: 'none', check: () => [] },
    runs: 50,
  });

  it('overturns a planted rounding-only violation', () => {
    const floatRecord = runClaim(planted);
    expect(floatRecord.verdict).toBe('refuted');
    const r = rigorous(planted, floatRecord);
    expect(r.rigor).toBe('high-precision');
    expect(r.verdict).toBe('holds');
    expect(r.floatVerdict).toBe('refuted');
    const worst = r.highPrecision!.rechecked[0];
    expect(worst.floatMargin).toBeLessThan(-0.5);
    expect(worst.highPrecisionMargin).toBe(0);
  });

  it('keeps a genuine violation refuted', () => {
    const genuine = { ...planted, id: 'jcd.planted-genuine', highPrecision: { method: 'test', slack: () => [new Decimal(-1)] } };
    const r = rigorous(genuine, runClaim(genuine));
    expect(r.rigor).toBe('high-precision');
    expect(r.verdict).toBe('refuted');
  });
});

describe('every identity of the catalog in exact arithmetic', async () => {
  const { loadClaims } = await import('../../src/claims/registry.ts');
  const { isDeterministic } = await import('../../src/claims/dispatch.ts');
  const { isExactSkip } = await import('../../src/exact/form.ts');
  const identities = (await loadClaims()).filter((c) => isDeterministic(c) && c.kind === 'identity');

  it.each(identities.map((c) => [c.id, c] as const))('%s: exact verdict as expected, sabotage refuted exactly, or a recorded reason', (_id, claim) => {
    const spec = (claim as { exact?: import('../../src/exact/form.ts').ExactSpec }).exact;
    expect(spec, 'an identity claim needs an exact form or a reason why it has none').toBeDefined();
    if (isExactSkip(spec!)) {
      expect(spec!.skip.length).toBeGreaterThan(20);
      return;
    }
    const r = certifyExact(spec!, 11);
    expect(r.verdict).toBe(claim.expected === 'holds' ? 'certified' : 'refuted');
    if (r.verdict === 'certified') {
      expect(r.certificate.errorProbability).toBeLessThan(1e-12);
      // Where the claim derives D by hand, the mechanical bound agrees.
      if (r.certificate.degreeByHand !== undefined) expect(r.certificate.degree).toBe(r.certificate.degreeByHand);
    }
    expect(certifyExact(spec!, 11, true).verdict).toBe('refuted');
  });
});
