/**
 * YD21 (31), App. C of the preprint (001; the NeurIPS copy has no appendix), "General analysis for
 * lemma 3.2 and 3.3": for symmetric S̄, S̃, Σ and D = S̄ − S̃, as printed (each "=" one comparison):
 *
 *   (I + η(Σ − S̄))S̄(I + η(Σ − S̄)) − (I + η(Σ − S̃))S̄(I + η(Σ − S̃))                              [L0]
 *   = S̄ − S̃ + η((Σ − S̄)S̄ + S̄(Σ − S̄) − (Σ − S̃)S̃ + S̃(Σ − S̃)) + η²((Σ − S̄)S̄(Σ − S̄) − (Σ − S̃)S̃(Σ − S̃))   [L1]
 *   = D + η((Σ − S̄ − S̃)D + D(Σ − S̄ − S̃)) + η²(…same…)                                              [L2]
 *   = (I + η(Σ − S̄ − S̃))D(I + η(Σ − S̄ − S̃))
 *     + η²((Σ − S̄ − S̃)D(Σ − S̄ − S̃) + (Σ − S̄)S̄(Σ − S̄) − (Σ − S̃)S̃(Σ − S̃)).                         [L3]
 *
 * What was printed. The text copy renders S̄ (\bar) and S̃ (\tilde) distinctly throughout App. C,
 * so it is taken at its word on all three points below; each could also be a typesetting slip, and
 * none affects the Remarks that use (31) (only the sign-definiteness of the congruence term is used).
 *  - L0: the middle factor of the second product is printed S̄; the intended f(S̄) − f(S̃) with
 *    f(X) = (I + η(Σ − X))X(I + η(Σ − X)) has S̃ there.
 *  - L1: inside the η-bracket, "− (Σ − S̃)S̃ + S̃(Σ − S̃)": the expansion of −f(S̃) gives
 *    −(Σ − S̃)S̃ − S̃(Σ − S̃) (a bracket lost: −((Σ − S̃)S̃ + S̃(Σ − S̃))).
 *  - L3: (I + ηW)D(I + ηW) = D + η(WD + DW) + η²WDW with W = Σ − S̄ − S̃, so L2 = L3 needs −η²WDW in
 *    the last bracket, not +η²WDW.
 * L2 itself is right: ΣD + DΣ − 2S̄² + 2S̃² = WD + DW. The corrected sibling is the chain with the
 * three fixes. Verified by this expansion, on these instances, and during development in exact
 * rational arithmetic (Python fractions, 20 random triples of 2×2 and 3×3 symmetric matrices with
 * entries in ½ℤ, η = 1/8: the corrected chain is exact on 20/20; printed L0 = L1, L1 = L2 and L2 = L3
 * each fail on 20/20).
 *
 * Scale: a factor formed as a sum carries the sum of its parts' Frobenius norms (|I + ηX| as a
 * factor: 1 + η|X|); each side's scale is the sum over its products.
 */
import fc from 'fast-check';
import { frobenius, type Mat, mul, sub } from '../../src/linalg/dense.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { exactInput, exactScalar, magnitudeOps, residualComparisons } from '../../src/claims/measured.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { isSymmetric } from '../../src/hypotheses/matrix.ts';
import { stepSize, symmetricGrid, dimension } from '../../src/random/arbitraries.ts';
import { symmetric, ZERO_PADDING } from '../../src/exact/states.ts';
import type { ExactForm } from '../../src/exact/form.ts';
import type { SymbolicSpec } from '../../src/exact/symbolic-spec.ts';

interface TripleInstance {
  readonly d: number;
  readonly Sigma: Mat;
  readonly Sbar: Mat;
  readonly Stilde: Mat;
  readonly eta: number;
}

/**
 * (31)'s three "=" as residuals L0 − L1, L1 − L2, L2 − L3, written once against the generic algebra
 * (printed or corrected) for the float check, the exact form and the symbolic spec; sabotaged: the
 * leading D of L2 dropped.
 */
function chain31<M, S, D>(
  A: MatrixOps<M, S, D>,
  x: { readonly Sigma: M; readonly Sbar: M; readonly Stilde: M; readonly eta: S; readonly d: D },
  corrected: boolean,
  sabotaged: boolean,
) {
  const { F, mul, sub, combine, eye } = A;
  const { Sigma, Sbar, Stilde, eta } = x;
  const e2 = F.mul(eta, eta);
  const I = eye(x.d);
  /** (I + η(Σ − X))Y(I + η(Σ − X)). */
  const f = (X: M, Y: M) => {
    const G = combine([F.one, I], [eta, sub(Sigma, X)]);
    return mul(G, Y, G);
  };
  const Dm = sub(Sbar, Stilde);
  const W = combine([F.one, Sigma], [A.int(-1), Sbar], [A.int(-1), Stilde]);
  const [SmB, SmT] = [sub(Sigma, Sbar), sub(Sigma, Stilde)];
  const cubic = sub(mul(SmB, Sbar, SmB), mul(SmT, Stilde, SmT));
  const l0 = sub(f(Sbar, Sbar), f(Stilde, corrected ? Stilde : Sbar));
  const l1 = combine(
    [F.one, Dm],
    [eta, mul(SmB, Sbar)],
    [eta, mul(Sbar, SmB)],
    [F.neg(eta), mul(SmT, Stilde)],
    [corrected ? F.neg(eta) : eta, mul(Stilde, SmT)],
    [e2, cubic],
  );
  const l2 = combine([sabotaged ? F.zero : F.one, Dm], [eta, mul(W, Dm)], [eta, mul(Dm, W)], [e2, cubic]);
  const IW = combine([F.one, I], [eta, W]);
  const l3 = combine([F.one, mul(IW, Dm, IW)], [corrected ? F.neg(e2) : e2, mul(W, Dm, W)], [e2, cubic]);
  return { 'L0 − L1': sub(l0, l1), 'L1 − L2': sub(l1, l2), 'L2 − L3': sub(l2, l3) };
}

const check = (x: TripleInstance, corrected: boolean, sabotaged = false): Comparison[] =>
  residualComparisons(
    chain31(
      magnitudeOps,
      { Sigma: exactInput(x.Sigma), Sbar: exactInput(x.Sbar), Stilde: exactInput(x.Stilde), eta: exactScalar(x.eta), d: x.d },
      corrected,
      sabotaged,
    ),
  );

/** (31) on letters Σ, S̄, S̃ (symmetric, any d): printed − true is minus each residual. */
function symbolic31(corrected: boolean): SymbolicSpec {
  return {
    letters: {
      Σ: { kind: 'symmetric', rows: 'd' },
      S̄: { kind: 'symmetric', rows: 'd', latex: '\\bar S' },
      S̃: { kind: 'symmetric', rows: 'd', latex: '\\tilde S' },
    },
    scalars: ['η'],
    meaning: 'Σ, S̄, S̃ (d×d, symmetric), η: any dimension',
    residual: (S) => {
      const r = chain31(S, { Sigma: S.L.Σ, Sbar: S.L.S̄, Stilde: S.L.S̃, eta: S.vars.η, d: 'd' }, corrected, false);
      return Object.fromEntries(Object.entries(r).map(([k, m]) => [k, S.neg(m)]));
    },
  };
}

/** (31) in exact form: the three "=" as residuals, for symmetric Σ, S̄, S̃ with integer entries (see `exact`). */
function exact31(corrected: boolean): ExactForm<{ d: number }> {
  return {
    instances: 'Σ, S̄, S̃ symmetric d×d with integer entries (upper triangles drawn); η = positive/(N+1)',
    dims: fc.record({ d: dimension(1, 3) }),
    certifyAt: [{ d: 3 }],
    coverage: ZERO_PADDING,
    degree: { bound: 5, derivation: 'η²(Σ − S̄)S̄(Σ − S̄) and η²WDW: 2 + 3; (I + ηW)D(I + ηW): 2 + 3' },
    evaluate: (A, { d }, v, sabotaged) => {
      const [Sigma, Sbar, Stilde] = [symmetric(A, d, v), symmetric(A, d, v), symmetric(A, d, v)];
      const eta = v.fraction();
      return { instance: { Sigma, Sbar, Stilde, eta }, residuals: chain31(A, { Sigma, Sbar, Stilde, eta, d }, corrected, sabotaged) };
    },
  };
}

const common = {
  source: { paper: 'YD21', where: '(31), App. C (preprint), general analysis for Lemmas 3.2 and 3.3' },
  kind: 'identity',
  hypotheses: [
    hypothesis<TripleInstance>(
      'symmetric',
      'S̄, S̃, Σ ∈ ℝ^{d×d} symmetric (D = S̄ − S̃ is a definition)',
      (x) => [x.Sigma, x.Sbar, x.Stilde].every((m) => m.rows === x.d && isSymmetric(m)),
      { coordinates: { d: { value: (x) => x.d, domain: [1, 4] } } },
    ),
    hypothesis<TripleInstance>('eta-positive', 'η > 0 (any; drawn in (0, 1])', (x) => x.eta > 0 && Number.isFinite(x.eta), {
      coordinates: { η: { value: (x) => x.eta, domain: [0, 1] } },
    }),
  ],
  instances: dimension(1, 4).chain((d) =>
    fc.record({
      d: fc.constant(d),
      Sigma: symmetricGrid(d),
      Sbar: symmetricGrid(d),
      Stilde: symmetricGrid(d),
      eta: stepSize(1),
    }),
  ),
  size: (x: TripleInstance) => x.d,
} as const;

export const eq31 = defineClaim<TripleInstance>({
  ...common,
  id: 'yd21.eq-31.general-analysis',
  statement:
    '(I + η(Σ − S̄))S̄(I + η(Σ − S̄)) − (I + η(Σ − S̃))S̄(I + η(Σ − S̃)) = S̄ − S̃ + η((Σ − S̄)S̄ + S̄(Σ − S̄) − (Σ − S̃)S̃ + S̃(Σ − S̃)) + η²(X̄ − X̃) ' +
    '= D + η(WD + DW) + η²(X̄ − X̃) = (I + ηW)D(I + ηW) + η²(WDW + X̄ − X̃), W = Σ − S̄ − S̃, X̄ = (Σ − S̄)S̄(Σ − S̄), X̃ = (Σ − S̃)S̃(Σ − S̃)',
  check: (x) => check(x, false),
  exact: exact31(false),
  symbolic: symbolic31(false),
  expected: 'refuted',
  grading: {
    grade: 'local',
    why: 'the Remarks after the proofs of Lemmas 3.2 and 3.3 use only that the congruence term is ⪰ 0 when D ⪰ 0 and that the η² bracket is O(σ₁³η²), both true of the corrected chain; two of the three slips (S̄ for S̃ in the middle factor, the lost bracket) may be extraction artefacts of the one text copy that has App. C, the third (+η²WDW instead of −) is an algebra slip',
    dependents: ['Remarks after the proofs of Lemmas 3.2 and 3.3 (App. C)'],
  },
  failsWhere: {
    text: 'D = S̄ − S̃ ≠ 0 or S̃(Σ − S̃) ≠ 0 (the first and third slips carry D; the second is off by 2ηS̃(Σ − S̃))',
    contains: (x) => frobenius(sub(x.Sbar, x.Stilde)) > 0 || frobenius(mul(x.Stilde, sub(x.Sigma, x.Stilde))) > 0,
  },
  erratum:
    'Three slips in (31): the second product of the first line must be (I + η(Σ − S̃))S̃(I + η(Σ − S̃)) (S̃, not S̄, in the middle); ' +
    'the η-bracket of the second line must end −(Σ − S̃)S̃ − S̃(Σ − S̃) (not + S̃(Σ − S̃)); and the last line must have −η²(Σ − S̄ − S̃)D(Σ − S̄ − S̃) ' +
    '(since (I + ηW)D(I + ηW) already contains +η²WDW). The third line, D + η(WD + DW) + η²(X̄ − X̃), is right. The Remarks after the proofs ' +
    'only use that the congruence term is ⪰ 0 when D ⪰ 0 and that the η² bracket is O(σ₁³η²), which survive.',
  corrected: 'yd21.eq-31.general-analysis/corrected',
  sabotage: { description: 'the D term dropped from the third line', check: (x) => check(x, false, true) },
});

export const eq31Corrected = defineClaim<TripleInstance>({
  ...common,
  id: 'yd21.eq-31.general-analysis/corrected',
  statement:
    'f(S̄) − f(S̃) = D + η((Σ − S̄)S̄ + S̄(Σ − S̄) − (Σ − S̃)S̃ − S̃(Σ − S̃)) + η²(X̄ − X̃) = D + η(WD + DW) + η²(X̄ − X̃) ' +
    '= (I + ηW)D(I + ηW) + η²(−WDW + X̄ − X̃), f(X) = (I + η(Σ − X))X(I + η(Σ − X)), W = Σ − S̄ − S̃',
  check: (x) => check(x, true),
  exact: exact31(true),
  symbolic: symbolic31(true),
  expected: 'holds',
  corrects: 'yd21.eq-31.general-analysis',
  sabotage: { description: 'the D term dropped from the third line', check: (x) => check(x, true, true) },
});
