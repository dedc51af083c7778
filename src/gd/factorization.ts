/**
 * The asymmetric factorization f(U, V) = ½‖UVᵀ − Σ‖²_F (YD21 (1), JCD (1.2)) as the engine's first
 * Objective: its step and loss are the engine's kernel (gdStep, loss) bit for bit, its trajectories
 * fast-forward between recorded steps (runTrajectory), its block view is YD21 §2's (blockState) and its
 * diagnostics are the stage-one quantities (./diagnostics.ts). An input with a non-diagonal Σ is rotated
 * to the diagonal frame by its SVD (YD21 (4), (5)); every diagnostic is invariant under that rotation.
 */
import { z } from 'zod';
import { fromRows, type Mat } from '../linalg/dense.ts';
import { blockState, isDiagonal } from './blocks.ts';
import { DIAGNOSTIC_NAMES, diagnostics } from './diagnostics.ts';
import type { Objective } from './objective.ts';
import { toDiagonalFrame } from './rotation.ts';
import { gdStep, loss, runTrajectory } from './trajectory.ts';

/** A factor pair (U, V). */
export interface FactorPair {
  readonly U: Mat;
  readonly V: Mat;
}

const finite = z.number({ error: 'must be a finite number (1e999 and the like overflow to Infinity)' });
const matrix = z
  .array(z.array(finite).min(1, 'a row must not be empty'))
  .min(1, 'a matrix needs at least one row')
  .refine((rows) => rows.every((r) => r.length === rows[0].length), { message: 'rows must all have the same length' });

const factorizationInput = z
  .object({ Sigma: matrix, U0: matrix, V0: matrix, eta: finite.refine((x) => x > 0, { message: 'must be positive' }) })
  .strict()
  .superRefine((v, ctx) => {
    // zod runs this even when a matrix above failed (e.g. an empty one), which has already been reported.
    if (![v.Sigma, v.U0, v.V0].every((a) => Array.isArray(a) && a.length > 0 && Array.isArray(a[0]) && a[0].length > 0)) return;
    const [m, n] = [v.Sigma.length, v.Sigma[0].length];
    if (v.U0.length !== m) ctx.addIssue({ code: 'custom', path: ['U0'], message: `must have m = ${m} rows (Σ is ${m}×${n}), has ${v.U0.length}` });
    if (v.V0.length !== n) ctx.addIssue({ code: 'custom', path: ['V0'], message: `must have n = ${n} rows (Σ is ${m}×${n}), has ${v.V0.length}` });
    if (v.U0[0].length !== v.V0[0].length)
      ctx.addIssue({ code: 'custom', path: ['V0'], message: `must have as many columns as U0 (d = ${v.U0[0].length}), has ${v.V0[0].length}` });
    if (v.U0[0].length > Math.min(m, n)) ctx.addIssue({ code: 'custom', path: ['U0'], message: `d = ${v.U0[0].length} exceeds min(m, n) = ${Math.min(m, n)}` });
  });

export const asymmetricFactorization: Objective<Mat, FactorPair> = {
  id: 'asymmetric-factorization',
  name: '½‖UVᵀ − Σ‖²_F',
  loss: (sigma, s) => loss(sigma, s.U, s.V),
  step: (sigma, s, eta) => gdStep(sigma, s.U, s.V, eta),
  blocks: (sigma, s) => {
    const { A, B, P, Q, J, K, C, D } = blockState(sigma, s.U, s.V);
    return { A, B, P, Q, J, K, C, D };
  },
  diagnosticNames: DIAGNOSTIC_NAMES,
  diagnostics: (sigma, s) => diagnostics(sigma, s.U, s.V),
  input: {
    fields: '{ "Sigma": number[][], "U0": number[][], "V0": number[][], "eta": number }',
    parse: (json) => {
      const parsed = factorizationInput.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { error: `${issue.path.length ? issue.path.join('.') : 'the input'} ${issue.message}` };
      }
      const v = parsed.data;
      const [sigma0, U0, V0] = [fromRows(v.Sigma), fromRows(v.U0), fromRows(v.V0)];
      const frame = isDiagonal(sigma0) ? { sigma: sigma0, U0, V0 } : toDiagonalFrame(sigma0, U0, V0);
      return { problem: frame.sigma, start: { U: frame.U0, V: frame.V0 }, eta: v.eta };
    },
  },
  trajectory: (sigma, s, eta, iters, every) => runTrajectory({ sigma, U0: s.U, V0: s.V, eta, iters, every, observe: (x) => diagnostics(sigma, x.U, x.V) }),
};
