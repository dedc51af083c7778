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
 */
import fc from 'fast-check';
import { diag, eye, frobenius, inner, combine, mul, transpose } from '../../../src/linalg/dense.ts';
import { lambdaMin, symmetricEigen } from '../../../src/linalg/spectral.ts';
import { atLeast, type Comparison, equal } from '../../../src/claims/compare.ts';
import type { Algebra } from '../../../src/exact/matrix.ts';
import type { MatrixOps } from '../../../src/exact/ops.ts';
import type { Supply } from '../../../src/exact/form.ts';
import { type C8Instance, instances as c8Instances, lemmaC8 } from '../lemma-c.8.ts';
import { lemmaStepClaim, type LemmaProof, type LemmaStepSpec } from './general.ts';

const PROOF: LemmaProof<C8Instance> = { proof: 'Lemma C.8, proof', hypotheses: lemmaC8.hypotheses, instances: c8Instances, size: (x) => x.k };
const step = (c: LemmaStepSpec<C8Instance>) => lemmaStepClaim(PROOF, c);

const trace = (M: { rows: number; cols: number; data: ArrayLike<number> }) => {
  let s = 0;
  for (let i = 0; i < Math.min(M.rows, M.cols); i++) s += M.data[i * M.cols + i];
  return s;
};

/** U, Λ, λ_r and B′ = UB (or, sabotaged, UᵀB). */
function decomposition(x: C8Instance, transposed = false) {
  const { values, vectors } = symmetricEigen(x.P);
  const U = transpose(vectors);
  const Lambda = diag(values);
  const lr = values[x.r - 1];
  const Bp = mul(transposed ? vectors : U, x.B);
  // Rounding: every side is a trace of a product of B, Bᵀ and P (or U, Λ, Uᵀ, the decomposition backward
  // stable: UᵀΛU = P within a multiple of u‖P‖_F): a few ‖B‖²_F‖P‖_F.
  const scale = 4 * frobenius(x.B) ** 2 * (frobenius(x.P) + frobenius(Lambda));
  return { U, Lambda, lr, Bp, scale };
}

function identities(x: C8Instance, transposed = false): Comparison[] {
  const { U, Lambda, lr, Bp, scale } = decomposition(x, transposed);
  const BBt = mul(x.B, transpose(x.B));
  const t1 = inner(BBt, x.P);
  const t2 = trace(mul(BBt, x.P));
  const t3 = trace(mul(BBt, mul(mul(transpose(U), Lambda), U)));
  const t4 = trace(mul(mul(transpose(Bp), Lambda), Bp));
  const nB2 = frobenius(x.B) ** 2;
  return [
    equal('⟨BBᵀ, P⟩ = trace(BBᵀP)', t1, t2, scale),
    equal('trace(BBᵀP) = trace(BBᵀUᵀΛU)', t2, t3, scale),
    equal('trace(BBᵀUᵀΛU) = trace(B′ᵀΛB′)', t3, t4, scale),
    equal('λ_r trace(B′ᵀIB′) = λ_r‖B′‖²_F', lr * trace(mul(transpose(Bp), Bp)), lr * frobenius(Bp) ** 2, scale),
    equal('λ_r‖B′‖²_F = λ_r‖B‖²_F', lr * frobenius(Bp) ** 2, lr * nB2, scale),
  ];
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

function bounds(x: C8Instance, largest = false): Comparison[] {
  const { Lambda, lr: lrPrinted, Bp, scale } = decomposition(x);
  const lr = largest ? Lambda.data[0] : lrPrinted;
  const shifted = combine([1, Lambda], [-lr, eye(x.r)]);
  const inside = mul(mul(transpose(Bp), shifted), Bp);
  const lhs = trace(mul(mul(transpose(Bp), Lambda), Bp));
  const rest = lr * trace(mul(transpose(Bp), Bp));
  return [
    atLeast('trace(B′ᵀΛB′) ≥ trace(B′ᵀ(Λ − λ_rI)B′) + λ_r trace(B′ᵀIB′)', lhs, trace(inside) + rest, scale),
    atLeast('trace(B′ᵀ(Λ − λ_rI)B′) + λ_r trace(B′ᵀIB′) ≥ λ_r trace(B′ᵀIB′)', trace(inside) + rest, rest, scale),
    atLeast('B′ᵀ(Λ − λ_rI)B′ ⪰ 0: λ_min ≥ 0', lambdaMin(inside), 0, scale),
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
