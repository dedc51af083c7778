/**
 * Hypotheses as executable predicates. A claim states what the paper assumes where the claim is
 * printed as named predicates over its instance; the runners evaluate every predicate on every
 * instance they check (generated, shrunk, searched, replayed) independently of how the builder made
 * the instance, so a builder bug cannot turn into a verdict about the paper.
 *
 * A predicate reads the instance's matrices and numbers, never the builder's recipe: "σ_d ≤ λ_min(Σ)"
 * computes λ_min(Σ). A non-strict inequality between computed quantities is checked with the
 * relative tolerance it states (rounding in an eigenvalue routine must not make a boundary instance
 * "outside"); one between numbers the instance stores is checked exactly.
 *
 * Standing assumptions (assumptions in force for a section or a proof, e.g. YD21 §3.2.1) are
 * hypothesis sets built with `standing`, reused by every claim printed under them.
 */
import { UserError } from '../errors.ts';
import { relativeTolerance } from './tolerance.ts';

/** A number an instance is drawn over, with the domain its builder is meant to cover. */
export interface Coordinate<X> {
  readonly value: (x: X) => number;
  /** The stated (or recorded) range; coverage reports how much mass sits on each end. */
  readonly domain: readonly [number, number];
  /** Why one value may legitimately take half of the instances or more (e.g. fixed by the paper). */
  readonly concentrated?: string;
}

export interface Hypothesis<X> {
  /** A short name, stable across runs (results.json, error messages). */
  readonly name: string;
  /** The paper's wording. */
  readonly text: string;
  /** True when the instance satisfies it; must return a boolean and not throw. */
  readonly holds: (x: X) => boolean;
  /** For a non-strict inequality between computed quantities: the tolerance it is checked with. */
  readonly tolerance?: string;
  /** The standing assumptions this hypothesis belongs to (e.g. 'YD21 §3.2.1'), when it is one. */
  readonly standing?: string;
  /** The numbers this hypothesis bounds, for the coverage report. */
  readonly coordinates?: Readonly<Record<string, Coordinate<X>>>;
}

/** Declares a hypothesis (fixes its instance type). */
export function hypothesis<X>(
  name: string,
  text: string,
  holds: (x: X) => boolean,
  more: Pick<Hypothesis<X>, 'tolerance' | 'coordinates'> = {},
): Hypothesis<X> {
  return { name, text, holds, ...more };
}

/** A named set of standing assumptions: every member carries the set's name. */
export function standing<X>(name: string, hypotheses: ReadonlyArray<Hypothesis<X>>): ReadonlyArray<Hypothesis<X>> {
  return hypotheses.map((h) => ({ ...h, standing: name }));
}

/** The same hypotheses over another instance type (a claim whose instance wraps a standard one). */
export function via<X, Y>(project: (y: Y) => X, hypotheses: ReadonlyArray<Hypothesis<X>>): Hypothesis<Y>[] {
  return hypotheses.map((h): Hypothesis<Y> => {
    const coordinates: Record<string, Coordinate<Y>> = {};
    for (const [k, c] of Object.entries(h.coordinates ?? {})) coordinates[k] = { ...c, value: (y: Y) => c.value(project(y)) };
    return {
      name: h.name,
      text: h.text,
      holds: (y: Y) => h.holds(project(y)),
      ...(h.tolerance ? { tolerance: h.tolerance } : {}),
      ...(h.standing ? { standing: h.standing } : {}),
      ...(h.coordinates ? { coordinates } : {}),
    };
  });
}

/** The tolerance text of `leq`/`geq` with computed sides, for the hypothesis's `tolerance` field. */
export const COMPUTED_TOLERANCE = 'relative 64·γ_n of the larger side (the inequality tolerance: the sides come from eigen/singular value routines)';

/** a ≤ b within the inequality tolerance at dimension n, relative to the larger side (a non-strict
 *  hypothesis between computed quantities). n = 0 compares exactly. */
export function leq(a: number, b: number, n = 0): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return a <= b + (n > 0 ? relativeTolerance('inequality', n) * Math.max(Math.abs(a), Math.abs(b)) : 0);
}

/** a ≥ b, as leq(b, a, n). */
export function geq(a: number, b: number, n = 0): boolean {
  return leq(b, a, n);
}

/** Thrown by `violations` when a predicate throws or returns a non-boolean: a defect of the claim. */
class HypothesisDefect extends Error {}

/** The names of the hypotheses this instance violates (empty when it satisfies all). */
export function violations<X>(hypotheses: ReadonlyArray<Hypothesis<X>>, x: X): string[] {
  const out: string[] = [];
  for (const h of hypotheses) {
    let value: unknown;
    try {
      value = h.holds(x);
    } catch (e) {
      throw new HypothesisDefect(`the predicate of hypothesis '${h.name}' threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (typeof value !== 'boolean') throw new HypothesisDefect(`the predicate of hypothesis '${h.name}' returned ${typeof value}, not a boolean`);
    if (!value) out.push(h.name);
  }
  return out;
}

/** How one hypothesis fared over a run (results.json "hypotheses"). */
export interface HypothesisRecord {
  readonly name: string;
  readonly text: string;
  readonly standing?: string;
  readonly tolerance?: string;
  /** Instances it was evaluated on. */
  checked: number;
  /** Instances that violated it. */
  violations: number;
}

/** Counts, per hypothesis, the instances checked and violated. */
export class HypothesisTally<X> {
  readonly records: HypothesisRecord[];
  constructor(private readonly hypotheses: ReadonlyArray<Hypothesis<X>>) {
    this.records = hypotheses.map((h) => ({
      name: h.name,
      text: h.text,
      ...(h.standing ? { standing: h.standing } : {}),
      ...(h.tolerance ? { tolerance: h.tolerance } : {}),
      checked: 0,
      violations: 0,
    }));
  }
  /** Evaluates every hypothesis on x; returns the names violated. Throws HypothesisDefect. */
  check(x: X): string[] {
    const violated = violations(this.hypotheses, x);
    for (const r of this.records) {
      r.checked++;
      if (violated.includes(r.name)) r.violations++;
    }
    return violated;
  }
}

/** The text of a hypothesis by name, for messages. */
export function describeViolation<X>(hypotheses: ReadonlyArray<Hypothesis<X>>, names: readonly string[]): string {
  return names.map((n) => `'${n}' (${hypotheses.find((h) => h.name === n)?.text ?? '?'})`).join(', ');
}

/** Coverage of one coordinate over the instances checked (results.json "coverage"). */
export interface CoverageRecord {
  readonly domain: readonly [number, number];
  readonly min: number;
  readonly max: number;
  /** Share of instances at the lower / upper end of the domain (within 10⁻⁹ relative). */
  readonly atLowerBound: number;
  readonly atUpperBound: number;
  /** Number of distinct values (to 12 significant digits). */
  readonly distinct: number;
  /** Share of instances taken by the most common value (to 12 significant digits). */
  readonly modeShare: number;
  readonly instances: number;
  readonly concentrated?: string;
}

/** Every coordinate declared by a claim's hypotheses (the first declaration of a name wins). */
export function coordinatesOf<X>(hypotheses: ReadonlyArray<Hypothesis<X>>): Record<string, Coordinate<X>> {
  const out: Record<string, Coordinate<X>> = {};
  for (const h of hypotheses) for (const [k, c] of Object.entries(h.coordinates ?? {})) out[k] ??= c;
  return out;
}

function atEnd(v: number, end: number): boolean {
  return Math.abs(v - end) <= 1e-9 * Math.max(1, Math.abs(end));
}

/** The coverage of a set of values over a domain. */
export function coverageOf(values: readonly number[], domain: readonly [number, number], concentrated?: string): CoverageRecord {
  const n = values.length;
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = v.toPrecision(12);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const share = (k: number) => (n === 0 ? 0 : k / n);
  return {
    domain: [domain[0], domain[1]],
    min: n ? Math.min(...values) : Number.NaN,
    max: n ? Math.max(...values) : Number.NaN,
    atLowerBound: share(values.filter((v) => atEnd(v, domain[0])).length),
    atUpperBound: share(values.filter((v) => atEnd(v, domain[1])).length),
    distinct: counts.size,
    modeShare: share(Math.max(0, ...counts.values())),
    instances: n,
    ...(concentrated ? { concentrated } : {}),
  };
}

/** Collects coordinate values instance by instance and summarises them. */
export class CoverageTally<X> {
  private readonly coordinates: Record<string, Coordinate<X>>;
  private readonly values: Record<string, number[]> = {};
  constructor(hypotheses: ReadonlyArray<Hypothesis<X>>) {
    this.coordinates = coordinatesOf(hypotheses);
    for (const k of Object.keys(this.coordinates)) this.values[k] = [];
  }
  add(x: X): void {
    for (const [k, c] of Object.entries(this.coordinates)) {
      const v = c.value(x);
      if (Number.isFinite(v)) this.values[k].push(v);
    }
  }
  summary(): Record<string, CoverageRecord> {
    return Object.fromEntries(Object.entries(this.coordinates).map(([k, c]) => [k, coverageOf(this.values[k], c.domain, c.concentrated)]));
  }
}

/**
 * For an instance that did not come from the builder (a saved file, a search): throws a UserError
 * (one line, exit code 2) naming the first violated hypothesis or the predicate that failed, so a
 * replay outside the hypotheses can neither hold nor refute the claim.
 */
export function requireInsideHypotheses<X>(id: string, hypotheses: ReadonlyArray<Hypothesis<X>>, x: X, source: string): void {
  let violated: string[];
  try {
    violated = violations(hypotheses, x);
  } catch (e) {
    throw new UserError(`${source}: cannot evaluate the hypotheses of ${id} on this instance (${e instanceof Error ? e.message : String(e)})`);
  }
  if (violated.length > 0) throw new UserError(`${source}: the instance violates hypothesis ${describeViolation(hypotheses, violated.slice(0, 1))} of ${id}`);
}

/** The same for an instance a builder made (a search over a claim's instances): a builder bug, said so. */
export function requireBuilderInsideHypotheses<X>(id: string, hypotheses: ReadonlyArray<Hypothesis<X>>, x: X): void {
  const violated = violations(hypotheses, x);
  if (violated.length > 0)
    throw new Error(
      `the instance builder of ${id} produced an instance outside hypothesis ${describeViolation(hypotheses, violated)}: a bug of the builder, not a finding`,
    );
}
