/**
 * The initialisation of JCD Lemma C.3 / Prop B.1 (lemmas/jcd/support/init.ts): the blocks reassemble F₀,
 * G₀; A₀, B₀ are (U₀ ± V₀)/2; the entries of F̃₀ = 3√(m+n+k)/ρ · F₀ have variance σ₁ (not standard
 * deviation σ₁); a bad shape is a one-line error.
 */
import { describe, expect, test } from 'vitest';
import { add, frobenius, scale, sub, vstack } from '../../../../src/linalg/dense.ts';
import { drawJcdInit } from '../../../../lemmas/jcd/support/init.ts';

describe('the JCD initialisation', () => {
  test('blocks, A₀ and B₀', () => {
    const x = drawJcdInit({ m: 7, n: 5, k: 4, r: 3, sigma1: 2, rho: 0.1 }, 'blocks');
    expect(vstack(x.U0, x.J0)).toEqual(x.F0);
    expect(vstack(x.V0, x.K0)).toEqual(x.G0);
    expect(frobenius(sub(x.A0, scale(add(x.U0, x.V0), 0.5)))).toBe(0);
    expect(frobenius(sub(x.B0, scale(sub(x.U0, x.V0), 0.5)))).toBe(0);
    expect([x.U0.rows, x.J0.rows, x.V0.rows, x.K0.rows, x.A0.cols]).toEqual([3, 4, 3, 2, 4]);
  });

  test('the entries of F̃₀ have variance σ₁ (seeded: 20 000 entries, sample variance within 5%)', () => {
    const p = { m: 200, n: 150, k: 100, r: 5, sigma1: 3, rho: 0.2 };
    const x = drawJcdInit(p, 'variance');
    const back = (3 * Math.sqrt(p.m + p.n + p.k)) / p.rho;
    const values = Array.from(x.F0.data, (v) => v * back);
    const variance = values.reduce((s, v) => s + v * v, 0) / values.length;
    expect(Math.abs(variance / p.sigma1 - 1)).toBeLessThan(0.05);
  });

  test('a bad shape is a one-line error', () => {
    expect(() => drawJcdInit({ m: 2, n: 5, k: 4, r: 3, sigma1: 1, rho: 1 }, 's')).toThrow(/need 1 ≤ r ≤ k and r ≤ min\{m, n\}/);
    expect(() => drawJcdInit({ m: 5, n: 5, k: 2, r: 3, sigma1: 1, rho: 1 }, 's')).toThrow(/r = 3, k = 2/);
  });
});
