/**
 * Sweep claims: scaling laws (`scaling`, e.g. "GD reaches f ≤ δ within C·(1/(ησ_d))(ln(dσ_d/ε) +
 * ln(σ_d/δ)) steps") and the papers' experiments (`experiment`, e.g. "log ε ∝ log ρ").
 *
 * Such a claim is checked on data, not on one instance: `run` produces the data of a whole sweep
 * (deterministic given its seed; the expensive part, run once), and `relations` states the paper's
 * relationships on that data, each with an observed value, its confidence interval where it is a
 * statistic, and whether it holds. A statistical relation holds only when its interval lies inside
 * the stated range, fails when it lies outside, and is otherwise inconclusive. The verdict is
 * `refuted` when a relation fails, otherwise `inconclusive` when one is, otherwise `holds`. The sabotage changes what is stated (a stated slope, a dropped factor of the
 * predicted form) and is evaluated on the same data, so the same machinery shows it can fail.
 *
 * For a scaling law "observed = O(predicted)" the relation to state is that the hidden constant
 * observed/predicted stays bounded across each swept axis: the least-squares slope of
 * log(observed/predicted) against log(axis variable) is at most a stated small power, tested with
 * its confidence interval (fitSlope, slopeRelation). Which power counts as "bounded" is a choice
 * the claim records (a log factor hidden in Õ(·) shows up as a small positive slope).
 */
import { studentQuantile } from './special.ts';
import type { Figure } from '../experiments/figures.ts';
import type { Hypothesis } from './hypotheses.ts';
import { requireClaimId, type ConstantSpec, type ErratumGrading, type Paper, type Verdict } from './types.ts';

/** One stated relationship evaluated on the data of a sweep. */
export interface Relation {
  /** Short name, e.g. 'slope of log(T/T_pred) vs log κ'. */
  readonly name: string;
  /** What the paper states (or the recorded choice), e.g. '≤ 0.15 (bounded constant)'. */
  readonly stated: string;
  /** The observed statistic. */
  readonly observed: number;
  /** Its confidence interval (at the level of `SWEEP_CONFIDENCE`), when it is an estimate. */
  readonly interval?: readonly [number, number];
  /** The stated range of the statistic, when the relation is one (slopeRelation); its power (power.ts) is measured against it. */
  readonly range?: readonly [number, number];
  readonly holds: boolean;
  /** True when the data decide nothing: the interval neither lies inside the stated range nor
   *  outside it (then `holds` is false, and the claim's verdict is `inconclusive`, not `refuted`). */
  readonly inconclusive?: boolean;
  /** Anything a reader needs to judge it (fitted values, points used). */
  readonly detail?: string;
}

/** Values the relations compare against (stated slopes, thresholds), overridable by the sabotage. */
export type StatedValues = Readonly<Record<string, number>>;

export interface SweepClaim<D = unknown> {
  readonly id: string;
  readonly source: { readonly paper: Paper; readonly where: string };
  readonly kind: 'scaling' | 'experiment';
  readonly statement: string;
  /** The hypotheses in force, as predicates over the sweep's data (each must hold at every point of
   *  the sweep; evaluated once the sweep has run, before any relation). */
  readonly hypotheses: ReadonlyArray<Hypothesis<D>>;
  /** O(·) constants and unstated details the sweep had to choose, with the choice. */
  readonly choices?: Readonly<Record<string, string>>;
  /** The stated numbers the relations use (their printed values; the sabotage may replace them). */
  readonly stated: Readonly<Record<string, ConstantSpec<void>>>;
  /** Runs the sweep; deterministic given the seed string. `repeats` scales the runs per point. */
  readonly run: (seed: string, opts: { readonly repeats: number }) => D;
  /** Default repetitions per sweep point. */
  readonly repeats: number;
  /** The relations on the data, with the stated values. */
  readonly relations: (data: D, stated: StatedValues) => Relation[];
  /** Fitted constants and observations to report (e.g. the hidden constant's range), by name. */
  readonly estimates?: (data: D) => Record<string, number>;
  /** A JSON-able summary of the data for the report (the points, fitted lines). */
  readonly table?: (data: D) => ReadonlyArray<Record<string, number | string>>;
  /**
   * Figures of the data (vega-lite specs with caption and numbers); `check` writes them as
   * DIR/figures/<figure id>.svg with .json and .caption.txt (src/experiments/figures.ts). `seed` is
   * the seed the data was run from.
   */
  readonly figures?: (data: D, seed: string) => Figure[];
  readonly expected: Verdict;
  readonly erratum?: string;
  readonly grading?: ErratumGrading;
  readonly corrected?: string;
  readonly corrects?: string;
  readonly sabotage: {
    readonly description: string;
    readonly stated?: Readonly<Record<string, number>>;
    readonly relations?: (data: D, stated: StatedValues) => Relation[];
  };
}

export function isSweepClaim(value: unknown): value is SweepClaim {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as SweepClaim).kind === 'scaling' || (value as SweepClaim).kind === 'experiment') &&
    typeof (value as SweepClaim).run === 'function'
  );
}

/** Declares a sweep claim (fixes its data type). */
export function defineSweepClaim<D>(claim: SweepClaim<D>): SweepClaim<D> {
  requireClaimId(claim.id);
  if (claim.expected === 'inconclusive') throw new Error(`${claim.id}: no claim may expect 'inconclusive' (it decides nothing)`);
  if (claim.expected === 'refuted' && (!claim.erratum || !claim.corrected))
    throw new Error(`${claim.id}: a claim expected refuted needs an erratum note and a corrected sibling`);
  return claim;
}

/** Confidence level of every interval a sweep relation reports. */
export const SWEEP_CONFIDENCE = 0.999;

/** A least-squares line y = intercept + slope·x with the slope's confidence interval. */
export interface LineFit {
  readonly slope: number;
  readonly intercept: number;
  /** Standard error of the slope (NaN with fewer than 3 points). */
  readonly slopeSE: number;
  /** slope ± t·SE at SWEEP_CONFIDENCE (the whole line when SE is undefined). */
  readonly interval: readonly [number, number];
  readonly r2: number;
  readonly points: number;
}

/** Ordinary least squares of y on x; throws on fewer than 2 points, non-finite values, or constant x. */
export function fitLine(x: readonly number[], y: readonly number[]): LineFit {
  const n = x.length;
  if (n !== y.length || n < 2) throw new Error(`fitLine needs ≥ 2 paired points (got ${n} and ${y.length})`);
  if (![...x, ...y].every(Number.isFinite)) throw new Error('fitLine: a non-finite value in the data');
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  if (sxx === 0) throw new Error('fitLine: x is constant');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = Math.max(0, syy - slope * sxy);
  const slopeSE = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Number.NaN;
  const t = n > 2 ? studentQuantile(SWEEP_CONFIDENCE, n - 2) : Number.POSITIVE_INFINITY;
  const half = Number.isNaN(slopeSE) ? Number.POSITIVE_INFINITY : t * slopeSE;
  return { slope, intercept, slopeSE, interval: [slope - half, slope + half], r2: syy === 0 ? 1 : 1 - sse / syy, points: n };
}

/**
 * The mean of independent estimates (e.g. one slope per trajectory) with its Student-t interval at
 * SWEEP_CONFIDENCE, in the shape of a line fit (slope = the mean, points = the estimates), so that
 * slopeRelation can judge it. Throws on fewer than 2 estimates or a non-finite one.
 */
export function meanWithInterval(values: readonly number[]): LineFit {
  const n = values.length;
  if (n < 2) throw new Error(`meanWithInterval needs ≥ 2 estimates (got ${n})`);
  if (!values.every(Number.isFinite)) throw new Error('meanWithInterval: a non-finite estimate');
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const se = sd / Math.sqrt(n);
  const half = studentQuantile(SWEEP_CONFIDENCE, n - 1) * se;
  return { slope: mean, intercept: Number.NaN, slopeSE: se, interval: [mean - half, mean + half], r2: Number.NaN, points: n };
}

/**
 * Least squares of y on x with one intercept per group (fixed effects): the slope common to the
 * groups, from x and y centred within each group, with n − groups − 1 degrees of freedom. For a
 * design factor (e.g. a tolerance swept beside the variable of interest) that shifts y without
 * changing its slope; its spread would otherwise count as noise.
 */
export function fitLineWithinGroups(x: readonly number[], y: readonly number[], groups: readonly string[]): LineFit {
  const n = x.length;
  if (n !== y.length || n !== groups.length) throw new Error('fitLineWithinGroups: x, y and groups of different lengths');
  if (![...x, ...y].every(Number.isFinite)) throw new Error('fitLineWithinGroups: a non-finite value in the data');
  const keys = [...new Set(groups)];
  const mean = (v: readonly number[], g: string) => {
    const idx = groups.flatMap((h, i) => (h === g ? [i] : []));
    return idx.reduce((a, i) => a + v[i], 0) / idx.length;
  };
  const [mx, my] = [new Map(keys.map((g) => [g, mean(x, g)])), new Map(keys.map((g) => [g, mean(y, g)]))];
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const [dx, dy] = [x[i] - mx.get(groups[i])!, y[i] - my.get(groups[i])!];
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new Error('fitLineWithinGroups: x is constant within every group');
  const slope = sxy / sxx;
  const df = n - keys.length - 1;
  const sse = Math.max(0, syy - slope * sxy);
  const slopeSE = df > 0 ? Math.sqrt(sse / df / sxx) : Number.NaN;
  const half = df > 0 ? studentQuantile(SWEEP_CONFIDENCE, df) * slopeSE : Number.POSITIVE_INFINITY;
  return { slope, intercept: Number.NaN, slopeSE, interval: [slope - half, slope + half], r2: syy === 0 ? 1 : 1 - sse / syy, points: n };
}

/** Fits log y against log x (natural logs); both must be positive. */
export function fitLogLog(x: readonly number[], y: readonly number[]): LineFit {
  if (![...x, ...y].every((v) => v > 0)) throw new Error('fitLogLog: a non-positive value (a log-log fit needs positive data)');
  return fitLine(x.map(Math.log), y.map(Math.log));
}

/** Where an interval lies relative to a stated range: inside it, outside it, or across an end. */
function intervalOutcome(interval: readonly [number, number], range: readonly [number, number]): 'holds' | 'refuted' | 'inconclusive' {
  const [lo, hi] = range;
  if (interval[0] > hi || interval[1] < lo) return 'refuted';
  return interval[0] >= lo && interval[1] <= hi ? 'holds' : 'inconclusive';
}

/**
 * The relation "the fitted slope lies in [lo, hi]": it holds when the slope's whole confidence
 * interval lies inside [lo, hi], fails when it lies outside (the data refute the stated range), and
 * is inconclusive otherwise. With fewer than 3 points the interval is unbounded and the relation
 * can never hold, so sweeps should have at least 4 points.
 */
export function slopeRelation(name: string, fit: LineFit, range: readonly [number, number], stated: string): Relation {
  const outcome = intervalOutcome(fit.interval, range);
  return {
    name,
    stated,
    observed: fit.slope,
    interval: fit.interval,
    range,
    holds: outcome === 'holds',
    ...(outcome === 'inconclusive' ? { inconclusive: true } : {}),
    detail: `least squares on ${fit.points} points: slope ${fit.slope.toPrecision(4)} ± ${(fit.interval[1] - fit.slope).toPrecision(3)} (${SWEEP_CONFIDENCE * 100}% CI), intercept ${fit.intercept.toPrecision(4)}, R² ${fit.r2.toFixed(3)}`,
  };
}

/** What a sweep verdict carries beside the common fields. */
export interface SweepResult {
  readonly repeats: number;
  readonly relations: ReadonlyArray<Relation>;
  readonly estimates?: Record<string, number>;
  readonly table?: ReadonlyArray<Record<string, number | string>>;
}
