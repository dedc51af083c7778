/**
 * The GD engine at its edges: input validation with the messages a user sees, where a trajectory
 * stops when it diverges (and what it keeps), the divergence scale, the block views' preconditions,
 * the rotation back from the diagonal frame, and the flow helpers on hand-computed values.
 */
import { describe, expect, test } from 'vitest';
import { blockState, blockStep, fromDiagonalFrame, gdStep, isDiagonal, loss, runTrajectory, splitBlocks, toDiagonalFrame } from '../../src/gd/index.ts';
import { DIVERGENCE_FACTOR } from '../../src/gd/trajectory.ts';
import { gdStepInto, makeStepBuffers } from '../../src/gd/step.ts';
import { jcdBlockState, jcdBlockStep, splitJcdBlocks } from '../../lemmas/jcd/support/blocks.ts';
import { flowField } from '../../src/gd/flow.ts';
import { diag, fromRows, frobenius, type Mat, sub, toRows, zeros } from '../../src/linalg/dense.ts';

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
const rows = (m: Mat) => toRows(m);

describe('one GD step on a hand-computed example', () => {
  test('U₁ = U₀ + η(Σ − U₀V₀ᵀ)V₀ and V₁ = V₀ + η(Σ − U₀V₀ᵀ)ᵀU₀, and the kernel returns f(U₀, V₀)', () => {
    // Σ = [[3, 1]] (1×2), U = [[1]], V = [[1], [2]], η = 0.5: R = Σ − UVᵀ = [[2, −1]],
    // RV = [[0]], RᵀU = [[2], [−1]] ⇒ U₁ = [[1]], V₁ = [[2], [1.5]]; f = ½(4 + 1) = 2.5.
    const s = fromRows([[3, 1]]);
    const U = fromRows([[1]]);
    const V = fromRows([[1], [2]]);
    const next = gdStep(s, U, V, 0.5);
    expect(rows(next.U)).toEqual([[1]]);
    expect(rows(next.V)).toEqual([[2], [1.5]]);
    expect(loss(s, U, V)).toBe(2.5);
    const out = [new Float64Array(1), new Float64Array(2)];
    expect(gdStepInto(s.data, 1, 2, 1, U.data, V.data, 0.5, out[0], out[1], makeStepBuffers(1, 2, 1))).toBe(2.5);
  });

  test('a reused buffer holding stale values does not leak into the next step', () => {
    const buf = makeStepBuffers(2, 3, 2);
    buf.gradU.fill(123);
    buf.gradV.fill(-7);
    const [outU, outV] = [new Float64Array(4), new Float64Array(6)];
    gdStepInto(sigma.data, 2, 3, 2, U0.data, V0.data, 0.1, outU, outV, buf);
    const fresh = gdStep(sigma, U0, V0, 0.1);
    expect(Array.from(outU)).toEqual(Array.from(fresh.U.data));
    expect(Array.from(outV)).toEqual(Array.from(fresh.V.data));
  });

  test('loss is ½‖UVᵀ − Σ‖²_F over every entry of Σ', () => {
    // UVᵀ = [[1·1 + 2·0, 1·0 + 2·1], [0, 0]] = [[1, 2], [0, 0]] against Σ = [[1, 0], [0, 3]]: ½(0 + 4 + 0 + 9).
    expect(
      loss(
        fromRows([
          [1, 0],
          [0, 3],
        ]),
        fromRows([
          [1, 2],
          [0, 0],
        ]),
        fromRows([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toBe(6.5);
  });
});

describe('input validation', () => {
  const traj = (o: Partial<Parameters<typeof runTrajectory<number>>[0]>) => () => runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 1, observe: () => 0, ...o });

  test('shapes: U₀ must be m×d and V₀ n×d with the same d, with the message naming all three', () => {
    expect(traj({ U0: V0 })).toThrow('shapes do not fit: Σ is 2×3, U₀ is 3×2, V₀ is 3×2 (need U₀ m×d and V₀ n×d for Σ m×n)');
    expect(traj({ V0: U0 })).toThrow(/shapes do not fit/);
    expect(traj({ V0: fromRows([[1], [2], [3]]) })).toThrow(/shapes do not fit/);
    expect(() => gdStep(sigma, U0, fromRows([[1], [2], [3]]), 0.1)).toThrow(/shapes do not fit/);
    expect(() => loss(sigma, V0, V0)).toThrow(/shapes do not fit/);
  });

  test('the step size must be positive and finite', () => {
    for (const eta of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(traj({ eta })).toThrow(`step size η must be a positive finite number, got ${eta}`);
    expect(traj({ eta: 1e-300 })).not.toThrow();
  });

  test('iterations: a non-negative integer; every: a positive integer', () => {
    for (const iters of [-1, 1.5, Number.NaN]) expect(traj({ iters })).toThrow(`iterations must be a non-negative integer, got ${iters}`);
    expect(traj({ iters: 0 })).not.toThrow();
    for (const every of [0, -2, 2.5]) expect(traj({ every })).toThrow(`'every' must be a positive integer, got ${every}`);
    expect(traj({ every: 1 })).not.toThrow();
  });

  test('zero iterations observe only t = 0; every defaults to 1', () => {
    expect(runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 0, observe: (s) => s.t }).samples.map((s) => s.t)).toEqual([0]);
    expect(runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 3, observe: (s) => s.t }).samples.map((s) => s.t)).toEqual([0, 1, 2, 3]);
  });

  test('the observer sees the iterate at its t, and the final state is a copy', () => {
    const traj = runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 2, observe: (s) => ({ t: s.t, U: rows(s.U), V: rows(s.V) }) });
    const one = gdStep(sigma, U0, V0, 0.1);
    expect(traj.samples[0].value).toEqual({ t: 0, U: rows(U0), V: rows(V0) });
    expect(traj.samples[1].value).toEqual({ t: 1, U: rows(one.U), V: rows(one.V) });
    const two = gdStep(sigma, one.U, one.V, 0.1);
    expect(rows(traj.final.U)).toEqual(rows(two.U));
    expect(rows(traj.final.V)).toEqual(rows(two.V));
  });
});

describe('divergence', () => {
  test('stops at the first step whose iterate leaves the bound; samples and the final state end before it', () => {
    const s = fromRows([
      [2, 0],
      [0, 1],
    ]);
    const [U, V] = [
      fromRows([
        [3, 1],
        [1, 3],
      ]),
      fromRows([
        [3, 1],
        [1, 3],
      ]),
    ];
    // Reference: step with gdStep until an entry exceeds the bound (1e50·max(1, √2, 3, 3)) or is not finite.
    const bound = DIVERGENCE_FACTOR * 3;
    let state = { U, V };
    let t = 0;
    const finite = (m: Mat) => m.data.every((x) => Math.abs(x) <= bound);
    for (;;) {
      const next = gdStep(s, state.U, state.V, 1);
      if (!finite(next.U) || !finite(next.V)) break;
      state = next;
      t++;
    }
    expect(t).toBeGreaterThan(0);
    const traj = runTrajectory({ sigma: s, U0: U, V0: V, eta: 1, iters: 500, observe: (x) => x.t });
    expect(traj.diverged).toEqual({ t: t + 1 });
    expect(traj.samples.at(-1)!.value).toBe(t);
    expect(traj.final.t).toBe(t);
    expect(rows(traj.final.U)).toEqual(rows(state.U));
    expect(rows(traj.final.V)).toEqual(rows(state.V));
  });

  test('a trajectory that does not diverge within its iterations is not flagged', () => {
    const s = fromRows([
      [2, 0],
      [0, 1],
    ]);
    const U = fromRows([
      [3, 1],
      [1, 3],
    ]);
    expect(runTrajectory({ sigma: s, U0: U, V0: U, eta: 1, iters: 2, observe: () => 0 }).diverged).toBeNull();
  });

  test('the bound is relative to the problem scale: huge but stationary iterates are not divergence', () => {
    // Σ = 0, V₀ = 0: the residual is 0, so (U, V) never moves, whatever U's size.
    const big = runTrajectory({
      sigma: zeros(2, 2),
      U0: fromRows([
        [1e60, 0],
        [0, 1e60],
      ]),
      V0: zeros(2, 2),
      eta: 1,
      iters: 3,
      observe: (x) => x.t,
    });
    expect(big.diverged).toBeNull();
    expect(big.samples.map((x) => x.value)).toEqual([0, 1, 2, 3]);
    const bigV = runTrajectory({
      sigma: zeros(2, 2),
      U0: zeros(2, 2),
      V0: fromRows([
        [1e60, 0],
        [0, 1e60],
      ]),
      eta: 1,
      iters: 3,
      observe: (x) => x.t,
    });
    expect(bigV.diverged).toBeNull();
    // √max|Σ_ij| enters the scale: Σ = 1e120·I with U = V = 1e55·I is a global minimum (UVᵀ = Σ).
    const s = diag([1e110, 1e110]);
    const atMin = runTrajectory({ sigma: s, U0: diag([1e55, 1e55]), V0: diag([1e55, 1e55]), eta: 1e-120, iters: 2, observe: (x) => x.t });
    expect(atMin.diverged).toBeNull();
  });

  test('an initial state beyond the bound (or not finite) diverges at t = 0 with no samples', () => {
    const bad = runTrajectory({
      sigma,
      U0: fromRows([
        [Number.NaN, 0],
        [0, 0],
      ]),
      V0,
      eta: 0.1,
      iters: 5,
      observe: (x) => x.t,
    });
    expect(bad.diverged).toEqual({ t: 0 });
    expect(bad.samples).toEqual([]);
    expect(bad.final.t).toBe(0);
    const badV = runTrajectory({
      sigma,
      U0,
      V0: fromRows([
        [0, 0],
        [0, Number.POSITIVE_INFINITY],
        [0, 0],
      ]),
      eta: 0.1,
      iters: 5,
      observe: (x) => x.t,
    });
    expect(badV.diverged).toEqual({ t: 0 });
    expect(DIVERGENCE_FACTOR).toBe(1e50);
  });
});

describe('block views', () => {
  test('isDiagonal looks at every off-diagonal entry, in both triangles', () => {
    expect(isDiagonal(diag([1, 2], 2, 3))).toBe(true);
    expect(
      isDiagonal(
        fromRows([
          [1, 0, 0],
          [0, 1, 1e-300],
        ]),
      ),
    ).toBe(false);
    expect(
      isDiagonal(
        fromRows([
          [1, 0],
          [1e-300, 1],
        ]),
      ),
    ).toBe(false);
    expect(
      isDiagonal(
        fromRows([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBe(true);
  });

  test('isDiagonal remembers an answer for a storage and its shape, not for the storage alone', () => {
    const data = new Float64Array([1, 0, 0, 1]);
    expect(isDiagonal({ rows: 2, cols: 2, data })).toBe(true);
    expect(isDiagonal({ rows: 2, cols: 2, data })).toBe(true);
    expect(isDiagonal({ rows: 1, cols: 4, data })).toBe(false);
    expect(isDiagonal({ rows: 4, cols: 1, data })).toBe(false);
  });

  test('splitBlocks needs a diagonal Σ and d ≤ min(m, n)', () => {
    expect(() =>
      splitBlocks(
        fromRows([
          [1, 1],
          [0, 1],
        ]),
        U0,
        U0,
      ),
    ).toThrow('the block view needs a diagonal Σ: rotate with toDiagonalFrame first');
    expect(() =>
      splitBlocks(
        diag([1, 1], 2, 3),
        fromRows([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        fromRows([
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
      ),
    ).toThrow('rank d = 3 exceeds a dimension of Σ (2×3)');
    expect(() =>
      splitBlocks(
        diag([1, 1], 3, 2),
        fromRows([
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
        fromRows([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    ).toThrow(/exceeds/);
    expect(() => splitBlocks(diag([1, 1], 2, 2), U0, U0)).not.toThrow();
  });

  test('blocks and derived matrices on a hand-computed state', () => {
    // d = 1, m = 2, n = 3: U = 3, J = 1; V = 1, K = (2, 0). A = 2, B = 1, S = 4, P = σ − 4 + 1,
    // M = (KᵀK + JᵀJ)/2 = (4 + 1)/2, N = (4 − 1)/2, Q = 0, C = −AB² + BAB − AM − BN = −5 − 1.5,
    // D = ABA − BA² − AN − BM = −3 − 2.5.
    const b = blockState(diag([5], 2, 3), fromRows([[3], [1]]), fromRows([[1], [2], [0]]));
    expect(b.d).toBe(1);
    expect([b.Sigma, b.U, b.J, b.V, b.K].map(rows)).toEqual([[[5]], [[3]], [[1]], [[1]], [[2], [0]]]);
    expect([b.A, b.B, b.S, b.P, b.Q, b.M, b.N, b.C, b.D].map((m) => m.data[0])).toEqual([2, 1, 4, 2, 0, 2.5, 1.5, -6.5, -5.5]);
  });

  test('blockStep is (blocks before, blocks after one GD step)', () => {
    const s = diag([2, 1], 2, 3);
    const { before, after } = blockStep(s, U0, V0, 0.1);
    const next = gdStep(s, U0, V0, 0.1);
    expect(rows(before.U)).toEqual(rows(blockState(s, U0, V0).U));
    expect(rows(after.P)).toEqual(rows(blockState(s, next.U, next.V).P));
  });

  test('the JCD view checks Σ_X, the shapes and r', () => {
    const sx = diag([3, 2, 1], 3, 4);
    const F = fromRows([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const G = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    expect(() =>
      splitJcdBlocks(
        fromRows([
          [1, 1],
          [0, 1],
        ]),
        F,
        G,
        1,
      ),
    ).toThrow('the JCD block view needs a diagonal Σ_X: rotate with toDiagonalFrame first');
    expect(() => splitJcdBlocks(sx, G, G, 1)).toThrow('shapes do not fit: Σ_X is 3×4, F is 4×2, G is 4×2');
    expect(() => splitJcdBlocks(sx, F, F, 1)).toThrow(/shapes do not fit/);
    expect(() => splitJcdBlocks(sx, F, fromRows([[1], [2], [3], [4]]), 1)).toThrow(/shapes do not fit/);
    for (const r of [-1, 4, 1.5]) expect(() => splitJcdBlocks(sx, F, G, r)).toThrow(`target rank r = ${r} outside [0, min(m, n) = 3]`);
    for (const r of [0, 3]) expect(() => splitJcdBlocks(sx, F, G, r)).not.toThrow();
    const b = splitJcdBlocks(sx, F, G, 2);
    expect(b.r).toBe(2);
    expect(b.k).toBe(2);
    expect([b.Sigma, b.SigmaTilde, b.U, b.J, b.V, b.K].map(rows)).toEqual([
      [
        [3, 0],
        [0, 2],
      ],
      [[1, 0]],
      [
        [1, 0],
        [0, 1],
      ],
      [[1, 1]],
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    const st = jcdBlockState(sx, F, G, 2);
    expect(rows(st.A)).toEqual([
      [1, 1],
      [1.5, 2.5],
    ]);
    const { before, after } = jcdBlockStep(sx, F, G, 2, 0.01);
    const next = gdStep(sx, F, G, 0.01);
    expect(rows(before.B)).toEqual(rows(st.B));
    expect(rows(after.U)).toEqual(rows(splitJcdBlocks(sx, next.U, next.V, 2).U));
  });
});

describe('rotation and flow helpers', () => {
  test('fromDiagonalFrame undoes toDiagonalFrame (Φ U′, Ψ V′)', () => {
    const s = fromRows([
      [1, 2, 0],
      [0, 1, 3],
    ]);
    const frame = toDiagonalFrame(s, U0, V0);
    const back = fromDiagonalFrame(frame, frame.U0, frame.V0);
    expect(frobenius(sub(back.U, U0))).toBeLessThan(1e-14);
    expect(frobenius(sub(back.V, V0))).toBeLessThan(1e-14);
    expect(frame.sigma.rows).toBe(2);
    expect(frame.sigma.cols).toBe(3);
  });

  test('the flow field at a hand-computed point', () => {
    // Σ = [[3, 1]], U = [[1]], V = [[1], [2]]: R = [[2, −1]], U̇ = RV = [[0]], V̇ = RᵀU = [[2], [−1]].
    const f = flowField(fromRows([[3, 1]]), fromRows([[1]]), fromRows([[1], [2]]));
    expect(rows(f.U)).toEqual([[0]]);
    expect(rows(f.V)).toEqual([[2], [-1]]);
  });
});

test('diagnostics at rank d = 0: the spectral quantities are NaN (there is no eigenvalue), never undefined or 0', async () => {
  const { diagnostics } = await import('../../src/gd/diagnostics.ts');
  const out = diagnostics(diag([2, 1], 3, 2), zeros(3, 0), zeros(2, 0));
  expect(out).toEqual({ loss: 2.5, sigmaMinA: Number.NaN, lambdaMinP: Number.NaN, normP: Number.NaN, frobB: 0, normJ: 0, normK: 0 });
});

describe('stopping early and the diagnostics norm of P', () => {
  const sigma = diag([2, 1], 3, 3);
  const U0 = fromRows([
    [0.1, 0.02],
    [0.03, 0.1],
    [0.01, 0.01],
  ]);
  const V0 = fromRows([
    [0.1, -0.01],
    [0.02, 0.1],
    [0.01, 0.02],
  ]);
  test('until: stops right after the first observed step where it holds, with the same iterates up to there', () => {
    const all = runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 50, every: 5, observe: (s) => loss(sigma, s.U, s.V) });
    const cut = runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 50, every: 5, observe: (s) => loss(sigma, s.U, s.V), until: (_f, t) => t >= 20 });
    expect(cut.samples.map((s) => s.t)).toEqual([0, 5, 10, 15, 20]);
    expect(cut.samples).toEqual(all.samples.slice(0, 5));
    expect(cut.final.t).toBe(20);
    const atZero = runTrajectory({ sigma, U0, V0, eta: 0.1, iters: 50, observe: () => 0, until: () => true });
    expect(atZero.samples.map((s) => s.t)).toEqual([0]);
    expect(atZero.final.t).toBe(0);
  });
  test('‖P‖_op is the larger of |λ₁(P)| and |λ_d(P)| (P with eigenvalues of both signs)', async () => {
    const { diagnostics } = await import('../../src/gd/diagnostics.ts');
    const { deriveABSP } = await import('../../src/gd/blocks.ts');
    const { symmetricEigenvalues } = await import('../../src/linalg/spectral.ts');
    // A large A makes Σ − AAᵀ strongly negative in one direction and positive in the other.
    const U = fromRows([
      [2, 0],
      [0, 0.1],
      [0, 0],
    ]);
    const V = fromRows([
      [2, 0],
      [0, 0.1],
      [0, 0],
    ]);
    const ev = symmetricEigenvalues(deriveABSP(splitBlocks(sigma, U, V)).P);
    expect(ev[0]).toBeGreaterThan(0);
    expect(ev[ev.length - 1]).toBeLessThan(0);
    expect(diagnostics(sigma, U, V).normP).toBe(Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1])));
    expect(diagnostics(sigma, U, V).normP).toBeCloseTo(2, 12); // λ(P) = (2 − 4, 1 − 0.01)
  });
});
