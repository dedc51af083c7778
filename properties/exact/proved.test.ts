/**
 * Issue #21: the `proved` rigor level. `check --rigorous` (src/claims/rigorous.ts) runs an identity's
 * symbolic spec (Claim.symbolic, src/exact/symbolic-spec.ts) — the same StepResiduals the exact
 * certificate evaluates, on letters through the block step (src/exact/symbolic-steps.ts):
 *  - the true step identities of YD21 and JCD are 'proved' (and keep their certificate);
 *  - the printed (12) / (A.6) and (22) are refuted exactly and record printed − true in the derived
 *    letters: 2η²(DBᵀP + PBDᵀ) for (12) and (A.6);
 *  - planted false identities are not proved; a proof that needs a relation outside the free algebra
 *    stays at the level the rest of the check gives and names the relation.
 */
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
