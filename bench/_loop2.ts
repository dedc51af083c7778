import { opNorm } from '../src/linalg/spectral.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';
const J = gaussianMatrix(80, 20, 1, 'j');
let s = 0;
const t0 = performance.now();
for (let r = 0; r < 40000; r++) s += opNorm(J);
console.log('µs', ((performance.now() - t0) * 1000) / 40000);
