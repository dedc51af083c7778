/**
 * JCD §3, (3.1), (3.2) — "Consider a simple example where m = n = k = 2, and X = diag(λ₁, λ₂) is a
 * positive semidefinite diagonal matrix that is approximately rank-1, i.e., λ₂ ≤ λ₁/10. We consider
 * the natural symmetric objective f(F) = ¼‖FFᵀ − X‖²_F and the associated gradient descent dynamic
 * F_{t+1} = F_t − η(F_tF_tᵀ − X)F_t [footnote: equivalent to (GD-M) with initialization F₀ = G₀] with
 * initialization F₀ = ρ√λ₁ I for some small ρ > 0. It is easy to see that F_t is diagonal for all
 * t ≥ 0, and the i-th diagonal element of F_t, denoted by f_{i,t}, is updated as
 *     f_{i,t+1} = f_{i,t}(1 + ηλ_i − ηf²_{i,t}), i = 1, 2.                                    (3.1)
 * … (i) when f_{1,t} < √(λ₁/2), … |f_{1,t+1}| ≥ (1 + ηλ₁/2)|f_{1,t}|, and (ii) when f_{1,t} ≥ √(λ₁/2),
 * … |f_{1,t+1} − √λ₁| ≤ (1 − ηλ₁/2)|f_{1,t} − √λ₁|. … assuming the stepsize η is sufficiently small,
 * we can show that f_{2,t} is always nonnegative and satisfies f_{2,t+1} ≤ (1 + ηλ₁/10)f_{2,t}. …
 *     With small initialization, larger eigenvalues converge (exponentially) faster.          (3.2)
 * … if the initial size ρ is sufficiently small, then (3.2) implies the existence of time window for
 * t during which f_{1,t} is close to [√]λ₁ while f_{2,t} remains close to … 0 … F_tF_tᵀ ≈ X₁."
 *
 * Run through the engine as (GD-M) with U₀ = V₀ = F₀ (the footnote). Checked at every step: U_t = V_t
 * and both diagonal (exactly: the off-diagonal entries are sums of products with a zero factor), the
 * recursion (3.1) for i = 1, 2, facts (i) and (ii), f_{2,t} ≥ 0 and f_{2,t+1} ≤ (1 + ηλ₁/10)f_{2,t}.
 * (3.2), made quantitative with the bounds (i), (ii) and the f₂ growth bound: with t*(ε) the first
 * step with |f_{1,t} − √λ₁| ≤ ε√λ₁, (i) and (ii) give t* ≤ τ(ε) = ⌈log(1/(√2ρ))/log(1+ηλ₁/2)⌉ +
 * ⌈log(ε/(1 − 1/√2))/log(1 − ηλ₁/2)⌉, and ρ is taken small enough that ρ(1 + ηλ₁/10)^{τ(ε)} ≤ ε; then
 * the window exists: ‖F_{t*}F_{t*}ᵀ − X₁‖ ≤ 2ελ₁ with X₁ = diag(λ₁, 0); and f₁ converges first: t*(ε)
 * < the first step with |f_{2,t} − √λ₂| ≤ ε√λ₂.
 *
 * Choices: "η sufficiently small" is η ≤ 1/(2λ₁) (then f₁, f₂ never overshoot √λ₁, √λ₂, which is what
 * (ii) and f₂ ≥ 0 need); λ₂ ∈ [λ₁/50, λ₁/10] (λ₂ > 0 so that f₂ has a limit to converge to).
 */
import fc from 'fast-check';
import { runTrajectory } from '../../src/gd/index.ts';
import { at, diag, eye, scale } from '../../src/linalg/dense.ts';
import { atLeast, atMost, type Comparison, equal } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { fractionOfMax, inRange } from '../../src/random/arbitraries.ts';
import { WorstPerFamily } from './support/worst.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';

interface DecoupledInstance {
  readonly lambda1: number;
  readonly lambda2: number;
  readonly eta: number;
  readonly rho: number;
  readonly epsilon: number;
}

/** τ(ε) of the doc comment: the bound (i) + (ii) give on the first step with |f₁ − √λ₁| ≤ ε√λ₁. */
export function windowBound(x: Pick<DecoupledInstance, 'lambda1' | 'eta' | 'rho' | 'epsilon'>): number {
  const h = x.eta * x.lambda1;
  return Math.ceil(Math.log(1 / (Math.SQRT2 * x.rho)) / Math.log1p(h / 2)) + Math.ceil(Math.log(x.epsilon / (1 - Math.SQRT1_2)) / Math.log1p(-h / 2));
}

/** The largest ρ (by bisection on log ρ) with ρ(1 + ηλ₁/10)^{τ(ε)} ≤ ε: small enough for the window. */
function windowRho(lambda1: number, eta: number, epsilon: number): number {
  const ok = (logRho: number) => {
    const rho = Math.exp(logRho);
    return logRho + windowBound({ lambda1, eta, rho, epsilon }) * Math.log1p((eta * lambda1) / 10) <= Math.log(epsilon);
  };
  let [lo, hi] = [Math.log(1e-300), Math.log(0.5)];
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return Math.exp(lo);
}

const instances: fc.Arbitrary<DecoupledInstance> = fc
  .record({ lambda1: inRange(0.5, 2), ratio: inRange(0.02, 0.1), f: fractionOfMax(), e: inRange(1, 3), v: inRange(0, 2) })
  .map(({ lambda1, ratio, f, e, v }) => {
    const eta = (0.25 + 0.75 * f) / (2 * lambda1);
    const epsilon = 10 ** -e;
    // τ(ε) has ceilings, so ρ(1 + ηλ₁/10)^{τ(ε)} is not monotone in ρ: a ρ below ρ_ε can break the
    // window condition by one step's factor; halve until it holds (sec3-rho).
    let rho = windowRho(lambda1, eta, epsilon) * 10 ** -v;
    while (Math.log(rho) + windowBound({ lambda1, eta, rho, epsilon }) * Math.log1p((eta * lambda1) / 10) > Math.log(epsilon)) rho /= 2;
    // ratio·λ₁ at ratio = 0.1 may exceed λ₁/10 by an ulp (sec3-x).
    return { lambda1, lambda2: Math.min(ratio * lambda1, lambda1 / 10), eta, epsilon, rho };
  });

/** The first step at which |f − target| ≤ tol, or Infinity. */
function firstWithin(values: readonly number[], target: number, tol: number): number {
  const i = values.findIndex((f) => Math.abs(f - target) <= tol);
  return i < 0 ? Number.POSITIVE_INFINITY : i;
}

interface Knobs {
  /** The growth factor bound of f₂ (printed 1 + ηλ₁/10). */
  readonly f2Rate: (x: DecoupledInstance) => number;
}

function check(x: DecoupledInstance, knobs: Knobs): Comparison[] {
  const { lambda1: l1, lambda2: l2, eta, rho, epsilon: eps } = x;
  const [r1, r2] = [Math.sqrt(l1), Math.sqrt(l2)];
  // Long enough for f₂ to converge too: its growth phase and ε-convergence at rate ≈ ηλ₂.
  const iters = Math.ceil((Math.log(r2 / (rho * r1)) + 2 * Math.log(4 / eps)) / (eta * l2)) + windowBound(x);
  const F0 = scale(eye(2), rho * r1);
  const trace = runTrajectory({
    sigma: diag([l1, l2]),
    U0: F0,
    V0: F0,
    eta,
    iters,
    observe: (s) => ({ U: [at(s.U, 0, 0), at(s.U, 0, 1), at(s.U, 1, 0), at(s.U, 1, 1)], V: [at(s.V, 0, 0), at(s.V, 0, 1), at(s.V, 1, 0), at(s.V, 1, 1)] }),
  }).samples.map((s) => s.value);
  const f1 = trace.map((s) => s.U[0]);
  const f2 = trace.map((s) => s.U[3]);
  const worst = new WorstPerFamily();
  const out: Comparison[] = [];
  const rate2 = knobs.f2Rate(x);
  for (let t = 0; t < trace.length; t++) {
    const { U, V } = trace[t];
    const offDiagonal = Math.abs(U[1]) + Math.abs(U[2]) + Math.abs(V[1]) + Math.abs(V[2]);
    worst.add('diagonal', equal(`t = ${t}: F_t diagonal`, offDiagonal, 0, f1[t] + f2[t]));
    worst.add('symmetric', equal(`t = ${t}: U_t = V_t (F₀ = G₀ gives the symmetric dynamic)`, Math.abs(U[0] - V[0]) + Math.abs(U[3] - V[3]), 0, f1[t] + f2[t]));
    worst.add('f2 ≥ 0', atLeast(`t = ${t}: f_{2,t} ≥ 0`, f2[t], 0, f2[t]));
    if (t + 1 === trace.length) break;
    for (const [i, f, l] of [
      [1, f1, l1],
      [2, f2, l2],
    ] as const) {
      const s = Math.abs(f[t]) + eta * l * Math.abs(f[t]) + eta * Math.abs(f[t]) ** 3;
      worst.add(
        `(3.1) ${i}`,
        equal(`(3.1) t = ${t}, i = ${i}: f_{i,t+1} = f_{i,t}(1 + ηλ_i − ηf²_{i,t})`, f[t + 1], f[t] * (1 + eta * l - eta * f[t] * f[t]), s),
      );
    }
    if (f1[t] < Math.sqrt(l1 / 2))
      worst.add(
        '(i)',
        atLeast(
          `(i) t = ${t}: f₁ < √(λ₁/2) ⇒ |f_{1,t+1}| ≥ (1 + ηλ₁/2)|f_{1,t}|`,
          Math.abs(f1[t + 1]),
          (1 + (eta * l1) / 2) * Math.abs(f1[t]),
          Math.abs(f1[t + 1]),
        ),
      );
    else
      worst.add(
        '(ii)',
        atMost(
          `(ii) t = ${t}: f₁ ≥ √(λ₁/2) ⇒ |f_{1,t+1} − √λ₁| ≤ (1 − ηλ₁/2)|f_{1,t} − √λ₁|`,
          Math.abs(f1[t + 1] - r1),
          (1 - (eta * l1) / 2) * Math.abs(f1[t] - r1),
          r1,
        ),
      );
    worst.add('f2 rate', atMost(`t = ${t}: f_{2,t+1} ≤ (1 + ηλ₁/10)f_{2,t}`, f2[t + 1], rate2 * f2[t], f2[t + 1]));
  }
  out.push(...worst.list());
  const tStar = firstWithin(f1, r1, eps * r1);
  const t2 = firstWithin(f2, r2, eps * r2);
  const tau = windowBound(x);
  out.push(atMost(`(3.2) t*(ε) ≤ τ(ε) (ε = ${eps.toExponential(2)})`, tStar, tau, tau));
  if (Number.isFinite(tStar)) {
    const err = Math.max(Math.abs(f1[tStar] ** 2 - l1), f2[tStar] ** 2);
    out.push(atMost(`(3.2) window at t* = ${tStar}: ‖F_tF_tᵀ − X₁‖ ≤ 2ελ₁`, err, 2 * eps * l1, l1));
  }
  out.push(atMost(`(3.2) f₁ converges first: t*(ε) = ${tStar} < first t with |f₂ − √λ₂| ≤ ε√λ₂ = ${t2}`, tStar + 1, t2, t2));
  return out;
}

export const sec3Decoupled = defineClaim<DecoupledInstance>({
  id: 'jcd.sec-3.decoupled',
  source: { paper: 'JCD', where: '§3, (3.1), (3.2)' },
  kind: 'trajectory',
  statement:
    'For X = diag(λ₁, λ₂), λ₂ ≤ λ₁/10, F₀ = G₀ = ρ√λ₁I: F_t stays diagonal with f_{i,t+1} = f_{i,t}(1 + ηλ_i − ηf²_{i,t}) (3.1); f₁ grows by ≥ 1 + ηλ₁/2 below √(λ₁/2) and contracts to √λ₁ by 1 − ηλ₁/2 above; 0 ≤ f_{2,t+1} ≤ (1 + ηλ₁/10)f_{2,t}; for small ρ a window with F_tF_tᵀ ≈ X₁ exists and f₁ converges before f₂ (3.2)',
  hypotheses: [
    hypothesis<DecoupledInstance>(
      'sec3-x',
      'm = n = k = 2, X = diag(λ₁, λ₂) positive semidefinite and approximately rank-1: λ₂ ≤ λ₁/10',
      (x) => x.lambda1 > 0 && x.lambda2 >= 0 && x.lambda2 <= x.lambda1 / 10,
      { coordinates: { 'λ₁': { value: (x) => x.lambda1, domain: [0.5, 2] }, 'λ₂/λ₁': { value: (x) => x.lambda2 / x.lambda1, domain: [0.02, 0.1] } } },
    ),
    hypothesis<DecoupledInstance>(
      'sec3-eta',
      '"assuming the stepsize η is sufficiently small": here 0 < η ≤ 1/(2λ₁)',
      (x) => x.eta > 0 && 2 * x.eta * x.lambda1 <= 1,
      {
        coordinates: { '2ηλ₁': { value: (x) => 2 * x.eta * x.lambda1, domain: [0.25, 1] } },
      },
    ),
    hypothesis<DecoupledInstance>(
      'sec3-rho',
      '"if the initial size ρ is sufficiently small": here ρ > 0 with ρ(1 + ηλ₁/10)^{τ(ε)} ≤ ε, for the tolerance ε ∈ (0, 1) of the window',
      (x) => x.rho > 0 && x.epsilon > 0 && x.epsilon < 1 && Math.log(x.rho) + windowBound(x) * Math.log1p((x.eta * x.lambda1) / 10) <= Math.log(x.epsilon),
      { coordinates: { 'log₁₀ ε': { value: (x) => Math.log10(x.epsilon), domain: [-3, -1] } } },
    ),
  ],
  choices: {
    eta: 'η = f/(2λ₁), f ∈ [0.25, 1]: "sufficiently small" made explicit (no overshoot of √λ₁, √λ₂); f ≥ 0.25 bounds the horizon',
    window: 'ε ∈ [10⁻³, 10⁻¹]; ρ = 10^{−v}·ρ_ε, v ∈ [0, 2], ρ_ε the largest ρ with ρ(1 + ηλ₁/10)^{τ(ε)} ≤ ε',
    horizon: 'until f₂ has converged too: ⌈(log(√λ₂/(ρ√λ₁)) + 2 log(4/ε))/(ηλ₂)⌉ + τ(ε) steps',
  },
  instances,
  size: () => 2,
  check: (x) => check(x, { f2Rate: (y) => 1 + (y.eta * y.lambda1) / 10 }),
  expected: 'holds',
  sabotage: {
    description: "f₂'s growth factor 1 + ηλ₂/2 instead of 1 + ηλ₁/10 (f₂ grows by ≈ 1 + ηλ₂ while small)",
    check: (x) => check(x, { f2Rate: (y) => 1 + (y.eta * y.lambda2) / 2 }),
  },
  runs: 25,
});
