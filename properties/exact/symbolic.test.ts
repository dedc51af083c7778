/**
 * The symbolic prover (src/exact/symbolic.ts): the free algebra with involution and trace.
 *  - planted identities, true (some only by a cyclic rotation of a trace or a transpose rule) and
 *    false (with their exact symbolic residuals);
 *  - YD21 (10), (11), (12) and (22) from the definitions: the block GD step is the certificate's own
 *    gdStepExact run on 2×2 block matrices of letters, and deriveExact / pUpdateExact are the
 *    certificates' own exact forms evaluated symbolically through the shared operation set;
 *  - agreement with exact arithmetic: random formulas evaluated symbolically then substituted, vs
 *    directly on rational matrices; the (12) and (22) normal forms vs the existing exact forms'
 *    residuals on the same instances, and (31)'s (a spec written in the paper's letters).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { algebra, type XMat } from '../../src/exact/matrix.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { matrixOps } from '../../src/exact/ops.ts';
import { Q, type Rational, rational } from '../../src/exact/rational.ts';
import { type DerivedExact, deriveExact, gdStepExact, pUpdateExact, splitExact } from '../../src/exact/states.ts';
import { blockOps } from '../../src/exact/symbolic-blocks.ts';
import { type Scalar, type SMat, symbolic } from '../../src/exact/symbolic.ts';
import type { Supply } from '../../src/exact/form.ts';
import type { ExactForm } from '../../src/exact/form.ts';
import type { DiagonalDims } from '../../src/exact/states.ts';
import { eq12, eq12Corrected } from '../../lemmas/yd21/eq-12.p-update.ts';
import { eq22, eq22Corrected } from '../../lemmas/yd21/eq-22.b-norm-identity.ts';
import { eq31 } from '../../lemmas/yd21/eq-31.general-analysis.ts';

// Type-level: algebra(F) is a MatrixOps over XMat (a compile error here if it stops being one).
const ratOps: MatrixOps<XMat<Rational>, Rational> = algebra(Q);
const QA = algebra(Q);

// The exact forms in src/exact/states.ts are typed against MatrixOps: the symbolic algebra runs them as it is.

describe('symbolic: planted identities', () => {
  const S = symbolic(
    {
      X: {},
      Y: {},
      Z: {},
      Sg: { kind: 'symmetric' },
      W: { kind: 'antisymmetric' },
      R: { rows: 'n', cols: 'k' },
      G: { invertible: true },
    },
    ['η'],
  );
  const { X, Y, Z, Sg, W, R, G } = S.L;
  const { add, sub, mul, tr, trace, inner, frob2, F, int } = S;
  const proved = (x: SMat | Scalar) => expect(S.prove(x)).toEqual({ proved: true });
  const refuted = (x: SMat | Scalar) => {
    const r = S.prove(x);
    expect(r.proved).toBe(false);
    return r.proved ? '' : r.text;
  };

  it('transpose is an involution reversing products: (XY)ᵀ = YᵀXᵀ, (Xᵀ)ᵀ = X, Sᵀ = S, Wᵀ = −W', () => {
    proved(sub(tr(mul(X, Y)), mul(tr(Y), tr(X))));
    proved(sub(tr(tr(X)), X));
    proved(sub(tr(mul(X, Y, Z)), mul(tr(Z), tr(Y), tr(X))));
    proved(sub(tr(Sg), Sg));
    proved(add(tr(W), W));
    proved(sub(tr(mul(Sg, X, Sg)), mul(Sg, tr(X), Sg)));
  });

  it('(X+Y)ᵀ(X+Y) = XᵀX + XᵀY + YᵀX + YᵀY', () => {
    const s = add(X, Y);
    proved(sub(mul(tr(s), s), [mul(tr(X), X), mul(tr(X), Y), mul(tr(Y), X), mul(tr(Y), Y)].reduce(add)));
  });

  it('traces: cyclic rotation tr(XYZ) = tr(ZXY) = tr(YZX), transpose tr(Xᵀ) = tr(X), both: tr(XᵀYᵀ) = tr(YX)', () => {
    proved(F.sub(trace(mul(X, Y, Z)), trace(mul(Z, X, Y))));
    proved(F.sub(trace(mul(X, Y, Z)), trace(mul(Y, Z, X))));
    proved(F.sub(trace(tr(X)), trace(X)));
    proved(F.sub(trace(mul(tr(X), tr(Y))), trace(mul(Y, X))));
    // tr(XYZ) = tr(ZᵀYᵀXᵀ) = tr(YᵀXᵀZᵀ): transpose then rotation.
    proved(F.sub(trace(mul(X, Y, Z)), trace(mul(tr(Y), tr(X), tr(Z)))));
    // rectangular R (n×k): tr(RᵀXR) = tr(XRRᵀ) (a k×k and an n×n trace).
    proved(F.sub(trace(mul(tr(R), X, R)), trace(mul(X, R, tr(R)))));
    expect(S.toString(trace(S.eye('k')))).toBe('k');
  });

  it('⟨X, Y⟩ = ⟨Y, X⟩ = tr(XYᵀ) = tr(YᵀX), ‖X‖² = tr(XXᵀ), ‖X + Y‖² = ‖X‖² + 2⟨X, Y⟩ + ‖Y‖²', () => {
    proved(F.sub(inner(X, Y), inner(Y, X)));
    proved(F.sub(inner(X, Y), trace(mul(X, tr(Y)))));
    proved(F.sub(inner(X, Y), trace(mul(tr(Y), X))));
    proved(F.sub(frob2(X), trace(mul(X, tr(X)))));
    proved(F.sub(frob2(add(X, Y)), [frob2(X), F.mul(int(2), inner(X, Y)), frob2(Y)].reduce(F.add)));
    proved(F.sub(frob2(mul(R, tr(R))), frob2(mul(tr(R), R)))); // ‖RRᵀ‖² = tr(RRᵀRRᵀ) = ‖RᵀR‖²
  });

  it('symmetric and antisymmetric letters: tr(SXᵀ) = tr(XS), tr(W) = 0, tr(SW) = 0, ⟨S, W⟩ = 0, tr(W³) = 0, tr(WX) = −tr(XᵀW)', () => {
    proved(F.sub(trace(mul(Sg, tr(X))), trace(mul(X, Sg))));
    proved(trace(W));
    proved(trace(mul(Sg, W)));
    proved(inner(Sg, W));
    proved(trace(mul(W, W, W))); // tr(W³) = tr((W³)ᵀ) = −tr(W³)
    proved(F.add(trace(mul(W, X)), trace(mul(tr(X), W)))); // tr(WX) = tr(XᵀWᵀ) = −tr(XᵀW)
  });

  it('scalar coefficients commute with letters and with traces: η tr(X)·Y = Y·(tr(Xᵀ) η)', () => {
    const eta = S.vars.η;
    proved(sub(S.scale(F.mul(eta, trace(X)), Y), mul(Y, S.scale(F.mul(trace(tr(X)), eta), S.eye('n')))));
  });

  it('inverses: GG⁻¹ = G⁻¹G = I, (G⁻¹)ᵀGᵀ = I, tr(G⁻¹XG) = tr(X), cancellations cascade', () => {
    const Gi = S.inv('G');
    proved(sub(mul(G, Gi), S.eye('n')));
    proved(sub(mul(Gi, G), S.eye('n')));
    proved(sub(mul(tr(Gi), tr(G)), S.eye('n')));
    proved(F.sub(trace(mul(Gi, X, G)), trace(X)));
    proved(sub(mul(G, G, Gi, X, G, Gi, Gi), mul(G, X, Gi)));
    proved(F.sub(trace(mul(G, Gi)), trace(S.eye('n'))));
  });

  it('scalar variables divide by monomials (Laurent): (η/c)·c = η, η²/c² − (η/c)² = 0, 1 − (1 − c²) = c² divides; a sum does not', () => {
    const T = symbolic({ X: {} }, ['η', 'c']);
    const { η, c } = T.vars;
    expect(T.F.sub(T.F.mul(T.F.div(η, c), c), η)).toEqual(T.F.zero);
    const q = T.F.div(η, c);
    expect(T.isZero(T.F.sub(T.F.div(T.F.mul(η, η), T.F.mul(c, c)), T.F.mul(q, q)))).toBe(true);
    const oneMinusBeta = T.F.sub(T.F.one, T.F.sub(T.F.one, T.F.mul(c, c)));
    expect(T.format(T.F.div(T.F.one, oneMinusBeta), 'unicode')).toBe('c⁻²');
    expect(() => T.F.div(η, T.F.add(T.F.one, c))).toThrow(/only by a monomial/);
    expect(() => T.F.div(η, T.trace(T.L.X))).toThrow(/only by a monomial/);
    // Evaluated exactly: η²/c · tr(X) at η = 1/2, c = 1/3, X = [2] is (1/4)·3·2 = 3/2.
    const env = { letters: { X: QA.make(1, 1, () => rational(2)) }, scalars: { η: rational(1, 2), c: rational(1, 3) } };
    expect(T.evaluate(QA, T.F.mul(T.F.div(T.F.mul(η, η), c), T.trace(T.L.X)), env)).toEqual(rational(3, 2));
  });

  it('planted false identities are refuted with their exact residual', () => {
    expect(refuted(F.sub(trace(mul(X, Y, Z)), trace(mul(X, Z, Y))))).toBe('tr(X·Y·Z) − tr(X·Z·Y)');
    expect(refuted(sub(tr(mul(X, Y)), mul(tr(X), tr(Y))))).toBe('Y^T·X^T − X^T·Y^T');
    expect(refuted(F.sub(frob2(add(X, Y)), F.add(frob2(X), frob2(Y))))).toBe('2·tr(X·Y^T)');
    expect(refuted(sub(mul(Sg, X), mul(X, Sg)))).toBe('Sg·X − X·Sg');
    expect(refuted(F.sub(trace(mul(tr(X), Y)), trace(mul(X, Y))))).toBe('tr(X·Y^T) − tr(X·Y)');
    // (X + ηY)² − X² − 2ηXY = η(YX − XY) + η²Y²: noncommutative, grouped by coefficient.
    const eta = S.vars.η;
    const XY = add(X, S.scale(eta, Y));
    expect(refuted(sub(mul(XY, XY), add(mul(X, X), S.scale(F.mul(int(2), eta), mul(X, Y)))))).toBe('η·(Y·X − X·Y) + η^2·Y·Y');
    expect(S.format(sub(mul(XY, XY), add(mul(X, X), S.scale(F.mul(int(2), eta), mul(X, Y)))), 'unicode')).toBe('η(YX − XY) + η²YY');
    expect(S.toLatex(S.scale(F.mul(int(2), eta), mul(tr(X), S.inv('G'))))).toBe('2 \\eta X^{\\top} G^{-1}');
  });

  it('shape errors are caught (the free algebra is typed by named dimensions)', () => {
    expect(() => mul(R, R)).toThrow();
    expect(() => add(R, X)).toThrow();
    expect(() => trace(R)).toThrow();
  });
});

describe('symbolic: relations outside the free algebra are named, not assumed', () => {
  const S = symbolic({ Σ: { kind: 'symmetric' }, Λ: { kind: 'symmetric', invertible: true }, X: {}, O: {}, P: {} }, ['η']);
  const { Σ, Λ, X, O, P } = S.L;
  const { sub, mul, tr, trace, frob2, F } = S;
  const relations = { commute: [['Σ', 'Λ']] as [string, string][], orthogonal: ['O', 'P'] };

  it('diagonal Σ, Λ commuting: tr(ΣΛX) = tr(ΛΣX) is refuted in the free algebra and proved modulo ΣΛ = ΛΣ (only that relation named)', () => {
    const r = F.sub(trace(mul(Σ, Λ, X)), trace(mul(Λ, Σ, X)));
    const free = S.prove(r);
    expect(free.proved).toBe(false);
    if (!free.proved) expect(free.text).toBe('−tr(X·Λ·Σ) + tr(X·Σ·Λ)');
    expect(S.prove(r, relations)).toEqual({ proved: true, modulo: ['ΣΛ = ΛΣ'] });
    expect(S.prove(sub(mul(S.inv('Λ'), Σ, Λ), Σ), relations)).toEqual({ proved: true, modulo: ['ΣΛ = ΛΣ'] });
    expect(S.prove(sub(mul(Σ, Λ, X), mul(Λ, Σ, X)), relations)).toEqual({ proved: true, modulo: ['ΣΛ = ΛΣ'] });
  });

  it('orthogonal O (an SVD rotation): tr(OᵀXO) = tr(X), ‖OX‖² = ‖X‖²; X = OΣPᵀ gives XᵀX = PΣ²Pᵀ', () => {
    expect(S.prove(F.sub(trace(mul(tr(O), X, O)), trace(X)), relations)).toEqual({ proved: true, modulo: ['OᵀO = OOᵀ = I'] });
    expect(S.prove(F.sub(frob2(mul(O, X)), frob2(X)), relations)).toEqual({ proved: true, modulo: ['OᵀO = OOᵀ = I'] });
    const svd = mul(O, Σ, tr(P));
    expect(S.prove(sub(mul(tr(svd), svd), mul(P, Σ, Σ, tr(P))), relations)).toEqual({ proved: true, modulo: ['OᵀO = OOᵀ = I'] });
  });

  it('commuting general letters: XY = YX gives XᵀYᵀ = YᵀXᵀ and X⁻¹Y = YX⁻¹, not XᵀY = YXᵀ', () => {
    const G2 = symbolic({ X: { invertible: true }, Y: {} });
    const [X2, Y2] = [G2.L.X, G2.L.Y];
    const rel = { commute: [['X', 'Y']] as [string, string][] };
    expect(G2.prove(G2.sub(G2.mul(X2, Y2), G2.mul(Y2, X2)), rel)).toEqual({ proved: true, modulo: ['XY = YX'] });
    expect(G2.prove(G2.sub(G2.mul(G2.tr(X2), G2.tr(Y2)), G2.mul(G2.tr(Y2), G2.tr(X2))), rel)).toEqual({ proved: true, modulo: ['XY = YX'] });
    expect(G2.prove(G2.sub(G2.mul(G2.inv('X'), Y2), G2.mul(Y2, G2.inv('X'))), rel)).toEqual({ proved: true, modulo: ['XY = YX'] });
    const r = G2.prove(G2.sub(G2.mul(G2.tr(X2), Y2), G2.mul(Y2, G2.tr(X2))), rel);
    expect(r.proved).toBe(false);
    if (!r.proved) expect(r.text).toBe('X^T·Y − Y·X^T');
    expect(G2.prove(G2.F.sub(G2.trace(G2.mul(G2.tr(X2), Y2, Y2)), G2.trace(G2.mul(Y2, G2.tr(X2), Y2))), rel).proved).toBe(true); // rotation alone
    expect(G2.prove(G2.F.sub(G2.trace(G2.mul(G2.tr(X2), Y2, X2)), G2.trace(G2.mul(G2.tr(X2), X2, Y2))), rel)).toEqual({ proved: true, modulo: ['XY = YX'] });
  });

  it('a relation does not prove what it does not imply: ΣX − XΣ stays, with its residual', () => {
    const r = S.prove(sub(mul(Σ, X), mul(X, Σ)), relations);
    expect(r.proved).toBe(false);
    if (!r.proved) expect(r.text).toBe('Σ·X − X·Σ');
    // ΣΛ = ΛΣ does not give ΣΛᵀ… for general letters; here Λ is symmetric, so ΣΛᵀ = ΣΛ = ΛΣ anyway.
    expect(S.prove(F.sub(trace(mul(Σ, Λ, X, tr(X))), trace(mul(Λ, Σ, X, tr(X)))), relations).proved).toBe(true);
  });
});

// ---- YD21 in letters ----

/** YD21's block letters: Σ (d×d symmetric), U, V (d×d), J ((m−d)×d), K ((n−d)×d); η. */
function yd21() {
  const S = symbolic(
    { Σ: { kind: 'symmetric', rows: 'd' }, U: { rows: 'd', cols: 'd' }, V: { rows: 'd', cols: 'd' }, J: { rows: 'p', cols: 'd' }, K: { rows: 'q', cols: 'd' } },
    ['η'],
  );
  const { Σ, U, V, J, K } = S.L;
  const eta = S.vars.η;
  // (2), (3) on 𝐔 = [U; J], 𝐕 = [V; K], Σ_full = diag(Σ, 0): the certificate's gdStepExact on blocks.
  const B = blockOps(S); // src/exact/symbolic-blocks.ts
  const full = {
    b: [
      [Σ, S.zeros('d', 'q')],
      [S.zeros('p', 'd'), S.zeros('p', 'q')],
    ],
  };
  const next = gdStepExact(B, full, { b: [[U], [J]] }, { b: [[V], [K]] }, eta);
  const [nU, nV] = [next.U, next.V];
  const before = deriveExact(S, Σ, { U, V, J, K });
  const after = deriveExact(S, Σ, { U: nU.b[0][0], V: nV.b[0][0], J: nU.b[1][0], K: nV.b[1][0] });
  const d = <K extends keyof typeof before>(k: K, s = before) => s[k];
  return { S, eta, Σ, U, V, J, K, next: { U: nU.b[0][0], J: nU.b[1][0], V: nV.b[0][0], K: nV.b[1][0] }, before, after, d };
}

describe('symbolic: YD21 (10)–(12) from the definitions', () => {
  const y = yd21();
  const { S, eta, Σ, U, V, J, K } = y;
  const { add, sub, mul, tr, scale, F } = S;
  const [A, B, P, C, D] = (['A', 'B', 'P', 'C', 'D'] as const).map((k) => y.d(k));
  const Pn = y.d('P', y.after);
  const printed = pUpdateExact(S, Σ, y.before, eta, +1);
  const corrected = pUpdateExact(S, Σ, y.before, eta, -1);
  const e2 = F.mul(eta, eta);

  it('the block step is (2), (3) blockwise: U₊ = U + η((Σ − UVᵀ)V − UKᵀK), J₊ = J − η(JVᵀV + JKᵀK), and V₊, K₊ likewise', () => {
    expect(S.prove(sub(y.next.U, add(U, scale(eta, sub(mul(sub(Σ, mul(U, tr(V))), V), mul(U, tr(K), K))))))).toEqual({ proved: true });
    expect(S.prove(sub(y.next.J, sub(J, scale(eta, add(mul(J, tr(V), V), mul(J, tr(K), K))))))).toEqual({ proved: true });
    expect(S.prove(sub(y.next.V, add(V, scale(eta, sub(mul(sub(Σ, mul(V, tr(U))), U), mul(V, tr(J), J))))))).toEqual({ proved: true });
    expect(S.prove(sub(y.next.K, sub(K, scale(eta, add(mul(K, tr(U), U), mul(K, tr(J), J))))))).toEqual({ proved: true });
  });

  it('P and the step: P = Pᵀ; (10) A₊ = (I + ηP)A + ηC and (11) B₊ = (I − ηP)B + ηD are proved', () => {
    expect(S.prove(sub(P, tr(P)))).toEqual({ proved: true });
    const I = S.eye('d');
    expect(S.prove(sub(y.d('A', y.after), add(mul(add(I, scale(eta, P)), A), scale(eta, C))))).toEqual({ proved: true });
    expect(S.prove(sub(y.d('B', y.after), add(mul(sub(I, scale(eta, P)), B), scale(eta, D))))).toEqual({ proved: true });
    // With (I + ηP)B the residual is −2ηPB, expanded in the letters.
    const wrong = S.prove(sub(y.d('B', y.after), add(mul(add(I, scale(eta, P)), B), scale(eta, D))));
    expect(wrong.proved).toBe(false);
    if (!wrong.proved) expect(S.prove(add(wrong.residual, scale(F.mul(S.int(2), eta), mul(P, B))))).toEqual({ proved: true });
  });

  it('(12) corrected (D-terms η(B − ηPB)Dᵀ + ηD(B − ηPB)ᵀ) is proved in the free algebra with involution (Σ symmetric, nothing else)', () => {
    expect(S.prove(sub(Pn, corrected))).toEqual({ proved: true });
  });

  it('(12) corrected needs Σ symmetric: with Σ a general letter (m = n = d, J = K = 0, the full step) the residual is 16 words', () => {
    const G = symbolic({ Σ: { rows: 'd' }, U: { rows: 'd' }, V: { rows: 'd' } }, ['η']);
    const e = G.vars.η;
    const nx = gdStepExact(G, G.L.Σ, G.L.U, G.L.V, e);
    const [J0, K0] = [G.zeros('p', 'd'), G.zeros('q', 'd')];
    const b0 = deriveExact(G, G.L.Σ, { U: G.L.U, V: G.L.V, J: J0, K: K0 });
    const b1 = deriveExact(G, G.L.Σ, { U: nx.U, V: nx.V, J: J0, K: K0 });
    const r = G.prove(G.sub(b1.P, pUpdateExact(G, G.L.Σ, b0, e, -1)));
    expect(r.proved).toBe(false);
    if (!r.proved) {
      expect(r.residual.terms.size).toBe(16);
      expect(G.format(r.residual, 'unicode').startsWith('1/2η(VVᵀΣ + ΣUUᵀ − VVᵀΣᵀ − ΣᵀUUᵀ)')).toBe(true);
    }
  });

  it('(12) as printed is refuted: P₊ − printed = −2η²(PBDᵀ + DBᵀP) exactly, with P, B, D expanded in U, V, J, K, Σ', () => {
    const r = S.prove(sub(Pn, printed));
    expect(r.proved).toBe(false);
    if (r.proved) return;
    const erratum = scale(F.mul(S.int(2), e2), add(mul(P, B, tr(D)), mul(D, tr(B), P)));
    expect(S.prove(add(r.residual, erratum))).toEqual({ proved: true });
    expect(S.prove(sub(sub(printed, corrected), erratum))).toEqual({ proved: true });
    expect(r.residual.terms.size).toBe(48); // the expanded difference: 48 words in U, V, J, K, Σ
  });

  it('(12) in the derived letters: printed − corrected prints as the erratum, 2η²(PBDᵀ + DBᵀP)', () => {
    const Z = symbolic(
      { Σ: { kind: 'symmetric', rows: 'd' }, P: { kind: 'symmetric', rows: 'd' }, A: { rows: 'd' }, B: { rows: 'd' }, C: { rows: 'd' }, D: { rows: 'd' } },
      ['η'],
    );
    const s = { A: Z.L.A, B: Z.L.B, P: Z.L.P, C: Z.L.C, D: Z.L.D } as DerivedExact<SMat>; // pUpdateExact reads only these
    const diff = Z.sub(pUpdateExact(Z, Z.L.Σ, s, Z.vars.η, +1), pUpdateExact(Z, Z.L.Σ, s, Z.vars.η, -1));
    expect(Z.toString(diff)).toBe('2·η^2·(D·B^T·P + P·B·D^T)');
    expect(Z.format(diff, 'unicode')).toBe('2η²(DBᵀP + PBDᵀ)');
    expect(Z.toLatex(diff)).toBe('2 \\eta^{2} \\left(D B^{\\top} P + P B D^{\\top}\\right)');
    // the dropped-cubic sabotage is refuted with its term
    const sab = Z.sub(pUpdateExact(Z, Z.L.Σ, s, Z.vars.η, -1), pUpdateExact(Z, Z.L.Σ, s, Z.vars.η, -1, false));
    expect(Z.toString(sab)).toBe('η^2·(P·P·P − P·Σ·P)');
  });
});

/** YD21 (22)'s right side (the exact form's rhs22Exact), written against MatrixOps. */
function rhs22<M, S, D>(O: MatrixOps<M, S, D>, s: { A: M; B: M; P: M; Q: M; M: M; N: M }, eta: S, corrected: boolean): S {
  const { F, mul, tr, inner, frob2, combine, scale } = O;
  const two = O.int(2);
  const BBt = mul(s.B, tr(s.B));
  const JK = corrected ? F.mul(F.neg(eta), inner(mul(tr(s.B), s.B), scale(two, s.M))) : F.mul(F.neg(F.mul(two, eta)), inner(BBt, s.M));
  const cross = F.mul(corrected ? F.neg(eta) : eta, inner(mul(tr(s.B), s.A), scale(two, s.N)));
  const G = combine([corrected ? O.int(-1) : F.one, mul(s.P, s.B)], [F.one, mul(s.Q, s.A)], [O.int(-1), mul(s.A, s.N)], [O.int(-1), mul(s.B, s.M)]);
  return [F.mul(F.neg(F.mul(two, eta)), inner(BBt, s.P)), JK, F.mul(F.neg(eta), frob2(s.Q)), cross, F.mul(F.mul(eta, eta), frob2(G))].reduce(F.add);
}

describe('symbolic: YD21 (22) first line', () => {
  const y = yd21();
  const { S, eta } = y;
  const cur = { A: y.d('A'), B: y.d('B'), P: y.d('P'), Q: y.d('Q'), M: y.d('M'), N: y.d('N') };
  const lhs = S.F.sub(S.frob2(y.d('B', y.after)), S.frob2(cur.B));

  it('corrected: ‖B₊‖² − ‖B‖² − rhs normalises to 0 (a trace polynomial identity)', () => {
    expect(S.prove(S.F.sub(lhs, rhs22(S, cur, eta, true)))).toEqual({ proved: true });
  });

  it('printed: refuted; in the derived letters (P, M, N symmetric, Q antisymmetric) printed − corrected is the three slips', () => {
    expect(S.prove(S.F.sub(lhs, rhs22(S, cur, eta, false))).proved).toBe(false);
    const Z = symbolic(
      {
        A: { rows: 'd' },
        B: { rows: 'd' },
        P: { kind: 'symmetric', rows: 'd' },
        Q: { kind: 'antisymmetric', rows: 'd' },
        M: { kind: 'symmetric', rows: 'd' },
        N: { kind: 'symmetric', rows: 'd' },
      },
      ['η'],
    );
    const z = { A: Z.L.A, B: Z.L.B, P: Z.L.P, Q: Z.L.Q, M: Z.L.M, N: Z.L.N };
    const diff = Z.F.sub(rhs22(Z, z, Z.vars.η, false), rhs22(Z, z, Z.vars.η, true));
    // −2η⟨BBᵀ − BᵀB, M⟩ (BBᵀ for BᵀB), +4η⟨BᵀA, N⟩ (the cross term's sign), 4η²⟨PB, QA − AN − BM⟩ (PB's sign).
    const { F, mul, tr, inner, int } = Z;
    const e = Z.vars.η;
    const expected = [
      F.mul(F.mul(int(-2), e), F.sub(inner(mul(z.B, tr(z.B)), z.M), inner(mul(tr(z.B), z.B), z.M))),
      F.mul(F.mul(int(4), e), inner(mul(tr(z.B), z.A), z.N)),
      F.mul(F.mul(int(4), F.mul(e, e)), inner(mul(z.P, z.B), Z.combine([F.one, mul(z.Q, z.A)], [int(-1), mul(z.A, z.N)], [int(-1), mul(z.B, z.M)]))),
    ].reduce(F.add);
    expect(Z.prove(F.sub(diff, expected))).toEqual({ proved: true });
    expect(Z.toString(diff)).toBe('4·η·tr(A·N·B^T) − 2·η·tr(B·B^T·M) + 2·η·tr(B·M·B^T) + 4·η^2·tr(A·B^T·P·Q) − 4·η^2·tr(A·N·B^T·P) − 4·η^2·tr(B·M·B^T·P)');
  });
});

// ---- agreement with exact arithmetic ----

type Ast =
  | { readonly op: 'leaf'; readonly name: 'X' | 'Y' | 'S' | 'W' | 'G' | 'Gi' | 'I' | 'RRt' }
  | { readonly op: 'add' | 'sub' | 'mul'; readonly a: Ast; readonly b: Ast }
  | { readonly op: 'tr'; readonly a: Ast }
  | { readonly op: 'scale'; readonly c: number; readonly a: Ast }
  | { readonly op: 'traceScale' | 'innerScale'; readonly a: Ast; readonly b: Ast; readonly c: Ast };

const ast: fc.Arbitrary<Ast> = fc.letrec<{ e: Ast }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ op: fc.constant('leaf' as const), name: fc.constantFrom('X', 'Y', 'S', 'W', 'G', 'Gi', 'I', 'RRt') }),
    fc.record({ op: fc.constantFrom('add' as const, 'sub' as const, 'mul' as const), a: tie('e'), b: tie('e') }),
    fc.record({ op: fc.constant('tr' as const), a: tie('e') }),
    fc.record({ op: fc.constant('scale' as const), c: fc.integer({ min: -3, max: 3 }), a: tie('e') }),
    fc.record({ op: fc.constantFrom('traceScale' as const, 'innerScale' as const), a: tie('e'), b: tie('e'), c: tie('e') }),
  ),
})).e;

const leaf = fc.record({ op: fc.constant('leaf' as const), name: fc.constantFrom('X', 'Y', 'S', 'W', 'G', 'Gi', 'I', 'RRt') });
/** Sums of products of (possibly transposed) leaves, times traces of such: words of length up to 5, the shapes the normaliser reorders. */
const product: fc.Arbitrary<Ast> = fc
  .array(fc.tuple(leaf, fc.boolean()), { minLength: 1, maxLength: 5 })
  .map((fs) => fs.map(([l, t]): Ast => (t ? { op: 'tr', a: l } : l)).reduce((a, b) => ({ op: 'mul', a, b })));
const sumOfProducts: fc.Arbitrary<Ast> = fc
  .array(fc.tuple(fc.integer({ min: -2, max: 2 }), product, fc.option(product, { nil: undefined })), { minLength: 1, maxLength: 3 })
  .map((ts) =>
    ts
      .map(([c, p, t]): Ast => {
        const scaled: Ast = { op: 'scale', c, a: p };
        return t ? { op: 'traceScale', a: t, b: scaled, c: t } : scaled;
      })
      .reduce((a, b) => ({ op: 'add', a, b })),
  );
const formula = fc.oneof(
  ast.filter((x) => size(x) <= 12),
  sumOfProducts,
);

/** One formula, two models: the same code runs on XMat<Rational> and on SMat. */
function run<M, S, D>(O: MatrixOps<M, S, D>, leaves: Record<string, M>, x: Ast): M {
  switch (x.op) {
    case 'leaf':
      return leaves[x.name];
    case 'add':
      return O.add(run(O, leaves, x.a), run(O, leaves, x.b));
    case 'sub':
      return O.sub(run(O, leaves, x.a), run(O, leaves, x.b));
    case 'mul':
      return O.mul(run(O, leaves, x.a), run(O, leaves, x.b));
    case 'tr':
      return O.tr(run(O, leaves, x.a));
    case 'scale':
      return O.scale(O.int(x.c), run(O, leaves, x.a));
    case 'traceScale':
      return O.scale(O.trace(run(O, leaves, x.a)), run(O, leaves, x.b));
    case 'innerScale':
      return O.scale(O.inner(run(O, leaves, x.a), run(O, leaves, x.c)), run(O, leaves, x.b));
  }
}
function size(x: Ast): number {
  if (x.op === 'leaf') return 1;
  if (x.op === 'tr' || x.op === 'scale') return 1 + size(x.a);
  if (x.op === 'traceScale' || x.op === 'innerScale') return 1 + size(x.a) + size(x.b) + size(x.c);
  return 1 + size(x.a) + size(x.b);
}

const eqMat = (a: XMat<Rational>, b: XMat<Rational>) => a.rows === b.rows && a.cols === b.cols && a.data.every((x, i) => Q.isZero(Q.sub(x, b.data[i])));

describe('symbolic: normal forms agree with exact arithmetic', () => {
  const S = symbolic({ X: {}, Y: {}, S: { kind: 'symmetric' }, W: { kind: 'antisymmetric' }, G: { invertible: true }, R: { rows: 'n', cols: 'k' } });
  const sym: Record<string, SMat> = { ...S.L, Gi: S.inv('G'), I: S.eye('n'), RRt: S.mul(S.L.R, S.tr(S.L.R)) };
  const int = fc.integer({ min: -3, max: 3 }).map((v) => rational(v));

  it('random formulas: the symbolic normal form, substituted, equals the direct rational computation (matrix and trace)', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(int, { minLength: 9 * 6 + 3, maxLength: 9 * 6 + 3 }),
        formula,
        (n, k, vals, x) => {
          let i = 0;
          const next = () => vals[i++ % vals.length];
          const X = QA.make(n, n, next);
          const Y = QA.make(n, n, next);
          const U = QA.make(n, n, next);
          const Sv = QA.add(U, QA.tr(U));
          const Wv = QA.sub(U, QA.tr(X));
          const Wa = QA.sub(Wv, QA.tr(Wv));
          const G = QA.make(n, n, (r, c) => (r === c ? Q.one : r < c ? next() : Q.zero)); // unit upper triangular: invertible
          const R = QA.make(n, k, next);
          const values = { X, Y, S: Sv, W: Wa, G, R };
          const direct = run(ratOps, { ...values, Gi: QA.inverse(G), I: QA.eye(n), RRt: QA.mul(R, QA.tr(R)) }, x);
          const normal = run(S, sym, x);
          expect(eqMat(S.evaluate(QA, normal, { letters: values }), direct)).toBe(true);
          expect(Q.isZero(Q.sub(S.evaluate(QA, S.trace(normal), { letters: values }), QA.trace(direct)))).toBe(true);
        },
      ),
      { numRuns: 150, seed: 21 },
    ));

  it('random formulas modulo relations (Σ, Λ diagonal; X, Y commuting polynomials of each other; O orthogonal): the normal form modulo them, substituted, equals the direct computation', () => {
    const R2 = symbolic({ X: {}, Y: {}, S: { kind: 'symmetric' }, W: { kind: 'symmetric' }, G: { invertible: true }, R: { rows: 'n', cols: 'k' } });
    const rel = {
      commute: [
        ['S', 'W'],
        ['X', 'Y'],
      ] as [string, string][],
      orthogonal: ['G'],
    };
    const leaves: Record<string, SMat> = { ...R2.L, Gi: R2.tr(R2.L.G), I: R2.eye('n'), RRt: R2.mul(R2.L.R, R2.tr(R2.L.R)) };
    // A rational rotation (3/5, 4/5) in the first two coordinates, then a reflection: orthogonal.
    const orth = (n: number) =>
      QA.make(n, n, (r, c) => (n >= 2 && r < 2 && c < 2 ? rational(r === c ? 3 : r < c ? -4 : 4, 5) : r === c ? (r === 2 ? rational(-1) : Q.one) : Q.zero));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.array(int, { minLength: 40, maxLength: 40 }), formula, (n, k, vals, x) => {
        let i = 0;
        const next = () => vals[i++ % vals.length];
        const Y = QA.make(n, n, next);
        const X = QA.combine([Q.one, QA.mul(Y, Y)], [rational(2), Y], [rational(-1), QA.eye(n)]); // commutes with Y
        const values = { X, Y, S: QA.diag(Array.from({ length: n }, next)), W: QA.diag(Array.from({ length: n }, next)), G: orth(n), R: QA.make(n, k, next) };
        const direct = run(ratOps, { ...values, Gi: QA.tr(values.G), I: QA.eye(n), RRt: QA.mul(values.R, QA.tr(values.R)) }, x);
        const normal = R2.modulo(run(R2, leaves, x), rel);
        expect(eqMat(R2.evaluate(QA, normal, { letters: values }), direct)).toBe(true);
        expect(Q.isZero(Q.sub(R2.evaluate(QA, R2.modulo(R2.trace(run(R2, leaves, x)), rel), { letters: values }), QA.trace(direct)))).toBe(true);
      }),
      { numRuns: 200, seed: 22 },
    );
  });

  it('matrixOps(algebra(F)) is the same object (the type check is the content)', () => {
    expect(matrixOps(QA)).toBe(QA);
  });
});

/** A deterministic Supply of rationals (the certificates draw the same kinds of variables). */
function supply(seed: number, N = 2001): Supply<Rational> {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const h = (N - 1) / 2;
  return {
    entry: () => rational(Math.floor(rnd() * N) - h),
    positive: () => rational(1 + Math.floor(rnd() * N)),
    fraction: () => rational(1 + Math.floor(rnd() * N), N + 1),
  };
}

describe('symbolic: the (12) and (22) normal forms vs the existing exact forms', () => {
  const y = yd21();
  const { S, eta } = y;
  const Pn = y.d('P', y.after);
  const res12 = {
    printed: S.sub(Pn, pUpdateExact(S, y.Σ, y.before, eta, +1)),
    corrected: S.sub(Pn, pUpdateExact(S, y.Σ, y.before, eta, -1)),
  };
  const cur = { A: y.d('A'), B: y.d('B'), P: y.d('P'), Q: y.d('Q'), M: y.d('M'), N: y.d('N') };
  const lhs = S.F.sub(S.frob2(y.d('B', y.after)), S.frob2(cur.B));
  const res22 = { printed: S.F.sub(lhs, rhs22(S, cur, eta, false)), corrected: S.F.sub(lhs, rhs22(S, cur, eta, true)) };

  const instance = (form: ExactForm<DiagonalDims>, dims: DiagonalDims, seed: number) => {
    const ev = form.evaluate(QA, dims, supply(seed), false);
    const inst = ev.instance as Record<string, XMat<Rational> | Rational>;
    const [Uf, Vf] = [inst.U as XMat<Rational>, inst.V as XMat<Rational>];
    const d = Uf.cols;
    const b = splitExact(QA, Uf, Vf, d);
    const env = { letters: { Σ: QA.block(inst.Sigma as XMat<Rational>, 0, d, 0, d), U: b.U, V: b.V, J: b.J, K: b.K }, scalars: { η: inst.eta as Rational } };
    return { env, residual: Object.values(ev.residuals)[0] };
  };
  const dimsList: DiagonalDims[] = [
    { d: 3, mc: 2, nc: 2 },
    { d: 2, mc: 1, nc: 0 },
    { d: 1, mc: 0, nc: 2 },
  ];

  it('(12): the symbolic residual evaluates to the exact form’s residual (printed: nonzero; corrected: 0)', () => {
    dimsList.forEach((dims, i) => {
      for (const [form, r] of [
        [eq12.exact, res12.printed],
        [eq12Corrected.exact, res12.corrected],
      ] as const) {
        const { env, residual } = instance(form as ExactForm<DiagonalDims>, dims, 100 + i);
        expect(eqMat(S.evaluate(QA, r, env), residual as XMat<Rational>)).toBe(true);
      }
      const { residual } = instance(eq12.exact as ExactForm<DiagonalDims>, dims, 100 + i);
      expect((residual as XMat<Rational>).data.some((x) => !Q.isZero(x))).toBe(true);
    });
  });

  it('(22): the symbolic scalar residual evaluates to the exact form’s residual', () => {
    dimsList.forEach((dims, i) => {
      for (const [form, r] of [
        [eq22.exact, res22.printed],
        [eq22Corrected.exact, res22.corrected],
      ] as const) {
        const { env, residual } = instance(form as ExactForm<DiagonalDims>, dims, 200 + i);
        expect(Q.isZero(Q.sub(S.evaluate(QA, r, env), residual as Rational))).toBe(true);
      }
    });
  });
});

describe('symbolic: the new specs vs the exact forms of the same residual', () => {
  it('(31) printed: each symbolic residual (printed − true) evaluates to minus the exact form’s residual on its instance', () => {
    const spec = eq31.symbolic!;
    const T = symbolic(spec.letters, spec.scalars);
    const sym = spec.residual(T);
    for (const [i, d] of [1, 2, 3].entries()) {
      const ev = (eq31.exact as ExactForm<{ d: number }>).evaluate(QA, { d }, supply(300 + i), false);
      const inst = ev.instance as Record<string, XMat<Rational> | Rational>;
      const env = {
        letters: { Σ: inst.Sigma as XMat<Rational>, S̄: inst.Sbar as XMat<Rational>, S̃: inst.Stilde as XMat<Rational> },
        scalars: { η: inst.eta as Rational },
      };
      for (const [key, r] of Object.entries(sym)) {
        const exact = ev.residuals[key] as XMat<Rational>;
        expect(eqMat(T.evaluate(QA, r as SMat, env), QA.scale(rational(-1), exact))).toBe(true);
      }
      expect(Object.values(ev.residuals).some((r) => (r as XMat<Rational>).data.some((x) => !Q.isZero(x)))).toBe(true);
    }
  });
});
