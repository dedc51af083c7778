/**
 * The iteration counts T₁, T₂, T₃, T of JCD Theorem A.1, (A.1), and the admissible parameters of
 * that theorem, computed in log space.
 *
 * The admissible initialisation size ρ is usually far below the smallest double (for γ = 0.7 its
 * bound is about e^{−1955}), so ρ is never a double here: an instance carries log ρ. Every quantity
 * of (A.1) is a quotient of two logarithms and is computed from log ρ directly:
 *
 *   T₁ = ⌈ log(12(m+n+k)√((1−γ)/24)√σ_r/(c_ρ ρ √σ₁)) / log(1 + (1+γ)/2·ησ_r) ⌉ + 1,
 *   T₂ = ⌈ log(√(24/(1−γ))) / log(1 + 0.1ησ_r) ⌉ + 1,
 *   T₃ = ⌈ log(ρ^{(1−γ)/(2(1+γ))}/3) / log(1 − 3/2·ησ_r) ⌉ + 1,
 *   T  = ⌊ log(ρ^{(1−γ)/(2(1+γ))}/ρ) / log(1 + γησ_r) ⌋,      T₀ = T₁ + T₂ + T₃.
 *
 * Brackets. The extracted text shows ⌊·⌋ around T but drops the (larger) brackets around T₁, T₂,
 * T₃; the proof of Lemma C.9 says it "omit[s] the flooring and ceiling operations", so at least one
 * of them is a ceiling, and a ceiling on the times the analysis needs (T₁, T₂, T₃) with a floor on
 * the horizon T is the reading that makes sense. The module supports both readings ('ceil', the
 * default, and 'floor'); ⌈x⌉ ≥ ⌊x⌋, so a bound on T₀/T proved with ceilings also holds with floors.
 *
 * Rounding. Each real quotient q is computed in double precision together with a certified relative
 * error bound δ (every log/log1p/product/sum contributes at most one unit roundoff u = 2⁻⁵³ of its
 * magnitude; the bound counts each with a factor 2 to spare), so q lies in [lo, hi] = [q̂(1−δ), q̂(1+δ)].
 * The integer counts are then bracketed exactly with BigInt: T₁ ∈ [⌈lo₁⌉+1, ⌈hi₁⌉+1], T ∈ [⌊lo⌋, ⌊hi⌋]
 * (for doubles beyond 2⁵³ the floor and ceiling are the double itself, and the BigInt sums T₀ = T₁ +
 * T₂ + T₃ stay exact however large they are). When lo and hi give the same integer the count is
 * determined exactly; otherwise (a quotient within δ of an integer, or beyond 2⁵³) the bracket is
 * used on the side that makes a check conservative: `ratioUpperBound` returns a certified upper
 * bound on T₀/T (largest T₀ over smallest T, rounded up).
 *
 * Bad input: a non-finite or out-of-domain parameter throws a JcdParameterError (a UserError, one
 * line), never a silent NaN; `rhoAsDouble` refuses a log ρ whose ρ is not a normal double.
 */
import fc from 'fast-check';
import { UserError } from '../../../src/errors.ts';
import { dimension, fractionOfMax, inRange, UNIT_RESOLUTION } from '../../../src/random/arbitraries.ts';

/** Unit roundoff of IEEE double precision. */
const U = 2 ** -53;

/** The parameters of Theorem A.1 that (A.1) and the hypotheses on η and ρ involve. */
export interface JcdTimeParameters {
  /** γ ∈ (0, 1) with σ_{r+1}/σ_r ≤ γ. */
  readonly gamma: number;
  /** σ₁ ≥ σ_r > 0. */
  readonly sigma1: number;
  readonly sigmaR: number;
  /** Dimensions: X is m×n, F and G have k columns, r ≤ k the target rank. */
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly r: number;
  /** c_ρ ∈ (0, 1). */
  readonly cRho: number;
  /** The step size η > 0. */
  readonly eta: number;
  /** log ρ (natural log): ρ itself is usually below the double range. */
  readonly logRho: number;
}

/** Bad parameters for the JCD times (a person's error: printed as one line). */
export class JcdParameterError extends UserError {}

/** The reading of the unlabelled brackets around T₁, T₂, T₃ (see the module comment). */
export type Bracket = 'ceil' | 'floor';

/** Throws a one-line JcdParameterError unless every parameter is finite and in the domain where (A.1) is defined. */
export function validateTimeParameters(p: JcdTimeParameters): void {
  for (const key of ['gamma', 'sigma1', 'sigmaR', 'm', 'n', 'k', 'r', 'cRho', 'eta', 'logRho'] as const) {
    if (typeof p[key] !== 'number' || !Number.isFinite(p[key]))
      throw new JcdParameterError(`JCD times: ${key} must be a finite number, got ${p[key]}${key === 'logRho' ? ' (pass log ρ, not ρ)' : ''}`);
  }
  for (const key of ['m', 'n', 'k', 'r'] as const)
    if (!Number.isInteger(p[key]) || p[key] < 1) throw new JcdParameterError(`JCD times: ${key} must be a positive integer, got ${p[key]}`);
  if (!(p.gamma > 0 && p.gamma < 1)) throw new JcdParameterError(`JCD times: γ must lie in (0, 1), got ${p.gamma}`);
  if (!(p.sigmaR > 0 && p.sigma1 >= p.sigmaR)) throw new JcdParameterError(`JCD times: need σ₁ ≥ σ_r > 0, got σ₁ = ${p.sigma1}, σ_r = ${p.sigmaR}`);
  if (!(p.cRho > 0)) throw new JcdParameterError(`JCD times: c_ρ must be positive, got ${p.cRho}`);
  if (!(p.eta > 0)) throw new JcdParameterError(`JCD times: η must be positive, got ${p.eta}`);
  if (!(1.5 * p.eta * p.sigmaR < 1)) throw new JcdParameterError(`JCD times: T₃ needs 1 − 3ησ_r/2 > 0, got ησ_r = ${p.eta * p.sigmaR}`);
  if (!(p.logRho < 0)) throw new JcdParameterError(`JCD times: ρ must be below 1 (log ρ < 0), got log ρ = ${p.logRho}`);
}

/** The largest step size Theorem A.1 allows: min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)}. */
export function etaMax(p: Pick<JcdTimeParameters, 'gamma' | 'sigma1' | 'sigmaR'>): number {
  const { gamma, sigma1, sigmaR } = p;
  return Math.min((gamma * sigmaR * sigmaR) / (600 * sigma1 ** 3), ((1 - gamma) * sigmaR) / (20 * sigma1 * sigma1));
}

/** The exponent 180γ(1+γ)/((3−2γ)(1−γ)) of the first bound on ρ. */
function firstRhoExponent(gamma: number): number {
  return (180 * gamma * (1 + gamma)) / ((3 - 2 * gamma) * (1 - gamma));
}

/** A logarithm Σ coefficient·log(factor), with its absolute rounding bound. */
export interface LogValue {
  readonly value: number;
  /** Certified bound on |computed − exact|. */
  readonly error: number;
  /** Σ |cᵢ log xᵢ|: the magnitude of what was rounded. */
  readonly size: number;
}

/** Σ cᵢ log xᵢ (+ the exact extra term `plus`), with a certified error bound (each log, product and sum ≤ 2u of its size). */
function logSum(terms: ReadonlyArray<readonly [number, number]>, plus = 0): LogValue {
  let value = plus;
  let size = Math.abs(plus);
  for (const [c, x] of terms) {
    const t = c * Math.log(x);
    value += t;
    size += Math.abs(t);
  }
  return { value, error: 2 * (terms.length + 2) * U * size, size };
}

/** log of 12(m+n+k)√((1−γ)/24)√σ_r/(c_ρ√σ₁) — the factor of T₁ and of the first bound on ρ (plus `plus`). */
export function logT1Factor(p: Omit<JcdTimeParameters, 'eta' | 'logRho'>, plus = 0): LogValue {
  return logSum(
    [
      [1, 12 * (p.m + p.n + p.k)],
      [0.5, (1 - p.gamma) / 24],
      [0.5, p.sigmaR],
      [-1, p.cRho],
      [-0.5, p.sigma1],
    ],
    plus,
  );
}

/** The candidate bounds on log ρ of Theorem A.1 (each a certified lower value: value − error). */
function logRhoMaxParts(p: Omit<JcdTimeParameters, 'eta' | 'logRho'>): Record<string, number> {
  const g = p.gamma;
  const E = firstRhoExponent(g);
  const lx = logT1Factor(p);
  const third = { value: -lx.value, error: lx.error, size: lx.size };
  const firstBase = [Math.log(1 / 3), Math.log1p(-g) - Math.log(24), third.value];
  const firstBaseErr = [4 * U, 8 * U * (Math.abs(Math.log1p(-g)) + Math.log(24)), third.error];
  const i = firstBase.indexOf(Math.min(...firstBase));
  const first = E * firstBase[i] - (E * firstBaseErr[i] + 8 * U * Math.abs(E * firstBase[i]));
  const e2 = (2 * (1 + g)) / (1 - g);
  const second = logSum([
    [1, 1 - g],
    [1, p.cRho],
    [1, p.sigmaR],
    [-1, 1200 * (p.m + p.n + p.k) * p.r],
    [-1, p.sigma1],
  ]);
  const e3 = (1 + g) / (1 - g);
  const third3 = logSum([
    [1, g],
    [2, p.sigmaR],
    [-1, 1600 * p.r],
    [-2, p.sigma1],
  ]);
  const fourth = logSum([
    [1, g],
    [1, p.sigmaR],
    [0.5, 2 * p.r],
    [-1, 16],
    [-1, p.sigma1],
    [-0.5, p.m + p.n + p.k],
  ]);
  const lower = (e: number, v: LogValue) => e * v.value - (e * v.error + 8 * U * Math.abs(e * v.value));
  return {
    'min{1/3, (1−γ)/24, c_ρ√σ₁/(12(m+n+k)√((1−γ)/24)√σ_r)}^{180γ(1+γ)/((3−2γ)(1−γ))}': first,
    '((1−γ)c_ρσ_r/(1200(m+n+k)rσ₁))^{2(1+γ)/(1−γ)}': lower(e2, second),
    '(γσ_r²/(1600rσ₁²))^{(1+γ)/(1−γ)}': lower(e3, third3),
    'γσ_r√(2r)/(16σ₁√(m+n+k))': fourth.value - fourth.error,
  };
}

/**
 * The largest log ρ Theorem A.1 allows, certified: every log ρ ≤ this value satisfies both printed
 * bounds on ρ (it is the smallest bound's computed value minus its rounding bound).
 */
export function logRhoMax(p: Omit<JcdTimeParameters, 'eta' | 'logRho'>): number {
  return Math.min(...Object.values(logRhoMaxParts(p)));
}

/** The hypotheses of Theorem A.1 on (γ, σ, dimensions, c_ρ, η, ρ) that p violates (empty: admissible). */
export function admissibilityViolations(p: JcdTimeParameters): string[] {
  validateTimeParameters(p);
  const out: string[] = [];
  if (p.r > p.k) out.push(`r ≤ k fails (r = ${p.r}, k = ${p.k})`);
  if (p.r > Math.min(p.m, p.n)) out.push(`r ≤ min{m, n} fails (r = ${p.r}, m = ${p.m}, n = ${p.n})`);
  if (!(p.cRho < 1)) out.push(`c_ρ < 1 fails (c_ρ = ${p.cRho})`);
  const em = etaMax(p);
  if (p.eta > em) out.push(`η ≤ min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)} = ${em} fails (η = ${p.eta})`);
  const lr = logRhoMax(p);
  if (p.logRho > lr) out.push(`ρ ≤ ρ_max fails (log ρ = ${p.logRho}, log ρ_max = ${lr})`);
  return out;
}

/** The right side of (A.2): 1 − (3−2γ)(1−γ)/(6(3γ+1)). */
export function ratioBound(gamma: number): number {
  return 1 - ((3 - 2 * gamma) * (1 - gamma)) / (6 * (3 * gamma + 1));
}

/** A real quotient with its certified enclosure. */
export interface Quotient {
  /** The computed value q̂. */
  readonly value: number;
  /** Certified relative error bound δ: the exact quotient lies in [lo, hi]. */
  readonly relError: number;
  readonly lo: number;
  readonly hi: number;
}

function quotient(num: LogValue, den: number, denRelError: number): Quotient {
  const value = num.value / den;
  const relError = num.error / Math.abs(num.value) + denRelError + 4 * U;
  if (!Number.isFinite(value) || !(relError < 1e-6))
    throw new JcdParameterError(`JCD times: a quotient of (A.1) is not computable here (value ${value}, relative error bound ${relError})`);
  const [a, b] = [value * (1 - relError), value * (1 + relError)];
  return { value, relError, lo: Math.min(a, b), hi: Math.max(a, b) };
}

/** The four real quotients of (A.1) before the brackets (the quantities the proof of Lemma C.9 works with). */
export interface TimeQuotients {
  readonly t1: Quotient;
  readonly t2: Quotient;
  readonly t3: Quotient;
  readonly t: Quotient;
}

/**
 * log1p(y), y = c·ησ_r, with its relative error bound: y carries at most 4u (c, the two products),
 * amplified by the condition number |y|/((1+y)|log1p(y)|) of log1p (≤ 1 for y > 0), plus 2u for log1p.
 */
function logStep(c: number, p: JcdTimeParameters): [number, number] {
  const y = c * p.eta * p.sigmaR;
  const value = Math.log1p(y);
  const condition = Math.abs(y) / ((1 + y) * Math.abs(value));
  return [value, 8 * U * Math.max(1, condition) + 2 * U];
}

/** The quotients of (A.1), computed from log ρ (never from ρ). */
export function timeQuotients(p: JcdTimeParameters): TimeQuotients {
  validateTimeParameters(p);
  const g = p.gamma;
  const L = -p.logRho;
  const exponent = (1 - g) / (2 * (1 + g));
  const [d1, e1] = logStep((1 + g) / 2, p);
  const [d2, e2] = logStep(0.1, p);
  const [d3, e3] = logStep(-1.5, p);
  const [d, e] = logStep(g, p);
  // log(√(24/(1−γ))) = ½(log 24 − log1p(−γ)).
  const l2 = 0.5 * (Math.log(24) - Math.log1p(-g));
  const l3 = -exponent * L - Math.log(3);
  const l = ((3 * g + 1) / (2 * (1 + g))) * L;
  return {
    t1: quotient(logT1Factor(p, L), d1, e1),
    t2: quotient({ value: l2, error: 8 * U * (Math.log(24) + Math.abs(Math.log1p(-g))), size: l2 }, d2, e2),
    t3: quotient({ value: l3, error: 8 * U * (exponent * L + Math.log(3)), size: -l3 }, d3, e3),
    t: quotient({ value: l, error: 8 * U * l, size: l }, d, e),
  };
}

/** An integer known to lie in [lo, hi] (equal when determined exactly). */
interface IntegerBracket {
  readonly lo: bigint;
  readonly hi: bigint;
}

export interface TimeBrackets {
  readonly T1: IntegerBracket;
  readonly T2: IntegerBracket;
  readonly T3: IntegerBracket;
  readonly T0: IntegerBracket;
  readonly T: IntegerBracket;
  readonly bracket: Bracket;
}

const big = (x: number) => BigInt(x);

/** The integer counts of (A.1), bracketed exactly (BigInt: no rounding however large). */
export function timeBrackets(p: JcdTimeParameters, bracket: Bracket = 'ceil'): TimeBrackets {
  const q = timeQuotients(p);
  const round = bracket === 'ceil' ? Math.ceil : Math.floor;
  const plusOne = (x: Quotient): IntegerBracket => ({ lo: big(round(x.lo)) + 1n, hi: big(round(x.hi)) + 1n });
  const [T1, T2, T3] = [plusOne(q.t1), plusOne(q.t2), plusOne(q.t3)];
  return {
    T1,
    T2,
    T3,
    T0: { lo: T1.lo + T2.lo + T3.lo, hi: T1.hi + T2.hi + T3.hi },
    T: { lo: big(Math.floor(q.t.lo)), hi: big(Math.floor(q.t.hi)) },
    bracket,
  };
}

/** The counts as plain numbers, for running GD: throws unless each is determined exactly and is a safe integer. */
export function iterationCounts(p: JcdTimeParameters, bracket: Bracket = 'ceil'): { T1: number; T2: number; T3: number; T0: number; T: number } {
  const b = timeBrackets(p, bracket);
  const out: Record<string, number> = {};
  for (const key of ['T1', 'T2', 'T3', 'T0', 'T'] as const) {
    const { lo, hi } = b[key];
    if (lo !== hi) throw new JcdParameterError(`JCD times: ${key} is not determined exactly in double precision (between ${lo} and ${hi})`);
    if (hi > BigInt(Number.MAX_SAFE_INTEGER)) throw new JcdParameterError(`JCD times: ${key} = ${hi} is beyond 2⁵³; too many iterations to run`);
    out[key] = Number(hi);
  }
  return out as { T1: number; T2: number; T3: number; T0: number; T: number };
}

/**
 * A certified upper bound on T₀/T = (T₁ + T₂ + T₃)/T: the largest T₀ of its bracket over the
 * smallest T, divided in double precision and rounded up (BigInt → double and the division each
 * round by at most u; the factor 1 + 8u covers them and its own rounding).
 */
export function ratioUpperBound(p: JcdTimeParameters, bracket: Bracket = 'ceil'): number {
  const b = timeBrackets(p, bracket);
  if (b.T.lo <= 0n) throw new JcdParameterError(`JCD times: T = ${b.T.lo} ≤ 0, so T₀/T is undefined (ρ is not small enough)`);
  return (Number(b.T0.hi) / Number(b.T.lo)) * (1 + 8 * U);
}

/** ρ itself, for code that needs a double ρ (e.g. to scale an initialisation): refuses ρ below the normal range. */
export function rhoAsDouble(logRho: number): number {
  if (!Number.isFinite(logRho)) throw new JcdParameterError(`log ρ must be a finite number, got ${logRho}`);
  const rho = Math.exp(logRho);
  if (!(rho >= 2 ** -1022))
    throw new JcdParameterError(`ρ = e^{${logRho}} is below the smallest normal double (2^−1022 ≈ e^−708.4): it cannot be used as a double`);
  return rho;
}

// ---------------------------------------------------------------------------------------------
// Admissible parameters by construction.

export interface AdmissibleOptions {
  /** γ is drawn from (gammaRange[0], gammaRange[1]) ⊂ (0, 1), uniformly and near both ends. */
  readonly gammaRange?: readonly [number, number];
  /** Largest r. */
  readonly maxR?: number;
  /** Largest −log₁₀ of the fractions η/η_max, c_ρ and σ_r/σ₁. */
  readonly maxDecades?: number;
  /** Fix η/η_max (e.g. 1: η at its maximum). */
  readonly etaFraction?: number;
  /** Fix log ρ_max − log ρ (0: ρ at its maximum; negative: ρ beyond its maximum, for `explore`). */
  readonly logRhoOffset?: number;
  /** Largest dimension offset m − r, n − r, k − r (default 10⁶). */
  readonly maxExtra?: number;
  /** Fix c_ρ and σ_r/σ₁ (e.g. near 1: the edges where the first bound on ρ is set by (1−γ)/24). */
  readonly cRho?: number;
  readonly sigmaRatio?: number;
}

/** A number in (lo, hi), open at both ends, uniformly or within 10^{−1..−9}·(hi − lo) of either end; shrinks towards the middle. */
function openRange(lo: number, hi: number): fc.Arbitrary<number> {
  const w = hi - lo;
  return fc.oneof(
    fc.integer({ min: 1, max: UNIT_RESOLUTION - 1 }).map((i) => lo + (w * i) / UNIT_RESOLUTION),
    fc.tuple(fc.boolean(), inRange(1, 9)).map(([top, a]) => (top ? hi - w * 10 ** -a : lo + w * 10 ** -a)),
  );
}

/** A fraction in (0, 1]: 1, uniform, or 10^{−a} with a ∈ [0, decades]; shrinks to 1. */
function fraction(decades: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constant(1),
    fractionOfMax(),
    inRange(0, decades).map((a) => 10 ** -a),
  );
}

/**
 * Parameters satisfying every hypothesis of Theorem A.1 that (A.1)–(A.2) involve, by construction:
 * γ ∈ (0, 1); σ₁ ∈ [0.5, 2], σ_r = sσ₁ with s ∈ (0, 1]; r ≥ 1, m, n, k ≥ r; c_ρ ∈ (0, 1);
 * η = f·η_max with f ∈ (0, 1]; log ρ = log ρ_max·(1 + rel) − d with rel, d ∈ {0} ∪ [0, 10] (ρ at its maximum,
 * a little below it, or far below it: up to ρ_max^{11}). Options fix some of them (edges, or `explore` beyond them).
 * Edges (η, ρ at their maxima; γ, c_ρ, s near their ends) are drawn with positive probability.
 */
export function admissibleTimeParameters(opts: AdmissibleOptions = {}): fc.Arbitrary<JcdTimeParameters> {
  const { gammaRange = [0, 1], maxR = 20, maxExtra = 1_000_000, maxDecades = 6 } = opts;
  const extra = fc.oneof(dimension(0, Math.min(10, maxExtra)), dimension(0, maxExtra));
  return fc
    .record({
      gamma: openRange(gammaRange[0], gammaRange[1]),
      sigma1: inRange(0.5, 2),
      s: fraction(maxDecades),
      r: dimension(1, maxR),
      mx: extra,
      nx: extra,
      kx: extra,
      cRho: fraction(maxDecades).map((c) => (c === 1 ? 1 - 1e-9 : c)),
      f: opts.etaFraction === undefined ? fraction(maxDecades) : fc.constant(opts.etaFraction),
      // log ρ = log ρ_max·(1 + rel) − d: at the maximum, a little below it, or far below it.
      d: opts.logRhoOffset === undefined ? fc.oneof(fc.constant(0), inRange(0, 10)) : fc.constant(opts.logRhoOffset),
      rel: opts.logRhoOffset === undefined ? fc.oneof(fc.constant(0), inRange(0, 10)) : fc.constant(0),
    })
    .map(({ gamma, sigma1, s, r, mx, nx, kx, cRho, f, d, rel }) => {
      const base = { gamma, sigma1, sigmaR: (opts.sigmaRatio ?? s) * sigma1, m: r + mx, n: r + nx, k: r + kx, r, cRho: opts.cRho ?? cRho };
      const lr = logRhoMax(base);
      return { ...base, eta: f * etaMax(base), logRho: lr * (1 + rel) - d };
    });
}
