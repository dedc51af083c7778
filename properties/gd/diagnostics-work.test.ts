/**
 * diagnostics() computes only what it is asked for (issue #7: "compute only what a claim asks
 * for"): the spectral routines and the loss are wrapped (vi.mock) to count their calls, so work done
 * for a field nobody asked for is visible although it would not change any value.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { diagnostics, type DiagnosticName } from '../../src/gd/diagnostics.ts';
import { diag, fromRows } from '../../src/linalg/dense.ts';

const calls = vi.hoisted(() => ({ eigen: 0, sigmaMin: 0, opNorm: 0, loss: 0 }));

vi.mock('../../src/linalg/eigenvalues.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/linalg/eigenvalues.ts')>();
  return {
    ...original,
    extremeEigenvaluesOf: (...a: Parameters<typeof original.extremeEigenvaluesOf>) => {
      calls.eigen++;
      return original.extremeEigenvaluesOf(...a);
    },
  };
});
vi.mock('../../src/linalg/spectral.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/linalg/spectral.ts')>();
  return {
    ...original,
    sigmaMin: (...a: Parameters<typeof original.sigmaMin>) => {
      calls.sigmaMin++;
      return original.sigmaMin(...a);
    },
    opNorm: (...a: Parameters<typeof original.opNorm>) => {
      calls.opNorm++;
      return original.opNorm(...a);
    },
  };
});
vi.mock('../../src/gd/trajectory.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/gd/trajectory.ts')>();
  return {
    ...original,
    loss: (...a: Parameters<typeof original.loss>) => {
      calls.loss++;
      return original.loss(...a);
    },
  };
});

const sigma = diag([2, 1], 4, 3);
const U = fromRows([
  [0.1, 0.02],
  [0.03, 0.1],
  [0.01, 0.01],
  [0.02, -0.01],
]);
const V = fromRows([
  [0.1, -0.01],
  [0.02, 0.1],
  [0.01, 0.02],
]);

beforeEach(() => Object.assign(calls, { eigen: 0, sigmaMin: 0, opNorm: 0, loss: 0 }));

describe('each field costs only its own work', () => {
  const cases: [DiagnosticName[], typeof calls][] = [
    [[], { eigen: 0, sigmaMin: 0, opNorm: 0, loss: 0 }],
    [['loss'], { eigen: 0, sigmaMin: 0, opNorm: 0, loss: 1 }],
    [['sigmaMinA'], { eigen: 0, sigmaMin: 1, opNorm: 0, loss: 0 }],
    [['frobB'], { eigen: 0, sigmaMin: 0, opNorm: 0, loss: 0 }],
    [['lambdaMinP'], { eigen: 1, sigmaMin: 0, opNorm: 0, loss: 0 }],
    [['lambdaMinP', 'normP'], { eigen: 1, sigmaMin: 0, opNorm: 0, loss: 0 }], // one eigenvalue computation for both
    // ‖J‖_op of a small block is √λ_max of its Gram matrix: one eigenvalue computation inside opNorm.
    [['normJ'], { eigen: 1, sigmaMin: 0, opNorm: 1, loss: 0 }],
    [['normJ', 'normK'], { eigen: 2, sigmaMin: 0, opNorm: 2, loss: 0 }],
  ];
  for (const [wanted, expected] of cases)
    test(`[${wanted.join(', ')}]`, () => {
      const out = diagnostics(sigma, U, V, wanted);
      expect(Object.keys(out).sort()).toEqual([...wanted].sort());
      expect(calls).toEqual(expected);
    });
  test('all seven: each routine once (opNorm twice, for ‖J‖ and ‖K‖, each with its eigenvalue computation)', () => {
    diagnostics(sigma, U, V);
    expect(calls).toEqual({ eigen: 3, sigmaMin: 1, opNorm: 2, loss: 1 });
  });
});
