import { defineClaim } from '../../src/claims/types.ts';
import { diagonalStateHypotheses } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type FullStepResiduals } from '../../src/exact/states.ts';
import { diagonalStepCheck } from '../../src/claims/measured-step.ts';

/** The residuals, written once: the floating-point check (src/claims/measured-step.ts) and the exact form evaluate them. */
const residual: FullStepResiduals = (A, { x, next }, sabotaged) => {
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
const check = diagonalStepCheck(residual);

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
  exact: diagonalForm(residual, { bound: 8, derivation: 'gram of a degree-4 factor; η²𝐕ᵀRᵀR𝐕: 2 + 6' }),
  expected: 'holds',
  sabotage: { description: 'sign of −η²𝐔ᵀRRᵀ𝐔 flipped', check: (x) => check(x, true) },
});
