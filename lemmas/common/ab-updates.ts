/**
 * The printed updates of A and B, as residuals against the engine's step, for YD21 (10), (11) and JCD
 * (A.4), (A.5) — the same formulas at rank d and at rank r, written once:
 *   A₊ = A + ηPA − ηQB − ηAM − ηBN,   B₊ = B − ηPB + ηQA − ηAN − ηBM
 * (P = Σ − AAᵀ + BBᵀ, Q = ABᵀ − BAᵀ, M = (KᵀK + JᵀJ)/2, N = (KᵀK − JᵀJ)/2). The sabotaged variant flips
 * the sign of ηBN in A's update and of ηQA in B's. `label` names the residual as the paper prints it.
 */
import type { StepResiduals } from '../../src/exact/states.ts';

export function aUpdateResidual(label: string): StepResiduals {
  return (A, { x, before: s, after }, sabotaged) => {
    const { F, combine, mul } = A;
    const eta = x.eta;
    const printed = combine(
      [F.one, s.A],
      [eta, mul(s.P, s.A)],
      [F.neg(eta), mul(s.Q, s.B)],
      [F.neg(eta), mul(s.A, s.M)],
      [sabotaged ? eta : F.neg(eta), mul(s.B, s.N)],
    );
    return { [label]: A.sub(after.A, printed) };
  };
}

export function bUpdateResidual(label: string): StepResiduals {
  return (A, { x, before: s, after }, sabotaged) => {
    const { F, combine, mul } = A;
    const eta = x.eta;
    const printed = combine(
      [F.one, s.B],
      [F.neg(eta), mul(s.P, s.B)],
      [sabotaged ? F.neg(eta) : eta, mul(s.Q, s.A)],
      [F.neg(eta), mul(s.A, s.N)],
      [F.neg(eta), mul(s.B, s.M)],
    );
    return { [label]: A.sub(after.B, printed) };
  };
}
