/**
 * Instances of the symmetric full-rank gradient flow of YD21 App. B (U = V = A, S = AAᵀ,
 * Ṡ = (Σ − S)S + S(Σ − S), P = Σ − S), satisfying its hypotheses by construction:
 * Σ = QΛQᵀ symmetric positive definite with Λ in [0.5, 2]; S₀ = Σ^{1/2}WΣ^{1/2} with W = R·diag(w)·Rᵀ,
 * w in [0.05, 3], so S₀ is positive definite (its eigenvalues lie in [0.025, 6]) and S₀ − Σ may be
 * definite or indefinite; P₀ = Σ − S₀ = Σ^{1/2}(I − W)Σ^{1/2}. With `invertibleP0`, w avoids
 * (0.9, 1.1), so P₀ is invertible with ‖P₀⁻¹‖ ≤ 10/λ_min(Σ) ≤ 20 (and still definite or indefinite).
 * Four checkpoints t_end·{1/4, 1/2, 3/4, 1} with t_end in [0.25, 2] (so t·λ_max(Σ) ≤ 4: the
 * exponentials e^{±tΣ} of (26), (27) stay below e⁴ and the closed forms well conditioned).
 */
import fc from 'fast-check';
import { type Mat, mulAll, sub } from '../linalg/dense.ts';
import { inRange, orthogonal, spectrum, unitInterval, withSpectrum, dimension } from './arbitraries.ts';

export interface SymmetricFlowInstance {
  readonly d: number;
  readonly Sigma: Mat;
  readonly S0: Mat;
  readonly P0: Mat;
  /** Increasing checkpoints t > 0. */
  readonly times: number[];
}

/** The ranges of the construction, for the claims' hypotheses and choices. */
export const SYMMETRIC_FLOW_RANGES = {
  lambda: [0.5, 2],
  w: [0.05, 3],
  wGap: [0.9, 1.1],
  tEnd: [0.25, 2],
} as const;

/** w in [0.05, 3], or in [0.05, 0.9] ∪ [1.1, 3] when it must avoid 1 (u ∈ [0, 1] maps monotonically). */
function wValue(u: number, avoidOne: boolean): number {
  const [lo, hi] = SYMMETRIC_FLOW_RANGES.w;
  if (!avoidOne) return lo + (hi - lo) * u;
  const [gapLo, gapHi] = SYMMETRIC_FLOW_RANGES.wGap;
  const v = u * (hi - lo - (gapHi - gapLo));
  return lo + v < gapLo ? lo + v : gapHi + (lo + v - gapLo);
}

export function symmetricFlowInstance(opts: { invertibleP0?: boolean } = {}): fc.Arbitrary<SymmetricFlowInstance> {
  const [lamLo, lamHi] = SYMMETRIC_FLOW_RANGES.lambda;
  const [tLo, tHi] = SYMMETRIC_FLOW_RANGES.tEnd;
  return dimension(1, 4).chain((d) =>
    fc
      .record({
        q: orthogonal(d),
        r: orthogonal(d),
        lambda: spectrum(d, lamLo, lamHi),
        u: fc.array(unitInterval(), { minLength: d, maxLength: d }),
        tEnd: inRange(tLo, tHi),
      })
      .map(({ q, r, lambda, u, tEnd }) => {
        const Sigma = withSpectrum(q, lambda);
        const root = withSpectrum(q, lambda.map(Math.sqrt));
        const S0 = mulAll(
          root,
          withSpectrum(
            r,
            u.map((v) => wValue(v, opts.invertibleP0 ?? false)),
          ),
          root,
        );
        return { d, Sigma, S0, P0: sub(Sigma, S0), times: [1, 2, 3, 4].map((k) => (tEnd * k) / 4) };
      }),
  );
}
