/**
 * Runs a claim as a fast-check property and returns a verdict record: holds, refuted (with the
 * shrunk counterexample, its seed and path, graded margins and a replay command), vacuous, or error.
 */
import fc from 'fast-check';
import { type Comparison, normalisedMargin } from './compare.ts';
import { type CoverageRecord, CoverageTally, describeViolation, type HypothesisRecord, HypothesisTally } from './hypotheses.ts';
import { type Json, toJson } from './serialise.ts';
import { grade, relativeTolerance } from './tolerance.ts';
import type { Claim, ConstantValues, Verdict } from './types.ts';
import { type Power, PowerTracker } from './power.ts';

/** The default global seed of `check` (any integer works; this one is the NeurIPS 2021 year). */
export const DEFAULT_SEED = 2021;

/** Default number of fast-check runs per kind (a claim's own `runs` and --runs override it). */
export const DEFAULT_RUNS = { identity: 200, inequality: 2000, trajectory: 25 } as const;

export interface RunOptions {
  /** Number of instances (overrides the claim's default). */
  runs?: number;
  /** Multiplies the claim's default number of instances (a profile such as `thorough`). */
  runsScale?: number;
  /** The global seed; each claim's own seed is derived from it and the claim's id. */
  seed?: number;
  /** Replay one fast-check path (from a refuted record) instead of searching. */
  path?: string;
  /** Extra CLI arguments that select the same instances (e.g. "--set etaFactor=2"), for the replay command. */
  replayArgs?: string;
}

export interface EvaluatedComparison extends Comparison {
  /** slack/scale; negative = violated before tolerance. */
  readonly margin: number;
  /** Relative tolerance this comparison was held to. */
  readonly tolerance: number;
  readonly passes: boolean;
  readonly grades?: Record<string, 'fails' | 'passes'>;
  /** margin/tolerance on a failure: how many tolerances past the boundary (≫ 1: not rounding). */
  readonly toleranceMultiples?: number;
}

/** Where an erratum's printed form fails, per coordinate of its hypotheses (src/claims/failing-region.ts). */
export interface CoordinateRegion {
  readonly domain: readonly [number, number];
  /** Range over all instances sampled, and over the failing ones (null when none failed). */
  readonly all: readonly [number, number];
  readonly failing: readonly [number, number] | null;
  /** Per fifth of the domain: [instances, failing]. */
  readonly bins: ReadonlyArray<readonly [number, number]>;
}

export interface FailingRegion {
  readonly seed: number;
  readonly instances: number;
  readonly failing: number;
  /** Instances whose evaluation threw (not counted either way). */
  readonly errors: number;
  readonly coordinates: Record<string, CoordinateRegion>;
  /** The erratum's stated region (Claim.failsWhere) against the sample: how many instances lie inside
   *  it, how many of those fail, and how many failing instances lie outside it (0 when the text is right). */
  readonly stated?: { readonly text: string; readonly inside: number; readonly failingInside: number; readonly failingOutside: number };
  /** The most negative normalised margin among the failing comparisons, and where. */
  readonly worst: { readonly margin: number; readonly label: string; readonly at: Record<string, number> } | null;
}

export interface VerdictRecord {
  id: string;
  paper: string;
  where: string;
  kind: string;
  statement: string;
  expected: Verdict;
  verdict: Verdict;
  /** Instances evaluated (including shrinking steps). */
  runs: number;
  /** Instances on which no comparison applied (the hypotheses of a step did not hold). */
  vacuousRuns: number;
  /** Every hypothesis in force, with the instances it was evaluated on and violated. */
  hypotheses?: HypothesisRecord[];
  /** Per coordinate the hypotheses bound: its spread over the generated instances (not the shrink steps). */
  coverage?: Record<string, CoverageRecord>;
  /** Set when the user pushed a parameter past its allowed range (`--set`, `explore`): the verdict is a
   *  boundary result about the hypotheses named here, never an erratum of the paper. */
  outsideHypotheses?: { parameters: string; violated: string[] };
  /** The smallest normalised margin over every instance evaluated, including the unshrunk failing
   *  one (negative = violated); null if nothing was compared. The counterexample has its own. */
  worstMargin: number | null;
  /** The comparison that attained it. */
  worstLabel: string | null;
  /** This claim's fast-check seed (derived from the global seed and the id). */
  seed: number;
  globalSeed: number;
  /** For each printed constant: its value and the largest witness found (a lower bound on what is needed). */
  witnesses?: Record<string, { printed: number; best: number; ratio: number }>;
  choices?: Record<string, string>;
  counterexample?: { instance: Json; path: string; failing: EvaluatedComparison[] };
  replay?: string;
  error?: string;
  erratum?: string;
  /** For an erratum: where in the hypotheses' domain the printed form fails (a sample of instances). */
  failingRegion?: FailingRegion;
  /** For an erratum: its grade, why, and what depends on the printed form. */
  grade?: import('./types.ts').ErratumGrade;
  gradeReason?: string;
  dependents?: string[];
  corrected?: string;
  corrects?: string;
  sabotage?: string;
  /** For a probabilistic claim: the Monte Carlo estimate per setting (see montecarlo-runner.ts). */
  montecarlo?: { alpha: number; settings: ReadonlyArray<import('./montecarlo-runner.ts').MonteCarloSetting> };
  /** For a scaling or experiment claim: the relations evaluated on the sweep, its estimates and data (sweep-runner.ts). */
  sweep?: import('./sweep-runner.ts').SweepResult;
  /** `check --rigorous` (src/claims/rigorous.ts): how the verdict was decided. */
  rigor?: import('./rigorous.ts').Rigor;
  /** `check --rigorous`: the floating-point verdict, when the rigorous one replaced it. */
  floatVerdict?: Verdict;
  /** `check --rigorous`, identities: the exact-rational certificate, or the exact counterexample, or why there is none. */
  certificate?: import('../exact/certify.ts').ExactCertificate;
  exactCounterexample?: import('../exact/certify.ts').ExactCounterexample;
  exactSkipped?: string;
  exactError?: string;
  /** `check --rigorous`, inequalities: the high-precision re-check of near-boundary instances. */
  highPrecision?: import('../exact/high-precision.ts').HighPrecisionResult;
  /** What the check could have seen: how far the statement could be strengthened and still hold on
   *  every instance checked (power.ts); null when nothing was compared. */
  power?: Power | null;
  timeMs: number;
}

/** FNV-1a of `${globalSeed}:${id}`, as a non-negative 31-bit integer. */
export function claimSeed(globalSeed: number, id: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${globalSeed}:${id}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h & 0x7fffffff;
}

/** The suffix of a sabotaged variant's id. */
export const SABOTAGED = '~sabotaged';

/** What names a claim in its record (the same fields for every kind of claim). */
export function identification(claim: {
  readonly id: string;
  readonly source: { readonly paper: string; readonly where: string };
  readonly kind: string;
  readonly statement: string;
  readonly expected: Verdict;
}): Pick<VerdictRecord, 'id' | 'paper' | 'where' | 'kind' | 'statement' | 'expected'> {
  return { id: claim.id, paper: claim.source.paper, where: claim.source.where, kind: claim.kind, statement: claim.statement, expected: claim.expected };
}

/** What every kind of claim carries into its record: its choices, erratum, corrected sibling, and
 *  (on a sabotaged variant) what was sabotaged. */
export function provenance(claim: {
  readonly id: string;
  readonly choices?: Readonly<Record<string, string>>;
  readonly erratum?: string;
  readonly grading?: import('./types.ts').ErratumGrading;
  readonly corrected?: string;
  readonly corrects?: string;
  readonly sabotage: { readonly description: string };
}): Pick<VerdictRecord, 'choices' | 'erratum' | 'grade' | 'gradeReason' | 'dependents' | 'corrected' | 'corrects' | 'sabotage'> {
  const sabotaged = claim.id.endsWith(SABOTAGED);
  return {
    ...(claim.choices ? { choices: { ...claim.choices } } : {}),
    ...(claim.erratum ? { erratum: claim.erratum } : {}),
    ...(claim.grading && !sabotaged ? { grade: claim.grading.grade, gradeReason: claim.grading.why, dependents: [...claim.grading.dependents] } : {}),
    ...(claim.corrected ? { corrected: claim.corrected } : {}),
    ...(claim.corrects ? { corrects: claim.corrects } : {}),
    ...(sabotaged ? { sabotage: claim.sabotage.description } : {}),
  };
}

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

function constantValues<X>(claim: Claim<X>, x: X): ConstantValues {
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

/** The number of fast-check runs `runClaim` makes for this claim with these options. */
export function numRunsFor(claim: Claim<any>, opts: RunOptions = {}): number {
  return opts.runs ?? Math.max(1, Math.round((claim.runs ?? DEFAULT_RUNS[claim.kind]) * (opts.runsScale ?? 1)));
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
      throw new CheckFailure(`the instance builder of ${claim.id} produced an instance outside hypothesis ${describeViolation(claim.hypotheses, violated)}: a bug of the builder, not a finding`);
    let evaluated: EvaluatedComparison[];
    try {
      evaluated = evaluate(claim, x);
    } catch (e) {
      throw new CheckFailure(e instanceof Error ? e.message : String(e));
    }
    if (evaluated.length === 0) vacuousRuns++;
    for (const c of evaluated) power.comparison(c, c.tolerance);
    for (const c of evaluated)
      if (worstMargin === null || c.margin < worstMargin) [worstMargin, worstLabel] = [c.margin, c.label];
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
    record.witnesses = Object.fromEntries(
      Object.entries(witnessBest).map(([k, w]) => [k, { ...w, ratio: w.best / w.printed }]),
    );
  record.power = power.result();
  record.timeMs = Math.round(performance.now() - start);
  return record;
}
