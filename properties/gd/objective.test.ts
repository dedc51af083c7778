/**
 * The engine behind an objective (src/gd/objective.ts): the factorization objective is the engine's
 * kernel bit for bit, and a second objective — the symmetric factorization of the planted folder
 * properties/fixtures/papers/sym/ — runs through the same interface, and its claim, in a folder of its
 * own with its manifest, is checked (and its sabotage refuted) by the unchanged CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import type { VerdictRecord } from '../../src/claims/record.ts';
import { asymmetricFactorization } from '../../src/gd/factorization.ts';
import { descend } from '../../src/gd/objective.ts';
import { blockState } from '../../src/gd/blocks.ts';
import { diagnostics } from '../../src/gd/diagnostics.ts';
import { gdStep, loss } from '../../src/gd/trajectory.ts';
import { diag, fromRows } from '../../src/linalg/dense.ts';
import { symmetricFactorization } from '../fixtures/papers/sym/objective.ts';

const root = new URL('../..', import.meta.url).pathname;
const TSX = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

test('the factorization objective is the engine: its step, loss, block view and diagnostics are gdStep, loss, blockState and diagnostics, bit for bit', () => {
  const sigma = diag([1, 0.5, 0.25], 3, 3);
  const U = fromRows([
    [0.1, -0.2],
    [0.3, 0.05],
    [-0.1, 0.2],
  ]);
  const V = fromRows([
    [0.2, 0.1],
    [-0.05, 0.3],
    [0.1, -0.1],
  ]);
  const a = asymmetricFactorization.step(sigma, { U, V }, 0.1);
  const b = gdStep(sigma, U, V, 0.1);
  expect([...a.U.data]).toEqual([...b.U.data]);
  expect([...a.V.data]).toEqual([...b.V.data]);
  expect(asymmetricFactorization.loss(sigma, { U, V })).toBe(loss(sigma, U, V));
  expect(asymmetricFactorization.diagnostics(sigma, { U, V })).toEqual(diagnostics(sigma, U, V));
  expect([...asymmetricFactorization.blocks(sigma, { U, V }).P.data]).toEqual([...blockState(sigma, U, V).P.data]);
  const run = descend(asymmetricFactorization, sigma, { U, V }, 0.1, 3);
  expect(run.losses).toHaveLength(4);
  expect(run.losses[3]).toBeLessThan(run.losses[0]);
});

test('the symmetric objective: its step is X − 2η(XXᵀ − M)X (checked on a 1×1 case by hand) and descend uses it', () => {
  const M = fromRows([[1]]);
  const X = fromRows([[0.5]]);
  // XXᵀ − M = −3/4; X − 2η(−3/4)(1/2) = 1/2 + 3η/4.
  expect(symmetricFactorization.step(M, X, 0.1).data[0]).toBeCloseTo(0.5 + 0.075, 15);
  expect(symmetricFactorization.loss(M, X)).toBeCloseTo(0.5 * 0.75 ** 2, 15);
  const { losses, final } = descend(symmetricFactorization, M, X, 0.1, 200);
  expect(final.data[0]).toBeCloseTo(1, 6);
  expect(losses.at(-1)).toBeLessThan(1e-12);
});

test('a paper with another objective is one folder: the CLI checks its claim and refutes its sabotage', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sym-')), 'out');
  const r = spawnSync(process.execPath, ['--import', TSX, join(root, 'src', 'cli.ts'), 'check', '--paper', 'SYM', '--no-audit', '--jobs', '1', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LEMMACHECK_LEMMAS_DIR: join(root, 'properties', 'fixtures', 'papers') },
    timeout: 110_000,
  });
  expect(r.status, r.stderr).toBe(0);
  // Exit 0: every verdict as expected, the sabotaged variant's refutation included.
  const records = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { claims: VerdictRecord[] }).claims;
  const claim = records.find((c) => c.id === 'sym.descent');
  expect(claim?.verdict).toBe('holds');
  expect(claim?.paper).toBe('SYM');
});

test("`trajectory` runs another paper's objective through the interface: the file names it, its diagnostics are printed, a diverging step size exits 3", () => {
  const dir = mkdtempSync(join(tmpdir(), 'sym-traj-'));
  const run = (input: object, ...args: string[]) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(input));
    return spawnSync(process.execPath, ['--import', TSX, join(root, 'src', 'cli.ts'), 'trajectory', '--input', file, '--json', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LEMMACHECK_LEMMAS_DIR: join(root, 'properties', 'fixtures', 'papers') },
    });
  };
  const input = {
    objective: 'symmetric-factorization',
    M: [
      [1, 0],
      [0, 0.5],
    ],
    X0: [[0.3], [0.1]],
    eta: 0.05,
  };
  const ok = run(input, '--iters', '400', '--every', '100');
  expect(ok.status, ok.stderr).toBe(0);
  const out = JSON.parse(ok.stdout);
  expect(out.t).toEqual([0, 100, 200, 300, 400]);
  expect(Object.keys(out)).toEqual(['t', 'loss', 'normR', 'lambdaMinXtX']);
  // The rank-1 minimiser XXᵀ = diag(1, 0) leaves the loss ½·0.5² = 0.125.
  expect(out.loss[4]).toBeCloseTo(0.125, 6);
  const { losses } = descend(symmetricFactorization, fromRows(input.M), fromRows(input.X0), input.eta, 400);
  expect(out.loss).toEqual([0, 100, 200, 300, 400].map((t) => losses[t]));
  const diverging = run({ ...input, eta: 50 }, '--iters', '200');
  expect(diverging.status).toBe(3);
  expect(JSON.parse(diverging.stdout).diverged.t).toBeGreaterThan(0);
  const bad = run({ ...input, X0: [[1, 2, 3]] });
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim()).toMatch(/^.*X0 must be a matrix of finite numbers with 2 rows \(expected \{ "objective": "symmetric-factorization"/);
});
