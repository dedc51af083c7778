/**
 * JCD Proposition B.4, its proof step by step. Hypotheses: everything in force at a step of
 * Proposition B.2's induction (lemmas/jcd/support/step-hypotheses.ts), t ≥ T₁, and B.4's induction hypothesis
 * at t: σ_r(A_t) ≥ min{(1 + 0.1ησ_r)^{t−T₁}√((1−γ)σ_r/24), 0.8√σ_r}, which is ≥ √((1−γ)σ_r/24) — the
 * floor the builder uses (the state at t = T₁; hypothesis 'b4-ih'). Instances: lemmas/jcd/steps/state.ts
 * with `aFloorAt`. E_t as in (B.3) (lemmas/jcd/steps/prop-b.3.ts: jcd.prop-b.3.update holds).
 *
 * The steps:
 *  e-chain   (B.5): ‖E_t‖ ≤ 16(1+γησ_r)^{2t}ρ²rσ₁√σ₁ ≤ 16ρ^{(1−γ)/(1+γ)}rσ₁√σ₁ ≤ 0.01σ_r√((1−γ)σ_r/24) ≤ 0.01σ_rσ_r(A_t)
 *  lemma-c7  σ_r(A_{t+1}) ≥ σ_r(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖E_t‖ ≥ (1 − 4η²σ₁²)(1 + ησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t)
 *            ≥ (1 + 0.99ησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t)
 *  case-1    σ_r(A_t) ≥ 0.9√σ_r: σ_r(A_{t+1}) ≥ (1 − ησ₁²(A_t) − 0.01ησ_r)σ_r(A_t) ≥ 0.8√σ_r
 *  case-2    (1 + 0.99ησ_r)(1 − 0.81ησ_r) − 0.01ησ_r ≥ 1 + 0.1ησ_r (per unit σ_r(A_t), σ_r(A_t) < 0.9√σ_r)
 * All hold as printed. Each side is written once against BoundOps on the measured step
 * (step-hypotheses.ts: measuredStepAt); its scale is computed in the magnitude model.
 */
import { singularValues } from '../../../src/linalg/spectral.ts';
import type { Comparison } from '../../../src/claims/compare.ts';
import type { Claim } from '../../../src/claims/types.ts';
import { hypothesis, type Hypothesis } from '../../../src/claims/hypotheses.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import {
  B2_STEP_HYPOTHESES,
  fro,
  logEpsT,
  measuredStepAt,
  productOf,
  sigmaRIn,
  stepDim,
  type StepOps,
  stepOps,
  type StepState,
} from '../support/step-hypotheses.ts';
import { eTerm, signalStep } from '../support/block-step.ts';
import { boundComparison, type MeasuredScalar } from '../../../src/claims/measured.ts';
import { stepStates, proofStepClaim, stepChoice, type StepClaimSpec } from './state.ts';

const sigmaR = (M: Parameters<typeof singularValues>[0], r: number) => (M.rows ? (singularValues(M)[r - 1] ?? 0) : 0);
const b4Floor = (p: { gamma: number; sigmaR: number }) => Math.sqrt(((1 - p.gamma) * p.sigmaR) / 24);

function floorHypothesis(name: string, text: string, floor: (x: StepState) => number): Hypothesis<StepState> {
  return hypothesis<StepState>(name, text, (x) => sigmaR(x.A, x.r) >= floor(x) - relativeTolerance('inequality', stepDim(x)) * fro(x.A), {
    tolerance: 'relative 64·γ_n of ‖A_t‖_F (a computed singular value errs by a multiple of u‖A‖)',
    coordinates: { 'σ_r(A_t)/√σ_r': { value: (x) => sigmaR(x.A, x.r) / Math.sqrt(x.sigmaR), domain: [0, 1.1] } },
  });
}

export const B4_IH = floorHypothesis(
  'b4-ih',
  "Proposition B.4's induction hypothesis at t ≥ T₁: σ_r(A_t) ≥ min{(1 + 0.1ησ_r)^{t−T₁}√((1−γ)σ_r/24), 0.8√σ_r} (≥ √((1−γ)σ_r/24))",
  (x) => b4Floor(x),
);
const CASE1 = floorHypothesis('b4-case-1', 'Case 1: σ_r(A_t) ≥ 0.9√σ_r', (x) => 0.9 * Math.sqrt(x.sigmaR));

function b4Claim(c: StepClaimSpec & { readonly case1?: boolean }): Claim<StepState> {
  return proofStepClaim(
    {
      proof: 'Prop. B.4, proof',
      hypotheses: [...B2_STEP_HYPOTHESES, B4_IH, ...(c.case1 ? [CASE1] : [])],
      instances: stepStates({ aFloorAt: c.case1 ? ({ params }) => 0.9 * Math.sqrt(params.sigmaR) : ({ params }) => b4Floor(params) }),
      stepChoice: stepChoice(),
    },
    c,
  );
}

/** ε² for log ε (an instance's parameter, exact in the model). */
const epsSquared = (O: StepOps, logEps: number) => O.constant(Math.exp(2 * logEps));

function eChain(x: StepState, hundredth = 0.01): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const s = measuredStepAt(x).before;
  const [sigma1, sigmaR] = [O.constant(x.sigma1), O.constant(x.sigmaR)];
  const tail = productOf(O, O.int(16 * x.r), sigma1, O.sqrt(sigma1));
  const l1 = F.mul(epsSquared(O, x.logEpsS), tail);
  const l2 = F.mul(epsSquared(O, logEpsT(x)), tail);
  const l3 = productOf(O, O.constant(hundredth), sigmaR, O.sqrt(F.mul(F.sub(F.one, O.constant(x.gamma)), F.mul(sigmaR, O.ratio(1, 24)))));
  const l4 = productOf(O, O.constant(hundredth), sigmaR, sigmaRIn(O, s.A, x.r));
  return [
    boundComparison('‖E_t‖ ≤ 16(1+γησ_r)^{2t}ρ²rσ₁√σ₁', O.opNorm(eTerm(O, s)), '≤', l1),
    boundComparison('16(1+γησ_r)^{2t}ρ²rσ₁√σ₁ ≤ 16ρ^{(1−γ)/(1+γ)}rσ₁√σ₁', l1, '≤', l2),
    boundComparison('16ρ^{(1−γ)/(1+γ)}rσ₁√σ₁ ≤ 0.01σ_r√((1−γ)σ_r/24)', l2, '≤', l3),
    boundComparison('0.01σ_r√((1−γ)σ_r/24) ≤ 0.01σ_rσ_r(A_t)', l3, '≤', l4),
  ];
}

export const b4EChain = b4Claim({
  id: 'jcd.prop-b.4.e-chain',
  where: '(B.5)',
  statement: '‖E_t‖ ≤ 16(1+γησ_r)^{2t}ρ²rσ₁√σ₁ ≤ 16ρ^{(1−γ)/(1+γ)}rσ₁√σ₁ ≤ 0.01σ_r√((1−γ)σ_r/24) ≤ 0.01σ_rσ_r(A_t)',
  check: (x) => eChain(x),
  sabotage: { description: '0.01 made 10⁻²⁰⁰', check: (x) => eChain(x, 1e-200) },
});

/** (1 + cησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t) with the factor (1 + cησ_r) given. */
function lemmaC7Line(O: StepOps, x: StepState, factor: MeasuredScalar, sA: MeasuredScalar): MeasuredScalar {
  const { F } = O;
  const eta = O.constant(x.eta);
  const z = F.mul(eta, O.constant(x.sigmaR));
  return F.sub(productOf(O, factor, sA, F.sub(F.one, productOf(O, eta, sA, sA))), productOf(O, O.ratio(1, 100), z, sA));
}

function lemmaC7(x: StepState, c99 = 0.99): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const { before, after, eta } = measuredStepAt(x);
  const sA = sigmaRIn(O, before.A, x.r);
  const [sigma1, z] = [O.constant(x.sigma1), F.mul(eta, O.constant(x.sigmaR))];
  const weyl = F.sub(sigmaRIn(O, signalStep(O, before, eta), x.r), F.mul(eta, O.opNorm(eTerm(O, before))));
  const c7 = F.mul(F.sub(F.one, productOf(O, O.int(4), eta, eta, sigma1, sigma1)), F.add(F.one, z));
  const mid = lemmaC7Line(O, x, c7, sA);
  const last = lemmaC7Line(O, x, F.add(F.one, F.mul(O.constant(c99), z)), sA);
  return [
    boundComparison('σ_r(A_{t+1}) ≥ σ_r(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖E_t‖', sigmaRIn(O, after.A, x.r), '≥', weyl),
    boundComparison('σ_r(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖E_t‖ ≥ (1 − 4η²σ₁²)(1 + ησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t)', weyl, '≥', mid),
    boundComparison('… ≥ (1 + 0.99ησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t)', mid, '≥', last),
  ];
}

export const b4LemmaC7 = b4Claim({
  id: 'jcd.prop-b.4.lemma-c7',
  where: '"Applying Lemma C.7, we have", the three lines',
  statement:
    'σ_r(A_{t+1}) ≥ σ_r(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖E_t‖ ≥ (1 − 4η²σ₁²)(1 + ησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t) ≥ (1 + 0.99ησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t)',
  check: (x) => lemmaC7(x),
  sabotage: { description: '0.99 made 1.5', check: (x) => lemmaC7(x, 1.5) },
});

function case1(x: StepState, target = 0.8): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const { before, after, eta } = measuredStepAt(x);
  const sA = sigmaRIn(O, before.A, x.r);
  const s1 = O.opNorm(before.A);
  const [sigma1, sigmaR] = [O.constant(x.sigma1), O.constant(x.sigmaR)];
  const z01 = productOf(O, O.ratio(1, 100), eta, sigmaR);
  const mid = F.mul(F.sub(F.sub(F.one, productOf(O, eta, s1, s1)), z01), sA);
  const lower = productOf(O, F.sub(F.sub(F.one, productOf(O, O.int(2), eta, sigma1)), z01), O.ratio(9, 10), O.sqrt(sigmaR));
  return [
    boundComparison('σ_r(A_{t+1}) ≥ (1 − ησ₁²(A_t) − 0.01ησ_r)σ_r(A_t)', sigmaRIn(O, after.A, x.r), '≥', mid),
    boundComparison('(1 − ησ₁²(A_t) − 0.01ησ_r)σ_r(A_t) ≥ (1 − 2ησ₁ − 0.01ησ_r)·0.9√σ_r', mid, '≥', lower),
    boundComparison('(1 − 2ησ₁ − 0.01ησ_r)·0.9√σ_r ≥ 0.8√σ_r (σ₁(A_t) ≤ √(2σ₁), η ≤ 1/(100σ₁))', lower, '≥', F.mul(O.constant(target), O.sqrt(sigmaR))),
  ];
}

export const b4Case1 = b4Claim({
  id: 'jcd.prop-b.4.case-1',
  where: 'case 1, "σ_r(A_t) ≥ 0.9√σ_r. We have"',
  statement: 'σ_r(A_{t+1}) ≥ (1 − ησ₁²(A_t) − 0.01ησ_r)σ_r(A_t) ≥ 0.8√σ_r',
  case1: true,
  check: (x) => case1(x),
  sabotage: { description: 'the target 0.8√σ_r made 0.95√σ_r', check: (x) => case1(x, 0.95) },
});

function case2(x: StepState, tenth = 0.1): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const z = F.mul(O.constant(x.eta), O.constant(x.sigmaR));
  const lhs = F.sub(F.mul(F.add(F.one, F.mul(O.ratio(99, 100), z)), F.sub(F.one, F.mul(O.ratio(81, 100), z))), F.mul(O.ratio(1, 100), z));
  return [boundComparison(`(1 + 0.99ησ_r)(1 − 0.81ησ_r) − 0.01ησ_r ≥ 1 + ${tenth}ησ_r`, lhs, '≥', F.add(F.one, F.mul(O.constant(tenth), z)))];
}

export const b4Case2 = b4Claim({
  id: 'jcd.prop-b.4.case-2',
  where: 'case 2, first two lines (per unit σ_r(A_t); 1 − ησ_r²(A_t) ≥ 1 − 0.81ησ_r for σ_r(A_t) < 0.9√σ_r)',
  statement: '(1 + 0.99ησ_r)(1 − 0.81ησ_r)σ_r(A_t) − 0.01ησ_rσ_r(A_t) ≥ (1 + 0.1ησ_r)σ_r(A_t)',
  check: (x) => case2(x),
  sabotage: { description: 'the rate 0.1 made 0.2', check: (x) => case2(x, 0.2) },
});
