/**
 * The command line as a careful user and a CI pipeline meet it: no lost output (a replay writes
 * nothing, a report is replaced only in a directory named with --out, merge needs --out), failing
 * loudly on incomplete work (an empty selection, a missing shard, an unwritable --out, a replay that
 * does not match), JUnit output, selection by glob, paper and kind, one progress display for a
 * parallel run, lemma files that fail to load, `new`, and one clear line with exit code 2 for every
 * bad input.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { VerdictRecord } from '../../src/claims/record.ts';
import { HEADINGS } from '../../src/cli/new.ts';
import { ensureWritableDir } from '../../src/cli/output.ts';
import { junitXml } from '../../src/report/junit.ts';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'lemmacheck-cli-output-'));
const TSX = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** Runs the CLI from `cwd` (default: a fresh empty directory, so any file it writes by default is seen). */
function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const cwd = opts.cwd ?? mkdtempSync(join(tmp, 'cwd-'));
  const r = spawnSync(process.execPath, ['--import', TSX, join(root, 'src', 'cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    timeout: 110_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, cwd };
}

function expectOneClearLine(stderr: string) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

/** Every file under dir (relative paths), for "nothing was written" checks. */
function filesUnder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];
}

const REFUTED = 'yd21.eq-12.p-update';
const HOLDS = 'yd21.lemma-3.2';
const FAST = ['--runs', '30', '--no-audit'];

/** The replay command of REFUTED's verdict, from a real check. */
const source = join(tmp, 'source');
const first = cli(['check', REFUTED, ...FAST, '--out', source]);
const record = JSON.parse(readFileSync(join(source, 'results.json'), 'utf8')).claims[0] as {
  replay: string;
  counterexample: { path: string; instance: unknown };
};
const replayArgs = record.replay.replace(/^npx tsx src\/cli\.ts /, '').split(' ');

/** A lemma directory with a claim that is false (expected holds) and a file whose import is broken. */
const planted = join(tmp, 'planted-lemmas');
mkdirSync(planted);
writeFileSync(
  join(planted, 'false-bound.ts'),
  `import { atMost } from '${root}src/claims/compare.ts';
import { defineClaim } from '${root}src/claims/types.ts';
import { inRange } from '${root}src/random/arbitraries.ts';
import { hypothesis } from '${root}src/claims/hypotheses.ts';
export const falseBound = defineClaim<number>({
  id: 'yd21.planted.false-bound',
  source: { paper: 'YD21', where: 'planted by properties/cli/output.test.ts' },
  kind: 'inequality',
  statement: 'x ≤ 1/2 for every x in [0, 1] (false on purpose)',
  hypotheses: [hypothesis<number>('x-range', 'x ∈ [0, 1]', (x) => x >= 0 && x <= 1, { coordinates: { x: { value: (x) => x, domain: [0, 1] } } })],
  instances: inRange(0, 1),
  size: () => 1,
  check: (x) => [atMost('x ≤ 1/2', x, 0.5, 1)],
  expected: 'holds',
  sabotage: { description: 'bound lowered to −1', check: (x) => [atMost('x ≤ −1', x, -1, 1)] },
  runs: 50,
});
`,
);
writeFileSync(join(planted, 'broken-import.ts'), `import { nothing } from './no-such-module.ts';\nexport const x = nothing;\n`);
const PLANTED_ENV = { LEMMACHECK_LEMMAS_DIR: `${join(root, 'lemmas')}:${planted}` };

describe('no lost output', () => {
  test('the printed replay command prints the instance, lhs, rhs and margins and writes no file', () => {
    expect(first.code).toBe(0);
    const r = cli(replayArgs);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`instance: ${JSON.stringify(record.counterexample.instance)}`);
    expect(r.stdout).toMatch(/FAILS\s+\(12\): P_\{t\+1\} − printed: lhs [-0-9.e]+, rhs [-0-9.e]+, margin -[0-9.e-]+ \(tolerance [0-9.e-]+\)/);
    expect(filesUnder(r.cwd)).toEqual([]);
  });

  test('replay --json: { id, verdict, expected, seed, path, instance, comparisons }, and nothing written', () => {
    const r = cli([...replayArgs, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      id: REFUTED,
      verdict: 'refuted',
      expected: 'refuted',
      path: record.counterexample.path,
      instance: record.counterexample.instance,
    });
    expect(out.comparisons.some((c: { passes: boolean; margin: number }) => !c.passes && c.margin < 0)).toBe(true);
    for (const c of out.comparisons) expect(Object.keys(c).sort()).toEqual(['label', 'lhs', 'margin', 'passes', 'rhs', 'tolerance']);
    expect(filesUnder(r.cwd)).toEqual([]);
  });

  test('a replay writes a report where --out names one', () => {
    const out = join(tmp, 'replay-out');
    const r = cli([...replayArgs, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).claims[0].counterexample).toEqual(record.counterexample);
  });

  test('check without --out never replaces the report in reports/latest; naming it with --out does', () => {
    const cwd = mkdtempSync(join(tmp, 'cwd-'));
    const latest = join(cwd, 'reports', 'latest');
    mkdirSync(join(latest, 'counterexamples'), { recursive: true });
    writeFileSync(join(latest, 'results.json'), '{"earlier": true}\n');
    writeFileSync(join(latest, 'counterexamples', 'kept.json'), '{}\n');
    const r = cli(['check', HOLDS, ...FAST], { cwd });
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(/reports\/latest holds the report of an earlier run; .*pass --out reports\/latest to replace it/);
    expect(readFileSync(join(latest, 'results.json'), 'utf8')).toBe('{"earlier": true}\n');
    expect(existsSync(join(latest, 'counterexamples', 'kept.json'))).toBe(true);
    const named = cli(['check', HOLDS, ...FAST, '--out', 'reports/latest'], { cwd });
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(latest, 'results.json'), 'utf8')).claims[0].id).toBe(HOLDS);
  });

  test.each([
    [['tighten', HOLDS, '--budget', '50'], 'tighten/yd21.lemma-3.2.C.json'],
    [['explore', HOLDS, '--param', 'etaFactor', '--steps', '2', '--runs', '5'], 'explore/yd21.lemma-3.2.etaFactor.json'],
    [['reproduce', 'jcd.fig-1', '--reduced', '--jobs', '1'], 'figures/jcd.fig-1.svg'],
  ])('%j without --out never overwrites a file an earlier run left in reports/latest', (args, file) => {
    const cwd = mkdtempSync(join(tmp, 'cwd-'));
    const earlier = join(cwd, 'reports', 'latest', file);
    mkdirSync(join(earlier, '..'), { recursive: true });
    writeFileSync(earlier, '{"earlier": true}\n');
    const r = cli(args, { cwd });
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toContain(`reports/latest/${file} was written by an earlier run`);
    expect(readFileSync(earlier, 'utf8')).toBe('{"earlier": true}\n');
  });

  test('check without --out writes reports/latest when it holds no report', () => {
    const r = cli(['check', HOLDS, ...FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(r.cwd, 'reports', 'latest', 'results.json'))).toBe(true);
  });
});

describe('fail loudly on incomplete work', () => {
  const s1 = join(tmp, 'shard-1');
  const s2 = join(tmp, 'shard-2');
  const shards = [
    cli(['check', REFUTED, HOLDS, ...FAST, '--shard', '1/2', '--out', s1]),
    cli(['check', REFUTED, HOLDS, ...FAST, '--shard', '2/2', '--out', s2]),
  ];

  test('each shard records i/n in run.json; merging all of them works', () => {
    for (const r of shards) expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(s1, 'run.json'), 'utf8')).shard).toEqual({ index: 1, count: 2 });
    expect(JSON.parse(readFileSync(join(s2, 'run.json'), 'utf8')).shard).toEqual({ index: 2, count: 2 });
    const m = cli(['report', 'merge', s1, s2, '--out', join(tmp, 'merged')]);
    expect(m.code, m.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp, 'merged', 'results.json'), 'utf8')).claims).toHaveLength(2);
  });

  test.each([
    [() => ['report', 'merge', s1, '--out', join(tmp, 'm1')], /shards? 2\/2 missing: report merge needs all 2 shards/],
    [() => ['report', 'merge', s1, s1, '--out', join(tmp, 'm2')], /shard 1\/2 is given twice/],
    [() => ['report', 'merge', source, '--out', join(tmp, 'm3')], /is not a shard/],
    [() => ['report', 'merge', s1, s2], /report merge needs --out DIR/],
    [() => ['report', 'merge', s1, s2, '--out', s2], /report merge --out .*shard-2 is one of the shards it reads/],
  ])('report merge %#: one line, exit 2, nothing written', (args, message) => {
    const r = cli(args());
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
    for (const d of ['m1', 'm2', 'm3']) expect(existsSync(join(tmp, d, 'results.json'))).toBe(false);
  });

  test.each([
    [['check', '--shard', '999/1000', '--out', 'x'], /shard 999\/1000 holds no claim: the selection has \d+ claims/],
    [['check', REFUTED, '--shard', '2/2', '--out', 'x'], /shard 2\/2 holds no claim: the selection has 1 claim, so use at most 1 shard$/m],
    [['check', 'jcd.no-such.*', '--out', 'x'], /no claim id matches 'jcd.no-such.\*'/],
    [['check', HOLDS, '--paper', 'JCD', '--out', 'x'], /selects no claim: nothing would be checked/],
    [['check', '--paper', 'NeurIPS'], /--paper must be one of JCD, YD21/],
    [['check', '--kind', 'lemma'], /--kind must be one of experiment, identity, inequality, probabilistic, scaling, trajectory/],
    [
      ['check', REFUTED, '--seed', '2021', '--path', '999999:999999'],
      /the replay --seed 2021 --path 999999:999999 does not match yd21.eq-12.p-update: it names no instance/,
    ],
    [['check', HOLDS, '--seed', '2021', '--path', '0'], /does not match yd21.lemma-3.2: the instance it names satisfies every comparison/],
    [['check', 'yd21.lemma-3.*', '--path', '0'], /--path replays one counterexample: 'yd21.lemma-3.\*' selects \d+ claims/],
    [['check', HOLDS, '--out', '/proc/lemmacheck-x'], /--out \/proc\/lemmacheck-x cannot be written: ENOENT/],
    [['check', HOLDS, '--out', join(root, 'package.json')], /cannot be written: it exists and is not a directory/],
    [['check', HOLDS, '--junit', '/proc/lemmacheck-x/j.xml', '--out', 'x'], /--junit \/proc\/lemmacheck-x cannot be written/],
    [['check', '--seed', '99999999999999999999999'], /--seed must be between -2147483648 and 2147483647, got 99999999999999999999999/],
    [['check', HOLDS, '--json'], /--json applies to a replay/],
    [['check', HOLDS, '--out', ''], /--out must name a directory, got ''/],
    [['check', HOLDS, '--tighten-budget', 'lots'], /--tighten-budget must be a whole number, got 'lots'/],
    [['check', HOLDS, REFUTED, '--jobs', '0'], /--jobs must be between 1 and 64, got 0/],
  ])('bad input %j: one line, exit 2, nothing written', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
    expect(filesUnder(r.cwd)).toEqual([]);
  });

  test('an --out whose creation hangs (Node never returns from a recursive mkdir under /proc) fails within the probe limit', () => {
    const start = Date.now();
    const r = cli(['check', HOLDS, '--out', '/proc/lemmacheck-x/y/z']);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(Date.now() - start).toBeLessThan(30_000);
  });

  test('the writability probe has a time limit: a probe that never returns is killed and reported', () => {
    const start = Date.now();
    expect(() => ensureWritableDir(join(tmp, 'slow'), '--out', { probe: 'setTimeout(() => {}, 60_000)', timeoutMs: 500 })).toThrow(
      `--out ${join(tmp, 'slow')}: creating it and writing a file in it did not finish within 0.5 s`,
    );
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  test('an --out that cannot be used fails before any claim runs (no progress line on stderr)', () => {
    const r = cli(['check', HOLDS, REFUTED, '--out', join(root, 'package.json', 'sub')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\[1\/2\]/);
  });
});

describe('smaller bad inputs', () => {
  test('an unknown LEMMACHECK_KERNEL is refused, not ignored', () => {
    const r = cli(['list'], { env: { LEMMACHECK_KERNEL: 'fast' } });
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(/LEMMACHECK_KERNEL must be one of native, wasm, ts \(or unset\), got 'fast'/);
  });

  test.each([
    ['an array', '[]', /the input must be a JSON object, not an array/],
    ['0×0 matrices', JSON.stringify({ Sigma: [[]], U0: [[]], V0: [[]], eta: 0.1 }), /Sigma.0 a row must not be empty/],
    ['no rows', JSON.stringify({ Sigma: [], U0: [], V0: [], eta: 0.1 }), /Sigma a matrix needs at least one row/],
  ])('trajectory with %s: one line naming the problem, exit 2', (name, content, message) => {
    const file = join(tmp, `${name.replace(/\W/g, '_')}.json`);
    writeFileSync(file, content);
    const r = cli(['trajectory', '--input', file]);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/TypeError|Cannot read|Invalid input/);
  });
});

describe('CI output', () => {
  test('--junit: a testcase per claim and per sabotaged variant; selection by glob, --paper and --kind', () => {
    const out = join(tmp, 'junit');
    const junit = join(out, 'lemmacheck.xml');
    const r = cli(['check', 'yd21.eq-1?.*-update', '--paper', 'YD21', '--kind', 'identity', ...FAST, '--out', out, '--junit', junit]);
    expect(r.code, r.stderr).toBe(0);
    const ids = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).claims.map((c: { id: string }) => c.id);
    expect(ids).toEqual(['yd21.eq-10.a-update', 'yd21.eq-11.b-update', 'yd21.eq-12.p-update']);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="lemmacheck" tests="6" failures="0"/);
    for (const id of ids) {
      expect(xml).toContain(`<testcase classname="YD21" name="${id}" time="`);
      expect(xml).toContain(`<testcase classname="YD21" name="${id}~sabotaged" time="`);
    }
    expect(xml).not.toContain('<failure');
  });

  test('--junit on a planted false claim: a failure with verdict, expected, margin and replay command', () => {
    const out = join(tmp, 'junit-failing');
    const junit = join(out, 'j.xml');
    const r = cli(['check', 'yd21.planted.*', '--no-audit', '--out', out, '--junit', junit], { env: PLANTED_ENV });
    expect(r.code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/tests="3" failures="2"/); // the planted claim, its sabotage, and the broken file's error row
    expect(xml).toMatch(
      /<failure message="refuted, expected holds" type="refuted">verdict: refuted\nexpected: holds\nworst margin: -[0-9.]+e[-+]\d+ \(x ≤ 1\/2\)\n/,
    );
    expect(xml).toMatch(/replay: npx tsx src\/cli\.ts check yd21\.planted\.false-bound --seed 2021 --path [0-9:]+<\/failure>/);
    expect(xml).toMatch(
      /<testcase classname="—" name="[^"]*broken-import\.ts"[^>]*>\n\s*<failure message="error, expected holds" type="error">verdict: error[\s\S]*did not load/,
    );
  });

  test('junitXml escapes text and reports a sabotaged variant that was not refuted', () => {
    const base: VerdictRecord = {
      id: 'yd21.x<&>"',
      paper: 'YD21',
      where: 'w',
      kind: 'inequality',
      statement: 's',
      expected: 'holds',
      verdict: 'holds',
      runs: 1,
      vacuousRuns: 0,
      worstMargin: 0.5,
      worstLabel: 'a < b & c',
      seed: 1,
      globalSeed: 7,
      timeMs: 1500,
    };
    const xml = junitXml({ seed: 7, claims: [{ record: base, sabotage: { ...base, id: `${base.id}~sabotaged`, sabotage: 'dropped', verdict: 'holds' } }] });
    expect(xml).toContain('name="yd21.x&lt;&amp;&gt;&quot;" time="1.500"/>');
    expect(xml).toMatch(
      /<failure message="holds, expected refuted" type="holds">verdict: holds\nexpected: refuted\nworst margin: 5.00e-1 \(a &lt; b &amp; c\)\nsabotage: dropped\nreplay: npx tsx src\/cli.ts check yd21.x&lt;&amp;&gt;&quot; --sabotaged --seed 7<\/failure>/,
    );
  });

  test("summary.md has each claim's time; results.json has none", () => {
    const out = join(tmp, 'times');
    expect(cli(['check', HOLDS, ...FAST, '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(new RegExp(`\\| \`${HOLDS.replace(/\./g, '\\.')}\` \\|.*\\| \\d+ ms \\|`));
    expect(readFileSync(join(out, 'results.json'), 'utf8')).not.toMatch(/"timeMs"|"time"/);
  });

  test('a parallel run shows one progress counter over all claims, not one per worker', () => {
    const eight = [
      'yd21.eq-2-3.gd',
      'yd21.eq-6-9.blocks',
      'yd21.eq-10.a-update',
      'yd21.eq-11.b-update',
      'yd21.eq-12.p-update',
      'yd21.eq-12.p-update/corrected',
      'yd21.sec-2.pq-split',
      'yd21.lemma-b.1',
    ];
    const r = cli(['check', ...eight, '--jobs', '2', ...FAST, '--out', join(tmp, 'parallel')]);
    expect(r.code, r.stderr).toBe(0);
    const counters = [...r.stderr.matchAll(/^\[(\d+)\/(\d+)\] (\S+):/gm)];
    expect(counters.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(counters.map((m) => m[2]))).toEqual(new Set(['8']));
    expect(counters.map((m) => m[3]).sort()).toEqual([...eight].sort());
  });
});

describe('lemma files', () => {
  test('a file that fails to load is an error row naming it; list still lists every other claim (exit 1)', () => {
    const r = cli(['list', '--json'], { env: PLANTED_ENV });
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { id: string; kind: string; error?: string }[];
    expect(rows.find((row) => row.id === HOLDS)).toBeDefined();
    expect(rows.find((row) => row.id === 'yd21.planted.false-bound')).toBeDefined();
    const broken = rows.find((row) => row.kind === 'error');
    expect(broken?.id).toBe(join(planted, 'broken-import.ts'));
    expect(broken?.error).toMatch(/no-such-module/);
    expect(r.stderr).toMatch(/^error: 1 lemma file did not load: .*broken-import\.ts$/m);
  });

  test('check still runs the other claims; the broken file is an error row and the exit code 1', () => {
    const out = join(tmp, 'broken');
    const r = cli(['check', HOLDS, ...FAST, '--out', out], { env: PLANTED_ENV });
    expect(r.code).toBe(1);
    const claims = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).claims as { id: string; verdict: string; error?: string }[];
    expect(claims.find((c) => c.id === HOLDS)?.verdict).toBe('holds');
    const broken = claims.find((c) => c.id.endsWith('broken-import.ts'));
    expect(broken?.verdict).toBe('error');
    expect(broken?.error).toMatch(/broken-import\.ts did not load: .*no-such-module/);
  });

  test('new ID --like EXISTING_ID writes a lemma file with the fixed headings and a test; the claim loads and checks', async () => {
    const dir = join(tmp, 'new');
    const r = cli(['new', 'yd21.lemma-9.9', '--like', HOLDS, '--dir', join(dir, 'lemmas'), '--test-dir', join(dir, 'tests')]);
    expect(r.code, r.stderr).toBe(0);
    const lemma = readFileSync(join(dir, 'lemmas', 'lemma-9.9.ts'), 'utf8');
    let at = 0;
    for (const h of HEADINGS) {
      const k = lemma.indexOf(` * ${h}:\n`);
      expect(k, h).toBeGreaterThan(at);
      at = k;
    }
    expect(lemma).toContain('import { lemma32 as like } from');
    expect(lemma).toContain('src/random/lemma-instances.ts');
    const testFile = readFileSync(join(dir, 'tests', 'yd21.lemma-9.9.test.ts'), 'utf8');
    expect(testFile).toContain("import { lemma99 } from '../lemmas/lemma-9.9.ts'");
    expect(testFile).toContain("expect(runClaim(sabotagedVariant(lemma99)).verdict).toBe('refuted')");
    const mod = (await import(pathToFileURL(join(dir, 'lemmas', 'lemma-9.9.ts')).href)) as { lemma99: { id: string } };
    expect(mod.lemma99.id).toBe('yd21.lemma-9.9');
    const list = cli(['list', '--json'], { env: { LEMMACHECK_LEMMAS_DIR: `${join(root, 'lemmas')}:${join(dir, 'lemmas')}` } });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).some((row: { id: string }) => row.id === 'yd21.lemma-9.9')).toBe(true);
  });

  test.each([
    [['new', HOLDS, '--like', HOLDS], /claim id 'yd21.lemma-3.2' exists already \(lemmas\/yd21\/lemma-3.2.ts\)/],
    [['new', 'YD21.Lemma', '--like', HOLDS], /a claim id looks like yd21.lemma-3.2/],
    [['new', 'yd21.lemma-9.8'], /new needs --like EXISTING_ID/],
    [['new', 'yd21.lemma-9.8', '--like', 'yd21.nope'], /unknown claim id 'yd21.nope' for --like/],
    [['new', 'yd21.lemma-9.8', '--like', 'yd21.sec-3.1.init'], /is probabilistic: new --like applies to deterministic claims/],
  ])('new: bad input %j: one line, exit 2', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
  });
});
