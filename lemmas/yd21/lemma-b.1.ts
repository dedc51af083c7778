/**
 * YD21 Lemma B.1 (App. B of the preprint; the NeurIPS copy has no appendix):
 *
 *   "Suppose S, P, E ∈ ℝ^{d×d} are three positive definite matrices. Σ = S + P. Suppose E commutes
 *    with Σ. Then
 *      (E(S⁻¹ − Σ⁻¹)E + Σ⁻¹)⁻¹ + (E⁻¹(P⁻¹ − Σ⁻¹)E⁻¹ + Σ⁻¹)⁻¹ = Σ."
 *
 * Instances: Σ = QΛQᵀ with Λ in [0.5, 2]; E = Q·diag(e)·Qᵀ with e in [0.2, 5] (so E commutes with Σ);
 * S = Σ^{1/2}WΣ^{1/2} with W = R·diag(w)·Rᵀ, w in [0.05, 0.95], so S and P = Σ − S = Σ^{1/2}(I − W)Σ^{1/2}
 * are both positive definite.
 *
 * Scale: the residual's magnitude, computed in the magnitude model (src/claims/measured.ts boundOps)
 * from its one definition below, which the exact form evaluates too: each inverse carries
 * |X⁻¹|·|X|·|X⁻¹|, so the condition numbers of S, P, Σ and of the inner matrices enter by themselves
 * (lemmas/common/inverse-congruence.ts, shared with the closed forms (26), (27)). S, P, E, Σ are the
 * instance's doubles, taken as exact.
 */
import fc from 'fast-check';
import { add, type Mat, mulAll, sub } from '../../src/linalg/dense.ts';
import { lambdaMax, lambdaMin } from '../../src/linalg/spectral.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { commute, equalWithin, isPositiveDefinite } from '../../src/hypotheses/matrix.ts';
import { type InverseOps, inverseCongruence } from '../common/inverse-congruence.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { boundOps, residualComparisons } from '../../src/claims/measured.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { orthogonal, spectrum, withSpectrum, dimension } from '../../src/random/arbitraries.ts';
import { EACH_DIMENSION, positiveDefinite } from '../../src/exact/states.ts';

interface LemmaB1Instance {
  readonly d: number;
  readonly Sigma: Mat;
  readonly S: Mat;
  readonly P: Mat;
  readonly E: Mat;
}

/**
 * The left side minus Σ, written once: the float check evaluates it in the magnitude model, the exact
 * form over the rationals. Sabotaged: E⁻¹ replaced by E in the second term.
 */
function residual<M, S>(
  A: InverseOps<M, S>,
  { S, P, E, Sigma }: { readonly S: M; readonly P: M; readonly E: M; readonly Sigma: M },
  sabotaged: boolean,
): Record<string, M> {
  const total = A.add(inverseCongruence(A, E, S, Sigma), inverseCongruence(A, sabotaged ? E : A.inverse(E), P, Sigma));
  return { '(E(S⁻¹ − Σ⁻¹)E + Σ⁻¹)⁻¹ + (E⁻¹(P⁻¹ − Σ⁻¹)E⁻¹ + Σ⁻¹)⁻¹ = Σ': A.sub(total, Sigma) };
}

function check(x: LemmaB1Instance, sabotaged: boolean): Comparison[] {
  const A = boundOps(relativeTolerance('identity', x.d));
  return residualComparisons(residual(A, { S: A.input(x.S), P: A.input(x.P), E: A.input(x.E), Sigma: A.input(x.Sigma) }, sabotaged));
}

export const lemmaB1 = defineClaim<LemmaB1Instance>({
  id: 'yd21.lemma-b.1',
  source: { paper: 'YD21', where: 'Lemma B.1, App. B (proof App. C)' },
  kind: 'identity',
  statement: '(E(S⁻¹ − Σ⁻¹)E + Σ⁻¹)⁻¹ + (E⁻¹(P⁻¹ − Σ⁻¹)E⁻¹ + Σ⁻¹)⁻¹ = Σ for S, P, E positive definite, Σ = S + P, EΣ = ΣE',
  hypotheses: [
    hypothesis<LemmaB1Instance>(
      's-p-e-positive-definite',
      'S, P, E ∈ ℝ^{d×d} positive definite',
      (x) => [x.S, x.P, x.E].every((m) => m.rows === x.d && isPositiveDefinite(m)),
      { coordinates: { d: { value: (x) => x.d, domain: [1, 5] }, 'κ(E)': { value: (x) => lambdaMax(x.E) / lambdaMin(x.E), domain: [1, 25] } } },
    ),
    hypothesis<LemmaB1Instance>('sigma-sum', 'Σ = S + P', (x) => equalWithin(x.Sigma, add(x.S, x.P)), {
      tolerance: 'relative 16γ_d (the identity tolerance)',
      coordinates: { 'κ(Σ)': { value: (x) => lambdaMax(x.Sigma) / lambdaMin(x.Sigma), domain: [1, 4] } },
    }),
    hypothesis<LemmaB1Instance>('e-commutes', 'E commutes with Σ', (x) => commute(x.E, x.Sigma), {
      tolerance: 'relative 16γ_d·2‖E‖_F‖Σ‖_F (the identity tolerance)',
    }),
  ],
  instances: dimension(1, 5).chain((d) =>
    fc
      .record({
        q: orthogonal(d),
        r: orthogonal(d),
        lambda: spectrum(d, 0.5, 2),
        e: spectrum(d, 0.2, 5),
        w: spectrum(d, 0.05, 0.95),
      })
      .map(({ q, r, lambda, e, w }) => {
        const Sigma = withSpectrum(q, lambda);
        const root = withSpectrum(q, lambda.map(Math.sqrt));
        const S = mulAll(root, withSpectrum(r, w), root);
        return { d, Sigma, S, P: sub(Sigma, S), E: withSpectrum(q, e) };
      }),
  ),
  size: (x) => x.d,
  check: (x) => check(x, false),
  // Exact form (rational, with inverses by Gauss–Jordan): S = LLᵀ + diag(positives), P = MMᵀ + diag(positives)
  // (both positive definite, every such pair is of this form), Σ = S + P, and E = a₀I + a₁Σ + a₂Σ² with
  // positive aᵢ: positive definite and commuting with Σ (when Σ has distinct eigenvalues every E commuting
  // with Σ is a polynomial in Σ of degree < d; the certified residual is a rational function ≡ 0 in the aᵢ,
  // so it holds for those of any sign too). D: the mechanical bound through the adjugate (src/exact/degree.ts).
  exact: {
    instances: 'S = LLᵀ + diag(pos), P = MMᵀ + diag(pos), Σ = S + P, E = a₀I + a₁Σ + … + a_{d−1}Σ^{d−1} (aᵢ positive); integer L, M',
    dims: fc.record({ d: dimension(1, 3) }),
    certifyAt: [{ d: 1 }, { d: 2 }, { d: 3 }],
    coverage: EACH_DIMENSION,
    setSize: 2 ** 40 + 1,
    evaluate: (A, { d }, v, sabotaged) => {
      const { mul, add, eye, scale } = A;
      const S = positiveDefinite(A, d, v);
      const P = positiveDefinite(A, d, v);
      const Sigma = add(S, P);
      let E = scale(v.positive(), eye(d));
      let power = eye(d);
      for (let i = 1; i < d; i++) {
        power = mul(power, Sigma);
        E = add(E, scale(v.positive(), power));
      }
      return { instance: { S, P, E }, residuals: residual(A, { S, P, E, Sigma }, sabotaged) };
    },
  },
  expected: 'holds',
  sabotage: { description: 'E⁻¹ replaced by E in the second term', check: (x) => check(x, true) },
});
