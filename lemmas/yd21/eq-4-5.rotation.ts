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
 *
 * Scale: the residuals' magnitudes, computed in the magnitude model (src/claims/measured.ts) from
 * their one definition below (`rotationResiduals`, (4),(5) being the GD step on Σ′, src/exact/states.ts
 * gdStepExact). Σ, U_t, V_t, η and the SVD factors Φ, Ψ are inputs; U_{t+1}, V_{t+1} are the engine's,
 * with the magnitude of the same step in the model; Σ′, the engine's diag(σ) with ΦΣ′Ψᵀ = Σ up to
 * the SVD's backward error, enters as ΦᵀΣΨ computed: its magnitude is |Φ|ᵀ|Σ||Ψ| (`measuredRotation`).
 */
import fc from 'fast-check';
import { runTrajectory, toDiagonalFrame } from '../../src/gd/index.ts';
import { clone, diag, type Mat, mul, transpose } from '../../src/linalg/dense.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { exactInput, exactScalar, magnitudeOps, type Measured, type MeasuredScalar, residualComparisons } from '../../src/claims/measured.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { gdStepExact } from '../../src/exact/states.ts';
import type { Scalar, SMat, Symbolic } from '../../src/exact/symbolic.ts';
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

/** One GD step (2),(3) and what (4),(5) rotate it by: the SVD Σ = ΦΣ′Ψᵀ, the state at t and the engine's next state. */
export interface RotationStep<M, S> {
  readonly SigmaPrime: M;
  readonly Phi: M;
  readonly Psi: M;
  readonly U: M;
  readonly V: M;
  readonly next: { readonly U: M; readonly V: M };
  readonly eta: S;
}

/**
 * One engine step from (U, V) in the magnitude model: Σ, U, V, η, Φ, Ψ exact inputs; the engine's
 * next state with the magnitude of gdStepExact; Σ′ (the engine's diagonal) with the magnitude of ΦᵀΣΨ.
 */
export function measuredRotation(
  x: RotationInstance,
  frame: { readonly sigma: Mat; readonly phi: Mat; readonly psi: Mat },
  U: Mat,
  V: Mat,
  next: { readonly U: Mat; readonly V: Mat },
): RotationStep<Measured, MeasuredScalar> {
  const A = magnitudeOps;
  const [Sigma, Phi, Psi, Um, Vm, eta] = [exactInput(x.sigma), exactInput(frame.phi), exactInput(frame.psi), exactInput(U), exactInput(V), exactScalar(x.eta)];
  const model = gdStepExact(A, Sigma, Um, Vm, eta);
  return {
    SigmaPrime: { value: frame.sigma, magnitude: A.mul(A.tr(Phi), Sigma, Psi).magnitude },
    Phi,
    Psi,
    U: Um,
    V: Vm,
    next: { U: { value: next.U, magnitude: model.U.magnitude }, V: { value: next.V, magnitude: model.V.magnitude } },
    eta,
  };
}

/**
 * ΦᵀU_{t+1} − U′_{t+1} and ΨᵀV_{t+1} − V′_{t+1}, with U′_{t+1}, V′_{t+1} by (4),(5) (GD on Σ′) from
 * U′_t = ΦᵀU_t, V′_t = ΨᵀV_t. Sabotaged: the transposes dropped (U′ = ΦU, V′ = ΨV).
 */
function rotationResiduals<M, S, D>(A: MatrixOps<M, S, D>, s: RotationStep<M, S>, t: number, sabotaged: boolean): Record<string, M> {
  const rotate = (Q: M) => (sabotaged ? Q : A.tr(Q));
  const [PhiT, PsiT] = [rotate(s.Phi), rotate(s.Psi)];
  const primed = gdStepExact(A, s.SigmaPrime, A.mul(PhiT, s.U), A.mul(PsiT, s.V), s.eta);
  return {
    [`(4) at t = ${t}: ΦᵀU_{t+1} = U′_{t+1}`]: A.sub(A.mul(PhiT, s.next.U), primed.U),
    [`(5) at t = ${t}: ΨᵀV_{t+1} = V′_{t+1}`]: A.sub(A.mul(PsiT, s.next.V), primed.V),
  };
}

function check(x: RotationInstance, sabotaged: boolean): Comparison[] {
  const frame = toDiagonalFrame(x.sigma, x.U0, x.V0);
  const states = runTrajectory({ ...x, iters: x.steps, observe: (s) => ({ U: clone(s.U), V: clone(s.V) }) }).samples.map((s) => s.value);
  return states
    .slice(0, -1)
    .flatMap(({ U, V }, t) => residualComparisons(rotationResiduals(magnitudeOps, measuredRotation(x, frame, U, V, states[t + 1]), t, sabotaged)));
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

/**
 * One GD step (2),(3) on letters: Φ (m×m), Ψ (n×n) orthogonal, Σ′ (m×n), U (m×d), V (n×d), η, and
 * Σ = ΦΣ′Ψᵀ — what (4), (5) rest on (the SVD's values do not enter: any orthogonal Φ, Ψ and any Σ′).
 */
export function symbolicRotationStep(S: Symbolic): RotationStep<SMat, Scalar> {
  const { Φ, Ψ, Σp, U, V } = S.L;
  const eta = S.vars.η;
  return { SigmaPrime: Σp, Phi: Φ, Psi: Ψ, U, V, next: gdStepExact(S, S.mul(Φ, Σp, S.tr(Ψ)), U, V, eta), eta };
}

/** The letters of symbolicRotationStep, and the one relation outside the free algebra: Φ, Ψ orthogonal. */
export const ROTATION_LETTERS = {
  letters: {
    Φ: { rows: 'm' },
    Ψ: { rows: 'n' },
    Σp: { rows: 'm', cols: 'n' },
    U: { rows: 'm', cols: 'd' },
    V: { rows: 'n', cols: 'd' },
  },
  scalars: ['η'],
  meaning: 'Φ (m×m), Ψ (n×n) orthogonal, Σp = Σ′ (m×n), Σ = ΦΣ′Ψᵀ, U (m×d), V (n×d), η: any dimensions',
  relations: { orthogonal: ['Φ', 'Ψ'] },
} as const;

export const eq4to5 = defineClaim<RotationInstance>({
  id: 'yd21.eq-4-5.rotation',
  source: { paper: 'YD21', where: '(4), (5), §2.1' },
  kind: 'identity',
  statement: 'With Σ = ΦΣ′Ψᵀ (SVD), U′_t = ΦᵀU_t and V′_t = ΨᵀV_t follow GD (4),(5) on the diagonal Σ′',
  hypotheses: rotationHypotheses<RotationInstance>(true),
  instances: rotationInstances({ columns: (m, n, d) => Math.min(d, m, n), spectrumLo: 0.5, maxSteps: 5, widthFirst: true }),
  size: (x) => Math.max(x.sigma.rows, x.sigma.cols),
  check: (x) => check(x, false),
  exact: {
    skip:
      'not rational in the entries: the claim is about the SVD Σ = ΦΣ′Ψᵀ the engine computes (singular vectors are algebraic, not rational, functions of Σ); ' +
      'its algebraic content, equivariance of the step under orthogonal (Φ, Ψ), is what the floating-point check tests along the trajectory',
  },
  // Symbolic: that algebraic content, one step on letters; it needs ΦᵀΦ = I and ΨᵀΨ = I, so it is proved modulo them.
  symbolic: { ...ROTATION_LETTERS, residual: (S) => rotationResiduals(S, symbolicRotationStep(S), 0, false) },
  expected: 'holds',
  sabotage: { description: 'transpose dropped: U′ = ΦU, V′ = ΨV', check: (x) => check(x, true) },
});
