/**
 * YD21 §3.3 (Stage Two: Local Convergence Phase), main text (App. F in the preprint):
 *
 *   "We will prove inductively on the following conditions:
 *    (1) ‖B‖_F = O(σ_d/√σ₁);  (2) Δ_t := ‖Σ − U_{T₀+t}V_{T₀+t}ᵀ‖_op ≤ (1 − ησ_d/2)^t·(2/5)σ_d;
 *    (3) σ_d(U), σ_d(V) ≥ √(σ_d/2).
 *    … First of all, it is easy to prove linear convergence of J and K by using assumption (3)."
 *
 * Checked along the trajectories of `yd21.thm-3.1.stage-one` (same instances, T₀ observed the same
 * way), continued for H₂ = ln(10³)/(ησ_d) steps after T₀ (the bound of (2) falls by e^{−3.45}) and
 * recorded at the same stride: at every recorded T₀ + t, (2) and (3) as printed; (1) with its
 * O-constant chosen as 1 (‖B‖_F ≤ σ_d/√σ₁; the witness reports what each trajectory needs); and the
 * linear convergence of J and K at the rate that (3) gives through (8), (9):
 * J_{t+1} = J_t(I − η(V_tᵀV_t + K_tᵀK_t)) and σ_d(V_t)² ≥ σ_d/2 give ‖J_{T₀+t}‖ ≤ (1 − ησ_d/2)^t‖J_{T₀}‖
 * (likewise K with U), which is the rate checked.
 *
 * `yd21.sec-3.3.stage-two.practical` asks the same in the practical regime η = g/(16σ₁).
 */
import { atLeast, atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { memoPhases, runPhases } from './support/phases.ts';
import { phaseHypotheses, phaseProfiles } from './support/phase-hypotheses.ts';
import { PHASE_CHOICES, type PhaseInstance, phaseInstances, phaseRunSpec, type Regime, STAGE_ONE_HORIZON } from './support/phase-instances.ts';

function stageTwo(x: PhaseInstance) {
  const spec = phaseRunSpec(x, 'stage two');
  return memoPhases('yd21.sec-3.3', spec, () => runPhases(spec, ['delta', 'sigmaMinU', 'sigmaMinV', 'frobB', 'normJ', 'normK']));
}

function check(x: PhaseInstance, k: { deltaFactor: number; CB: number }): Comparison[] {
  const run = stageTwo(x);
  if (run.T0 === null) return [atMost('T₀ reached within 4·T_scale (stage one)', run.final.t + 1, STAGE_ONE_HORIZON * x.scaleT0, x.scaleT0)];
  const T0 = run.T0;
  const after = run.samples.filter((s) => s.t >= T0);
  const at0 = after[0];
  const rate = 1 - (x.eta * x.sigmaD) / 2;
  const out: Comparison[] = [];
  const worstOver = (steps: typeof after, f: (s: (typeof after)[number]) => Comparison) =>
    steps.map(f).reduce((a, b) => (b.slack / (b.scale || 1) < a.slack / (a.scale || 1) ? b : a));
  const worst = (f: (s: (typeof after)[number]) => Comparison) => worstOver(after, f);
  // The decay of J and K is compared from the first recorded step after T₀ on (at T₀ itself it is ‖J‖ ≤ ‖J‖).
  const later = after.length > 1 ? after.slice(1) : after;
  out.push(
    worst((s) =>
      atMost(
        `(2) Δ_{T₀+t} ≤ (1 − ησ_d/2)^t·(2/5)σ_d (worst t = ${s.t - T0})`,
        s.delta,
        rate ** (s.t - T0) * k.deltaFactor * x.sigmaD,
        rate ** (s.t - T0) * x.sigmaD,
      ),
    ),
  );
  out.push(worst((s) => atLeast(`(3) σ_d(U_{T₀+t}) ≥ √(σ_d/2) (worst t = ${s.t - T0})`, s.sigmaMinU, Math.sqrt(x.sigmaD / 2), Math.sqrt(x.sigmaD))));
  out.push(worst((s) => atLeast(`(3) σ_d(V_{T₀+t}) ≥ √(σ_d/2) (worst t = ${s.t - T0})`, s.sigmaMinV, Math.sqrt(x.sigmaD / 2), Math.sqrt(x.sigmaD))));
  out.push(
    worst((s) =>
      atMost(`(1) ‖B_{T₀+t}‖_F ≤ C_B·σ_d/√σ₁ (worst t = ${s.t - T0})`, s.frobB, (k.CB * x.sigmaD) / Math.sqrt(x.sigma1), x.sigmaD / Math.sqrt(x.sigma1)),
    ),
  );
  if (x.m > x.d)
    out.push(
      worstOver(later, (s) => atMost(`‖J_{T₀+t}‖ ≤ (1 − ησ_d/2)^t‖J_{T₀}‖ (worst t = ${s.t - T0})`, s.normJ, rate ** (s.t - T0) * at0.normJ, at0.normJ)),
    );
  if (x.n > x.d)
    out.push(
      worstOver(later, (s) => atMost(`‖K_{T₀+t}‖ ≤ (1 − ησ_d/2)^t‖K_{T₀}‖ (worst t = ${s.t - T0})`, s.normK, rate ** (s.t - T0) * at0.normK, at0.normK)),
    );
  return out;
}

function stageTwoClaim(regime: Regime, id: string) {
  return defineClaim<PhaseInstance>({
    id,
    source: { paper: 'YD21', where: '§3.3, App. F' },
    kind: 'trajectory',
    statement:
      (regime === 'theorem' ? '' : 'In the practical regime η = g/(16σ₁): ') +
      'for t ≥ 0 after T₀: Δ_t = ‖Σ − U_{T₀+t}V_{T₀+t}ᵀ‖_op ≤ (1 − ησ_d/2)^t·(2/5)σ_d, σ_d(U), σ_d(V) ≥ √(σ_d/2), ‖B‖_F = O(σ_d/√σ₁), and J, K decay geometrically',
    // Stage two starts from Theorem 3.1's conclusions at T₀, which the check reaches by running stage
    // one from an initialisation in Theorem 3.1's regime: the hypotheses are that regime's.
    hypotheses: phaseHypotheses(regime),
    choices: {
      ...PHASE_CHOICES[regime],
      horizon: 'H₂ = ln(10³)/(ησ_d) steps after T₀',
      C_B: '1 (the O-constant of ‖B‖_F = O(σ_d/√σ₁))',
      'J, K rate': '(1 − ησ_d/2) per step, from (8), (9) and condition (3)',
    },
    constants: {
      deltaFactor: { printed: () => 2 / 5, formula: '2/5' },
      CB: { printed: () => 1, formula: '1 (chosen O-constant)' },
    },
    instances: phaseInstances(regime),
    ...(phaseProfiles(regime) ? { profiles: phaseProfiles(regime) } : {}),
    size: (x) => Math.max(x.m, x.n),
    check: (x, k) => check(x, { deltaFactor: k.deltaFactor, CB: k.CB }),
    witness: {
      CB: (x) => {
        const run = stageTwo(x);
        const T0 = run.T0 ?? 0;
        return Math.max(...run.samples.filter((s) => s.t >= T0).map((s) => (s.frobB * Math.sqrt(x.sigma1)) / x.sigmaD));
      },
      deltaFactor: (x) => {
        const run = stageTwo(x);
        const T0 = run.T0 ?? 0;
        const rate = 1 - (x.eta * x.sigmaD) / 2;
        return Math.max(...run.samples.filter((s) => s.t >= T0).map((s) => s.delta / (rate ** (s.t - T0) * x.sigmaD)));
      },
    },
    expected: 'holds',
    sabotage: { description: '(2) with 1/10 in place of 2/5', constants: { deltaFactor: () => 0.1 } },
    runs: regime === 'theorem' ? 8 : 25,
    // Each audited instance is a trajectory of up to 10⁷ steps at the theorem regime's sizes.
    auditBudget: regime === 'theorem' ? 8 : 150,
  });
}

export const stageTwoTheorem = stageTwoClaim('theorem', 'yd21.sec-3.3.stage-two');
export const stageTwoPractical = stageTwoClaim('practical', 'yd21.sec-3.3.stage-two.practical');
