/**
 * YD21 (12)–(14), §3.2.2 — the update of P = Σ − AAᵀ + BBᵀ, as printed in both copies:
 *
 *   P_{t+1} = P_t − ηP_t(Σ − P_t) − η(Σ − P_t)P_t + η²(P_tP_tP_t − P_tΣP_t) − 2ηB_tB_tᵀP_t − 2ηP_tB_tB_tᵀ
 *             − η(A_t + ηP_tA_t)C_tᵀ − ηC_t(A_t + ηP_tA_t)ᵀ − η²C_tC_tᵀ
 *             + η(B_t + ηP_tB_t)D_tᵀ + ηD_t(B_t + ηP_tB_t)ᵀ + η²D_tD_tᵀ                        (12)
 *   C_t := −A_tB_tᵀB_t + B_tA_tᵀB_t − A_t(K_tᵀK_t + J_tᵀJ_t)/2 − B_t(K_tᵀK_t − J_tᵀJ_t)/2    (13)
 *   D_t := +A_tB_tᵀA_t − B_tA_tᵀA_t − A_t(K_tᵀK_t − J_tᵀJ_t)/2 − B_t(K_tᵀK_t + J_tᵀJ_t)/2    (14)
 *
 * Erratum. By (10),(11), A_{t+1} = (I + ηP_t)A_t + ηC_t but B_{t+1} = (I − ηP_t)B_t + ηD_t, so
 * B_{t+1}B_{t+1}ᵀ contributes η(B_t − ηP_tB_t)D_tᵀ + ηD_t(B_t − ηP_tB_t)ᵀ: the printed "+ηP_tB_t" in
 * the two D-terms has the wrong sign (the PDF extraction of both copies agrees on "+", and the
 * A-terms, printed with "+ηP_tA_t", are right). Expanding Σ − A′A′ᵀ + B′B′ᵀ by hand gives the
 * corrected form; it is verified here on the same instances, and was verified independently
 * during development in exact rational arithmetic (Python fractions: on 20 random instances with
 * entries in ¼ℤ, d ∈ {2, 3}, J, K ≠ 0, the corrected form is exact on all 20 and the printed form
 * differs on all 20) and in NumPy (residual 1.5e-15 corrected, 0.19 printed).
 */
import { defineClaim } from '../../src/claims/types.ts';
import { pbSignRegion } from '../common/p-update.ts';
import { blockState } from '../../src/gd/index.ts';
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, pUpdateExact, type StepResiduals } from '../../src/exact/states.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/** P_{t+1} of the step minus (12) with the D-terms' sign s (+1 printed, −1 corrected); sabotaged: the cubic term dropped. */
const residual =
  (pbSign: number): StepResiduals =>
  (A, { x, before: s, after }, sabotaged) => ({ '(12): P_{t+1} − printed': A.sub(after.P, pUpdateExact(A, s.Sigma, s, x.eta, pbSign, !sabotaged)) });
const [checkPrinted, checkCorrected] = [diagonalStepCheck(residual(1)), diagonalStepCheck(residual(-1))];

const common = {
  source: { paper: 'YD21', where: '(12)–(14), §3.2.2' },
  kind: 'identity',
  hypotheses: diagonalStateHypotheses(), // C_t, D_t are the definitions (13), (14), not hypotheses
  instances: diagonalState(),
  size: stateSize,
} as const;

export const eq12 = defineClaim<DiagonalState>({
  ...common,
  id: 'yd21.eq-12.p-update',
  statement:
    'P_{t+1} = P_t − ηP_t(Σ−P_t) − η(Σ−P_t)P_t + η²(P_t³ − P_tΣP_t) − 2ηB_tB_tᵀP_t − 2ηP_tB_tB_tᵀ − η(A_t+ηP_tA_t)C_tᵀ − ηC_t(A_t+ηP_tA_t)ᵀ − η²C_tC_tᵀ + η(B_t+ηP_tB_t)D_tᵀ + ηD_t(B_t+ηP_tB_t)ᵀ + η²D_tD_tᵀ',
  check: (x) => checkPrinted(x),
  // Exact form: P_{t+1} of the exact step minus (12) with the D-terms' sign s = +1. D = 8: η²DDᵀ is
  // η² times two cubic products; P_{t+1} = Σ − A′A′ᵀ + B′B′ᵀ with A′, B′ of degree 4.
  exact: diagonalForm(residual(1), { bound: 8, derivation: 'η²DDᵀ: 2 + 3·2; P_{t+1} = Σ − A′A′ᵀ + B′B′ᵀ with A′, B′ of degree 4' }),
  // Symbolic: the same residual on letters; printed − true shown in A, B, P, C, D (printed − corrected).
  symbolic: diagonalSymbolic(residual(1), residual(-1)),
  expected: 'refuted',
  grading: {
    grade: 'local',
    why: "only norms of the D-terms enter the bound on E_t in (16) (triangle inequality), and the norm of η(B_t − ηP_tB_t)D_tᵀ obeys the same bound as the printed term's, so nothing downstream changes",
    dependents: ['yd21.eq-16.p-perturbation ((16): P_{t+1} = congruence + E_t)', '(17)', 'JCD (A.6) (repeats the slip: jcd.eq-a.6.p-update)'],
  },
  failsWhere: pbSignRegion((x: DiagonalState) => blockState(x.sigma, x.U, x.V)),
  erratum:
    'In (12) the two D-terms must read η(B_t − ηP_tB_t)D_tᵀ + ηD_t(B_t − ηP_tB_t)ᵀ: by (11), B_{t+1} = (I − ηP_t)B_t + ηD_t. ' +
    'As printed ("+ηP_tB_t") the identity fails by 2η²(P_tB_tD_tᵀ + D_tB_tᵀP_t), which is O(η²) and vanishes only when B_t or D_t does.',
  corrected: 'yd21.eq-12.p-update/corrected',
  sabotage: { description: 'the η²(P_tP_tP_t − P_tΣP_t) term dropped', check: (x) => checkPrinted(x, true) },
});

export const eq12Corrected = defineClaim<DiagonalState>({
  ...common,
  id: 'yd21.eq-12.p-update/corrected',
  statement: '(12) with the D-terms as η(B_t − ηP_tB_t)D_tᵀ + ηD_t(B_t − ηP_tB_t)ᵀ (everything else as printed, C_t and D_t as in (13), (14))',
  check: (x) => checkCorrected(x),
  // Exact form: P_{t+1} of the exact step minus (12) with the D-terms' sign s = -1. D = 8: η²DDᵀ is
  // η² times two cubic products; P_{t+1} = Σ − A′A′ᵀ + B′B′ᵀ with A′, B′ of degree 4.
  exact: diagonalForm(residual(-1), { bound: 8, derivation: 'η²DDᵀ: 2 + 3·2; P_{t+1} = Σ − A′A′ᵀ + B′B′ᵀ with A′, B′ of degree 4' }),
  symbolic: diagonalSymbolic(residual(-1)),
  expected: 'holds',
  corrects: 'yd21.eq-12.p-update',
  sabotage: { description: 'the η²(P_tP_tP_t − P_tΣP_t) term dropped', check: (x) => checkCorrected(x, true) },
});
