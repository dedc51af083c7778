/**
 * YD21 §3.2.4 and (21) (App. A of the preprint) — operator-norm bounds on the perturbations C_t (13)
 * and D_t (14), each printed "≤" its own comparison (m′ = m − d, n′ = n − d):
 *
 *   ‖C_t‖_op ≤ 2√(2σ₁)e_b²d²ε² + √(2σ₁)c²ε²(max{d, m′} + max{d, n′})        [C1]
 *            ≤ √(2σ₁)(e_b² + c²)(m + n)dε²                                    [C2]
 *   ‖D_t‖_op ≤ 4σ₁e_bdε + √(2σ₁)c²ε²(max{d, m′} + max{d, n′})                 [D1]
 *            ≤ 8σ₁e_bdε   "when choosing ε ≤ √σ₁e_bd/(c²(m + n))"             [D2]
 *
 * Hypotheses (lemmas/yd21/support/stage-one-hypotheses.ts): §3.2.1's (1), (2) (so ‖A‖ ≤ √(2σ₁), ‖B‖ ≤ e_bdε), the
 * J/K bounds of stage one (‖J‖² ≤ c²ε²max{d, m′}, ‖K‖² ≤ c²ε²max{d, n′}) and §3.2.4's choice of ε
 * (e_b²ε² ≤ σ_d/((m+n)dκ), so ‖B‖ ≤ e_bdε ≤ √(σ_d/2) ≤ √(2σ₁); ε ≤ √σ₁e_bd/(c²(m+n)) as printed). Derivation: [C1] ‖ABᵀB‖, ‖BAᵀB‖ ≤ √(2σ₁)‖B‖² and
 * ‖A(KᵀK+JᵀJ)/2‖ + ‖B(KᵀK−JᵀJ)/2‖ ≤ (√(2σ₁) + ‖B‖)(‖K‖² + ‖J‖²)/2; [C2] 2d² ≤ (m + n)d and
 * max{d, m′} + max{d, n′} ≤ m + n; [D1] ‖ABᵀA‖, ‖BAᵀA‖ ≤ 2σ₁‖B‖, and the J,K-terms as in [C1];
 * [D2] √(2σ₁)c²ε²(m + n) ≤ 4σ₁e_bdε iff ε ≤ 2√2·√σ₁e_bd/(c²(m + n)), implied by the printed condition.
 * All four hold. Scale: each side written once against BoundOps (src/claims/measured.ts) and
 * evaluated on the engine's blocks in the magnitude model; ‖C‖ and ‖D‖ carry the computed
 * magnitudes of C and D, the scalar sides those of their own terms.
 */
import { boundComparison, boundOps, type BoundOps } from '../../src/claims/measured.ts';
import { measuredDiagonalStep } from '../../src/gd/measured-step.ts';
import type { DerivedExact } from '../../src/exact/states.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { relativeTolerance } from '../../src/claims/tolerance.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { STAGE_ONE_CHOICES, type StageOneState, stageOneState } from './support/stage-one.ts';
import { SECTION_3_2_1, STAGE_ONE_CHOICES_IN_FORCE, stageOneFrame } from './support/stage-one-hypotheses.ts';
import { stateSize } from '../../src/random/instances.ts';

/** The sides of [C1], [C2], [D1], [D2], written once; ebFactor < 1 is the sabotage (a B-allowance smaller than the assumption's). */
function sides<M, S>(A: BoundOps<M, S>, s: DerivedExact<M>, x: StageOneState, eight: number, ebFactor: number) {
  const { F } = A;
  const { m, n, d } = x;
  const [s1, eps, c, eb] = [A.constant(x.sigma1), A.constant(x.epsilon), A.constant(x.c), A.constant(x.eb * ebFactor)];
  const sq = (a: S) => F.mul(a, a);
  const r2 = A.sqrt(F.mul(A.int(2), s1));
  const jk = [r2, sq(c), sq(eps), A.int(Math.max(d, m - d) + Math.max(d, n - d))].reduce(F.mul);
  const dEps = F.mul(A.int(d), eps);
  return {
    normC: A.opNorm(s.C),
    c1: F.add([A.int(2), r2, sq(eb), sq(dEps)].reduce(F.mul), jk),
    c2: [r2, F.add(sq(eb), sq(c)), A.int((m + n) * d), sq(eps)].reduce(F.mul),
    normD: A.opNorm(s.D),
    d1: F.add([A.int(4), s1, eb, dEps].reduce(F.mul), jk),
    d2: [A.constant(eight), s1, eb, dEps].reduce(F.mul),
  };
}

/** The four comparisons, each side evaluated in the magnitude model on the engine's blocks. */
function check(x: StageOneState, eight: number, ebFactor = 1): Comparison[] {
  const q = sides(boundOps(relativeTolerance('inequality', stateSize(x))), measuredDiagonalStep(x).before, x, eight, ebFactor);
  return [
    boundComparison('[C1] ‖C_t‖ ≤ 2√(2σ₁)e_b²d²ε² + √(2σ₁)c²ε²(max{d,m′} + max{d,n′})', q.normC, '≤', q.c1),
    boundComparison('[C2] … ≤ √(2σ₁)(e_b² + c²)(m+n)dε²', q.c1, '≤', q.c2),
    boundComparison('[D1] ‖D_t‖ ≤ 4σ₁e_bdε + √(2σ₁)c²ε²(max{d,m′} + max{d,n′})', q.normD, '≤', q.d1),
    boundComparison('[D2] … ≤ 8σ₁e_bdε', q.d1, '≤', q.d2),
  ];
}

export const eq21 = defineClaim<StageOneState>({
  id: 'yd21.eq-21.c-d-norms',
  source: { paper: 'YD21', where: '§3.2.4, (21) (App. A)' },
  kind: 'inequality',
  statement:
    '‖C_t‖_op ≤ 2√(2σ₁)e_b²d²ε² + √(2σ₁)c²ε²(max{d,m′} + max{d,n′}) ≤ √(2σ₁)(e_b² + c²)(m+n)dε²; ' +
    '‖D_t‖_op ≤ 4σ₁e_bdε + √(2σ₁)c²ε²(max{d,m′} + max{d,n′}) ≤ 8σ₁e_bdε (ε ≤ √σ₁e_bd/(c²(m+n)))',
  // (21) has no η: the step-size choices of stage one do not bear on it and are not required here.
  hypotheses: [stageOneFrame, ...SECTION_3_2_1, ...STAGE_ONE_CHOICES_IN_FORCE.filter((h) => h.name === 'jk-bounds' || h.name === 'epsilon-3.2.4')],
  choices: { ...STAGE_ONE_CHOICES },
  instances: stageOneState(),
  size: stateSize,
  constants: { eight: { printed: () => 8, formula: '8 (in ‖D_t‖_op ≤ 8σ₁e_bdε)' } },
  check: (x, c) => check(x, c.eight),
  // The smallest K with ‖D_t‖_op ≤ K·σ₁e_bdε (the end-to-end bound), the computed magnitude of ‖D_t‖ deducted.
  witness: {
    eight: (x, tol) => {
      const q = sides(boundOps(tol), measuredDiagonalStep(x).before, x, 1, 1);
      return (q.normD.value - tol * q.normD.magnitude) / q.d2.value;
    },
  },
  expected: 'holds',
  sabotage: { description: 'e_b replaced by e_b/10 on the right sides (a B-allowance ten times too small)', check: (x, c) => check(x, c.eight, 0.1) },
  runs: 1000,
});
