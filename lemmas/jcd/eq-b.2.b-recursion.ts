/**
 * JCD Prop. B.2, proof of Item 5 — the bound on ‖B_{s+1}‖²_F: the inequality right after the
 * identity (lemmas/jcd/prop-b.2.b-norm-identity.ts),
 *
 *   ‖B_{s+1}‖²_F ≤ ‖B_s‖²_F − 2ηλ_r(P_s)‖B_s‖²_F + η‖B_sᵀB_s‖_F‖K_sᵀK_s + J_sᵀJ_s‖_F + η‖A_sᵀB_s‖_F‖K_sᵀK_s − J_sᵀJ_s‖_F
 *                 + η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_s(K_sᵀK_s − J_sᵀJ_s)/2 − B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F,
 *
 * and, "combining with Item 4",
 *
 *   ‖B_{s+1}‖²_F ≤ (1 + γησ_r/2)‖B_s‖²_F + 4ησ₁√σ₁√(m+n+k)(1 + γησ_r)^{2s}ρ²‖B_s‖_F
 *                 + 8η²σ₁³(m+n+k)(1 + γησ_r)^{4s}ρ⁴.                                         (B.2)
 *
 * One step from a state satisfying what the proof uses at step s (the induction hypotheses and their
 * consequences, as the proof states them): η ≤ γσ_r²/(600σ₁³); λ_r(P_s) ≥ −γσ_r/10 (Item 4);
 * ‖A_s‖ ≤ √(2σ₁), ‖B_s‖ ≤ √σ₁ (Items 4, 5); max{‖J_s‖, ‖K_s‖} ≤ (1 + γησ_r)^sρ√σ₁ (Item 3) and
 * ‖K_sᵀK_s ± J_sᵀJ_s‖_F ≤ γσ_r/10 (from the condition on ρ). s and ρ enter (B.2) only through
 * ε = (1 + γησ_r)^sρ, so an instance fixes ε with 2√(m+n+k)ε²σ₁ ≤ γσ_r/10 (which gives the last
 * hypothesis: ‖KᵀK ± JᵀJ‖_F ≤ √k·2ε²σ₁).
 *
 * Instances by construction: B = b√σ₁W_B/‖W_B‖; A = T^{1/2}W_A with T = Σ + BBᵀ + (γσ_r/10)I and
 * ‖W_A‖ ≤ 1 (so AAᵀ ⪯ T, i.e. λ_r(P) ≥ −γσ_r/10), scaled down if needed to ‖A‖ ≤ √(2σ₁); J, K with
 * operator norm ≤ ε√σ₁; F = [A + B; J], G = [A − B; K] and the step is the engine's (4.2) on Σ_X
 * (tail in [0, γσ_r]). W's are on coarse grids.
 *
 * The first inequality holds for any state (λ_r by Lemma C.8, Cauchy–Schwarz, dropping −η‖Q‖²), and
 * it is attained when J = K = 0, r = 1 and B ∥ the λ_r eigenvector; it also holds with the printed
 * identity's two errors, since it bounds both terms in absolute value. (B.2)'s constants ½, 4, 8 each
 * have a witness (the smallest value this instance needs with the other two at their printed values).
 */
import fc from 'fast-check';
import { jcdBlockStep } from '../../src/gd/index.ts';
import { combine, diag, eye, frobenius, type Mat, mul, mulAll, scale, transpose, vstack } from '../../src/linalg/dense.ts';
import { lambdaMin, opNorm, symmetricEigen } from '../../src/linalg/spectral.ts';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { jcdBlockMagnitudes, stepMagnitudes } from '../../src/claims/magnitudes.ts';
import type { ConstantValues } from '../../src/claims/types.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { fractionOfMax, gridMatrix, inRange, spectrum, dimension } from '../../src/random/arbitraries.ts';
import { openFraction } from '../../src/random/jcd-instances.ts';

interface B2Instance {
  readonly m: number;
  readonly n: number;
  readonly r: number;
  readonly k: number;
  readonly sigma: Mat;
  readonly sigma1: number;
  readonly sigmaR: number;
  readonly gamma: number;
  /** ε = (1 + γησ_r)^sρ: ‖J‖, ‖K‖ ≤ ε√σ₁. */
  readonly epsilon: number;
  readonly F: Mat;
  readonly G: Mat;
  readonly eta: number;
}

/** W scaled to operator norm `norm` (zero stays zero). */
function withNorm(W: Mat, norm: number): Mat {
  const w = opNorm(W);
  return w > 0 ? scale(W, norm / w) : W;
}

/** T^{1/2} of a symmetric positive definite T. */
function sqrtm(T: Mat): Mat {
  const { values, vectors } = symmetricEigen(T);
  return mulAll(vectors, diag(values.map((v) => Math.sqrt(Math.max(0, v)))), transpose(vectors));
}

function instances(fixed: Readonly<Record<string, number>>): fc.Arbitrary<B2Instance> {
  return fc
    .record({
      r: dimension(1, 3),
      extra: dimension(0, 2),
      mc: dimension(0, 2),
      nc: dimension(0, 2),
      sigma1: inRange(0.5, 2),
      ratio: inRange(0.05, 1),
      gamma: openFraction(),
    })
    .chain(({ r, extra, mc, nc, sigma1, ratio, gamma }) => {
      const [m, n, k] = [r + mc, r + nc, r + extra];
      const sigmaR = r === 1 ? sigma1 : ratio * sigma1;
      const epsMax = Math.sqrt((gamma * sigmaR) / (20 * sigma1 * Math.sqrt(m + n + k)));
      return fc
        .record({
          head: spectrum(Math.max(0, r - 2), sigmaR, sigma1),
          tail: spectrum(Math.min(mc, nc), 0, gamma * sigmaR),
          WB: gridMatrix(r, k, 2, 8),
          b: fractionOfMax(),
          WA: gridMatrix(r, k, 2, 8),
          a: fractionOfMax(),
          WJ: gridMatrix(mc, k, 2, 8),
          WK: gridMatrix(nc, k, 2, 8),
          j: fractionOfMax(),
          kk: fractionOfMax(),
          e: fixed.epsFactor === undefined ? fractionOfMax() : fc.constant(fixed.epsFactor),
          f: fixed.etaFactor === undefined ? fractionOfMax() : fc.constant(fixed.etaFactor),
        })
        .map(({ head, tail, WB, b, WA, a, WJ, WK, j, kk, e, f }) => {
          const top = r === 1 ? [sigma1] : [sigma1, ...head, sigmaR];
          const Sigma = diag(top);
          const B = withNorm(WB, b * Math.sqrt(sigma1));
          const T = combine([1, Sigma], [1, mul(B, transpose(B))], [(gamma * sigmaR) / 10, eye(r)]);
          let A = mul(sqrtm(T), withNorm(WA, a));
          if (opNorm(A) > Math.sqrt(2 * sigma1)) A = withNorm(A, Math.sqrt(2 * sigma1));
          const epsilon = e * epsMax;
          const J = withNorm(WJ, j * epsilon * Math.sqrt(sigma1));
          const K = withNorm(WK, kk * epsilon * Math.sqrt(sigma1));
          return {
            m,
            n,
            r,
            k,
            sigma: diag([...top, ...tail], m, n),
            sigma1,
            sigmaR,
            gamma,
            epsilon,
            F: vstack(combine([1, A], [1, B]), J),
            G: vstack(combine([1, A], [-1, B]), K),
            eta: (f * gamma * sigmaR ** 2) / (600 * sigma1 ** 3),
          };
        });
    });
}

interface Sides {
  readonly lhs: number;
  readonly lhsScale: number;
  /** The first inequality's right side and its rounding scale. */
  readonly first: number;
  readonly firstScale: number;
  /** (B.2)'s terms: ‖B‖², γησ_r‖B‖², ησ₁^{3/2}√(m+n+k)ε²‖B‖_F, η²σ₁³(m+n+k)ε⁴ (without their constants). */
  readonly b2: number;
  readonly growth: number;
  readonly cross: number;
  readonly constant: number;
  readonly b2Scale: number;
}

function sides(x: B2Instance): Sides {
  const eta = x.eta;
  const { before: s, after } = jcdBlockStep(x.sigma, x.F, x.G, x.r, eta);
  const { A, B, P, Q, M, N } = s;
  const nB = frobenius(B);
  const lam = lambdaMin(P);
  const [BtB, AtB] = [mul(transpose(B), B), mul(transpose(A), B)];
  const G = combine([-1, mul(P, B)], [1, mul(Q, A)], [-1, mul(A, N)], [-1, mul(B, M)]);
  // 2M = KᵀK + JᵀJ, 2N = KᵀK − JᵀJ.
  const first = nB ** 2 - 2 * eta * lam * nB ** 2 + eta * frobenius(BtB) * 2 * frobenius(M) + eta * frobenius(AtB) * 2 * frobenius(N) + eta * eta * frobenius(G) ** 2;
  // Magnitudes (src/claims/magnitudes.ts): B_{s+1} is formed from F₊, G₊; P from Σ and AAᵀ; the error
  // of ‖X‖² is at most 2‖X‖·|X|, that of λ_r(P) a multiple of |P|.
  const [mb, ma] = [jcdBlockMagnitudes(x.sigma, x.F, x.G, x.r), stepMagnitudes(x.sigma, x.F, x.G, eta)];
  const gMag = mb.P * mb.B + mb.Q * mb.A + mb.A * mb.N + mb.B * mb.M;
  const firstScale =
    2 * nB * mb.B * (1 + 2 * eta * Math.abs(lam)) +
    2 * eta * mb.P * nB ** 2 +
    4 * eta * (mb.B * mb.B * frobenius(M) + frobenius(BtB) * mb.M + mb.A * mb.B * frobenius(N) + frobenius(AtB) * mb.N) +
    2 * eta * eta * frobenius(G) * gMag;
  const dim = x.m + x.n + x.k;
  const eps2 = x.epsilon ** 2;
  return {
    lhs: frobenius(after.B) ** 2,
    lhsScale: 2 * frobenius(after.B) * ma.B,
    first,
    firstScale,
    b2: nB ** 2,
    growth: x.gamma * eta * x.sigmaR * nB ** 2,
    cross: eta * x.sigma1 ** 1.5 * Math.sqrt(dim) * eps2 * nB,
    constant: eta * eta * x.sigma1 ** 3 * dim * eps2 * eps2,
    b2Scale: 2 * nB * mb.B * (1 + x.gamma * eta * x.sigmaR) + 4 * eta * x.sigma1 ** 1.5 * Math.sqrt(dim) * eps2 * mb.B,
  };
}

function b2Bound(q: Sides, c: ConstantValues): number {
  return q.b2 + c.half * q.growth + c.four * q.cross + c.eight * q.constant;
}

function check(x: B2Instance, c: ConstantValues, growthSign = 1): Comparison[] {
  const q = sides(x);
  return [
    atMost('Item 5: ‖B_{s+1}‖²_F ≤ ‖B_s‖² − 2ηλ_r(P_s)‖B_s‖² + η‖BᵀB‖‖KᵀK+JᵀJ‖ + η‖AᵀB‖‖KᵀK−JᵀJ‖ + η²‖…‖²', q.lhs, q.first, q.lhsScale + q.firstScale),
    atMost(
      '(B.2): ‖B_{s+1}‖²_F ≤ (1 + γησ_r/2)‖B_s‖² + 4ησ₁^{3/2}√(m+n+k)ε²‖B_s‖ + 8η²σ₁³(m+n+k)ε⁴',
      q.lhs,
      b2Bound(q, { ...c, half: growthSign * c.half }),
      q.lhsScale + q.b2Scale,
    ),
  ];
}

/** The smallest value of one constant this instance needs, the others at their printed values. */
function witness(name: 'half' | 'four' | 'eight', unit: (q: Sides) => number) {
  return (x: B2Instance, tol: number) => {
    const q = sides(x);
    const others = b2Bound(q, { ...PRINTED, [name]: 0 });
    const u = unit(q);
    return u > 0 ? (q.lhs - others - tol * (q.lhsScale + q.b2Scale)) / u : Number.NEGATIVE_INFINITY;
  };
}

const PRINTED = { half: 0.5, four: 4, eight: 8 } as const;

export const eqB2 = defineClaim<B2Instance>({
  id: 'jcd.eq-b.2.b-recursion',
  source: { paper: 'JCD', where: 'Prop. B.2, proof of Item 5: the inequality after the identity, and (B.2)' },
  kind: 'inequality',
  statement:
    '‖B_{s+1}‖²_F ≤ ‖B_s‖²_F − 2ηλ_r(P_s)‖B_s‖²_F + η‖B_sᵀB_s‖_F‖K_sᵀK_s + J_sᵀJ_s‖_F + η‖A_sᵀB_s‖_F‖K_sᵀK_s − J_sᵀJ_s‖_F + η²‖−P_sB_s + (A_sB_sᵀ − B_sA_sᵀ)A_s − A_s(K_sᵀK_s − J_sᵀJ_s)/2 − B_s(K_sᵀK_s + J_sᵀJ_s)/2‖²_F ' +
    '≤ … (B.2): ‖B_{s+1}‖²_F ≤ (1 + γησ_r/2)‖B_s‖²_F + 4ησ₁√σ₁√(m+n+k)(1+γησ_r)^{2s}ρ²‖B_s‖_F + 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴',
  hypotheses: [
    'Σ_X diagonal, Σ = diag(σ₁ ≥ … ≥ σ_r), tail ⪯ γσ_r, γ ∈ (0, 1); k ≥ r',
    '0 < η ≤ γσ_r²/(600σ₁³)',
    'λ_r(P_s) ≥ −γσ_r/10, ‖A_s‖ ≤ √(2σ₁), ‖B_s‖ ≤ √σ₁ (Items 4, 5 and their consequences)',
    'max{‖J_s‖, ‖K_s‖} ≤ ε√σ₁ with ε = (1 + γησ_r)^sρ and 2√(m+n+k)ε²σ₁ ≤ γσ_r/10 (Item 3 and the condition on ρ)',
  ],
  choices: { stepIndex: 's and ρ enter only through ε = (1 + γησ_r)^sρ, which an instance samples in [0, ε_max]' },
  constants: {
    half: { printed: () => PRINTED.half, formula: '½ (in 1 + γησ_r/2)' },
    four: { printed: () => PRINTED.four, formula: '4 (in 4ησ₁√σ₁√(m+n+k)(1+γησ_r)^{2s}ρ²‖B_s‖_F)' },
    eight: { printed: () => PRINTED.eight, formula: '8 (in 8η²σ₁³(m+n+k)(1+γησ_r)^{4s}ρ⁴)' },
  },
  instances: instances({}),
  parameters: {
    specs: {
      etaFactor: { description: 'η as a multiple of γσ_r²/(600σ₁³)', allowed: [0, 1], explore: [1, 1e4], scale: 'log' },
      epsFactor: { description: 'ε = (1+γησ_r)^sρ as a multiple of √(γσ_r/(20σ₁√(m+n+k)))', allowed: [0, 1], explore: [1, 1e3], scale: 'log' },
    },
    instances,
  },
  size: (x) => Math.max(x.m, x.n, x.k),
  check: (x, c) => check(x, c),
  witness: {
    half: witness('half', (q) => q.growth),
    four: witness('four', (q) => q.cross),
    eight: witness('eight', (q) => q.constant),
  },
  expected: 'holds',
  runs: 1000,
  sabotage: { description: 'sign of the growth term flipped: (1 − γησ_r/2)‖B_s‖²_F', check: (x, c) => check(x, c, -1) },
});

