/**
 * Nelder–Mead on the box [0, upper]^n, maximising, with the adaptive coefficients of Gao & Han
 * (Implementing the Nelder–Mead simplex algorithm with adaptive parameters, Comput. Optim. Appl. 51,
 * 2012): reflection 1, expansion 1 + 2/n, contraction 3/4 − 1/(2n), shrink 1 − 1/n, which keep the
 * method from stalling in the 10–50 dimensions of an instance's tape where the classical (1, 2, ½, ½)
 * degenerate.
 *
 * Bounds by projection: every trial point is clamped to the box before it is evaluated, and the
 * simplex keeps the clamped point. A maximiser on a face of the box (a hypothesis at its limit) is
 * then reached exactly, and the simplex goes on moving within the face.
 *
 * Why not an npm package: the one Nelder–Mead on npm with wide use (`fmin`, 2016) is unconstrained,
 * has no evaluation budget and is no longer maintained; the search needs bounds, an exact budget and
 * determinism, which this small implementation gives. Deterministic: no randomness at all.
 */

export interface NelderMeadOptions {
  /** Initial simplex edge (in box units): x₀ + h·eᵢ, or x₀ − h·eᵢ where that leaves the box. */
  readonly step: number;
  /** Upper end of every coordinate (the lower end is 0). */
  readonly upper: number;
  /** Stop when the simplex's largest edge from its best vertex is below this. */
  readonly xTolerance?: number;
  /** Stop when the spread of objective values is below this times (|best| + tiny). */
  readonly fTolerance?: number;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly converged: boolean;
}

/**
 * Maximises `f` from `x0` until it converges or `stop()` says the budget is spent (checked before
 * every evaluation, so the caller's budget is honoured exactly). `f` may return −∞ (an instance that
 * could not be evaluated), never NaN.
 */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], stop: () => boolean, opts: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  const clamp = (x: number[]) => x.map((v) => Math.min(opts.upper, Math.max(0, v)));
  const xTol = opts.xTolerance ?? 1e-9;
  const fTol = opts.fTolerance ?? 1e-13;
  const [alpha, gamma, rho, sigma] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  type Vertex = { x: number[]; v: number };
  const start = clamp([...x0]);
  if (n === 0 || stop()) return { x: start, value: Number.NEGATIVE_INFINITY, converged: false };
  const simplex: Vertex[] = [{ x: start, v: f(start) }];
  for (let i = 0; i < n; i++) {
    if (stop()) return best(simplex, false);
    const x = [...start];
    x[i] = start[i] + opts.step <= opts.upper ? start[i] + opts.step : start[i] - opts.step;
    const y = clamp(x);
    simplex.push({ x: y, v: f(y) });
  }
  const order = () => simplex.sort((a, b) => b.v - a.v);
  for (;;) {
    order();
    const [bestV, worst] = [simplex[0], simplex[n]];
    const size = Math.max(...simplex.slice(1).map((s) => Math.max(...s.x.map((xi, i) => Math.abs(xi - bestV.x[i])))));
    const spread = bestV.v - worst.v;
    if (size < xTol || (Number.isFinite(spread) && spread <= fTol * (Math.abs(bestV.v) + 1e-300))) return best(simplex, true);
    if (stop()) return best(simplex, false);
    const centroid = Array.from({ length: n }, (_, i) => simplex.slice(0, n).reduce((acc, s) => acc + s.x[i], 0) / n);
    const along = (t: number) => clamp(centroid.map((c, i) => c + t * (c - worst.x[i])));
    const xr = along(alpha);
    const vr = f(xr);
    if (vr > simplex[0].v) {
      if (stop()) {
        simplex[n] = { x: xr, v: vr };
        return best(simplex, false);
      }
      const xe = along(alpha * gamma);
      const ve = f(xe);
      simplex[n] = ve > vr ? { x: xe, v: ve } : { x: xr, v: vr };
      continue;
    }
    if (vr > simplex[n - 1].v) {
      simplex[n] = { x: xr, v: vr };
      continue;
    }
    if (stop()) return best(simplex, false);
    // Contraction: outside when the reflection improved on the worst vertex, inside otherwise.
    const outside = vr > worst.v;
    const xc = along(outside ? alpha * rho : -rho);
    const vc = f(xc);
    if (outside ? vc >= vr : vc > worst.v) {
      simplex[n] = { x: xc, v: vc };
      continue;
    }
    // Shrink towards the best vertex.
    for (let k = 1; k <= n; k++) {
      if (stop()) return best(simplex, false);
      const x = clamp(simplex[k].x.map((xi, i) => bestV.x[i] + sigma * (xi - bestV.x[i])));
      simplex[k] = { x, v: f(x) };
    }
  }
}

function best(simplex: ReadonlyArray<{ x: number[]; v: number }>, converged: boolean): NelderMeadResult {
  const b = simplex.reduce((a, s) => (s.v > a.v ? s : a));
  return { x: b.x, value: b.v, converged };
}
