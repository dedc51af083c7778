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
 * All hold as printed.
 */
import { combine, mul, transpose } from '../../../src/linalg/dense.ts';
import { singularValues } from '../../../src/linalg/spectral.ts';
import { atLeast, atMost, type Comparison } from '../../../src/claims/compare.ts';
import type { Claim } from '../../../src/claims/types.ts';
import { hypothesis, type Hypothesis } from '../../../src/claims/hypotheses.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { B2_STEP_HYPOTHESES, blocksAt, fro, logEpsT, magnitudesAt, nextAt, op, stepDim, type StepState } from '../support/step-hypotheses.ts';
import { stepStates, proofStepClaim, stepChoice, type StepClaimSpec } from './state.ts';

const sigmaR = (M: Parameters<typeof singularValues>[0], r: number) => (M.rows ? (singularValues(M)[r - 1] ?? 0) : 0);
const scalarScale = (...terms: number[]) => 1e3 * terms.reduce((a, t) => a + Math.abs(t), 0);
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

function pieces(x: StepState) {
  const b = blocksAt(x);
  const m = magnitudesAt(x);
  const E = combine([1, mul(mul(b.B, transpose(b.B)), b.A)], [-1, mul(b.Q, b.B)], [-1, mul(b.A, b.M)], [-1, mul(b.B, b.N)]);
  const signal = combine([1, b.A], [x.eta, mul(combine([1, b.Sigma], [-1, mul(b.A, transpose(b.A))]), b.A)]);
  return { E, signal, sigMag: m.A + x.eta * (m.Sigma + m.A * m.A) * m.A, eMag: m.B * m.B * m.A + m.Q * m.B + m.A * m.M + m.B * m.N };
}

function eChain(x: StepState, hundredth = 0.01): Comparison[] {
  const q = pieces(x);
  const l1 = 16 * Math.exp(2 * x.logEpsS) * x.r * x.sigma1 ** 1.5;
  const l2 = 16 * Math.exp(2 * logEpsT(x)) * x.r * x.sigma1 ** 1.5;
  const l3 = hundredth * x.sigmaR * b4Floor(x);
  const l4 = hundredth * x.sigmaR * sigmaR(x.A, x.r);
  return [
    atMost('‖E_t‖ ≤ 16(1+γησ_r)^{2t}ρ²rσ₁√σ₁', op(q.E), l1, 2 * q.eMag),
    atMost('16(1+γησ_r)^{2t}ρ²rσ₁√σ₁ ≤ 16ρ^{(1−γ)/(1+γ)}rσ₁√σ₁', l1, l2, scalarScale(l1, l2)),
    atMost('16ρ^{(1−γ)/(1+γ)}rσ₁√σ₁ ≤ 0.01σ_r√((1−γ)σ_r/24)', l2, l3, scalarScale(l2, l3)),
    atMost('0.01σ_r√((1−γ)σ_r/24) ≤ 0.01σ_rσ_r(A_t)', l3, l4, scalarScale(l3) + x.sigmaR * fro(x.A)),
  ];
}

export const b4EChain = b4Claim({
  id: 'jcd.prop-b.4.e-chain',
  where: '(B.5)',
  statement: '‖E_t‖ ≤ 16(1+γησ_r)^{2t}ρ²rσ₁√σ₁ ≤ 16ρ^{(1−γ)/(1+γ)}rσ₁√σ₁ ≤ 0.01σ_r√((1−γ)σ_r/24) ≤ 0.01σ_rσ_r(A_t)',
  check: (x) => eChain(x),
  sabotage: { description: '0.01 made 10⁻²⁰⁰', check: (x) => eChain(x, 1e-200) },
});

function lemmaC7(x: StepState, c99 = 0.99): Comparison[] {
  const q = pieces(x);
  const a1 = nextAt(x).blocks.A;
  const s = sigmaR(x.A, x.r);
  const eta = x.eta;
  const z = eta * x.sigmaR;
  const mid = (1 - 4 * eta * eta * x.sigma1 ** 2) * (1 + z) * s * (1 - eta * s * s) - 0.01 * z * s;
  const last = (1 + c99 * z) * s * (1 - eta * s * s) - 0.01 * z * s;
  return [
    atLeast('σ_r(A_{t+1}) ≥ σ_r(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖E_t‖', sigmaR(a1, x.r), sigmaR(q.signal, x.r) - eta * op(q.E), 2 * (nextAt(x).mag.A + q.sigMag)),
    atLeast(
      'σ_r(A_t + η(Σ − A_tA_tᵀ)A_t) − η‖E_t‖ ≥ (1 − 4η²σ₁²)(1 + ησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t)',
      sigmaR(q.signal, x.r) - eta * op(q.E),
      mid,
      2 * q.sigMag,
    ),
    atLeast('… ≥ (1 + 0.99ησ_r)σ_r(A_t)(1 − ησ_r²(A_t)) − 0.01ησ_rσ_r(A_t)', mid, last, scalarScale(mid)),
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
  const a1 = nextAt(x).blocks.A;
  const s = sigmaR(x.A, x.r);
  const s1 = singularValues(x.A)[0] ?? 0;
  const z = x.eta * x.sigmaR;
  const mid = (1 - x.eta * s1 * s1 - 0.01 * z) * s;
  const lower = (1 - 2 * x.eta * x.sigma1 - 0.01 * z) * 0.9 * Math.sqrt(x.sigmaR);
  return [
    atLeast('σ_r(A_{t+1}) ≥ (1 − ησ₁²(A_t) − 0.01ησ_r)σ_r(A_t)', sigmaR(a1, x.r), mid, 2 * nextAt(x).mag.A + 2 * fro(x.A)),
    atLeast('(1 − ησ₁²(A_t) − 0.01ησ_r)σ_r(A_t) ≥ (1 − 2ησ₁ − 0.01ησ_r)·0.9√σ_r', mid, lower, 2 * fro(x.A)),
    atLeast('(1 − 2ησ₁ − 0.01ησ_r)·0.9√σ_r ≥ 0.8√σ_r (σ₁(A_t) ≤ √(2σ₁), η ≤ 1/(100σ₁))', lower, target * Math.sqrt(x.sigmaR), scalarScale(lower)),
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
  const z = x.eta * x.sigmaR;
  const lhs = (1 + 0.99 * z) * (1 - 0.81 * z) - 0.01 * z;
  return [atLeast(`(1 + 0.99ησ_r)(1 − 0.81ησ_r) − 0.01ησ_r ≥ 1 + ${tenth}ησ_r`, lhs, 1 + tenth * z, scalarScale(lhs))];
}

export const b4Case2 = b4Claim({
  id: 'jcd.prop-b.4.case-2',
  where: 'case 2, first two lines (per unit σ_r(A_t); 1 − ησ_r²(A_t) ≥ 1 − 0.81ησ_r for σ_r(A_t) < 0.9√σ_r)',
  statement: '(1 + 0.99ησ_r)(1 − 0.81ησ_r)σ_r(A_t) − 0.01ησ_rσ_r(A_t) ≥ (1 + 0.1ησ_r)σ_r(A_t)',
  check: (x) => case2(x),
  sabotage: { description: 'the rate 0.1 made 0.2', check: (x) => case2(x, 0.2) },
});
