/**
 * The times of JCD (A.1) beside the ones observed on the trajectory claims' runs:
 *   npx tsx scripts/jcd-observed-times.ts [--practical N]
 * For each theorem-regime configuration (lemmas/jcd/support/regimes.ts): T₁, T₁ + T₂, T₀, T of (A.1)
 * and, observed on the recorded steps (resolution K = the recording interval), the first t with
 * σ_r(A_t) ≥ √((1−γ)/24·σ_r) (T₁), with σ_r(A_t) ≥ 0.8√σ_r (T₁ + T₂), and from which (A.3) holds up
 * to T (T₀). With --practical N: over N practical-regime configurations (η = 0.25), how often the
 * windows [T₁ + T₂, T] and [T₀, T] of (A.1) are non-empty.
 */
import fc from 'fast-check';
import { errorScale, regimeTrace } from '../lemmas/jcd/support/regime-trace.ts';
import { growthThreshold } from '../lemmas/jcd/prop-b.3.sigma-r-growth.ts';
import { finalErrorBound } from '../lemmas/jcd/thm-a.1.final-error.ts';
import { practicalConfigs, THEOREM_SHAPES, theoremConfig } from '../lemmas/jcd/support/regimes.ts';

const rows = THEOREM_SHAPES.map((shape, i) => {
  const c = theoremConfig(shape, `theorem-pool:${i}`);
  const trace = regimeTrace(c);
  const first = (p: (s: (typeof trace.samples)[number]) => boolean) => trace.samples.find(p)?.t ?? null;
  const bound = finalErrorBound(c);
  let t0: number | null = null;
  for (let j = trace.samples.length - 1; j >= 0 && trace.samples[j].errors[c.r - 1] <= bound; j--) t0 = trace.samples[j].t;
  return {
    shape: `m,n,k,r = ${c.m},${c.n},${c.k},${c.r}; κ = ${(c.sigma1 / c.sigmaR).toFixed(2)}; γ = ${c.gamma}`,
    log10Rho: Number((c.logRho / Math.LN10).toFixed(2)),
    eta: Number(c.eta.toPrecision(4)),
    K: trace.every,
    T1: c.times.T1,
    T1obs: first((s) => s.sigmaRA >= growthThreshold(c)),
    T12: c.times.T1 + c.times.T2,
    T12obs: first((s) => s.sigmaRA >= 0.8 * Math.sqrt(c.sigmaR)),
    T0: c.times.T0,
    T0obs: t0,
    T: c.times.T,
    finalError: Number(trace.samples[trace.samples.length - 1].errors[c.r - 1].toPrecision(3)),
    bound: Number(bound.toPrecision(3)),
    rhoE: Number(errorScale(c).toPrecision(3)),
  };
});
console.table(rows);

const i = process.argv.indexOf('--practical');
if (i > 0) {
  const n = Number(process.argv[i + 1] ?? 1000);
  const configs = fc.sample(practicalConfigs(), { numRuns: n, seed: 2021 });
  const frac = (p: (c: (typeof configs)[number]) => boolean) => configs.filter(p).length / n;
  console.log({
    practicalConfigs: n,
    'T₁ ≤ T': frac((c) => c.times.T1 <= c.times.T),
    'T₁ + T₂ ≤ T': frac((c) => c.times.T1 + c.times.T2 <= c.times.T),
    'T₀ ≤ T': frac((c) => c.times.T0 <= c.times.T),
  });
}
