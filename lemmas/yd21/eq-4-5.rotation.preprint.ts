/**
 * YD21 (4), §2.1 — the form the preprint's text shows:
 *
 *   "U′_{t+1} = U′_t + η(Σ′ − U′_tV_tᵀ)V′_t"   (V_t, not V′_t, inside the bracket)
 *
 * where the NeurIPS copy prints U′_{t+1} = U′_t + η(Σ′ − U′_tV′_tᵀ)V′_t (yd21.eq-4-5.rotation).
 * Judged an extraction artefact: in the LaTeX V′_t{}^⊤ carries two superscripts (the prime and ⊤) and
 * the extraction kept one; the same copy's (5), two lines below, has V_t′^⊤ with both, and the
 * transformation is defined as V′_t = Ψ⁻¹V_t one sentence before. Encoded anyway, as the issue asks
 * of every printed form: as shown it is false whenever ΨᵀV_t ≠ V_t (Σ not already diagonal on the
 * right), so it is `refuted` with grade `extraction`; its corrected sibling is (4)–(5) as the NeurIPS
 * copy prints them, evaluated by yd21.eq-4-5.rotation's own check (one function for the formula).
 * Checked on one GD step from the instances of yd21.eq-4-5.rotation (Σ = Φ₀diag(σ)Ψ₀ᵀ, Φ, Ψ from the
 * engine's SVD). Exact counterexample (by hand): m = n = d = 1, Σ = −1 with the SVD Φ = 1, Ψ = −1, Σ′ = 1, U_0 = V_0 = 1,
 * η = ½: U_1 = 1 + ½(−1 − 1)·1 = 0 = U′_1, while the printed right side is 1 + ½(1 − 1·1)(−1) = 1.
 */
import { gdStep, toDiagonalFrame } from '../../src/gd/index.ts';
import { frobenius, mul, sub, transpose } from '../../src/linalg/dense.ts';
import { magnitudeOps, residualComparisons } from '../../src/claims/measured.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { rotationHypotheses } from '../../src/hypotheses/rotation.ts';
import {
  eq4to5,
  measuredRotation,
  ROTATION_LETTERS,
  type RotationInstance,
  rotationInstances,
  type RotationStep,
  symbolicRotationStep,
} from './eq-4-5.rotation.ts';

/** ΦᵀU_1 minus the preprint's (4) at t = 0, U′_0 + η(Σ′ − U′_0V_0ᵀ)V′_0 (withStep = false: the sabotage, U′_1 = U′_0). */
function printedResidual<M, S, D>(A: MatrixOps<M, S, D>, s: RotationStep<M, S>, withStep: boolean): Record<string, M> {
  const PhiT = A.tr(s.Phi);
  const [Up, Vp] = [A.mul(PhiT, s.U), A.mul(A.tr(s.Psi), s.V)];
  const rhs = A.add(Up, A.scale(withStep ? s.eta : A.F.zero, A.mul(A.sub(s.SigmaPrime, A.mul(Up, A.tr(s.V))), Vp)));
  return {
    [`(4) as the preprint shows it, t = 0: ΦᵀU_1 = U′_0 + η(Σ′ − U′_0V_0ᵀ)V′_0${withStep ? '' : ' (step dropped)'}`]: A.sub(A.mul(PhiT, s.next.U), rhs),
  };
}

/** The preprint's (4) on one engine step, its scale the residual's magnitude (eq-4-5.rotation's measuredRotation). */
function printed(x: RotationInstance, withStep = true) {
  const frame = toDiagonalFrame(x.sigma, x.U0, x.V0);
  return residualComparisons(printedResidual(magnitudeOps, measuredRotation(x, frame, x.U0, x.V0, gdStep(x.sigma, x.U0, x.V0, x.eta)), withStep));
}

const common = {
  source: { paper: 'YD21', where: '(4), §2.1 (preprint copy)' },
  kind: 'identity',
  hypotheses: rotationHypotheses<RotationInstance>(true),
  instances: rotationInstances({ columns: (m, n, d) => Math.min(d, m, n), spectrumLo: 0.5, maxSteps: 5, widthFirst: true }), // the same instances as yd21.eq-4-5.rotation (the printed form is checked at t = 0, the sibling along all T steps)
  size: (x: RotationInstance) => Math.max(x.sigma.rows, x.sigma.cols),
  exact: { skip: 'not rational in the entries: the SVD Σ = ΦΣ′Ψᵀ (as for yd21.eq-4-5.rotation)' },
} as const;

export const eq4Preprint = defineClaim<RotationInstance>({
  ...common,
  id: 'yd21.eq-4-5.rotation.preprint',
  statement: "U′_{t+1} = U′_t + η(Σ′ − U′_tV_tᵀ)V′_t (the preprint's (4) as extracted)",
  check: (x) => printed(x),
  // Symbolic: the printed form minus the GD step on letters, modulo ΦᵀΦ = I: the exact difference in Φ, Ψ, Σ′, U, V.
  symbolic: { ...ROTATION_LETTERS, residual: (S) => printedResidual(S, symbolicRotationStep(S), true) },
  expected: 'refuted',
  failsWhere: {
    text: 'U′_0(V′_0 − V_0)ᵀV′_0 ≠ 0 (the printed bracket is off by η times it: V_0 ≠ V′_0 = ΨᵀV_0 and U_0 ≠ 0)',
    contains: (x) => {
      const frame = toDiagonalFrame(x.sigma, x.U0, x.V0);
      return frobenius(mul(mul(frame.U0, transpose(sub(frame.V0, x.V0))), frame.V0)) > 0;
    },
  },
  erratum:
    "As extracted, the preprint's (4) has V_tᵀ for V′_tᵀ inside the bracket; then it fails whenever ΨᵀV_t ≠ V_t. Exact counterexample: m = n = d = 1, Σ = −1 " +
    "(Φ = 1, Ψ = −1), U_0 = V_0 = 1, η = ½: U′_1 = 0, printed right side 1. With V′_tᵀ (the NeurIPS copy, and this copy's own (5)) it is an identity.",
  grading: {
    grade: 'extraction',
    why: "V′_t{}^⊤ carries two superscripts and the extraction kept one; the same copy's (5) prints V_t′^⊤ and the sentence before defines V′_t = Ψ⁻¹V_t, and the NeurIPS copy prints V′_t in (4)",
    dependents: ['(4)–(5)', '§2.1 "without loss of generality Σ is diagonal"', 'every claim in the diagonal frame'],
  },
  corrected: 'yd21.eq-4-5.rotation.preprint/corrected',
  sabotage: { description: 'the step dropped: U′_1 = U′_0', check: (x) => printed(x, false) },
});

export const eq4PreprintCorrected = defineClaim<RotationInstance>({
  ...common,
  id: 'yd21.eq-4-5.rotation.preprint/corrected',
  statement: "U′_{t+1} = U′_t + η(Σ′ − U′_tV′_tᵀ)V′_t, V′_{t+1} = V′_t + η(Σ′ − U′_tV′_tᵀ)ᵀU′_t (the NeurIPS copy's (4), (5))",
  check: (x) => eq4to5.check(x, {}),
  symbolic: eq4to5.symbolic,
  expected: 'holds',
  corrects: 'yd21.eq-4-5.rotation.preprint',
  sabotage: { description: eq4to5.sabotage.description, check: (x) => eq4to5.sabotage.check!(x, {}) },
});
