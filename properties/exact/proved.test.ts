/**
 * Issue #21: the `proved` rigor level. `check --rigorous` (src/claims/rigorous.ts) runs an identity's
 * symbolic spec (Claim.symbolic, src/exact/symbolic-spec.ts) — the same StepResiduals the exact
 * certificate evaluates, on letters through the block step (src/exact/symbolic-steps.ts):
 *  - the true step identities of YD21 and JCD are 'proved' (and keep their certificate);
 *  - the printed (12) / (A.6) and (22) are refuted exactly and record printed − true in the derived
 *    letters: 2η²(DBᵀP + PBDᵀ) for (12) and (A.6);
 *  - planted false identities are not proved; a proof that needs a relation outside the free algebra
 *    stays at the level the rest of the check gives and names the relation;
 *  - every other identity whose exact residual is written against MatrixOps (step, whole-frame,
 *    split-frame, Lemma 3.2 and free-letter residuals) is proved when true, and shows printed −
 *    true in the paper's letters when printed wrong; JCD Lemma C.8's chain is proved modulo the
 *    orthogonality of U and names it.
 */
import { eq4to5 } from '../../lemmas/yd21/eq-4-5.rotation.ts';
import { eq4Preprint } from '../../lemmas/yd21/eq-4-5.rotation.preprint.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rigorous } from '../../src/claims/rigorous.ts';
import { runClaim } from '../../src/claims/runner.ts';
import { type Claim, defineClaim } from '../../src/claims/types.ts';
import type { VerdictRecord } from '../../src/claims/record.ts';
import { equal } from '../../src/claims/compare.ts';
import { diagonalForm, pUpdateExact, type StepResiduals } from '../../src/exact/states.ts';
import { diagonalSymbolic } from '../../src/exact/symbolic-steps.ts';
import { proveSymbolic } from '../../src/exact/symbolic-spec.ts';
import { eq10 } from '../../lemmas/yd21/eq-10.a-update.ts';
import { eq11 } from '../../lemmas/yd21/eq-11.b-update.ts';
import { eq12, eq12Corrected } from '../../lemmas/yd21/eq-12.p-update.ts';
import { eq22, eq22Corrected } from '../../lemmas/yd21/eq-22.b-norm-identity.ts';
import { eqA4 } from '../../lemmas/jcd/eq-a.4.a-update.ts';
import { eqA5 } from '../../lemmas/jcd/eq-a.5.b-update.ts';
import { eqA6, eqA6Corrected } from '../../lemmas/jcd/eq-a.6.p-update.ts';
import { eq6to9 } from '../../lemmas/yd21/eq-6-9.blocks.ts';
import { aSplit } from '../../lemmas/yd21/sec-3.2.3.a-split.ts';
import { eq23 } from '../../lemmas/yd21/eq-23.stage-two-expansion.ts';
import { pqSplit } from '../../lemmas/yd21/sec-2.pq-split.ts';
import { eq43 } from '../../lemmas/jcd/eq-4.3.blocks.ts';
import { eqB1, eqB1Corrected } from '../../lemmas/jcd/eq-b.1.e-term.ts';
import { propB2BNorm, propB2BNormCorrected } from '../../lemmas/jcd/prop-b.2.b-norm-identity.ts';
import { balanceDrift } from '../../lemmas/yd21/sec-1.balance-drift.ts';
import { continuousError } from '../../lemmas/yd21/sec-3.3.continuous-error.ts';
import { continuousB, continuousBCorrected } from '../../lemmas/yd21/sec-3.2.5.continuous-b.ts';
import { eq31, eq31Corrected } from '../../lemmas/yd21/eq-31.general-analysis.ts';
import { lemma32Split } from '../../lemmas/yd21/lemma-3.2.proof-split.ts';
import { lemma32Factorisation, lemma32FactorisationCorrected } from '../../lemmas/yd21/lemma-3.2.proof-factorisation.ts';
import { c8TraceIdentities } from '../../lemmas/jcd/steps/lemma-c.8.ts';
import { lossSplit } from '../../lemmas/yd21/sec-3.3.loss-split.ts';
import { lossSplitPreprint, lossSplitPreprintCorrected } from '../../lemmas/yd21/sec-3.3.loss-split.preprint.ts';
import type { FullStepResiduals, LemmaResiduals } from '../../src/exact/states.ts';
import { lemmaSymbolic } from '../../src/exact/symbolic-steps.ts';

const ERRATUM_12 = ['2η²(DBᵀP + PBDᵀ)', '2η²(PBDᵀ + DBᵀP)'];
/** The float run then the rigorous decision, as `check --rigorous` does (src/cli/check.ts). */
const decide =
  <X>(claim: Claim<X>) =>
  (): VerdictRecord =>
    rigorous(claim, runClaim(claim));

describe('check --rigorous: proved identities', () => {
  for (const [id, run] of [eq10, eq11, eq12Corrected, eq22Corrected]
    .map((c) => [c.id, decide(c)] as const)
    .concat([eqA4, eqA5, eqA6Corrected].map((c) => [c.id, decide(c)] as const)))
    it(`${id} is proved (free algebra with involution), its certificate kept`, () => {
      const r = run();
      expect(r.rigor).toBe('proved');
      expect(r.verdict).toBe('holds');
      expect(r.certificate).toBeDefined();
      expect(r.symbolicResidual).toBeUndefined();
      expect(r.symbolicModulo).toBeUndefined();
    });
});

describe('check --rigorous: printed forms refuted with their exact symbolic residual', () => {
  for (const [id, run] of [
    [eq12.id, decide(eq12)],
    [eqA6.id, decide(eqA6)],
  ] as const)
    it(`${id}: printed − true = 2η²(DBᵀP + PBDᵀ), the exact counterexample kept`, () => {
      const r = run();
      expect(r.rigor).toBe('certified');
      expect(r.verdict).toBe('refuted');
      expect(r.exactCounterexample).toBeDefined();
      expect(ERRATUM_12).toContain(r.symbolicResidual);
      expect(r.symbolicLetters).toMatch(/^A, B, P, Q, M, N, C, D/);
    });

  it('yd21.eq-22.b-norm-identity: printed − true is the three slips, in A, B, P, Q, M, N', () => {
    const r = rigorous(eq22, runClaim(eq22));
    expect(r.rigor).toBe('certified');
    expect(r.verdict).toBe('refuted');
    expect(r.symbolicResidual).toBe('4ηtr(ANBᵀ) − 2ηtr(BBᵀM) + 2ηtr(BMBᵀ) + 4η²tr(ABᵀPQ) − 4η²tr(ANBᵀP) − 4η²tr(BMBᵀP)');
  });

  it('without a proved correction the residual is shown expanded in the letters U, V, J, K, Σ (for (12), many words)', () => {
    const { readable: _, ...bare } = eq12.symbolic!;
    const s = proveSymbolic(bare);
    expect(s.proved).toBe(false);
    if (s.proved) return;
    expect(s.letters).toMatch(/^Σ \(d×d, symmetric\)/);
    expect(s.residual.split(/ [+−] /).length).toBeGreaterThan(10);
  });
});

describe('check --rigorous: what is not proved', () => {
  // (12) corrected with the cubic term dropped, declared as an identity that holds: false.
  const dropped: StepResiduals = (A, { x, before: s, after }) => ({ 'P₊ − rhs': A.sub(after.P, pUpdateExact(A, s.Sigma, s, x.eta, -1, false)) });
  const planted = defineClaim<{ a: number }>({
    id: 'yd21.planted-false-identity',
    source: { paper: 'YD21', where: 'test' },
    kind: 'identity',
    statement: '(12) corrected without η²(P³ − PΣP)',
    hypotheses: [],
    instances: fc.constant({ a: 1 }),
    size: () => 1,
    check: () => [equal('nothing', 0, 0, 1)], // the floating-point check is not what is tested
    exact: diagonalForm(dropped),
    symbolic: diagonalSymbolic(dropped),
    expected: 'holds',
    sabotage: { description: 'none', check: () => [] },
    runs: 1,
  });

  it('a planted false identity is not proved: refuted exactly, its symbolic residual recorded', () => {
    const r = rigorous(planted, runClaim(planted));
    expect(r.rigor).toBe('certified');
    expect(r.verdict).toBe('refuted');
    expect(r.symbolicResidual).toBeTruthy();
    expect(r.symbolicLetters).toMatch(/^Σ \(d×d, symmetric\)/);
  });

  it('a proof that needs a relation outside the free algebra keeps its rigor and names the relation', () => {
    const commuting = defineClaim<{ a: number }>({
      ...planted,
      id: 'yd21.planted-commuting',
      exact: undefined,
      symbolic: {
        letters: { Σ: { kind: 'symmetric' }, Λ: { kind: 'symmetric' }, X: {} },
        meaning: 'Σ, Λ diagonal, X any',
        residual: (S) => ({ r: S.F.sub(S.trace(S.mul(S.L.Σ, S.L.Λ, S.L.X)), S.trace(S.mul(S.L.Λ, S.L.Σ, S.L.X))) }),
        relations: { commute: [['Σ', 'Λ']] },
      },
    });
    const r = rigorous(commuting, runClaim(commuting));
    expect(r.rigor).toBe('floating-point');
    expect(r.symbolicModulo).toEqual(['ΣΛ = ΛΣ']);
    const { relations: _, ...free } = commuting.symbolic!;
    const f = proveSymbolic(free);
    expect(f.proved).toBe(false);
  });
});

describe('check --rigorous: every identity true in the free algebra with involution is proved', () => {
  const proved = [
    eq6to9,
    aSplit,
    eq23,
    pqSplit,
    eq43,
    eqB1Corrected,
    propB2BNormCorrected,
    balanceDrift,
    continuousError,
    continuousBCorrected,
    eq31Corrected,
    lemma32Split,
    lemma32FactorisationCorrected,
    lossSplit,
    lossSplitPreprintCorrected,
  ] as Claim<unknown>[];
  for (const c of proved)
    it(`${c.id}: its residual normalises to 0 on letters`, () => {
      expect(proveSymbolic(c.symbolic!)).toEqual({ proved: true });
    });

  // One claim of each residual style through `check --rigorous` itself.
  for (const c of [eq43, balanceDrift, lossSplit, lemma32Split, eq31Corrected] as Claim<unknown>[])
    it(`${c.id} is proved by check --rigorous, its certificate kept`, () => {
      const r = rigorous(c, runClaim(c));
      expect(r.rigor).toBe('proved');
      expect(r.verdict).toBe('holds');
      expect(r.certificate).toBeDefined();
    });

  it('an identity with no exact form (the preprint loss split corrected) is proved by its symbolic spec alone', () => {
    const r = rigorous(lossSplitPreprintCorrected, runClaim(lossSplitPreprintCorrected));
    expect(r.rigor).toBe('proved');
    expect(r.verdict).toBe('holds');
  });
});

describe("check --rigorous: each printed identity shows printed − true in the paper's letters", () => {
  const cases: [Claim<unknown>, string][] = [
    [eqB1 as Claim<unknown>, '2η²(DBᵀP + PBDᵀ) + η²(PΣP − ΣPΣ)'],
    [propB2BNorm as Claim<unknown>, '4ηtr(ANBᵀ) + ηtr(BMBᵀ)'],
    [continuousB as Claim<unknown>, '3tr(BBᵀP) − 1/2tr(QQ)'],
    [lemma32Factorisation as Claim<unknown>, 'η(ΣΣ − SΣ)'],
    [lossSplitPreprint as Claim<unknown>, '−tr(JVᵀVJᵀ)'],
    // ηU′_0V_0ᵀ(V′_0 − V_0): the printed bracket's V_0ᵀ for V′_0ᵀ, in the letters of the SVD (modulo ΦᵀΦ = I).
    [eq4Preprint as Claim<unknown>, 'η(ΦᵀUVᵀΨᵀV − ΦᵀUVᵀV)'],
  ];
  for (const [c, residual] of cases)
    it(`${c.id}: ${residual}`, () => {
      const s = proveSymbolic(c.symbolic!);
      expect(s.proved).toBe(false);
      if (!s.proved) expect(s.residual).toBe(residual);
    });

  it('yd21.eq-31.general-analysis: its three slips, one per "=" (the second: 2η(S̃S̃ − S̃Σ) = −2ηS̃(Σ − S̃))', () => {
    const s = proveSymbolic(eq31.symbolic!);
    expect(s.proved).toBe(false);
    if (s.proved) return;
    expect(s.residual).toContain('L1 − L2: 2η(S̃S̃ − S̃Σ)');
    expect(s.residual).toMatch(/^L0 − L1: S̄ − S̃ \+ /);
    expect(s.residual).toContain('L2 − L3: 2η²(');
  });

  it('the refuted records carry it (check --rigorous)', () => {
    const r = rigorous(eqB1, runClaim(eqB1));
    expect(r.verdict).toBe('refuted');
    expect(r.rigor).toBe('certified');
    expect(r.symbolicResidual).toBe('2η²(DBᵀP + PBDᵀ) + η²(PΣP − ΣPΣ)');
  });
});

describe('check --rigorous: relations outside the free algebra, and planted false identities in the new styles', () => {
  it('jcd.lemma-c.8.trace-identities is proved only modulo UᵀU = UUᵀ = I: it stays certified and names it', () => {
    expect(proveSymbolic(c8TraceIdentities.symbolic!)).toEqual({ proved: true, modulo: ['UᵀU = UUᵀ = I'] });
    const { relations: _, ...free } = c8TraceIdentities.symbolic!;
    expect(proveSymbolic(free).proved).toBe(false);
    const r = rigorous(c8TraceIdentities, runClaim(c8TraceIdentities));
    expect(r.rigor).toBe('certified');
    expect(r.symbolicModulo).toEqual(['UᵀU = UUᵀ = I']);
  });

  it('yd21.eq-4-5.rotation (one GD step rotated by an SVD) is proved only modulo ΦᵀΦ = I and ΨᵀΨ = I: it names them', () => {
    expect(proveSymbolic(eq4to5.symbolic!)).toEqual({ proved: true, modulo: ['ΦᵀΦ = ΦΦᵀ = I', 'ΨᵀΨ = ΨΨᵀ = I'] });
    const { relations: _, ...free } = eq4to5.symbolic!;
    expect(proveSymbolic(free).proved).toBe(false);
  });

  it('a whole-frame drift with the wrong sign on η²𝐔ᵀRRᵀ𝐔 is not proved: printed − true = 2η²𝐔ᵀRRᵀ𝐔 expanded', () => {
    const drift: FullStepResiduals = (A, { x, next }) => {
      const { F, mul, sub, tr, combine } = A;
      const [Sigma, U, V, eta] = [x.SigmaFull, x.Ufull, x.Vfull, x.eta];
      const R = sub(Sigma, mul(U, tr(V)));
      const gram = (X: typeof U) => mul(tr(X), X);
      const e2 = F.mul(eta, eta);
      return { drift: sub(sub(sub(gram(next.U), gram(next.V)), sub(gram(U), gram(V))), combine([e2, mul(tr(V), tr(R), R, V)], [e2, mul(tr(U), R, tr(R), U)])) };
    };
    const s = proveSymbolic(diagonalSymbolic(drift));
    expect(s.proved).toBe(false);
    if (!s.proved) expect(s.residual).toMatch(/^2η²\(/);
  });

  it("Lemma 3.2's split with η² in place of η²/(1 − β) is not proved: the residual carries c⁻²", () => {
    const split: LemmaResiduals = (A, { Sigma, S: X, beta, eta, d }) => {
      const { F, mul, sub, combine } = A;
      const I = A.eye(d);
      const e2 = F.mul(eta, eta);
      const G = combine([F.one, I], [eta, sub(Sigma, X)]);
      const X2 = mul(X, X);
      const SXS = mul(Sigma, X, Sigma);
      const T1 = combine([beta, X], [F.mul(A.int(-2), eta), X2], [e2, mul(X2, X)]);
      const T2 = combine([F.sub(F.one, beta), X], [eta, mul(Sigma, X)], [eta, mul(X, Sigma)], [e2, SXS]);
      const T3 = combine([F.neg(F.div(beta, F.sub(F.one, beta))), SXS], [A.int(-1), mul(Sigma, X2)], [A.int(-1), mul(X2, Sigma)]);
      return { split: sub(mul(G, X, G), combine([F.one, T1], [F.one, T2], [e2, T3])) };
    };
    const s = proveSymbolic(lemmaSymbolic(split));
    expect(s.proved).toBe(false);
    if (!s.proved) expect(s.residual).toContain('c⁻²');
  });
});
