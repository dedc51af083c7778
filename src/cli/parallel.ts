/**
 * `check --jobs N`: runs the check as N child processes, one per shard (`check --shard i/N`), and
 * merges their outputs with `report merge` — so the result is the same results.json an unsharded
 * run writes (a test checks that), computed on all the machine's cores.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeRuns } from '../report/merge.ts';
import type { CheckRun } from '../report/results.ts';
import { UserError } from './errors.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

function runChild(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 2));
  });
}

/** Runs `check <args>` in `jobs` shards and merges them into `outDir`. */
export async function checkInParallel(args: string[], jobs: number, outDir: string): Promise<CheckRun> {
  const tmp = mkdtempSync(join(outDir, '.shards-'));
  try {
    const dirs = Array.from({ length: jobs }, (_, i) => join(tmp, String(i + 1)));
    const codes = await Promise.all(dirs.map((dir, i) => runChild(['check', ...args, '--shard', `${i + 1}/${jobs}`, '--jobs', '1', '--out', dir])));
    if (codes.some((c) => c > 1)) throw new UserError(`a shard of the parallel check failed (exit codes ${codes.join(', ')}); its message is above`);
    // The claims' figures (DIR/figures/) written by each shard.
    for (const dir of dirs) if (existsSync(join(dir, 'figures'))) cpSync(join(dir, 'figures'), join(outDir, 'figures'), { recursive: true });
    return mergeRuns(dirs, outDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
