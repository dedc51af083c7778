/**
 * Power (src/claims/power.ts) on planted claims whose answer is known: a bound the instances never
 * approach has a large f and is reported as not exercised; a tight one has f ≈ 1; a constant no
 * instance needs has f = ∞; an identity's detection threshold is the tolerance; conditions that
 * hold by construction never give the headline; relations and probabilities report the deviation
 * they would refute.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atLeast, atMost, equal } from '../../src/claims/compare.ts';
import { clopperPearson } from '../../src/claims/montecarlo.ts';
import { boundFactor, groupLabel, headline, probabilityPower, relationPower, UNEXERCISED } from '../../src/claims/power.ts';
import { runClaim } from '../../src/claims/runner.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import type { Claim } from '../../src/claims/types.ts';
import { inRange } from '../../src/random/arbitraries.ts';
import { unexercised, unexercisedSentence } from '../../src/report/power-text.ts';

type X = { x: number };

function bounded(hi: number, extra: Partial<Claim<X>> = {}): Claim<X> {
  return {
    id: 'yd21.planted-power',
    source: { paper: 'YD21', where: 'test' },
    kind: 'inequality',
    statement: `x ≤ 1 for x ∈ [0, ${hi}]`,
    hypotheses: [],
    instances: fc.record({ x: inRange(hi / 2, hi) }),
    size: () => 1,
    check: ({ x }) => [atMost('x ≤ 1', x, 1, 1)],
    expected: 'holds',
    sabotage: { description: 'x ≤ 0', check: ({ x }) => [atMost('x ≤ 0', x, 0, 1)] },
    runs: 300,
    ...extra,
  };
}

describe('bound factor', () => {
  test('is the ratio of the bound to the bounded side, in the direction that strengthens the bound', () => {
    expect(boundFactor(true, 0.25, 1)).toBe(4); // x ≤ 1 holds as x ≤ 1/4
    expect(boundFactor(false, 4, 1)).toBe(4); // x ≥ 1 holds as x ≥ 4
    expect(boundFactor(true, -4, -1)).toBe(4); // x ≤ −1 holds as x ≤ −4
    expect(boundFactor(false, -0.25, -1)).toBe(4); // x ≥ −1 holds as x ≥ −1/4
    expect(boundFactor(true, 2, 1)).toBe(0.5); // violated: f < 1
    expect(boundFactor(true, -1, 1)).toBe(Number.POSITIVE_INFINITY); // the other sign: any factor
    expect(boundFactor(false, -1, 1)).toBe(0); // violated for every factor
  });

  test('a bound the instances never approach has f ≥ 10³ and is named as not exercised; a tight one has f ≈ 1', () => {
    const loose = runClaim(bounded(1e-4));
    expect(loose.verdict).toBe('holds');
    expect(loose.power!.measure).toBe('bound');
    // x ∈ [0.5, 1]·10⁻⁴, so f = min 1/x ∈ [10⁴, 2·10⁴].
    expect(loose.power!.value!).toBeGreaterThanOrEqual(1e4);
    expect(loose.power!.value!).toBeLessThanOrEqual(2e4);
    expect(unexercised(loose.power).map((e) => e.target)).toEqual(['x ≤ 1']);
    const sentence = unexercisedSentence(loose, unexercised(loose.power)[0]);
    expect(sentence).toContain('Does not exercise its bound');
    expect(sentence).toContain('cannot distinguish the printed bound from one');
    expect(sentence).toMatch(/b\/f for a positive upper .* with f = 1\.[0-9]+e\+4/);

    const tight = runClaim(bounded(1));
    expect(tight.power!.value!).toBeGreaterThanOrEqual(1);
    expect(tight.power!.value!).toBeLessThan(1.01);
    expect(unexercised(tight.power)).toEqual([]);
  });

  test('f < 1 on a violated bound, and the power is the same for the same seed', () => {
    const violated = runClaim(bounded(2));
    expect(violated.verdict).toBe('refuted');
    expect(violated.power!.value!).toBeLessThan(1);
    expect(runClaim(bounded(1e-4), { seed: 7 }).power).toEqual(runClaim(bounded(1e-4), { seed: 7 }).power);
  });

  test('steps are one group: labels differing only in t, run or other numbers after "=" share an entry', () => {
    expect(groupLabel('run 3 (m, n, k, r = 5, 4, 3, 2; γ = 0.5): Item 2 at t = 17: ‖B_t‖ ≤ 2σ₁')).toBe('Item 2 at t = ·: ‖B_t‖ ≤ 2σ₁');
    expect(groupLabel('t = 334 ∈ [T₀, T] = [299, 334]: e ≤ b')).toBe('t = · ∈ [T₀, T] = [·]: e ≤ b');
    expect(groupLabel('(9) at t = 2.5e-3: x')).toBe(groupLabel('(9) at t = 7: x'));
  });
});

describe('bounds at or near zero', () => {
  test('a bound of exactly 0 reports the margin kept from it; a group with nonzero bounds elsewhere stays a factor', () => {
    const zero = runClaim(bounded(1, { check: ({ x }) => [atMost('−x ≤ 0', -x, 0, 1)] }));
    expect(zero.power!.measure).toBe('zero-bound');
    expect(zero.power!.value!).toBeGreaterThanOrEqual(0.5); // x ≥ 0.5: margin (0 − (−x))/1 ≥ 0.5
    // −x ≤ 0 for x ≤ 0.75, x ≤ 2 above: one group, a factor (2/x ≥ 2) from the nonzero bounds.
    const mixed = runClaim(bounded(1, { check: ({ x }) => [x > 0.75 ? atMost('x ≤ b', x, 2, 1) : atMost('x ≤ b', -x, 0, 1)] }));
    expect(mixed.verdict).toBe('holds');
    expect(mixed.power!.entries).toHaveLength(1);
    expect(mixed.power!.entries[0].measure).toBe('bound');
    expect(mixed.power!.entries[0].instances).toBe(mixed.runs);
    expect(mixed.power!.value!).toBeGreaterThanOrEqual(2 - 1e-12);
    expect(mixed.power!.value!).toBeLessThan(2.01);
  });

  test('a bound at rounding level allows every factor: the check could not have failed there', () => {
    // x·10⁻²⁰ ≤ 10⁻²⁰ with scale 1: both sides are far below the tolerance.
    const r = runClaim(bounded(1, { check: ({ x }) => [atMost('tiny', x * 1e-20, 1e-20, 1)] }));
    expect(r.power!.unbounded).toBe(true);
    expect(unexercised(r.power)).toHaveLength(1);
  });
});

describe('constants', () => {
  const withConstant = (need: number) =>
    bounded(1, {
      check: ({ x }) => [atLeast('x ≥ −C', x, -10, 1)],
      constants: { C: { printed: () => 10, formula: '10' } },
      witness: { C: ({ x }) => need * x },
    });

  test('f = printed / largest witness, and the headline is the weakest of bound and constant', () => {
    const r = runClaim(withConstant(1e-3));
    const c = r.power!.entries.find((e) => e.target === 'constant C')!;
    // witness ≤ 10⁻³ on x ≤ 1, so f ≥ 10⁴, attained near x = 1.
    expect(c.value!).toBeGreaterThanOrEqual(1e4);
    expect(c.value!).toBeLessThan(1.01e4);
    expect(r.power!.weakest).toBe('x ≥ −C'); // x ≥ −10 with x > 0: f = ∞ on that side
    expect(r.power!.unbounded).toBe(true);
    expect(unexercisedSentence(r, c)).toContain('cannot distinguish the printed C from one 1.00e+4 times smaller');
  });

  test('a constant no instance needs has f = ∞ and is reported as removable by the check', () => {
    const r = runClaim(withConstant(-1));
    const c = r.power!.entries.find((e) => e.target === 'constant C')!;
    expect(c.unbounded).toBe(true);
    expect(c.value).toBeNull();
    expect(unexercisedSentence(r, c)).toContain('would pass with C = 0');
  });
});

describe('identities', () => {
  test('an exact identity is detected at the tolerance: ρ = tol + residual/scale', () => {
    const r = runClaim({
      ...bounded(1),
      kind: 'identity',
      check: ({ x }) => [equal('x·2 = x + x', 2 * x, x + x, 2 * x)],
    });
    expect(r.power!.measure).toBe('identity');
    expect(r.power!.value).toBe(relativeTolerance('identity', 1));
    expect(r.power!.entries[0].missedUpTo).toBe(relativeTolerance('identity', 1));
  });
});

describe('by construction', () => {
  test('a condition declared to hold by construction is listed but never the headline', () => {
    const r = runClaim(
      bounded(1, {
        check: ({ x }) => [atMost('(a) x ≤ 1', x, 1, 1), atMost('(b) x ≤ 10⁶', x, 1e6, 1)],
        powerNotes: { byConstruction: { '(b)': 'planted' } },
      }),
    );
    expect(r.power!.weakest).toBe('(a) x ≤ 1');
    expect(r.power!.entries.find((e) => e.target.startsWith('(b)'))!.byConstruction).toBe('planted');
    expect(unexercised(r.power)).toEqual([]);
  });
});

describe('relations and probabilities', () => {
  test('a slope interval of half-width h refutes a deviation beyond the band by more than h', () => {
    expect(relationPower('s', [0.2, 0.6], [-0.1, 0.1]).value).toBeCloseTo(0.1 + 0.2, 12);
    expect(relationPower('s', [0.2, 0.6], [Number.NEGATIVE_INFINITY, 0.2]).value).toBeCloseTo(0.2, 12);
    expect(relationPower('s', [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], [0, 1]).unbounded).toBe(true);
  });

  test('a probability is refuted by a shortfall of p − k_max/n, with k_max the largest count whose upper bound is below p', () => {
    const [n, p, alpha] = [200, 0.9, 1e-3];
    const upper = (k: number) => clopperPearson(k, n, alpha)[1];
    const e = probabilityPower('P', p, n, upper);
    const kMax = Math.round((p - e.value!) * n);
    expect(upper(kMax)).toBeLessThan(p);
    expect(upper(kMax + 1)).toBeGreaterThanOrEqual(p);
    // Ten trials cannot refute p = 0.5 at this confidence: even 0 successes has an upper bound above it.
    expect(probabilityPower('P', 0.5, 10, (k) => clopperPearson(k, 10, alpha)[1]).unbounded).toBe(true);
  });

  test('the headline of a claim is its weakest entry, bounds before relations before identities', () => {
    const h = headline([
      { target: 'a', measure: 'identity', value: 1e-3, instances: 1 },
      { target: 'b', measure: 'bound', value: 3, instances: 1 },
      { target: 'c', measure: 'bound', value: UNEXERCISED * 2, instances: 1 },
    ])!;
    expect(h.weakest).toBe('c');
    expect(headline([])).toBeNull();
  });
});
