import { add, mulSelfTransposed, scale, sub, combine, zeros } from '../src/linalg/dense.ts';
import { gaussianMatrix } from '../src/random/gaussian.ts';
import { medianMicros } from './timing.ts';
const A = gaussianMatrix(20, 20, 1, 'x');
const t = (name: string, f: () => unknown) => console.log(name, medianMicros(f as () => void, 200, 5).toFixed(2));
t('mst', () => mulSelfTransposed(A));
t('add', () => add(A, A));
t('zeros', () => zeros(20, 20));
t('combine', () => combine([1, A], [-1, A], [1, A]));
