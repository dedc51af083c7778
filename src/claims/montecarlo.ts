/**
 * Probabilistic claims ("with probability at least p over the random initialisation, the event
 * holds"), checked by Monte Carlo.
 *
 * For each parameter setting (dimensions, scales) the runner draws `trials` independent samples
 * from the paper's distribution (seeded Gaussian draws), counts how often the event holds, and
 * computes an exact Clopper–Pearson interval for its probability at confidence 1 − α/(number of
 * settings) (Bonferroni, α = 10⁻³ overall). A setting holds when its interval lies entirely at or
 * above the claimed probability, is refuted when it lies entirely below, and is inconclusive when it
 * contains it (the trials decide nothing; with s successes in N trials the lower end is at most
 * (α/2)^{1/N}, so a claimed probability above that needs more trials). The claim is refuted when a
 * setting is, otherwise inconclusive when a setting is, otherwise it holds.
 * Where the paper leaves a constant unnamed (the c of YD21 §3.1, the C of JCD Lemma C.1), a witness
 * gives, per sample, the smallest constant for which the event holds; its empirical quantile at the
 * target probability estimates the smallest constant that meets it, with a distribution-free upper
 * confidence bound (an order statistic).
 */
import { logGamma } from './special.ts';
import type { Hypothesis } from './hypotheses.ts';
import { requireClaimId, type ConstantSpec, type ErratumGrading, type ConstantValues, type Paper, type Verdict } from './types.ts';

/** Overall significance of a Monte Carlo verdict (split over the settings). */
export const MONTE_CARLO_ALPHA = 1e-3;

export interface MonteCarloClaim<P = unknown, X = unknown> {
  readonly id: string;
  readonly source: { readonly paper: Paper; readonly where: string };
  readonly kind: 'probabilistic';
  readonly statement: string;
  /** The hypotheses in force, as predicates over a setting (evaluated on every setting before its trials). */
  readonly hypotheses: ReadonlyArray<Hypothesis<P>>;
  readonly choices?: Readonly<Record<string, string>>;
  /** The parameter settings checked (e.g. matrix dimensions). */
  readonly settings: ReadonlyArray<P>;
  readonly describe: (p: P) => string;
  /** One sample of the random object, from a seed string. */
  readonly draw: (p: P, seed: string) => X;
  readonly constants?: Readonly<Record<string, ConstantSpec<P>>>;
  /** The event, with the constants' values. */
  readonly event: (p: P, x: X, c: ConstantValues) => boolean;
  /** The claimed lower bound on P(event). */
  readonly probability: { readonly formula: string; readonly printed: (p: P) => number };
  readonly trials: number;
  /** Per constant: the smallest value for which the event holds on this sample. */
  readonly witness?: Readonly<Record<string, (p: P, x: X) => number>>;
  /** The probability at which the smallest sufficient constant is estimated (default: the claimed one). */
  readonly target?: (p: P) => number;
  readonly expected: Verdict;
  readonly erratum?: string;
  readonly grading?: ErratumGrading;
  readonly corrected?: string;
  readonly corrects?: string;
  readonly sabotage: {
    readonly description: string;
    readonly constants?: Readonly<Record<string, (p: P) => number>>;
    readonly probability?: (p: P) => number;
  };
}

export function isMonteCarloClaim(value: unknown): value is MonteCarloClaim {
  return typeof value === 'object' && value !== null && (value as MonteCarloClaim).kind === 'probabilistic' && 'draw' in value;
}

/** Declares a probabilistic claim (fixes its types). */
export function defineMonteCarloClaim<P, X>(claim: MonteCarloClaim<P, X>): MonteCarloClaim<P, X> {
  requireClaimId(claim.id);
  if (claim.expected === 'inconclusive') throw new Error(`${claim.id}: no claim may expect 'inconclusive' (it decides nothing)`);
  return claim;
}

/**
 * The terms of P(Bin(n, p) ≤ k) as functions of p: the i-th is exp(ln C(n, i) + i·ln p + (n − i)·ln(1 − p)),
 * its p-free part ln C(n, i) = ln Γ(n + 1) − ln Γ(i + 1) − ln Γ(n − i + 1) computed once, so that the
 * bisections of the Clopper–Pearson interval and the scan of quantileUpperBound cost O(k) exponentials
 * per evaluation rather than O(k) log-gamma series (the sums are the same, term by term, in the same order).
 */
function binomialTerms(k: number, n: number): { logCoefficients: Float64Array; term: (i: number, logP: number, log1mP: number) => number } {
  const lc = logGamma(n + 1);
  const logCoefficients = new Float64Array(Math.max(0, Math.min(k, n) + 1));
  for (let i = 0; i < logCoefficients.length; i++) logCoefficients[i] = lc - logGamma(i + 1) - logGamma(n - i + 1);
  return { logCoefficients, term: (i, logP, log1mP) => Math.exp(logCoefficients[i] + i * logP + (n - i) * log1mP) };
}

/** P(Bin(n, p) ≤ k) as a function of p, summed in log space. */
function binomialCdfOf(k: number, n: number): (p: number) => number {
  const { term } = binomialTerms(k, n);
  return (p) => {
    if (k < 0) return 0;
    if (k >= n) return 1;
    if (p <= 0) return 1;
    if (p >= 1) return 0;
    const [logP, log1mP] = [Math.log(p), Math.log1p(-p)];
    let s = 0;
    for (let i = 0; i <= k; i++) s += term(i, logP, log1mP);
    return Math.min(1, s);
  };
}

/** P(Bin(n, p) ≤ k), summed in log space. */
export function binomialCdf(k: number, n: number, p: number): number {
  return binomialCdfOf(k, n)(p);
}

/** Bisection for the sign change of a decreasing-to-negative f on [lo, hi], stopped once an iteration changes nothing. */
function bisect(f: (p: number) => number, lo = 0, hi = 1): number {
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    const [lo0, hi0] = [lo, hi];
    if (f(mid) > 0) lo = mid;
    else hi = mid;
    if (lo === lo0 && hi === hi0) break; // a fixed point: every later iteration repeats this one
  }
  return (lo + hi) / 2;
}

/** The exact (Clopper–Pearson) two-sided interval for a binomial proportion at confidence 1 − alpha. */
export function clopperPearson(successes: number, trials: number, alpha: number): [number, number] {
  const below = binomialCdfOf(successes - 1, trials);
  const atMost = binomialCdfOf(successes, trials);
  const lo = successes === 0 ? 0 : bisect((p) => alpha / 2 - (1 - below(p)));
  const hi = successes === trials ? 1 : bisect((p) => atMost(p) - alpha / 2);
  return [lo, hi];
}

/**
 * A distribution-free upper confidence bound for the q-quantile of a sample: the smallest order
 * statistic x_(j) with P(Bin(n, q) ≤ j − 1) ≥ 1 − alpha (so x_(j) ≥ the true quantile with
 * probability ≥ 1 − alpha), or +∞ when the sample is too small. The CDF is accumulated over j, one
 * term per step (the same partial sums binomialCdf forms).
 */
export function quantileUpperBound(sorted: readonly number[], q: number, alpha: number): number {
  const n = sorted.length;
  if (n === 0) return Number.POSITIVE_INFINITY;
  if (q <= 0) return sorted[0];
  if (q >= 1) return 1 - alpha <= 0 ? sorted[0] : Number.POSITIVE_INFINITY;
  const { term } = binomialTerms(n - 1, n);
  const [logQ, log1mQ] = [Math.log(q), Math.log1p(-q)];
  let s = 0;
  for (let j = 1; j <= n; j++) {
    // P(Bin(n, q) ≤ j − 1): 1 at j − 1 = n (never reached), else the partial sum through term j − 1.
    s += term(j - 1, logQ, log1mQ);
    if (Math.min(1, s) >= 1 - alpha) return sorted[j - 1];
  }
  return Number.POSITIVE_INFINITY;
}

/** A Monte Carlo verdict per setting (what montecarlo-runner.ts records). */
export interface MonteCarloSetting {
  readonly setting: string;
  readonly trials: number;
  readonly successes: number;
  readonly estimate: number;
  /** Clopper–Pearson interval at confidence 1 − α/(number of settings). */
  readonly interval: [number, number];
  readonly claimed: number;
  /** holds: the interval lies above the claimed probability; refuted: below it; inconclusive: it contains it. */
  readonly verdict: 'holds' | 'refuted' | 'inconclusive';
  /** Per constant: the smallest value meeting the target probability (empirical quantile) and its upper confidence bound. */
  readonly constants?: Record<string, { printed: number; target: number; estimate: number; upperBound: number }>;
}
