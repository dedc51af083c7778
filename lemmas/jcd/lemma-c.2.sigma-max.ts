/**
 * JCD Lemma C.2 ([Wai19, Example 2.32, Exercise 5.14]):
 *
 *   "Let W be an n×N matrix with i.i.d. Gaussian entries with distribution N(0, 1). Then there
 *    exists a universal constant C such that σ_max(W) ≤ 3√(n+N) with probability at least
 *    1 − 2e^{−(n+N)/2}."
 *
 * (The "universal constant C" of the extracted text is not used in the bound; the printed constant
 * is the 3.) Checked by Monte Carlo on several shapes; the witness σ_max(W)/√(n+N) estimates the
 * smallest constant that meets the claimed probability, to compare with the printed 3.
 *
 * Only shapes whose claimed probability the trials can confirm are checked: with no failure in N
 * trials the Clopper–Pearson lower end is (α/2)^{1/N} (α = 10⁻³ over the settings), so confirming
 * 1 − 2e^{−(n+N)/2} needs N ≥ ln(2·settings/α)/(−ln(1 − 2e^{−(n+N)/2})) trials: 662 at n + N = 10,
 * 3 000 at n + N = 13, 5·10⁹ at n + N = 40. Larger shapes (formerly 10×3, 20×20, 40×10) could
 * only ever have refuted the claim, never confirmed it, so they are left out rather than shown as
 * green.
 */
import { defineMonteCarloClaim } from '../../src/claims/montecarlo.ts';
import { opNorm } from '../../src/linalg/spectral.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';

type Shape = { n: number; N: number };

export const lemmaC2 = defineMonteCarloClaim<Shape, number>({
  id: 'jcd.lemma-c.2.sigma-max',
  source: { paper: 'JCD', where: 'Lemma C.2' },
  kind: 'probabilistic',
  statement: 'σ_max(W) ≤ 3√(n+N) with probability at least 1 − 2e^{−(n+N)/2}, W n×N with i.i.d. N(0, 1) entries',
  hypotheses: [
    hypothesis<Shape>(
      'c2-shape',
      'W an n×N matrix with i.i.d. N(0, 1) entries (the draw: gaussianMatrix)',
      (p) => Number.isInteger(p.n) && Number.isInteger(p.N) && p.n >= 1 && p.N >= 1,
      {
        coordinates: { n: { value: (p) => p.n, domain: [1, 40] }, N: { value: (p) => p.N, domain: [1, 20] } },
      },
    ),
  ],
  settings: [
    { n: 1, N: 1 },
    { n: 2, N: 5 },
    { n: 5, N: 5 },
    { n: 9, N: 1 },
  ],
  describe: ({ n, N }) => `n = ${n}, N = ${N}`,
  draw: ({ n, N }, seed) => opNorm(gaussianMatrix(n, N, 1, `c2:${seed}`)),
  constants: { C: { printed: () => 3, formula: '3' } },
  event: ({ n, N }, sigmaMax, c) => sigmaMax <= c.C * Math.sqrt(n + N),
  probability: { formula: '1 − 2e^{−(n+N)/2}', printed: ({ n, N }) => 1 - 2 * Math.exp(-(n + N) / 2) },
  trials: 800,
  witness: { C: ({ n, N }, sigmaMax) => sigmaMax / Math.sqrt(n + N) },
  expected: 'holds',
  sabotage: { description: 'the constant 3 made 1', constants: { C: () => 1 } },
});
