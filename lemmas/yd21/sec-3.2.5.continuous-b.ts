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
 * (src/gd/flow.ts quadraticSlope: along one GD step ‖B‖² is a quadratic in η, so its slope at 0 is
 * exact), and during development in exact rational arithmetic (Python fractions, 20 instances with
 * entries in ¼ℤ, d ∈ {2, 3}: corrected form exact on 20/20, printed form wrong on 20/20).
 *
 * Scale: ‖X‖² errs by at most 2‖X‖·|X|; Ḃ has magnitude |R|(‖U‖ + ‖V‖)/2 with |R| ≤ ‖Σ‖ + ‖U‖‖V‖;
 * Tr(BᵀPB) errs by at most |B|²|P|; the extracted slope's error is quadraticSlopeError of the three
 * evaluations of ‖B‖².
 */
import { blockState, gdStep } from '../../src/gd/index.ts';
import { flowField, quadraticSlope, quadraticSlopeError } from '../../src/gd/flow.ts';
import { frobenius, inner, mul, scale as scaleMat, sub } from '../../src/linalg/dense.ts';
import { type Comparison, equal } from '../../src/claims/compare.ts';
import { blockMagnitudes, stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { FLOW_WITHOUT_J_K } from '../../src/hypotheses/diagonal-state.ts';
import { type DiagonalState, diagonalState, stateSize } from '../../src/random/instances.ts';
import { deriveExact, diagonalForm, gdStepExact, type DerivedExact } from '../../src/exact/states.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import type { SymbolicSpec } from '../../src/exact/symbolic-spec.ts';
import type { Symbolic } from '../../src/exact/symbolic.ts';

interface Form {
  readonly corrected: boolean;
  /** Sabotage: drop the ‖Q‖² term. */
  readonly dropQ?: boolean;
}

/** The exact form's residuals (see `exact` below). */
/** The printed (Tr(BᵀPB) − ½‖Q‖²_F) or corrected (−2Tr(BᵀPB) − ‖Q‖²_F) right side; `dropQ`: the sabotage. */
function continuousBRhs<M, S, D>(A: MatrixOps<M, S, D>, s: { readonly B: M; readonly P: M; readonly Q: M }, form: Form): S {
  const { F, mul, inner, frob2 } = A;
  const trace = inner(s.B, mul(s.P, s.B));
  const [cTrace, cQ] = form.corrected ? [A.int(-2), A.int(-1)] : [F.one, A.ratio(-1, 2)];
  return F.add(F.mul(cTrace, trace), form.dropQ ? F.zero : F.mul(cQ, frob2(s.Q)));
}

function continuousBExact<M, S, D>(A: MatrixOps<M, S, D>, x: { readonly SigmaFull: M; readonly Ufull: M; readonly Vfull: M }, s: DerivedExact<M>, form: Form) {
  const { F, mul, sub, tr, inner, frob2, scale } = A;
  const half = A.ratio(1, 2);
  const normB2 = (t: number) => {
    const step = gdStepExact(A, x.SigmaFull, x.Ufull, x.Vfull, A.int(t));
    return frob2(scale(half, sub(step.U, step.V)));
  };
  const [g0, g1, g2] = [frob2(s.B), normB2(1), normB2(2)];
  const slope = F.mul(half, F.sub(F.sub(F.mul(A.int(4), g1), g2), F.mul(A.int(3), g0)));
  const R = sub(x.SigmaFull, mul(x.Ufull, tr(x.Vfull)));
  const Bdot = scale(half, sub(mul(R, x.Vfull), mul(tr(R), x.Ufull)));
  const twoInner = F.mul(A.int(2), inner(s.B, Bdot));
  return {
    'd/dt‖B‖² − 2⟨B, Ḃ⟩': F.sub(slope, twoInner),
    '2⟨B, Ḃ⟩ − rhs': F.sub(twoInner, continuousBRhs(A, s, form)),
    ...(form.corrected ? { 'Ḃ − (−PB + QA)': sub(Bdot, sub(mul(s.Q, s.A), mul(s.P, s.B))) } : {}),
  };
}

/** Σ (d×d, symmetric), U, V (d×d), J = K = 0: the claim's residuals on letters (printed − true). */
function continuousBSymbolic(corrected: boolean): SymbolicSpec {
  const letters = { Σ: { kind: 'symmetric', rows: 'd' }, U: { rows: 'd' }, V: { rows: 'd' } } as const;
  const residual = (S: Symbolic, form: Form) => {
    const { Σ, U, V } = S.L;
    const s = deriveExact(S, Σ, { U, V, J: S.zeros('p', 'd'), K: S.zeros('q', 'd') });
    return Object.fromEntries(
      Object.entries(continuousBExact(S, { SigmaFull: Σ, Ufull: U, Vfull: V }, s, form)).map(([k, r]) => [k, r.kind === 'scalar' ? S.F.neg(r) : S.neg(r)]),
    );
  };
  return {
    letters,
    meaning: 'Σ (d×d, symmetric), U, V (d×d), J = K = 0: any dimension',
    residual: (S) => residual(S, { corrected }),
    ...(corrected
      ? {}
      : {
          readable: {
            letters: { B: { rows: 'd' }, P: { kind: 'symmetric', rows: 'd' }, Q: { kind: 'antisymmetric', rows: 'd' } },
            meaning: 'B = (U − V)/2, P = Σ − AAᵀ + BBᵀ (symmetric), Q = ABᵀ − BAᵀ (antisymmetric)',
            truth: (S: Symbolic) => residual(S, { corrected: true }),
            difference: (Z: Symbolic) => {
              const L = { B: Z.L.B, P: Z.L.P, Q: Z.L.Q };
              return { '2⟨B, Ḃ⟩ − rhs': Z.F.sub(continuousBRhs(Z, L, { corrected: false }), continuousBRhs(Z, L, { corrected: true })) };
            },
          },
        }),
  };
}

function check(x: DiagonalState, form: Form): Comparison[] {
  const s = blockState(x.sigma, x.U, x.V);
  const h = x.eta;
  const normB2At = (t: number) => {
    if (t === 0) return { value: frobenius(s.B) ** 2, error: 2 * frobenius(s.B) * blockMagnitudes(x.sigma, x.U, x.V).B };
    const step = gdStep(x.sigma, x.U, x.V, t);
    const next = blockState(x.sigma, step.U, step.V);
    return { value: frobenius(next.B) ** 2, error: 2 * frobenius(next.B) * stepMagnitudes(x.sigma, x.U, x.V, t).B };
  };
  const [g0, g1, g2] = [normB2At(0), normB2At(h), normB2At(2 * h)];
  const slope = quadraticSlope(g0.value, g1.value, g2.value, h);
  const slopeError = quadraticSlopeError(g0.error, g1.error, g2.error, h);

  const field = flowField(x.sigma, x.U, x.V); // J = K = 0: the full matrices are the blocks
  const Bdot = scaleMat(sub(field.U, field.V), 0.5);
  const twoInner = 2 * inner(s.B, Bdot);
  const m = blockMagnitudes(x.sigma, x.U, x.V);
  const bDotMag = ((m.Sigma + m.U * m.V) * (m.U + m.V)) / 2;
  const innerScale = 2 * m.B * bDotMag;

  const trace = inner(s.B, mul(s.P, s.B)); // Tr(BᵀPB)
  const q2 = frobenius(s.Q) ** 2;
  const [cTrace, cQ] = form.corrected ? [-2, -1] : [1, -0.5];
  const rhs = cTrace * trace + (form.dropQ ? 0 : cQ * q2);
  const rhsScale = Math.abs(cTrace) * m.B * m.B * m.P + Math.abs(cQ) * 2 * frobenius(s.Q) * m.Q;
  const out = [
    equal('d/dt‖B‖²_F = 2⟨B, Ḃ⟩', slope, twoInner, slopeError + innerScale),
    equal(form.corrected ? '2⟨B, Ḃ⟩ = −2Tr(BᵀPB) − ‖Q‖²_F' : '2⟨B, Ḃ⟩ = Tr(BᵀPB) − ½‖Q‖²_F', twoInner, rhs, innerScale + rhsScale),
  ];
  if (form.corrected) {
    const PB_QA = sub(mul(s.Q, s.A), mul(s.P, s.B));
    out.push(equal('Ḃ = −PB + QA', Bdot, PB_QA, bDotMag + m.P * m.B + m.Q * m.A));
  }
  return out;
}

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
  exact: diagonalForm(
    (A, { x, before: s }, sabotaged) => continuousBExact(A, x, s, { corrected: false, dropQ: sabotaged }),
    { bound: 6, derivation: 'g(t) = ‖B(t)‖² with B(t) of degree 3 in the variables (t a constant); ⟨B, Ḃ⟩: 1 + 3; ‖Q‖²: 4' },
    0,
  ),
  symbolic: continuousBSymbolic(false),
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
  exact: diagonalForm(
    (A, { x, before: s }, sabotaged) => continuousBExact(A, x, s, { corrected: true, dropQ: sabotaged }),
    { bound: 6, derivation: 'g(t) = ‖B(t)‖² with B(t) of degree 3 in the variables (t a constant); ⟨B, Ḃ⟩: 1 + 3; ‖Q‖²: 4' },
    0,
  ),
  symbolic: continuousBSymbolic(true),
  expected: 'holds',
  corrects: 'yd21.sec-3.2.5.continuous-b',
  sabotage: { description: 'the ‖Q‖²_F term dropped', check: (x) => check(x, { corrected: true, dropQ: true }) },
});
