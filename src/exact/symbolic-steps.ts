/**
 * The symbolic GD step of YD21 §3.2.2 / JCD App. A and the symbolic specs (./symbolic-spec.ts) of
 * the step identities: the same StepResiduals (./states.ts) that diagonalForm / tailFrameForm certify are
 * evaluated on letters. The step is gdStepExact run on 2×2 block matrices of letters
 * (./symbolic-blocks.ts); the derived matrices are deriveExact's, on the blocks.
 */
import { blockOps } from './symbolic-blocks.ts';
import type { SymbolicSpec } from './symbolic-spec.ts';
import type { LetterSpec, Scalar, SMat, Symbolic } from './symbolic.ts';
import { deriveExact, gdStepExact, type StepResiduals, type StepView } from './states.ts';

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

/** One step on the letters (before and after), as the exact forms read it. */
function symbolicStep(S: Symbolic, frame: Frame): StepView<SMat, Scalar, string> {
  const { Σ, U, V, J, K } = S.L;
  const eta = S.vars.η;
  const { r } = dims(frame);
  const full = {
    b: [
      [Σ, S.zeros(r, 'q')],
      [S.zeros('p', r), frame === 'tail' ? S.L.T : S.zeros('p', 'q')],
    ],
  };
  const next = gdStepExact(blockOps(S), full, { b: [[U], [J]] }, { b: [[V], [K]] }, eta);
  const b0 = { U, V, J, K };
  const b1 = { U: next.U.b[0][0], J: next.U.b[1][0], V: next.V.b[0][0], K: next.V.b[1][0] };
  return {
    x: { eta, Sigma: Σ, r },
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
  return { Σ: { kind: 'symmetric', rows: r }, ...one(''), ...one('₊') };
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
 * The symbolic spec of a step identity from its StepResiduals (true − printed, as the exact form
 * computes them): residual = printed − true on the letters. With the corrected form's residuals,
 * a printed form's difference is also shown in the derived letters (printed − corrected).
 */
function stepSymbolic(frame: Frame, residuals: StepResiduals, corrected?: StepResiduals): SymbolicSpec {
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
export const tailFrameSymbolic = (residuals: StepResiduals, corrected?: StepResiduals) => stepSymbolic('tail', residuals, corrected);
