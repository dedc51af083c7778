/**
 * How the reports (summary.md, index.html, FINDINGS) write a claim's power (src/claims/power.ts):
 * one place for the symbols and for the sentence about a check that does not exercise its bound.
 */
import { type Power, type PowerEntry, UNEXERCISED } from '../claims/power.ts';
import type { VerdictRecord } from '../claims/record.ts';
import { code, inlineMarkdown, powerOfTen, strong, type Text } from './text.ts';

/** The factor UNEXERCISED as written in the reports (10³). */
export const UNEXERCISED_TEXT = powerOfTen(UNEXERCISED);

function num(x: number, digits = 3): string {
  return Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(digits - 1) : Number(x.toPrecision(digits)).toString();
}

/** The value of a power entry or headline, with its symbol: f = …, ρ = …, ±…, Δp = …, margin …. */
export function powerValue(p: Pick<PowerEntry, 'measure' | 'value' | 'unbounded'> | null | undefined): string {
  if (!p) return '—';
  if (p.unbounded) return p.measure === 'relation' || p.measure === 'probability' ? 'cannot refute' : 'f = ∞';
  const v = p.value!;
  switch (p.measure) {
    case 'bound':
    case 'constant':
      return `f = ${num(v)}`;
    case 'identity':
      return `ρ = ${num(v)}`;
    case 'relation':
      return `±${num(v)}`;
    case 'probability':
      return `Δp = ${num(v)}`;
    case 'zero-bound':
      return `margin ${num(v)}`;
  }
}

/** What the measures mean, for the legend of the summary and the HTML report. */
export const POWER_LEGEND = `Power: what the check could have seen, on the instances it checked. f (a bound): the largest factor by which the bound (or, for a printed constant with a witness, the constant) could be made stronger and still hold on every instance checked — f ≥ ${UNEXERCISED_TEXT} means the check does not exercise its bound, f < 1 a violation, ∞ a bound (or constant) no instance came near (a constant no instance needed). ρ (an identity): the smallest perturbation, relative to the comparison's scale (the sum of its terms' magnitudes), it would certainly detect; a term carrying a fraction w of the scale needs ρ/w. ± (a relation of a sweep): the smallest deviation from the stated value (the centre of a two-sided range, the edge of a one-sided one) the confidence interval would refute. Δp (a probability): the smallest shortfall below the claimed probability the trials would refute. margin (a bound equal to 0): the smallest (rhs − lhs)/scale. Conditions that hold by construction are listed but never give the claim's power. A sampled power is evidence about the instances checked, not a bound over all instances.`;

/** The entries of a claim that do not exercise their bound: f ≥ UNEXERCISED (or ∞) on a content-carrying bound or constant. */
export function unexercised(p: Power | null | undefined): PowerEntry[] {
  return (p?.entries ?? []).filter(
    (e) => (e.measure === 'bound' || e.measure === 'constant') && !e.byConstruction && (e.unbounded || (e.value !== null && e.value >= UNEXERCISED)),
  );
}

/** The FINDINGS sentence for one entry that does not exercise its bound, naming what the check cannot distinguish. */
export function unexercisedSentence(
  r: Pick<VerdictRecord, 'id' | 'where'>,
  e: PowerEntry,
  searched?: { best: number; ratio: number; evaluations: number },
): string {
  return inlineMarkdown(unexercisedText(r, e, searched));
}

/** unexercisedSentence as report text (the heading strong, the id as code). */
export function unexercisedText(r: Pick<VerdictRecord, 'id' | 'where'>, e: PowerEntry, searched?: { best: number; ratio: number; evaluations: number }): Text {
  const head = strong('Does not exercise its bound — ', code(r.id), ` (${r.where}), ${e.target}.`);
  const constant = e.measure === 'constant' ? e.target.replace(/^.*constant /, '') : null;
  const n = `${e.instances} instance${e.instances === 1 ? '' : 's'} checked`;
  const sampled = `Evidence from the instances checked, not a proof that the bound is loose: to exercise it, the check needs instances where ${
    e.measure === 'constant'
      ? `the need comes within a factor ${UNEXERCISED_TEXT} of the printed constant`
      : `the bounded quantity comes within a factor ${UNEXERCISED_TEXT} of the bound (after rounding: above the tolerance)`
  }.`;
  // The audit's search for the same constant: its witness proves more than the check's instances.
  const search =
    searched === undefined
      ? ''
      : searched.ratio > 1
        ? ` The worst-case search (${searched.evaluations} instances) found one needing ${constant} ≥ ${num(searched.best)}, ${num(searched.ratio)} times the printed value there: a violation.`
        : searched.best > 0
          ? ` The worst-case search (${searched.evaluations} instances) found one needing ${constant} ≥ ${num(searched.best)}, ${num(searched.ratio)} times the printed value there: the printed constant is at most ${num(1 / searched.ratio)} times what is needed.`
          : ` The worst-case search (${searched.evaluations} instances) found none needing ${constant} > 0 either.`;
  if (constant !== null)
    return [
      head,
      (e.unbounded
        ? ` None of the ${n} needed ${constant} > 0: the check would pass with ${constant} = 0, so it cannot distinguish the printed ${constant} from no ${constant}-term at all.`
        : ` The largest need among the ${n} is the printed value divided by ${num(e.value!)}: the check would pass with ${constant} divided by f = ${num(e.value!)}, so it cannot distinguish the printed ${constant} from one ${num(e.value!)} times smaller.`) +
        `${search} ${sampled}`,
    ];
  // Stronger: a positive upper or negative lower bound b becomes b/f, the others b·f.
  const stronger = 'made stronger by a factor f (b/f for a positive upper or a negative lower bound b, b·f otherwise)';
  return [
    head,
    e.unbounded
      ? ` On all ${n} the bounded side was 0, on the safe side of 0, or within rounding of the bound: the check would pass with the bound ${stronger} for every f, so it cannot distinguish the printed bound from an arbitrarily stronger one. ${sampled}`
      : ` On all ${n} the bound still held ${stronger} with f = ${num(e.value!)}${e.at ? ` (closest at “${e.at}”)` : ''}: the check cannot distinguish the printed bound from one ${num(e.value!)} times stronger. ${sampled}`,
  ];
}
