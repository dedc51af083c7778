/**
 * JCD Lemmas C.1–C.3 (paper lines ≈ 2451–2575), the displayed steps of their proofs.
 *
 * Lemma C.1 ([RV09]) and Lemma C.2 ([Wai19]) are cited, not proved; C.1's statement carries one
 * derivation, "σ_min(A) ≥ c_ρ(√k − √(r−1)) ≥ c_ρ/(2√k)", whose second inequality is deterministic
 * (jcd.lemma-c.1.step-second); C.2 has no displayed step.
 *
 * Lemma C.3's proof:
 *   "By Proposition C.2, with probability at least 1 − 2e^{−(m+k)/2} − 2e^{−(n+k)/2}, we have
 *    ‖F̃₀‖ ≤ 3√(m+k)√σ₁ and ‖G̃₀‖ ≤ 3√(n+k)√σ₁. Hence, we have ‖F₀‖ ≤ ρ√σ₁ and ‖G₀‖ ≤ ρ√σ₁. On the
 *    other hand, A₀ = (U₀+V₀)/2 has i.i.d. N(0, σ₁/2) entries. By Proposition C.1, with probability at
 *    least 1 − (Cc_ρ)^{k−r+1} − exp(−k/C), we have
 *        σ_r(A₀) = ρ/(3√(m+n+k))·σ_r(Ã₀) ≥ c_ρρ√σ₁/(12(m+n+k)).
 *    Combining, all items hold with probability at least
 *        1 − (Cc_ρ)^{k−r+1} − exp(−k/C) − 2e^{−(m+k)/2} − 2e^{−(n+k)/2}.
 *    By increasing C if necessary, we obtain the desired result."
 *
 * The claims, in order:
 *   jcd.lemma-c.3.step-c2-norms          the first sentence (Monte Carlo: C.2 applied to F̃₀/√σ₁, G̃₀/√σ₁, union bound)
 *   jcd.lemma-c.3.step-f0-norm           "Hence ‖F₀‖ ≤ ρ√σ₁ and ‖G₀‖ ≤ ρ√σ₁" (deterministic on C.2's event)
 *   jcd.lemma-c.3.step-a0-law            "A₀ = (U₀+V₀)/2 has i.i.d. N(0, σ₁/2) entries" — as printed FALSE (see below)
 *   jcd.lemma-c.3.step-a0-law/corrected  Ã₀ = (Ũ₀+Ṽ₀)/2, the unscaled one, has i.i.d. N(0, σ₁/2) entries
 *   jcd.lemma-c.3.step-sigma-r-scaling   σ_r(A₀) = ρ/(3√(m+n+k))·σ_r(Ã₀) (identity)
 *   jcd.lemma-c.3.step-sigma-r-bound     ρ/(3√(m+n+k))·σ_r(Ã₀) ≥ c_ρρ√σ₁/(12(m+n+k)) on C.1's event for Ã₀/√(σ₁/2)
 *   jcd.lemma-c.3.step-c1-sigma-r        that line's probability 1 − (Cc_ρ)^{k−r+1} − exp(−k/C) (Monte Carlo)
 *   jcd.lemma-c.3.step-union             "Combining, …" (Monte Carlo, Lemma C.3's three items)
 *   jcd.lemma-c.3.step-increase-c        "By increasing C if necessary" (deterministic, with C′ = max{C, 4})
 *
 * Notation: Ã₀ is not defined in JCD; the proof's identity σ_r(A₀) = ρ/(3√(m+n+k))σ_r(Ã₀) fixes it as
 * Ã₀ = (Ũ₀+Ṽ₀)/2 with Ũ₀, Ṽ₀ the first r rows of F̃₀, G̃₀ (so A₀ = ρ/(3√(m+n+k))·Ã₀). The proof cites
 * "Proposition C.2" and "Proposition C.1" for Lemmas C.2 and C.1 (a cross-reference slip: there are no
 * Propositions C.1, C.2; not a claim).
 *
 * Erratum (step-a0-law, grade local): as printed, A₀ = (U₀+V₀)/2 is built from the scaled F₀, G₀, whose
 * entries have variance σ₁ρ²/(9(m+n+k)); so A₀'s entries have variance σ₁ρ²/(18(m+n+k)), not σ₁/2,
 * except at ρ = 3√(m+n+k). Exact: ρ = 1, m = n = k = r = 1: Var = σ₁/54 ≠ σ₁/2 (in rationals,
 * (1/4)(σ₁/27 + σ₁/27) = σ₁/54). The next display applies Lemma C.1 to Ã₀ (the unscaled one), which
 * does have N(0, σ₁/2) entries (…/corrected), so nothing downstream changes.
 *
 * Measured findings: every other step holds. step-sigma-r-bound holds with a factor ≥ √(2(m+n+k)/k) > √2
 * to spare: the proof only needs σ_r(A₀) ≥ c_ρρ√σ₁/(6√(2k(m+n+k))) (as noted in jcd.lemma-c.3.init).
 * step-increase-c: C′ = max{C, 4} suffices (e^{−k/C} + 4e^{−(min{m,n}+k)/2} ≤ (1 + 4e^{−1/2})e^{−k/C′}
 * ≤ C′e^{−k/C′} once C′ ≥ max{C, 2, 1 + 4e^{−1/2}}).
 *
 * Scale of the deterministic matrix steps (f0-norm, sigma-r-scaling, sigma-r-bound): their sides are
 * written once against BoundOps on c3Model (F̃₀, G̃₀ exact inputs, the scaling and A₀, Ã₀ by their
 * definitions) and evaluated in the magnitude model (src/claims/measured.ts), so the scale is computed.
 */
import { parameterRelationScale } from './general.ts';
import fc from 'fast-check';
import { isJcdInitShape } from '../support/hypotheses.ts';
import { diag, frobenius, type Mat, mulAll, scale, add, sub, block, vstack } from '../../../src/linalg/dense.ts';
import { opNorm, singularValues } from '../../../src/linalg/spectral.ts';
import { dimension, fractionOfMax, gridMatrix, inLogRange, inRange, orthogonal, scaledTo, unitInterval } from '../../../src/random/arbitraries.ts';
import { drawJcdInit } from '../support/init.ts';
import { atLeast, atMost, type Comparison } from '../../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps, residualComparisons } from '../../../src/claims/measured.ts';
import { deriveExact } from '../../../src/exact/states.ts';
import { COMPUTED_TOLERANCE, hypothesis, type Hypothesis, leq } from '../../../src/claims/hypotheses.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { type Claim, defineClaim, type Sabotage } from '../../../src/claims/types.ts';
import { defineMonteCarloClaim } from '../../../src/claims/montecarlo.ts';
import { hasShape } from '../../../src/hypotheses/matrix.ts';
import { LEMMA_C1_C } from '../lemma-c.1.sigma-min.ts';
import { lemmaC3 } from '../lemma-c.3.init.ts';
import { b1Blocks } from './prop-b.1.ts';

// ---------------------------------------------------------------------------------------------
// Lemma C.1: c_ρ(√k − √(r−1)) ≥ c_ρ/(2√k).

interface C1Instance {
  readonly r: number;
  readonly k: number;
  readonly cRho: number;
}

/** k ∈ [1, 10⁴] log-uniform (rounded); k − r small (∈ [0, 3]: r = k, the tightest case, an eighth of the time or more) or anywhere in [0, k − 1]; c_ρ ∈ [10⁻³, 10³]. */
function c1Instances(): fc.Arbitrary<C1Instance> {
  return fc.record({ u: unitInterval(), small: fc.boolean(), cRho: inLogRange(1e-3, 1e3) }).chain(({ u, small, cRho }) => {
    const k = Math.round(10 ** (4 * u));
    return (small ? dimension(0, Math.min(3, k - 1)) : dimension(0, k - 1)).map((gap) => ({ r: k - gap, k, cRho }));
  });
}

function c1Second(x: C1Instance, variant: 'printed' | 'sabotaged' = 'printed'): Comparison[] {
  const lhs = x.cRho * (Math.sqrt(x.k) - Math.sqrt(x.r - 1));
  const rhs = variant === 'printed' ? x.cRho / (2 * Math.sqrt(x.k)) : x.cRho / Math.sqrt(x.k);
  return [
    atLeast(
      variant === 'printed' ? 'c_ρ(√k − √(r−1)) ≥ c_ρ/(2√k)' : 'c_ρ(√k − √(r−1)) ≥ c_ρ/√k',
      lhs,
      rhs,
      parameterRelationScale(x.cRho * Math.sqrt(x.k), rhs),
    ),
  ];
}

export const c1StepSecond = defineClaim<C1Instance>({
  id: 'jcd.lemma-c.1.step-second',
  source: { paper: 'JCD', where: 'Lemma C.1, the displayed chain "σ_min(A) ≥ c_ρ(√k − √(r−1)) ≥ c_ρ/(2√k)", second inequality (deterministic)' },
  kind: 'inequality',
  statement: 'c_ρ(√k − √(r−1)) ≥ c_ρ/(2√k) for integers 1 ≤ r ≤ k and c_ρ > 0',
  hypotheses: [
    hypothesis<C1Instance>(
      'c1-shape',
      'A an r×k matrix with r ≤ k (integers, r ≥ 1)',
      (x) => Number.isInteger(x.r) && Number.isInteger(x.k) && x.r >= 1 && x.r <= x.k,
      {
        coordinates: { k: { value: (x) => x.k, domain: [1, 10_000] }, 'k − r': { value: (x) => x.k - x.r, domain: [0, 9_999] } },
      },
    ),
    hypothesis<C1Instance>('c1-c-rho', 'for every c_ρ > 0', (x) => x.cRho > 0, { coordinates: { c_ρ: { value: (x) => x.cRho, domain: [1e-3, 1e3] } } }),
  ],
  instances: c1Instances(),
  size: () => 1,
  check: (x) => c1Second(x),
  expected: 'holds',
  sabotage: { description: 'the right side c_ρ/(2√k) made c_ρ/√k (fails at r = k ≥ 2)', check: (x) => c1Second(x, 'sabotaged') },
  runs: 300,
});

// ---------------------------------------------------------------------------------------------
// Lemma C.3: the deterministic steps, on F̃₀, G̃₀.

interface C3Instance {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly r: number;
  readonly sigma1: number;
  readonly rho: number;
  readonly cRho: number;
  /** F̃₀ ∈ ℝ^{m×k}, G̃₀ ∈ ℝ^{n×k} (before the scaling by ρ/(3√(m+n+k))). */
  readonly Ft: Mat;
  readonly Gt: Mat;
}

const D = (x: { m: number; n: number; k: number }) => x.m + x.n + x.k;
const dimOf = (x: C3Instance) => Math.max(x.m, x.n, x.k);
const sigmaR = (M: Mat, r: number) => singularValues(M)[r - 1] ?? 0;
/** Ã₀ = (Ũ₀+Ṽ₀)/2 (the blocks of F̃₀, G̃₀). */
const aTilde = (x: C3Instance) => b1Blocks({ ...x, F0: x.Ft, G0: x.Gt }).A0;
/** ‖Ũ₀‖_F + ‖Ṽ₀‖_F: Ã₀ = (Ũ₀+Ṽ₀)/2 is computed with an error of a multiple of u times this (however small σ_r(Ã₀) is). */
const uvScale = (x: C3Instance) => {
  const b = b1Blocks({ ...x, F0: x.Ft, G0: x.Gt });
  return frobenius(b.U0) + frobenius(b.V0);
};
/** √(σ₁/2)·c_ρ(√k − √(r−1)): Lemma C.1's bound for Ã₀/√(σ₁/2), scaled back. */
const c1Floor = (x: Pick<C3Instance, 'sigma1' | 'cRho' | 'k' | 'r'>) => Math.sqrt(x.sigma1 / 2) * x.cRho * (Math.sqrt(x.k) - Math.sqrt(x.r - 1));

/**
 * r ∈ [1, 10], k − r ∈ [0, 3], m − r, n − r ∈ [0, 10], σ₁ ∈ [½, 2], ρ ∈ [10⁻³, 10³] (log-uniform; any
 * ρ > 0), c_ρ ∈ [10⁻³, 10] (log-uniform; any c_ρ > 0). The event drawn on:
 *  - 'c2': ‖F̃₀‖ = f·3√(m+k)√σ₁, ‖G̃₀‖ = g·3√(n+k)√σ₁ (grid directions; f, g ∈ (0, 1]);
 *  - 'c1': Ã = Q₁diag(w)R with w_i = (1 + u_i)·√(σ₁/2)c_ρ(√k − √(r−1)) (u_i ∈ [0, 1], so σ_r(Ã) on the
 *    bound when min u = 0), B̃, J̃, K̃ grid matrices of norm ≤ 2√σ₁, F̃₀ = [Ã + B̃; J̃], G̃₀ = [Ã − B̃; K̃].
 */
function c3Instances(event: 'c1' | 'c2'): fc.Arbitrary<C3Instance> {
  return fc
    .record({
      r: dimension(1, 10),
      extra: dimension(0, 3),
      mc: dimension(0, 10),
      nc: dimension(0, 10),
      sigma1: inRange(0.5, 2),
      rho: inLogRange(1e-3, 1e3),
      cRho: inLogRange(1e-3, 10),
      f: fractionOfMax(),
      g: fractionOfMax(),
      b: unitInterval(),
      j: unitInterval(),
      kk: unitInterval(),
    })
    .chain(({ r, extra, mc, nc, sigma1, rho, cRho, f, g, b, j, kk }) => {
      const [m, n, k] = [r + mc, r + nc, r + extra];
      return fc
        .record({
          WF: gridMatrix(m, k, 2, 8),
          WG: gridMatrix(n, k, 2, 8),
          Q1: orthogonal(r),
          Q2: orthogonal(k),
          w: fc.array(unitInterval(), { minLength: r, maxLength: r }),
          WB: gridMatrix(r, k, 2, 8),
          WJ: gridMatrix(mc, k, 2, 8),
          WK: gridMatrix(nc, k, 2, 8),
        })
        .map(({ WF, WG, Q1, Q2, w, WB, WJ, WK }): C3Instance => {
          const base = { m, n, k, r, sigma1, rho, cRho };
          if (event === 'c2')
            return { ...base, Ft: scaledTo(WF, opNorm, f * 3 * Math.sqrt((m + k) * sigma1)), Gt: scaledTo(WG, opNorm, g * 3 * Math.sqrt((n + k) * sigma1)) };
          const floor = c1Floor(base);
          const A = mulAll(Q1, diag(w.map((u) => (1 + u) * floor)), block(Q2, 0, r, 0, k));
          const B = scaledTo(WB, opNorm, 2 * b * Math.sqrt(sigma1));
          return {
            ...base,
            Ft: vstack(add(A, B), scaledTo(WJ, opNorm, 2 * j * Math.sqrt(sigma1))),
            Gt: vstack(sub(A, B), scaledTo(WK, opNorm, 2 * kk * Math.sqrt(sigma1))),
          };
        });
    });
}

const C3_SHAPE = hypothesis<C3Instance>(
  'c3-shape',
  'F̃₀ ∈ ℝ^{m×k}, G̃₀ ∈ ℝ^{n×k} (Lemma C.3; i.i.d. N(0, σ₁) entries, σ₁ > 0, the law being used only through the events below), r ≤ k, r ≤ min{m, n}',
  (x) => isJcdInitShape(x) && x.sigma1 > 0 && hasShape(x.Ft, x.m, x.k) && hasShape(x.Gt, x.n, x.k),
  {
    coordinates: {
      r: { value: (x) => x.r, domain: [1, 10] },
      'k − r': { value: (x) => x.k - x.r, domain: [0, 3] },
      'm − r': { value: (x) => x.m - x.r, domain: [0, 10] },
      'n − r': { value: (x) => x.n - x.r, domain: [0, 10] },
      'σ₁': { value: (x) => x.sigma1, domain: [0.5, 2] },
    },
  },
);

const C3_RHO = hypothesis<C3Instance>('c3-rho', 'any fixed ρ > 0', (x) => x.rho > 0, {
  coordinates: { 'log₁₀ ρ': { value: (x) => Math.log10(x.rho), domain: [-3, 3] } },
});

const C2_EVENT = hypothesis<C3Instance>(
  'c2-event',
  "Lemma C.2's event for F̃₀/√σ₁ and G̃₀/√σ₁ (the proof's first sentence): ‖F̃₀‖ ≤ 3√(m+k)√σ₁ and ‖G̃₀‖ ≤ 3√(n+k)√σ₁",
  (x) => leq(opNorm(x.Ft), 3 * Math.sqrt((x.m + x.k) * x.sigma1), dimOf(x)) && leq(opNorm(x.Gt), 3 * Math.sqrt((x.n + x.k) * x.sigma1), dimOf(x)),
  {
    tolerance: COMPUTED_TOLERANCE,
    coordinates: { '‖F̃₀‖/(3√(m+k)√σ₁)': { value: (x) => opNorm(x.Ft) / (3 * Math.sqrt((x.m + x.k) * x.sigma1)), domain: [0, 1] } },
  },
);

const C1_EVENT = hypothesis<C3Instance>(
  'c1-event',
  "Lemma C.1's conclusion for Ã₀/√(σ₁/2) (i.i.d. N(0, 1) entries, by …/step-a0-law/corrected), c_ρ > 0: σ_r(Ã₀) ≥ √(σ₁/2)·c_ρ(√k − √(r−1)), Ã₀ = (Ũ₀+Ṽ₀)/2",
  (x) => x.cRho > 0 && sigmaR(aTilde(x), x.r) >= c1Floor(x) - relativeTolerance('inequality', dimOf(x)) * uvScale(x),
  {
    tolerance: 'relative 64·γ_n of ‖Ũ₀‖_F + ‖Ṽ₀‖_F (Ã₀ = (Ũ₀+Ṽ₀)/2 is computed with an error of a multiple of u(‖Ũ₀‖ + ‖Ṽ₀‖), however small σ_r(Ã₀) is)',
    coordinates: {
      'σ_r(Ã₀)/(√(σ₁/2)c_ρ(√k − √(r−1)))': { value: (x) => sigmaR(aTilde(x), x.r) / c1Floor(x), domain: [1, 2] },
      'log₁₀ c_ρ': { value: (x) => Math.log10(x.cRho), domain: [-3, 1] },
    },
  },
);

interface C3Spec {
  readonly id: string;
  readonly where: string;
  readonly statement: string;
  readonly kind?: 'identity' | 'inequality';
  readonly event: 'c1' | 'c2';
  readonly check: (x: C3Instance) => Comparison[];
  readonly sabotage: Sabotage<C3Instance>;
}

function c3Claim(c: C3Spec): Claim<C3Instance> {
  const hypotheses: ReadonlyArray<Hypothesis<C3Instance>> = [C3_SHAPE, C3_RHO, c.event === 'c1' ? C1_EVENT : C2_EVENT];
  return defineClaim<C3Instance>({
    id: c.id,
    source: { paper: 'JCD', where: `Lemma C.3, proof: ${c.where}` },
    kind: c.kind ?? 'inequality',
    statement: c.statement,
    hypotheses,
    instances: c3Instances(c.event),
    size: dimOf,
    check: c.check,
    ...(c.kind === 'identity'
      ? {
          exact: {
            skip: 'not rational in the entries: both sides are r-th singular values (roots of a characteristic polynomial); the identity is the homogeneity σ_r(cM) = cσ_r(M), c > 0',
          },
        }
      : {}),
    expected: 'holds',
    sabotage: c.sabotage,
    runs: 150,
  });
}

/** The scaling ρ/(three·√(m+n+k)) of F₀ = ρ/(3√(m+n+k))·F̃₀ (three = 3 as printed). */
function scaling<M, S>(A: BoundOps<M, S>, x: C3Instance, three = 3): S {
  return A.F.div(A.constant(x.rho), A.F.mul(A.int(three), A.sqrt(A.int(D(x)))));
}

/**
 * The proof's matrices in a model with the analytic operations: F̃₀, G̃₀ and their blocks at r exact
 * inputs, F₀, G₀ and their blocks scaled by ρ/(3√(m+n+k)) (three = 3 as printed), and Ã₀, A₀ by
 * (4.4)'s definition A = (U + V)/2 (deriveExact; Σ does not enter A, so it is passed as 0).
 */
function c3Model<M, S>(A: BoundOps<M, S>, x: C3Instance, three = 3) {
  const f = scaling(A, x, three);
  const bt = b1Blocks({ ...x, F0: x.Ft, G0: x.Gt });
  const tilde = { U: A.input(bt.U0), V: A.input(bt.V0), J: A.input(bt.J0), K: A.input(bt.K0) };
  const scaledBlocks = { U: A.scale(f, tilde.U), V: A.scale(f, tilde.V), J: A.scale(f, tilde.J), K: A.scale(f, tilde.K) };
  const zero = A.zeros(x.r, x.r);
  return {
    F0: A.scale(f, A.input(x.Ft)),
    G0: A.scale(f, A.input(x.Gt)),
    At: deriveExact(A, zero, tilde).A,
    A0: deriveExact(A, zero, scaledBlocks).A,
  };
}

/** The magnitude model at the claim's tolerance (src/claims/measured.ts): values and computed magnitudes. */
const measuredOps = (x: C3Instance, kind: 'identity' | 'inequality') => boundOps(relativeTolerance(kind, dimOf(x)));

function f0Norm(x: C3Instance, three = 3): Comparison[] {
  const A = measuredOps(x, 'inequality');
  const q = c3Model(A, x, three);
  const bound = A.F.mul(A.constant(x.rho), A.sqrt(A.constant(x.sigma1)));
  return [boundComparison('‖F₀‖ ≤ ρ√σ₁', A.opNorm(q.F0), '≤', bound), boundComparison('‖G₀‖ ≤ ρ√σ₁', A.opNorm(q.G0), '≤', bound)];
}

export const c3StepF0Norm = c3Claim({
  id: 'jcd.lemma-c.3.step-f0-norm',
  where: '"Hence, we have ‖F₀‖ ≤ ρ√σ₁ and ‖G₀‖ ≤ ρ√σ₁" (from ‖F̃₀‖ ≤ 3√(m+k)√σ₁, ‖G̃₀‖ ≤ 3√(n+k)√σ₁ and F₀ = ρ/(3√(m+n+k))·F̃₀)',
  statement: '‖F̃₀‖ ≤ 3√(m+k)√σ₁ and ‖G̃₀‖ ≤ 3√(n+k)√σ₁ imply ‖F₀‖ ≤ ρ√σ₁ and ‖G₀‖ ≤ ρ√σ₁, F₀ = ρ/(3√(m+n+k))·F̃₀, G₀ = ρ/(3√(m+n+k))·G̃₀',
  event: 'c2',
  check: (x) => f0Norm(x),
  sabotage: { description: 'the 3 of the scaling dropped: F₀ = ρ/√(m+n+k)·F̃₀', check: (x) => f0Norm(x, 1) },
});

function sigmaRScaling(x: C3Instance, three = 3): Comparison[] {
  const A = measuredOps(x, 'identity');
  const q = c3Model(A, x);
  const rhs = A.F.mul(scaling(A, x, three), A.sigmaMin(q.At));
  return residualComparisons({ 'σ_r(A₀) = ρ/(3√(m+n+k))·σ_r(Ã₀)': A.F.sub(A.sigmaMin(q.A0), rhs) });
}

export const c3StepSigmaRScaling = c3Claim({
  id: 'jcd.lemma-c.3.step-sigma-r-scaling',
  where: '"σ_r(A₀) = ρ/(3√(m+n+k))·σ_r(Ã₀)", the equality (Ã₀ = (Ũ₀+Ṽ₀)/2, Ũ₀, Ṽ₀ the first r rows of F̃₀, G̃₀; A₀ from F₀ = ρ/(3√(m+n+k))·F̃₀, G₀)',
  statement: 'σ_r(A₀) = ρ/(3√(m+n+k))·σ_r(Ã₀)',
  kind: 'identity',
  event: 'c1',
  check: (x) => sigmaRScaling(x),
  sabotage: { description: 'the 3 dropped: σ_r(A₀) = ρ/√(m+n+k)·σ_r(Ã₀)', check: (x) => sigmaRScaling(x, 1) },
});

function sigmaRBound(x: C3Instance, sabotaged = false): Comparison[] {
  const A = measuredOps(x, 'inequality');
  const { F } = A;
  const q = c3Model(A, x);
  const d = A.int(D(x));
  const rhs = F.div(F.mul(F.mul(A.constant(x.cRho), A.constant(x.rho)), A.sqrt(A.constant(x.sigma1))), F.mul(A.int(12), sabotaged ? A.sqrt(d) : d));
  return [
    boundComparison(
      sabotaged ? 'ρ/(3√(m+n+k))·σ_r(Ã₀) ≥ c_ρρ√σ₁/(12√(m+n+k))' : 'ρ/(3√(m+n+k))·σ_r(Ã₀) ≥ c_ρρ√σ₁/(12(m+n+k))',
      F.mul(scaling(A, x), A.sigmaMin(q.At)),
      '≥',
      rhs,
    ),
  ];
}

export const c3StepSigmaRBound = c3Claim({
  id: 'jcd.lemma-c.3.step-sigma-r-bound',
  where: '"By Proposition C.1, … σ_r(A₀) = ρ/(3√(m+n+k))·σ_r(Ã₀) ≥ c_ρρ√σ₁/(12(m+n+k))", the inequality (C.1 applied to Ã₀/√(σ₁/2))',
  statement: 'σ_r(Ã₀) ≥ √(σ₁/2)c_ρ(√k − √(r−1)) implies ρ/(3√(m+n+k))·σ_r(Ã₀) ≥ c_ρρ√σ₁/(12(m+n+k))',
  event: 'c1',
  check: (x) => sigmaRBound(x),
  sabotage: {
    description: "the right side with √(m+n+k) for (m+n+k): c_ρρ√σ₁/(12√(m+n+k)) (fails at r = k ≥ 3 near C.1's bound)",
    check: (x) => sigmaRBound(x, true),
  },
});

// ---------------------------------------------------------------------------------------------
// "By increasing C if necessary".

interface IncreaseC {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly r: number;
  /** Lemma C.1's constant C and c_ρ. */
  readonly C: number;
  readonly cRho: number;
}

/** The increased constant C′ = max{C, 4} (the module comment derives it). */
const increased = (x: IncreaseC) => Math.max(x.C, 4);

/** log Σ e^{aᵢ} (no overflow: (Cc_ρ)^{k−r+1} reaches 10³⁰⁰ and beyond on the domain). */
function logSumExp(...a: number[]): number {
  const top = Math.max(...a);
  return top + Math.log(a.reduce((s, v) => s + Math.exp(v - top), 0));
}

/** The sums in logs (both positive). */
function increaseC(x: IncreaseC, Cp = increased(x)): Comparison[] {
  const d = x.k - x.r + 1;
  const lhs = logSumExp(d * Math.log(x.C * x.cRho), -x.k / x.C, Math.LN2 - (x.m + x.k) / 2, Math.LN2 - (x.n + x.k) / 2);
  const rhs = logSumExp(d * Math.log(Cp * x.cRho), Math.log(Cp) - x.k / Cp);
  return [
    atMost('log[(Cc_ρ)^{k−r+1} + e^{−k/C} + 2e^{−(m+k)/2} + 2e^{−(n+k)/2}] ≤ log[(C′c_ρ)^{k−r+1} + C′e^{−k/C′}]', lhs, rhs, parameterRelationScale(lhs, rhs)),
  ];
}

export const c3StepIncreaseC = defineClaim<IncreaseC>({
  id: 'jcd.lemma-c.3.step-increase-c',
  source: {
    paper: 'JCD',
    where:
      'Lemma C.3, proof: "By increasing C if necessary, we obtain the desired result" (the union bound\'s probability against the statement\'s 1 − (Cc_ρ)^{k−r+1} − C exp(−k/C))',
  },
  kind: 'inequality',
  statement: '1 − (Cc_ρ)^{k−r+1} − e^{−k/C} − 2e^{−(m+k)/2} − 2e^{−(n+k)/2} ≥ 1 − (C′c_ρ)^{k−r+1} − C′e^{−k/C′} for some C′ ≥ C depending on C only',
  hypotheses: [
    hypothesis<IncreaseC>(
      'c3-dims',
      'integers 1 ≤ r ≤ k, r ≤ min{m, n}',
      (x) => [x.m, x.n, x.k, x.r].every((v) => Number.isInteger(v) && v >= 1) && x.r <= x.k && x.r <= Math.min(x.m, x.n),
      {
        coordinates: { k: { value: (x) => x.k, domain: [1, 200] }, 'k − r': { value: (x) => x.k - x.r, domain: [0, 199] } },
      },
    ),
    hypothesis<IncreaseC>('c3-constants', "C > 0 (Lemma C.1's universal constant) and c_ρ > 0", (x) => x.C > 0 && x.cRho > 0, {
      coordinates: { 'log₁₀ C': { value: (x) => Math.log10(x.C), domain: [-2, 2] }, c_ρ: { value: (x) => x.cRho, domain: [0, 1] } },
    }),
  ],
  choices: { 'C′': 'C′ = max{C, 4} (the proof\'s "increasing C if necessary"; the module comment shows it suffices)' },
  instances: fc
    .record({ k: dimension(1, 200), u: unitInterval(), mc: dimension(0, 200), nc: dimension(0, 200), C: inLogRange(0.01, 100), cRho: fractionOfMax() })
    .map(({ k, u, mc, nc, C, cRho }) => {
      const r = 1 + Math.floor(u * (k - 1));
      return { k, r, m: r + mc, n: r + nc, C, cRho };
    }),
  size: () => 1,
  check: (x) => increaseC(x),
  expected: 'holds',
  sabotage: { description: 'C not increased (C′ = C): fails for small C, where 2e^{−(m+k)/2} exceeds Ce^{−k/C}', check: (x) => increaseC(x, x.C) },
  runs: 300,
});

// ---------------------------------------------------------------------------------------------
// Monte Carlo steps.

type InitShape = { m: number; n: number; k: number; r: number; sigma1: number };

const smallShape = hypothesis<InitShape>(
  'c3-shape',
  'F̃₀ ∈ ℝ^{m×k}, G̃₀ ∈ ℝ^{n×k} with i.i.d. N(0, σ₁) entries (variance σ₁; the draw: drawJcdInit), r ≤ k, r ≤ min{m, n}',
  (p) => [p.m, p.n, p.k, p.r].every((v) => Number.isInteger(v) && v >= 1) && p.r <= p.k && p.r <= Math.min(p.m, p.n) && p.sigma1 > 0,
  { coordinates: { 'm + k': { value: (p) => p.m + p.k, domain: [4, 9] }, 'n + k': { value: (p) => p.n + p.k, domain: [4, 8] } } },
);

/** F̃₀, G̃₀ themselves: drawJcdInit with ρ = 3√(m+n+k), so its scaling ρ/(3√(m+n+k)) is exactly 1. */
const drawTilde = (p: InitShape, seed: string) => drawJcdInit({ ...p, rho: 3 * Math.sqrt(p.m + p.n + p.k) }, seed);

export const c3StepC2Norms = defineMonteCarloClaim<InitShape, { nF: number; nG: number }>({
  id: 'jcd.lemma-c.3.step-c2-norms',
  source: {
    paper: 'JCD',
    where:
      'Lemma C.3, proof: "By Proposition C.2, with probability at least 1 − 2e^{−(m+k)/2} − 2e^{−(n+k)/2}, we have ‖F̃₀‖ ≤ 3√(m+k)√σ₁ and ‖G̃₀‖ ≤ 3√(n+k)√σ₁"',
  },
  kind: 'probabilistic',
  statement: 'P(‖F̃₀‖ ≤ 3√(m+k)√σ₁ and ‖G̃₀‖ ≤ 3√(n+k)√σ₁) ≥ 1 − 2e^{−(m+k)/2} − 2e^{−(n+k)/2}, F̃₀, G̃₀ with i.i.d. N(0, σ₁) entries',
  hypotheses: [smallShape],
  choices: { shapes: 'only shapes whose claimed probability 500 trials can confirm (m + k, n + k ≤ 9; see jcd.lemma-c.2.sigma-max)' },
  settings: [
    { m: 2, n: 2, k: 2, r: 1, sigma1: 1 },
    { m: 3, n: 4, k: 3, r: 2, sigma1: 0.5 },
    { m: 5, n: 4, k: 4, r: 3, sigma1: 2 },
  ],
  describe: ({ m, n, k, sigma1 }) => `m = ${m}, n = ${n}, k = ${k}, σ₁ = ${sigma1}`,
  draw: (p, seed) => {
    const x = drawTilde(p, `c3-c2:${seed}`);
    return { nF: opNorm(x.F0) / Math.sqrt((p.m + p.k) * p.sigma1), nG: opNorm(x.G0) / Math.sqrt((p.n + p.k) * p.sigma1) };
  },
  constants: { C: { printed: () => 3, formula: '3' } },
  event: (_p, x, c) => x.nF <= c.C && x.nG <= c.C,
  probability: { formula: '1 − 2e^{−(m+k)/2} − 2e^{−(n+k)/2}', printed: (p) => 1 - 2 * Math.exp(-(p.m + p.k) / 2) - 2 * Math.exp(-(p.n + p.k) / 2) },
  trials: 500,
  witness: { C: (_p, x) => Math.max(x.nF, x.nG) },
  expected: 'holds',
  sabotage: { description: 'the constant 3 made 1', constants: { C: () => 1 } },
});

type LawSetting = InitShape & { rho: number };

/** δ, δ′ of the Chebyshev event (the module comment of step-a0-law). */
const DELTA = 0.4;
const DELTA_MEAN = 0.5;

/** Mean and mean square of a matrix's entries. */
function moments(M: Mat): { mean: number; meanSq: number } {
  let s = 0;
  let s2 = 0;
  for (const v of M.data) {
    s += v;
    s2 += v * v;
  }
  return { mean: s / M.data.length, meanSq: s2 / M.data.length };
}

/**
 * The law "i.i.d. N(0, vσ₁)" of an r×k matrix, tested through two of its consequences: with N = rk
 * entries, the mean square z and the mean μ satisfy Var(z/(vσ₁)) = 2/N and Var(μ/√(vσ₁)) = 1/N, so by
 * Chebyshev P(|z/(vσ₁) − 1| ≤ δ and |μ|/√(vσ₁) ≤ δ′) ≥ 1 − 2/(Nδ²) − 1/(Nδ′²) (δ = 0.4, δ′ = 0.5).
 * A variance off by a factor outside [0.6, 1.4] fails the event on almost every draw.
 */
function lawClaim(corrected: boolean) {
  const N = (p: LawSetting) => p.r * p.k;
  return defineMonteCarloClaim<LawSetting, { mean: number; meanSq: number }>({
    id: corrected ? 'jcd.lemma-c.3.step-a0-law/corrected' : 'jcd.lemma-c.3.step-a0-law',
    source: {
      paper: 'JCD',
      where: corrected
        ? 'Lemma C.3, proof: "A₀ = (U₀+V₀)/2 has i.i.d. N(0, σ₁/2) entries", read for the unscaled Ã₀ = (Ũ₀+Ṽ₀)/2 the next display uses'
        : 'Lemma C.3, proof: "On the other hand, A₀ = (U₀+V₀)/2 has i.i.d. N(0, σ₁/2) entries" (A₀, U₀, V₀ as printed: the blocks of the scaled F₀, G₀)',
    },
    kind: 'probabilistic',
    statement: corrected
      ? 'Ã₀ = (Ũ₀+Ṽ₀)/2 (Ũ₀, Ṽ₀ the first r rows of F̃₀, G̃₀) has i.i.d. N(0, σ₁/2) entries — tested by P(|z/(σ₁/2) − 1| ≤ 0.4, |μ|/√(σ₁/2) ≤ 0.5) ≥ 1 − 16.5/(rk) (z, μ: mean square and mean of the entries; Chebyshev)'
      : 'A₀ = (U₀+V₀)/2 has i.i.d. N(0, σ₁/2) entries — tested by P(|z/(σ₁/2) − 1| ≤ 0.4, |μ|/√(σ₁/2) ≤ 0.5) ≥ 1 − 16.5/(rk) (z, μ: mean square and mean of the entries; Chebyshev)',
    hypotheses: [
      hypothesis<LawSetting>(
        'c3-shape',
        'F̃₀ ∈ ℝ^{m×k}, G̃₀ ∈ ℝ^{n×k} with i.i.d. N(0, σ₁) entries (variance σ₁; the draw: drawJcdInit), r ≤ k, r ≤ min{m, n}, rk ≥ 36 (so the Chebyshev bound is informative)',
        (p) => [p.m, p.n, p.k, p.r].every((v) => Number.isInteger(v) && v >= 1) && p.r <= p.k && p.r <= Math.min(p.m, p.n) && p.sigma1 > 0 && p.r * p.k >= 36,
        { coordinates: { rk: { value: N, domain: [36, 210] } } },
      ),
      hypothesis<LawSetting>('c3-rho', 'any fixed ρ > 0 (F₀ = ρ/(3√(m+n+k))·F̃₀)', (p) => p.rho > 0, {
        coordinates: { 'ρ/(3√(m+n+k))': { value: (p) => p.rho / (3 * Math.sqrt(p.m + p.n + p.k)), domain: [0, 1] } },
      }),
    ],
    choices: { 'δ, δ′': `δ = ${DELTA}, δ′ = ${DELTA_MEAN} (the Chebyshev event; a test of the variance and mean, not of normality or independence)` },
    settings: [
      { m: 12, n: 12, k: 6, r: 6, sigma1: 1, rho: 1 },
      { m: 20, n: 20, k: 10, r: 10, sigma1: 2, rho: 0.5 },
      { m: 40, n: 40, k: 15, r: 14, sigma1: 0.5, rho: Math.sqrt(0.05) },
      { m: 16, n: 10, k: 8, r: 6, sigma1: 1.5, rho: 1 },
    ],
    describe: ({ m, n, k, r, sigma1, rho }) => `m = ${m}, n = ${n}, k = ${k}, r = ${r}, σ₁ = ${sigma1}, ρ = ${rho.toPrecision(4)}`,
    draw: (p, seed) => {
      const x = drawJcdInit(p, `c3-law:${seed}`);
      // Ã₀ = A₀·3√(m+n+k)/ρ (the identity of step-sigma-r-scaling, entrywise).
      return moments(corrected ? scale(x.A0, (3 * Math.sqrt(p.m + p.n + p.k)) / p.rho) : x.A0);
    },
    constants: { v: { printed: () => 0.5, formula: '1/2 (the variance σ₁/2 over σ₁)' } },
    event: (p, x, c) => Math.abs(x.meanSq / (c.v * p.sigma1) - 1) <= DELTA && Math.abs(x.mean) / Math.sqrt(c.v * p.sigma1) <= DELTA_MEAN,
    probability: { formula: '1 − 2/(rkδ²) − 1/(rkδ′²) = 1 − 16.5/(rk)', printed: (p) => 1 - 2 / (N(p) * DELTA * DELTA) - 1 / (N(p) * DELTA_MEAN * DELTA_MEAN) },
    trials: 200,
    witness: { v: (p, x) => x.meanSq / p.sigma1 },
    target: () => 0.5,
    expected: corrected ? 'holds' : 'refuted',
    ...(corrected
      ? { corrects: 'jcd.lemma-c.3.step-a0-law' }
      : {
          corrected: 'jcd.lemma-c.3.step-a0-law/corrected',
          erratum:
            'As printed, A₀ = (U₀+V₀)/2 is formed from the scaled F₀ = ρ/(3√(m+n+k))·F̃₀, G₀, so its entries are i.i.d. N(0, σ₁ρ²/(18(m+n+k))), not N(0, σ₁/2): the variance is off by the factor ρ²/(9(m+n+k)), and the printed law holds only at ρ = 3√(m+n+k). Measured: on every setting (ρ ≤ 1, m+n+k ∈ [30, 95]) the event fails on every draw (mean square / (σ₁/2) ≈ ρ²/(9(m+n+k)) ≤ 1/270, the witness v (mean square over σ₁) ≈ 3·10⁻⁵–2·10⁻³ against the printed 1/2). Exact (rationals): ρ = 1, m = n = k = r = 1: Var(A₀ᵢⱼ) = (1/4)(σ₁/27 + σ₁/27) = σ₁/54 ≠ σ₁/2. Correction (…/corrected): the unscaled Ã₀ = (Ũ₀+Ṽ₀)/2, which the next display uses (σ_r(A₀) = ρ/(3√(m+n+k))σ_r(Ã₀)), has i.i.d. N(0, σ₁/2) entries.',
          grading: {
            grade: 'local' as const,
            why: 'a notation slip (the tildes of Ã₀ = (Ũ₀+Ṽ₀)/2 missing; the text copy keeps tildes elsewhere in this proof, so likely in the source): the next display applies Lemma C.1 to Ã₀, the unscaled matrix, whose law is the printed one; nothing downstream changes',
            dependents: ['jcd.lemma-c.3.step-sigma-r-bound', 'Lemma C.3 item 3', 'jcd.lemma-c.3.init'],
          },
        }),
    sabotage: corrected
      ? { description: 'the variance σ₁/2 made σ₁ (as if A₀ were a block of F̃₀)', constants: { v: () => 1 } }
      : { description: 'the variance σ₁/2 made σ₁', constants: { v: () => 1 } },
  });
}

export const c3StepA0Law = lawClaim(false);
export const c3StepA0LawCorrected = lawClaim(true);

type C3Setting = (typeof lemmaC3.settings)[number];

/** Lemma C.1's chosen C (lemmas/jcd/lemma-c.1.sigma-min.ts): the C of the union bound's first two terms. */
const C_UNION = LEMMA_C1_C;
const dOf = (p: C3Setting) => p.k - p.r + 1;
const unionProbability = (p: C3Setting, C: number) => 1 - p.s ** dOf(p) - Math.exp(-p.k / C) - 2 * Math.exp(-(p.m + p.k) / 2) - 2 * Math.exp(-(p.n + p.k) / 2);

export const c3StepUnion = defineMonteCarloClaim({
  id: 'jcd.lemma-c.3.step-union',
  source: {
    paper: 'JCD',
    where: 'Lemma C.3, proof: "Combining, all items hold with probability at least 1 − (Cc_ρ)^{k−r+1} − exp(−k/C) − 2e^{−(m+k)/2} − 2e^{−(n+k)/2}"',
  },
  kind: 'probabilistic',
  statement: "Lemma C.3's three items hold with probability at least 1 − (Cc_ρ)^{k−r+1} − exp(−k/C) − 2e^{−(m+k)/2} − 2e^{−(n+k)/2} (C: Lemma C.1's)",
  hypotheses: lemmaC3.hypotheses,
  choices: {
    C: `C = ${C_UNION} (Lemma C.1's constant as chosen in jcd.lemma-c.1.sigma-min; the witness estimates the smallest C for the three items)`,
    c_ρ: 'c_ρ = s/C with s = 0.5 (the settings and draws of jcd.lemma-c.3.init)',
  },
  settings: lemmaC3.settings,
  describe: lemmaC3.describe,
  draw: lemmaC3.draw,
  constants: { C: { printed: () => C_UNION, formula: `${C_UNION} (Lemma C.1's, chosen)` } },
  event: lemmaC3.event,
  probability: { formula: `1 − (Cc_ρ)^{k−r+1} − e^{−k/C} − 2e^{−(m+k)/2} − 2e^{−(n+k)/2}, C = ${C_UNION}`, printed: (p) => unionProbability(p, C_UNION) },
  trials: 160,
  ...(lemmaC3.witness ? { witness: lemmaC3.witness } : {}),
  ...(lemmaC3.target ? { target: lemmaC3.target } : {}),
  expected: 'holds',
  sabotage: { description: 'C = 1/200 (in the event and the probability)', constants: { C: () => 1 / 200 }, probability: (p) => unionProbability(p, 1 / 200) },
});

export const c3StepC1SigmaR = defineMonteCarloClaim({
  id: 'jcd.lemma-c.3.step-c1-sigma-r',
  source: {
    paper: 'JCD',
    where:
      'Lemma C.3, proof: "By Proposition C.1, with probability at least 1 − (Cc_ρ)^{k−r+1} − exp(−k/C), we have σ_r(A₀) = … ≥ c_ρρ√σ₁/(12(m+n+k))" (the probability of that line)',
  },
  kind: 'probabilistic',
  statement: "P(σ_r(A₀) ≥ c_ρρ√σ₁/(12(m+n+k))) ≥ 1 − (Cc_ρ)^{k−r+1} − exp(−k/C) (C: Lemma C.1's)",
  hypotheses: lemmaC3.hypotheses,
  choices: {
    C: `C = ${C_UNION} (Lemma C.1's constant as chosen in jcd.lemma-c.1.sigma-min; the witness estimates the smallest C)`,
    c_ρ: 'c_ρ = s/C with s = 0.5 (the settings and draws of jcd.lemma-c.3.init)',
  },
  settings: lemmaC3.settings,
  describe: lemmaC3.describe,
  draw: lemmaC3.draw,
  constants: { C: { printed: () => C_UNION, formula: `${C_UNION} (Lemma C.1's, chosen)` } },
  event: (p, x, c) => x.ratio >= p.s / c.C,
  probability: { formula: `1 − (Cc_ρ)^{k−r+1} − e^{−k/C}, C = ${C_UNION}`, printed: (p) => 1 - p.s ** dOf(p) - Math.exp(-p.k / C_UNION) },
  trials: 160,
  witness: { C: (p, x) => p.s / x.ratio },
  target: (p) => 1 - p.s ** dOf(p),
  expected: 'holds',
  sabotage: {
    description: 'C = 1/200 (in the event and the probability)',
    constants: { C: () => 1 / 200 },
    probability: (p) => 1 - p.s ** dOf(p) - Math.exp(-p.k * 200),
  },
});
