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
 * Scale: the error of ‖X‖²_F is at most 2‖X‖_F·|X| with |X| the magnitude X was formed from
 * (src/claims/magnitudes.ts): |𝚺 − 𝐔𝐕ᵀ| ≤ ‖𝚺‖ + ‖𝐔‖‖𝐕‖, |UKᵀ| ≤ ‖U‖‖K‖, and so on.
 */
import { blockState } from '../../src/gd/index.ts';
import { frobenius, mul, sub, transpose } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type SplitResiduals } from '../../src/exact/states.ts';
import { splitFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

function check(x: DiagonalState, keepJV = true) {
  const s = blockState(x.sigma, x.U, x.V);
  const full = sub(x.sigma, mul(x.U, transpose(x.V)));
  const parts = [
    { value: sub(s.Sigma, mul(s.U, transpose(s.V))), magnitude: frobenius(s.Sigma) + frobenius(s.U) * frobenius(s.V) },
    { value: mul(s.U, transpose(s.K)), magnitude: frobenius(s.U) * frobenius(s.K) },
    ...(keepJV ? [{ value: mul(s.J, transpose(s.V)), magnitude: frobenius(s.J) * frobenius(s.V) }] : []),
    { value: mul(s.J, transpose(s.K)), magnitude: frobenius(s.J) * frobenius(s.K) },
  ];
  const rhs = parts.reduce((acc, p) => acc + frobenius(p.value) ** 2, 0);
  const scale =
    2 * frobenius(full) * (frobenius(x.sigma) + frobenius(x.U) * frobenius(x.V)) + parts.reduce((acc, p) => acc + 2 * frobenius(p.value) * p.magnitude, 0);
  return [equal('‖𝚺 − 𝐔𝐕ᵀ‖²_F = ‖Σ − UVᵀ‖²_F + ‖UKᵀ‖²_F + ‖JVᵀ‖²_F + ‖JKᵀ‖²_F', frobenius(full) ** 2, rhs, scale)];
}

/** ‖𝚺 − 𝐔𝐕ᵀ‖²_F minus the four blocks' squared norms; sabotaged: ‖JVᵀ‖²_F dropped (the preprint's form). */
export const lossSplitResidual: SplitResiduals = (A, s, sabotaged) => {
  const { F, mul, sub, tr, frob2 } = A;
  const parts = [sub(s.Sigma, mul(s.U, tr(s.V))), mul(s.U, tr(s.K)), ...(sabotaged ? [] : [mul(s.J, tr(s.V))]), mul(s.J, tr(s.K))];
  return { '‖𝚺 − 𝐔𝐕ᵀ‖² − Σ blocks': F.sub(frob2(sub(s.full.Sigma, mul(s.full.U, tr(s.full.V)))), parts.map(frob2).reduce(F.add)) };
};

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
  exact: diagonalForm((A, { x, before: s }, sabotaged) => lossSplitResidual(A, { ...s, full: { Sigma: x.SigmaFull, U: x.Ufull, V: x.Vfull } }, sabotaged), {
    bound: 4,
    derivation: 'squared Frobenius norms of degree-2 matrices',
  }),
  expected: 'holds',
  symbolic: splitFrameSymbolic(lossSplitResidual),
  sabotage: { description: 'the term ‖J_tV_tᵀ‖²_F dropped (the form the preprint prints)', check: (x) => check(x, false) },
});
