/**
 * YD21 (22), first line (App. A of the preprint; the NeurIPS copy has no appendix) — the exact
 * expansion of ‖B_{t+1}‖²_F − ‖B_t‖²_F, as printed:
 *
 *   ‖B_{t+1}‖²_F − ‖B_t‖²_F = −2η⟨B_tB_tᵀ, Σ − A_tA_tᵀ + B_tB_tᵀ + (K_tᵀK_t + J_tᵀJ_t)/2⟩
 *        − η‖A_tB_tᵀ − B_tA_tᵀ‖²_F + η⟨B_tᵀA_t, K_tᵀK_t − J_tᵀJ_t⟩
 *        + η²‖(Σ − A_tA_tᵀ + B_tB_tᵀ)B_t + (A_tB_tᵀ − B_tA_tᵀ)A_t − A_t(K_tᵀK_t − J_tᵀJ_t)/2 − B_t(K_tᵀK_t + J_tᵀJ_t)/2‖²_F
 *
 * Erratum (derived from (11), which holds: B_{t+1} = B_t + ηG with
 * G = −P_tB_t + Q_tA_t − A_tN_t − B_tM_t, M = (KᵀK+JᵀJ)/2, N = (KᵀK−JᵀJ)/2, so the left side is
 * 2η⟨B_t, G⟩ + η²‖G‖²_F). Three places differ from the printed line:
 *  1. the J,K part of the first inner product is −η⟨B_tᵀB_t, KᵀK + JᵀJ⟩ (BᵀB, not BBᵀ);
 *  2. the cross term is −η⟨B_tᵀA_t, KᵀK − JᵀJ⟩ (minus, not plus);
 *  3. inside the η² norm the first term is −(Σ − AAᵀ + BBᵀ)B_t (minus, not plus).
 * The P- and Q-parts (−2η⟨BBᵀ, P⟩ − η‖Q‖²) are right. With J = K = 0 only item 3 remains.
 * Verified on the same instances and, during development, independently in exact rational
 * arithmetic (Python fractions: the corrected form is exact on 20 random instances with entries in
 * ¼ℤ and J, K ≠ 0, the printed form differs on all 20) and in NumPy (residual 2.2e-16 corrected,
 * 8.7e-2 printed).
 */
import { blockState } from '../../src/gd/index.ts';
import { frobenius } from '../../src/linalg/dense.ts';
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { type DerivedExact, diagonalForm, type StepResiduals } from '../../src/exact/states.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/** The form of the right side: printed, or corrected; `dropQ` removes −η‖Q‖² (sabotage). */
interface Form {
  readonly corrected: boolean;
  readonly dropQ?: boolean;
}

/**
 * G of (22)'s η² norm, −(Σ − A_tA_tᵀ + B_tB_tᵀ)B_t + (A_tB_tᵀ − B_tA_tᵀ)A_t − A_tN_t − B_tM_t as
 * corrected (= (B_{t+1} − B_t)/η), with +P_tB_t as printed. (19) bounds with the same norm.
 */
export function bIncrement<M, S, D>(A: MatrixOps<M, S, D>, s: DerivedExact<M>, corrected: boolean): M {
  const { A: Am, B, P, Q, M, N } = s;
  return A.combine([corrected ? A.int(-1) : A.F.one, A.mul(P, B)], [A.F.one, A.mul(Q, Am)], [A.int(-1), A.mul(Am, N)], [A.int(-1), A.mul(B, M)]);
}

/** The residual ‖B_{t+1}‖² − ‖B_t‖² − rhs (printed or corrected right side). */
function rhs22Residual<M, S, D>(A: MatrixOps<M, S, D>, s: DerivedExact<M>, eta: S, Bnext: M, form: Form): Record<string, S> {
  const { F, mul, tr, inner, frob2, scale } = A;
  const { A: Am, B, P, Q, M, N } = s;
  const two = A.int(2);
  const BBt = mul(B, tr(B));
  const JK = form.corrected ? F.mul(F.neg(eta), inner(mul(tr(B), B), scale(two, M))) : F.mul(F.neg(F.mul(two, eta)), inner(BBt, M));
  const cross = F.mul(form.corrected ? F.neg(eta) : eta, inner(mul(tr(B), Am), scale(two, N)));
  const G = bIncrement(A, s, form.corrected);
  const rhs = [
    F.mul(F.neg(F.mul(two, eta)), inner(BBt, P)),
    JK,
    form.dropQ ? F.zero : F.mul(F.neg(eta), frob2(Q)),
    cross,
    F.mul(F.mul(eta, eta), frob2(G)),
  ].reduce(F.add);
  return { '(22): ‖B_{t+1}‖² − ‖B_t‖² − rhs': F.sub(F.sub(frob2(Bnext), frob2(B)), rhs) };
}

/** The residual of the check, the exact forms and the symbolic proof (printed or corrected right side; sabotaged: −η‖Q‖² dropped). */
const residual =
  (corrected: boolean): StepResiduals =>
  (A, { x, before: s, after }, sabotaged) =>
    rhs22Residual(A, s, x.eta, after.B, { corrected, dropQ: sabotaged });
const [checkPrinted, checkCorrected] = [diagonalStepCheck(residual(false)), diagonalStepCheck(residual(true))];

const common = {
  source: { paper: 'YD21', where: '(22) first line, App. A' },
  kind: 'identity',
  hypotheses: diagonalStateHypotheses(),
  instances: diagonalState(),
  size: stateSize,
} as const;

export const eq22 = defineClaim<DiagonalState>({
  ...common,
  id: 'yd21.eq-22.b-norm-identity',
  statement:
    '‖B_{t+1}‖²_F − ‖B_t‖²_F = −2η⟨B_tB_tᵀ, Σ − A_tA_tᵀ + B_tB_tᵀ + (K_tᵀK_t + J_tᵀJ_t)/2⟩ − η‖A_tB_tᵀ − B_tA_tᵀ‖²_F + η⟨B_tᵀA_t, K_tᵀK_t − J_tᵀJ_t⟩ + η²‖(Σ − A_tA_tᵀ + B_tB_tᵀ)B_t + (A_tB_tᵀ − B_tA_tᵀ)A_t − A_t(K_tᵀK_t − J_tᵀJ_t)/2 − B_t(K_tᵀK_t + J_tᵀJ_t)/2‖²_F',
  check: (x) => checkPrinted(x),
  // Exact form: ‖B_{t+1}‖² − ‖B_t‖² − right side (printed). D = 8: η²‖G‖² with G cubic.
  exact: diagonalForm(residual(false), { bound: 8, derivation: 'η²‖G‖²_F: 2 + 2·3; ‖B_{t+1}‖²: 2·4' }),
  // Symbolic: the same residual on letters; printed − true shown in A, B, P, Q, M, N (printed − corrected).
  symbolic: diagonalSymbolic(residual(false), residual(true)),
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why: "(22)'s first line is the identity from which (19) and App. E's recursion for ‖B_t‖²_F are drawn; the corrected line gives the same inequality up to the sign of the η² term inside the norm, which is what (19) gets wrong (yd21.eq-19.b-recursion); the proof is repaired by using the corrected line, and the O(·) bound on ‖B‖ survives",
    dependents: [
      'yd21.eq-19.b-recursion ((19), (22) second line)',
      'yd21.app-e.b-iteration',
      'App. E induction on ‖B_t‖_F (§3.2.1 assumption (2))',
      'Theorem 3.1',
    ],
  },
  failsWhere: {
    text: 'B_t ≠ 0 (every wrong term carries B_t: BBᵀ for BᵀB, the cross term ⟨B_tᵀA_t, ·⟩, P_tB_t in the η² norm; with B_t = 0 both sides vanish)',
    contains: (x) => frobenius(blockState(x.sigma, x.U, x.V).B) > 0,
  },
  erratum:
    'The first line of (22) must read −2η⟨B_tB_tᵀ, P_t⟩ − η⟨B_tᵀB_t, K_tᵀK_t + J_tᵀJ_t⟩ − η‖Q_t‖²_F − η⟨B_tᵀA_t, K_tᵀK_t − J_tᵀJ_t⟩ ' +
    '+ η²‖−P_tB_t + Q_tA_t − A_t(K_tᵀK_t − J_tᵀJ_t)/2 − B_t(K_tᵀK_t + J_tᵀJ_t)/2‖²_F: as printed, BBᵀ stands for BᵀB in the J,K part, ' +
    'the cross term has the wrong sign, and P_tB_t inside the η² norm has the wrong sign (the last survives J = K = 0).',
  corrected: 'yd21.eq-22.b-norm-identity/corrected',
  sabotage: { description: 'the term −η‖A_tB_tᵀ − B_tA_tᵀ‖²_F dropped', check: (x) => checkPrinted(x, true) },
});

export const eq22Corrected = defineClaim<DiagonalState>({
  ...common,
  id: 'yd21.eq-22.b-norm-identity/corrected',
  statement:
    '‖B_{t+1}‖²_F − ‖B_t‖²_F = −2η⟨B_tB_tᵀ, P_t⟩ − η⟨B_tᵀB_t, K_tᵀK_t + J_tᵀJ_t⟩ − η‖Q_t‖²_F − η⟨B_tᵀA_t, K_tᵀK_t − J_tᵀJ_t⟩ + η²‖−P_tB_t + Q_tA_t − A_t(K_tᵀK_t − J_tᵀJ_t)/2 − B_t(K_tᵀK_t + J_tᵀJ_t)/2‖²_F',
  check: (x) => checkCorrected(x),
  // Exact form: ‖B_{t+1}‖² − ‖B_t‖² − right side (corrected). D = 8: η²‖G‖² with G cubic.
  exact: diagonalForm(residual(true), { bound: 8, derivation: 'η²‖G‖²_F: 2 + 2·3; ‖B_{t+1}‖²: 2·4' }),
  symbolic: diagonalSymbolic(residual(true)),
  expected: 'holds',
  corrects: 'yd21.eq-22.b-norm-identity',
  sabotage: { description: 'the term −η‖A_tB_tᵀ − B_tA_tᵀ‖²_F dropped', check: (x) => checkCorrected(x, true) },
});
