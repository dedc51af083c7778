/**
 * JCD Proposition B.4 — "Suppose that the conditions of Proposition B.2 holds. Let T₁ be the same
 * from Proposition B.3. Then for any T₁ ≤ t ≤ T, we have
 *     σ_r(A_t) ≥ min{(1 + 0.1ησ_r)^{t−T₁}√((1−γ)/24·σ_r), 0.8√σ_r}.
 * In particular, for T₂ = ⌊log(√(24/(1−γ)))/log(1 + 0.1ησ_r)⌋ + 1 and all T₁ + T₂ ≤ t ≤ T, we have
 * σ_r(A_t) ≥ 0.8√σ_r."
 *
 * The threshold is read as in Proposition B.3 (lemmas/jcd/prop-b.3.sigma-r-growth.ts); T₁, T₂ are (A.1)'s.
 */
import { A1_HORIZON, overRuns, POOL_CONCENTRATED, practicalRunHypotheses, THEOREM_A1_RUN } from './support/hypotheses.ts';
import { atLeast, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdConfig, practicalConfigs, theoremPool } from './support/regimes.ts';
import { PRACTICAL_REGIME_CHOICES, PRACTICAL_WINDOWS, regimeTrace, THEOREM_REGIME_CHOICES, eachRun, runsSize } from './support/regime-trace.ts';
import { growthThreshold } from './prop-b.3.sigma-r-growth.ts';

/** The floor as a multiple of √σ_r (printed 0.8) and the step it holds from (printed T₁ + T₂). */
interface Knobs {
  readonly floorFactor: number;
  readonly floorFrom: (c: JcdConfig) => number;
}

function check(c: JcdConfig, { floorFactor, floorFrom }: Knobs): Comparison[] {
  const trace = regimeTrace(c);
  const { T1 } = c.times;
  const from = floorFrom(c);
  const floor = floorFactor * Math.sqrt(c.sigmaR);
  const start = growthThreshold(c);
  const out: Comparison[] = [];
  for (const s of trace.samples) {
    if (s.t < T1) continue;
    const size = Math.sqrt(s.gramF) + Math.sqrt(s.gramG);
    const bound = Math.min(Math.exp(Math.min((s.t - T1) * Math.log1p(0.1 * c.eta * c.sigmaR), 50)) * start, floor);
    out.push(atLeast(`t = ${s.t} ≥ T₁ = ${T1}: σ_r(A_t) ≥ min{(1 + 0.1ησ_r)^{t−T₁}√((1−γ)/24·σ_r), ${floorFactor}√σ_r}`, s.sigmaRA, bound, bound + size));
    if (s.t >= from)
      out.push(atLeast(`t = ${s.t} ≥ ${from === T1 + c.times.T2 ? 'T₁ + T₂' : 'T₁'} = ${from}: σ_r(A_t) ≥ ${floorFactor}√σ_r`, s.sigmaRA, floor, floor + size));
  }
  return out;
}

/** Theorem A.1's hypotheses (standing for Appendix B) on every run of the pool, and the horizon of (A.1). */
const THEOREM_HYPOTHESES = overRuns([...THEOREM_A1_RUN, A1_HORIZON], POOL_CONCENTRATED);
/** The practical regime of §5.2 in the window where (A.1)'s T₀ ≤ T (PRACTICAL_WINDOWS). */
const WINDOW_HYPOTHESES = overRuns([...practicalRunHypotheses(PRACTICAL_WINDOWS.gamma, PRACTICAL_WINDOWS.q), A1_HORIZON]);

const COMMON = {
  source: { paper: 'JCD' as const, where: 'Proposition B.4' },
  kind: 'trajectory' as const,
  statement: 'For T₁ ≤ t ≤ T: σ_r(A_t) ≥ min{(1 + 0.1ησ_r)^{t−T₁}√((1−γ)/24·σ_r), 0.8√σ_r}; for T₁ + T₂ ≤ t ≤ T: σ_r(A_t) ≥ 0.8√σ_r',
  size: runsSize,
  check: eachRun((c) => check(c, { floorFactor: 0.8, floorFrom: (x) => x.times.T1 + x.times.T2 })),
  sabotage: {
    // From T₁ rather than T₁ + T₂ so that it bites in the practical regime too, where T₁ + T₂ > T is common.
    description: 'floor 1.05√σ_r instead of 0.8√σ_r, from T₁ instead of T₁ + T₂ (σ_r(A_t) tends to √σ_r)',
    check: eachRun((c) => check(c, { floorFactor: 1.05, floorFrom: (x) => x.times.T1 })),
  },
};

export const propB4 = defineClaim<readonly JcdConfig[]>({
  ...COMMON,
  id: 'jcd.prop-b.4.sigma-r-floor',
  hypotheses: THEOREM_HYPOTHESES,
  choices: THEOREM_REGIME_CHOICES,
  instances: theoremPool(),
  expected: 'holds',
  // One instance is the whole pool: six runs of 0.9·10⁶–8·10⁶ steps, shared by the five claims.
  runs: 1,
});

export const propB4Practical = defineClaim<readonly JcdConfig[]>({
  ...COMMON,
  id: 'jcd.prop-b.4.sigma-r-floor.practical',
  hypotheses: WINDOW_HYPOTHESES,
  choices: {
    ...PRACTICAL_REGIME_CHOICES,
    windows:
      'γ ∈ [0.2, 0.25], ρ = 10^{−q} with q ∈ [11, 14]: elsewhere in the practical regime the window of (A.1) is empty in nearly every draw (T₀ ≤ T in 15% of the default draws)',
  },
  instances: practicalConfigs(PRACTICAL_WINDOWS).map((c) => [c]),
  expected: 'holds',
  // 10 rather than 25: each practical run records ~500 steps of diagnostics.
  runs: 10,
});
