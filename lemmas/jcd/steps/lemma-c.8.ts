/**
 * JCD Lemma C.8, its proof step by step. Hypotheses: the lemma's, as printed (B ∈ ℝ^{r×k}, P ∈ ℝ^{r×r}
 * symmetric): the predicates of jcd.lemma-c.8 on its builder (lemmas/jcd/lemma-c.8.ts: P = QΛQᵀ with
 * eigenvalues in [−2, 2], B on a grid or aligned with λ_r's eigenvector, where the bound is attained).
 * "Let the eigenvalue decomposition of P be P = UᵀΛU": computed from P (U = Wᵀ for P = W diag(λ)Wᵀ,
 * λ₁ ≥ … ≥ λ_r, so λ_r = λ_r(P) is the smallest); B′ = UB.
 *
 * The steps (all hold as printed):
 *  trace-identities  ⟨BBᵀ, P⟩ = trace(BBᵀP) = trace(BBᵀUᵀΛU) = trace(B′ᵀΛB′);
 *                    λ_r trace(B′ᵀIB′) = λ_r‖B′‖²_F = λ_r‖B‖²_F
 *  trace-bounds      trace(B′ᵀΛB′) ≥ trace(B′ᵀ(Λ − λ_rI)B′) + λ_r trace(B′ᵀIB′) ≥ λ_r trace(B′ᵀIB′),
 *                    "B′ᵀ(Λ − λ_rI)B′ is positive semi-definite"
 *
 * Notes: the first "≥" of the chain is an equality (trace is linear: Λ = (Λ − λ_rI) + λ_rI), printed as
 * ≥ — true as printed. The proof calls the second "the last inequality" (it is followed by two
 * equalities). Nothing else.
 *
 * Exact form of the identities: U = (I − K)(I + K)⁻¹ (Cayley; K skew with integer entries, I + K always
 * invertible, every orthogonal U without eigenvalue −1 is of this form), Λ = diag(entries) (λ_r its last
 * entry: the identities hold for any scalar in its place), P = UᵀΛU, B integer entries.
 *
 * One definition: the chain's "=" are traceChain's residuals, evaluated by the exact form, the symbolic
 * proof and the float check (in the magnitude model, src/claims/measured.ts: the scale is the
 * residual's computed magnitude); the "≥" are sides written once against BoundOps.
 */
import fc from 'fast-check';
import { diag, transpose } from '../../../src/linalg/dense.ts';
import { symmetricEigen } from '../../../src/linalg/spectral.ts';
import type { Comparison } from '../../../src/claims/compare.ts';
import { boundComparison, boundOps, residualComparisons } from '../../../src/claims/measured.ts';
import { relativeTolerance } from '../../../src/claims/tolerance.ts';
import type { Algebra } from '../../../src/exact/matrix.ts';
import type { MatrixOps } from '../../../src/exact/ops.ts';
import type { Supply } from '../../../src/exact/form.ts';
import { type C8Instance, instances as c8Instances, lemmaC8 } from '../lemma-c.8.ts';
import { lemmaStepClaim, type LemmaProof, type LemmaStepSpec } from './general.ts';

const PROOF: LemmaProof<C8Instance> = { proof: 'Lemma C.8, proof', hypotheses: lemmaC8.hypotheses, instances: c8Instances, size: (x) => x.k };
const step = (c: LemmaStepSpec<C8Instance>) => lemmaStepClaim(PROOF, c);

/**
 * "Let the eigenvalue decomposition of P be P = UᵀΛU": U = Wᵀ for P = W diag(λ)Wᵀ (λ₁ ≥ … ≥ λ_r), as
 * inputs of the magnitude model at the kind's tolerance, with P, B, λ_r and λ₁ (the sabotage's).
 */
function measuredDecomposition(x: C8Instance, kind: 'identity' | 'inequality') {
  const { values, vectors } = symmetricEigen(x.P);
  const A = boundOps(relativeTolerance(kind, x.k));
  const q = { U: A.input(transpose(vectors)), Lambda: A.input(diag(values)), P: A.input(x.P), B: A.input(x.B), lr: A.constant(values[x.r - 1]) };
  return { A, q, l1: A.constant(values[0]) };
}

/** The float check of the chain: traceChain on the instance in the magnitude model. */
function identities(x: C8Instance, transposed = false): Comparison[] {
  const { A, q } = measuredDecomposition(x, 'identity');
  return residualComparisons(traceChain(A, q, transposed));
}

/** The five "=" of the chain as residuals (left − right); sabotaged: B′ = UᵀB. */
function traceChain<M, S, D>(
  A: MatrixOps<M, S, D>,
  q: { readonly U: M; readonly Lambda: M; readonly P: M; readonly B: M; readonly lr: S },
  sabotaged: boolean,
): Record<string, S> {
  const Bp = A.mul(sabotaged ? A.tr(q.U) : q.U, q.B);
  const BBt = A.mul(q.B, A.tr(q.B));
  const t2 = A.trace(A.mul(BBt, q.P));
  const t3 = A.trace(A.mul(BBt, A.tr(q.U), q.Lambda, q.U));
  const t4 = A.trace(A.mul(A.tr(Bp), q.Lambda, Bp));
  const f2 = A.frob2(Bp);
  return {
    '⟨BBᵀ, P⟩ − trace(BBᵀP)': A.F.sub(A.inner(BBt, q.P), t2),
    'trace(BBᵀP) − trace(BBᵀUᵀΛU)': A.F.sub(t2, t3),
    'trace(BBᵀUᵀΛU) − trace(B′ᵀΛB′)': A.F.sub(t3, t4),
    'λ_r trace(B′ᵀB′) − λ_r‖B′‖²_F': A.F.sub(A.F.mul(q.lr, A.trace(A.mul(A.tr(Bp), Bp))), A.F.mul(q.lr, f2)),
    'λ_r‖B′‖²_F − λ_r‖B‖²_F': A.F.sub(A.F.mul(q.lr, f2), A.F.mul(q.lr, A.frob2(q.B))),
  };
}

/** Cayley U, diagonal Λ, P = UᵀΛU and B in exact arithmetic (the module comment). */
function exactInstance<T>(A: Algebra<T>, r: number, k: number, v: Supply<T>) {
  const up = A.make(r, r, (i, j) => (j > i ? v.entry() : A.F.zero));
  const K = A.sub(up, A.tr(up));
  const I = A.eye(r);
  const U = A.mul(A.sub(I, K), A.inverse(A.add(I, K)));
  const lambda = Array.from({ length: r }, () => v.entry());
  const Lambda = A.diag(lambda);
  const P = A.mul(A.tr(U), Lambda, U);
  const B = A.make(r, k, () => v.entry());
  return { U, Lambda, lr: lambda[r - 1], P, B };
}

export const c8TraceIdentities = step({
  id: 'jcd.lemma-c.8.trace-identities',
  where: '"⟨BBᵀ, P⟩ = trace(BBᵀP) = trace(BBᵀUᵀΛU) = trace(B′ᵀΛB′)" and "λ_r trace(B′ᵀIB′) = λ_r‖B′‖²_F = λ_r‖B‖²_F"',
  kind: 'identity',
  statement: '⟨BBᵀ, P⟩ = trace(BBᵀP) = trace(BBᵀUᵀΛU) = trace(B′ᵀΛB′) and λ_r trace(B′ᵀIB′) = λ_r‖B′‖²_F = λ_r‖B‖²_F, P = UᵀΛU, B′ = UB',
  check: (x) => identities(x),
  exact: {
    instances: "U = (I − K)(I + K)⁻¹ (K skew, integer entries), Λ = diag(entries), P = UᵀΛU, B ∈ ℤ^{r×k} entries; λ_r = Λ's last entry",
    dims: fc.record({ r: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 1 }) }).map(({ r, extra }) => ({ r, k: r + extra })),
    certifyAt: [
      { r: 1, k: 1 },
      { r: 1, k: 2 },
      { r: 2, k: 2 },
      { r: 2, k: 3 },
      { r: 3, k: 3 },
      { r: 3, k: 4 },
    ],
    coverage: 'each (r, k) certified separately, r ≤ 3, k ∈ {r, r + 1} (traces of products: a further column of B enters as the first extra one does)',
    setSize: 2 ** 40 + 1,
    evaluate: (A, { r, k }, v, sabotaged) => {
      const q = exactInstance(A, r, k, v);
      return { instance: { U: q.U, Lambda: q.Lambda, B: q.B }, residuals: traceChain(A, q, sabotaged) };
    },
  },
  // Symbolic: the chain on letters U (orthogonal: the Cayley transform), Λ (symmetric; diagonal in the
  // paper, which the chain does not use), B and λ_r: it needs UᵀU = I (the last "="), so it is proved
  // modulo that relation and keeps its certificate's rigor.
  symbolic: {
    letters: { U: { rows: 'r' }, Λ: { kind: 'symmetric', rows: 'r' }, B: { rows: 'r', cols: 'k' } },
    scalars: ['λ_r'],
    meaning: 'U (r×r, orthogonal), Λ (r×r, symmetric), B (r×k), P = UᵀΛU, λ_r: any dimensions',
    residual: (S) => {
      const { U, Λ, B } = S.L;
      return traceChain(S, { U, Lambda: Λ, P: S.mul(S.tr(U), Λ, U), B, lr: S.vars.λ_r }, false);
    },
    relations: { orthogonal: ['U'] },
  },
  sabotage: { description: 'B′ = UᵀB (the rotation transposed)', check: (x) => identities(x, true) },
});

/** The chain's inequalities, each side written once against BoundOps (sabotaged: λ₁ in place of λ_r). */
function bounds(x: C8Instance, largest = false): Comparison[] {
  const { A, q, l1 } = measuredDecomposition(x, 'inequality');
  const { F, mul, tr, trace } = A;
  const lr = largest ? l1 : q.lr;
  const Bp = mul(q.U, q.B);
  const I = A.eye(x.r);
  const inside = mul(tr(Bp), A.sub(q.Lambda, A.scale(lr, I)), Bp);
  const rest = F.mul(lr, trace(mul(tr(Bp), I, Bp)));
  const split = F.add(trace(inside), rest);
  return [
    boundComparison('trace(B′ᵀΛB′) ≥ trace(B′ᵀ(Λ − λ_rI)B′) + λ_r trace(B′ᵀIB′)', trace(mul(tr(Bp), q.Lambda, Bp)), '≥', split),
    boundComparison('trace(B′ᵀ(Λ − λ_rI)B′) + λ_r trace(B′ᵀIB′) ≥ λ_r trace(B′ᵀIB′)', split, '≥', rest),
    boundComparison('B′ᵀ(Λ − λ_rI)B′ ⪰ 0: λ_min ≥ 0', A.lambdaMin(inside), '≥', F.zero),
  ];
}

export const c8TraceBounds = step({
  id: 'jcd.lemma-c.8.trace-bounds',
  where:
    '"≥ trace(B′ᵀ(Λ − λ_rI)B′) + λ_r trace(B′ᵀIB′) ≥ λ_r trace(B′ᵀIB′), where the last inequality follows from the fact that B′ᵀ(Λ − λ_rI)B′ is positive semi-definite"',
  kind: 'inequality',
  statement: 'trace(B′ᵀΛB′) ≥ trace(B′ᵀ(Λ − λ_rI)B′) + λ_r trace(B′ᵀIB′) ≥ λ_r trace(B′ᵀIB′), B′ᵀ(Λ − λ_rI)B′ ⪰ 0',
  check: (x) => bounds(x),
  sabotage: { description: 'λ₁ (the largest eigenvalue) in place of λ_r', check: (x) => bounds(x, true) },
});
