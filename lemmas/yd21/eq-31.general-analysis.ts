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
import { combine, eye, frobenius, type Mat, mul, mulAll, sub } from '../../src/linalg/dense.ts';
import { type Comparison, equal } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { isSymmetric } from '../../src/hypotheses/matrix.ts';
import { stepSize, symmetricGrid, dimension } from '../../src/random/arbitraries.ts';
import { symmetric, ZERO_PADDING } from '../../src/exact/states.ts';
import type { ExactForm } from '../../src/exact/form.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import type { SymbolicSpec } from '../../src/exact/symbolic-spec.ts';

interface TripleInstance {
  readonly d: number;
  readonly Sigma: Mat;
  readonly Sbar: Mat;
  readonly Stilde: Mat;
  readonly eta: number;
}

/** (I + η(Σ − X))Y(I + η(Σ − X)). */
function congruence(Sigma: Mat, X: Mat, Y: Mat, eta: number): Mat {
  const F = combine([1, eye(Sigma.rows)], [eta, sub(Sigma, X)]);
  return mulAll(F, Y, F);
}

function check(x: TripleInstance, corrected: boolean, sabotageD = false): Comparison[] {
  const { Sigma, Sbar, Stilde, eta } = x;
  const D = sub(Sbar, Stilde);
  const W = combine([1, Sigma], [-1, Sbar], [-1, Stilde]);
  const SmB = sub(Sigma, Sbar);
  const SmT = sub(Sigma, Stilde);
  const cubic = sub(mulAll(SmB, Sbar, SmB), mulAll(SmT, Stilde, SmT));
  const l0 = sub(congruence(Sigma, Sbar, Sbar, eta), congruence(Sigma, Stilde, corrected ? Stilde : Sbar, eta));
  const l1 = combine(
    [1, D],
    [eta, mul(SmB, Sbar)],
    [eta, mul(Sbar, SmB)],
    [-eta, mul(SmT, Stilde)],
    [corrected ? -eta : eta, mul(Stilde, SmT)],
    [eta * eta, cubic],
  );
  const l2 = combine([sabotageD ? 0 : 1, D], [eta, mul(W, D)], [eta, mul(D, W)], [eta * eta, cubic]);
  const IW = combine([1, eye(x.d)], [eta, W]);
  const l3 = combine([1, mulAll(IW, D, IW)], [corrected ? -eta * eta : eta * eta, mulAll(W, D, W)], [eta * eta, cubic]);

  const [mg, mb, mt] = [Sigma, Sbar, Stilde].map(frobenius);
  const mD = mb + mt;
  const mW = mg + mb + mt;
  const mCubic = (mg + mb) ** 2 * mb + (mg + mt) ** 2 * mt;
  const s0 = (1 + eta * (mg + mb)) ** 2 * mb + (1 + eta * (mg + mt)) ** 2 * (corrected ? mt : mb);
  const s1 = mD + 2 * eta * ((mg + mb) * mb + (mg + mt) * mt) + eta * eta * mCubic;
  const s2 = mD + 2 * eta * mW * mD + eta * eta * mCubic;
  const s3 = (1 + eta * mW) ** 2 * mD + eta * eta * (mW * mW * mD + mCubic);
  return [
    equal('(31) first "=": L0 = L1', l0, l1, s0 + s1),
    equal('(31) second "=": L1 = L2', l1, l2, s1 + s2),
    equal('(31) third "=": L2 = L3', l2, l3, s2 + s3),
  ];
}

/** (31) in exact form: the three "=" as residuals, for symmetric Σ, S̄, S̃ with integer entries (see `exact`). */
/** The three "=" of (31) as residuals L0 − L1, L1 − L2, L2 − L3 (printed, or corrected); sabotaged: the D term dropped from L2. */
function chain31<M, S, D>(
  A: MatrixOps<M, S, D>,
  x: { readonly Sigma: M; readonly Sbar: M; readonly Stilde: M; readonly eta: S; readonly I: M },
  corrected: boolean,
  sabotaged: boolean,
): Record<string, M> {
  const { F, mul, sub, combine } = A;
  const { Sigma, Sbar, Stilde, eta, I } = x;
  const e2 = F.mul(eta, eta);
  const f = (X: M, Y: M) => {
    const G = combine([F.one, I], [eta, sub(Sigma, X)]);
    return mul(G, Y, G);
  };
  const D = sub(Sbar, Stilde);
  const W = combine([F.one, Sigma], [A.int(-1), Sbar], [A.int(-1), Stilde]);
  const [SmB, SmT] = [sub(Sigma, Sbar), sub(Sigma, Stilde)];
  const cubic = sub(mul(SmB, Sbar, SmB), mul(SmT, Stilde, SmT));
  const l0 = sub(f(Sbar, Sbar), f(Stilde, corrected ? Stilde : Sbar));
  const l1 = combine(
    [F.one, D],
    [eta, mul(SmB, Sbar)],
    [eta, mul(Sbar, SmB)],
    [F.neg(eta), mul(SmT, Stilde)],
    [corrected ? F.neg(eta) : eta, mul(Stilde, SmT)],
    [e2, cubic],
  );
  const l2 = combine([sabotaged ? F.zero : F.one, D], [eta, mul(W, D)], [eta, mul(D, W)], [e2, cubic]);
  const IW = combine([F.one, I], [eta, W]);
  const l3 = combine([F.one, mul(IW, D, IW)], [corrected ? F.neg(e2) : e2, mul(W, D, W)], [e2, cubic]);
  return { 'L0 − L1': sub(l0, l1), 'L1 − L2': sub(l1, l2), 'L2 − L3': sub(l2, l3) };
}

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
      const r = chain31(S, { Sigma: S.L.Σ, Sbar: S.L.S̄, Stilde: S.L.S̃, eta: S.vars.η, I: S.eye('d') }, corrected, false);
      return Object.fromEntries(Object.entries(r).map(([k, m]) => [k, S.neg(m)]));
    },
  };
}

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
      return { instance: { Sigma, Sbar, Stilde, eta }, residuals: chain31(A, { Sigma, Sbar, Stilde, eta, I: A.eye(d) }, corrected, sabotaged) };
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
