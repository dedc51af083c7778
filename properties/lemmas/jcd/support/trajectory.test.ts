/**
 * The engine extensions behind JCD's trajectory claims: the initialisation law of §4.1, general X
 * with a prescribed spectrum, the best rank-r approximation X_r, the sparse observation schedule,
 * the JCD diagnostics, dense and diagonal runs agreeing, theorem-regime configurations satisfying
 * their hypotheses by construction, and the explicit record of a regime below the double range.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import fcBase from 'fast-check';
import { runTrajectory, toDiagonalFrame } from '../../../../src/gd/index.ts';
import { makeStepper } from '../../../../src/gd/step.ts';
import { jcdDiagnostics } from '../../../../lemmas/jcd/support/diagnostics.ts';
import { jcdTrace } from '../../../../lemmas/jcd/support/trace.ts';
import { add, block, diag, frobenius, type Mat, mul, sub, transpose } from '../../../../src/linalg/dense.ts';
import { bestRankApproximation, truncatedSpectrum } from '../../../../src/linalg/low-rank.ts';
import { lambdaMax, opNorm, singularValues } from '../../../../src/linalg/spectral.ts';
import { drawJcdInit } from '../../../../lemmas/jcd/support/init.ts';
import { generalMatrix } from '../../../../src/random/general-matrix.ts';
import { baseCaseHolds, C_RHO, practicalConfigs, THEOREM_SHAPES, theoremConfig } from '../../../../lemmas/jcd/support/regimes.ts';
import { etaMax, logRhoMax } from '../../../../lemmas/jcd/support/times.ts';
import { regimeTrace } from '../../../../lemmas/jcd/support/regime-trace.ts';
import { thmA1 } from '../../../../lemmas/jcd/thm-a.1.final-error.ts';
import { runClaim } from '../../../../src/claims/runner.ts';

const spectrumArb = fc
  .record({ m: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 6 }), s: fc.integer({ min: 0, max: 1000 }) })
  .chain(({ m, n, s }) =>
    fc.record({
      m: fc.constant(m),
      n: fc.constant(n),
      seed: fc.constant(`t${s}`),
      values: fc
        .array(fc.integer({ min: 0, max: 40 }), { minLength: Math.min(m, n), maxLength: Math.min(m, n) })
        .map((v) => v.map((x) => x / 8).sort((a, b) => b - a)),
    }),
  );

describe('general X and its best rank-r approximation', () => {
  test.prop([spectrumArb])('generalMatrix has exactly the prescribed singular values', ({ m, n, seed, values }) => {
    const X = generalMatrix(values, m, n, seed);
    const sv = singularValues(X);
    values.forEach((v, i) => {
      expect(sv[i]).toBeCloseTo(v, 10);
    });
  });

  test('its singular vectors are not the axes (X is not diagonal)', () => {
    const X = generalMatrix([3, 2, 1], 4, 3, 'axes');
    expect(frobenius(sub(X, diag([3, 2, 1], 4, 3)))).toBeGreaterThan(1);
  });

  test.prop([spectrumArb, fc.integer({ min: 0, max: 6 })])(
    'X_r: rank r, ‖X − X_r‖ = σ_{r+1} (Eckart–Young), the diagonal truncation in the diagonal frame',
    ({ m, n, seed, values }, r) => {
      const X = generalMatrix(values, m, n, seed);
      const Xr = bestRankApproximation(X, r);
      const sv = singularValues(Xr);
      sv.slice(r).forEach((v) => {
        expect(v).toBeLessThan(1e-10);
      });
      expect(opNorm(sub(X, Xr))).toBeCloseTo(values[r] ?? 0, 10);
      expect(bestRankApproximation(diag(values, m, n), r)).toSatisfy((d: Mat) => frobenius(sub(d, diag(truncatedSpectrum(values, r), m, n))) < 1e-12);
    },
  );
});

describe('the initialisation of §4.1', () => {
  test('entries of F̃₀, G̃₀ have variance σ₁ (not standard deviation σ₁), scaled by ρ/(3√(m+n+k))', () => {
    const [m, n, k, sigma1, rho] = [60, 50, 40, 2.5, 1e-3];
    const init = drawJcdInit({ m, n, k, r: 1, sigma1, rho }, 'law');
    const factor = rho / (3 * Math.sqrt(m + n + k));
    const entries = [...init.F0.data, ...init.G0.data].map((x) => x / factor);
    const mean = entries.reduce((a, b) => a + b, 0) / entries.length;
    const variance = entries.reduce((a, b) => a + (b - mean) ** 2, 0) / (entries.length - 1);
    // 4400 entries: the sample variance is within 5·√(2/4400)·σ₁ ≈ 0.11σ₁ of σ₁ except with probability < 10⁻⁶.
    expect(Math.abs(variance - sigma1)).toBeLessThan(0.11 * sigma1);
    expect(Math.abs(mean)).toBeLessThan(0.1);
  });
});

describe('runTrajectory `when`', () => {
  test('observes at t = 0, where `when` holds, and at t = N, nowhere else', () => {
    const sigma = diag([1, 0.5]);
    const U0 = diag([0.1, 0.1]);
    const seen = runTrajectory({ sigma, U0, V0: U0, eta: 0.1, iters: 23, when: (t) => t % 10 <= 1, observe: (s) => s.t }).samples.map((s) => s.t);
    expect(seen).toEqual([0, 1, 10, 11, 20, 21, 23]);
  });

  test('fast-forwarded stretches give bitwise the iterates of step-by-step runs, on both kernels', () => {
    const sigma = generalMatrix([1.2, 0.7, 0.3], 4, 3, 'ff');
    const { F0, G0 } = drawJcdInit({ m: 4, n: 3, k: 2, r: 1, sigma1: 1.2, rho: 0.1 }, 'ff');
    for (const kernel of ['wasm', 'ts'] as const) {
      const stepper = makeStepper(sigma.data, 4, 3, 2, kernel);
      const [U, V] = [Float64Array.from(F0.data), Float64Array.from(G0.data)];
      let [u, v, nu, nv] = [Float64Array.from(F0.data), Float64Array.from(G0.data), new Float64Array(8), new Float64Array(6)];
      for (let i = 0; i < 137; i++) {
        stepper.step(u, v, 0.2, nu, nv);
        [u, nu] = [nu, u];
        [v, nv] = [nv, v];
      }
      stepper.advance(U, V, 0.2, 137);
      stepper.release();
      expect([...U]).toEqual([...u]);
      expect([...V]).toEqual([...v]);
    }
    const every = runTrajectory({ sigma, U0: F0, V0: G0, eta: 0.2, iters: 500, observe: (s) => [...s.U.data] });
    const sparse = runTrajectory({ sigma, U0: F0, V0: G0, eta: 0.2, iters: 500, when: (t) => t % 97 === 0, observe: (s) => [...s.U.data] });
    for (const s of sparse.samples) expect(s.value).toEqual(every.samples[s.t].value);
  });

  test('a run that diverges inside a fast-forwarded stretch reports the same step as a step-by-step run', () => {
    const sigma = diag([1, 0.5]);
    const U0 = diag([1, 1]);
    const plain = runTrajectory({ sigma, U0, V0: U0, eta: 5, iters: 200, observe: () => 0 });
    const sparse = runTrajectory({ sigma, U0, V0: U0, eta: 5, iters: 200, when: (t) => t % 50 === 0, observe: () => 0 });
    expect(plain.diverged).not.toBeNull();
    expect(sparse.diverged).toEqual(plain.diverged);
    expect([...sparse.final.U.data]).toEqual([...plain.final.U.data]);
  });
});

describe('JCD diagnostics and runs', () => {
  test('diagnostics agree with direct computations of ‖FGᵀ − X_s‖, ‖UᵀU + JᵀJ‖ and ‖J‖', () => {
    const values = [2, 1, 0.5];
    const sigma = diag(values, 4, 3);
    const { F0: F, G0: G } = drawJcdInit({ m: 4, n: 3, k: 3, r: 2, sigma1: 2, rho: 0.8 }, 'diag');
    const d = jcdDiagnostics(sigma, values, F, G, 2, 3);
    for (let s = 1; s <= 3; s++) expect(d.errors[s - 1]).toBeCloseTo(opNorm(sub(mul(F, transpose(G)), diag(truncatedSpectrum(values, s), 4, 3))), 12);
    const [U, J] = [block(F, 0, 2, 0, 3), block(F, 2, 4, 0, 3)];
    expect(d.gramF).toBeCloseTo(lambdaMax(add(mul(transpose(U), U), mul(transpose(J), J))), 12);
    expect(d.normJ).toBeCloseTo(opNorm(J), 14);
  });

  test('a dense run on X and a diagonal run on Σ_X record the same diagnostics (ρ moderate)', () => {
    const values = [1.5, 1, 0.4, 0.2];
    const X = generalMatrix(values, 5, 4, 'frames');
    const { F0, G0 } = drawJcdInit({ m: 5, n: 4, k: 3, r: 2, sigma1: 1.5, rho: 1e-3 }, 'frames');
    const run = { X, F0, G0, eta: 0.1, r: 2 };
    const dense = jcdTrace({ ...run, key: 'test:dense', frame: 'dense' }, { horizon: 300, samples: 30 });
    const diagonal = jcdTrace({ ...run, key: 'test:diagonal', frame: 'diagonal' }, { horizon: 300, samples: 30 });
    expect(dense.samples.map((s) => s.t)).toEqual(diagonal.samples.map((s) => s.t));
    dense.samples.forEach((s, i) => {
      expect(s.errors[1]).toBeCloseTo(diagonal.samples[i].errors[1], 9);
      expect(s.sigmaRA).toBeCloseTo(diagonal.samples[i].sigmaRA, 9);
    });
    // Memoised by key: the same object comes back.
    expect(jcdTrace({ ...run, key: 'test:dense', frame: 'dense' }, { horizon: 300, samples: 30 })).toBe(dense);
  });
});

describe('theorem-regime configurations', () => {
  test('satisfy the hypotheses of Theorem A.1 by construction, with a non-empty window T₀ ≤ T', () => {
    THEOREM_SHAPES.forEach((shape, i) => {
      const c = theoremConfig(shape, `theorem-pool:${i}`);
      expect(c.representable).toBe(true);
      expect(c.eta).toBe(etaMax(c));
      expect(c.logRho).toBeLessThanOrEqual(logRhoMax(c));
      expect(c.cRho).toBe(C_RHO);
      expect(c.values[shape.r] / c.values[shape.r - 1]).toBeCloseTo(shape.gamma, 12);
      expect(baseCaseHolds(c, Math.exp(c.logRho))).toBe(true);
      expect(c.times.T0).toBeLessThanOrEqual(c.times.T);
    });
  });

  test('a γ whose ρ is below the double range is an explicit error verdict naming the exponent, not a holds or a stack trace', () => {
    const c = theoremConfig({ ...THEOREM_SHAPES[0], gamma: 0.7 }, 'underflow');
    expect(c.representable).toBe(false);
    expect(() => regimeTrace(c)).toThrow(/needs ρ ≤ 10\^-849\.\d, below the double range/);
    const record = runClaim({ ...thmA1, id: 'jcd.thm-a.1.final-error', instances: fcBase.constant([c]) }, { runs: 1 });
    expect(record.verdict).toBe('error');
    expect(record.error).toMatch(/10\^-849/);
  });

  test('practical configurations: η = 0.25, σ_r = 1, ρ = 10^{−q} in range, dense runs', () => {
    for (const c of fcBase.sample(practicalConfigs(), { numRuns: 50, seed: 1 })) {
      expect(c.eta).toBe(0.25);
      expect(c.sigmaR).toBe(1);
      expect(-c.logRho / Math.LN10).toBeGreaterThanOrEqual(4 - 1e-9);
      expect(-c.logRho / Math.LN10).toBeLessThanOrEqual(14 + 1e-9);
      expect(c.frame).toBe('dense');
      expect(toDiagonalFrame(c.X, c.F0, c.G0).sigma.data[0]).toBeCloseTo(c.sigma1, 10);
    }
  });
});
