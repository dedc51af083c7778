/**
 * The floating-point check of a step identity, derived from its one definition (a StepResiduals,
 * src/exact/states.ts — the same function the exact certificate and the symbolic proof evaluate).
 *
 * The engine computes the step on its own path (src/gd: gdStep, then the block view and the derived
 * matrices); its before and after states are the values the residual is evaluated on, so the
 * identity tests the paper against the engine, not against itself. The magnitudes come from the
 * same definitions run in the magnitude model (./measured.ts): Σ, 𝐔, 𝐕 and η are exact inputs, the
 * step is gdStepExact and the derived matrices deriveExact, so every value carries the magnitude of
 * what the engine added to form it, and the residual's magnitude — the comparison's scale — is
 * computed, not derived by hand. The sabotaged check is the same definition with `sabotaged = true`.
 */
import type { Mat } from '../linalg/dense.ts';
import { blockStep } from '../gd/index.ts';
import type { Derived } from '../gd/blocks.ts';
import type { DiagonalState } from '../random/instances.ts';
import { deriveExact, gdStepExact, type StepResiduals, type StepView } from '../exact/states.ts';
import type { Comparison } from './compare.ts';
import { exactInput, exactScalar, type Measured, type MeasuredScalar, magnitudeOps, measuredBlock, residualComparisons } from './measured.ts';

/** What the engine gives of a state split at r: the principal block Σ, the blocks U, V, J, K and the derived matrices. */
export type EngineBlockState = Derived & { readonly Sigma: Mat; readonly U: Mat; readonly V: Mat; readonly J: Mat; readonly K: Mat };

/** One engine step: its inputs (Σ diagonal m×n, 𝐔, 𝐕, η), the split point r, and the block states before and after. */
export interface EngineStep {
  readonly sigma: Mat;
  readonly U: Mat;
  readonly V: Mat;
  readonly eta: number;
  readonly r: number;
  readonly before: EngineBlockState;
  readonly after: EngineBlockState;
}

type MeasuredState = StepView<Measured, MeasuredScalar>['before'];

/** The engine's values at r, with the magnitudes of the full factors (Ufull, Vfull) they were formed from. */
function measuredState(engine: EngineBlockState, Sigma: Measured, Ufull: Measured, Vfull: Measured, r: number): MeasuredState {
  const rows = (X: Measured, r0: number, r1: number) => measuredBlock(X, r0, r1, 0, X.value.cols);
  const withValue = (value: Mat, of: Measured): Measured => ({ value, magnitude: of.magnitude });
  const blocks = {
    U: withValue(engine.U, rows(Ufull, 0, r)),
    J: withValue(engine.J, rows(Ufull, r, Ufull.value.rows)),
    V: withValue(engine.V, rows(Vfull, 0, r)),
    K: withValue(engine.K, rows(Vfull, r, Vfull.value.rows)),
  };
  const derived = deriveExact(magnitudeOps, Sigma, blocks);
  const keys = ['A', 'B', 'P', 'Q', 'M', 'N', 'C', 'D'] as const;
  const engineDerived = Object.fromEntries(keys.map((k) => [k, withValue(engine[k], derived[k])]));
  return { ...blocks, ...derived, ...engineDerived, Sigma };
}

/** The step view in the magnitude model: the engine's values, the magnitudes of the definitions. */
export function measuredStepView(step: EngineStep): StepView<Measured, MeasuredScalar> {
  const SigmaFull = exactInput(step.sigma);
  const [U, V, eta] = [exactInput(step.U), exactInput(step.V), exactScalar(step.eta)];
  const next = gdStepExact(magnitudeOps, SigmaFull, U, V, eta);
  const Sigma = measuredBlock(SigmaFull, 0, step.r, 0, step.r);
  return {
    x: { eta, Sigma, r: step.r },
    before: measuredState(step.before, Sigma, U, V, step.r),
    after: measuredState(step.after, Sigma, next.U, next.V, step.r),
  };
}

/** The comparisons of a step identity on one engine step (the residuals' keys are the labels). */
export function stepComparisons(residuals: StepResiduals, step: EngineStep, sabotaged: boolean): Comparison[] {
  return residualComparisons(residuals(magnitudeOps, measuredStepView(step), sabotaged));
}

/** A step identity's check on YD21 states (split at d, the engine's blockStep). */
export function diagonalStepCheck(residuals: StepResiduals): (x: DiagonalState, sabotaged?: boolean) => Comparison[] {
  return (x, sabotaged = false) => {
    const { before, after } = blockStep(x.sigma, x.U, x.V, x.eta);
    return stepComparisons(residuals, { sigma: x.sigma, U: x.U, V: x.V, eta: x.eta, r: x.U.cols, before, after }, sabotaged);
  };
}
