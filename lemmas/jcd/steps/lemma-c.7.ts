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
 */
import fc from 'fast-check';
import { combine, diag, eye, frobenius, mul, transpose } from '../../../src/linalg/dense.ts';
import { inverse, opNorm, sigmaMin } from '../../../src/linalg/spectral.ts';
import { atLeast, atMost, type Comparison, equal } from '../../../src/claims/compare.ts';
import type { ExactForm, Supply } from '../../../src/exact/form.ts';
import type { Algebra, XMat } from '../../../src/exact/matrix.ts';
import { decreasingPositives } from '../../../src/exact/states.ts';
import { type C7Instance, instances as c7Instances, lemmaC7, quantities } from '../lemma-c.7.ts';
import { lemmaStepClaim, type LemmaProof, type LemmaStepSpec } from './general.ts';

const PROOF: LemmaProof<C7Instance> = { proof: 'Lemma C.7, proof', hypotheses: lemmaC7.hypotheses, instances: c7Instances({}), size: (x) => x.k };
const step = (c: LemmaStepSpec<C7Instance>) => lemmaStepClaim(PROOF, c);

/** The proof's matrices on one instance, as printed, with the magnitudes of what is rounded. */
function parts(x: C7Instance) {
  const { S, eta, r, k } = x;
  const I = eye(r);
  const Lambda = diag(x.lambda);
  const SSt = mul(S, transpose(S));
  const D = combine([1, Lambda], [-1, SSt]);
  const M = combine([1, I], [eta, D]);
  const Minv = inverse(M);
  const Splus = combine([1, S], [eta, mul(D, S)]);
  const G = mul(S, combine([1, eye(k)], [-eta, mul(transpose(S), S)])); // S(I − ηSᵀS)
  const IL = combine([1, I], [eta, Lambda]); // I + ηΛ
  const H = mul(IL, G); // (I + ηΛ)S(I − ηSᵀS)
  const LSSt = mul(Lambda, SSt);
  const W = combine([1, I], [-eta * eta, mul(LSSt, Minv)]); // I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹
  // Magnitudes (Frobenius, products of factors' norms): S₊, S(I − ηSᵀS), (I + ηΛ)S(I − ηSᵀS), W; an
  // LU inverse is within a multiple of u·κ(M)‖M⁻¹‖ (κ(M) ≤ 3 here), counted as (κ_F + 2)‖M⁻¹‖_F.
  const [nS, nL, nMinv] = [frobenius(S), frobenius(Lambda), frobenius(Minv)];
  const inv = (frobenius(M) * nMinv + 2) * nMinv;
  const mSp = nS + eta * (nL + nS * nS) * nS;
  const mG = nS * (Math.sqrt(k) + eta * nS * nS);
  const mH = (Math.sqrt(r) + eta * nL) * mG;
  const mW = Math.sqrt(r) + eta * eta * nL * nS * nS * inv;
  return { I, Lambda, SSt, D, M, Minv, Splus, G, IL, H, LSSt, W, nS, nL, inv, mSp, mG, mH, mW };
}

// ——— exact forms ———

/** The exact instance family of the module comment. */
function exactInstance<T>(A: Algebra<T>, r: number, k: number, v: Supply<T>) {
  const { F } = A;
  const p = Array.from({ length: r }, () => v.positive());
  const S = A.make(r, k, (i, j) => (j === i ? p[i] : j < i || j >= r ? v.entry() : F.zero));
  const lambda = decreasingPositives(A, r, v);
  const f = v.fraction();
  const Lambda = A.diag(lambda);
  const SSt = A.mul(S, A.tr(S));
  const denom = F.mul(
    A.int(2),
    F.add(
      F.add(
        F.one,
        lambda.reduce((a, b) => F.add(a, b), F.zero),
      ),
      F.mul(A.int(3), A.trace(SSt)),
    ),
  );
  const eta = F.div(f, denom);
  const I = A.eye(r);
  const D = A.sub(Lambda, SSt);
  const M = A.add(I, A.scale(eta, D));
  const Minv = A.inverse(M);
  const Splus = A.add(S, A.scale(eta, A.mul(D, S)));
  const G = A.mul(S, A.sub(A.eye(k), A.scale(eta, A.mul(A.tr(S), S))));
  const H = A.mul(A.add(I, A.scale(eta, Lambda)), G);
  const LSSt = A.mul(Lambda, SSt);
  return { S, Lambda, eta, I, D, M, Minv, Splus, G, H, LSSt, eta2: F.mul(eta, eta) };
}

type ExactC7<T> = ReturnType<typeof exactInstance<T>>;

function exactForm(residuals: <T>(A: Algebra<T>, q: ExactC7<T>, sabotaged: boolean) => Record<string, XMat<T>>): ExactForm<{ r: number; k: number }> {
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

// ——— inverse-form ———

function inverseForm(x: C7Instance, sign = 1): Comparison[] {
  const p = parts(x);
  const M = sign === 1 ? p.Minv : inverse(combine([1, p.I], [-x.eta, p.D]));
  return [equal('S = (I + η(Λ − SSᵀ))⁻¹S₊', x.S, mul(M, p.Splus), p.nS + p.inv * p.mSp)];
}

export const c7InverseForm = step({
  id: 'jcd.lemma-c.7.inverse-form',
  where: '"Since η‖Λ − SSᵀ‖ < 1, matrix I + η(Λ − SSᵀ) is invertible. Hence, we can write S = (I + η(Λ − SSᵀ))⁻¹S₊"',
  kind: 'identity',
  statement: 'S = (I + η(Λ − SSᵀ))⁻¹S₊ (I + η(Λ − SSᵀ) invertible since η‖Λ − SSᵀ‖ < 1)',
  check: (x) => inverseForm(x),
  exact: exactForm((A, q, sab) => {
    const Minv = sab ? A.inverse(A.sub(q.I, A.scale(q.eta, q.D))) : q.Minv;
    return { 'S − (I + η(Λ − SSᵀ))⁻¹S₊': A.sub(q.S, A.mul(Minv, q.Splus)) };
  }),
  sabotage: { description: 'the sign inside the inverse flipped: (I − η(Λ − SSᵀ))⁻¹S₊', check: (x) => inverseForm(x, -1) },
});

// ——— expansion ———

function expansion(x: C7Instance, c2 = 1): Comparison[] {
  const p = parts(x);
  const eta2 = c2 * x.eta * x.eta;
  const tail1 = mul(p.LSSt, x.S);
  const tail2 = mul(mul(p.LSSt, p.Minv), p.Splus);
  const m1 = x.eta * x.eta * p.nL * p.nS ** 3;
  const m2 = x.eta * x.eta * p.nL * p.nS * p.nS * p.inv * p.mSp;
  return [
    equal('S₊ = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀS', p.Splus, combine([1, p.H], [eta2, tail1]), p.mSp + p.mH + m1),
    equal('S₊ = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹S₊', p.Splus, combine([1, p.H], [eta2, tail2]), p.mSp + p.mH + m2),
  ];
}

export const c7Expansion = step({
  id: 'jcd.lemma-c.7.expansion',
  where:
    '"by definition of S₊, we have S₊ = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀS = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹S₊" (the second line substitutes the inverse form of S)',
  kind: 'identity',
  statement: 'S₊ = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀS = (I + ηΛ)S(I − ηSᵀS) + η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹S₊',
  check: (x) => expansion(x),
  exact: exactForm((A, q, sab) => {
    const c = sab ? A.F.neg(q.eta2) : q.eta2;
    return {
      'S₊ − (I + ηΛ)S(I − ηSᵀS) − η²ΛSSᵀS': A.sub(q.Splus, A.add(q.H, A.scale(c, A.mul(q.LSSt, q.S)))),
      'S₊ − (I + ηΛ)S(I − ηSᵀS) − η²ΛSSᵀM⁻¹S₊': A.sub(q.Splus, A.add(q.H, A.scale(c, A.mul(q.LSSt, q.Minv, q.Splus)))),
    };
  }),
  sabotage: { description: 'the correction η²ΛSSᵀS given a minus sign (−η²)', check: (x) => expansion(x, -1) },
});

// ——— rearranged ———

function rearranged(x: C7Instance, sign = -1): Comparison[] {
  const p = parts(x);
  const W = sign === -1 ? p.W : combine([1, p.I], [x.eta * x.eta, mul(p.LSSt, p.Minv)]);
  return [equal('(I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹)S₊ = (I + ηΛ)S(I − ηSᵀS)', mul(W, p.Splus), p.H, p.mW * p.mSp + p.mH)];
}

export const c7Rearranged = step({
  id: 'jcd.lemma-c.7.rearranged',
  where: '"Therefore, (I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹)S₊ = (I + ηΛ)S(I − ηSᵀS)"',
  kind: 'identity',
  statement: '(I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹)S₊ = (I + ηΛ)S(I − ηSᵀS)',
  check: (x) => rearranged(x),
  exact: exactForm((A, q, sab) => {
    const W = A.add(q.I, A.scale(sab ? q.eta2 : A.F.neg(q.eta2), A.mul(q.LSSt, q.Minv)));
    return { '(I − η²ΛSSᵀM⁻¹)S₊ − (I + ηΛ)S(I − ηSᵀS)': A.sub(A.mul(W, q.Splus), q.H) };
  }),
  sabotage: { description: 'I + η²ΛSSᵀ(…)⁻¹ in place of I − η²ΛSSᵀ(…)⁻¹', check: (x) => rearranged(x, 1) },
});

// ——— lower ———

function lower(x: C7Instance, useSigma1 = false): Comparison[] {
  const p = parts(x);
  const { eta } = x;
  const factor = 1 + eta * x.lambda[useSigma1 ? 0 : x.r - 1];
  const sH = sigmaMin(p.H);
  const sG = sigmaMin(p.G);
  const sr = sigmaMin(x.S);
  // Rounding: σ_r of H and of S(I − ηSᵀS) within multiples of u times their magnitudes; σ_r(S) within a
  // multiple of u‖S‖_F, carried by g′ = 1 − 3ησ_r(S)² (|g′| ≤ 1).
  return [
    atLeast('σ_r((I + ηΛ)S(I − ηSᵀS)) ≥ (1 + ησ_r)σ_r(S(I − ηSᵀS))', sH, factor * sG, p.mH + factor * p.mG),
    equal('(1 + ησ_r)σ_r(S(I − ηSᵀS)) = (1 + ησ_r)σ_r(S)(1 − ησ_r(S)²)', factor * sG, factor * sr * (1 - eta * sr * sr), factor * (p.mG + p.nS)),
  ];
}

export const c7Lower = step({
  id: 'jcd.lemma-c.7.lower',
  where:
    '"By Lemma C.4, we have σ_r((I + ηΛ)S(I − ηSᵀS)) ≥ (1 + ησ_r)σ_r(S(I − ηSᵀS)) = (1 + ησ_r)σ_r(S)(1 − ησ_r(S)²)" (the first link is not Lemma C.4: see the module comment)',
  kind: 'inequality',
  statement: 'σ_r((I + ηΛ)S(I − ηSᵀS)) ≥ (1 + ησ_r)σ_r(S(I − ηSᵀS)) = (1 + ησ_r)σ_r(S)(1 − ησ_r(S)²)',
  check: (x) => lower(x),
  sabotage: { description: '(1 + ησ₁) (the largest σ) in place of (1 + ησ_r)', check: (x) => lower(x, true) },
});

// ——— upper ———

function upper(x: C7Instance, c = 2): Comparison[] {
  const p = parts(x);
  const { eta } = x;
  const WS = mul(p.W, p.Splus);
  const sp = sigmaMin(p.Splus);
  const nW = opNorm(p.W);
  const nLSSt = opNorm(p.LSSt);
  const nD = opNorm(p.D);
  const mid = (1 + (eta * eta * nLSSt) / (1 - eta * nD)) * sp;
  const last = (1 + c * eta * eta * nLSSt) * sp;
  // Rounding: σ_r(WS₊), ‖W‖, σ_r(S₊) within multiples of u times the magnitudes of W, S₊; ‖ΛSSᵀ‖ and
  // ‖Λ − SSᵀ‖ within u‖Λ‖_F‖S‖²_F and u(‖Λ‖_F + ‖S‖²_F), times η² (resp. η·2η²‖ΛSSᵀ‖·4) and σ_r(S₊).
  const mSp = p.mSp;
  const mNorms = eta * eta * p.nL * p.nS * p.nS * (1 + 4 * eta * (p.nL + p.nS * p.nS));
  return [
    atMost('σ_r((I − η²ΛSSᵀM⁻¹)S₊) ≤ ‖I − η²ΛSSᵀM⁻¹‖σ_r(S₊)', sigmaMin(WS), nW * sp, 2 * p.mW * mSp),
    atMost('‖I − η²ΛSSᵀM⁻¹‖σ_r(S₊) ≤ (1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊)', nW * sp, mid, 2 * p.mW * mSp + mNorms * sp),
    atMost(`(1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊) ≤ (1 + ${c}η²‖ΛSSᵀ‖)σ_r(S₊)`, mid, last, mNorms * sp + mSp),
  ];
}

export const c7Upper = step({
  id: 'jcd.lemma-c.7.upper',
  where:
    '"On the other hand, by Lemma C.5, σ_r((I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹)S₊) ≤ ‖I − η²ΛSSᵀ(I + η(Λ − SSᵀ))⁻¹‖σ_r(S₊) ≤ (1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊) ≤ (1 + 2η²‖ΛSSᵀ‖)σ_r(S₊)" (the first link is Lemma C.6; the last uses η‖Λ − SSᵀ‖ < 1/2)',
  kind: 'inequality',
  statement: 'σ_r((I − η²ΛSSᵀM⁻¹)S₊) ≤ ‖I − η²ΛSSᵀM⁻¹‖σ_r(S₊) ≤ (1 + η²‖ΛSSᵀ‖/(1 − η‖Λ − SSᵀ‖))σ_r(S₊) ≤ (1 + 2η²‖ΛSSᵀ‖)σ_r(S₊), M = I + η(Λ − SSᵀ)',
  check: (x) => upper(x),
  sabotage: { description: 'the factor 2 of the last bound dropped: (1 + η²‖ΛSSᵀ‖)σ_r(S₊)', check: (x) => upper(x, 1) },
});

// ——— combine ———

function combineStep(x: C7Instance, multiply = false): Comparison[] {
  const q = quantities(x);
  const a = 2 * q.coupling;
  const mid = multiply ? (1 + a) * q.X : q.X / (1 + a);
  return [
    atLeast(`σ_r(S₊) ≥ (1 + ησ_r)σ_r(S)(1 − ησ_r²(S))${multiply ? '·' : '/'}(1 + 2η²‖ΛSSᵀ‖)`, q.lhs, mid, q.scale),
    atLeast('X/(1 + 2η²‖ΛSSᵀ‖) ≥ (1 − 2η²‖ΛSSᵀ‖)X', q.X / (1 + a), (1 - a) * q.X, q.scale),
  ];
}

export const c7Combine = step({
  id: 'jcd.lemma-c.7.combine',
  where: '"Combining, we have σ_r(S₊) ≥ (1 + ησ_r)σ_r(S)(1 − ησ_r²(S))/(1 + 2η²‖ΛSSᵀ‖) ≥ (1 − 2η²‖ΛSSᵀ‖)(1 + ησ_r)σ_r(S)(1 − ησ_r²(S))"',
  kind: 'inequality',
  statement: 'σ_r(S₊) ≥ X/(1 + 2η²‖ΛSSᵀ‖) ≥ (1 − 2η²‖ΛSSᵀ‖)X, X = (1 + ησ_r)σ_r(S)(1 − ησ_r²(S))',
  check: (x) => combineStep(x),
  sabotage: { description: 'X·(1 + 2η²‖ΛSSᵀ‖) in place of X/(1 + 2η²‖ΛSSᵀ‖)', check: (x) => combineStep(x, true) },
});
