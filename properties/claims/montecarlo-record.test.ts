/**
 * The Monte Carlo runner's record on planted probabilistic claims whose frequencies are known
 * exactly (the "random" draws are a counter), and the dispatch between the two runners.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atMost } from '../../src/claims/compare.ts';
import { type AnyClaim, deterministic, runAnyClaim, sabotageAnyClaim } from '../../src/claims/dispatch.ts';
import {
  binomialCdf,
  clopperPearson,
  defineMonteCarloClaim,
  isMonteCarloClaim,
  MONTE_CARLO_ALPHA,
  type MonteCarloClaim,
  quantileUpperBound,
} from '../../src/claims/montecarlo.ts';
import { monteCarloSabotaged, runMonteCarlo } from '../../src/claims/montecarlo-runner.ts';
import { claimSeed } from '../../src/claims/record.ts';
import { runClaim } from '../../src/claims/runner.ts';
import type { Claim } from '../../src/claims/types.ts';
import { UserError } from '../../src/errors.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { claimAsExpected } from '../../src/report/run.ts';

type P = { name: string; claimed: number };
type X = { k: number; seed: string };

/**
 * Sample t of a setting is k = t (a counter, reset per setting); the event "k mod 10 ≠ 0" then holds
 * on exactly 90 of 100 samples, and the witness of the constant is k itself.
 */
function planted(overrides: Partial<MonteCarloClaim<P, X>> = {}): MonteCarloClaim<P, X> & { seeds: string[] } {
  const seeds: string[] = [];
  let counter = 0;
  let lastSetting: P | null = null;
  return {
    seeds,
    id: 'jcd.planted-mc',
    source: { paper: 'JCD', where: 'Lemma Z (test)' },
    kind: 'probabilistic',
    statement: 'P(k mod 10 ≠ 0) ≥ p',
    hypotheses: [hypothesis<P>('claimed-probability', 'a claimed probability in [0, 1]', (p) => p.claimed >= 0 && p.claimed <= 1)],
    settings: [
      { name: 'easy', claimed: 0.8 },
      { name: 'hard', claimed: 0.99 },
    ],
    describe: (p) => `setting ${p.name}`,
    draw: (p, seed) => {
      if (p !== lastSetting) [counter, lastSetting] = [0, p];
      seeds.push(seed);
      return { k: counter++, seed };
    },
    constants: { C: { printed: (p) => (p.name === 'easy' ? 50 : 60), formula: '50 or 60' } },
    event: (_p, x) => x.k % 10 !== 0,
    probability: { formula: 'p', printed: (p) => p.claimed },
    trials: 100,
    witness: { C: (_p, x) => x.k },
    expected: 'refuted',
    sabotage: { description: 'p made 1', probability: () => 1, constants: { C: () => 1 } },
    ...overrides,
  };
}

describe('runMonteCarlo', () => {
  test('counts successes per setting, with the Bonferroni-corrected exact interval and a per-setting verdict', () => {
    const claim = planted();
    const r = runMonteCarlo(claim, { seed: 3 });
    const alpha = MONTE_CARLO_ALPHA / 2;
    const interval = clopperPearson(90, 100, alpha);
    // 0.8 lies inside the interval of 90/100 (inconclusive); 0.99 above it (refuted).
    expect(interval[0]).toBeLessThan(0.8);
    expect(interval[1]).toBeGreaterThan(0.8);
    expect(interval[1]).toBeLessThan(0.99);
    expect(r.montecarlo!.alpha).toBe(MONTE_CARLO_ALPHA);
    const [easy, hard] = r.montecarlo!.settings;
    expect(easy).toMatchObject({ setting: 'setting easy', trials: 100, successes: 90, estimate: 0.9, interval, claimed: 0.8, verdict: 'inconclusive' });
    expect(hard).toMatchObject({ setting: 'setting hard', trials: 100, successes: 90, estimate: 0.9, interval, claimed: 0.99, verdict: 'refuted' });
    expect(r).toMatchObject({
      id: 'jcd.planted-mc',
      paper: 'JCD',
      where: 'Lemma Z (test)',
      kind: 'probabilistic',
      statement: 'P(k mod 10 ≠ 0) ≥ p',
      expected: 'refuted',
      verdict: 'refuted',
      runs: 200,
      vacuousRuns: 0,
      seed: claimSeed(3, 'jcd.planted-mc'),
      globalSeed: 3,
      worstMargin: interval[1] - 0.99,
      worstLabel: 'setting hard: upper confidence bound − claimed probability',
      replay: 'npx tsx src/cli.ts check jcd.planted-mc --seed 3',
    });
    expect(r).not.toHaveProperty('error');
    expect(r.timeMs).toBeGreaterThanOrEqual(0);
  });

  test('an interval that contains the claimed probability is inconclusive (refuted only when entirely below, holds only when entirely above)', () => {
    const [lo, hi] = clopperPearson(90, 100, MONTE_CARLO_ALPHA);
    const edge = runMonteCarlo(planted({ settings: [{ name: 'edge', claimed: hi }] }));
    expect(edge.montecarlo!.settings[0].interval[1]).toBe(hi);
    expect(edge.verdict).toBe('inconclusive');
    expect(edge.montecarlo!.settings[0].verdict).toBe('inconclusive');
    expect(edge.worstMargin).toBe(0);
    expect(edge).not.toHaveProperty('replay');
    const straddle = runMonteCarlo(planted({ settings: [{ name: 'straddle', claimed: (lo + hi) / 2 }] }));
    expect(straddle.verdict).toBe('inconclusive');
    // The lower end on the claimed probability: confirmed.
    expect(runMonteCarlo(planted({ settings: [{ name: 'low edge', claimed: lo }] })).verdict).toBe('holds');
    // Inconclusive is never as expected, not even for a claim that expects it.
    expect(claimAsExpected({ record: { ...straddle, expected: 'inconclusive' }, sabotage: null })).toBe(false);
  });

  test('a refuted setting outranks an inconclusive one; an inconclusive one outranks holding ones', () => {
    const [lo, hi] = clopperPearson(90, 100, MONTE_CARLO_ALPHA / 3);
    const mixed = (claimed: number[]) => runMonteCarlo(planted({ settings: claimed.map((c, i) => ({ name: `s${i}`, claimed: c })) })).verdict;
    expect(mixed([lo / 2, (lo + hi) / 2, 0.999])).toBe('refuted');
    expect(mixed([lo / 2, (lo + hi) / 2, lo / 3])).toBe('inconclusive');
    expect(mixed([lo / 2, lo / 3, lo])).toBe('holds');
  });

  test('the worst setting is the one with the smallest margin, wherever it is listed', () => {
    const r = runMonteCarlo(
      planted({
        settings: [
          { name: 'hard', claimed: 0.99 },
          { name: 'easy', claimed: 0.5 },
        ],
      }),
    );
    expect(r.worstLabel).toMatch(/^setting hard:/);
  });

  test('each sample has its own seed, derived from the claim seed, the setting and the trial', () => {
    const claim = planted();
    runMonteCarlo(claim, { seed: 11 });
    const s = claimSeed(11, 'jcd.planted-mc');
    expect(claim.seeds).toHaveLength(200);
    expect(new Set(claim.seeds).size).toBe(200);
    expect(claim.seeds[0]).toBe(`${s}:0:0`);
    expect(claim.seeds[199]).toBe(`${s}:1:99`);
    const other = planted();
    runMonteCarlo(other);
    expect(other.seeds[0]).toBe(`${claimSeed(2021, 'jcd.planted-mc')}:0:0`);
  });

  test('the constant estimate is the empirical quantile at the claimed probability, with its order-statistic upper bound', () => {
    const r = runMonteCarlo(planted());
    const witnesses = Array.from({ length: 100 }, (_, k) => k);
    const alpha = MONTE_CARLO_ALPHA / 2;
    // Quantile 0.8 of {0, …, 99}: the 80th smallest value, 79.
    expect(r.montecarlo!.settings[0].constants).toEqual({
      C: { printed: 50, target: 0.8, estimate: 79, upperBound: quantileUpperBound(witnesses, 0.8, alpha) },
    });
    expect(r.montecarlo!.settings[1].constants).toEqual({
      C: { printed: 60, target: 0.99, estimate: 98, upperBound: quantileUpperBound(witnesses, 0.99, alpha) },
    });
    const ub = r.montecarlo!.settings[0].constants!.C.upperBound;
    expect(ub).toBeGreaterThan(79);
    // x_(j) = j − 1 here: the smallest j with P(Bin(100, 0.8) ≤ j − 1) ≥ 1 − α.
    expect(binomialCdf(ub, 100, 0.8)).toBeGreaterThanOrEqual(1 - alpha);
    expect(binomialCdf(ub - 1, 100, 0.8)).toBeLessThan(1 - alpha);
  });

  test('witnesses are sorted numerically before the quantile is read', () => {
    // Witnesses 100 − k: 100, 99, …, 1 (as strings "100" < "11" < "2": a lexicographic sort would be wrong).
    const r = runMonteCarlo(planted({ witness: { C: (_p, x) => 100 - x.k } }));
    expect(r.montecarlo!.settings[0].constants!.C.estimate).toBe(80);
  });

  test('a target probability overrides the claimed one (clamped to [0, 1]) for the constant estimate', () => {
    const r = runMonteCarlo(planted({ target: (p) => (p.name === 'easy' ? 0.5 : 7) }));
    expect(r.montecarlo!.settings[0].constants!.C).toMatchObject({ target: 0.5, estimate: 49 });
    expect(r.montecarlo!.settings[1].constants!.C).toMatchObject({ target: 1, estimate: 99 });
    const low = runMonteCarlo(planted({ target: () => -1 }));
    expect(low.montecarlo!.settings[0].constants!.C).toMatchObject({ target: 0, estimate: 0 });
  });

  test('a witness without a declared constant has printed NaN; a claim without witnesses reports no constants', () => {
    const r = runMonteCarlo(planted({ constants: undefined }));
    expect(r.montecarlo!.settings[0].constants!.C.printed).toBeNaN();
    const other = runMonteCarlo(planted({ constants: { D: { printed: () => 1, formula: '1' } } }));
    expect(other.verdict).toBe('refuted');
    expect(other.montecarlo!.settings[0].constants!.C.printed).toBeNaN();
    const none = runMonteCarlo(planted({ witness: undefined }));
    expect(none.montecarlo!.settings[0]).not.toHaveProperty('constants');
  });

  test('the event sees the printed constants of its setting', () => {
    const got: number[] = [];
    runMonteCarlo(
      planted({
        event: (_p, _x, c) => {
          got.push(c.C);
          return true;
        },
      }),
    );
    expect(new Set(got)).toEqual(new Set([50, 60]));
    expect(got.slice(0, 100).every((c) => c === 50)).toBe(true);
  });

  test('trials: the claim default, scaled (at least 10), or overridden', () => {
    expect(runMonteCarlo(planted()).runs).toBe(200);
    expect(runMonteCarlo(planted(), { trialsScale: 2 }).montecarlo!.settings[0].trials).toBe(200);
    expect(runMonteCarlo(planted(), { trialsScale: 0.01 }).montecarlo!.settings[0].trials).toBe(10);
    expect(runMonteCarlo(planted(), { trialsScale: 0.255 }).montecarlo!.settings[0].trials).toBe(26);
    expect(runMonteCarlo(planted(), { trials: 3, trialsScale: 2 }).montecarlo!.settings[0].trials).toBe(3);
  });

  test('a NaN witness is an error naming the constant, the setting and the trial', () => {
    const r = runMonteCarlo(planted({ witness: { C: (_p, x) => (x.k === 5 ? Number.NaN : x.k) } }));
    expect(r.verdict).toBe('error');
    expect(r.error).toBe('witness C is NaN at setting setting easy, trial 5');
    expect(r.montecarlo!.settings).toEqual([]);
    expect(r.worstMargin).toBeNull();
    expect(r.worstLabel).toBeNull();
    expect(r.runs).toBe(0);
    expect(r).not.toHaveProperty('replay');
  });

  test('an infinite witness is allowed (the event may hold for no finite constant)', () => {
    const r = runMonteCarlo(planted({ witness: { C: () => Number.POSITIVE_INFINITY } }));
    expect(r.verdict).toBe('refuted');
    expect(r.montecarlo!.settings[0].constants!.C.estimate).toBe(Number.POSITIVE_INFINITY);
  });

  test('a throwing draw (Error or not) is an error, and the settings done before it are kept', () => {
    const thrower = (what: unknown) =>
      planted({
        draw: (p, seed) => {
          if (p.name === 'hard') throw what;
          return { k: 1, seed };
        },
      });
    const r = runMonteCarlo(thrower(new Error('draw failed')));
    expect(r.verdict).toBe('error');
    expect(r.error).toBe('draw failed');
    expect(r.montecarlo!.settings.map((s) => s.setting)).toEqual(['setting easy']);
    expect(r.worstLabel).toBe('setting easy: upper confidence bound − claimed probability');
    expect(r.runs).toBe(100);
    expect(runMonteCarlo(thrower('plain')).error).toBe('plain');
  });

  test('notes of the claim are copied; a claim that holds has no replay', () => {
    const r = runMonteCarlo(
      planted({ settings: [{ name: 'easy', claimed: 0.5 }], choices: { c: 'c = 1' }, erratum: 'e', corrected: 'jcd.x/corrected', corrects: 'jcd.y' }),
    );
    expect(r.verdict).toBe('holds');
    expect(r).toMatchObject({ choices: { c: 'c = 1' }, erratum: 'e', corrected: 'jcd.x/corrected', corrects: 'jcd.y' });
    expect(r).not.toHaveProperty('replay');
    expect(r).not.toHaveProperty('sabotage');
    const bare = runMonteCarlo(planted());
    for (const key of ['choices', 'erratum', 'corrected', 'corrects', 'sabotage', 'error']) expect(bare).not.toHaveProperty(key);
  });
});

describe('monteCarloSabotaged', () => {
  test('replaces the claimed probability and the named constants; the record names the sabotage and replays with --sabotaged', () => {
    const claim = planted({ erratum: 'x', settings: [{ name: 'easy', claimed: 0.5 }] });
    const s = monteCarloSabotaged(claim);
    expect(s.id).toBe('jcd.planted-mc~sabotaged');
    expect(s.statement).toBe('P(k mod 10 ≠ 0) ≥ p — SABOTAGED: p made 1');
    expect(s.expected).toBe('refuted');
    expect(s.erratum).toBeUndefined();
    expect(s.probability.printed({ name: 'easy', claimed: 0.5 })).toBe(1);
    expect(s.probability.formula).toBe('p');
    expect(s.constants!.C.printed({ name: 'easy', claimed: 0.5 })).toBe(1);
    expect(s.constants!.C.formula).toBe('50 or 60');
    const r = runMonteCarlo(s, { seed: 4 });
    expect(r.verdict).toBe('refuted');
    expect(r.sabotage).toBe('p made 1');
    expect(r.replay).toBe('npx tsx src/cli.ts check jcd.planted-mc --sabotaged --seed 4');
  });

  test('without a sabotaged probability or constants, the claim keeps its own', () => {
    const claim = planted({ sabotage: { description: 'nothing' } });
    const s = monteCarloSabotaged(claim);
    expect(s.probability).toBe(claim.probability);
    expect(s.constants!.C).toBe(claim.constants!.C);
    expect(monteCarloSabotaged(planted({ constants: undefined })).constants).toBeUndefined();
  });
});

describe('dispatch between the runners', () => {
  /** The registry holds claims of every instance type as AnyClaim. */
  const any = (c: unknown) => c as AnyClaim;
  const det: Claim<{ x: number }> = {
    id: 'yd21.planted-det',
    source: { paper: 'YD21', where: 'test' },
    kind: 'inequality',
    statement: 'x ≤ 1',
    hypotheses: [],
    instances: fc.integer({ min: 0, max: 1 }).map((x) => ({ x })),
    size: () => 1,
    check: ({ x }) => [atMost('x ≤ 1', x, 1, 1)],
    expected: 'holds',
    runs: 10,
    sabotage: { description: 'bound 0', check: ({ x }) => [atMost('x ≤ 0', x, 0, 1)] },
  };

  test('a probabilistic claim gets runs and runsScale as trials, and its seed', () => {
    const claim = planted();
    expect(isMonteCarloClaim(claim)).toBe(true);
    expect(isMonteCarloClaim(det)).toBe(false);
    expect(isMonteCarloClaim(null)).toBe(false);
    expect(isMonteCarloClaim({ kind: 'probabilistic' })).toBe(false);
    const r = runAnyClaim(any(claim), { runs: 20, seed: 8 });
    expect(r.montecarlo!.settings[0].trials).toBe(20);
    expect(r.globalSeed).toBe(8);
    expect(runAnyClaim(any(planted()), { runsScale: 3 }).montecarlo!.settings[0].trials).toBe(300);
  });

  test('a probabilistic claim cannot be replayed from a path', () => {
    expect(() => runAnyClaim(any(planted()), { path: '1:2' })).toThrow(UserError);
    expect(() => runAnyClaim(any(planted()), { path: '1:2' })).toThrow('jcd.planted-mc is probabilistic: replay it with its seed alone (no --path)');
  });

  test('a deterministic claim goes to the fast-check runner with all its options', () => {
    const r = runAnyClaim(any(det), { runs: 4, seed: 9 });
    expect(r.runs).toBe(4);
    expect(r.globalSeed).toBe(9);
    expect(r).toEqual({ ...runClaim(det, { runs: 4, seed: 9 }), timeMs: r.timeMs });
  });

  test('sabotageAnyClaim picks the sabotage of the claim’s kind; deterministic() rejects a probabilistic claim', () => {
    expect(runAnyClaim(sabotageAnyClaim(any(det))).verdict).toBe('refuted');
    const s = sabotageAnyClaim(any(planted()));
    expect(isMonteCarloClaim(s) && s.probability.printed({ name: 'easy', claimed: 0.5 })).toBe(1);
    expect(deterministic(any(det), 'tighten')).toBe(det);
    expect(() => deterministic(any(planted()), 'tighten')).toThrow(UserError);
    expect(() => deterministic(any(planted()), 'tighten')).toThrow(/^jcd\.planted-mc is probabilistic: tighten applies to deterministic claims/);
  });

  test('defineMonteCarloClaim checks the id', () => {
    expect(defineMonteCarloClaim(planted())).toMatchObject({ id: 'jcd.planted-mc' });
    expect(() => defineMonteCarloClaim(planted({ id: 'Lemma C.2' }))).toThrow("malformed claim id 'Lemma C.2'");
    expect(() => defineMonteCarloClaim(planted({ id: 'jcd.x/corrected' }))).not.toThrow();
    // Whether the prefix is a paper's is the registry's check (properties/claims/paper-manifests.test.ts).
    expect(() => defineMonteCarloClaim(planted({ id: 'j-cd.x' }))).toThrow();
    expect(() => defineMonteCarloClaim(planted({ id: 'jcd' }))).toThrow();
    expect(() => defineMonteCarloClaim(planted({ id: 'jcd.x/correctedx' }))).toThrow();
  });
});
