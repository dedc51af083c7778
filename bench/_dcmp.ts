import { diagnostics } from '../src/gd/diagnostics.ts';
import { diagnostics as oldDiagnostics } from '/tmp/perf/base/src/gd/diagnostics.ts';
import { zeros } from '../src/linalg/dense.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';
import { medianMicros } from './timing.ts';
const m = 100, n = 80;
for (const d of [3, 5, 10, 20]) {
  const sigma = zeros(m, n);
  for (let i = 0; i < d; i++) sigma.data[i * n + i] = 2 - i / Math.max(1, d - 1);
  const U = gaussianMatrix(m, d, 0.1, 'bench-du');
  const V = gaussianMatrix(n, d, 0.1, 'bench-dv');
  const a = diagnostics(sigma, U, V), b = oldDiagnostics(sigma, U, V);
  const same = Object.keys(b).every((k) => Object.is((a as any)[k], (b as any)[k]));
  const r: string[] = [];
  for (let rep = 0; rep < 3; rep++) r.push(`new ${medianMicros(() => diagnostics(sigma, U, V), 150, 5).toFixed(1)} old ${medianMicros(() => oldDiagnostics(sigma, U, V), 150, 5).toFixed(1)}`);
  console.log(`d=${d} same=${same} | ${r.join(' | ')}`);
}
