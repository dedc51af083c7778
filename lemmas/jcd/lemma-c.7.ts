/**
 * JCD Lemma C.7 — "Let S be an r × k matrix with r ≤ k. Suppose that σ_r(S) > 0. Let
 * Λ = diag{σ₁, …, σ_r} ∈ ℝ^{r×r} be a diagonal matrix. Suppose that η‖Λ − SSᵀ‖ < 1/2, ‖S‖ ≤ √(1/(3η)),
 * 2η²‖ΛSSᵀ‖ < 1, and S₊ = S + η(Λ − SSᵀ)S. Then we have
 *     σ_r(S₊) ≥ (1 − 2η²‖ΛSSᵀ‖)(1 + ησ_r)σ_r(S)(1 − ησ_r²(S))."
 *
 * Instances, satisfying the hypotheses by construction: Λ = diag(σ₁ ≥ … ≥ σ_r), σ₁ ∈ [0.5, 2],
 * σ_r ∈ [0.05σ₁, σ₁]; S = Q·diag(s)·Y with Q orthogonal (r×r), Y the first r rows of an orthogonal
 * k×k matrix and singular values s ∈ [0.02, 2]·√σ₁ (so σ_r(S) > 0); η = f·η_max(S, Λ) with
 * η_max = min{1/(2‖Λ − SSᵀ‖), 1/(3‖S‖²), (2‖ΛSSᵀ‖)^{−1/2}} and f ∈ (0, 1) (the strict hypotheses).
 * The parameter etaFactor (= f) can be pushed past 1.
 *
 * The constant 2 of 2η²‖ΛSSᵀ‖ has a witness: the smallest c with σ_r(S₊) ≥ (1 − cη²‖ΛSSᵀ‖)·X,
 * X = (1 + ησ_r)σ_r(S)(1 − ησ_r²(S)) > 0 (ησ_r(S)² ≤ 1/3). For r = 1 no c is needed
 * (σ(S₊) − X = η²σ₁s³ > 0), so the lemma is tight only through the r ≥ 2 coupling and as η → 0.
 *
 * Scale: both sides written once (c7Matrices, c7Sides) and evaluated in the magnitude model
 * (src/claims/measured.ts), so the comparison's scale is their computed magnitudes; the proof's steps
 * (lemmas/jcd/steps/lemma-c.7.ts), the exact forms and the near-boundary re-check (60 digits,
 * src/exact/decimal-bounds.ts) evaluate the same definitions.
 */
import fc from 'fast-check';
import { block, combine, diag, type Mat, mul, mulAll, transpose } from '../../src/linalg/dense.ts';
import { opNorm, sigmaMin } from '../../src/linalg/spectral.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps } from '../../src/claims/measured.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { inRange, orthogonal, spectrum, dimension } from '../../src/random/arbitraries.ts';
import { openFraction } from './support/instances.ts';
import { COMPUTED_TOLERANCE, hypothesis } from '../../src/claims/hypotheses.ts';
import { hasShape, leq } from '../../src/hypotheses/matrix.ts';
import { hpBoundOps } from '../../src/exact/decimal-bounds.ts';

export interface C7Instance {
  readonly r: number;
  readonly k: number;
  readonly lambda: number[];
  readonly S: Mat;
  readonly eta: number;
}

/** The largest η the three hypotheses allow for (S, Λ). */
export function etaMax(S: Mat, Lambda: Mat): number {
  const SSt = mul(S, transpose(S));
  const nS = opNorm(S);
  return Math.min(1 / (2 * opNorm(combine([1, Lambda], [-1, SSt]))), 1 / (3 * nS * nS), 1 / Math.sqrt(2 * opNorm(mul(Lambda, SSt))));
}

export function instances(fixed: Readonly<Record<string, number>>): fc.Arbitrary<C7Instance> {
  return fc.record({ r: dimension(1, 3), extra: dimension(0, 3), sigma1: inRange(0.5, 2), ratio: inRange(0.05, 1) }).chain(({ r, extra, sigma1, ratio }) => {
    const k = r + extra;
    return fc
      .record({
        head: spectrum(Math.max(0, r - 2), ratio * sigma1, sigma1),
        q: orthogonal(r),
        y: orthogonal(k),
        s: spectrum(r, 0.02 * Math.sqrt(sigma1), 2 * Math.sqrt(sigma1)),
        f: fixed.etaFactor === undefined ? openFraction() : fc.constant(fixed.etaFactor),
      })
      .map(({ head, q, y, s, f }) => {
        // lo + (hi − lo)·u can exceed hi by an ulp: clamp so that Λ stays ordered (c7-lambda).
        const lambda = r === 1 ? [sigma1] : [sigma1, ...head.map((v) => Math.min(Math.max(v, ratio * sigma1), sigma1)), ratio * sigma1];
        const S = mulAll(q, diag(s), block(y, 0, r, 0, k));
        return { r, k, lambda, S, eta: f * etaMax(S, diag(lambda)) };
      });
  });
}

/** The ring with an inverse: the exact Algebra (src/exact/matrix.ts) and the magnitude model (BoundOps) both are one. */
export type RingWithInverse<M, S> = MatrixOps<M, S> & { inverse(a: M): M };

/**
 * The matrices of Lemma C.7 and its proof, written once: S₊ = S + η(Λ − SSᵀ)S, D = Λ − SSᵀ,
 * M = I + ηD and M⁻¹, S(I − ηSᵀS), (I + ηΛ)S(I − ηSᵀS), ΛSSᵀ. The claims' float checks evaluate it in
 * the magnitude model, the exact forms in rational arithmetic.
 */
export function c7Matrices<M, S>(A: RingWithInverse<M, S>, S: M, Lambda: M, eta: S, r: number, k: number) {
  const I = A.eye(r);
  const SSt = A.mul(S, A.tr(S));
  const D = A.sub(Lambda, SSt);
  const M = A.add(I, A.scale(eta, D));
  const Splus = A.add(S, A.scale(eta, A.mul(D, S)));
  const G = A.mul(S, A.sub(A.eye(k), A.scale(eta, A.mul(A.tr(S), S))));
  const H = A.mul(A.add(I, A.scale(eta, Lambda)), G);
  return { S, Lambda, eta, eta2: A.F.mul(eta, eta), I, D, M, Minv: A.inverse(M), Splus, G, H, LSSt: A.mul(Lambda, SSt) };
}

export type C7Matrices<M, S> = ReturnType<typeof c7Matrices<M, S>>;

/** The instance's matrices in a model with the analytic operations (S, Λ, η its exact inputs). */
function c7Inputs<M, S>(A: BoundOps<M, S>, x: C7Instance): C7Matrices<M, S> {
  return c7Matrices(A, A.input(x.S), A.input(diag(x.lambda)), A.constant(x.eta), x.r, x.k);
}

/** The instance's matrices in the magnitude model at tolerance `tol`. */
export function measuredC7(x: C7Instance, tol: number) {
  const A = boundOps(tol);
  return { A, q: c7Inputs(A, x) };
}

/**
 * The lemma's quantities, written once: σ_r(S₊), η²‖ΛSSᵀ‖ and X = (1 + ησ_r)σ_r(S)(1 − ησ_r²(S))
 * (without its last factor when `keepLast` is false: the sabotage).
 */
export function c7Sides<M, S>(A: BoundOps<M, S>, q: C7Matrices<M, S>, sigmaR: S, keepLast = true) {
  const { F } = A;
  const sr = A.sigmaMin(q.S);
  const head = F.mul(F.add(F.one, F.mul(q.eta, sigmaR)), sr);
  return {
    lhs: A.sigmaMin(q.Splus),
    coupling: F.mul(q.eta2, A.opNorm(q.LSSt)),
    X: keepLast ? F.mul(head, F.sub(F.one, F.mul(q.eta, F.mul(sr, sr)))) : head,
  };
}

/** The lemma's two sides on an instance, the right side with constant c. */
function sides<M, S>(A: BoundOps<M, S>, x: C7Instance, c: number, keepLast = true) {
  const { F } = A;
  const p = c7Sides(A, c7Inputs(A, x), A.constant(x.lambda[x.r - 1]), keepLast);
  return { ...p, rhs: F.mul(F.sub(F.one, F.mul(A.constant(c), p.coupling)), p.X) };
}

/** The sides in the magnitude model: values and computed magnitudes. */
const measuredSides = (x: C7Instance, c: number, keepLast = true) => sides(boundOps(relativeTolerance('inequality', x.k)), x, c, keepLast);

function check(x: C7Instance, c: number, keepLast = true): Comparison[] {
  const q = measuredSides(x, c, keepLast);
  return [boundComparison('σ_r(S₊) ≥ (1 − 2η²‖ΛSSᵀ‖)(1 + ησ_r)σ_r(S)(1 − ησ_r²(S))', q.lhs, '≥', q.rhs)];
}

export const lemmaC7 = defineClaim<C7Instance>({
  id: 'jcd.lemma-c.7',
  source: { paper: 'JCD', where: 'Lemma C.7' },
  kind: 'inequality',
  statement: 'σ_r(S₊) ≥ (1 − 2η²‖ΛSSᵀ‖)(1 + ησ_r)σ_r(S)(1 − ησ_r²(S)), S₊ = S + η(Λ − SSᵀ)S',
  hypotheses: [
    hypothesis<C7Instance>('c7-shape', 'S ∈ ℝ^{r×k} with r ≤ k and σ_r(S) > 0', (x) => x.r >= 1 && x.r <= x.k && hasShape(x.S, x.r, x.k) && sigmaMin(x.S) > 0, {
      coordinates: { r: { value: (x) => x.r, domain: [1, 3] }, 'k − r': { value: (x) => x.k - x.r, domain: [0, 3] } },
    }),
    hypothesis<C7Instance>(
      'c7-lambda',
      'Λ = diag{σ₁, …, σ_r} ∈ ℝ^{r×r} (σ₁ ≥ … ≥ σ_r > 0, the leading singular values)',
      (x) => x.lambda.length === x.r && x.lambda.every((v, i) => Number.isFinite(v) && v > 0 && (i === 0 || v <= x.lambda[i - 1])),
      { coordinates: { 'κ_r = σ₁/σ_r': { value: (x) => x.lambda[0] / x.lambda[x.r - 1], domain: [1, 20] } } },
    ),
    hypothesis<C7Instance>(
      'c7-eta',
      'η‖Λ − SSᵀ‖ < 1/2, ‖S‖ ≤ √(1/(3η)), 2η²‖ΛSSᵀ‖ < 1 (η > 0)',
      (x) => {
        const Lambda = diag(x.lambda);
        const SSt = mul(x.S, transpose(x.S));
        return (
          x.eta > 0 &&
          x.eta * opNorm(combine([1, Lambda], [-1, SSt])) < 0.5 &&
          leq(3 * x.eta * opNorm(x.S) ** 2, 1, x.k) &&
          2 * x.eta * x.eta * opNorm(mul(Lambda, SSt)) < 1
        );
      },
      { tolerance: COMPUTED_TOLERANCE, coordinates: { 'η/η_max': { value: (x) => x.eta / etaMax(x.S, diag(x.lambda)), domain: [0, 1] } } },
    ),
  ],
  constants: { c: { printed: () => 2, formula: '2 (in 1 − 2η²‖ΛSSᵀ‖)' } },
  instances: instances({}),
  parameters: {
    specs: {
      etaFactor: { description: 'η as a multiple of min{1/(2‖Λ − SSᵀ‖), 1/(3‖S‖²), (2‖ΛSSᵀ‖)^{−1/2}}', allowed: [0, 1], explore: [1, 8], scale: 'log' },
    },
    instances,
  },
  size: (x) => x.k,
  check: (x, c) => check(x, c.c),
  witness: {
    // The scale is the check's at the printed constant.
    c: (x, tol) => {
      const q = measuredSides(x, 2);
      return (q.X.value - q.lhs.value - tol * (q.lhs.magnitude + q.rhs.magnitude)) / (q.coupling.value * q.X.value);
    },
  },
  // Near-boundary re-check (check --rigorous): the same slack in 60 digits, the instance's doubles taken exactly.
  highPrecision: {
    method:
      'the same sides (c7Matrices, c7Sides) in 60-digit decimals: σ_r(S₊), σ_r(S) and ‖ΛSSᵀ‖ as square roots of eigenvalues (cyclic Jacobi, 60 digits) of the Gram matrices',
    slack: (x, c) => {
      const q = sides(hpBoundOps, x, c.c);
      return [q.lhs.minus(q.rhs)];
    },
  },
  expected: 'holds',
  sabotage: { description: 'the factor (1 − ησ_r²(S)) dropped', check: (x, c) => check(x, c.c, false) },
});
