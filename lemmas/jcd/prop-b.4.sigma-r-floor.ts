/**
 * JCD Proposition B.4 — "Suppose that the conditions of Proposition B.2 holds. Let T₁ be the same
 * from Proposition B.3. Then for any T₁ ≤ t ≤ T, we have
 *     σ_r(A_t) ≥ min{(1 + 0.1ησ_r)^{t−T₁}√((1−γ)/24·σ_r), 0.8√σ_r}.
 * In particular, for T₂ = ⌊log(√(24/(1−γ)))/log(1 + 0.1ησ_r)⌋ + 1 and all T₁ + T₂ ≤ t ≤ T, we have
 * σ_r(A_t) ≥ 0.8√σ_r."
 *
 * The threshold is read as in Proposition B.3 (lemmas/jcd/prop-b.3.sigma-r-growth.ts); T₁, T₂ are (A.1)'s.
 */
import { atLeast, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { configSize, type JcdConfig, practicalConfigs, theoremConfigs } from '../../src/random/jcd-regimes.ts';
import { PRACTICAL_REGIME_CHOICES, regimeTrace, THEOREM_REGIME_CHOICES } from './common/regime-trace.ts';
import { growthThreshold } from './prop-b.3.sigma-r-growth.ts';

function check(c: JcdConfig, floorFactor: number): Comparison[] {
  const trace = regimeTrace(c);
  const { T1, T2 } = c.times;
  const floor = floorFactor * Math.sqrt(c.sigmaR);
  const start = growthThreshold(c);
  const out: Comparison[] = [];
  for (const s of trace.samples) {
    if (s.t < T1) continue;
    const size = Math.sqrt(s.gramF) + Math.sqrt(s.gramG);
    const bound = Math.min(Math.exp(Math.min((s.t - T1) * Math.log1p(0.1 * c.eta * c.sigmaR), 50)) * start, floor);
    out.push(atLeast(`t = ${s.t} ≥ T₁ = ${T1}: σ_r(A_t) ≥ min{(1 + 0.1ησ_r)^{t−T₁}√((1−γ)/24·σ_r), ${floorFactor}√σ_r}`, s.sigmaRA, bound, bound + size));
    if (s.t >= T1 + T2) out.push(atLeast(`t = ${s.t} ≥ T₁ + T₂ = ${T1 + T2}: σ_r(A_t) ≥ ${floorFactor}√σ_r`, s.sigmaRA, floor, floor + size));
  }
  return out;
}

const COMMON = {
  source: { paper: 'JCD' as const, where: 'Proposition B.4' },
  kind: 'trajectory' as const,
  statement: 'For T₁ ≤ t ≤ T: σ_r(A_t) ≥ min{(1 + 0.1ησ_r)^{t−T₁}√((1−γ)/24·σ_r), 0.8√σ_r}; for T₁ + T₂ ≤ t ≤ T: σ_r(A_t) ≥ 0.8√σ_r',
  size: configSize,
  check: (c: JcdConfig) => check(c, 0.8),
  sabotage: { description: 'floor 1.05√σ_r instead of 0.8√σ_r (σ_r(A_t) tends to √σ_r)', check: (c: JcdConfig) => check(c, 1.05) },
};

export const propB4 = defineClaim<JcdConfig>({
  ...COMMON,
  id: 'jcd.prop-b.4.sigma-r-floor',
  hypotheses: ["Proposition B.2's conditions (the theorem's η, ρ; Proposition B.1's event)", 'T₁ ≤ t ≤ T of (A.1)'],
  choices: THEOREM_REGIME_CHOICES,
  instances: theoremConfigs(),
  expected: 'holds',
  runs: 2,
});
