/**
 * `trajectory --input FILE [--iters N] [--every K] [--json]`: runs GD on the objective the file names
 * ("objective": an id one of the papers' manifests declares; absent, the asymmetric factorization,
 * { "Sigma", "U0", "V0", "eta" }) and prints its diagnostics, sampled every K steps from t = 0. The
 * command knows objectives only through the Objective interface (src/gd/objective.ts).
 */
import { readFileSync } from 'node:fs';
import { loadPapers } from '../claims/registry.ts';
import { asymmetricFactorization } from '../gd/factorization.ts';
import { type AnyObjective, descendObserved } from '../gd/objective.ts';
import { parseInteger, UserError } from './errors.ts';

/** Every objective the papers declare, by id (the factorization is the default of a file that names none). */
async function objectives(): Promise<Map<string, AnyObjective>> {
  const all = (await loadPapers()).flatMap((p) => p.objectives);
  return new Map([asymmetricFactorization, ...all].map((o) => [o.id, o]));
}

/** Reads an input file and its objective; every problem becomes one UserError line. */
async function readTrajectoryInput(file: string): Promise<{ objective: AnyObjective; problem: unknown; start: unknown; eta: number }> {
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
  const kind = (x: unknown) => (Array.isArray(x) ? 'an array' : x === null ? 'null' : `a ${typeof x}`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UserError(`${file}: the input must be a JSON object, not ${kind(json)}`);
  const { objective: id = asymmetricFactorization.id, ...fields } = json as Record<string, unknown>;
  const known = await objectives();
  const objective = typeof id === 'string' ? known.get(id) : undefined;
  if (!objective) throw new UserError(`${file}: unknown objective ${JSON.stringify(id)} (one of: ${[...known.keys()].join(', ')})`);
  const parsed = objective.input.parse(fields);
  if ('error' in parsed) throw new UserError(`${file}: ${parsed.error} (expected ${objective.input.fields})`);
  return { objective, ...parsed };
}

export async function trajectoryCommand(opts: { input?: string; iters?: string; every?: string; json?: boolean }): Promise<number> {
  if (!opts.input) throw new UserError('trajectory needs --input FILE');
  const iters = opts.iters === undefined ? 1000 : parseInteger('--iters', opts.iters, { min: 0, max: 100_000_000 });
  const every = opts.every === undefined ? 1 : parseInteger('--every', opts.every, { min: 1, max: 100_000_000 });
  const { objective, problem, start, eta } = await readTrajectoryInput(opts.input);
  const traj = descendObserved(objective, problem, start, eta, iters, every);
  const fields = objective.diagnosticNames;
  const out: Record<string, unknown> = { t: traj.samples.map((s) => s.t) };
  for (const f of fields) out[f] = traj.samples.map((s) => s.value[f]);
  if (traj.diverged) out.diverged = traj.diverged;
  if (opts.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    process.stdout.write(`${'t'.padStart(8)} ${fields.map((f) => f.padStart(12)).join(' ')}\n`);
    for (const s of traj.samples) process.stdout.write(`${String(s.t).padStart(8)} ${fields.map((f) => s.value[f].toExponential(4).padStart(12)).join(' ')}\n`);
  }
  if (traj.diverged) {
    process.stderr.write(
      `warning: GD diverged: an iterate left the finite range at t = ${traj.diverged.t} (η = ${eta} is too large for this problem and initialisation); the samples stop before it\n`,
    );
    return 3;
  }
  return 0;
}
