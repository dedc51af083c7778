/**
 * No import cycle among the project's modules (src/, lemmas/, bench/, scripts/), counting type-only
 * imports and inline `import('…')` types: a cycle hides which module is the leaf, and the two the code
 * once had (the claim runners with the verdict record, the report renderers with each other) made every
 * change to one of them a change to all. The graph is read from the sources (./import-graph.ts), so the
 * parser and the cycle finder are tested on planted modules too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
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
