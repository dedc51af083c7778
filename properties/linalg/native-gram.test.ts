/**
 * The native module's Gram matrix (native/gram.c) against the TypeScript loop it replaces in opNorm
 * (src/linalg/spectral.ts gramLower): the same sums in the same order, so the same bits, on tall,
 * wide and square matrices of every size class the vector loop splits (p < 8, p a multiple of 8 and
 * not), and the upper triangle left alone. Also: the binding refuses short arrays. No timings here.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { gramLower, opNorm } from '../../src/linalg/spectral.ts';
import { nativeBinding } from '../../src/native.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';

const loaded = nativeBinding();

const matrix = fc
  .record({ rows: fc.integer({ min: 1, max: 70 }), cols: fc.integer({ min: 1, max: 30 }), seed: fc.integer({ min: 0, max: 1e6 }), wide: fc.boolean() })
  .map(({ rows, cols, seed, wide }) => (wide ? gaussianMatrix(cols, rows, 1, `gram-${seed}`) : gaussianMatrix(rows, cols, 1, `gram-${seed}`)));

describe.skipIf(!('binding' in loaded))('the native Gram matrix', () => {
  const b = 'binding' in loaded ? loaded.binding : undefined;

  test.prop([matrix])('is bitwise the TypeScript one (lower triangle), and leaves the upper triangle alone', (x) => {
    const p = Math.min(x.rows, x.cols);
    const [gn, gt] = [new Float64Array(p * p).fill(7), new Float64Array(p * p).fill(7)];
    b!.gramLower(x.data, x.rows, x.cols, gn);
    gramLower(x.data, x.rows, x.cols, gt);
    expect(Array.from(gn)).toEqual(Array.from(gt));
    for (let s = 0; s < p; s++) for (let t = s + 1; t < p; t++) expect(gn[s * p + t]).toBe(7);
  });

  test('equals XᵀX on a hand example: X = [[1, 2], [3, 4], [5, 6]] gives G = [[35, ·], [44, 56]]', () => {
    const g = new Float64Array(4);
    b!.gramLower(new Float64Array([1, 2, 3, 4, 5, 6]), 3, 2, g);
    expect([g[0], g[2], g[3]]).toEqual([35, 44, 56]);
    b!.gramLower(new Float64Array([1, 3, 5, 2, 4, 6]), 2, 3, g); // the transpose: XXᵀ, the same G
    expect([g[0], g[2], g[3]]).toEqual([35, 44, 56]);
  });

  test('opNorm of [[3, 0], [0, 4], [0, 0]] is 4 (through the native Gram)', () => {
    expect(opNorm({ rows: 3, cols: 2, data: new Float64Array([3, 0, 0, 4, 0, 0]) })).toBe(4);
  });

  test('a short array is a TypeError, not a read or write past its end', () => {
    expect(() => b!.gramLower(new Float64Array(5), 3, 2, new Float64Array(4))).toThrow(TypeError);
    expect(() => b!.gramLower(new Float64Array(6), 3, 2, new Float64Array(3))).toThrow(TypeError);
  });
});
