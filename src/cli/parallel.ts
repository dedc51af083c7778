/**
 * `check --jobs N`: runs the check as N child processes (workers, `check --worker i/N`) and merges
 * their outputs with `report merge` — so the result is the same results.json an unsharded run
 * writes (a test checks that), computed on all the machine's cores. The claims are dealt out one at
 * a time, in registry order, each to the first worker that is free, so that a worker that drew a
 * long claim (a theorem-regime trajectory runs minutes in the thorough profile) is not also given a
 * fixed share of the rest; which worker ran a claim changes no result. The workers' progress lines
 * are read here and shown as one display (one bar, or one counter over all claims), never as
 * interleaved per-worker counters.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { mergeRuns } from '../report/merge.ts';
import type { CheckRun } from '../report/run.ts';
import { UserError } from './errors.ts';
import { progress } from './progress.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** A worker: runs `args`, reports each stderr line, and takes claim ids on its stdin. */
function startChild(args: string[], onLine: (line: string) => void): { send(id: string | null): void; done: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['pipe', 'ignore', 'pipe'] });
  createInterface({ input: child.stderr }).on('line', onLine);
  // A worker that exits early (an error) closes its stdin; what is still sent to it is dropped.
  child.stdin.on('error', () => {});
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 2));
  });
  return { send: (id) => (id === null ? child.stdin.end() : child.stdin.write(`${id}\n`)), done };
}

const CHECKED = /^\[(\d+)\/(\d+)\] (.*)$/;

/** One progress display for all workers: claims checked (and audited) so far over all of them. */
function combinedProgress(total: number, jobs: number): { onLine(worker: number, line: string): void; stop(): void } {
  const check = progress('checking', { everyStep: true });
  let checked = 0;
  return {
    onLine(worker, line) {
      const c = CHECKED.exec(line);
      if (c) {
        checked++;
        check.update(checked, total, c[3].split(':')[0]);
        check.line?.(`[${checked}/${total}] ${c[3]}`);
      } else process.stderr.write(`worker ${worker + 1}/${jobs}: ${line}\n`);
    },
    stop: () => check.stop(),
  };
}

/** Runs `check <args>` on `jobs` workers, dealing them the claims `ids`, and merges them into `outDir`. */
export async function checkInParallel(args: string[], jobs: number, ids: readonly string[], outDir: string): Promise<CheckRun> {
  const tmp = mkdtempSync(join(outDir, '.shards-'));
  const shown = combinedProgress(ids.length, jobs);
  const queue = [...ids];
  try {
    const dirs = Array.from({ length: jobs }, (_, i) => join(tmp, String(i + 1)));
    const workers = dirs.map((dir, i) =>
      startChild(['check', ...args, '--worker', `${i + 1}/${jobs}`, '--jobs', '1', '--out', dir], (line) => {
        shown.onLine(i, line);
        if (CHECKED.test(line)) workers[i].send(queue.shift() ?? null);
      }),
    );
    for (const w of workers) w.send(queue.shift() ?? null);
    const codes = await Promise.all(workers.map((w) => w.done));
    shown.stop();
    if (codes.some((c) => c > 1)) throw new UserError(`a worker of the parallel check failed (exit codes ${codes.join(', ')}); its message is above`);
    // The claims' figures (DIR/figures/) written by each worker.
    for (const dir of dirs) if (existsSync(join(dir, 'figures'))) cpSync(join(dir, 'figures'), join(outDir, 'figures'), { recursive: true });
    return mergeRuns(dirs, outDir);
  } finally {
    shown.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
