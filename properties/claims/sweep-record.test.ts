/**
 * What runSweep records, field by field (as properties/claims/runner-record.test.ts does for deterministic
 * claims): the least-squares numbers against a hand computation, the inclusive ends of a slope
 * relation, the sabotaged variant, repeats and their scaling, the one run shared by a claim, its
 * sabotage and its figures, errors of the sweep itself, the replay command, and the dispatch of a
 * sweep to the commands that do not apply to it.
 */
import { describe, expect, test } from 'vitest';
import { deterministic, figuresOfClaim, isDeterministic, runAnyClaim, sabotageAnyClaim } from '../../src/claims/dispatch.ts';
import { claimSeed, DEFAULT_SEED } from '../../src/claims/record.ts';
import {
  type Relation,
  defineSweepClaim,
  fitLine,
  fitLineWithinGroups,
  isSweepClaim,
  type LineFit,
  meanWithInterval,
  slopeRelation,
  type SweepClaim,
  SWEEP_CONFIDENCE,
} from '../../src/claims/sweep.ts';
import { runSweep, sweepFigures, sweepSabotaged } from '../../src/claims/sweep-runner.ts';
import { studentQuantile } from '../../src/claims/special.ts';
import { UserError } from '../../src/errors.ts';

describe('fitLine against a hand computation', () => {
  // x = (0, 1, 2, 3), y = (1, 3, 2, 5): x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5, Syy = 8.75,
  // slope 1.1, intercept 2.75 − 1.1·1.5 = 1.1, SSE = 8.75 − 1.1·5.5 = 2.7, R² = 1 − 2.7/8.75,
  // SE(slope) = √(2.7 / 2 / 5) = √0.27, half-width t₂(99.9%)·SE with t₂ = 31.599 (tables).
  const f = fitLine([0, 1, 2, 3], [1, 3, 2, 5]);
  test('slope, intercept, R², standard error and interval', () => {
    expect(f.slope).toBeCloseTo(1.1, 14);
    expect(f.intercept).toBeCloseTo(1.1, 14);
    expect(f.r2).toBeCloseTo(1 - 2.7 / 8.75, 14);
    expect(f.slopeSE).toBeCloseTo(Math.sqrt(0.27), 14);
    expect(studentQuantile(SWEEP_CONFIDENCE, 2)).toBeCloseTo(31.599, 2);
    const half = studentQuantile(SWEEP_CONFIDENCE, 2) * Math.sqrt(0.27);
    expect(f.interval[0]).toBeCloseTo(1.1 - half, 12);
    expect(f.interval[1]).toBeCloseTo(1.1 + half, 12);
    expect(f.points).toBe(4);
  });
  test('constant y: slope 0 and R² = 1 (no 0/0)', () => {
    const c = fitLine([1, 2, 3], [2, 2, 2]);
    expect(c.slope).toBe(0);
    expect(c.r2).toBe(1);
  });
  test('fewer than two points, or x and y of different lengths, is a clear error', () => {
    expect(() => fitLine([1], [1])).toThrow('fitLine needs ≥ 2 paired points (got 1 and 1)');
    expect(() => fitLine([1, 2, 3], [1, 2])).toThrow('fitLine needs ≥ 2 paired points (got 3 and 2)');
  });
});

describe('estimates for clustered or grouped data', () => {
  test('meanWithInterval: one estimate per cluster, Student-t interval on n − 1 degrees of freedom', () => {
    // (1, 2, 3, 6): mean 3, sd √(14/3), se √(14/3)/2.
    const f = meanWithInterval([1, 2, 3, 6]);
    const half = (studentQuantile(SWEEP_CONFIDENCE, 3) * Math.sqrt(14 / 3)) / 2;
    expect(f.slope).toBe(3);
    expect(f.interval[0]).toBeCloseTo(3 - half, 12);
    expect(f.interval[1]).toBeCloseTo(3 + half, 12);
    expect(f.points).toBe(4);
    expect(() => meanWithInterval([1])).toThrow('≥ 2 estimates');
  });
  test('fitLineWithinGroups: a shift per group does not count as noise', () => {
    // y = 2x + (0 in group a, 10 in group b) + (±0.1): the common slope is 2 up to the planted noise.
    const x = [0, 1, 2, 3, 0, 1, 2, 3];
    const noise = [0.1, -0.1, -0.1, 0.1, -0.1, 0.1, 0.1, -0.1];
    const g = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];
    const y = x.map((v, i) => 2 * v + (g[i] === 'b' ? 10 : 0) + noise[i]);
    const within = fitLineWithinGroups(x, y, g);
    const pooled = fitLine(x, y);
    expect(within.slope).toBeCloseTo(2, 12);
    expect(within.interval[1] - within.interval[0]).toBeLessThan((pooled.interval[1] - pooled.interval[0]) / 10);
    // Hand computation: Sxx = 2·5 = 10, Sxy = 20 (noise sums to 0 against x), SSE = Σnoise² = 0.08, df = 8 − 2 − 1.
    expect(within.slopeSE).toBeCloseTo(Math.sqrt(0.08 / 5 / 10), 12);
  });
});

describe('slopeRelation', () => {
  const lineFit = (lo: number, hi: number): LineFit => ({ slope: (lo + hi) / 2, intercept: 0.5, slopeSE: 0.1, interval: [lo, hi], r2: 0.75, points: 9 });
  const outcome = (r: Relation) => (r.holds ? 'holds' : r.inconclusive ? 'inconclusive' : 'refuted');
  test('it holds only when the whole interval lies inside the stated range, fails when it lies outside, and is inconclusive across an end; the ends are inclusive', () => {
    expect(outcome(slopeRelation('s', lineFit(0.2, 1), [0, 1], '∈ [0, 1]'))).toBe('holds'); // touches hi from inside
    expect(outcome(slopeRelation('s', lineFit(0, 0.3), [0, 1], '∈ [0, 1]'))).toBe('holds'); // touches lo from inside
    expect(outcome(slopeRelation('s', lineFit(-7, 0.5), [Number.NEGATIVE_INFINITY, 1], '≤ 1'))).toBe('holds');
    expect(outcome(slopeRelation('s', lineFit(1, 2), [0, 1], '≤ 1'))).toBe('inconclusive'); // touches hi from outside
    expect(outcome(slopeRelation('s', lineFit(-2, 0), [0, 1], '≥ 0'))).toBe('inconclusive'); // touches lo from outside
    expect(outcome(slopeRelation('s', lineFit(1.01, 2), [0, 1], '≤ 1'))).toBe('refuted');
    expect(outcome(slopeRelation('s', lineFit(-2, -0.01), [0, 1], '≥ 0'))).toBe('refuted');
    expect(outcome(slopeRelation('s', lineFit(-5, 5), [0, 1], '∈ [0, 1]'))).toBe('inconclusive'); // straddles both ends
    expect(outcome(slopeRelation('s', lineFit(0.5, 1.5), [0, 1], '∈ [0, 1]'))).toBe('inconclusive');
  });
  test('the record names the fit: slope ± half-width at the confidence level, intercept, R²', () => {
    const r = slopeRelation('slope of T', lineFit(1, 2), [0, 1], '≤ 1');
    expect(r).toEqual({
      name: 'slope of T',
      stated: '≤ 1',
      observed: 1.5,
      interval: [1, 2],
      range: [0, 1],
      holds: false,
      inconclusive: true,
      detail: 'least squares on 9 points: slope 1.500 ± 0.500 (99.9% CI), intercept 0.5000, R² 0.750',
    });
    expect(slopeRelation('slope of T', lineFit(0.25, 0.75), [0, 1], '∈ [0, 1]')).not.toHaveProperty('inconclusive');
  });
});

describe('declaring a sweep', () => {
  const base = {
    source: { paper: 'YD21' as const, where: 'test' },
    kind: 'scaling' as const,
    statement: 's',
    hypotheses: [],
    stated: {},
    repeats: 1,
    run: () => [],
    relations: () => [],
    expected: 'holds' as const,
    sabotage: { description: 'x' },
  };
  test('ids are a paper prefix, a dot and the place, optionally /corrected, nothing around (the prefix is checked against the manifests by the registry)', () => {
    expect(() => defineSweepClaim({ ...base, id: 'yd21.thm-1.1' })).not.toThrow();
    expect(() => defineSweepClaim({ ...base, id: 'jcd.thm-4.1/corrected' })).not.toThrow();
    expect(() => defineSweepClaim({ ...base, id: 'jcd.thm-4.1', expected: 'inconclusive' as const })).toThrow("no claim may expect 'inconclusive'");
    for (const id of ['1yd21.thm', 'yd21.thm 1', 'yd21.thm/corrected2', 'YD21.thm', 'oth-er.thm', 'thm'])
      expect(() => defineSweepClaim({ ...base, id })).toThrow(`malformed claim id '${id}'`);
  });
  test('a sweep expected refuted needs both an erratum note and a corrected sibling', () => {
    const message = 'yd21.x: a claim expected refuted needs an erratum note and a corrected sibling';
    expect(() => defineSweepClaim({ ...base, id: 'yd21.x', expected: 'refuted' })).toThrow(message);
    expect(() => defineSweepClaim({ ...base, id: 'yd21.x', expected: 'refuted', erratum: 'e' })).toThrow(message);
    expect(() => defineSweepClaim({ ...base, id: 'yd21.x', expected: 'refuted', corrected: 'yd21.x/corrected' })).toThrow(message);
    expect(() => defineSweepClaim({ ...base, id: 'yd21.x', expected: 'refuted', erratum: 'e', corrected: 'yd21.x/corrected' })).not.toThrow();
  });
  test('isSweepClaim: a scaling or experiment kind with a run function, nothing else', () => {
    expect(isSweepClaim({ ...base, id: 'yd21.x' })).toBe(true);
    expect(isSweepClaim({ ...base, kind: 'experiment' })).toBe(true);
    expect(isSweepClaim({ ...base, kind: 'identity' })).toBe(false);
    expect(isSweepClaim({ ...base, run: undefined })).toBe(false);
    expect(isSweepClaim({ kind: 'scaling' })).toBe(false);
    expect(isSweepClaim(null)).toBe(false);
    expect(isSweepClaim('scaling')).toBe(false);
    expect(isSweepClaim(undefined)).toBe(false);
  });
});

/** A sweep whose data is its seed and repeats, counting its runs; relations read the data. */
function counting(
  id: string,
  relations: SweepClaim<{ seed: string; repeats: number }>['relations'],
  extra: Partial<SweepClaim<{ seed: string; repeats: number }>> = {},
) {
  const calls: { seed: string; repeats: number }[] = [];
  const claim = defineSweepClaim<{ seed: string; repeats: number }>({
    id,
    source: { paper: 'YD21', where: 'test' },
    kind: 'experiment',
    statement: 'a test sweep',
    hypotheses: [],
    stated: { a: { printed: () => 1, formula: 'a' }, b: { printed: () => 2, formula: 'b' } },
    repeats: 4,
    run: (seed, { repeats }) => {
      calls.push({ seed, repeats });
      return { seed, repeats };
    },
    relations,
    expected: 'holds',
    sabotage: { description: 'a made 10', stated: { a: 10 } },
    ...extra,
  });
  return { claim, calls };
}

const rel = (name: string, holds: boolean, observed = 1): Relation => ({ name, stated: 's', observed, holds, detail: 'd' });

describe('runSweep', () => {
  test('repeats: the claim’s own, scaled and rounded (at least 1), or given', () => {
    const { claim, calls } = counting('yd21.sweep-repeats', (data) => [rel('r', true, data.repeats)]);
    expect(runSweep(claim).runs).toBe(4);
    expect(runSweep(claim, { repeatsScale: 2.4 }).runs).toBe(10);
    expect(runSweep(claim, { repeatsScale: 0.01 }).runs).toBe(1);
    expect(runSweep(claim, { repeats: 7 }).runs).toBe(7);
    expect(calls.map((c) => c.repeats)).toEqual([4, 10, 1, 7]);
    expect(runSweep(claim, { repeats: 7 }).sweep!.relations[0].observed).toBe(7);
  });

  test('one run per seed and repeats, shared by the claim, its sabotage and its figures', () => {
    const figures = (data: { seed: string }, seed: string) => [{ name: `fig-${seed}-${data.seed}`, spec: {} }];
    const { claim, calls } = counting('yd21.sweep-shared', (_d, stated) => [rel('a ≤ 5', stated.a <= 5)], { figures } as never);
    const record = runSweep(claim, { seed: 5 });
    const sabotaged = runSweep(sweepSabotaged(claim), { seed: 5 });
    const seed = String(claimSeed(5, 'yd21.sweep-shared'));
    expect(sweepFigures(claim, { seed: 5 })).toEqual([{ name: `fig-${seed}-${seed}`, spec: {} }]);
    expect(calls).toEqual([{ seed, repeats: 4 }]);
    expect(record.seed).toBe(claimSeed(5, 'yd21.sweep-shared'));
    expect(record.verdict).toBe('holds');
    expect(sabotaged.verdict).toBe('refuted');
    runSweep(claim, { seed: 6 });
    expect(calls).toHaveLength(2);
  });

  test('figuresOfClaim passes the seed and repeats on to the sweep’s figures', () => {
    const figures = (data: { seed: string; repeats: number }) => [{ name: `${data.seed}/${data.repeats}`, spec: {} }];
    const { claim } = counting('yd21.sweep-figures', () => [rel('r', true)], { figures } as never);
    expect(figuresOfClaim(claim, { seed: 8, runs: 2 })).toEqual([{ name: `${claimSeed(8, 'yd21.sweep-figures')}/2`, spec: {} }]);
  });

  test('a claim without figures draws none; other kinds draw none', () => {
    const { claim } = counting('yd21.sweep-nofig', () => [rel('r', true)]);
    expect(sweepFigures(claim)).toEqual([]);
    expect(figuresOfClaim(claim)).toEqual([]);
  });

  test('holds: no replay, no error, no estimates or table unless declared; worstLabel null', () => {
    const { claim } = counting('yd21.sweep-holds', () => [rel('r', true)]);
    const r = runSweep(claim);
    expect(r.verdict).toBe('holds');
    expect(r.worstLabel).toBeNull();
    expect(r.globalSeed).toBe(DEFAULT_SEED);
    expect(r).not.toHaveProperty('replay');
    expect(r).not.toHaveProperty('error');
    expect(r.sweep).toEqual({ repeats: 4, relations: [rel('r', true)] });
  });

  test('refuted: every failing relation named, and a replay command with the seed (and --runs when given)', () => {
    const { claim } = counting('yd21.sweep-fails', () => [rel('first', false), rel('second', true), rel('third', false)], {
      estimates: () => ({ c: 3 }),
      table: () => [{ k: 1 }],
    });
    const r = runSweep(claim, { seed: 9 });
    expect(r.verdict).toBe('refuted');
    expect(r.worstLabel).toBe('first; third');
    expect(r.replay).toBe('npx tsx src/cli.ts check yd21.sweep-fails --seed 9');
    expect(runSweep(claim, { seed: 9, repeats: 3 }).replay).toBe('npx tsx src/cli.ts check yd21.sweep-fails --seed 9 --runs 3');
    expect(r.sweep!.estimates).toEqual({ c: 3 });
    expect(r.sweep!.table).toEqual([{ k: 1 }]);
  });

  test('the sabotaged variant: its id, statement, expected verdict, the sabotaged constant only, and its replay', () => {
    const seen: Record<string, number>[] = [];
    const { claim } = counting(
      'yd21.sweep-sab',
      (_d, stated) => {
        seen.push({ ...stated });
        return [rel('a ≤ 5', stated.a <= 5)];
      },
      { erratum: 'note' } as never,
    );
    const s = sweepSabotaged(claim);
    expect(s.id).toBe('yd21.sweep-sab~sabotaged');
    expect(s.statement).toBe('a test sweep — SABOTAGED: a made 10');
    expect(s.expected).toBe('refuted');
    expect(s.erratum).toBeUndefined();
    const r = runSweep(s, { seed: 2 });
    expect(seen.at(-1)).toEqual({ a: 10, b: 2 });
    expect(r.verdict).toBe('refuted');
    expect(r.replay).toBe('npx tsx src/cli.ts check yd21.sweep-sab --sabotaged --seed 2');
    expect(sabotageAnyClaim(claim).id).toBe('yd21.sweep-sab~sabotaged');
  });

  test('a sabotage may replace the relations instead of a constant', () => {
    const { claim } = counting('yd21.sweep-rel', () => [rel('r', true)], {
      sabotage: { description: 'a relation that cannot hold', relations: () => [rel('never', false)] },
    });
    expect(runSweep(sweepSabotaged(claim)).worstLabel).toBe('never');
    expect(runSweep(claim).verdict).toBe('holds');
  });

  test('errors of the sweep itself are an explicit error verdict with the message, never holds', () => {
    const throwing = counting('yd21.sweep-throws', () => {
      throw new Error('the run broke');
    }).claim;
    const e1 = runSweep(throwing);
    expect([e1.verdict, e1.error, e1.worstLabel]).toEqual(['error', 'the run broke', null]);
    expect(e1.sweep!.relations).toEqual([]);
    expect(e1).not.toHaveProperty('replay');
    const none = runSweep(counting('yd21.sweep-none', () => []).claim);
    expect([none.verdict, none.error]).toEqual(['error', 'the sweep stated no relation']);
    const nan = runSweep(counting('yd21.sweep-nan', () => [rel('ok', true), rel('bad', true, Number.NaN)]).claim);
    expect([nan.verdict, nan.error]).toEqual(['error', "relation 'bad' evaluated to NaN"]);
  });
});

describe('dispatch of a sweep', () => {
  const { claim } = counting('yd21.sweep-dispatch', () => [rel('r', true)]);
  test('runAnyClaim runs it with runs as repeats and runsScale as their scale', () => {
    expect(runAnyClaim(claim, { runs: 3 }).runs).toBe(3);
    expect(runAnyClaim(claim, { runsScale: 0.5 }).runs).toBe(2);
    expect(runAnyClaim(claim, { seed: 4 }).seed).toBe(claimSeed(4, 'yd21.sweep-dispatch'));
    expect(figuresOfClaim(claim, { runs: 3 })).toEqual([]);
  });
  test('a --path replay, or a command for deterministic claims, is a UserError naming the kind', () => {
    expect(() => runAnyClaim(claim, { path: '0:1' })).toThrow(
      new UserError('yd21.sweep-dispatch is a sweep (experiment): replay it with its seed alone (no --path)'),
    );
    expect(() => deterministic(claim, 'search')).toThrow(
      new UserError(
        'yd21.sweep-dispatch is a sweep (experiment): search applies to deterministic claims (its fitted relations and estimates are in the check report)',
      ),
    );
    expect(isDeterministic(claim)).toBe(false);
  });
});
