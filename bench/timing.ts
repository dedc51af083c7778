/** Timing for the benchmarks (never used by tests). */

/**
 * The clock of a measurement: `wall` (performance.now), or `cpu`, this process's CPU time
 * (process.cpuUsage, user + system), which on a shared machine leaves out the time the process waits
 * for a core: under a load of several runnable processes per core the wall clock of a loop of 50 ns
 * steps mostly measures the scheduler. Single-threaded code only (helper threads would add theirs).
 */
export type Clock = 'wall' | 'cpu';

function nowMs(clock: Clock): number {
  if (clock === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Median time of one call of `fn`, in µs: warm up (which also lets V8 tier the code up), find a
 * repetition count whose batch takes at least `minBatchMs`, then time `batches` such batches.
 */
export function medianMicros(fn: () => void, minBatchMs = 300, batches = 5, clock: Clock = 'wall'): number {
  const batch = (reps: number): number => {
    const t0 = nowMs(clock);
    for (let r = 0; r < reps; r++) fn();
    return nowMs(clock) - t0;
  };
  let reps = 1;
  for (let t = batch(reps); t < minBatchMs; t = batch(reps)) reps = Math.max(2 * reps, Math.ceil((1.2 * reps * minBatchMs) / Math.max(t, 1e-3)));
  const times: number[] = [];
  for (let b = 0; b < batches; b++) times.push((1000 * batch(reps)) / reps);
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}
