/**
 * YD21 (8),(9) and §3.2.2 — "The dynamics on J and K is trivial, since by equations (8) and (9) …
 * we know that if we choose η ≤ 1/(3σ₁), one can inductively prove that 0 ⪯ V_tᵀV_t + K_tᵀK_t ⪯ 3σ₁I
 * and 0 ⪯ U_tᵀU_t + J_tᵀJ_t ⪯ 3σ₁I by using the first two assumptions in subsection 3.2.1. And then
 * it follows that the operator norms of J and K are monotonically decreasing in this stage."
 *
 * Checked along engine trajectories: J_{t+1} = J_t(I − η(V_tᵀV_t + K_tᵀK_t)), so at every step t
 * where the PSD bound V_tᵀV_t + K_tᵀK_t ⪯ 3σ₁I holds, ‖J_{t+1}‖_op ≤ ‖J_t‖_op (and the same for K with
 * U_tᵀU_t + J_tᵀJ_t). Steps where the bound fails are outside the hypotheses and are counted, not
 * checked (an instance where it fails at every step is vacuous).
 *
 * Regime (the O(·) choices this check makes, recorded in `choices`): Gaussian initialisation with
 * entry standard deviation ε ∈ [10⁻³, 10⁻¹]·√σ_d, η ∈ (0, 1/(3σ₁)], 200 steps, d ≤ 3, m − d, n − d ∈ [1, 5].
 * The full stage-one regime of Theorem 3.1 is `yd21.thm-3.1.stage-one`.
 */
import fc from 'fast-check';
import { runTrajectory, splitBlocks } from '../../src/gd/index.ts';
import { add, type Mat, mul, transpose } from '../../src/linalg/dense.ts';
import { lambdaMax, opNorm } from '../../src/linalg/spectral.ts';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { inRange, seed, spectrum, stepSize, dimension } from '../../src/random/arbitraries.ts';
import { gaussianMatrix } from '../../src/random/gaussian.ts';
import { diag } from '../../src/linalg/dense.ts';
import { memoPhases, runPhasesWith } from './support/phases.ts';
import { phaseHypotheses, phaseProfiles } from './support/phase-hypotheses.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { diagonalOf, hasShape, isDiagonalRank, leq } from '../../src/hypotheses/matrix.ts';
import { PHASE_CHOICES, type PhaseInstance, phaseInstances, phaseRunSpec } from './support/phase-instances.ts';

interface JkInstance {
  readonly sigma: Mat;
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly U0: Mat;
  readonly V0: Mat;
  readonly eta: number;
  readonly epsilon: number;
  readonly iters: number;
}

const ITERS = 200;

/** Instances with η = etaFactor/(3σ₁) and ε = initScale·√σ_d fixed, or sampled over their allowed ranges. */
function instances(fixed: Readonly<Record<string, number>>): fc.Arbitrary<JkInstance> {
  return fc
    .record({
      d: dimension(1, 3),
      mc: dimension(1, 5),
      nc: dimension(1, 5),
      sigma1: inRange(0.5, 2),
      ratio: inRange(0.05, 1),
    })
    .chain(({ d, mc, nc, sigma1, ratio }) =>
      fc
        .record({
          rest: spectrum(d, ratio * sigma1, sigma1),
          c: fixed.initScale === undefined ? inRange(1e-3, 1e-1) : fc.constant(fixed.initScale),
          s: seed(),
          eta: fixed.etaFactor === undefined ? stepSize(1 / (3 * sigma1)) : fc.constant(fixed.etaFactor / (3 * sigma1)),
        })
        .map(({ rest, c, s, eta }) => {
          const values = [sigma1, ...rest.slice(0, Math.max(0, d - 2)), ratio * sigma1].slice(0, d).sort((a, b) => b - a);
          // σ₁ and σ_d read back from the sorted values (ratio·σ₁ at ratio = 1 can round above σ₁).
          const sigmaD = values[values.length - 1];
          const epsilon = c * Math.sqrt(sigmaD);
          return {
            sigma: diag(values, d + mc, d + nc),
            sigma1: values[0],
            sigmaD,
            U0: gaussianMatrix(d + mc, d, epsilon, `jk:U:${s}`),
            V0: gaussianMatrix(d + nc, d, epsilon, `jk:V:${s}`),
            eta,
            epsilon,
            iters: ITERS,
          };
        }),
    );
}

/** Per step: ‖J‖, ‖K‖ and whether each PSD bound of §3.2.2 holds. */
function jkTrace(x: JkInstance) {
  return runTrajectory({
    sigma: x.sigma,
    U0: x.U0,
    V0: x.V0,
    eta: x.eta,
    iters: x.iters,
    observe: (s) => {
      const b = splitBlocks(x.sigma, s.U, s.V);
      const gramV = add(mul(transpose(b.V), b.V), mul(transpose(b.K), b.K));
      const gramU = add(mul(transpose(b.U), b.U), mul(transpose(b.J), b.J));
      return {
        normJ: opNorm(b.J),
        normK: opNorm(b.K),
        boundForJ: lambdaMax(gramV) <= 3 * x.sigma1,
        boundForK: lambdaMax(gramU) <= 3 * x.sigma1,
      };
    },
  });
}

/** ‖J_{t+1}‖ ≤ rate·‖J_t‖ at every step where the hypothesis holds (rate 1 as printed). */
function check(x: JkInstance, rate: (x: JkInstance) => number): Comparison[] {
  // A diverging run (possible only past η ≤ 1/(3σ₁), under `explore`) is checked up to its last
  // finite step; the PSD bounds fail well before the iterates overflow, so nothing is skipped silently.
  const trace = jkTrace(x);
  const r = rate(x);
  const out: Comparison[] = [];
  const samples = trace.samples.map((s) => s.value);
  for (let t = 0; t + 1 < samples.length; t++) {
    const [now, next] = [samples[t], samples[t + 1]];
    if (now.boundForJ) out.push(atMost(`t = ${t}: ‖J_{t+1}‖ ≤ ‖J_t‖`, next.normJ, r * now.normJ, now.normJ + next.normJ));
    if (now.boundForK) out.push(atMost(`t = ${t}: ‖K_{t+1}‖ ≤ ‖K_t‖`, next.normK, r * now.normK, now.normK + next.normK));
  }
  return out;
}

const JK_HYPOTHESES = [
  hypothesis<JkInstance>(
    'sigma-frame',
    'Σ = diag(σ₁, …, σ_d) padded to m×n, σ₁ ≥ … ≥ σ_d > 0 (the frame of §2.1); 𝐔₀ ∈ ℝ^{m×d}, 𝐕₀ ∈ ℝ^{n×d}',
    (x) => {
      const d = x.U0.cols;
      const v = diagonalOf(x.sigma);
      return (
        v !== null &&
        isDiagonalRank(x.sigma, d) &&
        hasShape(x.U0, x.sigma.rows, d) &&
        hasShape(x.V0, x.sigma.cols, d) &&
        x.sigma1 === v[0] &&
        x.sigmaD === v[d - 1]
      );
    },
    {
      coordinates: {
        d: { value: (x) => x.U0.cols, domain: [1, 3] },
        'm − d': { value: (x) => x.sigma.rows - x.U0.cols, domain: [1, 5] },
        'n − d': { value: (x) => x.sigma.cols - x.U0.cols, domain: [1, 5] },
        κ: { value: (x) => x.sigma1 / x.sigmaD, domain: [1, 20] },
      },
    },
  ),
  hypothesis<JkInstance>('eta-3.2.2', '0 < η ≤ 1/(3σ₁) (§3.2.2)', (x) => x.eta > 0 && leq(x.eta, 1 / (3 * x.sigma1), 1), {
    coordinates: { '3σ₁η': { value: (x) => 3 * x.sigma1 * x.eta, domain: [0, 1] } },
  }),
];

export const jkMonotone = defineClaim<JkInstance>({
  id: 'yd21.eq-8-9.jk-monotone',
  source: { paper: 'YD21', where: '(8), (9), §3.2.2' },
  kind: 'trajectory',
  statement: '‖J_t‖_op and ‖K_t‖_op are non-increasing when η ≤ 1/(3σ₁) and 0 ⪯ V_tᵀV_t + K_tᵀK_t, U_tᵀU_t + J_tᵀJ_t ⪯ 3σ₁I',
  // The PSD bounds are the per-step condition of the statement (the check compares only at steps where
  // they hold), not a hypothesis on the instance.
  hypotheses: JK_HYPOTHESES,
  choices: {
    initialisation: 'i.i.d. N(0, ε²) entries, ε = c·√σ_d with c ∈ [1e-3, 1e-1]',
    eta: 'η = f/(3σ₁), f ∈ (0, 1]',
    horizon: `${ITERS} steps`,
    dimensions: 'd ∈ [1, 3], m − d and n − d ∈ [1, 5]',
  },
  instances: instances({}),
  parameters: {
    specs: {
      etaFactor: { description: 'η as a multiple of 1/(3σ₁)', allowed: [0, 1], explore: [1, 12], scale: 'linear' },
      initScale: { description: 'c in the initialisation scale ε = c·√σ_d', allowed: [1e-3, 1e-1], explore: [0.1, 10], scale: 'log' },
    },
    instances,
  },
  size: (x) => Math.max(x.sigma.rows, x.sigma.cols),
  check: (x) => check(x, () => 1),
  expected: 'holds',
  sabotage: {
    description: 'a geometric rate that stage one does not have: ‖J_{t+1}‖ ≤ (1 − ησ_d/4)‖J_t‖',
    check: (x) => check(x, (y) => 1 - (y.eta * y.sigmaD) / 4),
  },
  runs: 20,
});

/**
 * The same statement in the full regime of Theorem 1.1 (`lemmas/yd21/support/phase-instances.ts`, theorem
 * regime: ε = Õ(σ_d/√(d³σ₁(m+n))), η = O(σ_dε²/(dσ₁³)) with the O-constants recorded there), along
 * the whole trajectory — stage one through T₀ and ln(10³)/(ησ_d) steps of stage two — at the
 * recorded steps (every ⌈T_scale/400⌉). Here the PSD bounds are not assumed: §3.2.2 says they are
 * maintained inductively when η ≤ 1/(3σ₁), so they are checked too, at every recorded step, and
 * ‖J‖_op, ‖K‖_op must not increase between consecutive recorded steps.
 */
function fullRegimeCheck(x: PhaseInstance, bound: (x: PhaseInstance) => number): Comparison[] {
  const spec = phaseRunSpec(x, 'stage two');
  const run = memoPhases('yd21.eq-8-9.full', spec, () =>
    runPhasesWith(
      spec,
      ({ sigma, U, V }) => {
        const b = splitBlocks(sigma, U, V);
        return {
          gramV: lambdaMax(add(mul(transpose(b.V), b.V), mul(transpose(b.K), b.K))),
          gramU: lambdaMax(add(mul(transpose(b.U), b.U), mul(transpose(b.J), b.J))),
        };
      },
      ['normJ', 'normK'],
    ),
  );
  const s = run.samples.map((p) => ({ t: p.t, normJ: p.normJ, normK: p.normK, ...p.extra }));
  const worst = (cs: Comparison[]) => cs.reduce((a, c) => (c.slack / (c.scale || 1) < a.slack / (a.scale || 1) ? c : a));
  const B = bound(x);
  const out: Comparison[] = [
    worst(s.map((v) => atMost(`0 ⪯ V_tᵀV_t + K_tᵀK_t ⪯ 3σ₁I (worst t = ${v.t})`, v.gramV, B, B))),
    worst(s.map((v) => atMost(`0 ⪯ U_tᵀU_t + J_tᵀJ_t ⪯ 3σ₁I (worst t = ${v.t})`, v.gramU, B, B))),
  ];
  const pairs = s.slice(0, -1).map((v, i) => [v, s[i + 1]] as const);
  if (pairs.length && x.m > x.d) out.push(worst(pairs.map(([a, b]) => atMost(`‖J‖ at t = ${b.t} ≤ ‖J‖ at t = ${a.t}`, b.normJ, a.normJ, a.normJ + b.normJ))));
  if (pairs.length && x.n > x.d) out.push(worst(pairs.map(([a, b]) => atMost(`‖K‖ at t = ${b.t} ≤ ‖K‖ at t = ${a.t}`, b.normK, a.normK, a.normK + b.normK))));
  return out;
}

export const jkMonotoneFullRegime = defineClaim<PhaseInstance>({
  id: 'yd21.eq-8-9.jk-monotone.full-regime',
  source: { paper: 'YD21', where: '(8), (9), §3.2.2' },
  kind: 'trajectory',
  statement:
    'In the regime of Theorem 1.1, along the whole trajectory: 0 ⪯ V_tᵀV_t + K_tᵀK_t, U_tᵀU_t + J_tᵀJ_t ⪯ 3σ₁I hold (inductively) and ‖J_t‖_op, ‖K_t‖_op never increase',
  // Theorem 1.1's regime (η ≤ 1/(3σ₁) holds there); the PSD bounds are conclusions here, checked.
  hypotheses: phaseHypotheses('theorem'),
  choices: { ...PHASE_CHOICES.theorem, horizon: 'T₀ (observed) + ln(10³)/(ησ_d) steps, recorded every ⌈T_scale/400⌉' },
  instances: phaseInstances('theorem'),
  profiles: phaseProfiles('theorem'),
  size: (x) => Math.max(x.m, x.n),
  check: (x) => fullRegimeCheck(x, (y) => 3 * y.sigma1),
  expected: 'holds',
  sabotage: {
    description: 'the PSD bound tightened to (σ₁/2)I (at convergence UᵀU ≈ Σ, so λ_max(UᵀU + JᵀJ) reaches ≈ σ₁)',
    check: (x) => fullRegimeCheck(x, (y) => 0.5 * y.sigma1),
  },
  runs: 6,
});
