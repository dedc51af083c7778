/**
 * States satisfying the assumptions of YD21 stage one (§3.1, §3.2.1, §3.2.3–3.2.4) by construction,
 * in the diagonal frame of §2.1, with the constants the paper leaves free chosen explicitly:
 *
 *   c = 1, e_b = 2c (footnote 6), and
 *   (1) ε²/(c²d)·I ⪯ AAᵀ ⪯ 2Σ:      A = Σ^{1/2} Q₁ diag(w) Q₂ᵀ, w ∈ [ε/(c√(dσ_d)), √2];
 *   (2) ‖B‖_F ≤ e_b d ε:            B = ρ·e_b d ε·G/‖G‖_F (G a grid matrix, ρ ∈ [0, 1]);
 *   ‖J‖_op ≤ cε√max(m′, d), ‖K‖_op ≤ cε√max(n′, d) (§3.1 / Theorem 3.1): J, K scaled likewise;
 *   ε = f·min(√(σ_d/((m + n)dκ))/e_b, √σ₁e_bd/(c²(m + n))), f ∈ (0, 1]: the first is §3.2.4's
 *     "e_b²ε² = O(σ_d/((m + n)dκ))" with the O-constant 1 (it gives ‖B‖ ≤ √(σ_d/2) ≤ √(2σ₁)), the
 *     second the condition under (21);
 *   η = g·min(1/(16σ₁), ε/(c√(44dσ₁³))), g ∈ (0, 1]: §3.2.3's η ≤ 1/(16σ₁), and App. D's
 *     "22σ₁³η² ≤ ε²/(c²d)" tightened by ½ so that the square root in (15)/(20) has a positive argument.
 *
 * d ∈ [1, 4], m′ = m − d and n′ = n − d in [0, 3], σ₁ ∈ [0.5, 2], σ_d ∈ [0.05σ₁, σ₁].
 */
import fc from 'fast-check';
import { add, diag, frobenius, type Mat, mul, scale, sub, transpose, vstack, zeros } from '../linalg/dense.ts';
import { opNorm } from '../linalg/spectral.ts';
import { fractionOfMax, gridMatrix, inRange, orthogonal, spectrum, unitInterval, dimension } from './arbitraries.ts';
import type { DiagonalState } from './instances.ts';

export interface StageOneState extends DiagonalState {
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly epsilon: number;
  readonly c: number;
  readonly eb: number;
}

export const STAGE_ONE_CONSTANTS = { c: 1, eb: 2 } as const;

export const STAGE_ONE_CHOICES = {
  c: 'c = 1 (the constant of §3.1; any c > 0 scales ε)',
  e_b: 'e_b = 2c (footnote 6)',
  epsilon: 'ε = f·min(√(σ_d/((m+n)dκ))/e_b, √σ₁e_bd/(c²(m+n))), f ∈ (0, 1] (§3.2.4 with its O-constant 1; the condition under (21))',
  eta: 'η = g·min(1/(16σ₁), ε/(c√(44dσ₁³))), g ∈ (0, 1] (§3.2.3; App. D\'s 22σ₁³η² ≤ ε²/(c²d) tightened by ½)',
  dimensions: 'd ∈ [1, 4], m − d, n − d ∈ [0, 3]; σ₁ ∈ [0.5, 2], σ_d ∈ [0.05σ₁, σ₁]',
} as const;

export const STAGE_ONE_HYPOTHESES = [
  'Σ diagonal of rank d (the frame of §2.1), σ₁ ≥ … ≥ σ_d > 0',
  '(1) of §3.2.1: ε²/(c²d)·I ⪯ AAᵀ ⪯ 2Σ',
  '(2) of §3.2.1: ‖B‖_F ≤ e_b d ε',
  '‖J‖_op ≤ cε√max(m′, d), ‖K‖_op ≤ cε√max(n′, d) (Theorem 3.1)',
  'e_b²ε² ≤ σ_d/((m+n)dκ) (§3.2.4) and ε ≤ √σ₁e_bd/(c²(m+n)) (under (21))',
  '0 < η ≤ 1/(16σ₁) and 22σ₁³η² ≤ ε²/(2c²d) (§3.2.3, App. D)',
] as const;

/** G scaled to the given norm (norm(G) = target); the zero matrix stays zero. */
function scaledTo(g: Mat, norm: (m: Mat) => number, target: number): Mat {
  const n = norm(g);
  return n === 0 ? g : scale(g, target / n);
}

export function stageOneState(): fc.Arbitrary<StageOneState> {
  const { c, eb } = STAGE_ONE_CONSTANTS;
  return fc
    .record({
      d: dimension(1, 4),
      mc: dimension(0, 3),
      nc: dimension(0, 3),
      sigma1: inRange(0.5, 2),
      ratio: inRange(0.05, 1),
    })
    .chain(({ d, mc, nc, sigma1, ratio }) =>
      fc
        .record({
          rest: spectrum(Math.max(0, d - 2), ratio * sigma1, sigma1),
          fEps: fractionOfMax(),
          q1: orthogonal(d),
          q2: orthogonal(d),
          wUnit: spectrum(d, 0, 1),
          gB: gridMatrix(d, d, 2, 8),
          rhoB: unitInterval(),
          gJ: gridMatrix(mc, d, 2, 8),
          rhoJ: unitInterval(),
          gK: gridMatrix(nc, d, 2, 8),
          rhoK: unitInterval(),
          fEta: fractionOfMax(),
        })
        .map(({ rest, fEps, q1, q2, wUnit, gB, rhoB, gJ, rhoJ, gK, rhoK, fEta }) => {
          const values = d === 1 ? [sigma1] : [sigma1, ...rest, ratio * sigma1].sort((a, b) => b - a);
          const sigmaD = values[d - 1];
          const [m, n] = [d + mc, d + nc];
          const kappa = sigma1 / sigmaD;
          const epsilon = fEps * Math.min(Math.sqrt(sigmaD / ((m + n) * d * kappa)) / eb, (Math.sqrt(sigma1) * eb * d) / (c * c * (m + n)));
          const wLo = epsilon / (c * Math.sqrt(d * sigmaD));
          const w = wUnit.map((u) => wLo + (Math.SQRT2 - wLo) * u);
          const A = mul(mul(diag(values.map(Math.sqrt)), mul(q1, diag(w))), transpose(q2));
          const B = scaledTo(gB, frobenius, rhoB * eb * d * epsilon);
          const J = mc === 0 ? zeros(0, d) : scaledTo(gJ, opNorm, rhoJ * c * epsilon * Math.sqrt(Math.max(mc, d)));
          const K = nc === 0 ? zeros(0, d) : scaledTo(gK, opNorm, rhoK * c * epsilon * Math.sqrt(Math.max(nc, d)));
          const eta = fEta * Math.min(1 / (16 * sigma1), epsilon / (c * Math.sqrt(44 * d * sigma1 ** 3)));
          return {
            m,
            n,
            d,
            sigma: diag(values, m, n),
            sigmaValues: values,
            U: vstack(add(A, B), J),
            V: vstack(sub(A, B), K),
            eta,
            sigma1,
            sigmaD,
            epsilon,
            c,
            eb,
          };
        }),
    );
}

