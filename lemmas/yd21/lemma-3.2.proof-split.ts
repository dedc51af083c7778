/**
 * YD21, proof of Lemma 3.2 (App. C of the preprint, 001; the NeurIPS copy has no appendix), first
 * display: "we can expand the expression of S′ and split it in the following terms"
 *
 *   S′ = [βS − 2ηS² + η²S³] + [(1 − β)S + ηΣS + ηSΣ + η²/(1 − β)·ΣSΣ] + η²[−β/(1 − β)·ΣSΣ − ΣSS − SSΣ],
 *
 * S′ = (I + η(Σ − S))S(I + η(Σ − S)); the paper then adds the three terms' smallest eigenvalues
 * (Weyl; checked in yd21.lemma-3.2.proof-steps). This claim is the exact matrix identity behind it:
 * S′ = S + η(ΣS + SΣ − 2S²) + η²(ΣSΣ − ΣS² − S²Σ + S³), and the ΣSΣ coefficients add up to
 * η²/(1 − β) − η²β/(1 − β) = η². It holds for every β ≠ 1.
 *
 * The same split with η → −η in the cross terms is the first display of the proof of Lemma 3.3
 * (P′ = (I − η(Σ − P))P(I − η(Σ − P))): `lemmaSplit(…, sign = −1)`, checked in
 * yd21.lemma-3.3.proof-steps.
 *
 * Scale: the Frobenius-norm magnitudes of every product (|I + ηX| as a factor: 1 + η|X|); the two
 * ΣSΣ terms can be large when β → 1 and cancel, so both count.
 */
import { combine, eye, frobenius, mul, mulAll, sub } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { LEMMA_3_2 } from '../../src/hypotheses/lemma.ts';
import { type LemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';
import fc from 'fast-check';
import { EACH_DIMENSION, LEMMA_INSTANCES, type LemmaResiduals, lemmaStateExact } from '../../src/exact/states.ts';
import { lemmaSymbolic } from '../../src/exact/symbolic-steps.ts';
import { dimension } from '../../src/random/arbitraries.ts';

/**
 * X′ = (I + sη(Σ − X))X(I + sη(Σ − X)) and the three terms of App. C's split, with s = +1 (Lemma 3.2,
 * X = S) or s = −1 (Lemma 3.3, X = P):
 *   T₁ = βX − 2sηX² + η²X³,  T₂ = (1 − β)X + sη(ΣX + XΣ) + η²/(1 − β)·ΣXΣ,  T₃ = −β/(1 − β)·ΣXΣ − ΣXX − XXΣ,
 * so that X′ = T₁ + T₂ + η²T₃; with the rounding magnitude of each.
 */
export function lemmaSplit(x: LemmaInstance, s: 1 | -1, flipT3 = false) {
  const { Sigma, X, beta, eta } = x;
  const F = combine([1, eye(x.d)], [s * eta, sub(Sigma, X)]);
  const X2 = mul(X, X);
  const SXS = mulAll(Sigma, X, Sigma);
  const T1 = combine([beta, X], [-2 * s * eta, X2], [eta * eta, mul(X2, X)]);
  const T2 = combine([1 - beta, X], [s * eta, mul(Sigma, X)], [s * eta, mul(X, Sigma)], [(eta * eta) / (1 - beta), SXS]);
  const T3 = combine([-beta / (1 - beta), SXS], [flipT3 ? 1 : -1, mul(Sigma, X2)], [-1, mul(X2, Sigma)]);
  const [mg, mx] = [frobenius(Sigma), frobenius(X)];
  return {
    Xprime: mulAll(F, X, F),
    T1,
    T2,
    T3,
    magnitudes: {
      Xprime: (1 + eta * (mg + mx)) ** 2 * mx,
      T1: beta * mx + 2 * eta * mx * mx + eta * eta * mx ** 3,
      T2: (1 - beta) * mx + 2 * eta * mg * mx + ((eta * eta) / (1 - beta)) * mg * mg * mx,
      T3: (beta / (1 - beta)) * mg * mg * mx + 2 * mg * mx * mx,
    },
  };
}

function check(x: LemmaInstance, flipT3 = false) {
  const t = lemmaSplit(x, 1, flipT3);
  const m = t.magnitudes;
  const sum = combine([1, t.T1], [1, t.T2], [x.eta * x.eta, t.T3]);
  return [equal('S′ = T₁ + T₂ + η²T₃', t.Xprime, sum, m.Xprime + m.T1 + m.T2 + x.eta * x.eta * m.T3)];
}

/** S′ = (I + η(Σ − S))S(I + η(Σ − S)) minus App. C's three terms; sabotaged: the sign of −ΣSS flipped. */
const splitResidual: LemmaResiduals = (A, { Sigma, S: X, beta, eta, I }, sabotaged) => {
  const { F, mul, sub, combine } = A;
  const e2 = F.mul(eta, eta);
  const omb = F.sub(F.one, beta);
  const G = combine([F.one, I], [eta, sub(Sigma, X)]);
  const X2 = mul(X, X);
  const SXS = mul(Sigma, X, Sigma);
  const T1 = combine([beta, X], [F.mul(A.int(-2), eta), X2], [e2, mul(X2, X)]);
  const T2 = combine([omb, X], [eta, mul(Sigma, X)], [eta, mul(X, Sigma)], [F.div(e2, omb), SXS]);
  const T3 = combine([F.neg(F.div(beta, omb)), SXS], [sabotaged ? F.one : A.int(-1), mul(Sigma, X2)], [A.int(-1), mul(X2, Sigma)]);
  return { 'S′ − (T₁ + T₂ + η²T₃)': sub(mul(G, X, G), combine([F.one, T1], [F.one, T2], [e2, T3])) };
};

export const lemma32Split = defineClaim<LemmaInstance>({
  id: 'yd21.lemma-3.2.proof-split',
  source: { paper: 'YD21', where: 'proof of Lemma 3.2, App. C (preprint)' },
  kind: 'identity',
  statement: 'S′ = (βS − 2ηS² + η²S³) + ((1 − β)S + ηΣS + ηSΣ + η²/(1 − β)·ΣSΣ) + η²(−β/(1 − β)·ΣSΣ − ΣSS − SSΣ), S′ = (I + η(Σ − S))S(I + η(Σ − S))',
  hypotheses: LEMMA_3_2, // the proof's displays are printed under the lemma's hypotheses
  instances: lemmaInstance((sigma1) => [2 * sigma1 * 1e-3, 2 * sigma1]),
  size: (x) => x.d,
  check: (x) => check(x),
  // Exact form: S′ − (T₁ + T₂ + η²T₃) (rational through 1/(1 − β) and η = fβ/(8 tr Σ)).
  symbolic: lemmaSymbolic(splitResidual),
  exact: {
    instances: LEMMA_INSTANCES,
    dims: fc.record({ d: dimension(1, 3) }),
    certifyAt: [{ d: 1 }, { d: 2 }, { d: 3 }],
    coverage: EACH_DIMENSION,
    // N = 2²⁰ + 1: the mechanical bound is loose here (≈ 50, from the denominators 1 − β = c² and tr Σ).
    setSize: 2 ** 20 + 1,
    evaluate: (A, { d }, v, sabotaged) => {
      const x = lemmaStateExact(A, d, v);
      return { instance: { Sigma: x.Sigma, S: x.S, beta: x.beta, eta: x.eta }, residuals: splitResidual(A, { ...x, I: A.eye(d) }, sabotaged) };
    },
  },
  expected: 'holds',
  sabotage: { description: 'sign of −ΣSS flipped in the third term', check: (x) => check(x, true) },
});
