/**
 * JCD Lemma C.4, its proof step by step. Hypotheses: the lemma's, as printed (S ∈ ℝ^{r×k}, r ≤ k,
 * η > 0, ‖S‖ ≤ √(1/(3η))): the predicates of jcd.lemma-c.4 on its builder (lemmas/jcd/lemma-c.4.ts:
 * S on a grid, η = f/(3‖S‖²), f ∈ (0, 1], so 3η‖S‖² covers (0, 1] with its end 1 drawn).
 * U_SΣ_SV_Sᵀ is the thin SVD of S (U_S r×r, Σ_S = diag(σ₁(S) ≥ … ≥ σ_r(S)), V_S k×r), g(x) = x − ηx³.
 *
 * The steps (every one holds as printed):
 *  svd-form   (C.1) S(I − ηSᵀS) = U_S(Σ_S − ηΣ_S³)V_Sᵀ                           "Simple algebra shows"
 *  is-svd     "This is exactly the SVD of S(I − ηSᵀS)": g(σ₁(S)) ≥ … ≥ g(σ_r(S)) ≥ 0
 *  monotone   g is monotone increasing on [−√(1/(3η)), √(1/(3η))] ("By taking derivative"): g′ ≥ 0 there
 * (that every σᵢ maps to g(σᵢ), the conclusion, is jcd.lemma-c.4 itself).
 *
 * Note on the cited reason: "exactly the SVD" needs the diagonal Σ_S − ηΣ_S³ to be nonnegative as well
 * as ordered; the proof argues the order (monotonicity) only. Nonnegativity holds: g(σ) = σ(1 − ησ²) ≥
 * 2σ/3 ≥ 0 for 0 ≤ σ ≤ √(1/(3η)). A true step whose argument is incomplete, not an erratum.
 *
 * Scale: every side is evaluated in the magnitude model (src/claims/measured.ts), g being cubicMap
 * (lemmas/jcd/lemma-c.4.ts, the lemma's own), so the comparisons' scales are computed.
 */
import fc from 'fast-check';
import { block, diag } from '../../../src/linalg/dense.ts';
import { fullSvd } from '../../../src/linalg/spectral.ts';
import type { Comparison } from '../../../src/claims/compare.ts';
import { boundComparison, boundOps, exactScalar, magnitudeOps, type Measured, residualComparisons } from '../../../src/claims/measured.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { hypothesis } from '../../../src/claims/hypotheses.ts';
import { inLogRange, inRange } from '../../../src/random/arbitraries.ts';
import { type C4Instance, cubicMap, instances as c4Instances, lemmaC4 } from '../lemma-c.4.ts';
import { lemmaStepClaim, type LemmaProof, type LemmaStepSpec } from './general.ts';

const PROOF: LemmaProof<C4Instance> = { proof: 'Lemma C.4, proof', hypotheses: lemmaC4.hypotheses, instances: c4Instances({}), size: (x) => x.k };
const step = (c: LemmaStepSpec<C4Instance>) => lemmaStepClaim(PROOF, c);

// ——— svd-form ———

/**
 * S(I − ηSᵀS) − U_S(Σ_S − ηΣ_S³)V_Sᵀ in the magnitude model (sign +1: the sabotage's Σ_S + ηΣ_S³). The
 * SVD's factors are computed: they enter as exact inputs, and their backward error (U_SΣ_SV_Sᵀ = S + E,
 * ‖E‖ a small multiple of u‖S‖) is below the tolerance times the residual's magnitude, which holds |S|
 * (the left side is formed from S) and |U_S|Σ_S|V_S|ᵀ.
 */
function svdForm(x: C4Instance, sign = -1): Comparison[] {
  const A = boundOps(relativeTolerance('identity', x.k));
  const { S, eta, r, k } = { ...x, S: A.input(x.S), eta: A.constant(x.eta) };
  const { phi, sigma, psi } = fullSvd(x.S);
  // Σ_S − ηΣ_S³ entry by entry (g of each exact σᵢ), with g's magnitudes on the diagonal.
  const g = sigma.map((v) => cubicMap(A.F, eta, A.constant(v), sign));
  const diagonal: Measured = { value: diag(g.map((t) => t.value)), magnitude: diag(g.map((t) => t.magnitude)) };
  const left = A.mul(S, A.sub(A.eye(k), A.scale(eta, A.mul(A.tr(S), S))));
  const right = A.mul(A.input(phi), diagonal, A.tr(A.input(block(psi, 0, k, 0, r))));
  return residualComparisons({ '(C.1): S(I − ηSᵀS) = U_S(Σ_S − ηΣ_S³)V_Sᵀ': A.sub(left, right) });
}

export const c4SvdForm = step({
  id: 'jcd.lemma-c.4.svd-form',
  where: '(C.1) "Let U_SΣ_SV_Sᵀ be the SVD of S. Simple algebra shows that S(I − ηSᵀS) = U_S(Σ_S − ηΣ_S³)V_Sᵀ"',
  kind: 'identity',
  statement: 'S(I − ηSᵀS) = U_S(Σ_S − ηΣ_S³)V_Sᵀ, U_SΣ_SV_Sᵀ the SVD of S',
  check: (x) => svdForm(x),
  exact: {
    skip: 'not rational in the entries: both sides go through the SVD of S (the algebra behind it, V_SᵀV_S = I, is what makes S·ηSᵀS = U_SηΣ_S³V_Sᵀ); jcd.lemma-c.4 records the polynomial core',
  },
  sabotage: { description: 'sign of the cubic term flipped: U_S(Σ_S + ηΣ_S³)V_Sᵀ', check: (x) => svdForm(x, +1) },
});

// ——— is-svd ———

/** g(σ₁(S)) ≥ … ≥ g(σ_r(S)) ≥ 0 with g(σ) = σ − cησ³ (c = 1 as printed; 3 the sabotage's), in the magnitude model. */
function isSvd(x: C4Instance, c = 1): Comparison[] {
  const A = boundOps(relativeTolerance('inequality', x.k));
  const g = A.singularValues(A.input(x.S)).map((v) => cubicMap(A.F, A.constant(c * x.eta), v));
  return g.flatMap((gi, i) => [
    boundComparison(`σ_${i + 1}(S) − ησ_${i + 1}(S)³ ≥ 0`, gi, '≥', A.F.zero),
    ...(i + 1 < g.length ? [boundComparison(`σ_${i + 1} − ησ_${i + 1}³ ≥ σ_${i + 2} − ησ_${i + 2}³`, gi, '≥', g[i + 1])] : []),
  ]);
}

export const c4IsSvd = step({
  id: 'jcd.lemma-c.4.is-svd',
  where: '"This is exactly the SVD of S(I − ηSᵀS)" (the diagonal Σ_S − ηΣ_S³ nonnegative and non-increasing)',
  kind: 'inequality',
  statement: 'σ₁(S) − ησ₁(S)³ ≥ … ≥ σ_r(S) − ησ_r(S)³ ≥ 0 when ‖S‖ ≤ √(1/(3η)): U_S(Σ_S − ηΣ_S³)V_Sᵀ is an SVD',
  check: (x) => isSvd(x),
  sabotage: { description: "the cubic coefficient η made 3η (the derivative's): σ − 3ησ³", check: (x) => isSvd(x, 3) },
});

// ——— monotone ———

/**
 * g(x) = x − ηx³ at two points x ≤ y of [−√(1/(3η)), √(1/(3η))]: x, y = a, b·√(1/(3η)) with a ≤ b in
 * [−1, 1] (the ends drawn), η log-uniform in [10⁻², 10²] (g(a/√(3η)) = (a − a³/3)/√(3η): the claim does
 * not depend on η beyond that scale, so this range stands for every η > 0).
 */
export interface C4MonotoneInstance {
  readonly eta: number;
  readonly x: number;
  readonly y: number;
}

const radius = (eta: number) => Math.sqrt(1 / (3 * eta));

const monotoneInstances: fc.Arbitrary<C4MonotoneInstance> = fc
  .record({ eta: inLogRange(1e-2, 1e2), a: inRange(-1, 1), b: inRange(-1, 1) })
  .map(({ eta, a, b }) => ({ eta, x: Math.min(a, b) * radius(eta), y: Math.max(a, b) * radius(eta) }));

/** g(x) ≤ g(y) and g′(x) = 1 − 3ηx² ≥ 0, over exact scalar inputs in the magnitude model (widen: the sabotage's √3). */
function monotone(p: C4MonotoneInstance, widen = 1): Comparison[] {
  const F = magnitudeOps.F;
  const [x, y, eta] = [widen * p.x, widen * p.y, p.eta].map(exactScalar);
  return [
    boundComparison('g(x) ≤ g(y) for x ≤ y in [−√(1/(3η)), √(1/(3η))]', cubicMap(F, eta, x), '≤', cubicMap(F, eta, y)),
    boundComparison('g′(x) = 1 − 3ηx² ≥ 0', F.sub(F.one, F.mul(F.mul(F.fromInt(3), eta), F.mul(x, x))), '≥', F.zero),
  ];
}

export const c4Monotone = lemmaStepClaim<C4MonotoneInstance>(
  {
    proof: 'Lemma C.4, proof',
    hypotheses: [
      hypothesis<C4MonotoneInstance>(
        'c4-interval',
        'η > 0 and −√(1/(3η)) ≤ x ≤ y ≤ √(1/(3η))',
        (p) => p.eta > 0 && p.x <= p.y && 3 * p.eta * p.x * p.x <= 1 + 1e-15 && 3 * p.eta * p.y * p.y <= 1 + 1e-15,
        {
          tolerance: 'the ends ±√(1/(3η)) are computed: 3ηx² ≤ 1 to 10⁻¹⁵',
          coordinates: {
            'x·√(3η)': { value: (p) => p.x * Math.sqrt(3 * p.eta), domain: [-1, 1] },
            'y·√(3η)': { value: (p) => p.y * Math.sqrt(3 * p.eta), domain: [-1, 1] },
            'log₁₀ η': { value: (p) => Math.log10(p.eta), domain: [-2, 2] },
          },
        },
      ),
    ],
    instances: monotoneInstances,
    size: () => 1,
  },
  {
    id: 'jcd.lemma-c.4.monotone',
    where: '"Let g(x) = x − ηx³. By taking derivative, g is monotone increasing in interval [−√(1/(3η)), √(1/(3η))]"',
    kind: 'inequality',
    statement: 'g(x) = x − ηx³ is monotone increasing on [−√(1/(3η)), √(1/(3η))] (g′(x) = 1 − 3ηx² ≥ 0 there)',
    check: (p) => monotone(p),
    sabotage: { description: 'the interval [−√(1/η), √(1/η)] (both points scaled by √3)', check: (p) => monotone(p, Math.sqrt(3)) },
  },
);
