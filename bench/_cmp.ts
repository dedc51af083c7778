// old vs new opNorm, same process
import { opNorm } from '../src/linalg/spectral.ts';
import { opNorm as oldOpNorm } from '/tmp/perf/base/src/linalg/spectral.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';
import { medianMicros } from './timing.ts';
const J = gaussianMatrix(80, 20, 1, 'j');
for (let r = 0; r < 2; r++) {
  console.log('new', medianMicros(() => opNorm(J), 200, 5).toFixed(1), 'old', medianMicros(() => oldOpNorm(J), 200, 5).toFixed(1));
}
for (let s = 0; s < 50; s++) { const X = gaussianMatrix(10 + s, 3 + (s % 20), 1, 'x' + s); if (opNorm(X) !== oldOpNorm(X)) console.log('DIFF', s); const Y = gaussianMatrix(3 + (s % 20), 10 + s, 1, 'y' + s); if (opNorm(Y) !== oldOpNorm(Y)) console.log('DIFFw', s); }
