/**
 * Degree bounds as a "field": each element stands for a rational function p/q of the instance's
 * variables and records upper bounds (n, d) on deg p and deg q. Evaluating an identity's exact form
 * over this field (with each variable of degree 1 and each constant of degree 0) bounds the total
 * degree of every residual's numerator: the D of the Schwartz–Zippel lemma. The rules are those of
 * p₁/q₁ ± p₂/q₂ = (p₁q₂ ± p₂q₁)/(q₁q₂), (p₁/q₁)(p₂/q₂) = p₁p₂/(q₁q₂), (p₁/q₁)/(p₂/q₂) = p₁q₂/(q₁p₂);
 * an exact zero (the polynomial 0) has n = −∞ and is absorbed by + and ×. Cancellation is never
 * assumed, so the bound can only be too large (which only weakens the certificate), never too small.
 * For a polynomial identity d stays 0 and n is the usual total degree bound.
 */
import type { Field } from './field.ts';

export interface DegreeBound {
  /** Bound on the degree of the numerator (−∞ for the zero polynomial). */
  readonly n: number;
  /** Bound on the degree of the denominator. */
  readonly d: number;
}

const ZERO: DegreeBound = { n: -Infinity, d: 0 };
const CONST: DegreeBound = { n: 0, d: 0 };
/** A variable: a polynomial of degree 1. */
export const VARIABLE: DegreeBound = { n: 1, d: 0 };

function sum(a: DegreeBound, b: DegreeBound): DegreeBound {
  if (a.n === -Infinity) return b;
  if (b.n === -Infinity) return a;
  // Same denominator bound 0 (polynomials) is the common case: keep it exact.
  if (a.d === 0 && b.d === 0) return { n: Math.max(a.n, b.n), d: 0 };
  return { n: Math.max(a.n + b.d, b.n + a.d), d: a.d + b.d };
}

export const DEG: Field<DegreeBound> = {
  name: 'degree bounds',
  zero: ZERO,
  one: CONST,
  fromInt: (n) => (BigInt(n) === 0n ? ZERO : CONST),
  fromRatio: (p) => (BigInt(p) === 0n ? ZERO : CONST),
  add: sum,
  sub: sum,
  mul: (a, b) => (a.n === -Infinity || b.n === -Infinity ? ZERO : { n: a.n + b.n, d: a.d + b.d }),
  neg: (a) => a,
  div: (a, b) => {
    if (b.n === -Infinity) throw new Error('division by the zero polynomial');
    return a.n === -Infinity ? ZERO : { n: a.n + b.d, d: a.d + b.n };
  },
  isZero: (a) => a.n === -Infinity,
  toString: (a) => `deg ≤ ${a.n}${a.d ? `/${a.d}` : ''}`,
  inverseEntry: (entries, k) => inverseDegree(entries, k),
};

/**
 * The bound for the inverse of a k×k matrix of rational functions: over the common denominator
 * Q = Π q_ij (deg ≤ Σ d_ij =: c) the numerators X̃ = QX have degree ≤ a := max n_ij + c, and
 * X⁻¹ = Q·adj(X̃)/det(X̃) with deg adj ≤ (k − 1)a, deg det ≤ ka (Cramer's rule).
 */
function inverseDegree(entries: readonly DegreeBound[], k: number): DegreeBound {
  const c = entries.reduce((s, e) => s + e.d, 0);
  const a = Math.max(0, ...entries.map((e) => e.n)) + c;
  return { n: c + (k - 1) * a, d: k * a };
}
