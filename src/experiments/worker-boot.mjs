// Worker threads do not inherit tsx's loader from the main thread: register it, then load the
// TypeScript worker named in workerData (see pool.ts).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.file);
