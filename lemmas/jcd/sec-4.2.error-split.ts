/**
 * JCD §4.2 (and again in the proof of Theorem A.1) — "We may bound the difference FGᵀ − X_r as the
 * following:  ‖FGᵀ − X_r‖ ≤ ‖UVᵀ − Σ‖ + ‖UKᵀ‖ + ‖JVᵀ‖ + ‖JKᵀ‖."
 *
 * The norm is the operator norm ("The operator norm is denoted by ‖·‖", §4.1). In the frame of (4.2),
 * X_r = diag(σ₁, …, σ_r, 0, …, 0) (m×n) and FGᵀ − X_r = [UVᵀ − Σ, UKᵀ; JVᵀ, JKᵀ] (proof of Thm A.1),
 * so the bound is the triangle inequality over the four blocks. Equality holds when only one block
 * is non-zero (e.g. m = n = r, where shrinking leads).
 */
import { jcdBlockState } from './support/blocks.ts';
import { combine, diag, frobenius, mul, transpose } from '../../src/linalg/dense.ts';
import { opNorm } from '../../src/linalg/spectral.ts';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';

function check(x: JcdState, keepJK = true): Comparison[] {
  const s = jcdBlockState(x.sigma, x.F, x.G, x.r);
  const Xr = diag(x.sigmaValues.slice(0, x.r), x.m, x.n);
  const lhs = opNorm(combine([1, mul(x.F, transpose(x.G))], [-1, Xr]));
  const terms = [
    opNorm(combine([1, mul(s.U, transpose(s.V))], [-1, s.Sigma])),
    opNorm(mul(s.U, transpose(s.K))),
    opNorm(mul(s.J, transpose(s.V))),
    keepJK ? opNorm(mul(s.J, transpose(s.K))) : 0,
  ];
  // Rounding: each side is formed from products of the factors' blocks and Σ (‖F‖_F‖G‖_F + ‖Σ‖_F bounds
  // them all), and each operator norm is within a multiple of u·(that magnitude).
  const mag = frobenius(x.F) * frobenius(x.G) + frobenius(s.Sigma);
  return [
    atMost(
      '‖FGᵀ − X_r‖ ≤ ‖UVᵀ − Σ‖ + ‖UKᵀ‖ + ‖JVᵀ‖ + ‖JKᵀ‖',
      lhs,
      terms.reduce((a, b) => a + b, 0),
      5 * mag,
    ),
  ];
}

export const errorSplit = defineClaim<JcdState>({
  id: 'jcd.sec-4.2.error-split',
  source: { paper: 'JCD', where: '§4.2; proof of Theorem A.1' },
  kind: 'inequality',
  statement: '‖FGᵀ − X_r‖ ≤ ‖UVᵀ − Σ‖ + ‖UKᵀ‖ + ‖JVᵀ‖ + ‖JKᵀ‖ (operator norms)',
  hypotheses: jcdStateHypotheses({}, false),
  instances: jcdState(),
  size: jcdStateSize,
  check: (x) => check(x),
  expected: 'holds',
  sabotage: { description: 'the term ‖JKᵀ‖ dropped', check: (x) => check(x, false) },
});
