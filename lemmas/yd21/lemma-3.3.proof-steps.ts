/**
 * YD21, proof of Lemma 3.3 (App. C of the preprint), case p ≤ 0, every step as printed, each a
 * comparison (p = λ_d(P), p′ = λ_d(P′), C = (8 + 6β)/(1 − β), and the split
 * P′ = T₁ + T₂ + η²T₃ with T₁ = βP + 2ηP² + η²P³, T₂ = (1 − β)P − ηΣP − ηPΣ + η²/(1 − β)·ΣPΣ,
 * T₃ = −β/(1 − β)·ΣPΣ − ΣPP − PPΣ — splitOf(…, −1), exact like yd21.lemma-3.2.proof-split):
 *
 *   [S]  P′ = T₁ + T₂ + η²T₃                                    (the split display; identity)
 *   [W]  λ_d(P′) ≥ λ_d(T₁) + λ_d(T₂) + η²λ_d(T₃)                 (Weyl)
 *   [1]  λ_d(T₁) = βp + 2ηp² + η²p³ exactly ("|p_i| ≤ 2σ₁, η ≤ β/(8σ₁)": β + 4ηt + 3η²t² ≥ 0 on [−2σ₁, 2σ₁])
 *   [2]  λ_d(T₂) ≥ (√(1 − β) − ησ_d/√(1 − β))²p  "if p ≤ 0"   (T₂ = FPF, F = √(1 − β)I − ηΣ/√(1 − β))
 *   [3]  η²λ_d(T₃) ≥ −C·η²σ₁³
 *   [4]  p′ ≥ (βp + 2ηp² + η²p³) + (√(1 − β) − ησ_d/√(1 − β))²p − C·η²σ₁³
 *   [5]     = (1 − η(σ_d − p))²p + βσ_d²η²p/(1 − β) + 2σ_dη²p² − C·σ₁³η²
 *   [6]     ≥ (1 − η(σ_d − p))²p − C·σ₁³η²
 *   [7]     ≥ (1 − ησ_d)²p − C·σ₁³η²
 *
 * Two steps are false as printed, while Lemma 3.3 itself holds (yd21.lemma-3.3):
 *
 * (a) [6] drops βσ_d²η²p/(1 − β) + 2σ_dη²p², which is negative for p ∈ (−βσ_d/(2(1 − β)), 0):
 *     p(βσ_d/(1 − β) + 2p) < 0 there. Corrected step (yd21.lemma-3.3.proof-steps.dropped-term/corrected):
 *     line 5 ≥ (1 − η(σ_d − p))²p − (C + 2β/(1 − β))σ₁³η², since βσ_d²η²p/(1 − β) ≥ −2β/(1 − β)·σ₁³η²
 *     (|p| ≤ 2σ₁, σ_d ≤ σ₁) and 2σ_dη²p² ≥ 0.
 * (b) [2] bounds λ_d(FPF) ≥ p·λ_max(F)², but the bound needs p·‖F‖²_op: F's eigenvalues are
 *     √(1 − β) − ησ_i/√(1 − β), which are negative for σ_i > (1 − β)/η, and then ‖F‖_op can exceed
 *     √(1 − β) − ησ_d/√(1 − β). With η ≤ β/(8σ₁) this needs η(σ₁ + σ_d) > 2(1 − β), so β > 8/9.
 *     Corrected step (…congruence/corrected): λ_d(T₂) ≥ μ²p with
 *     μ = max(|√(1 − β) − ησ_d/√(1 − β)|, |√(1 − β) − ησ₁/√(1 − β)|) (= ‖F‖_op bound; xᵀFPFx ≥ p‖Fx‖²).
 *
 * Where each fails is stated as a predicate (failsWhere: (a) −βσ_d/(2(1 − β)) < p < 0, (b) η(λ₁(Σ) +
 * λ_d(Σ)) > 2(1 − β)) that every `check` tests against its sample and reports beside the measured
 * region (results.json failingRegion), so the frequencies are rerun with the claim, not quoted here.
 *
 * Shrunk counterexamples (seed 2021; the claims expected refuted draw from coarse grids, so they
 * shrink to readable instances), re-derived in exact rational arithmetic (Python fractions):
 *  (a) d = 1, σ₁ = σ_d = ½, p = −⅛, β = 11/32, η = 11/128: the dropped term is −121/22 020 096 < 0.
 *  (b) d = 3, Σ = diag(2, ¼, ¼), P = diag(−½, 0, 0), β = 15/16, η = 15/256: F = diag(−7/32, 49/256,
 *      49/256), so λ_d(T₂) = −(7/32)²/2 = −49/2048 < −(49/256)²/2 = −2401/131 072, the printed bound.
 *
 * A corrected chain that reaches the lemma (…proof-steps/corrected): [S], [W], [1] as printed,
 * [2′] λ_d(T₂) ≥ μ²p, [3′] η²λ_d(T₃) ≥ −(8 − 6β)/(1 − β)·η²σ₁³ (the tight norm bound: ‖T₃‖ ≤
 * β/(1 − β)σ₁²·2σ₁ + 2σ₁(2σ₁)²), [4′] p′ ≥ βp + 2ηp² + η²p³ + μ²p − (8 − 6β)/(1 − β)·η²σ₁³, and
 * [5′] line 4′ ≥ (1 − ησ_d)²p − (8 + 6β)/(1 − β)·σ₁³η². Proof of [5′] for p ≤ 0: the difference is
 * (β + μ² − (1 − ησ_d)²)p + ηp²(2 + ηp) + 12β/(1 − β)·σ₁³η², with ηp²(2 + ηp) ≥ 0 (|ηp| ≤ β/4). If μ
 * is attained at σ_d, β + μ² − (1 − ησ_d)² = βη²σ_d²/(1 − β), so the first term is ≥ −2β/(1 − β)σ₁³η²;
 * if at σ₁ (then β > 8/9), it is −2η(σ₁ − σ_d) + η²σ₁²/(1 − β) − η²σ_d², and the first term is
 * ≥ −2/(1 − β)σ₁³η²; both are covered by 12β/(1 − β)σ₁³η² (β > 1/6 in the second case). So the
 * printed constant (8 + 6β)/(1 − β) is what the loose third-term bound leaves room for.
 *
 * Scale: every side written once against BoundOps (the chain's terms are yd21.lemma-3.2.proof-steps'
 * `chainTerms` at s = −1) and evaluated in the magnitude model (src/claims/measured.ts), so the scale
 * is computed: an eigenvalue carries the magnitude of its matrix as formed, p that of P, each
 * polynomial term the product of its factors' magnitudes; μ² = max(a, b) is (a + b + |a − b|)/2.
 */
import fc from 'fast-check';
import { lambdaMax, lambdaMin } from '../../src/linalg/spectral.ts';
import { boundComparison, boundOps, type MeasuredScalar, residualComparisons } from '../../src/claims/measured.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { defineClaim, type StatedRegion } from '../../src/claims/types.ts';
import { LEMMA_3_3_CASE_P_NONPOSITIVE } from '../../src/hypotheses/lemma.ts';
import { inRange, spectrum } from '../../src/random/arbitraries.ts';
import { coarseLemmaInstance, type LemmaInstance, lemmaInstanceWith } from '../../src/random/lemma-instances.ts';
import { chainTerms } from './lemma-3.2.proof-steps.ts';

/** Lemma 3.3's instances in its case p ≤ 0: one eigenvalue of P in [−2σ₁, 0], the others in [−2σ₁, 2σ₁]. */
export const nonPositiveFloor = lemmaInstanceWith((sigma1, d) =>
  fc.tuple(inRange(-2 * sigma1, 0), spectrum(d - 1, -2 * sigma1, 2 * sigma1)).map(([p, rest]) => [...rest, p]),
);

/** The same on coarse grids (P's eigenvalues in multiples of σ₁/4), for the claims expected refuted. */
const gridEigenvalue = (sigma1: number, lo: number) => fc.integer({ min: lo, max: 8 }).map((i) => (i * sigma1) / 4);
export const nonPositiveFloorCoarse = coarseLemmaInstance((sigma1, d) =>
  fc
    .tuple(
      gridEigenvalue(sigma1, -8).map((v) => Math.min(v, 0)),
      fc.array(gridEigenvalue(sigma1, -8), { minLength: d - 1, maxLength: d - 1 }),
    )
    .map(([p, rest]) => [...rest, p]),
);

/**
 * Every quantity of the proof at one instance, in the magnitude model at relative tolerance `tol`:
 * the chain's terms (chainTerms at s = −1), the printed congruence factor (√(1−β) − ησ_d/√(1−β))²,
 * μ² = max of it and (√(1−β) − ησ₁/√(1−β))², and (1 − ησ_d)²p.
 */
function quantities(x: LemmaInstance, tol = relativeTolerance('inequality', x.d)) {
  const A = boundOps(tol);
  const { F } = A;
  const q = chainTerms(A, x, -1);
  const [fD, f1] = [q.factor(q.sd), q.factor(q.s1)];
  const contraction = F.sub(F.one, F.mul(A.constant(x.eta), q.sd));
  return {
    ...q,
    A,
    printedFactor2: fD,
    mu2: F.mul(A.ratio(1, 2), F.add(F.add(fD, f1), A.abs(F.sub(fD, f1)))),
    contracted: F.mul(F.mul(contraction, contraction), q.p),
  };
}

type Q = ReturnType<typeof quantities>;

/** C·σ₁³η² with C a (printed or derived) constant of the instance. */
const penalty = (q: Q, C: number): MeasuredScalar => q.A.F.mul(q.A.constant(C), q.unit);

const step = {
  split: (q: Q) => {
    const { A, t } = q;
    return residualComparisons({ '[S] P′ = T₁ + T₂ + η²T₃': A.sub(t.Xprime, A.combine([A.F.one, t.T1], [A.F.one, t.T2], [q.e2, t.T3])) })[0];
  },
  weyl: (q: Q) => boundComparison('[W] λ_d(P′) ≥ λ_d(T₁) + λ_d(T₂) + η²λ_d(T₃)', q.pPrime, '≥', [q.l1, q.l2, q.A.F.mul(q.e2, q.l3)].reduce(q.A.F.add)),
  first: (q: Q) => residualComparisons({ '[1] λ_d(T₁) = βp + 2ηp² + η²p³': q.A.F.sub(q.l1, q.first) })[0],
  congruence: (q: Q, half = false) =>
    boundComparison(
      half ? 'λ_d(T₂) ≥ ½(√(1−β) − ησ_d/√(1−β))²p' : '[2] λ_d(T₂) ≥ (√(1−β) − ησ_d/√(1−β))²p',
      q.l2,
      '≥',
      q.A.F.mul(half ? q.A.F.mul(q.A.ratio(1, 2), q.printedFactor2) : q.printedFactor2, q.p),
    ),
  congruenceCorrected: (q: Q) =>
    boundComparison('[2′] λ_d(T₂) ≥ μ²p, μ = max(|√(1−β) − ησ_d/√(1−β)|, |√(1−β) − ησ₁/√(1−β)|)', q.l2, '≥', q.A.F.mul(q.mu2, q.p)),
  third: (q: Q, C: number, label = '[3] η²λ_d(T₃) ≥ −C·η²σ₁³') => boundComparison(label, q.A.F.mul(q.e2, q.l3), '≥', q.A.F.neg(penalty(q, C))),
  /** βp + 2ηp² + η²p³ + factor2·p − C·σ₁³η² (line 4 with the printed factor, line 4′ with μ²). */
  line4: (q: Q, factor2: MeasuredScalar, C: number) => q.A.F.sub(q.A.F.add(q.first, q.A.F.mul(factor2, q.p)), penalty(q, C)),
  line5: (q: Q, C: number) => q.A.F.sub(q.A.F.add(q.growth, q.extra), penalty(q, C)),
  summed: (q: Q, factor2: MeasuredScalar, C: number, label: string) => boundComparison(label, q.pPrime, '≥', step.line4(q, factor2, C)),
  expand: (q: Q, C: number) =>
    residualComparisons({
      '[5] line 4 = (1 − η(σ_d − p))²p + βσ_d²η²p/(1−β) + 2σ_dη²p² − C·σ₁³η²': q.A.F.sub(step.line4(q, q.printedFactor2, C), step.line5(q, C)),
    })[0],
  dropExtra: (q: Q, C: number, extraConstant = 0) =>
    boundComparison(
      extraConstant === 0 ? '[6] line 5 ≥ (1 − η(σ_d − p))²p − C·σ₁³η²' : '[6′] line 5 ≥ (1 − η(σ_d − p))²p − (C + 2β/(1−β))·σ₁³η²',
      step.line5(q, C),
      '≥',
      q.A.F.sub(q.growth, penalty(q, C + extraConstant)),
    ),
  last: (q: Q, C: number) =>
    boundComparison('[7] line 6 ≥ (1 − ησ_d)²p − C·σ₁³η²', q.A.F.sub(q.growth, penalty(q, C)), '≥', q.A.F.sub(q.contracted, penalty(q, C))),
  lemma: (q: Q, factor2: MeasuredScalar, tightC: number, C: number) =>
    boundComparison('[5′] line 4′ ≥ (1 − ησ_d)²p − C·σ₁³η²', step.line4(q, factor2, tightC), '≥', q.A.F.sub(q.contracted, penalty(q, C))),
};

/** (a) The dropped η²σ_d·p(βσ_d/(1−β) + 2p) is negative: −βσ_d/(2(1−β)) < p < 0 (p = λ_d(P), σ_d = λ_min(Σ)). */
const DROPPED_TERM_REGION: StatedRegion<LemmaInstance> = {
  text: '−βσ_d/(2(1−β)) < p < 0 (p = λ_d(P), σ_d = λ_d(Σ)): the dropped η²σ_d·p(βσ_d/(1−β) + 2p) is negative there',
  contains: (x) => {
    const [p, sd] = [lambdaMin(x.X), lambdaMin(x.Sigma)];
    return p < 0 && p > (-x.beta * sd) / (2 * (1 - x.beta));
  },
};

/** (b) ‖F‖ exceeds √(1−β) − ησ_d/√(1−β) only when η(λ₁(Σ) + σ_d) > 2(1−β) (F = √(1−β)I − ηΣ/√(1−β)). */
const CONGRUENCE_REGION: StatedRegion<LemmaInstance> = {
  text: 'η(λ₁(Σ) + λ_d(Σ)) > 2(1−β), possible under η ≤ β/(8σ₁) only for β > 8/9: F = √(1−β)I − ηΣ/√(1−β) then has ‖F‖ > √(1−β) − ηλ_d(Σ)/√(1−β)',
  contains: (x) => x.eta * (lambdaMax(x.Sigma) + lambdaMin(x.Sigma)) > 2 * (1 - x.beta),
};

const printedC = (x: LemmaInstance) => (8 + 6 * x.beta) / (1 - x.beta);
const tightC = (x: LemmaInstance) => (8 - 6 * x.beta) / (1 - x.beta);

function printedChain(x: LemmaInstance, C: number): Comparison[] {
  const q = quantities(x);
  return [
    step.split(q),
    step.weyl(q),
    step.first(q),
    step.congruence(q),
    step.third(q, C),
    step.summed(q, q.printedFactor2, C, '[4] p′ ≥ (βp + 2ηp² + η²p³) + (√(1−β) − ησ_d/√(1−β))²p − C·η²σ₁³'),
    step.expand(q, C),
    step.dropExtra(q, C),
    step.last(q, C),
  ];
}

/** The corrected chain; `undo` puts back the printed factor in [2′] (the sabotage). */
function correctedChain(x: LemmaInstance, C: number, undo = false): Comparison[] {
  const q = quantities(x);
  const factor2 = undo ? q.printedFactor2 : q.mu2;
  return [
    step.split(q),
    step.weyl(q),
    step.first(q),
    undo ? step.congruence(q) : step.congruenceCorrected(q),
    step.third(q, tightC(x), '[3′] η²λ_d(T₃) ≥ −(8 − 6β)/(1 − β)·η²σ₁³'),
    step.summed(q, factor2, tightC(x), '[4′] p′ ≥ (βp + 2ηp² + η²p³) + μ²p − (8 − 6β)/(1 − β)·η²σ₁³'),
    step.lemma(q, factor2, tightC(x), C),
  ];
}

const common = {
  source: { paper: 'YD21', where: 'proof of Lemma 3.3, App. C (preprint), case p ≤ 0' },
  kind: 'inequality',
  hypotheses: LEMMA_3_3_CASE_P_NONPOSITIVE,
  constants: { C: { printed: printedC, formula: '(8 + 6β)/(1 − β)' } },
  // The smallest C with η²λ_d(T₃) ≥ −C·η²σ₁³ (the third-term step), rounding of λ_d(T₃) deducted:
  // its supremum is the tight (8 − 6β)/(1 − β), so the slack table shows the looseness of the printed one.
  witness: {
    C: (x: LemmaInstance, tol: number) => {
      const q = quantities(x, tol);
      const third = q.A.F.mul(q.e2, q.l3);
      return (-third.value - tol * third.magnitude) / q.unit.value;
    },
  },
  instances: nonPositiveFloor,
  size: (x: LemmaInstance) => x.d,
} as const;

const correctedStatement =
  'P′ = T₁ + T₂ + η²T₃; λ_d(P′) ≥ λ_d(T₁) + λ_d(T₂) + η²λ_d(T₃); λ_d(T₁) = βp + 2ηp² + η²p³; λ_d(T₂) ≥ μ²p with μ = max(|√(1−β) − ησ_d/√(1−β)|, |√(1−β) − ησ₁/√(1−β)|); ' +
  'η²λ_d(T₃) ≥ −(8−6β)/(1−β)·η²σ₁³; p′ ≥ (βp + 2ηp² + η²p³) + μ²p − (8−6β)/(1−β)·η²σ₁³ ≥ (1 − ησ_d)²p − (8+6β)/(1−β)·σ₁³η²';

export const lemma33Steps = defineClaim<LemmaInstance>({
  ...common,
  id: 'yd21.lemma-3.3.proof-steps',
  instances: nonPositiveFloorCoarse,
  statement:
    'P′ = T₁ + T₂ + η²T₃; λ_d(P′) ≥ λ_d(T₁) + λ_d(T₂) + η²λ_d(T₃); λ_d(T₁) = βp + 2ηp² + η²p³; λ_d(T₂) ≥ (√(1−β) − ησ_d/√(1−β))²p; η²λ_d(T₃) ≥ −(8+6β)/(1−β)·η²σ₁³; ' +
    'p′ ≥ (βp + 2ηp² + η²p³) + (√(1−β) − ησ_d/√(1−β))²p − C·η²σ₁³ = (1 − η(σ_d − p))²p + βσ_d²η²p/(1−β) + 2σ_dη²p² − C·σ₁³η² ≥ (1 − η(σ_d − p))²p − C·σ₁³η² ≥ (1 − ησ_d)²p − C·σ₁³η²',
  check: (x, c) => printedChain(x, c.C),
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why: "two steps fail (the dropped term, the congruence bound) while Lemma 3.3 holds (yd21.lemma-3.3); the corrected chain (μ² = ‖F‖²_op in the congruence bound, the tight third-term constant (8 − 6β)/(1 − β)) reaches the lemma's printed bound directly (yd21.lemma-3.3.proof-steps/corrected)",
    dependents: ['yd21.lemma-3.3', '§3.2.4: the lower bound on λ_d(P_t) and (17)', 'Theorem 3.1'],
  },
  failsWhere: {
    text: `(a) ${DROPPED_TERM_REGION.text}, or (b) ${CONGRUENCE_REGION.text}`,
    contains: (x) => DROPPED_TERM_REGION.contains(x) || CONGRUENCE_REGION.contains(x),
  },
  erratum:
    'Two steps of the proof of Lemma 3.3 are false as printed (the lemma holds): (a) "… + βσ_d²η²p/(1−β) + 2σ_dη²p² − C σ₁³η² ≥ (1 − η(σ_d − p))²p − C σ₁³η²" ' +
    'drops a term that is negative for −βσ_d/(2(1−β)) < p < 0; (b) "λ_d((√(1−β)I − ηΣ/√(1−β))P(·)) ≥ (√(1−β) − ησ_d/√(1−β))²p" fails when β > 8/9 and ' +
    'η(σ₁ + σ_d) > 2(1−β) (the factor has negative eigenvalues; the bound needs its largest |eigenvalue|). A corrected chain uses μ² = ‖F‖²_op in the congruence ' +
    "bound and the tight third-term constant (8−6β)/(1−β), and then reaches the lemma's (1−ησ_d)²p − (8+6β)/(1−β)σ₁³η² directly.",
  corrected: 'yd21.lemma-3.3.proof-steps/corrected',
  sabotage: { description: "the third term's constant made too small: C = 1", constants: { C: () => 1 } },
});

export const lemma33StepsCorrected = defineClaim<LemmaInstance>({
  ...common,
  id: 'yd21.lemma-3.3.proof-steps/corrected',
  statement: correctedStatement,
  check: (x, c) => correctedChain(x, c.C),
  expected: 'holds',
  corrects: 'yd21.lemma-3.3.proof-steps',
  sabotage: { description: 'the printed congruence factor (√(1−β) − ησ_d/√(1−β))² put back in place of μ²', check: (x, c) => correctedChain(x, c.C, true) },
});

export const lemma33DroppedTerm = defineClaim<LemmaInstance>({
  ...common,
  id: 'yd21.lemma-3.3.proof-steps.dropped-term',
  instances: nonPositiveFloorCoarse,
  statement: '(1 − η(σ_d − p))²p + βσ_d²η²p/(1−β) + 2σ_dη²p² − C·σ₁³η² ≥ (1 − η(σ_d − p))²p − C·σ₁³η² (p ≤ 0)',
  check: (x, c) => [step.dropExtra(quantities(x), c.C)],
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why: "step [6] fails for −βσ_d/(2(1 − β)) < p < 0 while the lemma holds: the step holds with C + 2β/(1 − β), and the lemma's constant survives because the third-term bound is loose by 12β/(1 − β)",
    dependents: ['yd21.lemma-3.3', '§3.2.4: the lower bound on λ_d(P_t) and (17)', 'Theorem 3.1'],
  },
  failsWhere: DROPPED_TERM_REGION,
  erratum:
    'The dropped βσ_d²η²p/(1−β) + 2σ_dη²p² = η²σ_d·p(βσ_d/(1−β) + 2p) is negative for −βσ_d/(2(1−β)) < p < 0. It is ≥ −2β/(1−β)·σ₁³η² (|p| ≤ 2σ₁), ' +
    "so the step holds with C + 2β/(1−β) in place of C; the lemma's constant survives because the third-term bound (8+6β)/(1−β) is loose by 12β/(1−β).",
  corrected: 'yd21.lemma-3.3.proof-steps.dropped-term/corrected',
  sabotage: {
    description: 'the penalty −C·σ₁³η² dropped from the right side only',
    check: (x, c) => {
      const q = quantities(x);
      return [boundComparison('line 5 ≥ (1 − η(σ_d − p))²p', step.line5(q, c.C), '≥', q.growth)];
    },
  },
});

export const lemma33DroppedTermCorrected = defineClaim<LemmaInstance>({
  ...common,
  id: 'yd21.lemma-3.3.proof-steps.dropped-term/corrected',
  statement: '(1 − η(σ_d − p))²p + βσ_d²η²p/(1−β) + 2σ_dη²p² − C·σ₁³η² ≥ (1 − η(σ_d − p))²p − (C + 2β/(1−β))·σ₁³η² (p ≤ 0, |p| ≤ 2σ₁)',
  check: (x, c) => [step.dropExtra(quantities(x), c.C, (2 * x.beta) / (1 - x.beta))],
  expected: 'holds',
  corrects: 'yd21.lemma-3.3.proof-steps.dropped-term',
  sabotage: {
    description: 'the correction undone (extra constant 2β/(1−β) dropped: the printed step)',
    check: (x, c) => [step.dropExtra(quantities(x), c.C)],
  },
});

export const lemma33Congruence = defineClaim<LemmaInstance>({
  ...common,
  id: 'yd21.lemma-3.3.proof-steps.congruence',
  instances: nonPositiveFloorCoarse,
  statement: 'λ_d((√(1−β)I − ηΣ/√(1−β))P(√(1−β)I − ηΣ/√(1−β))) ≥ (√(1−β) − ησ_d/√(1−β))²p (p ≤ 0)',
  check: (x) => [step.congruence(quantities(x))],
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why: 'step [2] fails for β > 8/9 and η(σ₁ + σ_d) > 2(1 − β) while the lemma holds: the congruence bound needs μ² = ‖F‖²_op (the corrected step), which the corrected chain absorbs',
    dependents: ['yd21.lemma-3.3', '§3.2.4: the lower bound on λ_d(P_t) and (17)', 'Theorem 3.1'],
  },
  failsWhere: CONGRUENCE_REGION,
  erratum:
    'For p ≤ 0, λ_d(FPF) ≥ p·‖F‖²_op, and ‖F‖_op = max_i |√(1−β) − ησ_i/√(1−β)| exceeds √(1−β) − ησ_d/√(1−β) when η(σ₁ + σ_d) > 2(1−β), ' +
    'possible under η ≤ β/(8σ₁) once β > 8/9. Corrected: λ_d(T₂) ≥ μ²p with μ = max(|√(1−β) − ησ_d/√(1−β)|, |√(1−β) − ησ₁/√(1−β)|); ' +
    'the printed bound is right for β ≤ 8/9.',
  corrected: 'yd21.lemma-3.3.proof-steps.congruence/corrected',
  sabotage: {
    description: 'the factor halved: ½(√(1−β) − ησ_d/√(1−β))²p (a stronger bound when p < 0)',
    check: (x) => [step.congruence(quantities(x), true)],
  },
});

export const lemma33CongruenceCorrected = defineClaim<LemmaInstance>({
  ...common,
  id: 'yd21.lemma-3.3.proof-steps.congruence/corrected',
  statement: 'λ_d(T₂) ≥ μ²p for p ≤ 0, μ = max(|√(1−β) − ησ_d/√(1−β)|, |√(1−β) − ησ₁/√(1−β)|) (≥ ‖√(1−β)I − ηΣ/√(1−β)‖_op)',
  check: (x) => [step.congruenceCorrected(quantities(x))],
  expected: 'holds',
  corrects: 'yd21.lemma-3.3.proof-steps.congruence',
  sabotage: { description: 'the correction undone (the printed factor (√(1−β) − ησ_d/√(1−β))²)', check: (x) => [step.congruence(quantities(x))] },
});
