import { symmetricEigenvaluesOf, singularValuesOf, smallestSingularValueOf } from '../src/linalg/eigenvalues.ts';
import * as old from '/tmp/perf/base/src/linalg/eigenvalues.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';
let diffs = 0;
for (let s = 0; s < 300; s++) {
  const n = 1 + (s % 25);
  const X = gaussianMatrix(n, n, 1, 'x' + s);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = X.data[i * n + j] + X.data[j * n + i];
  if (symmetricEigenvaluesOf(a, n).join() !== old.symmetricEigenvaluesOf(a, n).join()) diffs++;
  const r = 1 + ((s * 7) % 30);
  const Y = gaussianMatrix(r, n, 1, 'y' + s);
  if (singularValuesOf(Y.data, r, n).join() !== old.singularValuesOf(Y.data, r, n).join()) diffs++;
  if (smallestSingularValueOf(Y.data, r, n) !== old.smallestSingularValueOf(Y.data, r, n)) diffs++;
}
console.log('bitwise differences vs HEAD~2:', diffs);
