/**
 * The block view of YD21 §2.1 for a diagonal Σ of rank d, and the matrices derived from it.
 *
 * With 𝐔 (m×d) and 𝐕 (n×d): U = the upper d×d block of 𝐔, J = its lower (m−d)×d block; V, K
 * likewise for 𝐕; Σ = diag(σ₁, …, σ_d). Then (YD21 §2.2, (10)–(14))
 *
 *   A = (U+V)/2,  B = (U−V)/2,  S = AAᵀ,  P = Σ − AAᵀ + BBᵀ,  Q = ABᵀ − BAᵀ,
 *   M = (KᵀK + JᵀJ)/2,  N = (KᵀK − JᵀJ)/2,
 *   C = −ABᵀB + BAᵀB − AM − BN   (13),     D = ABᵀA − BAᵀA − AN − BM   (14).
 *
 * M and N are lemmacheck's names: the paper writes the two fractions out each time.
 */
import { block, combine, type Mat, mul, mulAll, mulSelfTransposed, rowBlock, scale, sub, add, transpose } from '../linalg/dense.ts';

/** The four blocks of (𝐔, 𝐕) and the principal block Σ (d×d). */
export interface Blocks {
  readonly d: number;
  readonly Sigma: Mat;
  readonly U: Mat;
  readonly J: Mat;
  readonly V: Mat;
  readonly K: Mat;
}

/** The derived matrices of YD21 §2.2 and (13), (14). */
export interface Derived {
  readonly A: Mat;
  readonly B: Mat;
  readonly S: Mat;
  readonly P: Mat;
  readonly Q: Mat;
  readonly M: Mat;
  readonly N: Mat;
  readonly C: Mat;
  readonly D: Mat;
}

/** Σ's already found diagonal, by storage and shape (matrices are never modified once built). */
const knownDiagonal = new WeakMap<Float64Array, string>();

/** True when every off-diagonal entry of Σ is exactly zero. */
export function isDiagonal(sigma: Mat): boolean {
  const { rows, cols, data } = sigma;
  // The diagnostics ask this of the same Σ at every recorded step: remember a positive answer.
  if (knownDiagonal.get(data) === `${rows}×${cols}`) return true;
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < Math.min(i, cols); j++) if (data[row + j] !== 0) return false;
    for (let j = i + 1; j < cols; j++) if (data[row + j] !== 0) return false;
  }
  knownDiagonal.set(data, `${rows}×${cols}`);
  return true;
}

/**
 * Splits (Σ, 𝐔, 𝐕) into blocks at d = 𝐔's column count; Σ must be diagonal (rotate it first).
 * U, J, V, K share the storage of 𝐔 and 𝐕 (row blocks); Σ's block is a copy.
 */
export function splitBlocks(sigma: Mat, Ufull: Mat, Vfull: Mat): Blocks {
  if (!isDiagonal(sigma)) throw new Error('the block view needs a diagonal Σ: rotate with toDiagonalFrame first');
  const d = Ufull.cols;
  const m = Ufull.rows;
  const n = Vfull.rows;
  if (d > m || d > n) throw new Error(`rank d = ${d} exceeds a dimension of Σ (${m}×${n})`);
  return {
    d,
    Sigma: block(sigma, 0, d, 0, d),
    U: rowBlock(Ufull, 0, d),
    J: rowBlock(Ufull, d, m),
    V: rowBlock(Vfull, 0, d),
    K: rowBlock(Vfull, d, n),
  };
}

/** A = (U+V)/2, B = (U−V)/2, S = AAᵀ and P = Σ − AAᵀ + BBᵀ alone (what the diagnostics need). */
export function deriveABSP(b: Blocks): Pick<Derived, 'A' | 'B' | 'S' | 'P'> {
  const A = scale(add(b.U, b.V), 0.5);
  const B = scale(sub(b.U, b.V), 0.5);
  const S = mulSelfTransposed(A);
  const P = combine([1, b.Sigma], [-1, S], [1, mulSelfTransposed(B)]);
  return { A, B, S, P };
}

/** A, B, S, P, Q, M, N, C, D from the blocks. */
export function derive(b: Blocks): Derived {
  const { A, B, S, P } = deriveABSP(b);
  const At = transpose(A);
  const Bt = transpose(B);
  const KtK = mul(transpose(b.K), b.K);
  const JtJ = mul(transpose(b.J), b.J);
  const M = scale(add(KtK, JtJ), 0.5);
  const N = scale(sub(KtK, JtJ), 0.5);
  const Q = sub(mul(A, Bt), mul(B, At));
  const C = combine([-1, mulAll(A, Bt, B)], [1, mulAll(B, At, B)], [-1, mul(A, M)], [-1, mul(B, N)]);
  const D = combine([1, mulAll(A, Bt, A)], [-1, mulAll(B, At, A)], [-1, mul(A, N)], [-1, mul(B, M)]);
  return { A, B, S, P, Q, M, N, C, D };
}

/** A GD state in block form, with its derived matrices. */
export interface BlockState extends Blocks, Derived {}

/** Blocks and derived matrices of (𝐔, 𝐕) for a diagonal Σ. */
export function blockState(sigma: Mat, Ufull: Mat, Vfull: Mat): BlockState {
  const b = splitBlocks(sigma, Ufull, Vfull);
  return { ...b, ...derive(b) };
}
