/**
 * FINDINGS: what a referee could act on, derived from the verdicts, the slack table and the
 * hypothesis boundaries — errata, terms no instance needed, constants and what a witness proves
 * about them, checks that do not exercise their bound (power.ts), hypotheses that survive past their
 * stated limit. Every sentence states the evidence and its strength.
 *
 * Each finding is report text (text.ts); `findings` gives the same sentences as Markdown.
 */
import type { VerdictRecord } from '../claims/record.ts';
import type { SlackEntry } from '../search/audit.ts';
import { unexercised, unexercisedText } from './power-text.ts';
import { type CheckedClaim, fileNameFor } from './run.ts';
import { cmd, code, inlineMarkdown, strong, type Text } from './text.ts';

function num(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

/**
 * What one `tighten` witness proves. A witness w is the need of one instance found by the search:
 * a lower bound on what the bound needs, so the printed value p is at most p/w times what is
 * needed — never "at least p/w× slack". A need above the printed value is a violation.
 */
function slackText(r: Pick<VerdictRecord, 'id'>, s: SlackEntry): Text {
  const evidence: Text = [`${s.evaluations} instances searched (seed ${s.seed}); worst instance in `, code(s.instanceFile)];
  const what: Text = [code(r.id), `, ${s.constant} = ${s.formula}`];
  if (s.best <= 0)
    return [
      strong('A term no instance needed — ', ...what, '.'),
      ` The largest need found is ${num(s.best)} ≤ 0: every instance searched satisfies the bound with ${s.constant} = 0, so the ${s.constant}-term may be unnecessary (`,
      ...evidence,
      '). A search is not a proof: this is a conjecture to prove or refute.',
    ];
  if (s.ratio > 1)
    return [
      strong('Violation — ', ...what, '.'),
      ` An instance needs ${s.constant} ≥ ${num(s.best)}, above the printed ${num(s.printed)} there (${num(s.ratio)} times the printed value): the printed constant is too small on this instance (`,
      ...evidence,
      '; replay: ',
      cmd(`npx tsx src/cli.ts tighten ${r.id} --replay ${s.instanceFile}`),
      ').',
    ];
  const proves: Text = [
    ` An instance needs ${s.constant} ≥ ${num(s.best)} (printed ${num(s.printed)} there), so the printed constant is at most ${num(1 / s.ratio)} times what is needed (`,
    ...evidence,
    '). The need found is a lower bound: the true worst case may need more, and the printed constant be tighter still.',
  ];
  return s.ratio < 0.5
    ? [strong('Possibly loose constant — ', ...what, '.'), ...proves]
    : [strong('Constant within a factor 2 of a need found — ', ...what, '.'), ...proves];
}

/** slackText as Markdown. */
export function slackSentence(r: Pick<VerdictRecord, 'id'>, s: SlackEntry): string {
  return inlineMarkdown(slackText(r, s));
}

/** Every finding of the run, in order: boundary results, errata, slack, unexercised bounds, hypothesis boundaries. */
export function findingTexts(claims: ReadonlyArray<CheckedClaim>): Text[] {
  const out: Text[] = [];
  for (const { record: r } of claims)
    if (r.outsideHypotheses)
      out.push([
        strong('Boundary result — ', code(r.id), ` with ${r.outsideHypotheses.parameters}.`),
        ` Outside hypothesis ${r.outsideHypotheses.violated.length ? r.outsideHypotheses.violated.map((h) => `'${h}'`).join(', ') : '(none violated by the instances drawn)'}: the verdict there is ${r.verdict}. This is about how far the hypothesis can be pushed, not an erratum of the paper.`,
      ]);
  for (const { record: r } of claims)
    if (r.erratum && r.verdict === 'refuted' && !r.outsideHypotheses) {
      const sibling = claims.find((c) => c.record.id === r.corrected)?.record;
      out.push([
        strong('Erratum — ', code(r.id), ` (${r.where}).`),
        ` ${r.erratum} Counterexample: `,
        code(`counterexamples/${fileNameFor(r.id)}`),
        '; replay: ',
        cmd(`${r.replay}`),
        '.',
        ...(sibling ? [' The corrected form ', code(sibling.id), ` ${sibling.verdict} on ${sibling.runs} instances.`] : []),
      ]);
    }
  for (const { record: r, slack } of claims) for (const s of slack ?? []) out.push(slackText(r, s));
  for (const { record: r, slack } of claims)
    for (const e of unexercised(r.power))
      out.push(unexercisedText(r, e, e.measure === 'constant' ? slack?.find((s) => `constant ${s.constant}` === e.target) : undefined));
  for (const { record: r, boundaries } of claims)
    for (const b of boundaries ?? []) {
      const limit = b.allowed[1];
      if (b.firstFailure === null)
        out.push([
          strong('Hypothesis that may be relaxed — ', code(r.id), `, ${b.parameter} (${b.description}).`),
          ` The paper assumes ≤ ${num(limit)}; the conclusion held at every value up to ${num(b.range[1])} (${b.runsPerPoint} instances per value).`,
        ]);
      else if (b.firstFailure > limit)
        out.push([
          strong('Hypothesis boundary — ', code(r.id), `, ${b.parameter} (${b.description}).`),
          ` The paper assumes ≤ ${num(limit)}; the conclusion first failed at ${num(b.firstFailure)} (a counterexample: the hypothesis cannot be relaxed by ${num(b.firstFailure / limit)}×) and no counterexample was found up to ${b.lastHeld === null ? '—' : num(b.lastHeld)} (${b.runsPerPoint} instances per value: evidence, not a proof, that it can be relaxed that far). Counterexample: `,
          cmd(`${b.replay}`),
          '.',
        ]);
      else
        out.push([
          strong('Failure inside the hypotheses — ', code(r.id), `, ${b.parameter} = ${num(b.firstFailure)} (allowed ≤ ${num(limit)}).`),
          ' Replay: ',
          cmd(`${b.replay}`),
          '.',
        ]);
    }
  return out;
}

/** The findings as Markdown sentences (as summary.md lists them). */
export function findings(claims: ReadonlyArray<CheckedClaim>): string[] {
  return findingTexts(claims).map(inlineMarkdown);
}
