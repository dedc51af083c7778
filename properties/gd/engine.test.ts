/**
 * The GD engine's own tests: the fused kernel against the dense formula, the trajectory loop
 * (sampling, divergence), the SVD rotation and the diagnostics on a hand-computed example.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { diagnostics, gdStep, loss, runTrajectory, toDiagonalFrame } from '../../src/gd/index.ts';
import { gdStepInto, makeStepBuffers } from '../../src/gd/step.ts';
import { combine, frobenius, fromRows, mul, mulAll, sub, transpose } from '../../src/linalg/dense.ts';
import { orthogonalityDefect } from '../../src/linalg/spectral.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { gaussian, stepSize } from '../../src/random/arbitraries.ts';

const shape = fc.record({ m: fc.integer({ min: 1, max: 12 }), n: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 6 }) });
const problem = shape.chain(({ m, n, d }) => fc.record({ sigma: gaussian(m, n), U: gaussian(m, d), V: gaussian(n, d), eta: stepSize(0.5) }));

describe('the fused GD kernel', () => {
  test.prop([problem])('equals U + η(Σ − UVᵀ)V, V + η(Σ − UVᵀ)ᵀU computed with dense products', ({ sigma, U, V, eta }) => {
    const R = sub(sigma, mul(U, transpose(V)));
    const expectedU = combine([1, U], [eta, mul(R, V)]);
    const expectedV = combine([1, V], [eta, mul(transpose(R), U)]);
    const next = gdStep(sigma, U, V, eta);
    const scale = frobenius(U) + frobenius(V) + eta * (frobenius(sigma) + frobenius(U) * frobenius(V)) * (frobenius(U) + frobenius(V));
    const tol = relativeTolerance('identity', Math.max(sigma.rows, sigma.cols));
    expect(frobenius(sub(next.U, expectedU))).toBeLessThanOrEqual(tol * scale);
    expect(frobenius(sub(next.V, expectedV))).toBeLessThanOrEqual(tol * scale);
  });

  test.prop([problem])('returns f(U_t, V_t) as computed by loss()', ({ sigma, U, V, eta }) => {
    const [m, n, d] = [sigma.rows, sigma.cols, U.cols];
    const f = gdStepInto(sigma.data, m, n, d, U.data, V.data, eta, new Float64Array(m * d), new Float64Array(n * d), makeStepBuffers(m, n, d));
    expect(Math.abs(f - loss(sigma, U, V))).toBeLessThanOrEqual(1e-12 * (1 + f));
  });

  test.prop([problem])('does not modify its inputs', ({ sigma, U, V, eta }) => {
    const before = [sigma, U, V].map((a) => Float64Array.from(a.data));
    gdStep(sigma, U, V, eta);
    expect([sigma.data, U.data, V.data]).toEqual(before);
  });
});

describe('runTrajectory', () => {
  const sigma = fromRows([
    [2, 0, 0],
    [0, 1, 0],
  ]);
  const U0 = fromRows([
    [0.01, 0.02],
    [0.03, -0.01],
  ]);
  const V0 = fromRows([
    [0.02, 0.01],
    [-0.01, 0.02],
    [0.01, 0.01],
  ]);

  test('samples t = 0, K, 2K, … and the last step', () => {
    const traj = runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 10, every: 4, observe: (s) => s.t });
    expect(traj.samples.map((s) => s.t)).toEqual([0, 4, 8, 10]);
    expect(traj.diverged).toBeNull();
    expect(traj.final.t).toBe(10);
  });

  test('N steps equal N applications of gdStep', () => {
    let state = { U: U0, V: V0 };
    for (let t = 0; t < 7; t++) state = gdStep(sigma, state.U, state.V, 0.1);
    const traj = runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 7, observe: () => null });
    expect(Array.from(traj.final.U.data)).toEqual(Array.from(state.U.data));
    expect(Array.from(traj.final.V.data)).toEqual(Array.from(state.V.data));
  });

  test('converges to a global minimum from a small initialisation (f → 0)', () => {
    const traj = runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 2000, every: 2000, observe: (s) => loss(sigma, s.U, s.V) });
    expect(traj.samples.at(-1)!.value).toBeLessThan(1e-20);
  });

  test('reports divergence instead of returning non-finite samples', () => {
    const traj = runTrajectory({
      sigma,
      U0: fromRows([
        [3, 1],
        [1, 3],
      ]),
      V0: fromRows([
        [3, 1],
        [1, 3],
        [1, 1],
      ]),
      eta: 10,
      iters: 500,
      observe: (s) => loss(sigma, s.U, s.V),
    });
    expect(traj.diverged).not.toBeNull();
    expect(traj.samples.every((s) => Number.isFinite(s.value))).toBe(true);
  });

  test('rejects a non-positive step size and mismatched shapes with a clear message', () => {
    expect(() => runTrajectory({ sigma, U0, V0, eta: 0, iters: 1, observe: () => 0 })).toThrow(/step size/);
    expect(() => runTrajectory({ sigma, U0: V0, V0, eta: 0.1, iters: 1, observe: () => 0 })).toThrow(/shapes do not fit/);
  });
});

describe('toDiagonalFrame', () => {
  const general = shape.chain(({ m, n, d }) => fc.record({ sigma: gaussian(m, n), U0: gaussian(m, d), V0: gaussian(n, d) }));
  test.prop([general])('gives orthogonal Φ, Ψ with ΦᵀΣΨ = Σ′ diagonal, decreasing', ({ sigma, U0, V0 }) => {
    const frame = toDiagonalFrame(sigma, U0, V0);
    const n = Math.max(sigma.rows, sigma.cols);
    const tol = 64 * relativeTolerance('identity', n);
    expect(orthogonalityDefect(frame.phi)).toBeLessThan(tol * sigma.rows);
    expect(orthogonalityDefect(frame.psi)).toBeLessThan(tol * sigma.cols);
    const back = mulAll(transpose(frame.phi), sigma, frame.psi);
    expect(frobenius(sub(back, frame.sigma))).toBeLessThan(tol * (1 + frobenius(sigma)));
    const values = Array.from({ length: Math.min(sigma.rows, sigma.cols) }, (_, i) => frame.sigma.data[i * sigma.cols + i]);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    expect(frobenius(sub(mul(frame.phi, frame.U0), U0))).toBeLessThan(tol * (1 + frobenius(U0)));
  });
});

test('diagnostics on a hand-computed state', () => {
  // Σ = diag(2, 0), d = 1: U = 1, J = 0.5, V = 1, K = 0 ⇒ A = 1, B = 0, P = 2 − 1 = 1,
  // UVᵀ − Σ = [[−1, 0], [0.5, 0]] ⇒ f = ½(1 + 0.25) = 0.625.
  const d = diagnostics(
    fromRows([
      [2, 0],
      [0, 0],
    ]),
    fromRows([[1], [0.5]]),
    fromRows([[1], [0]]),
  );
  expect(d).toEqual({ loss: 0.625, sigmaMinA: 1, lambdaMinP: 1, normP: 1, frobB: 0, normJ: 0.5, normK: 0 });
});
