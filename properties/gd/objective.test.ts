/**
 * The engine behind an objective (src/gd/objective.ts): the factorization objective is the engine's
 * kernel bit for bit, and a second objective — the symmetric factorization of the planted folder
 * properties/fixtures/papers/sym/ — runs through the same interface, and its claim, in a folder of its
 * own with its manifest, is checked (and its sabotage refuted) by the unchanged CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import type { VerdictRecord } from '../../src/claims/record.ts';
import { asymmetricFactorization, descend } from '../../src/gd/objective.ts';
import { gdStep, loss } from '../../src/gd/trajectory.ts';
import { diag, fromRows } from '../../src/linalg/dense.ts';
import { symmetricFactorization } from '../fixtures/papers/sym/objective.ts';

const root = new URL('../..', import.meta.url).pathname;
const TSX = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

test('the factorization objective is the engine: its step and loss are gdStep and loss, bit for bit', () => {
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
