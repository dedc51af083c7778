/**
 * The random initialisation of JCD Lemma C.3 and Proposition B.1: F̃₀ ∈ ℝ^{m×k}, G̃₀ ∈ ℝ^{n×k} with
 * i.i.d. N(0, σ₁) entries (variance σ₁: the proof of Lemma C.3 bounds ‖F̃₀‖ by 3√(m+k)√σ₁ and says
 * A₀ "has i.i.d. N(0, σ₁/2) entries"), F₀ = ρ/(3√(m+n+k))·F̃₀, G₀ = ρ/(3√(m+n+k))·G̃₀, split at the
 * target rank r into U₀, J₀ (rows 1…r, r+1…m of F₀) and V₀, K₀, with A₀ = (U₀+V₀)/2, B₀ = (U₀−V₀)/2
 * (JCD (4.4)). ρ is a double here: the lemmas concern the law of F₀, which only scales with ρ.
 */
import { add, block, type Mat, scale, sub } from '../../../src/linalg/dense.ts';
import { gaussianMatrix, gaussianStream } from '../../../src/random/gaussian.ts';

export interface JcdInitSetting {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly r: number;
  readonly sigma1: number;
  readonly rho: number;
}

export interface JcdInit {
  readonly F0: Mat;
  readonly G0: Mat;
  readonly U0: Mat;
  readonly V0: Mat;
  readonly J0: Mat;
  readonly K0: Mat;
  readonly A0: Mat;
  readonly B0: Mat;
}

/**
 * One draw of (F₀, G₀) from a seed string: F̃₀, G̃₀ with i.i.d. N(0, σ₁) entries, then scaled by
 * ρ/(3√(m+n+k)) as printed. The one draw of the JCD initialisation: the lemma claims (drawJcdInit) and
 * the experiments of Figures 1–3 both take it.
 */
export function drawJcdFactors(p: Omit<JcdInitSetting, 'r'>, seed: string): { F0: Mat; G0: Mat } {
  const next = gaussianStream(`jcd-init:${seed}`);
  const factor = p.rho / (3 * Math.sqrt(p.m + p.n + p.k));
  const std = Math.sqrt(p.sigma1);
  const F0 = scale(gaussianMatrix(p.m, p.k, std, next), factor);
  const G0 = scale(gaussianMatrix(p.n, p.k, std, next), factor);
  return { F0, G0 };
}

/** One draw of (F₀, G₀) (drawJcdFactors) and its blocks at the target rank r. */
export function drawJcdInit(p: JcdInitSetting, seed: string): JcdInit {
  if (!(p.r >= 1 && p.r <= p.k && p.r <= Math.min(p.m, p.n)))
    throw new Error(`JCD initialisation: need 1 ≤ r ≤ k and r ≤ min{m, n}, got r = ${p.r}, k = ${p.k}, m = ${p.m}, n = ${p.n}`);
  const { F0, G0 } = drawJcdFactors(p, seed);
  return { F0, G0, ...jcdInitBlocks(F0, G0, p.r) };
}

/** (F₀, G₀) split at the target rank r: U₀, J₀ (rows 1…r, r+1…m of F₀), V₀, K₀, A₀ = (U₀+V₀)/2, B₀ = (U₀−V₀)/2 (JCD (4.4)). */
export function jcdInitBlocks(F0: Mat, G0: Mat, r: number): Omit<JcdInit, 'F0' | 'G0'> {
  const k = F0.cols;
  const [U0, J0] = [block(F0, 0, r, 0, k), block(F0, r, F0.rows, 0, k)];
  const [V0, K0] = [block(G0, 0, r, 0, k), block(G0, r, G0.rows, 0, k)];
  return { U0, V0, J0, K0, A0: scale(add(U0, V0), 0.5), B0: scale(sub(U0, V0), 0.5) };
}

/** σ_r(A₀)·12(m+n+k)/(ρ√σ₁): item 3 of Lemma C.3 (item 4 of Prop B.1) holds iff c_ρ ≤ this. */
export function sigmaRRatio(p: JcdInitSetting, sigmaRA0: number): number {
  return (sigmaRA0 * 12 * (p.m + p.n + p.k)) / (p.rho * Math.sqrt(p.sigma1));
}
