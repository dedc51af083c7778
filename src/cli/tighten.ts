/**
 * `tighten ID [--constant NAME] [--budget N] [--seed S] [--time SECONDS] [--try VALUE] [--json] [--out DIR]`
 * and `tighten ID --replay FILE`: the worst-case constant search of src/search/tighten.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deterministic } from '../claims/dispatch.ts';
import { findClaim } from '../claims/registry.ts';
import { evaluate } from '../claims/runner.ts';
import { fromJson, type Json } from '../claims/serialise.ts';
import { requireInsideHypotheses } from '../claims/hypotheses.ts';
import { relativeTolerance } from '../claims/tolerance.ts';
import type { Claim } from '../claims/types.ts';
import { fileNameFor } from '../report/run.ts';
import { breakConstant, tighten, type TightenResult } from '../search/tighten.ts';
import { parseInteger, UserError } from './errors.ts';
import { DEFAULT_OUT, ensureWritableDir, refuseToReplace } from './output.ts';
import { progress } from './progress.ts';

export interface TightenCliOptions {
  constant?: string;
  budget?: string;
  seed?: string;
  time?: string;
  try?: string;
  json?: boolean;
  out?: string;
  replay?: string;
}

async function claimById(id: string): Promise<Claim> {
  const claim = await findClaim(id);
  if (!claim) throw new UserError(`unknown claim id '${id}' (run 'npx tsx src/cli.ts list' for the ids)`);
  return deterministic(claim, 'tighten');
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(6) : String(x);
}

/** Where the worst instance of a claim's constant is saved under a report directory. */
function tightenFile(dir: string, id: string, constant: string): string {
  return join(dir, 'tighten', fileNameFor(`${id}.${constant}`));
}

/** Saves a tighten result where the report links to it; returns the path. */
export function saveTightenResult(dir: string, r: TightenResult): string {
  const file = tightenFile(dir, r.id, r.constant);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

function replay(claim: Claim, file: string, json: boolean): number {
  let saved: { id?: string; constant?: string; instance?: Json };
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  if (saved.id !== claim.id || !saved.constant || saved.instance === undefined)
    throw new UserError(`${file} is not a tighten result for ${claim.id} (it needs "id", "constant" and "instance")`);
  const x = fromJson(saved.instance);
  requireInsideHypotheses(claim.id, claim.hypotheses, x, file);
  const w = claim.witness?.[saved.constant];
  const spec = claim.constants?.[saved.constant];
  if (!w || !spec) throw new UserError(`${claim.id} has no constant '${saved.constant}'`);
  const out = {
    id: claim.id,
    constant: saved.constant,
    printed: spec.printed(x),
    witness: w(x, relativeTolerance(claim.kind, claim.size(x))),
    comparisons: evaluate(claim, x),
  };
  process.stdout.write(
    json ? `${JSON.stringify(out)}\n` : `${claim.id} ${out.constant}: printed ${fmt(out.printed)}, witness at the saved instance ${fmt(out.witness)}\n`,
  );
  return 0;
}

export async function tightenCommand(id: string, opts: TightenCliOptions): Promise<number> {
  const claim = await claimById(id);
  if (opts.replay) return replay(claim, opts.replay, !!opts.json);
  const budget = opts.budget === undefined ? 20_000 : parseInteger('--budget', opts.budget, { min: 10, max: 100_000_000 });
  const seed = opts.seed === undefined ? 1 : parseInteger('--seed', opts.seed, { min: 0, max: 2 ** 31 - 1 });
  const timeMs = opts.time === undefined ? undefined : 1000 * parseInteger('--time', opts.time, { min: 1, max: 86_400 });
  const names = opts.constant ? [opts.constant] : Object.keys(claim.witness ?? {});
  if (names.length === 0) throw new UserError(`${claim.id} has no printed constant with a witness to tighten`);
  // Only a search saves a file (under DIR/tighten/); --try saves nothing.
  const outDir = opts.try === undefined ? (opts.out ?? DEFAULT_OUT) : null;
  if (outDir !== null) {
    refuseToReplace(
      opts.out,
      names.map((n) => tightenFile(outDir, claim.id, n)),
      'tighten',
    );
    ensureWritableDir(outDir);
  }
  const bar = progress(`tighten ${claim.id}`);
  const onProgress = (done: number, total: number, best: number) => bar.update(done, total, `best ${fmt(best)}`);

  if (opts.try !== undefined) {
    const results = names.map((n) => breakConstant(claim, n, opts.try!, { budget, seed, timeMs, onProgress }));
    bar.stop();
    if (opts.json) process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    else
      for (const r of results) {
        process.stdout.write(
          `${r.id} ${r.constant} = ${r.tried}: ${r.refuted ? 'REFUTED' : 'not refuted'} (${r.evaluations} evaluations, seed ${r.seed})\n${r.note}\n`,
        );
        if (r.counterexample) {
          process.stdout.write(`counterexample: ${JSON.stringify(r.counterexample.instance)}\n`);
          for (const f of r.counterexample.failing) process.stdout.write(`  ${f.label}: lhs ${f.lhs}, rhs ${f.rhs}, margin ${f.margin.toExponential(2)}\n`);
        }
      }
    return 0;
  }

  const results = names.map((n) => tighten(claim, n, { budget, seed, timeMs, onProgress }));
  bar.stop();
  const files = results.map((r) => saveTightenResult(outDir!, r));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    return 0;
  }
  results.forEach((r, i) => {
    process.stdout.write(
      [
        `${r.id}, constant ${r.constant} = ${r.formula}`,
        `  printed at the worst instance: ${fmt(r.printed)}`,
        `  largest witness found:         ${fmt(r.best)}   (ratio ${fmt(r.ratio)}; search objective: ${r.objective})`,
        `  evaluations: ${r.evaluations} (stopped by ${r.stoppedBy}), seed ${r.seed}`,
        `  worst instance (shrunk): ${files[i]}`,
        `  convergence: ${r.history
          .slice(-6)
          .map((h) => `${h.evaluations}:${fmt(h.best)}`)
          .join('  ')}`,
        `  reproduce: npx tsx src/cli.ts tighten ${r.id} --constant ${r.constant} --budget ${budget} --seed ${seed}`,
        `  check the saved instance: npx tsx src/cli.ts tighten ${r.id} --replay ${files[i]}`,
        `  ${r.note}`,
        '',
      ].join('\n'),
    );
  });
  return 0;
}
