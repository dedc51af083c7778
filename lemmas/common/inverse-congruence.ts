/**
 * (F(X⁻¹ − Σ⁻¹)F + Σ⁻¹)⁻¹ — the shape of YD21 Lemma B.1's two terms and of the closed forms (26)
 * (F = e^{−tΣ}, X = S₀) and (27) (F = e^{tΣ}, X = P₀) of App. B. One home for the formula and its
 * rounding scale, so that the lemma and the closed forms evaluate the same expression.
 *
 * Rounding scale: the formula has inverses, so its rounding is amplified by condition numbers. For
 * T = M⁻¹ computed by LU, ‖δT‖ ≲ γ_n‖T‖²‖M‖ (to first order), and the inner M is built from X⁻¹ and
 * Σ⁻¹, each with relative error γ_n·κ. The scale is ‖T‖²_F·(‖F‖²_F·f·(κ(X)‖X⁻¹‖_F + κ(Σ)‖Σ⁻¹‖_F) +
 * κ(Σ)‖Σ⁻¹‖_F), where f ≥ 1 is the relative error of F in units of γ_n (1 for an F formed exactly
 * from the instance's parameters; 1 + |t|·‖Σ‖_F for F = e^{tΣ} from an eigendecomposition,
 * src/linalg/spectral.ts symmetricFunction).
 */
import { add, frobenius, type Mat, mulAll, sub } from '../../src/linalg/dense.ts';
import { inverse, singularValues } from '../../src/linalg/spectral.ts';

/** κ₂(A) = σ₁/σ_n. */
export function conditionNumber(a: Mat): number {
  const s = singularValues(a);
  return s[0] / s[s.length - 1];
}

/** (F(X⁻¹ − Σ⁻¹)F + Σ⁻¹)⁻¹ and its rounding scale (fError: F's relative error in units of γ_n). */
export function inverseCongruence(F: Mat, X: Mat, Sigma: Mat, fError = 1): { value: Mat; scale: number } {
  const SigmaInv = inverse(Sigma);
  const XInv = inverse(X);
  const inner = add(mulAll(F, sub(XInv, SigmaInv), F), SigmaInv);
  const value = inverse(inner);
  const nF = frobenius(F);
  const sigmaPart = conditionNumber(Sigma) * frobenius(SigmaInv);
  const scale = frobenius(value) ** 2 * (nF * nF * fError * (conditionNumber(X) * frobenius(XInv) + sigmaPart) + sigmaPart);
  return { value, scale };
}
