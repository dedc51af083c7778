/**
 * `trajectory --input FILE [--iters N] [--every K] [--json]`: runs the engine from
 * { "Sigma", "U0", "V0", "eta" } and prints the per-step diagnostics, sampled every K steps from
 * t = 0. A non-diagonal Σ is rotated to diagonal form by its SVD first (YD21 (4),(5)); every
 * diagnostic is invariant under that rotation.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { diagnostics, type Diagnostics, isDiagonal, runTrajectory, toDiagonalFrame } from '../gd/index.ts';
import { fromRows } from '../linalg/dense.ts';
import { parseInteger, UserError } from './errors.ts';

const finite = z.number({ error: 'must be a finite number (1e999 and the like overflow to Infinity)' });
const matrix = z
  .array(z.array(finite).min(1, 'a row must not be empty'))
  .min(1, 'a matrix needs at least one row')
  .refine((rows) => rows.every((r) => r.length === rows[0].length), { message: 'rows must all have the same length' });

const trajectoryInput = z
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

type TrajectoryInput = z.infer<typeof trajectoryInput>;

/** Reads and validates an input file; every problem becomes one UserError line. */
function readTrajectoryInput(file: string): TrajectoryInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = trajectoryInput.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const kind = (x: unknown) => (Array.isArray(x) ? 'an array' : x === null ? 'null' : `a ${typeof x}`);
    const what =
      issue.path.length === 0 && issue.code === 'invalid_type'
        ? `the input must be a JSON object, not ${kind(json)}`
        : `${issue.path.length ? issue.path.join('.') : 'the input'} ${issue.message}`;
    throw new UserError(`${file}: ${what} (expected { "Sigma": number[][], "U0": number[][], "V0": number[][], "eta": number })`);
  }
  return parsed.data;
}

const FIELDS = ['loss', 'sigmaMinA', 'lambdaMinP', 'normP', 'frobB', 'normJ', 'normK'] as const;

export async function trajectoryCommand(opts: { input?: string; iters?: string; every?: string; json?: boolean }): Promise<number> {
  if (!opts.input) throw new UserError('trajectory needs --input FILE');
  const iters = opts.iters === undefined ? 1000 : parseInteger('--iters', opts.iters, { min: 0, max: 100_000_000 });
  const every = opts.every === undefined ? 1 : parseInteger('--every', opts.every, { min: 1, max: 100_000_000 });
  const input = readTrajectoryInput(opts.input);
  const sigma0 = fromRows(input.Sigma);
  const U0 = fromRows(input.U0);
  const V0 = fromRows(input.V0);
  const frame = isDiagonal(sigma0) ? { sigma: sigma0, U0, V0 } : toDiagonalFrame(sigma0, U0, V0);
  const traj = runTrajectory<Diagnostics>({ ...frame, eta: input.eta, iters, every, observe: (s) => diagnostics(frame.sigma, s.U, s.V) });
  const out: Record<string, unknown> = { t: traj.samples.map((s) => s.t) };
  for (const f of FIELDS) out[f] = traj.samples.map((s) => s.value[f]);
  if (traj.diverged) out.diverged = traj.diverged;
  if (opts.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    process.stdout.write(`${'t'.padStart(8)} ${FIELDS.map((f) => f.padStart(12)).join(' ')}\n`);
    for (const s of traj.samples) process.stdout.write(`${String(s.t).padStart(8)} ${FIELDS.map((f) => s.value[f].toExponential(4).padStart(12)).join(' ')}\n`);
  }
  if (traj.diverged) {
    process.stderr.write(
      `warning: GD diverged: an iterate left the finite range at t = ${traj.diverged.t} (η = ${input.eta} is too large for this Σ and initialisation); the samples stop before it\n`,
    );
    return 3;
  }
  return 0;
}
