import { diagnostics } from '../src/gd/diagnostics.ts';
import { zeros, frobenius } from '../src/linalg/dense.ts';
import { opNorm, sigmaMin, symmetricEigenvalues } from '../src/linalg/spectral.ts';
import { deriveABSP, splitBlocks } from '../src/gd/blocks.ts';
import { loss } from '../src/gd/trajectory.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';
import { medianMicros } from './timing.ts';
const m = 100, n = 80;
for (const d of [3, 20]) {
  const sigma = zeros(m, n);
  for (let i = 0; i < d; i++) sigma.data[i * n + i] = 2 - i / Math.max(1, d - 1);
  const U = gaussianMatrix(m, d, 0.1, 'bench-du');
  const V = gaussianMatrix(n, d, 0.1, 'bench-dv');
  const b = splitBlocks(sigma, U, V);
  const { A, B, P } = deriveABSP(b);
  const t = (name: string, f: () => unknown) => console.log(d, name, medianMicros(f as () => void, 200, 5).toFixed(1));
  t('all', () => diagnostics(sigma, U, V));
  t('split', () => splitBlocks(sigma, U, V));
  t('deriveABSP', () => deriveABSP(b));
  t('eigP', () => symmetricEigenvalues(P));
  t('sigmaMinA', () => sigmaMin(A));
  t('normJ', () => opNorm(b.J));
  t('normK', () => opNorm(b.K));
  t('loss', () => loss(sigma, U, V));
  t('frobB', () => frobenius(B));
}
