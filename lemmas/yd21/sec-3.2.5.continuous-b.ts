/**
 * YD21 §3.2.5 (both copies), the gradient-flow motivation of (19), with J = K = 0:
 *
 *   "Inspired by the continuous case that ‖Ḃ‖²_F = 2⟨B, Ḃ⟩ = Tr(BᵀPB) − ½‖Q‖²_F ≤ Tr(BᵀPB), where
 *    Q = ABᵀ − BAᵀ if we assume J = K = 0."
 *
 * Reading. The NeurIPS copy prints "‖Ḃ‖²_F = 2⟨B, Ḃ⟩", the preprint "‖B‖²_F = 2⟨B, B⟩":
 * the dot was over the whole ‖B‖²_F, i.e. the left side is d/dt‖B‖²_F (which is 2⟨B, Ḃ⟩; ‖Ḃ‖² is not).
 * Encoded: d/dt‖B‖²_F = 2⟨B, Ḃ⟩ = Tr(BᵀPB) − ½‖Q‖²_F under U̇ = (Σ − UVᵀ)V, V̇ = (Σ − UVᵀ)ᵀU.
 *
 * Derivation. With R = Σ − UVᵀ = P + Q (P symmetric, Q skew, §2.1), U = A + B, V = A − B:
 * Ḃ = (U̇ − V̇)/2 = ((P + Q)(A − B) − (P − Q)(A + B))/2 = −PB + QA (the η → 0 limit of (11)). Then
 * 2⟨B, Ḃ⟩ = −2Tr(BᵀPB) + 2Tr(BᵀQA), and Tr(BᵀQA) = Tr(Q·ABᵀ) = −⟨Q, ABᵀ⟩ = −⟨Q, Q/2⟩ = −½‖Q‖²_F
 * (Q is skew, so only the skew part (ABᵀ − BAᵀ)/2 = Q/2 of ABᵀ pairs with it). Hence
 *
 *   d/dt‖B‖²_F = −2Tr(BᵀPB) − ‖Q‖²_F ≤ −2Tr(BᵀPB),
 *
 * which matches the first-order part of the (corrected) (22): −2η⟨BBᵀ, P⟩ − η‖Q‖². The printed right
 * side has the wrong sign on the trace and half of each coefficient (it would even make ‖B‖ grow
 * where P ≻ 0). Verified here on the same instances, with d/dt‖B‖² extracted from two engine steps
 * (src/exact/states.ts quadraticSlopeOf: along one GD step ‖B‖² is a quadratic in η, so its slope at 0 is
 * exact), and during development in exact rational arithmetic (Python fractions, 20 instances with
 * entries in ¼ℤ, d ∈ {2, 3}: corrected form exact on 20/20, printed form wrong on 20/20).
 *
 * Scale: the residuals' magnitudes, computed from their one definition below (src/claims/measured.ts;
 * the slope's division by 2h carries each g(·)'s magnitude).
 */
import { blockState } from '../../src/gd/index.ts';
import { frobenius } from '../../src/linalg/dense.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { FLOW_WITHOUT_J_K } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { diagonalForm, type FlowResiduals, flowProbeExact, quadraticSlopeOf } from '../../src/exact/states.ts';
import { flowSymbolic } from '../../src/exact/symbolic-steps.ts';
import type { Symbolic } from '../../src/exact/symbolic.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { measuredFlowProbe } from '../../src/gd/measured-step.ts';
import { magnitudeOps, residualComparisons } from '../../src/claims/measured.ts';

interface Form {
  readonly corrected: boolean;
  /** Sabotage: drop the ‖Q‖² term. */
  readonly dropQ?: boolean;
}

/** The printed (Tr(BᵀPB) − ½‖Q‖²_F) or corrected (−2Tr(BᵀPB) − ‖Q‖²_F) right side; `dropQ`: the sabotage. */
function continuousBRhs<M, S, D>(A: MatrixOps<M, S, D>, s: { readonly B: M; readonly P: M; readonly Q: M }, form: Form): S {
  const { F, mul, inner, frob2 } = A;
  const trace = inner(s.B, mul(s.P, s.B));
  const [cTrace, cQ] = form.corrected ? [A.int(-2), A.int(-1)] : [F.one, A.ratio(-1, 2)];
  return F.add(F.mul(cTrace, trace), form.dropQ ? F.zero : F.mul(cQ, frob2(s.Q)));
}

/**
 * The residuals d/dt‖B‖² − 2⟨B, Ḃ⟩, 2⟨B, Ḃ⟩ − rhs (and, corrected, Ḃ − (−PB + QA)) along a flow
 * probe, written once: the check evaluates them on the engine (its flow field and its steps of size
 * η, 2η), the exact form on exact steps of size 1, 2, the symbolic spec on letters.
 * Sabotaged: the ‖Q‖² term dropped.
 */
const continuousBResiduals =
  (corrected: boolean): FlowResiduals =>
  (A, p, sabotaged) => {
    const { F, mul, sub, inner, frob2, scale } = A;
    const s = p.before;
    const half = A.ratio(1, 2);
    const normB2 = (k: 1 | 2) => {
      const step = p.stepAt(k);
      return frob2(scale(half, sub(step.U, step.V)));
    };
    const slope = quadraticSlopeOf(A, frob2(s.B), normB2(1), normB2(2), p.h);
    const Bdot = scale(half, sub(p.field.U, p.field.V));
    const twoInner = F.mul(A.int(2), inner(s.B, Bdot));
    return {
      'd/dt‖B‖² − 2⟨B, Ḃ⟩': F.sub(slope, twoInner),
      '2⟨B, Ḃ⟩ − rhs': F.sub(twoInner, continuousBRhs(A, s, { corrected, dropQ: sabotaged })),
      ...(corrected ? { 'Ḃ − (−PB + QA)': sub(Bdot, sub(mul(s.Q, s.A), mul(s.P, s.B))) } : {}),
    };
  };

const check = (x: DiagonalState, form: Form): Comparison[] =>
  residualComparisons(continuousBResiduals(form.corrected)(magnitudeOps, measuredFlowProbe(x), form.dropQ ?? false));
const exactB = (corrected: boolean) =>
  diagonalForm(
    (A, s, sabotaged) => continuousBResiduals(corrected)(A, flowProbeExact(A, s), sabotaged),
    { bound: 6, derivation: 'g(t) = ‖B(t)‖² with B(t) of degree 3 in the variables (t a constant); ⟨B, Ḃ⟩: 1 + 3; ‖Q‖²: 4' },
    0,
  );

const correctedSymbolic = flowSymbolic(continuousBResiduals(true));
/** The printed form's spec, its difference from the true form shown in B, P (symmetric), Q (antisymmetric). */
const printedSymbolic = flowSymbolic(continuousBResiduals(false), {
  letters: { B: { rows: 'd' }, P: { kind: 'symmetric', rows: 'd' }, Q: { kind: 'antisymmetric', rows: 'd' } },
  meaning: 'B = (U − V)/2, P = Σ − AAᵀ + BBᵀ (symmetric), Q = ABᵀ − BAᵀ (antisymmetric)',
  truth: correctedSymbolic.residual,
  difference: (Z: Symbolic) => {
    const L = { B: Z.L.B, P: Z.L.P, Q: Z.L.Q };
    return { '2⟨B, Ḃ⟩ − rhs': Z.F.sub(continuousBRhs(Z, L, { corrected: false }), continuousBRhs(Z, L, { corrected: true })) };
  },
});

const common = {
  source: { paper: 'YD21', where: '§3.2.5 (both copies)' },
  kind: 'identity',
  hypotheses: FLOW_WITHOUT_J_K, // gradient flow U̇ = (Σ − UVᵀ)V, V̇ = (Σ − UVᵀ)ᵀU at any U, V
  // maxComplement 0: m = n = d, so J and K are empty (J = K = 0). η is the probe step h of the slope.
  instances: diagonalState({ maxComplement: 0 }),
  size: stateSize,
} as const;

export const continuousB = defineClaim<DiagonalState>({
  ...common,
  id: 'yd21.sec-3.2.5.continuous-b',
  statement: 'd/dt‖B‖²_F = 2⟨B, Ḃ⟩ = Tr(BᵀPB) − ½‖Q‖²_F (J = K = 0, gradient flow)',
  check: (x) => check(x, { corrected: false }),
  // Exact form (J = K = 0): d/dt‖B‖² along the flow read off exact GD steps of size 0, 1, 2 (‖B‖² is a
  // quadratic in the step, so (4g(1) − g(2) − 3g(0))/2 is its slope at 0 exactly), against 2⟨B, Ḃ⟩ and the right side. D = 6.
  exact: exactB(false),
  symbolic: printedSymbolic,
  expected: 'refuted',
  grading: {
    grade: 'local',
    why: "a heuristic for the continuous case motivating (22); the discrete identity (22)'s first line has the right coefficients (−2η⟨BBᵀ, P⟩ − η‖Q‖²), and no later step uses the continuous display",
    dependents: ['nothing downstream (motivation of (22))'],
  },
  failsWhere: {
    text: 'B ≠ 0 (the printed and the true d/dt‖B‖²_F differ by 3Tr(BᵀPB) + ½‖Q‖²_F, Q = ABᵀ − BAᵀ; both sides vanish at B = 0)',
    contains: (x) => frobenius(blockState(x.sigma, x.U, x.V).B) > 0,
  },
  erratum:
    'Under gradient flow with J = K = 0, Ḃ = −PB + QA and d/dt‖B‖²_F = 2⟨B, Ḃ⟩ = −2Tr(BᵀPB) − ‖Q‖²_F ≤ −2Tr(BᵀPB): ' +
    'the printed Tr(BᵀPB) − ½‖Q‖²_F has the wrong sign on the trace and half of each coefficient. ' +
    'The first line of (22) (discrete analogue, −2η⟨BBᵀ, P⟩ − η‖Q‖²) has the right coefficients.',
  corrected: 'yd21.sec-3.2.5.continuous-b/corrected',
  sabotage: { description: 'the ‖Q‖²_F term dropped', check: (x) => check(x, { corrected: false, dropQ: true }) },
});

export const continuousBCorrected = defineClaim<DiagonalState>({
  ...common,
  id: 'yd21.sec-3.2.5.continuous-b/corrected',
  statement: 'd/dt‖B‖²_F = 2⟨B, Ḃ⟩ = −2Tr(BᵀPB) − ‖Q‖²_F, with Ḃ = −PB + QA (J = K = 0, gradient flow)',
  check: (x) => check(x, { corrected: true }),
  // Exact form (J = K = 0): d/dt‖B‖² along the flow read off exact GD steps of size 0, 1, 2 (‖B‖² is a
  // quadratic in the step, so (4g(1) − g(2) − 3g(0))/2 is its slope at 0 exactly), against 2⟨B, Ḃ⟩ and the right side. D = 6.
  exact: exactB(true),
  symbolic: correctedSymbolic,
  expected: 'holds',
  corrects: 'yd21.sec-3.2.5.continuous-b',
  sabotage: { description: 'the ‖Q‖²_F term dropped', check: (x) => check(x, { corrected: true, dropQ: true }) },
});
