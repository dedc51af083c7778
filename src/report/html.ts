/**
 * DIR/index.html: the whole report as one self-contained page for people — summary counts, the
 * verdict table with filters (paper, kind, verdict, text), errata with their shrunk counterexamples
 * and corrected siblings, the Monte Carlo and sweep tables, the slack table, the hypothesis
 * boundaries, FINDINGS and every figure (DIR/figures/*.svg with its .caption.txt, and the phase
 * diagrams of DIR/explore/*.svg), inlined. Inline CSS and a small inline script only: the file opens
 * from disk with no server and makes no request.
 *
 * Each claim's row carries data-id, data-paper, data-kind, data-verdict, data-expected and
 * data-sabotage, so a test (properties/report.browser.test.ts) can read the table back.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SABOTAGED, type VerdictRecord } from '../claims/record.ts';
import { findings } from './findings.ts';
import { POWER_LEGEND, powerValue, unexercised } from './power-text.ts';
import { allAsExpected, type CheckedClaim, type CheckRun, claimAsExpected, ERRATUM_GRADES, errataByGrade, failingRegionLines, fileNameFor, fmt } from './results.ts';

/** A figure to embed: its SVG source, where it came from (relative to the report) and its caption. */
export interface Figure {
  readonly file: string;
  readonly svg: string;
  readonly caption: string | null;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const esc = escapeHtml;

function prec(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : String(Number(x.toPrecision(digits)));
}

/** JSON with each array of numbers (a matrix row, a vector) on one line: valid JSON a person can read. */
export function readableJson(v: unknown, indent = ''): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => x === null || typeof x !== 'object')) return `[${v.map((x) => JSON.stringify(x) ?? 'null').join(', ')}]`;
    return `[\n${v.map((x) => inner + readableJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${readableJson(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** The light markdown of FINDINGS (**bold**, `code`) as HTML, everything else escaped. */
function inlineMarkdown(s: string): string {
  return esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

function verdictBadge(v: string): string {
  return `<span class="badge v-${esc(v)}">${esc(v)}</span>`;
}

/** A claim id in monospace, breakable after each '.' and '/' (textContent stays the id). */
function idCode(id: string): string {
  return `<code class="id">${esc(id).replace(/([./])/g, '$1<wbr>')}</code>`;
}

function code(s: string, cls = ''): string {
  return `<code${cls ? ` class="${cls}"` : ''}>${esc(s)}</code>`;
}

/** The command that reruns a claim: its replay (with the failing path) when it has one. */
function rerunCommand(r: VerdictRecord): string {
  const id = r.id.endsWith(SABOTAGED) ? `${r.id.slice(0, -SABOTAGED.length)} --sabotaged` : r.id;
  return r.replay ?? `npx tsx src/cli.ts check ${id} --seed ${r.globalSeed}`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${esc(title)}</h2>\n${body}\n</section>`;
}

function table(headers: string[], rows: string[], attrs = ''): string {
  return `<div class="scroll"><table${attrs}>\n<thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function summarySection(run: CheckRun): string {
  const claims = run.claims;
  const ok = allAsExpected(run);
  const papers = [...new Set(claims.map((c) => c.record.paper))].sort();
  const count = (cs: ReadonlyArray<CheckedClaim>, p: (c: CheckedClaim) => boolean) => cs.filter(p).length;
  const row = (label: string, cs: ReadonlyArray<CheckedClaim>) =>
    `<tr><th scope="row">${esc(label)}</th>${[
      cs.length,
      count(cs, (c) => c.record.verdict === 'holds'),
      count(cs, (c) => c.record.verdict === 'refuted'),
      count(cs, (c) => c.record.verdict === 'vacuous'),
      count(cs, (c) => c.record.verdict === 'error'),
      count(cs, (c) => c.record.erratum !== undefined),
      count(cs, claimAsExpected),
      `${count(cs, (c) => c.sabotage?.verdict === 'refuted')} / ${count(cs, (c) => c.sabotage !== null)}`,
    ]
      .map((n) => `<td class="num">${n}</td>`)
      .join('')}</tr>`;
  const status = ok
    ? `<p class="status ok">Every verdict is as expected, and every sabotaged variant was refuted.</p>`
    : `<p class="status bad">Some verdicts differ from the expected ones — see <a href="#unexpected">Unexpected verdicts</a>.</p>`;
  const body = [
    status,
    `<p>Global seed <code>${run.seed}</code>; each claim's own seed is derived from it and the claim's id. Rerun everything with <code class="cmd">npx tsx src/cli.ts check --seed ${run.seed}</code>.</p>`,
    `<p class="note">A verdict is <em>holds</em> when no instance violated the claim beyond the kind's tolerance (a few units of roundoff × dimension), <em>refuted</em> with a shrunk counterexample otherwise, <em>vacuous</em> when no instance met the hypotheses, <em>error</em> when the check itself failed. A printed formula that is false is expected <em>refuted</em> and has a corrected sibling (<code>…/corrected</code>). Each claim also runs a sabotaged variant (a constant made too small, a term dropped, a sign flipped), which must be refuted: it shows the check can fail.</p>`,
    table(
      ['', 'claims', 'holds', 'refuted', 'vacuous', 'error', 'errata', 'as expected', 'sabotage refuted'],
      [...papers.map((p) => row(p, claims.filter((c) => c.record.paper === p))), ...(papers.length > 1 ? [row('all', claims)] : [])],
      ' class="counts"',
    ),
  ];
  return section('summary', 'Summary', body.join('\n'));
}

function detailsOf(r: VerdictRecord, s: VerdictRecord | null): string {
  const items: string[] = [];
  if (r.worstLabel) items.push(`<dt>worst comparison</dt><dd class="math">${esc(r.worstLabel)}</dd>`);
  items.push(`<dt>time</dt><dd>${r.timeMs} ms${s ? ` (sabotaged variant: ${s.timeMs} ms)` : ''}</dd>`);
  if (r.vacuousRuns) items.push(`<dt>vacuous instances</dt><dd>${r.vacuousRuns} of ${r.runs}</dd>`);
  if (r.error) items.push(`<dt>error</dt><dd class="error">${esc(r.error)}</dd>`);
  if (r.erratum) items.push(`<dt>erratum</dt><dd>${esc(r.erratum)} <a href="#erratum-${esc(r.id)}">details</a></dd>`);
  if (r.corrects) items.push(`<dt>corrects</dt><dd>${idCode(r.corrects)}</dd>`);
  if (s) items.push(`<dt>sabotage</dt><dd>${esc(s.sabotage ?? '')}: ${verdictBadge(s.verdict)}${s.replay ? ` ${code(s.replay, 'cmd')}` : ''}</dd>`);
  for (const [k, w] of Object.entries(r.witnesses ?? {}))
    items.push(`<dt>constant ${esc(k)}</dt><dd>printed ${prec(w.printed)}, largest witness found ${prec(w.best)} (ratio ${prec(w.ratio)})</dd>`);
  for (const e of r.power?.entries ?? [])
    items.push(
      `<dt>power: <span class="math">${esc(e.target)}</span></dt><dd>${esc(powerValue(e))} over ${e.instances} instance${e.instances === 1 ? '' : 's'}${e.at ? ` (at <span class="math">${esc(e.at)}</span>)` : ''}${e.byConstruction ? ` — holds by construction: ${esc(e.byConstruction)}` : ''}</dd>`,
    );
  for (const [k, v] of Object.entries(r.choices ?? {})) items.push(`<dt>choice: ${esc(k)}</dt><dd>${esc(v)}</dd>`);
  return `<details><summary>details</summary><dl>${items.join('')}</dl></details>`;
}

function verdictRow(c: CheckedClaim): string {
  const { record: r, sabotage: s } = c;
  const expectedOk = r.verdict === r.expected;
  const sab = s ? (s.verdict === 'refuted' ? '<span class="yes">refuted</span>' : `<span class="no">${esc(s.verdict)}</span>`) : '—';
  const attrs = [
    ['id', r.id],
    ['paper', r.paper],
    ['kind', r.kind],
    ['verdict', r.verdict],
    ['expected', r.expected],
    ['sabotage', s ? s.verdict : ''],
    ['as-expected', claimAsExpected(c) ? 'yes' : 'no'],
  ]
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  const cells = [
    `<td class="claim">${idCode(r.id)}<div class="statement math">${esc(r.statement)}</div>${detailsOf(r, s)}</td>`,
    `<td>${esc(r.paper)}</td>`,
    `<td class="where">${esc(r.where)}</td>`,
    `<td>${esc(r.kind)}</td>`,
    `<td>${esc(r.expected)}</td>`,
    `<td class="verdict">${verdictBadge(r.verdict)}${expectedOk ? '' : ' <span class="no" title="differs from the expected verdict">⚠ unexpected</span>'}</td>`,
    `<td class="num" title="${esc(r.worstLabel ?? '')}">${fmt(r.worstMargin)}</td>`,
    `<td class="num${unexercised(r.power).length ? ' weak' : ''}" title="${esc(r.power?.weakest ?? '')}">${esc(powerValue(r.power))}</td>`,
    `<td class="num">${r.runs}</td>`,
    `<td class="num"><code>${r.seed}</code></td>`,
    `<td>${sab}</td>`,
    `<td>${code(rerunCommand(r), r.replay ? 'cmd replay' : 'cmd rerun')}</td>`,
  ];
  return `<tr class="claim-row${claimAsExpected(c) ? '' : ' unexpected'}"${attrs}>${cells.join('')}</tr>`;
}

function options(values: string[]): string {
  return [`<option value="">all</option>`, ...[...new Set(values)].sort().map((v) => `<option value="${esc(v)}">${esc(v)}</option>`)].join('');
}

function verdictSection(run: CheckRun): string {
  const rs = run.claims.map((c) => c.record);
  const filters = `<form class="filters" id="filters" onsubmit="return false">
<label>paper <select id="f-paper">${options(rs.map((r) => r.paper))}</select></label>
<label>kind <select id="f-kind">${options(rs.map((r) => r.kind))}</select></label>
<label>verdict <select id="f-verdict">${options(rs.map((r) => r.verdict))}</select></label>
<label>search <input id="f-text" type="search" placeholder="id, statement, where…"></label>
<label><input id="f-unexpected" type="checkbox"> only unexpected</label>
<button type="button" id="f-reset">reset</button>
<span id="f-count" aria-live="polite">${rs.length} of ${rs.length} claims shown</span>
</form>`;
  const note = `<p class="note">Worst margin: the smallest (rhs − lhs)/scale over every instance evaluated (negative = violated before tolerance; hover for the comparison). Power: how far the statement could be strengthened and still hold on every instance checked (hover for the condition it comes from; see <a href="#power">Power</a>). Runs: instances evaluated, shrinking included (Monte Carlo: trials; sweeps: repetitions). The last column replays a refutation exactly (its fast-check path) or reruns the claim with its seed.</p>`;
  return section(
    'verdicts',
    'Verdicts',
    [
      filters,
      note,
      table(
        ['claim', 'paper', 'where', 'kind', 'expected', 'verdict', 'worst margin', 'power', 'runs', 'seed', 'sabotage', 'replay / rerun'],
        run.claims.map(verdictRow),
        ' id="verdict-table"',
      ),
    ].join('\n'),
  );
}

function failingTable(r: VerdictRecord): string {
  const failing = r.counterexample?.failing ?? [];
  if (!failing.length) return '';
  return table(
    ['comparison', 'lhs', 'rhs', 'margin', 'tolerances past the boundary'],
    failing.map(
      (f) =>
        `<tr><td class="math">${esc(f.label)}</td><td class="num">${prec(f.lhs, 6)}</td><td class="num">${prec(f.rhs, 6)}</td><td class="num">${fmt(f.margin)}</td><td class="num">${fmt(f.toleranceMultiples, 1)}</td></tr>`,
    ),
  );
}

function errataSection(run: CheckRun): string {
  const errata = errataByGrade(run.claims);
  if (!errata.length) return '';
  let shown: string | undefined;
  const blocks = errata.map(({ record: r }) => {
    const grade = r.grade ?? 'ungraded';
    const heading = grade !== shown ? `<h3 class="grade">${esc(grade)}${ERRATUM_GRADES.find((g) => g.grade === grade) ? ` — ${esc(ERRATUM_GRADES.find((g) => g.grade === grade)!.meaning)}` : ''}</h3>\n` : '';
    shown = grade;
    const parts = [`${heading}<article class="erratum" id="erratum-${esc(r.id)}">`, `<h4>${idCode(r.id)} — ${esc(r.where)} ${verdictBadge(r.verdict)}</h4>`];
    parts.push(`<p><span class="label">Printed:</span> <span class="math">${esc(r.statement)}</span></p>`);
    parts.push(`<p><span class="label">Erratum:</span> ${esc(r.erratum!)}</p>`);
    if (r.grade)
      parts.push(
        `<p><span class="label">Grade:</span> <strong>${esc(r.grade)}</strong> — ${esc(r.gradeReason ?? '')}</p>`,
        `<p><span class="label">Depends on it:</span> ${r.dependents?.length ? r.dependents.map((d) => esc(d)).join(', ') : 'nothing downstream'}</p>`,
      );
    if (r.failingRegion) {
      const [head, ...items] = failingRegionLines(r.failingRegion);
      parts.push(`<p><span class="label">Measured:</span> ${esc(head)}</p><ul class="region">${items.map((i) => `<li>${esc(i.replace(/^- /, ''))}</li>`).join('')}</ul>`);
    }
    if (r.counterexample) {
      parts.push(failingTable(r));
      parts.push(
        `<p><span class="label">Shrunk counterexample</span> (also in <a href="counterexamples/${esc(fileNameFor(r.id))}">counterexamples/${esc(fileNameFor(r.id))}</a>):</p>`,
        `<pre class="json">${esc(readableJson(r.counterexample.instance))}</pre>`,
      );
    }
    const failingRelations = r.sweep?.relations.filter((rel) => !rel.holds) ?? [];
    if (failingRelations.length)
      parts.push(
        `<p><span class="label">Relations that fail:</span></p><ul>${failingRelations.map((rel) => `<li><span class="math">${esc(rel.name)}</span>: stated ${esc(rel.stated)}, observed ${fmt(rel.observed, 4)}${rel.interval ? ` in [${fmt(rel.interval[0], 3)}, ${fmt(rel.interval[1], 3)}]` : ''}</li>`).join('')}</ul>`,
      );
    if (r.replay) parts.push(`<p><span class="label">Replay:</span> ${code(r.replay, 'cmd')}</p>`);
    const sib = run.claims.find((c) => c.record.id === r.corrected)?.record;
    if (sib)
      parts.push(
        `<p class="corrected"><span class="label">Corrected</span> (${idCode(sib.id)}): <span class="math">${esc(sib.statement)}</span> — ${verdictBadge(sib.verdict)} on ${sib.runs} instances, worst margin ${fmt(sib.worstMargin)}.</p>`,
      );
    else if (r.corrected) parts.push(`<p class="corrected"><span class="label">Corrected:</span> ${idCode(r.corrected)} (not in this run).</p>`);
    parts.push('</article>');
    return parts.join('\n');
  });
  return section('errata', 'Errata', blocks.join('\n'));
}

function monteCarloSection(run: CheckRun): string {
  const mc = run.claims.filter((c) => c.record.montecarlo);
  if (!mc.length) return '';
  const rows = mc.flatMap(({ record: r }) =>
    r.montecarlo!.settings.map((s) => {
      const constants = Object.entries(s.constants ?? {})
        .map(([k, c]) => `${esc(k)}: ${prec(c.printed)} → ${prec(c.estimate)} (≤ ${prec(c.upperBound)}) at ${prec(c.target)}`)
        .join('<br>');
      return `<tr data-id="${esc(r.id)}"><td>${idCode(r.id)}</td><td class="math">${esc(s.setting)}</td><td class="num">${s.successes}/${s.trials}</td><td class="num">[${s.interval[0].toFixed(4)}, ${s.interval[1].toFixed(4)}]</td><td class="num">${s.claimed.toFixed(4)}</td><td>${verdictBadge(s.verdict)}</td><td>${constants || '—'}</td></tr>`;
    }),
  );
  return section(
    'montecarlo',
    'Probabilistic claims (Monte Carlo)',
    `<p class="note">Per setting: the event's frequency, its exact Clopper–Pearson interval (overall confidence 1 − 10⁻³, split over the settings), the claimed probability, and for each constant the printed value → the smallest constant meeting the target probability (empirical quantile of its witness), with a distribution-free upper confidence bound (— when the sample is too small to bound it).</p>\n${table(
      ['claim', 'setting', 'successes', 'interval', 'claimed', 'verdict', 'constant: printed → smallest meeting the target (upper bound) at target'],
      rows,
    )}`,
  );
}

function sweepSection(run: CheckRun): string {
  const sweeps = run.claims.filter((c) => c.record.sweep);
  if (!sweeps.length) return '';
  const rel = sweeps.flatMap(({ record: r }) =>
    r.sweep!.relations.map(
      (x) =>
        `<tr data-id="${esc(r.id)}"><td>${idCode(r.id)}</td><td class="math">${esc(x.name)}</td><td class="math">${esc(x.stated)}</td><td class="num">${fmt(x.observed, 4)}</td><td class="num">${x.interval ? `[${fmt(x.interval[0], 3)}, ${fmt(x.interval[1], 3)}]` : '—'}</td><td>${x.holds ? '<span class="yes">yes</span>' : '<span class="no">no</span>'}</td><td class="detail">${esc(x.detail ?? '')}</td></tr>`,
    ),
  );
  const parts = [
    `<p class="note">Each sweep is run once from the claim's seed; each stated relation is evaluated on its data. A fitted slope holds unless its whole confidence interval (99.9%, Student t) lies outside the stated range.</p>`,
    table(['claim', 'relation', 'stated', 'observed', 'interval', 'holds', 'detail'], rel),
  ];
  const est = sweeps.flatMap(({ record: r }) =>
    Object.entries(r.sweep!.estimates ?? {}).map(([k, v]) => `<tr><td>${idCode(r.id)}</td><td class="math">${esc(k)}</td><td class="num">${fmt(v, 4)}</td></tr>`),
  );
  if (est.length) parts.push('<h3>Estimates</h3>', table(['claim', 'estimate', 'value'], est));
  for (const { record: r } of sweeps) {
    const data = r.sweep!.table ?? [];
    if (!data.length) continue;
    const cols = [...new Set(data.flatMap((row) => Object.keys(row)))];
    parts.push(
      `<details class="sweep-data"><summary>data of ${idCode(r.id)} (${data.length} points, ${r.sweep!.repeats} repetitions)</summary>${table(
        cols.map(esc),
        data.map((row) => `<tr>${cols.map((k) => `<td class="num">${typeof row[k] === 'number' ? prec(row[k] as number, 4) : esc(String(row[k] ?? ''))}</td>`).join('')}</tr>`),
      )}</details>`,
    );
  }
  return section('sweeps', 'Scaling laws and experiments (sweeps)', parts.join('\n'));
}

function slackSection(run: CheckRun): string {
  const withSlack = run.claims.filter((c) => c.slack?.length);
  if (!withSlack.length) return '';
  const rows = withSlack.flatMap(({ record: r, slack }) =>
    slack!.map(
      (s) =>
        `<tr><td>${idCode(r.id)}</td><td class="math">${esc(s.constant)}</td><td class="math">${esc(s.formula)}</td><td class="num">${prec(s.printed, 4)}</td><td class="num">${fmt(s.best, 3)}</td><td class="num">${fmt(s.ratio, 2)}</td><td class="num">${s.evaluations}</td><td><a href="${esc(s.instanceFile)}">${esc(s.instanceFile)}</a></td></tr>`,
    ),
  );
  return section(
    'slack',
    'Slack table',
    `<p class="note">For each printed constant: the largest witness (the smallest constant an instance needs) found by random sampling, local search and shrinking (<code>tighten</code>), the printed value at that instance, and their ratio. The largest witness found is a lower bound on the true supremum, never a proof of slack; a negative witness means the instance needs no constant at all.</p>\n${table(
      ['claim', 'constant', 'printed formula', 'printed at worst', 'largest witness', 'ratio', 'evaluations', 'worst instance'],
      rows,
    )}`,
  );
}

/** Per claim: each hypothesis (checked / violated) and the coverage of the coordinates it bounds. */
function hypothesesSection(run: CheckRun): string {
  const rows = run.claims.flatMap(({ record: r }) => {
    const hyps = (r.hypotheses ?? [])
      .map((h) => `<span title="${esc(h.text)}${h.tolerance ? ` — checked with ${esc(h.tolerance)}` : ''}">${esc(h.name)}${h.standing ? ` <small>(${esc(h.standing)})</small>` : ''} ${h.checked}/${h.violations}</span>`)
      .join('<br>');
    const cov = Object.entries(r.coverage ?? {});
    if (cov.length === 0) return [`<tr><td>${idCode(r.id)}</td><td>${hyps || '—'}</td><td colspan="8">—</td></tr>`];
    return cov.map(
      ([k, c], i) =>
        `<tr>${i === 0 ? `<td rowspan="${cov.length}">${idCode(r.id)}</td><td rowspan="${cov.length}">${hyps || '—'}</td>` : ''}<td class="math">${esc(k)}</td><td class="num">[${prec(c.domain[0])}, ${prec(c.domain[1])}]</td><td class="num">${prec(c.min)}</td><td class="num">${prec(c.max)}</td><td class="num">${prec(c.atLowerBound, 2)}</td><td class="num">${prec(c.atUpperBound, 2)}</td><td class="num">${c.distinct}</td><td class="num">${prec(c.modeShare, 2)}${c.concentrated ? ` <small>(${esc(c.concentrated)})</small>` : ''}</td></tr>`,
    );
  });
  return section(
    'hypotheses',
    'Hypotheses and coverage',
    `<p class="note">Every hypothesis is a predicate evaluated on every instance checked (generated and shrunk); the numbers are instances checked / instances violating it (hover for the paper's wording). An instance from the builder that violates one is an <em>error</em> verdict. Coverage is over the generated instances: the share at each end of the stated domain, the number of distinct values and the share of the most common one.</p>\n${table(
      ['claim', 'hypotheses (checked/violated)', 'coordinate', 'domain', 'min', 'max', 'at low end', 'at high end', 'distinct', 'mode share'],
      rows,
    )}`,
  );
}

function powerSection(run: CheckRun): string {
  const withPower = run.claims.filter((c) => c.record.power);
  if (!withPower.length) return '';
  const rows = withPower.map(({ record: r }) => {
    const p = r.power!;
    const weak = unexercised(p);
    const built = p.entries.filter((e) => e.byConstruction);
    const list = (es: typeof p.entries) => (es.length ? es.map((e) => `<span class="math">${esc(e.target)}</span> (${esc(powerValue(e))})`).join('; ') : '—');
    return `<tr><td>${idCode(r.id)}</td><td class="num${weak.length ? ' weak' : ''}">${esc(powerValue(p))}</td><td class="math">${esc(p.weakest)}</td><td>${list(weak)}</td><td>${list(built)}</td></tr>`;
  });
  return section('power', 'Power', `<p class="note">${esc(POWER_LEGEND)}</p>\n${table(['claim', 'power', 'from', 'not exercised (f ≥ 10³)', 'by construction'], rows)}`);
}

function boundariesSection(run: CheckRun): string {
  const withB = run.claims.filter((c) => c.boundaries?.length);
  if (!withB.length) return '';
  const rows = withB.flatMap(({ record: r, boundaries }) =>
    boundaries!.map(
      (b) =>
        `<tr><td>${idCode(r.id)}</td><td><span class="math">${esc(b.parameter)}</span>: <span class="math">${esc(b.description)}</span></td><td class="num">[${b.allowed.map((v) => prec(v)).join(', ')}]</td><td class="num">[${b.range.map((v) => prec(v)).join(', ')}]</td><td class="num">${prec(b.lastHeld)}</td><td class="num">${b.firstFailure === null ? 'none' : prec(b.firstFailure)}</td><td>${b.replay ? code(b.replay, 'cmd') : '—'}</td></tr>`,
    ),
  );
  return section(
    'boundaries',
    'Hypothesis boundaries',
    `<p class="note">Each hypothesis parameter pushed past its stated limit (<code>explore</code>); "held" means no counterexample among the instances tried at that value.</p>\n${table(
      ['claim', 'parameter', 'allowed', 'scanned', 'held up to', 'first failure', 'replay of the first failure'],
      rows,
    )}`,
  );
}

function findingsSection(run: CheckRun): string {
  const found = findings(run.claims);
  if (!found.length) return '';
  return section('findings', 'Findings', `<ul class="findings">${found.map((f) => `<li>${inlineMarkdown(f)}</li>`).join('\n')}</ul>`);
}

function unexpectedSection(run: CheckRun): string {
  const items: string[] = [];
  for (const { record: r, sabotage: s } of run.claims) {
    if (r.verdict !== r.expected)
      items.push(`<li>${idCode(r.id)}: ${verdictBadge(r.verdict)}, expected ${esc(r.expected)}${r.error ? ` — ${esc(r.error)}` : ''}${r.replay ? ` — replay: ${code(r.replay, 'cmd')}` : ''}</li>`);
    if (s && s.verdict !== 'refuted')
      items.push(`<li>${idCode(r.id)}: its sabotaged variant (${esc(s.sabotage ?? '')}) was ${esc(s.verdict)}, not refuted: the check may be unable to fail.</li>`);
  }
  return items.length ? section('unexpected', 'Unexpected verdicts', `<ul class="bad-list">${items.join('\n')}</ul>`) : '';
}

/** Makes the ids of one inlined SVG unique in the page (several SVGs may use the same ids) and drops scripts. */
function inlineSvg(svg: string, prefix: string): string {
  let s = svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '');
  s = s
    .replace(/(\s)id="([^"]+)"/g, `$1id="${prefix}$2"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/((?:xlink:)?href)="#([^"]+)"/g, `$1="#${prefix}$2"`);
  // Scale to the page: give the root a viewBox from its width and height when it has none.
  s = s.replace(/<svg\b([^>]*)>/, (whole, attrs: string) => {
    if (/\bviewBox=/.test(attrs)) return whole;
    const w = /\bwidth="([\d.]+)(?:px)?"/.exec(attrs)?.[1];
    const h = /\bheight="([\d.]+)(?:px)?"/.exec(attrs)?.[1];
    return w && h ? `<svg${attrs} viewBox="0 0 ${w} ${h}">` : whole;
  });
  return s.trim();
}

function figuresSection(figures: ReadonlyArray<Figure>): string {
  if (!figures.length) return '';
  const items = figures.map(
    (f, i) =>
      `<figure class="figure" id="figure-${i + 1}" data-file="${esc(f.file)}">\n${inlineSvg(f.svg, `fig${i + 1}-`)}\n<figcaption><span class="label">Figure ${i + 1}.</span> ${f.caption ? `${esc(f.caption)} ` : ''}<span class="file">(${esc(f.file)})</span></figcaption>\n</figure>`,
  );
  return section('figures', 'Figures', items.join('\n'));
}

/** The SVG figures of a report directory: figures/*.svg (caption in the same-name .caption.txt), then explore/*.svg. */
export function collectFigures(dir: string): Figure[] {
  const out: Figure[] = [];
  for (const sub of ['figures', 'explore']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d).filter((n) => n.endsWith('.svg')).sort()) {
      const captionFile = join(d, name.replace(/\.svg$/, '.caption.txt'));
      out.push({
        file: `${sub}/${name}`,
        svg: readFileSync(join(d, name), 'utf8'),
        caption: existsSync(captionFile)
          ? readFileSync(captionFile, 'utf8').trim()
          : sub === 'explore'
            ? 'Pass/fail phase diagram written by explore: each cell is a grid point of the two parameters; the dashed box is the region the hypotheses allow.'
            : null,
      });
    }
  }
  return out;
}

const CSS = `
:root { --fg: #1a1a1a; --muted: #5f6368; --line: #d9dce1; --head: #f3f4f6; --ok: #1b7f3b; --bad: #b3261e; --warn: #b26a00; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.2rem 2rem 4rem; max-width: 110rem; color: var(--fg); font: 15px/1.5 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
nav { font-size: 0.9rem; margin: 0.4rem 0 0.8rem; }
nav a { margin-right: 0.9rem; }
a { color: #1a57b5; }
code, pre, .cmd { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
code.id { font-weight: 600; }
code.cmd { display: inline-block; user-select: all; word-break: break-all; background: #f6f8fa; border: 1px solid var(--line); border-radius: 3px; padding: 0 0.25em; font-size: 0.78em; }
code.rerun { color: var(--muted); }
.math { font-family: "DejaVu Serif", "STIX Two Text", "Cambria Math", "Cambria", "Times New Roman", serif; }
.note { color: var(--muted); font-size: 0.88rem; max-width: 75rem; }
.status { font-weight: 600; padding: 0.5rem 0.8rem; border-radius: 4px; display: inline-block; }
.status.ok { background: #e6f4ea; color: var(--ok); }
.status.bad { background: #fce8e6; color: var(--bad); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.86rem; margin: 0.4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.weak { color: #a33; font-weight: 600; }
table.counts td.num { min-width: 4.5rem; }
#verdict-table { width: 100%; }
#verdict-table td.claim { min-width: 19rem; max-width: 38rem; }
#verdict-table td.where { max-width: 14rem; }
#verdict-table td:last-child { min-width: 11rem; max-width: 24rem; }
.statement { color: #333; font-size: 0.95em; margin-top: 0.15rem; }
tr.unexpected { background: #fff4f2; }
details summary { cursor: pointer; color: var(--muted); font-size: 0.85em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0; font-size: 0.9em; }
dt { color: var(--muted); }
dd { margin: 0; }
.badge { display: inline-block; padding: 0 0.45em; border-radius: 3px; font-size: 0.85em; font-weight: 600; color: white; }
.v-holds { background: var(--ok); }
.v-refuted { background: var(--bad); }
.v-vacuous { background: #757575; }
.v-inconclusive { background: #f9a825; }
.v-error { background: var(--warn); }
.yes { color: var(--ok); font-weight: 600; }
.no, .error { color: var(--bad); font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1.2rem; align-items: center; background: var(--head); padding: 0.5rem 0.8rem; border-radius: 4px; position: sticky; top: 0; z-index: 2; }
.filters select, .filters input[type=search] { font: inherit; font-size: 0.9rem; }
.filters input[type=search] { width: 16rem; }
#f-count { color: var(--muted); font-size: 0.9rem; }
article.erratum { border-left: 4px solid var(--bad); padding: 0.1rem 0 0.4rem 1rem; margin: 1rem 0 1.6rem; }
.label { font-weight: 600; }
pre.json { background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; padding: 0.5rem 0.7rem; max-height: 22rem; overflow: auto; font-size: 0.8rem; }
.corrected { border-left: 4px solid var(--ok); padding-left: 0.6rem; }
ul.findings li { margin-bottom: 0.5rem; max-width: 80rem; }
ul.bad-list li { color: var(--bad); }
figure.figure { margin: 1rem 0 2rem; }
figure.figure svg { max-width: 100%; height: auto; display: block; border: 1px solid var(--line); }
figcaption { font-size: 0.9rem; margin-top: 0.3rem; max-width: 70rem; }
figcaption .file { color: var(--muted); font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
td.detail { color: var(--muted); font-size: 0.9em; max-width: 24rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
`;

/** The filters of the verdict table (paper, kind, verdict, text, unexpected only). */
const SCRIPT = `
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('#verdict-table tbody tr.claim-row'));
  var el = function (id) { return document.getElementById(id); };
  var paper = el('f-paper'), kind = el('f-kind'), verdict = el('f-verdict'), text = el('f-text'), unexpected = el('f-unexpected');
  function apply() {
    var q = text.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var ok = (!paper.value || r.getAttribute('data-paper') === paper.value) &&
        (!kind.value || r.getAttribute('data-kind') === kind.value) &&
        (!verdict.value || r.getAttribute('data-verdict') === verdict.value) &&
        (!unexpected.checked || r.getAttribute('data-as-expected') === 'no') &&
        (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    });
    el('f-count').textContent = shown + ' of ' + rows.length + ' claims shown';
  }
  [paper, kind, verdict, unexpected].forEach(function (c) { c.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  el('f-reset').addEventListener('click', function () {
    paper.value = kind.value = verdict.value = text.value = ''; unexpected.checked = false; apply();
  });
  apply();
})();
`;

/** Writes DIR/index.html for a run, inlining the figures now under DIR. */
export function writeHtmlReport(dir: string, run: CheckRun): void {
  writeFileSync(join(dir, 'index.html'), htmlReport(run, collectFigures(dir)));
}

/** The report page for a run, with the given figures inlined. */
export function htmlReport(run: CheckRun, figures: ReadonlyArray<Figure> = []): string {
  const sections = [
    summarySection(run),
    unexpectedSection(run),
    verdictSection(run),
    errataSection(run),
    monteCarloSection(run),
    sweepSection(run),
    powerSection(run),
    slackSection(run),
    boundariesSection(run),
    hypothesesSection(run),
    findingsSection(run),
    figuresSection(figures),
  ].filter((s) => s !== '');
  const nav = [...sections.join('\n').matchAll(/<section id="([^"]+)">\n<h2>([^<]*)<\/h2>/g)].map(([, id, title]) => `<a href="#${id}">${title}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>lemmacheck report — seed ${run.seed}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>lemmacheck report</h1>
<p class="note">Numerical checks of the claims of Ye &amp; Du (NeurIPS 2021, “YD21”) and Jiang, Chen &amp; Ding (“JCD”) on gradient descent for asymmetric low-rank matrix factorization, min ½‖UVᵀ − Σ‖²<sub>F</sub>. ${run.claims.length} claims. The same data as results.json (machine-readable) and summary.md.</p>
<nav>${nav}</nav>
</header>
<main>
${sections.join('\n\n')}
</main>
<footer>Written by <code>lemmacheck</code> (src/report/html.ts). Self-contained: no network, no server.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
