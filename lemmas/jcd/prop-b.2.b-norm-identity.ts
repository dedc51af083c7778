/**
 * JCD Prop. B.2, proof of Item 5, the first equality ("follows from (A.5) and brute force"):
 *
 *   ‖B_{s+1}‖²_F = ‖B_s‖²_F − 2η⟨B_sB_sᵀ, P_s⟩ − η‖A_sB_sᵀ − B_sA_sᵀ‖²_F + η⟨A_sᵀB_s, K_sᵀK_s − J_sᵀJ_s⟩
 *                 − η⟨B_sᵀB_s, (K_sᵀK_s + J_sᵀJ_s)/2⟩
 *                 + η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_s(K_sᵀK_s − J_sᵀJ_s)/2 − B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F.
 *
 * Compared with YD21 (22) (lemmas/yd21/eq-22.b-norm-identity.ts), JCD fixes two of YD21's three
 * errors (BᵀB, not BBᵀ, in the J,K term; −P_sB_s inside the η² norm) but keeps the third and adds one.
 *
 * Erratum. By (A.5), B_{s+1} = B_s + ηG with G = −P_sB_s + Q_sA_s − A_sN_s − B_sM_s
 * (M = (KᵀK+JᵀJ)/2, N = (KᵀK−JᵀJ)/2), so ‖B_{s+1}‖² = ‖B_s‖² + 2η⟨B_s, G⟩ + η²‖G‖², and
 *   2⟨B, −PB⟩ = −2⟨BBᵀ, P⟩,  2⟨B, QA⟩ = 2tr(Q·ABᵀ) = tr(Q·Q) = −‖Q‖²  (Q skew),
 *   2⟨B, −AN⟩ = −2⟨AᵀB, N⟩ = −⟨AᵀB, KᵀK − JᵀJ⟩,  2⟨B, −BM⟩ = −⟨BᵀB, KᵀK + JᵀJ⟩.
 * Two places differ from the print: the cross term is −η⟨AᵀB, KᵀK − JᵀJ⟩ (minus, not plus), and the
 * J,K term is −η⟨BᵀB, KᵀK + JᵀJ⟩ (no factor ½). Neither affects the inequality that follows in the
 * paper (both terms are bounded there in absolute value). With J = K = 0 the printed form is exact.
 * Verified independently during development: exact rational arithmetic (Python fractions, 20 random
 * instances with entries in ¼ℤ, η = 1/8, m − r, n − r ≥ 1: the corrected form exact on all 20; the
 * printed one, and each half-corrected one, on none) and NumPy (200 Gaussian instances: largest
 * residual 4.0e-15 corrected, 4.7 printed).
 */
import { jcdBlockState, jcdStepCheck } from './support/blocks.ts';
import { frobenius } from '../../src/linalg/dense.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';
import { type StepResiduals, tailFrameForm } from '../../src/exact/states.ts';
import { tailFrameSymbolic } from '../../src/exact/symbolic-steps.ts';
import { bIncrement } from '../yd21/eq-22.b-norm-identity.ts';

/** ‖B_{s+1}‖² of the step minus the right side (printed or corrected); sabotaged: −η‖Q_s‖²_F dropped. */
const item5Residual =
  (corrected: boolean): StepResiduals =>
  (A, { x, before: s, after }, sabotaged) => {
    const { F, mul, tr, inner, frob2 } = A;
    const eta = x.eta;
    const two = A.int(2);
    const { A: Am, B, P, Q, M, N } = s;
    const cross = F.mul(F.mul(corrected ? F.neg(eta) : eta, two), inner(mul(tr(Am), B), N));
    const jk = F.mul(F.mul(F.neg(eta), corrected ? two : F.one), inner(mul(tr(B), B), M));
    // (A.5)'s G = (B_{s+1} − B_s)/η, printed as YD21's corrected (22) writes it.
    const G = bIncrement(A, s, true);
    const rhs = [
      frob2(B),
      F.mul(F.neg(F.mul(two, eta)), inner(mul(B, tr(B)), P)),
      sabotaged ? F.zero : F.mul(F.neg(eta), frob2(Q)),
      cross,
      jk,
      F.mul(F.mul(eta, eta), frob2(G)),
    ].reduce(F.add);
    return { 'Item 5: ‖B_{s+1}‖² − rhs': F.sub(frob2(after.B), rhs) };
  };

/** Item 5 in exact form. D = 8. */
const exactItem5 = (corrected: boolean) =>
  tailFrameForm(item5Residual(corrected), { bound: 8, derivation: 'η²‖G‖² with G cubic: 2 + 6; ‖B₊‖² with B₊ of degree 4' });
const [checkPrinted, checkCorrected] = [jcdStepCheck(item5Residual(false)), jcdStepCheck(item5Residual(true))];

const common = {
  source: { paper: 'JCD', where: 'Prop. B.2, proof of Item 5 (first equality)' },
  kind: 'identity',
  hypotheses: jcdStateHypotheses(),
  instances: jcdState(),
  size: jcdStateSize,
} as const;

export const propB2BNorm = defineClaim<JcdState>({
  ...common,
  id: 'jcd.prop-b.2.b-norm-identity',
  statement:
    '‖B_{s+1}‖²_F = ‖B_s‖²_F − 2η⟨B_sB_sᵀ, P_s⟩ − η‖A_sB_sᵀ − B_sA_sᵀ‖²_F + η⟨A_sᵀB_s, K_sᵀK_s − J_sᵀJ_s⟩ − η⟨B_sᵀB_s, (K_sᵀK_s + J_sᵀJ_s)/2⟩ + η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_s(K_sᵀK_s − J_sᵀJ_s)/2 − B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F',
  check: (x) => checkPrinted(x),
  exact: exactItem5(false),
  symbolic: tailFrameSymbolic(item5Residual(false), item5Residual(true)),
  expected: 'refuted',
  grading: {
    grade: 'local',
    why: 'the inequality the proof draws next bounds both affected terms in absolute value with coefficient 1 (η‖A_sᵀB_s‖_F‖K_sᵀK_s − J_sᵀJ_s‖_F and η‖B_sᵀB_s‖_F‖K_sᵀK_s + J_sᵀJ_s‖_F), which the corrected terms −η⟨A_sᵀB_s, KᵀK − JᵀJ⟩ and −η⟨B_sᵀB_s, KᵀK + JᵀJ⟩ also satisfy: that inequality and (B.2) hold (jcd.eq-b.2.b-recursion)',
    dependents: ['jcd.eq-b.2.b-recursion (the inequality after the identity, and (B.2))', 'Proposition B.2, Item 5'],
  },
  failsWhere: {
    text: 'J_s ≠ 0 or K_s ≠ 0 (both wrong terms carry K_sᵀK_s ± J_sᵀJ_s; with J_s = K_s = 0 the printed identity is right)',
    contains: (x) => {
      const s = jcdBlockState(x.sigma, x.F, x.G, x.r);
      return frobenius(s.J) + frobenius(s.K) > 0;
    },
  },
  erratum:
    'The cross term must be −η⟨A_sᵀB_s, K_sᵀK_s − J_sᵀJ_s⟩ (printed with +) and the J,K term −η⟨B_sᵀB_s, K_sᵀK_s + J_sᵀJ_s⟩ (printed with an extra ½): ' +
    'by (A.5), 2η⟨B_s, −A_s(KᵀK−JᵀJ)/2 − B_s(KᵀK+JᵀJ)/2⟩ = −η⟨A_sᵀB_s, KᵀK−JᵀJ⟩ − η⟨B_sᵀB_s, KᵀK+JᵀJ⟩. The rest is right; the inequality the proof draws from it is unaffected.',
  corrected: 'jcd.prop-b.2.b-norm-identity/corrected',
  sabotage: { description: 'the term −η‖A_sB_sᵀ − B_sA_sᵀ‖²_F dropped', check: (x) => checkPrinted(x, true) },
});

export const propB2BNormCorrected = defineClaim<JcdState>({
  ...common,
  id: 'jcd.prop-b.2.b-norm-identity/corrected',
  statement:
    '‖B_{s+1}‖²_F = ‖B_s‖²_F − 2η⟨B_sB_sᵀ, P_s⟩ − η‖A_sB_sᵀ − B_sA_sᵀ‖²_F − η⟨A_sᵀB_s, K_sᵀK_s − J_sᵀJ_s⟩ − η⟨B_sᵀB_s, K_sᵀK_s + J_sᵀJ_s⟩ + η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_s(K_sᵀK_s − J_sᵀJ_s)/2 − B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F',
  check: (x) => checkCorrected(x),
  exact: exactItem5(true),
  symbolic: tailFrameSymbolic(item5Residual(true)),
  expected: 'holds',
  corrects: 'jcd.prop-b.2.b-norm-identity',
  sabotage: { description: 'the term −η‖A_sB_sᵀ − B_sA_sᵀ‖²_F dropped', check: (x) => checkCorrected(x, true) },
});
