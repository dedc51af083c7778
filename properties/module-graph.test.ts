/**
 * The module graph's two rules. No import cycle among the project's modules (src/, lemmas/, bench/, scripts/), counting type-only
 * imports and inline `import('…')` types: a cycle hides which module is the leaf, and the two the code
 * once had (the claim runners with the verdict record, the report renderers with each other) made every
 * change to one of them a change to all. The graph is read from the sources (./import-graph.ts), so the
 * parser and the cycle finder are tested on planted modules too. And the framework imports no paper:
 * a paper is its folder under lemmas/, so adding one never edits src/; and the claim framework, search and
 * report know the engine only through its Objective interface.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { loadPapers } from '../src/claims/registry.ts';
import { cycles, importGraph, specifiers } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

test('no module of src/, lemmas/, bench/ or scripts/ is on an import cycle', () => {
  const files = ['src', 'lemmas', 'bench', 'scripts'].flatMap((d) => sources(join(ROOT, d)));
  const found = cycles(importGraph(files, (f) => readFileSync(f, 'utf8'))).map((c) => c.map((f) => relative(ROOT, f)));
  expect(found).toEqual([]);
});

/** The edges from a module under `from` to one under `to` (each as 'importer → imported', relative to ROOT). */
function crossings(graph: Map<string, string[]>, from: string, to: string): string[] {
  return [...graph].flatMap(([f, ts]) =>
    f.startsWith(from) ? ts.filter((t) => t.startsWith(to)).map((t) => `${relative(ROOT, f)} → ${relative(ROOT, t)}`) : [],
  );
}

test('the framework (src/) imports no paper (lemmas/), type-only imports included, and no file of it is named for a paper', async () => {
  const files = ['src', 'lemmas'].flatMap((d) => sources(join(ROOT, d)));
  expect(
    crossings(
      importGraph(files, (f) => readFileSync(f, 'utf8')),
      join(ROOT, 'src/'),
      join(ROOT, 'lemmas/'),
    ),
  ).toEqual([]);
  const prefixes = (await loadPapers()).map((p) => p.prefix);
  expect(prefixes.length).toBeGreaterThan(0);
  const named = sources(join(ROOT, 'src'))
    .map((f) => relative(join(ROOT, 'src'), f))
    .filter((f) => f.split('/').some((part) => prefixes.some((p) => part === p || part.startsWith(`${p}-`) || part.startsWith(`${p}.`))));
  expect(named).toEqual([]);
});

test('the claim framework, the search and the report reach the engine only through the Objective interface (src/gd/objective.ts)', () => {
  const files = ['src'].flatMap((d) => sources(join(ROOT, d)));
  const graph = importGraph(files, (f) => readFileSync(f, 'utf8'));
  const engine = join(ROOT, 'src/gd/');
  const through = (dir: string) => crossings(graph, join(ROOT, dir), engine).filter((e) => !e.endsWith('src/gd/objective.ts'));
  expect([...through('src/claims/'), ...through('src/search/'), ...through('src/report/')]).toEqual([]);
});

test('a planted framework module importing a paper is found', () => {
  const text: Record<string, string> = {
    [join(ROOT, 'src/x/a.ts')]: "import { b } from '../../lemmas/p/b.ts';",
    [join(ROOT, 'lemmas/p/b.ts')]: "export type T = import('../../src/x/c.ts').C;",
    [join(ROOT, 'src/x/c.ts')]: '',
  };
  const graph = importGraph(Object.keys(text), (f) => text[f]);
  expect(crossings(graph, join(ROOT, 'src/'), join(ROOT, 'lemmas/'))).toEqual(['src/x/a.ts → lemmas/p/b.ts']);
  expect(crossings(graph, join(ROOT, 'lemmas/'), join(ROOT, 'src/'))).toEqual(['lemmas/p/b.ts → src/x/c.ts']);
});

test('the parser reads every form of import and skips comments', () => {
  const text = [
    "import { a } from './a.ts';",
    "import type { B } from './b.ts';",
    "export { c } from './c.ts';",
    "export * from './d.ts';",
    "import './e.ts';",
    "type F = import('./f.ts').F;",
    "import {\n  g,\n  type G,\n} from './g.ts';",
    "// import { h } from './h.ts';",
    "/** see import('./i.ts') */",
  ].join('\n');
  expect(specifiers(text)).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.ts']);
});

test('a planted cycle through a type-only import(…) is found, and an acyclic graph has none', () => {
  const text: Record<string, string> = {
    '/p/a.ts': "import { b } from './b.ts';",
    '/p/b.ts': "export type T = import('./c.ts').C;",
    '/p/c.ts': "import type { A } from './a.ts';",
    '/p/d.ts': "import { a } from './a.ts';",
  };
  expect(cycles(importGraph(Object.keys(text), (f) => text[f]))).toEqual([['/p/a.ts', '/p/b.ts', '/p/c.ts']]);
  expect(cycles(importGraph(['/p/a.ts', '/p/d.ts'], (f) => text[f]))).toEqual([]);
});
