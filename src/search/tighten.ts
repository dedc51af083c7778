/**
 * `tighten`: how much slack has a printed constant? Maximises the witness of a constant (the
 * smallest value of it each instance needs, Claim.witness) over instances satisfying the hypotheses,
 * and answers "does a smaller constant still hold?" by searching for a refutation.
 *
 * When the printed constant depends on the instance (e.g. C(β) = (8+6β)/(1−β)), the search
 * maximises the ratio witness/printed among instances that need a positive constant, which is what
 * "slack" means there; otherwise (and among instances that need none) the witness itself. The best value found is a lower bound on the supremum, never a proof of it.
 */
import { requireBuilderInsideHypotheses } from '../claims/hypotheses.ts';
import { evaluate } from '../claims/runner.ts';
import type { EvaluatedComparison } from '../claims/record.ts';
import { type Json, toJson } from '../claims/serialise.ts';
import { relativeTolerance } from '../claims/tolerance.ts';
import type { Claim } from '../claims/types.ts';
import { UserError } from '../errors.ts';
import { maximise, shrinkWhile } from './maximise.ts';
import { decode, tapeStream } from './tape.ts';

export interface TightenOptions {
  readonly budget: number;
  readonly seed: number;
  readonly timeMs?: number;
  readonly onProgress?: (evaluations: number, budget: number, best: number) => void;
}

export interface TightenResult {
  readonly id: string;
  readonly constant: string;
  readonly formula: string;
  /** The printed constant at the worst instance. */
  readonly printed: number;
  /** The largest witness found (at the worst instance) — a lower bound on what the bound needs. */
  readonly best: number;
  /** best/printed at the worst instance: a need found, so the printed constant is at most 1/ratio times what is needed; above 1, a violation. */
  readonly ratio: number;
  readonly objective: 'witness' | 'ratio';
  readonly evaluations: number;
  readonly stoppedBy: string;
  readonly seed: number;
  /** The worst instance, shrunk while its objective stays within 1% of the best. */
  readonly instance: Json;
  readonly history: ReadonlyArray<{ evaluations: number; best: number }>;
  readonly note: string;
}

export interface BreakResult {
  readonly id: string;
  readonly constant: string;
  readonly tried: string;
  readonly refuted: boolean;
  readonly evaluations: number;
  readonly seed: number;
  /** The largest witness found; above the tried value means refuted. */
  readonly best: number;
  readonly counterexample?: { instance: Json; failing: EvaluatedComparison[] };
  readonly note: string;
}

function specOf<X>(claim: Claim<X>, constant: string | undefined) {
  const names = Object.keys(claim.witness ?? {});
  if (names.length === 0) throw new UserError(`${claim.id} has no printed constant with a witness to tighten`);
  const name = constant ?? names[0];
  if (!claim.witness?.[name] || !claim.constants?.[name]) throw new UserError(`${claim.id} has no constant '${name}' (it has: ${names.join(', ')})`);
  return { name, witness: claim.witness[name], spec: claim.constants[name] };
}

/** Whether the printed value varies over a few instances of the claim. */
function printedDependsOnInstance<X>(claim: Claim<X>, printed: (x: X) => number): boolean {
  const stream = tapeStream('printed-probe');
  const values = Array.from({ length: 8 }, () => printed(decode(claim.instances, Array.from({ length: 16 }, stream), 'probe').value.value));
  return values.some((v) => Math.abs(v - values[0]) > 1e-12 * Math.abs(values[0]));
}

/** Searches for the worst instance of one printed constant. */
export function tighten<X>(claim: Claim<X>, constant: string | undefined, opts: TightenOptions): TightenResult {
  const { name, witness, spec } = specOf(claim, constant);
  const w = (x: X) => {
    requireBuilderInsideHypotheses(claim.id, claim.hypotheses, x);
    return witness(x, relativeTolerance(claim.kind, claim.size(x)));
  };
  const objectiveKind = printedDependsOnInstance(claim, spec.printed) ? 'ratio' : 'witness';
  // With an instance-dependent constant, slack is witness/printed; but a ratio of a negative witness
  // (an instance that needs no constant) would reward a huge printed value, so a positive witness
  // always ranks above a negative one and negative witnesses compete by their own value.
  const objective = objectiveKind === 'ratio' ? (x: X) => (w(x) > 0 ? w(x) / spec.printed(x) : w(x)) : w;
  const result = maximise(claim.instances, objective, opts);
  const best = result.best.objective;
  const threshold = best - 0.01 * Math.abs(best);
  const shown = Number.isFinite(best) ? shrinkWhile(claim.instances, result.best.value, (x) => objective(x) >= threshold) : result.best.value.value;
  const printed = spec.printed(shown);
  const witnessShown = w(shown);
  return {
    id: claim.id,
    constant: name,
    formula: spec.formula,
    printed,
    best: witnessShown,
    ratio: witnessShown / printed,
    objective: objectiveKind,
    evaluations: result.evaluations,
    stoppedBy: result.stoppedBy,
    seed: opts.seed,
    instance: toJson(shown),
    history: result.history,
    note:
      'The best witness is the largest need found by sampling and local search: a lower bound on the supremum over all ' +
      'instances, not a proof that the printed constant has this much slack. A negative witness means no instance found needed the term at all.',
  };
}

/**
 * Tries a smaller constant: `value` is a number, or `<f>x` for f times the printed value. Searches
 * for an instance whose witness exceeds it, and shrinks the refutation with fast-check.
 */
export function breakConstant<X>(claim: Claim<X>, constant: string | undefined, value: string, opts: TightenOptions): BreakResult {
  const { name, witness, spec } = specOf(claim, constant);
  const factor = /^([0-9.eE+-]+)x$/.exec(value.trim());
  const tried = factor ? Number(factor[1]) : Number(value);
  if (!Number.isFinite(tried) || !(tried > 0))
    throw new UserError(`--try takes a positive number or a positive factor of the printed constant such as 0.5x, got '${value}'`);
  const trial = (x: X) => (factor ? tried * spec.printed(x) : tried);
  const w = (x: X) => {
    requireBuilderInsideHypotheses(claim.id, claim.hypotheses, x);
    return witness(x, relativeTolerance(claim.kind, claim.size(x)));
  };
  // Search for w(x) − trial(x) > 0: the instance needs more than the tried constant.
  const result = maximise(claim.instances, (x) => w(x) - trial(x), { ...opts, stopAbove: 0 });
  const variant: Claim<X> = { ...claim, constants: { ...claim.constants, [name]: { ...spec, printed: trial } } };
  const fails = (x: X) => evaluate(variant, x).some((c) => !c.passes);
  const base = {
    id: claim.id,
    constant: name,
    tried: factor ? `${tried} × (${spec.formula})` : String(tried),
    evaluations: result.evaluations,
    seed: opts.seed,
    best: result.best.objective,
  };
  if (!(result.best.objective > 0) || !fails(result.best.value.value))
    return {
      ...base,
      refuted: false,
      note: `No instance refuting ${name} = ${base.tried} was found in ${result.evaluations} evaluations: evidence that the smaller constant holds, not a proof.`,
    };
  const shrunk = shrinkWhile(claim.instances, result.best.value, fails);
  return {
    ...base,
    refuted: true,
    counterexample: { instance: toJson(shrunk), failing: evaluate(variant, shrunk).filter((c) => !c.passes) },
    note: `${name} = ${base.tried} is refuted: the instance below (shrunk by fast-check) needs more.`,
  };
}
