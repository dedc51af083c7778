/**
 * lemmacheck's command line: `npx tsx src/cli.ts <command>`.
 *
 * Exit codes: 0 success (for check: every verdict as expected); 1 some verdict differs from its
 * expected one; 2 bad input (one line on stderr, no stack trace); 3 the trajectory diverged.
 */
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { checkCommand } from './cli/check.ts';
import { UserError } from './cli/errors.ts';
import { exploreCommand } from './cli/explore.ts';
import { listCommand } from './cli/list.ts';
import { newCommand } from './cli/new.ts';
import { DEFAULT_OUT, ensureWritableDir } from './cli/output.ts';
import { replayCommand } from './cli/replay.ts';
import { reproduceCommand } from './cli/reproduce.ts';
import { checkSeeds, parseSeedList } from './cli/seeds.ts';
import { tightenCommand } from './cli/tighten.ts';
import { trajectoryCommand } from './cli/trajectory.ts';
import { kernelSettingProblem } from './gd/step.ts';
import { writeHtmlReport } from './report/html.ts';
import { mergeRuns, readRun } from './report/merge.ts';
import { allAsExpected } from './report/run.ts';

const program = new Command()
  .name('lemmacheck')
  .description('Numerical checks of the claims of research papers (one folder each under lemmas/, with its manifest paper.ts)')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

let exitCode = 0;

program
  .command('list')
  .description('list the claims')
  .option('--json', 'JSON array of { id, paper, where, kind, expected }')
  .action(async (opts) => {
    exitCode = await listCommand(opts);
  });

program
  .command('check')
  .description('check claims (all by default) and their sabotaged variants; write results.json and summary.md')
  .argument('[ids...]', "claim ids or glob patterns ('jcd.lemma-c.*'; see list)")
  .option('--paper <name>', 'only the claims of one paper (the id in its lemmas/<paper>/paper.ts, e.g. YD21)')
  .option('--kind <kind>', 'only the claims of one kind (identity, inequality, trajectory, probabilistic, scaling, experiment)')
  .option('--runs <n>', 'instances per claim (default: per kind)')
  .option('--seed <s>', 'global seed (each claim derives its own)')
  .option('--seeds <list>', "run the check for each global seed of LIST (1,2,3 or 1..5) into DIR/seed-S/; exit 1 if a claim's verdict differs between seeds")
  .option('--out <dir>', `output directory (default ${DEFAULT_OUT}, which is never replaced unless named here; a replay writes only when given)`)
  .option('--junit <file>', 'also write the verdicts as JUnit XML (a testcase per claim and per sabotaged variant)')
  .option('--path <p>', 'replay one fast-check path (printed with a refuted verdict): prints the instance and its comparisons')
  .option('--sabotaged', 'run the sabotaged variants only (each must be refuted)')
  .option('--set <name=value>', 'fix a parameter of the claim (repeatable; may lie beyond its hypothesis)', (v: string, acc: string[]) => [...acc, v], [])
  .option('--profile <name>', 'default (CI) or thorough (nightly: 10× the instances, 10× the search budget)', 'default')
  .option('--tighten-budget <n>', 'evaluations per printed constant for the slack table (0: none; default from the profile)')
  .option('--no-audit', 'skip the slack table and the hypothesis boundaries')
  .option(
    '--rigorous',
    'decide identities in exact rational arithmetic and near-boundary inequalities in 60 digits (marks each verdict certified, high-precision or floating-point)',
  )
  .option('--shard <i/n>', 'run the i-th of n deterministic slices of the claims (combine with report merge)')
  .option(
    '--jobs <n>',
    'run on n parallel workers, each taking the next claim when free, and merge them (default: 2 on a full check on a machine with 2 or more cores)',
  )
  .addOption(new Option('--worker <i/n>', "a worker of --jobs n: checks the claim ids it reads on stdin (the parallel check's own)").hideHelp())
  .option('--replay <file>', 'evaluate a saved counterexample (DIR/counterexamples/ID.json) again')
  .option('--json', 'with --replay or --path: print JSON')
  .action(async (ids: string[], opts) => {
    if (opts.seeds !== undefined) {
      if (opts.seed !== undefined || opts.path !== undefined || opts.replay !== undefined)
        throw new UserError('--seeds cannot be combined with --seed, --path or --replay');
      if (opts.out === undefined) throw new UserError('--seeds needs --out DIR: one report per seed is written to DIR/seed-S/');
      exitCode = await checkSeeds(parseSeedList(opts.seeds), opts.out, (seed, out) => checkCommand(ids, { ...opts, seed: String(seed), out }));
      return;
    }
    exitCode = opts.replay ? await replayCommand(opts.replay, !!opts.json) : await checkCommand(ids, opts);
  });

const collect = (v: string, acc: string[]) => [...acc, v];

program
  .command('report')
  .description(
    'reports: "report merge DIR… --out DIR" combines the outputs of all the check --shard runs of one check; "report html DIR…" rewrites DIR/index.html (e.g. after explore added a phase diagram)',
  )
  .argument('<action>', 'merge or html')
  .argument('<dirs...>', 'the --out directories of the shards (merge) or of check runs (html)')
  .option('--out <dir>', 'merge: where the merged report is written (required: a merge never picks a directory to overwrite)')
  .action(async (action: string, dirs: string[], opts: { out?: string }) => {
    if (action === 'html') {
      for (const dir of dirs) writeHtmlReport(dir, readRun(dir));
      process.stdout.write(`wrote ${dirs.map((d) => `${d}/index.html`).join(', ')}\n`);
      return;
    }
    if (action !== 'merge') throw new UserError(`unknown report action '${action}' (use: report merge DIR… --out DIR, or report html DIR…)`);
    if (opts.out === undefined) throw new UserError('report merge needs --out DIR: the directory the merged report is written to');
    if (dirs.some((d) => resolve(d) === resolve(opts.out!)))
      throw new UserError(`report merge --out ${opts.out} is one of the shards it reads: name another directory`);
    ensureWritableDir(opts.out);
    const merged = mergeRuns(dirs, opts.out);
    process.stdout.write(`merged ${dirs.length} shards (${merged.claims.length} claims) into ${opts.out}/results.json, summary.md and index.html\n`);
    exitCode = allAsExpected(merged) ? 0 : 1;
  });

program
  .command('tighten')
  .description('search for the worst case of a printed constant (the largest witness), or try a smaller constant')
  .argument('<id>', 'claim id')
  .option('--constant <name>', 'which constant (default: all the claim has)')
  .option('--budget <n>', 'objective evaluations', '20000')
  .option('--seed <s>', 'search seed', '1')
  .option('--time <seconds>', 'time budget')
  .option('--try <value>', 'search for a refutation with this constant (a number, or a factor such as 0.5x of the printed one)')
  .option('--json', 'JSON { id, constant, printed, best, ratio, evaluations, instance, … }')
  .option('--out <dir>', `where the worst instance is saved (under tighten/; default ${DEFAULT_OUT})`)
  .option('--replay <file>', 'evaluate a saved worst instance again')
  .action(async (id: string, opts) => {
    exitCode = await tightenCommand(id, opts);
  });

program
  .command('explore')
  .description('push a hypothesis past its limit: where does the conclusion first fail? (two --param: a phase diagram)')
  .argument('<id>', 'claim id')
  .option('--param <name>', 'parameter (repeat for a phase diagram)', collect, [])
  .option('--range <a:b>', "range for each --param (default: the claim's exploration range)", collect, [])
  .option('--steps <k>', 'grid points per parameter')
  .option('--runs <n>', 'instances per grid point')
  .option('--seed <s>', 'global seed')
  .option('--json', 'print the result as JSON')
  .option('--time <seconds>', 'time budget (the result says when it is partial)')
  .option('--out <dir>', `where JSON and SVG are written (under explore/; default ${DEFAULT_OUT})`)
  .action(async (id: string, opts) => {
    exitCode = await exploreCommand(id, opts);
  });

program
  .command('reproduce')
  .description("run a paper's experiment (an id its manifest lists, e.g. jcd.fig-1, or all) and write its figures (SVG), numbers (JSON) and captions")
  .argument('<experiment>', 'experiment id, or all')
  .option('--out <dir>', `where the figures are written (default ${DEFAULT_OUT}/figures)`)
  .option('--runs <n>', "runs per sweep point (default: the paper's)")
  .option('--seed <s>', 'seed')
  .option('--jobs <n>', 'worker threads (default: one per core; 1 runs in this thread)')
  .option('--reduced', 'the small configuration the claims use (seconds instead of minutes)')
  .action(async (id: string, opts) => {
    exitCode = await reproduceCommand(id, opts);
  });

program
  .command('new')
  .description('scaffold a claim: lemmas/<paper>/<ID>.ts starting from EXISTING_ID (doc-comment headings to fill in) and its test under properties/lemmas/')
  .argument('<id>', 'the new claim id, e.g. yd21.lemma-9.9')
  .option('--like <existing>', 'the claim whose instances, check and sabotage it starts from (required)')
  .option('--dir <dir>', 'directory of the lemma file (default lemmas/<paper>/)')
  .option('--test-dir <dir>', 'directory of its test (default properties/lemmas/)')
  .action(async (id: string, opts) => {
    exitCode = await newCommand(id, opts);
  });

program
  .command('trajectory')
  .description('run GD from a JSON file { Sigma, U0, V0, eta } and print the diagnostics')
  .option('--input <file>', 'input JSON file')
  .option('--iters <n>', 'number of GD steps', '1000')
  .option('--every <k>', 'record every k steps', '1')
  .option('--json', 'print JSON arrays')
  .action(async (opts) => {
    exitCode = await trajectoryCommand(opts);
  });

try {
  const kernelProblem = kernelSettingProblem(process.env.LEMMACHECK_KERNEL);
  if (kernelProblem) throw new UserError(kernelProblem);
  await program.parseAsync(process.argv);
  process.exitCode = exitCode;
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has already printed its one-line message (or the help text).
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof UserError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.LEMMACHECK_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 2;
  }
}
