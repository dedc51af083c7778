/**
 * JCD (A.4), proof of Theorem A.1 — the update of A = (U+V)/2 obtained from (4.3):
 *
 *   A₊ = A + ηPA − η(ABᵀ − BAᵀ)B − ηA(KᵀK + JᵀJ)/2 − ηB(KᵀK − JᵀJ)/2,     P = Σ − AAᵀ + BBᵀ.
 *
 * With k ≥ r columns A, B are r×k and KᵀK, JᵀJ are k×k; the tail Σ̃ does not enter (it only acts on
 * J, K). Checked against A₊ taken from the engine's full GD step (4.2) on Σ_X.
 */
import { jcdBlockStep } from './support/blocks.ts';
import { combine, mul } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { jcdBlockMagnitudes } from './support/blocks.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';
import { tailFrameForm } from '../../src/exact/states.ts';
import { aUpdateResidual } from '../common/ab-updates.ts';
import { tailFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

function check(x: JcdState, sign = -1) {
  const { before: s, after } = jcdBlockStep(x.sigma, x.F, x.G, x.r, x.eta);
  const { A, B, P, Q, M, N } = s;
  const eta = x.eta;
  // M = (KᵀK + JᵀJ)/2, N = (KᵀK − JᵀJ)/2 (lemmas/jcd/support/blocks.ts).
  const printed = combine([1, A], [eta, mul(P, A)], [-eta, mul(Q, B)], [-eta, mul(A, M)], [sign * eta, mul(B, N)]);
  const [mb, ma] = [jcdBlockMagnitudes(x.sigma, x.F, x.G, x.r), stepMagnitudes(x.sigma, x.F, x.G, eta)];
  const scale = ma.A + mb.A + eta * (mb.P * mb.A + mb.Q * mb.B + mb.A * mb.M + mb.B * mb.N);
  return [equal('(A.4): A₊', after.A, printed, scale)];
}

/** The step's update minus the printed right side (lemmas/common/ab-updates.ts). */
const residual = aUpdateResidual('(A.4): A₊ − printed');

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
  sabotage: { description: 'sign of the last term flipped: + ηB(KᵀK − JᵀJ)/2', check: (x) => check(x, +1) },
});
