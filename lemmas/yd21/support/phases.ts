/**
 * YD21's two stages along one GD trajectory from a Gaussian initialisation, in the diagonal frame
 * of §2.1: the §3.1 constant c measured from the initialisation, the quantities Theorem 3.1 and §3.3
 * speak of at recorded steps, and the observed phase boundaries
 *
 *   T₁ = the first recorded t with σ_d(A_t) ≥ √(σ_d/2)                (§3.2.3, App. D),
 *   T₀ = the first recorded t with σ_d(A_t) ≥ √(σ_d/2) and σ₁(P_t) ≤ σ_d/4   (Theorem 3.1).
 *
 * Steps are recorded every `every` steps (a claim records its stride in its choices), so T₁ and T₀
 * are known up to the stride; the conditions "∀t ≤ T₀" are checked at the recorded steps.
 */
import { add, block, frobenius, type Mat, mul, mulSelfTransposed, scale, sub, transpose } from '../../../src/linalg/dense.ts';
import { lambdaMax, opNorm, sigmaMin } from '../../../src/linalg/spectral.ts';
import { gaussianMatrix, gaussianStream } from '../../../src/random/gaussian.ts';
import { deriveABSP, splitBlocks } from '../../../src/gd/blocks.ts';
import { diagnostics, isDiagnosticName } from '../../../src/gd/diagnostics.ts';
import { runTrajectory } from '../../../src/gd/trajectory.ts';

/**
 * The smallest c for which the five §3.1 events hold for (𝐔, 𝐕) = ε·(N(0,1) draws):
 * max{ε/(σ_min(A)√d), σ_max(A)/(ε√d), ‖B‖_F/(εd), ‖J‖/(ε√max(m′,d)), ‖K‖/(ε√max(n′,d))}.
 */
export function initialisationConstant(Ufull: Mat, Vfull: Mat, epsilon: number): number {
  const d = Ufull.cols;
  const [m, n] = [Ufull.rows, Vfull.rows];
  const [U, V] = [block(Ufull, 0, d, 0, d), block(Vfull, 0, d, 0, d)];
  const [J, K] = [block(Ufull, d, m, 0, d), block(Vfull, d, n, 0, d)];
  const A = scale(add(U, V), 0.5);
  const B = scale(sub(U, V), 0.5);
  return Math.max(
    epsilon / (sigmaMin(A) * Math.sqrt(d)),
    opNorm(A) / (epsilon * Math.sqrt(d)),
    frobenius(B) / (epsilon * d),
    m > d ? opNorm(J) / (epsilon * Math.sqrt(Math.max(m - d, d))) : 0,
    n > d ? opNorm(K) / (epsilon * Math.sqrt(Math.max(n - d, d))) : 0,
  );
}

/** What Theorem 3.1 and §3.3 track, at one recorded step. */
export interface PhaseSample {
  readonly t: number;
  /** σ_d(A) and λ_max(AAᵀ − 2Σ) (condition 1 of Theorem 3.1: ε²/(c²d)I ⪯ AAᵀ ⪯ 2Σ). */
  readonly sigmaMinA: number;
  readonly excessOver2Sigma: number;
  readonly frobB: number;
  readonly normJ: number;
  readonly normK: number;
  /** σ₁(P) = ‖P‖_op and λ_d(P). */
  readonly normP: number;
  readonly lambdaMinP: number;
  /** Δ = ‖Σ − UVᵀ‖_op on the principal block (§3.3 (2)); σ_d(U), σ_d(V) of the d×d blocks (§3.3 (3)). */
  readonly delta: number;
  readonly sigmaMinU: number;
  readonly sigmaMinV: number;
  /** f = ½‖Σ − 𝐔𝐕ᵀ‖²_F (full matrices). */
  readonly loss: number;
}

/** The quantities of a PhaseSample, in its order (what phaseSample computes by default). */
export const PHASE_QUANTITIES = [
  'sigmaMinA',
  'excessOver2Sigma',
  'frobB',
  'normJ',
  'normK',
  'normP',
  'lambdaMinP',
  'delta',
  'sigmaMinU',
  'sigmaMinV',
  'loss',
] as const satisfies readonly (keyof PhaseSample)[];
export type PhaseQuantity = (typeof PHASE_QUANTITIES)[number];

/** A PhaseSample with only the quantities K (and t). */
export type PhaseSampleOf<K extends PhaseQuantity> = Pick<PhaseSample, 't' | K>;

/**
 * The PhaseSample of (𝐔, 𝐕) at step t: all quantities, or those named in `wanted` (the others are
 * neither computed nor present). Those that are diagnostics come from `diagnostics`, so a value is
 * the same whichever others are asked for.
 */
export function phaseSample(t: number, sigma: Mat, U: Mat, V: Mat): PhaseSample;
export function phaseSample<K extends PhaseQuantity>(t: number, sigma: Mat, U: Mat, V: Mat, wanted: readonly K[]): PhaseSampleOf<K>;
export function phaseSample(t: number, sigma: Mat, U: Mat, V: Mat, wanted: readonly PhaseQuantity[] = PHASE_QUANTITIES): Partial<PhaseSample> {
  const out: { -readonly [K in keyof PhaseSample]?: PhaseSample[K] } = { t, ...diagnostics(sigma, U, V, wanted.filter(isDiagnosticName)) };
  const want = (k: PhaseQuantity) => wanted.includes(k);
  if (!want('excessOver2Sigma') && !want('delta') && !want('sigmaMinU') && !want('sigmaMinV')) return out;
  const b = splitBlocks(sigma, U, V);
  if (want('excessOver2Sigma')) out.excessOver2Sigma = lambdaMax(sub(mulSelfTransposed(deriveABSP(b).A), scale(b.Sigma, 2)));
  if (want('delta')) out.delta = opNorm(sub(b.Sigma, mul(b.U, transpose(b.V))));
  if (want('sigmaMinU')) out.sigmaMinU = sigmaMin(b.U);
  if (want('sigmaMinV')) out.sigmaMinV = sigmaMin(b.V);
  return out;
}

/**
 * The Gaussian initialisation of Theorem 1.1 (i.i.d. N(0, ε²) entries, 𝐔₀ m×d then 𝐕₀ n×d from one
 * seeded stream), restricted to the high-probability event of §3.1 with constant cMax: the draws
 * with seeds `${seed}:0`, `${seed}:1`, … are tried in turn until the measured constant is ≤ cMax
 * (so an instance always exists and is reproducible from its seed; 50 tries at most).
 */
export function gaussianInitialisation(
  m: number,
  n: number,
  d: number,
  epsilon: number,
  seed: string,
  cMax = Number.POSITIVE_INFINITY,
): { U0: Mat; V0: Mat; c: number; draw: number } {
  for (let draw = 0; draw < 50; draw++) {
    const next = gaussianStream(`phases:${seed}:${draw}`);
    const U0 = gaussianMatrix(m, d, epsilon, next);
    const V0 = gaussianMatrix(n, d, epsilon, next);
    const c = initialisationConstant(U0, V0, epsilon);
    if (c <= cMax) return { U0, V0, c, draw };
  }
  throw new Error(`no initialisation with c ≤ ${cMax} in 50 draws from seed ${seed} (m = ${m}, n = ${n}, d = ${d})`);
}

/** A YD21 run: Σ = diag(values) (m×n) and initial 𝐔₀ (m×d), 𝐕₀ (n×d). */
export interface PhaseRunSpec {
  readonly values: readonly number[];
  readonly m: number;
  readonly n: number;
  readonly U0: Mat;
  readonly V0: Mat;
  readonly epsilon: number;
  readonly eta: number;
  /** Steps to run at most. */
  readonly iters: number;
  /** Record every this many steps. */
  readonly every: number;
  /** Stop early this many steps after T₀ (undefined: run all `iters`). */
  readonly afterT0?: number;
}

/** The quantities a run always records: T₁ and T₀ are defined by them. */
export type PhaseBoundaryQuantity = 'sigmaMinA' | 'normP';

export interface PhaseRun<E = undefined, K extends PhaseQuantity = PhaseQuantity> {
  readonly sigma: Mat;
  readonly U0: Mat;
  readonly V0: Mat;
  /** The §3.1 constant measured from this initialisation. */
  readonly c: number;
  /** The recorded steps, each with what the caller's `extra` observed there. */
  readonly samples: ReadonlyArray<PhaseSampleOf<K | PhaseBoundaryQuantity> & { readonly extra: E }>;
  readonly T1: number | null;
  readonly T0: number | null;
  /** The step at which the iterates left the finite range, if they did. */
  readonly diverged: number | null;
  /** The iterates at the last recorded step. */
  readonly final: { readonly U: Mat; readonly V: Mat; readonly t: number };
}

/**
 * Runs GD from the spec's initialisation and records the phases (see the module comment): at each
 * recorded step, the quantities named in `wanted` (default: all) and those T₁, T₀ need.
 */
export function runPhases<K extends PhaseQuantity = PhaseQuantity>(spec: PhaseRunSpec, wanted?: readonly K[]): PhaseRun<undefined, K> {
  return runPhasesWith(spec, () => undefined, wanted);
}

/**
 * runPhases, with `extra` observed as well at every recorded step (from the live iterates, which
 * it must not keep or modify: copy what it needs).
 */
export function runPhasesWith<E, K extends PhaseQuantity = PhaseQuantity>(
  spec: PhaseRunSpec,
  extra: (state: { t: number; sigma: Mat; U: Mat; V: Mat }, sample: PhaseSampleOf<K | PhaseBoundaryQuantity>) => E,
  wanted?: readonly K[],
): PhaseRun<E, K> {
  const recorded: readonly (K | PhaseBoundaryQuantity)[] =
    wanted === undefined
      ? (PHASE_QUANTITIES as readonly PhaseQuantity[] as readonly K[])
      : [...new Set<K | PhaseBoundaryQuantity>([...wanted, 'sigmaMinA', 'normP'])];
  const sigma = { rows: spec.m, cols: spec.n, data: new Float64Array(spec.m * spec.n) };
  spec.values.forEach((v, i) => {
    sigma.data[i * spec.n + i] = v;
  });
  const { U0, V0 } = spec;
  const sigmaD = Math.min(...spec.values);
  let T1: number | null = null;
  let T0: number | null = null;
  const samples: (PhaseSampleOf<K | PhaseBoundaryQuantity> & { extra: E })[] = [];
  let stopAt = Number.POSITIVE_INFINITY;
  const traj = runTrajectory({
    sigma,
    U0,
    V0,
    eta: spec.eta,
    iters: spec.iters,
    every: spec.every,
    observe: (s) => {
      const p = phaseSample(s.t, sigma, s.U, s.V, recorded);
      samples.push({ ...p, extra: extra({ t: s.t, sigma, U: s.U, V: s.V }, p) });
      if (T1 === null && p.sigmaMinA >= Math.sqrt(sigmaD / 2)) T1 = s.t;
      if (T0 === null && p.sigmaMinA >= Math.sqrt(sigmaD / 2) && p.normP <= sigmaD / 4) {
        T0 = s.t;
        if (spec.afterT0 !== undefined) stopAt = s.t + spec.afterT0;
      }
      return null;
    },
    until: (_v, t) => t >= stopAt,
  });
  return {
    sigma,
    U0,
    V0,
    c: initialisationConstant(U0, V0, spec.epsilon),
    samples,
    T1,
    T0,
    diverged: traj.diverged?.t ?? null,
    final: traj.final,
  };
}

/** What determines a run: Σ, the initialisation, ε, η, the horizon, the stride and the stop after T₀. */
function specKey(spec: PhaseRunSpec): string {
  return [
    spec.values.join(','),
    spec.m,
    spec.n,
    spec.epsilon,
    spec.eta,
    spec.iters,
    spec.every,
    spec.afterT0 ?? '',
    spec.U0.data.join(','),
    spec.V0.data.join(','),
  ].join('|');
}

const MEMO_SIZE = 16;
const memo = new Map<string, unknown>();

/**
 * `compute()` for this spec, remembered for the most recent MEMO_SIZE (tag, spec) pairs: a claim's
 * check, its witnesses and the audit evaluate the same instance several times, and a theorem-regime
 * run costs up to 10⁷ GD steps. `tag` names what `compute` records beyond the spec (the quantities,
 * the claim's `extra`); `compute` must depend on nothing else, and callers must not modify the result.
 */
export function memoPhases<R>(tag: string, spec: PhaseRunSpec, compute: () => R): R {
  const key = `${tag}#${specKey(spec)}`;
  if (memo.has(key)) {
    const hit = memo.get(key) as R;
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const value = compute();
  memo.set(key, value);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  return value;
}
