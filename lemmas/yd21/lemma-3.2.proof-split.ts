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
 * (P′ = (I − η(Σ − P))P(I − η(Σ − P))): `splitOf(…, s = −1)`, checked in
 * yd21.lemma-3.3.proof-steps.
 *
 * Scale: computed by the magnitude model (src/claims/measured.ts) from the one definition below; the
 * two ΣSΣ terms can be large when β → 1 and cancel, so both count.
 */
import { magnitudeOps, residualComparisons } from '../../src/claims/measured.ts';
import { measuredLemmaInputs } from '../../src/gd/measured-step.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { LEMMA_3_2 } from '../../src/hypotheses/lemma.ts';
import { type LemmaInstance, lemmaInstance } from '../../src/random/lemma-instances.ts';
import fc from 'fast-check';
import { EACH_DIMENSION, LEMMA_INSTANCES, type LemmaResiduals, lemmaStateExact } from '../../src/exact/states.ts';
import { lemmaSymbolic } from '../../src/exact/symbolic-steps.ts';
import { dimension } from '../../src/random/arbitraries.ts';
import { lemmaUpdate } from './lemma-3.2.ts';

/** What the split reads: Σ, X (S or P), β, η and the dimension d. */
interface SplitInputs<M, S, D> {
  readonly Sigma: M;
  readonly X: M;
  readonly beta: S;
  readonly eta: S;
  readonly d: D;
}

/**
 * X′ = (I + sη(Σ − X))X(I + sη(Σ − X)) and the three terms of App. C's split, with s = +1 (Lemma 3.2,
 * X = S) or s = −1 (Lemma 3.3, X = P), written once against the generic algebra:
 *   T₁ = βX − 2sηX² + η²X³,  T₂ = (1 − β)X + sη(ΣX + XΣ) + η²/(1 − β)·ΣXΣ,  T₃ = −β/(1 − β)·ΣXΣ − ΣXX − XXΣ,
 * so that X′ = T₁ + T₂ + η²T₃ (X′ is the lemmas' own lemmaUpdate). `flipT3` flips the sign of −ΣXX
 * (the sabotage). The proof steps (yd21.lemma-3.2.proof-steps, yd21.lemma-3.3.proof-steps) evaluate
 * the same terms in the magnitude model.
 */
export function splitOf<M, S, D>(A: MatrixOps<M, S, D>, x: SplitInputs<M, S, D>, s: 1 | -1, flipT3 = false) {
  const { F, mul, combine } = A;
  const { Sigma, X, beta, eta } = x;
  const se = s === 1 ? eta : F.neg(eta);
  const e2 = F.mul(eta, eta);
  const omb = F.sub(F.one, beta);
  const X2 = mul(X, X);
  const SXS = mul(Sigma, X, Sigma);
  const T1 = combine([beta, X], [F.mul(A.int(-2), se), X2], [e2, mul(X2, X)]);
  const T2 = combine([omb, X], [se, mul(Sigma, X)], [se, mul(X, Sigma)], [F.div(e2, omb), SXS]);
  const T3 = combine([F.neg(F.div(beta, omb)), SXS], [flipT3 ? F.one : A.int(-1), mul(Sigma, X2)], [A.int(-1), mul(X2, Sigma)]);
  return { Xprime: lemmaUpdate(A, Sigma, X, eta, x.d, s), T1, T2, T3 };
}

/** The split's residual S′ − (T₁ + T₂ + η²T₃), for Lemma 3.2 (s = +1, X = S); sabotaged: the sign of −ΣSS flipped. */
const splitResidual: LemmaResiduals = (A, x, sabotaged) => {
  const t = splitOf(A, { Sigma: x.Sigma, X: x.S, beta: x.beta, eta: x.eta, d: x.d }, 1, sabotaged);
  return { 'S′ − (T₁ + T₂ + η²T₃)': A.sub(t.Xprime, A.combine([A.F.one, t.T1], [A.F.one, t.T2], [A.F.mul(x.eta, x.eta), t.T3])) };
};

const check = (x: LemmaInstance, sabotaged = false) => residualComparisons(splitResidual(magnitudeOps, measuredLemmaInputs(x), sabotaged));

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
  exact: {
    instances: LEMMA_INSTANCES,
    dims: fc.record({ d: dimension(1, 3) }),
    certifyAt: [{ d: 1 }, { d: 2 }, { d: 3 }],
    coverage: EACH_DIMENSION,
    // N = 2²⁰ + 1: the mechanical bound is loose here (≈ 50, from the denominators 1 − β = c² and tr Σ).
    setSize: 2 ** 20 + 1,
    evaluate: (A, { d }, v, sabotaged) => {
      const x = lemmaStateExact(A, d, v);
      return { instance: { Sigma: x.Sigma, S: x.S, beta: x.beta, eta: x.eta }, residuals: splitResidual(A, { ...x, d }, sabotaged) };
    },
  },
  symbolic: lemmaSymbolic(splitResidual),
  expected: 'holds',
  sabotage: { description: 'sign of −ΣSS flipped in the third term', check: (x) => check(x, true) },
});
