/**
 * The hypotheses of YD21 App. B's symmetric full-rank gradient flow (U = V = A, S = AAᵀ,
 * Ṡ = (Σ − S)S + S(Σ − S), P = Σ − S), over src/random/flow-instances.ts's SymmetricFlowInstance.
 */
import { hypothesis, type Hypothesis } from '../claims/hypotheses.ts';
import { sub } from '../linalg/dense.ts';
import { lambdaMax, lambdaMin, sigmaMin } from '../linalg/spectral.ts';
import type { SymmetricFlowInstance } from '../random/flow-instances.ts';
import { equalWithin, isPositiveDefinite } from './matrix.ts';

const sigmaPositiveDefinite = hypothesis<SymmetricFlowInstance>(
  'sigma-positive-definite',
  'Σ ∈ ℝ^{d×d} symmetric positive definite (App. B: symmetric, full rank)',
  (x) => x.Sigma.rows === x.d && isPositiveDefinite(x.Sigma),
  {
    coordinates: {
      d: { value: (x) => x.d, domain: [1, 4] },
      'κ(Σ)': { value: (x) => lambdaMax(x.Sigma) / lambdaMin(x.Sigma), domain: [1, 4] },
    },
  },
);

const checkpoints = hypothesis<SymmetricFlowInstance>(
  'times-positive',
  'checkpoints 0 < t₁ < … (the flow from t = 0)',
  (x) => x.times.length > 0 && x.times.every((t, i) => t > 0 && Number.isFinite(t) && (i === 0 || t > x.times[i - 1])),
  { coordinates: { 't_end·λ_max(Σ)': { value: (x) => x.times[x.times.length - 1] * lambdaMax(x.Sigma), domain: [0.125, 4] } } },
);

/** (24)–(26): S₀ positive definite (S⁻¹ exists along the flow). */
export const S_CLOSED_FORM: ReadonlyArray<Hypothesis<SymmetricFlowInstance>> = [
  sigmaPositiveDefinite,
  hypothesis<SymmetricFlowInstance>('s0-positive-definite', 'S₀ = A₀A₀ᵀ positive definite (A₀ of full rank)', (x) => isPositiveDefinite(x.S0), {
    coordinates: { 'λ_min(S₀)/λ_min(Σ)': { value: (x) => lambdaMin(x.S0) / lambdaMin(x.Sigma), domain: [0.05, 3] } },
  }),
  checkpoints,
];

/** (27): P₀ := Σ − S₀ invertible (needed for P₀⁻¹; unstated in the paper). */
export const P_CLOSED_FORM: ReadonlyArray<Hypothesis<SymmetricFlowInstance>> = [
  sigmaPositiveDefinite,
  hypothesis<SymmetricFlowInstance>('p0-definition', 'P₀ := Σ − S₀', (x) => equalWithin(x.P0, sub(x.Sigma, x.S0)), {
    tolerance: 'relative 16γ_d (the identity tolerance)',
  }),
  hypothesis<SymmetricFlowInstance>('p0-invertible', 'P₀ invertible (unstated, needed for P₀⁻¹ in (27)); definite or indefinite', (x) => sigmaMin(x.P0) > 0, {
    coordinates: { 'σ_min(P₀)/λ_min(Σ)': { value: (x) => sigmaMin(x.P0) / lambdaMin(x.Sigma), domain: [0, 2] } },
  }),
  checkpoints,
];
