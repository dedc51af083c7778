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
 * Scale: Gram matrices of formed factors err by |X|²; |R| ≤ ‖𝚺‖ + ‖𝐔‖‖𝐕‖, |𝐔̇| ≤ |R|‖𝐕‖, |𝐕̇| ≤ |R|‖𝐔‖;
 * the step's factors by stepMagnitudes.
 */
import { gdStep } from '../../src/gd/index.ts';
import { flowField } from '../../src/gd/flow.ts';
import { combine, frobenius, mul, mulAll, sub, transpose, zeros } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import type { Mat } from '../../src/linalg/dense.ts';
import { diagonalForm, type FullResiduals, gdStepExact } from '../../src/exact/states.ts';
import { fullFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

const gram = (X: Mat) => mul(transpose(X), X);

function check(x: DiagonalState, secondSign = -1) {
  const { U, V, eta } = x;
  const f = flowField(x.sigma, U, V);
  const derivative = combine([1, mul(transpose(U), f.U)], [1, mul(transpose(f.U), U)], [-1, mul(transpose(V), f.V)], [-1, mul(transpose(f.V), V)]);
  const [mS, mU, mV] = [frobenius(x.sigma), frobenius(U), frobenius(V)];
  const r = mS + mU * mV;
  const next = gdStep(x.sigma, U, V, eta);
  const drift = sub(sub(gram(next.U), gram(next.V)), sub(gram(U), gram(V)));
  const R = sub(x.sigma, mul(U, transpose(V)));
  const printed = combine([eta * eta, mulAll(transpose(V), transpose(R), R, V)], [secondSign * eta * eta, mulAll(transpose(U), R, transpose(R), U)]);
  const a = stepMagnitudes(x.sigma, U, V, eta);
  return [
    equal('d/dt(𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) = 𝐔ᵀ𝐔̇ + 𝐔̇ᵀ𝐔 − 𝐕ᵀ𝐕̇ − 𝐕̇ᵀ𝐕 = 0', derivative, zeros(derivative.rows, derivative.cols), 4 * r * mU * mV),
    equal(
      'one GD step: Δ(𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) = η²(𝐕ᵀRᵀR𝐕 − 𝐔ᵀRRᵀ𝐔)',
      drift,
      printed,
      a.U * a.U + a.V * a.V + mU * mU + mV * mV + eta * eta * r * r * (mU * mU + mV * mV),
    ),
  ];
}

/** The flow's d/dt(𝐔ᵀ𝐔 − 𝐕ᵀ𝐕) and one GD step's drift minus η²(𝐕ᵀRᵀR𝐕 − 𝐔ᵀRRᵀ𝐔). */
const drift: FullResiduals = (A, { Sigma, U, V, eta }, sabotaged) => {
  const { F, combine, mul, sub, tr } = A;
  const next = gdStepExact(A, Sigma, U, V, eta);
  const R = sub(Sigma, mul(U, tr(V)));
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
  exact: diagonalForm((A, { x }, sabotaged) => drift(A, { Sigma: x.SigmaFull, U: x.Ufull, V: x.Vfull, eta: x.eta }, sabotaged), {
    bound: 8,
    derivation: 'gram of a degree-4 factor; η²𝐕ᵀRᵀR𝐕: 2 + 6',
  }),
  symbolic: fullFrameSymbolic(drift),
  expected: 'holds',
  sabotage: { description: 'sign of −η²𝐔ᵀRRᵀ𝐔 flipped', check: (x) => check(x, +1) },
});
