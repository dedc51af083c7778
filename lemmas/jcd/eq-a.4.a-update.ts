/**
 * JCD (A.4), proof of Theorem A.1 — the update of A = (U+V)/2 obtained from (4.3):
 *
 *   A₊ = A + ηPA − η(ABᵀ − BAᵀ)B − ηA(KᵀK + JᵀJ)/2 − ηB(KᵀK − JᵀJ)/2,     P = Σ − AAᵀ + BBᵀ.
 *
 * With k ≥ r columns A, B are r×k and KᵀK, JᵀJ are k×k; the tail Σ̃ does not enter (it only acts on
 * J, K). Checked against A₊ taken from the engine's full GD step (4.2) on Σ_X.
 */
import { jcdStepCheck } from './support/blocks.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';
import { tailFrameForm } from '../../src/exact/states.ts';
import { aUpdateResidual } from '../common/ab-updates.ts';
import { tailFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

/** The step's update minus the printed right side (lemmas/common/ab-updates.ts). */
const residual = aUpdateResidual('(A.4): A₊ − printed');
const check = jcdStepCheck(residual);

export const eqA4 = defineClaim<JcdState>({
  id: 'jcd.eq-a.4.a-update',
  source: { paper: 'JCD', where: '(A.4), proof of Theorem A.1' },
  kind: 'identity',
  statement: 'A₊ = A + ηPA − η(ABᵀ − BAᵀ)B − ηA(KᵀK + JᵀJ)/2 − ηB(KᵀK − JᵀJ)/2',
  hypotheses: jcdStateHypotheses(),
  instances: jcdState(),
  size: jcdStateSize,
  check: (x) => check(x),
  // Exact form: A₊ of the exact step (4.2) minus (A.4). D = 4.
  exact: tailFrameForm(residual, { bound: 4, derivation: 'η times three blocks' }),
  symbolic: tailFrameSymbolic(residual),
  expected: 'holds',
  sabotage: { description: 'sign of the last term flipped: + ηB(KᵀK − JᵀJ)/2', check: (x) => check(x, true) },
});
