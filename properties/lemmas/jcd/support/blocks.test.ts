/**
 * The JCD block view (lemmas/jcd/support/blocks.ts) and its instance builder (lemmas/jcd/support/instances.ts):
 * blocks reassemble F, G and Σ_X; at r = k with a rank-r Σ_X it coincides with YD21's view; every
 * instance satisfies the hypotheses it advertises.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { blockState } from '../../../../src/gd/index.ts';
import { jcdBlockState } from '../../../../lemmas/jcd/support/blocks.ts';
import { block, diag, frobenius, sub, vstack } from '../../../../src/linalg/dense.ts';
import { gridMatrix } from '../../../../src/random/arbitraries.ts';
import { jcdState } from '../../../../lemmas/jcd/support/instances.ts';

describe('the JCD block view', () => {
  test.prop([jcdState()])('U, J and V, K reassemble F and G; Σ, Σ̃ are the diagonal blocks of Σ_X', (x) => {
    const s = jcdBlockState(x.sigma, x.F, x.G, x.r);
    expect(vstack(s.U, s.J)).toEqual(x.F);
    expect(vstack(s.V, s.K)).toEqual(x.G);
    expect(s.Sigma).toEqual(block(x.sigma, 0, x.r, 0, x.r));
    expect(s.SigmaTilde).toEqual(block(x.sigma, x.r, x.m, x.r, x.n));
    expect([s.U.rows, s.U.cols, s.J.rows, s.K.rows]).toEqual([x.r, x.k, x.m - x.r, x.n - x.r]);
  });

  test.prop([
    fc.record({ d: fc.integer({ min: 1, max: 3 }), mc: fc.integer({ min: 0, max: 2 }), nc: fc.integer({ min: 0, max: 2 }) }).chain(({ d, mc, nc }) =>
      fc.record({
        d: fc.constant(d),
        values: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: d, maxLength: d }),
        U: gridMatrix(d + mc, d, 2, 8),
        V: gridMatrix(d + nc, d, 2, 8),
      }),
    ),
  ])('at r = k and Σ_X of rank r it is YD21’s view (A, B, P, Q, C, D agree)', ({ d, values, U, V }) => {
    const sigma = diag(
      [...values].sort((a, b) => b - a),
      U.rows,
      V.rows,
    );
    const [j, y] = [jcdBlockState(sigma, U, V, d), blockState(sigma, U, V)];
    for (const name of ['A', 'B', 'P', 'Q', 'C', 'D'] as const) expect(frobenius(sub(j[name], y[name]))).toBe(0);
  });
});

describe('jcdState()', () => {
  test.prop([jcdState()])('k ≥ r, Σ_X diagonal and decreasing, σ_r > σ_{r+1} = γσ_r, η > 0', (x) => {
    expect(x.k).toBeGreaterThanOrEqual(x.r);
    const v = x.sigmaValues;
    expect(v.length).toBe(Math.min(x.m, x.n));
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeLessThanOrEqual(v[i - 1]);
    if (v.length > x.r) {
      expect(v[x.r]).toBeLessThan(v[x.r - 1]);
      expect(v[x.r]).toBeCloseTo(x.tailRatio * v[x.r - 1], 12);
    }
    expect(x.eta).toBeGreaterThan(0);
    expect(x.sigma).toEqual(diag(v, x.m, x.n));
  });
});
