/**
 * docs/CLAIMS.md, the catalog of claim ids, generated from the registry (lemmas/): per paper, every
 * claim's id, where it is printed, its kind, the expected verdict, the statement as encoded and, for a
 * printed form that is false, the erratum. `npm run docs:claims` rewrites the file;
 * properties/scripts/claims-catalog-current.test.ts fails when it is not current.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../src/claims/registry.ts';

export const CATALOG = fileURLToPath(new URL('../docs/CLAIMS.md', import.meta.url));

/** A table cell: one line, with Markdown's pipe escaped. */
function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** The catalog's text for the claims the registry holds now. */
export async function catalog(): Promise<string> {
  const { claims, errors, papers: manifests } = await loadRegistry();
  if (errors.length) throw new Error(`cannot write the catalog: ${errors.map((e) => `${e.file} did not load (${e.message})`).join('; ')}`);
  const papers = [...new Set(claims.map((c) => c.source.paper))].sort().reverse();
  const lines = [
    '# Claim catalog',
    '',
    'Generated from the registry (every claim exported by a file under `lemmas/`) by `npm run docs:claims`;',
    'do not edit by hand. `npx tsx src/cli.ts list` prints the same ids; `check ID` (or a glob such as',
    "`check 'jcd.lemma-c.*'`) checks them. A printed form found false keeps its id with expected verdict",
    '`refuted` and an erratum, and has a sibling `<id>/corrected` holding the form derived and verified.',
    '',
    `${claims.length} claims: ${papers.map((p) => `${claims.filter((c) => c.source.paper === p).length} of ${p}`).join(', ')}.`,
  ];
  for (const paper of papers) {
    const m = manifests.find((x) => x.id === paper);
    const cite = m
      ? [`${m.authors}, *${m.title}*, ${m.venue}${m.references.length ? ` — ${m.references.map((r) => `[${r.label}](${r.url})`).join(', ')}` : ''}.`, '']
      : [];
    lines.push('', `## ${paper}`, '', ...cite, '| id | where | kind | expected | statement |', '| --- | --- | --- | --- | --- |');
    for (const c of claims.filter((k) => k.source.paper === paper)) {
      const erratum = 'erratum' in c && c.erratum ? ` **Erratum:** ${c.erratum}` : '';
      lines.push(`| \`${c.id}\` | ${cell(c.source.where)} | ${c.kind} | ${c.expected} | ${cell(c.statement)}${cell(erratum)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    writeFileSync(CATALOG, await catalog());
    process.stdout.write(`wrote ${CATALOG}\n`);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
