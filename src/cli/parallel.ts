/**
 * `check --jobs N`: runs the check as N child processes, one per shard (`check --shard i/N`), and
 * merges their outputs with `report merge` — so the result is the same results.json an unsharded
 * run writes (a test checks that), computed on all the machine's cores. The shards' progress lines
 * are read here and shown as one display (one bar, or one counter over all claims), never as
 * interleaved per-shard counters.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { mergeRuns } from '../report/merge.ts';
import type { CheckRun } from '../report/run.ts';
import { UserError } from './errors.ts';
import { AUDIT_LABEL, progress } from './progress.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

function runChild(args: string[], onLine: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 2));
  });
}

const CHECKED = /^\[(\d+)\/(\d+)\] (.*)$/;
const AUDITED = new RegExp(`^${AUDIT_LABEL}: (\\d+)/(\\d+)`);

/** One progress display for all shards: claims checked so far over all of them, then the audit. */
function combinedProgress(total: number, jobs: number): { onLine(shard: number, line: string): void; stop(): void } {
  const check = progress('checking', { everyStep: true });
  const audit = progress(AUDIT_LABEL);
  let checked = 0;
  const audited = new Array<number>(jobs).fill(0);
  const auditTotals = new Array<number>(jobs).fill(0);
  return {
    onLine(shard, line) {
      const c = CHECKED.exec(line);
      const a = AUDITED.exec(line);
      if (c) {
        checked++;
        check.update(checked, total, c[3].split(':')[0]);
        check.line?.(`[${checked}/${total}] ${c[3]}`);
      } else if (a) {
        [audited[shard], auditTotals[shard]] = [Number(a[1]), Number(a[2])];
        if (checked === total) check.stop();
        audit.update(
          audited.reduce((x, y) => x + y, 0),
          Math.max(
            total,
            auditTotals.reduce((x, y) => x + y, 0),
          ),
        );
      } else process.stderr.write(`shard ${shard + 1}/${jobs}: ${line}\n`);
    },
    stop() {
      check.stop();
      audit.stop();
    },
  };
}

/** Runs `check <args>` in `jobs` shards over `total` claims and merges them into `outDir`. */
export async function checkInParallel(args: string[], jobs: number, total: number, outDir: string): Promise<CheckRun> {
  const tmp = mkdtempSync(join(outDir, '.shards-'));
  const shown = combinedProgress(total, jobs);
  try {
    const dirs = Array.from({ length: jobs }, (_, i) => join(tmp, String(i + 1)));
    const codes = await Promise.all(
      dirs.map((dir, i) => runChild(['check', ...args, '--shard', `${i + 1}/${jobs}`, '--jobs', '1', '--out', dir], (line) => shown.onLine(i, line))),
    );
    shown.stop();
    if (codes.some((c) => c > 1)) throw new UserError(`a shard of the parallel check failed (exit codes ${codes.join(', ')}); its message is above`);
    // The claims' figures (DIR/figures/) written by each shard.
    for (const dir of dirs) if (existsSync(join(dir, 'figures'))) cpSync(join(dir, 'figures'), join(outDir, 'figures'), { recursive: true });
    return mergeRuns(dirs, outDir);
  } finally {
    shown.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
