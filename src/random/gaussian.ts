/**
 * Seeded Gaussian matrices (seedrandom's ARC4 generator + Box–Muller): the same seed gives the same
 * matrix on every machine. Used where the papers draw Gaussian entries (the initialisations).
 */
import seedrandom from 'seedrandom';
import { type Mat, zeros } from '../linalg/dense.ts';

/** A stream of standard normal numbers from a seed. */
export function gaussianStream(seed: string | number): () => number {
  const rng = seedrandom(String(seed));
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** An r×c matrix of i.i.d. N(0, std²) entries drawn from `next` (or from a fresh seed). */
export function gaussianMatrix(rows: number, cols: number, std: number, source: string | number | (() => number)): Mat {
  const next = typeof source === 'function' ? source : gaussianStream(source);
  const out = zeros(rows, cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = std * next();
  return out;
}
