/**
 * Every claim in the registry, as a property: its verdict equals its expected verdict, and its
 * sabotaged variant is refuted by the same runner (so a claim added without a check that can fail
 * turns CI red). A refuted verdict must replay bit for bit from its printed seed and path.
 */
import { describe, expect, test } from 'vitest';
import { loadClaims } from '../../src/claims/registry.ts';
import { isDeterministic, isMonteCarloClaim, isSweepClaim, runAnyClaim, sabotageAnyClaim } from '../../src/claims/dispatch.ts';
import { runClaim } from '../../src/claims/runner.ts';

const claims = await loadClaims();

describe.each(claims.map((c) => [c.id, c] as const))('%s', (_id, claim) => {
  test(`verdict is ${claim.expected}`, () => {
    const record = runAnyClaim(claim);
    expect(record.error).toBeUndefined();
    expect(record.verdict, JSON.stringify(record.counterexample ?? record.worstLabel)).toBe(claim.expected);
    expect(record.vacuousRuns).toBeLessThan(record.runs);
  });

  test('its sabotaged variant is refuted', () => {
    const record = runAnyClaim(sabotageAnyClaim(claim));
    expect(record.verdict, claim.sabotage.description).toBe('refuted');
    if (isMonteCarloClaim(claim)) expect(record.montecarlo!.settings.some((s) => s.verdict === 'refuted')).toBe(true);
    else if (isSweepClaim(claim)) expect(record.sweep!.relations.some((r) => !r.holds)).toBe(true);
    else expect(record.counterexample!.failing.length).toBeGreaterThan(0);
  });

  if (claim.expected === 'refuted' && isDeterministic(claim)) {
    test('the refutation replays exactly from its seed and path, and the corrected sibling holds', () => {
      const first = runClaim(claim);
      const replay = runClaim(claim, { seed: first.globalSeed, path: first.counterexample!.path });
      expect(replay.verdict).toBe('refuted');
      expect(replay.counterexample!.instance).toEqual(first.counterexample!.instance);
      expect(replay.counterexample!.failing.map((f) => f.margin)).toEqual(first.counterexample!.failing.map((f) => f.margin));
      expect(first.replay).toContain(`check ${claim.id} --seed ${first.globalSeed} --path ${first.counterexample!.path}`);
      // A refutation is a real violation, not rounding: far past the tolerance, failing at 1e-9.
      const worst = first.counterexample!.failing[0];
      expect(worst.toleranceMultiples!).toBeGreaterThan(1e6);
      const sibling = claims.find((c) => c.id === claim.corrected);
      expect(sibling?.corrects).toBe(claim.id);
      expect(runAnyClaim(sibling!).verdict).toBe('holds');
    });
  }
});

test('the registry covers the first thirteen YD21 claims of the catalog', () => {
  const ids = claims.map((c) => c.id);
  for (const id of [
    'yd21.eq-2-3.gd',
    'yd21.eq-4-5.rotation',
    'yd21.eq-6-9.blocks',
    'yd21.eq-10.a-update',
    'yd21.eq-11.b-update',
    'yd21.eq-12.p-update',
    'yd21.sec-2.pq-split',
    'yd21.lemma-3.2',
    'yd21.lemma-3.3',
    'yd21.eq-22.b-norm-identity',
    'yd21.eq-19.b-recursion',
    'yd21.eq-8-9.jk-monotone',
    'yd21.lemma-b.1',
  ])
    expect(ids).toContain(id);
});

test('the registry covers the YD21 algebra, proof-step and appendix claims of issue 3', () => {
  const ids = claims.map((c) => c.id);
  for (const id of [
    'yd21.sec-3.3.loss-split',
    'yd21.eq-23.stage-two-expansion',
    'yd21.sec-3.2.3.a-split',
    'yd21.sec-3.2.5.continuous-b',
    'yd21.sec-3.3.continuous-error',
    'yd21.eq-31.general-analysis',
    'yd21.lemma-3.2.proof-split',
    'yd21.lemma-3.2.proof-factorisation',
    'yd21.sec-1.balance-drift',
    'yd21.eq-20.sigma-d-a',
    'yd21.eq-21.c-d-norms',
    'yd21.app-f.xi-bound',
    'yd21.app-e.b-iteration',
    'yd21.lemma-3.2.proof-steps',
    'yd21.lemma-3.3.proof-steps',
  ])
    expect(ids).toContain(id);
});
