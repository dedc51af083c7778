/**
 * YD21 App. F of the preprint, "Proof of Stage Two": "the product of the main coefficient is
 * bounded by a universal constant,
 *
 *   Ξ_T := Π_{i=0}^{T−1} (1 + 2η(1 − ησ_d/2)^t·(2/5)σ_d) ≤ exp(Σ_{i=0}^{T−1} 2η(1 − ησ_d/2)^t·(2/5)σ_d) ≤ e^{8/5}."
 *
 * The printed product and sum run over i with the exponent written t; they are read as the same
 * index (t = i), the only reading under which Ξ_T depends on T. Encoded as printed, in log space
 * (each "≤" one comparison): ln Ξ_T = Σ ln(1 + y_t) ≤ Σ y_t (ln(1 + y) ≤ y) and Σ y_t ≤ 8/5
 * (Σ_{t≥0}(1 − ησ_d/2)^t = 2/(ησ_d), so the whole series is 2η·(2/5)σ_d·2/(ησ_d) = 8/5). Both hold
 * whenever 0 < ησ_d < 2; the printed constant is the supremum over T (approached as T → ∞ for small
 * ησ_d), so the witness (the exponent this instance needs, ln Ξ_T) approaches 8/5 from below.
 *
 * Hypotheses: the stage-two step size η = O(σ_dε²/(dσ₁³)) is far below 1/(16σ₁); the check takes
 * η = f/(16σ₁) with f ∈ [1/64, 1] and σ_d ∈ [0.05σ₁, σ₁], so ησ_d ∈ [5·10⁻⁵, 1/16] (the bound depends on
 * η and σ_d only through ησ_d), and T = ⌈τ/(ησ_d)⌉ with τ ∈ [0, 12] (the partial sums reach
 * 8/5·(1 − e^{−τ/2}), so the range covers the saturated regime).
 *
 * Tolerance: a sum of T terms errs by γ_T times the sum of magnitudes (Higham §4.2), so the
 * claim's size is T and each comparison's scale is the sum.
 */
import fc from 'fast-check';
import { atMost } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { inRange } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { leq } from '../../src/hypotheses/matrix.ts';

interface XiInstance {
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly eta: number;
  readonly T: number;
}

function sums(x: XiInstance) {
  const r = 1 - (x.eta * x.sigmaD) / 2;
  let logXi = 0;
  let series = 0;
  let rt = 1;
  for (let t = 0; t < x.T; t++) {
    const y = 2 * x.eta * rt * (2 / 5) * x.sigmaD;
    logXi += Math.log1p(y);
    series += y;
    rt *= r;
  }
  return { logXi, series };
}

function check(x: XiInstance, exponent: number) {
  const { logXi, series } = sums(x);
  return [
    atMost('ln Ξ_T ≤ Σ_t 2η(1 − ησ_d/2)^t(2/5)σ_d', logXi, series, series),
    atMost('Σ_t 2η(1 − ησ_d/2)^t(2/5)σ_d ≤ 8/5', series, exponent, series + exponent),
    atMost('Ξ_T ≤ e^{8/5} (in log space)', logXi, exponent, series + exponent),
  ];
}

export const xiBound = defineClaim<XiInstance>({
  id: 'yd21.app-f.xi-bound',
  source: { paper: 'YD21', where: 'App. F (preprint), Proof of Stage Two' },
  kind: 'inequality',
  statement: 'Ξ_T := Π_{t=0}^{T−1}(1 + 2η(1 − ησ_d/2)^t(2/5)σ_d) ≤ exp(Σ_{t=0}^{T−1} 2η(1 − ησ_d/2)^t(2/5)σ_d) ≤ e^{8/5}',
  hypotheses: [
    hypothesis<XiInstance>('sigma', '0 < σ_d ≤ σ₁', (x) => x.sigmaD > 0 && x.sigmaD <= x.sigma1, {
      coordinates: { 'σ₁': { value: (x) => x.sigma1, domain: [0.5, 2] }, κ: { value: (x) => x.sigma1 / x.sigmaD, domain: [1, 20] } },
    }),
    hypothesis<XiInstance>(
      'eta',
      '0 < η ≤ 1/(16σ₁) (the stage-one step, kept in stage two; so 0 < ησ_d/2 < 1)',
      (x) => x.eta > 0 && leq(x.eta, 1 / (16 * x.sigma1), 1),
      {
        coordinates: { '16σ₁η': { value: (x) => 16 * x.sigma1 * x.eta, domain: [1 / 64, 1] } },
      },
    ),
    hypothesis<XiInstance>('horizon', 'any T ≥ 1', (x) => Number.isInteger(x.T) && x.T >= 1, {
      coordinates: { ησ_dT: { value: (x) => x.eta * x.sigmaD * x.T, domain: [0, 12] } },
    }),
  ],
  choices: { eta: 'η = f/(16σ₁), f ∈ [1/64, 1]', horizon: 'T = max(1, ⌈τ/(ησ_d)⌉), τ ∈ [0, 12]' },
  constants: { E: { printed: () => 8 / 5, formula: '8/5 (the exponent of e^{8/5})' } },
  instances: fc.record({ sigma1: inRange(0.5, 2), ratio: inRange(0.05, 1), f: inRange(1 / 64, 1), tau: inRange(0, 12) }).map(({ sigma1, ratio, f, tau }) => {
    const eta = f / (16 * sigma1);
    const sigmaD = ratio * sigma1;
    return { sigma1, sigmaD, eta, T: Math.max(1, Math.ceil(tau / (eta * sigmaD))) };
  }),
  size: (x) => x.T,
  check: (x, c) => check(x, c.E),
  witness: { E: (x, tol) => sums(x).logXi - tol * sums(x).series },
  expected: 'holds',
  sabotage: { description: 'the bound e^{8/5} lowered to e^{3/2}', constants: { E: () => 3 / 2 } },
  runs: 200,
});
