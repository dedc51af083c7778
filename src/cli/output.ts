/**
 * Output directories (`--out`): created and proved writable before any work starts, and never used
 * to replace a report the command did not write unless the user named the directory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from './errors.ts';

/** Where `check`, `tighten` and `explore` write when no --out is given. */
export const DEFAULT_OUT = 'reports/latest';

/** How long creating the directory and writing a file in it may take (a hung mount, /proc, …). */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * Runs in a child process so that a hang is bounded by PROBE_TIMEOUT_MS. Creates the directory one
 * level at a time: Node's recursive mkdir never returns for a path under /proc.
 */
const PROBE = `
const fs = require('node:fs'), path = require('node:path');
const dir = path.resolve(process.argv[1]);
try {
  const missing = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) { missing.unshift(d); if (path.dirname(d) === d) break; }
  for (const d of missing) fs.mkdirSync(d);
  if (!fs.statSync(dir).isDirectory()) throw new Error('it exists and is not a directory');
  const probe = path.join(dir, '.lemmacheck-probe-' + process.pid);
  fs.writeFileSync(probe, '');
  fs.unlinkSync(probe);
} catch (e) {
  process.stderr.write((e.code ? e.code + ': ' : '') + (e.message.startsWith(e.code + ': ') ? e.message.slice(e.code.length + 2) : e.message));
  process.exit(1);
}
`;

/**
 * Creates `dir` if needed and checks that a file can be written in it, within PROBE_TIMEOUT_MS; else
 * a UserError. (`probe` and `timeoutMs` replace the script and the limit in the test of the limit.)
 */
export function ensureWritableDir(dir: string, option = '--out', { probe = PROBE, timeoutMs = PROBE_TIMEOUT_MS } = {}): void {
  if (dir.trim() === '') throw new UserError(`${option} must name a directory, got ''`);
  const r = spawnSync(process.execPath, ['-e', probe, dir], { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')
    throw new UserError(`${option} ${dir}: creating it and writing a file in it did not finish within ${timeoutMs / 1000} s`);
  if (r.error) throw new UserError(`${option} ${dir}: cannot check it (${r.error.message})`);
  if (r.status !== 0)
    throw new UserError(`${option} ${dir} cannot be written: ${(r.stderr || `probe exited with ${r.status ?? r.signal}`).trim().split('\n')[0]}`);
}

/** True when `dir` holds a report (results.json or run.json of an earlier check or merge). */
function holdsReport(dir: string): boolean {
  return existsSync(join(dir, 'results.json')) || existsSync(join(dir, 'run.json'));
}

/**
 * The directory a report-writing command uses: the one named with --out, or DEFAULT_OUT when it
 * holds no earlier report. An earlier report in the default directory is never replaced silently.
 * The directory is created and probed before any work.
 */
export function reportDir(named: string | undefined, command: string): string {
  if (named === undefined && holdsReport(DEFAULT_OUT))
    throw new UserError(
      `${DEFAULT_OUT} holds the report of an earlier run; ${command} would replace it: pass --out ${DEFAULT_OUT} to replace it, or --out DIR to write elsewhere`,
    );
  const dir = named ?? DEFAULT_OUT;
  ensureWritableDir(dir);
  return dir;
}

/**
 * Before a command that adds files to a report directory (tighten/, explore/, figures/) starts: a file it would
 * write that already exists belongs to an earlier run (check's audit links its tighten files from
 * summary.md), so without --out it is a UserError rather than overwritten.
 */
export function refuseToReplace(named: string | undefined, files: string[], command: string, defaultOut = DEFAULT_OUT): void {
  if (named !== undefined) return;
  const taken = files.filter((f) => existsSync(f));
  if (taken.length)
    throw new UserError(
      `${taken[0]} was written by an earlier run${taken.length > 1 ? ` (and ${taken.length - 1} more)` : ''}; ${command} would replace it: pass --out ${defaultOut} to replace it, or --out DIR to write elsewhere`,
    );
}
