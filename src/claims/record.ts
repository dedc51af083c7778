/**
 * The verdict record every runner returns and every report reads, with what names it: the seeds,
 * the identification and provenance fields, the sabotaged suffix. A leaf of src/claims: it imports
 * only types, so the runners (runner.ts, montecarlo-runner.ts, sweep-runner.ts) and the reports
 * depend on it and never on each other.
 */
import type { Comparison } from './compare.ts';
import type { CoverageRecord, HypothesisRecord } from './hypotheses.ts';
import type { MonteCarloSetting } from './montecarlo.ts';
import type { Power } from './power.ts';
import type { Json } from './serialise.ts';
import type { SweepResult } from './sweep.ts';
import type { Claim, ErratumGrade, ErratumGrading, Verdict } from './types.ts';
import type { ExactCertificate, ExactCounterexample } from '../exact/certify.ts';

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
interface CoordinateRegion {
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
  grade?: ErratumGrade;
  gradeReason?: string;
  dependents?: string[];
  corrected?: string;
  corrects?: string;
  sabotage?: string;
  /** For a probabilistic claim: the Monte Carlo estimate per setting (see montecarlo-runner.ts). */
  montecarlo?: { alpha: number; settings: ReadonlyArray<MonteCarloSetting> };
  /** For a scaling or experiment claim: the relations evaluated on the sweep, its estimates and data (sweep-runner.ts). */
  sweep?: SweepResult;
  /** `check --rigorous` (src/claims/rigorous.ts): how the verdict was decided. */
  rigor?: Rigor;
  /** `check --rigorous`: the floating-point verdict, when the rigorous one replaced it. */
  floatVerdict?: Verdict;
  /** `check --rigorous`, identities: the exact-rational certificate, or the exact counterexample, or why there is none. */
  certificate?: ExactCertificate;
  exactCounterexample?: ExactCounterexample;
  exactSkipped?: string;
  exactError?: string;
  /** `check --rigorous`, identities with Claim.symbolic: the relations outside the free algebra a symbolic proof needed (rigor stays 'certified'). */
  symbolicModulo?: readonly string[];
  /** `check --rigorous`, identities with Claim.symbolic: the printed minus the true form, exactly, in the letters of `symbolicLetters`, when nonzero. */
  symbolicResidual?: string;
  symbolicLetters?: string;
  /** `check --rigorous`, inequalities: the high-precision re-check of near-boundary instances. */
  highPrecision?: HighPrecisionResult;
  /** What the check could have seen: how far the statement could be strengthened and still hold on
   *  every instance checked (power.ts); null when nothing was compared. */
  power?: Power | null;
  timeMs: number;
}

/** How `check --rigorous` decided a verdict (src/claims/rigorous.ts), strongest first. */
type Rigor = 'proved' | 'certified' | 'high-precision' | 'floating-point';

/** One near-boundary instance re-checked in high precision (src/claims/high-precision.ts). */
export interface RecheckedInstance {
  readonly label: string;
  readonly floatMargin: number;
  readonly highPrecisionMargin: number;
  /** The high-precision slack, 30 significant digits. */
  readonly highPrecisionSlack: string;
  readonly floatPasses: boolean;
  readonly highPrecisionPasses: boolean;
  readonly instance: Json;
}

export interface HighPrecisionResult {
  readonly method: string;
  readonly digits: number;
  readonly threshold: number;
  readonly instancesScanned: number;
  /** Instances re-checked (near the boundary), lowest float margin first. */
  readonly rechecked: ReadonlyArray<RecheckedInstance>;
  /** The verdict the high-precision margins give ('holds' unless some re-checked comparison fails in high precision). */
  readonly verdict: 'holds' | 'refuted';
  /** The floating-point verdict on the same instances. */
  readonly floatVerdict: 'holds' | 'refuted';
  readonly timeMs: number;
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
  readonly grading?: ErratumGrading;
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

/** The number of fast-check runs `runClaim` makes for this claim with these options. */
// biome-ignore lint/suspicious/noExplicitAny: a claim of any instance type (its check is contravariant in it, so unknown would not do)
export function numRunsFor(claim: Claim<any>, opts: RunOptions = {}): number {
  return opts.runs ?? Math.max(1, Math.round((claim.runs ?? DEFAULT_RUNS[claim.kind]) * (opts.runsScale ?? 1)));
}
