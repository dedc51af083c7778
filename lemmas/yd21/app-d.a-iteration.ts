/**
 * YD21 App. D of the preprint, "Solving the Iteration Formula of a" — the scalar steps, in the
 * case a_t ≤ √(σ_d/2) (a_t = σ_d(A_t), s_t = a_t²), as printed:
 *
 *   a_{t+1} ≥ (1 + (η/2)(σ_d − a_t²))a_t,                                          (32)
 *   s_{t+1} ≥ (1 + (η/2)(σ_d − s_t))² s_t ≥ (1 + η(σ_d − s_t)) s_t,                 (33)
 *   "Subtracting σ_d by (33)":  σ_d − s_{t+1} ≤ (1 − ηs_t)(σ_d − s_t),               (34)
 *   "Dividing (33) by (34)":  s_{t+1}/(σ_d − s_{t+1}) ≥ (1 + η(σ_d − s_t))/(1 − ηs_t) · s_t/(σ_d − s_t)
 *                                                   ≥ (1 + ησ_d) · s_t/(σ_d − s_t),
 *   "Hence, s_T/(σ_d − s_T) ≥ (1 + ησ_d)^T s₀/σ_d. So, it takes at most T₁ := O((1/(ησ_d)) ln(dσ_d/ε²))
 *    iterations to bring a_t to at least √(σ_d/2)."
 *
 * (32) is the hypothesis (App. D derives it from (15) for small ε, η); this claim checks (33), (34), the
 * two ratio steps, the unrolled bound and T₁ on every scalar sequence satisfying it: a_{t+1} =
 * b_t + θ_t(√σ_d − b_t) with b_t = (1 + (η/2)(σ_d − a_t²))a_t the right side of (32) and θ_t ∈ [0, 0.99]
 * (θ = 0: equality in (32), the slowest sequence; shrinking goes there), iterated while s_t < σ_d/2.
 * T₁ in scalar terms: s₀ ≥ ε²/(c²d) makes ln(dσ_d/ε²) = ln(σ_d/s₀) + O(1), so T₁ is read as
 * T_hit ≤ C·(1/(ησ_d))·ln(σ_d/s₀), with the hidden C chosen as 2 + 1/ln 2 ≈ 3.44: the unrolled bound
 * gives T_hit ≤ 1 + ln(σ_d/s₀)/ln(1 + ησ_d) (also checked), and ln(1 + x) ≥ x/(1 + x) ≥ x/2 and
 * 1 ≤ ln(σ_d/s₀)/(x·ln 2) for x = ησ_d ≤ 1, s₀ ≤ σ_d/2 bound that by (2 + 1/ln 2)/x·ln(σ_d/s₀).
 *
 * All hold on these sequences: squaring (32) needs only b_t ≥ 0; (1 + x/2)² ≥ 1 + x; (34) is (33)
 * rearranged; the division needs σ_d − s_{t+1} > 0 and 1 − ηs_t > 0 — unstated, implied here by
 * ησ_d ≤ 1 and a_{t+1} < √σ_d (b_t ≤ 1.25·√(σ_d/2) < √σ_d when ησ_d ≤ 1 and s_t ≤ σ_d/2); the
 * last ratio step is (1 + η(σ_d − s))/(1 − ηs) − (1 + ησ_d) = η²σ_d s/(1 − ηs) ≥ 0.
 * Hypotheses by construction: σ_d ∈ [0.1, 10], ησ_d ∈ [0.02, 1], s₀/σ_d ∈ [10⁻⁴, ½] (log-uniform);
 * the paper's η = O(σ_dε²/(dσ₁³)) has ησ_d ≪ 1, inside this range.
 *
 * Each family of per-step comparisons is reported by its tightest step. Scales: the sides' sizes;
 * a difference σ_d − s counts as formed from σ_d + s (cancellation near the target).
 */
import fc from 'fast-check';
import { atLeast, atMost, type Comparison, normalisedMargin } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { inLogRange, inRange } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { leq } from '../../src/hypotheses/matrix.ts';
import { exactScalar, magnitudeOps } from '../../src/claims/measured.ts';
import type { ScalarOps } from '../../src/exact/ops.ts';

export interface ADIterationInstance {
  readonly sigmaD: number;
  readonly eta: number;
  /** a₀, …, a_T: every a_t with t < T has a_t² < σ_d/2, and a_T² ≥ σ_d/2 (T = 0 if a₀² ≥ σ_d/2). */
  readonly a: number[];
}

/** (1 + kη(σ_d − a²))a: the right side of (32) at k = ½, the factor squared under (15)'s root at k = 1. */
export function aGrowth<S>(F: ScalarOps<S>, sigmaD: S, eta: S, a: S, k: S): S {
  return F.mul(F.add(F.one, F.mul(F.mul(k, eta), F.sub(sigmaD, F.mul(a, a)))), a);
}

/** The right side of (32): (1 + (η/2)(σ_d − a²))a, in doubles. */
export function rhs32(sigmaD: number, eta: number, a: number): number {
  const { F } = magnitudeOps;
  return aGrowth(F, exactScalar(sigmaD), exactScalar(eta), exactScalar(a), F.fromRatio(1, 2)).value;
}

/** a_{t+1} = b_t + θ_t(√σ_d − b_t), θ_t = thetas[t mod length], from a₀ until a_t² ≥ σ_d/2. */
export function iterateA(sigmaD: number, eta: number, a0: number, thetas: readonly number[]): number[] {
  const a = [a0];
  const root = Math.sqrt(sigmaD);
  for (let t = 0; a[t] * a[t] < sigmaD / 2; t++) {
    if (t > 1e6) throw new Error(`iterateA: a_t did not reach √(σ_d/2) in 10⁶ steps (σ_d = ${sigmaD}, η = ${eta})`);
    const b = rhs32(sigmaD, eta, a[t]);
    a.push(b + thetas[t % thetas.length] * (root - b));
  }
  return a;
}

/** The comparison of a family with the smallest normalised margin (or none if the family is empty). */
function tightest(family: Comparison[]): Comparison[] {
  if (family.length === 0) return [];
  return [family.reduce((w, c) => (normalisedMargin(c) < normalisedMargin(w) ? c : w))];
}

/** T₁'s constant 2 + 1/ln 2 (the choice for the O(·), derived above). */
const C_T1 = 2 + 1 / Math.LN2;

function check(z: ADIterationInstance, c: { rate: number; C: number }): Comparison[] {
  const { sigmaD: sd, eta, a } = z;
  const s = a.map((v) => v * v);
  const T = a.length - 1;
  const fam: Record<string, Comparison[]> = { a: [], b: [], c: [], d: [], e: [], f: [] };
  const g = 1 + c.rate * eta * sd;
  for (let t = 0; t < T; t++) {
    const [st, sn] = [s[t], s[t + 1]];
    const half = (1 + (eta / 2) * (sd - st)) ** 2 * st;
    const lin = (1 + eta * (sd - st)) * st;
    const gapT = sd - st;
    const gapN = sd - sn;
    const at = `t = ${t}`;
    fam.a.push(atLeast(`(33) first, ${at}: s_{t+1} ≥ (1 + (η/2)(σ_d − s_t))² s_t`, sn, half, sn + half * (1 + eta * (sd + st))));
    fam.b.push(atLeast(`(33) second, ${at}: (1 + (η/2)(σ_d − s_t))² s_t ≥ (1 + η(σ_d − s_t)) s_t`, half, lin, (half + lin) * (1 + eta * (sd + st))));
    fam.c.push(atMost(`(34), ${at}: σ_d − s_{t+1} ≤ (1 − ηs_t)(σ_d − s_t)`, gapN, (1 - eta * st) * gapT, sd + sn + (1 + eta * st) * (sd + st)));
    const ratioN = sn / gapN;
    const ratioT = st / gapT;
    const middle = ((1 + eta * (sd - st)) / (1 - eta * st)) * ratioT;
    const condT = (sd + st) / gapT;
    fam.d.push(
      atLeast(
        `(33)/(34), ${at}: s_{t+1}/(σ_d − s_{t+1}) ≥ (1 + η(σ_d − s_t))/(1 − ηs_t) · s_t/(σ_d − s_t)`,
        ratioN,
        middle,
        ratioN * (2 + (sd + sn) / gapN) + middle * (4 + condT),
      ),
    );
    fam.e.push(atLeast(`… ≥ (1 + ησ_d) · s_t/(σ_d − s_t), ${at}`, middle, g * ratioT, (middle + g * ratioT) * (4 + condT)));
    const unrolled = (g ** (t + 1) * s[0]) / sd;
    fam.f.push(atLeast(`hence, t = ${t + 1}: s_t/(σ_d − s_t) ≥ (1 + ησ_d)^t s₀/σ_d`, ratioN, unrolled, ratioN * (2 + (sd + sn) / gapN) + unrolled * (t + 3)));
  }
  const L = Math.log(sd / s[0]);
  const steps = L / Math.log(g);
  const big = (C: number) => (C / (eta * sd)) * L;
  return [
    ...Object.values(fam).flatMap(tightest),
    atMost('[T₁] the unrolled bound gives T_hit ≤ 1 + ln(σ_d/s₀)/ln(1 + ησ_d)', T, 1 + steps, T + 1 + steps),
    atMost(`[T₁] T_hit ≤ C·(1/(ησ_d))·ln(σ_d/s₀), C = ${c.C.toPrecision(4)}`, T, big(c.C), T + big(c.C)),
  ];
}

export const appDIteration = defineClaim<ADIterationInstance>({
  id: 'yd21.app-d.a-iteration',
  source: { paper: 'YD21', where: 'App. D (32)–(34) (preprint)' },
  kind: 'inequality',
  statement:
    'a_{t+1} ≥ (1 + (η/2)(σ_d − a_t²))a_t (32) ⇒ s_{t+1} ≥ (1 + (η/2)(σ_d − s_t))²s_t ≥ (1 + η(σ_d − s_t))s_t (33), σ_d − s_{t+1} ≤ (1 − ηs_t)(σ_d − s_t) (34), s_{t+1}/(σ_d − s_{t+1}) ≥ (1 + η(σ_d − s_t))/(1 − ηs_t)·s_t/(σ_d − s_t) ≥ (1 + ησ_d)s_t/(σ_d − s_t), s_T/(σ_d − s_T) ≥ (1 + ησ_d)^T s₀/σ_d, and a_t reaches √(σ_d/2) within T₁ = O((1/(ησ_d)) ln(σ_d/s₀)) steps',
  hypotheses: [
    hypothesis<ADIterationInstance>(
      '(32)',
      '(32) a_{t+1} ≥ (1 + (η/2)(σ_d − a_t²))a_t for every t with a_t² < σ_d/2 (App. D), a₀ > 0, until a_T² ≥ σ_d/2',
      (z) =>
        z.a.length >= 1 &&
        z.a[0] > 0 &&
        z.a.every(
          (v, t) =>
            Number.isFinite(v) && (t === z.a.length - 1 ? v * v >= z.sigmaD / 2 : v * v < z.sigmaD / 2 && leq(rhs32(z.sigmaD, z.eta, v), z.a[t + 1], 1)),
        ),
      { tolerance: 'relative 64·γ₁ (the right side of (32) is a product of stored numbers)' },
    ),
    hypothesis<ADIterationInstance>('divisions', 'σ_d − s_{t+1} > 0 and 1 − ηs_t > 0 (implicit in "dividing (33) by (34)")', (z) =>
      z.a.every((v) => z.sigmaD - v * v > 0 && 1 - z.eta * v * v > 0),
    ),
    hypothesis<ADIterationInstance>(
      'eta-sigma',
      '0 < ησ_d ≤ 1 and s₀ ≤ σ_d/2 (the start of App. D: a_t ≤ √(σ_d/2))',
      (z) => z.eta > 0 && leq(z.eta * z.sigmaD, 1, 1) && leq(z.a[0] ** 2, z.sigmaD / 2, 1),
      {
        tolerance: 'relative 64·γ₁ (η = x/σ_d and a₀ = √(ρσ_d) are built from stored numbers)',
        coordinates: {
          σ_d: { value: (z) => z.sigmaD, domain: [0.1, 10] },
          ησ_d: { value: (z) => z.eta * z.sigmaD, domain: [0.02, 1] },
          's₀/σ_d': { value: (z) => z.a[0] ** 2 / z.sigmaD, domain: [1e-4, 0.5] },
          T: { value: (z) => z.a.length - 1, domain: [0, 1e6] },
        },
      },
    ),
  ],
  choices: {
    'T₁': 'T₁ = C·(1/(ησ_d))·ln(σ_d/s₀) with C = 2 + 1/ln 2 ≈ 3.443 (the O(·) constant, derived for ησ_d ≤ 1, s₀ ≤ σ_d/2; ln(dσ_d/ε²) read as ln(σ_d/s₀) since s₀ ≥ ε²/(c²d))',
    θ_t: 'eight values cycled, each in [0, 0.99]',
  },
  constants: {
    rate: { printed: () => 1, formula: '1 (the growth factor 1 + 1·ησ_d)' },
    C: { printed: () => C_T1, formula: '2 + 1/ln 2 (chosen for the O(·) of T₁)' },
  },
  instances: fc
    .record({
      sigmaD: inLogRange(0.1, 10),
      x: inLogRange(0.02, 1),
      rho: inLogRange(1e-4, 0.5),
      thetas: fc.array(inRange(0, 0.99), { minLength: 8, maxLength: 8 }),
    })
    .map(({ sigmaD, x, rho, thetas }) => {
      const eta = x / sigmaD;
      return { sigmaD, eta, a: iterateA(sigmaD, eta, Math.sqrt(rho * sigmaD), thetas) };
    }),
  size: () => 1,
  check: (z, c) => check(z, { rate: c.rate, C: c.C }),
  witness: {
    // The smallest C with T_hit ≤ C·ln(σ_d/s₀)/(ησ_d).
    C: (z) => ((z.a.length - 1) * z.eta * z.sigmaD) / Math.log(z.sigmaD / (z.a[0] * z.a[0])),
  },
  expected: 'holds',
  sabotage: { description: 'the growth factor 1 + ησ_d raised to 1 + 2ησ_d', constants: { rate: () => 2 } },
  runs: 500,
});
