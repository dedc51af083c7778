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
 * All four hold. Scale: ‖C‖ and ‖D‖ err by their magnitudes (src/gd/magnitudes.ts); the scalar
 * sides by their own size.
 */
import { blockState } from '../../src/gd/index.ts';
import { opNorm } from '../../src/linalg/spectral.ts';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { blockMagnitudes } from '../../src/gd/magnitudes.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { STAGE_ONE_CHOICES, type StageOneState, stageOneState } from './support/stage-one.ts';
import { SECTION_3_2_1, STAGE_ONE_CHOICES_IN_FORCE, stageOneFrame } from './support/stage-one-hypotheses.ts';
import { stateSize } from '../../src/random/instances.ts';

/** ebFactor < 1: the sabotage (a B-allowance smaller than the assumption's). */
function check(x: StageOneState, eight: number, ebFactor = 1): Comparison[] {
  const s = blockState(x.sigma, x.U, x.V);
  const mb = blockMagnitudes(x.sigma, x.U, x.V);
  const { sigma1: s1, epsilon: eps, c, m, n, d } = x;
  const eb = x.eb * ebFactor;
  const r2 = Math.sqrt(2 * s1);
  const jk = r2 * c * c * eps * eps * (Math.max(d, m - d) + Math.max(d, n - d));
  const c1 = 2 * r2 * eb * eb * d * d * eps * eps + jk;
  const c2 = r2 * (eb * eb + c * c) * (m + n) * d * eps * eps;
  const d1 = 4 * s1 * eb * d * eps + jk;
  const d2 = eight * s1 * eb * d * eps;
  return [
    atMost('[C1] ‖C_t‖ ≤ 2√(2σ₁)e_b²d²ε² + √(2σ₁)c²ε²(max{d,m′} + max{d,n′})', opNorm(s.C), c1, mb.C + c1),
    atMost('[C2] … ≤ √(2σ₁)(e_b² + c²)(m+n)dε²', c1, c2, c1 + c2),
    atMost('[D1] ‖D_t‖ ≤ 4σ₁e_bdε + √(2σ₁)c²ε²(max{d,m′} + max{d,n′})', opNorm(s.D), d1, mb.D + d1),
    atMost('[D2] … ≤ 8σ₁e_bdε', d1, d2, d1 + d2),
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
  // The smallest K with ‖D_t‖_op ≤ K·σ₁e_bdε (the end-to-end bound), rounding of ‖D_t‖ deducted.
  witness: {
    eight: (x, tol) => {
      const s = blockState(x.sigma, x.U, x.V);
      const unit = x.sigma1 * x.eb * x.d * x.epsilon;
      return (opNorm(s.D) - tol * blockMagnitudes(x.sigma, x.U, x.V).D) / unit;
    },
  },
  expected: 'holds',
  sabotage: { description: 'e_b replaced by e_b/10 on the right sides (a B-allowance ten times too small)', check: (x, c) => check(x, c.eight, 0.1) },
  runs: 1000,
});
