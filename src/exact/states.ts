/**
 * Exact instances and the GD machinery in exact form, shared by the identity claims' exact forms.
 * These are written from the papers' definitions (YD21 (2),(3), §2.1, (13),(14); JCD (4.2)–(4.4),
 * below (A.6)), against the generic algebra, as a computation independent of the engine (src/gd).
 */
import fc from 'fast-check';
import type { ExactForm, Supply } from './form.ts';
import type { Algebra, XMat } from './matrix.ts';
import type { MatrixOps } from './ops.ts';

/** σ values σ₁ > σ₂ > … > σ_n > 0 as partial sums σᵢ = s_i + … + s_n of positives (linear in them). */
export function decreasingPositives<T>(A: Algebra<T>, n: number, v: Supply<T>): T[] {
  const s = Array.from({ length: n }, () => v.positive());
  const out: T[] = new Array(n);
  let acc = A.F.zero;
  for (let i = n - 1; i >= 0; i--) out[i] = acc = A.F.add(acc, s[i]);
  return out;
}

export function entries<T>(A: Algebra<T>, rows: number, cols: number, v: Supply<T>): XMat<T> {
  return A.make(rows, cols, () => v.entry());
}

/** A symmetric matrix from its upper triangle. */
export function symmetric<T>(A: Algebra<T>, n: number, v: Supply<T>): XMat<T> {
  const up = A.make(n, n, (i, j) => (j >= i ? v.entry() : A.F.zero));
  return A.make(n, n, (i, j) => (j >= i ? A.at(up, i, j) : A.at(up, j, i)));
}

/** A symmetric positive definite matrix LLᵀ + diag(positives) (every one is of this form). */
export function positiveDefinite<T>(A: Algebra<T>, n: number, v: Supply<T>): XMat<T> {
  const L = entries(A, n, n, v);
  return A.add(A.mul(L, A.tr(L)), A.diag(Array.from({ length: n }, () => v.positive())));
}

/**
 * One GD step (YD21 (2),(3); JCD (4.2)): U₊ = U + η(Σ − UVᵀ)V, V₊ = V + η(Σ − UVᵀ)ᵀU. Written
 * against MatrixOps (./ops.ts), like deriveExact and pUpdateExact below: the same code runs on exact
 * matrices (algebra(F)) and on letters (./symbolic.ts, through ./symbolic-blocks.ts for the blocks).
 */
export function gdStepExact<M, S, D>(A: MatrixOps<M, S, D>, Sigma: M, U: M, V: M, eta: S): { U: M; V: M } {
  const field = flowFieldExact(A, Sigma, U, V);
  return { U: A.add(U, A.scale(eta, field.U)), V: A.add(V, A.scale(eta, field.V)) };
}

/** The gradient flow's vector field (−∇f): U̇ = (Σ − UVᵀ)V, V̇ = (Σ − UVᵀ)ᵀU; one GD step moves η along it. */
export function flowFieldExact<M, S, D>(A: MatrixOps<M, S, D>, Sigma: M, U: M, V: M): { U: M; V: M } {
  const R = A.sub(Sigma, A.mul(U, A.tr(V)));
  return { U: A.mul(R, V), V: A.mul(A.tr(R), U) };
}

/**
 * What a flow identity reads (the derivative at t = 0 along the gradient flow from (Σ, 𝐔, 𝐕)): the
 * state, its block view, the vector field, and the GD steps of size k·h (k = 1, 2) from which a
 * quadratic's slope at 0 is (4g(h) − g(2h) − 3g(0))/(2h) exactly; h absent means h = 1.
 */
export interface FlowProbe<M, S> {
  readonly Sigma: M;
  readonly U: M;
  readonly V: M;
  readonly before: DerivedExact<M>;
  readonly field: { readonly U: M; readonly V: M };
  readonly h?: S;
  stepAt(k: 1 | 2): { readonly U: M; readonly V: M };
}

/** The exact flow probe of a YD21 state (steps of size 1 and 2, the field by flowFieldExact). */
export function flowProbeExact<T>(A: Algebra<T>, s: ReturnType<typeof diagonalStepExact<T>>): FlowProbe<XMat<T>, T> {
  const { SigmaFull, Ufull, Vfull } = s.x;
  return {
    Sigma: SigmaFull,
    U: Ufull,
    V: Vfull,
    before: s.before,
    field: flowFieldExact(A, SigmaFull, Ufull, Vfull),
    stepAt: (k) => gdStepExact(A, SigmaFull, Ufull, Vfull, A.int(k)),
  };
}

/** The slope at 0 of a quadratic g from g(0), g(h), g(2h): (4g(h) − g(2h) − 3g(0))/(2h) (h absent: 1). */
export function quadraticSlopeOf<M, S, D>(A: MatrixOps<M, S, D>, g0: S, g1: S, g2: S, h?: S): S {
  const { F } = A;
  const twice = F.sub(F.sub(F.mul(A.int(4), g1), g2), F.mul(A.int(3), g0));
  return h === undefined ? F.mul(A.ratio(1, 2), twice) : F.div(twice, F.mul(A.int(2), h));
}

/** The same for a matrix-valued quadratic. */
export function quadraticSlopeMatrix<M, S, D>(A: MatrixOps<M, S, D>, g0: M, g1: M, g2: M, h?: S): M {
  const { F } = A;
  const c = (n: number) => (h === undefined ? A.ratio(n, 2) : F.div(A.int(n), F.mul(A.int(2), h)));
  return A.combine([c(4), g1], [c(-1), g2], [c(-3), g0]);
}

/** The blocks at split point r: U, V the upper r rows of 𝐔, 𝐕; J, K the rest. */
export function splitExact<T>(A: Algebra<T>, Ufull: XMat<T>, Vfull: XMat<T>, r: number) {
  return {
    U: A.block(Ufull, 0, r, 0, Ufull.cols),
    J: A.block(Ufull, r, Ufull.rows, 0, Ufull.cols),
    V: A.block(Vfull, 0, r, 0, Vfull.cols),
    K: A.block(Vfull, r, Vfull.rows, 0, Vfull.cols),
  };
}

/** The blocks of (𝐔, 𝐕) at a split point: 𝐔 = [U; J], 𝐕 = [V; K]. */
interface BlocksOf<M> {
  readonly U: M;
  readonly V: M;
  readonly J: M;
  readonly K: M;
}

/** The derived matrices of YD21 §3.2.2 / JCD App. A (deriveExact). */
export interface DerivedExact<M> {
  readonly A: M;
  readonly B: M;
  readonly P: M;
  readonly Q: M;
  readonly M: M;
  readonly N: M;
  readonly C: M;
  readonly D: M;
  readonly KtK: M;
  readonly JtJ: M;
}

/** P = Σ − AAᵀ + BBᵀ and Q = ABᵀ − BAᵀ of a principal block given by Σ, A and B (YD21 (6)–(7)). */
export function pqOf<M, S, D>(O: MatrixOps<M, S, D>, Sigma: M, A: M, B: M): { P: M; Q: M } {
  const { add, sub, mul, tr } = O;
  return { P: add(sub(Sigma, mul(A, tr(A))), mul(B, tr(B))), Q: sub(mul(A, tr(B)), mul(B, tr(A))) };
}

/** A = (U+V)/2, B = (U−V)/2, and the rest of the derived matrices from them (deriveFromAB). */
export function deriveExact<M, S, D>(A: MatrixOps<M, S, D>, Sigma: M, b: BlocksOf<M>): DerivedExact<M> {
  const half = A.ratio(1, 2);
  return deriveFromAB(A, Sigma, A.scale(half, A.add(b.U, b.V)), A.scale(half, A.sub(b.U, b.V)), b.J, b.K);
}

/**
 * The derived matrices of a state given by its blocks A, B, J, K (where B is kept as computed, not
 * recomputed from U − V): P = Σ − AAᵀ + BBᵀ, Q = ABᵀ − BAᵀ (pqOf), M = (KᵀK + JᵀJ)/2,
 * N = (KᵀK − JᵀJ)/2, C = −ABᵀB + BAᵀB − AM − BN (YD21 (13)), D = ABᵀA − BAᵀA − AN − BM (YD21 (14)).
 */
export function deriveFromAB<M, S, D>(A: MatrixOps<M, S, D>, Sigma: M, Am: M, Bm: M, J: M, K: M): DerivedExact<M> {
  const { add, sub, mul, tr, scale, combine } = A;
  const half = A.ratio(1, 2);
  const [one, minus] = [A.int(1), A.int(-1)];
  const KtK = mul(tr(K), K);
  const JtJ = mul(tr(J), J);
  const M = scale(half, add(KtK, JtJ));
  const N = scale(half, sub(KtK, JtJ));
  const { P, Q } = pqOf(A, Sigma, Am, Bm);
  const C = combine([minus, mul(Am, tr(Bm), Bm)], [one, mul(Bm, tr(Am), Bm)], [minus, mul(Am, M)], [minus, mul(Bm, N)]);
  const D = combine([one, mul(Am, tr(Bm), Am)], [minus, mul(Bm, tr(Am), Am)], [minus, mul(Am, N)], [minus, mul(Bm, M)]);
  return { A: Am, B: Bm, P, Q, M, N, C, D, KtK, JtJ };
}

export interface DiagonalDims {
  readonly d: number;
  readonly mc: number;
  readonly nc: number;
}

/** YD21's frame (src/random/instances.ts diagonalState): d ∈ [1, 3], m − d, n − d ∈ [0, 2]. */
const diagonalDims = (maxComplement = 2): fc.Arbitrary<DiagonalDims> =>
  fc.record({ d: fc.integer({ min: 1, max: 3 }), mc: fc.integer({ min: 0, max: maxComplement }), nc: fc.integer({ min: 0, max: maxComplement }) });

/**
 * Zero-padding argument shared by the polynomial forms: every residual is built from sums, products
 * and transposes of the instance's matrices (no inverses), so padding a smaller instance with zero
 * rows and columns (σ's = 0 included: the residual is a polynomial, ≡ 0 for all real σ) pads its
 * residual; certifying at the largest dimensions therefore covers all smaller ones.
 */
export const ZERO_PADDING =
  'all smaller dimensions, by zero-padding (the residuals are polynomials in the entries built from sums, products and transposes only)';

/**
 * A YD21 state: Σ (m×n) diagonal with σ₁ > … > σ_d > 0 (partial sums of positives) then zeros;
 * 𝐔 (m×d), 𝐕 (n×d) with integer entries; η = positive/(N + 1) ∈ (0, 1).
 */
function diagonalStateExact<T>(A: Algebra<T>, dims: DiagonalDims, v: Supply<T>) {
  const { d, mc, nc } = dims;
  const [m, n] = [d + mc, d + nc];
  const sigmas = decreasingPositives(A, d, v);
  const SigmaFull = A.diag(sigmas, m, n);
  const Ufull = entries(A, m, d, v);
  const Vfull = entries(A, n, d, v);
  const eta = v.fraction();
  return { m, n, d, r: d, SigmaFull, Sigma: A.diag(sigmas), SigmaTilde: A.block(SigmaFull, d, m, d, n), Ufull, Vfull, eta };
}

const DIAGONAL_INSTANCES = 'Σ = diag(σ₁ > … > σ_d > 0, 0…) with σᵢ partial sums of positives; 𝐔, 𝐕 integer entries; η = positive/(N+1) ∈ (0, 1)';

export interface TailFrameDims {
  readonly r: number;
  readonly extra: number;
  readonly mc: number;
  readonly nc: number;
}

/** JCD's frame (lemmas/jcd/support/instances.ts jcdState): r ∈ [1, 3], k − r ∈ [0, 2], m − r, n − r ∈ [0, 2]. */
const tailFrameDims: fc.Arbitrary<TailFrameDims> = fc.record({
  r: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 0, max: 2 }),
  mc: fc.integer({ min: 0, max: 2 }),
  nc: fc.integer({ min: 0, max: 2 }),
});

/**
 * A JCD state: Σ_X (m×n) diagonal with all min(m, n) values σ₁ > … > σ_min > 0 (partial sums of
 * positives; in particular σ_r > σ_{r+1}: the gap of Assumption B, and a nonzero tail Σ̃);
 * F (m×k), G (n×k) with integer entries; η = positive/(N + 1).
 */
function tailFrameStateExact<T>(A: Algebra<T>, dims: TailFrameDims, v: Supply<T>) {
  const { r, extra, mc, nc } = dims;
  const [m, n, k] = [r + mc, r + nc, r + extra];
  const sigmas = decreasingPositives(A, Math.min(m, n), v);
  const SigmaX = A.diag(sigmas, m, n);
  const F = entries(A, m, k, v);
  const G = entries(A, n, k, v);
  const eta = v.fraction();
  return { m, n, k, r, SigmaX, Sigma: A.block(SigmaX, 0, r, 0, r), SigmaTilde: A.block(SigmaX, r, m, r, n), I: A.eye(r), F, G, eta };
}

const TAIL_FRAME_INSTANCES =
  'Σ_X = diag(σ₁ > … > σ_min{m,n} > 0) (partial sums of positives; tail Σ̃ ≠ 0); F, G integer entries, k ≥ r columns; η = positive/(N+1)';

/**
 * The BBᵀ-, C- and D-terms of YD21 (12) / JCD (A.6) (lemmas/common/p-update.ts):
 * −2ηBBᵀP − 2ηPBBᵀ − η(A + ηPA)Cᵀ − ηC(A + ηPA)ᵀ − η²CCᵀ + η(B + s·ηPB)Dᵀ + ηD(B + s·ηPB)ᵀ + η²DDᵀ, s = pbSign.
 */
export function pUpdateCdExact<M, S, D>(A: MatrixOps<M, S, D>, s: DerivedExact<M>, eta: S, pbSign: number): M {
  const { F, mul, tr, add, scale, combine } = A;
  const { A: Am, B, P, C, D } = s;
  const e2 = F.mul(eta, eta);
  const BBt = mul(B, tr(B));
  const APA = add(Am, scale(eta, mul(P, Am)));
  const BPB = add(B, scale(F.mul(A.int(pbSign), eta), mul(P, B)));
  const twoEta = F.mul(A.int(2), eta);
  return combine(
    [F.neg(twoEta), mul(BBt, P)],
    [F.neg(twoEta), mul(P, BBt)],
    [F.neg(eta), mul(APA, tr(C))],
    [F.neg(eta), mul(C, tr(APA))],
    [F.neg(e2), mul(C, tr(C))],
    [eta, mul(BPB, tr(D))],
    [eta, mul(D, tr(BPB))],
    [e2, mul(D, tr(D))],
  );
}

/**
 * The whole right side of YD21 (12) / JCD (A.6): P − ηP(Σ − P) − η(Σ − P)P + η²(PPP − PΣP) + the
 * BBᵀ-, C- and D-terms; `keepCubic = false` drops η²(PPP − PΣP) (the claims' sabotage).
 */
export function pUpdateExact<M, S, D>(A: MatrixOps<M, S, D>, Sigma: M, s: DerivedExact<M>, eta: S, pbSign: number, keepCubic = true): M {
  const { F, mul, sub, combine } = A;
  const P = s.P;
  const SmP = sub(Sigma, P);
  return combine(
    [F.one, P],
    [F.neg(eta), mul(P, SmP)],
    [F.neg(eta), mul(SmP, P)],
    [keepCubic ? F.mul(eta, eta) : F.zero, sub(mul(P, P, P), mul(P, Sigma, P))],
    [F.one, pUpdateCdExact(A, s, eta, pbSign)],
  );
}

/** Blocks and derived matrices of (𝐔, 𝐕) at split point r. */
function blockStateExact<T>(A: Algebra<T>, Sigma: XMat<T>, Ufull: XMat<T>, Vfull: XMat<T>, r: number) {
  const b = splitExact(A, Ufull, Vfull, r);
  return { ...b, Sigma, ...deriveExact(A, Sigma, b) };
}

/** A YD21 state and its block view before and after one exact GD step. */
export function diagonalStepExact<T>(A: Algebra<T>, dims: DiagonalDims, v: Supply<T>) {
  const x = diagonalStateExact(A, dims, v);
  const next = gdStepExact(A, x.SigmaFull, x.Ufull, x.Vfull, x.eta);
  return {
    x,
    next,
    before: blockStateExact(A, x.Sigma, x.Ufull, x.Vfull, x.d),
    after: blockStateExact(A, x.Sigma, next.U, next.V, x.d),
    instance: { Sigma: x.SigmaFull, U: x.Ufull, V: x.Vfull, eta: x.eta } as Record<string, XMat<T> | T>,
  };
}

/** A JCD state and its block view (at r) before and after one exact GD step (4.2). */
export function tailFrameStepExact<T>(A: Algebra<T>, dims: TailFrameDims, v: Supply<T>) {
  const x = tailFrameStateExact(A, dims, v);
  const next = gdStepExact(A, x.SigmaX, x.F, x.G, x.eta);
  return {
    x: { ...x, SigmaFull: x.SigmaX, Ufull: x.F, Vfull: x.G },
    next,
    before: blockStateExact(A, x.Sigma, x.F, x.G, x.r),
    after: blockStateExact(A, x.Sigma, next.U, next.V, x.r),
    instance: { SigmaX: x.SigmaX, F: x.F, G: x.G, eta: x.eta } as Record<string, XMat<T> | T>,
  };
}

/**
 * What a step identity's residuals read of a step: η, Σ (the d×d / r×r block) and r, its dimension
 * (the split point; the identity of Σ's size is A.eye(r)), and the blocks and derived matrices
 * before and after. diagonalStepExact and tailFrameStepExact give it on exact matrices,
 * src/gd/measured-step.ts on the engine's step in the magnitude model, ./symbolic-steps.ts on
 * letters (the step run by gdStepExact on block matrices).
 */
export interface StepView<M, S, D = number> {
  readonly x: { readonly eta: S; readonly Sigma: M; readonly r: D };
  readonly before: BlocksOf<M> & DerivedExact<M> & { readonly Sigma: M };
  readonly after: BlocksOf<M> & DerivedExact<M> & { readonly Sigma: M };
}

/**
 * A step identity's residuals (true minus printed form), written once against MatrixOps: passed to
 * diagonalForm / tailFrameForm (the exact certificate), to diagonalStepCheck (the float check,
 * src/gd/measured-step.ts) and to diagonalSymbolic / tailFrameSymbolic (./symbolic-steps.ts:
 * the symbolic proof).
 */
export type StepResiduals = <M, S, D>(A: MatrixOps<M, S, D>, s: StepView<M, S, D>, sabotaged: boolean) => Record<string, M | S>;

/**
 * A step view with the whole state: the full Σ (diag(Σ, Σ̃): Σ̃ is 0 in YD21's frame, JCD's tail in
 * its own), 𝐔, 𝐕 before the step and after it (`next`), for identities that read more than the blocks.
 */
export interface FullStepView<M, S, D = number> extends StepView<M, S, D> {
  readonly x: StepView<M, S, D>['x'] & { readonly SigmaFull: M; readonly SigmaTilde: M; readonly Ufull: M; readonly Vfull: M };
  readonly next: { readonly U: M; readonly V: M };
}

/** Residuals of an identity that reads the whole state (FullStepView); a StepResiduals is one. */
export type FullStepResiduals = <M, S, D>(A: MatrixOps<M, S, D>, s: FullStepView<M, S, D>, sabotaged: boolean) => Record<string, M | S>;

/** Residuals of a flow identity (true − printed), read along a FlowProbe. */
export type FlowResiduals = <M, S, D>(A: MatrixOps<M, S, D>, p: FlowProbe<M, S>, sabotaged: boolean) => Record<string, M | S>;

type Hand = { bound: number; derivation: string };

/** An exact form on YD21 states, certified at d = 3, m − d = n − d = maxComplement (0: J = K = 0). */
export function diagonalForm(
  evaluate: <T>(A: Algebra<T>, s: ReturnType<typeof diagonalStepExact<T>>, sabotaged: boolean) => Record<string, XMat<T> | T>,
  degree?: Hand,
  maxComplement = 2,
): ExactForm<DiagonalDims> {
  return {
    instances: DIAGONAL_INSTANCES + (maxComplement === 0 ? ' (m = n = d: J = K = 0)' : ''),
    dims: diagonalDims(maxComplement),
    certifyAt: [{ d: 3, mc: maxComplement, nc: maxComplement }],
    coverage: ZERO_PADDING,
    ...(degree ? { degree } : {}),
    evaluate: (A, dims, v, sabotaged) => {
      const s = diagonalStepExact(A, dims, v);
      return { instance: s.instance, residuals: evaluate(A, s, sabotaged) };
    },
  };
}

/** An exact form on JCD states, certified at r = 3, k = 5, m − r = n − r = 2. */
export function tailFrameForm(
  evaluate: <T>(A: Algebra<T>, s: ReturnType<typeof tailFrameStepExact<T>>, sabotaged: boolean) => Record<string, XMat<T> | T>,
  degree?: Hand,
): ExactForm<TailFrameDims> {
  return {
    instances: TAIL_FRAME_INSTANCES,
    dims: tailFrameDims,
    certifyAt: [{ r: 3, extra: 2, mc: 2, nc: 2 }],
    coverage: ZERO_PADDING,
    ...(degree ? { degree } : {}),
    evaluate: (A, dims, v, sabotaged) => {
      const s = tailFrameStepExact(A, dims, v);
      return { instance: s.instance, residuals: evaluate(A, s, sabotaged) };
    },
  };
}

/**
 * Lemma 3.2's setting (src/random/lemma-instances.ts): Σ, S symmetric positive definite (LLᵀ +
 * diag(positives)); c ∈ (0, 1) a fraction and β = 1 − c² (so √(1 − β) = c is rational);
 * η = f·β/(8 tr Σ) with f ∈ (0, 1), so η ≤ β/(8σ₁) since σ₁ ≤ tr Σ. Rational in the variables (1/tr Σ).
 */
export function lemmaStateExact<T>(A: Algebra<T>, d: number, v: Supply<T>) {
  const { F } = A;
  const Sigma = positiveDefinite(A, d, v);
  const S = positiveDefinite(A, d, v);
  const c = v.fraction();
  const beta = F.sub(F.one, F.mul(c, c));
  const eta = F.div(F.mul(v.fraction(), beta), F.mul(A.int(8), A.trace(Sigma)));
  return { Sigma, S, c, beta, eta };
}

/**
 * An identity of Lemma 3.2's setting, written once against MatrixOps as residuals true − printed
 * (the side computed from the definitions minus the printed one): the float check reads it on a
 * float instance (c = √(1 − β) rounded once), the exact form on lemmaStateExact's state,
 * ./symbolic-steps.ts (lemmaSymbolic) on letters Σ, S and scalars η, c with β = 1 − c²; d is Σ's
 * dimension (the identity of its size is A.eye(d)).
 */
export type LemmaResiduals = <M, S, D>(
  A: MatrixOps<M, S, D>,
  x: { readonly Sigma: M; readonly S: M; readonly c: S; readonly beta: S; readonly eta: S; readonly d: D },
  sabotaged: boolean,
) => Record<string, M | S>;

export const LEMMA_INSTANCES =
  'Σ, S = LLᵀ + diag(positives) (symmetric positive definite); c = positive/(N+1), β = 1 − c²; η = f·β/(8 tr Σ), f = positive/(N+1)';
export const EACH_DIMENSION = 'each dimension certified separately (k points at each of d = 1, 2, 3)';
