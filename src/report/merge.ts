/**
 * `report merge DIR… --out DIR`: combines the outputs of `check --shard i/n` runs into one
 * results.json, summary.md, index.html and set of counterexample, tighten and figure files — the
 * same files an unsharded run with the same seed writes.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareIds } from '../claims/registry.ts';
import { UserError } from '../errors.ts';
import { writeResults } from './results.ts';
import type { CheckRun } from './run.ts';

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

/**
 * Checks that the runs are the n shards 1/n … n/n of one check, each once; a UserError names what is
 * missing, duplicated or not a shard, so a merge of part of a run never passes as the whole.
 */
function checkShards(dirs: string[], runs: CheckRun[]): void {
  const unsharded = dirs.filter((_, i) => !runs[i].shard);
  if (unsharded.length)
    throw new UserError(
      `${unsharded.join(', ')} ${unsharded.length > 1 ? 'are not shards' : 'is not a shard'} (no --shard recorded in run.json): report merge combines the outputs of check --shard i/n`,
    );
  const counts = new Set(runs.map((r) => r.shard!.count));
  if (counts.size > 1)
    throw new UserError(`the shards come from different splits (${runs.map((r, i) => `${dirs[i]}: ${r.shard!.index}/${r.shard!.count}`).join(', ')})`);
  const count = runs[0].shard!.count;
  const byIndex = new Map<number, string>();
  runs.forEach((r, i) => {
    const other = byIndex.get(r.shard!.index);
    if (other !== undefined) throw new UserError(`shard ${r.shard!.index}/${count} is given twice (${other} and ${dirs[i]})`);
    byIndex.set(r.shard!.index, dirs[i]);
  });
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
  if (missing.length)
    throw new UserError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')} missing: report merge needs all ${count} shards of the run`,
    );
}

/** Merges shard directories into `out`; returns the merged run. */
export function mergeRuns(dirs: string[], out: string): CheckRun {
  if (dirs.length === 0) throw new UserError('report merge needs at least one directory');
  const runs = dirs.map(readRun);
  checkShards(dirs, runs);
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
    for (const sub of ['tighten', 'figures', 'explore']) if (existsSync(join(dir, sub))) cpSync(join(dir, sub), join(out, sub), { recursive: true });
  writeResults(out, merged);
  return merged;
}
