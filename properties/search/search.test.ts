/**
 * The constant search and the hypothesis explorer on planted claims whose answers are known: the
 * search must find a planted supremum to within 1%, break a constant that is too small (and not one
 * that holds), and locate a planted hypothesis boundary.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atMost } from '../../src/claims/compare.ts';
import type { Claim } from '../../src/claims/types.ts';
import type { Mat } from '../../src/linalg/dense.ts';
import { inRange, orthogonal, spectrum, withSpectrum } from '../../src/random/arbitraries.ts';
import { exploreOne, exploreTwo } from '../../src/search/explore.ts';
import { maximise } from '../../src/search/maximise.ts';
import { nelderMead } from '../../src/search/nelder-mead.ts';
import { decode, tapeStream } from '../../src/search/tape.ts';
import { breakConstant, tighten } from '../../src/search/tighten.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { spectrumWithin } from '../../src/hypotheses/matrix.ts';

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

/**
 * Planted suprema the worst-case search must find (issue 16): a narrow, ill-conditioned peak in 8
 * dimensions, and a maximiser on a face of the box (two parameters at the ends of their allowed
 * ranges, the other six at a narrow interior peak). Both are far beyond what sampling finds.
 */
describe('planted suprema in 8 dimensions', () => {
  const D = 8;
  const centre = Array.from({ length: D }, (_, i) => 0.13 + 0.09 * i);
  // A Householder reflection I − 2vvᵀ rotates the peak's axes off the coordinate axes.
  const v0 = Array.from({ length: D }, (_, i) => Math.sin(i + 1));
  const v = v0.map((a) => a / Math.hypot(...v0));
  const curvature = Array.from({ length: D }, (_, i) => 10 ** ((2 * i) / (D - 1))); // condition number 100
  const width = 1e-3;
  const quadratic = (x: readonly number[], from = 0) => {
    const d = x.map((a, i) => (i < from ? 0 : a - centre[i]));
    const vd = d.reduce((acc, a, i) => acc + a * v[i], 0);
    return d.map((a, i) => a - 2 * vd * v[i]).reduce((acc, a, i) => acc + curvature[i] * a * a, 0);
  };
  /** sup = 1 at the centre only: 1/(1 + q/w²) with w = 10⁻³. */
  const peak = (x: readonly number[]) => 1 / (1 + quadratic(x) / width ** 2);
  /** sup = 2 at x₁ = x₂ = 1 (the upper face) with the rest at the centre of a narrow bowl. */
  const face = (x: readonly number[]) => x[0] + x[1] - quadratic(x, 2) / (100 * width ** 2);
  const cube = fc.tuple(...Array.from({ length: D }, () => inRange(0, 1)));

  function plantedCube(objective: (x: readonly number[]) => number, sup: number): Claim<number[]> {
    return {
      id: 'yd21.planted-cube',
      source: { paper: 'YD21', where: 'test' },
      kind: 'inequality',
      statement: 'g(x) ≤ C',
      hypotheses: [hypothesis<number[]>('cube', 'x ∈ [0, 1]⁸', (x) => x.every((v) => v >= 0 && v <= 1))],
      constants: { C: { printed: () => sup, formula: String(sup) } },
      instances: cube,
      size: () => 1,
      check: (x, c) => [atMost('g(x) ≤ C', objective(x), c.C, sup)],
      witness: { C: (x) => objective(x) },
      expected: 'holds',
      sabotage: { description: 'C = 0', constants: { C: () => 0 } },
    };
  }

  const sampledOnly = (objective: (x: readonly number[]) => number) =>
    Math.max(...Array.from({ length: 2400 }, (_, i) => objective(decode(cube, Array.from({ length: D }, tapeStream(`s${i}`)), 0).value.value)));

  test.each([1, 2, 3])('a narrow peak (width 10⁻³, condition 100) is found to within 1%, seed %i', (seed) => {
    expect(sampledOnly(peak)).toBeLessThan(0.01);
    const r = tighten(plantedCube(peak, 1), 'C', { budget: 6000, seed });
    // The search's maximum, then the presented instance (shrunk while within 1% of it).
    const found = r.history.at(-1)!.best;
    expect(found).toBeGreaterThanOrEqual(0.99);
    expect(found).toBeLessThanOrEqual(1);
    expect(r.best).toBeGreaterThanOrEqual(0.99 * found);
  });

  test.each([1, 2, 3])('a maximiser on a boundary face is found to within 1%, seed %i', (seed) => {
    expect(sampledOnly(face)).toBeLessThan(1.9);
    const r = tighten(plantedCube(face, 2), 'C', { budget: 6000, seed });
    const found = r.history.at(-1)!.best;
    expect(found).toBeGreaterThanOrEqual(1.98);
    expect(found).toBeLessThanOrEqual(2);
    expect(r.best).toBeGreaterThanOrEqual(0.99 * found);
    // The maximiser itself lies on the face: both parameters exactly at the end of their range.
    const m = maximise(cube, face, { budget: 6000, seed });
    expect(m.best.value.value.slice(0, 2)).toEqual([1, 1]);
  });
});

describe('Nelder–Mead on the box', () => {
  test('converges to an interior maximum and to one on a corner, and honours its budget exactly', () => {
    const interior = nelderMead(
      (x) => -((x[0] - 0.3) ** 2) - 10 * (x[1] - 0.7) ** 2 - (x[2] - 0.5) ** 2,
      [0.9, 0.1, 0.1],
      () => false,
      { step: 0.1, upper: 1 },
    );
    expect(interior.converged).toBe(true);
    interior.x.forEach((xi, i) => {
      expect(xi).toBeCloseTo([0.3, 0.7, 0.5][i], 4);
    });
    const corner = nelderMead(
      (x) => x[0] + 2 * x[1],
      [0.5, 0.5],
      () => false,
      { step: 0.1, upper: 1 },
    );
    expect(corner.x).toEqual([1, 1]);
    let calls = 0;
    const bowl = (x: number[]) => {
      calls++;
      return -x.reduce((acc, xi) => acc + (xi - 0.31) ** 2, 0);
    };
    expect(nelderMead(bowl, [0.9, 0.9, 0.9, 0.9, 0.9], () => calls >= 17, { step: 0.1, upper: 1 }).converged).toBe(false);
    expect(calls).toBe(17);
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
    const d = exploreTwo(
      twice,
      ['a', 'b'],
      [
        [0.5, 3],
        [0, 1],
      ],
      { steps: 3, runs: 300, seed: 1 },
    );
    expect(d.cells).toHaveLength(9);
    expect(d.cells.filter((c) => c.x === 0.5).every((c) => c.verdict === 'holds')).toBe(true);
    expect(d.cells.filter((c) => c.x === 3).every((c) => c.verdict === 'refuted')).toBe(true);
  });
});
