/**
 * The small pieces of src/claims on hand-computed values: the tolerance policy (γ_n and its
 * per-kind factors, the grading of failures), comparisons and margins, instances as JSON, claims with parameters fixed, claim declarations and the
 * natural order of ids.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atLeast, atMost, equal, normalisedMargin } from '../../src/claims/compare.ts';
import { isAllowed, withParameters } from '../../src/claims/parameters.ts';
import { compareIds, findClaim, loadClaims } from '../../src/claims/registry.ts';
import { fromJson, toJson } from '../../src/claims/serialise.ts';
import { gamma, GRADE_LEVELS, grade, relativeTolerance, UNIT_ROUNDOFF } from '../../src/claims/tolerance.ts';
import { type Claim, defineClaim, isClaim } from '../../src/claims/types.ts';
import { fromRows, toRows } from '../../src/linalg/dense.ts';
import { UserError } from '../../src/errors.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';

describe('tolerance', () => {
  test('γ_n = nu/(1 − nu) with u = 2⁻⁵³; 16γ_n for identities, 64γ_n for inequalities and trajectories; n < 1 counts as 1', () => {
    expect(UNIT_ROUNDOFF).toBe(2 ** -53);
    expect(gamma(4)).toBe((4 * 2 ** -53) / (1 - 4 * 2 ** -53));
    expect(gamma(0)).toBe(0);
    expect(relativeTolerance('identity', 10)).toBe(16 * gamma(10));
    expect(relativeTolerance('inequality', 10)).toBe(64 * gamma(10));
    expect(relativeTolerance('trajectory', 10)).toBe(64 * gamma(10));
    expect(relativeTolerance('identity', 0)).toBe(16 * gamma(1));
    expect(relativeTolerance('identity', 1)).toBe(16 * gamma(1));
  });

  test('a failure is graded at relative 1e-12, 1e-9 and 1e-6 (a margin exactly at a level passes it)', () => {
    expect(GRADE_LEVELS).toEqual([1e-12, 1e-9, 1e-6]);
    expect(grade(-1e-10)).toEqual({ '1e-12': 'fails', '1e-9': 'passes', '1e-6': 'passes' });
    expect(grade(-1)).toEqual({ '1e-12': 'fails', '1e-9': 'fails', '1e-6': 'fails' });
    expect(grade(-1e-9)).toEqual({ '1e-12': 'fails', '1e-9': 'passes', '1e-6': 'passes' });
    expect(grade(-1e-13)).toEqual({ '1e-12': 'passes', '1e-9': 'passes', '1e-6': 'passes' });
  });
});

describe('comparisons', () => {
  test('equal: slack −|L − R| for numbers, −‖L − R‖_F for matrices', () => {
    expect(equal('n', 3, 5, 2)).toEqual({ label: 'n', lhs: 2, rhs: 0, slack: -2, scale: 2, relation: '=' });
    expect(equal('n', 5, 3, 1).lhs).toBe(2);
    const m = equal('m', fromRows([[1, 2]]), fromRows([[4, 6]]), 10);
    expect(m).toEqual({ label: 'm', lhs: 5, rhs: 0, slack: -5, scale: 10, relation: '=' });
  });

  test('atMost and atLeast: the slack is positive when the relation holds', () => {
    expect(atMost('a ≤ b', 1, 3, 2)).toEqual({ label: 'a ≤ b', lhs: 1, rhs: 3, slack: 2, scale: 2, relation: '≤' });
    expect(atLeast('a ≥ b', 1, 3, 2)).toEqual({ label: 'a ≥ b', lhs: 1, rhs: 3, slack: -2, scale: 2, relation: '≥' });
  });

  test('the margin is slack/scale, with a zero (or negative) scale read as 1', () => {
    expect(normalisedMargin(atMost('x', 0, 3, 2))).toBe(1.5);
    expect(normalisedMargin(atMost('x', 0, 3, 0))).toBe(3);
    expect(normalisedMargin(atMost('x', 0, 3, -2))).toBe(3);
  });
});

describe('instances as JSON', () => {
  test('matrices become { matrix: rows }, non-finite numbers strings, nested values recursively', () => {
    const x = {
      M: fromRows([
        [1, 2],
        [3, Number.NaN],
      ]),
      a: [1, Number.POSITIVE_INFINITY],
      s: 'txt',
      b: true,
      n: null,
      u: undefined,
      f: () => 1,
    };
    expect(toJson(x)).toEqual({
      M: {
        matrix: [
          [1, 2],
          [3, 'NaN'],
        ],
      },
      a: [1, 'Infinity'],
      s: 'txt',
      b: true,
      n: null,
      u: null,
      f: null,
    });
    expect(toJson(-0.1)).toBe(-0.1);
    expect(toJson({ rows: 1, data: [1] })).toEqual({ rows: 1, data: [1] }); // not a Mat: no Float64Array
  });

  test('fromJson reads matrices back, recursively, and leaves other values alone', () => {
    const back = fromJson({
      M: {
        matrix: [
          [1, 2],
          [3, 4],
        ],
      },
      list: [{ matrix: [[5]] }, 2],
      s: 'x',
      n: null,
    }) as Record<string, unknown>;
    expect(toRows(back.M as never)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(toRows((back.list as unknown[])[0] as never)).toEqual([[5]]);
    expect((back.list as unknown[])[1]).toBe(2);
    expect(back.s).toBe('x');
    expect(back.n).toBeNull();
    expect(fromJson({ matrix: 'not rows' })).toEqual({ matrix: 'not rows' });
  });
});

type P = { a: number };
const paramClaim: Claim<P> = {
  id: 'yd21.planted-params',
  source: { paper: 'YD21', where: 'test' },
  kind: 'inequality',
  statement: 'a ≤ 1',
  hypotheses: [hypothesis<P>('a-range', 'a ∈ [0, 1]', ({ a }) => a >= 0 && a <= 1)],
  instances: fc.constant({ a: 0.5 }),
  size: () => 1,
  check: ({ a }) => [atMost('a ≤ 1', a, 1, 1)],
  expected: 'holds',
  sabotage: { description: 'none' },
  parameters: {
    specs: {
      a: { description: 'a', allowed: [0, 1], explore: [0, 3], scale: 'linear' },
      b: { description: 'b', allowed: [2, 4], explore: [0, 9], scale: 'log' },
    },
    instances: (fixed) => fc.constant({ a: fixed.a ?? 0.25 }),
  },
};

describe('claims with parameters fixed', () => {
  test('the statement names the values and the instances are built at them', () => {
    const c = withParameters(paramClaim, { a: 2, b: 3 });
    expect(c.statement).toBe('a ≤ 1 [with a = 2, b = 3]');
    expect(fc.sample(c.instances, 1)[0]).toEqual({ a: 2 });
    expect(withParameters(paramClaim, {})).toBe(paramClaim);
  });

  test('unknown parameters, non-finite values and claims without parameters are user errors', () => {
    expect(() => withParameters(paramClaim, { c: 1 })).toThrow(new UserError("yd21.planted-params has no parameter 'c' (it has: a, b)"));
    expect(() => withParameters(paramClaim, { a: Number.NaN })).toThrow(new UserError('parameter a must be a finite number, got NaN'));
    expect(() => withParameters(paramClaim, { a: Number.POSITIVE_INFINITY })).toThrow(UserError);
    expect(() => withParameters({ ...paramClaim, parameters: undefined }, { a: 1 })).toThrow(new UserError('yd21.planted-params has no parameters to set'));
  });

  test('isAllowed: within the closed range the hypothesis allows', () => {
    const c = paramClaim as unknown as Claim;
    expect([0, 0.5, 1].map((v) => isAllowed(c, 'a', v))).toEqual([true, true, true]);
    expect([-0.01, 1.01].map((v) => isAllowed(c, 'a', v))).toEqual([false, false]);
    expect(isAllowed(c, 'b', 3)).toBe(true);
    expect(isAllowed(c, 'b', 1)).toBe(false);
    expect(isAllowed(c, 'zzz', 0)).toBe(false);
    expect(isAllowed({ ...c, parameters: undefined }, 'a', 0.5)).toBe(false);
  });
});

describe('claim declarations and the registry order', () => {
  test('defineClaim accepts catalog ids (and /corrected), rejects others and a refuted claim without erratum and sibling', () => {
    expect(defineClaim(paramClaim)).toBe(paramClaim);
    expect(defineClaim({ ...paramClaim, id: 'jcd.lemma-c.2/corrected' }).id).toBe('jcd.lemma-c.2/corrected');
    for (const id of ['YD21.x', 'yd21.', 'yd21.A', '2yd21.a', 'y_d21.a', 'yd21.a/fixed', 'yd21.a b'])
      expect(() => defineClaim({ ...paramClaim, id })).toThrow(`malformed claim id '${id}'`);
    expect(() => defineClaim({ ...paramClaim, expected: 'refuted', erratum: 'e' })).toThrow(
      'yd21.planted-params: a claim expected refuted needs an erratum note and a corrected sibling',
    );
    expect(() => defineClaim({ ...paramClaim, expected: 'refuted', corrected: 'yd21.x' })).toThrow(/needs an erratum/);
    expect(defineClaim({ ...paramClaim, expected: 'refuted', erratum: 'e', corrected: 'yd21.x' }).expected).toBe('refuted');
  });

  test('isClaim recognises a claim object', () => {
    expect(isClaim(paramClaim)).toBe(true);
    expect(isClaim(null)).toBe(false);
    expect(isClaim('yd21.x')).toBe(false);
    expect(isClaim({ ...paramClaim, id: 3 })).toBe(false);
    expect(isClaim({ ...paramClaim, check: 'no' })).toBe(false);
    const { instances: _omit, ...noInstances } = paramClaim;
    expect(isClaim(noInstances)).toBe(false);
  });

  test('ids sort naturally: numbers by value, text by code point, a prefix first', () => {
    const ids = ['yd21.eq-10', 'yd21.eq-2-3', 'yd21.eq-2', 'jcd.b', 'yd21.eq-9/corrected', 'yd21.eq-9', 'yd21.eq-10.a'];
    expect([...ids].sort(compareIds)).toEqual(['jcd.b', 'yd21.eq-2', 'yd21.eq-2-3', 'yd21.eq-9', 'yd21.eq-9/corrected', 'yd21.eq-10', 'yd21.eq-10.a']);
    expect(compareIds('a', 'a')).toBe(0);
    expect(compareIds('x2', 'x10')).toBeLessThan(0);
    expect(compareIds('x10', 'x2')).toBeGreaterThan(0);
    expect(compareIds('b', 'a')).toBeGreaterThan(0);
    expect(compareIds('', 'a')).toBeLessThan(0);
  });

  test('the registry loads every claim once, sorted, and finds one by id', async () => {
    const claims = await loadClaims();
    expect(await loadClaims()).toBe(claims);
    const ids = claims.map((c) => c.id);
    expect([...ids].sort(compareIds)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await findClaim('yd21.lemma-3.2'))?.id).toBe('yd21.lemma-3.2');
    expect(await findClaim('yd21.no-such-claim')).toBeUndefined();
  });
});
