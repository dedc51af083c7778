/**
 * JCD Proposition B.1 (Base Case) — "Suppose that F̃₀ ∈ ℝ^{m×k} and G̃₀ ∈ ℝ^{n×k} have i.i.d.
 * N(0, σ₁) entries. For any fixed ρ ≤ √(σ_r/(2σ₁)), we take F₀ = ρ/(3√(m+n+k))·F̃₀ and
 * G₀ = ρ/(3√(m+n+k))·G̃₀. Then with probability at least 1 − (Cc_ρ)^{k−r+1} − C exp(−k/C), we have
 *   1. max{‖U₀‖, ‖V₀‖, ‖J₀‖, ‖K₀‖} ≤ ρ√σ₁.   2. ‖U₀ᵀU₀ + J₀ᵀJ₀‖ ≤ 7σ₁.   3. ‖V₀ᵀV₀ + K₀ᵀK₀‖ ≤ 7σ₁.
 *   4. σ_r(A₀) ≥ c_ρρ√σ₁/(12(m+n+k)).   5. λ_r(P₀) ≥ 0.   6. ‖B₀‖_F ≤ ρ√(2r)√σ₁."
 *
 * This id carries Proposition B.1's six items (jcd.lemma-c.3.init carries Lemma C.3's three).
 * Reading of the bound on ρ: the extraction shows "√σ_r / 2σ₁"; the proof of item 5
 * (λ_r(P₀) ≥ σ_r − ‖A₀A₀ᵀ‖ − ‖B₀B₀ᵀ‖ ≥ σ_r − 2ρ²σ₁ ≥ 0) needs exactly ρ ≤ √(σ_r/(2σ₁)), which is
 * also the only dimensionally consistent reading; the settings put ρ at that maximum.
 * P₀ = Σ − A₀A₀ᵀ + B₀B₀ᵀ with Σ = diag(σ₁, …, σ_r) (JCD (4.4)); the settings take σ₁ … σ_r
 * geometric from σ₁ to σ_r. N(0, σ₁) is variance σ₁, as in Lemma C.3.
 *
 * The unnamed C and c_ρ are handled as in jcd.lemma-c.3.init: s = Cc_ρ per setting, a chosen C, and a
 * witness (the smallest C for which all six items hold on the sample; +∞ when an item without c_ρ
 * fails) whose quantile at 1 − s^{k−r+1} estimates the smallest C.
 *
 * Measured (default seed, 160 trials per setting): items 1–3, 5, 6 held on every sample (they follow
 * from item 1 once ρ ≤ √(σ_r/(2σ₁))); the smallest C is about 0.04–0.16 (largest estimate 0.161, 99.9%
 * upper confidence bound 0.226, at m = n = 20, k = r = 10).
 */
import { frobenius, mul, transpose, combine, diag, type Mat } from '../../src/linalg/dense.ts';
import { defineMonteCarloClaim } from '../../src/claims/montecarlo.ts';
import { lambdaMin, opNorm, sigmaMin } from '../../src/linalg/spectral.ts';
import { drawJcdInit, type JcdInitSetting, sigmaRRatio } from './support/init.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { initShapeHypothesis } from './support/hypotheses.ts';

type Setting = Omit<JcdInitSetting, 'rho'> & { ratio: number; s: number };
interface Items {
  /** Items 1–3, 5, 6 (no c_ρ in them). */
  readonly fixedItems: boolean;
  /** σ_r(A₀)·12(m+n+k)/(ρ√σ₁) (item 4 holds iff c_ρ ≤ this). */
  readonly ratio: number;
}

/** The chosen universal constant (the estimates are in the report). */
const C = 1;

const d = ({ r, k }: Setting) => k - r + 1;
/** ρ at its largest allowed value √(σ_r/(2σ₁)). */
const rhoOf = (p: Setting) => Math.sqrt(p.ratio / 2);
const withRho = (p: Setting): JcdInitSetting => ({ ...p, rho: rhoOf(p) });

/** Σ = diag(σ₁, …, σ_r), geometric from σ₁ to σ_r = ratio·σ₁. */
function sigmaTop(p: Setting): Mat {
  return diag(Array.from({ length: p.r }, (_, i) => p.sigma1 * p.ratio ** (p.r === 1 ? 0 : i / (p.r - 1))));
}

export const propB1 = defineMonteCarloClaim<Setting, Items>({
  id: 'jcd.prop-b.1.base-case',
  source: { paper: 'JCD', where: 'Proposition B.1' },
  kind: 'probabilistic',
  statement:
    'for ρ ≤ √(σ_r/(2σ₁)), with probability at least 1 − (Cc_ρ)^{k−r+1} − C exp(−k/C): max{‖U₀‖,‖V₀‖,‖J₀‖,‖K₀‖} ≤ ρ√σ₁; ‖U₀ᵀU₀+J₀ᵀJ₀‖ ≤ 7σ₁; ‖V₀ᵀV₀+K₀ᵀK₀‖ ≤ 7σ₁; σ_r(A₀) ≥ c_ρρ√σ₁/(12(m+n+k)); λ_r(P₀) ≥ 0; ‖B₀‖_F ≤ ρ√(2r)√σ₁',
  hypotheses: [
    initShapeHypothesis<Setting>('b1-shape', 'r ≤ k (Theorem A.1: "fix any r ≤ k"), r ≤ min{m, n}'),
    hypothesis<Setting>(
      'b1-sigma',
      'Σ = diag(σ₁, …, σ_r) with σ₁ ≥ … ≥ σ_r > 0 (the top of Σ_X; here geometric from σ₁ to σ_r)',
      (p) => {
        const v = sigmaTop(p).data.filter((_, i) => i % (p.r + 1) === 0);
        return v.length === p.r && v.every((x, i) => x > 0 && (i === 0 || x <= v[i - 1])) && Math.abs(v[0] - p.sigma1) <= 1e-15 * p.sigma1;
      },
      { coordinates: { 'σ_r/σ₁': { value: (p) => p.ratio, domain: [0.01, 1] } } },
    ),
    hypothesis<Setting>('b1-rho', 'any fixed ρ ≤ √(σ_r/(2σ₁))', (p) => rhoOf(p) > 0 && rhoOf(p) ** 2 <= ((p.ratio * p.sigma1) / (2 * p.sigma1)) * (1 + 1e-15), {
      coordinates: {
        'ρ/√(σ_r/(2σ₁))': {
          value: (p) => rhoOf(p) / Math.sqrt(p.ratio / 2),
          domain: [0, 1],
          concentrated: 'ρ at its largest allowed value, where the items are hardest',
        },
      },
    }),
    hypothesis<Setting>('b1-c-rho', 'c_ρ < 1 (Theorem A.1; here c_ρ = s/C)', (p) => p.s > 0 && p.s / C < 1),
  ],
  choices: {
    C: `C = ${C} (unnamed in the paper; the witness estimates the smallest C)`,
    c_ρ: 'c_ρ = s/C with s = 0.5 (the first failure term is s^{k−r+1})',
  },
  settings: [
    { m: 12, n: 12, k: 4, r: 4, sigma1: 1, ratio: 1, s: 0.5 },
    { m: 20, n: 20, k: 10, r: 10, sigma1: 2, ratio: 0.1, s: 0.5 },
    { m: 40, n: 40, k: 15, r: 14, sigma1: 0.5, ratio: 0.01, s: 0.5 },
    { m: 60, n: 50, k: 8, r: 6, sigma1: 1, ratio: 0.3, s: 0.5 },
    { m: 16, n: 10, k: 6, r: 3, sigma1: 1.5, ratio: 0.5, s: 0.5 },
  ],
  describe: ({ m, n, k, r, sigma1, ratio }) => `m = ${m}, n = ${n}, k = ${k}, r = ${r}, σ₁ = ${sigma1}, σ_r/σ₁ = ${ratio}, ρ = √(σ_r/(2σ₁)), Cc_ρ = 0.5`,
  draw: (p, seed) => {
    const q = withRho(p);
    const x = drawJcdInit(q, `b1:${seed}`);
    const bound = q.rho * Math.sqrt(p.sigma1);
    const item1 = Math.max(opNorm(x.U0), opNorm(x.V0), opNorm(x.J0), opNorm(x.K0)) <= bound;
    // U₀ᵀU₀ + J₀ᵀJ₀ = F₀ᵀF₀ (F₀ = [U₀; J₀]), but it is formed as printed.
    const item2 = opNorm(combine([1, mul(transpose(x.U0), x.U0)], [1, mul(transpose(x.J0), x.J0)])) <= 7 * p.sigma1;
    const item3 = opNorm(combine([1, mul(transpose(x.V0), x.V0)], [1, mul(transpose(x.K0), x.K0)])) <= 7 * p.sigma1;
    const P0 = combine([1, sigmaTop(p)], [-1, mul(x.A0, transpose(x.A0))], [1, mul(x.B0, transpose(x.B0))]);
    const item5 = lambdaMin(P0) >= 0;
    const item6 = frobenius(x.B0) <= q.rho * Math.sqrt(2 * p.r) * Math.sqrt(p.sigma1);
    return { fixedItems: item1 && item2 && item3 && item5 && item6, ratio: sigmaRRatio(q, sigmaMin(x.A0)) };
  },
  constants: { C: { printed: () => C, formula: `${C} (chosen)` } },
  event: (p, x, c) => x.fixedItems && x.ratio >= p.s / c.C,
  probability: { formula: `1 − (Cc_ρ)^{k−r+1} − Ce^{−k/C}, C = ${C}`, printed: (p) => 1 - p.s ** d(p) - C * Math.exp(-p.k / C) },
  trials: 160,
  witness: { C: (p, x) => (x.fixedItems ? p.s / x.ratio : Number.POSITIVE_INFINITY) },
  target: (p) => 1 - p.s ** d(p),
  expected: 'holds',
  sabotage: {
    description: 'C = 1/200 (in the event and the probability)',
    constants: { C: () => 1 / 200 },
    probability: (p) => 1 - p.s ** d(p) - (1 / 200) * Math.exp(-p.k * 200),
  },
});
