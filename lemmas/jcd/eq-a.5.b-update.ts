/**
 * JCD (A.5), proof of Theorem A.1 — the update of B = (U−V)/2 obtained from (4.3):
 *
 *   B₊ = B − ηPB + η(ABᵀ − BAᵀ)A − ηA(KᵀK − JᵀJ)/2 − ηB(KᵀK + JᵀJ)/2,     P = Σ − AAᵀ + BBᵀ.
 *
 * Checked against B₊ taken from the engine's full GD step (4.2) on Σ_X (k ≥ r columns, tail Σ̃ ≠ 0).
 */
import { jcdStepCheck } from './support/blocks.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';
import { tailFrameForm } from '../../src/exact/states.ts';
import { bUpdateResidual } from '../common/ab-updates.ts';
import { tailFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

/** The step's update minus the printed right side (lemmas/common/ab-updates.ts). */
const residual = bUpdateResidual('(A.5): B₊ − printed');
const check = jcdStepCheck(residual);

export const eqA5 = defineClaim<JcdState>({
  id: 'jcd.eq-a.5.b-update',
  source: { paper: 'JCD', where: '(A.5), proof of Theorem A.1' },
  kind: 'identity',
  statement: 'B₊ = B − ηPB + η(ABᵀ − BAᵀ)A − ηA(KᵀK − JᵀJ)/2 − ηB(KᵀK + JᵀJ)/2',
  hypotheses: jcdStateHypotheses(),
  instances: jcdState(),
  size: jcdStateSize,
  check: (x) => check(x),
  // Exact form: B₊ of the exact step (4.2) minus (A.5). D = 4.
  exact: tailFrameForm(residual, { bound: 4, derivation: 'η times three blocks' }),
  symbolic: tailFrameSymbolic(residual),
  expected: 'holds',
  sabotage: { description: 'sign of the Q-term flipped: − η(ABᵀ − BAᵀ)A', check: (x) => check(x, true) },
});
