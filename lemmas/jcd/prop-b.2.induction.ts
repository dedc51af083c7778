/**
 * JCD Proposition B.2 (Inductive Step) — "Suppose that the stepsize satisfies η ≤ γσ_r²/(600σ₁³), the
 * initial size satisfies ρ ≤ max{…} [printed max; Theorem A.1 requires the min, which these runs
 * satisfy], and the following holds for all 0 ≤ t ≤ s < T with T ≤ ⌊log(ρ^{(1−γ)/(2(1+γ))}/ρ)/log(1+ηγσ_r)⌋:
 *  1. ‖U_tᵀU_t + J_tᵀJ_t‖ ≤ 7σ₁.
 *  2. ‖V_tᵀV_t + K_tᵀK_t‖ ≤ 7σ₁.
 *  3. max{‖J_t‖, ‖K_t‖} ≤ (1 + γησ_r) max{‖J_{t−1}‖, ‖K_{t−1}‖} ≤ ρ^{(1−γ)/(2(1+γ))}√σ₁, if t ≥ 1.
 *  4. λ_r(P_t) ≥ min{(1 − ησ_r)²λ_r(P_s) − 30η²σ₁³ − γησ_r²/20, −30η²σ₁³ − γησ_r²/20} ≥ −γσ_r/10, if t ≥ 1.
 *  5. If t ≥ 1, ‖B_t‖_F ≤ max{(1 + γησ_r)‖B_{t−1}‖_F, 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2t}ρ²/(γσ_r)} and
 *     ‖B_t‖_F ≤ (1 + γησ_r)^t ρ√(2r)√σ₁ ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁ ≤ √σ₁.
 * Then the above items also hold for t = s+1. Consequently, by Proposition B.1 and induction, they hold
 * for all 0 ≤ t ≤ T."
 *
 * Checked: the conclusion — Items 1–5 along GD runs, for 0 ≤ t ≤ T with T of (A.1). In Item 4, "P_s"
 * is read as P_{t−1}: the proof derives exactly λ_r(P_{s+1}) ≥ min{(1−ησ_r)²λ_r(P_s) − …} for the new
 * index s+1. The recursions of Items 3–5 are checked on consecutive recorded steps (t−1, t); the
 * bounds at every recorded t (lemmas/jcd/support/regime-trace.ts). The chain "(1+γησ_r)^tρ√(2r)√σ₁ ≤
 * ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁ ≤ √σ₁" is checked at t = T.
 *
 * Scales (what is rounded): J, K are computed from their own entries in the diagonal frame, so
 * Items 3's sides are their own scale; P = Σ − AAᵀ + BBᵀ and B = (U − V)/2 are differences of O(σ₁)
 * and O(‖F‖ + ‖G‖) terms, which are Item 4's and Item 5's scales.
 *
 * `jcd.prop-b.2.induction.practical`: the same conclusions in the practical regime of §5.2 (η = 0.25).
 */
import { A1_HORIZON, overRuns, POOL_CONCENTRATED, practicalRunHypotheses, THEOREM_A1_RUN } from './support/hypotheses.ts';
import { atLeast, atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdConfig, practicalConfigs, theoremPool } from './support/regimes.ts';
import {
  consecutivePairs,
  errorScale,
  rotationScale,
  PRACTICAL_REGIME_CHOICES,
  regimeTrace,
  THEOREM_REGIME_CHOICES,
  eachRun,
  runsSize,
} from './support/regime-trace.ts';

interface Knobs {
  /** The growth rate of Items 3 and 5 (printed: 1 + γησ_r). */
  readonly rate: (c: JcdConfig) => number;
}

const PRINTED: Knobs = { rate: (c) => 1 + c.gamma * c.eta * c.sigmaR };

function check(c: JcdConfig, knobs: Knobs): Comparison[] {
  const trace = regimeTrace(c);
  const { gamma: g, eta, sigma1: s1, sigmaR: sr, r } = c;
  const N = c.m + c.n + c.k;
  const rate = knobs.rate(c);
  const bigE = errorScale(c);
  const floor4 = -30 * eta * eta * s1 ** 3 - (g * eta * sr * sr) / 20;
  const out: Comparison[] = [];
  for (const s of trace.samples) {
    const size = Math.sqrt(s.gramF) + Math.sqrt(s.gramG);
    out.push(
      atMost(`Item 1 at t = ${s.t}: ‖UᵀU + JᵀJ‖ ≤ 7σ₁`, s.gramF, 7 * s1, 7 * s1),
      atMost(`Item 2 at t = ${s.t}: ‖VᵀV + KᵀK‖ ≤ 7σ₁`, s.gramG, 7 * s1, 7 * s1),
      atMost(
        `Item 3 at t = ${s.t}: max{‖J‖, ‖K‖} ≤ ρ^{(1−γ)/(2(1+γ))}√σ₁`,
        Math.max(s.normJ, s.normK),
        bigE * Math.sqrt(s1),
        bigE * Math.sqrt(s1) + rotationScale(c, s),
      ),
      atLeast(`Item 4 at t = ${s.t}: λ_r(P_t) ≥ −γσ_r/10`, s.lambdaRP, (-g * sr) / 10, s1),
      // (1+γησ_r)^t ρ√(2r)√σ₁ in log space: t·log(rate) can exceed the double range of the power.
      atMost(
        `Item 5 at t = ${s.t}: ‖B_t‖_F ≤ (1+γησ_r)^t ρ√(2r)√σ₁`,
        s.frobB,
        Math.exp(s.t * Math.log(rate) + c.logRho) * Math.sqrt(2 * r * s1),
        Math.exp(s.t * Math.log(rate) + c.logRho) * Math.sqrt(2 * r * s1) + size,
      ),
    );
  }
  for (const [p, s] of consecutivePairs(trace)) {
    const [jkPrev, jk] = [Math.max(p.normJ, p.normK), Math.max(s.normJ, s.normK)];
    const size = Math.sqrt(s.gramF) + Math.sqrt(s.gramG);
    const bTerm = (16 * s1 * Math.sqrt(s1) * Math.sqrt(N) * Math.exp(2 * s.t * Math.log(rate) + 2 * c.logRho)) / (g * sr);
    out.push(
      atMost(
        `Item 3 at t = ${s.t}: max{‖J_t‖, ‖K_t‖} ≤ (1+γησ_r)·max{‖J_{t−1}‖, ‖K_{t−1}‖}`,
        jk,
        rate * jkPrev,
        jk + rate * jkPrev + rotationScale(c, s) + rotationScale(c, p),
      ),
      atLeast(
        `Item 4 at t = ${s.t}: λ_r(P_t) ≥ min{(1−ησ_r)²λ_r(P_{t−1}) − 30η²σ₁³ − γησ_r²/20, −30η²σ₁³ − γησ_r²/20}`,
        s.lambdaRP,
        Math.min((1 - eta * sr) ** 2 * p.lambdaRP + floor4, floor4),
        s1,
      ),
      atMost(
        `Item 5 at t = ${s.t}: ‖B_t‖_F ≤ max{(1+γησ_r)‖B_{t−1}‖_F, 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2t}ρ²/(γσ_r)}`,
        s.frobB,
        Math.max(rate * p.frobB, bTerm),
        Math.max(rate * p.frobB, bTerm) + size,
      ),
    );
  }
  const T = c.times.T;
  const chain = Math.exp(T * Math.log(rate) + c.logRho);
  out.push(
    atMost(`Item 5 chain at t = T = ${T}: (1+γησ_r)^T ρ ≤ ρ^{(1−γ)/(2(1+γ))}`, chain, bigE, bigE),
    atMost('Item 5 chain: ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁ ≤ √σ₁', bigE * Math.sqrt(2 * r * s1), Math.sqrt(s1), Math.sqrt(s1)),
  );
  return out;
}

/** Theorem A.1's hypotheses (standing for Appendix B) on every run of the pool, and the horizon of (A.1). */
const THEOREM_HYPOTHESES = overRuns([...THEOREM_A1_RUN, A1_HORIZON], POOL_CONCENTRATED);
/** The practical regime of §5.2 (practicalConfigs' default ranges). */
const PRACTICAL_HYPOTHESES = overRuns([...practicalRunHypotheses([0.2, 0.6], [4, 14]), A1_HORIZON]);

const COMMON = {
  source: { paper: 'JCD' as const, where: 'Proposition B.2' },
  kind: 'trajectory' as const,
  statement:
    'For 0 ≤ t ≤ T: ‖UᵀU + JᵀJ‖, ‖VᵀV + KᵀK‖ ≤ 7σ₁; max{‖J_t‖,‖K_t‖} ≤ (1+γησ_r)max{‖J_{t−1}‖,‖K_{t−1}‖} ≤ ρ^{(1−γ)/(2(1+γ))}√σ₁; λ_r(P_t) ≥ min{(1−ησ_r)²λ_r(P_{t−1}) − 30η²σ₁³ − γησ_r²/20, −30η²σ₁³ − γησ_r²/20} ≥ −γσ_r/10; ‖B_t‖_F ≤ max{(1+γησ_r)‖B_{t−1}‖_F, 16σ₁√σ₁√(m+n+k)(1+γησ_r)^{2t}ρ²/(γσ_r)} and ‖B_t‖_F ≤ (1+γησ_r)^tρ√(2r)√σ₁ ≤ ρ^{(1−γ)/(2(1+γ))}√(2r)√σ₁ ≤ √σ₁',
  size: runsSize,
  check: eachRun((c) => check(c, PRINTED)),
  sabotage: {
    description: 'Items 3 and 5 with growth rate 1 instead of 1 + γησ_r (J, K and B would never grow)',
    check: eachRun((c) => check(c, { rate: () => 1 })),
  },
};

export const propB2 = defineClaim<readonly JcdConfig[]>({
  ...COMMON,
  id: 'jcd.prop-b.2.induction',
  hypotheses: THEOREM_HYPOTHESES,
  choices: THEOREM_REGIME_CHOICES,
  instances: theoremPool(),
  expected: 'holds',
  // One instance is the whole pool: six runs of 0.9·10⁶–8·10⁶ steps, shared by the five claims.
  runs: 1,
});

export const propB2Practical = defineClaim<readonly JcdConfig[]>({
  ...COMMON,
  id: 'jcd.prop-b.2.induction.practical',
  hypotheses: PRACTICAL_HYPOTHESES,
  choices: PRACTICAL_REGIME_CHOICES,
  instances: practicalConfigs().map((c) => [c]),
  expected: 'holds',
  // 10 rather than 25: each practical run records ~500 steps of diagnostics.
  runs: 10,
});
