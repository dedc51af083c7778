/**
 * `check [ID…] [--runs N] [--seed S] [--out DIR] [--path P] [--sabotaged]`: runs claims (all by
 * default) with their sabotaged variants, shows progress, prints a summary table, writes
 * DIR/results.json and DIR/summary.md, and exits 0 exactly when every verdict is as expected.
 */
import { type LoadError, loadRegistry } from '../claims/registry.ts';
import { type AnyClaim, deterministic, figuresOfClaim, isDeterministic, runAnyClaim, sabotageAnyClaim } from '../claims/dispatch.ts';
import { writeFigure } from '../experiments/figures.ts';
import { DEFAULT_SEED, type VerdictRecord } from '../claims/record.ts';
import { allAsExpected, type CheckedClaim, type CheckRun, claimAsExpected, fmt, rigorCounts } from '../report/run.ts';
import { writeResults } from '../report/results.ts';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { checkInParallel } from './parallel.ts';
import { withParameters, withProfile } from '../claims/parameters.ts';
import { boundariesOf, slackOf } from '../search/audit.ts';
import type { TightenResult } from '../search/tighten.ts';
import { AUDIT_LABEL, progress } from './progress.ts';
import { rigorous } from '../claims/rigorous.ts';
import { saveTightenResult } from './tighten.ts';
import { setArgs } from '../search/explore.ts';
import { parseInteger, UserError } from './errors.ts';
import { ensureWritableDir, reportDir } from './output.ts';
import { replayPath } from './replay.ts';
import { junitXml } from '../report/junit.ts';

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
  /** Internal: `i/n`, a worker of `--jobs n` (src/cli/parallel.ts), which runs the claims sent on stdin. */
  worker?: string;
  jobs?: string;
  rigorous?: boolean;
  paper?: string;
  kind?: string;
  junit?: string;
  json?: boolean;
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
    ...(opts.paper !== undefined ? ['--paper', opts.paper] : []),
    ...(opts.kind !== undefined ? ['--kind', opts.kind] : []),
  ];
}

/** `i/n` → the claims whose position in the (sorted) registry is ≡ i − 1 (mod n). */
function parseShard(raw: string | undefined, option = '--shard'): { index: number; count: number } | null {
  if (raw === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || count < 1 || index < 1 || index > count) throw new UserError(`${option} must be i/n with 1 ≤ i ≤ n, got '${raw}'`);
  return { index, count };
}

/** Depth of a check: `default` for CI and daily use, `thorough` for nightly runs. */
const PROFILES = {
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

/** A claim-id pattern: `*` any run of characters, `?` one character; anything else literal. */
function globToRegExp(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

interface Selection {
  /** Exact ids or glob patterns (all claims when empty). */
  readonly ids: string[];
  readonly paper?: string;
  readonly kind?: string;
  readonly shard?: { index: number; count: number } | null;
}

/**
 * The selected claims, always in registry order (so a report's order never depends on how the ids
 * were given). An id or pattern that matches no claim, an unknown --paper or --kind, and a selection
 * that leaves no claim (a shard past the last claim, a filter that excludes every named claim) are
 * UserErrors: a run that would check nothing never passes.
 */
function selectClaims(all: AnyClaim[], sel: Selection, loadErrors: readonly LoadError[] = []): AnyClaim[] {
  const broken = loadErrors.length
    ? ` (${loadErrors.length} lemma file${loadErrors.length > 1 ? 's' : ''} did not load: ${loadErrors.map((e) => e.file).join(', ')})`
    : '';
  let claims = all;
  if (sel.ids.length) {
    const patterns = sel.ids.map((id) => ({ id, re: /[*?]/.test(id) ? globToRegExp(id) : null }));
    for (const { id, re } of patterns)
      if (!all.some((c) => (re ? re.test(c.id) : c.id === id)))
        throw new UserError(re ? `no claim id matches '${id}'${broken}` : `unknown claim id '${id}' (run 'npx tsx src/cli.ts list' for the ids)${broken}`);
    claims = all.filter((c) => patterns.some(({ id, re }) => (re ? re.test(c.id) : c.id === id)));
  }
  const filters: string[] = [];
  if (sel.paper !== undefined) {
    const papers = [...new Set(all.map((c) => c.source.paper))].sort();
    const paper = papers.find((p) => p.toLowerCase() === sel.paper!.toLowerCase());
    if (!paper) throw new UserError(`--paper must be one of ${papers.join(', ')}, got '${sel.paper}'`);
    claims = claims.filter((c) => c.source.paper === paper);
    filters.push(`--paper ${paper}`);
  }
  if (sel.kind !== undefined) {
    const kinds: string[] = [...new Set(all.map((c) => c.kind))].sort();
    if (!kinds.includes(sel.kind)) throw new UserError(`--kind must be one of ${kinds.join(', ')}, got '${sel.kind}'`);
    claims = claims.filter((c) => c.kind === sel.kind);
    filters.push(`--kind ${sel.kind}`);
  }
  const named = sel.ids.length ? `${sel.ids.join(' ')} ` : '';
  if (claims.length === 0) throw new UserError(`${named}${filters.join(' ')} selects no claim: nothing would be checked`);
  const shard = sel.shard;
  if (shard) {
    const inShard = claims.filter((_, k) => k % shard.count === shard.index - 1);
    if (inShard.length === 0)
      throw new UserError(
        `shard ${shard.index}/${shard.count} holds no claim: the selection has ${claims.length} claim${claims.length > 1 ? 's' : ''}, so use at most ${claims.length} shard${claims.length > 1 ? 's' : ''}`,
      );
    claims = inShard;
  }
  return claims;
}

/** A lemma file that did not load, as an `error` row of the report (never silently missing). */
function loadErrorRecord(e: LoadError, seed: number): VerdictRecord {
  return {
    id: e.file,
    paper: '—',
    where: e.file,
    kind: 'load',
    statement: `the claims of ${e.file}`,
    expected: 'holds',
    verdict: 'error',
    runs: 0,
    vacuousRuns: 0,
    worstMargin: null,
    worstLabel: null,
    seed: 0,
    globalSeed: seed,
    error: `${e.file} did not load: ${e.message}`,
    timeMs: 0,
  };
}

function printTable(rows: CheckedClaim[]): void {
  const w = Math.max(5, ...rows.map((r) => r.record.id.length));
  const out = process.stdout;
  out.write(
    `\n${'claim'.padEnd(w)}  ${'verdict'.padEnd(8)} ${'expected'.padEnd(8)} ok  ${'runs'.padStart(5)}  ${'worst margin'.padStart(12)}  sabotage   time\n`,
  );
  for (const { record: r, sabotage: s } of rows) {
    const ok = claimAsExpected({ record: r, sabotage: s });
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
  const replaying = opts.path !== undefined;
  if (replaying && ids.length !== 1) throw new UserError('--path replays one counterexample: name exactly one claim id');
  if (replaying && !/^\d+(:\d+)*$/.test(opts.path!)) throw new UserError(`--path must look like 12:0:3, got '${opts.path}'`);
  if (replaying && opts.junit !== undefined) throw new UserError('--junit reports a check, not a replay (--path)');
  if (!replaying && opts.json) throw new UserError('--json applies to a replay (--path or --replay); a check writes DIR/results.json');
  const profileName = opts.profile ?? 'default';
  if (!(profileName in PROFILES)) throw new UserError(`--profile must be one of ${Object.keys(PROFILES).join(', ')}, got '${profileName}'`);
  const profile = PROFILES[profileName as keyof typeof PROFILES];
  const tightenBudget =
    opts.tightenBudget === undefined ? profile.tightenBudget : parseInteger('--tighten-budget', opts.tightenBudget, { min: 0, max: 100_000_000 });
  const requestedJobs = opts.jobs === undefined ? undefined : parseInteger('--jobs', opts.jobs, { min: 1, max: 64 });
  const settings = parseSettings(opts.set);
  // A replay must rebuild the instance the same way: with --set the claim's parameters, else its profile's builder.
  const replayArgs = Object.keys(settings).length ? setArgs(settings) : profileName === 'default' ? undefined : `--profile ${profileName}`;
  const shard = parseShard(opts.shard);
  const worker = parseShard(opts.worker, '--worker');
  if (worker && (shard || replaying || opts.sabotaged || Object.keys(settings).length))
    throw new UserError("--worker is a parallel check's own: it cannot be combined with --shard, --path, --sabotaged or --set");
  const registry = await loadRegistry();
  const claims = selectClaims(registry.claims, { ids, paper: opts.paper, kind: opts.kind, shard }, registry.errors).map((c) =>
    Object.keys(settings).length ? withParameters(deterministic(c, '--set'), settings) : withProfile(c, profileName),
  );
  if (replaying && claims.length !== 1) throw new UserError(`--path replays one counterexample: '${ids[0]}' selects ${claims.length} claims`);
  if (opts.junit !== undefined) ensureWritableDir(dirname(opts.junit), '--junit');
  // A replay writes a report only where the user asks for one; everything else writes one.
  const outDir = replaying && opts.out === undefined ? null : reportDir(opts.out, 'check');
  // A file that did not load is an error row of the report; the shards of a sharded run report it once (shard 1).
  const part = shard ?? worker;
  const loadErrors = replaying || (part && part.index !== 1) ? [] : registry.errors.map((e) => loadErrorRecord(e, seed));
  // Parallel by default on a full check (at least 8 claims), where the children's start-up pays off.
  const parallelisable = !shard && !worker && !replaying && !opts.sabotaged && Object.keys(settings).length === 0;
  const jobs = requestedJobs !== undefined ? requestedJobs : parallelisable && claims.length >= 8 ? Math.min(2, availableParallelism()) : 1;
  if (jobs > 1 && !parallelisable) throw new UserError('--jobs cannot be combined with --shard, --path, --sabotaged or --set');
  if (jobs > 1 && claims.length > 1) {
    const merged = await checkInParallel(
      passThrough(ids, opts),
      Math.min(jobs, claims.length),
      claims.map((c) => c.id),
      outDir!,
    );
    return finish(merged, outDir!, opts, `${Math.min(jobs, claims.length)} parallel workers`);
  }

  const auditing = opts.audit !== false && !opts.sabotaged && Object.keys(settings).length === 0;
  const audit = {
    tightenBudget,
    seed: Math.abs(seed),
    exploreRuns: profile.exploreRuns,
    exploreSteps: profile.exploreSteps,
    saveTighten: (r: TightenResult) => relative(outDir!, saveTightenResult(outDir!, r)),
  };
  const progressLine = (done: number, r: VerdictRecord, auditMs?: number) =>
    bar.line?.(
      `[${done}/${claims.length}] ${r.id}: ${r.verdict}${r.verdict === r.expected ? '' : ` (expected ${r.expected})`}, ${r.timeMs} ms${auditMs === undefined ? '' : `, audit ${auditMs} ms`}`,
    );
  /** The claim and its sabotaged variant, and their figures. */
  const checkOne = async (claim: AnyClaim): Promise<CheckedClaim> => {
    const run = (c: AnyClaim): VerdictRecord => {
      const record = runAnyClaim(c, { runs, runsScale: profile.runsScale, seed, path: opts.path, replayArgs });
      return opts.rigorous && !replaying ? rigorous(c, record, { runs, runsScale: profile.runsScale }) : record;
    };
    const target = opts.sabotaged ? sabotageAnyClaim(claim) : claim;
    const checked: CheckedClaim = { record: run(target), sabotage: opts.sabotaged || replaying ? null : run(sabotageAnyClaim(claim)) };
    if (replaying) return checked;
    // Figures of the claim's data (sweeps that draw them): DIR/figures/<figure id>.svg, .json, .caption.txt.
    if (!opts.sabotaged)
      for (const fig of figuresOfClaim(claim, { runs, runsScale: profile.runsScale, seed })) await writeFigure(join(outDir!, 'figures'), fig);
    return checked;
  };
  /** The slack table and hypothesis boundaries of a deterministic claim (the audit). */
  const auditOne = (claim: AnyClaim, checked: CheckedClaim): CheckedClaim =>
    isDeterministic(claim) ? { ...checked, slack: slackOf(claim, audit), boundaries: boundariesOf(claim, audit) } : checked;

  const bar = progress('checking', { everyStep: true });
  const results: CheckedClaim[] = [];
  if (worker) {
    // A worker of a parallel check: the parent sends claim ids on stdin, one per line, each as the
    // worker finishes its last (so the load balances whatever the claims cost); each is audited at
    // once, and the worker's report is written when stdin closes.
    for await (const id of createInterface({ input: process.stdin })) {
      const claim = claims.find((c) => c.id === id);
      if (!claim) throw new UserError(`a worker was sent '${id}', which the selection does not hold`);
      const checked = await checkOne(claim);
      const audited = auditing && isDeterministic(claim);
      const start = performance.now();
      results.push(audited ? auditOne(claim, checked) : checked);
      // The parent deals the next claim on this line, so it comes once the claim is audited.
      progressLine(results.length, checked.record, audited ? Math.round(performance.now() - start) : undefined);
    }
  } else {
    for (const [i, claim] of claims.entries()) {
      bar.update(i, claims.length, claim.id);
      const checked = await checkOne(claim);
      if (replaying) {
        replayPath(deterministic(opts.sabotaged ? sabotageAnyClaim(claim) : claim, '--path'), checked.record, opts.path!, !!opts.json);
        if (outDir) writeResults(outDir, { seed, claims: [checked] });
        return claimAsExpected(checked) ? 0 : 1;
      }
      results.push(checked);
      progressLine(i + 1, checked.record);
    }
  }
  bar.stop();
  if (auditing && !worker) {
    const auditBar = progress(AUDIT_LABEL);
    results.forEach((c, i) => {
      auditBar.update(i, results.length, c.record.id);
      results[i] = auditOne(claims.find((k) => k.id === c.record.id)!, c);
    });
    auditBar.stop();
  }
  const run: CheckRun = { seed, claims: [...loadErrors.map((record) => ({ record, sabotage: null })), ...results], ...(part ? { shard: part } : {}) };
  writeResults(outDir!, run);
  return finish(run, outDir!, opts);
}

/** Prints the table, writes the JUnit file if asked, and returns the exit code of a check. */
function finish(run: CheckRun, outDir: string, opts: CheckOptions, how?: string): number {
  printTable([...run.claims]);
  if (opts.rigorous) process.stdout.write(`\nrigorous: ${rigorCounts(run)}\n`);
  if (opts.junit !== undefined) writeFileSync(opts.junit, junitXml(run));
  process.stdout.write(
    `\nwrote ${outDir}/results.json, summary.md and index.html${opts.junit !== undefined ? ` and ${opts.junit}` : ''}${how ? ` (${how})` : ''}\n`,
  );
  return allAsExpected(run) ? 0 : 1;
}
