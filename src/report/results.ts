/**
 * Writes a check's outputs: DIR/results.json (the machine-readable contract), DIR/summary.md and
 * the self-contained DIR/index.html (for people: one report model, model.ts, rendered by
 * markdown.ts and html.ts), DIR/counterexamples/<id>.json (one
 * replayable file per refuted verdict) and DIR/run.json (every record in full, with timings: what
 * `report merge` combines shards from).
 * results.json holds no timings or dates, so the same seed gives the same file on any machine.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHtmlReport } from './html.ts';
import { markdownReport } from './markdown.ts';
import { type CheckedClaim, type CheckRun, fileNameFor } from './run.ts';

// The run and its shared judgements live in run.ts; re-exported for the commands that import them from here.

function resultEntry(c: CheckedClaim) {
  const { timeMs: _time, ...record } = c.record;
  const entry: Record<string, unknown> = { ...record };
  if (c.sabotage)
    entry.sabotage = {
      description: c.sabotage.sabotage,
      verdict: c.sabotage.verdict,
      worstMargin: c.sabotage.worstMargin,
      ...(c.sabotage.replay ? { replay: c.sabotage.replay } : {}),
      ...(c.sabotage.error ? { error: c.sabotage.error } : {}),
      ...(c.sabotage.rigor ? { rigor: c.sabotage.rigor } : {}),
      ...(c.sabotage.exactCounterexample ? { exactCounterexample: c.sabotage.exactCounterexample } : {}),
    };
  if (c.slack?.length) entry.slack = c.slack;
  if (c.boundaries?.length) entry.boundaries = c.boundaries;
  return entry;
}

/** Writes results.json, summary.md, index.html (with the SVGs already under figures/ and explore/) and counterexamples/ under `dir`. */
export function writeResults(dir: string, run: CheckRun): void {
  mkdirSync(dir, { recursive: true });
  const cxDir = join(dir, 'counterexamples');
  rmSync(cxDir, { recursive: true, force: true });
  const results = { seed: run.seed, claims: run.claims.map(resultEntry) };
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'summary.md'), markdownReport(run));
  writeHtmlReport(dir, run);
  writeFileSync(join(dir, 'run.json'), `${JSON.stringify(run)}\n`);
  for (const r of run.claims.flatMap((c) => [c.record, ...(c.sabotage ? [c.sabotage] : [])]))
    if (r.counterexample) {
      mkdirSync(cxDir, { recursive: true });
      writeFileSync(
        join(cxDir, fileNameFor(r.id)),
        `${JSON.stringify({ id: r.id, seed: r.seed, globalSeed: r.globalSeed, path: r.counterexample.path, replay: r.replay, instance: r.counterexample.instance, failing: r.counterexample.failing }, null, 2)}\n`,
      );
    }
}
