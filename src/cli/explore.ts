/**
 * `explore ID --param NAME [--param NAME2] [--range A:B] [--range C:D] [--steps K] [--runs N] [--seed S] [--json] [--out DIR]`:
 * hypothesis boundaries (one parameter) and pass/fail phase diagrams (two), src/search/explore.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deterministic } from '../claims/dispatch.ts';
import { findClaim } from '../claims/registry.ts';
import { DEFAULT_SEED } from '../claims/record.ts';
import { fileNameFor } from '../report/run.ts';
import { phaseDiagramSvg } from '../report/phase-svg.ts';
import { exploreOne, exploreTwo, specFor } from '../search/explore.ts';
import { parseInteger, UserError } from './errors.ts';
import { DEFAULT_OUT, ensureWritableDir, refuseToReplace } from './output.ts';
import { progress } from './progress.ts';

export interface ExploreCliOptions {
  param?: string[];
  range?: string[];
  steps?: string;
  runs?: string;
  seed?: string;
  json?: boolean;
  out?: string;
  time?: string;
}

function parseRange(raw: string): [number, number] {
  const m = /^\s*([^:]+):([^:]+)\s*$/.exec(raw);
  const [a, b] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(a < b)) throw new UserError(`--range must be A:B with finite A < B, got '${raw}'`);
  return [a, b];
}

export async function exploreCommand(id: string, opts: ExploreCliOptions): Promise<number> {
  const found = await findClaim(id);
  if (!found) throw new UserError(`unknown claim id '${id}' (run 'npx tsx src/cli.ts list' for the ids)`);
  const claim = deterministic(found, 'explore');
  const params = opts.param ?? [];
  if (params.length < 1 || params.length > 2) throw new UserError('explore takes one --param (a boundary) or two (a phase diagram)');
  const specs = params.map((p) => specFor(claim, p));
  const ranges = params.map((_p, i) => (opts.range?.[i] ? parseRange(opts.range[i]) : ([...specs[i].explore] as [number, number])));
  const steps = opts.steps === undefined ? (params.length === 1 ? 8 : 6) : parseInteger('--steps', opts.steps, { min: 2, max: 200 });
  const runs = opts.runs === undefined ? undefined : parseInteger('--runs', opts.runs, { min: 1, max: 1_000_000 });
  const seed = opts.seed === undefined ? DEFAULT_SEED : parseInteger('--seed', opts.seed, { min: -(2 ** 31), max: 2 ** 31 - 1 });
  const timeMs = opts.time === undefined ? undefined : 1000 * parseInteger('--time', opts.time, { min: 1, max: 86_400 });
  const outDir = join(opts.out ?? DEFAULT_OUT, 'explore');
  const file = join(outDir, fileNameFor(`${claim.id}.${params.join('-')}`));
  refuseToReplace(opts.out, params.length === 1 ? [file] : [file, file.replace(/\.json$/, '.svg')], 'explore');
  ensureWritableDir(outDir);
  const bar = progress(`explore ${claim.id}`);
  const onProgress = (done: number, total: number) => bar.update(done, total);

  if (params.length === 1) {
    const r = exploreOne(claim, params[0], ranges[0], { steps, runs, seed, timeMs, onProgress });
    bar.stop();
    const json = {
      ...r,
      firstFailure: r.firstFailure && {
        value: r.firstFailure.value,
        counterexample: r.firstFailure.record.counterexample,
        replay: r.firstFailure.record.replay,
      },
    };
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(`${claim.id}: ${params[0]} = ${r.description}; the hypothesis allows [${r.allowed.join(', ')}]\n`);
    for (const p of r.points)
      process.stdout.write(
        `  ${p.value.toPrecision(4).padStart(10)}  ${p.allowed ? 'allowed ' : 'beyond  '} ${p.verdict.padEnd(8)} worst margin ${p.worstMargin === null ? '—' : p.worstMargin.toExponential(2)}\n`,
      );
    if (r.firstFailure) {
      process.stdout.write(
        `first failure at ${params[0]} ≈ ${r.firstFailure.value.toPrecision(4)} (held at ${r.lastHeld === null ? '—' : r.lastHeld.toPrecision(4)})\n`,
      );
      process.stdout.write(`counterexample: ${JSON.stringify(r.firstFailure.record.counterexample?.instance)}\nreplay: ${r.firstFailure.record.replay}\n`);
    } else process.stdout.write(`no failure found up to ${params[0]} = ${ranges[0][1]}\n`);
    if (r.truncated) process.stdout.write('the time budget ran out before the scan finished: the result is partial\n');
    process.stdout.write(`${r.note}\nwrote ${file}\n`);
    return 0;
  }

  const d = exploreTwo(claim, [params[0], params[1]], [ranges[0], ranges[1]], { steps, runs, seed, timeMs, onProgress });
  bar.stop();
  const base = file.replace(/\.json$/, '');
  writeFileSync(`${base}.json`, `${JSON.stringify(d, null, 2)}\n`);
  writeFileSync(`${base}.svg`, phaseDiagramSvg(d));
  if (opts.json) process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
  else {
    process.stdout.write(`${claim.id}: rows ${params[1]} (top = largest), columns ${params[0]}; H = holds, R = refuted, V = vacuous, E = error\n`);
    for (const y of [...d.ys].reverse())
      process.stdout.write(
        `${y.toPrecision(3).padStart(10)}  ${d.xs.map((x) => d.cells.find((c) => c.x === x && c.y === y)?.verdict[0].toUpperCase() ?? '·').join(' ')}\n`,
      );
    process.stdout.write(`${''.padStart(12)}${d.xs.map((x) => x.toPrecision(2)).join(' ')}\nwrote ${base}.json and ${base}.svg\n`);
  }
  return 0;
}
