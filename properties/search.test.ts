/**
 * The constant search and the hypothesis explorer on planted claims whose answers are known: the
 * search must find a planted supremum to within 1%, break a constant that is too small (and not one
 * that holds), and locate a planted hypothesis boundary.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atMost } from '../src/claims/compare.ts';
import type { Claim } from '../src/claims/types.ts';
import { type Mat } from '../src/linalg/dense.ts';
import { inRange, orthogonal, spectrum, withSpectrum } from '../src/random/arbitraries.ts';
import { exploreOne, exploreTwo } from '../src/search/explore.ts';
import { maximise } from '../src/search/maximise.ts';
import { decode, tapeStream } from '../src/search/tape.ts';
import { breakConstant, tighten } from '../src/search/tighten.ts';
import { hypothesis } from '../src/claims/hypotheses.ts';
import { spectrumWithin } from '../src/hypotheses/matrix.ts';

/** X = QΛQᵀ, Λ ⊂ [−1, 1]: "X₁₁ ≤ C" with C = 1 printed; sup X₁₁ = 1 exactly (Λ ∋ 1 with eigenvector e₁). */
type Planted = { X: Mat; a: number };
function plantedClaim(maxA = 1): Claim<Planted> {
  const instances = (fixed: Readonly<Record<string, number>>) =>
    fc
      .record({ q: orthogonal(3), ev: spectrum(3, -1, 1), a: fixed.a === undefined ? inRange(0, maxA) : fc.constant(fixed.a) })
      .map(({ q, ev, a }) => ({ X: withSpectrum(q, ev), a }));
  return {
    id: 'yd21.planted-rayleigh',
    source: { paper: 'YD21', where: 'test' },
    kind: 'inequality',
    statement: 'a·X₁₁ ≤ C',
    hypotheses: [
      hypothesis<{ X: Mat; a: number }>('x-spectrum', 'X symmetric with spectrum in [−1, 1]', (x) => spectrumWithin(x.X, -1, 1)),
      hypothesis<{ X: Mat; a: number }>('a-range', 'a ∈ [0, 1]', (x) => x.a >= 0 && x.a <= 1),
    ],
    constants: { C: { printed: () => 1, formula: '1' } },
    instances: instances({}),
    parameters: { specs: { a: { description: 'the factor a', allowed: [0, 1], explore: [0.5, 3], scale: 'linear' } }, instances },
    size: () => 3,
    check: (x, c) => [atMost('a·X₁₁ ≤ C', x.a * x.X.data[0], c.C, 1)],
    witness: { C: (x) => x.a * x.X.data[0] },
    expected: 'holds',
    sabotage: { description: 'C = 0.5', constants: { C: () => 0.5 } },
  };
}

describe('tighten', () => {
  test('finds a planted supremum (sup a·X₁₁ = 1) to within 1%', () => {
    const r = tighten(plantedClaim(), 'C', { budget: 6000, seed: 3 });
    expect(r.best).toBeGreaterThanOrEqual(0.99);
    expect(r.best).toBeLessThanOrEqual(1 + 1e-12);
    expect(r.ratio).toBeCloseTo(r.best, 12);
    expect(r.evaluations).toBe(6000);
    expect(r.history.at(-1)!.best).toBeGreaterThanOrEqual(r.best * (1 - 0.01));
  });

  test('is reproducible from its seed', () => {
    const [a, b] = [tighten(plantedClaim(), 'C', { budget: 800, seed: 9 }), tighten(plantedClaim(), 'C', { budget: 800, seed: 9 })];
    expect(b).toEqual(a);
  });

  test('local search beats sampling alone on the same budget', () => {
    const arb = plantedClaim().instances;
    const w = (x: Planted) => x.a * x.X.data[0];
    const sampledOnly = Math.max(...Array.from({ length: 2400 }, (_, i) => w(decode(arb, Array.from({ length: 16 }, tapeStream(`s${i}`)), 0).value.value)));
    const searched = maximise(arb, w, { budget: 6000, seed: 3 }).best.objective;
    expect(searched).toBeGreaterThan(sampledOnly);
  });

  test('--try breaks a constant that is too small, with a shrunk counterexample, and not one that holds', () => {
    const broken = breakConstant(plantedClaim(), 'C', '0.9', { budget: 5000, seed: 1 });
    expect(broken.refuted).toBe(true);
    expect(broken.counterexample!.failing[0].margin).toBeLessThan(0);
    const held = breakConstant(plantedClaim(), 'C', '1.0001', { budget: 2000, seed: 1 });
    expect(held.refuted).toBe(false);
    expect(held.note).toMatch(/not a proof/);
    expect(breakConstant(plantedClaim(), 'C', '0.5x', { budget: 5000, seed: 1 }).refuted).toBe(true);
  });
});

describe('explore', () => {
  test('locates a planted boundary: a·X₁₁ ≤ 1 first fails just above a = 1', () => {
    const r = exploreOne(plantedClaim(), 'a', [0.5, 3], { steps: 6, runs: 2000, seed: 2 });
    expect(r.firstFailure).not.toBeNull();
    expect(r.firstFailure!.value).toBeGreaterThan(1);
    expect(r.firstFailure!.value).toBeLessThan(1.25);
    expect(r.firstFailure!.record.replay).toMatch(/--set a=/);
    expect(r.points.find((p) => p.value === 0.5)!.verdict).toBe('holds');
  });

  test('a phase diagram has one cell per grid point', () => {
    const claim = plantedClaim();
    const twice: Claim<Planted> = {
      ...claim,
      parameters: {
        specs: { ...claim.parameters!.specs, b: { description: 'unused', allowed: [0, 1], explore: [0, 1], scale: 'linear' } },
        instances: claim.parameters!.instances,
      },
    };
    const d = exploreTwo(twice, ['a', 'b'], [[0.5, 3], [0, 1]], { steps: 3, runs: 300, seed: 1 });
    expect(d.cells).toHaveLength(9);
    expect(d.cells.filter((c) => c.x === 0.5).every((c) => c.verdict === 'holds')).toBe(true);
    expect(d.cells.filter((c) => c.x === 3).every((c) => c.verdict === 'refuted')).toBe(true);
  });
});

