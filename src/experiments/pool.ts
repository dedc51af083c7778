/**
 * Runs an experiment's jobs on worker threads (one per core by default), each worker taking the
 * next job as soon as it is free; results come back in job order, so the assembled data is the
 * same as a sequential run's (the jobs are deterministic and carry their own seeds).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Experiment } from './experiment.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const WORKER = new URL('./worker.ts', import.meta.url).href;

export interface PoolOptions {
  /** Worker threads (default: the machine's cores, at most the number of jobs). */
  readonly workers?: number;
  /** Jobs done out of the total, counting the reported fractions of running jobs. */
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runExperimentInWorkers<C, J, R, D>(exp: Experiment<C, J, R, D>, config: C, seed: string, opts: PoolOptions = {}): Promise<D> {
  const jobs = exp.jobs(config, seed);
  const count = Math.max(1, Math.min(opts.workers ?? availableParallelism(), jobs.length));
  const results = new Array<R>(jobs.length);
  let next = 0;
  let done = 0;
  const partial = new Map<number, number>();
  const report = () => opts.onProgress?.(done + [...partial.values()].reduce((a, b) => a + b, 0), jobs.length);
  const workers = Array.from({ length: count }, () => new Worker(BOOT, { workerData: { file: WORKER } }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= jobs.length) return resolve();
              const index = next++;
              w.postMessage({ id: exp.id, index, job: jobs[index] });
            };
            w.on('message', (msg: { index: number; result?: R; progress?: number; error?: string }) => {
              if (msg.error !== undefined) return reject(new Error(`${exp.id}, job ${msg.index + 1}: ${msg.error}`));
              if (msg.progress !== undefined) {
                partial.set(msg.index, msg.progress);
                return report();
              }
              results[msg.index] = msg.result as R;
              partial.delete(msg.index);
              done++;
              report();
              give();
            });
            w.on('error', reject);
            w.on('exit', (code) => code !== 0 && next < jobs.length && reject(new Error(`a worker of ${exp.id} exited with code ${code}`)));
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return exp.assemble(config, seed, results);
}
