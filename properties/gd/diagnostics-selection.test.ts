/**
 * Computing only what is asked (issue #7, item 2): a subset of the diagnostics, of a phase sample or
 * of a phase run's quantities equals the same fields of the full computation bit for bit, and the
 * fields not asked for are absent. Also: the diagnostics' own A, B, P (formed in reused arrays)
 * give what blocks.ts's deriveABSP gives, to the bit, and the scratch arrays of the eigenvalue
 * routines (src/linalg/scratch.ts) carry nothing from one call to the next.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { deriveABSP, splitBlocks } from '../../src/gd/blocks.ts';
import { DIAGNOSTIC_NAMES, diagnostics } from '../../src/gd/diagnostics.ts';
import { gaussianInitialisation, PHASE_QUANTITIES, phaseSample, runPhases, runPhasesWith } from '../../lemmas/yd21/support/phases.ts';
import { diag, frobenius, type Mat } from '../../src/linalg/dense.ts';
import { extremeEigenvaluesOf, singularValuesOf, smallestSingularValueOf, symmetricEigenvaluesOf } from '../../src/linalg/eigenvalues.ts';
import { opNorm, sigmaMin, symmetricEigenvalues } from '../../src/linalg/spectral.ts';
import { diagonalSigma, gaussian } from '../../src/random/arbitraries.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';

/** A diagonal Σ (m×n, rank d) and iterates 𝐔 (m×d), 𝐕 (n×d) of the scale of a run. */
const state = fc
  .record({
    m: fc.integer({ min: 1, max: 30 }),
    n: fc.integer({ min: 1, max: 30 }),
    d: fc.integer({ min: 1, max: 22 }),
    scale: fc.constantFrom(0.01, 0.3, 1, 3),
  })
  .filter(({ m, n, d }) => d <= Math.min(m, n))
  .chain(({ m, n, d, scale }) => fc.record({ sigma: diagonalSigma(m, n, d, 0.5, 4), U: gaussian(m, d, scale), V: gaussian(n, d, scale) }));

/** Object.is on every field: bit-for-bit equality (and the same sign of zero). */
function expectSameBits(sub: Record<string, number>, full: Record<string, number>): void {
  for (const [k, v] of Object.entries(sub)) expect(Object.is(v, full[k]), `${k}: ${v} vs ${full[k]}`).toBe(true);
}

describe('diagnostics(Σ, 𝐔, 𝐕, wanted)', () => {
  test.prop([state, fc.subarray([...DIAGNOSTIC_NAMES])])(
    'a subset: exactly the fields asked for, each equal to the full computation’s',
    ({ sigma, U, V }, wanted) => {
      const full = diagnostics(sigma, U, V);
      const some = diagnostics(sigma, U, V, wanted);
      expect(Object.keys(some).sort()).toEqual([...wanted].sort());
      expectSameBits(some, full as unknown as Record<string, number>);
      // Asked one at a time, too (a value does not depend on the company it is asked in).
      for (const k of wanted) expectSameBits(diagnostics(sigma, U, V, [k]), full as unknown as Record<string, number>);
    },
  );

  test.prop([state])('the full set equals the quantities computed from deriveABSP’s A, B, P (bit for bit)', ({ sigma, U, V }) => {
    const b = splitBlocks(sigma, U, V);
    const { A, B, P } = deriveABSP(b);
    const ev = symmetricEigenvalues(P);
    const full = diagnostics(sigma, U, V);
    expect(Object.keys(full).sort()).toEqual([...DIAGNOSTIC_NAMES].sort());
    expectSameBits(
      { sigmaMinA: full.sigmaMinA, frobB: full.frobB, lambdaMinP: full.lambdaMinP, normP: full.normP, normJ: full.normJ, normK: full.normK },
      {
        sigmaMinA: sigmaMin(A),
        frobB: frobenius(B),
        lambdaMinP: ev[ev.length - 1],
        normP: Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1])),
        normJ: opNorm(b.J),
        normK: opNorm(b.K),
      },
    );
  });

  test('an empty selection computes nothing and has no fields', () => {
    const sigma = diag([2, 1], 4, 3);
    expect(diagnostics(sigma, gaussianMatrix(4, 2, 1, 'sel-u'), gaussianMatrix(3, 2, 1, 'sel-v'), [])).toEqual({});
  });
});

describe('phaseSample and runPhases with a selection', () => {
  test.prop([state, fc.subarray([...PHASE_QUANTITIES])])(
    'phaseSample: exactly t and the quantities asked for, each equal to the full sample’s',
    ({ sigma, U, V }, wanted) => {
      const full = phaseSample(7, sigma, U, V);
      const some = phaseSample(7, sigma, U, V, wanted);
      expect(Object.keys(some).sort()).toEqual(['t', ...wanted].sort());
      expectSameBits(some, full as unknown as Record<string, number>);
    },
  );

  test('runPhases: the same T₁, T₀ and iterates; samples with the quantities asked for and σ_d(A), ‖P‖ (which define T₁, T₀)', () => {
    const [m, n, d, epsilon] = [9, 7, 3, 1e-3];
    const { U0, V0 } = gaussianInitialisation(m, n, d, epsilon, 'selection');
    const spec = { values: [3, 2, 1], m, n, U0, V0, epsilon, eta: 0.05, iters: 600, every: 20 };
    const full = runPhases(spec);
    const some = runPhases(spec, ['delta', 'normJ']);
    expect(full.T0).not.toBeNull();
    expect([some.T1, some.T0, some.c, some.diverged]).toEqual([full.T1, full.T0, full.c, full.diverged]);
    expect(some.final).toEqual(full.final);
    expect(some.samples.length).toBe(full.samples.length);
    some.samples.forEach((s, i) => {
      expect(Object.keys(s).sort()).toEqual(['t', 'delta', 'normJ', 'sigmaMinA', 'normP', 'extra'].sort());
      expectSameBits({ ...s, extra: 0 }, { ...full.samples[i], extra: 0 } as unknown as Record<string, number>);
    });
    // runPhasesWith passes the (selected) sample to `extra`, and records only the boundary quantities when asked for none.
    const bare = runPhasesWith(spec, (_state, sample) => Object.keys(sample).sort().join(','), []);
    expect(new Set(bare.samples.map((s) => s.extra))).toEqual(new Set(['normP,sigmaMinA,t']));
    expect(bare.T0).toBe(full.T0);
  });
});

describe('the scratch arrays of the eigenvalue routines', () => {
  test.prop([
    fc.array(fc.tuple(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 1000 })), { minLength: 2, maxLength: 6 }),
  ])('interleaved calls of different sizes give what each gives alone', (shapes) => {
    const mats = shapes.map(([r, c, s]) => gaussianMatrix(r, c, 1, `scratch:${s}`));
    const gram = (x: Mat) => {
      // XᵀX (symmetric, c×c), lower triangle as the routines read it.
      const g = new Float64Array(x.cols * x.cols);
      for (let i = 0; i < x.cols; i++)
        for (let j = 0; j < x.cols; j++) for (let k = 0; k < x.rows; k++) g[i * x.cols + j] += x.data[k * x.cols + i] * x.data[k * x.cols + j];
      return g;
    };
    const once = (x: Mat) => {
      const g = gram(x);
      return [
        Array.from(symmetricEigenvaluesOf(g, x.cols)),
        extremeEigenvaluesOf(g, x.cols),
        smallestSingularValueOf(x.data, x.rows, x.cols),
        Array.from(singularValuesOf(x.data, x.rows, x.cols)),
        opNorm(x),
      ];
    };
    const first = mats.map(once);
    const again = [...mats].reverse().map(once).reverse();
    expect(again).toEqual(first);
  });

  test('a matrix larger than the kept scratch (256² > 2¹⁶ entries) between small ones', () => {
    const sym = (n: number, s: string) => {
      const x = gaussianMatrix(n, n, 1, s);
      return x.data.map((_, k) => x.data[k] + x.data[(k % n) * n + Math.floor(k / n)]);
    };
    const [small, big] = [sym(12, 'small'), sym(256, 'big')];
    const before = [Array.from(symmetricEigenvaluesOf(small, 12)), smallestSingularValueOf(big, 256, 256)];
    const bigEv = Array.from(symmetricEigenvaluesOf(big, 256));
    expect([Array.from(symmetricEigenvaluesOf(small, 12)), smallestSingularValueOf(big, 256, 256)]).toEqual(before);
    expect(Array.from(symmetricEigenvaluesOf(big, 256))).toEqual(bigEv);
    expect(extremeEigenvaluesOf(big, 256)).toEqual({ max: bigEv[0], min: bigEv[255] });
  });

  test.prop([fc.integer({ min: 1, max: 24 }).chain((n) => gaussian(n, n))])('extremeEigenvaluesOf gives the first and last of symmetricEigenvaluesOf', (x) => {
    const n = x.rows;
    const s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = x.data[i * n + j] + x.data[j * n + i];
    const all = symmetricEigenvaluesOf(s, n);
    const { max, min } = extremeEigenvaluesOf(s, n);
    expect(Object.is(max, all[0]) && Object.is(min, all[n - 1])).toBe(true);
  });
});
