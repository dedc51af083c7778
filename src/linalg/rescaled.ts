/**
 * Positively homogeneous functions of a matrix (norms, eigen- and singular values: f(cX) = cf(X) for
 * c > 0) without under- or overflow: computed as 2ᵏf(2⁻ᵏX) when X's largest |entry| lies outside
 * [2⁻³⁰⁰, 2³⁰⁰] (k its binary exponent), where the squares the routines form would under- or
 * overflow (JCD's blocks reach 10⁻¹⁵⁰, products of their magnitudes 10⁻³⁰⁰). Inside that range X is
 * used as it is, so every value computed without under- or overflow is unchanged; outside it the
 * scaling by a power of two is exact.
 */
import { frobenius, type Mat, maxAbs, scale } from './dense.ts';
import { opNorm } from './spectral.ts';

/** f rescaled as above; `back(y, c)` multiplies f's result by the power of two c. */
export function rescaled<T>(f: (a: Mat) => T, back: (y: T, c: number) => T): (a: Mat) => T {
  return (a) => {
    const m = a.data.length ? maxAbs(a) : 0;
    if (!(m > 0 && Number.isFinite(m)) || (m >= 2 ** -300 && m <= 2 ** 300)) return f(a);
    const k = Math.floor(Math.log2(m));
    const h = Math.trunc(k / 2);
    // Two half-steps, so that a subnormal maximum's 2⁻ᵏ (up to 2¹⁰⁷⁴) never overflows.
    return back(back(f(scale(scale(a, 2 ** -h), 2 ** (h - k))), 2 ** h), 2 ** (k - h));
  };
}

/** A scalar-valued f rescaled. */
export const rescaledScalar = (f: (a: Mat) => number): ((a: Mat) => number) => rescaled(f, (y, c) => y * c);

/** ‖X‖_F without under- or overflow. */
export const frobeniusRescaled = rescaledScalar(frobenius);

/** ‖X‖_op without under- or overflow (0 for an empty matrix). */
export const opNormRescaled = rescaledScalar(opNorm);
