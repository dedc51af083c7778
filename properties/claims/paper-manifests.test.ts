/**
 * Papers are folders with a manifest (src/claims/paper.ts): a claim belongs to the paper whose
 * manifest declares its id prefix and names it as its source. A planted folder with its own manifest
 * (a third paper, prefix 'zz') adds a paper without a framework edit; a claim whose prefix no manifest
 * declares, or that names another paper than its prefix's, is an error row naming its file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { definePaper, idPrefix, isPaper } from '../../src/claims/paper.ts';
import type { VerdictRecord } from '../../src/claims/record.ts';

const root = new URL('../..', import.meta.url).pathname;
const TSX = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

function claimFile(exportName: string, id: string, paper: string): string {
  return `import { atMost } from '${root}src/claims/compare.ts';
import { defineClaim } from '${root}src/claims/types.ts';
import { inRange } from '${root}src/random/arbitraries.ts';
import { hypothesis } from '${root}src/claims/hypotheses.ts';
export const ${exportName} = defineClaim<number>({
  id: '${id}',
  source: { paper: '${paper}', where: 'planted by properties/claims/paper-manifests.test.ts' },
  kind: 'inequality',
  statement: 'x ≤ 1 on [0, 1]',
  hypotheses: [hypothesis<number>('x-range', 'x ∈ [0, 1]', (x) => x >= 0 && x <= 1, { coordinates: { x: { value: (x) => x, domain: [0, 1] } } })],
  instances: inRange(0, 1),
  size: () => 1,
  check: (x) => [atMost('x ≤ 1', x, 1, 1)],
  expected: 'holds',
  sabotage: { description: 'bound lowered to 1/2', check: (x) => [atMost('x ≤ 1/2', x, 0.5, 1)] },
  runs: 50,
});
`;
}

test('a manifest is recognised, its prefix must be lower case, and the prefix of an id is what precedes its first dot', () => {
  const m = definePaper({ id: 'ZZ', prefix: 'zz', authors: 'A. Author', title: 'T', venue: 'preprint', textCopies: [] });
  expect(isPaper(m)).toBe(true);
  expect(isPaper({ id: 'ZZ', prefix: 'zz' })).toBe(false);
  expect(() => definePaper({ ...m, prefix: 'ZZ' })).toThrow(/lower-case/);
  expect(idPrefix('yd21.eq-12.p-update/corrected')).toBe('yd21');
});

test('a third paper is one folder; a claim without its paper, or naming another, is an error row', () => {
  const dir = mkdtempSync(join(tmpdir(), 'papers-'));
  const zz = join(dir, 'zz');
  mkdirSync(zz);
  writeFileSync(
    join(zz, 'paper.ts'),
    `import { definePaper } from '${root}src/claims/paper.ts';\nexport const paper = definePaper({ id: 'ZZ', prefix: 'zz', authors: 'A. Author', title: 'A planted paper', venue: 'preprint', textCopies: [] });\n`,
  );
  writeFileSync(join(zz, 'good.ts'), claimFile('good', 'zz.good', 'ZZ'));
  writeFileSync(join(zz, 'wrong-paper.ts'), claimFile('wrongPaper', 'zz.wrong-paper', 'YD21'));
  writeFileSync(join(zz, 'no-manifest.ts'), claimFile('orphan', 'qq.orphan', 'QQ'));
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, ['--import', TSX, join(root, 'src', 'cli.ts'), 'check', '--paper', 'ZZ', '--no-audit', '--jobs', '1', '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LEMMACHECK_LEMMAS_DIR: dir },
    timeout: 110_000,
  });
  expect(r.status, r.stderr).toBe(1);
  const records = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { claims: VerdictRecord[] }).claims;
  expect(records.find((c) => c.id === 'zz.good')?.verdict).toBe('holds');
  const errors = records.filter((c) => c.verdict === 'error').map((c) => c.error ?? '');
  expect(errors.some((e) => /zz\.wrong-paper gives its paper as 'YD21', but the manifest of the prefix 'zz' is paper 'ZZ'/.test(e))).toBe(true);
  expect(errors.some((e) => /qq\.orphan: no paper manifest \(lemmas\/<paper>\/paper\.ts\) declares the id prefix 'qq'/.test(e))).toBe(true);
});
