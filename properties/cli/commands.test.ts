/**
 * The command line as the research group's pipelines use it: the JSON contracts of list, check and
 * trajectory, and one clear line with exit code 2 for every kind of bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'lemmacheck-cli-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function inputFile(name: string, content: string): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

/** One line on stderr, no stack trace. */
function expectOneClearLine(stderr: string) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const smallProblem = {
  Sigma: [
    [2, 0, 0],
    [0, 1, 0],
  ],
  U0: [
    [0.01, 0.02],
    [0.03, -0.01],
  ],
  V0: [
    [0.02, 0.01],
    [-0.01, 0.02],
    [0.01, 0.01],
  ],
  eta: 0.1,
};

describe('list', () => {
  test('--json is an array of { id, paper, where, kind, expected }', () => {
    const r = cli('list', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(13);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['expected', 'id', 'kind', 'paper', 'where']);
    expect(rows.find((r) => r.id === 'yd21.eq-12.p-update')?.expected).toBe('refuted');
  });
});

describe('check', () => {
  test('writes results.json and summary.md and exits 0 when verdicts are as expected', () => {
    const out = join(tmp, 'check');
    const r = cli('check', 'yd21.eq-12.p-update', 'yd21.lemma-3.2', '--runs', '50', '--seed', '5', '--out', out);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.seed).toBe(5);
    const [p12, l32] = results.claims;
    for (const c of results.claims) for (const k of ['id', 'kind', 'expected', 'verdict', 'runs', 'worstMargin', 'seed', 'power']) expect(c).toHaveProperty(k);
    // Lemma 3.2's constant C is never needed by these instances: f = ∞, named in FINDINGS.
    expect(l32.power).toMatchObject({ measure: 'constant', unbounded: true, weakest: 'constant C' });
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/## Power[\s\S]*Does not exercise its bound — `yd21\.lemma-3\.2`/);
    expect(p12).toMatchObject({ id: 'yd21.eq-12.p-update', verdict: 'refuted', expected: 'refuted' });
    expect(p12.counterexample.instance).toBeDefined();
    expect(p12.replay).toMatch(/^npx tsx src\/cli\.ts check yd21\.eq-12\.p-update --seed 5 --path /);
    expect(p12.erratum).toMatch(/D-terms/);
    expect(l32).toMatchObject({ verdict: 'holds', runs: 50 });
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/yd21\.eq-12\.p-update/);
    const cx = JSON.parse(readFileSync(join(out, 'counterexamples', 'yd21.eq-12.p-update.json'), 'utf8'));
    expect(cx.path).toBe(p12.counterexample.path);
  });

  test('the printed replay command reproduces the counterexample', () => {
    const first = join(tmp, 'first');
    cli('check', 'yd21.eq-22.b-norm-identity', '--out', first);
    const rec = JSON.parse(readFileSync(join(first, 'results.json'), 'utf8')).claims[0];
    const args = rec.replay.replace(/^npx tsx src\/cli\.ts /, '').split(' ');
    const again = join(tmp, 'again');
    expect(cli(...args, '--out', again).code).toBe(0);
    const rec2 = JSON.parse(readFileSync(join(again, 'results.json'), 'utf8')).claims[0];
    expect(rec2.counterexample).toEqual(rec.counterexample);
  });

  test('a counterexample found under --profile thorough replays with the profile named (its builder made the instance)', () => {
    const first = join(tmp, 'first-thorough');
    cli('check', 'jcd.prop-b.2.item-5.max-chain', '--profile', 'thorough', '--no-audit', '--out', first);
    const rec = JSON.parse(readFileSync(join(first, 'results.json'), 'utf8')).claims[0];
    expect(rec.replay).toMatch(/^npx tsx src\/cli\.ts check jcd\.prop-b\.2\.item-5\.max-chain --profile thorough --seed 2021 --path /);
    const args = rec.replay.replace(/^npx tsx src\/cli\.ts /, '').split(' ');
    const again = join(tmp, 'again-thorough');
    expect(cli(...args, '--out', again).code).toBe(0);
    expect(JSON.parse(readFileSync(join(again, 'results.json'), 'utf8')).claims[0].counterexample).toEqual(rec.counterexample);
  });

  test.each([
    [['check', 'yd21.no-such-claim'], /unknown claim id 'yd21.no-such-claim'/],
    [['check', 'yd21.lemma-3.2', '--runs', 'many'], /--runs must be a whole number/],
    [['check', 'yd21.lemma-3.2', '--runs', '0'], /--runs must be between 1/],
    [['check', 'yd21.lemma-3.2', '--seed', '1.5'], /--seed must be a whole number/],
    [['check', '--path', '1:2'], /--path replays one counterexample/],
    [['check', 'yd21.lemma-3.2', '--path', 'x'], /--path must look like/],
  ])('bad input %j: one line, exit 2', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
  });
});

describe('reproducibility and sharding', () => {
  const ids = ['yd21.eq-2-3.gd', 'yd21.eq-12.p-update', 'yd21.eq-12.p-update/corrected', 'yd21.lemma-3.3', 'yd21.lemma-b.1'];

  test('the same seed gives the same results.json in separate processes', () => {
    const [a, b] = [join(tmp, 'det-a'), join(tmp, 'det-b')];
    expect(cli('check', ...ids, '--seed', '11', '--out', a).code).toBe(0);
    expect(cli('check', ...ids, '--seed', '11', '--out', b).code).toBe(0);
    expect(readFileSync(join(a, 'results.json'), 'utf8')).toBe(readFileSync(join(b, 'results.json'), 'utf8'));
  });

  test('check --shard 1/2 and 2/2, merged, equal the unsharded results.json', () => {
    const [s1, s2, merged, whole] = ['shard-1', 'shard-2', 'merged', 'whole'].map((d) => join(tmp, d));
    expect(cli('check', ...ids, '--shard', '1/2', '--out', s1).code).toBe(0);
    expect(cli('check', ...ids, '--shard', '2/2', '--out', s2).code).toBe(0);
    expect(cli('report', 'merge', s1, s2, '--out', merged).code).toBe(0);
    expect(cli('check', ...ids, '--out', whole).code).toBe(0);
    const shard1 = JSON.parse(readFileSync(join(s1, 'results.json'), 'utf8')).claims.map((c: { id: string }) => c.id);
    expect(shard1.length).toBeGreaterThan(0);
    expect(shard1.length).toBeLessThan(ids.length);
    expect(readFileSync(join(merged, 'results.json'), 'utf8')).toBe(readFileSync(join(whole, 'results.json'), 'utf8'));
  });

  test('check --jobs 2 (two worker processes) writes the same results.json as --jobs 1', () => {
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
    const [par, seq] = [join(tmp, 'jobs-2'), join(tmp, 'jobs-1')];
    const r = cli('check', ...eight, '--jobs', '2', '--no-audit', '--out', par);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 parallel workers/);
    expect(cli('check', ...eight, '--jobs', '1', '--no-audit', '--out', seq).code).toBe(0);
    expect(readFileSync(join(par, 'results.json'), 'utf8')).toBe(readFileSync(join(seq, 'results.json'), 'utf8'));
  });

  test('check --jobs 2 with the audit (each worker audits a claim as soon as it has checked it) writes the same results.json as --jobs 1', () => {
    const three = ['yd21.eq-10.a-update', 'yd21.lemma-3.2', 'yd21.eq-12.p-update'];
    const [par, seq] = [join(tmp, 'jobs-2-audit'), join(tmp, 'jobs-1-audit')];
    const r = cli('check', ...three, '--jobs', '2', '--tighten-budget', '60', '--out', par);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/audit \d+ ms/);
    expect(cli('check', ...three, '--jobs', '1', '--tighten-budget', '60', '--out', seq).code).toBe(0);
    const parallel = readFileSync(join(par, 'results.json'), 'utf8');
    expect(parallel).toBe(readFileSync(join(seq, 'results.json'), 'utf8'));
    expect(JSON.parse(parallel).claims.some((c: { slack?: unknown[] }) => (c.slack ?? []).length > 0)).toBe(true);
  });

  test('a worker checks exactly the claim ids it reads on stdin, and names one its selection lacks', () => {
    const worker = (input: string, out: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'check', '--worker', '2/3', '--no-audit', '--out', out], {
        cwd: root,
        encoding: 'utf8',
        input,
      });
    const out = join(tmp, 'worker');
    const ok = worker('yd21.eq-12.p-update\nyd21.eq-10.a-update\n', out);
    expect(ok.status, ok.stderr).toBe(0);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.shard).toEqual({ index: 2, count: 3 });
    expect(run.claims.map((c: { record: { id: string } }) => c.record.id)).toEqual(['yd21.eq-12.p-update', 'yd21.eq-10.a-update']);
    const bad = worker('yd21.no-such-claim\n', join(tmp, 'worker-bad'));
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/yd21\.no-such-claim/);
  });

  test('a saved counterexample replays from disk with the same margins bit for bit', () => {
    const out = join(tmp, 'replay-disk');
    cli('check', 'yd21.eq-12.p-update', 'yd21.lemma-3.2', '--out', out, '--no-audit');
    for (const file of ['yd21.eq-12.p-update.json', 'yd21.lemma-3.2_sabotaged.json']) {
      const r = cli('check', '--replay', join(out, 'counterexamples', file), '--json');
      expect(r.code).toBe(0);
      const saved = JSON.parse(readFileSync(join(out, 'counterexamples', file), 'utf8'));
      const replayed = JSON.parse(r.stdout);
      expect(replayed.reproduced).toBe(true);
      expect(replayed.failing.map((f: { margin: number }) => f.margin)).toEqual(saved.failing.map((f: { margin: number }) => f.margin));
    }
  });

  test.each([
    [['check', '--shard', '3/2'], /--shard must be i\/n/],
    [['check', '--worker', '1/2', '--shard', '1/2'], /--worker .* cannot be combined with --shard/],
    [['check', '--worker', '0/2'], /--worker must be i\/n/],
    // --out named: the message must not depend on whether reports/latest holds an earlier report (it does in CI).
    [['check', 'yd21.lemma-3.2', '--sabotaged', '--jobs', '2', '--out', join(tmp, 'jobs-sabotaged')], /--jobs cannot be combined/],
    [['check', '--profile', 'fast'], /--profile must be one of/],
    [['check', '--replay', '/nonexistent.json'], /cannot read/],
    [['report', 'merge', '/tmp', '--out', join(tmp, 'merge-none')], /has no run.json/],
    [['report', 'squash', '/tmp'], /unknown report action/],
    [['report', 'html', '/tmp'], /has no run.json/],
  ])('bad input %j: one line, exit 2', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
  });
});

describe('tighten', () => {
  test('--json follows { id, constant, printed, best, ratio, evaluations, instance } and the saved instance replays', () => {
    const out = join(tmp, 'tighten');
    const r = cli('tighten', 'yd21.lemma-3.2', '--budget', '400', '--seed', '3', '--json', '--out', out);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    for (const k of ['id', 'constant', 'printed', 'best', 'ratio', 'evaluations', 'instance']) expect(t).toHaveProperty(k);
    expect(t).toMatchObject({ id: 'yd21.lemma-3.2', constant: 'C', evaluations: 400 });
    expect(t.note).toMatch(/lower bound/);
    const again = cli('tighten', 'yd21.lemma-3.2', '--replay', join(out, 'tighten', 'yd21.lemma-3.2.C.json'), '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).witness).toBe(t.best);
  });

  test('--try reports whether a smaller constant is refuted', () => {
    // The proof-steps form of Lemma 3.2 needs about 0.99 of its printed constant (the slack table), so half of it fails.
    const r = cli('tighten', 'yd21.lemma-3.2.proof-steps', '--try', '0.5x', '--budget', '3000', '--json');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.refuted).toBe(true);
    expect(t.counterexample.failing.length).toBeGreaterThan(0);
  });

  test.each([
    [['tighten', 'yd21.lemma-3.2', '--constant', 'D'], /has no constant 'D'/],
    [['tighten', 'yd21.eq-10.a-update'], /no printed constant/],
    [['tighten', 'yd21.lemma-3.2', '--try', 'abc'], /--try takes a positive number/],
    [['tighten', 'yd21.lemma-3.2', '--try', '-1x'], /--try takes a positive number or a positive factor/],
    [['tighten', 'yd21.lemma-3.2', '--try', '0'], /--try takes a positive number/],
    [['tighten', 'yd21.lemma-3.2', '--budget', '-5'], /--budget/],
  ])('bad input %j: one line, exit 2', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
  });
});

describe('explore', () => {
  test('one parameter: points, first failure with a replay that reproduces it', () => {
    const out = join(tmp, 'explore');
    const r = cli('explore', 'yd21.lemma-3.3', '--param', 'pBound', '--range', '2:64', '--steps', '4', '--runs', '300', '--json', '--out', out);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.parameter).toBe('pBound');
    expect(e.points[0]).toMatchObject({ value: 2, allowed: true, verdict: 'holds' });
    expect(e.firstFailure.value).toBeGreaterThan(2);
    const args = e.firstFailure.replay.replace(/^npx tsx src\/cli\.ts /, '').split(' ');
    const replayed = cli(...args, '--out', join(tmp, 'explore-replay'), '--no-audit');
    expect(replayed.code).toBe(1); // the claim is refuted there, which is not its expected verdict
    const rec = JSON.parse(readFileSync(join(tmp, 'explore-replay', 'results.json'), 'utf8')).claims[0];
    expect(rec.counterexample).toEqual(e.firstFailure.counterexample);
  });

  test('two parameters: a phase diagram as JSON and SVG', () => {
    const out = join(tmp, 'phase');
    const r = cli('explore', 'yd21.lemma-3.2', '--param', 'etaFactor', '--param', 'sBound', '--steps', '2', '--runs', '50', '--out', out);
    expect(r.code).toBe(0);
    const base = join(out, 'explore', 'yd21.lemma-3.2.etaFactor-sBound');
    expect(JSON.parse(readFileSync(`${base}.json`, 'utf8')).cells).toHaveLength(4);
    expect(readFileSync(`${base}.svg`, 'utf8')).toMatch(/^<svg /);
  });

  test.each([
    [['explore', 'yd21.lemma-3.2', '--param', 'zeta'], /no parameter 'zeta'/],
    [['explore', 'yd21.lemma-3.2'], /one --param/],
    [['explore', 'yd21.lemma-3.2', '--param', 'etaFactor', '--range', '5:1'], /--range must be A:B/],
    [['explore', 'yd21.eq-10.a-update', '--param', 'x'], /no parameters to explore/],
    [['check', 'yd21.lemma-3.2', '--set', 'zeta=1'], /no parameter 'zeta'/],
    [['check', 'yd21.lemma-3.2', '--set', 'etaFactor'], /--set takes NAME=VALUE/],
  ])('bad input %j: one line, exit 2', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
  });
});

describe('trajectory', () => {
  test('--json samples every K steps from t = 0 with the contract fields', () => {
    const r = cli('trajectory', '--input', inputFile('ok.json', JSON.stringify(smallProblem)), '--iters', '20', '--every', '5', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.t).toEqual([0, 5, 10, 15, 20]);
    for (const k of ['loss', 'sigmaMinA', 'lambdaMinP', 'normP', 'frobB', 'normJ', 'normK']) {
      expect(out[k]).toHaveLength(5);
      expect(out[k].every(Number.isFinite)).toBe(true);
    }
    expect(out.loss[4]).toBeLessThan(out.loss[0]);
  });

  test('a non-diagonal Σ is rotated first: same diagnostics as its diagonal form', () => {
    // Σ = ΦΣ′Ψᵀ with Φ a 2×2 rotation, Ψ = I; the initialisation rotated along.
    const [c, s] = [Math.cos(0.3), Math.sin(0.3)];
    const rot = (v: number[]) => [c * v[0] - s * v[1], s * v[0] + c * v[1]];
    const Sigma = [
      [2 * c, -1 * s, 0],
      [2 * s, 1 * c, 0],
    ];
    const U0cols = [0, 1].map((j) => rot(smallProblem.U0.map((row) => row[j])));
    const U0 = [0, 1].map((i) => [U0cols[0][i], U0cols[1][i]]);
    const general = cli(
      'trajectory',
      '--input',
      inputFile('rot.json', JSON.stringify({ ...smallProblem, Sigma, U0 })),
      '--iters',
      '30',
      '--every',
      '10',
      '--json',
    );
    const diagonal = cli('trajectory', '--input', inputFile('diag.json', JSON.stringify(smallProblem)), '--iters', '30', '--every', '10', '--json');
    const [g, d] = [JSON.parse(general.stdout), JSON.parse(diagonal.stdout)];
    for (const k of ['loss', 'sigmaMinA', 'normJ'])
      g[k].forEach((v: number, i: number) => {
        expect(Math.abs(v - d[k][i])).toBeLessThan(1e-12 * (1 + Math.abs(d[k][i])));
      });
  });

  test('a step size that makes GD diverge: explicit "diverged", exit 3, no non-finite numbers', () => {
    const big = {
      Sigma: [
        [2, 0],
        [0, 1],
      ],
      U0: [
        [3, 1],
        [1, 3],
      ],
      V0: [
        [3, 1],
        [1, 3],
      ],
      eta: 10,
    };
    const r = cli('trajectory', '--input', inputFile('big.json', JSON.stringify(big)), '--iters', '500', '--json');
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.diverged.t).toBeGreaterThan(0);
    expect(out.loss.every(Number.isFinite)).toBe(true);
    expect(r.stderr).toMatch(/diverged/);
  });

  test.each([
    ['malformed JSON', '{"Sigma": [[1, 0]], ', /not valid JSON/],
    ['truncated JSON', JSON.stringify(smallProblem).slice(0, 40), /not valid JSON/],
    ['an overflowing number', JSON.stringify(smallProblem).replace('"eta":0.1', '"eta":1e999'), /eta must be a finite number/],
    ['a negative step size', JSON.stringify({ ...smallProblem, eta: -0.1 }), /eta must be positive/],
    ['a zero step size', JSON.stringify({ ...smallProblem, eta: 0 }), /eta must be positive/],
    [
      'a string entry',
      JSON.stringify({
        ...smallProblem,
        U0: [
          ['a', 1],
          [1, 1],
        ],
      }),
      /U0/,
    ],
    [
      'ragged rows',
      JSON.stringify({
        ...smallProblem,
        Sigma: [
          [1, 0, 0],
          [0, 1],
        ],
      }),
      /same length/,
    ],
    ['wrong U0 rows', JSON.stringify({ ...smallProblem, U0: [[1, 0]] }), /U0 must have m = 2 rows/],
    ['wrong V0 columns', JSON.stringify({ ...smallProblem, V0: [[1], [0], [0]] }), /V0 must have as many columns as U0/],
    ['a missing field', JSON.stringify({ Sigma: smallProblem.Sigma, U0: smallProblem.U0, V0: smallProblem.V0 }), /eta/],
    ['an array', JSON.stringify([smallProblem]), /must be a JSON object, not an array/],
    [
      'an unknown objective',
      JSON.stringify({ ...smallProblem, objective: 'matrix-sensing' }),
      /unknown objective "matrix-sensing" \(one of: asymmetric-factorization/,
    ],
    ['an objective that is not a string', JSON.stringify({ ...smallProblem, objective: 3 }), /unknown objective 3/],
  ])('%s: one line, exit 2', (name, content, message) => {
    const r = cli('trajectory', '--input', inputFile(`${name.replace(/\W/g, '_')}.json`, content), '--json');
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
    expect(r.stderr).toMatch(message);
  });

  test('a missing file and bad --iters: one line, exit 2', () => {
    for (const args of [
      ['--input', join(tmp, 'nope.json')],
      ['--input', inputFile('ok2.json', JSON.stringify(smallProblem)), '--iters', '-3'],
    ]) {
      const r = cli('trajectory', ...args);
      expect(r.code).toBe(2);
      expectOneClearLine(r.stderr);
    }
  });
});

describe('ρ below the double range', () => {
  test('Lemma C.9 with log ρ = log ρ_max − 10⁶ (ρ ≈ 10^(−434 000)): a verdict computed in log space, no underflow', () => {
    const out = join(tmp, 'rho');
    const r = cli('check', 'jcd.lemma-c.9.ratio', '--set', 'logRhoOffset=1e6', '--no-audit', '--runs', '50', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).claims[0];
    expect(rec.verdict).toBe('holds');
    expect(rec.runs).toBeGreaterThan(0);
    expect(Number.isFinite(rec.worstMargin)).toBe(true);
  });
  test('a ρ exponent beyond any number: one line, exit 2', () => {
    const r = cli('check', 'jcd.lemma-c.9.ratio', '--set', 'logRhoOffset=1e400');
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr);
  });
});
