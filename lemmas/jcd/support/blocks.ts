/**
 * The block view of JCD §4.2, (4.3)–(4.4), for a diagonal m×n Σ_X split at the target rank r and
 * factors F (m×k), G (n×k) with any number k of columns:
 *
 *   Σ = diag(σ₁, …, σ_r) (r×r, the upper-left block),  Σ̃ = the lower-right (m−r)×(n−r) block
 *   (σ_{r+1}, …, σ_min{m,n} on its diagonal — not zero for a general X),
 *   U = the upper r×k block of F, J = its lower (m−r)×k block; V, K likewise of G.
 *
 * Unlike YD21's view (./blocks.ts: split at d = the number of columns, Σ of rank d), the split point
 * r and the width k are independent (k ≥ r in the paper) and the tail Σ̃ is kept. The derived
 * matrices are those of (4.4), (A.4)–(A.6): A = (U+V)/2, B = (U−V)/2, P = Σ − AAᵀ + BBᵀ,
 * Q = ABᵀ − BAᵀ, and JCD's C and D (printed below (A.6)), which are YD21's (13), (14) with k
 * columns; they are computed by ./blocks.ts's `derive`, whose formulas do not depend on the shapes.
 * M = (KᵀK + JᵀJ)/2 and N = (KᵀK − JᵀJ)/2 are lemmacheck's names (k×k): the paper writes the two
 * fractions out each time.
 */
import { block, type Mat } from '../../../src/linalg/dense.ts';
import { derive, type Derived, isDiagonal } from '../../../src/gd/blocks.ts';
import { gdStep } from '../../../src/gd/trajectory.ts';
import type { Comparison } from '../../../src/claims/compare.ts';
import { type EngineStep, stepComparisons } from '../../../src/gd/measured-step.ts';
import type { FullStepResiduals } from '../../../src/exact/states.ts';
import type { JcdState } from './instances.ts';

/** The blocks of (Σ_X, F, G) at the target rank r. */
export interface JcdBlocks {
  /** The target rank r (the split point). */
  readonly r: number;
  /** The number of columns k of F and G. */
  readonly k: number;
  /** Σ (r×r) and Σ̃ ((m−r)×(n−r)). */
  readonly Sigma: Mat;
  readonly SigmaTilde: Mat;
  /** U, V (r×k); J ((m−r)×k); K ((n−r)×k). */
  readonly U: Mat;
  readonly J: Mat;
  readonly V: Mat;
  readonly K: Mat;
}

/** A JCD state in block form with A, B, S, P, Q, M, N, C, D. */
export interface JcdBlockState extends JcdBlocks, Derived {}

/** Splits (Σ_X, F, G) at r; Σ_X must be diagonal (rotate a general X with toDiagonalFrame first). */
export function splitJcdBlocks(sigmaX: Mat, F: Mat, G: Mat, r: number): JcdBlocks {
  if (!isDiagonal(sigmaX)) throw new Error('the JCD block view needs a diagonal Σ_X: rotate with toDiagonalFrame first');
  const [m, n, k] = [sigmaX.rows, sigmaX.cols, F.cols];
  if (F.rows !== m || G.rows !== n || G.cols !== k) throw new Error(`shapes do not fit: Σ_X is ${m}×${n}, F is ${F.rows}×${F.cols}, G is ${G.rows}×${G.cols}`);
  if (!Number.isInteger(r) || r < 0 || r > Math.min(m, n)) throw new Error(`target rank r = ${r} outside [0, min(m, n) = ${Math.min(m, n)}]`);
  return {
    r,
    k,
    Sigma: block(sigmaX, 0, r, 0, r),
    SigmaTilde: block(sigmaX, r, m, r, n),
    U: block(F, 0, r, 0, k),
    J: block(F, r, m, 0, k),
    V: block(G, 0, r, 0, k),
    K: block(G, r, n, 0, k),
  };
}

/** Blocks and derived matrices of (F, G) at rank r, for a diagonal Σ_X. */
export function jcdBlockState(sigmaX: Mat, F: Mat, G: Mat, r: number): JcdBlockState {
  const b = splitJcdBlocks(sigmaX, F, G, r);
  return { ...b, ...derive({ d: r, Sigma: b.Sigma, U: b.U, J: b.J, V: b.V, K: b.K }) };
}

/** One GD step (4.2) (the engine's gdStep on Σ_X) seen in JCD's block form: before and after. */
export function jcdBlockStep(sigmaX: Mat, F: Mat, G: Mat, r: number, eta: number): { before: JcdBlockState; after: JcdBlockState } {
  const next = gdStep(sigmaX, F, G, eta);
  return { before: jcdBlockState(sigmaX, F, G, r), after: jcdBlockState(sigmaX, next.U, next.V, r) };
}

/** One engine step (4.2) of (Σ_X, F, G, η) seen at the split r: what src/gd/measured-step.ts measures. */
export function jcdEngineStep(sigmaX: Mat, F: Mat, G: Mat, r: number, eta: number): EngineStep {
  const next = gdStep(sigmaX, F, G, eta);
  const [before, after] = [jcdBlockState(sigmaX, F, G, r), jcdBlockState(sigmaX, next.U, next.V, r)];
  return { sigma: sigmaX, U: F, V: G, eta, r, next, before, after };
}

/** A step identity's check on JCD states (split at r, the engine's step (4.2)): src/gd/measured-step.ts. */
export function jcdStepCheck(residuals: FullStepResiduals): (x: JcdState, sabotaged?: boolean) => Comparison[] {
  return (x, sabotaged = false) => stepComparisons(residuals, jcdEngineStep(x.sigma, x.F, x.G, x.r, x.eta), sabotaged);
}
