/**
 * YD21 §2.2 (Symmetrization), main text (same in the preprint):
 *
 *   "Empirically, we can observe that by choosing a sufficiently small learning rate η, we have two
 *    desired properties: 1. The smallest singular value of A is almost monotonically increasing;
 *    2. The norms of B, J, K are almost monotonically decreasing."
 *
 * "Almost" is unquantified; this check measures the violations and states them with θ = 0.1
 * (chosen): along a trajectory (through T₀ and H₂ = ln(10³)/(ησ_d) steps of stage two, as in
 * `yd21.sec-3.3.stage-two`), at the recorded steps,
 *   • σ_d(A): the total of its decreases is ≤ θ × its total variation (and likewise the increases
 *     of ‖J‖_op and ‖K‖_op): a monotone sequence has 0;
 *   • ‖B‖_F: never more than (1 + θ)‖B₀‖_F (the norm may wobble, but not grow).
 * The witness of θ is the largest of these ratios (− 1 for B) on the trajectory.
 *
 * Measured (default seed): in the theorem regime (`yd21.sec-2.2.symmetrization`) σ_d(A), ‖J‖, ‖K‖
 * are exactly monotone and ‖B‖_F never exceeds ‖B₀‖_F — the observation holds. In the practical
 * regime η = g/(16σ₁) σ_d(A), ‖J‖, ‖K‖ are still exactly monotone, but ‖B‖_F can grow several-fold
 * when m − d ≫ n − d (J ≫ K: the term η‖BᵀA‖‖KᵀK − JᵀJ‖ of (19) pumps B): see
 * `yd21.sec-2.2.symmetrization.practical` (refuted, with the shrunk trajectory) and its
 * `/corrected` sibling, which keeps the parts that survive.
 */
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type PhaseSampleOf, runPhases } from '../../src/gd/phases.ts';
import { phaseHypotheses } from '../../src/hypotheses/yd21-phases.ts';
import { PHASE_CHOICES, type PhaseInstance, phaseInstances, phaseRunSpec, type Regime } from '../../src/random/phase-instances.ts';

const THETA = 0.1;

function trajectory(x: PhaseInstance): readonly PhaseSampleOf<'sigmaMinA' | 'normJ' | 'normK' | 'frobB'>[] {
  return runPhases(phaseRunSpec(x, 'stage two'), ['sigmaMinA', 'normJ', 'normK', 'frobB']).samples;
}

/** Total of the moves against the stated direction, over the total variation (0 when monotone). */
function againstRatio(values: readonly number[], increasing: boolean): number {
  let against = 0;
  let total = 0;
  for (let i = 0; i + 1 < values.length; i++) {
    const step = values[i + 1] - values[i];
    if ((increasing ? -step : step) > 0) against += Math.abs(step);
    total += Math.abs(step);
  }
  return total === 0 ? 0 : against / total;
}

interface Parts {
  readonly A: number;
  readonly J: number;
  readonly K: number;
  readonly B: number;
}

function parts(x: PhaseInstance): Parts {
  const s = trajectory(x);
  return {
    A: againstRatio(s.map((p) => p.sigmaMinA), true),
    J: x.m > x.d ? againstRatio(s.map((p) => p.normJ), false) : 0,
    K: x.n > x.d ? againstRatio(s.map((p) => p.normK), false) : 0,
    B: Math.max(...s.map((p) => p.frobB)) / s[0].frobB - 1,
  };
}

function check(x: PhaseInstance, theta: number, withB: boolean): Comparison[] {
  const p = parts(x);
  // Ratios of sums of positive terms: rounding is relative to 1.
  const out = [
    atMost('σ_d(A_t): decreases / total variation ≤ θ', p.A, theta, 1),
    atMost('‖J_t‖_op: increases / total variation ≤ θ', p.J, theta, 1),
    atMost('‖K_t‖_op: increases / total variation ≤ θ', p.K, theta, 1),
  ];
  if (withB) out.push(atMost('max_t ‖B_t‖_F ≤ (1 + θ)‖B₀‖_F', p.B, theta, 1));
  return out;
}

function symmetrizationClaim(regime: Regime, id: string, withB: boolean, extra: { expected: 'holds' | 'refuted'; erratum?: string; corrected?: string; corrects?: string }) {
  return defineClaim<PhaseInstance>({
    id,
    source: { paper: 'YD21', where: '§2.2' },
    kind: 'trajectory',
    statement:
      (regime === 'practical' ? 'In the practical regime η = g/(16σ₁): ' : '') +
      (withB
        ? 'σ_d(A_t) almost monotonically increasing; ‖B_t‖_F, ‖J_t‖_op, ‖K_t‖_op almost monotonically decreasing (θ = 0.1)'
        : 'σ_d(A_t) almost monotonically increasing; ‖J_t‖_op, ‖K_t‖_op almost monotonically decreasing (θ = 0.1); ‖B_t‖_F not claimed'),
    hypotheses: phaseHypotheses(regime),
    choices: {
      ...PHASE_CHOICES[regime],
      theta: `θ = ${THETA}: "almost monotone" = moves against the direction total ≤ θ × total variation; for ‖B‖_F, max_t ‖B_t‖_F ≤ (1 + θ)‖B₀‖_F`,
    },
    constants: { theta: { printed: () => THETA, formula: `${THETA} (chosen meaning of "almost")` } },
    instances: phaseInstances(regime),
    size: (x) => Math.max(x.m, x.n),
    check: (x, k) => check(x, k.theta, withB),
    witness: { theta: (x) => { const p = parts(x); return Math.max(p.A, p.J, p.K, withB ? p.B : -Infinity); } },
    sabotage: {
      description: '‖B_t‖_F held to the same standard as σ_d(A): its increases ≤ θ × its total variation (a stronger "almost monotone" than observed)',
      check: (x, k) => {
        const s = trajectory(x);
        return [...check(x, k.theta, false), atMost('‖B_t‖_F: increases / total variation ≤ θ', againstRatio(s.map((p) => p.frobB), false), k.theta, 1)];
      },
    },
    runs: regime === 'theorem' ? 8 : 30,
    auditBudget: regime === 'theorem' ? 20 : 150,
    ...extra,
  });
}

export const symmetrization = symmetrizationClaim('theorem', 'yd21.sec-2.2.symmetrization', true, { expected: 'holds' });

export const symmetrizationPractical = symmetrizationClaim('practical', 'yd21.sec-2.2.symmetrization.practical', true, {
  expected: 'refuted',
  erratum:
    'Not an error of the paper (§2.2 speaks of a sufficiently small η): at the practical step η = g/(16σ₁), ‖B_t‖_F can grow well past ‖B₀‖_F when m − d ≫ n − d, because the term η‖BᵀA‖_F‖KᵀK − JᵀJ‖_F of (19) feeds B while J and K are unbalanced; σ_d(A), ‖J‖ and ‖K‖ stay exactly monotone.',
  corrected: 'yd21.sec-2.2.symmetrization.practical/corrected',
});

export const symmetrizationPracticalCorrected = symmetrizationClaim('practical', 'yd21.sec-2.2.symmetrization.practical/corrected', false, {
  expected: 'holds',
  corrects: 'yd21.sec-2.2.symmetrization.practical',
});
