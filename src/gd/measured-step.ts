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
import { blockState, gdStep } from './index.ts';
import { flowField } from './flow.ts';
import type { Derived } from './blocks.ts';
import type { DiagonalState } from '../random/instances.ts';
import type { LemmaInstance } from '../random/lemma-instances.ts';
import { deriveExact, type FlowProbe, flowFieldExact, type FullStepResiduals, type FullStepView, gdStepExact } from '../exact/states.ts';
import type { Comparison } from '../claims/compare.ts';
import { exactInput, exactScalar, type Measured, type MeasuredScalar, magnitudeOps, measuredBlock, residualComparisons } from '../claims/measured.ts';

/** What the engine gives of a state split at r: the principal block Σ, the blocks U, V, J, K and the derived matrices. */
type EngineBlockState = Derived & { readonly Sigma: Mat; readonly U: Mat; readonly V: Mat; readonly J: Mat; readonly K: Mat };

/** One engine step: its inputs (Σ diagonal m×n, 𝐔, 𝐕, η), the split point r, the next 𝐔, 𝐕 and the block states before and after. */
export interface EngineStep {
  readonly sigma: Mat;
  readonly U: Mat;
  readonly V: Mat;
  readonly eta: number;
  readonly r: number;
  readonly next: { readonly U: Mat; readonly V: Mat };
  readonly before: EngineBlockState;
  readonly after: EngineBlockState;
}

type MeasuredView = FullStepView<Measured, MeasuredScalar>;
type MeasuredState = MeasuredView['before'];
const withValue = (value: Mat, of: Measured): Measured => ({ value, magnitude: of.magnitude });

/** The engine's values at r, with the magnitudes of the full factors (Ufull, Vfull) they were formed from. */
function measuredState(engine: EngineBlockState, Sigma: Measured, Ufull: Measured, Vfull: Measured, r: number): MeasuredState {
  const rows = (X: Measured, r0: number, r1: number) => measuredBlock(X, r0, r1, 0, X.value.cols);
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

/**
 * The step view in the magnitude model: the engine's values, the magnitudes of the definitions. A
 * bound on a step (src/claims/measured.ts BoundOps) evaluates its sides on this view.
 */
export function measuredStepView(step: EngineStep): MeasuredView {
  const SigmaFull = exactInput(step.sigma);
  const [U, V, eta] = [exactInput(step.U), exactInput(step.V), exactScalar(step.eta)];
  const model = gdStepExact(magnitudeOps, SigmaFull, U, V, eta);
  const next = { U: withValue(step.next.U, model.U), V: withValue(step.next.V, model.V) };
  const { r } = step;
  const Sigma = measuredBlock(SigmaFull, 0, r, 0, r);
  const SigmaTilde = measuredBlock(SigmaFull, r, step.sigma.rows, r, step.sigma.cols);
  return {
    x: { eta, Sigma, r, SigmaFull, SigmaTilde, Ufull: U, Vfull: V },
    next,
    before: measuredState(step.before, Sigma, U, V, r),
    after: measuredState(step.after, Sigma, next.U, next.V, r),
  };
}

/** The comparisons of a step identity on one engine step (the residuals' keys are the labels). */
export function stepComparisons(residuals: FullStepResiduals, step: EngineStep, sabotaged: boolean): Comparison[] {
  return residualComparisons(residuals(magnitudeOps, measuredStepView(step), sabotaged));
}

/** One engine step of a YD21 state (split at d, the engine's gdStep and blockState). */
function diagonalEngineStep(x: DiagonalState): EngineStep {
  const next = gdStep(x.sigma, x.U, x.V, x.eta);
  const [before, after] = [blockState(x.sigma, x.U, x.V), blockState(x.sigma, next.U, next.V)];
  return { sigma: x.sigma, U: x.U, V: x.V, eta: x.eta, r: x.U.cols, next, before, after };
}

/** The measured step view of a YD21 state: what a bound on one step evaluates its sides on. */
export function measuredDiagonalStep(x: DiagonalState): MeasuredView {
  return measuredStepView(diagonalEngineStep(x));
}

/** A step identity's check on YD21 states (split at d, the engine's blockStep). */
export function diagonalStepCheck(residuals: FullStepResiduals): (x: DiagonalState, sabotaged?: boolean) => Comparison[] {
  return (x, sabotaged = false) => stepComparisons(residuals, diagonalEngineStep(x), sabotaged);
}

/**
 * The flow probe of a YD21 state on the engine: its flow field (src/gd/flow.ts) and its GD steps of
 * size η and 2η (h = η), each value the engine's, each magnitude that of the same definition in the
 * magnitude model (flowFieldExact, gdStepExact).
 */
export function measuredFlowProbe(x: DiagonalState): FlowProbe<Measured, MeasuredScalar> {
  const view = measuredDiagonalStep(x);
  const { SigmaFull, Ufull, Vfull } = view.x;
  const modelField = flowFieldExact(magnitudeOps, SigmaFull, Ufull, Vfull);
  const engineField = flowField(x.sigma, x.U, x.V);
  return {
    Sigma: SigmaFull,
    U: Ufull,
    V: Vfull,
    before: view.before,
    field: { U: withValue(engineField.U, modelField.U), V: withValue(engineField.V, modelField.V) },
    h: view.x.eta,
    stepAt: (k) => {
      const t = k * x.eta;
      const [engine, model] = [gdStep(x.sigma, x.U, x.V, t), gdStepExact(magnitudeOps, SigmaFull, Ufull, Vfull, exactScalar(t))];
      return { U: withValue(engine.U, model.U), V: withValue(engine.V, model.V) };
    },
  };
}

/**
 * What a Lemma 3.2 identity (LemmaResiduals) reads of a float instance, in the magnitude model:
 * Σ, S (the instance's X), β, η exact inputs, and c = √(1 − β) rounded once and then taken as one.
 */
export function measuredLemmaInputs(x: LemmaInstance) {
  return { Sigma: exactInput(x.Sigma), S: exactInput(x.X), c: exactScalar(Math.sqrt(1 - x.beta)), beta: exactScalar(x.beta), eta: exactScalar(x.eta), d: x.d };
}
