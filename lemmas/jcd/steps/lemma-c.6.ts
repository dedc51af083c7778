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
 */
import { block, frobenius, type Mat, mul, transpose } from '../../../src/linalg/dense.ts';
import { opNorm, symmetricEigen, orthogonalityDefect, sigmaMin, singularValues } from '../../../src/linalg/spectral.ts';
import { atMost, type Comparison, equal } from '../../../src/claims/compare.ts';
import { hypothesis } from '../../../src/claims/hypotheses.ts';
import { hasShape } from '../../../src/hypotheses/matrix.ts';
import { orthogonal } from '../../../src/random/arbitraries.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { type C6Instance, instances as c6Instances, lemmaC6 } from '../lemma-c.6.ts';
import { lemmaStepClaim, type LemmaProof, type LemmaStepSpec } from './general.ts';

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

/** inf_{x∈range Q} ‖Rx‖/‖x‖ (or, sabotaged, the sup). */
const infOver = (R: Mat, Q: Mat, sup = false) => (sup ? singularValues(mul(R, Q))[0] : sigmaMin(mul(R, Q)));

function variational(x: C6StepInstance, sup = false): Comparison[] {
  const out: Comparison[] = [];
  for (const [name, R] of [
    ['T', x.T],
    ['ST', mul(x.S, x.T)],
  ] as const) {
    const sr = singularValues(R)[x.r - 1];
    // Rounding: RQ formed and its singular values computed within multiples of u‖R‖_F‖Q‖_F (‖Q‖_F = √r).
    const scale = 2 * frobenius(R) * Math.sqrt(x.r);
    out.push(
      atMost(`(C.3) R = ${name}: inf_{x∈M}‖Rx‖/‖x‖ ≤ σ_r(R) (the drawn M)`, infOver(R, x.Q, sup), sr, scale),
      equal(`(C.3) R = ${name}: inf_{x∈M}‖Rx‖/‖x‖ = σ_r(R) at M = range V_R`, infOver(R, topRight(R, x.r), sup), sr, scale),
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

function chain(x: C6StepInstance, normOfS: (S: Mat) => number = opNorm): Comparison[] {
  const ST = mul(x.S, x.T);
  const nS = normOfS(x.S);
  const srST = singularValues(ST)[x.r - 1];
  const srT = singularValues(x.T)[x.r - 1];
  const [fS, fT] = [frobenius(x.S), frobenius(x.T)];
  // Rounding as in jcd.lemma-c.6: ST within γ‖S‖_F‖T‖_F; singular values of RQ within multiples of
  // u‖R‖_F√r; ‖S‖ within u‖S‖_F, times the other factor.
  const scale = Math.sqrt(x.r) * (3 * fS * fT + fS * fT + nS * fT);
  const out: Comparison[] = [];
  const VST = topRight(ST, x.r);
  const VT = topRight(x.T, x.r);
  out.push(equal('(C.4) inf_{x∈M}‖STx‖/‖x‖ = σ_r(ST) at M = range V_{ST}', infOver(ST, VST), srST, scale));
  out.push(atMost('(C.4) inf_{x∈M}‖STx‖/‖x‖ ≤ σ_r(ST) (the drawn M)', infOver(ST, x.Q), srST, scale));
  for (const [where, Q] of [
    ['the drawn M', x.Q],
    ['M = range V_{ST}', VST],
    ['M = range V_T', VT],
  ] as const)
    out.push(atMost(`(C.5) inf_{x∈M}‖STx‖/‖x‖ ≤ ‖S‖·inf_{x∈M}‖Tx‖/‖x‖ (${where})`, infOver(ST, Q), nS * infOver(x.T, Q), scale));
  out.push(equal('(C.6) ‖S‖·inf_{x∈M}‖Tx‖/‖x‖ = ‖S‖σ_r(T) at M = range V_T', nS * infOver(x.T, VT), nS * srT, scale));
  out.push(atMost('(C.6) ‖S‖·inf_{x∈M}‖Tx‖/‖x‖ ≤ ‖S‖σ_r(T) (the drawn M)', nS * infOver(x.T, x.Q), nS * srT, scale));
  return out;
}

export const c6Chain = step({
  id: 'jcd.lemma-c.6.chain',
  where: '(C.4)–(C.6) "Applying this variational result twice, we obtain σ_r(ST) = sup inf ‖STx‖/‖x‖ ≤ sup inf ‖S‖‖Tx‖/‖x‖ = ‖S‖σ_r(T)"',
  kind: 'inequality',
  statement: 'σ_r(ST) = sup_M inf_{x∈M} ‖STx‖/‖x‖ ≤ sup_M inf_{x∈M} ‖S‖‖Tx‖/‖x‖ = ‖S‖σ_r(T)',
  check: (x) => chain(x),
  sabotage: { description: "σ_r(S) in place of ‖S‖ in (C.5) and (C.6) (the lower bound's factor)", check: (x) => chain(x, sigmaMin) },
});
