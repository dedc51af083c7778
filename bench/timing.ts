/** Wall-clock timing for the benchmarks (never used by tests). */

/**
 * Median time of one call of `fn`, in µs: warm up (which also lets V8 tier the code up), find a
 * repetition count whose batch takes at least `minBatchMs`, then time `batches` such batches.
 */
export function medianMicros(fn: () => void, minBatchMs = 300, batches = 5): number {
  const batch = (reps: number): number => {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    return performance.now() - t0;
  };
  let reps = 1;
  for (let t = batch(reps); t < minBatchMs; t = batch(reps)) reps = Math.max(2 * reps, Math.ceil((1.2 * reps * minBatchMs) / Math.max(t, 1e-3)));
  const times: number[] = [];
  for (let b = 0; b < batches; b++) times.push((1000 * batch(reps)) / reps);
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}
