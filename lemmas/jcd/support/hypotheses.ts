/**
 * The hypotheses of JCD's claims as predicates, over the instance types of lemmas/jcd/support/instances.ts
 * (a GD state in the frame of (4.2)), lemmas/jcd/support/times.ts (the parameters of Theorem A.1) and
 * lemmas/jcd/support/regimes.ts (whole runs). Every predicate recomputes what it asserts from the
 * instance's matrices and numbers: the gap σ_r > σ_{r+1} from Σ_X's diagonal (or from the singular
 * values of a general X), k ≥ r from the shapes, the bounds on η and ρ from η, log ρ and the σ's, the
 * event of Proposition B.1 from F₀, G₀ — never from the builder's recipe.
 */
import { COMPUTED_TOLERANCE, geq, hypothesis, type Coordinate, type Hypothesis, leq, standing } from '../../../src/claims/hypotheses.ts';
import { singularValues } from '../../../src/linalg/spectral.ts';
import type { Mat } from '../../../src/linalg/dense.ts';
import type { JcdState } from './instances.ts';
import { baseCaseHolds, type JcdConfig, PRACTICAL_ETA, theoremTimes, underflowMessage } from './regimes.ts';
import { drawJcdInit } from './init.ts';
import { etaMax, type JcdTimeParameters, logRhoMax } from './times.ts';
import type { LemmaInstance } from '../../../src/random/lemma-instances.ts';
import { LEMMA_3_3 } from '../../../src/hypotheses/lemma.ts';
import { diagonalOf, hasShape, isDiagonalNonIncreasing } from '../../../src/hypotheses/matrix.ts';

// ---------------------------------------------------------------------------------------------
// A GD state in the frame of (4.2).

/** The ranges jcdState() draws (its defaults), for the coordinates' domains. */
export interface JcdStateDomain {
  readonly maxR?: number;
  readonly maxComplement?: number;
  readonly maxExtraColumns?: number;
  readonly maxTailRatio?: number;
  readonly etaMaxTimesSigma1?: number;
}

const STATE_DEFAULTS = { maxR: 3, maxComplement: 3, maxExtraColumns: 3, maxTailRatio: 0.99, etaMaxTimesSigma1: 1 } as const;

/** The diagonal of Σ_X, or null when it is not exactly diagonal. */
function diagonalValues(x: Pick<JcdState, 'sigma'>): number[] | null {
  return diagonalOf(x.sigma);
}

/** γ = σ_{r+1}/σ_r read from Σ_X's diagonal (NaN when there is no σ_{r+1}: r = min{m, n}). */
function stateTailRatio(x: JcdState): number {
  const v = diagonalValues(x);
  return v && x.r < v.length ? v[x.r] / v[x.r - 1] : Number.NaN;
}

function stateKappa(x: JcdState): number {
  const v = diagonalValues(x);
  return v ? v[0] / v[x.r - 1] : Number.NaN;
}

/**
 * Σ_X diagonal m×n with σ₁ ≥ … ≥ σ_min{m,n} ≥ 0 and the gap after the target rank (Assumption B:
 * σ_r > σ_{r+1}), factors F ∈ ℝ^{m×k}, G ∈ ℝ^{n×k} with k ≥ r, and (for a statement about a GD step)
 * any η > 0 — what is in force where (4.3), (A.4)–(A.6), (B.1) and Item 5's identity are printed.
 */
export function jcdStateHypotheses(domain: JcdStateDomain = {}, step = true): Hypothesis<JcdState>[] {
  const o = { ...STATE_DEFAULTS, ...domain };
  const all: Hypothesis<JcdState>[] = [
    hypothesis<JcdState>(
      'sigma-x-frame',
      'Σ_X ∈ ℝ^{m×n} diagonal (the frame of (4.2)) with σ₁ ≥ … ≥ σ_r > σ_{r+1} ≥ … ≥ σ_min{m,n} ≥ 0 (Assumption B), 1 ≤ r ≤ min{m, n}',
      (x) => {
        if (!hasShape(x.sigma, x.m, x.n) || !isDiagonalNonIncreasing(x.sigma)) return false;
        const v = diagonalValues(x)!;
        if (!(Number.isInteger(x.r) && x.r >= 1 && x.r <= v.length)) return false;
        return v[x.r - 1] > 0 && (x.r === v.length || v[x.r] < v[x.r - 1]);
      },
      {
        coordinates: {
          r: { value: (x) => x.r, domain: [1, o.maxR] },
          'm − r': { value: (x) => x.m - x.r, domain: [0, o.maxComplement] },
          'n − r': { value: (x) => x.n - x.r, domain: [0, o.maxComplement] },
          'κ_r = σ₁/σ_r': { value: stateKappa, domain: [1, 20] },
          'γ = σ_{r+1}/σ_r': { value: stateTailRatio, domain: [0, o.maxTailRatio] },
        },
      },
    ),
    hypothesis<JcdState>(
      'factor-shapes',
      'k ≥ r; any F ∈ ℝ^{m×k}, G ∈ ℝ^{n×k} (U, V: r×k; J: (m−r)×k; K: (n−r)×k)',
      (x) => Number.isInteger(x.k) && x.k >= x.r && hasShape(x.F, x.m, x.k) && hasShape(x.G, x.n, x.k),
      { coordinates: { 'k − r': { value: (x) => x.k - x.r, domain: [0, o.maxExtraColumns] } } },
    ),
    hypothesis<JcdState>('eta-positive', 'any η > 0 (the identity is algebraic in η)', (x) => Number.isFinite(x.eta) && x.eta > 0, {
      coordinates: {
        'ησ₁': { value: (x) => x.eta * (diagonalValues(x)?.[0] ?? Number.NaN), domain: [0, o.etaMaxTimesSigma1] },
      },
    }),
  ];
  return step ? all : all.filter((h) => h.name !== 'eta-positive');
}

// ---------------------------------------------------------------------------------------------
// The parameters of Theorem A.1 ((A.1), (A.2), Lemma C.9).

export interface TimeDomain {
  readonly gamma?: readonly [number, number];
  readonly maxR?: number;
  readonly maxExtra?: number;
  readonly maxDecades?: number;
  /** Why η/η_max, ρ/ρ_max, c_ρ, σ_r/σ₁ and r sit on one value for much of the mass (a deliberate edge family). */
  readonly edge?: string;
}

function tc<X>(value: (x: X) => number, domain: readonly [number, number], edge?: string): Coordinate<X> {
  return edge ? { value, domain, concentrated: edge } : { value, domain };
}

/**
 * Theorem A.1's hypotheses on (γ, σ₁, σ_r, m, n, k, r, c_ρ, η, ρ) as printed (both conditions on ρ,
 * in log space): the assumptions under which (A.1), (A.2) and Lemma C.9 ("Under the assumption of
 * Theorem A.1") are stated. η and log ρ are compared exactly with bounds recomputed from the stored
 * numbers (lemmas/jcd/support/times.ts: log ρ_max is a certified lower value of the smallest printed bound).
 */
export function admissibleTimeHypotheses(d: TimeDomain = {}): ReadonlyArray<Hypothesis<JcdTimeParameters>> {
  const { gamma = [0, 1], maxR = 20, maxExtra = 1_000_000, maxDecades = 6, edge } = d;
  return standing('JCD Theorem A.1', [
    hypothesis<JcdTimeParameters>('a1-gamma', 'pick any γ ∈ (0, 1) with σ_{r+1}/σ_r ≤ γ', (x) => x.gamma > 0 && x.gamma < 1, {
      coordinates: { γ: { value: (x) => x.gamma, domain: gamma } },
    }),
    hypothesis<JcdTimeParameters>('a1-sigmas', 'σ₁ ≥ σ_r > 0', (x) => Number.isFinite(x.sigma1) && x.sigmaR > 0 && x.sigma1 >= x.sigmaR, {
      coordinates: { 'σ_r/σ₁': tc((x) => x.sigmaR / x.sigma1, [10 ** -maxDecades, 1], edge) },
    }),
    hypothesis<JcdTimeParameters>(
      'a1-dimensions',
      'fix any r ≤ k; X ∈ ℝ^{m×n} with r ≤ min{m, n}; F, G with k columns (m, n, k, r positive integers)',
      (x) => [x.m, x.n, x.k, x.r].every((v) => Number.isInteger(v) && v >= 1) && x.r <= x.k && x.r <= Math.min(x.m, x.n),
      {
        coordinates: {
          r: tc((x) => x.r, [1, maxR], edge),
          'm − r': { value: (x) => x.m - x.r, domain: [0, maxExtra] },
          'n − r': { value: (x) => x.n - x.r, domain: [0, maxExtra] },
          'k − r': { value: (x) => x.k - x.r, domain: [0, maxExtra] },
        },
      },
    ),
    hypothesis<JcdTimeParameters>('a1-c-rho', 'any c_ρ < 1 (c_ρ > 0)', (x) => x.cRho > 0 && x.cRho < 1, {
      coordinates: { c_ρ: tc((x) => x.cRho, [10 ** -maxDecades, 1], edge) },
    }),
    hypothesis<JcdTimeParameters>('a1-eta', 'any stepsize 0 < η ≤ min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)}', (x) => x.eta > 0 && x.eta <= etaMax(x), {
      coordinates: { 'η/η_max': tc((x) => x.eta / etaMax(x), [10 ** -maxDecades, 1], edge) },
    }),
    hypothesis<JcdTimeParameters>(
      'a1-rho',
      'ρ ≤ min{1/3, (1−γ)/24, c_ρ√σ₁/(12(m+n+k)√((1−γ)/24)√σ_r)}^{180γ(1+γ)/((3−2γ)(1−γ))} and ρ ≤ min{((1−γ)c_ρσ_r/(1200(m+n+k)rσ₁))^{2(1+γ)/(1−γ)}, (γσ_r²/(1600rσ₁²))^{(1+γ)/(1−γ)}, γσ_r√(2r)/(16σ₁√(m+n+k))} (compared as log ρ ≤ log ρ_max)',
      (x) => Number.isFinite(x.logRho) && x.logRho <= logRhoMax(x),
      { coordinates: { 'log ρ/log ρ_max': tc((x) => x.logRho / logRhoMax(x), [1, 21], edge) } },
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Whole runs: the theorem regime (Theorem A.1 in force, Proposition B.1's event) and the practical one.

const svCache = new WeakMap<Mat, number[]>();
/** The singular values of X (decreasing), computed once per matrix. */
function valuesOf(X: Mat): number[] {
  let v = svCache.get(X);
  if (!v) {
    v = singularValues(X);
    svCache.set(X, v);
  }
  return v;
}

/** σ_{r+1}(X)/σ_r(X) (0 when r = min{m, n}). */
function runTailRatio(c: JcdConfig): number {
  const v = valuesOf(c.X);
  return c.r < v.length ? v[c.r] / v[c.r - 1] : 0;
}

function runShapesHold(c: JcdConfig): boolean {
  return (
    [c.m, c.n, c.k, c.r].every((v) => Number.isInteger(v) && v >= 1) &&
    c.r <= c.k &&
    c.r <= Math.min(c.m, c.n) &&
    hasShape(c.X, c.m, c.n) &&
    hasShape(c.F0, c.m, c.k) &&
    hasShape(c.G0, c.n, c.k)
  );
}

/** σ₁ and σ_r the run's formulas use are X's (within the inequality tolerance). */
function sigmasAreXs(c: JcdConfig): boolean {
  const v = valuesOf(c.X);
  const n = Math.max(c.m, c.n);
  return leq(c.sigma1, v[0], n) && geq(c.sigma1, v[0], n) && leq(c.sigmaR, v[c.r - 1], n) && geq(c.sigmaR, v[c.r - 1], n);
}

/** (A.1)'s counts at the run's parameters, recomputed, equal the ones the run is checked over. */
function timesAreA1(c: JcdConfig): boolean {
  try {
    const t = theoremTimes(c);
    return t.T1 === c.times.T1 && t.T2 === c.times.T2 && t.T3 === c.times.T3 && t.T0 === c.times.T0 && t.T === c.times.T;
  } catch {
    return false;
  }
}

/**
 * Theorem A.1's hypotheses on a run, with σ₁, σ_r, σ_{r+1} the singular values of X: in force for
 * Propositions B.2–B.5 (Appendix B is the proof of Theorem A.1; Proposition B.3's extra
 * η ≤ (1−γ)σ_r/(20σ₁²) is part of Theorem A.1's condition on η), and the conditioning "In the
 * sequel, we condition on the high probability event that the conclusion of Proposition B.1 holds".
 */
export const THEOREM_A1_RUN: ReadonlyArray<Hypothesis<JcdConfig>> = standing('JCD Theorem A.1 (proof: Appendix B)', [
  // A configuration whose ρ lies below the double range has no matrices to evaluate the others on:
  // it cannot be decided in doubles, which this predicate says (with the exponent) by throwing.
  hypothesis<JcdConfig>('double-range', 'the configuration is representable in double precision (ρ ≥ 10^−290)', (c) => {
    if (!c.representable) throw new Error(underflowMessage(c));
    return true;
  }),
  hypothesis<JcdConfig>('a1-rank', 'fix any r ≤ k: X ∈ ℝ^{m×n}, F₀ ∈ ℝ^{m×k}, G₀ ∈ ℝ^{n×k}, 1 ≤ r ≤ min{m, n}', runShapesHold, {
    coordinates: {
      r: { value: (c) => c.r, domain: [1, 2] },
      m: { value: (c) => c.m, domain: [2, 4] },
      n: { value: (c) => c.n, domain: [3, 4] },
      'k − r': { value: (c) => c.k - c.r, domain: [0, 3] },
    },
  }),
  hypothesis<JcdConfig>(
    'a1-gap',
    "σ_{r+1} < σ_r; γ ∈ (0, 1) with σ_{r+1}/σ_r ≤ γ (σᵢ the singular values of X); the σ₁, σ_r of the bounds are X's",
    (c) => {
      if (!runShapesHold(c) || !(c.gamma > 0 && c.gamma < 1)) return false;
      const v = valuesOf(c.X);
      const n = Math.max(c.m, c.n);
      return v[c.r - 1] > 0 && (c.r === v.length || (v[c.r] < v[c.r - 1] && leq(v[c.r], c.gamma * v[c.r - 1], n))) && sigmasAreXs(c);
    },
    {
      tolerance: COMPUTED_TOLERANCE,
      coordinates: {
        'κ_r = σ₁/σ_r': { value: (c) => valuesOf(c.X)[0] / valuesOf(c.X)[c.r - 1], domain: [1, 2] },
        γ: { value: (c) => c.gamma, domain: [0.08, 0.1] },
        'σ_{r+1}/σ_r': { value: runTailRatio, domain: [0, 0.1] },
      },
    },
  ),
  hypothesis<JcdConfig>(
    'a1-eta',
    'any stepsize 0 < η ≤ min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)}',
    (c) =>
      runShapesHold(c) && c.eta > 0 && leq(c.eta, etaMax({ gamma: c.gamma, sigma1: valuesOf(c.X)[0], sigmaR: valuesOf(c.X)[c.r - 1] }), Math.max(c.m, c.n)),
    {
      tolerance: COMPUTED_TOLERANCE,
      coordinates: {
        'η/η_max': { value: (c) => c.eta / etaMax(c), domain: [0, 1], concentrated: 'the runs put η at its bound (the largest step, the fewest iterations)' },
      },
    },
  ),
  hypothesis<JcdConfig>(
    'a1-rho',
    'any c_ρ < 1; ρ ≤ both printed bounds of Theorem A.1 (as log ρ ≤ log ρ_max, σ₁, σ_r of X)',
    (c) =>
      runShapesHold(c) &&
      c.cRho > 0 &&
      c.cRho < 1 &&
      leq(c.logRho, logRhoMax({ ...c, sigma1: valuesOf(c.X)[0], sigmaR: valuesOf(c.X)[c.r - 1] }), Math.max(c.m, c.n)),
    {
      tolerance: COMPUTED_TOLERANCE,
      coordinates: {
        'log₁₀ ρ': { value: (c) => c.logRho / Math.LN10, domain: [-16, -10] },
        'log ρ/log ρ_max': {
          value: (c) => c.logRho / logRhoMax(c),
          domain: [1, 1],
          concentrated: 'the runs put ρ at its bound (the shortest run that satisfies it)',
        },
      },
    },
  ),
  hypothesis<JcdConfig>(
    'b1-event',
    "F₀, G₀ in the event of Proposition B.1 (Items 1–6 at t = 0, in X's diagonal frame): the proof conditions on it",
    (c) => c.representable && runShapesHold(c) && baseCaseHolds(c, Math.exp(c.logRho)),
  ),
]);

/** The horizon a trajectory claim is checked over: T₁, T₂, T₃, T of (A.1) at the run's η and ρ. */
export const A1_HORIZON = hypothesis<JcdConfig>(
  'a1-horizon',
  "T₁, T₂, T₃, T₀ = T₁ + T₂ + T₃ and T of (A.1) at the run's η, ρ, γ (⌊·⌋ + 1 as Propositions B.3–B.5 print; T = ⌊log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1+γησ_r)⌋)",
  timesAreA1,
);

/** The practical regime of §5.2 (outside Theorem A.1: η = 0.25, ρ = 10^{−q}), with the ranges practicalConfigs draws. */
export function practicalRunHypotheses(gamma: readonly [number, number], q: readonly [number, number]): Hypothesis<JcdConfig>[] {
  return [
    hypothesis<JcdConfig>('practical-rank', 'k ≥ r; X ∈ ℝ^{m×n}, F₀ ∈ ℝ^{m×k}, G₀ ∈ ℝ^{n×k}, 1 ≤ r ≤ min{m, n}', runShapesHold, {
      coordinates: {
        r: { value: (c) => c.r, domain: [1, 3] },
        'k − r': { value: (c) => c.k - c.r, domain: [0, 7] },
        'm − k': { value: (c) => c.m - c.k, domain: [1, 5] },
        'n − k': { value: (c) => c.n - c.k, domain: [1, 5] },
      },
    }),
    hypothesis<JcdConfig>(
      'practical-spectrum',
      "σ_r(X) = 1 (§5.2's normalisation) and σ_{r+1}(X)/σ_r(X) = γ < 1 (Assumption B); the σ₁, σ_r of (A.1) are X's",
      (c) => {
        if (!runShapesHold(c)) return false;
        const v = valuesOf(c.X);
        const n = Math.max(c.m, c.n);
        return (
          leq(v[c.r - 1], 1, n) &&
          geq(v[c.r - 1], 1, n) &&
          c.gamma < 1 &&
          leq(runTailRatio(c), c.gamma, n) &&
          geq(runTailRatio(c), c.gamma, n) &&
          sigmasAreXs(c)
        );
      },
      {
        tolerance: COMPUTED_TOLERANCE,
        coordinates: {
          'κ_r = σ₁/σ_r': { value: (c) => valuesOf(c.X)[0] / valuesOf(c.X)[c.r - 1], domain: [1, 2] },
          γ: { value: runTailRatio, domain: gamma },
        },
      },
    ),
    hypothesis<JcdConfig>('practical-step', "§5.2's single fixed stepsize η = 0.25", (c) => c.eta === PRACTICAL_ETA),
    hypothesis<JcdConfig>(
      'practical-init',
      "F₀, G₀ = ρ/(3√(m+n+k))·(i.i.d. N(0, σ₁) entries) (§4.1), the draw of the run's seed, ρ = 10^{−q} < 1",
      (c) => {
        if (!runShapesHold(c) || !(c.logRho < 0)) return false;
        const d = drawJcdInit({ m: c.m, n: c.n, k: c.k, r: c.r, sigma1: c.sigma1, rho: Math.exp(c.logRho) }, c.initSeed);
        return d.F0.data.every((v, i) => v === c.F0.data[i]) && d.G0.data.every((v, i) => v === c.G0.data[i]);
      },
      { coordinates: { q: { value: (c) => -c.logRho / Math.LN10, domain: q } } },
    ),
  ];
}

/**
 * A run hypothesis lifted to an instance holding several runs (the theorem pool, or [one practical
 * run]): it holds when it holds on every run. A coordinate becomes the run's value when there is one
 * run, and its minimum and maximum over the pool otherwise (one instance is the whole pool, so these
 * sit on one value by construction: `pooled` says so).
 */
export function overRuns(hyps: ReadonlyArray<Hypothesis<JcdConfig>>, pooled?: string): Hypothesis<readonly JcdConfig[]>[] {
  return hyps.map((h) => {
    const coordinates: Record<string, Coordinate<readonly JcdConfig[]>> = {};
    for (const [k, c] of Object.entries(h.coordinates ?? {})) {
      if (pooled) {
        coordinates[`${k} (min over the pool)`] = { value: (rs) => Math.min(...rs.map(c.value)), domain: c.domain, concentrated: pooled };
        coordinates[`${k} (max over the pool)`] = { value: (rs) => Math.max(...rs.map(c.value)), domain: c.domain, concentrated: pooled };
      } else coordinates[k] = { ...c, value: (rs) => c.value(rs[0]) };
    }
    return {
      name: h.name,
      text: h.text,
      holds: (rs: readonly JcdConfig[]) => rs.length > 0 && rs.every((c) => h.holds(c)),
      ...(h.tolerance ? { tolerance: h.tolerance } : {}),
      ...(h.standing ? { standing: h.standing } : {}),
      ...(Object.keys(coordinates).length ? { coordinates } : {}),
    };
  });
}

/** Why the theorem pool's coordinates sit on one value. */
export const POOL_CONCENTRATED =
  'one instance is the whole theorem pool (runs: 1; every configuration is checked on every run): the min and max over the pool show its range';

// ---------------------------------------------------------------------------------------------
// Lemma C.10 (= YD21 Lemma 3.3 with d renamed r).

/** The hypotheses of Lemma C.10 as JCD prints them (YD21 Lemma 3.3's, d renamed r). */
export const LEMMA_C_10: ReadonlyArray<Hypothesis<LemmaInstance>> = LEMMA_3_3.map((h) => {
  const coordinates: Record<string, Coordinate<LemmaInstance>> = {};
  for (const [k, c] of Object.entries(h.coordinates ?? {})) coordinates[k === 'd' ? 'r' : k] = c;
  return {
    ...h,
    text: h.text.replace(/σ_d/g, 'σ_r').replace(/d×d/g, 'r×r'),
    ...(h.coordinates ? { coordinates } : {}),
  };
});

/** Integers m, n, k, r ≥ 1 with r ≤ k and r ≤ min{m, n}: the dimensions of JCD §4.1's initialisation. */
export function isJcdInitShape(p: { readonly m: number; readonly n: number; readonly k: number; readonly r: number }): boolean {
  return [p.m, p.n, p.k, p.r].every((v) => Number.isInteger(v) && v >= 1) && p.r <= p.k && p.r <= Math.min(p.m, p.n);
}

/** The shape of JCD §4.1's Gaussian initialisation (Lemma C.3, Proposition B.1): F̃₀ ∈ ℝ^{m×k}, G̃₀ ∈ ℝ^{n×k}
 *  with i.i.d. N(0, σ₁) entries, r ≤ k, r ≤ min{m, n}; over the settings the Monte Carlo runs. */
export function initShapeHypothesis<P extends { readonly m: number; readonly n: number; readonly k: number; readonly r: number; readonly sigma1: number }>(
  name: string,
  rankCondition: string,
): Hypothesis<P> {
  return hypothesis<P>(
    name,
    `F̃₀ ∈ ℝ^{m×k}, G̃₀ ∈ ℝ^{n×k} with i.i.d. N(0, σ₁) entries (variance σ₁, σ₁ > 0; the draw: drawJcdInit); ${rankCondition}`,
    (p) => isJcdInitShape(p) && p.sigma1 > 0,
    {
      coordinates: {
        m: { value: (p) => p.m, domain: [12, 60] },
        'n/m': { value: (p) => p.n / p.m, domain: [0.5, 1] },
        r: { value: (p) => p.r, domain: [3, 14] },
        'k − r': { value: (p) => p.k - p.r, domain: [0, 3] },
      },
    },
  );
}
