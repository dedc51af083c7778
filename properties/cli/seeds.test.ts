/**
 * `check --seeds`: the seed list, and the comparison of per-seed results (a verdict that depends
 * on the seed, or is not the expected one, makes the run fail; inconclusive is never expected).
 */
import { describe, expect, test } from 'vitest';
import { compareSeeds, parseSeedList } from '../../src/cli/seeds.ts';
import { UserError } from '../../src/cli/errors.ts';

describe('parseSeedList', () => {
  test('lists, ranges, both mixed; duplicates once, in the order given', () => {
    expect(parseSeedList('1,2,3')).toEqual([1, 2, 3]);
    expect(parseSeedList('1..5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeedList('2021,1..3,2')).toEqual([2021, 1, 2, 3]);
    expect(parseSeedList('-2..0')).toEqual([-2, -1, 0]);
  });
  test('malformed lists are a user error', () => {
    for (const bad of ['', '1,,2', 'a', '3..1', '1..2000', '1.5', '99999999999']) expect(() => parseSeedList(bad)).toThrow(UserError);
  });
});

describe('compareSeeds', () => {
  const run = (seed: number, verdict: string, sabotage = 'refuted', expected = 'holds') => ({
    seed,
    claims: [{ id: 'x', verdict, expected, sabotage: { verdict: sabotage } }] as never,
  });
  test('the same expected verdict at every seed', () => {
    expect(compareSeeds([run(1, 'holds'), run(2, 'holds')])).toEqual([
      {
        id: 'x',
        bySeed: { 1: { verdict: 'holds', expected: 'holds', sabotage: 'refuted' }, 2: { verdict: 'holds', expected: 'holds', sabotage: 'refuted' } },
        differs: false,
        asExpected: true,
      },
    ]);
  });
  test('a verdict, or a sabotage verdict, that differs between seeds', () => {
    expect(compareSeeds([run(1, 'holds'), run(2, 'refuted')])[0]).toMatchObject({ differs: true, asExpected: false });
    expect(compareSeeds([run(1, 'holds'), run(2, 'holds', 'holds')])[0]).toMatchObject({ differs: true, asExpected: false });
  });
  test('the same verdict everywhere but not the expected one; inconclusive is never expected', () => {
    expect(compareSeeds([run(1, 'refuted'), run(2, 'refuted')])[0]).toMatchObject({ differs: false, asExpected: false });
    expect(compareSeeds([run(1, 'inconclusive', 'refuted', 'inconclusive'), run(2, 'inconclusive', 'refuted', 'inconclusive')])[0]).toMatchObject({
      differs: false,
      asExpected: false,
    });
  });
});
