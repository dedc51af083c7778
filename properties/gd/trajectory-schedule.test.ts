/**
 * How runTrajectory drives the kernel: with a sparse `when` or `every` > 1 it fast-forwards each stretch between
 * recorded steps with one Stepper.advance call and takes the step onto a recorded t with
 * Stepper.step; a stretch that diverged is undone and redone step by step, so divergence is still
 * caught at its exact step; no stepper is made when there is nothing to step, and it is always
 * released. The stepper is wrapped (vi.mock) to count its calls; the iterates are the real ones.
 */
import { describe, expect, test, vi } from 'vitest';
import { DIVERGENCE_FACTOR, runTrajectory } from '../../src/gd/trajectory.ts';
import { diag, fromRows, type Mat } from '../../src/linalg/dense.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';

const calls = vi.hoisted(() => ({ made: 0, steps: 0, advances: [] as number[], released: 0 }));

vi.mock('../../src/gd/step.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/gd/step.ts')>();
  return {
    ...original,
    makeStepper: (...args: Parameters<typeof original.makeStepper>) => {
      const s = original.makeStepper(...args);
      calls.made++;
      return {
        step: (...a: Parameters<typeof s.step>) => {
          calls.steps++;
          return s.step(...a);
        },
        advance: (...a: Parameters<typeof s.advance>) => {
          calls.advances.push(a[3]);
          s.advance(...a);
        },
        release: () => {
          calls.released++;
          s.release();
        },
      };
    },
  };
});

function reset() {
  calls.made = calls.steps = calls.released = 0;
  calls.advances = [];
}

const sigma = diag([2, 1], 5, 4);
const U0 = gaussianMatrix(5, 2, 0.1, 'sched-u');
const V0 = gaussianMatrix(4, 2, 0.1, 'sched-v');
const data = (a: Mat) => Array.from(a.data);

describe('a sparse schedule', () => {
  test('each stretch is one advance, each recorded step one step; the iterates are those of stepping every time', () => {
    reset();
    const sparse = runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 35, when: (t) => t % 10 === 0, observe: (s) => data(s.U) });
    expect(calls).toEqual({ made: 1, steps: 4, advances: [9, 9, 9, 4], released: 1 });
    expect(sparse.samples.map((s) => s.t)).toEqual([0, 10, 20, 30, 35]);
    reset();
    const dense = runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 35, observe: (s) => data(s.U) });
    expect(calls.steps).toBe(35);
    expect(calls.advances).toEqual([]);
    expect(sparse.samples).toEqual(dense.samples.filter((s) => s.t % 10 === 0 || s.t === 35));
    expect(data(sparse.final.U)).toEqual(data(dense.final.U));
    expect(data(sparse.final.V)).toEqual(data(dense.final.V));
  });

  test('`every` fast-forwards too, with the iterates of stepping every time; a schedule with no gaps never advances', () => {
    reset();
    const sparse = runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 14, every: 4, observe: (s) => data(s.U).concat(data(s.V)) });
    expect(calls).toEqual({ made: 1, steps: 4, advances: [3, 3, 3, 1], released: 1 });
    expect(sparse.samples.map((s) => s.t)).toEqual([0, 4, 8, 12, 14]);
    const dense = runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 14, observe: (s) => data(s.U).concat(data(s.V)) });
    expect(sparse.samples).toEqual(dense.samples.filter((s) => s.t % 4 === 0 || s.t === 14));
    expect(data(sparse.final.V)).toEqual(data(dense.final.V));
    reset();
    runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 12, every: 1, observe: () => 0 });
    expect(calls).toEqual({ made: 1, steps: 12, advances: [], released: 1 });
    reset();
    runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 6, when: () => true, observe: () => 0 });
    expect(calls).toEqual({ made: 1, steps: 6, advances: [], released: 1 });
  });

  test('until stops the fast-forward too: nothing is stepped after the stop', () => {
    reset();
    const cut = runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 100, when: (t) => t % 10 === 0, observe: (s) => s.t, until: (t) => t >= 20 });
    expect(cut.samples.map((s) => s.t)).toEqual([0, 10, 20]);
    expect(calls).toEqual({ made: 1, steps: 2, advances: [9, 9], released: 1 });
  });
});

describe('divergence inside a stretch', () => {
  // Σ = [[1]], U₀ = V₀ = [[2]], η = 3: u₁ = 2 + 3(1 − 4)·2 = −16, u₂ = −16 + 3(1 − 256)(−16) = 12 224, …
  // (each step roughly cubes the entry): past 10⁵⁰ within a few steps.
  const s = fromRows([[1]]);
  const one = fromRows([[2]]);
  test('the stretch is undone and redone step by step: divergence at its exact step, samples as stepping every time', () => {
    reset();
    const dense = runTrajectory({ sigma: s, U0: one, V0: one, eta: 3, iters: 200, observe: (x) => data(x.U)[0] });
    expect(dense.diverged).not.toBeNull();
    const at = dense.diverged!.t;
    expect(at).toBeGreaterThan(2);
    reset();
    const sparse = runTrajectory({ sigma: s, U0: one, V0: one, eta: 3, iters: 200, when: (t) => t % 50 === 0, observe: (x) => data(x.U)[0] });
    expect(sparse.diverged).toEqual({ t: at });
    expect(sparse.samples).toEqual([dense.samples[0]]);
    expect(sparse.final.t).toBe(at - 1);
    expect(data(sparse.final.U)).toEqual(data(dense.final.U));
    // One advance over the first stretch (49 steps, diverged: undone), then single steps up to the divergence.
    expect(calls).toEqual({ made: 1, steps: at, advances: [49], released: 1 });
  });

  test('with `every` as with `when`: the diverged stretch is redone step by step', () => {
    const dense = runTrajectory({ sigma: s, U0: one, V0: one, eta: 3, iters: 200, observe: (x) => data(x.U)[0] });
    const at = dense.diverged!.t;
    reset();
    const sparse = runTrajectory({ sigma: s, U0: one, V0: one, eta: 3, iters: 200, every: 50, observe: (x) => data(x.U)[0] });
    expect(sparse.diverged).toEqual({ t: at });
    expect(sparse.samples).toEqual([dense.samples[0]]);
    expect(data(sparse.final.U)).toEqual(data(dense.final.U));
    expect(calls).toEqual({ made: 1, steps: at, advances: [49], released: 1 });
  });

  test('the same problem with a small step size: no stretch diverges, and advance covers every gap', () => {
    reset();
    const ok = runTrajectory({ sigma: s, U0: fromRows([[1]]), V0: fromRows([[1e-3]]), eta: 0.5, iters: 30, when: (t) => t % 10 === 0, observe: () => 0 });
    expect(ok.diverged).toBeNull();
    expect(calls).toEqual({ made: 1, steps: 3, advances: [9, 9, 9], released: 1 });
  });
});

describe('divergence of one factor only', () => {
  // Σ = [[0]], U₀ = [[1]], V₀ = [[1e20]] (bound 1e50 · 1e20 = 1e70), η = 1e40:
  // U₁ = 1 − η·1e20·1e20 = −1e80 (out), V₁ = 1e20 − η·1e20·1 ≈ −1e60 (still within): U alone leaves.
  const args = { sigma: fromRows([[0]]), U0: fromRows([[1]]), V0: fromRows([[1e20]]), eta: 1e40, iters: 10 };
  test('a step where only U leaves the bound is divergence', () => {
    const dense = runTrajectory({ ...args, observe: () => 0 });
    expect(dense.diverged).toEqual({ t: 1 });
  });
  test('so is a stretch that ends with only U out of bound: it is redone step by step', () => {
    reset();
    const sparse = runTrajectory({ ...args, when: (t) => t % 2 === 0, observe: () => 0 });
    expect(sparse.diverged).toEqual({ t: 1 });
    expect(calls).toEqual({ made: 1, steps: 1, advances: [1], released: 1 });
  });
});

describe('when there is nothing to step, no stepper is made', () => {
  test('zero iterations, a stop at t = 0, an initial state beyond the bound', () => {
    reset();
    runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 0, observe: () => 0 });
    runTrajectory({ sigma, U0, V0, eta: 0.05, iters: 10, observe: () => 0, until: () => true });
    const far = runTrajectory({
      sigma,
      U0: fromRows([
        [Infinity, 0],
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ]),
      V0,
      eta: 0.05,
      iters: 10,
      observe: () => 0,
    });
    expect(far.diverged).toEqual({ t: 0 });
    expect(calls).toEqual({ made: 0, steps: 0, advances: [], released: 0 });
  });
});

describe('the divergence bound is inclusive', () => {
  test('an iterate exactly at DIVERGENCE_FACTOR × scale is kept; one past it is divergence', () => {
    // Σ = [[0]], U₀ = V₀ = [[1]] (scale 1, bound 1e50), η = 1e50 + 1 (rounds to 1e50):
    // U₁ = 1 + η(0 − 1)·1 = 1 − 1e50 = −1e50 exactly in floating point, and likewise V₁.
    const zero = fromRows([[0]]);
    const one = fromRows([[1]]);
    const eta = DIVERGENCE_FACTOR + 1;
    const at = runTrajectory({ sigma: zero, U0: one, V0: one, eta, iters: 1, observe: (x) => data(x.U)[0] });
    expect(at.samples.at(-1)).toEqual({ t: 1, value: -DIVERGENCE_FACTOR });
    expect(at.diverged).toBeNull();
    const past = runTrajectory({ sigma: zero, U0: one, V0: one, eta: eta * 1.5, iters: 1, observe: () => 0 });
    expect(past.diverged).toEqual({ t: 1 });
  });
});
