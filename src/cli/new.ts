/**
 * `new ID --like EXISTING_ID`: scaffolds a claim. Writes lemmas/<paper>/<rest of ID>.ts, a claim that
 * starts as EXISTING_ID's instances, check, constants and sabotage (imported, never copied), with a
 * doc comment whose headings every claim file written this way has — Statement as printed, Where,
 * Hypotheses, What is checked, Sabotage — and properties/lemmas/<ID>.test.ts, which runs it and its
 * sabotaged variant. The new claim is registered at once (`list` shows it); its author then quotes
 * the statement, and replaces the check and sabotage where they differ from EXISTING_ID's.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deterministic } from '../claims/dispatch.ts';
import { loadRegistry } from '../claims/registry.ts';
import { CLAIM_ID } from '../claims/types.ts';
import { UserError } from './errors.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The headings of a scaffolded claim's doc comment, in order. */
export const HEADINGS = ['Statement as printed', 'Where', 'Hypotheses', 'What is checked', 'Sabotage'] as const;

/** `a.b-c/corrected` → `aBCCorrected`: an identifier for the export. */
function exportNameFor(id: string): string {
  const words = id
    .replace(/^[a-z][a-z0-9]*\./, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/.test(name) ? `claim${name[0].toUpperCase()}${name.slice(1)}` : name;
}

/** An import specifier from `fromFile` to `target` (always relative, with ./ or ../). */
function specifier(fromFile: string, target: string): string {
  const rel = relative(dirname(fromFile), target).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The instance-builder modules under src/random/ that a lemma file imports (for the doc comment). */
function builderModules(source: string): string[] {
  return [...source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[./]*\/src\/random\/([^']+)'/g)].map(
    (m) =>
      `src/random/${m[2]} (${m[1]
        .split(',')
        .map((s) => s.trim().replace(/^type\s+/, ''))
        .filter(Boolean)
        .join(', ')})`,
  );
}

/** A hypothesis as text (a string, or an object carrying its wording in \`text\`). */
function hypothesisText(h: unknown): string {
  return typeof h === 'string' ? h : typeof (h as { text?: unknown })?.text === 'string' ? (h as { text: string }).text : JSON.stringify(h);
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export interface NewOptions {
  like?: string;
  /** Directory of the lemma file (default lemmas/<paper>/). */
  dir?: string;
  /** Directory of its test (default properties/lemmas/). */
  testDir?: string;
}

export async function newCommand(id: string, opts: NewOptions): Promise<number> {
  if (!CLAIM_ID.test(id))
    throw new UserError(`a claim id looks like yd21.lemma-3.2 or jcd.eq-a.6.p-update (paper prefix, lower case, digits, '.', '-'), got '${id}'`);
  if (!opts.like) throw new UserError('new needs --like EXISTING_ID: the claim whose instances, check and sabotage the new one starts from');
  const registry = await loadRegistry();
  if (registry.claims.some((c) => c.id === id)) throw new UserError(`claim id '${id}' exists already (${relative(ROOT, registry.sources.get(id)!.file)})`);
  const found = registry.claims.find((c) => c.id === opts.like);
  if (!found) throw new UserError(`unknown claim id '${opts.like}' for --like (run 'npx tsx src/cli.ts list' for the ids)`);
  const like = deterministic(found, 'new --like');
  const source = registry.sources.get(like.id)!;
  const paperDir = id.split('.')[0];
  const rest = id.slice(paperDir.length + 1).replace(/\//g, '.');
  const file = join(opts.dir ?? join(ROOT, 'lemmas', paperDir), `${rest}.ts`);
  const testFile = join(opts.testDir ?? join(ROOT, 'properties', 'lemmas'), `${id.replace(/\//g, '.')}.test.ts`);
  for (const f of [file, testFile]) if (existsSync(f)) throw new UserError(`${f} exists already: new never overwrites a file`);
  const name = exportNameFor(id);
  const likeRel = relative(ROOT, source.file);
  const builders = builderModules(readFileSync(source.file, 'utf8'));
  const paper = like.source.paper;
  const lemma = `/**
 * ${id} — scaffolded from ${like.id} (${likeRel}) by \`npx tsx src/cli.ts new ${id} --like ${like.id}\`.
 * Until the parts below are rewritten it checks exactly what ${like.id} checks.
 *
 * ${HEADINGS[0]}:
 *   (quote the statement exactly as ${paper} prints it, with its number)
 *
 * ${HEADINGS[1]}:
 *   ${paper}, (section, equation, lemma or theorem, and page)
 *
 * ${HEADINGS[2]}:
${like.hypotheses.map((h) => ` *   - ${hypothesisText(h)}`).join('\n')}
 *   (those of ${like.id}; instances satisfy them by construction: \`instances\` below is
 *   ${like.id}'s builder${builders.length ? `, from ${builders.join('; ')}` : ''})
 *
 * ${HEADINGS[3]}:
 *   (each comparison \`check\` returns: lhs, rhs and the scale its margin (rhs − lhs)/scale is taken
 *   against; see README "Tolerances" and "Adding a claim")
 *
 * ${HEADINGS[4]}:
 *   ${like.sabotage.description}
 *   (${like.id}'s sabotage: replace it with a deliberate error of the new check that it must refute)
 */
import { defineClaim } from '${specifier(file, join(ROOT, 'src', 'claims', 'types.ts'))}';
import { ${source.exportName} as like } from '${specifier(file, source.file)}';

export const ${name} = defineClaim({
  ...like,
  id: ${quote(id)},
  source: { paper: ${quote(paper)}, where: ${quote(`(where ${paper} prints it; scaffolded from ${like.id})`)} },
  statement: ${quote(`(the statement as printed; scaffolded from ${like.id}: ${like.statement})`)},
  hypotheses: [...like.hypotheses],
  // instances, size, constants, witness, parameters: ${like.id}'s until replaced.
  check: like.check,
  expected: like.expected,
  sabotage: like.sabotage,
});
`;
  const test = `/**
 * ${id} (${relative(ROOT, file)}): its verdict is the expected one and its sabotaged variant is refuted.
 */
import { expect, test } from 'vitest';
import { runClaim, sabotagedVariant } from '${specifier(testFile, join(ROOT, 'src', 'claims', 'runner.ts'))}';
import { ${name} } from '${specifier(testFile, file)}';

test('${id}: verdict as expected, sabotaged variant refuted', () => {
  const record = runClaim(${name});
  expect(record.error).toBeUndefined();
  expect(record.verdict).toBe(${name}.expected);
  expect(runClaim(sabotagedVariant(${name})).verdict).toBe('refuted');
});
`;
  mkdirSync(dirname(file), { recursive: true });
  mkdirSync(dirname(testFile), { recursive: true });
  writeFileSync(file, lemma);
  writeFileSync(testFile, test);
  process.stdout.write(
    `wrote ${relative(process.cwd(), file)} and ${relative(process.cwd(), testFile)}\nnext: fill in the doc comment's headings, then the check and the sabotage; run npx vitest run ${relative(process.cwd(), testFile)}\n`,
  );
  return 0;
}
