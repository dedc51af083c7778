/**
 * The Claim type: one statement of a paper as data plus two functions (DESIGN.md).
 */
import type fc from 'fast-check';
import type { Comparison } from './compare.ts';
import type { ToleranceKind } from './tolerance.ts';
import type { ExactSpec } from '../exact/form.ts';
import type { SymbolicSpec } from '../exact/symbolic-spec.ts';
import type { Dec } from '../exact/decimal.ts';
import type { Hypothesis } from './hypotheses.ts';
import type { PowerNotes } from './power.ts';

/** A paper's id, as its manifest declares it (src/claims/paper.ts). */
export type Paper = string;

/** holds: no instance violates it; refuted: a (shrunk) instance does; vacuous: no instance met the
 *  hypotheses; error: the check could not be evaluated (an exception or a non-finite value);
 *  inconclusive (statistical claims: sweeps and Monte Carlo): a confidence interval neither inside
 *  nor outside the stated band — the data decide nothing, and no claim may expect it. */
export type Verdict = 'holds' | 'refuted' | 'vacuous' | 'error' | 'inconclusive';

/**
 * How much an erratum breaks: `breaks-result` (the stated lemma or theorem fails), `breaks-proof` (a
 * step fails while the result holds), `local` (a slip whose correction changes nothing downstream),
 * `extraction` (likely an artefact of the text copy of the paper).
 */
export type ErratumGrade = 'breaks-result' | 'breaks-proof' | 'local' | 'extraction';

/** The grade of an erratum, why, and what rests on the printed form. */
export interface ErratumGrading {
  readonly grade: ErratumGrade;
  /** Why this grade (for breaks-proof: what repairs the proof; for extraction: why it is likely an artefact). */
  readonly why: string;
  /** Later equations, steps, lemmas and theorems that use the printed form (claim ids or the paper's labels). */
  readonly dependents: ReadonlyArray<string>;
}

/**
 * Where an erratum says its printed form fails, as a predicate on the claim's instances. The failing
 * region's sample (src/claims/failing-region.ts) tests it: every failing instance must lie inside it
 * (a stated region that misses a failure is a wrong erratum text), and the share of the instances inside
 * it that fail says how tight it is. The erratum text need not repeat it: reports print it beside the
 * measured region.
 */
export interface StatedRegion<X> {
  /** The region in the paper's symbols ("λ_r(A_tA_tᵀ − B_tB_tᵀ) < 0.79σ_r", "every admissible instance"). */
  readonly text: string;
  readonly contains: (x: X) => boolean;
}

/** An inequality's high-precision re-evaluation (`check --rigorous`, src/claims/high-precision.ts). */
export interface HighPrecisionSpec<X> {
  /** How the sides are computed in high precision (e.g. which eigenvalues, by what). */
  readonly method: string;
  /** rhs − lhs of each comparison of `check`, in the same order, in DIGITS-digit arithmetic
   *  (method syntax, like the claim's own functions, so Claim<X> stays assignable to Claim). */
  slack(x: X, c: ConstantValues): Dec[];
}

/** A printed constant of the statement (e.g. C(β) = (8+6β)/(1−β)). */
export interface ConstantSpec<X> {
  /** Its printed value, possibly depending on the instance's parameters. */
  readonly printed: (x: X) => number;
  /** The printed formula, for reports. */
  readonly formula: string;
}

/** What a check sees: the constants' values at this instance (printed, or overridden). */
export type ConstantValues = Readonly<Record<string, number>>;

/** A hypothesis (or an O(·) choice) that `explore` can push beyond its stated limit. */
export interface ParameterSpec {
  /** What the number is, e.g. 'η as a multiple of β/(8σ₁)'. */
  readonly description: string;
  /** The range the hypothesis (or the recorded choice) allows. */
  readonly allowed: readonly [number, number];
  /** The default range `explore` (and the report) scans beyond it. */
  readonly explore: readonly [number, number];
  readonly scale: 'linear' | 'log';
}

/** The claim's instances as a function of its parameters (a parameter left out is sampled over its allowed range). */
interface ClaimParameters<X> {
  readonly specs: Readonly<Record<string, ParameterSpec>>;
  readonly instances: (fixed: Readonly<Record<string, number>>) => fc.Arbitrary<X>;
}

/** The deliberately broken variant that must be refuted by the same runner. */
export interface Sabotage<X> {
  /** What was broken (a constant made too small, a term dropped, a sign flipped). */
  readonly description: string;
  /** Replacement constant values. */
  readonly constants?: Readonly<Record<string, (x: X) => number>>;
  /** A replacement check (for a dropped term or a flipped sign). */
  readonly check?: (x: X, c: ConstantValues) => Comparison[];
}

export interface Claim<X = unknown> {
  /** The catalog id (CLAIMS.md), e.g. 'yd21.lemma-3.2'; a corrected form ends in '/corrected'. */
  readonly id: string;
  readonly source: { readonly paper: Paper; readonly where: string };
  readonly kind: ToleranceKind;
  /** The statement as printed (or, for a corrected sibling, as derived). */
  readonly statement: string;
  /** The hypotheses in force where the claim is printed, as predicates the runner evaluates on
   *  every instance (the builder satisfies them by construction; the predicates check it did). */
  readonly hypotheses: ReadonlyArray<Hypothesis<X>>;
  /** Set by `withParameters` when a parameter lies past its allowed range: instances outside a
   *  hypothesis are then what the user asked for (recorded, reported as a boundary result), not a builder bug. */
  readonly beyondHypotheses?: string;
  /** Constants hidden in O(·) that the check had to choose, with the choice. */
  readonly choices?: Readonly<Record<string, string>>;
  readonly constants?: Readonly<Record<string, ConstantSpec<X>>>;
  /** Instances satisfying the hypotheses by construction. */
  readonly instances: fc.Arbitrary<X>;
  /** The largest matrix dimension of an instance (n in the tolerance γ_n). */
  readonly size: (x: X) => number;
  /** The printed relation(s) on one instance; an empty list means the hypotheses did not apply. */
  readonly check: (x: X, c: ConstantValues) => Comparison[];
  /**
   * Per constant: the smallest value this instance needs for the check to pass within tolerance
   * (`tol` is the relative tolerance of the kind at this instance: subtract tol·scale from the
   * deficit so rounding is never counted as need). Negative when the instance needs none.
   */
  readonly witness?: Readonly<Record<string, (x: X, tol: number) => number>>;
  readonly expected: Verdict;
  /** For a printed form that is false: what is wrong and where. */
  readonly erratum?: string;
  /** For a printed form that is false: how much it breaks and what depends on it. */
  readonly grading?: ErratumGrading;
  /** For a printed form that is false: where it fails, as a predicate the failing region tests. */
  readonly failsWhere?: StatedRegion<X>;
  /** Id of the corrected sibling, on a refuted printed form; on a sibling, the id it corrects. */
  readonly corrected?: string;
  readonly corrects?: string;
  readonly sabotage: Sabotage<X>;
  /** Default number of fast-check runs (the CLI's --runs overrides it). */
  readonly runs?: number;
  /** Larger instances for a profile (`check --profile thorough`): the builder and the hypotheses'
   *  coordinate domains at that size. The hypotheses' predicates are the same statement. */
  readonly profiles?: Readonly<Record<string, Pick<Claim<X>, 'instances' | 'hypotheses'>>>;
  /** Hypotheses and O(·) choices that can be pushed past their limits (`explore`). */
  readonly parameters?: ClaimParameters<X>;
  /** The most evaluations the report's audit spends on each constant (for a claim whose instances
   *  are whole trajectories, so the default budget would take minutes); default: the audit's budget. */
  readonly auditBudget?: number;
  /** An identity's exact form (`check --rigorous`: exact-rational certificate or counterexample), or why it has none. */
  readonly exact?: ExactSpec;
  /**
   * An identity's symbolic proof (`check --rigorous`, src/exact/symbolic-spec.ts): the printed minus
   * the true form from the definitions, in letters; 0 in the free algebra with involution is rigor
   * 'proved' (every dimension), a nonzero normal form is recorded as the exact difference.
   */
  readonly symbolic?: SymbolicSpec;
  /** Which conditions hold by construction and so carry no content (reported, never the claim's power). */
  readonly powerNotes?: PowerNotes;
  /** An inequality's high-precision re-evaluation of near-boundary instances (`check --rigorous`). */
  readonly highPrecision?: HighPrecisionSpec<X>;
}

/** What a claim id looks like: the paper, then lower-case words, digits, '.' and '-'; '/corrected' for a corrected sibling. */
/** A claim id: the paper's prefix (its manifest's), a dot, the place (lower case, digits, '.', '-'), and '/corrected' on a corrected sibling. */
export const CLAIM_ID = /^[a-z][a-z0-9]*\.[a-z0-9.-]+(\/corrected)?$/;

/** Throws on a malformed claim id (every kind of claim's define… calls it). */
export function requireClaimId(id: string): void {
  if (!CLAIM_ID.test(id)) throw new Error(`malformed claim id '${id}'`);
}

/** Declares a claim; an identity function that fixes the instance type. */
export function defineClaim<X>(claim: Claim<X>): Claim<X> {
  requireClaimId(claim.id);
  if (claim.expected === 'inconclusive') throw new Error(`${claim.id}: no claim may expect 'inconclusive' (it decides nothing)`);
  if (claim.expected === 'refuted' && (!claim.erratum || !claim.corrected))
    throw new Error(`${claim.id}: a claim expected refuted needs an erratum note and a corrected sibling`);
  return claim;
}

export function isClaim(value: unknown): value is Claim {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Claim).id === 'string' &&
    typeof (value as Claim).check === 'function' &&
    'instances' in value
  );
}
