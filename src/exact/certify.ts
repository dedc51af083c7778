/**
 * Exact certificates and exact counterexamples for identity claims (`check --rigorous`).
 *
 *  1. D: the form is evaluated over the degree-bound field (./degree.ts), every variable of degree 1:
 *     D = the largest numerator degree bound over all residual entries.
 *  2. Certify: k points drawn uniformly (fast-check with `unbiased`, so integers are uniform on their
 *     ranges) at the form's certification dimensions, each residual evaluated in exact rational
 *     arithmetic. All exactly zero: certificate, error probability ≤ (D/N)^k (Schwartz–Zippel).
 *  3. A nonzero residual is an exact counterexample; fast-check then searches again over the form's
 *     dimension range and shrinks (dimensions first, then entries towards 0 and positives towards 1),
 *     and the smallest refuting instance is printed as rationals.
 */
import fc from 'fast-check';
import { DEG, type DegreeBound, VARIABLE } from './degree.ts';
import type { ExactEvaluation, ExactForm, Supply } from './form.ts';
import { algebra, isXMat, type XMat } from './matrix.ts';
import { Q, type Rational, ratToString } from './rational.ts';

const DEFAULT_SET_SIZE = 2001;
const DEFAULT_POINTS = 8;
/** Runs of the refutation search over small dimensions (only after a nonzero residual). */
const SEARCH_RUNS = 200;

/** Rows of rationals as strings, or a scalar as a string. */
type PrintedValue = string | string[][];

export interface ExactCertificate {
  readonly method: 'exact-rational';
  /** k independent points, all exactly zero. */
  readonly points: number;
  /** N: the size of the set each variable is drawn from. */
  readonly setSize: number;
  /** D: the total degree bound of the residual numerators (mechanical, ./degree.ts). */
  readonly degree: number;
  /** The bound derived by hand in the claim, when given. */
  readonly degreeByHand?: number;
  /** (D/N)^k (1 when D ≥ N: no certificate). */
  readonly errorProbability: number;
  /** The dimension sets certified (k points each). */
  readonly dims: readonly Readonly<Record<string, number>>[];
  readonly coverage: string;
  readonly instances: string;
}

export interface ExactCounterexample {
  readonly method: 'exact-rational';
  readonly dims: Readonly<Record<string, number>>;
  /** The integer variables drawn (entries in {−h..h}, positives in {1..N}). */
  readonly variables: { readonly entries: number[]; readonly positives: number[] };
  readonly instance: Readonly<Record<string, PrintedValue>>;
  /** The residuals that are not exactly zero. */
  readonly nonzero: Readonly<Record<string, PrintedValue>>;
  /** Points tried before the first nonzero residual. */
  readonly found: string;
}

export type ExactResult =
  | { readonly verdict: 'certified'; readonly certificate: ExactCertificate; readonly timeMs: number }
  | { readonly verdict: 'refuted'; readonly counterexample: ExactCounterexample; readonly degree: number; readonly timeMs: number }
  | { readonly verdict: 'error'; readonly error: string; readonly timeMs: number };

interface Draw<D> {
  readonly dims: D;
  readonly entries: number[];
  readonly positives: number[];
}

function degreeAndCounts<D>(form: ExactForm<D>, dims: D, sabotaged: boolean): { degree: number; entries: number; positives: number } {
  let entries = 0;
  let positives = 0;
  const supply: Supply<DegreeBound> = {
    entry: () => {
      entries++;
      return VARIABLE;
    },
    positive: () => {
      positives++;
      return VARIABLE;
    },
    fraction: () => {
      positives++;
      return VARIABLE;
    },
  };
  const { residuals } = form.evaluate(algebra(DEG), dims, supply, sabotaged);
  let degree = 0;
  for (const r of Object.values(residuals)) for (const e of isXMat(r) ? r.data : [r]) if (e.n > degree) degree = e.n;
  return { degree, entries, positives };
}

function rationalSupply(draw: Draw<unknown>, N: number): Supply<Rational> {
  let [i, j] = [0, 0];
  return {
    entry: () => Q.fromInt(draw.entries[i++]),
    positive: () => Q.fromInt(draw.positives[j++]),
    fraction: () => Q.fromRatio(draw.positives[j++], N + 1),
  };
}

function evaluateAt<D>(form: ExactForm<D>, draw: Draw<D>, N: number, sabotaged: boolean): ExactEvaluation<Rational> {
  return form.evaluate(algebra(Q), draw.dims, rationalSupply(draw, N), sabotaged);
}

function isZero(r: XMat<Rational> | Rational): boolean {
  return isXMat(r) ? r.data.every(Q.isZero) : Q.isZero(r);
}

function printed(v: XMat<Rational> | Rational): PrintedValue {
  if (!isXMat(v)) return ratToString(v);
  return Array.from({ length: v.rows }, (_, i) => v.data.slice(i * v.cols, (i + 1) * v.cols).map(ratToString));
}

function drawArbitrary<D>(form: ExactForm<D>, dims: fc.Arbitrary<D>, N: number, sabotaged: boolean): fc.Arbitrary<Draw<D>> {
  const h = (N - 1) / 2;
  return dims.chain((d) => {
    const c = degreeAndCounts(form, d, sabotaged);
    return fc.record({
      dims: fc.constant(d),
      entries: fc.array(fc.integer({ min: -h, max: h }), { minLength: c.entries, maxLength: c.entries }),
      positives: fc.array(fc.integer({ min: 1, max: N }), { minLength: c.positives, maxLength: c.positives }),
    });
  });
}

/** Every residual exactly zero at this draw; an exception (a division by zero: the instance left the
 *  domain, or a malformed form) is recorded in `thrown` and fails the property. */
function vanishes<D>(form: ExactForm<D>, N: number, sabotaged: boolean, thrown: { error?: unknown }) {
  return (draw: Draw<D>) => {
    try {
      return Object.values(evaluateAt(form, draw, N, sabotaged).residuals).every(isZero);
    } catch (e) {
      thrown.error ??= e;
      throw e;
    }
  };
}

function counterexampleOf<D>(form: ExactForm<D>, draw: Draw<D>, N: number, sabotaged: boolean, found: string): ExactCounterexample {
  const ev = evaluateAt(form, draw, N, sabotaged);
  return {
    method: 'exact-rational',
    dims: draw.dims as Record<string, number>,
    variables: { entries: draw.entries, positives: draw.positives },
    instance: Object.fromEntries(Object.entries(ev.instance).map(([k, v]) => [k, printed(v)])),
    nonzero: Object.fromEntries(
      Object.entries(ev.residuals)
        .filter(([, v]) => !isZero(v))
        .map(([k, v]) => [k, printed(v)]),
    ),
    found,
  };
}

/** Certifies or refutes the identity in exact arithmetic (see the module comment). */
export function certifyExact<D>(form: ExactForm<D>, seed: number, sabotaged = false): ExactResult {
  const start = performance.now();
  const N = form.setSize ?? DEFAULT_SET_SIZE;
  const k = form.points ?? DEFAULT_POINTS;
  const timeMs = () => Math.round(performance.now() - start);
  try {
    const degrees = form.certifyAt.map((d) => degreeAndCounts(form, d, sabotaged).degree);
    const degree = Math.max(...degrees);
    const thrown: { error?: unknown } = {};
    for (const [i, dims] of form.certifyAt.entries()) {
      const fixed = drawArbitrary(form, fc.constant(dims), N, sabotaged);
      const cert = fc.check(fc.property(fixed, vanishes(form, N, sabotaged, thrown)), { seed: seed + i, numRuns: k, unbiased: true, endOnFailure: true });
      if (!cert.failed) continue;
      if (thrown.error !== undefined)
        return { verdict: 'error', error: String(thrown.error instanceof Error ? thrown.error.message : thrown.error), timeMs: timeMs() };
      const firstFailure = cert.counterexample![0] as Draw<D>;
      const found = `nonzero at point ${cert.numRuns} of ${k} at dimensions ${JSON.stringify(dims)}`;
      // The smallest refuting instance: search again over the dimension range, shrinking.
      const search = fc.check(fc.property(drawArbitrary(form, form.dims, N, sabotaged), vanishes(form, N, sabotaged, {})), { seed, numRuns: SEARCH_RUNS });
      const smallest = search.failed && search.counterexample ? (search.counterexample[0] as Draw<D>) : firstFailure;
      return { verdict: 'refuted', degree, timeMs: timeMs(), counterexample: counterexampleOf(form, smallest, N, sabotaged, found) };
    }
    return {
      verdict: 'certified',
      timeMs: timeMs(),
      certificate: {
        method: 'exact-rational',
        points: k,
        setSize: N,
        degree,
        ...(form.degree ? { degreeByHand: form.degree.bound } : {}),
        // Per dimension set (D_i/N)^k; the largest is reported.
        errorProbability: Math.max(...degrees.map((D) => (D >= N ? 1 : (D / N) ** k))),
        dims: form.certifyAt as readonly Record<string, number>[],
        coverage: form.coverage,
        instances: form.instances,
      },
    };
  } catch (e) {
    return { verdict: 'error', error: e instanceof Error ? e.message : String(e), timeMs: timeMs() };
  }
}
