/**
 * YD21 (2),(3) — the engine's step is simultaneous gradient descent on f(U, V) = ½‖UVᵀ − Σ‖²_F:
 *
 *   U_{t+1} = U_t + η(Σ − U_tV_tᵀ)V_t;    V_{t+1} = V_t + η(Σ − U_tV_tᵀ)ᵀU_t.
 *
 * Independent computation: the gradient of f at (U_t, V_t) by central differences of f itself,
 * against the engine's step. f is a quadratic function of each single entry of U or V (UVᵀ is
 * linear in it), so the central difference (f(x + hE) − f(x − hE))/(2h) along a unit matrix E is
 * the entry of ∇f exactly, in exact arithmetic and for every h. The residual U_t − U_{t+1} − η∇_U f
 * (likewise V; simultaneity is part of the claim: the V-gradient is taken at U_t) is written once
 * (`gdResiduals`) and evaluated by the exact form (exact rationals, the step gdStepExact) and by the
 * float check (the engine's step, src/gd gdStep, against f and its differences in the magnitude
 * model, src/claims/measured.ts). Scale: the residual's magnitude computed there — |U_t| + |U_{t+1}|
 * plus η times the differences' magnitudes, i.e. those of f at the widened entries over 2h — so
 * with h = 1/8 (a power of two) the identity tolerance 16γ_n measures the rounding of f and of the step.
 */
import { gdStep } from '../../src/gd/index.ts';
import { type Mat, zeros } from '../../src/linalg/dense.ts';
import type { Comparison } from '../../src/claims/compare.ts';
import { exactInput, exactScalar, type Measured, magnitudeOps, residualComparisons } from '../../src/claims/measured.ts';
import type { MatrixOps } from '../../src/exact/ops.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';
import { hasShape } from '../../src/hypotheses/matrix.ts';
import fc from 'fast-check';
import { gridMatrix, stepSize, dimension } from '../../src/random/arbitraries.ts';
import { entries, gdStepExact, ZERO_PADDING } from '../../src/exact/states.ts';

interface GdInstance {
  readonly sigma: Mat;
  readonly U: Mat;
  readonly V: Mat;
  readonly eta: number;
}

/** What the residuals read: Σ, U_t, V_t, η, and the unit matrices E of U's and V's shapes (one per entry). */
interface GdInputs<M, S> {
  readonly Sigma: M;
  readonly U: M;
  readonly V: M;
  readonly eta: S;
  readonly units: { readonly U: readonly M[]; readonly V: readonly M[] };
}

type Pair<M> = { readonly U: M; readonly V: M };

/**
 * U_t − U_{t+1} − η∇_U f and V_t − V_{t+1} − η∇_V f, f = ½‖UVᵀ − Σ‖²_F, each gradient Σ_E ∂_E f·E with
 * ∂_E f = (f(X + hE) − f(X − hE))/(2h), h = 1/8; `next` is the step under test.
 */
function gdResiduals<M, S, D>(A: MatrixOps<M, S, D>, x: GdInputs<M, S>, next: Pair<M>): Record<string, M> {
  const { F, mul, sub, tr, frob2, add, scale, combine } = A;
  const h = A.ratio(1, 8);
  const f = (U: M, V: M) => F.mul(A.ratio(1, 2), frob2(sub(mul(U, tr(V)), x.Sigma)));
  const at = (which: keyof Pair<M>, X: M) => (which === 'U' ? f(X, x.V) : f(x.U, X));
  const grad = (which: keyof Pair<M>) =>
    combine(
      ...x.units[which].map((E): [S, M] => {
        const [plus, minus] = [add(x[which], scale(h, E)), sub(x[which], scale(h, E))];
        return [F.div(F.sub(at(which, plus), at(which, minus)), F.mul(A.int(2), h)), E];
      }),
    );
  return {
    '(2): ∇_U f from the step vs central differences of f': sub(sub(x.U, next.U), scale(x.eta, grad('U'))),
    '(3): ∇_V f from the step vs central differences of f': sub(sub(x.V, next.V), scale(x.eta, grad('V'))),
  };
}

/** The step under test from a step map: simultaneous, or sequential (Gauss–Seidel: V updated with the new U, the sabotage). */
function stepUnderTest<M>(step: (U: M, V: M) => Pair<M>, U: M, V: M, sequential: boolean): Pair<M> {
  const next = step(U, V);
  return sequential ? { U: next.U, V: step(next.U, V).V } : next;
}

/** The unit matrices of a rows×cols shape, one per entry, built by `unit(i, j)`. */
function unitsOf<M>(rows: number, cols: number, unit: (i: number, j: number) => M): M[] {
  return Array.from({ length: rows * cols }, (_, k) => unit(Math.floor(k / cols), k % cols));
}

const unitMat = (rows: number, cols: number) => (i: number, j: number) => {
  const E = zeros(rows, cols);
  E.data[i * cols + j] = 1;
  return exactInput(E);
};

/** The engine's step (values) with the magnitudes of the same step in the magnitude model. */
function engineStep(x: GdInstance, Sigma: Measured) {
  return (U: Measured, V: Measured): Pair<Measured> => {
    const [engine, model] = [gdStep(x.sigma, U.value, V.value, x.eta), gdStepExact(magnitudeOps, Sigma, U, V, exactScalar(x.eta))];
    return { U: { value: engine.U, magnitude: model.U.magnitude }, V: { value: engine.V, magnitude: model.V.magnitude } };
  };
}

function check(x: GdInstance, sequential = false): Comparison[] {
  const [Sigma, U, V] = [exactInput(x.sigma), exactInput(x.U), exactInput(x.V)];
  const units = { U: unitsOf(x.U.rows, x.U.cols, unitMat(x.U.rows, x.U.cols)), V: unitsOf(x.V.rows, x.V.cols, unitMat(x.V.rows, x.V.cols)) };
  const next = stepUnderTest(engineStep(x, Sigma), U, V, sequential);
  return residualComparisons(gdResiduals(magnitudeOps, { Sigma, U, V, eta: exactScalar(x.eta), units }, next));
}

export const eq2to3 = defineClaim<GdInstance>({
  id: 'yd21.eq-2-3.gd',
  source: { paper: 'YD21', where: '(2), (3)' },
  kind: 'identity',
  statement: 'U_{t+1} = U_t + η(Σ − U_tV_tᵀ)V_t, V_{t+1} = V_t + η(Σ − U_tV_tᵀ)ᵀU_t is simultaneous GD on f = ½‖UVᵀ − Σ‖²_F',
  hypotheses: [
    hypothesis<GdInstance>(
      'shapes',
      'any Σ ∈ ℝ^{m×n}, U ∈ ℝ^{m×d}, V ∈ ℝ^{n×d}',
      (x) => hasShape(x.U, x.sigma.rows, x.U.cols) && hasShape(x.V, x.sigma.cols, x.U.cols) && hasShape(x.sigma, x.sigma.rows, x.sigma.cols),
      {
        coordinates: {
          m: { value: (x) => x.sigma.rows, domain: [1, 5] },
          n: { value: (x) => x.sigma.cols, domain: [1, 5] },
          d: { value: (x) => x.U.cols, domain: [1, 4] },
        },
      },
    ),
    hypothesis<GdInstance>('eta-positive', 'η > 0 (any; drawn in (0, 1])', (x) => x.eta > 0 && Number.isFinite(x.eta), {
      coordinates: { η: { value: (x) => x.eta, domain: [0, 1] } },
    }),
  ],
  instances: fc
    .record({ m: dimension(1, 5), n: dimension(1, 5), d: dimension(1, 4) })
    .chain(({ m, n, d }) => fc.record({ sigma: gridMatrix(m, n, 2, 8), U: gridMatrix(m, d, 2, 8), V: gridMatrix(n, d, 2, 8), eta: stepSize(1) })),
  size: (x) => Math.max(x.sigma.rows, x.sigma.cols, x.U.cols),
  check: (x) => check(x),
  // Exact form: the same residuals on exact rationals, the step gdStepExact. D = 5 (η times the degree-4 f).
  exact: {
    instances: 'any Σ (m×n), 𝐔 (m×d), 𝐕 (n×d) with integer entries; η = positive/(N+1)',
    dims: fc.record({ m: dimension(1, 4), n: dimension(1, 4), d: dimension(1, 3) }),
    certifyAt: [{ m: 4, n: 4, d: 3 }],
    coverage: ZERO_PADDING,
    degree: { bound: 5, derivation: 'f = ½‖UVᵀ − Σ‖² has degree 4; η·(central difference) degree 5; η(Σ − UVᵀ)V degree 4' },
    evaluate: (A, dims, v, sabotaged) => {
      const Sigma = entries(A, dims.m, dims.n, v);
      const U = entries(A, dims.m, dims.d, v);
      const V = entries(A, dims.n, dims.d, v);
      const eta = v.fraction();
      const unit = (rows: number, cols: number) => (i: number, j: number) => A.make(rows, cols, (r, c) => (r === i && c === j ? A.F.one : A.F.zero));
      const units = { U: unitsOf(dims.m, dims.d, unit(dims.m, dims.d)), V: unitsOf(dims.n, dims.d, unit(dims.n, dims.d)) };
      const next = stepUnderTest((X, Y) => gdStepExact(A, Sigma, X, Y, eta), U, V, sabotaged);
      return { instance: { Sigma, U, V, eta }, residuals: gdResiduals(A, { Sigma, U, V, eta, units }, next) };
    },
  },
  expected: 'holds',
  sabotage: { description: 'a sequential (Gauss–Seidel) step: V_{t+1} uses U_{t+1}', check: (x) => check(x, true) },
});
