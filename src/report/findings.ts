/**
 * FINDINGS: what a referee could act on, derived from the verdicts, the slack table and the
 * hypothesis boundaries — errata, terms no instance needed, loose constants, hypotheses that
 * survive past their stated limit. Every sentence states the evidence and its strength.
 */
import type { CheckedClaim } from './results.ts';

function num(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

export function findings(claims: ReadonlyArray<CheckedClaim>): string[] {
  const out: string[] = [];
  for (const { record: r } of claims)
    if (r.outsideHypotheses)
      out.push(
        `**Boundary result — \`${r.id}\` with ${r.outsideHypotheses.parameters}.** Outside hypothesis ${r.outsideHypotheses.violated.length ? r.outsideHypotheses.violated.map((h) => `'${h}'`).join(', ') : '(none violated by the instances drawn)'}: the verdict there is ${r.verdict}. This is about how far the hypothesis can be pushed, not an erratum of the paper.`,
      );
  for (const { record: r } of claims)
    if (r.erratum && r.verdict === 'refuted' && !r.outsideHypotheses) {
      const sibling = claims.find((c) => c.record.id === r.corrected)?.record;
      out.push(
        `**Erratum — \`${r.id}\` (${r.where}).** ${r.erratum} Counterexample: \`counterexamples/${r.id.replace(/[^A-Za-z0-9.\-]+/g, '_')}.json\`; replay: \`${r.replay}\`.` +
          (sibling ? ` The corrected form \`${sibling.id}\` ${sibling.verdict} on ${sibling.runs} instances.` : ''),
      );
    }
  for (const { record: r, slack } of claims)
    for (const s of slack ?? []) {
      const evidence = `${s.evaluations} instances searched (seed ${s.seed}); worst instance in \`${s.instanceFile}\``;
      if (s.best <= 0)
        out.push(
          `**A term no instance needed — \`${r.id}\`, constant ${s.constant} = ${s.formula}.** The largest need found is ${num(s.best)} ≤ 0: every instance searched satisfies the bound with ${s.constant} = 0, so the ${s.constant}-term may be unnecessary (${evidence}). A search is not a proof: this is a conjecture to prove or refute.`,
        );
      else if (s.ratio < 0.5)
        out.push(
          `**Loose constant — \`${r.id}\`, ${s.constant} = ${s.formula}.** Printed ${num(s.printed)} at the worst instance, largest need found ${num(s.best)} (ratio ${num(s.ratio)}): at least ${num(1 / s.ratio)}× slack as far as the search saw (${evidence}).`,
        );
      else
        out.push(
          `**Near-tight constant — \`${r.id}\`, ${s.constant} = ${s.formula}.** Largest need found ${num(s.best)} against ${num(s.printed)} printed (ratio ${num(s.ratio)}; ${evidence}).`,
        );
    }
  for (const { record: r, boundaries } of claims)
    for (const b of boundaries ?? []) {
      const limit = b.allowed[1];
      if (b.firstFailure === null)
        out.push(
          `**Hypothesis that may be relaxed — \`${r.id}\`, ${b.parameter} (${b.description}).** The paper assumes ≤ ${num(limit)}; the conclusion held at every value up to ${num(b.range[1])} (${b.runsPerPoint} instances per value).`,
        );
      else if (b.firstFailure > limit)
        out.push(
          `**Hypothesis boundary — \`${r.id}\`, ${b.parameter} (${b.description}).** The paper assumes ≤ ${num(limit)}; the conclusion held up to ${b.lastHeld === null ? '—' : num(b.lastHeld)} and first failed at ${num(b.firstFailure)} (${b.runsPerPoint} instances per value): room of about ${b.lastHeld === null ? '—' : num(b.lastHeld / limit)}× in this hypothesis. Counterexample: \`${b.replay}\`.`,
        );
      else
        out.push(
          `**Failure inside the hypotheses — \`${r.id}\`, ${b.parameter} = ${num(b.firstFailure)} (allowed ≤ ${num(limit)}).** Replay: \`${b.replay}\`.`,
        );
    }
  return out;
}
