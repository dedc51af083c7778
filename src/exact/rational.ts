/**
 * Exact rational numbers p/q with BigInt numerator and denominator, always in lowest terms with
 * q > 0 (so equality is structural and zero is exactly 0/1).
 */
import { DivisionByZero, type Field } from './field.ts';

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** p/q in lowest terms (q ≠ 0). */
export function rational(p: bigint | number, q: bigint | number = 1n): Rational {
  let [n, d] = [BigInt(p), BigInt(q)];
  if (d === 0n) throw new DivisionByZero(`division by zero in ${n}/0`);
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export function ratToString(a: Rational): string {
  return a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`;
}

export const Q: Field<Rational> = {
  name: 'exact rationals',
  zero: { num: 0n, den: 1n },
  one: { num: 1n, den: 1n },
  fromInt: (n) => ({ num: BigInt(n), den: 1n }),
  fromRatio: (p, q) => rational(p, q),
  add: (a, b) => (a.den === b.den ? rational(a.num + b.num, a.den) : rational(a.num * b.den + b.num * a.den, a.den * b.den)),
  sub: (a, b) => (a.den === b.den ? rational(a.num - b.num, a.den) : rational(a.num * b.den - b.num * a.den, a.den * b.den)),
  mul: (a, b) => rational(a.num * b.num, a.den * b.den),
  neg: (a) => ({ num: -a.num, den: a.den }),
  div: (a, b) => {
    if (b.num === 0n) throw new DivisionByZero(`division of ${ratToString(a)} by an exact zero`);
    return rational(a.num * b.den, a.den * b.num);
  },
  isZero: (a) => a.num === 0n,
  toString: ratToString,
};
