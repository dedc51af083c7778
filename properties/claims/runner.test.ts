/**
 * The claim runner on planted claims: a false identity is refuted with a replayable shrunk
 * counterexample, a rounding-level discrepancy is not, and broken checks give `error` or `vacuous`,
 * never `holds`.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { atMost, equal } from '../../src/claims/compare.ts';
import { claimSeed } from '../../src/claims/record.ts';
import { runClaim, sabotagedVariant } from '../../src/claims/runner.ts';
import { UNIT_ROUNDOFF } from '../../src/claims/tolerance.ts';
import { type Claim, defineClaim } from '../../src/claims/types.ts';
import { inRange } from '../../src/random/arbitraries.ts';

type X = { a: number; b: number };

function planted(check: Claim<X>['check'], expected: Claim<X>['expected'] = 'holds'): Claim<X> {
  return {
    id: 'yd21.planted',
    source: { paper: 'YD21', where: 'test' },
    kind: 'identity',
    statement: '(a + b)² = a² + 2ab + b²',
    hypotheses: [],
    instances: fc.record({ a: inRange(-2, 2), b: inRange(-2, 2) }),
    size: () => 1,
    check,
    expected,
    sabotage: { description: 'cross term dropped', check: ({ a, b }) => [equal('(a+b)²', (a + b) ** 2, a * a + b * b, (Math.abs(a) + Math.abs(b)) ** 2)] },
  };
}

const binomial = planted(({ a, b }) => [equal('(a+b)²', (a + b) ** 2, a * a + 2 * a * b + b * b, (Math.abs(a) + Math.abs(b)) ** 2)]);

test('a true identity holds; its sabotage (a dropped term) is refuted with a shrunk counterexample', () => {
  expect(runClaim(binomial).verdict).toBe('holds');
  const r = runClaim(sabotagedVariant(binomial));
  expect(r.verdict).toBe('refuted');
  expect(r.id).toBe('yd21.planted~sabotaged');
  const x = r.counterexample!.instance as X;
  // Shrinking goes towards a = b = −2 (the lower edge of the range), keeping ab ≠ 0.
  expect(x.a * x.b).not.toBe(0);
  expect(r.replay).toMatch(/check yd21\.planted --sabotaged --seed 2021 --path \d/);
  expect(r.counterexample!.failing[0].grades).toEqual({ '1e-12': 'fails', '1e-9': 'fails', '1e-6': 'fails' });
});

test('a rounding-level discrepancy (a few ulps of the scale) passes; a 1e-8 relative one does not', () => {
  const off = (rel: number) => planted(({ a, b }) => [equal('x', 1 + a * b * 0, 1 + rel, 1)]);
  expect(runClaim(off(4 * UNIT_ROUNDOFF)).verdict).toBe('holds');
  const r = runClaim(off(1e-8));
  expect(r.verdict).toBe('refuted');
  expect(r.counterexample!.failing[0].grades).toEqual({ '1e-12': 'fails', '1e-9': 'fails', '1e-6': 'passes' });
});

test('a non-finite value is an error, never holds', () => {
  const r = runClaim(planted(({ a }) => [atMost('NaN', Number.NaN, a, 1)]));
  expect(r.verdict).toBe('error');
  expect(r.error).toMatch(/non-finite value in 'NaN'/);
});

test('an exception in a check is an error with its message', () => {
  const r = runClaim(
    planted(() => {
      throw new Error('singular matrix');
    }),
  );
  expect(r.verdict).toBe('error');
  expect(r.error).toMatch(/singular matrix/);
});

test('a check whose hypotheses never apply is vacuous, not holds; so is a run of zero instances', () => {
  expect(runClaim(planted(() => [])).verdict).toBe('vacuous');
  expect(runClaim(binomial, { runs: 0 }).verdict).toBe('vacuous');
});

test('each claim has its own seed, fixed by the global seed and its id', () => {
  expect(claimSeed(2021, 'yd21.lemma-3.2')).toBe(claimSeed(2021, 'yd21.lemma-3.2'));
  expect(claimSeed(2021, 'yd21.lemma-3.2')).not.toBe(claimSeed(2022, 'yd21.lemma-3.2'));
  expect(claimSeed(2021, 'yd21.lemma-3.2')).not.toBe(claimSeed(2021, 'yd21.lemma-3.3'));
  expect(runClaim(binomial, { seed: 7 }).seed).toBe(claimSeed(7, 'yd21.planted'));
});

test('a claim expected refuted must carry an erratum and a corrected sibling', () => {
  expect(() => defineClaim({ ...binomial, expected: 'refuted' })).toThrow(/erratum/);
  expect(() => defineClaim({ ...binomial, id: 'Lemma 3.2' })).toThrow(/malformed claim id/);
});

test('Clopper–Pearson intervals and binomial tails match SciPy', async () => {
  const { binomialCdf, clopperPearson, quantileUpperBound } = await import('../../src/claims/montecarlo.ts');
  // scipy.stats: beta.ppf(0.0005, 95, 6), beta.ppf(0.9995, 96, 5); binom.cdf(3, 10, 0.5); beta.ppf(0.025, 50, 1).
  const [lo, hi] = clopperPearson(95, 100, 1e-3);
  expect(lo).toBeCloseTo(0.836385007472585, 9);
  expect(hi).toBeCloseTo(0.9935660538045505, 9);
  expect(binomialCdf(3, 10, 0.5)).toBeCloseTo(0.171875, 12);
  expect(clopperPearson(50, 50, 0.05)[0]).toBeCloseTo(0.9288782635358024, 9);
  expect(clopperPearson(0, 50, 0.05)).toEqual([0, expect.any(Number)]);
  // The upper confidence bound of a quantile is an order statistic at or above the empirical quantile.
  const sample = Array.from({ length: 1000 }, (_, i) => i / 1000);
  const ub = quantileUpperBound(sample, 0.5, 0.01);
  expect(ub).toBeGreaterThan(0.5);
  expect(ub).toBeLessThan(0.6);
  expect(quantileUpperBound(sample.slice(0, 10), 0.999, 0.01)).toBe(Number.POSITIVE_INFINITY);
});
