/**
 * YD21, proof of Lemma 3.2 (App. C of the preprint, 001 — the only copy with App. C): "For the
 * second term, it can be rewritten as
 *
 *   (1 − β)S + ηΣS + ηΣΣ + η²/(1 − β)·ΣSΣ ≡ (√(1 − β)I + η/√(1 − β)·Σ) S (√(1 − β)I + η/√(1 − β)·Σ)."
 *
 * What was printed. The text copy reads "ηΣΣ" where the split just above (yd21.lemma-3.2.proof-split)
 * has "ηSΣ"; it renders S and Σ distinctly everywhere else in App. C, and the Lemma 3.3 analogue
 * reads "−ηΣP − ηPΣ", so the left side is taken as printed, with ηΣΣ. As printed it is false
 * (the right side expands to (1 − β)S + ηΣS + ηSΣ + η²/(1 − β)·ΣSΣ, which has no ΣΣ term); with ηSΣ
 * it is exact. A typo of no consequence: the proof uses the right side. Verified by the expansion
 * (√(1−β)I + ηΣ/√(1−β))S(√(1−β)I + ηΣ/√(1−β)) = (1−β)S + ηΣS + ηSΣ + η²ΣSΣ/(1−β), on these instances,
 * and during development in exact rational arithmetic (Python fractions, with c² = 1 − β standing
 * for the square roots: 20 instances, corrected exact on 20/20, printed wrong on 20/20).
 *
 * Scale: the residual's magnitude, computed from its one definition below (src/claims/measured.ts).
 */
import { combine, frobenius } from '../../src/linalg/dense.ts';
import { magnitudeOps, residualComparisons } from '../../src/claims/measured.ts';
import { measuredLemmaInputs } from '../../src/gd/measured-step.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { LEMMA_3_2 } from '../../src/hypotheses/lemma.ts';
import { type LemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';
import fc from 'fast-check';
import { EACH_DIMENSION, LEMMA_INSTANCES, type LemmaResiduals, lemmaStateExact } from '../../src/exact/states.ts';
import { lemmaSymbolic } from '../../src/exact/symbolic-steps.ts';
import type { ExactForm } from '../../src/exact/form.ts';
import { dimension } from '../../src/random/arbitraries.ts';

/**
 * The congruence (cI + ηΣ/c)S(cI + ηΣ/c), c = √(1 − β), minus the left side (printed ηΣΣ, or
 * corrected ηSΣ), true − printed as LemmaResiduals are; sabotaged: the factor 1/(1 − β) of η²ΣSΣ dropped.
 */
const factorisationResidual =
  (corrected: boolean): LemmaResiduals =>
  (A, { Sigma, S, c, beta, eta, d }, sabotaged) => {
    const { F, mul, sub, combine, eye } = A;
    const oneMinusBeta = F.sub(F.one, beta);
    const e2 = F.mul(eta, eta);
    const lhs = combine(
      [oneMinusBeta, S],
      [eta, mul(Sigma, S)],
      [eta, corrected ? mul(S, Sigma) : mul(Sigma, Sigma)],
      [sabotaged ? e2 : F.div(e2, oneMinusBeta), mul(Sigma, S, Sigma)],
    );
    const G = combine([c, eye(d)], [F.div(eta, c), Sigma]);
    return { '(√(1−β)I + ηΣ/√(1−β))S(·) − lhs': sub(mul(G, S, G), lhs) };
  };

const check = (x: LemmaInstance, corrected: boolean, sabotaged = false) =>
  residualComparisons(factorisationResidual(corrected)(magnitudeOps, measuredLemmaInputs(x), sabotaged));

/** The exact form (rational: c = √(1 − β) is drawn rational, β = 1 − c²). */
function exactFactorisation(corrected: boolean): ExactForm<{ d: number }> {
  return {
    instances: LEMMA_INSTANCES,
    dims: fc.record({ d: dimension(1, 3) }),
    certifyAt: [{ d: 1 }, { d: 2 }, { d: 3 }],
    coverage: EACH_DIMENSION,
    // N = 2²⁰ + 1: the mechanical bound is loose here (≈ 50, from the denominators 1 − β = c² and tr Σ).
    setSize: 2 ** 20 + 1,
    evaluate: (A, { d }, v, sabotaged) => {
      const { Sigma, S, c, beta, eta } = lemmaStateExact(A, d, v);
      return { instance: { Sigma, S, beta, eta }, residuals: factorisationResidual(corrected)(A, { Sigma, S, c, beta, eta, d }, sabotaged) };
    },
  };
}

const common = {
  source: { paper: 'YD21', where: 'proof of Lemma 3.2, App. C (preprint)' },
  kind: 'identity',
  hypotheses: LEMMA_3_2, // the proof's displays are printed under the lemma's hypotheses
  instances: lemmaInstance((sigma1) => [2 * sigma1 * 1e-3, 2 * sigma1]),
  size: (x: LemmaInstance) => x.d,
} as const;

export const lemma32Factorisation = defineClaim<LemmaInstance>({
  ...common,
  id: 'yd21.lemma-3.2.proof-factorisation',
  statement: '(1 − β)S + ηΣS + ηΣΣ + η²/(1 − β)·ΣSΣ ≡ (√(1 − β)I + η/√(1 − β)·Σ)S(√(1 − β)I + η/√(1 − β)·Σ)',
  check: (x) => check(x, false),
  exact: exactFactorisation(false),
  symbolic: lemmaSymbolic(factorisationResidual(false)),
  expected: 'refuted',
  grading: {
    grade: 'extraction',
    why: 'one letter (Σ for S) in the one text copy that has App. C, while the split printed directly above has ηSΣ; the proof only uses the right side of the factorisation',
    dependents: ['nothing: the proof of Lemma 3.2 continues from the right side (yd21.lemma-3.2.proof-steps)'],
  },
  failsWhere: {
    text: 'S ≠ Σ (the printed left side is off by η(ΣΣ − SΣ) = η(Σ − S)Σ, Σ ≻ 0)',
    contains: (x) => frobenius(combine([1, x.X], [-1, x.Sigma])) > 0,
  },
  erratum:
    'The left side must read (1 − β)S + ηΣS + ηSΣ + η²/(1 − β)·ΣSΣ (as in the split above it): "ηΣΣ" is a typo for "ηSΣ". ' +
    'With it the congruence is exact; the proof only uses the right side, so nothing downstream changes.',
  corrected: 'yd21.lemma-3.2.proof-factorisation/corrected',
  sabotage: { description: 'the factor 1/(1 − β) of η²ΣSΣ dropped', check: (x) => check(x, false, true) },
});

export const lemma32FactorisationCorrected = defineClaim<LemmaInstance>({
  ...common,
  id: 'yd21.lemma-3.2.proof-factorisation/corrected',
  statement: '(1 − β)S + ηΣS + ηSΣ + η²/(1 − β)·ΣSΣ = (√(1 − β)I + η/√(1 − β)·Σ)S(√(1 − β)I + η/√(1 − β)·Σ)',
  check: (x) => check(x, true),
  exact: exactFactorisation(true),
  symbolic: lemmaSymbolic(factorisationResidual(true)),
  expected: 'holds',
  corrects: 'yd21.lemma-3.2.proof-factorisation',
  sabotage: { description: 'the factor 1/(1 − β) of η²ΣSΣ dropped', check: (x) => check(x, true, true) },
});
