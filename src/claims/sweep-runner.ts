/**
 * Runs a sweep claim (sweep.ts): runs the sweep once from the claim's seed, evaluates the stated
 * relations on its data, and returns a verdict record of the runner's shape with the relations,
 * the fitted estimates and the data table.
 */
import { claimSeed, DEFAULT_SEED, identification, provenance, SABOTAGED, type VerdictRecord } from './record.ts';
import type { Figure } from '../experiments/figures.ts';
import { describeViolation, HypothesisTally } from './hypotheses.ts';
import type { Relation, SweepClaim, SweepResult } from './sweep.ts';
import { headline, relationPower } from './power.ts';

export interface SweepOptions {
  seed?: number;
  /** Repetitions per sweep point (overrides the claim's default). */
  repeats?: number;
  /** Multiplies the claim's default repetitions (a profile). */
  repeatsScale?: number;
}

/** Data of a sweep already run, by claim id, seed and repeats (the sabotage reuses the original's run). */
const runs = new Map<string, unknown>();

function baseId(id: string): string {
  return id.endsWith(SABOTAGED) ? id.slice(0, -SABOTAGED.length) : id;
}

/** The claim with its sabotage applied (expected refuted), evaluated on the same data. */
export function sweepSabotaged<D>(claim: SweepClaim<D>): SweepClaim<D> {
  const s = claim.sabotage;
  return {
    ...claim,
    id: `${claim.id}${SABOTAGED}`,
    statement: `${claim.statement} — SABOTAGED: ${s.description}`,
    stated: Object.fromEntries(
      Object.entries(claim.stated).map(([k, spec]) => [k, s.stated?.[k] !== undefined ? { ...spec, printed: () => s.stated![k] } : spec]),
    ),
    relations: s.relations ?? claim.relations,
    expected: 'refuted',
    erratum: undefined,
  };
}

/** The seed and repeats a run of the claim with these options uses. */
function runParameters(claim: SweepClaim<unknown>, opts: SweepOptions): { globalSeed: number; id: string; seed: number; repeats: number } {
  const globalSeed = opts.seed ?? DEFAULT_SEED;
  const id = baseId(claim.id);
  return { globalSeed, id, seed: claimSeed(globalSeed, id), repeats: opts.repeats ?? Math.max(1, Math.round(claim.repeats * (opts.repeatsScale ?? 1))) };
}

/** The sweep's data for these options: run once, then reused (by the sabotage and the figures). */
function sweepData<D>(claim: SweepClaim<D>, opts: SweepOptions): D {
  const { id, seed, repeats } = runParameters(claim as SweepClaim<unknown>, opts);
  const key = `${id}:${seed}:${repeats}`;
  if (!runs.has(key)) runs.set(key, claim.run(String(seed), { repeats }));
  return runs.get(key) as D;
}

/** The claim's figures on the data of its run with these options (none when it declares none). */
export function sweepFigures<D>(claim: SweepClaim<D>, opts: SweepOptions = {}): Figure[] {
  if (!claim.figures) return [];
  return claim.figures(sweepData(claim, opts), String(runParameters(claim as SweepClaim<unknown>, opts).seed));
}

export function runSweep<D>(claim: SweepClaim<D>, opts: SweepOptions = {}): VerdictRecord {
  const start = performance.now();
  const { globalSeed, id, seed, repeats } = runParameters(claim as SweepClaim<unknown>, opts);
  const stated = Object.fromEntries(Object.entries(claim.stated).map(([k, spec]) => [k, spec.printed()]));
  let relations: Relation[] = [];
  let estimates: Record<string, number> | undefined;
  let table: ReadonlyArray<Record<string, number | string>> | undefined;
  let error: string | undefined;
  const hypotheses = new HypothesisTally(claim.hypotheses);
  try {
    const data = sweepData(claim, opts);
    const violated = hypotheses.check(data);
    if (violated.length > 0)
      throw new Error(`the sweep of ${claim.id} ran outside hypothesis ${describeViolation(claim.hypotheses, violated)}: a bug of the sweep, not a finding`);
    relations = claim.relations(data, stated);
    estimates = claim.estimates?.(data);
    table = claim.table?.(data);
    const bad = relations.find((r) => Number.isNaN(r.observed));
    if (bad) throw new Error(`relation '${bad.name}' evaluated to NaN`);
    if (relations.length === 0) throw new Error('the sweep stated no relation');
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const failing = relations.filter((r) => !r.holds);
  const refuted = failing.some((r) => !r.inconclusive);
  const verdict = error ? 'error' : refuted ? 'refuted' : failing.length ? 'inconclusive' : 'holds';
  const sabotaged = claim.id.endsWith(SABOTAGED);
  const sweep: SweepResult = { repeats, relations, ...(estimates ? { estimates } : {}), ...(table ? { table } : {}) };
  return {
    ...identification(claim),
    verdict,
    runs: repeats,
    vacuousRuns: 0,
    worstMargin: null,
    worstLabel: failing.length ? failing.map((r) => r.name).join('; ') : null,
    hypotheses: hypotheses.records,
    seed,
    globalSeed,
    sweep,
    power: headline(relations.map((r) => relationPower(r.name, r.interval, r.range))),
    ...(verdict === 'refuted' || verdict === 'inconclusive'
      ? {
          replay: `npx tsx src/cli.ts check ${sabotaged ? `${id} --sabotaged` : id} --seed ${globalSeed}${opts.repeats !== undefined ? ` --runs ${opts.repeats}` : ''}`,
        }
      : {}),
    ...(error ? { error } : {}),
    ...provenance(claim),
    timeMs: Math.round(performance.now() - start),
  };
}
