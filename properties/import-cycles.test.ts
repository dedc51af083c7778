/**
 * No import cycle among the project's modules (src/, lemmas/, bench/, scripts/), counting type-only
 * imports and inline `import('…')` types: a cycle hides which module is the leaf, and the two the code
 * once had (the claim runners with the verdict record, the report renderers with each other) made every
 * change to one of them a change to all. The graph is read from the sources, so a planted cycle is
 * found too (second test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.[^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The module graph: each file to the project files it imports (relative specifiers only). */
function importGraph(files: ReadonlyArray<string>, read: (f: string) => string): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((f) => [f, [...read(f).matchAll(IMPORT)].map((m) => normalize(join(dirname(f), m[1]))).filter((t) => known.has(t) && t !== f)]),
  );
}

/** The strongly connected components with more than one module (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

test('no module of src/, lemmas/, bench/ or scripts/ is on an import cycle', () => {
  const files = ['src', 'lemmas', 'bench', 'scripts'].flatMap((d) => sources(join(ROOT, d)));
  const found = cycles(importGraph(files, (f) => readFileSync(f, 'utf8'))).map((c) => c.map((f) => relative(ROOT, f)));
  expect(found).toEqual([]);
});

test('a planted cycle through a type-only import(…) is found', () => {
  const text: Record<string, string> = {
    '/p/a.ts': "import { b } from './b.ts';",
    '/p/b.ts': "export type T = import('./c.ts').C;",
    '/p/c.ts': "import type { A } from './a.ts';",
    '/p/d.ts': "import { a } from './a.ts';",
  };
  expect(cycles(importGraph(Object.keys(text), (f) => text[f]))).toEqual([['/p/a.ts', '/p/b.ts', '/p/c.ts']]);
});
