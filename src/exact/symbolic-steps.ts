/**
 * The symbolic GD step of YD21 §3.2.2 / JCD App. A and the symbolic specs (./symbolic-spec.ts) of
 * the step, flow and Lemma 3.2 identities: the same residual functions (./states.ts) that the exact
 * forms certify and the float checks evaluate are evaluated on letters. The step is gdStepExact run
 * on 2×2 block matrices of letters (./symbolic-blocks.ts); the derived matrices are deriveExact's,
 * on the blocks.
 */
import { type BlockMat, blockOps } from './symbolic-blocks.ts';
import type { SymbolicSpec } from './symbolic-spec.ts';
import type { LetterSpec, Scalar, SMat, Symbolic } from './symbolic.ts';
import {
  deriveExact,
  type FlowResiduals,
  type FullStepResiduals,
  type FullStepView,
  flowFieldExact,
  gdStepExact,
  type LemmaResiduals,
  type StepResiduals,
  type StepView,
} from './states.ts';

/**
 * The two block frames of the factorization: 'square' (YD21 §2: Σ_full = diag(Σ, 0), split at
 * d = the number of columns) and 'tail' (JCD (4.3): Σ_X = diag(Σ, Σ̃) split at the rank r, k ≥ r columns).
 */
type Frame = 'square' | 'tail';

/** Row dimension of Σ, U, V (r) and their column dimension (k): YD21 has k = r = d. */
const dims = (frame: Frame) => (frame === 'square' ? { r: 'd', k: 'd' } : { r: 'r', k: 'k' });

/** Σ (r×r, symmetric), U, V (r×k), J (p×k), K (q×k); for JCD the tail Σ̃ (p×q) as T. */
function baseLetters(frame: Frame): Record<string, LetterSpec> {
  const { r, k } = dims(frame);
  return {
    Σ: { kind: 'symmetric', rows: r },
    U: { rows: r, cols: k },
    V: { rows: r, cols: k },
    J: { rows: 'p', cols: k },
    K: { rows: 'q', cols: k },
    ...(frame === 'tail' ? { T: { rows: 'p', cols: 'q', latex: '\\tilde\\Sigma' } } : {}),
  };
}

const MEANING: Record<Frame, string> = {
  square: 'Σ (d×d, symmetric), 𝐔 = [U; J], 𝐕 = [V; K] (U, V d×d), Σ_full = diag(Σ, 0), η: any dimensions',
  tail: 'Σ (r×r, symmetric), Σ̃ = T, 𝐅 = [U; J], 𝐆 = [V; K] (k ≥ r columns), Σ_X = diag(Σ, T), η: any dimensions',
};

/** Σ̃: the letter T in JCD's frame, 0 (p×q) in YD21's. */
const tailOf = (S: Symbolic, frame: Frame) => (frame === 'tail' ? S.L.T : S.zeros('p', 'q'));

const one = (m: SMat): BlockMat => ({ b: [[m]] });

/**
 * One step on the letters as block matrices (a block is a 1×1 grid; 𝚺 = diag(Σ, Σ̃), 𝐔 = [U; J],
 * 𝐕 = [V; K]): the whole state, the step, the blocks and derived matrices before and after.
 */
function symbolicStep(S: Symbolic, frame: Frame): FullStepView<BlockMat, Scalar, readonly string[]> {
  const B = blockOps(S);
  const { Σ, U, V, J, K } = S.L;
  const eta = S.vars.η;
  const { r } = dims(frame);
  const SigmaFull = {
    b: [
      [Σ, S.zeros(r, 'q')],
      [S.zeros('p', r), tailOf(S, frame)],
    ],
  };
  const [Ufull, Vfull] = [{ b: [[U], [J]] }, { b: [[V], [K]] }];
  const next = gdStepExact(B, SigmaFull, Ufull, Vfull, eta);
  const Sigma = one(Σ);
  const b0 = { U: one(U), V: one(V), J: one(J), K: one(K) };
  const b1 = { U: one(next.U.b[0][0]), J: one(next.U.b[1][0]), V: one(next.V.b[0][0]), K: one(next.V.b[1][0]) };
  return {
    x: { eta, Sigma, r: [r], SigmaFull, SigmaTilde: one(tailOf(S, frame)), Ufull, Vfull },
    next,
    before: { ...b0, Sigma, ...deriveExact(B, Sigma, b0) },
    after: { ...b1, Sigma, ...deriveExact(B, Sigma, b1) },
  };
}

/** Residuals on block matrices as residuals on letters, printed − true (a matrix residual block by block; a 1×1 grid keeps its key). */
function flatNegated(S: Symbolic, r: Readonly<Record<string, BlockMat | Scalar>>): Record<string, SMat | Scalar> {
  return Object.fromEntries(
    Object.entries(r).flatMap(([key, x]): [string, SMat | Scalar][] =>
      'b' in x
        ? x.b.flatMap((row, i) => row.map((m, j): [string, SMat] => [x.b.length * row.length === 1 ? key : `${key} [${i}, ${j}]`, S.neg(m)]))
        : [[key, S.F.neg(x)]],
    ),
  );
}

/** The derived matrices as letters (P, M, N, KᵀK, JᵀJ symmetric, Q antisymmetric, as their definitions give), after the step with ₊. */
function derivedLetters(frame: Frame): Record<string, LetterSpec> {
  const { r, k } = dims(frame);
  const one = (suffix: string): Record<string, LetterSpec> => ({
    [`U${suffix}`]: { rows: r, cols: k },
    [`V${suffix}`]: { rows: r, cols: k },
    [`J${suffix}`]: { rows: 'p', cols: k },
    [`K${suffix}`]: { rows: 'q', cols: k },
    [`A${suffix}`]: { rows: r, cols: k },
    [`B${suffix}`]: { rows: r, cols: k },
    [`C${suffix}`]: { rows: r, cols: k },
    [`D${suffix}`]: { rows: r, cols: k },
    [`P${suffix}`]: { kind: 'symmetric', rows: r },
    [`Q${suffix}`]: { kind: 'antisymmetric', rows: r },
    [`M${suffix}`]: { kind: 'symmetric', rows: k },
    [`N${suffix}`]: { kind: 'symmetric', rows: k },
    [`KtK${suffix}`]: { kind: 'symmetric', rows: k, latex: `K${suffix}^{\\top}K${suffix}` },
    [`JtJ${suffix}`]: { kind: 'symmetric', rows: k, latex: `J${suffix}^{\\top}J${suffix}` },
  });
  return { ...baseLetters(frame), ...one(''), ...one('₊') };
}

function derivedStep(Z: Symbolic, frame: Frame): StepView<SMat, Scalar, string> {
  const L = Z.L;
  const state = (s: string) => ({
    Sigma: L.Σ,
    ...Object.fromEntries(['U', 'V', 'J', 'K', 'A', 'B', 'C', 'D', 'P', 'Q', 'M', 'N', 'KtK', 'JtJ'].map((n) => [n, L[`${n}${s}`]])),
  });
  type View = StepView<SMat, Scalar, string>;
  return { x: { eta: Z.vars.η, Sigma: L.Σ, r: dims(frame).r }, before: state('') as View['before'], after: state('₊') as View['after'] };
}

const neg = (S: Symbolic, x: SMat | Scalar) => (x.kind === 'scalar' ? S.F.neg(x) : S.neg(x));
function minus(S: Symbolic, a: SMat | Scalar, b: SMat | Scalar): SMat | Scalar {
  if (a.kind === 'scalar' && b.kind === 'scalar') return S.F.sub(a, b);
  if (a.kind === 'matrix' && b.kind === 'matrix') return S.sub(a, b);
  throw new Error('a matrix minus a scalar');
}
const mapValues = <X, Y>(r: Readonly<Record<string, X>>, f: (x: X, k: string) => Y) => Object.fromEntries(Object.entries(r).map(([k, x]) => [k, f(x, k)]));

/**
 * How a step identity's spec is built: the residuals alone (a FullStepResiduals: read on the whole
 * state), optionally their sabotaged variant (a printed form that is another claim's sabotage), or
 * a printed form's residuals with its corrected form's (both StepResiduals: the difference printed −
 * corrected is also shown in the derived letters).
 */
type StepSpecOf =
  | { readonly residuals: FullStepResiduals; readonly sabotaged?: boolean }
  | { readonly residuals: StepResiduals; readonly corrected: StepResiduals };

/**
 * The symbolic spec of a step identity from its residuals (true − printed, as the exact form
 * computes them): residual = printed − true on the letters.
 */
function stepSymbolic(frame: Frame, of: StepSpecOf): SymbolicSpec {
  const onStep = (S: Symbolic, residuals: FullStepResiduals, sabotaged = false) => flatNegated(S, residuals(blockOps(S), symbolicStep(S, frame), sabotaged));
  return {
    letters: baseLetters(frame),
    scalars: ['η'],
    meaning: MEANING[frame],
    residual: (S) => onStep(S, of.residuals, 'sabotaged' in of ? of.sabotaged : false),
    ...('corrected' in of
      ? {
          readable: {
            letters: derivedLetters(frame),
            scalars: ['η'],
            meaning: 'A, B, P, Q, M, N, C, D as defined (P, M, N symmetric, Q antisymmetric), η',
            truth: (S: Symbolic) => onStep(S, of.corrected),
            difference: (Z: Symbolic) => {
              const v = derivedStep(Z, frame);
              const [p, c] = [of.residuals(Z, v, false), of.corrected(Z, v, false)];
              return mapValues(p, (x, key) => minus(Z, c[key], x));
            },
          },
        }
      : {}),
  };
}

/** YD21 §3.2.2: a step identity's symbolic spec (see StepSpecOf). */
export function diagonalSymbolic(residuals: FullStepResiduals, options?: { readonly sabotaged: boolean }): SymbolicSpec;
export function diagonalSymbolic(residuals: StepResiduals, corrected: StepResiduals): SymbolicSpec;
export function diagonalSymbolic(residuals: FullStepResiduals, second?: StepResiduals | { readonly sabotaged: boolean }): SymbolicSpec {
  return stepSymbolic(
    'square',
    typeof second === 'function' ? { residuals: residuals as StepResiduals, corrected: second } : { residuals, sabotaged: second?.sabotaged },
  );
}

/** JCD App. A at rank r (k ≥ r columns, tail Σ̃): the same. */
export function tailFrameSymbolic(residuals: FullStepResiduals): SymbolicSpec;
export function tailFrameSymbolic(residuals: StepResiduals, corrected: StepResiduals): SymbolicSpec;
export function tailFrameSymbolic(residuals: FullStepResiduals, corrected?: StepResiduals): SymbolicSpec {
  return stepSymbolic('tail', corrected ? { residuals: residuals as StepResiduals, corrected } : { residuals });
}

/**
 * A flow identity (FlowResiduals) on letters Σ (d×d, symmetric), U, V (d×d) with J = K = 0: the
 * probe's field is flowFieldExact's and its steps gdStepExact's of size 1, 2 (h = 1), so a
 * quadratic's slope read off them is exact on the letters too. `readable`: a printed form's
 * difference from the true one in other letters, passed through.
 */
export function flowSymbolic(residuals: FlowResiduals, readable?: SymbolicSpec['readable']): SymbolicSpec {
  return {
    letters: { Σ: { kind: 'symmetric', rows: 'd' }, U: { rows: 'd' }, V: { rows: 'd' } },
    scalars: [],
    meaning: 'Σ (d×d, symmetric), U, V (d×d), J = K = 0: any dimension',
    residual: (S) => {
      const { Σ, U, V } = S.L;
      const probe = {
        Sigma: Σ,
        U,
        V,
        before: deriveExact(S, Σ, { U, V, J: S.zeros('p', 'd'), K: S.zeros('q', 'd') }),
        field: flowFieldExact(S, Σ, U, V),
        stepAt: (k: 1 | 2) => gdStepExact(S, Σ, U, V, S.int(k)),
      };
      return mapValues(residuals(S, probe, false), (x) => neg(S, x));
    },
    ...(readable ? { readable } : {}),
  };
}

/**
 * An identity of Lemma 3.2's setting (LemmaResiduals) on letters Σ, S (symmetric) and scalars η, c
 * with β = 1 − c² (so √(1 − β) = c): a proof holds for every d, every η and every c ≠ 0.
 */
export function lemmaSymbolic(residuals: LemmaResiduals): SymbolicSpec {
  return {
    letters: { Σ: { kind: 'symmetric', rows: 'd' }, S: { kind: 'symmetric', rows: 'd' } },
    scalars: ['η', 'c'],
    meaning: 'Σ, S (d×d, symmetric), η, c ≠ 0 with β = 1 − c²: any dimension',
    residual: (S) => {
      const { η, c } = S.vars;
      const x = { Sigma: S.L.Σ, S: S.L.S, c, beta: S.F.sub(S.F.one, S.F.mul(c, c)), eta: η, d: 'd' };
      return mapValues(residuals(S, x, false), (r) => neg(S, r));
    },
  };
}
