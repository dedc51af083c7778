/**
 * States inside YD21 stage one (§3.1, §3.2.1–3.2.4, App. D), in the diagonal frame of §2.1, built to
 * cover each assumption's whole set, with the constants the paper leaves free drawn over ranges:
 *
 *   c ∈ [1, 16] (log-uniform): §3.1's constant (σ_max(A₀) < cε√d and σ_min(A₀) > ε/(c√d) force c ≥ 1;
 *     16 is the 0.9-quantile measured by yd21.sec-3.1.init);
 *   e_b = r·c, r ∈ [1, 4]: (2) asks e_b ≥ c; footnote 6's e_b = 2c is interior;
 *   (1) ε²/(c²d)·I ⪯ AAᵀ ⪯ 2Σ: AAᵀ = S = L·I + R^{1/2}WR^{1/2}, L = ε²/(c²d), R = 2Σ − L·I, W = Q₁diag(w)Q₁ᵀ
 *     with w ∈ [0, 1]^d, and A = S^{1/2}Q₂. Every S with L·I ⪯ S ⪯ 2Σ is of this form (W =
 *     R^{−1/2}(S − LI)R^{−1/2}), and every A with AAᵀ = S is S^{1/2}Q₂, so the whole set is reachable;
 *     w = 0 and w = 1 put eigenvalues on either end of (1);
 *   (2) ‖B‖_F ≤ e_b d ε: B = ρ·e_b d ε·G/‖G‖_F (G a grid matrix), ρ = (1 − u)·2^{−k}, u ∈ [0, 1],
 *     k ∈ {0, …, 30}: every ρ ∈ [0, 1], spread in log scale (a small ‖B‖ is where (19) fails), and a
 *     shrink toward the largest failing ‖B‖ (k → 0), far from rounding, rather than toward B → 0;
 *   ‖J‖_op ≤ cε√max(m′, d), ‖K‖_op ≤ cε√max(n′, d) (§3.1 scaled by ε, kept by (8), (9) in stage one):
 *     J, K scaled to (1 − u) times the bound (shrinking toward the bound);
 *   ε = f·min(√(σ_d/((m + n)dκ))/e_b, √σ₁e_bd/(c²(m + n))), f ∈ (0, 1]: §3.2.4's
 *     "e_b²ε² = O(σ_d/((m + n)dκ))" with the O-constant 1, and the condition printed under (21);
 *   η = g·min(1/(16σ₁), ε/(c√(22dσ₁³))), g ∈ (0, 1]: §3.2.3's η ≤ 1/(16σ₁) and App. D's
 *     "22σ₁³η² ≤ ε²/(c²d)" as printed.
 *
 * d ∈ [1, 4], m′ = m − d and n′ = n − d in [0, 3], σ₁ ∈ [0.5, 2], σ_d ∈ [0.05σ₁, σ₁].
 */
import fc from 'fast-check';
import { add, diag, eye, frobenius, mul, scale, sub, vstack, zeros } from '../../../src/linalg/dense.ts';
import { opNorm, symmetricFunction } from '../../../src/linalg/spectral.ts';
import { dimension, fractionOfMax, gridMatrix, orthogonal, scaledTo, unitInterval, withSpectrum } from '../../../src/random/arbitraries.ts';
import type { DiagonalState } from '../../../src/random/instances.ts';

export interface StageOneState extends DiagonalState {
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly epsilon: number;
  readonly c: number;
  readonly eb: number;
}

/** The ranges the builder draws (the hypotheses' coordinates report coverage over them). */
export const STAGE_ONE_RANGES = {
  d: [1, 4],
  complement: [0, 3],
  sigma1: [0.5, 2],
  kappa: [1, 20],
  c: [1, 16],
  ebOverC: [1, 4],
} as const;

export const STAGE_ONE_CHOICES = {
  B: 'B = ρ·e_bdε·G/‖G‖_F, ρ = (1 − u)·2^{−k}, u ∈ [0, 1], k ∈ {0, …, 30} (all of (2), log-spread)',
  c: 'c ∈ [1, 16], log-uniform (§3.1 forces c ≥ 1; 16 is the 0.9-quantile measured by yd21.sec-3.1.init)',
  e_b: "e_b = r·c, r ∈ [1, 4] ((2): e_b ≥ c; footnote 6's e_b = 2c is interior)",
  AAᵀ: '(1) as printed: AAᵀ = L·I + (2Σ − L·I)^{1/2}W(2Σ − L·I)^{1/2}, L = ε²/(c²d), 0 ⪯ W ⪯ I (any such AAᵀ), A = (AAᵀ)^{1/2}Q',
  epsilon: 'ε = f·min(√(σ_d/((m+n)dκ))/e_b, √σ₁e_bd/(c²(m+n))), f ∈ (0, 1] (§3.2.4 with its O-constant 1; the condition under (21))',
  eta: "η = g·min(1/(16σ₁), ε/(c√(22dσ₁³))), g ∈ (0, 1] (§3.2.3; App. D's 22σ₁³η² ≤ ε²/(c²d) as printed)",
  dimensions: 'd ∈ [1, 4], m − d, n − d ∈ [0, 3]; σ₁ ∈ [0.5, 2], σ_d ∈ [0.05σ₁, σ₁]',
} as const;

/** The octaves ‖B‖_F/(e_bdε) is spread over (2^{−30} ≈ 10⁻⁹). */
const B_OCTAVES = 30;

/** ε's largest allowed value (the two conditions of STAGE_ONE_CHOICES.epsilon). */
export function epsilonMax(x: { sigmaValues: readonly number[]; d: number; m: number; n: number; c: number; eb: number }): number {
  const [s1, sd] = [x.sigmaValues[0], x.sigmaValues[x.d - 1]];
  const kappa = s1 / sd;
  return Math.min(Math.sqrt(sd / ((x.m + x.n) * x.d * kappa)) / x.eb, (Math.sqrt(s1) * x.eb * x.d) / (x.c * x.c * (x.m + x.n)));
}

/** App. D's bound on η: 22σ₁³η² ≤ ε²/(c²d) ⇔ η ≤ ε/(c√(22dσ₁³)). */
export function etaAppendixD(x: { sigmaValues: readonly number[]; d: number; c: number; epsilon: number }): number {
  return x.epsilon / (x.c * Math.sqrt(22 * x.d * x.sigmaValues[0] ** 3));
}

/** η's largest allowed value: 1/(16σ₁), and App. D's bound unless `appendixD` is false. */
function etaMax(x: { sigmaValues: readonly number[]; d: number; c: number; epsilon: number }, appendixD = true): number {
  const s = 1 / (16 * x.sigmaValues[0]);
  return appendixD ? Math.min(s, etaAppendixD(x)) : s;
}

/**
 * Options: `etaFactor` pins η = etaFactor·η_max (g above) instead of drawing g (for `--set` and
 * `explore`); `appendixD: false` drops App. D's bound from η_max (for a claim printed where it is not
 * in force); `grid: k` draws every continuous parameter on the grid {0, 1/k, …, 1} of its range (the
 * same ranges and ends) instead of the fine one. A claim whose counterexamples lie on a continuum
 * (a violation that shrinks to zero with P_t or ‖K_t‖) needs it: on the fine grid fast-check shrinks
 * toward a violation of rounding size; on a coarse odd grid the shrunk instance stays a readable,
 * clear failure (an odd k also keeps w = ½, where P_t ≈ 0 for d = 1, off the grid).
 */
export function stageOneState(opts: { etaFactor?: number; appendixD?: boolean; grid?: number } = {}): fc.Arbitrary<StageOneState> {
  const [dLo, dHi] = STAGE_ONE_RANGES.d;
  const [cLo, cHi] = STAGE_ONE_RANGES.complement;
  const k = opts.grid;
  const unit = () => (k === undefined ? unitInterval() : dimension(0, k).map((i) => i / k));
  const range = (lo: number, hi: number) => unit().map((u) => lo + (hi - lo) * u);
  const logRange = (lo: number, hi: number) => unit().map((u) => lo * (hi / lo) ** u);
  const fraction = () => (k === undefined ? fractionOfMax() : dimension(0, k - 1).map((i) => 1 - i / k));
  return fc
    .record({
      d: dimension(dLo, dHi),
      mc: dimension(cLo, cHi),
      nc: dimension(cLo, cHi),
      sigma1: range(...STAGE_ONE_RANGES.sigma1),
      ratio: range(1 / STAGE_ONE_RANGES.kappa[1], 1),
      c: logRange(...STAGE_ONE_RANGES.c),
      r: range(...STAGE_ONE_RANGES.ebOverC),
    })
    .chain(({ d, mc, nc, sigma1, ratio, c, r }) =>
      fc
        .record({
          rest: fc.array(range(ratio * sigma1, sigma1), { minLength: Math.max(0, d - 2), maxLength: Math.max(0, d - 2) }),
          fEps: fraction(),
          q1: orthogonal(d),
          q2: orthogonal(d),
          w: fc.array(unit(), { minLength: d, maxLength: d }),
          gB: gridMatrix(d, d, 2, 8),
          uB: unit(),
          kB: dimension(0, B_OCTAVES),
          gJ: gridMatrix(mc, d, 2, 8),
          uJ: unit(),
          gK: gridMatrix(nc, d, 2, 8),
          uK: unit(),
          fEta: opts.etaFactor === undefined ? fraction() : fc.constant(opts.etaFactor),
        })
        .map(({ rest, fEps, q1, q2, w, gB, uB, kB, gJ, uJ, gK, uK, fEta }) => {
          // σ₁ and σ_d are read back from the sorted values: ratio·σ₁ at ratio = 1 (or an end of
          // `rest`) can round a unit above σ₁.
          const values = d === 1 ? [sigma1] : [sigma1, ...rest, ratio * sigma1].sort((a, b) => b - a);
          const [s1, sigmaD] = [values[0], values[d - 1]];
          const [m, n] = [d + mc, d + nc];
          const eb = r * c;
          const epsilon = fEps * epsilonMax({ sigmaValues: values, d, m, n, c, eb });
          const L = epsilon ** 2 / (c * c * d);
          const rootR = diag(values.map((s) => Math.sqrt(2 * s - L)));
          const S = add(scale(eye(d), L), mul(mul(rootR, withSpectrum(q1, w)), rootR));
          const A = mul(
            symmetricFunction(S, (l) => Math.sqrt(Math.max(0, l))),
            q2,
          );
          const B = scaledTo(gB, frobenius, (1 - uB) * 2 ** -kB * eb * d * epsilon);
          const J = mc === 0 ? zeros(0, d) : scaledTo(gJ, opNorm, (1 - uJ) * c * epsilon * Math.sqrt(Math.max(mc, d)));
          const K = nc === 0 ? zeros(0, d) : scaledTo(gK, opNorm, (1 - uK) * c * epsilon * Math.sqrt(Math.max(nc, d)));
          const eta = fEta * etaMax({ sigmaValues: values, d, c, epsilon }, opts.appendixD ?? true);
          return {
            m,
            n,
            d,
            sigma: diag(values, m, n),
            sigmaValues: values,
            U: vstack(add(A, B), J),
            V: vstack(sub(A, B), K),
            eta,
            sigma1: s1,
            sigmaD,
            epsilon,
            c,
            eb,
          };
        }),
    );
}
