/**
 * The project's module graph as the tests read it from the sources: every relative specifier of
 * `import … from`, `import type`, `export … from`, a bare `import '…'` and an `import('…')` type or
 * call, with comments stripped (so a module named in a doc comment is not an edge).
 */
import { dirname, join, normalize } from 'node:path';

const SPECIFIER = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a module's text refers to, in order. */
export function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Each file to the files of `files` it refers to (relative specifiers only). */
export function importGraph(files: ReadonlyArray<string>, read: (f: string) => string): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((f) => [
      f,
      [
        ...new Set(
          specifiers(read(f))
            .filter((s) => s.startsWith('.'))
            .map((s) => normalize(join(dirname(f), s)))
            .filter((t) => known.has(t) && t !== f),
        ),
      ],
    ]),
  );
}

/** The strongly connected components with more than one module (Tarjan), each sorted. */
export function cycles(graph: Map<string, string[]>): string[][] {
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
