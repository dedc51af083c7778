/**
 * JCD Lemma C.9, the steps of its proof. The proof drops the brackets of (A.1) ("For simplicity, we
 * omit the flooring and ceiling operations"), so T₁, T₂, T₃, T here are the real quotients
 *   T₁ = log(12(m+n+k)√((1−γ)/24)√σ_r/(c_ρρ√σ₁))/log(1 + (1+γ)/2·ησ_r),  T₂ = log(√(24/(1−γ)))/log(1 + 0.1ησ_r),
 *   T₃ = log(ρ^{(1−γ)/(2(1+γ))}/3)/log(1 − 3/2·ησ_r),  T = log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1 + ηγσ_r),
 * and, "using the bound ρ ≤ min{1/3, (1−γ)/24, c_ρ√σ₁/(12(m+n+k)√((1−γ)/24)√σ_r)}^{180γ(1+γ)/((3−2γ)(1−γ))}":
 *   (C.7) log(12(m+n+k)√((1−γ)/24)√σ_r/(c_ρ√σ₁)) ≤ (3−2γ)(1−γ)/(72γ)·log(1/ρ)
 *   (C.8) log(√(24/(1−γ))) ≤ (3−2γ)(1−γ)/(360γ(1+γ))·log(1/ρ)
 *   (C.9) log 3 ≤ (3−2γ)(1−γ)/(24γ(1+γ))·log(1/ρ)
 * and "the following three inequalities":
 *   1. T₁/T ≤ 4γ/(3γ+1) + (3−2γ)(1−γ)/(18(3γ+1));  2. T₂/T ≤ (3−2γ)(1−γ)/(18(3γ+1));
 *   3. T₃/T ≤ 2γ(1−γ)/(3(3γ+1)) + (3−2γ)(1−γ)/(18(3γ+1)).
 * Each is its own labelled comparison, computed from log ρ (lemmas/jcd/support/times.ts).
 *
 * Erratum (bound 2). The proof gets T₂/T ≤ 20γ(1+γ)/(3γ+1)·log√(24/(1−γ))/log(1/ρ) from "fact 2",
 * log(1+aησ_r)/log(1+bησ_r) ≤ a/b for a < b, which is reversed (jcd.lemma-c.9.facts): for γ < 0.1 that
 * step is false on every instance, by the factor log(1+γησ_r)/(10γ log(1+0.1ησ_r)) ≈ 1 + (0.1−γ)ησ_r/2
 * (jcd.lemma-c.9.step-t2-fact). Bound 2 itself fails only where that excess is not absorbed by the
 * slack of (C.8), i.e. where (C.8) is (nearly) an equality: ρ at ρ_max, with the first bound on ρ,
 * ((1−γ)/24)^{180γ(1+γ)/((3−2γ)(1−γ))}, the binding one. Measured (lemmas/jcd/support/times.ts, γ on a 2·10⁻⁶ grid,
 * checked in 50-digit arithmetic at the ends):
 *  - γ ∈ (γ*, 0.1), where γ* is the γ at which the first bound on ρ meets the second,
 *    ((1−γ)c_ρσ_r/(1200(m+n+k)rσ₁))^{2(1+γ)/(1−γ)}; it depends on D = (m+n+k)r·σ₁/(σ_r c_ρ):
 *    γ* = 0.080033 (D = 3: m = n = k = r = 1, σ_r = σ₁, c_ρ → 1), 0.0826 (D = 4), 0.0862 (6), 0.0898 (9),
 *    0.0924 (12), 0.0995 (27); for D ≥ 28.74 there is no failing γ;
 *  - ρ within a relative ~10⁻⁶ of ρ_max in log ρ (none at log ρ/log ρ_max = 1 + 10⁻⁵);
 *  - the excess is proportional to η/η_max and to (σ_r/σ₁)³ (through ησ_r ≤ γσ_r³/(600σ₁³)) and → 0
 *    as γ → 0.1⁻; largest, 1.3317·10⁻⁶ relative (T₂/T over the bound, minus 1), as γ ↓ γ* = 0.080033 with
 *    m = n = k = r = 1, σ_r = σ₁, c_ρ → 1, η = η_max, ρ = ρ_max (7.5·10⁻⁷ at γ = 0.09).
 * Elsewhere bound 2 holds: at γ = 0.05 (the second bound on ρ binds) with 39% slack, and for every γ ≥ 0.1.
 * Counterexample (rational parameters; the sides are logarithms, evaluated to 50 digits in development):
 * γ = 17/200, σ₁ = σ_r = 1, m = n = k = r = 1, c_ρ = 999/1000, η = 17/120000 = η_max, ρ = 8.023993·10⁻¹⁰
 * (ρ_max = 8.0239935·10⁻¹⁰): T₂/T = 0.114628276 > 0.114628154 = (3−2γ)(1−γ)/(18(3γ+1)), by 1.06·10⁻⁶
 * relative — thin, but 10¹⁰ times the rounding, so false as printed. Corrected: by log(1+γy) ≤ γy and
 * log(1+0.1y) ≥ 0.1y/(1+0.1y), bound 2 holds multiplied by (1 + 0.1ησ_r).
 * Bound 1 uses the same false step (a = γ < b = (1+γ)/2; jcd.lemma-c.9.step-t1-fact) but holds as
 * printed (its slack stayed ≥ 10⁻¹¹ relative on 10⁵ admissible draws, smallest as γ → 1); (A.2) itself
 * holds (jcd.lemma-c.9.ratio).
 *
 * Instances: admissible by construction, half of them from the whole range (admissibleTimeParameters)
 * and half from the edge where (C.8) is an equality: γ ∈ (0, 0.1), η = η_max, ρ = ρ_max, r = 1,
 * m − r, n − r, k − r ≤ 2, c_ρ = 1 − 10⁻⁹, σ_r = σ₁.
 */
import fc from 'fast-check';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { admissibleTimeHypotheses } from './support/hypotheses.ts';
import { admissibleTimeParameters, type JcdTimeParameters, logT1Factor, type Quotient, timeQuotients } from './support/times.ts';

/** T_i/T as computed; each quotient is within a few tens of u (lemmas/jcd/support/times.ts bounds it), covered by the tolerance on scale |lhs| + |rhs|. */
const over = (a: Quotient, b: Quotient) => a.value / b.value;

/** (3−2γ)(1−γ), the factor every bound of the proof carries. */
export const w = (g: number) => (3 - 2 * g) * (1 - g);

/** The right sides of the proof's inequalities 1–3, as printed, with their two leading terms and the common w/(18(3γ+1)). */
export function inequalityBounds(g: number) {
  const head1 = (4 * g) / (3 * g + 1);
  const head3 = (2 * g * (1 - g)) / (3 * (3 * g + 1));
  const tail = w(g) / (18 * (3 * g + 1));
  return { head1, head3, tail, b1: head1 + tail, b2: tail, b3: head3 + tail };
}

function check(x: JcdTimeParameters, corrected: boolean, t2Factor = corrected, c7Constant = 72): Comparison[] {
  const g = x.gamma;
  const L = -x.logRho;
  const lx = logT1Factor(x);
  const l2 = 0.5 * (Math.log(24) - Math.log1p(-g));
  const q = timeQuotients(x);
  const { b1, b3, tail } = inequalityBounds(g);
  const b2 = tail * (t2Factor ? 1 + 0.1 * x.eta * x.sigmaR : 1);
  const c7 = (w(g) / (c7Constant * g)) * L;
  const c8 = (w(g) / (360 * g * (1 + g))) * L;
  const c9 = (w(g) / (24 * g * (1 + g))) * L;
  // (C.8) is an equality when ρ = ρ_max is set by (1−γ)/24, and bound 2 (corrected) tends to one as
  // ησ_r → 0: the sides are compared as computed, with the tolerance on the magnitudes rounded.
  return [
    atMost('(C.7): log(12(m+n+k)√((1−γ)/24)√σ_r/(c_ρ√σ₁)) ≤ (3−2γ)(1−γ)/(72γ)·log(1/ρ)', lx.value, c7, c7 + lx.size),
    atMost('(C.8): log√(24/(1−γ)) ≤ (3−2γ)(1−γ)/(360γ(1+γ))·log(1/ρ)', l2, c8, c8 + l2),
    atMost('(C.9): log 3 ≤ (3−2γ)(1−γ)/(24γ(1+γ))·log(1/ρ)', Math.log(3), c9, c9 + Math.log(3)),
    atMost('1: T₁/T ≤ 4γ/(3γ+1) + (3−2γ)(1−γ)/(18(3γ+1))', over(q.t1, q.t), b1, b1 + over(q.t1, q.t)),
    atMost(corrected ? '2: T₂/T ≤ (1 + 0.1ησ_r)(3−2γ)(1−γ)/(18(3γ+1))' : '2: T₂/T ≤ (3−2γ)(1−γ)/(18(3γ+1))', over(q.t2, q.t), b2, b2 + over(q.t2, q.t)),
    atMost('3: T₃/T ≤ 2γ(1−γ)/(3(3γ+1)) + (3−2γ)(1−γ)/(18(3γ+1))', over(q.t3, q.t), b3, b3 + over(q.t3, q.t)),
  ];
}

/** The whole admissible range, and the edge where (C.8) is an equality (γ < 0.1 there refutes bound 2). */
export const lemmaC9Instances = fc.oneof(
  admissibleTimeParameters(),
  admissibleTimeParameters({ gammaRange: [0, 0.1], etaFraction: 1, logRhoOffset: 0, maxR: 1, maxExtra: 2, cRho: 1 - 1e-9, sigmaRatio: 1 }),
);

/** What lemmaC9Instances concentrates on (the hypotheses' coordinates say so). */
export const LEMMA_C9_EDGE =
  'half of the instances are the edge family where (C.8) is an equality and inequality 2 fails: η = η_max, ρ = ρ_max, r = 1, c_ρ = 1 − 10⁻⁹, σ_r = σ₁ (γ ∈ (0, 0.1), m − r, n − r, k − r ≤ 2)';

const common = {
  source: { paper: 'JCD', where: 'Lemma C.9, proof: (C.7)–(C.9) and inequalities 1–3' },
  kind: 'inequality',
  // Lemma C.9: "Under the assumption of Theorem A.1".
  hypotheses: admissibleTimeHypotheses({ edge: LEMMA_C9_EDGE }),
  choices: { brackets: 'T₁, T₂, T₃, T without brackets, as in the proof ("we omit the flooring and ceiling operations")' },
  instances: lemmaC9Instances,
  size: () => 1,
  runs: 300,
} as const;

export const lemmaC9Parts = defineClaim<JcdTimeParameters>({
  ...common,
  id: 'jcd.lemma-c.9.parts',
  statement: '(C.7), (C.8), (C.9); T₁/T ≤ 4γ/(3γ+1) + (3−2γ)(1−γ)/(18(3γ+1)); T₂/T ≤ (3−2γ)(1−γ)/(18(3γ+1)); T₃/T ≤ 2γ(1−γ)/(3(3γ+1)) + (3−2γ)(1−γ)/(18(3γ+1))',
  check: (x) => check(x, false),
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why:
      'inequality 2 fails, by at most 1.33·10⁻⁶ relative, on the thin region of the erratum, and holds there multiplied by (1 + 0.1ησ_r). The three printed bounds sum to exactly 1 − (3−2γ)(1−γ)/(6(3γ+1)), the right side of (A.2) (jcd.lemma-c.9.step-sum), so on that region the proof as written gives (A.2) only up to the same excess (≤ 0.1ησ_r·(3−2γ)(1−γ)/(18(3γ+1))); ' +
      "(A.2) itself holds as printed (jcd.lemma-c.9.ratio, certified over the admissible range). For γ < 0.1 the room in inequality 1 ((C.7) holds with 180(1+γ) in place of 72 under the first condition on ρ) absorbs the correction, even with chain 1's fact-2 step corrected as well; for γ ≥ 0.9017 chain 1's corrected step costs more than (C.7)'s room, and from γ ≈ 0.95 the corrected chains add up to more than (A.2)'s right side on some admissible instances (measured; jcd.lemma-c.9.step-t1-fact)",
    dependents: [
      'Lemma C.9, proof: "The result will follow if we add these inequalities together" (jcd.lemma-c.9.step-sum)',
      'Lemma C.9 / (A.2): T₀/T ≤ 1 − (3−2γ)(1−γ)/(6(3γ+1)) (jcd.lemma-c.9.ratio)',
      'Theorem A.1 (the window T₀ ≤ t ≤ T is non-empty)',
    ],
  },
  failsWhere: {
    text: 'γ < 0.1 (inequality 2 uses fact 2 reversed there); measured only on γ ∈ (γ*, 0.1) with ρ within ≈ 10⁻⁶ (relative, in log ρ) of ρ_max, γ* = 0.080 at D = (m+n+k)rσ₁/(σ_rc_ρ) = 3 rising to 0.0995 at D = 27, none for D ≥ 28.74',
    contains: (x) => x.gamma < 0.1,
  },
  erratum:
    'Inequality 2 of the proof of Lemma C.9, T₂/T ≤ (3−2γ)(1−γ)/(18(3γ+1)), is false on a thin region, by at most 1.33·10⁻⁶ relative. Its first step uses "fact (ii)", log(1+aησ_r)/log(1+bησ_r) ≤ a/b (a < b), reversed (false for every γ < 0.1: jcd.lemma-c.9.step-t2-fact); its second step, (C.8), has room except where it is an equality. ' +
    'Measured failing region: γ ∈ (γ*, 0.1), ρ within ~10⁻⁶ (relative, in log ρ) of ρ_max, where γ* is where the first bound on ρ, ((1−γ)/24)^{180γ(1+γ)/((3−2γ)(1−γ))}, meets the second, ((1−γ)c_ρσ_r/(1200(m+n+k)rσ₁))^{2(1+γ)/(1−γ)}: with D = (m+n+k)r·σ₁/(σ_r c_ρ), γ* = 0.080033 at D = 3 (m = n = k = r = 1, σ_r = σ₁, c_ρ → 1), 0.0862 at D = 6, 0.0898 at 9, 0.0924 at 12, 0.0995 at 27, and no failure for D ≥ 28.74. ' +
    'The excess is proportional to η/η_max and (σ_r/σ₁)³ and vanishes as γ → 0.1; the largest, 1.3317·10⁻⁶ relative, is approached as γ ↓ 0.080033 with m = n = k = r = 1, σ_r = σ₁, c_ρ → 1, η = η_max, ρ = ρ_max (7.5·10⁻⁷ at γ = 0.09). It holds elsewhere: with 39% slack at γ = 0.05, and for every γ ≥ 0.1. ' +
    'Counterexample (rational parameters; the sides are logarithms, evaluated to 50 digits): γ = 17/200, σ₁ = σ_r = 1, m = n = k = r = 1, c_ρ = 999/1000, η = 17/120000 = η_max, ρ = 8.023993·10⁻¹⁰ ≤ ρ_max = 8.0239935·10⁻¹⁰: T₂/T = 0.114628276 > 0.114628154, by 1.06·10⁻⁶ relative (far above rounding). ' +
    'Corrected: T₂/T ≤ (1 + 0.1ησ_r)(3−2γ)(1−γ)/(18(3γ+1)). (A.2) is unaffected (jcd.lemma-c.9.ratio).',
  corrected: 'jcd.lemma-c.9.parts/corrected',
  sabotage: { description: 'the 72 of (C.7) made 720', check: (x) => check(x, false, false, 720) },
});

export const lemmaC9PartsCorrected = defineClaim<JcdTimeParameters>({
  ...common,
  id: 'jcd.lemma-c.9.parts/corrected',
  statement: '(C.7), (C.8), (C.9) and inequalities 1, 3 as printed; inequality 2 as T₂/T ≤ (1 + 0.1ησ_r)(3−2γ)(1−γ)/(18(3γ+1))',
  check: (x) => check(x, true),
  expected: 'holds',
  corrects: 'jcd.lemma-c.9.parts',
  sabotage: { description: 'the factor (1 + 0.1ησ_r) of inequality 2 dropped (the printed form)', check: (x) => check(x, true, false) },
});
