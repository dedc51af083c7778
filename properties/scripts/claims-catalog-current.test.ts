/**
 * docs/CLAIMS.md is the registry's catalog as `npm run docs:claims` writes it now: a claim added,
 * renamed or reworded without regenerating the file fails here.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CATALOG, catalog } from '../../scripts/claims-catalog.ts';
import { loadClaims } from '../../src/claims/registry.ts';

test('docs/CLAIMS.md is current (regenerate it with npm run docs:claims)', async () => {
  const expected = await catalog();
  expect(readFileSync(CATALOG, 'utf8')).toBe(expected);
  for (const c of await loadClaims()) expect(expected).toContain(`| \`${c.id}\` |`);
});
