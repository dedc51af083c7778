/**
 * YD21 App. F of the preprint, "Proof of Stage Two": the displayed steps not yet claims
 * elsewhere (the J/K decay is yd21.sec-3.3.stage-two, (23) is yd21.eq-23.stage-two-expansion, Ξ_T ≤ e^{8/5}
 * is yd21.app-f.xi-bound, ‖P‖² + ‖Q‖² = ‖Σ − UVᵀ‖² is yd21.sec-2.pq-split).
 *
 * ── step-1 (first paragraph), as printed: "Initially, ‖Δ₀‖_op = ‖P_{T₀} + Q_{T₀}‖_op where
 *    Q = ABᵀ − BAᵀ. Hence ‖Δ₀‖_op ≤ σ₁(P_{T₀}) + σ₁(Q_{T₀}) ≤ σ_d/4 + √(2σ₁)σ₁(B_{T₀}) ≤ σ_d/3."
 *    Hypotheses in force (lemmas/yd21/support/step-hypotheses.ts APP_F_START): Theorem 3.1's conclusions at T₀
 *    on the principal block (ε²/(c²d)I ⪯ AAᵀ ⪯ 2Σ, ‖B‖_F ≤ 2cdε, σ_d(A) ≥ √(σ_d/2), σ₁(P) ≤ σ_d/4) and
 *    the size of B that Theorem 3.1's ε gives, with its O-constant recorded: 2cdε ≤ b̄ = σ_d/(24√(2σ₁)).
 *    The middle "≤" rests on σ₁(Q) ≤ √(2σ₁)σ₁(B), which is false: ‖ABᵀ − BAᵀ‖ ≤ 2‖A‖‖B‖ and the factor
 *    2 is attained (A = αI, B skew: Q = −2αB). With ‖A‖ ≤ √(2σ₁) (AAᵀ ⪯ 2Σ) the bound is
 *    σ₁(Q) ≤ 2√(2σ₁)σ₁(B). The displayed sum fails when σ₁(P) is at its allowed σ_d/4. Exact
 *    counterexample (derived by hand, checked in Python fractions): d = 2, Σ = I, c = 1,
 *    A = diag(1, α), B = b·[[0, 1], [−1, 0]] with α = (k + 3/(4k))/2, b = (3/(4k) − k)/2, k = 43/50
 *    (α = 931/1075, b = 13/2150), ε = 1/400: P = diag(b², 1/4), σ₁(Q) = (1 + α)b, and
 *    σ₁(P) + σ₁(Q) − (1/4 + √2·b) = (1 + α − √2)b ≈ 0.00273 > 0 since (1 + α)² > 2 (all hypotheses
 *    hold exactly: ‖B‖²_F = 338/4622500 ≤ (2cdε)² = 1/10⁴, 2cdε = 1/100 ≤ b̄ = 1/(24√2), α² ≥ ½).
 *    Corrected (…/step-1/corrected): σ₁(P) + σ₁(Q) ≤ σ_d/4 + 2√(2σ₁)σ₁(B) ≤ σ_d/3, the last step needing
 *    σ₁(B) ≤ σ_d/(24√(2σ₁)) — exactly the b̄ above, a constant inside the same Õ(·) of ε.
 *
 * ── step-2 (same paragraph), as printed (the extraction garbles the line's start: "Then for U_{T₀}
 *    we have 2σ_d/3 ≤ σ_d/3 . σ_d(Σ) − σ₁(Δ₀) ≤ …"; read as the chain starting at 2σ_d/3):
 *    "2σ_d/3 ≤ σ_d(Σ) − σ₁(Δ₀) ≤ σ_d(U_{T₀}V_{T₀}ᵀ) ≤ σ_d(U_{T₀}U_{T₀}ᵀ) − 2σ₁(U_{T₀}B_{T₀}ᵀ)
 *     ≤ σ_d(U_{T₀}U_{T₀}ᵀ) − 4√(2σ₁)O(σ_d/√σ₁). Hence σ_d(U_{T₀}) ≥ √(σ_d/2). We can do the same thing
 *     on V_{T₀}."  O(σ_d/√σ₁) is read as b̄ (the bound on ‖B_{T₀}‖ in force).
 *    Since V = U − 2B, UVᵀ = UUᵀ − 2UBᵀ and Weyl gives σ_d(UVᵀ) ≤ σ_d(UUᵀ) + 2σ₁(UBᵀ): the printed
 *    "−" is the wrong sign, and with it the next "≤" (which needs 2σ₁(UBᵀ) ≥ 4√(2σ₁)b̄) fails too.
 *    Exact counterexample: d = 1, Σ = 1, A = 1, B = −1/100, c = 1, ε = 1/200 (all hypotheses hold:
 *    P = 1/10000, ‖B‖ = 2cdε = 1/100 ≤ b̄ = 1/(24√2)): U = 99/100, V = 101/100,
 *    σ_d(UVᵀ) = 9999/10000 > σ_d(UUᵀ) − 2σ₁(UBᵀ) = 9801/10000 − 198/10000 = 9603/10000.
 *    Corrected (…/step-2/corrected): "+" in both places; then σ_d(UUᵀ) ≥ 2σ_d/3 − 4√(2σ₁)b̄ = σ_d/2,
 *    so σ_d(U) ≥ √(σ_d/2) (and likewise V = A − B) — the conclusion the proof wants.
 *
 * ── step-3 (the Δ recursion), as printed: "Δ_{t+1} ≤ (1 − ησ_d/2)²Δ_t + O(η²σ₁²)Δ_t + O(ηε²σ₁(m+n))
 *    (1 − ησ_d/2)^{2t} ≤ (1 − ησ_d/2)Δ_t + O(ηε²σ₁(m+n))(1 − ησ_d/2)^{2t}. Then, Δ_{t+1}/(1 − ησ_d/2)^{t+1}
 *    ≤ Δ_t/(1 − ησ_d/2)^t + O(ηε²σ₁(m+n))(1 − ησ_d/2)^{t−1} ≤ Δ₀ + O(ε²κ(m+n)) ≤ (2/5)σ_d. Thus …
 *    Δ_t ≤ (1 − ησ_d/2)^t(2/5)σ_d." The first line (from the expansion (23)) is the hypothesis, with
 *    O-constants 1; the rest is checked on scalar sequences satisfying it, with r = 1 − ησ_d/2,
 *    G = ηε²σ₁(m+n), and the choices η ≤ σ_d/(4σ₁²) (so η²σ₁² ≤ (ησ_d/2)(1 − ησ_d/2): the second "≤"),
 *    O(ε²κ(m+n)) = 4ε²κ(m+n) (G·Σ_{i<t} r^{i−1} ≤ 2G/(ησ_d·r) ≤ 4ε²κ(m+n) as r ≥ ½), ε²(m+n) ≤ σ_d/(60κ)
 *    (so 4ε²κ(m+n) ≤ σ_d/15) and Δ₀ ≤ σ_d/3 (step-1). All hold.
 *
 * ── step-4: "Hence, ‖P_{t+T₀}‖_F ≤ √dΔ_t and ‖Q_{t+T₀}‖_F ≤ √dΔ_t" (from ‖P‖² + ‖Q‖² = ‖Σ − UVᵀ‖²_F ≤
 *    d‖Σ − UVᵀ‖²_op); plus the unprinted ‖P‖_op ≤ Δ_t that the next display's coefficient
 *    2η(1 − ησ_d/2)^t(2/5)σ_d needs (−λ_d(P) ≤ ‖P‖_op, P the symmetric part of Σ − UVᵀ). Any U, V.
 *
 * ── step-5 (the Ξ recursion): "‖B_{t+1+T₀}‖²/Ξ_{t+1} ≤ ‖B_{t+T₀}‖²/Ξ_t + O(ησ_d(m+n)dε²)(1 − ησ_d/2)^{2t}
 *    + O(η²dσ₁σ_d²(1 − ησ_d/2)^{2t}) ≤ ‖B_{T₀}‖² + O((m+n)dε²) + O(ηdσ₁σ_d)", on scalar sequences
 *    x_{t+1} ≤ (1 + y_t)x_t + g_t (the printed recursion for ‖B‖², y_t = 2η(1 − ησ_d/2)^t(2/5)σ_d,
 *    g_t = (G₁ + G₂)r^{2t}, G₁ = ησ_d(m+n)dε², G₂ = η²dσ₁σ_d², O-constants 1), Ξ_t = Π_{i<t}(1 + y_i).
 *    The O(·)s of the last line: Σ_t r^{2t} = 1/(ησ_d(1 − ησ_d/4)) ≤ 2/(ησ_d), so constant 2. All hold.
 *
 * Sabotages: step-1 σ_d/3 lowered to σ_d/4; step-2 √(σ_d/2) raised to √σ_d; step-3 the rate
 * 1 − ησ_d/2 of the conclusion raised to 1 − ησ_d; step-4 √d dropped from ‖P‖_F ≤ √dΔ; step-5 the
 * forcing terms dropped from the unrolled bound.
 *
 * Scale: step-1, step-2 and step-4 write their terms once against BoundOps and evaluate them in the
 * magnitude model (src/claims/measured.ts: Σ, A, B, or the engine's state, as exact inputs), so each
 * relation's scale is computed from its two sides. Step-3 and step-5 read given scalar sequences:
 * their scale is the sides' size times t + 2 (the roundings of the t-th power and of the running
 * quotient, one per step).
 */
import fc from 'fast-check';
import { atMost, type Comparison } from '../../../src/claims/compare.ts';
import { defineClaim } from '../../../src/claims/types.ts';
import { hypothesis } from '../../../src/claims/hypotheses.ts';
import { add, diag, frobenius, mul, scale, sub, transpose } from '../../../src/linalg/dense.ts';
import { symmetricFunction } from '../../../src/linalg/spectral.ts';
import { attainedSpectrum, dimension, fractionOfMax, gridMatrix, inRange, orthogonal, unitInterval, withSpectrum } from '../../../src/random/arbitraries.ts';
import { APP_F_START, bBar, sigma1Of, sigmaDOf, type StageTwoStart } from '../support/step-hypotheses.ts';
import { pqOf } from '../../../src/exact/states.ts';
import { leq } from '../../../src/hypotheses/matrix.ts';
import { boundComparison, boundOps, type BoundOps } from '../../../src/claims/measured.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import { measuredDiagonalStep } from '../../../src/gd/measured-step.ts';
import type { FullStepView } from '../../../src/exact/states.ts';
import { diagonalStateHypotheses } from '../../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../../src/random/instances.ts';

// ───────────────────────────── the start of stage two (step-1, step-2) ─────────────────────────────

/** The builder of App. F's starting point: Σ, then B = β·2cdε·X/‖X‖_F with X a mix of a skew and a
 *  general grid matrix, P₀ symmetric with σ₁(P₀) = γσ_d/4, and A = (Σ + BBᵀ − P₀)^{1/2}R (so that
 *  P = Σ − AAᵀ + BBᵀ = P₀ up to rounding; B = XR covers every B since R is orthogonal). One third of
 *  the draws put σ₁(P) at its allowed end and one third make X skew (where σ₁(Q) is largest). */
function stageTwoStart(): fc.Arbitrary<StageTwoStart> {
  const third = (a: fc.Arbitrary<number>) => fc.tuple(dimension(0, 2), a).map(([k, v]) => (k === 0 ? 1 : v));
  return dimension(1, 3).chain((d) =>
    fc
      .record({
        sigma1: inRange(0.5, 2),
        kappa: inRange(1, 4),
        middle: fc.array(unitInterval(), { minLength: d, maxLength: d }),
        c: inRange(0.5, 3),
        epsFraction: fractionOfMax(),
        // ‖B‖_F = β·2cdε, β shrinking to 1: a counterexample keeps B at its allowed size, far from rounding.
        beta: fractionOfMax(),
        skew: third(unitInterval()),
        G1: gridMatrix(d, d, 1, 8),
        G2: gridMatrix(d, d, 1, 8),
        // γ < 1 by 10⁻⁹: σ₁(P) is recomputed through A, whose rounding must not leave the hypothesis.
        gamma: third(fractionOfMax()).map((g) => g * (1 - 1e-9)),
        topSign: fc.boolean(),
        rest: fc.array(inRange(-1, 1), { minLength: d, maxLength: d }),
        W: orthogonal(d),
        R: orthogonal(d),
      })
      .map((r) => {
        const sigmaD = r.sigma1 / r.kappa;
        const values = attainedSpectrum(d, r.sigma1, sigmaD, r.middle);
        const Sigma = diag(values);
        const sd = values[d - 1];
        const bbar = sd / (24 * Math.sqrt(2 * values[0]));
        const epsilon = (r.epsFraction * bbar) / (2 * r.c * d);
        const X = add(scale(sub(r.G1, transpose(r.G1)), r.skew / 2), scale(r.G2, 1 - r.skew));
        const nX = frobenius(X);
        const Bx = nX > 0 ? scale(X, (r.beta * 2 * r.c * d * epsilon) / nX) : X;
        const top = (r.topSign ? 1 : -1) * r.gamma * (sd / 4);
        const P0 = withSpectrum(r.W, [top, ...r.rest.slice(1).map((v) => v * r.gamma * (sd / 4))]);
        const M = add(sub(Sigma, P0), mul(Bx, transpose(Bx)));
        const root = symmetricFunction(scale(add(M, transpose(M)), 0.5), (l) => Math.sqrt(Math.max(0, l)));
        return { d, sigmaValues: values, Sigma, A: mul(root, r.R), B: mul(Bx, r.R), c: r.c, epsilon };
      }),
  );
}

/** The block at T₀ in the magnitude model: Σ, A and B exact inputs, P and Q formed from them (pqOf). */
function measuredStart<M, S>(A: BoundOps<M, S>, x: StageTwoStart) {
  const [Sigma, Am, Bm] = [A.input(x.Sigma), A.input(x.A), A.input(x.B)];
  return { Sigma, A: Am, B: Bm, ...pqOf(A, Sigma, Am, Bm), sigmaD: A.constant(sigmaDOf(x)), rootTwoSigma1: A.sqrt(A.F.mul(A.int(2), A.constant(sigma1Of(x)))) };
}

interface StartForm {
  /** The factor k of k√(2σ₁)σ₁(B): 1 as printed, 2 corrected. */
  readonly k: 1 | 2;
  /** The last bound σ_d/q: q = 3 as printed, 4 the sabotage. */
  readonly q: 3 | 4;
}

/**
 * App. F's first chain, its terms in order: ‖Δ₀‖ = ‖P + Q‖ ≤ σ₁(P) + σ₁(Q) ≤ σ_d/4 + k√(2σ₁)σ₁(B) ≤ σ_d/q.
 */
function deltaZeroTerms<M, S>(A: BoundOps<M, S>, x: StageTwoStart, form: StartForm): S[] {
  const { F } = A;
  const s = measuredStart(A, x);
  const mid = F.add(F.mul(s.sigmaD, A.ratio(1, 4)), F.mul(A.int(form.k), F.mul(s.rootTwoSigma1, A.opNorm(s.B))));
  return [A.opNorm(A.add(s.P, s.Q)), F.add(A.opNorm(s.P), A.opNorm(s.Q)), mid, F.mul(s.sigmaD, A.ratio(1, form.q))];
}

/** The first chain in the magnitude model: each "≤" between consecutive terms, with its computed scale. */
function deltaZeroChain(x: StageTwoStart, form: StartForm): Comparison[] {
  const [delta, sum, mid, bound] = deltaZeroTerms(boundOps(relativeTolerance('inequality', x.d)), x, form);
  const k = form.k === 1 ? '' : `${form.k}`;
  return [
    boundComparison('‖Δ₀‖_op = ‖P_{T₀} + Q_{T₀}‖_op ≤ σ₁(P_{T₀}) + σ₁(Q_{T₀})', delta, '≤', sum),
    boundComparison(`σ₁(P_{T₀}) + σ₁(Q_{T₀}) ≤ σ_d/4 + ${k}√(2σ₁)σ₁(B_{T₀})`, sum, '≤', mid),
    boundComparison(`σ_d/4 + ${k}√(2σ₁)σ₁(B_{T₀}) ≤ ${form.q === 3 ? 'σ_d/3' : 'σ_d/4 (sabotage)'}`, mid, '≤', bound),
  ];
}

const appFStartCommon = {
  kind: 'inequality',
  hypotheses: APP_F_START,
  choices: { b̄: "O(σ_d/√σ₁) in App. F (the bound on ‖B_{T₀}‖ that Theorem 3.1's ε gives) read as b̄ = σ_d/(24√(2σ₁)), and 2cdε ≤ b̄" },
  instances: stageTwoStart(),
  size: (x: StageTwoStart) => x.d,
  runs: 300,
} as const;

export const appFStep1 = defineClaim<StageTwoStart>({
  ...appFStartCommon,
  id: 'yd21.app-f.step-1',
  source: { paper: 'YD21', where: 'App. F (preprint), first paragraph: ‖Δ₀‖_op ≤ σ_d/3' },
  statement: '‖Δ₀‖_op = ‖P_{T₀} + Q_{T₀}‖_op ≤ σ₁(P_{T₀}) + σ₁(Q_{T₀}) ≤ σ_d/4 + √(2σ₁)σ₁(B_{T₀}) ≤ σ_d/3',
  check: (x) => deltaZeroChain(x, { k: 1, q: 3 }),
  expected: 'refuted',
  failsWhere: {
    text: 'σ₁(Q_{T₀}) > √(2σ₁)σ₁(B_{T₀}) (σ₁(P_{T₀}) ≤ σ_d/4 is a hypothesis, so the sum exceeds σ_d/4 + √(2σ₁)σ₁(B) only there; possible for d ≥ 2, e.g. A ≈ αI, B skew); measured only with σ₁(P_{T₀}) within 10⁻⁸ of σ_d/4',
    contains: (x) => {
      const A = boundOps(0);
      const s = measuredStart(A, x);
      return A.opNorm(s.Q).value > A.F.mul(s.rootTwoSigma1, A.opNorm(s.B)).value;
    },
  },
  erratum:
    'The middle step needs σ₁(Q) ≤ √(2σ₁)σ₁(B) with Q = ABᵀ − BAᵀ, but ‖ABᵀ − BAᵀ‖ ≤ 2‖A‖‖B‖ with the 2 attained (A = αI, B skew: Q = −2αB); ' +
    "with σ₁(P) at its allowed σ_d/4 the displayed sum fails. Exact counterexample inside Theorem 3.1's conclusions at T₀: d = 2, Σ = I, c = 1, ε = 1/400, " +
    'A = diag(1, 931/1075), B = (13/2150)·[[0, 1], [−1, 0]]: P = diag(b², 1/4), σ₁(P) + σ₁(Q) = 1/4 + (1 + α)b ≈ 0.26128 > 1/4 + √2·b ≈ 0.25855. ' +
    'Correct: σ₁(Q) ≤ 2‖A‖σ₁(B) ≤ 2√(2σ₁)σ₁(B) (AAᵀ ⪯ 2Σ), and ≤ σ_d/3 holds once σ₁(B) ≤ σ_d/(24√(2σ₁)), a constant inside the Õ(·) of ε.',
  grading: {
    grade: 'local',
    why: "a factor 2 in a bound on ‖Q‖; the conclusion ‖Δ₀‖ ≤ σ_d/3 survives with ε smaller by a constant factor (σ₁(B) ≤ σ_d/(24√(2σ₁)) instead of σ_d/(12√(2σ₁))), which Theorem 3.1's Õ(·) absorbs",
    dependents: ['yd21.app-f.step-2 (2σ_d/3 ≤ σ_d − σ₁(Δ₀))', 'yd21.app-f.step-3 (Δ₀ ≤ σ_d/3 ≤ (2/5)σ_d)', '§3.3 condition (2) at t = 0', 'Theorem 1.1'],
  },
  corrected: 'yd21.app-f.step-1/corrected',
  sabotage: { description: 'the bound σ_d/3 lowered to σ_d/4', check: (x) => deltaZeroChain(x, { k: 1, q: 4 }) },
});

export const appFStep1Corrected = defineClaim<StageTwoStart>({
  ...appFStartCommon,
  id: 'yd21.app-f.step-1/corrected',
  source: { paper: 'YD21', where: 'App. F (preprint), first paragraph: ‖Δ₀‖_op ≤ σ_d/3' },
  statement: '‖Δ₀‖_op ≤ σ₁(P_{T₀}) + σ₁(Q_{T₀}) ≤ σ_d/4 + 2√(2σ₁)σ₁(B_{T₀}) ≤ σ_d/3 (σ₁(B_{T₀}) ≤ σ_d/(24√(2σ₁)))',
  check: (x) => deltaZeroChain(x, { k: 2, q: 3 }),
  expected: 'holds',
  corrects: 'yd21.app-f.step-1',
  sabotage: { description: 'the bound σ_d/3 lowered to σ_d/4', check: (x) => deltaZeroChain(x, { k: 2, q: 4 }) },
});

interface FloorForm {
  /** The sign of the Weyl step's 2σ₁(UBᵀ): −1 as printed, +1 corrected. */
  readonly sign: -1 | 1;
  /** The floor √(σ_d/2) of σ_d(U), σ_d(V); √σ_d the sabotage. */
  readonly raisedFloor?: boolean;
}

/**
 * App. F's second chain, its terms: 2σ_d/3 ≤ σ_d(Σ) − σ₁(Δ₀) ≤ σ_d(UVᵀ) ≤ σ_d(UUᵀ) ± 2σ₁(UBᵀ)
 * ≤ σ_d(UUᵀ) ± 4√(2σ₁)b̄, hence σ_d(U) ≥ floor and σ_d(V) ≥ floor (U = A + B, V = A − B; σ_d(Σ) is
 * the instance's σ_d, Σ being diagonal).
 */
function sigmaDUTerms<M, S>(A: BoundOps<M, S>, x: StageTwoStart, form: FloorForm) {
  const { F, add, sub, mul, tr } = A;
  const s = measuredStart(A, x);
  const [U, V] = [add(s.A, s.B), sub(s.A, s.B)];
  const sign = A.int(form.sign);
  const uu = A.sigmaMin(mul(U, tr(U)));
  const half = A.ratio(1, 2);
  return {
    twoThirds: F.mul(A.ratio(2, 3), s.sigmaD),
    gap: F.sub(s.sigmaD, A.opNorm(sub(s.Sigma, mul(U, tr(V))))),
    uv: A.sigmaMin(mul(U, tr(V))),
    weyl: F.add(uu, F.mul(sign, F.mul(A.int(2), A.opNorm(mul(U, tr(s.B)))))),
    barred: F.add(uu, F.mul(sign, [A.int(4), s.rootTwoSigma1, A.constant(bBar(x))].reduce(F.mul))),
    sigmaDU: A.sigmaMin(U),
    sigmaDV: A.sigmaMin(V),
    floor: A.sqrt(form.raisedFloor ? s.sigmaD : F.mul(s.sigmaD, half)),
  };
}

/** The second chain in the magnitude model: each relation with its computed scale. */
function sigmaDUChain(x: StageTwoStart, form: FloorForm): Comparison[] {
  const t = sigmaDUTerms(boundOps(relativeTolerance('inequality', x.d)), x, form);
  const s = form.sign < 0 ? '−' : '+';
  return [
    boundComparison('2σ_d/3 ≤ σ_d(Σ) − σ₁(Δ₀)', t.gap, '≥', t.twoThirds),
    boundComparison('σ_d(Σ) − σ₁(Δ₀) ≤ σ_d(U_{T₀}V_{T₀}ᵀ)', t.gap, '≤', t.uv),
    boundComparison(`σ_d(U_{T₀}V_{T₀}ᵀ) ≤ σ_d(U_{T₀}U_{T₀}ᵀ) ${s} 2σ₁(U_{T₀}B_{T₀}ᵀ)`, t.uv, '≤', t.weyl),
    boundComparison(`σ_d(UUᵀ) ${s} 2σ₁(UBᵀ) ≤ σ_d(UUᵀ) ${s} 4√(2σ₁)·O(σ_d/√σ₁) (O(σ_d/√σ₁) = b̄)`, t.weyl, '≤', t.barred),
    boundComparison('hence σ_d(U_{T₀}) ≥ √(σ_d/2)', t.sigmaDU, '≥', t.floor),
    boundComparison('the same on V_{T₀}: σ_d(V_{T₀}) ≥ √(σ_d/2)', t.sigmaDV, '≥', t.floor),
  ];
}

export const appFStep2 = defineClaim<StageTwoStart>({
  ...appFStartCommon,
  id: 'yd21.app-f.step-2',
  source: { paper: 'YD21', where: 'App. F (preprint), first paragraph: σ_d(U_{T₀}) ≥ √(σ_d/2)' },
  statement:
    '2σ_d/3 ≤ σ_d(Σ) − σ₁(Δ₀) ≤ σ_d(U_{T₀}V_{T₀}ᵀ) ≤ σ_d(U_{T₀}U_{T₀}ᵀ) − 2σ₁(U_{T₀}B_{T₀}ᵀ) ≤ σ_d(U_{T₀}U_{T₀}ᵀ) − 4√(2σ₁)O(σ_d/√σ₁); hence σ_d(U_{T₀}) ≥ √(σ_d/2); the same on V_{T₀}',
  check: (x) => sigmaDUChain(x, { sign: -1 }),
  expected: 'refuted',
  failsWhere: {
    text: 'every admissible instance: the fourth link needs 2σ₁(UBᵀ) ≥ 4√(2σ₁)b̄, but σ₁(UBᵀ) ≤ (‖A‖ + σ₁(B))σ₁(B) < 2√(2σ₁)b̄ (‖A‖ ≤ √(2σ₁), σ₁(B) ≤ 2cdε ≤ b̄); the third link fails too where σ_d(UVᵀ) > σ_d(UUᵀ) − 2σ₁(UBᵀ)',
    contains: () => true,
  },
  erratum:
    'Since V = U − 2B, UVᵀ = UUᵀ − 2UBᵀ and Weyl gives σ_d(UVᵀ) ≤ σ_d(UUᵀ) + 2σ₁(UBᵀ): the printed "−" (twice) has the wrong sign, and with it the ' +
    "next step would need 2σ₁(UBᵀ) ≥ 4√(2σ₁)·O(σ_d/√σ₁). Exact counterexample inside Theorem 3.1's conclusions at T₀: d = 1, Σ = 1, c = 1, ε = 1/200, A = 1, " +
    'B = −1/100 (U = 99/100, V = 101/100): σ_d(UVᵀ) = 9999/10000 > σ_d(UUᵀ) − 2σ₁(UBᵀ) = 9603/10000. With "+" the chain holds and gives ' +
    'σ_d(UUᵀ) ≥ 2σ_d/3 − 4√(2σ₁)b̄ = σ_d/2 for b̄ = σ_d/(24√(2σ₁)), i.e. the printed conclusion σ_d(U_{T₀}) ≥ √(σ_d/2).',
  grading: {
    grade: 'local',
    why: 'a sign slip inside a Weyl step: with "+" the same chain gives the same conclusion σ_d(U_{T₀}), σ_d(V_{T₀}) ≥ √(σ_d/2); the extraction garbles this line (a stray "≤ σ_d/3 ."), but a lost sign cannot make a "+" into the two "−" printed, so it is read as printed',
    dependents: ['§3.3 condition (3) at t = 0', '§3.3 "(1) + (2) ⇒ (3)"', 'yd21.sec-3.3.stage-two', 'Theorem 1.1'],
  },
  corrected: 'yd21.app-f.step-2/corrected',
  sabotage: { description: 'the floor √(σ_d/2) raised to √σ_d', check: (x) => sigmaDUChain(x, { sign: -1, raisedFloor: true }) },
});

export const appFStep2Corrected = defineClaim<StageTwoStart>({
  ...appFStartCommon,
  id: 'yd21.app-f.step-2/corrected',
  source: { paper: 'YD21', where: 'App. F (preprint), first paragraph: σ_d(U_{T₀}) ≥ √(σ_d/2)' },
  statement:
    '2σ_d/3 ≤ σ_d(Σ) − σ₁(Δ₀) ≤ σ_d(U_{T₀}V_{T₀}ᵀ) ≤ σ_d(U_{T₀}U_{T₀}ᵀ) + 2σ₁(U_{T₀}B_{T₀}ᵀ) ≤ σ_d(U_{T₀}U_{T₀}ᵀ) + 4√(2σ₁)b̄ (b̄ = σ_d/(24√(2σ₁))); hence σ_d(U_{T₀}), σ_d(V_{T₀}) ≥ √(σ_d/2)',
  check: (x) => sigmaDUChain(x, { sign: 1 }),
  expected: 'holds',
  corrects: 'yd21.app-f.step-2',
  sabotage: { description: 'the floor √(σ_d/2) raised to √σ_d', check: (x) => sigmaDUChain(x, { sign: 1, raisedFloor: true }) },
});

// ───────────────────────────── the Δ recursion (step-3) ─────────────────────────────

interface DeltaInstance {
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly eta: number;
  /** ε²(m + n). */
  readonly e2mn: number;
  /** Δ₀, …, Δ_T. */
  readonly delta: number[];
}

const rOf = (z: { eta: number; sigmaD: number }) => 1 - (z.eta * z.sigmaD) / 2;
/** G = ηε²σ₁(m+n): the forcing coefficient of App. F's Δ recursion (O-constant 1). */
const forcing = (z: DeltaInstance) => z.eta * z.sigma1 * z.e2mn;
/** The first line's right side (O-constants 1): (1 − ησ_d/2)²Δ_t + η²σ₁²Δ_t + G(1 − ησ_d/2)^{2t}. */
const deltaFirstLine = (z: DeltaInstance, t: number) => (rOf(z) ** 2 + z.eta ** 2 * z.sigma1 ** 2) * z.delta[t] + forcing(z) * rOf(z) ** (2 * t);

/** A family of per-step "≤" comparisons that keeps only its tightest, labelled when it is read
 *  (T runs to ~10⁵ steps: building a label per step would dominate the claim's time). */
class Tightest {
  private best: { t: number; lhs: number; rhs: number; scale: number } | null = null;
  constructor(private readonly label: (t: number) => string) {}
  add(t: number, lhs: number, rhs: number, scale: number): void {
    const margin = (rhs - lhs) / (scale > 0 ? scale : 1);
    if (this.best === null || margin < (this.best.rhs - this.best.lhs) / (this.best.scale > 0 ? this.best.scale : 1)) this.best = { t, lhs, rhs, scale };
  }
  result(): Comparison[] {
    return this.best === null ? [] : [atMost(this.label(this.best.t), this.best.lhs, this.best.rhs, this.best.scale)];
  }
}

/** Step-3 with the conclusion's rate 1 − rate·ησ_d (rate = ½ as printed, 1 the sabotage). */
function deltaSteps(z: DeltaInstance, rate = 0.5): Comparison[] {
  const r = rOf(z);
  const G = forcing(z);
  const kappa = z.sigma1 / z.sigmaD;
  const slack = 4 * z.e2mn * kappa;
  const fam = [
    new Tightest((t) => `t = ${t}: (1 − ησ_d/2)²Δ_t + η²σ₁²Δ_t + G(1 − ησ_d/2)^{2t} ≤ (1 − ησ_d/2)Δ_t + G(1 − ησ_d/2)^{2t}`),
    new Tightest((t) => `t = ${t}: Δ_{t+1}/(1 − ησ_d/2)^{t+1} ≤ Δ_t/(1 − ησ_d/2)^t + G(1 − ησ_d/2)^{t−1}`),
    new Tightest((t) => `t = ${t + 1}: Δ_t/(1 − ησ_d/2)^t ≤ Δ₀ + 4ε²κ(m+n)`),
    new Tightest((t) => `t = ${t + 1}: Δ_t ≤ (1 − ${rate === 0.5 ? 'ησ_d/2' : 'ησ_d'})^t(2/5)σ_d`),
  ];
  let rt = 1; // r^t
  let target = (2 / 5) * z.sigmaD;
  for (let t = 0; t + 1 < z.delta.length; t++) {
    const [dt, dn] = [z.delta[t], z.delta[t + 1]];
    const lhs1 = deltaFirstLine(z, t);
    const rhs1 = r * dt + G * rt * rt;
    fam[0].add(t, lhs1, rhs1, lhs1 + rhs1);
    const [qn, qt] = [dn / (rt * r), dt / rt];
    const step = (G * rt) / r;
    fam[1].add(t, qn, qt + step, (qn + qt + step) * (t + 2));
    fam[2].add(t, qn, z.delta[0] + slack, (qn + z.delta[0] + slack) * (t + 2));
    target *= 1 - rate * z.eta * z.sigmaD;
    fam[3].add(t, dn, target, (dn + target) * (t + 2));
    rt *= r;
  }
  return [...fam.flatMap((f) => f.result()), atMost('Δ₀ + 4ε²κ(m+n) ≤ (2/5)σ_d', z.delta[0] + slack, (2 / 5) * z.sigmaD, z.delta[0] + slack + z.sigmaD)];
}

export const appFStep3 = defineClaim<DeltaInstance>({
  id: 'yd21.app-f.step-3',
  source: { paper: 'YD21', where: 'App. F (preprint), the Δ recursion and "Then, Δ_{t+1}/(1 − ησ_d/2)^{t+1} ≤ …"' },
  kind: 'inequality',
  statement:
    'Δ_{t+1} ≤ (1 − ησ_d/2)²Δ_t + O(η²σ₁²)Δ_t + O(ηε²σ₁(m+n))(1 − ησ_d/2)^{2t} ⇒ Δ_{t+1} ≤ (1 − ησ_d/2)Δ_t + O(ηε²σ₁(m+n))(1 − ησ_d/2)^{2t}; ' +
    'Δ_{t+1}/(1 − ησ_d/2)^{t+1} ≤ Δ_t/(1 − ησ_d/2)^t + O(ηε²σ₁(m+n))(1 − ησ_d/2)^{t−1} ≤ Δ₀ + O(ε²κ(m+n)) ≤ (2/5)σ_d; Δ_t ≤ (1 − ησ_d/2)^t(2/5)σ_d',
  hypotheses: [
    hypothesis<DeltaInstance>('sigma', '0 < σ_d ≤ σ₁', (z) => z.sigmaD > 0 && z.sigmaD <= z.sigma1, {
      coordinates: { 'σ₁': { value: (z) => z.sigma1, domain: [0.5, 2] }, κ: { value: (z) => z.sigma1 / z.sigmaD, domain: [1, 4] } },
    }),
    hypothesis<DeltaInstance>(
      'eta',
      '0 < η ≤ min(1/(16σ₁), σ_d/(4σ₁²)) (the stage-one step; η = O(σ_dε²/(dσ₁³)) with ε² ≤ dσ₁/4 gives the second: the O-constant of O(η²σ₁²) taken 1)',
      (z) => z.eta > 0 && leq(z.eta, Math.min(1 / (16 * z.sigma1), z.sigmaD / (4 * z.sigma1 ** 2)), 1),
      { coordinates: { 'η/η_max': { value: (z) => z.eta / Math.min(1 / (16 * z.sigma1), z.sigmaD / (4 * z.sigma1 ** 2)), domain: [1 / 8, 1] } } },
    ),
    hypothesis<DeltaInstance>(
      'epsilon',
      "ε²(m+n) ≤ σ_d/(60κ) (Theorem 1.1's ε, O-constant chosen so that 4ε²κ(m+n) ≤ σ_d/15)",
      (z) => z.e2mn >= 0 && leq(z.e2mn, z.sigmaD / (60 * (z.sigma1 / z.sigmaD)), 1),
      {
        coordinates: { 'ε²(m+n)/(σ_d/(60κ))': { value: (z) => z.e2mn / (z.sigmaD / (60 * (z.sigma1 / z.sigmaD))), domain: [0, 1] } },
      },
    ),
    hypothesis<DeltaInstance>(
      'delta0',
      "0 ≤ Δ₀ ≤ σ_d/3 (App. F's first paragraph, yd21.app-f.step-1/corrected)",
      (z) => z.delta[0] >= 0 && leq(z.delta[0], z.sigmaD / 3, 1),
      {
        coordinates: { 'Δ₀/(σ_d/3)': { value: (z) => z.delta[0] / (z.sigmaD / 3), domain: [0, 1] } },
      },
    ),
    hypothesis<DeltaInstance>(
      'first-line',
      "Δ_t ≥ 0 and Δ_{t+1} ≤ (1 − ησ_d/2)²Δ_t + η²σ₁²Δ_t + ηε²σ₁(m+n)(1 − ησ_d/2)^{2t} (App. F's first line, from (23), O-constants 1)",
      (z) => z.delta.length >= 2 && z.delta.every((v, t) => v >= 0 && (t + 1 === z.delta.length || leq(z.delta[t + 1], deltaFirstLine(z, t), 1))),
      {
        tolerance: 'relative 64·γ₁ (the right side is formed from stored numbers)',
        coordinates: { ησ_dT: { value: (z) => z.eta * z.sigmaD * (z.delta.length - 1), domain: [0, 12] } },
      },
    ),
  ],
  choices: {
    'O-constants': 'O(η²σ₁²) and O(ηε²σ₁(m+n)) of the first line taken 1; O(ε²κ(m+n)) = 4ε²κ(m+n) (derived: G·Σ r^{i−1} ≤ 2G/(ησ_d r), r ≥ ½)',
    sequence: 'Δ_{t+1} = (first line) minus θ_t of its forcing term, θ_t from eight values in [0, 1] cycled; T = ⌈τ/(ησ_d)⌉, τ ∈ [0, 12]',
  },
  instances: fc
    .record({
      sigma1: inRange(0.5, 2),
      kappa: inRange(1, 4),
      f: inRange(1 / 8, 1),
      phi: unitInterval(),
      psi: unitInterval(),
      tau: inRange(0, 12),
      theta: fc.array(unitInterval(), { minLength: 8, maxLength: 8 }),
    })
    .map((r) => {
      const sigmaD = r.sigma1 / r.kappa;
      const eta = r.f * Math.min(1 / (16 * r.sigma1), sigmaD / (4 * r.sigma1 ** 2));
      const z = { sigma1: r.sigma1, sigmaD, eta, e2mn: (r.phi * sigmaD) / (60 * r.kappa), delta: [(r.psi * sigmaD) / 3] };
      const T = Math.max(1, Math.ceil(r.tau / (eta * sigmaD)));
      const rr = rOf(z);
      for (let t = 0; t < T; t++) z.delta.push((rr ** 2 + eta ** 2 * r.sigma1 ** 2) * z.delta[t] + (1 - r.theta[t % 8]) * forcing(z) * rr ** (2 * t));
      return z;
    }),
  size: () => 1,
  check: (z) => deltaSteps(z),
  expected: 'holds',
  sabotage: { description: 'the rate of the conclusion raised: Δ_t ≤ (1 − ησ_d)^t(2/5)σ_d', check: (z) => deltaSteps(z, 1) },
  runs: 200,
});

// ───────────────────────────── ‖P‖_F, ‖Q‖_F ≤ √dΔ (step-4) ─────────────────────────────

/** Step-4's terms on the block view of a state: ‖P‖_F, ‖Q‖_F, ‖P‖_op, Δ = ‖Σ − UVᵀ‖_op and √dΔ. */
function pqByDeltaTerms<M, S>(A: BoundOps<M, S>, s: FullStepView<M, S>['before'], d: number) {
  const delta = A.opNorm(A.sub(s.Sigma, A.mul(s.U, A.tr(s.V))));
  return { P: A.frob(s.P), Q: A.frob(s.Q), opP: A.opNorm(s.P), delta, rootDDelta: A.F.mul(A.sqrt(A.int(d)), delta) };
}

/** ‖P‖_F ≤ √dΔ, ‖Q‖_F ≤ √dΔ, ‖P‖_op ≤ Δ on the engine's state in the magnitude model. */
function pqByDelta(x: DiagonalState, dropRootD = false): Comparison[] {
  const t = pqByDeltaTerms(boundOps(relativeTolerance('inequality', stateSize(x))), measuredDiagonalStep(x).before, x.d);
  return [
    boundComparison(`‖P‖_F ≤ ${dropRootD ? '' : '√d'}Δ`, t.P, '≤', dropRootD ? t.delta : t.rootDDelta),
    boundComparison('‖Q‖_F ≤ √dΔ', t.Q, '≤', t.rootDDelta),
    boundComparison('‖P‖_op ≤ Δ (unprinted; needed for the coefficient 2η(1 − ησ_d/2)^t(2/5)σ_d of the next display)', t.opP, '≤', t.delta),
  ];
}

export const appFStep4 = defineClaim<DiagonalState>({
  id: 'yd21.app-f.step-4',
  source: { paper: 'YD21', where: 'App. F (preprint): "Hence, ‖P_{t+T₀}‖_F ≤ √dΔ_t and ‖Q_{t+T₀}‖_F ≤ √dΔ_t"' },
  kind: 'inequality',
  statement: '‖P‖_F ≤ √dΔ and ‖Q‖_F ≤ √dΔ, Δ = ‖Σ − UVᵀ‖_op (and ‖P‖_op ≤ Δ, used next)',
  hypotheses: diagonalStateHypotheses({}, false),
  instances: diagonalState(),
  size: stateSize,
  check: (x) => pqByDelta(x),
  expected: 'holds',
  sabotage: { description: '√d dropped: ‖P‖_F ≤ Δ', check: (x) => pqByDelta(x, true) },
});

// ───────────────────────────── the Ξ recursion for ‖B‖² (step-5) ─────────────────────────────

interface XiRecursionInstance {
  readonly sigma1: number;
  readonly sigmaD: number;
  readonly eta: number;
  readonly d: number;
  /** (m + n)dε². */
  readonly mnde2: number;
  /** x_t = ‖B_{t+T₀}‖²_F, t = 0…T. */
  readonly x: number[];
}

const yOf = (z: XiRecursionInstance, t: number) => 2 * z.eta * rOf(z) ** t * (2 / 5) * z.sigmaD;
/** g_t = (ησ_d(m+n)dε² + η²dσ₁σ_d²)(1 − ησ_d/2)^{2t} (O-constants 1). */
const gOf = (z: XiRecursionInstance, t: number) => (z.eta * z.sigmaD * z.mnde2 + z.eta ** 2 * z.d * z.sigma1 * z.sigmaD ** 2) * rOf(z) ** (2 * t);

function xiRecursion(z: XiRecursionInstance, keepForcing = true): Comparison[] {
  const fam = [
    new Tightest((t) => `t = ${t}: ‖B_{t+1}‖²/Ξ_{t+1} ≤ ‖B_t‖²/Ξ_t + O(ησ_d(m+n)dε²)r^{2t} + O(η²dσ₁σ_d²r^{2t})`),
    new Tightest((t) => `t = ${t + 1}: ‖B_t‖²/Ξ_t ≤ ‖B_{T₀}‖² ${keepForcing ? '+ 2(m+n)dε² + 2ηdσ₁σ_d' : '(forcing dropped)'}`),
  ];
  let xi = 1;
  const bound = z.x[0] + (keepForcing ? 2 * z.mnde2 + 2 * z.eta * z.d * z.sigma1 * z.sigmaD : 0);
  for (let t = 0; t + 1 < z.x.length; t++) {
    const xiNext = xi * (1 + yOf(z, t));
    const [qn, qt, g] = [z.x[t + 1] / xiNext, z.x[t] / xi, gOf(z, t)];
    fam[0].add(t, qn, qt + g, (qn + qt + g) * (t + 2));
    fam[1].add(t, qn, bound, (qn + bound) * (t + 2));
    xi = xiNext;
  }
  return fam.flatMap((f) => f.result());
}

export const appFStep5 = defineClaim<XiRecursionInstance>({
  id: 'yd21.app-f.step-5',
  source: { paper: 'YD21', where: 'App. F (preprint), last display: the iteration for ‖B_{t+T₀}‖²_F/Ξ_t' },
  kind: 'inequality',
  statement:
    '‖B_{t+1+T₀}‖²/Ξ_{t+1} ≤ ‖B_{t+T₀}‖²/Ξ_t + O(ησ_d(m+n)dε²)(1 − ησ_d/2)^{2t} + O(η²dσ₁σ_d²(1 − ησ_d/2)^{2t}) ≤ ‖B_{T₀}‖² + O((m+n)dε²) + O(ηdσ₁σ_d)',
  hypotheses: [
    hypothesis<XiRecursionInstance>(
      'sigma',
      '0 < σ_d ≤ σ₁, d ≥ 1, (m+n)dε² ≥ 0',
      (z) => z.sigmaD > 0 && z.sigmaD <= z.sigma1 && Number.isInteger(z.d) && z.d >= 1 && z.mnde2 >= 0,
      {
        coordinates: { κ: { value: (z) => z.sigma1 / z.sigmaD, domain: [1, 4] }, d: { value: (z) => z.d, domain: [1, 4] } },
      },
    ),
    hypothesis<XiRecursionInstance>('eta', '0 < η ≤ 1/(16σ₁) (the stage-one step)', (z) => z.eta > 0 && leq(z.eta, 1 / (16 * z.sigma1), 1), {
      coordinates: { '16σ₁η': { value: (z) => 16 * z.sigma1 * z.eta, domain: [1 / 64, 1] } },
    }),
    hypothesis<XiRecursionInstance>(
      'recursion',
      '‖B_{t+1+T₀}‖² ≤ (1 + 2η(1 − ησ_d/2)^t(2/5)σ_d)‖B_{t+T₀}‖² + O(ησ_d(m+n)dε²)(1 − ησ_d/2)^{2t} + O(η²dσ₁σ_d²(1 − ησ_d/2)^{2t}) (the display before, O-constants 1)',
      (z) => z.x.length >= 2 && z.x.every((v, t) => v >= 0 && (t + 1 === z.x.length || leq(z.x[t + 1], (1 + yOf(z, t)) * v + gOf(z, t), 1))),
      { tolerance: 'relative 64·γ₁', coordinates: { ησ_dT: { value: (z) => z.eta * z.sigmaD * (z.x.length - 1), domain: [0, 12] } } },
    ),
  ],
  choices: { 'O-constants': "the recursion's O(·)s taken 1; the last line's O((m+n)dε²) and O(ηdσ₁σ_d) taken 2 (Σ_t r^{2t} ≤ 2/(ησ_d))" },
  instances: fc
    .record({
      sigma1: inRange(0.5, 2),
      kappa: inRange(1, 4),
      f: inRange(1 / 64, 1),
      d: dimension(1, 4),
      mnde2: inRange(0, 1e-3),
      x0: inRange(0, 1e-3),
      tau: inRange(0, 12),
      theta: fc.array(unitInterval(), { minLength: 8, maxLength: 8 }),
    })
    .map((r) => {
      const sigmaD = r.sigma1 / r.kappa;
      const z = { sigma1: r.sigma1, sigmaD, eta: r.f / (16 * r.sigma1), d: r.d, mnde2: r.mnde2, x: [r.x0] };
      const T = Math.max(1, Math.ceil(r.tau / (z.eta * sigmaD)));
      for (let t = 0; t < T; t++) z.x.push((1 + yOf(z, t)) * z.x[t] + (1 - r.theta[t % 8]) * gOf(z, t));
      return z;
    }),
  size: () => 1,
  check: (z) => xiRecursion(z),
  expected: 'holds',
  sabotage: { description: 'the forcing terms dropped from the unrolled bound: ‖B_t‖²/Ξ_t ≤ ‖B_{T₀}‖²', check: (z) => xiRecursion(z, false) },
  runs: 200,
});
