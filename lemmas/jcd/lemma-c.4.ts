/**
 * JCD Lemma C.4 — "Let S be an r × k matrix with r ≤ k. If ‖S‖ ≤ √(1/(3η)), then the largest and
 * smallest singular values of S(I − ηSᵀS) are σ₁(S) − ησ₁³(S) and σ_r(S) − ησ_r³(S), respectively."
 * Its proof, (C.1): S(I − ηSᵀS) = U_S(Σ_S − ηΣ_S³)V_Sᵀ is the SVD, since g(x) = x − ηx³ is increasing
 * on [−(3η)^{−1/2}, (3η)^{−1/2}]; so every singular value maps by g, which is checked too.
 *
 * Instances: S on a coarse grid (quarters of [−2, 2]), r ∈ [1, 4], k ∈ [r, r + 3], and
 * η = f/(3‖S‖²) with f ∈ (0, 1] (the hypothesis, at equality when f = 1). The parameter etaFactor
 * (= f) can be pushed past 1, where g stops being monotone on the spectrum.
 *
 * Scale: both sides (the singular values of S(I − ηSᵀS) as printed, and g of those of S) are written
 * once against BoundOps and evaluated in the magnitude model (src/claims/measured.ts), so each
 * residual's scale is computed; g (cubicMap) is the one the proof's steps evaluate too.
 */
import fc from 'fast-check';
import type { Mat } from '../../src/linalg/dense.ts';
import { opNorm } from '../../src/linalg/spectral.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { boundOps, type BoundOps, residualComparisons } from '../../src/claims/measured.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import type { ScalarOps } from '../../src/exact/ops.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { fractionOfMax, gridMatrix, dimension } from '../../src/random/arbitraries.ts';
import { COMPUTED_TOLERANCE, hypothesis } from '../../src/claims/hypotheses.ts';
import { hasShape, leq } from '../../src/hypotheses/matrix.ts';

export interface C4Instance {
  readonly r: number;
  readonly k: number;
  readonly S: Mat;
  readonly eta: number;
}

export function instances(fixed: Readonly<Record<string, number>>): fc.Arbitrary<C4Instance> {
  return fc.record({ r: dimension(1, 4), extra: dimension(0, 3) }).chain(({ r, extra }) =>
    fc.record({ S: gridMatrix(r, r + extra, 2, 8), f: fixed.etaFactor === undefined ? fractionOfMax() : fc.constant(fixed.etaFactor) }).map(({ S, f }) => {
      const norm = opNorm(S);
      return { r, k: r + extra, S, eta: norm > 0 ? f / (3 * norm * norm) : f };
    }),
  );
}

/** g(σ) = σ − ησ³ (sign +1: the sabotage's σ + ησ³), over any scalars. */
export function cubicMap<S>(F: ScalarOps<S>, eta: S, v: S, sign = -1): S {
  return F.add(v, F.mul(F.mul(F.fromInt(sign), eta), F.mul(v, F.mul(v, v))));
}

/** σᵢ(S(I − ηSᵀS)) and g(σᵢ(S)) for every i, written once against BoundOps. */
function sides<M, T>(A: BoundOps<M, T>, S: M, eta: T, k: number, sign: number) {
  const image = A.mul(S, A.sub(A.eye(k), A.scale(eta, A.mul(A.tr(S), S))));
  return { image: A.singularValues(image), mapped: A.singularValues(S).map((v) => cubicMap(A.F, eta, v, sign)) };
}

/** The sides in the magnitude model (S, η exact inputs): each residual's scale is computed. */
function check(x: C4Instance, sign = -1): Comparison[] {
  const A = boundOps(relativeTolerance('identity', x.k));
  const { image, mapped } = sides(A, A.input(x.S), A.constant(x.eta), x.k, sign);
  const last = mapped.length - 1;
  const label = (i: number) =>
    i === 0 ? 'σ₁(S(I − ηSᵀS)) = σ₁ − ησ₁³' : i === last ? 'σ_r(S(I − ηSᵀS)) = σ_r − ησ_r³' : `(C.1): σ_${i + 1}(S(I − ηSᵀS)) = σ_${i + 1} − ησ_${i + 1}³`;
  return residualComparisons(Object.fromEntries(mapped.map((g, i) => [label(i), A.F.sub(image[i], g)])));
}

export const lemmaC4 = defineClaim<C4Instance>({
  id: 'jcd.lemma-c.4',
  source: { paper: 'JCD', where: 'Lemma C.4, (C.1)' },
  kind: 'identity',
  statement:
    'If ‖S‖ ≤ (3η)^{−1/2} (S ∈ ℝ^{r×k}, r ≤ k), the largest and smallest singular values of S(I − ηSᵀS) are σ₁(S) − ησ₁³(S) and σ_r(S) − ησ_r³(S) (and by (C.1) every σᵢ maps to σᵢ − ησᵢ³)',
  hypotheses: [
    hypothesis<C4Instance>('c4-shape', 'S ∈ ℝ^{r×k} with r ≤ k', (x) => x.r >= 1 && x.r <= x.k && hasShape(x.S, x.r, x.k), {
      coordinates: { r: { value: (x) => x.r, domain: [1, 4] }, 'k − r': { value: (x) => x.k - x.r, domain: [0, 3] } },
    }),
    hypothesis<C4Instance>('c4-eta', 'η > 0 and ‖S‖ ≤ √(1/(3η))', (x) => x.eta > 0 && leq(3 * x.eta * opNorm(x.S) ** 2, 1, x.k), {
      tolerance: COMPUTED_TOLERANCE,
      coordinates: { '3η‖S‖²': { value: (x) => 3 * x.eta * opNorm(x.S) ** 2, domain: [0, 1] } },
    }),
  ],
  instances: instances({}),
  parameters: {
    specs: { etaFactor: { description: 'η as a multiple of 1/(3‖S‖²)', allowed: [0, 1], explore: [1, 8], scale: 'log' } },
    instances,
  },
  size: (x) => x.k,
  check: (x) => check(x),
  exact: {
    skip:
      'not rational in the entries: the statement equates singular values (roots of a characteristic polynomial, ordered under the monotonicity hypothesis ‖S‖ ≤ (3η)^{−1/2}); ' +
      'its algebraic core (S(I − ηSᵀS))(S(I − ηSᵀS))ᵀ = SSᵀ(I − ηSSᵀ)² is a polynomial identity but not the claim',
  },
  expected: 'holds',
  sabotage: { description: 'sign of the cubic term flipped: σᵢ + ησᵢ³', check: (x) => check(x, +1) },
});
