/**
 * JCD (B.1) and the E_s printed below it (proof of Prop. B.2, Item 4):
 *
 *   P_{s+1} = (I − η(Σ − P_s))P_s(I − η(Σ − P_s)) + E_s,                                  (B.1)
 *   E_s = −2η²ΣP_sΣ + η²ΣP_s² + η²P_s²Σ − 2ηB_sB_sᵀP_s − 2ηP_sB_sB_sᵀ − η(A_s + ηP_sA_s)C_sᵀ
 *         − ηC_s(A_s + ηP_sA_s)ᵀ − η²C_sC_sᵀ + η(B_s + ηP_sB_s)D_sᵀ + ηD_s(B_s + ηP_sB_s)ᵀ + η²D_sD_sᵀ.
 *
 * (PDF extraction: "Es = −2η2ΣPsΣ + η2ΣP 2s + η2P 2s Σ − …": η², P_s², and ">" for ᵀ.)
 *
 * Erratum — two independent errors (each alone breaks the identity):
 *  1. Expanding the quadratic form, (I − η(Σ−P))P(I − η(Σ−P)) = P − ηP(Σ−P) − η(Σ−P)P
 *     + η²(ΣPΣ − ΣP² − P²Σ + P³), while P₊ has η²(P³ − PΣP) (A.6); the difference is
 *     η²(−ΣPΣ − PΣP + ΣP² + P²Σ), not the printed η²(−2ΣPΣ + ΣP² + P²Σ): "PΣP" became "ΣPΣ".
 *     Scalar check (B = 0, J = K = 0, r = k = 1, P = p, Σ = σ): p₊ = σ − a²(1+ηp)² gives
 *     E = −η²σp(σ − p), the printed E gives −2η²σp(σ − p).
 *  2. The D-terms inherit (A.6)'s sign error (lemmas/jcd/eq-a.6.p-update.ts): B_s − ηP_sB_s.
 * Consequence for the proof: the bound "‖E_s‖ ≤ 12η²σ₁³ + …" (with ‖P_s‖ ≤ 2σ₁, ‖Σ‖ ≤ σ₁) becomes
 * (1·2 + 4 + 4 + 4)η²σ₁³ = 14η²σ₁³ + … by the same triangle inequality.
 * Verified independently during development: exact rational arithmetic (Python fractions; 20 random
 * instances, entries in ¼ℤ, η = 1/8, r ∈ {2,3}, k ∈ [r, r+2], m − r, n − r ∈ {1,2}): the corrected E_s
 * is exact on all 20; the printed one, and each of the two half-corrected ones, on none), and NumPy
 * (200 Gaussian instances: largest residual 1.5e-14 corrected, 22 printed).
 */
import { jcdBlockState, jcdStepCheck } from './support/blocks.ts';
import { combine, frobenius, mulAll, transpose } from '../../src/linalg/dense.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';
import { tailFrameForm, pUpdateCdExact, type StepResiduals } from '../../src/exact/states.ts';
import { tailFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

/**
 * P₊ of the step minus (I − η(Σ − P))P(I − η(Σ − P)) + E_s (printed, or corrected: −η²ΣPΣ − η²PΣP
 * and the D-terms' sign of (A.6) corrected); sabotaged: −2ηBBᵀP − 2ηPBBᵀ dropped from E_s.
 */
const b1Residual =
  (corrected: boolean): StepResiduals =>
  (A, { x, before: s, after }, sabotaged) => {
    const { F, mul, combine, eye, sub } = A;
    const eta = x.eta;
    const e2 = F.mul(eta, eta);
    const { P, B } = s;
    const Sigma = x.Sigma;
    const G = combine([F.one, eye(x.r)], [F.neg(eta), Sigma], [eta, P]);
    const P2 = mul(P, P);
    const quadPart = corrected
      ? combine([F.neg(e2), mul(Sigma, P, Sigma)], [F.neg(e2), mul(P, Sigma, P)], [e2, mul(Sigma, P2)], [e2, mul(P2, Sigma)])
      : combine([F.mul(A.int(-2), e2), mul(Sigma, P, Sigma)], [e2, mul(Sigma, P2)], [e2, mul(P2, Sigma)]);
    const BBt = mul(B, A.tr(B));
    const twoEta = F.mul(A.int(2), eta);
    const restore = sabotaged ? combine([twoEta, mul(BBt, P)], [twoEta, mul(P, BBt)]) : A.zeros(x.r, x.r);
    const E = combine([F.one, quadPart], [F.one, pUpdateCdExact(A, s, eta, corrected ? -1 : 1)], [F.one, restore]);
    return { '(B.1): P₊ − (quadratic + E_s)': sub(after.P, combine([F.one, mul(G, P, G)], [F.one, E])) };
  };

/** (B.1) in exact form. D = 8. */
const exactB1 = (corrected: boolean) =>
  tailFrameForm(b1Residual(corrected), { bound: 8, derivation: 'η²DDᵀ: 2 + 6; (I − η(Σ − P))P(I − η(Σ − P)): 1 + 2 + 2 + 2 + 1' });
const [checkPrinted, checkCorrected] = [jcdStepCheck(b1Residual(false)), jcdStepCheck(b1Residual(true))];

const common = {
  source: { paper: 'JCD', where: '(B.1) and E_s below it, proof of Prop. B.2' },
  kind: 'identity',
  hypotheses: jcdStateHypotheses(),
  instances: jcdState(),
  size: jcdStateSize,
} as const;

export const eqB1 = defineClaim<JcdState>({
  ...common,
  id: 'jcd.eq-b.1.e-term',
  statement:
    'P_{s+1} = (I − η(Σ−P_s))P_s(I − η(Σ−P_s)) + E_s, E_s = −2η²ΣP_sΣ + η²ΣP_s² + η²P_s²Σ − 2ηB_sB_sᵀP_s − 2ηP_sB_sB_sᵀ − η(A_s+ηP_sA_s)C_sᵀ − ηC_s(A_s+ηP_sA_s)ᵀ − η²C_sC_sᵀ + η(B_s+ηP_sB_s)D_sᵀ + ηD_s(B_s+ηP_sB_s)ᵀ + η²D_sD_sᵀ',
  check: (x) => checkPrinted(x),
  exact: exactB1(false),
  symbolic: tailFrameSymbolic(b1Residual(false), b1Residual(true)),
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why:
      'the triangle-inequality bound "‖E_s‖ ≤ 12η²σ₁³ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²" of the proof of Item 4 rests on the printed E_s; with the corrected E_s (‖ΣPΣ‖ + ‖PΣP‖ + ‖ΣP²‖ + ‖P²Σ‖ ≤ (2 + 4 + 4 + 4)σ₁³ for ‖P‖ ≤ 2σ₁) it needs 14η²σ₁³. ' +
      'Item 4 survives: Lemma C.10 is applied with β = 8ησ₁ ≤ 8/600 (η ≤ γσ_r²/(600σ₁³)), so (8 + 6β)/(1 − β) ≤ 8.2 and 8.2 + 14 < 30, the constant Item 4 states; the D-terms change nothing (norms only)',
    dependents: [
      'Proposition B.2, proof of Item 4: ‖E_s‖ ≤ 12η²σ₁³ + 80ηρ^{(1−γ)/(1+γ)}rσ₁²',
      'Proposition B.2, Item 4 (λ_r(P_{s+1}) ≥ … − 30η²σ₁³ − γησ_r²/20)',
      'jcd.prop-b.2.induction',
    ],
  },
  failsWhere: {
    text: 'Σ_rP_sΣ_r ≠ P_sΣ_rP_s or P_sB_sD_sᵀ + D_sB_sᵀP_s ≠ 0 (the printed E_s is off by ±η²(Σ_rP_sΣ_r − P_sΣ_rP_s) and by the D-terms of (A.6)); only the states with both zero hold',
    contains: (x) => {
      const s = jcdBlockState(x.sigma, x.F, x.G, x.r);
      const T = mulAll(s.P, s.B, transpose(s.D));
      return frobenius(combine([1, mulAll(s.Sigma, s.P, s.Sigma)], [-1, mulAll(s.P, s.Sigma, s.P)])) > 0 || frobenius(combine([1, T], [1, transpose(T)])) > 0;
    },
  },
  erratum:
    'E_s must read −η²ΣP_sΣ − η²P_sΣP_s + η²ΣP_s² + η²P_s²Σ − 2ηB_sB_sᵀP_s − 2ηP_sB_sB_sᵀ − η(A_s+ηP_sA_s)C_sᵀ − ηC_s(A_s+ηP_sA_s)ᵀ − η²C_sC_sᵀ ' +
    '+ η(B_s−ηP_sB_s)D_sᵀ + ηD_s(B_s−ηP_sB_s)ᵀ + η²D_sD_sᵀ: the printed "−2η²ΣP_sΣ" should be "−η²ΣP_sΣ − η²P_sΣP_s" (it fails already for ' +
    'B = 0, J = K = 0, where E_s is −η²σp(σ−p) in the scalar case, not −2η²σp(σ−p)), and the D-terms repeat the sign error of (A.6). ' +
    'The bound ‖E_s‖ ≤ 12η²σ₁³ + … then needs 14η²σ₁³.',
  corrected: 'jcd.eq-b.1.e-term/corrected',
  sabotage: { description: 'the −2ηB_sB_sᵀP_s − 2ηP_sB_sB_sᵀ terms dropped from E_s', check: (x) => checkPrinted(x, true) },
});

export const eqB1Corrected = defineClaim<JcdState>({
  ...common,
  id: 'jcd.eq-b.1.e-term/corrected',
  statement:
    'P_{s+1} = (I − η(Σ−P_s))P_s(I − η(Σ−P_s)) + E_s with E_s = −η²ΣP_sΣ − η²P_sΣP_s + η²ΣP_s² + η²P_s²Σ − 2ηB_sB_sᵀP_s − 2ηP_sB_sB_sᵀ − η(A_s+ηP_sA_s)C_sᵀ − ηC_s(A_s+ηP_sA_s)ᵀ − η²C_sC_sᵀ + η(B_s−ηP_sB_s)D_sᵀ + ηD_s(B_s−ηP_sB_s)ᵀ + η²D_sD_sᵀ',
  check: (x) => checkCorrected(x),
  exact: exactB1(true),
  symbolic: tailFrameSymbolic(b1Residual(true)),
  expected: 'holds',
  corrects: 'jcd.eq-b.1.e-term',
  sabotage: { description: 'the −2ηB_sB_sᵀP_s − 2ηP_sB_sB_sᵀ terms dropped from E_s', check: (x) => checkCorrected(x, true) },
});
