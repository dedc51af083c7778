/**
 * `explore`: push a hypothesis (or an O(·) choice) past its stated limit and find where the
 * conclusion first fails. One parameter: a scan over a grid, then bisection between the last value
 * that held and the first that was refuted. Two parameters: a pass/fail phase diagram.
 *
 * "Holds" at a value means fast-check found no counterexample in the runs given: the boundary found
 * is where refutations become findable at that budget, an upper estimate of the true boundary.
 */
import { withParameters } from '../claims/parameters.ts';
import { runClaim } from '../claims/runner.ts';
import type { VerdictRecord } from '../claims/record.ts';
import type { Claim, ParameterSpec, Verdict } from '../claims/types.ts';
import { UserError } from '../errors.ts';

export interface ExploreOptions {
  readonly runs?: number;
  readonly seed?: number;
  readonly steps: number;
  readonly bisections?: number;
  /** Stop scanning after this many milliseconds; the result says so. */
  readonly timeMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

function deadline(opts: ExploreOptions): () => boolean {
  const end = opts.timeMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + opts.timeMs;
  return () => Date.now() > end;
}

interface ExplorePoint {
  readonly value: number;
  readonly allowed: boolean;
  readonly verdict: Verdict;
  readonly worstMargin: number | null;
  readonly runs: number;
}

export interface OneParameterResult {
  readonly id: string;
  readonly parameter: string;
  readonly description: string;
  readonly allowed: readonly [number, number];
  readonly range: readonly [number, number];
  readonly points: ExplorePoint[];
  /** The smallest value found refuted (after bisection), with its record, or null. */
  readonly firstFailure: { value: number; record: VerdictRecord } | null;
  /** The largest value found to hold below it. */
  readonly lastHeld: number | null;
  /** True when the time budget ran out before the scan (and bisection) finished. */
  readonly truncated: boolean;
  readonly note: string;
}

interface PhaseCell {
  readonly x: number;
  readonly y: number;
  readonly verdict: Verdict;
  readonly worstMargin: number | null;
}

export interface PhaseDiagram {
  readonly id: string;
  readonly parameters: readonly [string, string];
  readonly descriptions: readonly [string, string];
  readonly allowed: readonly [readonly [number, number], readonly [number, number]];
  readonly xs: number[];
  readonly ys: number[];
  readonly cells: PhaseCell[];
  readonly seed: number;
  readonly runs: number;
  /** True when the time budget ran out: cells not reached are missing. */
  readonly truncated: boolean;
}

export function specFor<X>(claim: Claim<X>, name: string): ParameterSpec {
  const spec = claim.parameters?.specs[name];
  if (!spec) {
    const names = Object.keys(claim.parameters?.specs ?? {});
    throw new UserError(names.length ? `${claim.id} has no parameter '${name}' (it has: ${names.join(', ')})` : `${claim.id} has no parameters to explore`);
  }
  return spec;
}

/** `steps` values from a to b, evenly spaced (or geometrically, on a log scale). */
function grid(a: number, b: number, steps: number, scale: 'linear' | 'log'): number[] {
  if (steps < 2) return [a];
  if (scale === 'log') {
    if (!(a > 0 && b > 0)) throw new UserError(`a log-scale range needs positive ends, got ${a}:${b}`);
    return Array.from({ length: steps }, (_, i) => a * (b / a) ** (i / (steps - 1)));
  }
  return Array.from({ length: steps }, (_, i) => a + ((b - a) * i) / (steps - 1));
}

/** The CLI arguments that fix these parameter values (for replay commands). */
export function setArgs(fixed: Record<string, number>): string {
  return Object.entries(fixed)
    .map(([k, v]) => `--set ${k}=${v}`)
    .join(' ');
}

function runAt<X>(claim: Claim<X>, fixed: Record<string, number>, opts: ExploreOptions): VerdictRecord {
  return runClaim(withParameters(claim, fixed), { runs: opts.runs, seed: opts.seed, replayArgs: setArgs(fixed) });
}

/** Scans one parameter over [a, b] and bisects to the first failure. */
export function exploreOne<X>(claim: Claim<X>, name: string, range: readonly [number, number], opts: ExploreOptions): OneParameterResult {
  const spec = specFor(claim, name);
  const values = grid(range[0], range[1], opts.steps, spec.scale);
  const bisections = opts.bisections ?? 6;
  const total = values.length + bisections;
  const points: ExplorePoint[] = [];
  const inAllowed = (v: number) => v >= spec.allowed[0] && v <= spec.allowed[1];
  let firstFailure: { value: number; record: VerdictRecord } | null = null;
  let lastHeld: number | null = null;
  const late = deadline(opts);
  let truncated = false;
  for (const [i, value] of values.entries()) {
    if (late()) {
      truncated = true;
      break;
    }
    const record = runAt(claim, { [name]: value }, opts);
    points.push({ value, allowed: inAllowed(value), verdict: record.verdict, worstMargin: record.worstMargin, runs: record.runs });
    opts.onProgress?.(i + 1, total);
    if (record.verdict === 'refuted') {
      firstFailure = { value, record };
      break;
    }
    if (record.verdict === 'holds') lastHeld = value;
  }
  if (firstFailure && lastHeld !== null) {
    let [lo, hi] = [lastHeld, firstFailure.value];
    for (let k = 0; k < bisections; k++) {
      if (late()) {
        truncated = true;
        break;
      }
      const mid = spec.scale === 'log' ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      const record = runAt(claim, { [name]: mid }, opts);
      points.push({ value: mid, allowed: inAllowed(mid), verdict: record.verdict, worstMargin: record.worstMargin, runs: record.runs });
      opts.onProgress?.(values.length + k + 1, total);
      if (record.verdict === 'refuted') [hi, firstFailure] = [mid, { value: mid, record }];
      else lo = mid;
    }
    lastHeld = lo;
  }
  points.sort((p, q) => p.value - q.value);
  return {
    id: claim.id,
    parameter: name,
    description: spec.description,
    allowed: spec.allowed,
    range,
    points,
    firstFailure,
    lastHeld,
    truncated,
    note:
      '"holds" at a value means no counterexample in the runs tried; the first failure is where a refutation was found, ' +
      'so the true boundary lies at or below it.',
  };
}

/** A pass/fail phase diagram over two parameters. */
export function exploreTwo<X>(
  claim: Claim<X>,
  names: readonly [string, string],
  ranges: readonly [readonly [number, number], readonly [number, number]],
  opts: ExploreOptions,
): PhaseDiagram {
  const [sx, sy] = names.map((n) => specFor(claim, n));
  const xs = grid(ranges[0][0], ranges[0][1], opts.steps, sx.scale);
  const ys = grid(ranges[1][0], ranges[1][1], opts.steps, sy.scale);
  const cells: PhaseCell[] = [];
  let done = 0;
  const late = deadline(opts);
  let truncated = false;
  for (const y of ys)
    for (const x of xs) {
      if (late()) {
        truncated = true;
        continue;
      }
      const record = runAt(claim, { [names[0]]: x, [names[1]]: y }, opts);
      cells.push({ x, y, verdict: record.verdict, worstMargin: record.worstMargin });
      opts.onProgress?.(++done, xs.length * ys.length);
    }
  return {
    id: claim.id,
    parameters: names,
    descriptions: [sx.description, sy.description],
    allowed: [sx.allowed, sy.allowed],
    xs,
    ys,
    cells,
    seed: opts.seed ?? 0,
    runs: opts.runs ?? 0,
    truncated,
  };
}
