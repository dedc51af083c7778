/**
 * Writes a check's outputs: DIR/results.json (the machine-readable contract), DIR/summary.md and
 * the self-contained DIR/index.html (for people; html.ts), DIR/counterexamples/<id>.json (one
 * replayable file per refuted verdict) and DIR/run.json (every record in full, with timings: what
 * `report merge` combines shards from).
 * results.json holds no timings or dates, so the same seed gives the same file on any machine.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerdictRecord } from '../claims/record.ts';
import type { BoundaryEntry, SlackEntry } from '../search/audit.ts';
import { findings } from './findings.ts';
import { POWER_LEGEND, powerValue, unexercised } from './power-text.ts';
import { writeHtmlReport } from './html.ts';
import type { ErratumGrade } from '../claims/types.ts';
import type { FailingRegion } from '../claims/record.ts';

/** A claim's record with the record of its sabotaged variant and its audit (slack, boundaries). */
export interface CheckedClaim {
  readonly record: VerdictRecord;
  readonly sabotage: VerdictRecord | null;
  readonly slack?: SlackEntry[];
  readonly boundaries?: BoundaryEntry[];
}

export interface CheckRun {
  readonly seed: number;
  readonly claims: ReadonlyArray<CheckedClaim>;
  /** `check --shard i/n`: which slice this run is (recorded in run.json, so `report merge` can tell a missing shard). */
  readonly shard?: { readonly index: number; readonly count: number };
}

/** True when a claim's verdict equals its expected one and its sabotaged variant (if run) was refuted. */
export function claimAsExpected(c: CheckedClaim): boolean {
  // An inconclusive verdict decided nothing, so it is never what was expected.
  return c.record.verdict !== 'inconclusive' && c.record.verdict === c.record.expected && (!c.sabotage || c.sabotage.verdict === 'refuted');
}

/** True when every verdict (claims and sabotaged variants) equals its expected verdict. */
export function allAsExpected(run: CheckRun): boolean {
  return run.claims.every(claimAsExpected);
}

function fileNameFor(id: string): string {
  return `${id.replace(/[^A-Za-z0-9.\-]+/g, '_')}.json`;
}

function resultEntry(c: CheckedClaim) {
  const { timeMs: _time, ...record } = c.record;
  const entry: Record<string, unknown> = { ...record };
  if (c.sabotage)
    entry.sabotage = {
      description: c.sabotage.sabotage,
      verdict: c.sabotage.verdict,
      worstMargin: c.sabotage.worstMargin,
      ...(c.sabotage.replay ? { replay: c.sabotage.replay } : {}),
      ...(c.sabotage.error ? { error: c.sabotage.error } : {}),
      ...(c.sabotage.rigor ? { rigor: c.sabotage.rigor } : {}),
      ...(c.sabotage.exactCounterexample ? { exactCounterexample: c.sabotage.exactCounterexample } : {}),
    };
  if (c.slack?.length) entry.slack = c.slack;
  if (c.boundaries?.length) entry.boundaries = c.boundaries;
  return entry;
}

/** A margin or statistic in exponent notation; — for none (null, or non-finite). */
export function fmt(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toExponential(digits);
}

/** `check --rigorous`: how many verdicts were certified, decided in high precision, or left to floating point. */
export function rigorCounts(run: CheckRun): string {
  const records = run.claims.map((c) => c.record).filter((r) => r.rigor);
  const n = (k: string) => records.filter((r) => r.rigor === k).length;
  return `${n('certified')} certified (exact rational), ${n('high-precision')} high-precision, ${n('floating-point')} floating-point`;
}

function rigorousSection(run: CheckRun): string[] {
  const records = run.claims.map((c) => c.record).filter((r) => r.rigor);
  if (!records.length) return [];
  const lines = ['', '## Rigorous verdicts (`check --rigorous`)', '', `${rigorCounts(run)}.`, ''];
  const overturned = records.filter((r) => r.floatVerdict !== undefined);
  for (const r of overturned) lines.push(`- **\`${r.id}\`: the ${r.rigor} verdict (${r.verdict}) overturned the floating-point one (${r.floatVerdict}).**`);
  if (overturned.length) lines.push('');
  lines.push(
    'Identities: each residual evaluated in exact rational arithmetic at k independent points, every variable uniform on a set of N values; all exactly zero certifies the identity with error probability ≤ (D/N)^k (Schwartz–Zippel), D the degree bound of the residual (mechanical, over the degree-bound field; by hand in the claim where given). A nonzero residual is an exact counterexample, shrunk and printed as rationals.',
    '',
    '| claim | verdict | rigor | D (hand) | N | k | error probability / exact counterexample |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
  );
  for (const { record: r, sabotage: s } of run.claims) {
    if (!r.rigor || r.highPrecision || (r.rigor === 'floating-point' && !r.exactSkipped && !r.exactError)) continue;
    const sab = s?.rigor === 'certified' ? ' (sabotage refuted exactly)' : '';
    if (r.certificate) {
      const c = r.certificate;
      lines.push(`| \`${r.id}\` | ${r.verdict} | certified | ${c.degree}${c.degreeByHand !== undefined ? ` (${c.degreeByHand})` : ''} | ${c.setSize} | ${c.points}×${c.dims.length} | ${fmt(c.errorProbability, 1)}${sab} |`);
    } else if (r.exactCounterexample) {
      const x = r.exactCounterexample;
      const show = (v: unknown) => JSON.stringify(v).replace(/"/g, '');
      lines.push(
        `| \`${r.id}\` | ${r.verdict} | certified | — | — | — | dims ${show(x.dims)}; ${Object.entries(x.instance).map(([k, v]) => `${k} = ${show(v)}`).join(', ')}; nonzero: ${Object.entries(x.nonzero).map(([k, v]) => `${k} = ${show(v)}`).join('; ')}${sab} |`,
      );
    } else lines.push(`| \`${r.id}\` | ${r.verdict} | floating-point | — | — | — | ${r.exactSkipped ? `no exact form: ${r.exactSkipped}` : `exact evaluation failed: ${r.exactError}`} |`);
  }
  const hp = records.filter((r) => r.highPrecision);
  if (hp.length) {
    lines.push('', `Inequalities: instances whose floating-point margin is within 512u of zero (or failing) re-evaluated in ${hp[0].highPrecision!.digits} digits; the high-precision margin decides.`, '');
    lines.push('| claim | verdict | float verdict | instances re-checked | lowest float margin | its high-precision margin | lowest high-precision margin |', '| --- | --- | --- | ---: | ---: | ---: | ---: |');
    for (const r of hp) {
      const h = r.highPrecision!;
      const first = h.rechecked[0];
      const lowestHp = h.rechecked.length ? Math.min(...h.rechecked.map((x) => x.highPrecisionMargin)) : null;
      lines.push(`| \`${r.id}\` | ${r.verdict} | ${h.floatVerdict} | ${h.rechecked.length} of ${h.instancesScanned} | ${fmt(first?.floatMargin)} | ${fmt(first?.highPrecisionMargin)} | ${fmt(lowestHp)} |`);
    }
  }
  return lines;
}

/** The grades of an erratum, most severe first, with what each means (reports group errata by them). */
export const ERRATUM_GRADES: ReadonlyArray<{ grade: ErratumGrade; meaning: string }> = [
  { grade: 'breaks-result', meaning: 'the stated lemma or theorem fails' },
  { grade: 'breaks-proof', meaning: 'a step fails while the result holds' },
  { grade: 'local', meaning: 'a slip whose correction changes nothing downstream' },
  { grade: 'extraction', meaning: 'likely an artefact of the text copy of the paper' },
];

/** The claims carrying an erratum, ordered by grade (most severe first; ungraded last), then as checked. */
export function errataByGrade(claims: ReadonlyArray<CheckedClaim>): CheckedClaim[] {
  const rank = (c: CheckedClaim) => {
    const i = ERRATUM_GRADES.findIndex((g) => g.grade === c.record.grade);
    return i < 0 ? ERRATUM_GRADES.length : i;
  };
  return claims.filter((c) => c.record.erratum).map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

/** An erratum's measured failing region as text: the share failing, per coordinate where (the range of
 *  the failing instances and the failing share per fifth of the domain), and the largest violation. */
export function failingRegionLines(f: FailingRegion): string[] {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(b >= 1000 ? 1 : 0)}%`);
  const lines = [
    `Failing region (${f.instances} instances of the claim's builder, seed ${f.seed}${f.errors ? `, ${f.errors} not evaluable` : ''}): the printed form fails on ${f.failing} (${pct(f.failing, f.instances)}).`,
  ];
  for (const [k, c] of Object.entries(f.coordinates))
    lines.push(
      `- ${k} ∈ [${fmt(c.domain[0], 3)}, ${fmt(c.domain[1], 3)}]: failing at ${c.failing ? `[${fmt(c.failing[0], 3)}, ${fmt(c.failing[1], 3)}]` : 'none'} (drawn over [${fmt(c.all[0], 3)}, ${fmt(c.all[1], 3)}]); failing share per fifth of the domain: ${c.bins.map(([n, k2]) => pct(k2, n)).join(' · ')}`,
    );
  if (f.stated) {
    const { text, inside, failingInside, failingOutside } = f.stated;
    lines.push(
      failingOutside === 0
        ? `- stated region (the erratum's): ${text}: every failing instance lies inside it; ${failingInside} of the ${inside} instances inside fail (${pct(failingInside, inside)})`
        : `- stated region (the erratum's): ${text}: WRONG: ${failingOutside} failing instance${failingOutside === 1 ? '' : 's'} lie outside it (${failingInside} of the ${inside} inside fail)`,
    );
  }
  if (f.worst)
    lines.push(`- largest violation: margin ${fmt(f.worst.margin)} in '${f.worst.label}' at ${Object.entries(f.worst.at).map(([k, v]) => `${k} = ${fmt(v, 3)}`).join(', ')}`);
  return lines;
}

/** Per claim: every hypothesis with the instances it was checked on and violated, and the coverage of
 *  each coordinate the hypotheses bound. */
function hypothesesSection(run: CheckRun): string[] {
  const lines = ['', '## Hypotheses and coverage', ''];
  lines.push(
    'Every hypothesis is a predicate evaluated on every instance checked (generated and shrunk); an instance from the builder that violates one is an `error` verdict. Coverage is over the generated instances: the share at each end of the stated domain, the number of distinct values and the share of the most common one.',
    '',
  );
  lines.push('| claim | hypotheses (checked / violated) | coordinate | domain | min | max | at low end | at high end | distinct | mode share |', '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { record: r } of run.claims) {
    const hyps = (r.hypotheses ?? []).map((h) => `${h.name} ${h.checked}/${h.violations}`).join('; ') || '—';
    const cov = Object.entries(r.coverage ?? {});
    if (cov.length === 0) lines.push(`| \`${r.id}\` | ${hyps} | — | | | | | | | |`);
    cov.forEach(([k, c], i) =>
      lines.push(
        `| ${i === 0 ? `\`${r.id}\`` : ''} | ${i === 0 ? hyps : ''} | ${k} | [${c.domain.map((v) => fmt(v, 3)).join(', ')}] | ${fmt(c.min, 3)} | ${fmt(c.max, 3)} | ${fmt(c.atLowerBound, 2)} | ${fmt(c.atUpperBound, 2)} | ${c.distinct} | ${fmt(c.modeShare, 2)}${c.concentrated ? ` (${c.concentrated})` : ''} |`,
      ),
    );
  }
  return lines;
}

function powerSection(run: CheckRun): string[] {
  const withPower = run.claims.filter((c) => c.record.power);
  if (!withPower.length) return [];
  const lines = ['', '## Power', '', POWER_LEGEND, ''];
  lines.push('| claim | power | from | not exercised (f ≥ 10³) | by construction |', '| --- | ---: | --- | --- | --- |');
  for (const { record: r } of withPower) {
    const p = r.power!;
    const weak = unexercised(p).map((e) => `${e.target} (${powerValue(e)})`);
    const built = p.entries.filter((e) => e.byConstruction).map((e) => `${e.target} (${powerValue(e)})`);
    lines.push(`| \`${r.id}\` | ${powerValue(p)} | ${cell(p.weakest)} | ${weak.length ? cell(weak.join('; ')) : '—'} | ${built.length ? cell(built.join('; ')) : '—'} |`);
  }
  return lines;
}

/** Text for a markdown table cell (a '|' would end the cell). */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function markdown(run: CheckRun): string {
  const lines: string[] = [];
  const ok = allAsExpected(run);
  lines.push('# lemmacheck summary', '');
  lines.push(`Global seed ${run.seed}. ${run.claims.length} claims; ${ok ? 'every verdict as expected' : '**some verdicts differ from the expected ones**'}.`);
  lines.push('Margins are (rhs − lhs)/scale: negative means violated; the tolerance is a few units of roundoff × dimension (src/claims/tolerance.ts).', '');
  lines.push('| claim | where | kind | expected | verdict | runs | worst margin | power | sabotage refuted | time |');
  lines.push('| --- | --- | --- | --- | --- | ---: | ---: | ---: | --- | ---: |');
  for (const { record: r, sabotage: s } of run.claims) {
    const mark = r.verdict === r.expected ? '' : ' ⚠';
    lines.push(
      `| \`${r.id}\` | ${r.where} | ${r.kind} | ${r.expected} | ${r.verdict}${r.rigor ? ` (${r.rigor})` : ''}${mark} | ${r.runs} | ${fmt(r.worstMargin)} | ${powerValue(r.power)} | ${s ? (s.verdict === 'refuted' ? 'yes' : `**no (${s.verdict})**`) : '—'} | ${r.timeMs + (s?.timeMs ?? 0)} ms |`,
    );
  }
  lines.push(...powerSection(run));
  const errata = errataByGrade(run.claims);
  if (errata.length) {
    lines.push('', '## Errata', '');
    lines.push(`Grouped by what they break: ${ERRATUM_GRADES.map((g) => `**${g.grade}** (${g.meaning})`).join('; ')}.`, '');
    let shown: string | undefined;
    for (const { record: r } of errata) {
      const grade = r.grade ?? 'ungraded';
      if (grade !== shown) lines.push(`### ${grade}`, '');
      shown = grade;
      lines.push(`#### \`${r.id}\` — ${r.where}`, '', `Printed: ${r.statement}`, '', `Erratum: ${r.erratum}`, '');
      if (r.grade) lines.push(`Grade: **${r.grade}** — ${r.gradeReason}`, '', `Depends on it: ${r.dependents?.length ? r.dependents.join(', ') : 'nothing downstream'}.`, '');
      if (r.failingRegion) lines.push(...failingRegionLines(r.failingRegion), '');
      if (r.counterexample) {
        const f = r.counterexample.failing[0];
        lines.push(`Shrunk counterexample (saved in counterexamples/${fileNameFor(r.id)}):`, '', '```json', JSON.stringify(r.counterexample.instance), '```');
        if (f) lines.push(`${f.label}: lhs ${f.lhs}, rhs ${f.rhs}, margin ${fmt(f.margin)} (${fmt(f.toleranceMultiples, 1)} tolerances).`);
        lines.push('', `Replay: \`${r.replay}\``);
      }
      const sib = run.claims.find((c) => c.record.id === r.corrected);
      if (sib) lines.push('', `Corrected (\`${sib.record.id}\`): ${sib.record.statement} — **${sib.record.verdict}** on ${sib.record.runs} instances, worst margin ${fmt(sib.record.worstMargin)}.`);
      lines.push('');
    }
  }
  const probabilistic = run.claims.filter((c) => c.record.montecarlo);
  if (probabilistic.length) {
    lines.push('', '## Probabilistic claims (Monte Carlo)', '');
    lines.push(
      'Per setting: the event\'s frequency, its exact Clopper–Pearson interval (overall confidence 1 − 10⁻³, split over the settings), the claimed probability, and for each constant the empirical quantile of its witness at the target probability (the smallest constant meeting it) with a distribution-free upper confidence bound (— when the sample is too small to bound it).',
      '',
    );
    lines.push('| claim | setting | successes | interval | claimed | verdict | constant: printed → smallest meeting the target (upper bound) |', '| --- | --- | ---: | --- | ---: | --- | --- |');
    for (const { record: r } of probabilistic)
      for (const s of r.montecarlo!.settings)
        lines.push(
          `| \`${r.id}\` | ${s.setting} | ${s.successes}/${s.trials} | [${s.interval[0].toFixed(4)}, ${s.interval[1].toFixed(4)}] | ${s.claimed.toFixed(4)} | ${s.verdict} | ${Object.entries(s.constants ?? {})
            .map(([k, c]) => `${k}: ${Number(c.printed.toPrecision(3))} → ${c.estimate.toPrecision(3)} (${Number.isFinite(c.upperBound) ? c.upperBound.toPrecision(3) : '—'}) at ${c.target.toPrecision(3)}`)
            .join('; ')} |`,
        );
  }
  const sweeps = run.claims.filter((c) => c.record.sweep);
  if (sweeps.length) {
    lines.push('', '## Scaling laws and experiments (sweeps)', '');
    lines.push(
      'Each sweep is run once from the claim\'s seed; each stated relation is evaluated on its data. A fitted slope holds unless its whole confidence interval (99.9%, Student t) lies outside the stated range.',
      '',
    );
    lines.push('| claim | relation | stated | observed | interval | holds |', '| --- | --- | --- | ---: | --- | --- |');
    for (const { record: r } of sweeps)
      for (const rel of r.sweep!.relations)
        lines.push(
          `| \`${r.id}\` | ${rel.name} | ${rel.stated} | ${fmt(rel.observed, 4)} | ${rel.interval ? `[${fmt(rel.interval[0], 3)}, ${fmt(rel.interval[1], 3)}]` : '—'} | ${rel.holds ? 'yes' : '**no**'} |`,
        );
    const withEstimates = sweeps.filter((c) => c.record.sweep!.estimates && Object.keys(c.record.sweep!.estimates).length);
    if (withEstimates.length) {
      lines.push('', '| claim | estimate | value |', '| --- | --- | ---: |');
      for (const { record: r } of withEstimates)
        for (const [k, v] of Object.entries(r.sweep!.estimates!)) lines.push(`| \`${r.id}\` | ${k} | ${fmt(v, 4)} |`);
    }
  }
  const withSlack = run.claims.filter((c) => c.slack?.length);
  if (withSlack.length) {
    lines.push('', '## Slack table', '');
    lines.push(
      'For each printed constant: the largest witness (the smallest constant an instance needs) found by random sampling, local search and shrinking (`tighten`), the printed value at that instance, and their ratio. The largest witness found is a lower bound on the true supremum, never a proof of slack; a negative witness means the instance needs no constant at all.',
      '',
    );
    lines.push('| claim | constant | printed formula | printed at worst | largest witness | ratio | evaluations | worst instance |', '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
    for (const { record: r, slack } of withSlack)
      for (const s of slack!)
        lines.push(`| \`${r.id}\` | ${s.constant} | ${s.formula} | ${fmt(s.printed, 3)} | ${fmt(s.best, 3)} | ${fmt(s.ratio, 2)} | ${s.evaluations} | [${s.instanceFile}](${s.instanceFile}) |`);
  }
  const withBoundaries = run.claims.filter((c) => c.boundaries?.length);
  if (withBoundaries.length) {
    lines.push('', '## Hypothesis boundaries', '');
    lines.push('Each hypothesis parameter pushed past its stated limit (`explore`); "held" means no counterexample among the instances tried at that value.', '');
    lines.push('| claim | parameter | allowed | scanned | held up to | first failure |', '| --- | --- | --- | --- | ---: | ---: |');
    for (const { record: r, boundaries } of withBoundaries)
      for (const b of boundaries!)
        lines.push(`| \`${r.id}\` | ${b.parameter}: ${b.description} | [${b.allowed.join(', ')}] | [${b.range.join(', ')}] | ${b.lastHeld === null ? '—' : b.lastHeld.toPrecision(3)} | ${b.firstFailure === null ? 'none' : b.firstFailure.toPrecision(3)} |`);
  }
  lines.push(...hypothesesSection(run));
  lines.push(...rigorousSection(run));
  const found = findings(run.claims);
  if (found.length) {
    lines.push('', '## FINDINGS', '');
    for (const f of found) lines.push(`- ${f}`);
  }
  const unexpected = run.claims.filter((c) => c.record.verdict !== c.record.expected || (c.sabotage && c.sabotage.verdict !== 'refuted'));
  if (unexpected.length) {
    lines.push('', '## Unexpected verdicts', '');
    for (const { record: r, sabotage: s } of unexpected) {
      if (r.verdict !== r.expected) lines.push(`- \`${r.id}\`: ${r.verdict}, expected ${r.expected}${r.error ? ` — ${r.error}` : ''}${r.replay ? ` — replay: \`${r.replay}\`` : ''}`);
      if (s && s.verdict !== 'refuted') lines.push(`- \`${r.id}\`: its sabotaged variant (${s.sabotage}) was ${s.verdict}, not refuted: the check may be unable to fail.`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes results.json, summary.md, index.html (with the SVGs already under figures/ and explore/) and counterexamples/ under `dir`. */
export function writeResults(dir: string, run: CheckRun): void {
  mkdirSync(dir, { recursive: true });
  const cxDir = join(dir, 'counterexamples');
  rmSync(cxDir, { recursive: true, force: true });
  const results = { seed: run.seed, claims: run.claims.map(resultEntry) };
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'summary.md'), markdown(run));
  writeHtmlReport(dir, run);
  writeFileSync(join(dir, 'run.json'), `${JSON.stringify(run)}\n`);
  for (const r of run.claims.flatMap((c) => [c.record, ...(c.sabotage ? [c.sabotage] : [])]))
    if (r.counterexample) {
      mkdirSync(cxDir, { recursive: true });
      writeFileSync(
        join(cxDir, fileNameFor(r.id)),
        `${JSON.stringify({ id: r.id, seed: r.seed, globalSeed: r.globalSeed, path: r.counterexample.path, replay: r.replay, instance: r.counterexample.instance, failing: r.counterexample.failing }, null, 2)}\n`,
      );
    }
}

export { fileNameFor };
