/**
 * JCD Lemma C.5, its proof step by step. Hypotheses: the lemma's, as printed (S ∈ ℝ^{r×r},
 * ‖S‖ < 1): the predicates of jcd.lemma-c.5 on its builder (lemmas/jcd/lemma-c.5.ts: S = s·W/‖W‖,
 * s ∈ [0, 0.999], W on a grid or minus an orthogonal matrix, where the bound is attained).
 * T = Σ_{i≥0} (−1)ⁱSⁱ.
 *
 * The steps (both hold as printed):
 *  neumann  "the matrix T = Σ(−1)ⁱSⁱ is well defined and indeed T is the inverse of I + S":
 *           (I + S)T = T(I + S) = I, T summed to its limit in doubles as Π_{j<m}(I + (−S)^{2^j}) =
 *           Σ_{i<2^m}(−1)ⁱSⁱ, m the first with ‖S‖^{2^m} below 2⁻⁶⁰ (m ≤ 16 for ‖S‖ ≤ 0.999), where the
 *           truncation I − S^{2^m} of (I + S)T is below rounding; and so ‖(I + S)⁻¹‖ = ‖T‖ (the
 *           first step of (C.2)).
 *  chain    (C.2) ‖(I + S)⁻¹‖ = ‖T‖ ≤ Σ‖Sⁱ‖ ≤ Σ‖S‖ⁱ = 1/(1 − ‖S‖) ("By continuity, subadditivity and
 *           submultiplicativity"): the partial sums T_N = Σ_{i<N}(−1)ⁱSⁱ satisfy ‖T_N‖ ≤ Σ_{i<N}‖Sⁱ‖
 *           (subadditivity) for N = 1, …, 24, Σ_{i<N}‖Sⁱ‖ ≤ Σ_{i<N}‖S‖ⁱ (submultiplicativity) and
 *           Σ_{i<N}‖S‖ⁱ ≤ 1/(1 − ‖S‖); and, at the limit ("continuity"), ‖(I + S)⁻¹‖ ≤ Σ_{i<24}‖Sⁱ‖ +
 *           ‖S²⁴‖/(1 − ‖S‖) (the tail Σ_{i≥24}‖Sⁱ‖ bounded above by submultiplicativity: the series
 *           cannot be summed term by term in reasonable time for ‖S‖ near 1, up to 4·10⁴ terms).
 */
import { add, combine, eye, frobenius, type Mat, mul } from '../../../src/linalg/dense.ts';
import { inverse, opNorm } from '../../../src/linalg/spectral.ts';
import { atMost, type Comparison, equal } from '../../../src/claims/compare.ts';
import { type C5Instance, instances as c5Instances, lemmaC5 } from '../lemma-c.5.ts';
import { lemmaStepClaim, type LemmaProof, type LemmaStepSpec } from './general.ts';

const PROOF: LemmaProof<C5Instance> = { proof: 'Lemma C.5, proof', hypotheses: lemmaC5.hypotheses, instances: c5Instances, size: (x) => x.r };
const step = (c: LemmaStepSpec<C5Instance>) => lemmaStepClaim(PROOF, c);

/** Σ_{i<2^m} (sign·S)ⁱ = Π_{j<m}(I + (sign·S)^{2^j}), m the first with ‖S‖^{2^m} < 2⁻⁶⁰; and m. */
function neumannSum(S: Mat, sign: number): { T: Mat; m: number } {
  const r = S.rows;
  const s = opNorm(S);
  let X = combine([sign, S]);
  let T = eye(S.rows);
  let m = 0;
  while (m < 40 && (m === 0 || s ** (2 ** m) >= 2 ** -60)) {
    T = mul(T, add(eye(r), X));
    X = mul(X, X);
    m++;
  }
  return { T, m };
}

function neumann(x: C5Instance, sign = -1): Comparison[] {
  const { T, m } = neumannSum(x.S, sign);
  const IS = add(eye(x.r), x.S);
  // Rounding (first order): squaring doubles the relative error of S^{2^j} and adds γ_r, so
  // ‖fl(S^{2^j}) − S^{2^j}‖ ≲ 2^j‖S‖^{2^j}·√r·γ_r ≤ √r·γ_r/(1 − ‖S‖) (2^j s^{2^j} ≤ 1/(e(1 − s)));
  // each factor's error is multiplied by the others' norms, Π(1 + ‖S‖^{2^j}) ≤ 1/(1 − ‖S‖); the m
  // products add m·√r·γ_r/(1 − ‖S‖); then times ‖I + S‖_F.
  const s = Math.min(opNorm(x.S), 1 - 1e-3);
  const scale = (2 * m * Math.sqrt(x.r) * frobenius(IS)) / (1 - s) ** 2;
  // ‖(I + S)⁻¹‖ (LU inverse: within a multiple of u·κ(I + S)‖(I + S)⁻¹‖) against ‖T‖.
  const inv = inverse(IS);
  const nInv = frobenius(inv);
  return [
    equal('(I + S)T = I', mul(IS, T), eye(x.r), scale),
    equal('T(I + S) = I', mul(T, IS), eye(x.r), scale),
    equal('‖(I + S)⁻¹‖ = ‖T‖', opNorm(inv), opNorm(T), scale / frobenius(IS) + (frobenius(IS) * nInv + 1) * nInv),
  ];
}

export const c5Neumann = step({
  id: 'jcd.lemma-c.5.neumann',
  where: '"Since ‖S‖ < 1, the matrix T = Σ_{i=0}^∞ (−1)ⁱSⁱ is well defined and indeed T is the inverse of I + S"',
  kind: 'identity',
  statement: 'T = Σ_{i≥0} (−1)ⁱSⁱ (‖S‖ < 1) satisfies (I + S)T = T(I + S) = I (so ‖(I + S)⁻¹‖ = ‖T‖, the first step of (C.2))',
  check: (x) => neumann(x),
  exact: {
    skip: 'an infinite series: its value is not a rational function of the entries; the finite identity behind it, (I + S)Σ_{i<N}(−1)ⁱSⁱ = I − (−S)^N, is a polynomial identity, and the limit is what the numerical check (summed to ‖S‖^N < 2⁻⁶⁰) tests',
  },
  sabotage: { description: 'the signs dropped: T = ΣSⁱ (the inverse of I − S)', check: (x) => neumann(x, +1) },
});

const PARTIAL = 24;

function chain(x: C5Instance, first = 0): Comparison[] {
  const { S, r } = x;
  const s = opNorm(S);
  const nF = frobenius(S);
  const out: Comparison[] = [];
  let P = eye(r); // Sⁱ
  let TN = combine([0, P]); // Σ_{i<N} (−1)ⁱSⁱ
  let sumNorms = 0; // Σ_{first ≤ i<N} ‖Sⁱ‖
  let geometric = 0; // Σ_{i<N} ‖S‖ⁱ
  let sumF = 0; // Σ_{i<N} ‖S‖_F^i ∧ (a magnitude for rounding)
  for (let N = 1; N <= PARTIAL; N++) {
    const i = N - 1;
    TN = combine([1, TN], [i % 2 === 0 ? 1 : -1, P]);
    if (i >= first) sumNorms += opNorm(P);
    geometric += s ** i;
    // Rounding: Sⁱ is formed within i·γ_r·‖S‖_F^i (each ‖S‖^j ≤ √r·s^j), its norm within u of that.
    sumF += Math.sqrt(r) * (1 + i) * s ** i;
    out.push(atMost(`‖T_${N}‖ ≤ Σ_{i<${N}}‖Sⁱ‖`, opNorm(TN), sumNorms, 2 * sumF));
    P = mul(P, S);
  }
  const bound = 1 / (1 - s);
  // Σ_{i≥N}‖Sⁱ‖ ≤ ‖S^N‖Σ_j‖S‖^j = ‖S^N‖/(1 − ‖S‖) (submultiplicativity): P = S^N here.
  const tail = opNorm(P) * bound;
  const inv = inverse(add(eye(r), S));
  const nInv = frobenius(inv);
  const kappa = frobenius(add(eye(r), S)) * nInv;
  out.push(
    atMost(`Σ_{i<${PARTIAL}}‖Sⁱ‖ ≤ Σ_{i<${PARTIAL}}‖S‖ⁱ`, sumNorms, geometric, 2 * sumF),
    atMost(`Σ_{i<${PARTIAL}}‖S‖ⁱ ≤ 1/(1 − ‖S‖)`, geometric, bound, 2 * sumF + nF * bound * bound),
    atMost(`‖(I + S)⁻¹‖ ≤ Σ_{i<${PARTIAL}}‖Sⁱ‖ + ‖S^${PARTIAL}‖/(1 − ‖S‖)`, opNorm(inv), sumNorms + tail, (kappa + 1) * nInv + 2 * sumF + nF * bound * bound),
  );
  return out;
}

export const c5Chain = step({
  id: 'jcd.lemma-c.5.chain',
  where: '(C.2) "By continuity, subadditivity and submultiplicativity of operator norm, ‖(I + S)⁻¹‖ = ‖T‖ ≤ Σ‖Sⁱ‖ ≤ Σ‖S‖ⁱ = 1/(1 − ‖S‖)"',
  kind: 'inequality',
  statement:
    '‖(I + S)⁻¹‖ = ‖T‖ ≤ Σ_{i≥0}‖Sⁱ‖ ≤ Σ_{i≥0}‖S‖ⁱ = 1/(1 − ‖S‖) (partial sums to 24 terms, and the limit with the tail Σ_{i≥24}‖Sⁱ‖ ≤ ‖S²⁴‖/(1 − ‖S‖))',
  check: (x) => chain(x),
  sabotage: { description: 'the i = 0 term dropped from Σ‖Sⁱ‖ (Σ_{i≥1}‖Sⁱ‖)', check: (x) => chain(x, 1) },
});
