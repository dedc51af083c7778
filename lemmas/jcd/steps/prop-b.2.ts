/**
 * JCD Proposition B.2 (Inductive Step), its proof step by step: every displayed inequality (and the
 * inline ones the next display rests on), each a claim named by its item. Already claims elsewhere:
 * the identity for ‖B_{s+1}‖²_F (jcd.prop-b.2.b-norm-identity: erratum), the inequality after it and
 * (B.2) (jcd.eq-b.2.b-recursion), (B.1)'s E_s (jcd.eq-b.1.e-term: erratum), (A.6) (jcd.eq-a.6.p-update).
 *
 * Hypotheses (lemmas/jcd/support/step-hypotheses.ts, B2_STEP_HYPOTHESES): Theorem A.1's conditions on γ, η, ρ
 * (Appendix B is its proof), 0 ≤ s < T ≤ ⌊log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1+γησ_r)⌋, and the induction
 * hypothesis as it bears on the state at step s. Instances: lemmas/jcd/steps/state.ts (one GD step of
 * GD in block coordinates, (A.4), (A.5), (4.3), from an admissible state; ε_s = (1 + γησ_r)^sρ, ε_T = ρ^{(1−γ)/(2(1+γ))}).
 *
 * The steps (x = γησ_r, dim = m + n + k, thr_t = 16σ₁√σ₁√dim(1 + x)^{2t}ρ²/(γσ_r)):
 *  Item 3  triangle     ‖J_{s+1}‖ ≤ ‖J_s − ηJ_s(V_sᵀV_s + K_sᵀK_s)‖ + ‖ηΣ̃K_s‖ (and K "by the same argument")
 *          contraction  … ≤ ‖J_s‖ + γησ_r‖K_s‖
 *          growth       … ≤ (1 + γησ_r)max{‖J_s‖, ‖K_s‖}; max{‖J_{s+1}‖, ‖K_{s+1}‖} ≤ (1 + γησ_r)max{‖J_s‖, ‖K_s‖}
 *          horizon      (1 + x)^{s+1}max{‖J₀‖,‖K₀‖} ≤ (1 + x)^T max{‖J₀‖,‖K₀‖} ≤ ρ^{(1−γ)/(2(1+γ))}√σ₁
 *  Item 4  aat-norm     ‖A_sA_sᵀ‖ ≤ 2σ₁
 *          p-norm       ‖P_s‖ ≤ max{‖A_sA_sᵀ‖, ‖Σ + B_sB_sᵀ‖} ≤ 2σ₁
 *          c-norm       ‖C_s‖ ≤ ‖A_sB_sᵀB_s‖ + ‖B_sA_sᵀB_s‖ + ‖A_s(KᵀK+JᵀJ)/2‖ + ‖B_s(KᵀK−JᵀJ)/2‖ ≤ 12ρ^{(1−γ)/(1+γ)}rσ₁√σ₁
 *          d-norm       ‖D_s‖ ≤ 7ρ^{(1−γ)/(2(1+γ))}√(2r)σ₁√σ₁
 *          e-norm       ‖E_s‖ ≤ 12η²σ₁³ + 80ηρ^{(1−γ)/(1+γ)}rσ₁² ≤ 12η²σ₁³ + γησ_r²/20
 *          lemma-c10    λ_r(P_{s+1}) ≥ min{(1 − ησ_r)²λ_r(P_s) − 30η²σ₁³ − γησ_r²/20, −30η²σ₁³ − γησ_r²/20}
 *          floor        −c Σ_{i=0}^{s}(1−ησ_r)^{2i} ≥ −c Σ_{i≥0}(1−ησ_r)^{2i} ≥ −c/(ησ_r) ≥ −γσ_r/10 (c = 30η²σ₁³ + γησ_r²/20)
 *  Item 5  kj-norm      ‖KᵀK ± JᵀJ‖_F ≤ √dim‖KᵀK ± JᵀJ‖ ≤ 2√dim ρ^{(1−γ)/(1+γ)}σ₁ ≤ γσ_r/10
 *          g-split      η²‖−PB + QA − AN − BM‖²_F ≤ 4η²‖PB‖² + 4η²‖QA‖² + 4η²‖AN‖² + 4η²‖BM‖²
 *          g-bound      … ≤ 48η²σ₁²‖B‖² + 8η²σ₁³dim(1+x)^{4s}ρ⁴ + 4η²σ₁²(1+x)^{4s}ρ⁴‖B‖²  (constants, witness)
 *          g-absorb     … ≤ (48η²σ₁² + 4η²σ₁²(1+x)^{4s}ρ⁴)‖B‖² + 8η²σ₁³dim(1+x)^{4s}ρ⁴ ≤ γησ_r/10‖B‖² + 8η²σ₁³dim(1+x)^{4s}ρ⁴
 *          case-i       ‖B_s‖_F > thr_s: (B.2)'s right side ≤ (1 + x/2)‖B‖² + x/4‖B‖² + x²‖B‖²/32 ≤ (1 + x)²‖B‖²; ‖B_{s+1}‖_F ≤ (1 + x)‖B_s‖_F
 *          case-ii      ‖B_s‖_F ≤ thr_s: (B.2)'s right side ≤ (1 + x/2)thr_s² + (4x/16)thr_s² + (8x²/16²)thr_s² ≤ thr_{s+1}²; ‖B_{s+1}‖_F ≤ max{(1 + x)‖B_s‖_F, thr_{s+1}}
 *          max-chain    max{‖B_t‖_F, thr_t} ≤ (1 + x)max{‖B_{t−1}‖_F, thr_{t−1}}  — FALSE (erratum below)
 *          horizon      (1 + x)^t max{‖B₀‖_F, thr₀} ≤ (1 + x)^tρ√(2r)√σ₁;  (1 + x)^{s+1}ρ√(2r)√σ₁ ≤ (1 + x)^Tρ√(2r)√σ₁ ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁
 *  Items 1, 2  a-norm   ‖A_{s+1}‖ ≤ √‖A_{s+1}A_{s+1}ᵀ‖ ≤ √(2σ₁)
 *          gram         ‖U_{s+1}ᵀU_{s+1} + V_{s+1}ᵀV_{s+1}‖ = ‖2(A_{s+1}ᵀA_{s+1} + B_{s+1}ᵀB_{s+1})‖ ≤ 6σ₁; ‖U_{s+1}ᵀU_{s+1}‖ ≤ 6σ₁; ‖U_{s+1}ᵀU_{s+1} + J_{s+1}ᵀJ_{s+1}‖ ≤ 7σ₁
 *
 * Erratum (max-chain). The proof closes Item 5 with
 *   "max{‖B_t‖_F, 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2t}ρ²/(γσ_r)} ≤ (1+γησ_r)·max{‖B_{t−1}‖_F, 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2(t−1)}ρ²/(γσ_r)}".
 * The threshold grows by (1+γησ_r)² per step, not (1+γησ_r): thr_t = (1+x)²thr_{t−1}. Whenever
 * ‖B_{t−1}‖_F < (1+x)thr_{t−1}, the left side is ≥ thr_t = (1+x)²thr_{t−1} > (1+x)max{‖B_{t−1}‖_F, thr_{t−1}}.
 * Exact counterexample: any admissible state with B_s = 0 (U_s = V_s), e.g. m = n, F₀ = G₀ (then
 * F_t = G_t and B_t = 0 for all t by symmetry): the link reads (1+x)²thr_s ≤ (1+x)thr_s, false for
 * every x = γησ_r > 0. Grade: breaks-proof. The case analysis itself (case-i, case-ii) is right and
 * gives the corrected link with (1+x)² (…max-chain/corrected); iterated, it gives (1+x)^{2t}, which
 * does not yield "‖B_{s+1}‖_F ≤ (1+γησ_r)^{s+1}ρ√(2r)√σ₁" (Item 5), nor the ≤ √σ₁ and ‖B‖_F ≤ 0.1√σ_r
 * used by Items 1, 2, 4 and Proposition B.5. Repair: thr_t ≤ ε_t√(2r)√σ₁ for every t ≤ T, i.e.
 * ρ^{(1−γ)/(2(1+γ))} ≤ γσ_r√(2r)/(16σ₁√(m+n+k)) — then ‖B_t‖_F ≤ max{(1+x)‖B_{t−1}‖_F, thr_t} ≤ ε_t√(2r)√σ₁
 * by induction. Theorem A.1's conditions give ρ ≤ γσ_r√(2r)/(16σ₁√(m+n+k)) (without the exponent),
 * which is what the printed chain uses at t = 0; the stronger condition follows from the other bounds
 * on ρ except for small γ (ε_T is bounded by a constant from the second bound while the needed bound
 * is ∝ γ): measured, with ρ at its largest admissible value, it fails for γ below ≈ 5.4·10⁻³c_ρ at
 * r = m = n = k = 1 and ≈ 4.7·10⁻⁴c_ρ at r = 3, m = n = k = 5 (independent of σ_r/σ₁). The printed
 * link fails at every admissible state with ‖B_s‖_F < (1+γησ_r)thr_s, by up to the factor 1 + γησ_r.
 * Dependents: Item 5 of Proposition B.2, hence Items 1, 2, 4 at s + 1 (they use ‖B_{s+1}‖ ≤ √σ₁) and
 * Propositions B.3–B.5 and Theorem A.1's (A.3) (which use ‖B_t‖_F ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁).
 *
 * Scales: each side is written once against BoundOps on the block step evaluated in the magnitude
 * model (lemmas/jcd/support/step-hypotheses.ts, measuredStepAt), and its scale is that side's computed
 * magnitude. Not yet so: the relations compared in logs or in units of ‖B_s‖_F or thr_s (horizon
 * chains, (B.2)'s cases and max-chain, item-5 horizon), whose scale is parameterRelationScale (10³ ulps
 * of their terms, ./general.ts), and ‖B_{s+1}‖_F's, the sum of the computed
 * magnitudes of B_s and B_{s+1}.
 */
import { parameterRelationScale } from './general.ts';
import { atMost, type Comparison } from '../../../src/claims/compare.ts';
import type { Claim, ConstantValues } from '../../../src/claims/types.ts';
import type { Hypothesis } from '../../../src/claims/hypotheses.ts';
import {
  B2_STEP_HYPOTHESES,
  blocksAt,
  fro,
  caseHypothesis,
  caseThreshold,
  growth,
  logEpsT,
  measuredStepAt,
  nextBlocksAt,
  type StepBlocks,
  productOf,
  stepOps,
  type StepState,
} from '../support/step-hypotheses.ts';
import type { DerivedBlocks } from '../support/block-step.ts';
import { boundComparison, type Measured, type MeasuredScalar, residualComparisons } from '../../../src/claims/measured.ts';
import { stepStates, proofStepClaim, stepChoice, type StepClaimSpec } from './state.ts';

// ---------------------------------------------------------------------------------------------
// Shared quantities.

interface Step {
  readonly before: StepBlocks;
  readonly after: StepBlocks;
}
/** The state at s and after one GD step (lemmas/jcd/support/step-hypotheses.ts: block coordinates). */
function step(x: StepState): Step {
  return { before: blocksAt(x), after: nextBlocksAt(x) };
}

const sqrt = Math.sqrt;
const epsS = (x: StepState) => Math.exp(x.logEpsS);
const dimSum = (x: StepState) => x.m + x.n + x.k;
/**
 * ‖|X|‖_F of each block's magnitude as the magnitude model computes it (step-hypotheses.ts:
 * measuredStepAt), at s and after the step: the rounding scales the comparisons below combine.
 */
const magnitudeNorms = (b: DerivedBlocks<Measured>) =>
  Object.fromEntries(Object.entries(b).map(([key, m]) => [key, fro(m.magnitude)])) as Record<keyof DerivedBlocks<Measured>, number>;
const magBefore = (x: StepState) => magnitudeNorms(measuredStepAt(x).before);
const magAfter = (x: StepState) => magnitudeNorms(measuredStepAt(x).after);

function stepClaim(c: StepClaimSpec & { readonly bCase?: 'i' | 'ii'; readonly hypotheses?: ReadonlyArray<Hypothesis<StepState>> }): Claim<StepState> {
  return proofStepClaim(
    {
      proof: 'Prop. B.2, proof',
      hypotheses: [...B2_STEP_HYPOTHESES, ...(c.bCase ? [caseHypothesis(c.bCase)] : []), ...(c.hypotheses ?? [])],
      instances: stepStates(c.bCase ? { bCase: c.bCase } : {}),
      stepChoice: stepChoice(),
    },
    c,
  );
}

// ---------------------------------------------------------------------------------------------
// Item 3.

/** The larger of two measured norms (a selection: its value and magnitude are the chosen side's). */
const larger = (a: MeasuredScalar, b: MeasuredScalar) => (a.value >= b.value ? a : b);

function item3(x: StepState) {
  const O = stepOps(x);
  const { F, mul, tr } = O;
  const { before: b, after: a, eta } = measuredStepAt(x);
  const [hasJ, hasK] = [x.m > x.r, x.n > x.r];
  const gV = O.add(mul(tr(b.V), b.V), b.KtK);
  const gU = O.add(mul(tr(b.U), b.U), b.JtJ);
  return {
    O,
    x1: productOf(O, O.constant(x.gamma), eta, O.constant(x.sigmaR)),
    nJ: O.opNorm(b.J),
    nK: O.opNorm(b.K),
    nJ1: O.opNorm(a.J),
    nK1: O.opNorm(a.K),
    /** ‖J_s − ηJ_s(V_sᵀV_s + K_sᵀK_s)‖, ‖ηΣ̃K_s‖ and the K analogues ‖K_s − ηK_s(U_sᵀU_s + J_sᵀJ_s)‖, ‖ηΣ̃ᵀJ_s‖. */
    jContr: hasJ ? O.opNorm(O.sub(b.J, O.scale(eta, mul(b.J, gV)))) : F.zero,
    jCross: hasJ && hasK ? F.mul(eta, O.opNorm(mul(b.SigmaTilde, b.K))) : F.zero,
    kContr: hasK ? O.opNorm(O.sub(b.K, O.scale(eta, mul(b.K, gU)))) : F.zero,
    kCross: hasJ && hasK ? F.mul(eta, O.opNorm(mul(tr(b.SigmaTilde), b.J))) : F.zero,
  };
}

function triangle(x: StepState, dropCross = false): Comparison[] {
  const q = item3(x);
  const { F } = q.O;
  const plus = dropCross ? F.sub : F.add;
  return [
    boundComparison('‖J_{s+1}‖ ≤ ‖J_s − ηJ_s(V_sᵀV_s + K_sᵀK_s)‖ + ‖ηΣ̃K_s‖', q.nJ1, '≤', plus(q.jContr, q.jCross)),
    boundComparison('‖K_{s+1}‖ ≤ ‖K_s − ηK_s(U_sᵀU_s + J_sᵀJ_s)‖ + ‖ηΣ̃ᵀJ_s‖', q.nK1, '≤', plus(q.kContr, q.kCross)),
  ];
}

export const item3Triangle = stepClaim({
  id: 'jcd.prop-b.2.item-3.triangle',
  where: 'Item 3, first line ("By (4.3) and the induction hypothesis"), and the same for K_{s+1}',
  statement: '‖J_{s+1}‖ ≤ ‖J_s − ηJ_s(V_sᵀV_s + K_sᵀK_s)‖ + ‖ηΣ̃K_s‖ (and ‖K_{s+1}‖ ≤ ‖K_s − ηK_s(U_sᵀU_s + J_sᵀJ_s)‖ + ‖ηΣ̃ᵀJ_s‖)',
  check: (x) => triangle(x),
  sabotage: { description: 'sign of the Σ̃ term flipped: ‖J_s − ηJ_s(…)‖ − ‖ηΣ̃K_s‖ (a lower bound, not an upper one)', check: (x) => triangle(x, true) },
});

function contraction(x: StepState, dropJ = false): Comparison[] {
  const q = item3(x);
  const { F } = q.O;
  const lead = (n: MeasuredScalar) => (dropJ ? F.zero : n);
  return [
    boundComparison('‖J_s − ηJ_s(V_sᵀV_s + K_sᵀK_s)‖ + ‖ηΣ̃K_s‖ ≤ ‖J_s‖ + γησ_r‖K_s‖', F.add(q.jContr, q.jCross), '≤', F.add(lead(q.nJ), F.mul(q.x1, q.nK))),
    boundComparison('‖K_s − ηK_s(U_sᵀU_s + J_sᵀJ_s)‖ + ‖ηΣ̃ᵀJ_s‖ ≤ ‖K_s‖ + γησ_r‖J_s‖', F.add(q.kContr, q.kCross), '≤', F.add(lead(q.nK), F.mul(q.x1, q.nJ))),
  ];
}

export const item3Contraction = stepClaim({
  id: 'jcd.prop-b.2.item-3.contraction',
  where: 'Item 3, second line (‖V_sᵀV_s + K_sᵀK_s‖ ≤ 7σ₁ and η ≤ γσ_r²/(600σ₁³) make I − η(V_sᵀV_s + K_sᵀK_s) a contraction; ‖Σ̃‖ = σ_{r+1} ≤ γσ_r)',
  statement: '‖J_s − ηJ_s(V_sᵀV_s + K_sᵀK_s)‖ + ‖ηΣ̃K_s‖ ≤ ‖J_s‖ + γησ_r‖K_s‖',
  check: (x) => contraction(x),
  sabotage: { description: 'the leading term ‖J_s‖ dropped from the right side', check: (x) => contraction(x, true) },
});

function item3Growth(x: StepState, useMin = false): Comparison[] {
  const q = item3(x);
  const { F } = q.O;
  const nonzero = [q.nJ, q.nK].filter((n) => n.value !== 0);
  const smaller = nonzero.length ? nonzero.reduce((a, b) => (a.value <= b.value ? a : b)) : F.zero;
  const bound = F.mul(F.add(F.one, q.x1), useMin ? smaller : larger(q.nJ, q.nK));
  return [
    boundComparison('‖J_s‖ + γησ_r‖K_s‖ ≤ (1 + γησ_r)max{‖J_s‖, ‖K_s‖}', F.add(q.nJ, F.mul(q.x1, q.nK)), '≤', bound),
    boundComparison('max{‖J_{s+1}‖, ‖K_{s+1}‖} ≤ (1 + γησ_r)max{‖J_s‖, ‖K_s‖}', larger(q.nJ1, q.nK1), '≤', bound),
  ];
}

export const item3GrowthClaim = stepClaim({
  id: 'jcd.prop-b.2.item-3.growth',
  where: 'Item 3, third line and the display "max{‖J_{s+1}‖, ‖K_{s+1}‖} ≤ (1 + γησ_r)max{‖J_s‖, ‖K_s‖}"',
  statement: '‖J_s‖ + γησ_r‖K_s‖ ≤ (1 + γησ_r)max{‖J_s‖, ‖K_s‖}; max{‖J_{s+1}‖, ‖K_{s+1}‖} ≤ (1 + γησ_r)max{‖J_s‖, ‖K_s‖}',
  check: (x) => item3Growth(x),
  sabotage: { description: 'max{‖J_s‖, ‖K_s‖} replaced by the smaller of the two (nonzero) norms', check: (x) => item3Growth(x, true) },
});

/** log of (1+x)^{t}ρ (a bound at step t), compared in logs: ρ is below the double range. */
function horizonChain(x: StepState, expFactor = 1): Comparison[] {
  const lg = Math.log1p(growth(x));
  const lr = x.params.logRho;
  const l1 = (x.s + 1) * lg + lr;
  const l2 = x.T * lg + lr;
  const l3 = expFactor * logEpsT(x);
  return [
    atMost('log[(1 + γησ_r)^{s+1}ρ√σ₁] ≤ log[(1 + γησ_r)^Tρ√σ₁]', l1, l2, parameterRelationScale(l1, l2)),
    atMost('log[(1 + γησ_r)^Tρ√σ₁] ≤ log[ρ^{(1−γ)/(2(1+γ))}√σ₁]', l2, l3, parameterRelationScale(l2, l3)),
  ];
}

export const item3Horizon = stepClaim({
  id: 'jcd.prop-b.2.item-3.horizon',
  where:
    'Item 3, the last display: max{‖J_{s+1}‖, ‖K_{s+1}‖} ≤ (1+γησ_r)^{s+1}max{‖J₀‖,‖K₀‖} ≤ (1+γησ_r)^T max{‖J₀‖,‖K₀‖} ≤ ρ^{(1−γ)/(2(1+γ))}√σ₁ (with max{‖J₀‖,‖K₀‖} ≤ ρ√σ₁, Proposition B.1)',
  statement:
    '(1 + γησ_r)^{s+1}ρ√σ₁ ≤ (1 + γησ_r)^Tρ√σ₁ ≤ ρ^{(1−γ)/(2(1+γ))}√σ₁ (compared in logs; the first link, the induction, is item-3.growth applied s + 1 times)',
  check: (x) => horizonChain(x),
  sabotage: { description: 'the exponent (1−γ)/(2(1+γ)) doubled: ρ^{(1−γ)/(1+γ)}√σ₁', check: (x) => horizonChain(x, 2) },
});

// ---------------------------------------------------------------------------------------------
// Item 4.

/** ‖A_sA_sᵀ‖ and two·σ₁. */
function aatSides(x: StepState, two: number) {
  const O = stepOps(x);
  const A = measuredStepAt(x).before.A;
  return { lhs: O.opNorm(O.mul(A, O.tr(A))), rhs: O.F.mul(O.constant(two), O.constant(x.sigma1)) };
}

export const item4AatNorm = stepClaim({
  id: 'jcd.prop-b.2.item-4.aat-norm',
  where: 'Item 4: "by induction hypothesis on Item 5, we have ‖B_s‖ ≤ √σ₁. Therefore, we have ‖A_sA_sᵀ‖ ≤ 2σ₁"',
  statement: '‖A_sA_sᵀ‖ ≤ 2σ₁',
  constants: { two: { printed: () => 2, formula: '2 (in ‖A_sA_sᵀ‖ ≤ 2σ₁)' } },
  check: (x, c) => {
    const s = aatSides(x, c.two);
    return [boundComparison('‖A_sA_sᵀ‖ ≤ 2σ₁', s.lhs, '≤', s.rhs)];
  },
  witness: {
    two: (x, tol) => {
      const s = aatSides(x, 1);
      return (s.lhs.value - tol * (s.lhs.magnitude + 2 * s.rhs.magnitude)) / s.rhs.value;
    },
  },
  sabotage: { description: 'the constant 2 made ½', constants: { two: () => 0.5 } },
});

function pNorm(x: StepState, useMin = false): Comparison[] {
  const O = stepOps(x);
  const b = measuredStepAt(x).before;
  const nAA = O.opNorm(O.mul(b.A, O.tr(b.A)));
  const nSB = O.opNorm(O.add(b.Sigma, O.mul(b.B, O.tr(b.B))));
  const mid = useMin ? (nAA.value <= nSB.value ? nAA : nSB) : larger(nAA, nSB);
  return [
    boundComparison('‖P_s‖ ≤ max{‖A_sA_sᵀ‖, ‖Σ + B_sB_sᵀ‖}', O.opNorm(b.P), '≤', mid),
    boundComparison('max{‖A_sA_sᵀ‖, ‖Σ + B_sB_sᵀ‖} ≤ 2σ₁', larger(nAA, nSB), '≤', O.F.mul(O.int(2), O.constant(x.sigma1))),
  ];
}

export const item4PNorm = stepClaim({
  id: 'jcd.prop-b.2.item-4.p-norm',
  where: 'Item 4, display "‖P_s‖ ≤ max{‖A_sA_sᵀ‖, ‖Σ + B_sB_sᵀ‖} ≤ 2σ₁"',
  statement: '‖P_s‖ ≤ max{‖A_sA_sᵀ‖, ‖Σ + B_sB_sᵀ‖} ≤ 2σ₁',
  check: (x) => pNorm(x),
  sabotage: { description: 'max replaced by min in the middle term', check: (x) => pNorm(x, true) },
});

/** ‖C_s‖ ≤ the sum of its four terms' norms ≤ 12ε_T^{2·expFactor}rσ₁√σ₁; C_s as printed below (A.6). */
function cNorm(x: StepState, expFactor = 1): Comparison[] {
  const O = stepOps(x);
  const { F, mul, tr } = O;
  const b = measuredStepAt(x).before;
  const sum = [mul(b.A, tr(b.B), b.B), mul(b.B, tr(b.A), b.B), mul(b.A, b.M), mul(b.B, b.N)].map((M) => O.opNorm(M)).reduce((a, v) => F.add(a, v));
  const sigma1 = O.constant(x.sigma1);
  const bound = productOf(O, O.int(12), O.constant(Math.exp(2 * expFactor * logEpsT(x))), O.int(x.r), sigma1, O.sqrt(sigma1));
  return [
    boundComparison('‖C_s‖ ≤ ‖A_sB_sᵀB_s‖ + ‖B_sA_sᵀB_s‖ + ‖A_s(KᵀK+JᵀJ)/2‖ + ‖B_s(KᵀK−JᵀJ)/2‖', O.opNorm(b.C), '≤', sum),
    boundComparison('… ≤ 12ρ^{(1−γ)/(1+γ)}rσ₁√σ₁', sum, '≤', bound),
  ];
}

export const item4CNorm = stepClaim({
  id: 'jcd.prop-b.2.item-4.c-norm',
  where: 'Item 4, "By ‖A_s‖ ≤ √(2σ₁), ‖B_s‖ ≤ √σ₁ and triangle inequality": the display bounding ‖C_s‖',
  statement: '‖C_s‖ ≤ ‖A_sB_sᵀB_s‖ + ‖B_sA_sᵀB_s‖ + ‖A_s(K_sᵀK_s + J_sᵀJ_s)/2‖ + ‖B_s(K_sᵀK_s − J_sᵀJ_s)/2‖ ≤ 12ρ^{(1−γ)/(1+γ)}rσ₁√σ₁',
  check: (x) => cNorm(x),
  sabotage: { description: 'the exponent of ρ doubled: 12ρ^{2(1−γ)/(1+γ)}rσ₁√σ₁', check: (x) => cNorm(x, 2) },
});

function dNorm(x: StepState, expFactor = 1): Comparison[] {
  const O = stepOps(x);
  const sigma1 = O.constant(x.sigma1);
  const bound = productOf(O, O.int(7), O.constant(Math.exp(expFactor * logEpsT(x))), O.sqrt(O.int(2 * x.r)), sigma1, O.sqrt(sigma1));
  return [boundComparison('‖D_s‖ ≤ 7ρ^{(1−γ)/(2(1+γ))}√(2r)σ₁√σ₁', O.opNorm(measuredStepAt(x).before.D), '≤', bound)];
}

export const item4DNorm = stepClaim({
  id: 'jcd.prop-b.2.item-4.d-norm',
  where: 'Item 4, "Similarly, we have ‖D_s‖ ≤ 7ρ^{(1−γ)/(2(1+γ))}√(2r)σ₁√σ₁"',
  statement: '‖D_s‖ ≤ 7ρ^{(1−γ)/(2(1+γ))}√(2r)σ₁√σ₁',
  check: (x) => dNorm(x),
  sabotage: { description: 'the exponent of ρ doubled: 7ρ^{(1−γ)/(1+γ)}√(2r)σ₁√σ₁', check: (x) => dNorm(x, 2) },
});

/** E_s := P_{s+1} − (I − η(Σ − P_s))P_s(I − η(Σ − P_s)), what (B.1) defines (its printed formula is jcd.eq-b.1.e-term's erratum). */
function eS(x: StepState) {
  const O = stepOps(x);
  const { F } = O;
  const { before: b, after: a, eta } = measuredStepAt(x);
  const f = O.combine([F.one, O.eye(x.r)], [F.neg(eta), b.Sigma], [eta, b.P]);
  const [sigma1, r] = [O.constant(x.sigma1), O.int(x.r)];
  return {
    O,
    norm: O.opNorm(O.sub(a.P, O.mul(f, b.P, f))),
    /** c·η²σ₁³ and c·ηρ^{(1−γ)/(1+γ)}rσ₁². */
    cubic: (c: number) => productOf(O, O.constant(c), eta, eta, sigma1, sigma1, sigma1),
    tail: (c: number) => productOf(O, O.constant(c), eta, O.constant(Math.exp(2 * logEpsT(x))), r, sigma1, sigma1),
    small: productOf(O, O.constant(x.gamma), eta, O.constant(x.sigmaR), O.constant(x.sigmaR), O.ratio(1, 20)),
  };
}

function eNorm(x: StepState, c: ConstantValues): Comparison[] {
  const e = eS(x);
  const { F } = e.O;
  const mid = F.add(e.cubic(c.twelve), e.tail(c.eighty));
  return [
    boundComparison('‖E_s‖ ≤ 12η²σ₁³ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²', e.norm, '≤', mid),
    boundComparison('12η²σ₁³ + 80ηρ^{(1−γ)/(1+γ)}rσ₁² ≤ 12η²σ₁³ + γησ_r²/20', mid, '≤', F.add(e.cubic(c.twelve), e.small)),
  ];
}

export const item4ENorm = stepClaim({
  id: 'jcd.prop-b.2.item-4.e-norm',
  where: 'Item 4, "By the bounds above, triangle inequality, and the upper bound on ρ": the display bounding ‖E_s‖',
  statement: '‖E_s‖ ≤ 12η²σ₁³ + 80ηρ^{(1−γ)/(1+γ)}rσ₁² ≤ 12η²σ₁³ + γησ_r²/20 (E_s as (B.1) defines it: P_{s+1} − (I − η(Σ−P_s))P_s(I − η(Σ−P_s)))',
  constants: {
    twelve: { printed: () => 12, formula: '12 (in 12η²σ₁³)' },
    eighty: { printed: () => 80, formula: '80 (in 80ηρ^{(1−γ)/(1+γ)}rσ₁²)' },
  },
  check: eNorm,
  witness: {
    twelve: (x, tol) => {
      const e = eS(x);
      const [rest, unit] = [e.tail(80), e.cubic(1)];
      return (e.norm.value - rest.value - tol * (e.norm.magnitude + rest.magnitude + 12 * unit.magnitude)) / unit.value;
    },
  },
  sabotage: {
    description: 'the constants 12 and 80 divided by 100 (0.12η²σ₁³ + 0.8ηρ^{(1−γ)/(1+γ)}rσ₁²)',
    constants: { twelve: () => 0.12, eighty: () => 0.8 },
  },
});

function lemmaC10(x: StepState, sabotaged = false): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const { before: b, after: a, eta } = measuredStepAt(x);
  const [sigma1, sigmaR] = [O.constant(x.sigma1), O.constant(x.sigmaR)];
  const c = sabotaged
    ? F.zero
    : F.add(productOf(O, O.int(30), eta, eta, sigma1, sigma1, sigma1), productOf(O, O.constant(x.gamma), eta, sigmaR, sigmaR, O.ratio(1, 20)));
  const contraction = F.sub(F.one, F.mul(eta, sigmaR));
  const factor = sabotaged ? F.sub(F.one, productOf(O, O.int(4), eta, sigma1)) : F.mul(contraction, contraction);
  const first = F.sub(F.mul(factor, O.lambdaMin(b.P)), c);
  const second = F.neg(c);
  const rhs = first.value <= second.value ? first : second;
  return [boundComparison('λ_r(P_{s+1}) ≥ min{(1 − ησ_r)²λ_r(P_s) − 30η²σ₁³ − γησ_r²/20, −30η²σ₁³ − γησ_r²/20}', O.lambdaMin(a.P), '≥', rhs)];
}

export const item4LemmaC10 = stepClaim({
  id: 'jcd.prop-b.2.item-4.lemma-c10',
  where: 'Item 4, "we can apply Lemma C.10 to P_{s+1} and obtain"',
  statement: 'λ_r(P_{s+1}) ≥ min{(1 − ησ_r)²λ_r(P_s) − 30η²σ₁³ − γησ_r²/20, −30η²σ₁³ − γησ_r²/20}',
  check: (x) => lemmaC10(x),
  sabotage: {
    description: 'the terms −30η²σ₁³ − γησ_r²/20 dropped and the factor (1 − ησ_r)² made 1 − 4ησ₁ (a faster contraction than GD has when λ_r(P_s) < 0)',
    check: (x) => lemmaC10(x, true),
  },
});

function floorChain(x: StepState, tenth = 10): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const [eta, sigma1, sigmaR] = [O.constant(x.eta), O.constant(x.sigma1), O.constant(x.sigmaR)];
  const c = F.add(productOf(O, O.int(30), eta, eta, sigma1, sigma1, sigma1), productOf(O, O.constant(x.gamma), eta, sigmaR, sigmaR, O.ratio(1, 20)));
  const y = F.mul(eta, sigmaR);
  // Σ_{i=0}^{s} a^i = (1 − a^{s+1})/(1 − a); Σ_{i≥0} a^i = 1/(1 − a), with a = (1 − ησ_r)², 1 − a = ησ_r(2 − ησ_r);
  // 1 − a^{s+1} enters as a parameter of the instance (computed by expm1, log).
  const oneMinusA = F.mul(y, F.sub(O.int(2), y));
  const partialSum = O.constant(-Math.expm1((x.s + 1) * Math.log((1 - x.eta * x.sigmaR) ** 2)));
  const partial = F.div(F.neg(F.mul(c, partialSum)), oneMinusA);
  const full = F.div(F.neg(c), oneMinusA);
  const bound = F.div(F.neg(c), y);
  const last = F.div(F.neg(F.mul(O.constant(x.gamma), sigmaR)), O.constant(tenth));
  return [
    boundComparison('−c·Σ_{i=0}^{s}(1−ησ_r)^{2i} ≥ −c·Σ_{i=0}^{∞}(1−ησ_r)^{2i}', partial, '≥', full),
    boundComparison('−c·Σ_{i=0}^{∞}(1−ησ_r)^{2i} ≥ −c/(ησ_r)', full, '≥', bound),
    boundComparison('−(30η²σ₁³ + γησ_r²/20)/(ησ_r) ≥ −γσ_r/10', bound, '≥', last),
  ];
}

export const item4Floor = stepClaim({
  id: 'jcd.prop-b.2.item-4.floor',
  where:
    'Item 4, the display "λ_r(P_{s+1}) ≥ −(30η²σ₁³ + γησ_r²/20)Σ_{i=0}^∞(1−ησ_r)^{2i} ≥ −(30η²σ₁³ + γησ_r²/20)/(ησ_r) ≥ −γσ_r/10" ("the last inequality follows from η ≤ γσ_r²/(600σ₁³)")',
  statement:
    '−cΣ_{i=0}^{s}(1−ησ_r)^{2i} ≥ −cΣ_{i=0}^{∞}(1−ησ_r)^{2i} ≥ −c/(ησ_r) ≥ −γσ_r/10, c = 30η²σ₁³ + γησ_r²/20 (the unrolled recursion from λ_r(P₀) ≥ 0 is the lemma-c10 step applied s + 1 times)',
  check: (x) => floorChain(x),
  sabotage: { description: 'the floor −γσ_r/10 made −γσ_r/20', check: (x) => floorChain(x, 20) },
});

// ---------------------------------------------------------------------------------------------
// Item 5.

function kjNorm(x: StepState, expFactor = 1): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const b = measuredStepAt(x).before;
  const rootD = O.sqrt(O.int(dimSum(x)));
  const bound = productOf(O, O.int(2), rootD, O.constant(Math.exp(2 * expFactor * logEpsT(x))), O.constant(x.sigma1));
  const out: Comparison[] = [];
  for (const [S, name] of [
    [O.add(b.KtK, b.JtJ), '+'],
    [O.sub(b.KtK, b.JtJ), '−'],
  ] as const) {
    const scaledOp = F.mul(rootD, O.opNorm(S));
    out.push(
      boundComparison(`‖K_sᵀK_s ${name} J_sᵀJ_s‖_F ≤ √(m+n+k)‖K_sᵀK_s ${name} J_sᵀJ_s‖`, O.frob(S), '≤', scaledOp),
      boundComparison(`√(m+n+k)‖K_sᵀK_s ${name} J_sᵀJ_s‖ ≤ 2√(m+n+k)ρ^{(1−γ)/(1+γ)}σ₁`, scaledOp, '≤', bound),
    );
  }
  out.push(boundComparison('2√(m+n+k)ρ^{(1−γ)/(1+γ)}σ₁ ≤ γσ_r/10', bound, '≤', productOf(O, O.constant(x.gamma), O.constant(x.sigmaR), O.ratio(1, 10))));
  return out;
}

export const item5KjNorm = stepClaim({
  id: 'jcd.prop-b.2.item-5.kj-norm',
  where: 'Item 5, "the rank of K_sᵀK_s ± J_sᵀJ_s is at most m + n + k. Hence," the display',
  statement: '‖K_sᵀK_s ± J_sᵀJ_s‖_F ≤ √(m+n+k)‖K_sᵀK_s ± J_sᵀJ_s‖ ≤ 2√(m+n+k)ρ^{(1−γ)/(1+γ)}σ₁ ≤ γσ_r/10',
  check: (x) => kjNorm(x),
  sabotage: { description: 'the exponent of ρ doubled: 2√(m+n+k)ρ^{2(1−γ)/(1+γ)}σ₁', check: (x) => kjNorm(x, 2) },
});

/**
 * The four terms of G_s = −P_sB_s + Q_sA_s − A_sN_s − B_sM_s (N = (KᵀK − JᵀJ)/2, M = (KᵀK + JᵀJ)/2),
 * every norm divided by ε_s (so that squares of norms of order ε_s³ do not underflow; the relations
 * compared are homogeneous of degree 2 in these norms, so the common factor ε_s² cancels).
 */
function gTerms(x: StepState) {
  const O = stepOps(x);
  const { F } = O;
  const b = measuredStepAt(x).before;
  const perEps = O.constant(1 / epsS(x));
  const squared = (M: Measured) => {
    const n = F.mul(O.frob(M), perEps);
    return F.mul(n, n);
  };
  const terms = [O.mul(b.P, b.B), O.mul(b.Q, b.A), O.mul(b.A, b.N), O.mul(b.B, b.M)];
  const minus = F.neg(F.one);
  const G = O.combine([minus, terms[0]], [F.one, terms[1]], [minus, terms[2]], [minus, terms[3]]);
  return { O, G2: squared(G), sum: terms.map(squared).reduce((a, v) => F.add(a, v)), squared };
}

function gSplit(x: StepState, four = 4): Comparison[] {
  const g = gTerms(x);
  const { F } = g.O;
  const eta = g.O.constant(x.eta);
  const e2 = F.mul(eta, eta);
  return [
    boundComparison(
      'η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_sN_s − B_sM_s‖²_F ≤ 4η²(‖P_sB_s‖² + ‖Q_sA_s‖² + ‖A_sN_s‖² + ‖B_sM_s‖²) (both sides divided by ε_s²)',
      F.mul(e2, g.G2),
      '≤',
      productOf(g.O, g.O.constant(four), e2, g.sum),
    ),
  ];
}

export const item5GSplit = stepClaim({
  id: 'jcd.prop-b.2.item-5.g-split',
  where: 'Item 5, "Furthermore, we have", first inequality of the display',
  statement:
    'η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_s(K_sᵀK_s − J_sᵀJ_s)/2 − B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F ≤ 4η²‖P_sB_s‖²_F + 4η²‖(A_sB_sᵀ − B_sA_sᵀ)A_s‖²_F + 4η²‖A_s(K_sᵀK_s − J_sᵀJ_s)/2‖²_F + 4η²‖B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F',
  check: (x) => gSplit(x),
  sabotage: { description: 'the constant 4 made ½', check: (x) => gSplit(x, 0.5) },
});

/** The sides of the g-bound step divided by η²ε_s²: left = 4Σ‖termᵢ‖²; the right's three terms without their constants. */
function gBoundSides(x: StepState) {
  const g = gTerms(x);
  const { O } = g;
  const nB2 = g.squared(measuredStepAt(x).before.B);
  const [e2, sigma1] = [O.constant(Math.exp(2 * x.logEpsS)), O.constant(x.sigma1)];
  return {
    O,
    lhs: O.F.mul(O.int(4), g.sum),
    bTerm: productOf(O, sigma1, sigma1, nB2),
    constTerm: productOf(O, sigma1, sigma1, sigma1, O.int(dimSum(x)), e2),
    mixTerm: productOf(O, sigma1, sigma1, e2, e2, nB2),
  };
}

/** The right side 48·bTerm + 8·constTerm + 4·mixTerm for the constants given. */
function gBoundRhs(q: ReturnType<typeof gBoundSides>, c: { readonly fortyEight: number; readonly eight: number; readonly fourMix: number }) {
  const { F } = q.O;
  return F.add(F.add(F.mul(q.O.constant(c.fortyEight), q.bTerm), F.mul(q.O.constant(c.eight), q.constTerm)), F.mul(q.O.constant(c.fourMix), q.mixTerm));
}

const G_PRINTED = { fortyEight: 48, eight: 8, fourMix: 4 } as const;

function gBound(x: StepState, c: ConstantValues): Comparison[] {
  const q = gBoundSides(x);
  return [
    boundComparison(
      '4η²(‖P_sB_s‖² + ‖Q_sA_s‖² + ‖A_sN_s‖² + ‖B_sM_s‖²) ≤ 48η²σ₁²‖B_s‖²_F + 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴ + 4η²σ₁²(1+γησ_r)^{4s}ρ⁴‖B_s‖²_F (both sides divided by η²ε_s²)',
      q.lhs,
      '≤',
      gBoundRhs(q, { fortyEight: c.fortyEight, eight: c.eight, fourMix: c.fourMix }),
    ),
  ];
}

/** The smallest value of one constant with which the g-bound passes at tolerance tol, the others as printed. */
function gBoundWitness(x: StepState, tol: number, which: 'fortyEight' | 'eight'): number {
  const q = gBoundSides(x);
  const unit = which === 'fortyEight' ? q.bTerm : q.constTerm;
  const rest = gBoundRhs(q, { ...G_PRINTED, [which]: 0 });
  const scale = q.lhs.magnitude + gBoundRhs(q, G_PRINTED).magnitude;
  return unit.value > 0 ? (q.lhs.value - rest.value - tol * scale) / unit.value : Number.NEGATIVE_INFINITY;
}

export const item5GBound = stepClaim({
  id: 'jcd.prop-b.2.item-5.g-bound',
  where: 'Item 5, "Furthermore, we have", second inequality of the display ("the second inequality follows from the induction hypothesis")',
  statement:
    '4η²‖P_sB_s‖²_F + 4η²‖(A_sB_sᵀ − B_sA_sᵀ)A_s‖²_F + 4η²‖A_s(K_sᵀK_s − J_sᵀJ_s)/2‖²_F + 4η²‖B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F ≤ 48η²σ₁²‖B_s‖²_F + 8η²σ₁³(m+n+k)(1 + γησ_r)^{4s}ρ⁴ + 4η²σ₁²(1 + γησ_r)^{4s}ρ⁴‖B_s‖²_F',
  constants: {
    fortyEight: { printed: () => G_PRINTED.fortyEight, formula: '48 (in 48η²σ₁²‖B_s‖²_F)' },
    eight: { printed: () => G_PRINTED.eight, formula: '8 (in 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴)' },
    fourMix: { printed: () => G_PRINTED.fourMix, formula: '4 (in 4η²σ₁²(1+γησ_r)^{4s}ρ⁴‖B_s‖²_F)' },
  },
  check: gBound,
  witness: {
    fortyEight: (x, tol) => gBoundWitness(x, tol, 'fortyEight'),
    eight: (x, tol) => gBoundWitness(x, tol, 'eight'),
  },
  sabotage: { description: 'the constant 48 made 1', constants: { fortyEight: () => 1 } },
});

function gAbsorb(x: StepState, tenth = 10): Comparison[] {
  // Divided by ε_s² (ε_s⁴ and ‖B_s‖² would underflow): b = ‖B_s‖²/ε_s², e = ε_s².
  const g = gTerms(x);
  const { O } = g;
  const { F } = O;
  const b = g.squared(measuredStepAt(x).before.B);
  const e = O.constant(Math.exp(2 * x.logEpsS));
  const [eta, sigma1] = [O.constant(x.eta), O.constant(x.sigma1)];
  const e2 = F.mul(eta, eta);
  const constTerm = productOf(O, O.int(8), e2, sigma1, sigma1, sigma1, O.int(dimSum(x)), e);
  const coef48 = productOf(O, O.int(48), e2, sigma1, sigma1);
  const coefMix = productOf(O, O.int(4), e2, sigma1, sigma1, e, e);
  const sep = F.add(F.add(F.mul(coef48, b), constTerm), F.mul(coefMix, b));
  const coef = F.add(coef48, coefMix);
  const grouped = F.add(F.mul(coef, b), constTerm);
  const small = F.div(productOf(O, O.constant(x.gamma), eta, O.constant(x.sigmaR)), O.constant(tenth));
  return [
    boundComparison('48η²σ₁²‖B‖² + 8η²σ₁³(m+n+k)ε⁴ + 4η²σ₁²ε⁴‖B‖² ≤ (48η²σ₁² + 4η²σ₁²ε⁴)‖B‖² + 8η²σ₁³(m+n+k)ε⁴ (÷ ε_s²)', sep, '≤', grouped),
    boundComparison('48η²σ₁² + 4η²σ₁²(1+γησ_r)^{4s}ρ⁴ ≤ γησ_r/10 (the coefficient of ‖B_s‖²_F)', coef, '≤', small),
    boundComparison('(48η²σ₁² + 4η²σ₁²ε⁴)‖B‖² + 8η²σ₁³(m+n+k)ε⁴ ≤ (γησ_r/10)‖B‖² + 8η²σ₁³(m+n+k)ε⁴ (÷ ε_s²)', grouped, '≤', F.add(F.mul(small, b), constTerm)),
  ];
}

export const item5GAbsorb = stepClaim({
  id: 'jcd.prop-b.2.item-5.g-absorb',
  where: 'Item 5, "Furthermore, we have", third and fourth inequalities of the display ("the last inequality follows from the bound η ≤ γσ_r²/(600σ₁³)")',
  statement:
    '48η²σ₁²‖B_s‖²_F + 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴ + 4η²σ₁²(1+γησ_r)^{4s}ρ⁴‖B_s‖²_F ≤ (48η²σ₁² + 4η²σ₁²(1+γησ_r)^{4s}ρ⁴)‖B_s‖²_F + 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴ ≤ (γησ_r/10)‖B_s‖²_F + 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴',
  check: (x) => gAbsorb(x),
  sabotage: { description: 'γησ_r/10 made γησ_r/20', check: (x) => gAbsorb(x, 20) },
});

/**
 * (B.2)'s right side at the state divided by u², with u = ‖B_s‖_F (case (i)) or thr_s (case (ii)),
 * computed from ε_s²/thr_s = γσ_r/(16σ₁√σ₁√(m+n+k)) and ‖B_s‖_F/ε_s (squares of ε_s² would
 * underflow); and ‖B_s‖_F, ‖B_{s+1}‖_F.
 */
function b2Rhs(x: StepState, unit: 'B' | 'thr') {
  const nB = fro(blocksAt(x).B);
  const xg = growth(x);
  const eps = epsS(x);
  const cThr = (16 * x.sigma1 ** 1.5 * sqrt(dimSum(x))) / (x.gamma * x.sigmaR);
  // e2u = ε_s²/u, bu = ‖B_s‖_F/u.
  const [e2u, bu] = unit === 'B' ? [eps * (eps / nB), 1] : [1 / cThr, nB / eps / (cThr * eps)];
  const rhs = (1 + xg / 2) * bu * bu + 4 * x.eta * x.sigma1 ** 1.5 * sqrt(dimSum(x)) * e2u * bu + 8 * x.eta * x.eta * x.sigma1 ** 3 * dimSum(x) * e2u * e2u;
  return { nB, rhs, nB1: fro(step(x).after.B), xg, scaleB: magAfter(x).B + magBefore(x).B };
}

function caseI(x: StepState, quarter = 4): Comparison[] {
  const q = b2Rhs(x, 'B');
  // ‖B_s‖²_F = 1 in these units.
  const mid = 1 + q.xg / 2 + q.xg / quarter + (q.xg * q.xg) / 32;
  const last = (1 + q.xg) ** 2;
  return [
    atMost("(B.2)'s right side ≤ (1 + γησ_r/2)‖B_s‖² + (γησ_r/4)‖B_s‖² + γ²η²σ_r²‖B_s‖²/32 (÷ ‖B_s‖²)", q.rhs, mid, parameterRelationScale(q.rhs, mid)),
    atMost('(1 + γησ_r/2)‖B_s‖² + (γησ_r/4)‖B_s‖² + γ²η²σ_r²‖B_s‖²/32 ≤ (1 + γησ_r)²‖B_s‖² (÷ ‖B_s‖²)', mid, last, parameterRelationScale(mid, last)),
    atMost('‖B_{s+1}‖_F ≤ (1 + γησ_r)‖B_s‖_F', q.nB1, (1 + q.xg) * q.nB, q.scaleB),
  ];
}

export const item5CaseI = stepClaim({
  id: 'jcd.prop-b.2.item-5.case-i',
  where: 'Item 5, "Case (i): ‖B_s‖_F > 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2s}ρ²/(γσ_r). By (B.2), we have" and "Hence, ‖B_{s+1}‖_F ≤ (1 + γησ_r)‖B_s‖_F"',
  statement:
    "(B.2)'s right side ≤ (1 + γησ_r/2)‖B_s‖²_F + (γησ_r/4)‖B_s‖²_F + γ²η²σ_r²‖B_s‖²_F/32 ≤ (1 + γησ_r)²‖B_s‖²_F; hence ‖B_{s+1}‖_F ≤ (1 + γησ_r)‖B_s‖_F",
  bCase: 'i',
  check: (x) => caseI(x),
  sabotage: { description: 'γησ_r/4 made γησ_r/400 in the middle term', check: (x) => caseI(x, 400) },
});

function caseII(x: StepState, lastPower = 4): Comparison[] {
  const t = caseThreshold(x);
  const q = b2Rhs(x, 'thr');
  // thr_s² = 1 in these units.
  const mid = 1 + q.xg / 2 + (4 * q.xg) / 16 + (8 * q.xg * q.xg) / 256;
  const next = (1 + q.xg) ** lastPower;
  return [
    atMost("(B.2)'s right side ≤ (1 + γησ_r/2)thr_s² + (4γησ_r/16)thr_s² + (8γ²η²σ_r²/16²)thr_s² (÷ thr_s²)", q.rhs, mid, parameterRelationScale(q.rhs, mid)),
    atMost('… ≤ 16²σ₁³(m+n+k)(1+γησ_r)^{4(s+1)}ρ⁴/(γ²σ_r²) = thr_{s+1}² (÷ thr_s²)', mid, next, parameterRelationScale(mid, next)),
    atMost('‖B_{s+1}‖_F ≤ max{(1 + γησ_r)‖B_s‖_F, thr_{s+1}}', q.nB1, Math.max((1 + q.xg) * q.nB, t * Math.sqrt(next)), q.scaleB + parameterRelationScale(t)),
  ];
}

export const item5CaseII = stepClaim({
  id: 'jcd.prop-b.2.item-5.case-ii',
  where: 'Item 5, "Case (ii): ‖B_s‖_F ≤ 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2s}ρ²/(γσ_r). By (B.2), we have" and "As a result, ‖B_{s+1}‖_F ≤ max{…}"',
  statement:
    "(B.2)'s right side ≤ (1 + γησ_r/2)thr_s² + (4γησ_r/16)thr_s² + (8γ²η²σ_r²/16²)thr_s² ≤ thr_{s+1}² (thr_t = 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2t}ρ²/(γσ_r)); ‖B_{s+1}‖_F ≤ max{(1 + γησ_r)‖B_s‖_F, thr_{s+1}}",
  bCase: 'ii',
  check: (x) => caseII(x),
  sabotage: { description: 'thr_{s+1}² with (1+γησ_r)^{4s} in place of (1+γησ_r)^{4(s+1)} (the threshold not advanced)', check: (x) => caseII(x, 0) },
});

/** The max-chain's link at t = s + 1 with growth factor (1 + γησ_r)^power. */
function maxChain(x: StepState, power: number): Comparison[] {
  const q = b2Rhs(x, 'B');
  const t0 = caseThreshold(x);
  const t1 = caseThreshold(x, x.s + 1);
  const lhs = Math.max(q.nB1, t1);
  const rhs = (1 + q.xg) ** power * Math.max(q.nB, t0);
  return [
    atMost(
      `max{‖B_{s+1}‖_F, thr_{s+1}} ≤ (1 + γησ_r)${power === 1 ? '' : `^${power}`}·max{‖B_s‖_F, thr_s}`,
      lhs,
      rhs,
      q.scaleB + parameterRelationScale(t0, t1),
    ),
  ];
}

const MAX_CHAIN_ERRATUM =
  "The threshold thr_t = 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2t}ρ²/(γσ_r) grows by (1+γησ_r)² per step, so max{‖B_t‖_F, thr_t} ≥ (1+γησ_r)²thr_{t−1} exceeds (1+γησ_r)·max{‖B_{t−1}‖_F, thr_{t−1}} whenever ‖B_{t−1}‖_F < (1+γησ_r)thr_{t−1} — e.g. every admissible state with B_s = 0 (U_s = V_s; with m = n and F₀ = G₀, B_t = 0 for all t). Grade: breaks-proof. The cases (i), (ii) are right and give the link with (1+γησ_r)² (…/corrected); iterated that gives (1+γησ_r)^{2t}, which no longer yields Item 5's ‖B_{s+1}‖_F ≤ (1+γησ_r)^{s+1}ρ√(2r)√σ₁. Repair: require ρ^{(1−γ)/(2(1+γ))} ≤ γσ_r√(2r)/(16σ₁√(m+n+k)) (then thr_t ≤ (1+γησ_r)^tρ√(2r)√σ₁ for all t ≤ T and cases (i)/(ii) close Item 5 directly); Theorem A.1 states this bound on ρ itself, not on ρ^{(1−γ)/(2(1+γ))}; its other bounds imply it except for small γ — measured (NumPy, ρ at its largest admissible value, σ_r/σ₁ ∈ {1, ½, 0.05}, c_ρ ∈ {0.999, ½, 0.01}): it fails for γ below ≈ 5.4·10⁻³c_ρ (r = m = n = k = 1), 1.1·10⁻³c_ρ (r = 2, m = n = k = 3), 4.7·10⁻⁴c_ρ (r = 3, m = n = k = 5), independent of σ_r/σ₁; there the proof of Item 5 has a gap. The printed link itself fails at every admissible state with ‖B_s‖_F < (1+γησ_r)thr_s (violation up to the factor 1 + γησ_r, attained at B_s = 0). Dependents: Item 5 (hence Items 1, 2, 4 at s + 1, which use ‖B_{s+1}‖ ≤ √σ₁), Propositions B.3–B.5 and (A.3), which use ‖B_t‖_F ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁.";

export const item5MaxChain = stepClaim({
  id: 'jcd.prop-b.2.item-5.max-chain',
  where: 'Item 5, "For the rest of Item 5, we note that for any 0 < t ≤ s + 1", first inequality of the display (at t = s + 1)',
  statement: 'max{‖B_t‖_F, 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2t}ρ²/(γσ_r)} ≤ (1 + γησ_r)·max{‖B_{t−1}‖_F, 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2(t−1)}ρ²/(γσ_r)}',
  check: (x) => maxChain(x, 1),
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why: "the threshold grows by (1+γησ_r)² per step, so the printed link fails at every admissible state with ‖B_s‖_F < (1+γησ_r)thr_s; cases (i)/(ii) give the link with (1+γησ_r)², and requiring ρ^{(1−γ)/(2(1+γ))} ≤ γσ_r√(2r)/(16σ₁√(m+n+k)) closes Item 5 — implied by Theorem A.1's conditions except for small γ (below ≈ 5·10⁻³c_ρ), where the proof has a gap",
    dependents: ['Item 5 of Prop. B.2 (hence Items 1, 2, 4 at s + 1)', 'Propositions B.3–B.5', '(A.3): jcd.thm-a.1.final-error'],
  },
  failsWhere: {
    text: '‖B_s‖_F < (1 + γησ_r)·thr_s (there max{‖B_{s+1}‖_F, thr_{s+1}} ≥ thr_{s+1} = (1 + γησ_r)²thr_s exceeds the right side by up to the factor 1 + γησ_r, seen where that factor is above the tolerance)',
    contains: (x) => fro(x.B) < (1 + growth(x)) * caseThreshold(x),
  },
  erratum: MAX_CHAIN_ERRATUM,
  corrected: 'jcd.prop-b.2.item-5.max-chain/corrected',
  sabotage: { description: 'the factor (1 + γησ_r) removed (growth factor 1)', check: (x) => maxChain(x, 0) },
});

export const item5MaxChainCorrected = stepClaim({
  id: 'jcd.prop-b.2.item-5.max-chain/corrected',
  where: "Item 5, the max-chain with the threshold's own growth factor (derived from cases (i), (ii))",
  statement: 'max{‖B_{s+1}‖_F, thr_{s+1}} ≤ (1 + γησ_r)²·max{‖B_s‖_F, thr_s}',
  check: (x) => maxChain(x, 2),
  corrects: 'jcd.prop-b.2.item-5.max-chain',
  sabotage: { description: 'the printed factor (1 + γησ_r) put back', check: (x) => maxChain(x, 1) },
});

function item5Horizon(x: StepState, expFactor = 1): Comparison[] {
  // t = 0 link: thr₀ ≤ ρ√(2r)√σ₁ ⟺ 16σ₁√(m+n+k)ρ/(γσ_r) ≤ √(2r) (ρ ≤ γσ_r√(2r)/(16σ₁√(m+n+k))), in logs.
  const l0 = Math.log(16 * x.sigma1 * sqrt(dimSum(x))) + x.params.logRho - Math.log(x.gamma * x.sigmaR);
  const r0 = Math.log(sqrt(2 * x.r));
  return [atMost('log thr₀ ≤ log(ρ√(2r)√σ₁) (ρ ≤ γσ_r√(2r)/(16σ₁√(m+n+k)))', l0, r0, parameterRelationScale(l0, r0)), ...horizonChain(x, expFactor)];
}

export const item5Horizon_ = stepClaim({
  id: 'jcd.prop-b.2.item-5.horizon',
  where:
    'Item 5, the last inequality of the max-chain display ("the base case ‖B₀‖_F ≤ ρ√(2r)√σ₁ and the assumption ρ ≤ γσ_r√(2r)/(16σ₁√(m+n+k))") and "‖B_{s+1}‖_F ≤ (1+γησ_r)^{s+1}ρ√(2r)√σ₁ ≤ (1+γησ_r)^Tρ√(2r)√σ₁ ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁"',
  statement:
    '(1+γησ_r)^t max{‖B₀‖_F, 16σ₁√σ₁√(m+n+k)ρ²/(γσ_r)} ≤ (1+γησ_r)^tρ√(2r)√σ₁; (1+γησ_r)^{s+1}ρ√(2r)√σ₁ ≤ (1+γησ_r)^Tρ√(2r)√σ₁ ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁ (compared in logs)',
  check: (x) => item5Horizon(x),
  sabotage: { description: 'the exponent (1−γ)/(2(1+γ)) doubled', check: (x) => item5Horizon(x, 2) },
});

export const item5Conclusion = stepClaim({
  id: 'jcd.prop-b.2.item-5.conclusion',
  where: 'Item 5, "As a result, ‖B_{s+1}‖_F ≤ (1 + γησ_r)^{s+1}ρ√(2r)√σ₁" (one step from a state satisfying the induction hypothesis at s)',
  statement: '‖B_{s+1}‖_F ≤ (1 + γησ_r)^{s+1}ρ√(2r)√σ₁',
  check: (x, c) => {
    const q = b2Rhs(x, 'B');
    return [atMost('‖B_{s+1}‖_F ≤ (1 + γησ_r)^{s+1}ρ√(2r)√σ₁', q.nB1, c.one * Math.exp(x.logEpsS + Math.log1p(q.xg)) * sqrt(2 * x.r * x.sigma1), q.scaleB)];
  },
  constants: { one: { printed: () => 1, formula: '1 (the factor of (1+γησ_r)^{s+1}ρ√(2r)√σ₁)' } },
  sabotage: { description: 'the bound halved: ½(1+γησ_r)^{s+1}ρ√(2r)√σ₁', constants: { one: () => 0.5 } },
});

// ---------------------------------------------------------------------------------------------
// Items 1 and 2.

function aNorm(x: StepState, two = 2): Comparison[] {
  const O = stepOps(x);
  const A1 = measuredStepAt(x).after.A;
  const rootAA = O.sqrt(O.opNorm(O.mul(A1, O.tr(A1))));
  return [
    boundComparison('‖A_{s+1}‖ ≤ √‖A_{s+1}A_{s+1}ᵀ‖', O.opNorm(A1), '≤', rootAA),
    boundComparison('√‖A_{s+1}A_{s+1}ᵀ‖ ≤ √(2σ₁)', rootAA, '≤', O.sqrt(O.F.mul(O.constant(two), O.constant(x.sigma1)))),
  ];
}

export const items12ANorm = stepClaim({
  id: 'jcd.prop-b.2.items-1-2.a-norm',
  where: 'Items 1 and 2, "Therefore, we have ‖A_{s+1}‖ ≤ √‖A_{s+1}A_{s+1}ᵀ‖ ≤ √(2σ₁)"',
  statement: '‖A_{s+1}‖ ≤ √‖A_{s+1}A_{s+1}ᵀ‖ ≤ √(2σ₁)',
  check: (x) => aNorm(x),
  sabotage: { description: '√(2σ₁) made √(σ₁/2)', check: (x) => aNorm(x, 0.5) },
});

function gram(x: StepState, six = 6): Comparison[] {
  const O = stepOps(x);
  const { F, mul, tr } = O;
  const a = measuredStepAt(x).after;
  const UU = mul(tr(a.U), a.U);
  const VV = mul(tr(a.V), a.V);
  const twice = O.scale(O.int(2), O.add(mul(tr(a.A), a.A), mul(tr(a.B), a.B)));
  const [bound, boundJK] = [F.mul(O.constant(six), O.constant(x.sigma1)), F.mul(O.constant(six + 1), O.constant(x.sigma1))];
  return [
    ...residualComparisons({ 'U_{s+1}ᵀU_{s+1} + V_{s+1}ᵀV_{s+1} = 2(A_{s+1}ᵀA_{s+1} + B_{s+1}ᵀB_{s+1})': O.sub(O.add(UU, VV), twice) }),
    boundComparison('‖2(A_{s+1}ᵀA_{s+1} + B_{s+1}ᵀB_{s+1})‖ ≤ 6σ₁', O.opNorm(twice), '≤', bound),
    boundComparison('‖U_{s+1}ᵀU_{s+1}‖ ≤ 6σ₁ and ‖V_{s+1}ᵀV_{s+1}‖ ≤ 6σ₁', larger(O.opNorm(UU), O.opNorm(VV)), '≤', bound),
    boundComparison('‖U_{s+1}ᵀU_{s+1} + J_{s+1}ᵀJ_{s+1}‖ ≤ 7σ₁ (Item 1)', O.opNorm(O.add(UU, a.JtJ)), '≤', boundJK),
    boundComparison('‖V_{s+1}ᵀV_{s+1} + K_{s+1}ᵀK_{s+1}‖ ≤ 7σ₁ (Item 2)', O.opNorm(O.add(VV, a.KtK)), '≤', boundJK),
  ];
}

export const items12Gram = stepClaim({
  id: 'jcd.prop-b.2.items-1-2.gram',
  where:
    'Items 1 and 2, "‖U_{s+1}ᵀU_{s+1} + V_{s+1}ᵀV_{s+1}‖ = ‖2(A_{s+1}ᵀA_{s+1} + B_{s+1}ᵀB_{s+1})‖ ≤ 6σ₁. This implies … The result follows from triangle inequality and Item 3"',
  statement:
    '‖U_{s+1}ᵀU_{s+1} + V_{s+1}ᵀV_{s+1}‖ = ‖2(A_{s+1}ᵀA_{s+1} + B_{s+1}ᵀB_{s+1})‖ ≤ 6σ₁; ‖U_{s+1}ᵀU_{s+1}‖, ‖V_{s+1}ᵀV_{s+1}‖ ≤ 6σ₁; ‖U_{s+1}ᵀU_{s+1} + J_{s+1}ᵀJ_{s+1}‖, ‖V_{s+1}ᵀV_{s+1} + K_{s+1}ᵀK_{s+1}‖ ≤ 7σ₁',
  check: (x) => gram(x),
  sabotage: { description: '6σ₁ made 0.6σ₁ (and 7σ₁ 1.6σ₁)', check: (x) => gram(x, 0.6) },
});
