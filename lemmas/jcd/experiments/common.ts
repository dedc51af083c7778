/**
 * What the JCD experiments (§1 Figure 1, §5 Figures 2 and 3) share: the initialisation of §4.1, a
 * target matrix in the diagonal frame of §4.2, and the distance of F Gᵀ to the best rank-s
 * approximation X_s computed in block form (accurate far below ‖X‖·10⁻⁸, where the expansion
 * ‖FGᵀ‖² − 2⟨FGᵀ, X_s⟩ + ‖X_s‖² would cancel).
 *
 * The initialisation is the lemma claims' (../support/init.ts drawJcdFactors): F̃₀, G̃₀ with i.i.d.
 * N(0, σ₁) entries — "N(0, σ₁)" read as variance σ₁, so that F₀G₀ᵀ scales like ρ²σ₁ and ρ is
 * dimensionless, as the paper's ρ ∈ {10⁻⁶, …, 1} suggests.
 */
import seedrandom from 'seedrandom';
import { diag, type Mat } from '../../../src/linalg/dense.ts';

/** The m×n diagonal matrix with the given (decreasing) singular values, zero beyond them. */
export function diagonalTarget(values: readonly number[], m: number, n: number): Mat {
  if (values.length > Math.min(m, n)) throw new Error(`${values.length} singular values for a ${m}×${n} matrix`);
  const full = new Array<number>(Math.min(m, n)).fill(0);
  values.forEach((v, i) => {
    full[i] = v;
  });
  return diag(full, m, n);
}

/** Gram matrix of rows r0…r1−1 of the row-major p×k matrix `a` (k×k, row-major). */
function gramOfRows(a: Float64Array, k: number, r0: number, r1: number): Float64Array {
  const g = new Float64Array(k * k);
  for (let i = r0; i < r1; i++) {
    const row = i * k;
    for (let p = 0; p < k; p++) {
      const ap = a[row + p];
      if (ap === 0) continue;
      for (let q = p; q < k; q++) g[p * k + q] += ap * a[row + q];
    }
  }
  for (let p = 0; p < k; p++) for (let q = 0; q < p; q++) g[p * k + q] = g[q * k + p];
  return g;
}

/** tr(A·B) for symmetric k×k A, B = Σ A_pq B_pq. */
function traceOfProduct(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * ‖F Gᵀ − X_s‖_F for X = diag(σ₁, σ₂, …) (m×n) and X_s = diag(σ₁, …, σ_s, 0, …), from the blocks
 * of JCD (4.3) at the split s: ‖UVᵀ − Σ_s‖²_F + tr(UᵀU·KᵀK) + tr(JᵀJ·VᵀV) + tr(JᵀJ·KᵀK), each
 * term formed directly (O((m + n)k² + s²k) work).
 */
export function distanceToLeading(F: Mat, G: Mat, sigma: readonly number[], s: number): number {
  const k = F.cols;
  const [m, n] = [F.rows, G.rows];
  let head = 0;
  for (let i = 0; i < s; i++)
    for (let j = 0; j < s; j++) {
      let v = 0;
      for (let p = 0; p < k; p++) v += F.data[i * k + p] * G.data[j * k + p];
      const d = v - (i === j ? sigma[i] : 0);
      head += d * d;
    }
  const UtU = gramOfRows(F.data, k, 0, s);
  const JtJ = gramOfRows(F.data, k, s, m);
  const VtV = gramOfRows(G.data, k, 0, s);
  const KtK = gramOfRows(G.data, k, s, n);
  const rest = traceOfProduct(UtU, KtK) + traceOfProduct(JtJ, VtV) + traceOfProduct(JtJ, KtK);
  return Math.sqrt(head + Math.max(0, rest));
}

/** ‖X_s‖_F of a diagonal X. */
export function leadingNorm(sigma: readonly number[], s: number): number {
  return Math.sqrt(sigma.slice(0, s).reduce((a, v) => a + v * v, 0));
}

/** A seeded uniform stream on [0, 1) (seedrandom's ARC4, as the Gaussian streams use). */
export function uniformStream(seed: string): () => number {
  return seedrandom(seed);
}
