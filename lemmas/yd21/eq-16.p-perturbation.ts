/**
 * YD21 (16), (17), main text §3.2.4 (same in the preprint):
 *
 *   "P_{t+1} = (I − η(Σ − P_t))P_t(I − η(Σ − P_t)) + E_t,   (16)
 *    where E_t is a matrix with operator norm less than
 *    O(η²σ₁³ + ηe_b²ε²(m+n)dσ₁ + η²σ₁²e_b²d²ε²). …
 *    Because P₀ is initially positive, we know that λ_d(P_t) ≥ −O(e_b²ε²(m+n)dκ).   (17)"
 *
 * Checked along the stage-one trajectories of `yd21.thm-3.1.stage-one` (theorem regime, same
 * instances), at every recorded step t ≤ T₀: E_t is computed from the state at t and one more GD
 * step, as the difference of the two sides of (16), and compared with the printed order with its
 * O-constant chosen as C_E = 1; (17) with C₁₇ = 1. e_b = 2c (footnote 6), c measured from the
 * initialisation. The witnesses report the O-constants each trajectory needs (slack table).
 */
import { atLeast, atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { deriveABSP, splitBlocks } from '../../src/gd/blocks.ts';
import { gdStep } from '../../src/gd/trajectory.ts';
import { memoPhases, runPhasesWith } from './support/phases.ts';
import { phaseHypotheses, phaseProfiles } from './support/phase-hypotheses.ts';
import { combine, eye, mul, sub } from '../../src/linalg/dense.ts';
import { opNorm } from '../../src/linalg/spectral.ts';
import { PHASE_CHOICES, type PhaseInstance, phaseInstances, phaseRunSpec } from './support/phase-instances.ts';

interface Step {
  readonly t: number;
  readonly normE: number;
  readonly lambdaMinP: number;
}

/** Per recorded t ≤ T₀: ‖E_t‖_op (from the state at t and one more GD step) and λ_d(P_t). */
function perturbations(x: PhaseInstance): Step[] {
  const I = eye(x.d);
  const spec = phaseRunSpec(x, 'T0');
  const run = memoPhases('yd21.eq-16', spec, () =>
    runPhasesWith(
      spec,
      ({ sigma, U, V }) => {
        const b = splitBlocks(sigma, U, V);
        const { P } = deriveABSP(b);
        const next = gdStep(sigma, U, V, x.eta);
        const P1 = deriveABSP(splitBlocks(sigma, next.U, next.V)).P;
        const F = combine([1, I], [-x.eta, sub(b.Sigma, P)]);
        return opNorm(sub(P1, mul(mul(F, P), F)));
      },
      ['lambdaMinP'],
    ),
  );
  return run.samples.map((s) => ({ t: s.t, normE: s.extra, lambdaMinP: s.lambdaMinP }));
}

/** The printed order of ‖E_t‖: η²σ₁³ + ηe_b²ε²(m+n)dσ₁ + η²σ₁²e_b²d²ε². */
function orderE(x: PhaseInstance): number {
  const eb = 2 * x.c;
  const { eta, sigma1: s1, epsilon: e, m, n, d } = x;
  return eta ** 2 * s1 ** 3 + eta * eb ** 2 * e ** 2 * (m + n) * d * s1 + eta ** 2 * s1 ** 2 * eb ** 2 * d ** 2 * e ** 2;
}

/** The printed order of −λ_d(P_t) in (17): e_b²ε²(m+n)dκ. */
function order17(x: PhaseInstance): number {
  return (2 * x.c) ** 2 * x.epsilon ** 2 * (x.m + x.n) * x.d * x.kappa;
}

function check(x: PhaseInstance, k: { CE: number; C17: number }): Comparison[] {
  const steps = perturbations(x);
  const worstE = steps.reduce((a, b) => (b.normE > a.normE ? b : a));
  const worstP = steps.reduce((a, b) => (b.lambdaMinP < a.lambdaMinP ? b : a));
  return [
    atMost(`(16) ‖E_t‖_op ≤ C_E·(η²σ₁³ + ηe_b²ε²(m+n)dσ₁ + η²σ₁²e_b²d²ε²) (worst t = ${worstE.t})`, worstE.normE, k.CE * orderE(x), orderE(x)),
    atLeast(`(17) λ_d(P_t) ≥ −C₁₇·e_b²ε²(m+n)dκ (worst t = ${worstP.t})`, worstP.lambdaMinP, -k.C17 * order17(x), order17(x)),
  ];
}

export const pPerturbation = defineClaim<PhaseInstance>({
  id: 'yd21.eq-16.p-perturbation',
  source: { paper: 'YD21', where: '(16), (17)' },
  kind: 'trajectory',
  statement:
    'P_{t+1} = (I − η(Σ−P_t))P_t(I − η(Σ−P_t)) + E_t with ‖E_t‖_op ≤ O(η²σ₁³ + ηe_b²ε²(m+n)dσ₁ + η²σ₁²e_b²d²ε²) (16); λ_d(P_t) ≥ −O(e_b²ε²(m+n)dκ) (17), for t ≤ T₀',
  // (16), (17) are printed inside stage one in Theorem 3.1's regime; e_b = 2c (footnote 6) is a choice.
  hypotheses: phaseHypotheses('theorem'),
  choices: {
    ...PHASE_CHOICES.theorem,
    e_b: 'e_b = 2c (footnote 6), c measured from the initialisation',
    C_E: '1 (the O-constant of ‖E_t‖)',
    C_17: '1 (the O-constant of (17))',
    steps: 't ≤ T₀ at the recording stride; E_t from the state at t and one more GD step',
  },
  constants: {
    CE: { printed: () => 1, formula: '1 (chosen O-constant of (16))' },
    C17: { printed: () => 1, formula: '1 (chosen O-constant of (17))' },
  },
  instances: phaseInstances('theorem'),
  profiles: phaseProfiles('theorem'),
  size: (x) => Math.max(x.m, x.n),
  check: (x, k) => check(x, { CE: k.CE, C17: k.C17 }),
  witness: {
    CE: (x) => Math.max(...perturbations(x).map((s) => s.normE)) / orderE(x),
    C17: (x) => -Math.min(...perturbations(x).map((s) => s.lambdaMinP)) / order17(x),
  },
  expected: 'holds',
  sabotage: { description: 'E_t dropped from (16) (C_E = 0)', constants: { CE: () => 0 } },
  runs: 8,
  // Each audited instance is a trajectory of up to 10⁷ steps at the theorem regime's sizes.
  auditBudget: 8,
});
