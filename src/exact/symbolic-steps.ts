/**
 * The symbolic GD step of YD21 §3.2.2 / JCD App. A and the symbolic specs (./symbolic-spec.ts) of
 * the step identities: the same StepResiduals (./states.ts) that diagonalForm / tailFrameForm certify are
 * evaluated on letters. The step is gdStepExact run on 2×2 block matrices of letters
 * (./symbolic-blocks.ts); the derived matrices are deriveExact's, on the blocks.
 */
import { type BlockMat, blockOps } from './symbolic-blocks.ts';
import type { SymbolicSpec } from './symbolic-spec.ts';
import type { LetterSpec, Scalar, SMat, Symbolic } from './symbolic.ts';
import {
  deriveExact,
  type FullResiduals,
  type LemmaResiduals,
  type SplitResiduals,
  gdStepExact,
  type StepResiduals,
  type TailStepResiduals,
  type TailStepView,
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

/** One step on the letters (before and after), as the exact forms read it. */
function symbolicStep(S: Symbolic, frame: Frame): TailStepView<SMat, Scalar> {
  const { Σ, U, V, J, K } = S.L;
  const eta = S.vars.η;
  const { r } = dims(frame);
  const full = {
    b: [
      [Σ, S.zeros(r, 'q')],
      [S.zeros('p', r), tailOf(S, frame)],
    ],
  };
  const next = gdStepExact(blockOps(S), full, { b: [[U], [J]] }, { b: [[V], [K]] }, eta);
  const b0 = { U, V, J, K };
  const b1 = { U: next.U.b[0][0], J: next.U.b[1][0], V: next.V.b[0][0], K: next.V.b[1][0] };
  return {
    x: { eta, Sigma: Σ, I: S.eye(r), SigmaTilde: tailOf(S, frame) },
    before: { ...b0, Sigma: Σ, ...deriveExact(S, Σ, b0) },
    after: { ...b1, Sigma: Σ, ...deriveExact(S, Σ, b1) },
  };
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

function derivedStep(Z: Symbolic, frame: Frame): TailStepView<SMat, Scalar> {
  const L = Z.L;
  const state = (s: string) => ({
    Sigma: L.Σ,
    ...Object.fromEntries(['U', 'V', 'J', 'K', 'A', 'B', 'C', 'D', 'P', 'Q', 'M', 'N', 'KtK', 'JtJ'].map((n) => [n, L[`${n}${s}`]])),
  });
  return {
    x: { eta: Z.vars.η, Sigma: L.Σ, I: Z.eye(dims(frame).r), SigmaTilde: tailOf(Z, frame) },
    before: state('') as TailStepView<SMat, Scalar>['before'],
    after: state('₊') as TailStepView<SMat, Scalar>['after'],
  };
}

const neg = (S: Symbolic, x: SMat | Scalar) => (x.kind === 'scalar' ? S.F.neg(x) : S.neg(x));
function minus(S: Symbolic, a: SMat | Scalar, b: SMat | Scalar): SMat | Scalar {
  if (a.kind === 'scalar' && b.kind === 'scalar') return S.F.sub(a, b);
  if (a.kind === 'matrix' && b.kind === 'matrix') return S.sub(a, b);
  throw new Error('a matrix minus a scalar');
}
const mapValues = <X, Y>(r: Readonly<Record<string, X>>, f: (x: X, k: string) => Y) => Object.fromEntries(Object.entries(r).map(([k, x]) => [k, f(x, k)]));

/**
 * The symbolic spec of a step identity from its StepResiduals (true − printed, as the exact form
 * computes them): residual = printed − true on the letters. With the corrected form's residuals,
 * a printed form's difference is also shown in the derived letters (printed − corrected).
 */
function stepSymbolic(frame: Frame, residuals: TailStepResiduals, corrected?: TailStepResiduals): SymbolicSpec {
  const letters = baseLetters(frame);
  return {
    letters,
    scalars: ['η'],
    meaning: MEANING[frame],
    residual: (S) => mapValues(residuals(S, symbolicStep(S, frame), false), (x) => neg(S, x)),
    ...(corrected
      ? {
          readable: {
            letters: derivedLetters(frame),
            scalars: ['η'],
            meaning: 'A, B, P, Q, M, N, C, D as defined (P, M, N symmetric, Q antisymmetric), η',
            truth: (S: Symbolic) => mapValues(corrected(S, symbolicStep(S, frame), false), (x) => neg(S, x)),
            difference: (Z: Symbolic) => {
              const v = derivedStep(Z, frame);
              const [p, c] = [residuals(Z, v, false), corrected(Z, v, false)];
              return mapValues(p, (x, key) => minus(Z, c[key], x));
            },
          },
        }
      : {}),
  };
}

/** YD21 §3.2.2: the step identity's symbolic spec (with the corrected form's residuals for a printed form that has one). */
export const diagonalSymbolic = (residuals: StepResiduals, corrected?: StepResiduals) => stepSymbolic('square', residuals, corrected);
/** JCD App. A at rank r (k ≥ r columns, tail Σ̃): the same. */
export const tailFrameSymbolic = (residuals: TailStepResiduals, corrected?: TailStepResiduals) => stepSymbolic('tail', residuals, corrected);

/**
 * An identity of the whole factorization (FullResiduals): the residual on letters 𝚺 (m×n), 𝐔
 * (m×d), 𝐕 (n×d), any values (𝚺 need not be diagonal: a proof covers the paper's diagonal 𝚺).
 */
export function fullFrameSymbolic(residuals: FullResiduals): SymbolicSpec {
  return {
    letters: {
      Σ: { rows: 'm', cols: 'n', latex: '\\boldsymbol{\\Sigma}' },
      U: { rows: 'm', cols: 'd', latex: '\\mathbf{U}' },
      V: { rows: 'n', cols: 'd', latex: '\\mathbf{V}' },
    },
    scalars: ['η'],
    meaning: '𝚺 (m×n), 𝐔 (m×d), 𝐕 (n×d) any, η: any dimensions',
    residual: (S) => mapValues(residuals(S, { Sigma: S.L.Σ, U: S.L.U, V: S.L.V, eta: S.vars.η }, false), (x) => neg(S, x)),
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
      const x = { Sigma: S.L.Σ, S: S.L.S, c, beta: S.F.sub(S.F.one, S.F.mul(c, c)), eta: η, I: S.eye('d') };
      return mapValues(residuals(S, x, false), (r) => neg(S, r));
    },
  };
}

/**
 * An identity of YD21's frame read on both the whole matrices and their blocks (SplitResiduals):
 * evaluated on block matrices of the letters of the square frame (a block alone is a 1×1 grid), a
 * matrix residual checked block by block. `sabotaged`: the spec of the residual's sabotaged variant
 * (a printed form that is another claim's sabotage).
 */
export function splitFrameSymbolic(residuals: SplitResiduals, sabotaged = false): SymbolicSpec {
  return {
    letters: baseLetters('square'),
    scalars: ['η'],
    meaning: MEANING.square,
    residual: (S) => {
      const { Σ, U, V, J, K } = S.L;
      const one = (m: SMat): BlockMat => ({ b: [[m]] });
      const full = {
        Sigma: {
          b: [
            [Σ, S.zeros('d', 'q')],
            [S.zeros('p', 'd'), S.zeros('p', 'q')],
          ],
        },
        U: { b: [[U], [J]] },
        V: { b: [[V], [K]] },
      };
      const r = residuals(blockOps(S), { full, Sigma: one(Σ), U: one(U), V: one(V), J: one(J), K: one(K) }, sabotaged);
      return Object.fromEntries(
        Object.entries(r).flatMap(([key, x]): [string, SMat | Scalar][] =>
          'b' in x
            ? x.b.flatMap((row, i) => row.map((m, j): [string, SMat] => [x.b.length * row.length === 1 ? key : `${key} [${i}, ${j}]`, S.neg(m)]))
            : [[key, S.F.neg(x)]],
        ),
      );
    },
  };
}
