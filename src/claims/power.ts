/**
 * Power: what a green verdict could have seen. For every claim the record carries how far its
 * statement could be strengthened before the instances checked would have refuted it — a check
 * that holds with a bound 10⁶ times smaller than printed does not exercise that bound.
 *
 * Definitions (one per measure; `value` is in the statement's own units, never divided by σ₁ or any
 * other scale of the instance):
 *
 * - `bound` (a comparison lhs ≤ b or lhs ≥ b of an inequality or trajectory claim): the largest
 *   factor f such that the bound made f times stronger still passed the check (within its
 *   tolerance, as the verdict is decided) on every instance checked:
 *   b/f for an upper bound b > 0 (b·f for b < 0), b·f for a lower bound b > 0 (b/f for b < 0).
 *   That is f = min over instances of b/lhs (upper) or lhs/b (lower), both sides of one sign, with
 *   lhs first moved by the tolerance towards passing.
 *   f < 1 means the bound was violated; f ≥ 10³ means the check would pass a bound 10³ times
 *   stronger: it does not exercise the bound. Comparisons are grouped by their label with the step
 *   (`t = 12`), the run and other numbers after '=' removed.
 * - `constant` (a printed constant C with a witness, Claim.witness): "the bound divided by f" is the
 *   bound with C/f in place of C — the constant is where a bound with a leading term carries its
 *   content (s′ ≥ (1 + η(σ_d − s))²s − C·σ₁³η² would show f ≈ 1 on its sides whatever C is). f = min
 *   over instances of printed(x)/witness(x) among instances that need C > 0; no instance needing
 *   it means C could be 0 (`unbounded`).
 * - `zero-bound` (a bound b = 0, e.g. λ_max(AAᵀ − 2Σ) ≤ 0): no factor strengthens it; `value` is
 *   the smallest normalised margin (rhs − lhs)/scale, the distance the data kept from the bound.
 * - `identity` (an equation, or a closed form against a numerical solution within an allowance):
 *   the smallest perturbation ρ, relative to the comparison's scale (the sum of its terms'
 *   magnitudes), that the check would certainly detect on some instance whatever its direction:
 *   ρ = min over instances of tol + (lhs + rhs)/scale (lhs the residual, rhs the allowance, 0 for an
 *   equation). `missedUpTo` = min of tol + (rhs − lhs)/scale: a perturbation up to that is missed on
 *   every instance. A term carrying a fraction w of the scale needs a relative change of ρ/w.
 * - `relation` (a statistic of a sweep with a confidence interval of half-width h and a stated
 *   range [lo, hi]): the smallest deviation from the stated value the check would refute —
 *   (hi − lo)/2 + h from the centre of a two-sided range, h beyond the edge of a one-sided one.
 * - `probability` (a Monte Carlo event claimed with probability p on n trials): p − k_max/n, k_max the
 *   largest success count whose Clopper–Pearson upper bound falls below p (`unbounded` when no
 *   count would refute p).
 *
 * A claim's headline power is its weakest content-carrying entry: the largest f among its bound
 * and constant entries, else the largest ρ or deviation. Conditions that hold by construction
 * (Claim.powerNotes.byConstruction) are listed but never the headline.
 * Everything here is computed from the values the check evaluated, so it is as deterministic as
 * the verdict (no timings).
 */
import { type Comparison, normalisedMargin, relationOf } from './compare.ts';
import type { ToleranceKind } from './tolerance.ts';

type PowerMeasure = 'bound' | 'constant' | 'zero-bound' | 'identity' | 'relation' | 'probability';

export interface PowerEntry {
  /** The comparison group (its label without step numbers), constant, relation or setting. */
  readonly target: string;
  readonly measure: PowerMeasure;
  /** f, ρ, the margin or the deviation (see the module comment); null when `unbounded`. */
  readonly value: number | null;
  /** No finite value: the bound held for every factor (a constant no instance needed, a bound on
   *  quantities that were all 0 or of the safe sign), or no outcome could refute the probability. */
  readonly unbounded?: true;
  /** Instances (comparisons) the value was taken over. */
  readonly instances: number;
  /** The full label at which the value was attained. */
  readonly at?: string;
  /** identity: perturbations up to this (relative to the scale) are missed on every instance. */
  readonly missedUpTo?: number;
  /** Why this condition holds by construction (it carries no content; never the headline). */
  readonly byConstruction?: string;
  /** bound: '≤' for an upper bound (strengthened by dividing a positive bound by f), '≥' for a lower one. */
  readonly sense?: '≤' | '≥';
}

export interface Power {
  readonly measure: PowerMeasure;
  readonly value: number | null;
  readonly unbounded?: true;
  /** The entry the headline comes from. */
  readonly weakest: string;
  readonly entries: ReadonlyArray<PowerEntry>;
}

/** The threshold above which a bound or constant is reported as not exercised. */
export const UNEXERCISED = 1e3;

/** Which of a claim's conditions hold by construction (declared by the claim, with why). */
export interface PowerNotes {
  /** Label prefix (after grouping, see `groupLabel`) → why the condition holds by construction. */
  readonly byConstruction?: Readonly<Record<string, string>>;
}

/** A comparison's label without its step, run and other numbers after '=' (the group it belongs to). */
export function groupLabel(label: string): string {
  return label
    .replace(/^run \d+ \([^)]*\): /, '')
    .replace(/= \[[-0-9.e+, ]+\]/g, '= [·]')
    .replace(/= -?\d[\d.e+-]*(?=[\s:;,)\]]|$)/g, '= ·')
    .trim();
}

/** How much stronger the bound `bound` could be made on this comparison and still hold (may be Infinity). */
export function boundFactor(upper: boolean, value: number, bound: number): number {
  // Upper bound value ≤ b: b > 0 → b/f ≥ value; b < 0 → b·f ≥ value. Lower bound: mirrored.
  // A side of the other sign is either safe for every f (∞) or violated for every f > 0 (0).
  if (upper) {
    if (bound > 0) return value <= 0 ? Number.POSITIVE_INFINITY : bound / value;
    return value >= 0 ? 0 : value / bound;
  }
  if (bound > 0) return value <= 0 ? 0 : value / bound;
  return value >= 0 ? Number.POSITIVE_INFINITY : bound / value;
}

interface Accumulator {
  measure: PowerMeasure;
  sense?: '≤' | '≥';
  value: number;
  missedUpTo?: number;
  instances: number;
  at?: string;
}

function fold(acc: Map<string, Accumulator>, key: string, measure: PowerMeasure, value: number, at: string, missedUpTo?: number, sense?: '≤' | '≥'): void {
  const a = acc.get(key);
  if (!a) {
    acc.set(key, { measure, value, instances: 1, at, ...(missedUpTo !== undefined ? { missedUpTo } : {}), ...(sense ? { sense } : {}) });
    return;
  }
  a.instances++;
  if (value < a.value) [a.value, a.at] = [value, at];
  if (missedUpTo !== undefined) a.missedUpTo = Math.min(a.missedUpTo ?? Number.POSITIVE_INFINITY, missedUpTo);
}

/** Collects the power of a deterministic claim while its property runs (runner.ts feeds it). */
export class PowerTracker {
  private readonly groups = new Map<string, Accumulator>();
  /** Comparisons against a bound of exactly 0, by group. */
  private readonly zeroGroups = new Map<string, Accumulator>();
  private readonly violatedAtZero = new Set<string>();
  private readonly constants = new Map<string, Accumulator>();
  /** Constant names declared with a witness, so one no instance needed still gets an entry. */
  private readonly declared: string[];

  constructor(
    /** An identity claim's comparisons are all identity-measured (an ODE closed form compares a
     *  distance with an allowance: lhs ≤ rhs, but what it tests is an equation). */
    private readonly kind: ToleranceKind,
    witnessNames: ReadonlyArray<string>,
    private readonly notes: PowerNotes = {},
  ) {
    this.declared = [...witnessNames];
  }

  /** One evaluated comparison with the relative tolerance it was held to. */
  comparison(c: Comparison, tolerance: number): void {
    const key = groupLabel(c.label);
    const relation = relationOf(c);
    if (this.kind === 'identity' || relation === '=') {
      const scale = c.scale > 0 ? c.scale : 1;
      fold(this.groups, key, 'identity', tolerance + (c.lhs + c.rhs) / scale, c.label, tolerance + normalisedMargin(c));
      return;
    }
    const upper = relation !== '≥';
    const allowance = tolerance * (c.scale > 0 ? c.scale : 1);
    if (c.rhs === 0) {
      // A bound of 0 scales to itself: no factor; what is left is the distance kept from it. Within a
      // group whose bound is elsewhere nonzero, such an instance allows every factor if it passes
      // and none if it fails.
      fold(this.zeroGroups, key, 'zero-bound', normalisedMargin(c), c.label);
      if (normalisedMargin(c) < -tolerance) this.violatedAtZero.add(key);
      return;
    }
    // What the check accepts, not the exact inequality: a bounded side within the tolerance of the
    // bound passes, so the factor is that of the side moved by the allowance towards passing (a
    // bound at rounding level then allows every factor: the check could not have failed there).
    const effective = upper ? c.lhs - allowance : c.lhs + allowance;
    fold(this.groups, key, 'bound', boundFactor(upper, effective, c.rhs), c.label, undefined, upper ? '≤' : '≥');
  }

  /** One instance's witness of a constant and the printed value there. */
  witness(name: string, witness: number, printed: number): void {
    if (!Number.isFinite(witness) || !Number.isFinite(printed)) return;
    // An instance needing no constant (witness ≤ 0) allows any factor.
    fold(this.constants, name, 'constant', witness > 0 ? printed / witness : Number.POSITIVE_INFINITY, `constant ${name}`);
  }

  result(): Power | null {
    const entries: PowerEntry[] = [];
    for (const [target, a] of this.groups) {
      const zero = this.zeroGroups.get(target);
      if (zero) {
        a.instances += zero.instances;
        if (this.violatedAtZero.has(target)) [a.value, a.at] = [0, zero.at];
      }
      entries.push(entry(target, a, this.byConstruction(target)));
    }
    for (const [target, a] of this.zeroGroups) if (!this.groups.has(target)) entries.push(entry(target, a, this.byConstruction(target)));
    for (const name of this.declared) {
      const a = this.constants.get(name);
      if (a) entries.push(entry(`constant ${name}`, a));
    }
    return headline(entries);
  }

  private byConstruction(target: string): string | undefined {
    for (const [prefix, why] of Object.entries(this.notes.byConstruction ?? {})) if (target.startsWith(prefix)) return why;
    return undefined;
  }
}

function entry(target: string, a: Accumulator, byConstruction?: string): PowerEntry {
  const finite = Number.isFinite(a.value);
  return {
    target,
    measure: a.measure,
    value: finite ? a.value : null,
    ...(finite ? {} : { unbounded: true as const }),
    instances: a.instances,
    ...(a.at !== undefined && a.at !== target ? { at: a.at } : {}),
    ...(a.missedUpTo !== undefined ? { missedUpTo: a.missedUpTo } : {}),
    ...(byConstruction ? { byConstruction } : {}),
    ...(a.sense ? { sense: a.sense } : {}),
  };
}

/** The order in which measures give the headline: a bound's factor first, then the rest. */
const HEADLINE_ORDER: ReadonlyArray<ReadonlyArray<PowerMeasure>> = [['bound', 'constant'], ['relation', 'probability'], ['identity'], ['zero-bound']];

/** Larger is weaker for every measure: a larger f, ρ or deviation, or for a zero bound more room kept from it. */
function weaker(a: PowerEntry, b: PowerEntry): boolean {
  if (a.unbounded) return !b.unbounded;
  if (b.unbounded) return false;
  return a.value! > b.value!;
}

/** The claim's power: its weakest content-carrying entry, in the order of HEADLINE_ORDER. */
export function headline(entries: PowerEntry[]): Power | null {
  if (entries.length === 0) return null;
  const content = entries.filter((e) => !e.byConstruction);
  for (const measures of HEADLINE_ORDER) {
    const pool = content.filter((e) => measures.includes(e.measure));
    if (!pool.length) continue;
    const worst = pool.reduce((w, e) => (weaker(e, w) ? e : w));
    return { measure: worst.measure, value: worst.value, ...(worst.unbounded ? { unbounded: true as const } : {}), weakest: worst.target, entries };
  }
  // Every entry holds by construction: report the weakest of them, marked as such by its entry.
  const worst = entries.reduce((w, e) => (weaker(e, w) ? e : w));
  return { measure: worst.measure, value: worst.value, ...(worst.unbounded ? { unbounded: true as const } : {}), weakest: worst.target, entries };
}

/** A relation's power from its confidence interval and stated range (sweep claims). */
export function relationPower(name: string, interval: readonly [number, number] | undefined, range: readonly [number, number] | undefined): PowerEntry {
  // Without an interval the relation is decided on the observed value itself: any value past the
  // stated one refutes it (0), as far as the relation's own test goes.
  if (!interval) return { target: name, measure: 'relation', value: 0, instances: 1 };
  const h = (interval[1] - interval[0]) / 2;
  if (!Number.isFinite(h)) return { target: name, measure: 'relation', value: null, unbounded: true, instances: 1 };
  const band = range && Number.isFinite(range[0]) && Number.isFinite(range[1]) ? (range[1] - range[0]) / 2 : 0;
  return { target: name, measure: 'relation', value: band + h, instances: 1 };
}

/**
 * The smallest deviation below a claimed probability p that n trials would refute: p − k_max/n with k*
 * the largest count whose upper confidence bound (`upper(k)`, increasing in k) is below p.
 */
export function probabilityPower(target: string, claimed: number, trials: number, upper: (k: number) => number): PowerEntry {
  if (!(upper(0) < claimed)) return { target, measure: 'probability', value: null, unbounded: true, instances: trials };
  let lo = 0;
  let hi = trials;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (upper(mid) < claimed) lo = mid;
    else hi = mid - 1;
  }
  return { target, measure: 'probability', value: claimed - lo / trials, instances: trials };
}

/** A Monte Carlo constant's power: printed / the smallest constant meeting the target probability. */
export function quantileConstantPower(target: string, printed: number, estimate: number, trials: number): PowerEntry {
  return estimate > 0 && Number.isFinite(printed)
    ? { target, measure: 'constant', value: printed / estimate, instances: trials }
    : { target, measure: 'constant', value: null, unbounded: true, instances: trials };
}
