/**
 * JCD Prop. B.2, proof of Item 5 — the bound on ‖B_{s+1}‖²_F: the inequality right after the
 * identity (lemmas/jcd/prop-b.2.b-norm-identity.ts),
 *
 *   ‖B_{s+1}‖²_F ≤ ‖B_s‖²_F − 2ηλ_r(P_s)‖B_s‖²_F + η‖B_sᵀB_s‖_F‖K_sᵀK_s + J_sᵀJ_s‖_F + η‖A_sᵀB_s‖_F‖K_sᵀK_s − J_sᵀJ_s‖_F
 *                 + η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_s(K_sᵀK_s − J_sᵀJ_s)/2 − B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F,
 *
 * and, "combining with Item 4",
 *
 *   ‖B_{s+1}‖²_F ≤ (1 + γησ_r/2)‖B_s‖²_F + 4ησ₁√σ₁√(m+n+k)(1 + γησ_r)^{2s}ρ²‖B_s‖_F
 *                 + 8η²σ₁³(m+n+k)(1 + γησ_r)^{4s}ρ⁴.                                         (B.2)
 *
 * One step from a state satisfying what is in force at step s of the induction: Proposition B.2's
 * η ≤ γσ_r²/(600σ₁³) with Theorem A.1's γ ≥ σ_{r+1}/σ_r, and the induction hypothesis (Items 1–5 for
 * t ≤ s) as it bears on step s: ‖U_sᵀU_s + J_sᵀJ_s‖, ‖V_sᵀV_s + K_sᵀK_s‖ ≤ 7σ₁ (Items 1, 2);
 * max{‖J_s‖, ‖K_s‖} ≤ (1 + γησ_r)^sρ√σ₁ (Item 3 from ‖J₀‖, ‖K₀‖ ≤ ρ√σ₁); λ_r(P_s) ≥ −γσ_r/10 (Item 4);
 * ‖B_s‖_F ≤ (1 + γησ_r)^sρ√(2r)√σ₁ ≤ √σ₁ (Item 5). s and ρ enter only through ε = (1 + γησ_r)^sρ, so
 * an instance fixes ε, with 2√(m+n+k)ε²σ₁ ≤ γσ_r/10 — the proof's "‖K_sᵀK_s ± J_sᵀJ_s‖_F ≤
 * 2√(m+n+k)ρ^{(1−γ)/(1+γ)}σ₁ ≤ γσ_r/10" (Item 3's ε ≤ ρ^{(1−γ)/(2(1+γ))} and the condition on ρ).
 *
 * Instances by construction: B = b·min{ε√(2r), 1}·√σ₁·W_B/‖W_B‖_F (Item 5); A = T^{1/2}W_A with
 * T = Σ + BBᵀ + (γσ_r/10)I and ‖W_A‖ ≤ 1 (so AAᵀ ⪯ T, i.e. λ_r(P) ≥ −γσ_r/10), scaled down if needed
 * to ‖A‖ ≤ √(2σ₁) (never active: Items 4 and 5 give ‖A‖² ≤ (1.1 + 2rε²)σ₁ < 1.3σ₁ here); J, K with
 * operator norm ≤ ε√σ₁; F = [A + B; J], G = [A − B; K] and the step is the engine's (4.2) on Σ_X
 * (tail in [0, γσ_r]). W's are on coarse grids. The predicates recompute every item from F, G, Σ_X.
 *
 * The first inequality holds for any state (λ_r by Lemma C.8, Cauchy–Schwarz, dropping −η‖Q‖²), and
 * it is attained when J = K = 0, r = 1 and B ∥ the λ_r eigenvector; it also holds with the printed
 * identity's two errors, since it bounds both terms in absolute value. (B.2)'s constants ½, 4, 8 each
 * have a witness (the smallest value this instance needs with the other two at their printed values).
 *
 * Each side is written once (`sides`, against BoundOps) and evaluated on the engine's step in the
 * magnitude model (src/claims/measured.ts): the comparison's scale is the two sides' computed
 * magnitudes; the sabotage and the witnesses evaluate the same sides. The η² norm's matrix is (A.5)'s
 * increment G = (B_{s+1} − B_s)/η, the same printed formula as YD21's corrected (22) (bIncrement).
 */
import fc from 'fast-check';
import { jcdBlockStep, jcdEngineStep } from './support/blocks.ts';
import { combine, diag, eye, frobenius, type Mat, mul, transpose, vstack } from '../../src/linalg/dense.ts';
import { lambdaMin, opNorm, symmetricFunction } from '../../src/linalg/spectral.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps, type MeasuredScalar } from '../../src/claims/measured.ts';
import { measuredStepView } from '../../src/gd/measured-step.ts';
import type { FullStepView } from '../../src/exact/states.ts';
import { bIncrement } from '../yd21/eq-22.b-norm-identity.ts';
import type { ConstantValues } from '../../src/claims/types.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { dimension, fractionOfMax, gridMatrix, inRange, scaledTo, spectrum } from '../../src/random/arbitraries.ts';
import { openFraction } from './support/instances.ts';
import { COMPUTED_TOLERANCE, hypothesis, standing } from '../../src/claims/hypotheses.ts';
import { diagonalOf, hasShape, isDiagonalNonIncreasing, leq } from '../../src/hypotheses/matrix.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';

interface B2Instance {
  readonly m: number;
  readonly n: number;
  readonly r: number;
  readonly k: number;
  readonly sigma: Mat;
  readonly sigma1: number;
  readonly sigmaR: number;
  readonly gamma: number;
  /** ε = (1 + γησ_r)^sρ: ‖J‖, ‖K‖ ≤ ε√σ₁. */
  readonly epsilon: number;
  readonly F: Mat;
  readonly G: Mat;
  readonly eta: number;
}

/** T^{1/2} of a symmetric positive semidefinite T (rounding below 0 clamped). */
const sqrtm = (T: Mat): Mat => symmetricFunction(T, (v) => Math.sqrt(Math.max(0, v)));

function instances(fixed: Readonly<Record<string, number>>): fc.Arbitrary<B2Instance> {
  return fc
    .record({
      r: dimension(1, 3),
      extra: dimension(0, 2),
      mc: dimension(0, 2),
      nc: dimension(0, 2),
      sigma1: inRange(0.5, 2),
      ratio: inRange(0.05, 1),
      gamma: openFraction(),
    })
    .chain(({ r, extra, mc, nc, sigma1, ratio, gamma }) => {
      const [m, n, k] = [r + mc, r + nc, r + extra];
      const sigmaR = r === 1 ? sigma1 : ratio * sigma1;
      const epsMax = Math.sqrt((gamma * sigmaR) / (20 * sigma1 * Math.sqrt(m + n + k)));
      return fc
        .record({
          head: spectrum(Math.max(0, r - 2), sigmaR, sigma1),
          tail: spectrum(Math.min(mc, nc), 0, gamma * sigmaR),
          WB: gridMatrix(r, k, 2, 8),
          b: fractionOfMax(),
          WA: gridMatrix(r, k, 2, 8),
          a: fractionOfMax(),
          WJ: gridMatrix(mc, k, 2, 8),
          WK: gridMatrix(nc, k, 2, 8),
          j: fractionOfMax(),
          kk: fractionOfMax(),
          e: fixed.epsFactor === undefined ? fractionOfMax() : fc.constant(fixed.epsFactor),
          f: fixed.etaFactor === undefined ? fractionOfMax() : fc.constant(fixed.etaFactor),
        })
        .map(({ head, tail, WB, b, WA, a, WJ, WK, j, kk, e, f }) => {
          // lo + (hi − lo)·u can exceed hi by an ulp: clamp so that Σ stays ordered (b2-frame).
          const top = r === 1 ? [sigma1] : [sigma1, ...head.map((v) => Math.min(Math.max(v, sigmaR), sigma1)), sigmaR];
          const Sigma = diag(top);
          const epsilon = e * epsMax;
          const B = scaledTo(WB, frobenius, b * Math.min(epsilon * Math.sqrt(2 * r), 1) * Math.sqrt(sigma1));
          const T = combine([1, Sigma], [1, mul(B, transpose(B))], [(gamma * sigmaR) / 10, eye(r)]);
          let A = mul(sqrtm(T), scaledTo(WA, opNorm, a));
          if (opNorm(A) > Math.sqrt(2 * sigma1)) A = scaledTo(A, opNorm, Math.sqrt(2 * sigma1));
          const J = scaledTo(WJ, opNorm, j * epsilon * Math.sqrt(sigma1));
          const K = scaledTo(WK, opNorm, kk * epsilon * Math.sqrt(sigma1));
          return {
            m,
            n,
            r,
            k,
            sigma: diag([...top, ...tail], m, n),
            sigma1,
            sigmaR,
            gamma,
            epsilon,
            F: vstack(combine([1, A], [1, B]), J),
            G: vstack(combine([1, A], [-1, B]), K),
            eta: (f * gamma * sigmaR ** 2) / (600 * sigma1 ** 3),
          };
        });
    });
}

/** The sides of the two inequalities; (B.2)'s right side as its four terms, without their constants ½, 4, 8. */
interface Sides<S> {
  readonly lhs: S;
  readonly first: S;
  /** ‖B‖², γησ_r‖B‖², ησ₁√σ₁√(m+n+k)ε²‖B‖_F, η²σ₁³(m+n+k)ε⁴ (ε² = (1+γησ_r)^{2s}ρ²). */
  readonly b2: S;
  readonly growth: S;
  readonly cross: S;
  readonly constant: S;
}

/**
 * Both inequalities' sides, written once: ‖B_{s+1}‖²_F; the first right side (with (A.5)'s G, the
 * η² norm of the identity before it: −P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_sN_s − B_sM_s); and (B.2)'s terms.
 */
function sides<M, S>(A: BoundOps<M, S>, { x: v, before: s, after }: FullStepView<M, S>, x: B2Instance): Sides<S> {
  const { F, mul, tr, add, frob, frob2 } = A;
  const eta = v.eta;
  const prod = (...fs: S[]) => fs.reduce(F.mul);
  const nB2 = frob2(s.B);
  const first = [
    nB2,
    prod(A.int(-2), eta, A.lambdaMin(s.P), nB2),
    prod(eta, frob(mul(tr(s.B), s.B)), frob(add(s.KtK, s.JtJ))),
    prod(eta, frob(mul(tr(s.A), s.B)), frob(A.sub(s.KtK, s.JtJ))),
    prod(eta, eta, frob2(bIncrement(A, s, true))),
  ].reduce(F.add);
  const [sigma1, eps2, mnk] = [A.constant(x.sigma1), A.constant(x.epsilon ** 2), A.int(x.m + x.n + x.k)];
  return {
    lhs: frob2(after.B),
    first,
    b2: nB2,
    growth: prod(A.constant(x.gamma), eta, A.constant(x.sigmaR), nB2),
    cross: prod(eta, sigma1, A.sqrt(sigma1), A.sqrt(mnk), eps2, frob(s.B)),
    constant: prod(eta, eta, sigma1, sigma1, sigma1, mnk, eps2, eps2),
  };
}

/** (B.2)'s right side with constants c. */
function b2Bound<M, S>(A: BoundOps<M, S>, q: Sides<S>, c: ConstantValues): S {
  const { F } = A;
  return [q.b2, F.mul(A.constant(c.half), q.growth), F.mul(A.constant(c.four), q.cross), F.mul(A.constant(c.eight), q.constant)].reduce(F.add);
}

/** The sides evaluated on the engine's step in the magnitude model (values and computed scales). */
function measuredSides(x: B2Instance) {
  const A = boundOps(relativeTolerance('inequality', dim(x)));
  return { A, q: sides(A, measuredStepView(jcdEngineStep(x.sigma, x.F, x.G, x.r, x.eta)), x) };
}

function check(x: B2Instance, c: ConstantValues, growthSign = 1): Comparison[] {
  const { A, q } = measuredSides(x);
  return [
    boundComparison('Item 5: ‖B_{s+1}‖²_F ≤ ‖B_s‖² − 2ηλ_r(P_s)‖B_s‖² + η‖BᵀB‖‖KᵀK+JᵀJ‖ + η‖AᵀB‖‖KᵀK−JᵀJ‖ + η²‖…‖²', q.lhs, '≤', q.first),
    boundComparison(
      '(B.2): ‖B_{s+1}‖²_F ≤ (1 + γησ_r/2)‖B_s‖² + 4ησ₁^{3/2}√(m+n+k)ε²‖B_s‖ + 8η²σ₁³(m+n+k)ε⁴',
      q.lhs,
      '≤',
      b2Bound(A, q, { ...c, half: growthSign * c.half }),
    ),
  ];
}

/** The smallest value of one constant this instance needs, the others at their printed values (scale: the check's at the printed constants). */
function witness(name: 'half' | 'four' | 'eight', unit: (q: Sides<MeasuredScalar>) => MeasuredScalar) {
  return (x: B2Instance, tol: number) => {
    const { A, q } = measuredSides(x);
    const others = b2Bound(A, q, { ...PRINTED, [name]: 0 }).value;
    const scale = q.lhs.magnitude + b2Bound(A, q, PRINTED).magnitude;
    const u = unit(q).value;
    return u > 0 ? (q.lhs.value - others - tol * scale) / u : Number.NEGATIVE_INFINITY;
  };
}

const PRINTED = { half: 0.5, four: 4, eight: 8 } as const;

/** The blocks of the state at step s (U, V, J, K, A, B, P of (4.4)). */
function blocksOf(x: B2Instance) {
  return jcdBlockStep(x.sigma, x.F, x.G, x.r, x.eta).before;
}

const epsMaxOf = (x: B2Instance) => Math.sqrt((x.gamma * x.sigmaR) / (20 * x.sigma1 * Math.sqrt(x.m + x.n + x.k)));
const dim = (x: B2Instance) => Math.max(x.m, x.n, x.k);

/** What is in force at step s: Theorem A.1's frame and γ, Proposition B.2's η, and the induction hypothesis. */
const B2_HYPOTHESES = [
  hypothesis<B2Instance>(
    'b2-frame',
    "Σ_X diagonal m×n, Σ = diag(σ₁ ≥ … ≥ σ_r > 0), σ_{r+1}/σ_r ≤ γ < 1 (Theorem A.1; the σ's read from Σ_X); k ≥ r, F ∈ ℝ^{m×k}, G ∈ ℝ^{n×k}",
    (x) => {
      const v = diagonalOf(x.sigma);
      if (!v || !hasShape(x.sigma, x.m, x.n) || !isDiagonalNonIncreasing(x.sigma) || !(x.r >= 1 && x.r <= v.length && x.k >= x.r)) return false;
      if (!(hasShape(x.F, x.m, x.k) && hasShape(x.G, x.n, x.k))) return false;
      return x.gamma > 0 && x.gamma < 1 && v[0] === x.sigma1 && v[x.r - 1] === x.sigmaR && x.sigmaR > 0 && (x.r === v.length || v[x.r] <= x.gamma * v[x.r - 1]);
    },
    {
      coordinates: {
        r: { value: (x) => x.r, domain: [1, 3] },
        'm − r': { value: (x) => x.m - x.r, domain: [0, 2] },
        'n − r': { value: (x) => x.n - x.r, domain: [0, 2] },
        'k − r': { value: (x) => x.k - x.r, domain: [0, 2] },
        'κ_r = σ₁/σ_r': { value: (x) => x.sigma1 / x.sigmaR, domain: [1, 20] },
        γ: { value: (x) => x.gamma, domain: [0, 1] },
      },
    },
  ),
  hypothesis<B2Instance>(
    'b2-eta',
    'the stepsize satisfies 0 < η ≤ γσ_r²/(600σ₁³) (Proposition B.2)',
    (x) => x.eta > 0 && x.eta <= (x.gamma * x.sigmaR ** 2) / (600 * x.sigma1 ** 3),
    {
      coordinates: { 'η/(γσ_r²/(600σ₁³))': { value: (x) => (600 * x.sigma1 ** 3 * x.eta) / (x.gamma * x.sigmaR ** 2), domain: [0, 1] } },
    },
  ),
  ...standing('JCD Prop. B.2, induction hypothesis at step s', [
    hypothesis<B2Instance>(
      'ih-items-1-2',
      'Items 1, 2: ‖U_sᵀU_s + J_sᵀJ_s‖ ≤ 7σ₁ and ‖V_sᵀV_s + K_sᵀK_s‖ ≤ 7σ₁',
      (x) => {
        const b = blocksOf(x);
        const gF = opNorm(combine([1, mul(transpose(b.U), b.U)], [1, mul(transpose(b.J), b.J)]));
        const gG = opNorm(combine([1, mul(transpose(b.V), b.V)], [1, mul(transpose(b.K), b.K)]));
        return leq(gF, 7 * x.sigma1, dim(x)) && leq(gG, 7 * x.sigma1, dim(x));
      },
      { tolerance: COMPUTED_TOLERANCE },
    ),
    hypothesis<B2Instance>(
      'ih-item-3',
      'Item 3: max{‖J_s‖, ‖K_s‖} ≤ (1 + γησ_r)^sρ√σ₁ = ε√σ₁, with 2√(m+n+k)ε²σ₁ ≤ γσ_r/10 (ε ≤ ρ^{(1−γ)/(2(1+γ))} and the condition on ρ)',
      (x) => {
        const b = blocksOf(x);
        const jk = Math.max(b.J.rows ? opNorm(b.J) : 0, b.K.rows ? opNorm(b.K) : 0);
        return x.epsilon >= 0 && x.epsilon <= epsMaxOf(x) && leq(jk, x.epsilon * Math.sqrt(x.sigma1), dim(x));
      },
      { tolerance: COMPUTED_TOLERANCE, coordinates: { 'ε/ε_max': { value: (x) => x.epsilon / epsMaxOf(x), domain: [0, 1] } } },
    ),
    hypothesis<B2Instance>(
      'ih-item-4',
      'Item 4: λ_r(P_s) ≥ −γσ_r/10',
      (x) => {
        // P = Σ − AAᵀ + BBᵀ is a difference of terms of size σ₁ + ‖A‖² + ‖B‖²: its computed λ_r is
        // accurate to that scale (not to |λ_r|, which the builder puts at −γσ_r/10 exactly when ‖W_A‖ = 1).
        const b = blocksOf(x);
        const size = x.sigma1 + opNorm(b.A) ** 2 + opNorm(b.B) ** 2;
        return lambdaMin(b.P) >= (-x.gamma * x.sigmaR) / 10 - relativeTolerance('inequality', dim(x)) * size;
      },
      { tolerance: 'relative 64·γ_n of σ₁ + ‖A_s‖² + ‖B_s‖² (P_s is a difference of terms of that size)' },
    ),
    hypothesis<B2Instance>(
      'ih-item-5',
      'Item 5: ‖B_s‖_F ≤ (1 + γησ_r)^sρ√(2r)√σ₁ = ε√(2r)√σ₁ and ‖B_s‖_F ≤ √σ₁',
      (x) => {
        // B = (U − V)/2 is formed from U, V of size ~√σ₁ while ‖B‖ ~ ε√σ₁ ≪ √σ₁: its rounding is
        // relative to (‖U‖_F + ‖V‖_F)/2, not to ‖B‖ (a builder's B at its bound came out above it by
        // 10⁻¹² relative on seed 4).
        const b = blocksOf(x);
        const nB = frobenius(b.B);
        const slack = (relativeTolerance('inequality', dim(x)) * (frobenius(b.U) + frobenius(b.V))) / 2;
        return nB <= x.epsilon * Math.sqrt(2 * x.r * x.sigma1) + slack && nB <= Math.sqrt(x.sigma1) + slack;
      },
      {
        tolerance: 'relative 64·γ_n of (‖U_s‖_F + ‖V_s‖_F)/2 (B_s = (U_s − V_s)/2 is a difference of terms of that size)',
        coordinates: {
          '‖B_s‖_F/min{ε√(2r), 1}√σ₁': {
            value: (x) => frobenius(blocksOf(x).B) / (Math.min(x.epsilon * Math.sqrt(2 * x.r), 1) * Math.sqrt(x.sigma1)),
            domain: [0, 1],
          },
        },
      },
    ),
  ]),
];

export const eqB2 = defineClaim<B2Instance>({
  id: 'jcd.eq-b.2.b-recursion',
  source: { paper: 'JCD', where: 'Prop. B.2, proof of Item 5: the inequality after the identity, and (B.2)' },
  kind: 'inequality',
  statement:
    '‖B_{s+1}‖²_F ≤ ‖B_s‖²_F − 2ηλ_r(P_s)‖B_s‖²_F + η‖B_sᵀB_s‖_F‖K_sᵀK_s + J_sᵀJ_s‖_F + η‖A_sᵀB_s‖_F‖K_sᵀK_s − J_sᵀJ_s‖_F + η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_s(K_sᵀK_s − J_sᵀJ_s)/2 − B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F ' +
    '≤ … (B.2): ‖B_{s+1}‖²_F ≤ (1 + γησ_r/2)‖B_s‖²_F + 4ησ₁√σ₁√(m+n+k)(1+γησ_r)^{2s}ρ²‖B_s‖_F + 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴',
  hypotheses: B2_HYPOTHESES,
  choices: { stepIndex: 's and ρ enter only through ε = (1 + γησ_r)^sρ, which an instance samples in [0, ε_max]' },
  constants: {
    half: { printed: () => PRINTED.half, formula: '½ (in 1 + γησ_r/2)' },
    four: { printed: () => PRINTED.four, formula: '4 (in 4ησ₁√σ₁√(m+n+k)(1+γησ_r)^{2s}ρ²‖B_s‖_F)' },
    eight: { printed: () => PRINTED.eight, formula: '8 (in 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴)' },
  },
  instances: instances({}),
  parameters: {
    specs: {
      etaFactor: { description: 'η as a multiple of γσ_r²/(600σ₁³)', allowed: [0, 1], explore: [1, 1e4], scale: 'log' },
      epsFactor: { description: 'ε = (1+γησ_r)^sρ as a multiple of √(γσ_r/(20σ₁√(m+n+k)))', allowed: [0, 1], explore: [1, 1e3], scale: 'log' },
    },
    instances,
  },
  size: (x) => Math.max(x.m, x.n, x.k),
  check: (x, c) => check(x, c),
  witness: {
    half: witness('half', (q) => q.growth),
    four: witness('four', (q) => q.cross),
    eight: witness('eight', (q) => q.constant),
  },
  expected: 'holds',
  runs: 1000,
  sabotage: { description: 'sign of the growth term flipped: (1 − γησ_r/2)‖B_s‖²_F', check: (x, c) => check(x, c, -1) },
});
