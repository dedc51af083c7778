/**
 * Per-step diagnostics of a GD state in the diagonal frame (YD21 §2–3): the loss and the
 * quantities the stage-one analysis tracks. Computed only at recorded steps, and only those asked
 * for: `diagnostics(Σ, 𝐔, 𝐕, ['normJ', 'normK'])` computes ‖J‖_op and ‖K‖_op alone, and its result
 * type has exactly those fields.
 */
import { frobenius, type Mat } from '../linalg/dense.ts';
import { extremeEigenvaluesOf } from '../linalg/eigenvalues.ts';
import { opNorm, sigmaMin } from '../linalg/spectral.ts';
import { type Blocks, splitBlocks } from './blocks.ts';
import { loss } from './trajectory.ts';

export type Diagnostics = {
  /** f = ½‖UVᵀ − Σ‖²_F. */
  loss: number;
  /** σ_min(A) = σ_d(A). */
  sigmaMinA: number;
  /** λ_min(P) = λ_d(P). */
  lambdaMinP: number;
  /** ‖P‖_op. */
  normP: number;
  /** ‖B‖_F. */
  frobB: number;
  /** ‖J‖_op (0 when m = d). */
  normJ: number;
  /** ‖K‖_op (0 when n = d). */
  normK: number;
};

export type DiagnosticName = keyof Diagnostics;

/** Every diagnostic, in the order of the Diagnostics interface (what `diagnostics` computes by default). */
export const DIAGNOSTIC_NAMES = ['loss', 'sigmaMinA', 'lambdaMinP', 'normP', 'frobB', 'normJ', 'normK'] as const satisfies readonly DiagnosticName[];

/** True for the name of a diagnostic (e.g. to pick them out of a longer list of quantities). */
export function isDiagnosticName(name: string): name is DiagnosticName {
  return (DIAGNOSTIC_NAMES as readonly string[]).includes(name);
}

/**
 * A, B and P of YD21 §2.2 for the blocks: A = (U+V)/2, B = (U−V)/2, P = Σ − AAᵀ + BBᵀ, with the
 * operations of blocks.ts's deriveABSP in the same order (so the same values to the bit; a test
 * compares them), written into arrays reused from call to call (one set per d): the diagnostics run
 * at every recorded step, and allocating these small arrays costs V8 as much as computing them.
 * Only P's lower triangle is written (all its readers read only that).
 */
const frames = new Map<number, { A: Mat; B: Mat; P: Mat }>();
function frameABP(b: Blocks, withP: boolean): { A: Mat; B: Mat; P: Mat } {
  const d = b.d;
  let f = frames.get(d);
  if (f === undefined) {
    f = {
      A: { rows: d, cols: d, data: new Float64Array(d * d) },
      B: { rows: d, cols: d, data: new Float64Array(d * d) },
      P: { rows: d, cols: d, data: new Float64Array(d * d) },
    };
    frames.set(d, f);
  }
  const [a, bb, p, u, v, s] = [f.A.data, f.B.data, f.P.data, b.U.data, b.V.data, b.Sigma.data];
  for (let i = 0; i < d * d; i++) {
    a[i] = 0.5 * (u[i] + v[i]);
    bb[i] = 0.5 * (u[i] - v[i]);
  }
  if (withP)
    for (let i = 0; i < d; i++) {
      // (AAᵀ)_ij and (BBᵀ)_ij as mulSelfTransposed sums them (k increasing), then combine's
      // 0 + Σ − AAᵀ + BBᵀ; two j at a time.
      const ri = i * d;
      let j = 0;
      for (; j + 1 <= i; j += 2) {
        const [r0, r1] = [j * d, (j + 1) * d];
        let aa0 = 0;
        let aa1 = 0;
        let b20 = 0;
        let b21 = 0;
        for (let k = 0; k < d; k++) {
          const x = a[ri + k];
          const y = bb[ri + k];
          aa0 += x * a[r0 + k];
          aa1 += x * a[r1 + k];
          b20 += y * bb[r0 + k];
          b21 += y * bb[r1 + k];
        }
        p[ri + j] = 0 + s[ri + j] - aa0 + b20;
        p[ri + j + 1] = 0 + s[ri + j + 1] - aa1 + b21;
      }
      for (; j <= i; j++) {
        const rj = j * d;
        let aa = 0;
        let b2 = 0;
        for (let k = 0; k < d; k++) {
          aa += a[ri + k] * a[rj + k];
          b2 += bb[ri + k] * bb[rj + k];
        }
        p[ri + j] = 0 + s[ri + j] - aa + b2;
      }
    }
  return f;
}

/**
 * The diagnostics of (𝐔, 𝐕) for a diagonal Σ: all of them, or those named in `wanted` (the others
 * are neither computed nor present). Only A, B and P are formed, and only when a field needs them;
 * P is symmetric, so λ_min(P) and ‖P‖_op = max(|λ₁(P)|, |λ_d(P)|) come from one eigenvalue
 * computation. A field's value does not depend on which others are asked for.
 */
export function diagnostics(sigma: Mat, U: Mat, V: Mat): Diagnostics;
export function diagnostics<K extends DiagnosticName>(sigma: Mat, U: Mat, V: Mat, wanted: readonly K[]): Pick<Diagnostics, K>;
export function diagnostics(sigma: Mat, U: Mat, V: Mat, wanted: readonly DiagnosticName[] = DIAGNOSTIC_NAMES): Partial<Diagnostics> {
  const b = splitBlocks(sigma, U, V);
  const want = (k: DiagnosticName) => wanted.includes(k);
  const out: Partial<Diagnostics> = {};
  if (want('loss')) out.loss = loss(sigma, U, V);
  const withP = want('lambdaMinP') || want('normP');
  if (withP || want('sigmaMinA') || want('frobB')) {
    const { A, B, P } = frameABP(b, withP);
    if (want('sigmaMinA')) out.sigmaMinA = sigmaMin(A);
    if (withP) {
      // (d = 0: no eigenvalues; NaN rather than a number that could pass a comparison.)
      const { max, min } = b.d ? extremeEigenvaluesOf(P.data, b.d) : { max: NaN, min: NaN };
      if (want('lambdaMinP')) out.lambdaMinP = min;
      if (want('normP')) out.normP = Math.max(Math.abs(max), Math.abs(min));
    }
    if (want('frobB')) out.frobB = frobenius(B);
  }
  if (want('normJ')) out.normJ = opNorm(b.J);
  if (want('normK')) out.normK = opNorm(b.K);
  return out;
}
