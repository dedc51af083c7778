/**
 * YD21 (2),(3) — the engine's step is simultaneous gradient descent on f(U, V) = ½‖UVᵀ − Σ‖²_F:
 *
 *   U_{t+1} = U_t + η(Σ − U_tV_tᵀ)V_t;    V_{t+1} = V_t + η(Σ − U_tV_tᵀ)ᵀU_t.
 *
 * Independent computation: the gradient of f at (U_t, V_t) by central differences of f itself.
 * f is a quadratic function of each single entry of U or V (UVᵀ is linear in it), so the central
 * difference (f(x + h) − f(x − h))/(2h) is exact in exact arithmetic for every h; with h = 1/8
 * (a power of two) only the rounding of f remains, |δf| ≤ 2γ_{d+2}·F with
 * F = Σ_ij (|Σ_ij| + Σ_k |U_ik||V_jk|)², so the difference is off by at most 2γ_{d+2}F/h. The
 * engine's gradient is read off its step as (U_t − U_{t+1})/η, off by at most u(|U_t| + |U_{t+1}|)/η.
 * The comparison's scale is F/h + ‖|U_t| + |U_{t+1}|‖_F/η (and likewise for V), which the identity
 * tolerance 16γ_n covers. Simultaneity is part of the claim: the V-gradient is taken at U_t.
 */
import { gdStep, loss } from '../../src/gd/index.ts';
import { clone, combine, type Mat, zeros } from '../../src/linalg/dense.ts';
import { type Comparison, equal } from '../../src/claims/compare.ts';
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

const H = 1 / 8;

/** ∂f/∂X by central differences, X = U (which = 'U') or V. */
function finiteDifferenceGradient(x: GdInstance, which: 'U' | 'V'): Mat {
  const target = which === 'U' ? x.U : x.V;
  const out = zeros(target.rows, target.cols);
  for (let i = 0; i < target.data.length; i++) {
    const plus = clone(target);
    const minus = clone(target);
    plus.data[i] += H;
    minus.data[i] -= H;
    const fPlus = which === 'U' ? loss(x.sigma, plus, x.V) : loss(x.sigma, x.U, plus);
    const fMinus = which === 'U' ? loss(x.sigma, minus, x.V) : loss(x.sigma, x.U, minus);
    out.data[i] = (fPlus - fMinus) / (2 * H);
  }
  return out;
}

/** F = Σ_ij (|Σ_ij| + Σ_k |U_ik||V_jk|)², with the U or V entry widened by h. */
function roundingMagnitude(x: GdInstance): number {
  const { sigma, U, V } = x;
  const d = U.cols;
  let F = 0;
  for (let i = 0; i < sigma.rows; i++)
    for (let j = 0; j < sigma.cols; j++) {
      let s = Math.abs(sigma.data[i * sigma.cols + j]);
      for (let k = 0; k < d; k++) s += (Math.abs(U.data[i * d + k]) + H) * (Math.abs(V.data[j * d + k]) + H);
      F += s * s;
    }
  return F;
}

function absSum(a: Mat, b: Mat): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (Math.abs(a.data[i]) + Math.abs(b.data[i])) ** 2;
  return Math.sqrt(s);
}

/** A Gauss–Seidel step (V updated with the new U): the sabotaged engine. */
function sequentialStep(x: GdInstance): { U: Mat; V: Mat } {
  const { U } = gdStep(x.sigma, x.U, x.V, x.eta);
  const { V } = gdStep(x.sigma, U, x.V, x.eta);
  return { U, V };
}

function check(x: GdInstance, step: (x: GdInstance) => { U: Mat; V: Mat }): Comparison[] {
  const next = step(x);
  const F = roundingMagnitude(x);
  const engineGradU = combine([1 / x.eta, x.U], [-1 / x.eta, next.U]);
  const engineGradV = combine([1 / x.eta, x.V], [-1 / x.eta, next.V]);
  return [
    equal('(2): ∇_U f from the step vs central differences of f', engineGradU, finiteDifferenceGradient(x, 'U'), F / H + absSum(x.U, next.U) / x.eta),
    equal('(3): ∇_V f from the step vs central differences of f', engineGradV, finiteDifferenceGradient(x, 'V'), F / H + absSum(x.V, next.V) / x.eta),
  ];
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
  check: (x) => check(x, (y) => gdStep(y.sigma, y.U, y.V, y.eta)),
  // Exact form: η·∇f by exact central differences of f (f is quadratic in each single entry, so
  // (f(x + e) − f(x − e))/2 is ∂f/∂x exactly) against U_t − U_{t+1} (resp. V). D = 5 (η times the degree-4 f).
  exact: {
    instances: 'any Σ (m×n), 𝐔 (m×d), 𝐕 (n×d) with integer entries; η = positive/(N+1)',
    dims: fc.record({ m: dimension(1, 4), n: dimension(1, 4), d: dimension(1, 3) }),
    certifyAt: [{ m: 4, n: 4, d: 3 }],
    coverage: ZERO_PADDING,
    degree: { bound: 5, derivation: 'f = ½‖UVᵀ − Σ‖² has degree 4; η·(central difference) degree 5; η(Σ − UVᵀ)V degree 4' },
    evaluate: (A, dims, v, sabotaged) => {
      const { F, mul, sub, tr, frob2, make, at } = A;
      const Sigma = entries(A, dims.m, dims.n, v);
      const U = entries(A, dims.m, dims.d, v);
      const V = entries(A, dims.n, dims.d, v);
      const eta = v.fraction();
      const f = (X: typeof U, Y: typeof U) => F.mul(A.ratio(1, 2), frob2(sub(mul(X, tr(Y)), Sigma)));
      const bump = (X: typeof U, i: number, j: number, c: number) =>
        make(X.rows, X.cols, (r, s) => (r === i && s === j ? F.add(at(X, r, s), A.int(c)) : at(X, r, s)));
      const grad = (which: 'U' | 'V') => {
        const X = which === 'U' ? U : V;
        return make(X.rows, X.cols, (i, j) => {
          const [p, m] = [bump(X, i, j, 1), bump(X, i, j, -1)];
          return F.mul(A.ratio(1, 2), F.sub(which === 'U' ? f(p, V) : f(U, p), which === 'U' ? f(m, V) : f(U, m)));
        });
      };
      const step = gdStepExact(A, Sigma, U, V, eta);
      const next = sabotaged ? { U: step.U, V: gdStepExact(A, Sigma, step.U, V, eta).V } : step;
      return {
        instance: { Sigma, U, V, eta },
        residuals: {
          '(2): U_t − U_{t+1} − η∇_U f': sub(sub(U, next.U), A.scale(eta, grad('U'))),
          '(3): V_t − V_{t+1} − η∇_V f': sub(sub(V, next.V), A.scale(eta, grad('V'))),
        },
      };
    },
  },
  expected: 'holds',
  sabotage: { description: 'a sequential (Gauss–Seidel) step: V_{t+1} uses U_{t+1}', check: (x) => check(x, sequentialStep) },
});
