/**
 * YD21 §3.3, "Summary of Stage 2" (NeurIPS copy, 000):
 *
 *   ‖𝚺 − 𝐔_t𝐕_tᵀ‖²_F = ‖Σ − U_tV_tᵀ‖²_F + ‖U_tK_tᵀ‖²_F + ‖J_tV_tᵀ‖²_F + ‖J_tK_tᵀ‖²_F.
 *
 * The left side is the full m×n residual, the right side its four blocks (Σ is zero outside the
 * principal d×d block, so the blocks of 𝚺 − 𝐔𝐕ᵀ are Σ − UVᵀ, −UKᵀ, −JVᵀ, −JKᵀ). The preprint
 * prints the same sentence without the term ‖J_tV_tᵀ‖²_F; that three-term form is false whenever
 * JVᵀ ≠ 0, and it is exactly this claim's sabotaged variant (so the suite refutes it too). The
 * catalog's statement, and the one encoded, is the NeurIPS copy's.
 *
 * Scale: the residuals' magnitudes, computed from their one definition below (src/claims/measured.ts).
 */
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type FullStepResiduals, type FullStepView } from '../../src/exact/states.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/** The off-principal blocks of 𝐔𝐕ᵀ (−UKᵀ, −JVᵀ, −JKᵀ of the residual), by name. */
type OffPrincipal = 'UKᵀ' | 'JVᵀ' | 'JKᵀ';

/**
 * ‖𝚺 − 𝐔𝐕ᵀ‖²_F minus the squared norms of its blocks Σ − UVᵀ, UKᵀ, JVᵀ, JKᵀ, the `dropped` ones left
 * out: 0 with none dropped; the preprint's form drops JVᵀ (and its sabotage all three).
 */
export function lossSplitDifference<M, S, D>(A: MatrixOps<M, S, D>, { x, before: s }: FullStepView<M, S, D>, dropped: readonly OffPrincipal[]): S {
  const { F, mul, sub, tr, frob2 } = A;
  const blocks: Record<OffPrincipal, M> = { UKᵀ: mul(s.U, tr(s.K)), JVᵀ: mul(s.J, tr(s.V)), JKᵀ: mul(s.J, tr(s.K)) };
  const parts = [sub(s.Sigma, mul(s.U, tr(s.V))), ...(Object.keys(blocks) as OffPrincipal[]).filter((k) => !dropped.includes(k)).map((k) => blocks[k])];
  return F.sub(frob2(sub(x.SigmaFull, mul(x.Ufull, tr(x.Vfull)))), parts.map(frob2).reduce(F.add));
}

/** ‖𝚺 − 𝐔𝐕ᵀ‖²_F minus the four blocks' squared norms; sabotaged: ‖JVᵀ‖²_F dropped (the preprint's form). */
export const lossSplitResidual: FullStepResiduals = (A, view, sabotaged) => ({
  '‖𝚺 − 𝐔𝐕ᵀ‖² − Σ blocks': lossSplitDifference(A, view, sabotaged ? ['JVᵀ'] : []),
});
const check = diagonalStepCheck(lossSplitResidual);

export const lossSplit = defineClaim<DiagonalState>({
  id: 'yd21.sec-3.3.loss-split',
  source: { paper: 'YD21', where: '§3.3, Summary of Stage 2 (NeurIPS copy)' },
  kind: 'identity',
  statement: '‖𝚺 − 𝐔_t𝐕_tᵀ‖²_F = ‖Σ − U_tV_tᵀ‖²_F + ‖U_tK_tᵀ‖²_F + ‖J_tV_tᵀ‖²_F + ‖J_tK_tᵀ‖²_F',
  hypotheses: diagonalStateHypotheses({}, false),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  // Exact form: the full residual's ‖·‖² minus the four blocks'. D = 4.
  exact: diagonalForm(lossSplitResidual, { bound: 4, derivation: 'squared Frobenius norms of degree-2 matrices' }),
  symbolic: diagonalSymbolic(lossSplitResidual),
  expected: 'holds',
  sabotage: { description: 'the term ‖J_tV_tᵀ‖²_F dropped (the form the preprint prints)', check: (x) => check(x, true) },
});
