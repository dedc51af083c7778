/**
 * YD21 (23), App. A of the preprint (001; referenced from App. F, footnote 12) — the expansion of
 * the principal-block residual after one GD step (the offset T₀ is immaterial: it holds at every t):
 *
 *   Σ − U_{t+1}V_{t+1}ᵀ = (I − ηU_tU_tᵀ)(Σ − U_tV_tᵀ)(I − ηV_tV_tᵀ) − η²U_tU_tᵀ(Σ − U_tV_tᵀ)V_tV_tᵀ
 *        − η²(Σ − U_tV_tᵀ)V_tU_tᵀ(Σ − U_tV_tᵀ) + η(U_t + η(Σ − U_tV_tᵀ)V_t)J_tᵀJ_tV_tᵀ
 *        + ηU_tK_tᵀK_t(V_t + η(Σ − U_tV_tᵀ)ᵀU_t)ᵀ − η²U_tK_tᵀK_tJ_tᵀJ_tV_tᵀ.
 *
 * Derivation (it holds): with R = Σ − UVᵀ, (6),(7) give U′ = X − ηUKᵀK, V′ = Y − ηVJᵀJ with
 * X = U + ηRV, Y = V + ηRᵀU; Σ − XYᵀ = R − ηUUᵀR − ηRVVᵀ − η²RVUᵀR, which is the first three terms,
 * and the cross terms of (X − ηUKᵀK)(Y − ηVJᵀJ)ᵀ give the last three. Checked against the principal
 * block of the engine's full step (2),(3).
 *
 * Scale: the residuals' magnitudes, computed from their one definition below (src/claims/measured.ts).
 */
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type StepResiduals } from '../../src/exact/states.ts';
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/** (23): Σ − U_{t+1}V_{t+1}ᵀ of the step minus the printed expansion; sabotaged: the sign of −η²UUᵀ(Σ − UVᵀ)VVᵀ flipped. */
const expansionResidual: StepResiduals = (A, { x, before: s, after }, sabotaged) => {
  const { F, combine, mul, sub, tr, eye, add, scale } = A;
  const eta = x.eta;
  const e2 = F.mul(eta, eta);
  const I = eye(x.r);
  const R = sub(s.Sigma, mul(s.U, tr(s.V)));
  const UUt = mul(s.U, tr(s.U));
  const VVt = mul(s.V, tr(s.V));
  const X = add(s.U, scale(eta, mul(R, s.V)));
  const Y = add(s.V, scale(eta, mul(tr(R), s.U)));
  const printed = combine(
    [F.one, mul(sub(I, scale(eta, UUt)), R, sub(I, scale(eta, VVt)))],
    [sabotaged ? e2 : F.neg(e2), mul(UUt, R, VVt)],
    [F.neg(e2), mul(R, s.V, tr(s.U), R)],
    [eta, mul(X, s.JtJ, tr(s.V))],
    [eta, mul(s.U, s.KtK, tr(Y))],
    [F.neg(e2), mul(s.U, s.KtK, s.JtJ, tr(s.V))],
  );
  return { '(23): Σ − U_{t+1}V_{t+1}ᵀ − printed': sub(sub(s.Sigma, mul(after.U, tr(after.V))), printed) };
};
const check = diagonalStepCheck(expansionResidual);

export const eq23 = defineClaim<DiagonalState>({
  id: 'yd21.eq-23.stage-two-expansion',
  source: { paper: 'YD21', where: '(23), App. A (preprint)' },
  kind: 'identity',
  statement:
    'Σ − U_{t+1}V_{t+1}ᵀ = (I − ηUUᵀ)(Σ − UVᵀ)(I − ηVVᵀ) − η²UUᵀ(Σ − UVᵀ)VVᵀ − η²(Σ − UVᵀ)VUᵀ(Σ − UVᵀ) ' +
    '+ η(U + η(Σ − UVᵀ)V)JᵀJVᵀ + ηUKᵀK(V + η(Σ − UVᵀ)ᵀU)ᵀ − η²UKᵀKJᵀJVᵀ (all at t)',
  hypotheses: diagonalStateHypotheses(),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  // Exact form: Σ − U_{t+1}V_{t+1}ᵀ of the exact step minus (23). D = 8 (η²UKᵀKJᵀJVᵀ: 2 + 6; (U + ηRV)JᵀJVᵀ with η: 1 + 4 + 3).
  exact: diagonalForm(expansionResidual, { bound: 8, derivation: 'U_{t+1}V_{t+1}ᵀ: 4 + 4; η²UKᵀKJᵀJVᵀ: 2 + 6' }),
  symbolic: diagonalSymbolic(expansionResidual),
  expected: 'holds',
  sabotage: { description: 'sign of the term −η²UUᵀ(Σ − UVᵀ)VVᵀ flipped', check: (x) => check(x, true) },
});
