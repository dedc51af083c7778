/**
 * Comparisons: what a claim's check returns. Each is one printed relation evaluated on one
 * instance, with the scale its tolerance is measured against (see tolerance.ts).
 */
import { frobenius, type Mat, sub } from '../linalg/dense.ts';

export interface Comparison {
  /** What is compared, in the paper's words (e.g. "(12): P_{t+1}" or "t = 12: ‖J_{t+1}‖ ≤ ‖J_t‖"). */
  readonly label: string;
  /** The left side (for an equation: ‖L − R‖; for an inequality: the side that must be smaller). */
  readonly lhs: number;
  /** The right side (0 for an equation). */
  readonly rhs: number;
  /** rhs − lhs: negative means the relation is violated before tolerance. */
  readonly slack: number;
  /** Magnitude of what was rounded; tolerance = tol·scale. */
  readonly scale: number;
  /** Which relation it states (power.ts reads it: a bound is strengthened towards its bounded side). */
  readonly relation?: RelationSign;
}

export type RelationSign = '=' | '≤' | '≥';

/** The relation a comparison states ('≤' for one built without equal/atMost/atLeast). */
export function relationOf(c: Comparison): RelationSign {
  return c.relation ?? '≤';
}

/** L = R (two matrices or two numbers): slack = −‖L − R‖_F. */
export function equal(label: string, left: Mat, right: Mat, scale: number): Comparison;
export function equal(label: string, left: number, right: number, scale: number): Comparison;
export function equal(label: string, left: Mat | number, right: Mat | number, scale: number): Comparison {
  const residual = typeof left === 'number' ? Math.abs(left - (right as number)) : frobenius(sub(left, right as Mat));
  return { label, lhs: residual, rhs: 0, slack: -residual, scale, relation: '=' };
}

/** lhs ≤ rhs. */
export function atMost(label: string, lhs: number, rhs: number, scale: number): Comparison {
  return { label, lhs, rhs, slack: rhs - lhs, scale, relation: '≤' };
}

/** lhs ≥ rhs, stored as rhs ≤ lhs. */
export function atLeast(label: string, lhs: number, rhs: number, scale: number): Comparison {
  return { label, lhs, rhs, slack: lhs - rhs, scale, relation: '≥' };
}

/** The normalised margin slack/scale (scale 0 is treated as 1: an exact comparison of zeros). */
export function normalisedMargin(c: Comparison): number {
  return c.slack / (c.scale > 0 ? c.scale : 1);
}
