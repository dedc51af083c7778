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
 * Scale: each factor formed as a sum carries the sum of its parts' magnitudes (I + ηX has
 * magnitude 1 + η|X| as a left or right factor), |R| ≤ ‖Σ‖ + ‖U‖‖V‖; the left side is formed from
 * Σ and U_{t+1}V_{t+1}ᵀ (src/claims/magnitudes.ts stepMagnitudes).
 */
import { blockStep } from '../../src/gd/index.ts';
import { combine, eye, mul, mulAll, sub, transpose } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { blockMagnitudes, stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type StepResiduals } from '../../src/exact/states.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

function check(x: DiagonalState, cornerSign = -1) {
  const { before: s, after } = blockStep(x.sigma, x.U, x.V, x.eta);
  const { Sigma, U, V, J, K } = s;
  const eta = x.eta;
  const I = eye(s.d);
  const R = sub(Sigma, mul(U, transpose(V)));
  const UUt = mul(U, transpose(U));
  const VVt = mul(V, transpose(V));
  const JtJ = mul(transpose(J), J);
  const KtK = mul(transpose(K), K);
  const X = combine([1, U], [eta, mul(R, V)]);
  const Y = combine([1, V], [eta, mul(transpose(R), U)]);
  const printed = combine(
    [1, mulAll(combine([1, I], [-eta, UUt]), R, combine([1, I], [-eta, VVt]))],
    [cornerSign * eta * eta, mulAll(UUt, R, VVt)],
    [-eta * eta, mulAll(R, V, transpose(U), R)],
    [eta, mulAll(X, JtJ, transpose(V))],
    [eta, mulAll(U, KtK, transpose(Y))],
    [-eta * eta, mulAll(U, KtK, JtJ, transpose(V))],
  );
  const lhs = sub(after.Sigma, mul(after.U, transpose(after.V)));
  const b = blockMagnitudes(x.sigma, x.U, x.V);
  const a = stepMagnitudes(x.sigma, x.U, x.V, eta);
  const r = b.Sigma + b.U * b.V;
  const scale =
    a.Sigma +
    a.U * a.V +
    (1 + eta * b.U * b.U) * r * (1 + eta * b.V * b.V) +
    eta * eta * (b.U * b.U * r * b.V * b.V + r * r * b.V * b.U) +
    eta * (b.U + eta * r * b.V) * b.J * b.J * b.V +
    eta * b.U * b.K * b.K * (b.V + eta * r * b.U) +
    eta * eta * b.U * b.K * b.K * b.J * b.J * b.V;
  return [equal('(23): Σ − U_{t+1}V_{t+1}ᵀ', lhs, printed, scale)];
}

/** (23): Σ − U_{t+1}V_{t+1}ᵀ of the step minus the printed expansion; sabotaged: the sign of −η²UUᵀ(Σ − UVᵀ)VVᵀ flipped. */
const expansionResidual: StepResiduals = (A, { x, before: s, after }, sabotaged) => {
  const { F, combine, mul, sub, tr, add, scale } = A;
  const eta = x.eta;
  const e2 = F.mul(eta, eta);
  const I = x.I;
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
  sabotage: { description: 'sign of the term −η²UUᵀ(Σ − UVᵀ)VVᵀ flipped', check: (x) => check(x, +1) },
});
