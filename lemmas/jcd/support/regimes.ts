/**
 * Runs of JCD's setting in two regimes, built from seeds so that they satisfy the hypotheses they
 * claim by construction:
 *
 * - `theorem`: every hypothesis of Theorem A.1 / Propositions B.2–B.5 with explicit constants:
 *   η = its bound min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)}, ρ = its bound (both printed conditions),
 *   σ_{r+1} = γσ_r, and an initialisation in the event of Proposition B.1 (the paper conditions on it:
 *   "In the sequel, we condition on the high probability event that the conclusion of Proposition
 *   B.1 holds"): the first of the seeds `seed:0`, `seed:1`, … whose draw satisfies Items 1–6.
 *   These runs are long (T ≈ 10⁶ steps), so the regime is a small fixed pool of configurations.
 * - `practical`: the experiments of §5.2 — σ_r = 1, stepsize η = 0.25, rank parameter k ≥ r, GD on a
 *   general X from the same initialisation law — far outside the theorem's η and ρ.
 */
import fc from 'fast-check';
import { opNorm } from '../../../src/linalg/spectral.ts';
import { jcdDiagnostics } from './diagnostics.ts';
import { toDiagonalFrame } from '../../../src/gd/rotation.ts';
import { splitJcdBlocks } from './blocks.ts';
import type { JcdRun } from './trace.ts';
import { drawJcdInit } from './init.ts';
import { generalMatrix } from '../../../src/random/general-matrix.ts';
import { etaMax, iterationCounts, type JcdTimeParameters, logRhoMax } from './times.ts';
import { inRange, seed as seedArb, dimension } from '../../../src/random/arbitraries.ts';

/** T₁, T₂, T₃, T₀ = T₁ + T₂ + T₃ and T of (A.1). */
export interface TheoremTimes {
  readonly T1: number;
  readonly T2: number;
  readonly T3: number;
  readonly T0: number;
  readonly T: number;
}

/**
 * (A.1)'s counts at these parameters (lemmas/jcd/support/times.ts, log space), with the brackets Propositions
 * B.3–B.5 print: ⌊·⌋ + 1 for T₁, T₂, T₃ and ⌊·⌋ for T.
 */
export function theoremTimes(p: JcdTimeParameters): TheoremTimes {
  return iterationCounts(p, 'floor');
}

/** A configuration of JCD's setting with the theorem's times evaluated at its η and ρ. */
export interface JcdConfig extends JcdRun, JcdTimeParameters {
  readonly regime: 'theorem' | 'practical';
  /** The singular values of X (decreasing, min(m, n) of them). */
  readonly values: readonly number[];
  /** False when ρ is below MIN_LOG10_RHO: nothing can be run. */
  readonly representable: boolean;
  readonly times: TheoremTimes;
  /** The initialisation seed used (after conditioning on Proposition B.1 in the theorem regime). */
  readonly initSeed: string;
}

/**
 * The smallest ρ a run accepts, as log₁₀: the initial entries ρ/(3√(m+n+k))·N(0, σ₁) must stay
 * well inside the normal double range (smallest normal 2.2·10⁻³⁰⁸; below it precision is lost).
 */
const MIN_LOG10_RHO = -290;

/** The hypotheses' words for a theorem-regime configuration. */
export function underflowMessage(c: JcdConfig): string {
  return (
    `the theorem's regime at γ = ${c.gamma} needs ρ ≤ 10^${(c.logRho / Math.LN10).toFixed(1)}, below the double range ` +
    `(runs need ρ ≥ 10^${MIN_LOG10_RHO}): not checkable in double precision — the conclusions are checked in the practical regime instead`
  );
}

/** Proposition B.1's Items 1–6 at the initialisation, in the diagonal frame. */
export function baseCaseHolds(c: Pick<JcdConfig, 'X' | 'F0' | 'G0' | 'r' | 'sigma1' | 'cRho' | 'm' | 'n' | 'k'>, rho: number): boolean {
  const frame = toDiagonalFrame(c.X, c.F0, c.G0);
  const values = Array.from({ length: Math.min(c.m, c.n) }, (_, i) => frame.sigma.data[i * frame.sigma.cols + i]);
  const b = splitJcdBlocks(frame.sigma, frame.U0, frame.V0, c.r);
  const d = jcdDiagnostics(frame.sigma, values, frame.U0, frame.V0, c.r);
  const s1 = c.sigma1;
  return (
    Math.max(opNorm(b.U), opNorm(b.V), d.normJ, d.normK) <= rho * Math.sqrt(s1) &&
    d.gramF <= 7 * s1 &&
    d.gramG <= 7 * s1 &&
    d.sigmaRA >= (c.cRho * rho * Math.sqrt(s1)) / (12 * (c.m + c.n + c.k)) &&
    d.lambdaRP >= 0 &&
    d.frobB <= rho * Math.sqrt(2 * c.r) * Math.sqrt(s1)
  );
}

interface Shape {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly r: number;
  /** σ₁, …, σ_r (σ_{r+1} = γσ_r, the rest of the tail `tail`·σ_{r+1}). */
  readonly head: readonly number[];
  readonly tail: readonly number[];
  readonly gamma: number;
}

/** c_ρ of Theorem A.1 ("for any c_ρ < 1"): the choice of every run here. */
export const C_RHO = 0.5;

function spectrumOf(s: Shape): number[] {
  const next = s.gamma * s.head[s.r - 1];
  const values = [...s.head, next, ...s.tail.map((u) => u * next)];
  return values.slice(0, Math.min(s.m, s.n));
}

/** A theorem-regime configuration (deterministic in `seed`). */
export function theoremConfig(s: Shape, seed: string): JcdConfig {
  const values = spectrumOf(s);
  const q = { m: s.m, n: s.n, k: s.k, r: s.r, sigma1: values[0], sigmaR: values[s.r - 1], gamma: s.gamma, cRho: C_RHO };
  const p: JcdTimeParameters = { ...q, eta: etaMax(q), logRho: logRhoMax(q) };
  const X = generalMatrix(values, s.m, s.n, seed);
  const representable = p.logRho / Math.LN10 >= MIN_LOG10_RHO;
  const key = `theorem:${JSON.stringify(s)}:${seed}`;
  // Beyond the double range the counts are astronomically large (and not needed): T is left 0.
  const times = representable ? theoremTimes(p) : { T1: 0, T2: 0, T3: 0, T0: 0, T: 0 };
  const base = { ...p, regime: 'theorem' as const, values, X, times, frame: 'diagonal' as const };
  if (!representable) return { ...base, F0: X, G0: X, representable, initSeed: '', key };
  const rho = Math.exp(p.logRho);
  for (let attempt = 0; attempt < 100; attempt++) {
    const initSeed = `${seed}:${attempt}`;
    const { F0, G0 } = drawJcdInit({ ...q, rho }, initSeed);
    if (baseCaseHolds({ ...p, X, F0, G0 }, rho)) return { ...base, F0, G0, representable, initSeed, key: `${key}:${attempt}` };
  }
  throw new Error(`no initialisation among 100 seeds satisfies Proposition B.1 for ${key}`);
}

/**
 * The pool of theorem-regime shapes: r ∈ {1, 2}, k − r ∈ {0, 1, 3}, κ_r ∈ {1, 1.1, 1.5, 2}, γ ∈ {0.08,
 * 0.09, 0.1}, m ≠ n and m = n. γ this small keeps every printed bound above double precision's
 * resolution (see the claims' `precision` choice); κ_r costs (η ∝ σ_r²/σ₁³ and T ∝ 1/(γησ_r)): the
 * κ_r = 2 run is 8·10⁶ steps (≈ 7 s), κ_r = 3 would be 2.8·10⁷ (≈ 20 s, beyond the suite's budget).
 */
export const THEOREM_SHAPES: readonly Shape[] = [
  { m: 3, n: 4, k: 2, r: 1, head: [1], tail: [0.5], gamma: 0.1 },
  { m: 4, n: 4, k: 3, r: 2, head: [1.1, 1], tail: [0.5], gamma: 0.1 },
  { m: 4, n: 3, k: 4, r: 1, head: [1], tail: [0.4], gamma: 0.08 },
  { m: 3, n: 4, k: 2, r: 2, head: [2, 1], tail: [0.5], gamma: 0.1 },
  { m: 4, n: 3, k: 3, r: 2, head: [1.5, 1], tail: [], gamma: 0.09 },
  { m: 2, n: 3, k: 1, r: 1, head: [1], tail: [], gamma: 0.1 },
];

/** The whole theorem-regime pool as one instance (every claim checks every configuration). */
export function theoremPool(): fc.Arbitrary<readonly JcdConfig[]> {
  return fc.constant(THEOREM_SHAPES).map((shapes) => shapes.map((shape, i) => theoremConfig(shape, `theorem-pool:${i}`)));
}

/** §5.2's stepsize and normalisation: η = 0.25, σ_r = 1. */
export const PRACTICAL_ETA = 0.25;

export interface PracticalOptions {
  /** γ = σ_{r+1}/σ_r is drawn from this range (default [0.2, 0.6]). */
  readonly gamma?: readonly [number, number];
  /** q of ρ = 10^{−q} is drawn from this range (default [4, 14]: below 10⁻¹⁴ a dense run's rounding swamps ρ). */
  readonly q?: readonly [number, number];
}

/**
 * Practical-regime configurations: r ∈ [1, 3], k ∈ [r, r + 7], m, n ∈ [k + 1, k + 5]; σ_r = 1,
 * κ_r ∈ [1, 2], γ = σ_{r+1}/σ_r in opts.gamma, the tail below; ρ = 10^{−q} with q in opts.q; η = 0.25;
 * c_ρ = C_RHO.
 */
export function practicalConfigs(opts: PracticalOptions = {}): fc.Arbitrary<JcdConfig> {
  const [g0, g1] = opts.gamma ?? [0.2, 0.6];
  const [q0, q1] = opts.q ?? [4, 14];
  return fc
    .record({
      r: dimension(1, 3),
      extra: dimension(0, 7),
      mc: dimension(0, 4),
      nc: dimension(0, 4),
      kappa: inRange(1, 2),
      gamma: inRange(g0, g1),
      q: inRange(q0, q1),
      s: seedArb(),
    })
    .map(({ r, extra, mc, nc, kappa, gamma, q, s }) => {
      const k = r + extra;
      const [m, n] = [k + mc + 1, k + nc + 1];
      const head = Array.from({ length: r }, (_, i) => (r === 1 ? 1 : kappa - ((kappa - 1) * i) / (r - 1)));
      const tailCount = Math.min(m, n) - r - 1;
      const tail = Array.from({ length: tailCount }, (_, i) => 1 - (i + 1) / (tailCount + 1));
      const shape: Shape = { m, n, k, r, head, tail, gamma };
      const values = spectrumOf(shape);
      const logRho = -q * Math.LN10;
      const p: JcdTimeParameters = { m, n, k, r, sigma1: values[0], sigmaR: values[r - 1], gamma, cRho: C_RHO, eta: PRACTICAL_ETA, logRho };
      const seed = `practical:${s}`;
      const X = generalMatrix(values, m, n, seed);
      const { F0, G0 } = drawJcdInit({ ...p, rho: Math.exp(logRho) }, seed);
      return {
        ...p,
        regime: 'practical' as const,
        values,
        representable: true,
        X,
        F0,
        G0,
        frame: 'dense' as const,
        times: theoremTimes(p),
        initSeed: seed,
        key: `practical:${JSON.stringify(shape)}:${q}:${s}`,
      };
    });
}

/** The largest dimension of a configuration (for the tolerance). */
export function configSize(c: JcdConfig): number {
  return Math.max(c.m, c.n, c.k);
}
