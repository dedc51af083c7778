/**
 * JCD Lemma C.9, its proof display by display (paper 003, "Proof. For simplicity, we omit the
 * flooring and ceiling operations …" to "Therefore, the result follows."). Hypotheses: Theorem A.1's
 * ("Under the assumption of Theorem A.1"), as predicates (admissibleTimeHypotheses). Instances:
 * jcd.lemma-c.9.parts's builder (lemmaC9Instances: the whole admissible range, and the edge where
 * (C.8) is an equality), with a plain family first for the shrinker (below).
 *
 * Reading. The proof omits the brackets of (A.1), and so do these claims: T₁, T₂, T₃, T are the real
 * quotients (lemmas/jcd/support/times.ts, timeQuotients), with X := 12(m+n+k)√((1−γ)/24)√σ_r/(c_ρ√σ₁),
 * L := log(1/ρ), y := ησ_r, c := (3γ+1)/(2(1+γ)), e := (1−γ)/(2(1+γ)), w := (3−2γ)(1−γ):
 *   T₁ = log(X/ρ)/log(1 + (1+γ)y/2),  T₂ = log√(24/(1−γ))/log(1 + 0.1y),
 *   T₃ = log(ρ^e/3)/log(1 − 3y/2),     T = log(ρ^e/ρ)/log(1 + γy).
 * (The bracketed (A.2) is jcd.lemma-c.9.ratio; (C.7)–(C.9) and the three inequalities 1–3 are
 * jcd.lemma-c.9.parts; facts (i), (ii) are jcd.lemma-c.9.facts. Not repeated here.)
 *
 * The steps:
 *  t          T = log(ρ^e/ρ)/log(1+ηγσ_r) = c·log(1/ρ)/log(1+ηγσ_r)                              (identity)
 *  factor     T₁/T = log(1+γy)/log(1+(1+γ)y/2)·log(X/ρ)/(cL); T₂/T = log(1+γy)/log(1+0.1y)·log√(24/(1−γ))/(cL);
 *             T₃/T = log(1+γy)/(−log(1−3y/2))·log(3/ρ^e)/(cL)                                  (identity)
 *  t1-fact    T₁/T ≤ 2γ/(1+γ)·log(X/ρ)/(cL)   "from fact 2"                                        FALSE
 *  t1-c7      2γ/(1+γ)·log(X/ρ)/(cL) ≤ 4γ/(3γ+1)·(1 + w/(72γ)) = 4γ/(3γ+1) + w/(18(3γ+1))  "from (C.7)"
 *  t2-fact    T₂/T ≤ 20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/L   "from fact 2"                              FALSE for γ < 0.1
 *  t2-c8      20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/L ≤ w/(18(3γ+1))   "from (C.8)"
 *  t3-fact    T₃/T ≤ 4γ(1+γ)/(3(1+3γ))·(log 3 + eL)/L   "from fact 1"
 *  t3-c9      4γ(1+γ)/(3(1+3γ))·(log 3 + eL)/L ≤ 2γ(1−γ)/(3(3γ+1)) + w/(18(3γ+1))   "from (C.9)"
 *  sum        "The result will follow if we add these inequalities together": the three bounds add up to
 *             1 − w/(6(3γ+1)), and (T₁ + T₂ + T₃)/T ≤ 1 − w/(6(3γ+1)) (the lemma, brackets omitted)
 *
 * Errata. Both "fact 2" steps apply log(1+aησ_r)/log(1+bησ_r) ≤ a/b with a < b, which is reversed
 * (jcd.lemma-c.9.facts): log(1+t) is strictly concave, so the quotient exceeds a/b for every ησ_r > 0.
 *  - t1-fact (a = γ < b = (1+γ)/2 for every γ < 1) fails on EVERY admissible instance; the relative
 *    excess (1+γ)log(1+γy)/(2γ log(1+(1+γ)y/2)) − 1 ≈ (1−γ)y/4 depends on γ and y = ησ_r only
 *    (detectable in doubles once it exceeds about 10⁻¹³: 280 of 300 draws fail, the rest have
 *    η/η_max·(σ_r/σ₁)³ tiny), and is largest at η = η_max, σ_r = σ₁, γ = ½ (y = 1/1200): 1.04127·10⁻⁴.
 *    Counterexample (rational parameters; the sides are logarithms, evaluated to 50 digits with
 *    mpmath in development): γ = ½, σ₁ = σ_r = 1, m = n = k = r = 1, c_ρ = ½, η = 1/1200 = η_max,
 *    ρ = 10⁻³⁰⁰ (log ρ_max = −522.6): T₁/T = 0.80279482 > 0.80271123. Corrected (…/corrected): times
 *    (1 + (1+γ)ησ_r/2), from fact (i). Inequality 1 itself holds as printed (jcd.lemma-c.9.parts), but
 *    the corrected chain does not reach it for γ ≳ 0.9 (grading below).
 *  - t2-fact (a = γ, b = 0.1) fails on every admissible instance with γ < 0.1 and holds for γ ≥ 0.1
 *    (there a ≥ b and the direction is right); the relative excess log(1+γy)/(10γ log(1+0.1y)) − 1 ≈
 *    (0.1−γ)y/2 is largest at η = η_max, σ_r = σ₁ (y = γ/600), γ = 0.05: 2.0833·10⁻⁶ (7.5·10⁻⁷ at
 *    γ = 0.09). Counterexample: γ = 1/20, σ₁ = σ_r = 1, m = n = k = r = 1, c_ρ = ½, η = 1/12000 = η_max,
 *    ρ = 10⁻¹⁰: T₂/T = 0.064026743 > 0.064026609. Corrected: times (1 + 0.1ησ_r). With (C.8) an
 *    equality this is what makes inequality 2 fail on its band (jcd.lemma-c.9.parts).
 * All other steps hold as printed.
 *
 * Plain family. A violation of t1-fact or t2-fact is proportional to y = ησ_r ≤ γ/600: shrinking
 * a whole-range failure towards γ → 0 would end on a violation a few hundred roundings wide. The
 * instances are fc.oneof({ withCrossShrink: true }, plain (weight 1), lemmaC9Instances (weight 2)), `plain` =
 * admissible parameters with γ ∈ (0.04, 0.06), η = η_max, σ_r = σ₁ (a third of the draws); the
 * shrinker first tries it, so a refutation shrinks to a violation of about 10⁻⁶ (t2) or 10⁻⁵ (t1)
 * relative, on every seed.
 *
 * Tolerance: everything is a few roundings of numbers of one sign (no cancellation: log(3/ρ^e) =
 * log 3 + eL, and log(X/ρ) = log X + L with |log X| ≤ 0.41·L on 10⁵ draws of these instances), so each
 * inequality is compared on the scale of its two sides (|lhs| + |rhs|, which is what the magnitude
 * model gives for positive numbers) at the kind's tolerance (64u). The two identities are written once
 * (tForms, factorResiduals, over any scalars): the exact forms evaluate them in rational arithmetic,
 * the float checks in the magnitude model (src/claims/measured.ts, the logs as exact inputs), whose
 * computed magnitude is the scale (at 16u).
 */
import fc from 'fast-check';
import { atMost, type Comparison, equal } from '../../../src/claims/compare.ts';
import { type Claim, defineClaim } from '../../../src/claims/types.ts';
import { admissibleTimeHypotheses } from '../support/hypotheses.ts';
import { admissibleTimeParameters, type JcdTimeParameters, logT1Factor, timeQuotients } from '../support/times.ts';
import type { Algebra } from '../../../src/exact/matrix.ts';
import type { ScalarOps } from '../../../src/exact/ops.ts';
import { exactScalar, magnitudeOps, type MeasuredScalar, residualComparisons } from '../../../src/claims/measured.ts';
import { inequalityBounds, LEMMA_C9_EDGE, lemmaC9Instances, w } from '../lemma-c.9.parts.ts';

// ---------------------------------------------------------------------------------------------
// Instances, hypotheses and the quantities of the proof.

const plain = admissibleTimeParameters({ gammaRange: [0.04, 0.06], etaFraction: 1, sigmaRatio: 1 });

/** lemma-c.9.parts's instances, with a plain family first for the shrinker (module comment). */
const instances: fc.Arbitrary<JcdTimeParameters> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: plain, weight: 1 },
  { arbitrary: lemmaC9Instances, weight: 2 },
);

const HYPOTHESES = admissibleTimeHypotheses({
  edge: `${LEMMA_C9_EDGE}; a third are a plain family for the shrinker (γ ∈ (0.04, 0.06), η = η_max, σ_r = σ₁), and the parts instances two thirds`,
});

/** The quantities of the proof at one instance (logs of the step factors computed as timeQuotients does). */
function parts(x: JcdTimeParameters) {
  const g = x.gamma;
  const L = -x.logRho;
  const y = (a: number) => a * x.eta * x.sigmaR;
  const q = timeQuotients(x);
  return {
    g,
    L,
    c: (3 * g + 1) / (2 * (1 + g)),
    e: (1 - g) / (2 * (1 + g)),
    w: w(g),
    lX: logT1Factor(x).value,
    l2: 0.5 * (Math.log(24) - Math.log1p(-g)),
    /** log(1 + γy), log(1 + (1+γ)y/2), log(1 + 0.1y), −log(1 − 3y/2). */
    d: Math.log1p(y(g)),
    d1: Math.log1p(y((1 + g) / 2)),
    d2: Math.log1p(y(0.1)),
    m3: -Math.log1p(y(-1.5)),
    yR: x.eta * x.sigmaR,
    r1: q.t1.value / q.t.value,
    r2: q.t2.value / q.t.value,
    r3: q.t3.value / q.t.value,
    tee: q.t.value,
  };
}

const sides = (a: number, b: number) => Math.abs(a) + Math.abs(b);

/** The three bounds of the proof's inequalities 1–3 (jcd.lemma-c.9.parts's) and the right side of (A.2). */
function bounds(g: number, six = 6) {
  return { ...inequalityBounds(g), a2: 1 - w(g) / (six * (3 * g + 1)) };
}

interface StepSpec {
  readonly id: string;
  readonly where: string;
  readonly statement: string;
  readonly check: (x: JcdTimeParameters) => Comparison[];
  readonly sabotage: { readonly description: string; readonly check: (x: JcdTimeParameters) => Comparison[] };
  readonly kind?: 'identity' | 'inequality';
  readonly exact?: Claim<JcdTimeParameters>['exact'];
  readonly expected?: 'holds' | 'refuted';
  readonly erratum?: string;
  readonly grading?: Claim<JcdTimeParameters>['grading'];
  readonly failsWhere?: Claim<JcdTimeParameters>['failsWhere'];
  readonly corrected?: string;
  readonly corrects?: string;
}

function step(s: StepSpec): Claim<JcdTimeParameters> {
  return defineClaim<JcdTimeParameters>({
    id: s.id,
    source: { paper: 'JCD', where: `Lemma C.9, proof: ${s.where}` },
    kind: s.kind ?? 'inequality',
    statement: s.statement,
    hypotheses: HYPOTHESES,
    choices: { brackets: 'T₁, T₂, T₃, T without brackets, as in the proof ("we omit the flooring and ceiling operations")' },
    instances,
    size: () => 1,
    runs: 300,
    check: s.check,
    expected: s.expected ?? 'holds',
    sabotage: s.sabotage,
    ...(s.exact ? { exact: s.exact } : {}),
    ...(s.erratum ? { erratum: s.erratum } : {}),
    ...(s.grading ? { grading: s.grading } : {}),
    ...(s.failsWhere ? { failsWhere: s.failsWhere } : {}),
    ...(s.corrected ? { corrected: s.corrected } : {}),
    ...(s.corrects ? { corrects: s.corrects } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Exact forms of the two identities: rational identities in γ and in the logarithms taken as
// independent variables (ℓ = log(1/ρ), log X, and the logs of the step factors, all free).

const EXACT_INSTANCES =
  'γ = fraction ∈ (0, 1); ℓ = log(1/ρ), log(1 + γησ_r), log(1 + (1+γ)ησ_r/2), log(1 + 0.1ησ_r), −log(1 − 3ησ_r/2), log√(24/(1−γ)), log 3: positives; log X: an entry (any sign). The identities are rational in these, so they hold for the actual logarithms if they hold for free variables';

/** The scalars of T's two forms: γ, ℓ = log(1/ρ), d = log(1 + γησ_r). */
interface TScalars<S> {
  readonly g: S;
  readonly l: S;
  readonly d: S;
}

/** e = (1−γ)/(2(1+γ)) and c = (3γ+1)/(2(1+γ)). */
function exponents<S>(F: ScalarOps<S>, g: S) {
  const twoOnePlusG = F.mul(F.fromInt(2), F.add(F.one, g));
  return { e: F.div(F.sub(F.one, g), twoOnePlusG), c: F.div(F.add(F.mul(F.fromInt(3), g), F.one), twoOnePlusG) };
}

/** T's two printed forms, written once: log(ρ^e/ρ)/d and c·ℓ/d (sabotaged: 2c). log ρ = −ℓ. */
function tForms<S>(F: ScalarOps<S>, v: TScalars<S>, sabotaged: boolean): { first: S; second: S } {
  const { e, c } = exponents(F, v.g);
  return {
    first: F.div(F.sub(F.mul(e, F.neg(v.l)), F.neg(v.l)), v.d),
    second: F.div(F.mul(sabotaged ? F.mul(F.fromInt(2), c) : c, v.l), v.d),
  };
}

const T_FORMS = 'log(ρ^e/ρ)/log(1+γησ_r) − c·log(1/ρ)/log(1+γησ_r)';

function exactT<T>(A: Algebra<T>, v: { fraction(): T; positive(): T }, sabotaged: boolean) {
  const s = { g: v.fraction(), l: v.positive(), d: v.positive() };
  const { first, second } = tForms(A.F, s, sabotaged);
  return { instance: { γ: s.g, 'log(1/ρ)': s.l, 'log(1+γησ_r)': s.d }, residuals: { [T_FORMS]: A.F.sub(first, second) } };
}

/** The scalars of the chains' first equalities: TScalars and log X, the logs of the step factors, log√(24/(1−γ)), log 3. */
interface FactorScalars<S> extends TScalars<S> {
  readonly lX: S;
  readonly d1: S;
  readonly d2: S;
  readonly m3: S;
  readonly l2: S;
  readonly log3: S;
}

/**
 * T_i/T minus the printed right side of each chain's first equality, written once (sabotaged: the
 * first factor of T₁/T inverted). The ratios are (A.1)'s, without brackets: the exact form forms them
 * from the same scalars, the float check takes them from timeQuotients.
 */
function factorResiduals<S>(F: ScalarOps<S>, v: FactorScalars<S>, ratios: { r1: S; r2: S; r3: S }, sabotaged: boolean): Record<string, S> {
  const { e, c } = exponents(F, v.g);
  const cl = F.mul(c, v.l);
  const p1 = F.mul(sabotaged ? F.div(v.d1, v.d) : F.div(v.d, v.d1), F.div(F.add(v.lX, v.l), cl));
  const p2 = F.mul(F.div(v.d, v.d2), F.div(v.l2, cl));
  const p3 = F.mul(F.div(v.d, v.m3), F.div(F.add(v.log3, F.mul(e, v.l)), cl));
  return { 'T₁/T − printed': F.sub(ratios.r1, p1), 'T₂/T − printed': F.sub(ratios.r2, p2), 'T₃/T − printed': F.sub(ratios.r3, p3) };
}

function exactFactor<T>(A: Algebra<T>, v: { fraction(): T; positive(): T; entry(): T }, sabotaged: boolean) {
  const { F } = A;
  const g = v.fraction();
  const l = v.positive();
  const lX = v.entry();
  const [d, d1, d2, m3, l2, log3] = [v.positive(), v.positive(), v.positive(), v.positive(), v.positive(), v.positive()];
  const s = { g, l, lX, d, d1, d2, m3, l2, log3 };
  const { e, c } = exponents(F, g);
  const T = F.div(F.mul(c, l), d);
  // (A.1) without brackets: log(X/ρ) = log X + ℓ; log(ρ^e/3) = −eℓ − log 3; log(1 − 3y/2) = −m₃.
  const ratios = {
    r1: F.div(F.div(F.add(lX, l), d1), T),
    r2: F.div(F.div(l2, d2), T),
    r3: F.div(F.div(F.sub(F.neg(F.mul(e, l)), log3), F.neg(m3)), T),
  };
  return {
    instance: {
      γ: g,
      'log(1/ρ)': l,
      'log X': lX,
      'log(1+γy)': d,
      'log(1+(1+γ)y/2)': d1,
      'log(1+0.1y)': d2,
      '−log(1−3y/2)': m3,
      'log√(24/(1−γ))': l2,
      'log 3': log3,
    },
    residuals: factorResiduals(F, s, ratios, sabotaged),
  };
}

// ---------------------------------------------------------------------------------------------
// T's two forms.

/** The instance's scalars in the magnitude model (exact inputs: each is a few roundings of one sign, module comment). */
function measuredScalars(x: JcdTimeParameters): FactorScalars<MeasuredScalar> {
  const p = parts(x);
  return {
    g: exactScalar(p.g),
    l: exactScalar(p.L),
    d: exactScalar(p.d),
    lX: exactScalar(p.lX),
    d1: exactScalar(p.d1),
    d2: exactScalar(p.d2),
    m3: exactScalar(p.m3),
    l2: exactScalar(p.l2),
    log3: exactScalar(Math.log(3)),
  };
}

/** tForms on the instance, and T as (A.1) computes it (timeQuotients) against the second form. */
function tFormsCheck(x: JcdTimeParameters, sabotaged = false): Comparison[] {
  const F = magnitudeOps.F;
  const { first, second } = tForms(F, measuredScalars(x), sabotaged);
  return residualComparisons({ [T_FORMS]: F.sub(first, second), 'T (A.1) − c·log(1/ρ)/log(1+γησ_r)': F.sub(exactScalar(parts(x).tee), second) });
}

export const c9T = step({
  id: 'jcd.lemma-c.9.step-t',
  where: '"T = log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1 + ηγσ_r) = (3γ+1)/(2(1+γ))·log(1/ρ)/log(1 + ηγσ_r)"',
  kind: 'identity',
  statement: 'T = log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1 + ηγσ_r) = (3γ+1)/(2(1+γ))·log(1/ρ)/log(1 + ηγσ_r)',
  check: (x) => tFormsCheck(x),
  exact: {
    instances: EXACT_INSTANCES,
    dims: fc.constant({}),
    certifyAt: [{}],
    coverage: 'no dimensions: one family of scalars',
    evaluate: (A, _dims, v, sabotaged) => exactT(A, v, sabotaged),
  },
  sabotage: { description: '(3γ+1)/(2(1+γ)) made (3γ+1)/(1+γ)', check: (x) => tFormsCheck(x, true) },
});

// ---------------------------------------------------------------------------------------------
// The first equality of each chain.

/** factorResiduals on the instance in the magnitude model, the ratios T_i/T from timeQuotients. */
function factors(x: JcdTimeParameters, invertFirst = false): Comparison[] {
  const p = parts(x);
  const ratios = { r1: exactScalar(p.r1), r2: exactScalar(p.r2), r3: exactScalar(p.r3) };
  return residualComparisons(factorResiduals(magnitudeOps.F, measuredScalars(x), ratios, invertFirst));
}

export const c9Factor = step({
  id: 'jcd.lemma-c.9.step-factor',
  where: 'the first equality of each of the three chains ("First, we have T₁/T = …", "Next, we have T₂/T = …", "Finally, we have T₃/T = …")',
  kind: 'identity',
  statement:
    'T₁/T = log(1+γησ_r)/log(1+(1+γ)ησ_r/2)·log(12(m+n+k)√((1−γ)/24)√σ_r/(c_ρρ√σ₁))/((3γ+1)/(2(1+γ))log(1/ρ)); T₂/T = log(1+γησ_r)/log(1+0.1ησ_r)·log√(24/(1−γ))/((3γ+1)/(2(1+γ))log(1/ρ)); T₃/T = log(1+ηγσ_r)/(−log(1−3ησ_r/2))·log(3/ρ^{(1−γ)/(2(1+γ))})/((3γ+1)/(2(1+γ))log(1/ρ))',
  check: (x) => factors(x),
  exact: {
    instances: EXACT_INSTANCES,
    dims: fc.constant({}),
    certifyAt: [{}],
    coverage: 'no dimensions: one family of scalars',
    evaluate: (A, _dims, v, sabotaged) => exactFactor(A, v, sabotaged),
  },
  sabotage: { description: "T₁/T's first factor inverted: log(1+(1+γ)ησ_r/2)/log(1+γησ_r)", check: (x) => factors(x, true) },
});

// ---------------------------------------------------------------------------------------------
// Chain 1: T₁/T.

/** 2γ/(1+γ)·log(X/ρ)/(cL): the middle expression of chain 1. */
const middle1 = (p: ReturnType<typeof parts>) => ((2 * p.g) / (1 + p.g)) * ((p.lX + p.L) / (p.c * p.L));

function t1Fact(x: JcdTimeParameters, corrected: boolean, factor = 1): Comparison[] {
  const p = parts(x);
  const rhs = factor * middle1(p) * (corrected ? 1 + ((1 + p.g) / 2) * p.yR : 1);
  const label = corrected ? 'T₁/T ≤ 2γ/(1+γ)·(1 + (1+γ)ησ_r/2)·log(X/ρ)/((3γ+1)/(2(1+γ))·log(1/ρ))' : 'T₁/T ≤ 2γ/(1+γ)·log(X/ρ)/((3γ+1)/(2(1+γ))·log(1/ρ))';
  return [atMost(label, p.r1, rhs, sides(p.r1, rhs))];
}

const T1_FACT_WHERE = 'chain for T₁/T, first inequality ("the first inequality follows from fact 2")';

export const c9T1Fact = step({
  id: 'jcd.lemma-c.9.step-t1-fact',
  where: T1_FACT_WHERE,
  statement: 'T₁/T ≤ 2γ/(1+γ)·log(12(m+n+k)√((1−γ)/24)√σ_r/(c_ρρ√σ₁))/((3γ+1)/(2(1+γ))·log(1/ρ))',
  check: (x) => t1Fact(x, false),
  expected: 'refuted',
  failsWhere: {
    text: 'every admissible instance (fact 2 applied with a = γ < b = (1+γ)/2 is reversed for every ησ_r > 0); seen where the relative excess ≈ (1−γ)ησ_r/4 is above the tolerance',
    contains: () => true,
  },
  erratum:
    'The first inequality of the chain for T₁/T applies "fact 2" with a = γ < b = (1+γ)/2, log(1+γησ_r)/log(1+(1+γ)ησ_r/2) ≤ 2γ/(1+γ), which is reversed (log(1+t) is strictly concave: the quotient exceeds a/b for every ησ_r > 0; jcd.lemma-c.9.facts). ' +
    'Failing region: every admissible instance (any γ ∈ (0, 1), any η > 0; in doubles wherever the excess exceeds about 10⁻¹³). The relative excess (1+γ)log(1+γησ_r)/(2γ·log(1+(1+γ)ησ_r/2)) − 1 ≈ (1−γ)ησ_r/4 depends on γ and ησ_r only; ' +
    'largest at η = η_max, σ_r = σ₁, γ = 1/2 (ησ_r = 1/1200): 1.04127·10⁻⁴ (1.98·10⁻⁵ at γ = 0.05; → 0 as η → 0 or γ → 1). ' +
    'Counterexample (rational parameters; the sides are logarithms, evaluated to 50 digits): γ = 1/2, σ₁ = σ_r = 1, m = n = k = r = 1, c_ρ = 1/2, η = 1/1200 = η_max, ρ = 10⁻³⁰⁰ (log ρ_max = −522.6): T₁/T = 0.80279482 > 0.80271123. ' +
    'Corrected: with the factor (1 + (1+γ)ησ_r/2) (fact (i): log(1+γy) ≤ γy, log(1+by) ≥ by/(1+by)).',
  grading: {
    grade: 'breaks-proof',
    why:
      'inequality 1 (T₁/T ≤ 4γ/(3γ+1) + (3−2γ)(1−γ)/(18(3γ+1))) holds as printed (jcd.lemma-c.9.parts) and so does the (C.7) step after this one (jcd.lemma-c.9.step-t1-c7), but this chain does not prove it, and the corrected step does not repair it everywhere: ' +
      '(1 + (1+γ)ησ_r/2)·2γ/(1+γ)·log(X/ρ)/((3γ+1)/(2(1+γ))log(1/ρ)) exceeds the bound of inequality 1 for γ ∈ (0.90, 1) (measured on 10⁵ admissible draws: by up to 1.19·10⁻³ relative at γ ≈ 0.97, η = η_max, m+n+k large), although T₁/T itself stays below it (slack ≥ 10⁻¹¹ relative there). ' +
      'For γ < 0.9017 the room in (C.7) (it holds with 180(1+γ) in place of 72 under the first condition on ρ) absorbs the factor (computed with ησ_r ≤ min{γ/600, (1−γ)/20}); above it a sharper form of fact 2 is needed (not derived here)',
    dependents: ['Lemma C.9, proof: inequality 1 (jcd.lemma-c.9.parts)', 'Lemma C.9 / (A.2) (jcd.lemma-c.9.ratio, jcd.lemma-c.9.step-sum)'],
  },
  corrected: 'jcd.lemma-c.9.step-t1-fact/corrected',
  sabotage: { description: 'the factor 2γ/(1+γ) halved', check: (x) => t1Fact(x, false, 0.5) },
});

export const c9T1FactCorrected = step({
  id: 'jcd.lemma-c.9.step-t1-fact/corrected',
  where: T1_FACT_WHERE,
  statement: 'T₁/T ≤ 2γ/(1+γ)·(1 + (1+γ)ησ_r/2)·log(X/ρ)/((3γ+1)/(2(1+γ))·log(1/ρ)), X = 12(m+n+k)√((1−γ)/24)√σ_r/(c_ρ√σ₁)',
  check: (x) => t1Fact(x, true),
  corrects: 'jcd.lemma-c.9.step-t1-fact',
  sabotage: { description: 'the factor (1 + (1+γ)ησ_r/2) dropped (the printed form)', check: (x) => t1Fact(x, false) },
});

function t1C7(x: JcdTimeParameters, keepMain = true): Comparison[] {
  const p = parts(x);
  const lhs = middle1(p);
  const { head1: main, b1: split } = inequalityBounds(p.g);
  const viaC7 = main * ((keepMain ? 1 : 0) + p.w / (72 * p.g));
  return [
    atMost('2γ/(1+γ)·log(X/ρ)/((3γ+1)/(2(1+γ))·log(1/ρ)) ≤ 4γ/(3γ+1)·(1 + (3−2γ)(1−γ)/(72γ))', lhs, viaC7, sides(lhs, viaC7)),
    equal('4γ/(3γ+1)·(1 + (3−2γ)(1−γ)/(72γ)) = 4γ/(3γ+1) + (3−2γ)(1−γ)/(18(3γ+1))', main * (1 + p.w / (72 * p.g)), split, sides(main, split)),
  ];
}

export const c9T1C7 = step({
  id: 'jcd.lemma-c.9.step-t1-c7',
  where: 'chain for T₁/T, second inequality ("the second inequality follows from (C.7)") and the closing equality',
  statement: '2γ/(1+γ)·log(X/ρ)/((3γ+1)/(2(1+γ))·log(1/ρ)) ≤ 4γ/(3γ+1)·(1 + (3−2γ)(1−γ)/(72γ)) = 4γ/(3γ+1) + (3−2γ)(1−γ)/(18(3γ+1))',
  check: (x) => t1C7(x),
  sabotage: { description: 'the leading term 4γ/(3γ+1)·1 dropped from the bound', check: (x) => t1C7(x, false) },
});

// ---------------------------------------------------------------------------------------------
// Chain 2: T₂/T.

/** 20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/L: the middle expression of chain 2. */
const middle2 = (p: ReturnType<typeof parts>) => ((20 * p.g * (1 + p.g)) / (3 * p.g + 1)) * (p.l2 / p.L);

function t2Fact(x: JcdTimeParameters, corrected: boolean, factor = 1): Comparison[] {
  const p = parts(x);
  const rhs = factor * middle2(p) * (corrected ? 1 + 0.1 * p.yR : 1);
  const label = corrected ? 'T₂/T ≤ (1 + 0.1ησ_r)·20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/log(1/ρ)' : 'T₂/T ≤ 20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/log(1/ρ)';
  return [atMost(label, p.r2, rhs, sides(p.r2, rhs))];
}

const T2_FACT_WHERE = 'chain for T₂/T, first inequality ("the first inequality follows from fact 2")';

export const c9T2Fact = step({
  id: 'jcd.lemma-c.9.step-t2-fact',
  where: T2_FACT_WHERE,
  statement: 'T₂/T ≤ 20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/log(1/ρ)',
  check: (x) => t2Fact(x, false),
  expected: 'refuted',
  failsWhere: {
    text: 'γ < 0.1 (fact 2 applied with a = γ < b = 0.1 is reversed there; right for γ ≥ 0.1); relative excess ≈ (0.1−γ)ησ_r/2',
    contains: (x) => x.gamma < 0.1,
  },
  erratum:
    'The first inequality of the chain for T₂/T applies "fact 2" as log(1+γησ_r)/log(1+0.1ησ_r) ≤ 10γ; for γ < 0.1 (a = γ < b = 0.1) that is the reversed direction (jcd.lemma-c.9.facts), false for every ησ_r > 0; for γ ≥ 0.1 (a ≥ b) it is right. ' +
    'Failing region: every admissible instance with γ < 0.1, none with γ ≥ 0.1. The relative excess log(1+γησ_r)/(10γ·log(1+0.1ησ_r)) − 1 ≈ (0.1−γ)ησ_r/2 depends on γ and ησ_r only; ' +
    'largest at η = η_max, σ_r = σ₁ (ησ_r = γ/600), γ = 0.05: 2.0833·10⁻⁶ (7.5·10⁻⁷ at γ = 0.09; → 0 as γ → 0.1⁻, γ → 0 or η → 0). ' +
    'Counterexample (rational parameters; the sides are logarithms, evaluated to 50 digits): γ = 1/20, σ₁ = σ_r = 1, m = n = k = r = 1, c_ρ = 1/2, η = 1/12000 = η_max, ρ = 10⁻¹⁰: T₂/T = 0.064026743 > 0.064026609 (by 2.08·10⁻⁶ relative, far above rounding). ' +
    'Corrected: with the factor (1 + 0.1ησ_r) (fact (i)).',
  grading: {
    grade: 'breaks-proof',
    why:
      'the (C.8) step after it holds (jcd.lemma-c.9.step-t2-c8) and is an equality when ρ = ρ_max is set by (1−γ)/24, so this step is what makes inequality 2 fail on a band of γ just below 0.1 (jcd.lemma-c.9.parts); (A.2) itself holds (jcd.lemma-c.9.ratio). ' +
      "Corrected, the chain gives inequality 2 times (1 + 0.1ησ_r); for γ < 0.1 the room in inequality 1 ((C.7) holds with 180(1+γ) in place of 72 under the first condition on ρ) absorbs that, so this step alone is repairable; with chain 1 corrected too, the room in (C.7) closes the sum for γ < 0.9017 only, and above it the corrected chains add up to more than (A.2)'s right side on some admissible instances (measured from γ ≈ 0.95, by up to 6.5·10⁻⁴ relative at γ ≈ 0.97; jcd.lemma-c.9.step-t1-fact)",
    dependents: ['Lemma C.9, proof: inequality 2 (jcd.lemma-c.9.parts)', 'Lemma C.9 / (A.2) (jcd.lemma-c.9.ratio, jcd.lemma-c.9.step-sum)'],
  },
  corrected: 'jcd.lemma-c.9.step-t2-fact/corrected',
  sabotage: { description: 'the constant 20 made 10', check: (x) => t2Fact(x, false, 0.5) },
});

export const c9T2FactCorrected = step({
  id: 'jcd.lemma-c.9.step-t2-fact/corrected',
  where: T2_FACT_WHERE,
  statement: 'T₂/T ≤ (1 + 0.1ησ_r)·20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/log(1/ρ)',
  check: (x) => t2Fact(x, true),
  corrects: 'jcd.lemma-c.9.step-t2-fact',
  sabotage: { description: 'the factor (1 + 0.1ησ_r) dropped (the printed form)', check: (x) => t2Fact(x, false) },
});

function t2C8(x: JcdTimeParameters, factor = 1): Comparison[] {
  const p = parts(x);
  const lhs = middle2(p);
  const rhs = factor * inequalityBounds(p.g).tail;
  return [atMost('20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/log(1/ρ) ≤ (3−2γ)(1−γ)/(18(3γ+1))', lhs, rhs, sides(lhs, rhs))];
}

export const c9T2C8 = step({
  id: 'jcd.lemma-c.9.step-t2-c8',
  where: 'chain for T₂/T, second inequality ("the second inequality follows from (C.8)")',
  statement: '20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/log(1/ρ) ≤ (3−2γ)(1−γ)/(18(3γ+1))',
  check: (x) => t2C8(x),
  sabotage: { description: 'the bound halved (18 made 36)', check: (x) => t2C8(x, 0.5) },
});

// ---------------------------------------------------------------------------------------------
// Chain 3: T₃/T.

/** 4γ(1+γ)/(3(1+3γ))·(log 3 + eL)/L: the middle expression of chain 3. */
const middle3 = (p: ReturnType<typeof parts>, factor = 1) => ((factor * 4 * p.g * (1 + p.g)) / (3 * (1 + 3 * p.g))) * ((Math.log(3) + p.e * p.L) / p.L);

function t3Fact(x: JcdTimeParameters, factor = 1): Comparison[] {
  const p = parts(x);
  const rhs = middle3(p, factor);
  return [atMost('T₃/T ≤ 4γ(1+γ)/(3(1+3γ))·(log 3 + (1−γ)/(2(1+γ))·log(1/ρ))/log(1/ρ)', p.r3, rhs, sides(p.r3, rhs))];
}

export const c9T3Fact = step({
  id: 'jcd.lemma-c.9.step-t3-fact',
  where: 'chain for T₃/T, first inequality ("the first inequality follows from fact 1": log(1+γησ_r) ≤ γησ_r, −log(1 − 3ησ_r/2) ≥ 3ησ_r/2)',
  statement: 'T₃/T ≤ 4γ(1+γ)/(3(1+3γ))·(log 3 + (1−γ)/(2(1+γ))·log(1/ρ))/log(1/ρ)',
  check: (x) => t3Fact(x),
  sabotage: { description: 'the constant 4 made 2', check: (x) => t3Fact(x, 0.5) },
});

function t3C9(x: JcdTimeParameters, keepTail = true): Comparison[] {
  const p = parts(x);
  const lhs = middle3(p);
  const { head3, tail } = inequalityBounds(p.g);
  const rhs = head3 + (keepTail ? tail : 0);
  return [atMost('4γ(1+γ)/(3(1+3γ))·(log 3 + (1−γ)/(2(1+γ))·log(1/ρ))/log(1/ρ) ≤ 2γ(1−γ)/(3(3γ+1)) + (3−2γ)(1−γ)/(18(3γ+1))', lhs, rhs, sides(lhs, rhs))];
}

export const c9T3C9 = step({
  id: 'jcd.lemma-c.9.step-t3-c9',
  where: 'chain for T₃/T, second inequality ("the second inequality follows from (C.9)")',
  statement: '4γ(1+γ)/(3(1+3γ))·(log 3 + (1−γ)/(2(1+γ))·log(1/ρ))/log(1/ρ) ≤ 2γ(1−γ)/(3(3γ+1)) + (3−2γ)(1−γ)/(18(3γ+1))',
  check: (x) => t3C9(x),
  sabotage: { description: 'the term (3−2γ)(1−γ)/(18(3γ+1)) dropped', check: (x) => t3C9(x, false) },
});

// ---------------------------------------------------------------------------------------------
// The combination.

function sum(x: JcdTimeParameters, six = 6): Comparison[] {
  const p = parts(x);
  const b = bounds(p.g, six);
  const total = b.b1 + b.b2 + b.b3;
  const ratio = p.r1 + p.r2 + p.r3;
  return [
    equal('[4γ/(3γ+1) + w/(18(3γ+1))] + w/(18(3γ+1)) + [2γ(1−γ)/(3(3γ+1)) + w/(18(3γ+1))] = 1 − (3−2γ)(1−γ)/(6(3γ+1))', total, b.a2, sides(total, b.a2)),
    atMost('(T₁ + T₂ + T₃)/T ≤ 1 − (3−2γ)(1−γ)/(6(3γ+1)) (brackets omitted)', ratio, b.a2, sides(ratio, b.a2)),
  ];
}

export const c9Sum = step({
  id: 'jcd.lemma-c.9.step-sum',
  where: '"The result will follow if we add these inequalities together" (and the lemma, read as the proof does, without brackets)',
  statement:
    '4γ/(3γ+1) + (3−2γ)(1−γ)/(18(3γ+1)) + (3−2γ)(1−γ)/(18(3γ+1)) + 2γ(1−γ)/(3(3γ+1)) + (3−2γ)(1−γ)/(18(3γ+1)) = 1 − (3−2γ)(1−γ)/(6(3γ+1)), and (T₁ + T₂ + T₃)/T ≤ 1 − (3−2γ)(1−γ)/(6(3γ+1)) with T₁, T₂, T₃, T unbracketed',
  check: (x) => sum(x),
  sabotage: { description: 'the 6 of 6(3γ+1) made 3 (the gap doubled)', check: (x) => sum(x, 3) },
});
