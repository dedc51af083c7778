/**
 * YD21 App. E of the preprint, "Solving the Iteration Formula on B" — the two general facts it
 * uses, for any sequence with x_{t+1} ≤ (1 + p)x_t + q (x_t = ‖B_t‖²_F, p, q > 0):
 *
 *   [closed form] x_T ≤ (1 + p)^T x_0 + ((1 + p)^T − 1)q/p;
 *   and, when pT ≤ 1, "(1 + p)^T = 1 + (T choose 1)p + … + (T choose T)p^T
 *      ≤ 1 + Tp(1 + 1/2! + … + 1/T!)  [binomial]  ≤ 1 + (e − 1)Tp  [e − 1]  ≤ 1 + 2pT  [2]",
 *   "Hence, ‖B_T‖²_F < (1 + 2pT)‖B_0‖²_F + 2qT"  [final; encoded as ≤, since it is an equality when
 *      x_0 = q = 0, a case the paper excludes by q > 0 — with q > 0 and T ≥ 1 the strict form holds].
 *
 * All hold: unrolling gives the closed form (the geometric sum Σ_{k<T}(1 + p)^k = ((1 + p)^T − 1)/p);
 * (T choose k)p^k ≤ (Tp)^k/k! ≤ Tp/k! for Tp ≤ 1; Σ_{k≥1} 1/k! = e − 1 < 2; and
 * ((1 + p)^T − 1)/p ≤ (e − 1)T ≤ 2T. The extraction shows "≤ 1 + (e−1)Tp ≤ 1 + (e−1)Tp ≤ 1. 1+2pT", a
 * duplicated step and a stray "1."; read as the chain above.
 *
 * The next sentence of App. E ("‖B_T‖²_F ≤ 3‖B_0‖²_F + c²d²ε² ≤ 4c²d²ε²") is yd21.app-e.b-induction.
 *
 * Instances: T ∈ [1, 200], p = π/T with π ∈ (0, 1] (so pT ≤ 1; the closed form needs only p > 0),
 * q = κ/T with κ ∈ [0, 1], x_0 ∈ [0, 1], and x_{t+1} = (1 − θ_t)((1 + p)x_t + q) with θ_t ∈ [0, 1]
 * (shrinking to θ = 0, the extremal sequence with equality). Tolerance: size T (sums of T terms),
 * scale the size of the sides; (1 + p)^t − 1 counts as formed from (1 + p)^t + 1 (it cancels when pt ≪ 1).
 */
import fc from 'fast-check';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { fractionOfMax, inRange, unitInterval, dimension } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { leq } from '../../src/hypotheses/matrix.ts';

export interface IterationInstance {
  readonly T: number;
  readonly p: number;
  readonly q: number;
  /** x_0, …, x_T with x_{t+1} ≤ (1 + p)x_t + q. */
  readonly x: number[];
}

/** The sequence x_{t+1} = (1 − θ_t)((1 + p)x_t + q) from x_0. */
/** x_t ≥ 0 and x_{t+1} ≤ (1 + p)x_t + q for t < T (App. E's iteration formula). */
export const recursion = hypothesis<IterationInstance>(
  'recursion',
  'x_t = ‖B_t‖²_F ≥ 0 with x_{t+1} ≤ (1 + p)x_t + q for t < T (App. E)',
  (z) => Number.isInteger(z.T) && z.T >= 1 && z.x.length === z.T + 1 && z.x.every((v, t) => v >= 0 && (t === z.T || leq(z.x[t + 1], (1 + z.p) * v + z.q, 1))),
  { tolerance: 'relative 64·γ₁ ((1 + p)x_t + q is formed from stored numbers)', coordinates: { T: { value: (z) => z.T, domain: [1, 200] } } },
);

/** p > 0, q ≥ 0, pT ≤ 1 (App. E: "we have pT ≤ pT₀ ≤ 1"). */
export const smallPT = hypothesis<IterationInstance>('pT', 'p > 0, q ≥ 0, pT ≤ 1 (App. E)', (z) => z.p > 0 && z.q >= 0 && leq(z.p * z.T, 1, 1), {
  coordinates: { pT: { value: (z) => z.p * z.T, domain: [0, 1] }, qT: { value: (z) => z.q * z.T, domain: [0, 1] } },
});

export function iterate(x0: number, p: number, q: number, theta: number[]): number[] {
  const x = [x0];
  for (const th of theta) x.push((1 - th) * ((1 + p) * x[x.length - 1] + q));
  return x;
}

function check(z: IterationInstance, two = 2): Comparison[] {
  const { T, p, q, x } = z;
  const out: Comparison[] = [];
  for (let t = 1; t <= T; t++) {
    const g = (1 + p) ** t;
    const bound = g * x[0] + ((g - 1) * q) / p;
    // (1 + p)^t − 1 is formed from terms of size (1 + p)^t + 1 (cancellation when pt is small), then scaled by q/p.
    out.push(atMost(`[closed form] t = ${t}: x_t ≤ (1+p)^t x_0 + ((1+p)^t − 1)q/p`, x[t], bound, x[t] + g * x[0] + ((g + 1) * q) / p));
  }
  const g = (1 + p) ** T;
  let fact = 1;
  let series = 0;
  for (let k = 1; k <= T; k++) {
    fact *= k;
    series += 1 / fact;
  }
  const binomial = 1 + T * p * series;
  const eBound = 1 + (Math.E - 1) * T * p;
  const twoBound = 1 + two * p * T;
  out.push(
    atMost('[binomial] (1+p)^T ≤ 1 + Tp(1 + 1/2! + … + 1/T!)', g, binomial, g + binomial),
    atMost('[e − 1] … ≤ 1 + (e − 1)Tp', binomial, eBound, binomial + eBound),
    atMost('[2] … ≤ 1 + 2pT', eBound, twoBound, eBound + twoBound),
    atMost('[final] x_T ≤ (1 + 2pT)x_0 + 2qT', x[T], twoBound * x[0] + two * q * T, x[T] + twoBound * x[0] + two * q * T),
  );
  return out;
}

export const appEIteration = defineClaim<IterationInstance>({
  id: 'yd21.app-e.b-iteration',
  source: { paper: 'YD21', where: 'App. E (preprint)' },
  kind: 'inequality',
  statement:
    'x_{t+1} ≤ (1+p)x_t + q ⇒ x_T ≤ (1+p)^T x_0 + ((1+p)^T − 1)q/p; pT ≤ 1 ⇒ (1+p)^T ≤ 1 + Tp(1 + 1/2! + … + 1/T!) ≤ 1 + (e−1)Tp ≤ 1 + 2pT, and x_T ≤ (1 + 2pT)x_0 + 2qT',
  hypotheses: [recursion, smallPT],
  instances: dimension(1, 200).chain((T) =>
    fc
      .record({
        pi: fractionOfMax(),
        kappa: unitInterval(),
        x0: inRange(0, 1),
        theta: fc.array(unitInterval(), { minLength: T, maxLength: T }),
      })
      .map(({ pi, kappa, x0, theta }) => ({ T, p: pi / T, q: kappa / T, x: iterate(x0, pi / T, kappa / T, theta) })),
  ),
  size: (z) => z.T,
  constants: { two: { printed: () => 2, formula: '2 (in 1 + 2pT and 2qT)' } },
  check: (z, c) => check(z, c.two),
  // The smallest K with (1 + p)^T ≤ 1 + K·pT; its supremum over pT ≤ 1 is e − 1 ≈ 1.718 (pT = 1, T → ∞).
  witness: {
    two: (z, tol) => {
      const g = (1 + z.p) ** z.T;
      return (g - 1 - tol * (g + 1)) / (z.p * z.T);
    },
  },
  expected: 'holds',
  sabotage: { description: 'the constant 2 of 1 + 2pT (and 2qT) lowered to 1', constants: { two: () => 1 } },
  runs: 500,
});
