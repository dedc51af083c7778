/**
 * `check --seeds LIST`: the check run once per global seed (LIST: `1,2,3`, `1..5`, or both mixed,
 * e.g. `2021,1..3`), each into DIR/seed-S/. A verdict is only worth something if it does not depend
 * on the seed, so the run reports, per claim, the verdicts seen (the claim's and its sabotaged
 * variant's) and exits 1 when a claim's verdict differs between seeds or is not as expected for
 * some seed. DIR/seeds.json holds the table.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../claims/types.ts';
import { UserError } from './errors.ts';

/** `1,2,3` / `1..5` / `2021,1..3` → the distinct seeds in the order given. */
export function parseSeedList(raw: string): number[] {
  const seeds: number[] = [];
  const bad = () => new UserError(`--seeds takes a list such as 1,2,3 or 1..5 (integers, ranges of at most 1000), got '${raw}'`);
  const integer = (s: string) => {
    if (!/^-?\d+$/.test(s.trim())) throw bad();
    const v = Number(s.trim());
    if (!Number.isSafeInteger(v) || v < -(2 ** 31) || v > 2 ** 31 - 1) throw bad();
    return v;
  };
  for (const part of raw.split(',')) {
    const range = /^(.*)\.\.(.*)$/.exec(part);
    if (range) {
      const [a, b] = [integer(range[1]), integer(range[2])];
      if (b < a || b - a >= 1000) throw bad();
      for (let s = a; s <= b; s++) seeds.push(s);
    } else seeds.push(integer(part));
  }
  if (seeds.length === 0) throw bad();
  return [...new Set(seeds)];
}

/** What one seed's results.json says about one claim. */
interface SeedVerdict {
  readonly verdict: Verdict;
  readonly expected: Verdict;
  readonly sabotage: Verdict | null;
}

export interface SeedRow {
  readonly id: string;
  /** Per seed (in the order run): the claim's verdict and its sabotaged variant's. */
  readonly bySeed: Readonly<Record<string, SeedVerdict>>;
  /** The claim's verdicts differ between seeds, or its sabotaged variant's do. */
  readonly differs: boolean;
  /** Every seed gave the expected verdict and a refuted sabotaged variant. */
  readonly asExpected: boolean;
}

/** Compares the per-seed results (seed → results.json content). */
export function compareSeeds(
  results: ReadonlyArray<{ seed: number; claims: ReadonlyArray<{ id: string; verdict: Verdict; expected: Verdict; sabotage?: { verdict: Verdict } }> }>,
): SeedRow[] {
  const ids = [...new Set(results.flatMap((r) => r.claims.map((c) => c.id)))];
  return ids.map((id) => {
    const bySeed: Record<string, SeedVerdict> = {};
    for (const r of results) {
      const c = r.claims.find((k) => k.id === id);
      if (c) bySeed[String(r.seed)] = { verdict: c.verdict, expected: c.expected, sabotage: c.sabotage?.verdict ?? null };
    }
    const seen = Object.values(bySeed);
    const differs = new Set(seen.map((v) => v.verdict)).size > 1 || new Set(seen.map((v) => v.sabotage)).size > 1 || seen.length !== results.length;
    const asExpected =
      seen.length === results.length &&
      seen.every((v) => v.verdict === v.expected && v.verdict !== 'inconclusive' && (v.sabotage === null || v.sabotage === 'refuted'));
    return { id, bySeed, differs, asExpected };
  });
}

function describe(row: SeedRow): string {
  return Object.entries(row.bySeed)
    .map(([s, v]) => `${s}: ${v.verdict}${v.sabotage && v.sabotage !== 'refuted' ? ` (sabotage ${v.sabotage})` : ''}`)
    .join(', ');
}

/** Runs `check` once per seed (via `runOne`, which returns its exit code) and reports the comparison. */
export async function checkSeeds(seeds: readonly number[], outDir: string, runOne: (seed: number, dir: string) => Promise<number>): Promise<number> {
  const results = [];
  const codes: number[] = [];
  for (const seed of seeds) {
    const dir = join(outDir, `seed-${seed}`);
    process.stderr.write(`\n== check --seed ${seed} → ${dir}\n`);
    codes.push(await runOne(seed, dir));
    results.push({ seed, ...JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) });
  }
  const rows = compareSeeds(results);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'seeds.json'), `${JSON.stringify({ seeds, claims: rows }, null, 2)}\n`);
  const out = process.stdout;
  const differing = rows.filter((r) => r.differs);
  const unexpected = rows.filter((r) => !r.differs && !r.asExpected);
  out.write(
    `\nseeds ${seeds.join(', ')}: ${rows.length} claims; ${rows.length - differing.length - unexpected.length} with the same, expected verdict for every seed; ${differing.length} whose verdict differs between seeds; ${unexpected.length} with the same verdict, not the expected one\n`,
  );
  for (const r of differing) out.write(`✗ verdict depends on the seed: ${r.id} — ${describe(r)}\n`);
  for (const r of unexpected) out.write(`✗ not as expected for any seed: ${r.id} — ${describe(r)}\n`);
  out.write(`wrote ${join(outDir, 'seeds.json')}\n`);
  return differing.length > 0 || unexpected.length > 0 || codes.some((c) => c !== 0) ? 1 : 0;
}
