/**
 * PROVISIONAL (to be replaced by the issue-4-scalar module): the hypotheses and times of JCD
 * Theorem A.1, (A.1), in log space where ρ may be astronomically small.
 */

/** The parameters (A.1) depends on. */
export interface TheoremParameters {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly r: number;
  readonly sigma1: number;
  readonly sigmaR: number;
  readonly gamma: number;
  readonly cRho: number;
}

/** η's bound in Theorem A.1: min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)}. */
export function etaMax(p: TheoremParameters): number {
  return Math.min((p.gamma * p.sigmaR ** 2) / (600 * p.sigma1 ** 3), ((1 - p.gamma) * p.sigmaR) / (20 * p.sigma1 ** 2));
}

/** ln of the largest ρ Theorem A.1 allows (both printed conditions). */
export function logRhoMax(p: TheoremParameters): number {
  const { gamma: g, cRho, sigma1: s1, sigmaR: sr, r } = p;
  const N = p.m + p.n + p.k;
  const b1 = Math.min(1 / 3, (1 - g) / 24, (cRho * Math.sqrt(s1)) / (12 * N * Math.sqrt((1 - g) / 24) * Math.sqrt(sr)));
  const x1 = (180 * g * (1 + g)) / ((3 - 2 * g) * (1 - g));
  return Math.min(
    x1 * Math.log(b1),
    ((2 * (1 + g)) / (1 - g)) * Math.log(((1 - g) * cRho * sr) / (1200 * N * r * s1)),
    ((1 + g) / (1 - g)) * Math.log((g * sr * sr) / (1600 * r * s1 * s1)),
    Math.log((g * sr * Math.sqrt(2 * r)) / (16 * s1 * Math.sqrt(N))),
  );
}

/** The exponent (1−γ)/(2(1+γ)) = δ/(2(2−δ)) of ρ in T, T₃ and the error bound (A.3). */
export function rhoExponent(gamma: number): number {
  return (1 - gamma) / (2 * (1 + gamma));
}

export interface TheoremTimes {
  readonly T1: number;
  readonly T2: number;
  readonly T3: number;
  readonly T: number;
  readonly T0: number;
}

/** T₁, T₂, T₃, T and T₀ = T₁ + T₂ + T₃ of (A.1) for step size η and ln ρ. */
export function theoremTimes(p: TheoremParameters, eta: number, logRho: number): TheoremTimes {
  const { gamma: g, cRho, sigma1: s1, sigmaR: sr } = p;
  const N = p.m + p.n + p.k;
  const e = rhoExponent(g);
  const T1 = Math.floor((Math.log((12 * N * Math.sqrt((1 - g) / 24) * Math.sqrt(sr)) / (cRho * Math.sqrt(s1))) - logRho) / Math.log1p(((1 + g) / 2) * eta * sr)) + 1;
  const T2 = Math.floor(Math.log(Math.sqrt(24 / (1 - g))) / Math.log1p(0.1 * eta * sr)) + 1;
  const T3 = Math.floor((e * logRho - Math.log(3)) / Math.log1p(-1.5 * eta * sr)) + 1;
  const T = Math.floor(((e - 1) * logRho) / Math.log1p(g * eta * sr));
  return { T1, T2, T3, T, T0: T1 + T2 + T3 };
}
