/** The instance builders satisfy their hypotheses by construction, on every draw. */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { orthogonalityDefect, symmetricEigenvalues } from '../../src/linalg/spectral.ts';
import { fractionOfMax, inRange, openUnitInterval, orthogonal, symmetricInRange } from '../../src/random/arbitraries.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';
import { diagonalState } from '../../src/random/instances.ts';
import { lemmaInstance } from '../../src/random/lemma-instances.ts';

const slack = 1e-12;

test.prop([fc.integer({ min: 1, max: 8 }).chain(orthogonal)])('orthogonal() is orthogonal', (q) => {
  expect(orthogonalityDefect(q)).toBeLessThan(1e-13);
});

test.prop([fc.integer({ min: 1, max: 6 }).chain((n) => symmetricInRange(n, -0.5, 2))])('symmetricInRange() has its spectrum in range', (s) => {
  for (const ev of symmetricEigenvalues(s)) {
    expect(ev).toBeGreaterThanOrEqual(-0.5 - slack);
    expect(ev).toBeLessThanOrEqual(2 + slack);
  }
});

test.prop([inRange(-3, 5), fractionOfMax(), openUnitInterval()])('scalar builders stay in their ranges', (x, f, b) => {
  expect(x).toBeGreaterThanOrEqual(-3);
  expect(x).toBeLessThanOrEqual(5);
  expect(f).toBeGreaterThan(0);
  expect(f).toBeLessThanOrEqual(1);
  expect(b).toBeGreaterThan(0);
  expect(b).toBeLessThan(1);
});

test.prop([lemmaInstance((s1) => [2 * s1 * 1e-3, 2 * s1])])('Lemma 3.2 instances satisfy its hypotheses', (x) => {
  const sig = symmetricEigenvalues(x.Sigma);
  const s = symmetricEigenvalues(x.X);
  expect(sig[0]).toBeLessThanOrEqual(x.sigma1 * (1 + slack));
  expect(sig.at(-1)!).toBeGreaterThanOrEqual(x.sigmaD * (1 - slack));
  expect(s.at(-1)!).toBeGreaterThan(0);
  expect(s[0]).toBeLessThanOrEqual(2 * x.sigma1 * (1 + slack));
  expect(x.eta).toBeGreaterThan(0);
  expect(x.eta).toBeLessThanOrEqual(x.beta / (8 * x.sigma1));
});

test.prop([diagonalState({ etaMaxTimesSigma1: 1 / 16 })])('diagonal states have a diagonal rank-d Σ within [σ_d, σ₁] and η ≤ 1/(16σ₁)', (x) => {
  expect(x.sigma.rows).toBe(x.m);
  expect(x.U.rows).toBe(x.m);
  expect(x.V.rows).toBe(x.n);
  expect(x.sigmaValues.length).toBe(x.d);
  for (let i = 0; i < x.m; i++)
    for (let j = 0; j < x.n; j++) {
      const v = x.sigma.data[i * x.n + j];
      if (i === j && i < x.d) expect(v).toBe(x.sigmaValues[i]);
      else expect(v).toBe(0);
    }
  expect(x.eta).toBeLessThanOrEqual(1 / (16 * x.sigmaValues[0]));
});

test('seeded Gaussian matrices are reproducible and standard normal', () => {
  const a = gaussianMatrix(100, 100, 1, 'test-seed');
  expect(Array.from(gaussianMatrix(100, 100, 1, 'test-seed').data)).toEqual(Array.from(a.data));
  const xs = Array.from(a.data);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  // 10⁴ draws: the standard errors of the mean and variance are 0.01 and 0.014; 5σ bounds.
  expect(Math.abs(mean)).toBeLessThan(0.05);
  expect(Math.abs(variance - 1)).toBeLessThan(0.07);
});
