/**
 * A field interface, so that each identity's exact form is written once and evaluated over several
 * number systems: exact rationals (./rational.ts, the certificate), degree bounds (./degree.ts, the
 * Schwartz–Zippel degree D of the same expression) and high-precision decimals (./decimal.ts).
 */
export interface Field<T> {
  readonly name: string;
  readonly zero: T;
  readonly one: T;
  /** The integer n (or the ratio p/q) as an element. */
  fromInt(n: number | bigint): T;
  fromRatio(p: number | bigint, q: number | bigint): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
  /** a/b; throws on b = 0. */
  div(a: T, b: T): T;
  isZero(a: T): boolean;
  toString(a: T): string;
  /**
   * For a field that does not compute but bounds (./degree.ts): the value every entry of the inverse
   * of a k×k matrix with these entries takes. Fields that compute leave it out (Gauss–Jordan is used).
   */
  inverseEntry?(entries: readonly T[], k: number): T;
}

/** Division by an exact zero: the instance left the domain of a rational identity. */
export class DivisionByZero extends Error {}
