/**
 * The printed updates of A and B, as residuals against the engine's step, for YD21 (10), (11) and JCD
 * (A.4), (A.5) — the same formulas at rank d and at rank r, written once:
 *   A₊ = A + ηPA − ηQB − ηAM − ηBN,   B₊ = B − ηPB + ηQA − ηAN − ηBM
 * (P = Σ − AAᵀ + BBᵀ, Q = ABᵀ − BAᵀ, M = (KᵀK + JᵀJ)/2, N = (KᵀK − JᵀJ)/2). The sabotaged variant flips
 * the sign of ηBN in A's update and of ηQA in B's. `label` names the residual as the paper prints it.
 * printedAUpdate / printedBUpdate are the printed right sides themselves, over any MatrixOps: the
 * residuals compare the engine's step with them, and JCD's block-coordinate step
 * (lemmas/jcd/support/block-step.ts) takes its A₊, B₊ from them.
 */
import type { MatrixOps } from '../../src/exact/ops.ts';
import type { DerivedExact, StepResiduals } from '../../src/exact/states.ts';

/** The derived matrices the printed updates read. */
type UpdateInputs<M> = Pick<DerivedExact<M>, 'A' | 'B' | 'P' | 'Q' | 'M' | 'N'>;

/** (A.4) / YD21 (10): A + ηPA − ηQB − ηAM − ηBN (sabotaged: + ηBN). */
export function printedAUpdate<M, S, D>(O: MatrixOps<M, S, D>, s: UpdateInputs<M>, eta: S, sabotaged = false): M {
  const { F, combine, mul } = O;
  return combine([F.one, s.A], [eta, mul(s.P, s.A)], [F.neg(eta), mul(s.Q, s.B)], [F.neg(eta), mul(s.A, s.M)], [sabotaged ? eta : F.neg(eta), mul(s.B, s.N)]);
}

/** (A.5) / YD21 (11): B − ηPB + ηQA − ηAN − ηBM (sabotaged: − ηQA). */
export function printedBUpdate<M, S, D>(O: MatrixOps<M, S, D>, s: UpdateInputs<M>, eta: S, sabotaged = false): M {
  const { F, combine, mul } = O;
  return combine(
    [F.one, s.B],
    [F.neg(eta), mul(s.P, s.B)],
    [sabotaged ? F.neg(eta) : eta, mul(s.Q, s.A)],
    [F.neg(eta), mul(s.A, s.N)],
    [F.neg(eta), mul(s.B, s.M)],
  );
}

export function aUpdateResidual(label: string): StepResiduals {
  return (A, { x, before, after }, sabotaged) => ({ [label]: A.sub(after.A, printedAUpdate(A, before, x.eta, sabotaged)) });
}

export function bUpdateResidual(label: string): StepResiduals {
  return (A, { x, before, after }, sabotaged) => ({ [label]: A.sub(after.B, printedBUpdate(A, before, x.eta, sabotaged)) });
}
