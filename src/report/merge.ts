/**
 * `report merge DIR… --out DIR`: combines the outputs of `check --shard i/n` runs into one
 * results.json, summary.md, index.html and set of counterexample, tighten and figure files — the
 * same files an unsharded run with the same seed writes.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareIds } from '../claims/registry.ts';
import { UserError } from '../errors.ts';
import { type CheckRun, writeResults } from './results.ts';

/** The run a check wrote to DIR/run.json. */
export function readRun(dir: string): CheckRun {
  const file = join(dir, 'run.json');
  if (!existsSync(file)) throw new UserError(`${dir} has no run.json (is it the --out directory of a check run?)`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CheckRun;
  } catch (e) {
    throw new UserError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Merges shard directories into `out`; returns the merged run. */
export function mergeRuns(dirs: string[], out: string): CheckRun {
  if (dirs.length === 0) throw new UserError('report merge needs at least one directory');
  const runs = dirs.map(readRun);
  const seeds = new Set(runs.map((r) => r.seed));
  if (seeds.size > 1) throw new UserError(`the shards were run with different seeds (${[...seeds].join(', ')}): rerun them with one --seed`);
  const claims = runs.flatMap((r) => r.claims);
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.record.id)) throw new UserError(`claim ${c.record.id} appears in more than one shard`);
    seen.add(c.record.id);
  }
  const merged: CheckRun = { seed: runs[0].seed, claims: [...claims].sort((a, b) => compareIds(a.record.id, b.record.id)) };
  for (const dir of dirs)
    for (const sub of ['tighten', 'figures', 'explore'])
      if (existsSync(join(dir, sub))) cpSync(join(dir, sub), join(out, sub), { recursive: true });
  writeResults(out, merged);
  return merged;
}
