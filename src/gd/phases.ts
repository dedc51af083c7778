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
import { add, block, frobenius, type Mat, mul, mulSelfTransposed, scale, sub, transpose } from '../linalg/dense.ts';
import { lambdaMax, opNorm, sigmaMin, symmetricEigenvalues } from '../linalg/spectral.ts';
import { gaussianMatrix, gaussianStream } from '../random/gaussian.ts';
import { deriveABSP, splitBlocks } from './blocks.ts';
import { loss, runTrajectory } from './trajectory.ts';

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

export function phaseSample(t: number, sigma: Mat, U: Mat, V: Mat): PhaseSample {
  const b = splitBlocks(sigma, U, V);
  const { A, B, P } = deriveABSP(b);
  const ev = symmetricEigenvalues(P);
  return {
    t,
    sigmaMinA: sigmaMin(A),
    excessOver2Sigma: lambdaMax(sub(mulSelfTransposed(A), scale(b.Sigma, 2))),
    frobB: frobenius(B),
    normJ: b.J.rows ? opNorm(b.J) : 0,
    normK: b.K.rows ? opNorm(b.K) : 0,
    normP: Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1])),
    lambdaMinP: ev[ev.length - 1],
    delta: opNorm(sub(b.Sigma, mul(b.U, transpose(b.V)))),
    sigmaMinU: sigmaMin(b.U),
    sigmaMinV: sigmaMin(b.V),
    loss: loss(sigma, U, V),
  };
}

/**
 * The Gaussian initialisation of Theorem 1.1 (i.i.d. N(0, ε²) entries, 𝐔₀ m×d then 𝐕₀ n×d from one
 * seeded stream), restricted to the high-probability event of §3.1 with constant cMax: the draws
 * with seeds `${seed}:0`, `${seed}:1`, … are tried in turn until the measured constant is ≤ cMax
 * (so an instance always exists and is reproducible from its seed; 50 tries at most).
 */
export function gaussianInitialisation(m: number, n: number, d: number, epsilon: number, seed: string, cMax = Number.POSITIVE_INFINITY): { U0: Mat; V0: Mat; c: number; draw: number } {
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

export interface PhaseRun<E = undefined> {
  readonly sigma: Mat;
  readonly U0: Mat;
  readonly V0: Mat;
  /** The §3.1 constant measured from this initialisation. */
  readonly c: number;
  /** The recorded steps, each with what the caller's `extra` observed there. */
  readonly samples: ReadonlyArray<PhaseSample & { readonly extra: E }>;
  readonly T1: number | null;
  readonly T0: number | null;
  /** The step at which the iterates left the finite range, if they did. */
  readonly diverged: number | null;
  /** The iterates at the last recorded step. */
  readonly final: { readonly U: Mat; readonly V: Mat; readonly t: number };
}

/** Runs GD from the spec's initialisation and records the phases (see the module comment). */
export function runPhases(spec: PhaseRunSpec): PhaseRun {
  return runPhasesWith(spec, () => undefined);
}

/**
 * runPhases, with `extra` observed as well at every recorded step (from the live iterates, which
 * it must not keep or modify: copy what it needs).
 */
export function runPhasesWith<E>(spec: PhaseRunSpec, extra: (state: { t: number; sigma: Mat; U: Mat; V: Mat }, sample: PhaseSample) => E): PhaseRun<E> {
  const sigma = { rows: spec.m, cols: spec.n, data: new Float64Array(spec.m * spec.n) };
  spec.values.forEach((v, i) => (sigma.data[i * spec.n + i] = v));
  const { U0, V0 } = spec;
  const sigmaD = Math.min(...spec.values);
  let T1: number | null = null;
  let T0: number | null = null;
  const samples: (PhaseSample & { extra: E })[] = [];
  let stopAt = Number.POSITIVE_INFINITY;
  const traj = runTrajectory({
    sigma,
    U0,
    V0,
    eta: spec.eta,
    iters: spec.iters,
    every: spec.every,
    observe: (s) => {
      const p = phaseSample(s.t, sigma, s.U, s.V);
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
