/**
 * Runs a claim as a fast-check property and returns a verdict record: holds, refuted (with the
 * shrunk counterexample, its seed and path, graded margins and a replay command), vacuous, or error.
 */
import fc from 'fast-check';
import { normalisedMargin } from './compare.ts';
import { CoverageTally, describeViolation, HypothesisTally } from './hypotheses.ts';
import { toJson } from './serialise.ts';
import { grade, relativeTolerance } from './tolerance.ts';
import type { Claim, ConstantValues } from './types.ts';
import { PowerTracker } from './power.ts';
import {
  claimSeed,
  DEFAULT_SEED,
  type EvaluatedComparison,
  identification,
  numRunsFor,
  provenance,
  type RunOptions,
  SABOTAGED,
  type VerdictRecord,
} from './record.ts';

/** The claim with its sabotage applied; expected verdict `refuted`. */
export function sabotagedVariant<X>(claim: Claim<X>): Claim<X> {
  const s = claim.sabotage;
  const constants = claim.constants
    ? Object.fromEntries(
        Object.entries(claim.constants).map(([k, spec]) => [
          k,
          s.constants?.[k] ? { ...spec, printed: s.constants[k], formula: `${spec.formula} (sabotaged)` } : spec,
        ]),
      )
    : undefined;
  return {
    ...claim,
    id: `${claim.id}${SABOTAGED}`,
    statement: `${claim.statement} — SABOTAGED: ${s.description}`,
    constants,
    check: s.check ?? claim.check,
    expected: 'refuted',
    erratum: undefined,
  };
}

class NonFiniteValue extends Error {}

/** An exception thrown by a check (as opposed to a property that returned false). */
class CheckFailure extends Error {}

/** The printed constants' values at an instance. */
export function constantValues<X>(claim: Claim<X>, x: X): ConstantValues {
  return Object.fromEntries(Object.entries(claim.constants ?? {}).map(([k, spec]) => [k, spec.printed(x)]));
}

/** Evaluates a claim's check on one instance, with margins against the kind's tolerance. */
export function evaluate<X>(claim: Claim<X>, x: X): EvaluatedComparison[] {
  const tolerance = relativeTolerance(claim.kind, claim.size(x));
  return claim.check(x, constantValues(claim, x)).map((c) => {
    if (![c.lhs, c.rhs, c.slack, c.scale].every(Number.isFinite))
      throw new NonFiniteValue(`non-finite value in '${c.label}' (lhs ${c.lhs}, rhs ${c.rhs}, scale ${c.scale})`);
    const margin = normalisedMargin(c);
    const passes = margin >= -tolerance;
    return { ...c, margin, tolerance, passes, ...(passes ? {} : { grades: grade(margin), toleranceMultiples: -margin / tolerance }) };
  });
}

function replayCommand(id: string, globalSeed: number, path: string, extra?: string): string {
  const base = id.endsWith(SABOTAGED) ? `${id.slice(0, -SABOTAGED.length)} --sabotaged` : id;
  return `npx tsx src/cli.ts check ${base}${extra ? ` ${extra}` : ''} --seed ${globalSeed} --path ${path}`;
}

/** Runs the claim and returns its verdict record. Never throws for a failing or broken check. */
export function runClaim<X>(claim: Claim<X>, opts: RunOptions = {}): VerdictRecord {
  const start = performance.now();
  const globalSeed = opts.seed ?? DEFAULT_SEED;
  const seed = claimSeed(globalSeed, claim.id);
  const numRuns = numRunsFor(claim, opts);
  let runs = 0;
  let vacuousRuns = 0;
  let worstMargin: number | null = null;
  let worstLabel: string | null = null;
  const witnessBest: Record<string, { printed: number; best: number }> = {};
  const hypotheses = new HypothesisTally(claim.hypotheses);
  const coverage = new CoverageTally(claim.hypotheses);
  // After the first failure fast-check only shrinks: coverage describes the generated instances.
  let shrinking = false;
  const power = new PowerTracker(claim.kind, Object.keys(claim.witness ?? {}), claim.powerNotes);

  const body = (x: X): boolean => {
    runs++;
    if (!shrinking) coverage.add(x);
    let violated: string[];
    try {
      violated = hypotheses.check(x);
    } catch (e) {
      throw new CheckFailure(e instanceof Error ? e.message : String(e));
    }
    // An instance outside the hypotheses is a builder bug unless the user asked for it (--set, explore).
    if (violated.length > 0 && claim.beyondHypotheses === undefined)
      throw new CheckFailure(
        `the instance builder of ${claim.id} produced an instance outside hypothesis ${describeViolation(claim.hypotheses, violated)}: a bug of the builder, not a finding`,
      );
    let evaluated: EvaluatedComparison[];
    try {
      evaluated = evaluate(claim, x);
    } catch (e) {
      throw new CheckFailure(e instanceof Error ? e.message : String(e));
    }
    if (evaluated.length === 0) vacuousRuns++;
    for (const c of evaluated) power.comparison(c, c.tolerance);
    for (const c of evaluated) if (worstMargin === null || c.margin < worstMargin) [worstMargin, worstLabel] = [c.margin, c.label];
    for (const [name, w] of Object.entries(claim.witness ?? {})) {
      const value = w(x, relativeTolerance(claim.kind, claim.size(x)));
      power.witness(name, value, claim.constants?.[name]?.printed(x) ?? NaN);
      if (Number.isFinite(value) && (!(name in witnessBest) || value > witnessBest[name].best))
        witnessBest[name] = { best: value, printed: claim.constants?.[name]?.printed(x) ?? NaN };
    }
    return evaluated.every((c) => c.passes);
  };
  const property = fc.property(claim.instances, (x) => {
    try {
      const ok = body(x);
      if (!ok) shrinking = true;
      return ok;
    } catch (e) {
      shrinking = true;
      throw e;
    }
  });

  const record: VerdictRecord = {
    ...identification(claim),
    verdict: 'holds',
    runs: 0,
    vacuousRuns: 0,
    worstMargin: null,
    worstLabel: null,
    seed,
    globalSeed,
    timeMs: 0,
    ...provenance(claim),
  };

  try {
    const details = fc.check(property, { seed, numRuns, ...(opts.path ? { path: opts.path } : {}) });
    if (details.failed && details.counterexample && details.counterexamplePath !== null) {
      const [x] = details.counterexample;
      const path = details.counterexamplePath;
      if (details.errorInstance instanceof CheckFailure) {
        record.verdict = 'error';
        record.error = `${details.errorInstance.message} (on the instance in 'counterexample')`;
        record.counterexample = { instance: toJson(x), path, failing: [] };
      } else {
        record.verdict = 'refuted';
        const failing = evaluate(claim, x).filter((c) => !c.passes);
        record.counterexample = { instance: toJson(x), path, failing };
      }
      record.replay = replayCommand(claim.id, globalSeed, path, opts.replayArgs);
    } else if (details.failed) {
      record.verdict = 'error';
      record.error = String(details.errorInstance ?? 'the property failed without a counterexample');
    } else if (vacuousRuns === runs) {
      // No instance evaluated (runs = 0) or none applicable: nothing was checked, never 'holds'.
      record.verdict = 'vacuous';
    }
  } catch (e) {
    record.verdict = 'error';
    record.error = e instanceof Error ? e.message : String(e);
  }
  record.runs = runs;
  record.vacuousRuns = vacuousRuns;
  record.hypotheses = hypotheses.records;
  record.coverage = coverage.summary();
  if (claim.beyondHypotheses !== undefined)
    record.outsideHypotheses = { parameters: claim.beyondHypotheses, violated: hypotheses.records.filter((h) => h.violations > 0).map((h) => h.name) };
  record.worstMargin = worstMargin;
  record.worstLabel = worstLabel;
  if (Object.keys(witnessBest).length > 0)
    record.witnesses = Object.fromEntries(Object.entries(witnessBest).map(([k, w]) => [k, { ...w, ratio: w.best / w.printed }]));
  record.power = power.result();
  record.timeMs = Math.round(performance.now() - start);
  return record;
}
