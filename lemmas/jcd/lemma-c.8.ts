/**
 * JCD Lemma C.8 — "Let B ∈ ℝ^{r×k} be a real matrix and P ∈ ℝ^{r×r} a symmetric matrix. We have
 * ⟨BBᵀ, P⟩ ≥ λ_r(P)‖B‖²_F."
 *
 * Instances: P = QΛQᵀ with eigenvalues in [−2, 2]; B on a coarse grid, or B = q_r wᵀ with q_r the
 * eigenvector of λ_r(P) (Q's last column), where equality holds — so the worst margins are rounding.
 *
 * Scale: the two sides are written once (against BoundOps) and evaluated in the magnitude model
 * (src/claims/measured.ts): the comparison's scale is their computed magnitudes; the near-boundary
 * re-check evaluates the same sides in 60 digits (src/exact/decimal-bounds.ts).
 */
import fc from 'fast-check';
import { block, type Mat, mul } from '../../src/linalg/dense.ts';
import { lambdaMin } from '../../src/linalg/spectral.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps } from '../../src/claims/measured.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { gridMatrix, orthogonal, spectrum, withSpectrum, dimension } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { hasShape, isSymmetric } from '../../src/hypotheses/matrix.ts';
import { hpBoundOps } from '../../src/exact/decimal-bounds.ts';

export interface C8Instance {
  readonly r: number;
  readonly k: number;
  readonly P: Mat;
  readonly B: Mat;
}

export const instances: fc.Arbitrary<C8Instance> = fc.record({ r: dimension(1, 4), extra: dimension(0, 3) }).chain(({ r, extra }) => {
  const k = r + extra;
  return fc
    .record({ q: orthogonal(r), ev: spectrum(r, -2, 2), grid: gridMatrix(r, k, 2, 8), w: gridMatrix(1, k, 2, 8), aligned: fc.boolean() })
    .map(({ q, ev, grid, w, aligned }) => ({
      r,
      k,
      P: withSpectrum(q, ev),
      B: aligned ? mul(block(q, 0, r, r - 1, r), w) : grid,
    }));
});

/** The two sides ⟨BBᵀ, P⟩ and λ_r(P)‖B‖²_F, written once (sabotaged: λ₁(P), the largest eigenvalue). */
function sides<M, S>(A: BoundOps<M, S>, B: M, P: M, largest: boolean): { lhs: S; rhs: S } {
  return { lhs: A.inner(A.mul(B, A.tr(B)), P), rhs: A.F.mul(largest ? A.lambdaMax(P) : A.lambdaMin(P), A.frob2(B)) };
}

/** The sides on the instance in the magnitude model (B, P exact inputs): the comparison's scale is their computed magnitude. */
function check(x: C8Instance, largest = false): Comparison[] {
  const A = boundOps(relativeTolerance('inequality', x.k));
  const { lhs, rhs } = sides(A, A.input(x.B), A.input(x.P), largest);
  return [boundComparison('⟨BBᵀ, P⟩ ≥ λ_r(P)‖B‖²_F', lhs, '≥', rhs)];
}

export const lemmaC8 = defineClaim<C8Instance>({
  id: 'jcd.lemma-c.8',
  source: { paper: 'JCD', where: 'Lemma C.8' },
  kind: 'inequality',
  statement: '⟨BBᵀ, P⟩ ≥ λ_r(P)‖B‖²_F for B ∈ ℝ^{r×k} and symmetric P ∈ ℝ^{r×r}',
  hypotheses: [
    hypothesis<C8Instance>('c8-b', 'B ∈ ℝ^{r×k} a real matrix', (x) => x.r >= 1 && x.k >= 1 && hasShape(x.B, x.r, x.k), {
      coordinates: { r: { value: (x) => x.r, domain: [1, 4] }, 'k − r': { value: (x) => x.k - x.r, domain: [0, 3] } },
    }),
    hypothesis<C8Instance>('c8-p', 'P ∈ ℝ^{r×r} a symmetric matrix', (x) => hasShape(x.P, x.r, x.r) && isSymmetric(x.P), {
      tolerance: 'symmetric to 16γ_n relative (QΛQᵀ formed in doubles)',
      coordinates: { 'λ_r(P)': { value: (x) => lambdaMin(x.P), domain: [-2, 2] } },
    }),
  ],
  instances,
  size: (x) => x.k,
  check: (x) => check(x),
  // Near-boundary re-check (check --rigorous): the same slack in 60 digits, the instance's doubles taken exactly.
  highPrecision: {
    // P = QΛQᵀ formed in doubles is symmetric only up to rounding: λ_r is of its symmetric part P_s
    // (src/exact/decimal-bounds.ts), the symmetric matrix of the hypothesis, and ⟨BBᵀ, P⟩ = ⟨BBᵀ, P_s⟩
    // exactly (BBᵀ is symmetric).
    method: 'the same sides in 60-digit decimals: ⟨BBᵀ, P⟩ and ‖B‖²_F exactly; λ_r of the symmetric part of P by cyclic Jacobi in 60 digits',
    slack: (x) => {
      const A = hpBoundOps;
      const { lhs, rhs } = sides(A, A.input(x.B), A.input(x.P), false);
      return [lhs.minus(rhs)];
    },
  },
  expected: 'holds',
  sabotage: { description: 'λ₁(P) (the largest eigenvalue) in place of λ_r(P)', check: (x) => check(x, true) },
});
