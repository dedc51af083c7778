/**
 * The hypotheses of YD21's identities in the diagonal frame of §2.1 (any factors, any η > 0), over
 * src/random/instances.ts's DiagonalState. Coordinates cover what the builder draws.
 */
import { hypothesis, type Hypothesis } from '../claims/hypotheses.ts';
import type { DiagonalState } from '../random/instances.ts';
import { DIAGONAL_STATE_DEFAULTS, type DiagonalStateOptions } from '../random/instances.ts';
import { hasShape, isDiagonalRank } from './matrix.ts';

/** Σ diagonal of rank d, 𝐔 m×d and 𝐕 n×d, and (for a statement about a GD step) η > 0, with the
 *  builder's ranges as coordinates. */
export function diagonalStateHypotheses(opts: DiagonalStateOptions = {}, step = true): Hypothesis<DiagonalState>[] {
  const o = { ...DIAGONAL_STATE_DEFAULTS, ...opts };
  const sigma1 = (x: DiagonalState) => x.sigmaValues[0];
  const square = o.maxComplement === 0 ? { concentrated: 'm = n = d by hypothesis (J = K = 0)' } : {};
  const all = [
    hypothesis<DiagonalState>(
      'sigma-diagonal-rank-d',
      'Σ diagonal of rank d: Σ_ii = σ_i (σ₁ ≥ … ≥ σ_d > 0) for i ≤ d, 0 otherwise (the frame of §2.1)',
      (x) => hasShape(x.sigma, x.m, x.n) && isDiagonalRank(x.sigma, x.d) && x.d <= Math.min(x.m, x.n),
      {
        coordinates: {
          d: { value: (x) => x.d, domain: [1, o.maxD] },
          'm − d': { value: (x) => x.m - x.d, domain: [0, o.maxComplement], ...square },
          'n − d': { value: (x) => x.n - x.d, domain: [0, o.maxComplement], ...square },
          κ: { value: (x) => x.sigmaValues[0] / x.sigmaValues[x.d - 1], domain: [1, 20] },
        },
      },
    ),
    hypothesis<DiagonalState>(
      'factor-shapes',
      'any U, V (d×d), J ((m−d)×d), K ((n−d)×d): 𝐔 ∈ ℝ^{m×d}, 𝐕 ∈ ℝ^{n×d}',
      (x) => hasShape(x.U, x.m, x.d) && hasShape(x.V, x.n, x.d),
    ),
    hypothesis<DiagonalState>('eta-positive', 'η > 0', (x) => x.eta > 0 && Number.isFinite(x.eta), {
      coordinates:
        opts.etaTimesSigma1 === undefined
          ? { 'ησ₁': { value: (x) => x.eta * sigma1(x), domain: [0, o.etaMaxTimesSigma1] } }
          : { 'ησ₁': { value: (x) => x.eta * sigma1(x), domain: [opts.etaTimesSigma1, opts.etaTimesSigma1], concentrated: 'η fixed by the claim' } },
    }),
  ];
  return step ? all : all.filter((h) => h.name !== 'eta-positive');
}

/** J = K = 0: 𝐔, 𝐕 have no lower blocks (m = n = d). */
const noLowerBlocks = hypothesis<DiagonalState>('j-k-zero', 'J = K = 0 (m = n = d)', (x) => x.m === x.d && x.n === x.d);

/** The gradient flow of §3.2.5/§3.3 with J = K = 0 at any U, V (η of the instance is only the probe step of a slope). */
export const FLOW_WITHOUT_J_K: ReadonlyArray<Hypothesis<DiagonalState>> = [...diagonalStateHypotheses({ maxComplement: 0 }, false), noLowerBlocks];
