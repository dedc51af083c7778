/**
 * The exact form of an identity claim (Claim.exact): the identity written once against the generic
 * matrix algebra (./matrix.ts), as residuals that vanish exactly when it holds, on instances built
 * from integer variables so that they satisfy the claim's hypotheses by construction.
 *
 * Variables. Each instance is built from independent integer variables of two sorts:
 *  - an `entry` is uniform on {−h, …, h} (N = 2h + 1 values): a matrix entry;
 *  - a `positive` is uniform on {1, …, N}: positive quantities (σᵢ as partial sums of positives,
 *    η = positive/(N + 1) ∈ (0, 1), diagonal shifts that make a matrix positive definite).
 * Every quantity of the instance is a polynomial (or, with inverses, a rational function) of the
 * variables obtained by an invertible affine substitution where hypotheses impose an order (σ₁ > … >
 * σ_d = s_d + … ), so the residual's numerator is a polynomial p in the variables of degree ≤ D and
 * p ≢ 0 exactly when the identity fails somewhere on the instance family. Schwartz–Zippel (with
 * each variable uniform on a set of at least N values): Pr[p(x) = 0] ≤ D/N when p ≢ 0, so k
 * independent exact zeros leave an error probability ≤ (D/N)^k.
 */
import type fc from 'fast-check';
import type { Algebra, XMat } from './matrix.ts';

/** The supply of variables one instance is built from (consumed in order). */
export interface Supply<T> {
  /** A matrix entry, uniform on {−h, …, h}. */
  entry(): T;
  /** A positive integer, uniform on {1, …, N}. */
  positive(): T;
  /** positive/(N + 1): a fraction in (0, 1) (a step size η, a β, a c = √(1 − β)). */
  fraction(): T;
}

/** One evaluation: the instance (for printing a counterexample) and the residuals that must be 0. */
export interface ExactEvaluation<T> {
  readonly instance: Readonly<Record<string, XMat<T> | T>>;
  readonly residuals: Readonly<Record<string, XMat<T> | T>>;
}

export interface ExactForm<Dims = Record<string, number>> {
  /** How instances are built from the variables, in words (for the report). */
  readonly instances: string;
  /** Dimensions for the refutation search (fast-check shrinks them to the smallest that refute). */
  readonly dims: fc.Arbitrary<Dims>;
  /** The dimensions certification draws k points at (each), and why they cover the others. */
  readonly certifyAt: readonly Dims[];
  readonly coverage: string;
  /** A degree bound derived by hand, with its derivation (the runner also bounds D mechanically and uses the larger). */
  readonly degree?: { readonly bound: number; readonly derivation: string };
  /** N (default 2001, i.e. entries in {−1000, …, 1000}); an odd number. */
  readonly setSize?: number;
  /** k, the number of independent points (default 8). */
  readonly points?: number;
  /** The residuals; `sabotaged` applies the claim's sabotage to the same form. */
  readonly evaluate: <T>(A: Algebra<T>, dims: Dims, v: Supply<T>, sabotaged: boolean) => ExactEvaluation<T>;
}

/** A claim that has no exact form, and why (e.g. it is about an SVD, which is not rational in the entries). */
export interface ExactSkip {
  readonly skip: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a claim of any instance type (its check is contravariant in it, so unknown would not do)
export type ExactSpec = ExactForm<any> | ExactSkip;

export function isExactSkip(spec: ExactSpec): spec is ExactSkip {
  return 'skip' in spec;
}
