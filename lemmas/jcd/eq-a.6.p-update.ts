/**
 * JCD (A.6), proof of Theorem A.1 — the update of P = Σ − AAᵀ + BBᵀ, as printed:
 *
 *   P₊ = P − ηP(Σ − P) − η(Σ − P)P + η²(PPP − PΣP) − 2ηBBᵀP − 2ηPBBᵀ
 *        − η(A + ηPA)Cᵀ − ηC(A + ηPA)ᵀ − η²CCᵀ
 *        + η(B + ηPB)Dᵀ + ηD(B + ηPB)ᵀ + η²DDᵀ,                                           (A.6)
 *   C = −ABᵀB + BAᵀB − A(KᵀK + JᵀJ)/2 − B(KᵀK − JᵀJ)/2,
 *   D = ABᵀA − BAᵀA − A(KᵀK − JᵀJ)/2 − B(KᵀK + JᵀJ)/2.
 *
 * (The PDF extraction prints "+ η(B + ηPB)D> + ηD(B + ηPB)>": ">" is ᵀ; the signs are unambiguous.)
 *
 * Erratum — the same as YD21 (12) (lemmas/yd21/eq-12.p-update.ts), which JCD repeats: by (A.4),
 * (A.5), A₊ = (I + ηP)A + ηC but B₊ = (I − ηP)B + ηD, so B₊B₊ᵀ contributes η(B − ηPB)Dᵀ + ηD(B − ηPB)ᵀ;
 * the printed "+ηPB" in the two D-terms has the wrong sign. Derivation: with AAᵀ = Σ − P + BBᵀ,
 *   Σ − (I+ηP)AAᵀ(I+ηP) + (I−ηP)BBᵀ(I−ηP) = P − ηP(Σ−P) − η(Σ−P)P + η²(P³ − PΣP) − 2ηBBᵀP − 2ηPBBᵀ,
 * and the cross terms of A₊A₊ᵀ, B₊B₊ᵀ give the C- and D-lines. The corrected form is verified here
 * against the engine's step (k ≥ r, tail Σ̃ ≠ 0), and was verified independently during development
 * in exact rational arithmetic (scratch script, Python fractions: 20 random instances with entries
 * in ¼ℤ, η = 1/8, r ∈ {2, 3}, k ∈ [r, r+2], m − r, n − r ∈ {1, 2}: P₊ computed from F₊ = F + η(Σ_X − FGᵀ)G,
 * G₊ = … exactly; the corrected form is exact on all 20, the printed form differs on all 20).
 */
import { jcdBlockState, jcdStepCheck } from './support/blocks.ts';
import { pbSignRegion } from '../common/p-update.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';
import { tailFrameForm, pUpdateExact, type StepResiduals } from '../../src/exact/states.ts';
import { tailFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

/** P₊ of the step (4.2) minus (A.6) with the D-terms' sign s (+1 printed, −1 corrected); sabotaged: the cubic term dropped. */
const residual =
  (pbSign: number): StepResiduals =>
  (A, { x, before: s, after }, sabotaged) => ({ '(A.6): P₊ − printed': A.sub(after.P, pUpdateExact(A, x.Sigma, s, x.eta, pbSign, !sabotaged)) });
const [checkPrinted, checkCorrected] = [jcdStepCheck(residual(1)), jcdStepCheck(residual(-1))];

const common = {
  source: { paper: 'JCD', where: '(A.6), proof of Theorem A.1' },
  kind: 'identity',
  hypotheses: jcdStateHypotheses(),
  instances: jcdState(),
  size: jcdStateSize,
} as const;

export const eqA6 = defineClaim<JcdState>({
  ...common,
  id: 'jcd.eq-a.6.p-update',
  statement: 'P₊ = P − ηP(Σ−P) − η(Σ−P)P + η²(PPP − PΣP) − 2ηBBᵀP − 2ηPBBᵀ − η(A+ηPA)Cᵀ − ηC(A+ηPA)ᵀ − η²CCᵀ + η(B+ηPB)Dᵀ + ηD(B+ηPB)ᵀ + η²DDᵀ',
  check: (x) => checkPrinted(x),
  // Exact form: P₊ of the exact step (4.2) minus (A.6) with the D-terms' sign s = +1. D = 8.
  exact: tailFrameForm(residual(1), {
    bound: 8,
    derivation: 'η²DDᵀ: 2 + 3·2; P₊ = Σ − A₊A₊ᵀ + B₊B₊ᵀ with A₊, B₊ of degree 4',
  }),
  // Symbolic: the same residual on letters at rank r; printed − true shown in A, B, P, C, D.
  symbolic: tailFrameSymbolic(residual(1), residual(-1)),
  expected: 'refuted',
  grading: {
    grade: 'local',
    why: 'as YD21 (12): only norms of the D-terms enter the bound on ‖E_s‖ in the proof of Proposition B.2, Item 4 (triangle inequality), and ‖η(B − ηPB)Dᵀ‖ obeys the same bound as the printed term, so nothing downstream changes',
    dependents: ['jcd.eq-b.1.e-term ((B.1): E_s repeats the D-terms)', 'Proposition B.2, proof of Item 4: the bound on ‖E_s‖ (norms only)'],
  },
  failsWhere: pbSignRegion((x: JcdState) => jcdBlockState(x.sigma, x.F, x.G, x.r)),
  erratum:
    'As in YD21 (12): the two D-terms of (A.6) must read η(B − ηPB)Dᵀ + ηD(B − ηPB)ᵀ, since by (A.5) B₊ = (I − ηP)B + ηD. ' +
    'As printed ("+ηPB") the identity is off by 2η²(PBDᵀ + DBᵀP), which is O(η²) and vanishes only when B or D does.',
  corrected: 'jcd.eq-a.6.p-update/corrected',
  sabotage: { description: 'the η²(PPP − PΣP) term dropped', check: (x) => checkPrinted(x, true) },
});

export const eqA6Corrected = defineClaim<JcdState>({
  ...common,
  id: 'jcd.eq-a.6.p-update/corrected',
  statement: '(A.6) with the D-terms as η(B − ηPB)Dᵀ + ηD(B − ηPB)ᵀ (everything else as printed)',
  check: (x) => checkCorrected(x),
  // Exact form: P₊ of the exact step (4.2) minus (A.6) with the D-terms' sign s = -1. D = 8.
  exact: tailFrameForm(residual(-1), {
    bound: 8,
    derivation: 'η²DDᵀ: 2 + 3·2; P₊ = Σ − A₊A₊ᵀ + B₊B₊ᵀ with A₊, B₊ of degree 4',
  }),
  symbolic: tailFrameSymbolic(residual(-1)),
  expected: 'holds',
  corrects: 'jcd.eq-a.6.p-update',
  sabotage: { description: 'the η²(PPP − PΣP) term dropped', check: (x) => checkCorrected(x, true) },
});
