/**
 * The statistics and comparisons behind verdicts, at their edges: the binomial CDF outside
 * 0 < p < 1 and 0 ≤ k < n, the distribution-free quantile bound when only the largest order
 * statistic qualifies, the kind guards on non-claims, the matrix/number forms of `equal`, the
 * Richardson bound of the ODE tolerance, and a sabotage that leaves a claim's constants alone.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { equal } from '../../src/claims/compare.ts';
import { binomialCdf, isMonteCarloClaim, quantileUpperBound } from '../../src/claims/montecarlo.ts';
import { sabotagedVariant } from '../../src/claims/runner.ts';
import { odeRoundingScale, richardsonBound } from '../../src/claims/tolerance.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { fromRows } from '../../src/linalg/dense.ts';

describe('binomialCdf at its edges', () => {
  test('k < 0 gives 0 and k ≥ n gives 1 exactly, for every p (the sum would round away from 1)', () => {
    for (const p of [0, 0.3, 1]) expect(binomialCdf(-1, 5, p)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1); // the sum over all k is 0.9999999999999991 here
    expect(binomialCdf(11, 10, 0.3)).toBe(1);
  });
  test('p = 0: all mass at 0 (no 0·log 0 = NaN); k = 0 is (1 − p)ⁿ', () => {
    expect(binomialCdf(0, 5, 0)).toBe(1);
    expect(binomialCdf(2, 5, 0)).toBe(1);
    expect(binomialCdf(0, 5, 0.3)).toBeCloseTo(0.7 ** 5, 15);
    expect(binomialCdf(4, 5, 1)).toBe(0);
  });
});

test('quantileUpperBound: the largest order statistic when only it qualifies, +∞ when none does', () => {
  // n = 10, q = ½, α = 10⁻³: P(Bin ≤ 9) = 1 − 2⁻¹⁰ ≥ 1 − α, P(Bin ≤ 8) = 1 − 11·2⁻¹⁰ < 1 − α.
  const sorted = Array.from({ length: 10 }, (_, i) => i + 1);
  expect(quantileUpperBound(sorted, 0.5, 1e-3)).toBe(10);
  expect(quantileUpperBound(sorted.slice(0, 9), 0.5, 1e-3)).toBe(Number.POSITIVE_INFINITY);
});

test('isMonteCarloClaim is false (and does not throw) on anything but a probabilistic claim', () => {
  for (const v of [null, undefined, 'probabilistic', 3, { kind: 'probabilistic' }, { kind: 'identity', draw: 1 }]) expect(isMonteCarloClaim(v)).toBe(false);
  expect(isMonteCarloClaim({ kind: 'probabilistic', draw: () => 0 })).toBe(true);
});

test('isDeterministic: identity, inequality and trajectory claims, not probabilistic ones; they draw no figures', async () => {
  const { figuresOfClaim, isDeterministic } = await import('../../src/claims/dispatch.ts');
  const { findClaim } = await import('../../src/claims/registry.ts');
  const identity = await findClaim('yd21.eq-2-3.gd');
  const probabilistic = await findClaim('yd21.sec-3.1.init');
  expect(isDeterministic(identity!)).toBe(true);
  expect(isDeterministic(probabilistic!)).toBe(false);
  expect(figuresOfClaim(identity!)).toEqual([]);
});

test('equal: |l − r| for numbers, ‖L − R‖_F for matrices', () => {
  expect(equal('n', 3, 5, 1)).toEqual({ label: 'n', lhs: 2, rhs: 0, slack: -2, scale: 1, relation: '=' });
  expect(equal('m', fromRows([[1, 2]]), fromRows([[4, 6]]), 2)).toEqual({ label: 'm', lhs: 5, rhs: 0, slack: -5, scale: 2, relation: '=' });
});

test('richardsonBound: 2ᵖ/(2ᵖ − 1)·(coarse − fine); odeRoundingScale: steps × magnitude', () => {
  expect(richardsonBound(0.3, 4)).toBeCloseTo((16 / 15) * 0.3, 15);
  expect(richardsonBound(0.3, 2)).toBeCloseTo((4 / 3) * 0.3, 15);
  expect(odeRoundingScale(200, 1.5)).toBe(300);
});

test('a sabotage without constants leaves the claim’s constants as printed', () => {
  const claim = defineClaim<number>({
    id: 'yd21.edge-constants',
    source: { paper: 'YD21', where: 'test' },
    kind: 'inequality',
    statement: 'x ≤ C',
    hypotheses: [],
    instances: fc.constant(1),
    size: () => 1,
    constants: { C: { printed: () => 2, formula: 'C = 2' } },
    check: (x, c) => [{ label: 'x ≤ C', lhs: x, rhs: c.C, slack: c.C - x, scale: 1 }],
    expected: 'holds',
    sabotage: { description: 'x ≤ C − 3', check: (x, c) => [{ label: 'x ≤ C − 3', lhs: x, rhs: c.C - 3, slack: c.C - 3 - x, scale: 1 }] },
  });
  const s = sabotagedVariant(claim);
  expect(s.constants!.C.printed(1)).toBe(2);
  expect(s.constants!.C.formula).toBe('C = 2');
});
