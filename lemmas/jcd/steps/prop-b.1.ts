/**
 * JCD Proposition B.1 (Base Case), its proof step by step (paper lines ≈ 1036–1106):
 *
 *   "Proof. The first four Items follow from Lemma C.3. For Item 5, by definition of P₀,
 *      λ_r(P₀) ≥ σ_r − ‖A₀A₀ᵀ‖ − ‖B₀B₀ᵀ‖ ≥ σ_r − 2ρ²σ₁ ≥ 0.
 *    For Item 6, by the fact that rank(B₀) ≤ 2r, we have ‖B₀‖_F ≤ √(2r)‖B₀‖ ≤ ρ√(2r)√σ₁."
 *
 * The proof is deterministic once Lemma C.3's event holds, so the instances are the initial factors
 * on that event, not Gaussian draws (the probability is jcd.prop-b.1.base-case's and Lemma C.3's):
 * F₀ ∈ ℝ^{m×k}, G₀ ∈ ℝ^{n×k} with ‖F₀‖, ‖G₀‖ ≤ ρ√σ₁ and σ_r(A₀) ≥ c_ρρ√σ₁/(12(m+n+k)), where
 * ρ ≤ √(σ_r/(2σ₁)) (Proposition B.1's hypothesis) and Σ = diag(σ₁, …, σ_r), σ₁ ≥ … ≥ σ_r > 0 (the top
 * of Σ_X; P₀ = Σ − A₀A₀ᵀ + B₀B₀ᵀ, A₀ = (U₀+V₀)/2, B₀ = (U₀−V₀)/2 by JCD (4.4)).
 *
 * Instances: r ∈ [1, 4], k − r ∈ [0, 3], m − r, n − r ∈ [0, 4]; σ₁ ∈ [½, 2], σ_r/σ₁ ∈ [0.01, 1]
 * (σ_r = σ₁ when r = 1), σ₂ … σ_{r−1} in [σ_r, σ₁]; ρ = f_ρ√(σ_r/(2σ₁)), f_ρ ∈ (0, 1] (at the bound
 * with probability ≈ 1/20, where Item 5's last inequality is an equality). The factors: A = Q₁diag(w)R
 * (full rank r: w ∈ [0.05, 1]^r, Q₁ orthogonal, R the first r rows of an orthogonal k×k matrix),
 * B, J, K grid matrices of operator norm ≤ 2 (B = 0 included), U = A + B, V = A − B, F = [U; J],
 * G = [V; K], and F₀, G₀ = s·F, s·G with s = fρ√σ₁/max{‖F‖, ‖G‖}, f ∈ (0, 1] (one of ‖F₀‖, ‖G₀‖
 * on ρ√σ₁ when f = 1). c_ρ = h·min{1, σ_r(A₀)·12(m+n+k)/(ρ√σ₁)}, h ∈ (0, 1): c_ρ < 1 (Theorem A.1,
 * where Proposition B.1 is used) and Item 4 holds.
 *
 * Findings: every step holds as printed. The rank fact "rank(B₀) ≤ 2r" is right but loose: B₀ is r×k,
 * so rank(B₀) ≤ r and ‖B₀‖_F ≤ √r‖B₀‖ (Item 6 holds with ρ√r√σ₁). Items 2–3 hold with much room:
 * ‖U₀ᵀU₀ + J₀ᵀJ₀‖ = ‖F₀‖² ≤ ρ²σ₁ ≤ σ_r/2 ≤ σ₁/2, not only ≤ 7σ₁. The factor 2 of Item 5's
 * ‖A₀A₀ᵀ‖ + ‖B₀B₀ᵀ‖ ≤ 2ρ²σ₁ is attained (U₀ = ρ√σ₁I, V₀ = ρ√σ₁diag(1, −1): A₀ = ρ√σ₁diag(1, 0),
 * B₀ = ρ√σ₁diag(0, 1)).
 *
 * Scale: each side is written once against BoundOps on the state's blocks (b1Model: F₀, G₀'s blocks
 * and Σ exact inputs, A₀, B₀, P₀ by deriveExact) and evaluated in the magnitude model
 * (src/claims/measured.ts), so every comparison's scale is computed; the sabotages are flags of the
 * same sides. The rank count of Item 6 is an integer comparison.
 */
import fc from 'fast-check';
import { isJcdInitShape } from '../support/hypotheses.ts';
import { add, block, diag, frobenius, type Mat, mulAll, scale, sub, vstack } from '../../../src/linalg/dense.ts';
import { opNorm, singularValues } from '../../../src/linalg/spectral.ts';
import { dimension, fractionOfMax, gridMatrix, inRange, orthogonal, scaledTo, spectrum, unitInterval } from '../../../src/random/arbitraries.ts';
import { openFraction } from '../support/instances.ts';
import { jcdInitBlocks } from '../support/init.ts';
import { atMost, type Comparison } from '../../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps, type MeasuredScalar } from '../../../src/claims/measured.ts';
import { deriveExact } from '../../../src/exact/states.ts';
import { COMPUTED_TOLERANCE, geq, hypothesis, type Hypothesis, leq } from '../../../src/claims/hypotheses.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { type Claim, defineClaim, type Sabotage } from '../../../src/claims/types.ts';
import { hasShape, isDiagonalNonIncreasing, diagonalOf } from '../../../src/hypotheses/matrix.ts';

/** The initial factors on Lemma C.3's event, with Proposition B.1's parameters. */
export interface B1Instance {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly r: number;
  /** Σ = diag(σ₁, …, σ_r) (r×r). */
  readonly Sigma: Mat;
  readonly rho: number;
  readonly cRho: number;
  readonly F0: Mat;
  readonly G0: Mat;
}

/** U₀, J₀, V₀, K₀, A₀, B₀ of (F₀, G₀) at r (JCD (4.4); lemmas/jcd/support/init.ts). */
export function b1Blocks(x: Pick<B1Instance, 'F0' | 'G0' | 'r'>) {
  return jcdInitBlocks(x.F0, x.G0, x.r);
}

const sigmaValues = (x: B1Instance): number[] => diagonalOf(x.Sigma) ?? [];
const sig1 = (x: B1Instance) => sigmaValues(x)[0];
const sigR = (x: B1Instance) => sigmaValues(x)[x.r - 1];
const dimOf = (x: B1Instance) => Math.max(x.m, x.n, x.k);
const sigmaR = (M: Mat, r: number) => singularValues(M)[r - 1] ?? 0;

/** Proposition B.1's instances (module comment). */
export function b1Instances(): fc.Arbitrary<B1Instance> {
  return fc
    .record({
      r: dimension(1, 4),
      extra: dimension(0, 3),
      mc: dimension(0, 4),
      nc: dimension(0, 4),
      sigma1: inRange(0.5, 2),
      q: inRange(0.01, 1),
      fRho: fractionOfMax(),
      f: fractionOfMax(),
      h: openFraction(),
      b: unitInterval(),
      j: unitInterval(),
      kk: unitInterval(),
    })
    .chain(({ r, extra, mc, nc, sigma1, q, fRho, f, h, b, j, kk }) => {
      const [m, n, k] = [r + mc, r + nc, r + extra];
      const sigmaRv = r === 1 ? sigma1 : q * sigma1;
      return fc
        .record({
          head: spectrum(Math.max(0, r - 2), sigmaRv, sigma1),
          Q1: orthogonal(r),
          Q2: orthogonal(k),
          w: fc.array(unitInterval(), { minLength: r, maxLength: r }),
          WB: gridMatrix(r, k, 2, 8),
          WJ: gridMatrix(mc, k, 2, 8),
          WK: gridMatrix(nc, k, 2, 8),
        })
        .map(({ head, Q1, Q2, w, WB, WJ, WK }): B1Instance => {
          const top = r === 1 ? [sigma1] : [sigma1, ...head.map((v) => Math.min(sigma1, Math.max(sigmaRv, v))), sigmaRv];
          const rho = fRho * Math.sqrt(sigmaRv / (2 * sigma1));
          const A = mulAll(Q1, diag(w.map((u) => 0.05 + 0.95 * u)), block(Q2, 0, r, 0, k));
          const B = scaledTo(WB, opNorm, 2 * b);
          const F = vstack(add(A, B), scaledTo(WJ, opNorm, 2 * j));
          const G = vstack(sub(A, B), scaledTo(WK, opNorm, 2 * kk));
          const s = (f * rho * Math.sqrt(sigma1)) / Math.max(opNorm(F), opNorm(G));
          const base = { m, n, k, r, Sigma: diag(top), rho, F0: scale(F, s), G0: scale(G, s) };
          const ratio = (sigmaR(b1Blocks(base).A0, r) * 12 * (m + n + k)) / (rho * Math.sqrt(sigma1));
          return { ...base, cRho: h * Math.min(1, ratio) };
        });
    });
}

const B1_SHAPE = hypothesis<B1Instance>(
  'b1-shape',
  'F₀ ∈ ℝ^{m×k}, G₀ ∈ ℝ^{n×k}, 1 ≤ r ≤ k (Theorem A.1: "fix any r ≤ k"), r ≤ min{m, n}',
  (x) => isJcdInitShape(x) && hasShape(x.F0, x.m, x.k) && hasShape(x.G0, x.n, x.k),
  {
    coordinates: {
      r: { value: (x) => x.r, domain: [1, 4] },
      'k − r': { value: (x) => x.k - x.r, domain: [0, 3] },
      'm − r': { value: (x) => x.m - x.r, domain: [0, 4] },
      'n − r': { value: (x) => x.n - x.r, domain: [0, 4] },
    },
  },
);

const B1_SIGMA = hypothesis<B1Instance>(
  'b1-sigma',
  'Σ = diag(σ₁, …, σ_r) with σ₁ ≥ … ≥ σ_r > 0 (the top of Σ_X, JCD (4.2), (4.4))',
  (x) => hasShape(x.Sigma, x.r, x.r) && isDiagonalNonIncreasing(x.Sigma) && sigR(x) > 0,
  {
    coordinates: {
      'σ_r/σ₁': { value: (x) => sigR(x) / sig1(x), domain: [0.01, 1], concentrated: 'σ_r = σ₁ whenever r = 1 (a quarter of the instances)' },
      'σ₁': { value: sig1, domain: [0.5, 2] },
    },
  },
);

const B1_RHO = hypothesis<B1Instance>('b1-rho', 'any fixed ρ ≤ √(σ_r/(2σ₁)) (ρ > 0)', (x) => x.rho > 0 && x.rho <= Math.sqrt(sigR(x) / (2 * sig1(x))), {
  coordinates: { 'ρ/√(σ_r/(2σ₁))': { value: (x) => x.rho / Math.sqrt(sigR(x) / (2 * sig1(x))), domain: [0, 1] } },
});

/** Lemma C.3's event (the proof conditions on it): ‖F₀‖, ‖G₀‖ ≤ ρ√σ₁ and σ_r(A₀) ≥ c_ρρ√σ₁/(12(m+n+k)), 0 < c_ρ < 1. */
export const C3_EVENT = hypothesis<B1Instance>(
  'c3-event',
  "Lemma C.3's conclusion (the event Proposition B.1's proof rests on): ‖F₀‖ ≤ ρ√σ₁, ‖G₀‖ ≤ ρ√σ₁, σ_r(A₀) ≥ c_ρρ√σ₁/(12(m+n+k)), with 0 < c_ρ < 1 (Theorem A.1)",
  (x) => {
    const bound = x.rho * Math.sqrt(sig1(x));
    const d = dimOf(x);
    const floor = (x.cRho * bound) / (12 * (x.m + x.n + x.k));
    return x.cRho > 0 && x.cRho < 1 && leq(opNorm(x.F0), bound, d) && leq(opNorm(x.G0), bound, d) && geq(sigmaR(b1Blocks(x).A0, x.r), floor, d);
  },
  {
    tolerance: COMPUTED_TOLERANCE,
    coordinates: {
      'max{‖F₀‖, ‖G₀‖}/(ρ√σ₁)': { value: (x) => Math.max(opNorm(x.F0), opNorm(x.G0)) / (x.rho * Math.sqrt(sig1(x))), domain: [0, 1] },
      c_ρ: { value: (x) => x.cRho, domain: [0, 1] },
    },
  },
);

/** Item 1 (an earlier step, in force for Items 5 and 6). */
const B1_ITEM_1 = hypothesis<B1Instance>(
  'b1-item-1',
  'Item 1 (shown first): max{‖U₀‖, ‖V₀‖, ‖J₀‖, ‖K₀‖} ≤ ρ√σ₁',
  (x) => {
    const b = b1Blocks(x);
    return leq(Math.max(opNorm(b.U0), opNorm(b.V0), opNorm(b.J0), opNorm(b.K0)), x.rho * Math.sqrt(sig1(x)), dimOf(x));
  },
  { tolerance: COMPUTED_TOLERANCE },
);

const BASE: ReadonlyArray<Hypothesis<B1Instance>> = [B1_SHAPE, B1_SIGMA, B1_RHO, C3_EVENT];

interface B1Spec {
  readonly id: string;
  readonly where: string;
  readonly statement: string;
  readonly hypotheses: ReadonlyArray<Hypothesis<B1Instance>>;
  readonly check: (x: B1Instance) => Comparison[];
  readonly sabotage: Sabotage<B1Instance>;
}

function b1Claim(c: B1Spec): Claim<B1Instance> {
  return defineClaim<B1Instance>({
    id: c.id,
    source: { paper: 'JCD', where: `Prop. B.1, proof: ${c.where}` },
    kind: 'inequality',
    statement: c.statement,
    hypotheses: c.hypotheses,
    instances: b1Instances(),
    size: dimOf,
    check: c.check,
    expected: 'holds',
    sabotage: c.sabotage,
    runs: 150,
  });
}

/**
 * The state at step 0 in a model with the analytic operations: F₀, G₀'s blocks at r and Σ as exact
 * inputs, A₀, B₀, P₀ by (4.4)'s definitions (deriveExact), σ₁, σ_r, ρ, c_ρ as exact constants.
 */
function b1Model<M, S>(A: BoundOps<M, S>, x: B1Instance) {
  const b = b1Blocks(x);
  const [U, V, J, K] = [b.U0, b.V0, b.J0, b.K0].map((X) => A.input(X));
  const derived = deriveExact(A, A.input(x.Sigma), { U, V, J, K });
  const s1 = A.constant(sig1(x));
  return { U, V, J, K, ...derived, s1, sr: A.constant(sigR(x)), rho: A.constant(x.rho), rootS1: A.sqrt(s1) };
}

/** The model at the inequality tolerance of the instance: values and computed magnitudes. */
function measuredB1(x: B1Instance) {
  const A = boundOps(relativeTolerance('inequality', dimOf(x)));
  return { A, q: b1Model(A, x) };
}

/** The largest of measured scalars (by value; a maximum is exact, its magnitude that of the one chosen). */
const largest = (...xs: MeasuredScalar[]) => xs.reduce((a, b) => (b.value > a.value ? b : a));

function items1to4(x: B1Instance, item1Factor = 1): Comparison[] {
  const { A, q } = measuredB1(x);
  const { F, mul, tr, add, opNorm } = A;
  const bound = F.mul(q.rho, q.rootS1);
  const seven = F.mul(A.int(7), q.s1);
  const floor = F.div(F.mul(A.constant(x.cRho), bound), A.int(12 * (x.m + x.n + x.k)));
  return [
    boundComparison(
      'Item 1: max{‖U₀‖, ‖V₀‖, ‖J₀‖, ‖K₀‖} ≤ ρ√σ₁',
      largest(opNorm(q.U), opNorm(q.V), opNorm(q.J), opNorm(q.K)),
      '≤',
      F.mul(A.constant(item1Factor), bound),
    ),
    boundComparison('Item 2: ‖U₀ᵀU₀ + J₀ᵀJ₀‖ ≤ 7σ₁', opNorm(add(mul(tr(q.U), q.U), mul(tr(q.J), q.J))), '≤', seven),
    boundComparison('Item 3: ‖V₀ᵀV₀ + K₀ᵀK₀‖ ≤ 7σ₁', opNorm(add(mul(tr(q.V), q.V), mul(tr(q.K), q.K))), '≤', seven),
    boundComparison('Item 4: σ_r(A₀) ≥ c_ρρ√σ₁/(12(m+n+k))', A.sigmaMin(q.A), '≥', floor),
  ];
}

export const b1Items1to4 = b1Claim({
  id: 'jcd.prop-b.1.step-items-1-4',
  where:
    '"The first four Items follow from Lemma C.3" (Item 1: U₀, J₀ and V₀, K₀ are blocks of F₀, G₀; Items 2–3: U₀ᵀU₀ + J₀ᵀJ₀ = F₀ᵀF₀ and ρ²σ₁ ≤ σ_r/2 ≤ 7σ₁; Item 4 is Lemma C.3\'s item 3)',
  statement:
    "on Lemma C.3's event, with ρ ≤ √(σ_r/(2σ₁)): max{‖U₀‖,‖V₀‖,‖J₀‖,‖K₀‖} ≤ ρ√σ₁; ‖U₀ᵀU₀ + J₀ᵀJ₀‖ ≤ 7σ₁; ‖V₀ᵀV₀ + K₀ᵀK₀‖ ≤ 7σ₁; σ_r(A₀) ≥ c_ρρ√σ₁/(12(m+n+k))",
  hypotheses: BASE,
  check: (x) => items1to4(x),
  sabotage: { description: "Item 1's bound halved (ρ√σ₁/2)", check: (x) => items1to4(x, 0.5) },
});

function item5(x: B1Instance, two = 2): Comparison[] {
  const { A, q } = measuredB1(x);
  const { F, mul, tr, opNorm } = A;
  const mid = F.sub(F.sub(q.sr, opNorm(mul(q.A, tr(q.A)))), opNorm(mul(q.B, tr(q.B))));
  const twoRho2S1 = (c: number) => F.mul(A.constant(c), F.mul(F.mul(q.rho, q.rho), q.s1));
  return [
    boundComparison('λ_r(P₀) ≥ σ_r − ‖A₀A₀ᵀ‖ − ‖B₀B₀ᵀ‖ (P₀ = Σ − A₀A₀ᵀ + B₀B₀ᵀ)', A.lambdaMin(q.P), '≥', mid),
    boundComparison(`σ_r − ‖A₀A₀ᵀ‖ − ‖B₀B₀ᵀ‖ ≥ σ_r − ${two === 2 ? '2' : two}ρ²σ₁`, mid, '≥', F.sub(q.sr, twoRho2S1(two))),
    boundComparison('σ_r − 2ρ²σ₁ ≥ 0 (ρ ≤ √(σ_r/(2σ₁)))', F.sub(q.sr, twoRho2S1(2)), '≥', F.zero),
  ];
}

export const b1Item5 = b1Claim({
  id: 'jcd.prop-b.1.item-5',
  where: 'Item 5, "by definition of P₀, λ_r(P₀) ≥ σ_r − ‖A₀A₀ᵀ‖ − ‖B₀B₀ᵀ‖ ≥ σ_r − 2ρ²σ₁ ≥ 0"',
  statement: 'λ_r(P₀) ≥ σ_r − ‖A₀A₀ᵀ‖ − ‖B₀B₀ᵀ‖ ≥ σ_r − 2ρ²σ₁ ≥ 0, P₀ = Σ − A₀A₀ᵀ + B₀B₀ᵀ',
  hypotheses: [...BASE, B1_ITEM_1],
  check: (x) => item5(x),
  sabotage: { description: 'the middle bound 2ρ²σ₁ made ρ²σ₁/2 (as if ‖A₀‖² + ‖B₀‖² ≤ (‖U₀‖² + ‖V₀‖²)/4)', check: (x) => item5(x, 0.5) },
});

function item6(x: B1Instance, rankFactor = 2): Comparison[] {
  const b = b1Blocks(x);
  const fb = frobenius(b.B0);
  const rank = singularValues(b.B0).filter((v) => v > relativeTolerance('inequality', dimOf(x)) * fb).length;
  const { A, q } = measuredB1(x);
  const { F } = A;
  const root = (c: number) => A.sqrt(A.constant(c * x.r));
  const viaNorm = F.mul(root(2), A.opNorm(q.B));
  return [
    atMost('rank(B₀) ≤ 2r', rank, 2 * x.r, 1),
    boundComparison(rankFactor === 2 ? '‖B₀‖_F ≤ √(2r)‖B₀‖' : `‖B₀‖_F ≤ √(${rankFactor}r)‖B₀‖`, A.frob(q.B), '≤', F.mul(root(rankFactor), A.opNorm(q.B))),
    boundComparison('√(2r)‖B₀‖ ≤ ρ√(2r)√σ₁', viaNorm, '≤', F.mul(F.mul(q.rho, root(2)), q.rootS1)),
  ];
}

export const b1Item6 = b1Claim({
  id: 'jcd.prop-b.1.item-6',
  where: 'Item 6, "by the fact that rank(B₀) ≤ 2r, we have ‖B₀‖_F ≤ √(2r)‖B₀‖ ≤ ρ√(2r)√σ₁" (rank counted as singular values above 64γ_n‖B₀‖_F)',
  statement: 'rank(B₀) ≤ 2r; ‖B₀‖_F ≤ √(2r)‖B₀‖ ≤ ρ√(2r)√σ₁',
  hypotheses: [...BASE, B1_ITEM_1],
  check: (x) => item6(x),
  sabotage: { description: 'the rank fact made rank(B₀) ≤ r/2: ‖B₀‖_F ≤ √(r/2)‖B₀‖', check: (x) => item6(x, 0.5) },
});
