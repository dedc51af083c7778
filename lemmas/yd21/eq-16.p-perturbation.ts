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
 *
 * Scale: each side is written once against BoundOps (`normE`, `orderE`, `order17` below) and
 * evaluated in the magnitude model (src/claims/measured.ts) on the engine's step
 * (src/gd/measured-step.ts measuredDiagonalStep): the comparison's scale is the sum of the two sides'
 * computed magnitudes (boundComparison); the instance's σ₁, ε, κ, c, η are exact constants.
 */
import { type Comparison, normalisedMargin } from '../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps, type MeasuredScalar } from '../../src/claims/measured.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { measuredDiagonalStep } from '../../src/gd/measured-step.ts';
import type { FullStepView } from '../../src/exact/states.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { memoPhases, runPhasesWith } from './support/phases.ts';
import { phaseHypotheses, phaseProfiles } from './support/phase-hypotheses.ts';
import { PHASE_CHOICES, type PhaseInstance, phaseInstances, phaseRunSpec } from './support/phase-instances.ts';

interface Step {
  readonly t: number;
  /** ‖E_t‖_op and λ_d(P_t), with their magnitudes. */
  readonly normE: MeasuredScalar;
  readonly lambdaMinP: MeasuredScalar;
}

/** ‖E_t‖_op, E_t = P_{t+1} − (I − η(Σ − P_t))P_t(I − η(Σ − P_t)) (16): the left side of (16)'s bound. */
function normE<M, S>(A: BoundOps<M, S>, { x, before: s, after }: FullStepView<M, S>): S {
  const F = A.sub(A.eye(x.r), A.scale(x.eta, A.sub(s.Sigma, s.P)));
  return A.opNorm(A.sub(after.P, A.mul(F, s.P, F)));
}

/** The printed order of ‖E_t‖: η²σ₁³ + ηe_b²ε²(m+n)dσ₁ + η²σ₁²e_b²d²ε², e_b = 2c. */
function orderE<M, S>(A: BoundOps<M, S>, x: PhaseInstance): S {
  const { F } = A;
  const product = (...fs: S[]) => fs.reduce(F.mul);
  const [eta, s1, e, eb, d] = [A.constant(x.eta), A.constant(x.sigma1), A.constant(x.epsilon), F.mul(A.int(2), A.constant(x.c)), A.int(x.d)];
  return [product(eta, eta, s1, s1, s1), product(eta, eb, eb, e, e, A.int(x.m + x.n), d, s1), product(eta, eta, s1, s1, eb, eb, d, d, e, e)].reduce(F.add);
}

/** The printed order of −λ_d(P_t) in (17): e_b²ε²(m+n)dκ, e_b = 2c. */
function order17<M, S>(A: BoundOps<M, S>, x: PhaseInstance): S {
  const eb = A.F.mul(A.int(2), A.constant(x.c));
  const e = A.constant(x.epsilon);
  return [eb, eb, e, e, A.int(x.m + x.n), A.int(x.d), A.constant(x.kappa)].reduce(A.F.mul);
}

const opsOf = (x: PhaseInstance) => boundOps(relativeTolerance('trajectory', Math.max(x.m, x.n)));

/** Per recorded t ≤ T₀: ‖E_t‖_op (from the state at t and one more engine step) and λ_d(P_t), measured. */
function perturbations(x: PhaseInstance): Step[] {
  const A = opsOf(x);
  const spec = phaseRunSpec(x, 'T0');
  const run = memoPhases('yd21.eq-16', spec, () =>
    runPhasesWith(
      spec,
      ({ sigma, U, V }) => {
        const view = measuredDiagonalStep({ m: x.m, n: x.n, d: x.d, sigma, sigmaValues: [...x.values], U, V, eta: x.eta });
        return { normE: normE(A, view), lambdaMinP: A.lambdaMin(view.before.P) };
      },
      [],
    ),
  );
  return run.samples.map((s) => ({ t: s.t, ...s.extra }));
}

/** The comparison with the smallest normalised margin over the recorded steps. */
function worst(comparisons: Comparison[]): Comparison {
  return comparisons.reduce((a, b) => (normalisedMargin(b) < normalisedMargin(a) ? b : a));
}

function check(x: PhaseInstance, k: { CE: number; C17: number }): Comparison[] {
  const A = opsOf(x);
  const steps = perturbations(x);
  const boundE = A.F.mul(A.constant(k.CE), orderE(A, x));
  const bound17 = A.F.neg(A.F.mul(A.constant(k.C17), order17(A, x)));
  return [
    worst(steps.map((s) => boundComparison(`(16) ‖E_t‖_op ≤ C_E·(η²σ₁³ + ηe_b²ε²(m+n)dσ₁ + η²σ₁²e_b²d²ε²) (worst t = ${s.t})`, s.normE, '≤', boundE))),
    worst(steps.map((s) => boundComparison(`(17) λ_d(P_t) ≥ −C₁₇·e_b²ε²(m+n)dκ (worst t = ${s.t})`, s.lambdaMinP, '≥', bound17))),
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
    CE: (x) => Math.max(...perturbations(x).map((s) => s.normE.value)) / orderE(opsOf(x), x).value,
    C17: (x) => -Math.min(...perturbations(x).map((s) => s.lambdaMinP.value)) / order17(opsOf(x), x).value,
  },
  expected: 'holds',
  sabotage: { description: 'E_t dropped from (16) (C_E = 0)', constants: { CE: () => 0 } },
  runs: 8,
  // Each audited instance is a trajectory of up to 10⁷ steps at the theorem regime's sizes.
  auditBudget: 8,
});
