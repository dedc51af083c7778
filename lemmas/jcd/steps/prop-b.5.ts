/**
 * JCD Proposition B.5, its proof step by step. Hypotheses: everything in force at a step of
 * Proposition B.2's induction (lemmas/jcd/support/step-hypotheses.ts: Theorem A.1's conditions, s < T, the
 * induction hypothesis at t = s), and Proposition B.4's conclusion for T₁ + T₂ ≤ t, σ_r(A_t) ≥ 0.8√σ_r
 * ("By Proposition B.2 and Proposition B.4, we have σ_r(A_t) ≥ 0.8√σ_r and ‖B_t‖ ≤ ‖B_t‖_F ≤ 0.1√σ_r").
 * Instances: lemmas/jcd/steps/state.ts with `aFloor` (σ_r(A_t) down to 0.8√σ_r exactly); one GD step
 * in block coordinates. x = ησ_r, ε_T = ρ^{(1−γ)/(2(1+γ))}, E_t = P_{t+1} − (I − η(Σ−P_t))P_t(I − η(Σ−P_t)).
 *
 * The steps:
 *  e-norm        ‖E_t‖ ≤ 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²        ("by the same argument as the proof of item 4")
 *  congruence-id (I − η(Σ − P_t))P_t(I − η(Σ − P_t)) = (I − ηA_tA_tᵀ + ηB_tB_tᵀ)P_t(I − ηA_tA_tᵀ + ηB_tB_tᵀ)
 *  b-small       ‖B_t‖ ≤ ‖B_t‖_F ≤ 0.1√σ_r
 *  contraction   ‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ ≤ 1 − 0.8ησ_r + 0.01ησ_r ≤ 1 − 0.79ησ_r        — FALSE
 *  congruence    ‖(I − η(Σ − P_t))P_t(I − η(Σ − P_t))‖ ≤ (1 − 0.79ησ_r)²‖P_t‖            — FALSE
 *  recursion     ‖P_{t+1}‖ ≤ (1 − 0.79ησ_r)²‖P_t‖ + 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁² — FALSE (first link)
 *  rate          (1 − 0.79ησ_r)²‖P_t‖ + 6η²σ₁²‖P_t‖ + 80η… ≤ (1 − 3ησ_r/2)‖P_t‖ + 80η…   (scalar; holds)
 *  one-step      ‖P_{t+1}‖ ≤ (1 − 3ησ_r/2)‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²  (what the induction uses) — FALSE
 *  sum           (1 − 3ησ_r/2)^{n}‖P_{T₁+T₂}‖ + Σ_{i≥0}(1 − 3ησ_r/2)^i·80ηρ^{…}rσ₁² ≤ 2(1 − 3ησ_r/2)^{n}σ₁ + 80ρ^{(1−γ)/(1+γ)}rσ₁²/σ_r
 *  t3            for t − T₁ − T₂ ≥ T₃: 2(1 − 3ησ_r/2)^{t−T₁−T₂}σ₁ + 80ρ^{(1−γ)/(1+γ)}rσ₁²/σ_r ≤ ρ^{(1−γ)/(2(1+γ))}σ₁ ("direct calculation")
 *
 * Erratum (contraction). σ_r(A_t) ≥ 0.8√σ_r gives λ_r(A_tA_tᵀ) ≥ 0.64σ_r, not 0.8σ_r: the printed
 * "‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ ≤ 1 − 0.8ησ_r + 0.01ησ_r" squares 0.8√σ_r to 0.8σ_r. Exact counterexample
 * (r = k = 1, m = n = 1, σ₁ = σ_r = 1, A = 4/5, B = 0, γ = 1/2, η = 1/1200 = γσ_r²/(600σ₁³)):
 * ‖1 − ηA²‖ = 1 − 16/30000 = 1 − 0.64η > 1 − 0.79η. Corrected (…contraction/corrected): ≤ 1 − 0.64ησ_r
 * + 0.01ησ_r = 1 − 0.63ησ_r. The next two displays inherit it: with P_t's top eigenvector on A_t's
 * weakest direction (the same instance: P = 9/25) the congruence is (1 − 0.64η)²‖P_t‖ > (1 − 0.79η)²‖P_t‖,
 * and one GD step gives ‖P_{t+1}‖ = (1 − 0.64η)²·9/25 − η²·(9/25)(16/25) (the scalar E_t of
 * jcd.eq-b.1.e-term), above (1 − 3η/2)·9/25 (one-step). Grade: breaks-proof — the rate 1 − 3ησ_r/2 of
 * Proposition B.5 (and hence T₃ of (A.1), T₀ and (A.2) through Lemma C.9, and the time from which (A.3)
 * holds) is not established; the corrected chain gives (1 − 0.63ησ_r)² + 6η²σ₁² ≤ 1 − 1.2ησ_r (for
 * η ≤ γσ_r²/(600σ₁³): 0.4η²σ_r² + 6η²σ₁² ≤ 0.06ησ_r), i.e. rate 1 − 6ησ_r/5 and T₃ with log(1 − 6ησ_r/5)
 * (about 5/4 of the printed T₃); Σ_i(1 − 6ησ_r/5)^i·80η… = 200ρ^{…}rσ₁²/(3σ_r) still ≤ 80ρ^{…}rσ₁²/σ_r.
 * The statement of Proposition B.5 itself is checked on trajectories by jcd.prop-b.5.p-decay (holds):
 * there σ_r(A_t) soon exceeds 0.9√σ_r and ‖P_t‖ decays faster than 1 − 3ησ_r/2 — the erratum is in the proof.
 */
import { combine, mul, transpose } from '../../../src/linalg/dense.ts';
import { lambdaMin, singularValues } from '../../../src/linalg/spectral.ts';
import type { Comparison } from '../../../src/claims/compare.ts';
import type { Claim, ConstantValues, ErratumGrading, StatedRegion } from '../../../src/claims/types.ts';
import { COMPUTED_TOLERANCE, geq, hypothesis, type Hypothesis } from '../../../src/claims/hypotheses.ts';
import { B2_STEP_HYPOTHESES, blockStepView, logEpsT, measuredStepAt, productOf, stepDim, stepOps, type StepState } from '../support/step-hypotheses.ts';
import { boundComparison, magnitudeOps, residualComparisons } from '../../../src/claims/measured.ts';
import { type StepResiduals, tailFrameForm } from '../../../src/exact/states.ts';
import { tailFrameSymbolic } from '../../../src/exact/symbolic-steps.ts';
import { stepStates, proofStepClaim, stepChoice, type StepClaimSpec } from './state.ts';

/** Proposition B.4's conclusion at t ≥ T₁ + T₂. */
export const B4_FLOOR: Hypothesis<StepState> = hypothesis<StepState>(
  'b4-floor',
  'Proposition B.4 for T₁ + T₂ ≤ t ≤ T: σ_r(A_t) ≥ 0.8√σ_r',
  (x) => geq(singularValues(x.A)[x.r - 1] ?? 0, 0.8 * Math.sqrt(x.sigmaR), stepDim(x)),
  {
    tolerance: COMPUTED_TOLERANCE,
    coordinates: { 'σ_r(A_t)/√σ_r': { value: (x) => (singularValues(x.A)[x.r - 1] ?? 0) / Math.sqrt(x.sigmaR), domain: [0.8, 1.1] } },
  },
);

/** λ_r(A_tA_tᵀ − B_tB_tᵀ): for ησ₁ ≤ 1/600, ‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ = 1 − η times it. */
const lambdaR = (x: StepState) => lambdaMin(combine([1, mul(x.A, transpose(x.A))], [-1, mul(x.B, transpose(x.B))]));

/** The grading of the displays that inherit the contraction's erratum (congruence, recursion, one-step). */
const INHERITS_CONTRACTION: ErratumGrading = {
  grade: 'breaks-proof',
  why: 'inherits jcd.prop-b.5.contraction (λ_r(AAᵀ) ≥ 0.64σ_r, not 0.8σ_r); corrected with (1 − 0.63ησ_r)², i.e. the rate 1 − 6ησ_r/5',
  dependents: [
    'jcd.prop-b.5.p-decay (the statement, which holds on trajectories)',
    'T₃ and T₀ of (A.1)',
    '(A.2) via Lemma C.9',
    '(A.3): jcd.thm-a.1.final-error',
  ],
};

/** Where the contraction factor is above 1 − 0.79ησ_r; the congruence and the recursion fail only there (‖GPG‖ ≤ ‖G‖²‖P‖, and e-norm holds). */
const CONTRACTION_REGION: StatedRegion<StepState> = {
  text: "λ_r(A_tA_tᵀ − B_tB_tᵀ) < 0.79σ_r (with B_t ≈ 0: σ_r(A_t) < 0.889√σ_r), i.e. the low end of B.4's floor σ_r(A_t) ≥ 0.8√σ_r",
  contains: (x) => lambdaR(x) < 0.79 * x.sigmaR,
};

/** one-step fails only if (1 − ηλ_r)² + 6η²σ₁² > 1 − 3ησ_r/2, i.e. λ_r < 0.75σ_r + η(λ_r² + 6σ₁²)/2 < 0.76σ_r (λ_r ≤ 2.5σ₁, ησ₁ ≤ σ_r/(600σ₁)). */
const ONE_STEP_REGION: StatedRegion<StepState> = {
  text: 'λ_r(A_tA_tᵀ − B_tB_tᵀ) < 0.76σ_r (with B_t ≈ 0: σ_r(A_t) < 0.872√σ_r)',
  contains: (x) => lambdaR(x) < 0.76 * x.sigmaR,
};

const epsT2 = (x: StepState) => Math.exp(2 * logEpsT(x));

function b5Claim(c: StepClaimSpec): Claim<StepState> {
  return proofStepClaim(
    {
      proof: 'Prop. B.5, proof',
      hypotheses: [...B2_STEP_HYPOTHESES, B4_FLOOR],
      instances: stepStates({ aFloor: true, ...((c.expected ?? 'holds') === 'refuted' ? { shrinkToEqualSigmas: true } : {}) }),
      stepChoice: stepChoice('t = s ≥ T₁ + T₂ is carried by σ_r(A_t) ≥ 0.8√σ_r'),
    },
    c,
  );
}

/** The congruence factor I − η(Σ − P_t), its form I − ηA_tA_tᵀ + ηB_tB_tᵀ, the quadratic form and E_t = P_{t+1} − form, in the magnitude model. */
function pieces(x: StepState) {
  const O = stepOps(x);
  const { F } = O;
  const { before: b, after: a, eta } = measuredStepAt(x);
  const I = O.eye(x.r);
  const f = O.combine([F.one, I], [F.neg(eta), b.Sigma], [eta, b.P]);
  const g = O.combine([F.one, I], [F.neg(eta), O.mul(b.A, O.tr(b.A))], [eta, O.mul(b.B, O.tr(b.B))]);
  const quad = O.mul(f, b.P, f);
  const [sigma1, sigmaR] = [O.constant(x.sigma1), O.constant(x.sigmaR)];
  /** 80ηρ^{(1−γ)/(1+γ)}rσ₁² for the constant c80. */
  const tail = (c80: number) => productOf(O, O.constant(c80), eta, O.constant(epsT2(x)), O.int(x.r), sigma1, sigma1);
  return { O, F, b, eta, sigma1, sigmaR, y: F.mul(eta, sigmaR), f, g, quad, E: O.sub(a.P, quad), nP: O.opNorm(b.P), nP1: O.opNorm(a.P), tail };
}

/** 6η²σ₁²‖P_t‖ for the constant six. */
const sixTerm = (q: ReturnType<typeof pieces>, six: number) => productOf(q.O, q.O.constant(six), q.eta, q.eta, q.sigma1, q.sigma1, q.nP);

function eNorm(x: StepState, c: ConstantValues): Comparison[] {
  const q = pieces(x);
  return [boundComparison('‖E_t‖ ≤ 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²', q.O.opNorm(q.E), '≤', q.F.add(sixTerm(q, c.six), q.tail(c.eighty)))];
}

export const b5ENorm = b5Claim({
  id: 'jcd.prop-b.5.e-norm',
  where: '"By the same argument as the proof of the item 4 in Proposition B.2, for T₁ + T₂ ≤ t < T, we have the bound"',
  statement: '‖E_t‖ ≤ 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁² (E_t as (B.1) defines it)',
  constants: {
    six: { printed: () => 6, formula: '6 (in 6η²σ₁²‖P_t‖)' },
    eighty: { printed: () => 80, formula: '80 (in 80ηρ^{(1−γ)/(1+γ)}rσ₁²)' },
  },
  check: eNorm,
  witness: {
    six: (x, tol) => {
      const q = pieces(x);
      const [lhs, rest, unit] = [q.O.opNorm(q.E), q.tail(80), sixTerm(q, 1)];
      const scale = lhs.magnitude + rest.magnitude + 6 * unit.magnitude;
      return unit.value > 0 ? (lhs.value - rest.value - tol * scale) / unit.value : Number.NEGATIVE_INFINITY;
    },
  },
  sabotage: { description: 'the constants 6 and 80 divided by 100', constants: { six: () => 0.06, eighty: () => 0.8 } },
});

/**
 * (I − η(Σ − P_t))P_t(I − η(Σ − P_t)) − (I − ηA_tA_tᵀ + ηB_tB_tᵀ)P_t(I − ηA_tA_tᵀ + ηB_tB_tᵀ); sabotaged:
 * the sign of ηA_tA_tᵀ flipped on the right. A ring identity of the state (Σ − P = AAᵀ − BBᵀ).
 */
const congruenceResidual: StepResiduals = (O, { x, before: b }, sabotaged) => {
  const { F } = O;
  const I = O.eye(x.r);
  const f = O.combine([F.one, I], [F.neg(x.eta), b.Sigma], [x.eta, b.P]);
  const g = O.combine([F.one, I], [sabotaged ? x.eta : F.neg(x.eta), O.mul(b.A, O.tr(b.A))], [x.eta, O.mul(b.B, O.tr(b.B))]);
  return { '(I − η(Σ − P_t))P_t(I − η(Σ − P_t)) = (I − ηA_tA_tᵀ + ηB_tB_tᵀ)P_t(I − ηA_tA_tᵀ + ηB_tB_tᵀ)': O.sub(O.mul(f, b.P, f), O.mul(g, b.P, g)) };
};

function congruenceId(x: StepState, sabotaged = false): Comparison[] {
  return residualComparisons(congruenceResidual(magnitudeOps, blockStepView(x), sabotaged));
}

export const b5CongruenceId = b5Claim({
  id: 'jcd.prop-b.5.congruence-id',
  // Exact form: the residual on any state (a ring identity of Σ, A, B). D = 8.
  exact: tailFrameForm(congruenceResidual, { bound: 8, derivation: 'ηAAᵀ (three) on each side of P (two)' }),
  symbolic: tailFrameSymbolic(congruenceResidual),
  where: '"On the other hand," the display (Σ − P_t = A_tA_tᵀ − B_tB_tᵀ)',
  kind: 'identity',
  statement: '(I − η(Σ − P_t))P_t(I − η(Σ − P_t)) = (I − ηA_tA_tᵀ + ηB_tB_tᵀ)P_t(I − ηA_tA_tᵀ + ηB_tB_tᵀ)',
  check: (x) => congruenceId(x),
  sabotage: { description: 'sign of ηA_tA_tᵀ flipped on the right', check: (x) => congruenceId(x, true) },
});

function bSmall(x: StepState, reversed = false): Comparison[] {
  const O = stepOps(x);
  const B = measuredStepAt(x).before.B;
  const [nOp, nF] = [O.opNorm(B), O.frob(B)];
  return reversed
    ? [boundComparison('‖B_t‖_F ≤ ‖B_t‖ (reversed)', nF, '≤', nOp)]
    : [boundComparison('‖B_t‖ ≤ ‖B_t‖_F', nOp, '≤', nF), boundComparison('‖B_t‖_F ≤ 0.1√σ_r', nF, '≤', O.F.mul(O.ratio(1, 10), O.sqrt(O.constant(x.sigmaR))))];
}

export const b5BSmall = b5Claim({
  id: 'jcd.prop-b.5.b-small',
  where:
    '"By Proposition B.2 and Proposition B.4, we have σ_r(A_t) ≥ 0.8√σ_r and ‖B_t‖ ≤ ‖B_t‖_F ≤ 0.1√σ_r" (from Item 5: ‖B_t‖_F ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁)',
  statement: '‖B_t‖ ≤ ‖B_t‖_F ≤ 0.1√σ_r',
  check: (x) => bSmall(x),
  sabotage: { description: 'the first link reversed: ‖B_t‖_F ≤ ‖B_t‖', check: (x) => bSmall(x, true) },
});

/** ‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ ≤ 1 − aησ_r + 0.01ησ_r ≤ 1 − (a − 0.01)ησ_r with a = 0.8 (printed) or 0.64 (corrected). */
function contraction(x: StepState, a: number): Comparison[] {
  const { O, F, g, y } = pieces(x);
  const mid = F.add(F.sub(F.one, F.mul(O.constant(a), y)), F.mul(O.ratio(1, 100), y));
  return [
    boundComparison(`‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ ≤ 1 − ${a}ησ_r + 0.01ησ_r`, O.opNorm(g), '≤', mid),
    boundComparison(`1 − ${a}ησ_r + 0.01ησ_r ≤ 1 − ${Math.round((a - 0.01) * 100) / 100}ησ_r`, mid, '≤', F.sub(F.one, F.mul(O.constant(a - 0.01), y))),
  ];
}

const CONTRACTION_ERRATUM =
  "σ_r(A_t) ≥ 0.8√σ_r gives λ_r(A_tA_tᵀ) ≥ 0.64σ_r, not 0.8σ_r, so ‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ can be 1 − 0.64ησ_r > 1 − 0.79ησ_r. Exact counterexample (r = k = m = n = 1, σ₁ = σ_r = 1, A = 4/5, B = 0, γ = 1/2, η = 1/1200): 1 − 16/30000 > 1 − 79/120000. Failing region: λ_r(A_tA_tᵀ − B_tB_tᵀ) < 0.79σ_r, i.e. (B_t ≈ 0) σ_r(A_t) ∈ [0.8√σ_r, ≈0.889√σ_r); largest violation 0.15ησ_r, at σ_r(A_t) = 0.8√σ_r, B_t = 0. Corrected: ≤ 1 − 0.63ησ_r. Grade: breaks-proof (Proposition B.5's rate 1 − 3ησ_r/2 is not established; with 0.63 the chain gives 1 − 6ησ_r/5). Dependents: the congruence and one-step displays of this proof, Proposition B.5 (rate, T₃), T₀ = T₁ + T₂ + T₃ in (A.1)–(A.3), (A.2) via Lemma C.9.";

export const b5Contraction = b5Claim({
  id: 'jcd.prop-b.5.contraction',
  where: '"It follows that" the display ‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ ≤ 1 − 0.8ησ_r + 0.01ησ_r ≤ 1 − 0.79ησ_r',
  statement: '‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ ≤ 1 − 0.8ησ_r + 0.01ησ_r ≤ 1 − 0.79ησ_r',
  check: (x) => contraction(x, 0.8),
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why: "σ_r(A_t) ≥ 0.8√σ_r gives λ_r(AAᵀ) ≥ 0.64σ_r, not 0.8σ_r: the contraction holds with 1 − 0.63ησ_r, which gives the rate 1 − 6ησ_r/5 and a T₃ about 5/4 longer; Proposition B.5's conclusion holds on the trajectories checked",
    dependents: [
      'jcd.prop-b.5.congruence',
      'jcd.prop-b.5.recursion',
      'jcd.prop-b.5.one-step',
      'T₃ and T₀ of (A.1)',
      '(A.2) via Lemma C.9',
      '(A.3): jcd.thm-a.1.final-error',
    ],
  },
  failsWhere: CONTRACTION_REGION,
  erratum: CONTRACTION_ERRATUM,
  corrected: 'jcd.prop-b.5.contraction/corrected',
  sabotage: { description: '0.8 made 0.9', check: (x) => contraction(x, 0.9) },
});

export const b5ContractionCorrected = b5Claim({
  id: 'jcd.prop-b.5.contraction/corrected',
  where: 'the contraction with λ_r(A_tA_tᵀ) ≥ (0.8√σ_r)² = 0.64σ_r',
  statement: '‖I − ηA_tA_tᵀ + ηB_tB_tᵀ‖ ≤ 1 − 0.64ησ_r + 0.01ησ_r ≤ 1 − 0.63ησ_r',
  check: (x) => contraction(x, 0.64),
  corrects: 'jcd.prop-b.5.contraction',
  sabotage: { description: 'the printed 0.8 put back', check: (x) => contraction(x, 0.8) },
});

/** (1 − cησ_r)². */
const contractionSquared = (q: ReturnType<typeof pieces>, c: number) => {
  const f = q.F.sub(q.F.one, q.F.mul(q.O.constant(c), q.y));
  return q.F.mul(f, f);
};

function congruence(x: StepState, c: number): Comparison[] {
  const q = pieces(x);
  return [boundComparison(`‖(I − η(Σ − P_t))P_t(I − η(Σ − P_t))‖ ≤ (1 − ${c}ησ_r)²‖P_t‖`, q.O.opNorm(q.quad), '≤', q.F.mul(contractionSquared(q, c), q.nP))];
}

export const b5Congruence = b5Claim({
  id: 'jcd.prop-b.5.congruence',
  where: '"hence" ‖(I − η(Σ − P_t))P_t(I − η(Σ − P_t))‖ ≤ (1 − 0.79ησ_r)²‖P_t‖',
  statement: '‖(I − η(Σ − P_t))P_t(I − η(Σ − P_t))‖ ≤ (1 − 0.79ησ_r)²‖P_t‖',
  check: (x) => congruence(x, 0.79),
  expected: 'refuted',
  grading: INHERITS_CONTRACTION,
  failsWhere: CONTRACTION_REGION,
  erratum: `Inherits jcd.prop-b.5.contraction: with P_t's top eigenvector on A_t's weakest singular direction (r = 1: A = 4/5, P = 9/25, σ = 1) the form is (1 − 0.64η)²‖P_t‖ > (1 − 0.79η)²‖P_t‖. Corrected: (1 − 0.63ησ_r)². Grade: breaks-proof (as the contraction). Dependents: as jcd.prop-b.5.contraction.`,
  corrected: 'jcd.prop-b.5.congruence/corrected',
  sabotage: { description: '0.79 made 0.9', check: (x) => congruence(x, 0.9) },
});

export const b5CongruenceCorrected = b5Claim({
  id: 'jcd.prop-b.5.congruence/corrected',
  where: 'the congruence with the corrected contraction 1 − 0.63ησ_r',
  statement: '‖(I − η(Σ − P_t))P_t(I − η(Σ − P_t))‖ ≤ (1 − 0.63ησ_r)²‖P_t‖',
  check: (x) => congruence(x, 0.63),
  corrects: 'jcd.prop-b.5.congruence',
  sabotage: { description: 'the printed 0.79 put back', check: (x) => congruence(x, 0.79) },
});

/** ‖P_{t+1}‖ ≤ (1 − cησ_r)²‖P_t‖ + 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁². */
function recursion(x: StepState, c: number): Comparison[] {
  const q = pieces(x);
  const { F } = q;
  const rhs = F.add(F.add(F.mul(contractionSquared(q, c), q.nP), sixTerm(q, 6)), q.tail(80));
  return [boundComparison(`‖P_{t+1}‖ ≤ (1 − ${c}ησ_r)²‖P_t‖ + 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²`, q.nP1, '≤', rhs)];
}

export const b5Recursion = b5Claim({
  id: 'jcd.prop-b.5.recursion',
  where: '"As a result, we have", first inequality',
  statement: '‖P_{t+1}‖ ≤ (1 − 0.79ησ_r)²‖P_t‖ + 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²',
  check: (x) => recursion(x, 0.79),
  expected: 'refuted',
  grading: INHERITS_CONTRACTION,
  failsWhere: CONTRACTION_REGION,
  erratum:
    'Inherits jcd.prop-b.5.contraction (same instance: ‖P_{t+1}‖ = (1 − 0.64η)²·9/25 − η²(9/25)(16/25) > (1 − 0.79η)²·9/25 + 6η²·9/25 for η = 1/1200). Corrected: (1 − 0.63ησ_r)². Grade: breaks-proof. Dependents: as jcd.prop-b.5.contraction.',
  corrected: 'jcd.prop-b.5.recursion/corrected',
  sabotage: { description: '0.79 made 0.9', check: (x) => recursion(x, 0.9) },
});

export const b5RecursionCorrected = b5Claim({
  id: 'jcd.prop-b.5.recursion/corrected',
  where: 'the recursion with the corrected contraction',
  statement: '‖P_{t+1}‖ ≤ (1 − 0.63ησ_r)²‖P_t‖ + 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²',
  check: (x) => recursion(x, 0.63),
  corrects: 'jcd.prop-b.5.recursion',
  sabotage: { description: 'the printed 0.79 put back', check: (x) => recursion(x, 0.79) },
});

/** The scalar link (1 − cησ_r)² + 6η²σ₁² ≤ 1 − kησ_r (per unit ‖P_t‖; the 80η… term is common). */
function rate(x: StepState, c: number, k: number): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const [eta, sigma1] = [O.constant(x.eta), O.constant(x.sigma1)];
  const y = F.mul(eta, O.constant(x.sigmaR));
  const f = F.sub(F.one, F.mul(O.constant(c), y));
  const lhs = F.add(F.mul(f, f), productOf(O, O.int(6), eta, eta, sigma1, sigma1));
  return [boundComparison(`(1 − ${c}ησ_r)² + 6η²σ₁² ≤ 1 − ${k}ησ_r`, lhs, '≤', F.sub(F.one, F.mul(O.constant(k), y)))];
}

export const b5Rate = b5Claim({
  id: 'jcd.prop-b.5.rate',
  where: '"As a result, we have", second inequality (per unit ‖P_t‖; η ≤ γσ_r²/(600σ₁³))',
  statement:
    "(1 − 0.79ησ_r)²‖P_t‖ + 6η²σ₁²‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁² ≤ (1 − 3ησ_r/2)‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²; also the corrected chain's (1 − 0.63ησ_r)² + 6η²σ₁² ≤ 1 − 6ησ_r/5",
  check: (x) => [...rate(x, 0.79, 1.5), ...rate(x, 0.63, 1.2)],
  sabotage: { description: 'the rate 3/2 made 1.6', check: (x) => rate(x, 0.79, 1.6) },
});

function oneStep(x: StepState, k: number): Comparison[] {
  const q = pieces(x);
  const { F } = q;
  const rhs = F.add(F.mul(F.sub(F.one, F.mul(q.O.constant(k), q.y)), q.nP), q.tail(80));
  return [boundComparison(`‖P_{t+1}‖ ≤ (1 − ${k}ησ_r)‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²`, q.nP1, '≤', rhs)];
}

export const b5OneStep = b5Claim({
  id: 'jcd.prop-b.5.one-step',
  where: '"As a result, we have", the two ends of the display: the recursion applied inductively',
  statement: '‖P_{t+1}‖ ≤ (1 − 3ησ_r/2)‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²',
  check: (x) => oneStep(x, 1.5),
  expected: 'refuted',
  grading: INHERITS_CONTRACTION,
  failsWhere: ONE_STEP_REGION,
  erratum:
    'Consequence of jcd.prop-b.5.contraction: at σ_r(A_t) = 0.8√σ_r one GD step contracts P_t only by about 1 − 1.28ησ_r (r = 1: ‖P_{t+1}‖ = (1 − 0.64η)²·9/25 − η²·(9/25)(16/25) > (1 − 3η/2)·9/25 for σ = 1, A = 4/5, B = J = K = 0). Failing region (r = 1, B = J = K = 0): σ_r(A_t)² < 3σ_r/4, i.e. σ_r(A_t) ∈ [0.8√σ_r, ≈0.866√σ_r), largest relative violation ≈ 0.22ησ_r at 0.8√σ_r. Corrected: rate 1 − 6ησ_r/5. Grade: breaks-proof (the statement of Proposition B.5, checked on trajectories by jcd.prop-b.5.p-decay, holds: there σ_r(A_t) rises past 0.9√σ_r). Dependents: Proposition B.5, T₃ of (A.1), T₀, (A.2) (Lemma C.9), (A.3).',
  corrected: 'jcd.prop-b.5.one-step/corrected',
  sabotage: { description: 'the rate 3/2 made 2.5', check: (x) => oneStep(x, 2.5) },
});

export const b5OneStepCorrected = b5Claim({
  id: 'jcd.prop-b.5.one-step/corrected',
  where: 'the one-step recursion with the corrected rate 1 − 6ησ_r/5',
  statement: '‖P_{t+1}‖ ≤ (1 − 6ησ_r/5)‖P_t‖ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²',
  check: (x) => oneStep(x, 1.2),
  corrects: 'jcd.prop-b.5.one-step',
  sabotage: { description: 'the printed rate 3/2 put back', check: (x) => oneStep(x, 1.5) },
});

/** n = t + 1 − T₁ − T₂ = 1 + (s mod 1000) (a deterministic spread of n ≥ 1 from the drawn s; the
 *  chain holds for every n, and n enters only through (1 − 3ησ_r/2)^n on both sides), ‖P_{T₁+T₂}‖ ≤ 2σ₁ (Proposition B.2, Item 4's ‖P‖ ≤ 2σ₁): the sums, in scalars. */
function sum(x: StepState, c80 = 80, two = 2): Comparison[] {
  const q = pieces(x);
  const { O, F, sigma1, sigmaR, y } = q;
  const n = 1 + (x.s % 1000);
  const decay = O.constant(Math.exp(n * Math.log1p(-1.5 * x.eta * x.sigmaR)));
  const lhs = F.add(F.mul(decay, q.nP), F.div(q.tail(80), F.mul(O.ratio(3, 2), y)));
  const rhs = F.add(
    productOf(O, O.constant(two), decay, sigma1),
    F.div(productOf(O, O.constant(c80), O.constant(epsT2(x)), O.int(x.r), sigma1, sigma1), sigmaR),
  );
  return [
    boundComparison('(1 − 3ησ_r/2)^{n}‖P_{T₁+T₂}‖ + Σ_{i≥0}(1 − 3ησ_r/2)^i·80ηρ^{…}rσ₁² ≤ 2(1 − 3ησ_r/2)^{n}σ₁ + 80ρ^{(1−γ)/(1+γ)}rσ₁²/σ_r', lhs, '≤', rhs),
  ];
}

export const b5Sum = b5Claim({
  id: 'jcd.prop-b.5.sum',
  where: '"Applying the above inequality inductively, we have", second inequality (‖P_{T₁+T₂}‖ ≤ 2σ₁ from Proposition B.2\'s Item 4)',
  statement:
    '(1 − 3ησ_r/2)^{t+1−T₁−T₂}‖P_{T₁+T₂}‖ + Σ_{i=0}^∞(1 − 3ησ_r/2)^i·80ηρ^{(1−γ)/(1+γ)}rσ₁² ≤ 2(1 − 3ησ_r/2)^{t+1−T₁−T₂}σ₁ + 80ρ^{(1−γ)/(1+γ)}rσ₁²/σ_r',
  check: (x) => sum(x),
  sabotage: { description: 'the factor 2 of 2(1 − 3ησ_r/2)^{n}σ₁ made 1/20', check: (x) => sum(x, 80, 0.05) },
});

/** T₃ of (A.1) and the bound at t − T₁ − T₂ = T₃ (the largest value it takes for t − T₁ − T₂ ≥ T₃). */
function t3(x: StepState, third = 3): Comparison[] {
  const O = stepOps(x);
  const { F } = O;
  const lT = logEpsT(x);
  const T3 = Math.floor((lT - Math.log(third)) / Math.log1p(-1.5 * x.eta * x.sigmaR)) + 1;
  const decay = O.constant(Math.exp(T3 * Math.log1p(-1.5 * x.eta * x.sigmaR)));
  const [sigma1, sigmaR] = [O.constant(x.sigma1), O.constant(x.sigmaR)];
  const lhs = F.add(productOf(O, O.int(2), decay, sigma1), F.div(productOf(O, O.int(80), O.constant(epsT2(x)), O.int(x.r), sigma1, sigma1), sigmaR));
  return [
    boundComparison(
      '2(1 − 3ησ_r/2)^{T₃}σ₁ + 80ρ^{(1−γ)/(1+γ)}rσ₁²/σ_r ≤ ρ^{(1−γ)/(2(1+γ))}σ₁ (T₃ = ⌊log(ρ^{(1−γ)/(2(1+γ))}/3)/log(1 − 3ησ_r/2)⌋ + 1)',
      lhs,
      '≤',
      F.mul(O.constant(Math.exp(lT)), sigma1),
    ),
  ];
}

export const b5T3 = b5Claim({
  id: 'jcd.prop-b.5.t3',
  where: '"The statement for T₃ follows from direct calculation and the upper bound on ρ"',
  statement: 'for t − T₁ − T₂ ≥ T₃: 2(1 − 3ησ_r/2)^{t−T₁−T₂}σ₁ + 80ρ^{(1−γ)/(1+γ)}rσ₁²/σ_r ≤ ρ^{(1−γ)/(2(1+γ))}σ₁',
  check: (x) => t3(x),
  sabotage: { description: 'T₃ computed with ρ^{(1−γ)/(2(1+γ))}/1.2 in place of /3 (too few steps)', check: (x) => t3(x, 1.2) },
});
