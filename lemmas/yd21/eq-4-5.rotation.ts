/**
 * YD21 (4),(5), §2.1 — "Let the singular value decomposition of Σ is Σ ≡ ΦΣ′Ψᵀ … Define
 * U′_t := Φ⁻¹U_t and V′_t = Ψ⁻¹V_t. Then we can rewrite equations (2) and (3) as
 *   U′_{t+1} = U′_t + η(Σ′ − U′_tV′_tᵀ)V′_t;   V′_{t+1} = V′_t + η(Σ′ − U′_tV′_tᵀ)ᵀU′_t."
 *
 * Checked along a GD trajectory on a general rank-d Σ = Φ₀ diag(σ) Ψ₀ᵀ: at every step t < T,
 * Φᵀ·(step on Σ)(U_t, V_t) = (step on Σ′)(ΦᵀU_t, ΨᵀV_t), with Φ, Ψ from the engine's own SVD
 * rotation (src/gd/rotation.ts), so the claim also certifies the rotation every general Σ goes
 * through. One step at a time, so rounding is not amplified by the dynamics: by induction the
 * trajectories correspond for every T.
 */
import fc from 'fast-check';
import { gdStep, runTrajectory, toDiagonalFrame } from '../../src/gd/index.ts';
import { clone, diag, frobenius, type Mat, mul, transpose } from '../../src/linalg/dense.ts';
import { type Comparison, equal } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { rotationHypotheses } from '../../src/hypotheses/rotation.ts';
import { gridMatrix, orthogonal, spectrum, stepSize, dimension } from '../../src/random/arbitraries.ts';

export interface RotationInstance {
  readonly sigma: Mat;
  readonly U0: Mat;
  readonly V0: Mat;
  readonly eta: number;
  readonly steps: number;
}

function check(x: RotationInstance, rotate: (q: Mat) => Mat): Comparison[] {
  const frame = toDiagonalFrame(x.sigma, x.U0, x.V0);
  const PhiT = rotate(frame.phi);
  const PsiT = rotate(frame.psi);
  const states = runTrajectory({ ...x, iters: x.steps, observe: (s) => ({ U: clone(s.U), V: clone(s.V) }) }).samples.map((s) => s.value);
  const nPhi = frobenius(frame.phi);
  const nPsi = frobenius(frame.psi);
  const nSigma = frobenius(x.sigma);
  const out: Comparison[] = [];
  for (let t = 0; t + 1 < states.length; t++) {
    const { U, V } = states[t];
    const next = states[t + 1];
    const rotated = gdStep(frame.sigma, mul(PhiT, U), mul(PsiT, V), x.eta);
    const nU = frobenius(U);
    const nV = frobenius(V);
    // Rounding of the rotations, of the two steps, and of Σ′ (exactly diagonal only up to γ‖Σ‖),
    // propagated through one step whose Jacobian is at most 1 + η(‖Σ‖ + 3‖U‖‖V‖).
    const jac = 1 + x.eta * (nSigma + 3 * nU * nV);
    const stepScale = x.eta * (nSigma + nU * nV);
    out.push(
      equal(
        `(4) at t = ${t}: ΦᵀU_{t+1} = U′_{t+1}`,
        mul(PhiT, next.U),
        rotated.U,
        nPhi * frobenius(next.U) + jac * (nPhi * nU + nPsi * nV) + nPhi * (nU + stepScale * nV),
      ),
      equal(
        `(5) at t = ${t}: ΨᵀV_{t+1} = V′_{t+1}`,
        mul(PsiT, next.V),
        rotated.V,
        nPsi * frobenius(next.V) + jac * (nPhi * nU + nPsi * nV) + nPsi * (nV + stepScale * nU),
      ),
    );
  }
  return out;
}

/**
 * Instances Σ = Φ₀ diag(σ) Ψ₀ᵀ (m, n ∈ [1, 5], Φ₀, Ψ₀ Cayley-orthogonal, min(m, n) singular values in
 * [spectrumLo, 2] when the rank is not limited by `columns`), U₀, V₀ with `columns(m, n, c)` columns
 * (c ∈ [1, 6] drawn), η ∈ (0, ½], T ∈ [1, maxSteps]. Shared with JCD (4.2), which allows any k and rank.
 * With `widthFirst` (YD21: the width d is Σ's rank, so d ≤ min(m, n)) d is drawn first, uniform on
 * [1, 5], and m, n on [d, 5]: drawing m, n first would put d = min(c, m, n) at 1 on half the instances.
 */
export function rotationInstances(opts: {
  columns: (m: number, n: number, c: number) => number;
  /** The rank is the number of columns (YD21: Σ of rank d) unless `fullRank`. */
  fullRank?: boolean;
  spectrumLo: number;
  maxSteps: number;
  widthFirst?: boolean;
}): fc.Arbitrary<RotationInstance> {
  const shape = opts.widthFirst
    ? dimension(1, 5).chain((c) => fc.record({ m: dimension(c, 5), n: dimension(c, 5), c: fc.constant(c) }))
    : fc.record({ m: dimension(1, 5), n: dimension(1, 5), c: dimension(1, opts.fullRank ? 6 : 5) });
  return shape.chain(({ m, n, c }) => {
    const k = opts.columns(m, n, c);
    return fc
      .record({
        phi: orthogonal(m),
        psi: orthogonal(n),
        values: spectrum(opts.fullRank ? Math.min(m, n) : k, opts.spectrumLo, 2),
        U0: gridMatrix(m, k, 1, 8),
        V0: gridMatrix(n, k, 1, 8),
        eta: stepSize(0.5),
        steps: dimension(1, opts.maxSteps),
      })
      .map(({ phi, psi, values, U0, V0, eta, steps }) => ({
        sigma: mul(mul(phi, diag(values, m, n)), transpose(psi)),
        U0,
        V0,
        eta,
        steps,
      }));
  });
}

export const eq4to5 = defineClaim<RotationInstance>({
  id: 'yd21.eq-4-5.rotation',
  source: { paper: 'YD21', where: '(4), (5), §2.1' },
  kind: 'identity',
  statement: 'With Σ = ΦΣ′Ψᵀ (SVD), U′_t = ΦᵀU_t and V′_t = ΨᵀV_t follow GD (4),(5) on the diagonal Σ′',
  hypotheses: rotationHypotheses<RotationInstance>(true),
  instances: rotationInstances({ columns: (m, n, d) => Math.min(d, m, n), spectrumLo: 0.5, maxSteps: 5, widthFirst: true }),
  size: (x) => Math.max(x.sigma.rows, x.sigma.cols),
  check: (x) => check(x, transpose),
  exact: {
    skip:
      'not rational in the entries: the claim is about the SVD Σ = ΦΣ′Ψᵀ the engine computes (singular vectors are algebraic, not rational, functions of Σ); ' +
      'its algebraic content, equivariance of the step under orthogonal (Φ, Ψ), is what the floating-point check tests along the trajectory',
  },
  expected: 'holds',
  sabotage: { description: 'transpose dropped: U′ = ΦU, V′ = ΨV', check: (x) => check(x, (q) => q) },
});
