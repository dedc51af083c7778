/**
 * JCD Lemma C.7, its proof step by step. Hypotheses: the lemma's, as printed (S ∈ ℝ^{r×k}, r ≤ k,
 * σ_r(S) > 0; Λ = diag{σ₁, …, σ_r}; η‖Λ − SSᵀ‖ < 1/2, ‖S‖ ≤ √(1/(3η)), 2η²‖ΛSSᵀ‖ < 1), the
 * predicates of jcd.lemma-c.7 on its builder (lemmas/jcd/lemma-c.7.ts: η = f·η_max, f ∈ (0, 1), over
 * the whole admissible range of η). S₊ = S + η(Λ − SSᵀ)S, M = I + η(Λ − SSᵀ),
 * X = (1 + ησ_r)σ_r(S)(1 − ησ_r(S)²).
 *
 * The steps (every one holds as printed):
 *  inverse-form  S = (I + η(Λ − SSᵀ))⁻¹S₊                                 "Since η‖Λ − SSᵀ‖ < 1, … invertible"
 *  expansion     S₊ = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀS = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹S₊
 *  rearranged    (I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹)S₊ = (I + ηΛ)S(I − ηSᵀS)
 *  lower         σ_r((I + ηΛ)S(I − ηSᵀS)) ≥ (1 + ησ_r)σ_r(S(I − ηSᵀS)) = (1 + ησ_r)σ_r(S)(1 − ησ_r(S)²)   "By Lemma C.4"
 *  upper         σ_r((I − …)S₊) ≤ ‖I − …‖σ_r(S₊) ≤ (1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊) ≤ (1 + 2η²‖ΛSSᵀ‖)σ_r(S₊)   "by Lemma C.5"
 *  combine       σ_r(S₊) ≥ X/(1 + 2η²‖ΛSSᵀ‖) ≥ (1 − 2η²‖ΛSSᵀ‖)X
 *
 * Notes on the cited reasons (true steps whose citation does not give them):
 *  - "Since η‖Λ − SSᵀ‖ < 1": the hypothesis is the stronger < 1/2 (which the upper chain's last link
 *    needs: 1/(1 − η‖Λ − SSᵀ‖) ≤ 2); < 1 is what invertibility needs (Lemma C.5). Consistent, no gap.
 *  - lower, first link, "By Lemma C.4": Lemma C.4 is about S(I − ηSᵀS) alone; the factor (I + ηΛ) on
 *    the left needs σ_r(DY) ≥ σ_min(D)σ_r(Y) for an invertible r×r D (σ_min(I + ηΛ) = 1 + ησ_r), the
 *    lower counterpart of Lemma C.6, which the paper does not state. True (σ_r(Y) = σ_r(D⁻¹DY) ≤
 *    ‖D⁻¹‖σ_r(DY) by Lemma C.6 itself), so Lemma C.6 applied to D⁻¹ would be the citation. The second
 *    link (=) is Lemma C.4 (‖S‖ ≤ √(1/(3η)) is in force).
 *  - upper, first link: σ_r(WS₊) ≤ ‖W‖σ_r(S₊) is Lemma C.6, not C.5 (C.5, with subadditivity and
 *    submultiplicativity, gives the second link: ‖W‖ ≤ 1 + η²‖ΛSSᵀ‖‖M⁻¹‖ ≤ 1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖)).
 *  - The hypothesis 2η²‖ΛSSᵀ‖ < 1 is used nowhere in the proof (it makes the lemma's bound positive).
 *  - combine uses the two chains above (checked by `lower` and `upper` on the same instances) and,
 *    for its second link 1/(1 + a) ≥ 1 − a, X ≥ 0 (ησ_r(S)² ≤ η‖S‖² ≤ 1/3).
 *
 * Exact forms of the identities: S = [diag(p) + strictly lower entries | entries] (σ_r(S) > 0: its
 * first r×r block has determinant Πpᵢ), σ₁ > … > σ_r > 0 partial sums of positives, η =
 * f/(2(1 + Σσᵢ + 3 tr SSᵀ)) with f = positive/(N + 1): then η‖Λ − SSᵀ‖ ≤ η(Σσᵢ + tr SSᵀ) < 1/2,
 * 3η‖S‖² ≤ 3η tr SSᵀ < 1/2 and 2η²‖ΛSSᵀ‖ ≤ 2η²Σσᵢ tr SSᵀ < 1, so the lemma's hypotheses hold by
 * construction; the identities are rational in these variables (the inverse by Gauss–Jordan).
 *
 * One definition: every step's residual or sides are written once against the proof's matrices
 * (c7Matrices, lemmas/jcd/lemma-c.7.ts); the identities' residuals are evaluated by the exact form in
 * rational arithmetic and by the float check in the magnitude model (src/claims/measured.ts), whose
 * computed magnitude is the comparison's scale; the inequalities' sides likewise (BoundOps), the
 * sabotage a flag of the same definition.
 */
import fc from 'fast-check';
import type { Comparison } from '../../../src/claims/compare.ts';
import { boundComparison, type BoundOps, type Measured, type MeasuredScalar, residualComparisons } from '../../../src/claims/measured.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import type { ExactForm, Supply } from '../../../src/exact/form.ts';
import type { Algebra } from '../../../src/exact/matrix.ts';
import { decreasingPositives } from '../../../src/exact/states.ts';
import { type C7Instance, type C7Matrices, c7Matrices, c7Sides, instances as c7Instances, lemmaC7, measuredC7, type RingWithInverse } from '../lemma-c.7.ts';
import { lemmaStepClaim, type LemmaProof, type LemmaStepSpec, measuredEquality } from './general.ts';

const PROOF: LemmaProof<C7Instance> = { proof: 'Lemma C.7, proof', hypotheses: lemmaC7.hypotheses, instances: c7Instances({}), size: (x) => x.k };
const step = (c: LemmaStepSpec<C7Instance>) => lemmaStepClaim(PROOF, c);

/** An identity of the proof: its residuals (true − printed) on the proof's matrices, written once. */
type C7Residuals = <M, S>(A: RingWithInverse<M, S>, q: C7Matrices<M, S>, sabotaged: boolean) => Record<string, M>;

/** I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹ (sabotaged: I + …). */
function wMatrix<M, S>(A: RingWithInverse<M, S>, q: C7Matrices<M, S>, sabotaged = false): M {
  return A.add(q.I, A.scale(sabotaged ? q.eta2 : A.F.neg(q.eta2), A.mul(q.LSSt, q.Minv)));
}

// ——— exact forms ———

/** The exact instance family of the module comment: S, Λ, η, then the proof's matrices. */
function exactInstance<T>(A: Algebra<T>, r: number, k: number, v: Supply<T>) {
  const { F } = A;
  const p = Array.from({ length: r }, () => v.positive());
  const S = A.make(r, k, (i, j) => (j === i ? p[i] : j < i || j >= r ? v.entry() : F.zero));
  const lambda = decreasingPositives(A, r, v);
  const f = v.fraction();
  const denom = F.mul(
    A.int(2),
    F.add(
      F.add(
        F.one,
        lambda.reduce((a, b) => F.add(a, b), F.zero),
      ),
      F.mul(A.int(3), A.trace(A.mul(S, A.tr(S)))),
    ),
  );
  return c7Matrices(A, S, A.diag(lambda), F.div(f, denom), r, k);
}

function exactForm(residuals: C7Residuals): ExactForm<{ r: number; k: number }> {
  return {
    instances:
      'S = [diag(p) + strictly lower entries | entries] (σ_r(S) > 0), σ₁ > … > σ_r > 0 partial sums of positives, η = f/(2(1 + Σσᵢ + 3 tr SSᵀ)), f = positive/(N + 1): inside every hypothesis of Lemma C.7 (module comment)',
    dims: fc.record({ r: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 1 }) }).map(({ r, extra }) => ({ r, k: r + extra })),
    certifyAt: [
      { r: 1, k: 1 },
      { r: 1, k: 2 },
      { r: 2, k: 2 },
      { r: 2, k: 3 },
      { r: 3, k: 3 },
    ],
    coverage:
      'each (r, k) certified separately, r ≤ 3 with k = r and k = r + 1 (the identities are rational in the entries; a column of S beyond the r-th enters as the first extra one does)',
    setSize: 2 ** 40 + 1,
    evaluate: (A, { r, k }, v, sabotaged) => {
      const q = exactInstance(A, r, k, v);
      return { instance: { S: q.S, Lambda: q.Lambda, eta: q.eta }, residuals: residuals(A, q, sabotaged) };
    },
  };
}

/** The float check of an identity: the same residuals on the instance in the magnitude model. */
function floatCheck(residuals: C7Residuals): (x: C7Instance, sabotaged?: boolean) => Comparison[] {
  return (x, sabotaged = false) => {
    const { A, q } = measuredC7(x, relativeTolerance('identity', x.k));
    return residualComparisons(residuals(A, q, sabotaged));
  };
}

/** A step's inequalities: its sides written once against BoundOps, on the instance in the magnitude model. */
function boundCheck(
  sides: (A: BoundOps<Measured, MeasuredScalar>, q: C7Matrices<Measured, MeasuredScalar>, x: C7Instance) => Comparison[],
): (x: C7Instance) => Comparison[] {
  return (x) => {
    const { A, q } = measuredC7(x, relativeTolerance('inequality', x.k));
    return sides(A, q, x);
  };
}

// ——— inverse-form ———

const inverseForm: C7Residuals = (A, q, sab) => {
  const Minv = sab ? A.inverse(A.sub(q.I, A.scale(q.eta, q.D))) : q.Minv;
  return { 'S − (I + η(Λ − SSᵀ))⁻¹S₊': A.sub(q.S, A.mul(Minv, q.Splus)) };
};
const inverseFormCheck = floatCheck(inverseForm);

export const c7InverseForm = step({
  id: 'jcd.lemma-c.7.inverse-form',
  where: '"Since η‖Λ − SSᵀ‖ < 1, matrix I + η(Λ − SSᵀ) is invertible. Hence, we can write S = (I + η(Λ − SSᵀ))⁻¹S₊"',
  kind: 'identity',
  statement: 'S = (I + η(Λ − SSᵀ))⁻¹S₊ (I + η(Λ − SSᵀ) invertible since η‖Λ − SSᵀ‖ < 1)',
  check: (x) => inverseFormCheck(x),
  exact: exactForm(inverseForm),
  sabotage: { description: 'the sign inside the inverse flipped: (I − η(Λ − SSᵀ))⁻¹S₊', check: (x) => inverseFormCheck(x, true) },
});

// ——— expansion ———

const expansion: C7Residuals = (A, q, sab) => {
  const c = sab ? A.F.neg(q.eta2) : q.eta2;
  return {
    'S₊ − (I + ηΛ)S(I − ηSᵀS) − η²ΛSSᵀS': A.sub(q.Splus, A.add(q.H, A.scale(c, A.mul(q.LSSt, q.S)))),
    'S₊ − (I + ηΛ)S(I − ηSᵀS) − η²ΛSSᵀM⁻¹S₊': A.sub(q.Splus, A.add(q.H, A.scale(c, A.mul(q.LSSt, q.Minv, q.Splus)))),
  };
};
const expansionCheck = floatCheck(expansion);

export const c7Expansion = step({
  id: 'jcd.lemma-c.7.expansion',
  where:
    '"by definition of S₊, we have S₊ = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀS = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹S₊" (the second line substitutes the inverse form of S)',
  kind: 'identity',
  statement: 'S₊ = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀS = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹S₊',
  check: (x) => expansionCheck(x),
  exact: exactForm(expansion),
  sabotage: { description: 'the correction η²ΛSSᵀS given a minus sign (−η²)', check: (x) => expansionCheck(x, true) },
});

// ——— rearranged ———

const rearranged: C7Residuals = (A, q, sab) => ({ '(I − η²ΛSSᵀM⁻¹)S₊ − (I + ηΛ)S(I − ηSᵀS)': A.sub(A.mul(wMatrix(A, q, sab), q.Splus), q.H) });
const rearrangedCheck = floatCheck(rearranged);

export const c7Rearranged = step({
  id: 'jcd.lemma-c.7.rearranged',
  where: '"Therefore, (I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹)S₊ = (I + ηΛ)S(I − ηSᵀS)"',
  kind: 'identity',
  statement: '(I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹)S₊ = (I + ηΛ)S(I − ηSᵀS)',
  check: (x) => rearrangedCheck(x),
  exact: exactForm(rearranged),
  sabotage: { description: 'I + η²ΛSSᵀ(…)⁻¹ in place of I − η²ΛSSᵀ(…)⁻¹', check: (x) => rearrangedCheck(x, true) },
});

// ——— lower ———

const lower = (useSigma1: boolean) =>
  boundCheck((A, q, x) => {
    const { F } = A;
    const factor = F.add(F.one, F.mul(q.eta, A.constant(x.lambda[useSigma1 ? 0 : x.r - 1])));
    const sG = F.mul(factor, A.sigmaMin(q.G));
    const sr = A.sigmaMin(q.S);
    return [
      boundComparison('σ_r((I + ηΛ)S(I − ηSᵀS)) ≥ (1 + ησ_r)σ_r(S(I − ηSᵀS))', A.sigmaMin(q.H), '≥', sG),
      ...measuredEquality(
        '(1 + ησ_r)σ_r(S(I − ηSᵀS)) = (1 + ησ_r)σ_r(S)(1 − ησ_r(S)²)',
        sG,
        F.mul(F.mul(factor, sr), F.sub(F.one, F.mul(q.eta, F.mul(sr, sr)))),
      ),
    ];
  });
const [lowerCheck, lowerSabotaged] = [lower(false), lower(true)];

export const c7Lower = step({
  id: 'jcd.lemma-c.7.lower',
  where:
    '"By Lemma C.4, we have σ_r((I + ηΛ)S(I − ηSᵀS)) ≥ (1 + ησ_r)σ_r(S(I − ηSᵀS)) = (1 + ησ_r)σ_r(S)(1 − ησ_r(S)²)" (the first link is not Lemma C.4: see the module comment)',
  kind: 'inequality',
  statement: 'σ_r((I + ηΛ)S(I − ηSᵀS)) ≥ (1 + ησ_r)σ_r(S(I − ηSᵀS)) = (1 + ησ_r)σ_r(S)(1 − ησ_r(S)²)',
  check: (x) => lowerCheck(x),
  sabotage: { description: '(1 + ησ₁) (the largest σ) in place of (1 + ησ_r)', check: (x) => lowerSabotaged(x) },
});

// ——— upper ———

const upper = (c: number) =>
  boundCheck((A, q) => {
    const { F } = A;
    const W = wMatrix(A, q);
    const sp = A.sigmaMin(q.Splus);
    const nLSSt = F.mul(q.eta2, A.opNorm(q.LSSt));
    const viaNorm = F.mul(A.opNorm(W), sp);
    const mid = F.mul(F.add(F.one, F.div(nLSSt, F.sub(F.one, F.mul(q.eta, A.opNorm(q.D))))), sp);
    const last = F.mul(F.add(F.one, F.mul(A.constant(c), nLSSt)), sp);
    return [
      boundComparison('σ_r((I − η²ΛSSᵀM⁻¹)S₊) ≤ ‖I − η²ΛSSᵀM⁻¹‖σ_r(S₊)', A.sigmaMin(A.mul(W, q.Splus)), '≤', viaNorm),
      boundComparison('‖I − η²ΛSSᵀM⁻¹‖σ_r(S₊) ≤ (1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊)', viaNorm, '≤', mid),
      boundComparison(`(1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊) ≤ (1 + ${c}η²‖ΛSSᵀ‖)σ_r(S₊)`, mid, '≤', last),
    ];
  });
const [upperCheck, upperSabotaged] = [upper(2), upper(1)];

export const c7Upper = step({
  id: 'jcd.lemma-c.7.upper',
  where:
    '"On the other hand, by Lemma C.5, σ_r((I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹)S₊) ≤ ‖I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹‖σ_r(S₊) ≤ (1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊) ≤ (1 + 2η²‖ΛSSᵀ‖)σ_r(S₊)" (the first link is Lemma C.6; the last uses η‖Λ − SSᵀ‖ < 1/2)',
  kind: 'inequality',
  statement: 'σ_r((I − η²ΛSSᵀM⁻¹)S₊) ≤ ‖I − η²ΛSSᵀM⁻¹‖σ_r(S₊) ≤ (1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊) ≤ (1 + 2η²‖ΛSSᵀ‖)σ_r(S₊), M = I + η(Λ − SSᵀ)',
  check: (x) => upperCheck(x),
  sabotage: { description: 'the factor 2 of the last bound dropped: (1 + η²‖ΛSSᵀ‖)σ_r(S₊)', check: (x) => upperSabotaged(x) },
});

// ——— combine ———

const combineStep = (multiply: boolean) =>
  boundCheck((A, q, x) => {
    const { F } = A;
    const p = c7Sides(A, q, A.constant(x.lambda[x.r - 1]));
    const onePlusA = F.add(F.one, F.mul(A.int(2), p.coupling));
    const quotient = F.div(p.X, onePlusA);
    return [
      boundComparison(`σ_r(S₊) ≥ (1 + ησ_r)σ_r(S)(1 − ησ_r²(S))${multiply ? '·' : '/'}(1 + 2η²‖ΛSSᵀ‖)`, p.lhs, '≥', multiply ? F.mul(onePlusA, p.X) : quotient),
      boundComparison('X/(1 + 2η²‖ΛSSᵀ‖) ≥ (1 − 2η²‖ΛSSᵀ‖)X', quotient, '≥', F.mul(F.sub(F.one, F.mul(A.int(2), p.coupling)), p.X)),
    ];
  });
const [combineCheck, combineSabotaged] = [combineStep(false), combineStep(true)];

export const c7Combine = step({
  id: 'jcd.lemma-c.7.combine',
  where: '"Combining, we have σ_r(S₊) ≥ (1 + ησ_r)σ_r(S)(1 − ησ_r²(S))/(1 + 2η²‖ΛSSᵀ‖) ≥ (1 − 2η²‖ΛSSᵀ‖)(1 + ησ_r)σ_r(S)(1 − ησ_r²(S))"',
  kind: 'inequality',
  statement: 'σ_r(S₊) ≥ X/(1 + 2η²‖ΛSSᵀ‖) ≥ (1 − 2η²‖ΛSSᵀ‖)X, X = (1 + ησ_r)σ_r(S)(1 − ησ_r²(S))',
  check: (x) => combineCheck(x),
  sabotage: { description: 'X·(1 + 2η²‖ΛSSᵀ‖) in place of X/(1 + 2η²‖ΛSSᵀ‖)', check: (x) => combineSabotaged(x) },
});
