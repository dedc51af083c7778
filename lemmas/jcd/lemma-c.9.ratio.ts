/**
 * JCD Theorem A.1, (A.2), proved as Lemma C.9 — "Define T₀ := T₁ + T₂ + T₃. Then we have
 *     T₀/T ≤ 1 − (3 − 2γ)(1 − γ)/(6(3γ + 1))"                                            (A.2)
 * with T₁, T₂, T₃, T as (A.1) defines them (lemmas/jcd/support/times.ts quotes them), brackets and +1
 * included, under the assumptions of Theorem A.1: γ ∈ (0, 1), η ≤ min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)},
 * c_ρ < 1 and both printed bounds on ρ.
 *
 * Brackets: the extraction keeps ⌊·⌋ around T and drops the brackets around T₁, T₂, T₃; the proof
 * speaks of "flooring and ceiling operations", so they are read as ceilings. The check uses the
 * ceilings, which is the stronger statement: with floors T₀ is no larger, so a pass covers both readings.
 *
 * Computation: ρ is far below the double range (with m = n = k = r = 1, σ_r = σ₁, c_ρ → 1:
 * log ρ_max ≈ −523 at γ = 0.5, −1955 at γ = 0.7, −8.6·10¹² at γ = 1 − 10⁻⁹, where T ≈ 1.7·10²³ is far
 * beyond 2⁵³), so everything is computed from log ρ; each quotient of (A.1) carries a certified
 * enclosure, the integer counts are bracketed exactly in BigInt, and the left side is a certified
 * UPPER bound on T₀/T (largest T₀ over smallest T, rounded up): a "holds" is never an artefact of
 * rounding or of a floor below double resolution. The tolerance then only covers the rounding of the
 * right side (scale 1).
 *
 * Instances: admissible by construction (admissibleTimeParameters): γ anywhere in (0, 1) including
 * within 10⁻⁹ of either end; dimensions up to 10⁶ + 20; c_ρ, σ_r/σ₁, η/η_max down to 10⁻⁶; ρ at
 * its maximum or below it. The constant 6 has a witness: the smallest c with
 * T₀/T ≤ 1 − (3−2γ)(1−γ)/(c(3γ+1)). As ρ → 0, T₀/T → 1 − 2(3−2γ)(1−γ)/(6(3γ+1)) (the witness → 3),
 * so 6 is never tight; the gap 1 − (A.2) is used least at ρ = ρ_max.
 */
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { admissibleTimeHypotheses } from './support/hypotheses.ts';
import { admissibleTimeParameters, type JcdTimeParameters, ratioUpperBound } from './support/times.ts';

/** (3 − 2γ)(1 − γ)/(c(3γ + 1)): the gap of (A.2) with its constant c (printed 6). */
function gap(gamma: number, c: number): number {
  return ((3 - 2 * gamma) * (1 - gamma)) / (c * (3 * gamma + 1));
}

function check(x: JcdTimeParameters, c: number): Comparison[] {
  // Left side certified from above; the right side is rounded a few times at magnitude ≤ 1.
  return [atMost('(A.2): T₀/T ≤ 1 − (3−2γ)(1−γ)/(6(3γ+1))', ratioUpperBound(x), 1 - gap(x.gamma, c), 1)];
}

function instances(fixed: Readonly<Record<string, number>>) {
  return admissibleTimeParameters({ etaFraction: fixed.etaFraction, logRhoOffset: fixed.logRhoOffset });
}

export const lemmaC9Ratio = defineClaim<JcdTimeParameters>({
  id: 'jcd.lemma-c.9.ratio',
  source: { paper: 'JCD', where: 'Lemma C.9, Theorem A.1 (A.1), (A.2)' },
  kind: 'inequality',
  statement: 'T₀/T = (T₁ + T₂ + T₃)/T ≤ 1 − (3−2γ)(1−γ)/(6(3γ+1)), T₁, T₂, T₃, T as in (A.1) (brackets and +1 included)',
  hypotheses: admissibleTimeHypotheses(),
  choices: {
    brackets: 'T₁, T₂, T₃ with ceilings (⌈·⌉ + 1), T with a floor: the stronger reading (floors on T₁, T₂, T₃ give a smaller T₀)',
  },
  constants: { c: { printed: () => 6, formula: '6 (in 6(3γ+1))' } },
  instances: instances({}),
  parameters: {
    specs: {
      etaFraction: { description: 'η as a multiple of min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)}', allowed: [0, 1], explore: [1, 100], scale: 'log' },
      logRhoOffset: { description: 'log ρ_max − log ρ (negative: ρ above its bound)', allowed: [0, 50], explore: [-50, 0], scale: 'linear' },
    },
    instances,
  },
  size: () => 1,
  check: (x, c) => check(x, c.c),
  witness: {
    // T₀/T ≤ 1 − g/c ⇔ c ≥ g/(1 − T₀/T), g = (3−2γ)(1−γ)/(3γ+1).
    c: (x, tol) => gap(x.gamma, 1) / (1 - ratioUpperBound(x) - tol),
  },
  expected: 'holds',
  runs: 300,
  sabotage: { description: 'the 6 of 6(3γ+1) made 3 (the gap doubled)', constants: { c: () => 3 } },
});
