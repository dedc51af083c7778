/**
 * A worker thread of `reproduce` (started through worker-boot.mjs, which registers tsx): receives
 * { experiment id, job index, job } messages, runs the job and posts its result back.
 */
import { parentPort } from 'node:worker_threads';
import { experimentById } from './registry.ts';

parentPort!.on('message', async (msg: { id: string; index: number; job: unknown }) => {
  try {
    const exp = await experimentById(msg.id);
    if (!exp) throw new Error(`unknown experiment '${msg.id}'`);
    let last = 0;
    const progress = (fraction: number) => {
      // At most a hundred progress messages per job.
      if (fraction - last < 0.01) return;
      last = fraction;
      parentPort!.postMessage({ index: msg.index, progress: fraction });
    };
    parentPort!.postMessage({ index: msg.index, result: exp.runJob(msg.job, progress) });
  } catch (e) {
    parentPort!.postMessage({ index: msg.index, error: e instanceof Error ? e.message : String(e) });
  }
});
