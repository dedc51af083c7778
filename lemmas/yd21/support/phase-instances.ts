/**
 * Instances for YD21's trajectory theorems (Theorem 1.1, Theorem 3.1, §3.3, (16)–(17), Remark 1.2,
 * §2.2): Σ diagonal of rank d, a Gaussian initialisation of scale ε in §3.1's high-probability event,
 * and a step size in one of two regimes, with the O(·) constants the theorems hide chosen here:
 *
 *   theorem:   ε = f_ε·σ_d/√(d³σ₁(m+n))  (Theorem 1.1's ε = Õ(σ_d/√(d³σ₁(m+n))), O-constant f_ε),
 *              η = f_η·σ_dε²/(dσ₁³)      (Theorem 1.1's η = O(σ_dε²/(dσ₁³)), O-constant f_η);
 *   practical: the same ε, η = g/(16σ₁) (§3.2.3's largest step, g ≤ 1) — the regime the issue asks
 *              about: which conclusions survive a step size that is not O(ε²).
 *
 * The initialisation is restricted to §3.1's event with c ≤ C_INIT_MAX (re-drawn deterministically
 * from the seed otherwise, see gaussianInitialisation): C_INIT_MAX = 16 is the 0.9-quantile of the
 * smallest c measured by `yd21.sec-3.1.init` (13–16 for d = 1…10). Each instance carries its own
 * measured c, which the checks use ("measure the constant c of §3.1 from each initialisation").
 *
 * The theorem regime is expensive (η ∝ ε², so T_scale ∝ d⁴κ⁴(m + n)/σ_d·ln(…)): its sizes are a
 * parameter, PHASE_SIZES.default (d ≤ 3, m, n ≤ 6, κ ≤ 2) for the default profile and
 * PHASE_SIZES.thorough (d ≤ 4, m, n ≤ 10, κ ≤ 3); f_ε ∈ [0.2, 0.3], f_η ∈ [0.5, 1]; states are
 * recorded every ⌈T_scale/400⌉ steps, where T_scale = (1/(ησ_d))·ln(dσ_d/ε²) is Theorem 3.1's scale of T₀.
 * m − d and n − d are drawn independently over [0, maxMN − d] (m ≠ n in most instances), κ uniform
 * on [1, maxKappa] with Σ's middle values spread between σ_d and σ₁ (d = 1 has κ = 1).
 */
import fc from 'fast-check';
import type { Mat } from '../../../src/linalg/dense.ts';
import { gaussianInitialisation, type PhaseRunSpec } from './phases.ts';
import { dimension, inRange, seed, spectrum } from '../../../src/random/arbitraries.ts';

export type Regime = 'theorem' | 'practical';

/** The largest §3.1 constant an initialisation may need (see the module comment). */
export const C_INIT_MAX = 16;

/** Recorded states per T_scale. */
export const SAMPLES_PER_SCALE = 400;

export interface PhaseInstance {
  readonly regime: Regime;
  readonly values: readonly number[];
  readonly d: number;
  readonly m: number;
  readonly n: number;
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly kappa: number;
  readonly epsilon: number;
  readonly eta: number;
  /** The §3.1 constant measured from this initialisation (≤ C_INIT_MAX). */
  readonly c: number;
  readonly U0: Mat;
  readonly V0: Mat;
  /** Theorem 3.1's scale of T₀: (1/(ησ_d))·ln(dσ_d/ε²). */
  readonly scaleT0: number;
  /** The recording stride. */
  readonly every: number;
  readonly seed: number;
}

/** The sizes a regime draws: d ∈ [1, maxD], m, n ∈ [d, maxMN], κ ∈ [1, maxKappa]. */
export interface PhaseSizes {
  readonly maxD: number;
  readonly maxMN: number;
  readonly maxKappa: number;
}

/** Theorem-regime sizes per profile (the practical regime is cheap: d ≤ 4, m, n ≤ 10, κ ≤ 4 always). */
export const PHASE_SIZES = {
  default: { maxD: 3, maxMN: 6, maxKappa: 2 },
  thorough: { maxD: 4, maxMN: 10, maxKappa: 3 },
} as const satisfies Record<string, PhaseSizes>;

const PRACTICAL_COMPLEMENT = 6;
const PRACTICAL_SIZES: PhaseSizes = { maxD: 4, maxMN: 4 + PRACTICAL_COMPLEMENT, maxKappa: 4 };

/** The sizes of a regime (theorem: the given profile's). */
export function phaseSizes(regime: Regime, sizes: PhaseSizes = PHASE_SIZES.default): PhaseSizes {
  return regime === 'theorem' ? sizes : PRACTICAL_SIZES;
}

export const PHASE_CHOICES: Record<Regime, Readonly<Record<string, string>>> = {
  theorem: {
    epsilon: "ε = f_ε·σ_d/√(d³σ₁(m+n)), f_ε ∈ [0.2, 0.3] (the O-constant of Theorem 1.1's ε)",
    eta: "η = f_η·σ_dε²/(dσ₁³), f_η ∈ [0.5, 1] (the O-constant of Theorem 1.1's η)",
    c: `c measured from each initialisation; initialisations restricted to c ≤ ${C_INIT_MAX} (§3.1's event, 0.9-quantile of yd21.sec-3.1.init)`,
    dimensions: `d ∈ [1, ${PHASE_SIZES.default.maxD}], m, n ∈ [d, ${PHASE_SIZES.default.maxMN}] independently, σ₁ ∈ [0.5, 2], κ = σ₁/σ_d ∈ [1, ${PHASE_SIZES.default.maxKappa}] (default profile; PHASE_SIZES.thorough: d ≤ ${PHASE_SIZES.thorough.maxD}, m, n ≤ ${PHASE_SIZES.thorough.maxMN}, κ ≤ ${PHASE_SIZES.thorough.maxKappa})`,
    recording: `every ⌈T_scale/${SAMPLES_PER_SCALE}⌉ steps, T_scale = (1/(ησ_d))ln(dσ_d/ε²)`,
  },
  practical: {
    epsilon: 'ε = f_ε·σ_d/√(d³σ₁(m+n)), f_ε ∈ [0.05, 0.3]',
    eta: 'η = g/(16σ₁), g ∈ [0.5, 1] (not O(ε²): the practical regime)',
    c: `c measured from each initialisation; initialisations restricted to c ≤ ${C_INIT_MAX}`,
    dimensions: 'd ∈ [1, 4], m − d, n − d ∈ [0, 6], σ₁ ∈ [0.5, 2], κ = σ₁/σ_d ∈ [1, 4]',
    recording: 'every step',
  },
};

/** Instances of the regime; `fixed.epsFactor` / `fixed.etaFactor` pin f_ε and f_η (or g). */
export function phaseInstances(
  regime: Regime,
  fixed: Readonly<Record<string, number>> = {},
  sizes: PhaseSizes = PHASE_SIZES.default,
): fc.Arbitrary<PhaseInstance> {
  const theorem = regime === 'theorem';
  const { maxD, maxMN, maxKappa } = phaseSizes(regime, sizes);
  const rest = {
    sigma1: inRange(0.5, 2),
    kappa: inRange(1, maxKappa),
    fEps: fixed.epsFactor === undefined ? inRange(theorem ? 0.2 : 0.05, 0.3).map((v) => (theorem ? 0.5 - v : 0.35 - v)) : fc.constant(fixed.epsFactor),
    fEta: fixed.etaFactor === undefined ? inRange(0.5, 1).map((v) => 1.5 - v) : fc.constant(fixed.etaFactor),
    s: seed(),
  };
  // The practical regime keeps its draw (d ∈ [1, 4], m − d, n − d ∈ [0, 6], one record: the same
  // instances per seed as before); the theorem regime draws d first so that m, n ≤ maxMN.
  const drawn = theorem
    ? dimension(1, maxD).chain((d) => fc.record({ d: fc.constant(d), mc: dimension(0, maxMN - d), nc: dimension(0, maxMN - d), ...rest }))
    : fc.record({ d: dimension(1, maxD), mc: dimension(0, PRACTICAL_COMPLEMENT), nc: dimension(0, PRACTICAL_COMPLEMENT), ...rest });
  return drawn
    .chain((p) => spectrum(Math.max(0, p.d - 2), p.sigma1 / p.kappa, p.sigma1).map((rest) => ({ ...p, rest })))
    .map(({ d, mc, nc, sigma1, kappa, fEps, fEta, s, rest }) => {
      const sigmaD = sigma1 / kappa;
      // lo + (hi − lo)·u can round a unit past hi: the middle values are clamped into [σ_d, σ₁].
      const values = d === 1 ? [sigma1] : [sigma1, ...rest.map((v) => Math.min(sigma1, Math.max(sigmaD, v))), sigmaD];
      const [m, n] = [d + mc, d + nc];
      const epsilon = (fEps * (d === 1 ? sigma1 : sigmaD)) / Math.sqrt(d ** 3 * sigma1 * (m + n));
      const sd = d === 1 ? sigma1 : sigmaD;
      const eta = theorem ? (fEta * sd * epsilon ** 2) / (d * sigma1 ** 3) : fEta / (16 * sigma1);
      const init = gaussianInitialisation(m, n, d, epsilon, String(s), C_INIT_MAX);
      const scaleT0 = Math.log((d * sd) / epsilon ** 2) / (eta * sd);
      return {
        regime,
        values,
        d,
        m,
        n,
        sigma1,
        sigmaD: sd,
        kappa: sigma1 / sd,
        epsilon,
        eta,
        c: init.c,
        U0: init.U0,
        V0: init.V0,
        scaleT0,
        every: theorem ? Math.max(1, Math.ceil(scaleT0 / SAMPLES_PER_SCALE)) : 1,
        seed: s,
      };
    });
}

/** T₀ is looked for within this many T_scale (Theorem 3.1's O-constant C_T of the claims is at most this). */
export const STAGE_ONE_HORIZON = 4;

/** The stage-two horizon after T₀: H₂ = ln(10³)/(ησ_d) (the bound (1 − ησ_d/2)^t of §3.3 falls by e^{−3.45}). */
function stageTwoSteps(x: PhaseInstance): number {
  return Math.ceil(Math.log(1e3) / (x.eta * x.sigmaD));
}

/**
 * The run of an instance: stage one (stop at T₀, searched for within `horizon`·T_scale steps) or
 * through stage two (T₀ and H₂ more steps), recorded at the instance's stride.
 */
export function phaseRunSpec(x: PhaseInstance, through: 'T0' | 'stage two', horizon = STAGE_ONE_HORIZON): PhaseRunSpec {
  const H2 = through === 'T0' ? 0 : stageTwoSteps(x);
  return {
    values: x.values,
    m: x.m,
    n: x.n,
    U0: x.U0,
    V0: x.V0,
    epsilon: x.epsilon,
    eta: x.eta,
    iters: Math.ceil(horizon * x.scaleT0) + H2,
    every: x.every,
    afterT0: H2,
  };
}
