/**
 * Hypotheses as predicates: every registered claim declares them, the runners evaluate them on
 * every instance (a builder that leaves the hypotheses is an `error`, never a verdict about the
 * paper), replays outside them are refused, every erratum's counterexample lies inside the
 * hypotheses in force where its formula is printed, and the builders cover their domains.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isDeterministic, isMonteCarloClaim, isSweepClaim } from '../../src/claims/dispatch.ts';
import { coverageOf, CoverageTally, coordinatesOf, hypothesis, violations } from '../../src/claims/hypotheses.ts';
import { withParameters } from '../../src/claims/parameters.ts';
import { loadClaims } from '../../src/claims/registry.ts';
import { runClaim } from '../../src/claims/runner.ts';
import { fromJson, toJson } from '../../src/claims/serialise.ts';
import type { Claim } from '../../src/claims/types.ts';
import { eye, scale } from '../../src/linalg/dense.ts';
import type { LemmaInstance } from '../../src/random/lemma-instances.ts';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'lemmacheck-hypotheses-'));
const claims = await loadClaims();

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function lemma32(): Promise<Claim<LemmaInstance>> {
  const c = claims.find((x) => x.id === 'yd21.lemma-3.2');
  if (!c || !isDeterministic(c)) throw new Error('yd21.lemma-3.2 is missing');
  return c as Claim<LemmaInstance>;
}

describe('every claim declares its hypotheses as predicates', () => {
  test.each(claims.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(c.hypotheses.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const h of c.hypotheses) {
      expect(typeof h.holds).toBe('function');
      expect(h.name).toMatch(/\S/);
      expect(h.text).toMatch(/\S/);
      expect(names.has(h.name)).toBe(false);
      names.add(h.name);
    }
    // A claim over random instances says which numbers it covers.
    if (isDeterministic(c)) expect(Object.keys(coordinatesOf(c.hypotheses)).length).toBeGreaterThan(0);
  });
});

describe('the runner evaluates the hypotheses on every instance', () => {
  test('a builder bug (S tripled, outside σ₁(S) ≤ 2σ₁) is an error naming the hypothesis, not a verdict', async () => {
    const c = await lemma32();
    const broken: Claim<LemmaInstance> = { ...c, instances: c.instances.map((x) => ({ ...x, X: scale(x.X, 3) })) };
    const r = runClaim(broken, { runs: 200 });
    expect(r.verdict).toBe('error');
    expect(r.error).toContain("'s-bound'");
    expect(r.error).toContain('builder');
    const sBound = r.hypotheses?.find((h) => h.name === 's-bound');
    expect(sBound?.violations).toBeGreaterThan(0);
  });

  test('every hypothesis is counted on every instance the runner evaluates', async () => {
    const r = runClaim(await lemma32(), { runs: 50 });
    expect(r.verdict).toBe('holds');
    for (const h of r.hypotheses ?? []) expect(h).toMatchObject({ checked: r.runs, violations: 0 });
  });

  test('a predicate that throws or returns a non-boolean gives error, never holds', async () => {
    const c = await lemma32();
    const throwing = {
      ...c,
      hypotheses: [
        ...c.hypotheses,
        hypothesis<LemmaInstance>('boom', 'a broken predicate', () => {
          throw new Error('boom');
        }),
      ],
    };
    const notBoolean = {
      ...c,
      hypotheses: [...c.hypotheses, { name: 'maybe', text: 'returns a number', holds: (() => 1) as unknown as (x: LemmaInstance) => boolean }],
    };
    for (const broken of [throwing, notBoolean]) {
      const r = runClaim(broken, { runs: 20 });
      expect(r.verdict).toBe('error');
      expect(r.error).toMatch(/predicate of hypothesis '(boom|maybe)'/);
    }
  });

  test('past an allowed limit (--set, explore) violations are recorded as outside the hypotheses, not as an error', async () => {
    const c = await lemma32();
    const beyond = withParameters(c, { sBound: 8 });
    expect(beyond.beyondHypotheses).toContain('sBound');
    const r = runClaim(beyond, { runs: 300 });
    expect(r.verdict).not.toBe('error');
    expect(r.outsideHypotheses?.violated).toContain('s-bound');
    const inside = runClaim(withParameters(c, { sBound: 1 }), { runs: 50 });
    expect(inside.outsideHypotheses).toBeUndefined();
  });
});

describe('replays outside the hypotheses are refused with one line and exit code 2', () => {
  test('check --replay with an instance edited to η = −1', async () => {
    const c = await lemma32();
    const [x] = fc.sample(c.instances, { seed: 7, numRuns: 1 });
    const file = join(tmp, 'eta-negative.json');
    const instance = toJson({ ...x, eta: -1 });
    writeFileSync(file, JSON.stringify({ id: c.id, instance, failing: [] }));
    const r = cli('check', '--replay', file);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("'eta-bound'");
  });

  test('tighten --replay with S outside σ₁(S) ≤ 2σ₁', async () => {
    const c = await lemma32();
    const [x] = fc.sample(c.instances, { seed: 8, numRuns: 1 });
    const file = join(tmp, 's-large.json');
    writeFileSync(file, JSON.stringify({ id: c.id, constant: 'C', instance: toJson({ ...x, X: scale(eye(x.d), 3 * x.sigma1) }) }));
    const r = cli('tighten', c.id, '--replay', file);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("'s-bound'");
  });

  test('a replay inside the hypotheses is accepted', async () => {
    const c = await lemma32();
    const [x] = fc.sample(c.instances, { seed: 9, numRuns: 1 });
    const file = join(tmp, 'inside.json');
    writeFileSync(file, JSON.stringify({ id: c.id, constant: 'C', instance: toJson(x) }));
    expect(cli('tighten', c.id, '--replay', file).status).toBe(0);
  });
});

describe('every erratum counterexample lies inside the hypotheses in force where its formula is printed', () => {
  const errata = claims.filter((c) => isDeterministic(c) && c.expected === 'refuted') as Claim[];
  test.each(errata.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = runClaim(c);
    expect(r.verdict).toBe('refuted');
    // As saved: through JSON, as `check --replay` reads it.
    const saved = fromJson(JSON.parse(JSON.stringify(r.counterexample!.instance)));
    expect(violations(c.hypotheses, saved)).toEqual([]);
  });
});

/** Instances a coverage test samples per claim (a trajectory claim's builder may run GD). */
const COVERAGE_SAMPLE = { identity: 200, inequality: 200, trajectory: 40 } as const;

describe('builders cover their domain: no value of a coordinate takes half the instances unless the claim says why', () => {
  const deterministic = claims.filter(isDeterministic) as Claim[];
  test.each(deterministic.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const tally = new CoverageTally(c.hypotheses);
    for (const x of fc.sample(c.instances, { seed: 2021, numRuns: COVERAGE_SAMPLE[c.kind] })) tally.add(x);
    for (const [name, cov] of Object.entries(tally.summary()))
      if (!cov.concentrated) expect(cov.modeShare, `${c.id}: coordinate ${name} (mode share ${cov.modeShare})`).toBeLessThan(0.5);
  });

  test.each(claims.filter(isMonteCarloClaim).map((c) => [c.id, c] as const))('%s (settings)', (_id, c) => {
    for (const p of c.settings) expect(violations(c.hypotheses, p)).toEqual([]);
  });

  test('sweeps state predicates over their data', () => {
    for (const c of claims.filter(isSweepClaim)) expect(c.hypotheses.length).toBeGreaterThan(0);
  });
});

describe('coverage statistics', () => {
  test('ends, distinct values and mode share', () => {
    const c = coverageOf([0, 0, 0.5, 1, 1, 1], [0, 1]);
    expect(c).toMatchObject({ min: 0, max: 1, atLowerBound: 2 / 6, atUpperBound: 3 / 6, distinct: 3, modeShare: 3 / 6, instances: 6 });
    expect(coverageOf([], [0, 1])).toMatchObject({ instances: 0, distinct: 0, modeShare: 0 });
  });

  test('the unit interval reaches both ends and is not concentrated', async () => {
    const { unitInterval } = await import('../../src/random/arbitraries.ts');
    const v = fc.sample(unitInterval(), { seed: 1, numRuns: 4000 });
    const c = coverageOf(v, [0, 1]);
    expect(c.atLowerBound).toBeGreaterThan(0.03);
    expect(c.atUpperBound).toBeGreaterThan(0.03);
    expect(c.modeShare).toBeLessThan(0.1);
    expect(c.distinct).toBeGreaterThan(3000);
  });
});

// The counterexample files a check writes are what users replay: one round trip through the CLI.
test('a saved counterexample of an erratum replays inside its hypotheses', () => {
  const out = join(tmp, 'report');
  const r = cli('check', 'yd21.eq-12.p-update', '--out', out, '--no-audit');
  expect(r.status).toBe(0);
  const file = join(out, 'counterexamples', 'yd21.eq-12.p-update.json');
  expect(JSON.parse(readFileSync(file, 'utf8')).id).toBe('yd21.eq-12.p-update');
  expect(cli('check', '--replay', file).status).toBe(0);
});

test('an empty block keeps its shape through a saved counterexample (J of 0 rows is 0×k, not 0×0)', async () => {
  const { zeros } = await import('../../src/linalg/dense.ts');
  const back = fromJson(JSON.parse(JSON.stringify(toJson({ J: zeros(0, 3), K: zeros(2, 0) })))) as {
    J: { rows: number; cols: number };
    K: { rows: number; cols: number };
  };
  expect([back.J.rows, back.J.cols, back.K.rows, back.K.cols]).toEqual([0, 3, 2, 0]);
});

test('--profile thorough gives the theorem-regime claims their larger instances, inside the same predicates', async () => {
  const { withProfile } = await import('../../src/claims/parameters.ts');
  const c = claims.find((x) => x.id === 'yd21.thm-3.1.stage-one') as Claim;
  expect(withProfile(c, 'default')).toBe(c);
  const thorough = withProfile(c, 'thorough');
  expect(thorough.instances).not.toBe(c.instances);
  const xs = fc.sample(thorough.instances, { seed: 5, numRuns: 40 }) as { d: number; m: number; n: number }[];
  for (const x of xs) expect(violations(thorough.hypotheses, x)).toEqual([]);
  expect(Math.max(...xs.map((x) => Math.max(x.m, x.n)))).toBeGreaterThan(6);
  expect(Math.max(...xs.map((x) => x.d))).toBe(4);
});
