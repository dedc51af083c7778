/**
 * The verdict record of the claim runner, field by field, on planted claims whose answers are known:
 * what a reader of results.json relies on (the worst margin and where it was attained, the witnesses
 * of printed constants, the number of instances, the tolerance boundary, the error and vacuous
 * verdicts, the notes carried over from the claim and its sabotage).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atLeast, atMost, type Comparison, equal } from '../../src/claims/compare.ts';
import { claimSeed, DEFAULT_RUNS, DEFAULT_SEED, SABOTAGED } from '../../src/claims/record.ts';
import { evaluate, runClaim, sabotagedVariant } from '../../src/claims/runner.ts';
import { grade, relativeTolerance } from '../../src/claims/tolerance.ts';
import type { Claim } from '../../src/claims/types.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';

/** x ∈ {0, …, 20}: "x/10 ≥ 0.5 − slack" style claims over a small integer grid. */
type X = { x: number };
const grid = fc.integer({ min: 0, max: 20 }).map((x) => ({ x }));

function planted(overrides: Partial<Claim<X>> = {}): Claim<X> {
  return {
    id: 'yd21.planted-record',
    source: { paper: 'YD21', where: '§9 (test)' },
    kind: 'inequality',
    statement: 'x ≥ −1 and x + 1 ≥ 0',
    hypotheses: [
      hypothesis<X>('x-range', 'x an integer in [0, 20]', ({ x }) => Number.isInteger(x) && x >= 0 && x <= 20, {
        coordinates: { x: { value: ({ x }) => x, domain: [0, 20] } },
      }),
    ],
    instances: grid,
    size: () => 2,
    check: ({ x }) => [atLeast('x ≥ −1', x, -1, 1), atLeast('x + 1 ≥ 0', x + 1, 0, 4)],
    expected: 'holds',
    runs: 100,
    sabotage: { description: 'the bound made 30', check: ({ x }) => [atLeast('x ≥ 30', x, 30, 1)] },
    ...overrides,
  };
}

describe('the record of a claim that holds', () => {
  test('carries the claim, its seeds and instance count, and the worst margin over every instance with its label', () => {
    const seen: number[] = [];
    const claim = planted({
      check: ({ x }) => {
        seen.push(x);
        // Margins: (x + 1)/1 for the first, (x + 1)/4 for the second (the smaller one for every x ≥ 0).
        return [atLeast('x ≥ −1', x, -1, 1), atLeast('x + 1 ≥ 0', x + 1, 0, 4)];
      },
    });
    const r = runClaim(claim, { seed: 99 });
    expect(r).toMatchObject({
      id: 'yd21.planted-record',
      paper: 'YD21',
      where: '§9 (test)',
      kind: 'inequality',
      statement: 'x ≥ −1 and x + 1 ≥ 0',
      expected: 'holds',
      verdict: 'holds',
      runs: 100,
      vacuousRuns: 0,
      seed: claimSeed(99, 'yd21.planted-record'),
      globalSeed: 99,
    });
    expect(seen).toHaveLength(100);
    const min = Math.min(...seen);
    expect(r.worstMargin).toBe((min + 1) / 4);
    expect(r.worstLabel).toBe('x + 1 ≥ 0');
    expect(r.timeMs).toBeGreaterThanOrEqual(0);
    // Nothing the claim does not declare, and no counterexample, replay or error.
    for (const key of ['witnesses', 'choices', 'counterexample', 'replay', 'error', 'erratum', 'corrected', 'corrects', 'sabotage', 'montecarlo'])
      expect(r).not.toHaveProperty(key);
  });

  test('the worst margin is the smallest one even when it is not the last evaluated, and ties keep the first label', () => {
    // Per instance: 'late' has margin 5 (never the worst); 'early' has margin x/10 + 1.
    const claim = planted({
      check: ({ x }) => [atLeast('early', x / 10 + 1, 0, 1), atLeast('late', 5, 0, 1)],
    });
    const r = runClaim(claim);
    expect(r.worstLabel).toBe('early');
    expect(r.worstMargin).toBe(1); // x = 0 is always among fast-check's first draws of an integer range
  });

  test('the default seed is 2021 and each claim draws from its own seed', () => {
    const r = runClaim(planted());
    expect(DEFAULT_SEED).toBe(2021);
    expect(r.globalSeed).toBe(2021);
    expect(r.seed).toBe(claimSeed(2021, 'yd21.planted-record'));
    // FNV-1a (32-bit) of "<seed>:<id>", top bit cleared: stable across versions and machines.
    const fnv1a = (s: string) => {
      let h = 0x811c9dc5n;
      for (const ch of s) h = ((h ^ BigInt(ch.codePointAt(0)!)) * 0x01000193n) % 2n ** 32n;
      return Number(h & 0x7fffffffn);
    };
    expect(claimSeed(2021, 'yd21.planted-record')).toBe(fnv1a('2021:yd21.planted-record'));
    expect(claimSeed(7, 'jcd.lemma-c.2.σ')).toBe(fnv1a('7:jcd.lemma-c.2.σ'));
    expect(claimSeed(2021, 'a')).toBeGreaterThanOrEqual(0);
    expect(claimSeed(2021, 'a')).toBeLessThan(2 ** 31);
  });

  test('choices, erratum, corrected and corrects are copied into the record', () => {
    const choices = { c: 'c = 1 (any c > 0 scales ε)' };
    const r = runClaim(planted({ choices, erratum: 'a factor 2 is lost', corrected: 'yd21.planted-record/corrected', corrects: 'yd21.other' }));
    expect(r.choices).toEqual(choices);
    expect(r.choices).not.toBe(choices); // a copy: the record can be edited without touching the claim
    expect(r.erratum).toBe('a factor 2 is lost');
    expect(r.corrected).toBe('yd21.planted-record/corrected');
    expect(r.corrects).toBe('yd21.other');
  });
});

describe('witnesses of printed constants', () => {
  // Printed C(x) = 40 + x; the witness (the smallest C this instance needs) is 2x − 3, so the largest
  // witness is at the largest x drawn and the printed value must be C at that x.
  const withWitness = (witness: Claim<X>['witness'], constants: Claim<X>['constants'] = { C: { printed: ({ x }) => 40 + x, formula: '40 + x' } }) =>
    planted({ constants, witness, check: ({ x }, c) => [atMost('2x − 3 ≤ C', 2 * x - 3, c.C, 1)] });

  test('best is the largest witness, printed is the constant at that instance, ratio is best/printed', () => {
    const seen: number[] = [];
    const r = runClaim(
      withWitness({
        C: ({ x }) => {
          seen.push(x);
          return 2 * x - 3;
        },
      }),
    );
    expect(r.verdict).toBe('holds');
    const xmax = Math.max(...seen);
    expect(xmax).toBeGreaterThan(0);
    expect(r.witnesses).toEqual({ C: { best: 2 * xmax - 3, printed: 40 + xmax, ratio: (2 * xmax - 3) / (40 + xmax) } });
  });

  test('the largest witness is kept when later instances need less (not the last one seen)', () => {
    let calls = 0;
    // The first instance needs 100, every later one 1: the best stays 100.
    const r = runClaim(withWitness({ C: () => (calls++ === 0 ? 100 : 1) }));
    expect(r.witnesses!.C.best).toBe(100);
  });

  test('negative witnesses are kept (an instance that needs no constant at all)', () => {
    const r = runClaim(withWitness({ C: () => -5 }));
    expect(r.witnesses!.C.best).toBe(-5);
  });

  test('non-finite witnesses are ignored; a witness that is never finite is not reported', () => {
    let calls = 0;
    const r = runClaim(withWitness({ C: () => (calls++ % 2 === 0 ? Number.POSITIVE_INFINITY : 7), D: () => Number.NaN }));
    expect(r.witnesses).toEqual({ C: { best: 7, printed: expect.any(Number), ratio: expect.any(Number) } });
  });

  test('the witness is given the tolerance of the kind at the instance', () => {
    const r = runClaim(withWitness({ C: (_x, tol) => tol }));
    expect(r.witnesses!.C.best).toBe(relativeTolerance('inequality', 2));
  });

  test('a witness for an undeclared constant has printed value NaN (with or without other constants)', () => {
    for (const constants of [undefined, {}]) {
      const r = runClaim({ ...withWitness({ E: () => 1 }), constants, check: () => [atMost('0 ≤ 1', 0, 1, 1)] });
      expect(r.verdict).toBe('holds');
      expect(r.witnesses!.E.best).toBe(1);
      expect(r.witnesses!.E.printed).toBeNaN();
      expect(r.witnesses!.E.ratio).toBeNaN();
    }
  });

  test('the check sees the printed constants at the instance', () => {
    const got: Array<[number, number]> = [];
    runClaim(
      planted({
        constants: { C: { printed: ({ x }) => 3 * x, formula: '3x' } },
        check: ({ x }, c) => {
          got.push([x, c.C]);
          return [atMost('0 ≤ C', 0, c.C, 1)];
        },
      }),
    );
    for (const [x, c] of got) expect(c).toBe(3 * x);
  });
});

describe('the number of instances', () => {
  const cheap = (kind: Claim<X>['kind'], runs?: number) => planted({ kind, runs });
  test('defaults per kind: 200 identities, 2000 inequalities, 25 trajectories', () => {
    expect(DEFAULT_RUNS).toEqual({ identity: 200, inequality: 2000, trajectory: 25 });
    expect(runClaim(cheap('identity')).runs).toBe(200);
    expect(runClaim(cheap('inequality')).runs).toBe(2000);
    expect(runClaim(cheap('trajectory')).runs).toBe(25);
  });

  test("runsScale multiplies the claim's own default (rounded, at least one); runs overrides both", () => {
    expect(runClaim(cheap('identity', 30), { runsScale: 10 }).runs).toBe(300);
    expect(runClaim(cheap('trajectory'), { runsScale: 0.5 }).runs).toBe(13); // 12.5 rounds to 13
    expect(runClaim(cheap('identity', 30), { runsScale: 0.001 }).runs).toBe(1);
    expect(runClaim(cheap('identity', 30), { runs: 7, runsScale: 10 }).runs).toBe(7);
    expect(runClaim(cheap('identity', 30)).runs).toBe(30);
  });
});

describe('the tolerance boundary', () => {
  // kind identity, size 1: tolerance 16·γ₁.
  const tol = relativeTolerance('identity', 1);
  const at = (slack: number, scale = 1): Comparison => ({ label: 'c', lhs: 0, rhs: slack, slack, scale });
  const claimOf = (c: Comparison) => planted({ kind: 'identity', size: () => 1, check: () => [c] });

  test('a margin of exactly −tolerance passes; just below fails, graded and in multiples of the tolerance', () => {
    const [onBoundary] = evaluate(claimOf(at(-tol)), { x: 0 });
    expect(onBoundary).toMatchObject({ margin: -tol, tolerance: tol, passes: true });
    expect(onBoundary).not.toHaveProperty('grades');
    expect(onBoundary).not.toHaveProperty('toleranceMultiples');

    const below = -tol * (1 + 2 ** -40);
    const [outside] = evaluate(claimOf(at(below)), { x: 0 });
    expect(outside.passes).toBe(false);
    expect(outside.grades).toEqual(grade(below));
    expect(outside.toleranceMultiples).toBe(-below / tol);
    expect(outside.toleranceMultiples).toBeGreaterThan(1);
  });

  test('the margin is slack/scale, so the boundary scales with the comparison', () => {
    const [c] = evaluate(claimOf(at(-tol * 8, 8)), { x: 0 });
    expect(c.margin).toBe(-tol);
    expect(c.passes).toBe(true);
    expect(runClaim(claimOf(at(-tol * 8, 8))).verdict).toBe('holds');
    expect(runClaim(claimOf(at(-tol * 8 * (1 + 2 ** -40), 8))).verdict).toBe('refuted');
  });

  test('the tolerance grows with the instance size and with the kind', () => {
    const [small] = evaluate(planted({ size: () => 1 }), { x: 0 });
    const [large] = evaluate(planted({ size: () => 50 }), { x: 0 });
    expect(small.tolerance).toBe(relativeTolerance('inequality', 1));
    expect(large.tolerance).toBe(relativeTolerance('inequality', 50));
    expect(evaluate(planted({ kind: 'identity' }), { x: 0 })[0].tolerance).toBe(relativeTolerance('identity', 2));
  });
});

describe('a refuted claim', () => {
  test('records the shrunk counterexample, only the failing comparisons, and a replay command', () => {
    const r = runClaim(planted({ check: ({ x }) => [atMost('x ≤ 12', x, 12, 1), atMost('x ≤ 100', x, 100, 1)] }), { seed: 5 });
    expect(r.verdict).toBe('refuted');
    // Shrinking goes to the smallest violation on the integer grid: x = 13.
    expect(r.counterexample!.instance).toEqual({ x: 13 });
    expect(r.counterexample!.failing.map((f) => f.label)).toEqual(['x ≤ 12']);
    expect(r.counterexample!.failing[0].margin).toBe(-1);
    expect(r.replay).toBe(`npx tsx src/cli.ts check yd21.planted-record --seed 5 --path ${r.counterexample!.path}`);
    // The worst margin is over every instance evaluated, including the unshrunk ones.
    expect(r.worstMargin!).toBeLessThanOrEqual(-1);
    expect(r.worstLabel).toBe('x ≤ 12');
  });

  test('the replay command carries the extra arguments that select the instances', () => {
    const r = runClaim(planted({ check: ({ x }) => [atMost('x ≤ 12', x, 12, 1)] }), { replayArgs: '--set a=2' });
    expect(r.replay).toMatch(/^npx tsx src\/cli\.ts check yd21\.planted-record --set a=2 --seed 2021 --path \S+$/);
  });

  test('replaying the path gives the same counterexample', () => {
    const claim = planted({ check: ({ x }) => [atMost('x ≤ 12', x, 12, 1)] });
    const first = runClaim(claim);
    const again = runClaim(claim, { path: first.counterexample!.path });
    expect(again.counterexample).toEqual(first.counterexample);
    // The replay goes straight to the recorded instance: far fewer evaluations than the search.
    expect(again.runs).toBeLessThan(first.runs);
  });
});

describe('sabotaged variants', () => {
  const base = planted({
    constants: { C: { printed: () => 25, formula: '25' } },
    check: ({ x }, c) => [atMost('x ≤ C', x, c.C, 1)],
    erratum: 'none really',
    corrected: 'yd21.planted-record/corrected',
    choices: { k: 'k = 1' },
    sabotage: { description: 'C made 3', constants: { C: () => 3 } },
  });

  test('a sabotaged constant replaces the printed value (same check), and the variant is refuted', () => {
    const s = sabotagedVariant(base);
    expect(s.id).toBe(`yd21.planted-record${SABOTAGED}`);
    expect(SABOTAGED).toBe('~sabotaged');
    expect(s.statement).toBe('x ≥ −1 and x + 1 ≥ 0 — SABOTAGED: C made 3');
    expect(s.expected).toBe('refuted');
    expect(s.erratum).toBeUndefined();
    expect(s.check).toBe(base.check);
    expect(s.constants!.C.printed({ x: 0 })).toBe(3);
    expect(s.constants!.C.formula).toBe('25 (sabotaged)');
    const r = runClaim(s);
    expect(r.verdict).toBe('refuted');
    expect(r.counterexample!.instance).toEqual({ x: 4 });
    expect(r.sabotage).toBe('C made 3');
    expect(r.statement).toBe(s.statement);
    expect(r.expected).toBe('refuted');
    expect(r).not.toHaveProperty('erratum');
    expect(r.choices).toEqual({ k: 'k = 1' });
    expect(r.replay).toMatch(/check yd21\.planted-record --sabotaged --seed 2021 --path /);
  });

  test('constants the sabotage does not name keep their printed value and formula', () => {
    const two = planted({
      constants: { C: { printed: () => 25, formula: '25' }, D: { printed: () => 7, formula: '7' } },
      sabotage: { description: 'C made 3', constants: { C: () => 3 } },
    });
    const s = sabotagedVariant(two);
    expect(s.constants!.D).toBe(two.constants!.D);
    expect(s.constants!.D.formula).toBe('7');
  });

  test('a sabotaged check replaces the check; a claim without constants stays without', () => {
    const s = sabotagedVariant(planted());
    expect(s.constants).toBeUndefined();
    expect(runClaim(s).counterexample!.failing.map((f) => f.label)).toEqual(['x ≥ 30']);
  });
});

describe('error and vacuous verdicts', () => {
  const nonFinite: Array<[string, Partial<Comparison>]> = [
    ['lhs', { lhs: Number.NaN }],
    ['rhs', { rhs: Number.POSITIVE_INFINITY }],
    ['slack', { slack: Number.NaN }],
    ['scale', { scale: Number.NEGATIVE_INFINITY }],
  ];
  test.each(nonFinite)('a non-finite %s is an error naming the comparison, with the instance', (_field, bad) => {
    const r = runClaim(planted({ check: () => [{ ...atMost('bad one', 0, 1, 1), ...bad }] }));
    expect(r.verdict).toBe('error');
    expect(r.error).toMatch(/^non-finite value in 'bad one' \(lhs \S+, rhs \S+, scale \S+\) \(on the instance in 'counterexample'\)$/);
    expect(r.counterexample).toEqual({ instance: expect.anything(), path: expect.any(String), failing: [] });
    expect(r.replay).toMatch(/check yd21\.planted-record --seed 2021 --path /);
  });

  test('a non-Error thrown by a check is reported by its string', () => {
    const r = runClaim(
      planted({
        check: () => {
          throw 'plain string';
        },
      }),
    );
    expect(r.verdict).toBe('error');
    expect(r.error).toBe("plain string (on the instance in 'counterexample')");
  });

  test('an instance builder that throws gives an error verdict, not an exception', () => {
    const r = runClaim(
      planted({
        instances: fc.integer().map(() => {
          throw new Error('bad builder');
        }),
      }),
    );
    expect(r.verdict).toBe('error');
    expect(r.error).toBe('bad builder');
    expect(r.runs).toBe(0);
    expect(r).not.toHaveProperty('counterexample');
  });

  test('a non-Error thrown by an instance builder is reported by its string', () => {
    const r = runClaim(
      planted({
        instances: fc.integer().map(() => {
          throw 42;
        }),
      }),
    );
    expect(r.verdict).toBe('error');
    expect(r.error).toBe('42');
  });

  test('vacuous only when every instance was vacuous; otherwise the vacuous ones are counted', () => {
    let vacuous = 0;
    const some = runClaim(
      planted({
        check: ({ x }) => {
          if (x % 2 === 1) {
            vacuous++;
            return [];
          }
          return [atLeast('x ≥ 0', x, 0, 1)];
        },
      }),
    );
    expect(some.verdict).toBe('holds');
    expect(vacuous).toBeGreaterThan(0);
    expect(some.vacuousRuns).toBe(vacuous);
    expect(some.runs).toBe(100);

    const all = runClaim(planted({ check: () => [] }));
    expect(all.verdict).toBe('vacuous');
    expect(all.vacuousRuns).toBe(100);
    expect(all.runs).toBe(100);
    expect(all.worstMargin).toBeNull();
    expect(all.worstLabel).toBeNull();
  });

  test('an equation that holds exactly has margin 0 and passes (scale 0 is an exact comparison of zeros)', () => {
    const r = runClaim(planted({ kind: 'identity', check: () => [equal('0 = 0', 0, 0, 0)] }));
    expect(r.verdict).toBe('holds');
    expect(r.worstMargin === 0).toBe(true); // −0: the slack of an equation is −‖L − R‖
  });
});
