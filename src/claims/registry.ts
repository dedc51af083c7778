/**
 * The registry: every claim exported by a file under lemmas/. Adding a claim is adding (copying)
 * one file there; nothing else needs editing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyClaim } from './dispatch.ts';
import { isMonteCarloClaim } from './montecarlo.ts';
import { isSweepClaim } from './sweep.ts';
import { isClaim } from './types.ts';

const LEMMAS_DIR = fileURLToPath(new URL('../../lemmas/', import.meta.url));

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

let cache: Promise<AnyClaim[]> | null = null;

/** All claims, in natural order of their ids (a corrected sibling right after the form it corrects). */
export function loadClaims(): Promise<AnyClaim[]> {
  cache ??= (async () => {
    const claims: AnyClaim[] = [];
    for (const file of lemmaFiles(LEMMAS_DIR)) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      claims.push(...(Object.values(mod).filter((v) => isClaim(v) || isMonteCarloClaim(v) || isSweepClaim(v)) as AnyClaim[]));
    }
    const seen = new Set<string>();
    for (const c of claims) {
      if (seen.has(c.id)) throw new Error(`claim id '${c.id}' is defined twice under lemmas/`);
      seen.add(c.id);
    }
    for (const c of claims)
      if (c.corrected && !seen.has(c.corrected)) throw new Error(`${c.id} names a corrected sibling '${c.corrected}' that does not exist`);
    return claims.sort((a, b) => compareIds(a.id, b.id));
  })();
  return cache;
}

/** The claim with this id, or undefined. */
export async function findClaim(id: string): Promise<AnyClaim | undefined> {
  return (await loadClaims()).find((c) => c.id === id);
}
