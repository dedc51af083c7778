/**
 * The registry: every claim exported by a file under lemmas/. Adding a claim is adding one file
 * there (`npx tsx src/cli.ts new ID --like EXISTING_ID` writes one); nothing else needs editing.
 */
import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyClaim } from './dispatch.ts';
import { isMonteCarloClaim } from './montecarlo.ts';
import { isSweepClaim } from './sweep.ts';
import { isClaim } from './types.ts';
import { idPrefix, isPaper, type PaperManifest } from './paper.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEMMAS_DIR = join(ROOT, 'lemmas');

function lemmaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? lemmaFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .sort();
}

/**
 * Natural order of ids ('eq-2-3' before 'eq-10'), by code points otherwise, so the order is the
 * same on every machine and a corrected sibling follows the form it corrects.
 */
export function compareIds(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const [ca, cb] = [chunks(a), chunks(b)];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const [x, y] = [ca[i], cb[i]];
    if (x === y) continue;
    const bothNumeric = /^\d/.test(x) && /^\d/.test(y);
    if (bothNumeric) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

/** A lemma file that could not be imported (a syntax error, a broken import, a throw at load). */
export interface LoadError {
  /** The file, relative to the repository (or absolute, outside it). */
  readonly file: string;
  readonly message: string;
}

export interface Registry {
  /** Every claim of every file that loaded, in natural order of their ids. */
  readonly claims: AnyClaim[];
  /** The files that did not load; their claims are missing from `claims`. */
  readonly errors: LoadError[];
  /** The papers, from their manifests (lemmas/<folder>/paper.ts). */
  readonly papers: PaperManifest[];
  /** Per claim id: the absolute path of its lemma file and the name it is exported under. */
  readonly sources: ReadonlyMap<string, { readonly file: string; readonly exportName: string }>;
}

/**
 * The directories lemma files are read from: lemmas/, or the colon-separated list in
 * LEMMACHECK_LEMMAS_DIR (to try a lemma file outside the tree, and for tests that plant one).
 */
function lemmaDirs(): string[] {
  const env = process.env.LEMMACHECK_LEMMAS_DIR;
  return env ? env.split(':').filter(Boolean) : [LEMMAS_DIR];
}

function displayName(file: string): string {
  const rel = relative(ROOT, file);
  return rel.startsWith('..') ? file : rel;
}

let cache: Promise<Registry> | null = null;

/**
 * Loads every lemma file. A file that fails to import is recorded with its name and message and
 * the others still load, so one typo never hides the whole registry. Two claims with one id, or a
 * corrected sibling that does not exist, are errors of the registry as a whole (thrown).
 */
export function loadRegistry(): Promise<Registry> {
  cache ??= (async () => {
    const claims: AnyClaim[] = [];
    const errors: LoadError[] = [];
    const fileOf = new Map<string, string>();
    const sources = new Map<string, { file: string; exportName: string }>();
    const papers: PaperManifest[] = [];
    for (const file of lemmaDirs().flatMap(lemmaFiles)) {
      let mod: Record<string, unknown>;
      try {
        mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      } catch (e) {
        errors.push({ file: displayName(file), message: (e instanceof Error ? e.message : String(e)).split('\n')[0] });
        continue;
      }
      papers.push(...Object.values(mod).filter(isPaper));
      for (const [exportName, c] of Object.entries(mod).filter(([, v]) => isClaim(v) || isMonteCarloClaim(v) || isSweepClaim(v)) as [string, AnyClaim][]) {
        const other = fileOf.get(c.id);
        if (other !== undefined) throw new Error(`claim id '${c.id}' is defined twice: in ${displayName(other)} and ${displayName(file)}`);
        claims.push(c);
        fileOf.set(c.id, file);
        sources.set(c.id, { file, exportName });
      }
    }
    for (const c of claims)
      if (c.corrected && !fileOf.has(c.corrected))
        throw new Error(`${c.id} (${displayName(fileOf.get(c.id)!)}) names a corrected sibling '${c.corrected}' that does not exist`);
    // A claim belongs to the paper whose manifest declares its id prefix and names it as its source.
    const byPrefix = new Map(papers.map((m) => [m.prefix, m]));
    const belongs = (c: AnyClaim) => byPrefix.get(idPrefix(c.id))?.id === c.source.paper;
    for (const c of claims.filter((c) => !belongs(c))) {
      const m = byPrefix.get(idPrefix(c.id));
      errors.push({
        file: displayName(fileOf.get(c.id)!),
        message: m
          ? `${c.id} gives its paper as '${c.source.paper}', but the manifest of the prefix '${m.prefix}' is paper '${m.id}'`
          : `${c.id}: no paper manifest (lemmas/<paper>/paper.ts) declares the id prefix '${idPrefix(c.id)}'`,
      });
    }
    return { claims: claims.filter(belongs).sort((a, b) => compareIds(a.id, b.id)), errors, sources, papers };
  })();
  return cache;
}

/**
 * The paper manifests alone (each lemma folder's paper.ts), without importing the claims: what the
 * experiments registry and the worker threads need. Sorted by path, so the order is the same everywhere.
 */
export async function loadPapers(): Promise<PaperManifest[]> {
  const files = lemmaDirs()
    .flatMap(lemmaFiles)
    .filter((f) => basename(f) === 'paper.ts');
  const mods = await Promise.all(files.map(async (f) => (await import(pathToFileURL(f).href)) as Record<string, unknown>));
  return mods.flatMap((m) => Object.values(m).filter(isPaper));
}

/** All claims that loaded, in natural order of their ids (a corrected sibling right after the form it corrects). */
export async function loadClaims(): Promise<AnyClaim[]> {
  return (await loadRegistry()).claims;
}

/** The claim with this id, or undefined. */
export async function findClaim(id: string): Promise<AnyClaim | undefined> {
  return (await loadClaims()).find((c) => c.id === id);
}
