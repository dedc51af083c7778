/**
 * `check [ID…] [--runs N] [--seed S] [--out DIR] [--path P] [--sabotaged]`: runs claims (all by
 * default) with their sabotaged variants, shows progress, prints a summary table, writes
 * DIR/results.json and DIR/summary.md, and exits 0 exactly when every verdict is as expected.
 */
import cliProgress from 'cli-progress';
import { loadClaims } from '../claims/registry.ts';
import { type AnyClaim, deterministic, figuresOfClaim, isDeterministic, runAnyClaim, sabotageAnyClaim } from '../claims/dispatch.ts';
import { writeFigure } from '../experiments/figures.ts';
import { DEFAULT_SEED, type VerdictRecord } from '../claims/runner.ts';
import { allAsExpected, type CheckedClaim, writeResults } from '../report/results.ts';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { checkInParallel } from './parallel.ts';
import { withParameters } from '../claims/parameters.ts';
import { boundariesOf, slackOf } from '../search/audit.ts';
import type { TightenResult } from '../search/tighten.ts';
import { progress } from './progress.ts';
import { rigorous } from '../claims/rigorous.ts';
import { rigorCounts } from '../report/results.ts';
import { saveTightenResult } from './tighten.ts';
import { setArgs } from '../search/explore.ts';
import { parseInteger, UserError } from './errors.ts';

export interface CheckOptions {
  runs?: string;
  seed?: string;
  out?: string;
  path?: string;
  sabotaged?: boolean;
  set?: string[];
  audit?: boolean;
  tightenBudget?: string;
  profile?: string;
  shard?: string;
  jobs?: string;
  rigorous?: boolean;
}

/** The check's own options, passed on to the shards of a parallel run. */
function passThrough(ids: string[], opts: CheckOptions): string[] {
  return [
    ...ids,
    ...(opts.runs !== undefined ? ['--runs', opts.runs] : []),
    ...(opts.seed !== undefined ? ['--seed', opts.seed] : []),
    ...(opts.profile !== undefined ? ['--profile', opts.profile] : []),
    ...(opts.tightenBudget !== undefined ? ['--tighten-budget', opts.tightenBudget] : []),
    ...(opts.audit === false ? ['--no-audit'] : []),
    ...(opts.rigorous ? ['--rigorous'] : []),
  ];
}

/** `i/n` → the claims whose position in the (sorted) registry is ≡ i − 1 (mod n). */
function parseShard(raw: string | undefined): { index: number; count: number } | null {
  if (raw === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || count < 1 || index < 1 || index > count) throw new UserError(`--shard must be i/n with 1 ≤ i ≤ n, got '${raw}'`);
  return { index, count };
}

/** Depth of a check: `default` for CI and daily use, `thorough` for nightly runs. */
export const PROFILES = {
  default: { runsScale: 1, tightenBudget: 3000, exploreRuns: 200, exploreSteps: 6 },
  thorough: { runsScale: 10, tightenBudget: 30000, exploreRuns: 1000, exploreSteps: 10 },
} as const;

/** Parses repeated NAME=VALUE options. */
function parseSettings(raw: string[] = []): Record<string, number> {
  return Object.fromEntries(
    raw.map((s) => {
      const m = /^([A-Za-z][A-Za-z0-9_]*)=(.+)$/.exec(s);
      const value = m ? Number(m[2]) : NaN;
      if (!m || !Number.isFinite(value)) throw new UserError(`--set takes NAME=VALUE with a finite number, got '${s}'`);
      return [m[1], value];
    }),
  );
}

/** The named claims (all by default), always in registry order, so a report's order never depends on how the ids were given. */
async function selectClaims(ids: string[]): Promise<AnyClaim[]> {
  const claims = await loadClaims();
  if (ids.length === 0) return claims;
  for (const id of ids)
    if (!claims.some((c) => c.id === id)) throw new UserError(`unknown claim id '${id}' (run 'npx tsx src/cli.ts list' for the ids)`);
  return claims.filter((c) => ids.includes(c.id));
}

function fmt(x: number | null): string {
  return x === null ? '—' : x.toExponential(2);
}

function printTable(rows: CheckedClaim[]): void {
  const w = Math.max(5, ...rows.map((r) => r.record.id.length));
  const out = process.stdout;
  out.write(`\n${'claim'.padEnd(w)}  ${'verdict'.padEnd(8)} ${'expected'.padEnd(8)} ok  ${'runs'.padStart(5)}  ${'worst margin'.padStart(12)}  sabotage   time\n`);
  for (const { record: r, sabotage: s } of rows) {
    const ok = r.verdict === r.expected && (!s || s.verdict === 'refuted');
    const sab = s ? (s.verdict === 'refuted' ? 'refuted' : `${s.verdict}!`) : '—';
    out.write(
      `${r.id.padEnd(w)}  ${r.verdict.padEnd(8)} ${r.expected.padEnd(8)} ${ok ? '✓ ' : '✗ '}  ${String(r.runs).padStart(5)}  ${fmt(r.worstMargin).padStart(12)}  ${sab.padEnd(9)} ${String(r.timeMs + (s?.timeMs ?? 0)).padStart(5)} ms\n`,
    );
  }
  for (const { record: r, sabotage: s } of rows) {
    if (r.verdict !== r.expected) {
      out.write(`\n✗ ${r.id}: ${r.verdict}, expected ${r.expected}.${r.error ? ` ${r.error}.` : ''}\n`);
      if (r.replay) out.write(`  replay: ${r.replay}\n`);
    }
    if (s && s.verdict !== 'refuted') out.write(`\n✗ ${r.id}: the sabotaged variant (${s.sabotage}) was ${s.verdict}, not refuted.\n`);
  }
}

export async function checkCommand(ids: string[], opts: CheckOptions): Promise<number> {
  const runs = opts.runs === undefined ? undefined : parseInteger('--runs', opts.runs, { min: 1, max: 1_000_000 });
  const seed = opts.seed === undefined ? DEFAULT_SEED : parseInteger('--seed', opts.seed, { min: -(2 ** 31), max: 2 ** 31 - 1 });
  if (opts.path !== undefined && ids.length !== 1) throw new UserError('--path replays one counterexample: name exactly one claim id');
  if (opts.path !== undefined && !/^\d+(:\d+)*$/.test(opts.path)) throw new UserError(`--path must look like 12:0:3, got '${opts.path}'`);
  const profileName = opts.profile ?? 'default';
  if (!(profileName in PROFILES)) throw new UserError(`--profile must be one of ${Object.keys(PROFILES).join(', ')}, got '${profileName}'`);
  const profile = PROFILES[profileName as keyof typeof PROFILES];
  const settings = parseSettings(opts.set);
  const replayArgs = setArgs(settings);
  const shard = parseShard(opts.shard);
  const claims = (await selectClaims(ids))
    .filter((_, k) => !shard || k % shard.count === shard.index - 1)
    .map((c) => (Object.keys(settings).length ? withParameters(deterministic(c, '--set'), settings) : c));
  const outDir = opts.out ?? 'reports/latest';
  // Parallel by default on a full check (at least 8 claims), where the children's start-up pays off.
  const parallelisable = !shard && opts.path === undefined && !opts.sabotaged && Object.keys(settings).length === 0;
  const jobs =
    opts.jobs !== undefined
      ? parseInteger('--jobs', opts.jobs, { min: 1, max: 64 })
      : parallelisable && claims.length >= 8
        ? Math.min(2, availableParallelism())
        : 1;
  if (jobs > 1 && !parallelisable) throw new UserError('--jobs cannot be combined with --shard, --path, --sabotaged or --set');
  if (jobs > 1) {
    mkdirSync(outDir, { recursive: true });
    const merged = await checkInParallel(passThrough(ids, opts), Math.min(jobs, claims.length), outDir);
    printTable([...merged.claims]);
    if (opts.rigorous) process.stdout.write(`\nrigorous: ${rigorCounts(merged)}\n`);
    process.stdout.write(`\nwrote ${outDir}/results.json, summary.md and index.html (${jobs} parallel shards)\n`);
    return allAsExpected(merged) ? 0 : 1;
  }

  const tty = process.stderr.isTTY;
  const bar = tty
    ? new cliProgress.SingleBar({ format: 'checking [{bar}] {value}/{total} {claim}', clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(claims.length, 0, { claim: '' });
  const results: CheckedClaim[] = [];
  for (const [i, claim] of claims.entries()) {
    bar?.update(i, { claim: claim.id });
    const run = (c: AnyClaim): VerdictRecord => {
      const record = runAnyClaim(c, { runs, runsScale: profile.runsScale, seed, path: opts.path, replayArgs });
      return opts.rigorous && opts.path === undefined ? rigorous(c, record, { runs, runsScale: profile.runsScale }) : record;
    };
    const checked: CheckedClaim = opts.sabotaged
      ? { record: run(sabotageAnyClaim(claim)), sabotage: null }
      : { record: run(claim), sabotage: opts.path ? null : run(sabotageAnyClaim(claim)) };
    results.push(checked);
    // Figures of the claim's data (sweeps that draw them): DIR/figures/<figure id>.svg, .json, .caption.txt.
    if (!opts.sabotaged)
      for (const fig of figuresOfClaim(claim, { runs, runsScale: profile.runsScale, seed })) await writeFigure(join(outDir, 'figures'), fig);
    if (!tty) {
      const r = checked.record;
      process.stderr.write(`[${i + 1}/${claims.length}] ${r.id}: ${r.verdict}${r.verdict === r.expected ? '' : ` (expected ${r.expected})`}, ${r.timeMs} ms\n`);
    }
  }
  bar?.update(claims.length, { claim: '' });
  bar?.stop();
  if (opts.audit !== false && !opts.sabotaged && opts.path === undefined && Object.keys(settings).length === 0) {
    const tightenBudget =
      opts.tightenBudget === undefined ? profile.tightenBudget : parseInteger('--tighten-budget', opts.tightenBudget, { min: 0, max: 100_000_000 });
    const auditBar = progress('auditing constants and hypotheses');
    const audit = { tightenBudget, seed: Math.abs(seed), exploreRuns: profile.exploreRuns, exploreSteps: profile.exploreSteps, saveTighten: (r: TightenResult) => relative(outDir, saveTightenResult(outDir, r)) };
    results.forEach((c, i) => {
      auditBar.update(i, results.length, c.record.id);
      const claim = claims.find((k) => k.id === c.record.id)!;
      if (isDeterministic(claim)) results[i] = { ...c, slack: slackOf(claim, audit), boundaries: boundariesOf(claim, audit) };
    });
    auditBar.stop();
  }
  const run = { seed, claims: results };
  writeResults(outDir, run);
  printTable(results);
  if (opts.rigorous) process.stdout.write(`\nrigorous: ${rigorCounts(run)}\n`);
  process.stdout.write(`\nwrote ${outDir}/results.json, summary.md and index.html\n`);
  return allAsExpected(run) ? 0 : 1;
}
