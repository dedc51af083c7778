/**
 * src/gd/flow.ts: the flow's vector field is the engine's step direction (the slope extraction along
 * steps is tested with its one definition, properties/claims/measured.test.ts).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { gdStep } from '../../src/gd/index.ts';
import { flowField, rk4 } from '../../src/gd/flow.ts';
import { combine, fromRows, frobenius, sub } from '../../src/linalg/dense.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { gaussian, stepSize } from '../../src/random/arbitraries.ts';

const shape = fc.record({ m: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 4 }) });
const problem = shape.chain(({ m, n, d }) => fc.record({ sigma: gaussian(m, n), U: gaussian(m, d), V: gaussian(n, d), eta: stepSize(0.5) }));

describe('gradient flow', () => {
  test.prop([problem])('one GD step is one Euler step of the flow field', ({ sigma, U, V, eta }) => {
    const f = flowField(sigma, U, V);
    const next = gdStep(sigma, U, V, eta);
    const scale = frobenius(U) + frobenius(V) + eta * (frobenius(sigma) + frobenius(U) * frobenius(V)) * (frobenius(U) + frobenius(V));
    const tol = relativeTolerance('identity', Math.max(sigma.rows, sigma.cols));
    expect(frobenius(sub(next.U, combine([1, U], [eta, f.U])))).toBeLessThanOrEqual(tol * scale);
    expect(frobenius(sub(next.V, combine([1, V], [eta, f.V])))).toBeLessThanOrEqual(tol * scale);
  });
});

describe('rk4', () => {
  // ȧ = (σ − a²)a, whose s = a² has the closed form of YD21 Cor. 1.2: s_t = σe^{2σt}/(e^{2σt} + σ/a₀² − 1).
  const sigma = 1.5;
  const a0 = 0.2;
  const t = 2;
  const exact = Math.sqrt((sigma * Math.exp(2 * sigma * t)) / (Math.exp(2 * sigma * t) + sigma / (a0 * a0) - 1));
  const solve = (steps: number) => {
    const [y] = rk4(([a]) => [fromRows([[(sigma - a.data[0] ** 2) * a.data[0]]])], [fromRows([[a0]])], t, steps);
    return y.data[0];
  };
  test('is fourth order: halving h divides the error by about 16', () => {
    const [e1, e2] = [Math.abs(solve(40) - exact), Math.abs(solve(80) - exact)];
    expect(e2).toBeLessThan(1e-6);
    expect(e1 / e2).toBeGreaterThan(12);
    expect(e1 / e2).toBeLessThan(20);
  });
});
