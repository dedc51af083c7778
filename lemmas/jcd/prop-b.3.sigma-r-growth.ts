/**
 * JCD Proposition B.3 — "Suppose that the conditions of Proposition B.2 holds. In addition, we
 * assume η ≤ (1−γ)σ_r/(20σ₁²). Then for any 0 ≤ t ≤ T, we have
 *     σ_r(A_t) ≥ min{(1 + (γ+1)/2·ησ_r)^t σ_r(A₀), √((1−γ)/24·σ_r)}.
 * In particular, for T₁ = ⌊log(12(m+n+k)√((1−γ)/24·σ_r)/(c_ρρ√σ₁))/log(1 + (1+γ)/2·ησ_r)⌋ + 1 and
 * all t ∈ [T₁, T], we have σ_r(A_t) ≥ √((1−γ)/24·σ_r)."
 *
 * Reading of the extraction: the square root covers (1−γ)/24·σ_r, i.e. the threshold is
 * √((1−γ)/24)·√σ_r — the form (A.1) prints for T₁ ("12(m+n+k)√((1−γ)/24)√σ_r"), the one with the
 * units of σ_r(A) (√σ), and the one Proposition B.4's proof uses ("0.01σ_r√((1−γ)/24·σ_r) ≤
 * 0.01σ_rσ_r(A_t)"). T₁ is (A.1)'s. (1 + (γ+1)/2·ησ_r)^t is formed in log space (it may leave the
 * double range before the minimum takes the threshold).
 *
 * Scale: σ_r(A) of A = (U+V)/2, whose entries are O(‖F‖ + ‖G‖).
 */
import { A1_HORIZON, overRuns, POOL_CONCENTRATED, practicalRunHypotheses, THEOREM_A1_RUN } from './support/hypotheses.ts';
import { atLeast, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdConfig, practicalConfigs, theoremPool } from './support/regimes.ts';
import { PRACTICAL_REGIME_CHOICES, regimeTrace, THEOREM_REGIME_CHOICES, eachRun, runsSize } from './support/regime-trace.ts';

/** √((1−γ)/24·σ_r), the level σ_r(A_t) reaches by T₁. */
export function growthThreshold(c: JcdConfig): number {
  return Math.sqrt(((1 - c.gamma) / 24) * c.sigmaR);
}

function check(c: JcdConfig, rate: (c: JcdConfig) => number): Comparison[] {
  const trace = regimeTrace(c);
  const threshold = growthThreshold(c);
  const a0 = trace.samples[0].sigmaRA;
  const logRate = Math.log1p(rate(c));
  const out: Comparison[] = [];
  for (const s of trace.samples) {
    const size = Math.sqrt(s.gramF) + Math.sqrt(s.gramG);
    const geometric = Math.exp(Math.min(s.t * logRate + Math.log(a0), Math.log(threshold) + 1));
    const bound = Math.min(geometric, threshold);
    out.push(atLeast(`t = ${s.t}: σ_r(A_t) ≥ min{(1 + (γ+1)/2·ησ_r)^t σ_r(A₀), √((1−γ)/24·σ_r)}`, s.sigmaRA, bound, bound + size));
    if (s.t >= c.times.T1) out.push(atLeast(`t = ${s.t} ≥ T₁ = ${c.times.T1}: σ_r(A_t) ≥ √((1−γ)/24·σ_r)`, s.sigmaRA, threshold, threshold + size));
  }
  return out;
}

/** Theorem A.1's hypotheses (standing for Appendix B) on every run of the pool, and the horizon of (A.1). */
const THEOREM_HYPOTHESES = overRuns([...THEOREM_A1_RUN, A1_HORIZON], POOL_CONCENTRATED);
/** The practical regime of §5.2 (practicalConfigs' default ranges). */
const PRACTICAL_HYPOTHESES = overRuns([...practicalRunHypotheses([0.2, 0.6], [4, 14]), A1_HORIZON]);

const COMMON = {
  source: { paper: 'JCD' as const, where: 'Proposition B.3' },
  kind: 'trajectory' as const,
  statement: 'For 0 ≤ t ≤ T: σ_r(A_t) ≥ min{(1 + (γ+1)/2·ησ_r)^t σ_r(A₀), √((1−γ)/24·σ_r)}; for T₁ ≤ t ≤ T (T₁ of (A.1)): σ_r(A_t) ≥ √((1−γ)/24·σ_r)',
  size: runsSize,
  check: eachRun((c) => check(c, (x) => ((x.gamma + 1) / 2) * x.eta * x.sigmaR)),
  sabotage: {
    description: 'growth factor 1 + 2ησ_r instead of 1 + (γ+1)/2·ησ_r (faster than σ_r(A_t) can grow, ≈ 1 + ησ_r)',
    check: eachRun((c) => check(c, (x) => 2 * x.eta * x.sigmaR)),
  },
};

export const propB3 = defineClaim<readonly JcdConfig[]>({
  ...COMMON,
  id: 'jcd.prop-b.3.sigma-r-growth',
  hypotheses: THEOREM_HYPOTHESES,
  choices: THEOREM_REGIME_CHOICES,
  instances: theoremPool(),
  expected: 'holds',
  // One instance is the whole pool: six runs of 0.9·10⁶–8·10⁶ steps, shared by the five claims.
  runs: 1,
});

export const propB3Practical = defineClaim<readonly JcdConfig[]>({
  ...COMMON,
  id: 'jcd.prop-b.3.sigma-r-growth.practical',
  hypotheses: PRACTICAL_HYPOTHESES,
  choices: PRACTICAL_REGIME_CHOICES,
  instances: practicalConfigs().map((c) => [c]),
  expected: 'holds',
  // 10 rather than 25: each practical run records ~500 steps of diagnostics.
  runs: 10,
});
