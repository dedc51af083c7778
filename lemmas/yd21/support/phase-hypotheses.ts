/**
 * The hypotheses of YD21's trajectory theorems (Theorem 1.1, Theorem 3.1, §3.3, (16)–(17), Remark 1.2,
 * §2.2, (8)–(9) along trajectories) over lemmas/yd21/support/phase-instances.ts's PhaseInstance, recomputed from
 * the instance's numbers and initial matrices:
 *
 *   the frame of §2.1: Σ = diag(σ₁, …, σ_d) padded to m×n;
 *   §3.1's initialisation: 𝐔₀, 𝐕₀ (i.i.d. N(0, ε²) by construction; the predicate checks what can be
 *     checked of one draw) in §3.1's high-probability event with the instance's constant c —
 *     σ_min(A₀) > ε/(c√d), σ_max(A₀) < cε√d, ‖B₀‖_F < cεd, ‖J₀‖ < cε√max{m′,d}, ‖K₀‖ < cε√max{n′,d}
 *     (recomputed from 𝐔₀, 𝐕₀);
 *   the step-size regime: Theorem 3.1's (Theorem 1.1's) ε = Õ(σ_d/√(d³σ₁(m+n))), η = O(σ_dε²/(dσ₁³))
 *     with the O-constants of the claims' `choices`, or the practical η ≤ 1/(16σ₁).
 */
import { hypothesis, type Hypothesis, leq, standing } from '../../../src/claims/hypotheses.ts';
import { initialisationConstant } from './phases.ts';
import type fc from 'fast-check';
import { C_INIT_MAX, PHASE_SIZES, type PhaseInstance, type PhaseSizes, phaseInstances, phaseSizes, type Regime } from './phase-instances.ts';
import { hasShape } from '../../../src/hypotheses/matrix.ts';

/** ε's scale σ_d/√(d³σ₁(m+n)) of Theorem 1.1 (f_ε = ε over it). */
const epsilonScale = (x: PhaseInstance) => x.sigmaD / Math.sqrt(x.d ** 3 * x.sigma1 * (x.m + x.n));
/** η's scale σ_dε²/(dσ₁³) of Theorem 1.1 (f_η = η over it). */
const etaScale = (x: PhaseInstance) => (x.sigmaD * x.epsilon ** 2) / (x.d * x.sigma1 ** 3);

/** The frame, §3.1's initialisation and the regime's ε and η, with the regime's sizes as coordinates. */
export function phaseHypotheses(regime: Regime, sizes: PhaseSizes = PHASE_SIZES.default): ReadonlyArray<Hypothesis<PhaseInstance>> {
  const { maxD, maxMN, maxKappa } = phaseSizes(regime, sizes);
  const theorem = regime === 'theorem';
  // A theorem-regime claim checks 6–12 trajectories of up to 10⁷ steps each: with d uniform on three
  // values (κ = 1 whenever d = 1) one value can take half of so few instances by chance.
  const few = theorem
    ? {
        concentrated:
          'the theorem regime checks 6–12 trajectories (up to 10⁷ GD steps each); d is uniform on [1, 3] and κ = 1 when d = 1, so one value may take half of so few instances by chance',
      }
    : {};
  const frame = hypothesis<PhaseInstance>(
    'sigma-frame',
    'Σ = diag(σ₁, …, σ_d) padded to m×n, σ₁ ≥ … ≥ σ_d > 0, d ≤ min(m, n) (the frame of §2.1)',
    (x) =>
      x.values.length === x.d &&
      x.d >= 1 &&
      x.d <= Math.min(x.m, x.n) &&
      x.values.every((v, i) => v > 0 && Number.isFinite(v) && (i === 0 || v <= x.values[i - 1])) &&
      x.sigma1 === x.values[0] &&
      x.sigmaD === x.values[x.d - 1] &&
      x.kappa === x.sigma1 / x.sigmaD,
    {
      coordinates: {
        d: { value: (x) => x.d, domain: [1, maxD], ...few },
        m: { value: (x) => x.m, domain: [1, maxMN], ...few },
        n: { value: (x) => x.n, domain: [1, maxMN], ...few },
        'm − n': { value: (x) => x.m - x.n, domain: [1 - maxMN, maxMN - 1], ...few },
        κ: { value: (x) => x.kappa, domain: [1, maxKappa], ...few },
      },
    },
  );
  const init = hypothesis<PhaseInstance>(
    'init-3.1',
    "𝐔₀ ∈ ℝ^{m×d}, 𝐕₀ ∈ ℝ^{n×d} with i.i.d. N(0, ε²) entries (§3.1), in §3.1's event with constant c: σ_min(A₀) > ε/(c√d), σ_max(A₀) < cε√d, ‖B₀‖_F < cεd, ‖J₀‖_op < cε√max{m′,d}, ‖K₀‖_op < cε√max{n′,d}",
    (x) =>
      hasShape(x.U0, x.m, x.d) &&
      hasShape(x.V0, x.n, x.d) &&
      x.epsilon > 0 &&
      x.c <= C_INIT_MAX &&
      leq(initialisationConstant(x.U0, x.V0, x.epsilon), x.c, Math.max(x.m, x.n)),
    {
      tolerance: 'relative 64·γ_max(m,n) (the measured constant is recomputed from 𝐔₀, 𝐕₀)',
      coordinates: { c: { value: (x) => x.c, domain: [1, C_INIT_MAX] } },
    },
  );
  const regimeHypotheses = theorem
    ? [
        hypothesis<PhaseInstance>(
          'epsilon-thm',
          'ε = Õ(σ_d/√(d³σ₁(m+n))) (Theorems 1.1, 3.1): ε ≤ 0.3·σ_d/√(d³σ₁(m+n)) (the O-constant of `choices`)',
          (x) => x.epsilon > 0 && leq(x.epsilon, 0.3 * epsilonScale(x), 1),
          { coordinates: { f_ε: { value: (x) => x.epsilon / epsilonScale(x), domain: [0.2, 0.3] } } },
        ),
        hypothesis<PhaseInstance>(
          'eta-thm',
          'η = O(σ_dε²/(dσ₁³)) (Theorems 1.1, 3.1): 0 < η ≤ σ_dε²/(dσ₁³) (the O-constant of `choices`)',
          (x) => x.eta > 0 && leq(x.eta, etaScale(x), 1),
          { coordinates: { f_η: { value: (x) => x.eta / etaScale(x), domain: [0.5, 1] } } },
        ),
      ]
    : [
        hypothesis<PhaseInstance>('epsilon-practical', 'ε ≤ 0.3·σ_d/√(d³σ₁(m+n))', (x) => x.epsilon > 0 && leq(x.epsilon, 0.3 * epsilonScale(x), 1), {
          coordinates: { f_ε: { value: (x) => x.epsilon / epsilonScale(x), domain: [0.05, 0.3] } },
        }),
        hypothesis<PhaseInstance>(
          'eta-practical',
          "0 < η ≤ 1/(16σ₁) (§3.2.3's largest step; not O(σ_dε²/(dσ₁³)))",
          (x) => x.eta > 0 && leq(x.eta, 1 / (16 * x.sigma1), 1),
          {
            coordinates: { '16σ₁η': { value: (x) => 16 * x.sigma1 * x.eta, domain: [0.5, 1] } },
          },
        ),
      ];
  return [frame, ...standing(theorem ? 'YD21 Theorem 3.1 regime' : 'YD21 practical regime (η = g/(16σ₁))', [init, ...regimeHypotheses])];
}

/**
 * The theorem regime at `--profile thorough`'s sizes (PHASE_SIZES.thorough: d ≤ 4, m, n ≤ 10, κ ≤ 3):
 * the `profiles` entry of every theorem-regime claim (the same predicates, the coordinates' domains
 * at those sizes).
 */
export function phaseProfiles(
  regime: Regime,
): { readonly thorough: { readonly instances: fc.Arbitrary<PhaseInstance>; readonly hypotheses: ReadonlyArray<Hypothesis<PhaseInstance>> } } | undefined {
  return regime === 'theorem'
    ? { thorough: { instances: phaseInstances('theorem', {}, PHASE_SIZES.thorough), hypotheses: phaseHypotheses('theorem', PHASE_SIZES.thorough) } }
    : undefined;
}
