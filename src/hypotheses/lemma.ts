/**
 * The hypotheses of YD21 Lemmas 3.2 and 3.3 (and of the steps of their proofs), over
 * src/random/lemma-instances.ts's LemmaInstance: Σ symmetric with σ_d·I ⪯ Σ ⪯ σ₁·I, β ∈ (0, 1),
 * 0 < η ≤ β/(8σ₁), and the lemma's own matrix (S of 3.2, P of 3.3).
 */
import { COMPUTED_TOLERANCE, hypothesis, type Hypothesis } from '../claims/hypotheses.ts';
import type { LemmaInstance } from '../random/lemma-instances.ts';
import { lambdaMax, lambdaMin, opNorm } from '../linalg/spectral.ts';
import { relativeTolerance } from '../claims/tolerance.ts';
import { isPositiveDefinite, isSymmetric, leq, spectrumWithin } from './matrix.ts';

/** The largest d the lemma builders draw. */
const LEMMA_MAX_D = 5;

/** σ_d·I ⪯ Σ ⪯ σ₁·I with 0 < σ_d ≤ σ₁ (Lemma 3.3's form; Lemma 3.2's σ_d(Σ) ≥ σ_d, σ₁(Σ) ≤ σ₁ for a PD Σ). */
const sigmaBetween = hypothesis<LemmaInstance>(
  'sigma-spectrum',
  'Σ ∈ ℝ^{d×d} symmetric, σ_d I ⪯ Σ ⪯ σ₁ I (0 < σ_d ≤ σ₁)',
  (x) => x.sigmaD > 0 && x.sigmaD <= x.sigma1 && x.Sigma.rows === x.d && spectrumWithin(x.Sigma, x.sigmaD, x.sigma1),
  {
    tolerance: COMPUTED_TOLERANCE,
    coordinates: {
      d: { value: (x) => x.d, domain: [1, LEMMA_MAX_D] },
      κ: { value: (x) => x.sigma1 / x.sigmaD, domain: [1, 100] },
    },
  },
);

/** β ∈ (0, 1), 0 < η ≤ β/(8σ₁) (exact: η and β are stored numbers). */
const stepBound = hypothesis<LemmaInstance>(
  'eta-bound',
  'β ∈ (0, 1), 0 < η ≤ β/(8σ₁)',
  (x) => x.beta > 0 && x.beta < 1 && x.eta > 0 && x.eta <= x.beta / (8 * x.sigma1),
  {
    coordinates: {
      β: { value: (x) => x.beta, domain: [0, 1] },
      'η/(β/(8σ₁))': { value: (x) => (8 * x.sigma1 * x.eta) / x.beta, domain: [0, 1] },
    },
  },
);

/** Lemma 3.2: S positive definite with σ₁(S) ≤ 2σ₁. */
const sPositiveBounded = hypothesis<LemmaInstance>(
  's-bound',
  'S ∈ ℝ^{d×d} positive definite, σ₁(S) ≤ 2σ₁',
  (x) => isPositiveDefinite(x.X) && leq(lambdaMax(x.X), 2 * x.sigma1, x.d),
  { tolerance: COMPUTED_TOLERANCE, coordinates: { 'σ₁(S)/σ₁': { value: (x) => lambdaMax(x.X) / x.sigma1, domain: [0, 2] } } },
);

/** Lemma 3.3: P symmetric with σ₁(P) = ‖P‖_op ≤ 2σ₁. */
const pSymmetricBounded = hypothesis<LemmaInstance>(
  'p-bound',
  'P ∈ ℝ^{d×d} symmetric, σ₁(P) ≤ 2σ₁',
  (x) => isSymmetric(x.X) && leq(opNorm(x.X), 2 * x.sigma1, x.d),
  { tolerance: COMPUTED_TOLERANCE, coordinates: { '‖P‖/σ₁': { value: (x) => opNorm(x.X) / x.sigma1, domain: [0, 2] } } },
);

/** The hypotheses of Lemma 3.2 as printed. */
export const LEMMA_3_2: ReadonlyArray<Hypothesis<LemmaInstance>> = [sigmaBetween, sPositiveBounded, stepBound];

/** The hypotheses of Lemma 3.3 as printed. */
export const LEMMA_3_3: ReadonlyArray<Hypothesis<LemmaInstance>> = [sigmaBetween, pSymmetricBounded, stepBound];

/** The case of Lemma 3.3's proof that the steps are printed under. */
const pNonPositiveCase = hypothesis<LemmaInstance>(
  'case-p-nonpositive',
  "the proof's case p = λ_d(P) ≤ 0",
  (x) => isSymmetric(x.X) && lambdaMin(x.X) <= relativeTolerance('inequality', x.d) * opNorm(x.X),
  { tolerance: COMPUTED_TOLERANCE, coordinates: { 'p/σ₁': { value: (x) => lambdaMin(x.X) / x.sigma1, domain: [-2, 0] } } },
);

/** The hypotheses in force in the proof of Lemma 3.3, case p ≤ 0 (App. C). */
export const LEMMA_3_3_CASE_P_NONPOSITIVE: ReadonlyArray<Hypothesis<LemmaInstance>> = [...LEMMA_3_3, pNonPositiveCase];
