/**
 * The sweep kind (scaling laws, experiments): least-squares fits and their intervals, the Student-t
 * quantile, and a planted scaling law whose stated form holds while a sabotaged form is refuted.
 */
import { describe, expect, test } from 'vitest';
import { isDeterministic, runAnyClaim, sabotageAnyClaim } from '../../src/claims/dispatch.ts';
import { incompleteBeta, studentQuantile } from '../../src/claims/special.ts';
import { defineSweepClaim, fitLine, fitLogLog, isSweepClaim, slopeRelation } from '../../src/claims/sweep.ts';
import { gaussianStream } from '../../src/random/gaussian.ts';
import { claimAsExpected } from '../../src/report/run.ts';

describe('special functions', () => {
  test('Student-t quantiles match tables', () => {
    expect(studentQuantile(0.95, 1)).toBeCloseTo(12.706, 2);
    expect(studentQuantile(0.95, 10)).toBeCloseTo(2.228, 3);
    expect(studentQuantile(0.999, 5)).toBeCloseTo(6.869, 2);
    expect(studentQuantile(0.99, 1000)).toBeCloseTo(2.581, 2);
  });
  test('I_x(a, b) is symmetric and matches closed forms', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(incompleteBeta(0.3, 2.5, 4) + incompleteBeta(0.7, 4, 2.5)).toBeCloseTo(1, 12);
  });
});

describe('fitLine', () => {
  test('recovers an exact line with a zero-width interval', () => {
    const x = [1, 2, 3, 4, 5];
    const f = fitLine(
      x,
      x.map((v) => 3 - 2 * v),
    );
    expect(f.slope).toBeCloseTo(-2, 12);
    expect(f.intercept).toBeCloseTo(3, 12);
    expect(f.interval[1] - f.interval[0]).toBeLessThan(1e-9);
  });
  test('the interval covers the true slope of a noisy line and excludes a wrong one', () => {
    const g = gaussianStream('fit');
    const x = Array.from({ length: 40 }, (_, i) => i / 4);
    const f = fitLine(
      x,
      x.map((v) => 1 + 0.5 * v + 0.1 * g()),
    );
    expect(f.interval[0]).toBeLessThan(0.5);
    expect(f.interval[1]).toBeGreaterThan(0.5);
    expect(f.interval[1]).toBeLessThan(0.6);
  });
  test('log-log fit of a power law, and bad data is a clear error', () => {
    const x = [1, 2, 4, 8, 16];
    expect(
      fitLogLog(
        x,
        x.map((v) => 7 * v ** 1.5),
      ).slope,
    ).toBeCloseTo(1.5, 12);
    expect(() => fitLogLog([1, 2, 3], [1, 0, 2])).toThrow(/non-positive/);
    expect(() => fitLine([1, 1, 1], [1, 2, 3])).toThrow(/constant/);
    expect(() => fitLine([1, 2], [1, Number.NaN])).toThrow(/non-finite/);
  });
  test('with two points the slope interval is unbounded, so a relation on it can neither fail nor hold: inconclusive', () => {
    const f = fitLine([1, 2], [1, 5]);
    const r = slopeRelation('s', f, [0, 0.1], '≤ 0.1');
    expect(r.holds).toBe(false);
    expect(r.inconclusive).toBe(true);
  });
});

/** A planted law: T(κ) = 3κ·log κ·(1 + small noise); "T = O(κ log κ)" holds, "T = O(κ)" does not. */
const planted = defineSweepClaim({
  id: 'yd21.planted-sweep',
  source: { paper: 'YD21', where: 'test' },
  kind: 'scaling',
  statement: 'T(κ) = O(κ log κ)',
  hypotheses: [],
  stated: { power: { printed: () => 1, formula: 'exponent of κ log κ in the predicted form' } },
  repeats: 3,
  run: (seed, { repeats }) => {
    const g = gaussianStream(seed);
    return [4, 8, 16, 32, 64, 128].flatMap((k) => Array.from({ length: repeats }, () => ({ kappa: k, T: 3 * k * Math.log(k) * (1 + 0.01 * g()) })));
  },
  relations: (data, stated) => {
    const fit = fitLogLog(
      data.map((d) => d.kappa),
      data.map((d) => d.T / (d.kappa * Math.log(d.kappa)) ** stated.power),
    );
    return [slopeRelation('slope of log(T/pred) vs log κ', fit, [-Infinity, 0.05], '≤ 0.05 (bounded constant)')];
  },
  estimates: (data) => ({ maxConstant: Math.max(...data.map((d) => d.T / (d.kappa * Math.log(d.kappa)))) }),
  expected: 'holds',
  sabotage: { description: 'predicted form κ instead of κ log κ', stated: { power: 0 } },
});

describe('sweep claims', () => {
  test('a planted scaling law holds, names its seed and estimates its constant', () => {
    expect(isSweepClaim(planted)).toBe(true);
    expect(isDeterministic(planted)).toBe(false);
    const r = runAnyClaim(planted);
    expect(r.verdict).toBe('holds');
    expect(r.sweep!.estimates!.maxConstant).toBeGreaterThan(2.9);
    expect(r.sweep!.estimates!.maxConstant).toBeLessThan(3.2);
    expect(r.sweep!.relations[0].holds).toBe(true);
  });
  test('its sabotage (a dropped log factor) is refuted on the same data, with a replay command', () => {
    const r = runAnyClaim(sabotageAnyClaim(planted));
    expect(r.verdict).toBe('refuted');
    expect(r.sweep!.relations[0].observed).toBeGreaterThan(0.2);
    expect(r.replay).toBe('npx tsx src/cli.ts check yd21.planted-sweep --sabotaged --seed 2021');
  });
  test('a planted relation whose interval straddles its band is inconclusive: never as expected, for any seed, and it outranks nothing refuted', () => {
    // T(κ) = 3κ^0.05·(1 + 0.3 noise) on 6 κ values × 2 runs: slope 0.05 with a half-width ≈ 0.3 at 99.9%,
    // stated "≤ 0.05": the interval crosses the band's end whatever the seed.
    const noisy = defineSweepClaim({
      ...planted,
      id: 'yd21.planted-straddle',
      repeats: 2,
      run: (seed, { repeats }) => {
        const g = gaussianStream(seed);
        return [4, 8, 16, 32, 64, 128].flatMap((k) => Array.from({ length: repeats }, () => ({ kappa: k, T: 3 * k ** 0.05 * Math.exp(0.3 * g()) })));
      },
      relations: (data) => [
        slopeRelation(
          'slope of log T vs log κ',
          fitLogLog(
            data.map((d) => d.kappa),
            data.map((d) => d.T),
          ),
          [-Infinity, 0.05],
          '≤ 0.05',
        ),
      ],
    });
    for (const seed of [1, 2, 3, 2021]) {
      const r = runAnyClaim(noisy, { seed });
      const [rel] = r.sweep!.relations;
      expect(rel.interval![0]).toBeLessThan(0.05);
      expect(rel.interval![1]).toBeGreaterThan(0.05);
      expect(rel).toMatchObject({ holds: false, inconclusive: true });
      expect(r.verdict).toBe('inconclusive');
      expect(r.replay).toBe(`npx tsx src/cli.ts check yd21.planted-straddle --seed ${seed}`);
      expect(claimAsExpected({ record: r, sabotage: null })).toBe(false);
      expect(claimAsExpected({ record: { ...r, expected: 'inconclusive' }, sabotage: null })).toBe(false);
    }
    // A refuted relation beside it makes the claim refuted.
    const both = {
      ...noisy,
      id: 'yd21.planted-both',
      relations: (data: { kappa: number; T: number }[], st: Record<string, number>) => [
        ...noisy.relations(data, st),
        { name: 'x', stated: '0', observed: 1, holds: false },
      ],
    };
    expect(runAnyClaim(both).verdict).toBe('refuted');
  });
  test('the same seed gives the same data; a relation that evaluates to NaN is an error, not a verdict', () => {
    expect(runAnyClaim(planted, { seed: 7, runs: 2 }).sweep).toEqual(runAnyClaim(planted, { seed: 7, runs: 2 }).sweep);
    const broken = { ...planted, id: 'yd21.broken-sweep', relations: () => [{ name: 'x', stated: 'y', observed: Number.NaN, holds: true }] };
    expect(runAnyClaim(broken).verdict).toBe('error');
  });
});
