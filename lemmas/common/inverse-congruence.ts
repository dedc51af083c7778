/**
 * (F(X⁻¹ − Σ⁻¹)F + Σ⁻¹)⁻¹ — the shape of YD21 Lemma B.1's two terms and of the closed forms (26)
 * (F = e^{−tΣ}, X = S₀) and (27) (F = e^{tΣ}, X = P₀) of App. B. One home for the formula, written
 * against the ring operations and an inverse: the exact algebra (src/exact/matrix.ts, Gauss–Jordan
 * over the rationals) evaluates it in Lemma B.1's exact form, the magnitude model
 * (src/claims/measured.ts boundOps) in every floating-point check. There the rounding scale is
 * computed from the formula itself: each inverse carries |X⁻¹|·|X|·|X⁻¹|, so the condition numbers
 * of X, Σ and of the inner matrix enter through the magnitudes, and an F that is itself computed
 * enters with its own magnitude (lemmas/yd21/eq-26.s-closed-form.ts sigmaExponential).
 */
import type { MatrixOps } from '../../src/exact/ops.ts';

/** The ring operations and a matrix inverse: what the formula needs. */
export type InverseOps<M, S> = MatrixOps<M, S> & { inverse(a: M): M };

/** (F(X⁻¹ − Σ⁻¹)F + Σ⁻¹)⁻¹. */
export function inverseCongruence<M, S>(A: InverseOps<M, S>, F: M, X: M, Sigma: M): M {
  const SigmaInv = A.inverse(Sigma);
  return A.inverse(A.add(A.mul(F, A.sub(A.inverse(X), SigmaInv), F), SigmaInv));
}
