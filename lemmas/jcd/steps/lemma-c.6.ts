/**
 * JCD Lemma C.6, its proof step by step. Hypotheses: the lemma's, as printed (S ∈ ℝ^{r×r},
 * T ∈ ℝ^{r×k}): the predicates of jcd.lemma-c.6 on its builder (lemmas/jcd/lemma-c.6.ts, k ≥ r), and
 * an r-dimensional subspace M ⊂ ℝ^k, the range of Q (k×r, orthonormal columns: the first r columns of
 * an orthogonal k×k matrix), over which the variational formula's sup runs. For x ∈ M,
 * inf_{x∈M} ‖Rx‖/‖x‖ = σ_min(RQ); V_R denotes the first r right singular vectors of R (where the sup
 * is attained).
 *
 * The steps (both hold as printed):
 *  variational  (C.3) σ_r(R) = sup_{M ⊂ ℝ^k, dim M = r} inf_{x∈M} ‖Rx‖/‖x‖, for R = T and R = ST:
 *               σ_min(RQ) ≤ σ_r(R) for the drawn M, with equality at M = range V_R
 *  chain        (C.4)–(C.6) σ_r(ST) = sup inf ‖STx‖/‖x‖ ≤ sup inf ‖S‖‖Tx‖/‖x‖ = ‖S‖σ_r(T): (C.5)
 *               pointwise in M (σ_min(STQ) ≤ ‖S‖σ_min(TQ)) at the drawn M and at the maximisers
 *               V_{ST}, V_T; (C.4) and (C.6) at their maximisers and bounding the drawn M
 *
 * Note (left alone): the proof needs k ≥ r (a subspace of ℝ^k of dimension r); the lemma states no
 * condition on k. For k < r, σ_r(ST) = 0 (ST has rank < r) and the lemma holds trivially; the builder
 * draws k ≥ r.
 *
 * Scale: each side is written once against BoundOps (infOver) and evaluated in the magnitude model
 * (src/claims/measured.ts), so every comparison's scale is computed; the sabotages are flags of it.
 */
import { block, type Mat, mul, transpose } from '../../../src/linalg/dense.ts';
import { orthogonalityDefect, symmetricEigen } from '../../../src/linalg/spectral.ts';
import type { Comparison } from '../../../src/claims/compare.ts';
import { boundComparison, boundOps, type BoundOps, type Measured } from '../../../src/claims/measured.ts';
import { hypothesis } from '../../../src/claims/hypotheses.ts';
import { hasShape } from '../../../src/hypotheses/matrix.ts';
import { orthogonal } from '../../../src/random/arbitraries.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { type C6Instance, instances as c6Instances, lemmaC6 } from '../lemma-c.6.ts';
import { lemmaStepClaim, type LemmaProof, type LemmaStepSpec, measuredEquality } from './general.ts';

/** C.6's instance with a subspace M = range Q of ℝ^k, dim r. */
export interface C6StepInstance extends C6Instance {
  readonly Q: Mat;
}

const PROOF: LemmaProof<C6StepInstance> = {
  proof: 'Lemma C.6, proof',
  hypotheses: [
    ...lemmaC6.hypotheses,
    hypothesis<C6StepInstance>(
      'c6-subspace',
      'M ⊂ ℝ^k a subspace of dimension r (the range of Q ∈ ℝ^{k×r}, QᵀQ = I)',
      (x) => hasShape(x.Q, x.k, x.r) && orthogonalityDefect(x.Q) <= relativeTolerance('identity', x.k) * x.r,
      {
        tolerance: 'QᵀQ = I to 16γ_k·r in Frobenius norm (the Cayley transform in doubles)',
        coordinates: { 'dim M = r': { value: (x) => x.r, domain: [1, 4] } },
      },
    ),
  ],
  instances: c6Instances.chain((x) => orthogonal(x.k).map((O) => ({ ...x, Q: block(O, 0, x.k, 0, x.r) }))),
  size: (x) => x.k,
};
const step = (c: LemmaStepSpec<C6StepInstance>) => lemmaStepClaim(PROOF, c);

/** The first r right singular vectors of R (r×k): eigenvectors of RᵀR for its r largest eigenvalues. */
function topRight(R: Mat, r: number): Mat {
  return block(symmetricEigen(mul(transpose(R), R)).vectors, 0, R.cols, 0, r);
}

/** inf_{x∈range Q} ‖Rx‖/‖x‖ = σ_min(RQ) (or, sabotaged, the sup ‖RQ‖), written once against BoundOps. */
const infOver = <M, S>(A: BoundOps<M, S>, R: M, Q: M, sup = false): S => (sup ? A.opNorm(A.mul(R, Q)) : A.sigmaMin(A.mul(R, Q)));

/**
 * The magnitude model at the inequality tolerance, and the instance's S, T, Q as its exact inputs; a
 * maximiser V_R (computed by an eigendecomposition, orthonormal to rounding) enters as an input too.
 */
function measuredC6(x: C6StepInstance) {
  const A = boundOps(relativeTolerance('inequality', x.k));
  return { A, S: A.input(x.S), T: A.input(x.T), Q: A.input(x.Q), maximiser: (R: Measured) => A.input(topRight(R.value, x.r)) };
}

function variational(x: C6StepInstance, sup = false): Comparison[] {
  const { A, S, T, Q, maximiser } = measuredC6(x);
  const out: Comparison[] = [];
  for (const [name, R] of [
    ['T', T],
    ['ST', A.mul(S, T)],
  ] as const) {
    const sr = A.sigmaMin(R);
    out.push(
      boundComparison(`(C.3) R = ${name}: inf_{x∈M}‖Rx‖/‖x‖ ≤ σ_r(R) (the drawn M)`, infOver(A, R, Q, sup), '≤', sr),
      ...measuredEquality(`(C.3) R = ${name}: inf_{x∈M}‖Rx‖/‖x‖ = σ_r(R) at M = range V_R`, infOver(A, R, maximiser(R), sup), sr),
    );
  }
  return out;
}

export const c6Variational = step({
  id: 'jcd.lemma-c.6.variational',
  where:
    '(C.3) "For any r × k matrix R, the variational expression of r-th singular value is σ_r(R) = sup_{M⊂ℝ^k, dim(M)=r} inf_{x∈M, x≠0} ‖Rx‖/‖x‖" (for R = T and R = ST, as the proof applies it)',
  kind: 'inequality',
  statement: 'σ_r(R) = sup_{dim M = r} inf_{x∈M∖0} ‖Rx‖/‖x‖ (R ∈ ℝ^{r×k}): every M gives at most σ_r(R), the top-r right singular space gives it',
  check: (x) => variational(x),
  sabotage: { description: 'sup in place of inf (sup_M sup_{x∈M} ‖Rx‖/‖x‖)', check: (x) => variational(x, true) },
});

function chain(x: C6StepInstance, lowerNorm = false): Comparison[] {
  const { A, S, T, Q, maximiser } = measuredC6(x);
  const { F } = A;
  const ST = A.mul(S, T);
  const nS = lowerNorm ? A.sigmaMin(S) : A.opNorm(S);
  const [srST, srT] = [A.sigmaMin(ST), A.sigmaMin(T)];
  const [VST, VT] = [maximiser(ST), maximiser(T)];
  const out: Comparison[] = [
    ...measuredEquality('(C.4) inf_{x∈M}‖STx‖/‖x‖ = σ_r(ST) at M = range V_{ST}', infOver(A, ST, VST), srST),
    boundComparison('(C.4) inf_{x∈M}‖STx‖/‖x‖ ≤ σ_r(ST) (the drawn M)', infOver(A, ST, Q), '≤', srST),
  ];
  for (const [where, M] of [
    ['the drawn M', Q],
    ['M = range V_{ST}', VST],
    ['M = range V_T', VT],
  ] as const)
    out.push(boundComparison(`(C.5) inf_{x∈M}‖STx‖/‖x‖ ≤ ‖S‖·inf_{x∈M}‖Tx‖/‖x‖ (${where})`, infOver(A, ST, M), '≤', F.mul(nS, infOver(A, T, M))));
  out.push(
    ...measuredEquality('(C.6) ‖S‖·inf_{x∈M}‖Tx‖/‖x‖ = ‖S‖σ_r(T) at M = range V_T', F.mul(nS, infOver(A, T, VT)), F.mul(nS, srT)),
    boundComparison('(C.6) ‖S‖·inf_{x∈M}‖Tx‖/‖x‖ ≤ ‖S‖σ_r(T) (the drawn M)', F.mul(nS, infOver(A, T, Q)), '≤', F.mul(nS, srT)),
  );
  return out;
}

export const c6Chain = step({
  id: 'jcd.lemma-c.6.chain',
  where: '(C.4)–(C.6) "Applying this variational result twice, we obtain σ_r(ST) = sup inf ‖STx‖/‖x‖ ≤ sup inf ‖S‖‖Tx‖/‖x‖ = ‖S‖σ_r(T)"',
  kind: 'inequality',
  statement: 'σ_r(ST) = sup_M inf_{x∈M} ‖STx‖/‖x‖ ≤ sup_M inf_{x∈M} ‖S‖‖Tx‖/‖x‖ = ‖S‖σ_r(T)',
  check: (x) => chain(x),
  sabotage: { description: "σ_r(S) in place of ‖S‖ in (C.5) and (C.6) (the lower bound's factor)", check: (x) => chain(x, true) },
});
