/**
 * The step claims of JCD Lemmas C.4–C.8 (general matrices S, Λ, B, P rather than a GD state): one
 * factory, as lemmas/jcd/steps/state.ts is for the GD-state steps of Appendix B. A lemma's proof
 * shares its name, the hypotheses in force (the lemma's assumptions as printed: its statement claim's
 * predicates), its instances (the statement claim's builder, exported from lemmas/jcd/lemma-c.N.ts)
 * and the size of an instance; each step adds where it is printed, its relation(s) and a sabotage.
 */
import type fc from 'fast-check';
import type { Comparison } from '../../../src/claims/compare.ts';
import { magnitudeOps, type MeasuredScalar, residualComparisons } from '../../../src/claims/measured.ts';
import type { Hypothesis } from '../../../src/claims/hypotheses.ts';
import { type Claim, type ConstantValues, defineClaim, type ErratumGrading, type Sabotage } from '../../../src/claims/types.ts';

/** What the steps of one proof share. */
export interface LemmaProof<X> {
  /** E.g. 'Lemma C.7, proof'. */
  readonly proof: string;
  readonly hypotheses: ReadonlyArray<Hypothesis<X>>;
  readonly instances: fc.Arbitrary<X>;
  readonly size: (x: X) => number;
}

/** One displayed step. */
export interface LemmaStepSpec<X> {
  readonly id: string;
  /** The place in the proof (appended to the proof's name in `source.where`). */
  readonly where: string;
  readonly statement: string;
  readonly kind: 'identity' | 'inequality';
  readonly check: (x: X, c: ConstantValues) => Comparison[];
  readonly sabotage: Sabotage<X>;
  readonly expected?: 'holds' | 'refuted';
  readonly erratum?: string;
  readonly grading?: ErratumGrading;
  readonly corrected?: string;
  readonly corrects?: string;
  readonly exact?: Claim<X>['exact'];
  readonly symbolic?: Claim<X>['symbolic'];
  readonly highPrecision?: Claim<X>['highPrecision'];
  readonly runs?: number;
}

export function lemmaStepClaim<X>(p: LemmaProof<X>, c: LemmaStepSpec<X>): Claim<X> {
  return defineClaim<X>({
    id: c.id,
    source: { paper: 'JCD', where: `${p.proof}: ${c.where}` },
    kind: c.kind,
    statement: c.statement,
    hypotheses: p.hypotheses,
    instances: p.instances,
    size: p.size,
    check: c.check,
    expected: c.expected ?? 'holds',
    ...(c.erratum ? { erratum: c.erratum } : {}),
    ...(c.grading ? { grading: c.grading } : {}),
    ...(c.corrected ? { corrected: c.corrected } : {}),
    ...(c.corrects ? { corrects: c.corrects } : {}),
    ...(c.exact ? { exact: c.exact } : {}),
    ...(c.symbolic ? { symbolic: c.symbolic } : {}),
    ...(c.highPrecision ? { highPrecision: c.highPrecision } : {}),
    ...(c.runs ? { runs: c.runs } : {}),
    sabotage: c.sabotage,
  });
}

/**
 * A printed "=" inside an inequality chain, its sides evaluated in the magnitude model: the residual
 * lhs − rhs against its computed magnitude (the sum of the two sides').
 */
export function measuredEquality(label: string, lhs: MeasuredScalar, rhs: MeasuredScalar): Comparison[] {
  return residualComparisons({ [label]: magnitudeOps.F.sub(lhs, rhs) });
}

/**
 * The scale of a relation between the parameters alone (numbers such as log ρ, c_ρ, k, r: no matrix
 * is formed, so the magnitude model has nothing to propagate), including log-form chains whose sides
 * are sums of logarithms of numbers below the double range (ρ ≈ 10⁻³⁰⁰⁰ exists only as log ρ): the
 * sum of the terms' sizes, times 10³ for the exp/log evaluations (logSumExp, log1p) each side goes
 * through, which are accurate to a few ulps each.
 */
export function parameterRelationScale(...terms: number[]): number {
  return 1e3 * terms.reduce((a, t) => a + Math.abs(t), 0);
}
