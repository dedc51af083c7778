/**
 * What a check run is, as the reports read it: each claim's record with its sabotaged variant and
 * audit, and the judgements every report shares (as expected, errata by grade, number formats,
 * counterexample file names). Imports no other report module: the model (model.ts), FINDINGS
 * (findings.ts) and the writers (results.ts, markdown.ts, html.ts) import this one.
 */
import type { VerdictRecord } from '../claims/record.ts';
import type { ErratumGrade } from '../claims/types.ts';
import type { BoundaryEntry, SlackEntry } from '../search/audit.ts';

/** A claim's record with the record of its sabotaged variant and its audit (slack, boundaries). */
export interface CheckedClaim {
  readonly record: VerdictRecord;
  readonly sabotage: VerdictRecord | null;
  readonly slack?: SlackEntry[];
  readonly boundaries?: BoundaryEntry[];
}

export interface CheckRun {
  readonly seed: number;
  readonly claims: ReadonlyArray<CheckedClaim>;
  /** `check --shard i/n`: which slice this run is (recorded in run.json, so `report merge` can tell a missing shard). */
  readonly shard?: { readonly index: number; readonly count: number };
}

/** True when a claim's verdict equals its expected one and its sabotaged variant (if run) was refuted. */
export function claimAsExpected(c: CheckedClaim): boolean {
  // An inconclusive verdict decided nothing, so it is never what was expected.
  return c.record.verdict !== 'inconclusive' && c.record.verdict === c.record.expected && (!c.sabotage || c.sabotage.verdict === 'refuted');
}

/** True when every verdict (claims and sabotaged variants) equals its expected verdict. */
export function allAsExpected(run: CheckRun): boolean {
  return run.claims.every(claimAsExpected);
}

/** The file name of a claim's counterexample (under counterexamples/) and of other per-claim files. */
export function fileNameFor(id: string): string {
  return `${id.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`;
}

/** A margin or statistic in exponent notation; — for none (null, or non-finite). */
export function fmt(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toExponential(digits);
}

/** `check --rigorous`: how many verdicts were certified, decided in high precision, or left to floating point. */
export function rigorCounts(run: CheckRun): string {
  const records = run.claims.map((c) => c.record).filter((r) => r.rigor);
  const n = (k: string) => records.filter((r) => r.rigor === k).length;
  return `${n('proved')} proved (symbolic, every dimension), ${n('certified')} certified (exact rational), ${n('high-precision')} high-precision, ${n('floating-point')} floating-point`;
}

/** The grades of an erratum, most severe first, with what each means (reports group errata by them). */
export const ERRATUM_GRADES: ReadonlyArray<{ grade: ErratumGrade; meaning: string }> = [
  { grade: 'breaks-result', meaning: 'the stated lemma or theorem fails' },
  { grade: 'breaks-proof', meaning: 'a step fails while the result holds' },
  { grade: 'local', meaning: 'a slip whose correction changes nothing downstream' },
  { grade: 'extraction', meaning: 'likely an artefact of the text copy of the paper' },
];

/** The claims carrying an erratum, ordered by grade (most severe first; ungraded last), then as checked. */
export function errataByGrade(claims: ReadonlyArray<CheckedClaim>): CheckedClaim[] {
  const rank = (c: CheckedClaim) => {
    const i = ERRATUM_GRADES.findIndex((g) => g.grade === c.record.grade);
    return i < 0 ? ERRATUM_GRADES.length : i;
  };
  return claims
    .filter((c) => c.record.erratum)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

/** JSON with each array of numbers (a matrix row, a vector) on one line: valid JSON a person can read. */
export function readableJson(v: unknown, indent = ''): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => x === null || typeof x !== 'object')) return `[${v.map((x) => JSON.stringify(x) ?? 'null').join(', ')}]`;
    return `[\n${v.map((x) => inner + readableJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${readableJson(x, inner)}`).join(',\n')}\n${indent}}`;
}
