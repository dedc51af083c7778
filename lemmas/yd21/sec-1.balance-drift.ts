/**
 * YD21 §1 (both copies): "Key in their proof is an invariance maintained by gradient flow:
 * d/dt(𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) = 0 … for gradient descent with η > 0, the key invariance no longer holds."
 *
 * Two comparisons, on full 𝐔 (m×d), 𝐕 (n×d) with J, K ≠ 0 (a diagonal 𝚺 loses no generality:
 * 𝐔ᵀ𝐔 and 𝐕ᵀ𝐕 are invariant under the rotations of (4),(5)):
 *  1. the flow's derivative vanishes: 𝐔ᵀ𝐔̇ + 𝐔̇ᵀ𝐔 − 𝐕ᵀ𝐕̇ − 𝐕̇ᵀ𝐕 = 0 with 𝐔̇ = R𝐕, 𝐕̇ = Rᵀ𝐔,
 *     R = 𝚺 − 𝐔𝐕ᵀ (both cross terms are 𝐔ᵀR𝐕 + 𝐕ᵀRᵀ𝐔 and cancel);
 *  2. the drift of one GD step is exactly second order (derived here; the paper only says the
 *     invariance fails): with 𝐔′ = 𝐔 + ηR𝐕, 𝐕′ = 𝐕 + ηRᵀ𝐔,
 *        𝐔′ᵀ𝐔′ − 𝐕′ᵀ𝐕′ − (𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) = η²(𝐕ᵀRᵀR𝐕 − 𝐔ᵀRRᵀ𝐔),
 *     since the η-terms of 𝐔′ᵀ𝐔′ and 𝐕′ᵀ𝐕′ are both 𝐔ᵀR𝐕 + 𝐕ᵀRᵀ𝐔. Checked against the engine's step;
 *     verified during development in exact rational arithmetic (Python fractions, 20 instances with
 *     entries in ¼ℤ, m×n up to 4×5: exact on 20/20).
 *
 * Scale: the residuals' magnitudes, computed from their one definition below (src/claims/measured.ts).
 */
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type FullStepResiduals } from '../../src/exact/states.ts';
import { diagonalStepCheck } from '../../src/gd/measured-step.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';

/** The flow's d/dt(𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) and one GD step's drift minus η²(𝐕ᵀRᵀR𝐕 − 𝐔ᵀRRᵀ𝐔). */
const drift: FullStepResiduals = (A, { x, next }, sabotaged) => {
  const { F, combine, mul, sub, tr } = A;
  const [U, V, eta] = [x.Ufull, x.Vfull, x.eta];
  const R = sub(x.SigmaFull, mul(U, tr(V)));
  const [Udot, Vdot] = [mul(R, V), mul(tr(R), U)];
  const gram = (X: typeof U) => mul(tr(X), X);
  const e2 = F.mul(eta, eta);
  return {
    'd/dt(𝐔ᵀ𝐔 − 𝐕ᵀ𝐕)': combine([F.one, mul(tr(U), Udot)], [F.one, mul(tr(Udot), U)], [A.int(-1), mul(tr(V), Vdot)], [A.int(-1), mul(tr(Vdot), V)]),
    'Δ(𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) − printed': sub(
      sub(sub(gram(next.U), gram(next.V)), sub(gram(U), gram(V))),
      combine([e2, mul(tr(V), tr(R), R, V)], [sabotaged ? e2 : F.neg(e2), mul(tr(U), R, tr(R), U)]),
    ),
  };
};
const check = diagonalStepCheck(drift);

export const balanceDrift = defineClaim<DiagonalState>({
  id: 'yd21.sec-1.balance-drift',
  source: { paper: 'YD21', where: '§1 (invariance of gradient flow; footnote 1)' },
  kind: 'identity',
  statement: 'gradient flow: d/dt(𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) = 0; one GD step: 𝐔′ᵀ𝐔′ − 𝐕′ᵀ𝐕′ − (𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) = η²(𝐕ᵀRᵀR𝐕 − 𝐔ᵀRRᵀ𝐔), R = 𝚺 − 𝐔𝐕ᵀ',
  hypotheses: diagonalStateHypotheses(),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => check(x),
  // Exact form, on the full 𝐔, 𝐕: the flow's derivative, and the one-step drift minus η²(𝐕ᵀRᵀR𝐕 − 𝐔ᵀRRᵀ𝐔). D = 8.
  exact: diagonalForm(drift, { bound: 8, derivation: 'gram of a degree-4 factor; η²𝐕ᵀRᵀR𝐕: 2 + 6' }),
  symbolic: diagonalSymbolic(drift),
  expected: 'holds',
  sabotage: { description: 'sign of −η²𝐔ᵀRRᵀ𝐔 flipped', check: (x) => check(x, true) },
});
