/**
 * `reproduce EXPERIMENT [--out DIR] [--runs N] [--seed S] [--jobs N] [--reduced]`: runs a paper's
 * experiment in the paper's configuration (src/experiments), its jobs spread over worker threads,
 * and writes each figure as DIR/<id>.svg with DIR/<id>.json (the numbers) and DIR/<id>.caption.txt;
 * prints the fitted relationships beside the paper's. `all` runs every experiment.
 */
import { join, relative } from 'node:path';
import { DEFAULT_SEED } from '../claims/record.ts';
import { runExperiment, type AnyExperiment } from '../experiments/experiment.ts';
import { writeFigure } from '../experiments/figures.ts';
import { runExperimentInWorkers } from '../experiments/pool.ts';
import { loadExperiments } from '../experiments/registry.ts';
import { parseInteger, UserError } from './errors.ts';
import { DEFAULT_OUT, ensureWritableDir, refuseToReplace } from './output.ts';
import { progress } from './progress.ts';

export interface ReproduceOptions {
  out?: string;
  runs?: string;
  seed?: string;
  jobs?: string;
  reduced?: boolean;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5 ? x.toPrecision(4) : x.toExponential(3);
}

async function reproduceOne(exp: AnyExperiment, opts: ReproduceOptions, outDir: string): Promise<void> {
  const seed = opts.seed === undefined ? DEFAULT_SEED : parseInteger('--seed', opts.seed, { min: -(2 ** 31), max: 2 ** 31 - 1 });
  let config = opts.reduced ? exp.reduced : exp.full;
  if (opts.runs !== undefined) config = exp.withRuns(config, parseInteger('--runs', opts.runs, { min: 1, max: 10_000 }));
  const workers = opts.jobs === undefined ? undefined : parseInteger('--jobs', opts.jobs, { min: 1, max: 64 });
  const bar = progress(`reproduce ${exp.id}`);
  const start = performance.now();
  // The bar counts tenths of a percent of the jobs (long jobs report their fraction done).
  const onProgress = (done: number, total: number) =>
    bar.update(Math.floor((1000 * done) / total), 1000, `‰ of ${total} jobs, ${Math.round((performance.now() - start) / 1000)} s`);
  const data =
    workers === 1 ? runExperiment(exp, config, String(seed), onProgress) : await runExperimentInWorkers(exp, config, String(seed), { workers, onProgress });
  bar.stop();
  const seconds = (performance.now() - start) / 1000;
  const out = process.stdout;
  out.write(`\n${exp.title}: ${opts.reduced ? 'reduced' : "the paper's"} configuration, seed ${seed}, ${seconds.toFixed(1)} s\n`);
  for (const r of exp.relations(data)) {
    const ci = r.interval ? ` [${fmt(r.interval[0])}, ${fmt(r.interval[1])}]` : '';
    out.write(`  ${r.holds ? '✓' : r.inconclusive ? '?' : '✗'} ${r.name}: measured ${fmt(r.observed)}${ci}; paper/stated ${r.stated}\n`);
    if (r.detail) out.write(`      ${r.detail}\n`);
  }
  for (const fig of exp.figures(data)) out.write(`  wrote ${relative(process.cwd(), await writeFigure(outDir, fig))} (+ .json, .caption.txt)\n`);
}

export async function reproduceCommand(id: string, opts: ReproduceOptions): Promise<number> {
  const experiments = await loadExperiments();
  const targets = id === 'all' ? experiments : [experiments.find((e) => e.id === id)];
  if (targets.some((t) => !t)) throw new UserError(`unknown experiment '${id}' (one of: ${experiments.map((e) => e.id).join(', ')}, all)`);
  const outDir = opts.out ?? join(DEFAULT_OUT, 'figures');
  // Each experiment's first figure has the experiment's id: present, it is an earlier run's.
  refuseToReplace(
    opts.out,
    targets.map((t) => join(outDir, `${t!.id}.svg`)),
    'reproduce',
    outDir,
  );
  ensureWritableDir(outDir);
  for (const exp of targets) await reproduceOne(exp!, opts, outDir);
  return 0;
}
