/**
 * The instance builders of src/random: each satisfies the hypotheses it advertises on every draw,
 * shrinks towards the documented simplest instance (so counterexamples are readable), and the seeded
 * Gaussian draws are the documented generator (seedrandom's ARC4 + Box–Muller), so a recorded seed
 * gives the same matrix everywhere.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { diag, frobenius, type Mat, mul, sub, toRows, transpose } from '../../src/linalg/dense.ts';
import { opNorm, orthogonalityDefect, symmetricEigenvalues } from '../../src/linalg/spectral.ts';
import {
  diagonalSigma,
  fractionOfMax,
  gaussian,
  gridMatrix,
  inRange,
  openUnitInterval,
  orthogonal,
  seed,
  spectrum,
  stepSize,
  symmetricGrid,
  UNIT_RESOLUTION,
  unitInterval,
  withSpectrum,
} from '../../src/random/arbitraries.ts';
import { gaussianMatrix, gaussianStream } from '../../src/random/gaussian.ts';
import { diagonalState, stateSize } from '../../src/random/instances.ts';
import { jcdState, jcdStateSize, openFraction } from '../../lemmas/jcd/support/instances.ts';
import { coarseLemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';
import { STAGE_ONE_RANGES, stageOneState } from '../../lemmas/yd21/support/stage-one.ts';

const RUNS = { numRuns: 200, seed: 42 };
const sample = <T>(arb: fc.Arbitrary<T>, n = 300) => fc.sample(arb, { numRuns: n, seed: 7 });
/** The value fast-check shrinks to when every value is a counterexample. */
function shrunk<T>(arb: fc.Arbitrary<T>): T {
  const details = fc.check(
    fc.property(arb, () => false),
    { seed: 3 },
  );
  return details.counterexample![0] as T;
}
const rel = 1e-12;

describe('scalar builders: ranges, attained ends, shrink targets', () => {
  test('unitInterval: the grid {0, 1/R, …, 1}, both ends attained, shrinks to 0', () => {
    expect(UNIT_RESOLUTION).toBe(1_000_000);
    const xs = sample(unitInterval(), 1000);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(Number.isInteger(Math.round(x * UNIT_RESOLUTION))).toBe(true);
      expect(Math.abs(x * UNIT_RESOLUTION - Math.round(x * UNIT_RESOLUTION))).toBeLessThan(1e-6);
    }
    expect(xs).toContain(0);
    expect(xs).toContain(1);
    expect(shrunk(unitInterval())).toBe(0);
  });

  test('fractionOfMax in (0, 1], uniform with the end 1 attained, shrinks to 1; inRange(lo, hi) shrinks to lo and reaches hi', () => {
    const fs = sample(fractionOfMax(), 1000);
    expect(Math.min(...fs)).toBeGreaterThan(0);
    // Uniform on the grid (no bias toward its ends): the open end is approached, the closed end 1 drawn exactly.
    expect(Math.min(...fs)).toBeLessThan(0.01);
    expect(fs.filter((f) => f === 1).length).toBeGreaterThan(20);
    expect(fs.filter((f) => f < 0.5).length).toBeGreaterThan(400);
    expect(shrunk(fractionOfMax())).toBe(1);
    const rs = sample(inRange(-3, 5), 1000);
    expect(Math.min(...rs)).toBe(-3);
    expect(Math.max(...rs)).toBe(5);
    expect(shrunk(inRange(-3, 5))).toBe(-3);
  });

  test('openUnitInterval: never 0 or 1, uniform on its grid up to 1/R from them, shrinks to ½', () => {
    const bs = sample(openUnitInterval(), 1000);
    expect(Math.min(...bs)).toBeGreaterThanOrEqual(1 / UNIT_RESOLUTION);
    expect(Math.max(...bs)).toBeLessThanOrEqual(1 - 1 / UNIT_RESOLUTION);
    expect(Math.min(...bs)).toBeLessThan(0.01);
    expect(Math.max(...bs)).toBeGreaterThan(0.99);
    expect(shrunk(openUnitInterval())).toBe(0.5);
    expect(shrunk(seed())).toBe(0);
    const seeds = sample(seed(), 1000);
    expect(Math.max(...seeds)).toBe(0x7fffffff);
    expect(Math.min(...seeds)).toBe(0);
  });

  test('stepSize(max) in (0, max], shrinks to max; openFraction in (0, 1), shrinks to 1 − 1e-6', () => {
    const es = sample(stepSize(0.25), 1000);
    expect(Math.min(...es)).toBeGreaterThan(0);
    expect(Math.max(...es)).toBe(0.25);
    expect(shrunk(stepSize(0.25))).toBe(0.25);
    const os = sample(openFraction(), 1000);
    expect(Math.max(...os)).toBe(1 - 1e-6);
    expect(Math.min(...os)).toBeGreaterThan(0);
    expect(shrunk(openFraction())).toBe(1 - 1e-6);
  });
});

describe('matrix builders', () => {
  test('gridMatrix: the shape, entries k·bound/steps with |k| ≤ steps (both ends attained), shrinks to 0', () => {
    const ms = sample(gridMatrix(2, 3, 2, 8), 300);
    const all: number[] = [];
    for (const m of ms) {
      expect([m.rows, m.cols, m.data.length]).toEqual([2, 3, 6]);
      for (const v of m.data) {
        expect(Number.isInteger(v * 4)).toBe(true);
        expect(Math.abs(v)).toBeLessThanOrEqual(2);
        all.push(v);
      }
    }
    expect(Math.max(...all)).toBe(2);
    expect(Math.min(...all)).toBe(-2);
    expect(toRows(shrunk(gridMatrix(2, 2)))).toEqual([
      [0, 0],
      [0, 0],
    ]);
    // Defaults: bound 1 on a grid of thousandths.
    for (const m of sample(gridMatrix(1, 4), 50)) for (const v of m.data) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(sample(gridMatrix(1, 4), 300).some((m) => m.data.some((v) => !Number.isInteger(v * 8)))).toBe(true);
  });

  test('orthogonal() is orthogonal and shrinks to I; symmetricGrid is symmetric on the half-grid, shrinking to 0', () => {
    expect(toRows(shrunk(orthogonal(3)))).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    for (const q of sample(orthogonal(3), 50)) expect(orthogonalityDefect(q)).toBeLessThan(1e-13);
    expect(sample(orthogonal(2), 50).some((q) => Math.abs(q.data[1]) > 0.1)).toBe(true);
    for (const s of sample(symmetricGrid(3, 2, 8), 100)) {
      expect(toRows(s)).toEqual(toRows(transpose(s)));
      for (const v of s.data) expect(Number.isInteger(v * 8)).toBe(true);
    }
    expect(toRows(shrunk(symmetricGrid(2)))).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  test('spectrum: count values in [lo, hi], decreasing, both ends reached, shrinking to all = lo; withSpectrum has them as eigenvalues', () => {
    const vs = sample(spectrum(4, 1, 3), 300);
    for (const v of vs) {
      expect(v).toHaveLength(4);
      for (let i = 1; i < 4; i++) expect(v[i]).toBeLessThanOrEqual(v[i - 1]);
      expect(Math.min(...v)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...v)).toBeLessThanOrEqual(3);
    }
    expect(Math.max(...vs.flat())).toBe(3);
    expect(shrunk(spectrum(3, 1, 3))).toEqual([1, 1, 1]);
    const q = shrunk(orthogonal(3));
    const evs = symmetricEigenvalues(withSpectrum(sample(orthogonal(3), 1)[0], [3, 2, -1]));
    evs.forEach((e, i) => {
      expect(e).toBeCloseTo([3, 2, -1][i], 12);
    });
    expect(toRows(withSpectrum(q, [3, 2, 1]))).toEqual(toRows(diag([3, 2, 1])));
  });

  test('diagonalSigma: m×n, diagonal of rank d with values in [σ_d, σ₁]', () => {
    for (const s of sample(diagonalSigma(3, 4, 2, 0.5, 2), 100)) {
      expect([s.rows, s.cols]).toEqual([3, 4]);
      const d = [s.data[0], s.data[5]];
      expect(d[0]).toBeGreaterThanOrEqual(d[1]);
      expect(d[1]).toBeGreaterThanOrEqual(0.5);
      expect(d[0]).toBeLessThanOrEqual(2);
      expect(s.data.filter((v) => v !== 0).length).toBeLessThanOrEqual(2);
      expect(s.data[10]).toBe(0);
    }
  });
});

describe('seeded Gaussian draws', () => {
  /** The documented generator: seedrandom(seed) uniforms u, v (u ≠ 0), r = √(−2 ln u), then r cos 2πv and r sin 2πv. */
  function reference(seedValue: string, count: number): number[] {
    const rng = seedrandom(seedValue);
    const out: number[] = [];
    while (out.length < count) {
      let u = 0;
      while (u === 0) u = rng();
      const v = rng();
      const r = Math.sqrt(-2 * Math.log(u));
      out.push(r * Math.cos(2 * Math.PI * v), r * Math.sin(2 * Math.PI * v));
    }
    return out.slice(0, count);
  }

  test('gaussianStream is Box–Muller on seedrandom, using both values of each pair', () => {
    const next = gaussianStream('abc');
    expect(Array.from({ length: 7 }, next)).toEqual(reference('abc', 7));
    const numeric = gaussianStream(12);
    expect(Array.from({ length: 4 }, numeric)).toEqual(reference('12', 4));
  });

  test('gaussianMatrix: std scales the draws; a stream can be shared between matrices', () => {
    const a = gaussianMatrix(2, 3, 3, 's');
    expect(Array.from(a.data)).toEqual(reference('s', 6).map((x) => 3 * x));
    const stream = gaussianStream('shared');
    const [m1, m2] = [gaussianMatrix(1, 3, 1, stream), gaussianMatrix(1, 2, 1, stream)];
    expect([...m1.data, ...m2.data]).toEqual(reference('shared', 5));
  });

  test('gaussian(r, c, std) draws from a seed named by the shape', () => {
    const [m] = fc.sample(gaussian(2, 2, 0.5), { numRuns: 1, seed: 9 });
    const [s] = fc.sample(seed(), { numRuns: 1, seed: 9 });
    expect(Array.from(m.data)).toEqual(reference(`gaussian:2x2:${s}`, 4).map((x) => 0.5 * x));
    const [unit] = fc.sample(gaussian(1, 2), { numRuns: 1, seed: 9 });
    expect(Array.from(unit.data)).toEqual(reference(`gaussian:1x2:${s}`, 2));
  });
});

/** Σ's diagonal entries of an m×n diagonal matrix. */
const diagonalOf = (s: Mat) => Array.from({ length: Math.min(s.rows, s.cols) }, (_, i) => s.data[i * s.cols + i]);
const isOnGrid = (m: Mat, step: number) => m.data.every((v) => Math.abs(v / step - Math.round(v / step)) < 1e-9);

describe('instance builders', () => {
  test('diagonalState: d ≤ maxD, m − d, n − d ≤ maxComplement, σ₁ ∈ [½, 2], σ_d ≥ 0.05σ₁ (both attained), grid entries, η ≤ etaMax/σ₁', () => {
    const opts = { maxD: 3, maxComplement: 2, entryBound: 1, entrySteps: 4, etaMaxTimesSigma1: 0.5 };
    fc.assert(
      fc.property(diagonalState(opts), (x) => {
        expect(x.d).toBeGreaterThanOrEqual(1);
        expect(x.d).toBeLessThanOrEqual(3);
        expect(x.m - x.d).toBeLessThanOrEqual(2);
        expect(x.n - x.d).toBeLessThanOrEqual(2);
        expect(x.m - x.d).toBeGreaterThanOrEqual(0);
        expect([x.U.rows, x.U.cols, x.V.rows, x.V.cols]).toEqual([x.m, x.d, x.n, x.d]);
        const s = x.sigmaValues;
        expect(s).toHaveLength(x.d);
        expect(s[0]).toBeGreaterThanOrEqual(0.5);
        expect(s[0]).toBeLessThanOrEqual(2);
        expect(s[x.d - 1]).toBeGreaterThanOrEqual(0.05 * s[0] * (1 - rel));
        for (let i = 1; i < x.d; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
        expect(diagonalOf(x.sigma).slice(0, x.d)).toEqual(s);
        expect(isOnGrid(x.U, 0.25) && isOnGrid(x.V, 0.25)).toBe(true);
        for (const v of [...x.U.data, ...x.V.data]) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        expect(x.eta).toBeGreaterThan(0);
        expect(x.eta).toBeLessThanOrEqual((0.5 / s[0]) * (1 + rel));
        expect(stateSize(x)).toBe(Math.max(x.m, x.n));
      }),
      RUNS,
    );
    const xs = sample(diagonalState(), 300);
    expect(Math.max(...xs.map((x) => x.d))).toBe(4);
    expect(Math.max(...xs.map((x) => x.m - x.d))).toBe(3);
    expect(Math.max(...xs.map((x) => x.n - x.d))).toBe(3);
    expect(Math.min(...xs.map((x) => x.sigmaValues[0]))).toBeLessThan(0.6);
    expect(Math.max(...xs.map((x) => x.sigmaValues[0]))).toBeGreaterThan(1.9);
    expect(Math.max(...xs.map((x) => x.eta * x.sigmaValues[0]))).toBeCloseTo(1, 12);
    expect(Math.max(...xs.flatMap((x) => [...x.U.data]))).toBe(2);
    for (const x of sample(diagonalState({ etaTimesSigma1: 0.3 }), 50)) expect(x.eta * x.sigmaValues[0]).toBeCloseTo(0.3, 14);
    // Shrinks to d = 1, m = n = 1, zero factors, η at its maximum.
    const small = shrunk(diagonalState());
    expect([small.d, small.m, small.n]).toEqual([1, 1, 1]);
    expect(frobenius(small.U) + frobenius(small.V)).toBe(0);
    expect(small.eta * small.sigmaValues[0]).toBe(1);
  });

  test('jcdState: r ≤ maxR, k − r ≤ maxExtraColumns, tail ratio ≤ maxTailRatio, σ₁ ∈ [½, 2], η ≤ etaMax/σ₁, grid factors', () => {
    const opts = { maxR: 2, maxComplement: 2, maxExtraColumns: 1, maxTailRatio: 0.5, entryBound: 1, entrySteps: 2, etaMaxTimesSigma1: 0.25 };
    fc.assert(
      fc.property(jcdState(opts), (x) => {
        expect(x.r).toBeGreaterThanOrEqual(1);
        expect(x.r).toBeLessThanOrEqual(2);
        expect(x.k - x.r).toBeLessThanOrEqual(1);
        expect(x.k).toBeGreaterThanOrEqual(x.r);
        expect(Math.max(x.m, x.n) - x.r).toBeLessThanOrEqual(2);
        expect(Math.min(x.m, x.n)).toBeGreaterThanOrEqual(x.r);
        const v = x.sigmaValues;
        expect(v[0]).toBeGreaterThanOrEqual(0.5);
        expect(v[0]).toBeLessThanOrEqual(2);
        expect(v[x.r - 1]).toBeGreaterThanOrEqual(0.05 * v[0] * (1 - rel));
        if (x.r === 1) expect(v[0]).toBe(v[x.r - 1]);
        expect(x.tailRatio).toBeLessThanOrEqual(0.5);
        if (v.length === x.r) expect(x.tailRatio).toBe(0);
        else expect(v[x.r]).toBeCloseTo(x.tailRatio * v[x.r - 1], 14);
        for (let i = x.r + 1; i < v.length; i++) expect(v[i]).toBeLessThanOrEqual(v[x.r]);
        expect([x.F.rows, x.F.cols, x.G.rows, x.G.cols]).toEqual([x.m, x.k, x.n, x.k]);
        expect(isOnGrid(x.F, 0.5) && isOnGrid(x.G, 0.5)).toBe(true);
        for (const e of [...x.F.data, ...x.G.data]) expect(Math.abs(e)).toBeLessThanOrEqual(1);
        expect(x.eta).toBeGreaterThan(0);
        expect(x.eta).toBeLessThanOrEqual((0.25 / v[0]) * (1 + rel));
        expect(jcdStateSize(x)).toBe(Math.max(x.m, x.n, x.k));
      }),
      RUNS,
    );
    const xs = sample(jcdState(), 300);
    expect(Math.max(...xs.map((x) => x.r))).toBe(3);
    expect(Math.max(...xs.map((x) => x.k - x.r))).toBe(3);
    expect(Math.max(...xs.map((x) => x.m - x.r))).toBe(3);
    expect(Math.max(...xs.map((x) => x.n - x.r))).toBe(3);
    expect(Math.max(...xs.map((x) => x.tailRatio))).toBeCloseTo(0.99, 12);
    expect(Math.max(...xs.map((x) => x.eta * x.sigmaValues[0]))).toBeCloseTo(1, 12);
    expect(Math.max(...xs.flatMap((x) => [...x.F.data]))).toBe(2);
    expect(xs.some((x) => Math.min(x.m, x.n) > x.r + 1)).toBe(true);
    const small = shrunk(jcdState());
    expect([small.r, small.k, small.m, small.n, small.tailRatio]).toEqual([1, 1, 1, 1, 0]);
  });

  test('lemmaInstance: d ∈ [1, 5], σ_d = rσ₁ (r ∈ [0.01, 1]), spec(Σ) ⊂ [σ_d, σ₁] with σ_d attained, β ∈ (0, 1), η = f·β/(8σ₁)', () => {
    fc.assert(
      fc.property(
        lemmaInstance((s1) => [s1, 2 * s1]),
        (x) => {
          expect(x.d).toBeGreaterThanOrEqual(1);
          expect(x.d).toBeLessThanOrEqual(5);
          expect(x.sigma1).toBeGreaterThanOrEqual(0.5);
          expect(x.sigma1).toBeLessThanOrEqual(2);
          expect(x.sigmaD / x.sigma1).toBeGreaterThanOrEqual(0.01 * (1 - rel));
          const sig = symmetricEigenvalues(x.Sigma);
          expect(sig[0]).toBeLessThanOrEqual(x.sigma1 * (1 + 1e-12));
          expect(sig.at(-1)!).toBeGreaterThanOrEqual(x.sigmaD * (1 - 1e-12));
          const ev = symmetricEigenvalues(x.X);
          expect(ev.at(-1)!).toBeGreaterThanOrEqual(x.sigma1 * (1 - 1e-12));
          expect(ev[0]).toBeLessThanOrEqual(2 * x.sigma1 * (1 + 1e-12));
          expect(x.beta).toBeGreaterThan(0);
          expect(x.beta).toBeLessThan(1);
          expect(x.eta).toBeGreaterThan(0);
          expect(x.eta).toBeLessThanOrEqual((x.beta / (8 * x.sigma1)) * (1 + rel));
        },
      ),
      RUNS,
    );
    for (const x of sample(
      lemmaInstance(() => [1, 1], { etaFactor: 2 }),
      30,
    ))
      expect(x.eta).toBeCloseTo((2 * x.beta) / (8 * x.sigma1), 15);
    const xs = sample(
      lemmaInstance(() => [1, 1]),
      300,
    );
    expect(Math.max(...xs.map((x) => x.d))).toBe(5);
    expect(Math.min(...xs.map((x) => x.sigmaD / x.sigma1))).toBeCloseTo(0.01, 12);
    expect(Math.max(...xs.map((x) => (8 * x.sigma1 * x.eta) / x.beta))).toBeCloseTo(1, 12);
    // Σ and X commute when the rotation between their eigenvectors is the identity (it shrinks there).
    const small = shrunk(lemmaInstance((s1) => [s1, 2 * s1]));
    expect(frobenius(sub(mul(small.Sigma, small.X), mul(small.X, small.Sigma)))).toBeLessThan(1e-12);
    // And they need not commute otherwise.
    expect(
      sample(
        lemmaInstance((s1) => [s1, 2 * s1]),
        100,
      ).some((x) => frobenius(sub(mul(x.Sigma, x.X), mul(x.X, x.Sigma))) > 1e-3),
    ).toBe(true);
  });

  test('coarseLemmaInstance: d ∈ [1, 3], σ₁ ∈ {½, ¾, …, 2}, σ_d = σ₁j/8, β = i/64, η = (k/8)·β/(8σ₁), the spectra as printed', () => {
    fc.assert(
      fc.property(
        coarseLemmaInstance((s1, d) => fc.constant(Array.from({ length: d }, () => s1))),
        (x) => {
          expect(x.d).toBeGreaterThanOrEqual(1);
          expect(x.d).toBeLessThanOrEqual(3);
          expect(Number.isInteger(x.sigma1 * 4)).toBe(true);
          expect(x.sigma1).toBeGreaterThanOrEqual(0.5);
          expect(x.sigma1).toBeLessThanOrEqual(2);
          const j = (8 * x.sigmaD) / x.sigma1;
          expect(Math.abs(j - Math.round(j))).toBeLessThan(1e-12);
          expect(j).toBeGreaterThanOrEqual(1 - 1e-12);
          if (x.d === 1) expect(x.sigmaD).toBe(x.sigma1);
          const i = x.beta * 64;
          expect(Number.isInteger(i) && i >= 1 && i <= 63).toBe(true);
          const k = (x.eta * 8 * x.sigma1 * 8) / x.beta;
          expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-9);
          expect(Math.round(k)).toBeGreaterThanOrEqual(1);
          expect(Math.round(k)).toBeLessThanOrEqual(8);
          const sig = symmetricEigenvalues(x.Sigma);
          expect(sig[0]).toBeCloseTo(x.sigma1, 12);
          expect(sig.at(-1)!).toBeCloseTo(x.sigmaD, 12);
          for (const e of symmetricEigenvalues(x.X)) expect(e).toBeCloseTo(x.sigma1, 12);
        },
      ),
      RUNS,
    );
    const small = shrunk(coarseLemmaInstance((s1, d) => fc.constant(Array.from({ length: d }, () => s1))));
    expect(small.d).toBe(1);
    expect(small.eta).toBe(small.beta / (8 * small.sigma1));
  });

  test('stageOneState satisfies (1), (2), the J/K bounds, and the ε and η conditions it lists', () => {
    fc.assert(
      fc.property(stageOneState(), (x) => {
        const { d, m, n } = x;
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(4);
        expect(m - d).toBeLessThanOrEqual(3);
        expect(n - d).toBeLessThanOrEqual(3);
        const s = x.sigmaValues;
        expect(x.sigma1).toBe(s[0]);
        expect(x.sigmaD).toBe(s[d - 1]);
        expect(s[d - 1]).toBeGreaterThanOrEqual(0.05 * s[0] * (1 - rel));
        const top = (M: Mat, rows: number) => ({ rows, cols: d, data: M.data.slice(0, rows * d) });
        const bottom = (M: Mat) => ({ rows: M.rows - d, cols: d, data: M.data.slice(d * d) });
        const [U, V] = [top(x.U, d), top(x.V, d)];
        const A = { rows: d, cols: d, data: U.data.map((u, i) => (u + V.data[i]) / 2) };
        const B = { rows: d, cols: d, data: U.data.map((u, i) => (u - V.data[i]) / 2) };
        const eps = x.epsilon;
        const kappa = x.sigma1 / x.sigmaD;
        const { c, eb } = x;
        // c ∈ [1, 16], e_b/c ∈ [1, 4] ((2) asks e_b ≥ c).
        expect(c).toBeGreaterThanOrEqual(STAGE_ONE_RANGES.c[0]);
        expect(c).toBeLessThanOrEqual(STAGE_ONE_RANGES.c[1] * (1 + rel));
        expect(eb / c).toBeGreaterThanOrEqual(STAGE_ONE_RANGES.ebOverC[0] * (1 - rel));
        expect(eb / c).toBeLessThanOrEqual(STAGE_ONE_RANGES.ebOverC[1] * (1 + rel));
        // (1): ε²/(c²d) I ⪯ AAᵀ ⪯ 2Σ.
        const AAt = mul(A, transpose(A));
        const tol = 1e-10;
        expect(symmetricEigenvalues(AAt).at(-1)!).toBeGreaterThanOrEqual((eps * eps) / (c * c * d) - tol);
        expect(symmetricEigenvalues(sub(diag(s.map((v) => 2 * v)), AAt)).at(-1)!).toBeGreaterThanOrEqual(-tol);
        // (2): ‖B‖_F ≤ e_b d ε.
        expect(frobenius(B)).toBeLessThanOrEqual(eb * d * eps * (1 + tol));
        expect(opNorm(bottom(x.U))).toBeLessThanOrEqual(c * eps * Math.sqrt(Math.max(m - d, d)) * (1 + tol));
        expect(opNorm(bottom(x.V))).toBeLessThanOrEqual(c * eps * Math.sqrt(Math.max(n - d, d)) * (1 + tol));
        expect(eb * eb * eps * eps).toBeLessThanOrEqual((x.sigmaD / ((m + n) * d * kappa)) * (1 + tol));
        expect(eps).toBeLessThanOrEqual(((Math.sqrt(x.sigma1) * eb * d) / (c * c * (m + n))) * (1 + tol));
        expect(eps).toBeGreaterThan(0);
        expect(x.eta).toBeGreaterThan(0);
        expect(x.eta).toBeLessThanOrEqual((1 / (16 * x.sigma1)) * (1 + tol));
        // App. D as printed: 22σ₁³η² ≤ ε²/(c²d).
        expect(22 * x.sigma1 ** 3 * x.eta ** 2).toBeLessThanOrEqual(((eps * eps) / (c * c * d)) * (1 + tol));
      }),
      RUNS,
    );
    const xs = sample(stageOneState(), 200);
    // The ε of the construction is attained (f = 1): one of its two bounds is met with equality.
    expect(
      xs.some((x) => {
        const [m, n, d, c, eb] = [x.m, x.n, x.d, x.c, x.eb];
        const e1 = Math.sqrt(x.sigmaD / ((m + n) * d * (x.sigma1 / x.sigmaD))) / eb;
        const e2 = (Math.sqrt(x.sigma1) * eb * d) / (c * c * (m + n));
        return Math.abs(x.epsilon - Math.min(e1, e2)) < 1e-15;
      }),
    ).toBe(true);
    expect(Math.max(...xs.map((x) => x.d))).toBe(4);
    expect(Math.max(...xs.map((x) => x.m - x.d))).toBe(3);
    expect(xs.some((x) => x.m > x.d && frobenius({ rows: x.m - x.d, cols: x.d, data: x.U.data.slice(x.d * x.d) }) > 0)).toBe(true);
  });
});
