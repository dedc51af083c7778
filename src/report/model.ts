/**
 * The report model: a check run as a list of sections (title, explanatory notes, tables of cells,
 * lists, errata), all as data (text.ts), which markdown.ts renders to summary.md and html.ts to
 * index.html. Both reports therefore show the same sections with the same text and numbers; what
 * only a page can do (filters, folded details, hover hints, figures, styling) is the HTML
 * renderer's. Every explanatory sentence that quotes a number builds it from the constant it
 * quotes (MONTE_CARLO_ALPHA, SWEEP_CONFIDENCE, NEAR_BOUNDARY, UNEXERCISED).
 *
 * Imports run.ts, findings.ts, power-text.ts and text.ts; no renderer.
 */
import { MONTE_CARLO_ALPHA } from '../claims/montecarlo.ts';
import { type FailingRegion, SABOTAGED, type VerdictRecord } from '../claims/record.ts';
import { SWEEP_CONFIDENCE } from '../claims/sweep.ts';
import { UNIT_ROUNDOFF } from '../claims/tolerance.ts';
import { NEAR_BOUNDARY } from '../claims/high-precision.ts';
import { findingTexts } from './findings.ts';
import { formula, formulaPair } from './latex.ts';
import { POWER_LEGEND, powerValue, UNEXERCISED_TEXT, unexercised } from './power-text.ts';
import { allAsExpected, type CheckedClaim, type CheckRun, claimAsExpected, ERRATUM_GRADES, errataByGrade, fileNameFor, fmt, rigorCounts } from './run.ts';
import { bad, cmd, code, em, good, hint, id, type Inline, joinText, link, math, percent, powerOfTen, strong, type Text, verdict } from './text.ts';

interface Column {
  readonly label: string;
  /** A numeric column (right-aligned). */
  readonly num?: boolean;
  /** A name for the column's cells (the HTML renderer's class). */
  readonly key?: string;
}

export interface Cell {
  readonly text: Text;
  /** A longer explanation of the cell (the HTML renderer's hover title). */
  readonly title?: string;
  /** A value worth attention (a power that does not exercise its bound). */
  readonly weak?: boolean;
}

/** What the verdict table holds beyond its cells: the statement and the record's details (folded in HTML). */
export interface ClaimDetail {
  readonly statement: Text;
  readonly items: ReadonlyArray<readonly [Text, Text]>;
}

export interface Row {
  readonly cells: ReadonlyArray<Cell>;
  /** The record's fields a reader of the page filters or reads back by (HTML data-* attributes). */
  readonly data?: Readonly<Record<string, string>>;
  readonly unexpected?: boolean;
  readonly detail?: ClaimDetail;
}

export interface Table {
  readonly kind: 'table';
  readonly columns: ReadonlyArray<Column>;
  readonly rows: ReadonlyArray<Row>;
  /** The first cell of each row labels the row. */
  readonly rowHeaders?: boolean;
  /** The claim table, one row per claim (the HTML renderer adds its filters). */
  readonly role?: 'verdicts' | 'counts';
}

export type Block =
  /** A paragraph; a label (with its punctuation) is set apart from the text that follows it. */
  | { readonly kind: 'p'; readonly text: Text; readonly label?: string; readonly status?: 'ok' | 'bad'; readonly role?: 'corrected' }
  | { readonly kind: 'note'; readonly text: Text }
  | { readonly kind: 'heading'; readonly text: Text }
  | { readonly kind: 'list'; readonly items: ReadonlyArray<Text> }
  | { readonly kind: 'json'; readonly value: unknown }
  | Table
  /** A block about one item (an erratum), with an anchor other sections link to. */
  | { readonly kind: 'article'; readonly anchor: string; readonly heading: Text; readonly blocks: ReadonlyArray<Block> }
  /** Formulas side by side (an erratum's printed and corrected forms), each under its label. */
  | { readonly kind: 'compare'; readonly items: ReadonlyArray<{ readonly label: Text; readonly formula: Inline }> }
  /** Supplementary data (a sweep's points): folded in HTML, left out of Markdown. */
  | { readonly kind: 'folded'; readonly summary: Text; readonly blocks: ReadonlyArray<Block> };

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: ReadonlyArray<Block>;
}

export interface Report {
  readonly seed: number;
  readonly claims: number;
  /** The papers of the claims in the run (their ids, sorted). */
  readonly papers: ReadonlyArray<string>;
  readonly sections: ReadonlyArray<Section>;
}

const c = (...text: Inline[]): Cell => ({ text });
const n = (s: string | number): Cell => ({ text: [String(s)] });
const col = (label: string, num = false, key?: string): Column => ({ label, num, ...(key ? { key } : {}) });
const table = (columns: Column[], rows: Row[], extra: Partial<Pick<Table, 'rowHeaders' | 'role'>> = {}): Table => ({ kind: 'table', columns, rows, ...extra });
const rowOf = (cells: Cell[], data?: Record<string, string>): Row => ({ cells, ...(data ? { data } : {}) });
const note = (...text: Inline[]): Block => ({ kind: 'note', text });

/** The confidence of a Monte Carlo claim's intervals, as the reports quote it: 1 − 10⁻³. */
export const MONTE_CARLO_CONFIDENCE_TEXT = `1 − ${powerOfTen(MONTE_CARLO_ALPHA)}`;
/** The confidence of a sweep's intervals: 99.9%. */
export const SWEEP_CONFIDENCE_TEXT = percent(SWEEP_CONFIDENCE);
/** Where a floating-point margin is re-evaluated in high precision: 512u. */
export const NEAR_BOUNDARY_TEXT = `${NEAR_BOUNDARY / UNIT_ROUNDOFF}u`;

/** The command that reruns a claim: its replay (with the failing path) when it has one. */
function rerunCommand(r: VerdictRecord): string {
  const rid = r.id.endsWith(SABOTAGED) ? `${r.id.slice(0, -SABOTAGED.length)} --sabotaged` : r.id;
  return r.replay ?? `npx tsx src/cli.ts check ${rid} --seed ${r.globalSeed}`;
}

function prec(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : String(Number(x.toPrecision(digits)));
}

function summarySection(run: CheckRun): Section {
  const claims = run.claims;
  const papers = [...new Set(claims.map((x) => x.record.paper))].sort();
  const count = (cs: ReadonlyArray<CheckedClaim>, p: (x: CheckedClaim) => boolean) => cs.filter(p).length;
  const row = (label: string, cs: ReadonlyArray<CheckedClaim>): Row =>
    rowOf([
      n(label),
      ...[
        cs.length,
        count(cs, (x) => x.record.verdict === 'holds'),
        count(cs, (x) => x.record.verdict === 'refuted'),
        count(cs, (x) => x.record.verdict === 'vacuous'),
        count(cs, (x) => x.record.verdict === 'error'),
        count(cs, (x) => x.record.erratum !== undefined),
        count(cs, claimAsExpected),
        `${count(cs, (x) => x.sabotage?.verdict === 'refuted')} / ${count(cs, (x) => x.sabotage !== null)}`,
      ].map(n),
    ]);
  const ok = allAsExpected(run);
  return {
    id: 'summary',
    title: 'Summary',
    blocks: [
      ok
        ? { kind: 'p', status: 'ok', text: ['Every verdict is as expected, and every sabotaged variant was refuted.'] }
        : {
            kind: 'p',
            status: 'bad',
            text: [strong('Some verdicts differ from the expected ones'), ' — see ', link('#unexpected', 'Unexpected verdicts'), '.'],
          },
      {
        kind: 'p',
        text: [
          `Global seed `,
          code(String(run.seed)),
          `; ${claims.length} claims; each claim's own seed is derived from the global seed and the claim's id. Rerun everything with `,
          cmd(`npx tsx src/cli.ts check --seed ${run.seed}`),
          '.',
        ],
      },
      note(
        'A verdict is ',
        em('holds'),
        " when no instance violated the claim beyond the kind's tolerance (a few units of roundoff × dimension, src/claims/tolerance.ts), ",
        em('refuted'),
        ' with a shrunk counterexample otherwise, ',
        em('vacuous'),
        ' when no instance met the hypotheses, ',
        em('error'),
        ' when the check itself failed, ',
        em('inconclusive'),
        ' when the evidence decided neither way (never as expected). A printed formula that is false is expected ',
        em('refuted'),
        ' and has a corrected sibling (',
        code('…/corrected'),
        '). Each claim also runs a sabotaged variant (a constant made too small, a term dropped, a sign flipped), which must be refuted: it shows the check can fail.',
      ),
      table(
        [col(''), ...['claims', 'holds', 'refuted', 'vacuous', 'error', 'errata', 'as expected', 'sabotage refuted'].map((l) => col(l, true))],
        [
          ...papers.map((p) =>
            row(
              p,
              claims.filter((x) => x.record.paper === p),
            ),
          ),
          ...(papers.length > 1 ? [row('all', claims)] : []),
        ],
        { rowHeaders: true, role: 'counts' },
      ),
    ],
  };
}

function detailOf(r: VerdictRecord, s: VerdictRecord | null): ClaimDetail {
  const items: Array<readonly [Text, Text]> = [];
  if (r.worstLabel) items.push([['worst comparison'], [math(r.worstLabel)]]);
  if (r.vacuousRuns) items.push([['vacuous instances'], [`${r.vacuousRuns} of ${r.runs}`]]);
  if (r.error) items.push([['error'], [bad(r.error)]]);
  if (r.erratum) items.push([['erratum'], [`${r.erratum} `, link(`#erratum-${r.id}`, 'details')]]);
  if (r.corrects) items.push([['corrects'], [id(r.corrects)]]);
  if (s) items.push([['sabotage'], [`${s.sabotage ?? ''}: `, verdict(s.verdict), ...(s.replay ? [' ', cmd(s.replay)] : [])]]);
  for (const [k, w] of Object.entries(r.witnesses ?? {}))
    items.push([[`constant ${k}`], [`printed ${prec(w.printed)}, largest witness found ${prec(w.best)} (ratio ${prec(w.ratio)})`]]);
  for (const e of r.power?.entries ?? [])
    items.push([
      ['power: ', math(e.target)],
      [
        `${powerValue(e)} over ${e.instances} instance${e.instances === 1 ? '' : 's'}`,
        ...(e.at ? [' (at ', math(e.at), ')'] : []),
        ...(e.byConstruction ? [` — holds by construction: ${e.byConstruction}`] : []),
      ],
    ]);
  for (const [k, v] of Object.entries(r.choices ?? {})) items.push([[`choice: ${k}`], [v]]);
  return { statement: [formula(r.statement)], items };
}

function verdictSection(run: CheckRun): Section {
  const rows = run.claims.map((x): Row => {
    const { record: r, sabotage: s } = x;
    return {
      cells: [
        c(id(r.id)),
        n(r.paper),
        n(r.where),
        n(r.kind),
        n(r.expected),
        c(verdict(r.verdict), ...(r.rigor ? [` (${r.rigor})`] : []), ...(r.verdict === r.expected ? [] : [' ', bad('⚠ unexpected')])),
        n(r.runs),
        { text: [fmt(r.worstMargin)], ...(r.worstLabel ? { title: r.worstLabel } : {}) },
        { text: [powerValue(r.power)], ...(r.power?.weakest ? { title: r.power.weakest } : {}), ...(unexercised(r.power).length ? { weak: true } : {}) },
        c(code(String(r.seed))),
        s ? c(s.verdict === 'refuted' ? good('yes') : bad(`no (${s.verdict})`)) : n('—'),
        n(`${r.timeMs + (s?.timeMs ?? 0)} ms`),
        c(cmd(rerunCommand(r))),
      ],
      data: {
        id: r.id,
        paper: r.paper,
        kind: r.kind,
        verdict: r.verdict,
        expected: r.expected,
        sabotage: s ? s.verdict : '',
        'as-expected': claimAsExpected(x) ? 'yes' : 'no',
      },
      unexpected: !claimAsExpected(x),
      detail: detailOf(r, s),
    };
  });
  return {
    id: 'verdicts',
    title: 'Verdicts',
    blocks: [
      note(
        'Worst margin: the smallest (rhs − lhs)/scale over every instance evaluated (negative = violated before tolerance). Power: how far the statement could be strengthened and still hold on every instance checked (see ',
        link('#power', 'Power'),
        '). Runs: instances evaluated, shrinking included (Monte Carlo: trials; sweeps: repetitions). Time: the claim and its sabotaged variant. The last column replays a refutation exactly (its fast-check path) or reruns the claim with its seed.',
      ),
      table(
        [
          col('claim', false, 'claim'),
          col('paper'),
          col('where', false, 'where'),
          col('kind'),
          col('expected'),
          col('verdict', false, 'verdict'),
          col('runs', true),
          col('worst margin', true),
          col('power', true),
          col('seed', true),
          col('sabotage refuted'),
          col('time', true),
          col('replay / rerun', false, 'replay'),
        ],
        rows,
        { role: 'verdicts' },
      ),
    ],
  };
}

/** An erratum's measured failing region: a sentence (the share failing) and one item per coordinate
 *  (the range of the failing instances and the failing share per fifth of the domain), the stated
 *  region against the sample, and the largest violation. */
function failingRegionText(f: FailingRegion): { head: Text; items: Text[] } {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(b >= 1000 ? 1 : 0)}%`);
  const head = [
    `Failing region (${f.instances} instances of the claim's builder, seed ${f.seed}${f.errors ? `, ${f.errors} not evaluable` : ''}): the printed form fails on ${f.failing} (${pct(f.failing, f.instances)}).`,
  ];
  const items: Text[] = [];
  for (const [k, x] of Object.entries(f.coordinates))
    items.push([
      `${k} ∈ [${fmt(x.domain[0], 3)}, ${fmt(x.domain[1], 3)}]: failing at ${x.failing ? `[${fmt(x.failing[0], 3)}, ${fmt(x.failing[1], 3)}]` : 'none'} (drawn over [${fmt(x.all[0], 3)}, ${fmt(x.all[1], 3)}]); failing share per fifth of the domain: ${x.bins.map(([m, k2]) => pct(k2, m)).join(' · ')}`,
    ]);
  if (f.stated) {
    const { text, inside, failingInside, failingOutside } = f.stated;
    items.push(
      failingOutside === 0
        ? [
            `stated region (the erratum's): ${text}: every failing instance lies inside it; ${failingInside} of the ${inside} instances inside fail (${pct(failingInside, inside)})`,
          ]
        : [
            `stated region (the erratum's): ${text}: `,
            bad('WRONG'),
            `: ${failingOutside} failing instance${failingOutside === 1 ? '' : 's'} lie outside it (${failingInside} of the ${inside} inside fail)`,
          ],
    );
  }
  if (f.worst)
    items.push([
      `largest violation: margin ${fmt(f.worst.margin)} in '${f.worst.label}' at ${Object.entries(f.worst.at)
        .map(([k, v]) => `${k} = ${fmt(v, 3)}`)
        .join(', ')}`,
    ]);
  return { head, items };
}

/** An erratum's printed form, beside its corrected sibling's (changed terms marked) when the run has it. */
function printedForm(r: VerdictRecord, sib: VerdictRecord | undefined): Block {
  if (!sib) return { kind: 'p', label: 'Printed:', text: [formula(r.statement)] };
  const [printed, corrected] = formulaPair(r.statement, sib.statement);
  return {
    kind: 'compare',
    items: [
      { label: ['Printed'], formula: printed },
      { label: ['Corrected (', id(sib.id), ')'], formula: corrected },
    ],
  };
}

function errataSection(run: CheckRun): Section | null {
  const errata = errataByGrade(run.claims);
  if (!errata.length) return null;
  const blocks: Block[] = [
    note(
      'Grouped by what they break: ',
      ...joinText(
        ERRATUM_GRADES.map((g) => [strong(g.grade), ` (${g.meaning})`]),
        '; ',
      ),
      '.',
    ),
  ];
  let shown: string | undefined;
  for (const { record: r } of errata) {
    const grade = r.grade ?? 'ungraded';
    if (grade !== shown) {
      const meaning = ERRATUM_GRADES.find((g) => g.grade === grade)?.meaning;
      blocks.push({ kind: 'heading', text: [grade, ...(meaning ? [` — ${meaning}`] : [])] });
    }
    shown = grade;
    const sib = run.claims.find((x) => x.record.id === r.corrected)?.record;
    const parts: Block[] = [printedForm(r, sib), { kind: 'p', label: 'Erratum:', text: [r.erratum!] }];
    if (r.symbolicResidual)
      parts.push({ kind: 'p', label: 'Printed − true (symbolic, exact):', text: [math(r.symbolicResidual), ` — in ${r.symbolicLetters ?? 'the letters'}`] });
    if (r.grade)
      parts.push(
        { kind: 'p', label: 'Grade:', text: [strong(r.grade), ` — ${r.gradeReason ?? ''}`] },
        { kind: 'p', label: 'Depends on it:', text: [`${r.dependents?.length ? r.dependents.join(', ') : 'nothing downstream'}.`] },
      );
    if (r.failingRegion) {
      const { head, items } = failingRegionText(r.failingRegion);
      parts.push({ kind: 'p', label: 'Measured:', text: head }, { kind: 'list', items });
    }
    if (r.counterexample) {
      const failing = r.counterexample.failing;
      if (failing.length)
        parts.push(
          table(
            [col('comparison'), col('lhs', true), col('rhs', true), col('margin', true), col('tolerances past the boundary', true)],
            failing.map((f) => rowOf([c(math(f.label)), n(`${f.lhs}`), n(`${f.rhs}`), n(fmt(f.margin)), n(fmt(f.toleranceMultiples, 1))])),
          ),
        );
      const file = `counterexamples/${fileNameFor(r.id)}`;
      parts.push(
        { kind: 'p', label: 'Shrunk counterexample', text: ['(saved in ', link(file, file), '):'] },
        { kind: 'json', value: r.counterexample.instance },
      );
    }
    const failingRelations = r.sweep?.relations.filter((rel) => !rel.holds) ?? [];
    if (failingRelations.length)
      parts.push(
        { kind: 'p', label: 'Relations that fail:', text: [] },
        {
          kind: 'list',
          items: failingRelations.map((rel) => [
            math(rel.name),
            `: stated ${rel.stated}, observed ${fmt(rel.observed, 4)}${rel.interval ? ` in [${fmt(rel.interval[0], 3)}, ${fmt(rel.interval[1], 3)}]` : ''}`,
          ]),
        },
      );
    if (r.replay) parts.push({ kind: 'p', label: 'Replay:', text: [cmd(r.replay)] });
    if (sib)
      parts.push({
        kind: 'p',
        role: 'corrected',
        label: 'Corrected',
        text: ['(', id(sib.id), '): ', strong(verdict(sib.verdict)), ` on ${sib.runs} instances, worst margin ${fmt(sib.worstMargin)}.`],
      });
    else if (r.corrected) parts.push({ kind: 'p', role: 'corrected', label: 'Corrected:', text: [id(r.corrected), ' (not in this run).'] });
    blocks.push({ kind: 'article', anchor: `erratum-${r.id}`, heading: [id(r.id), ` — ${r.where} (`, verdict(r.verdict), ')'], blocks: parts });
  }
  return { id: 'errata', title: 'Errata', blocks };
}

function monteCarloSection(run: CheckRun): Section | null {
  const mc = run.claims.filter((x) => x.record.montecarlo);
  if (!mc.length) return null;
  const rows = mc.flatMap(({ record: r }) =>
    r.montecarlo!.settings.map((s) =>
      rowOf(
        [
          c(id(r.id)),
          c(math(s.setting)),
          n(`${s.successes}/${s.trials}`),
          n(`[${s.interval[0].toFixed(4)}, ${s.interval[1].toFixed(4)}]`),
          n(s.claimed.toFixed(4)),
          c(verdict(s.verdict)),
          n(
            Object.entries(s.constants ?? {})
              .map(
                ([k, x]) =>
                  `${k}: ${Number(x.printed.toPrecision(3))} → ${x.estimate.toPrecision(3)} (${Number.isFinite(x.upperBound) ? x.upperBound.toPrecision(3) : '—'}) at ${x.target.toPrecision(3)}`,
              )
              .join('; ') || '—',
          ),
        ],
        { id: r.id },
      ),
    ),
  );
  return {
    id: 'montecarlo',
    title: 'Probabilistic claims (Monte Carlo)',
    blocks: [
      note(
        `Per setting: the event's frequency, its exact Clopper–Pearson interval (overall confidence ${MONTE_CARLO_CONFIDENCE_TEXT}, split over the settings), the claimed probability, and for each constant the printed value → the smallest constant meeting the target probability (the empirical quantile of its witness), with a distribution-free upper confidence bound (— when the sample is too small to bound it).`,
      ),
      table(
        [
          col('claim'),
          col('setting'),
          col('successes', true),
          col('interval', true),
          col('claimed', true),
          col('verdict'),
          col('constant: printed → smallest meeting the target (upper bound) at target'),
        ],
        rows,
      ),
    ],
  };
}

function sweepSection(run: CheckRun): Section | null {
  const sweeps = run.claims.filter((x) => x.record.sweep);
  if (!sweeps.length) return null;
  const blocks: Block[] = [
    note(
      `Each sweep is run once from the claim's seed; each stated relation is evaluated on its data. A fitted slope holds unless its whole confidence interval (${SWEEP_CONFIDENCE_TEXT}, Student t) lies outside the stated range.`,
    ),
    table(
      [col('claim'), col('relation'), col('stated'), col('observed', true), col('interval', true), col('holds'), col('detail', false, 'detail')],
      sweeps.flatMap(({ record: r }) =>
        r.sweep!.relations.map((x) =>
          rowOf(
            [
              c(id(r.id)),
              c(math(x.name)),
              c(math(x.stated)),
              n(fmt(x.observed, 4)),
              n(x.interval ? `[${fmt(x.interval[0], 3)}, ${fmt(x.interval[1], 3)}]` : '—'),
              c(x.holds ? good('yes') : bad('no')),
              n(x.detail ?? ''),
            ],
            { id: r.id },
          ),
        ),
      ),
    ),
  ];
  const est = sweeps.flatMap(({ record: r }) => Object.entries(r.sweep!.estimates ?? {}).map(([k, v]) => rowOf([c(id(r.id)), c(math(k)), n(fmt(v, 4))])));
  if (est.length) blocks.push({ kind: 'heading', text: ['Estimates'] }, table([col('claim'), col('estimate'), col('value', true)], est));
  for (const { record: r } of sweeps) {
    const data = r.sweep!.table ?? [];
    if (!data.length) continue;
    const cols = [...new Set(data.flatMap((row) => Object.keys(row)))];
    blocks.push({
      kind: 'folded',
      summary: ['data of ', id(r.id), ` (${data.length} points, ${r.sweep!.repeats} repetitions)`],
      blocks: [
        table(
          cols.map((k) => col(k, true)),
          data.map((row) => rowOf(cols.map((k) => n(typeof row[k] === 'number' ? prec(row[k] as number, 4) : String(row[k] ?? ''))))),
        ),
      ],
    });
  }
  return { id: 'sweeps', title: 'Scaling laws and experiments (sweeps)', blocks };
}

function powerSection(run: CheckRun): Section | null {
  const withPower = run.claims.filter((x) => x.record.power);
  if (!withPower.length) return null;
  const list = (es: ReadonlyArray<{ target: string } & Parameters<typeof powerValue>[0]>): Cell =>
    es.length
      ? c(
          ...joinText(
            es.map((e) => [math(e.target), ` (${powerValue(e)})`]),
            '; ',
          ),
        )
      : n('—');
  const rows = withPower.map(({ record: r }) => {
    const p = r.power!;
    const weak = unexercised(p);
    return rowOf([
      c(id(r.id)),
      { text: [powerValue(p)], ...(weak.length ? { weak: true } : {}) },
      c(math(p.weakest)),
      list(weak),
      list(p.entries.filter((e) => e.byConstruction)),
    ]);
  });
  return {
    id: 'power',
    title: 'Power',
    blocks: [
      note(POWER_LEGEND),
      table([col('claim'), col('power', true), col('from'), col(`not exercised (f ≥ ${UNEXERCISED_TEXT})`), col('by construction')], rows),
    ],
  };
}

function slackSection(run: CheckRun): Section | null {
  const withSlack = run.claims.filter((x) => x.slack?.length);
  if (!withSlack.length) return null;
  const rows = withSlack.flatMap(({ record: r, slack }) =>
    slack!.map((s) =>
      rowOf([
        c(id(r.id)),
        c(math(s.constant)),
        c(math(s.formula)),
        n(fmt(s.printed, 3)),
        n(fmt(s.best, 3)),
        n(fmt(s.ratio, 2)),
        n(s.evaluations),
        c(link(s.instanceFile, s.instanceFile)),
      ]),
    ),
  );
  return {
    id: 'slack',
    title: 'Slack table',
    blocks: [
      note(
        'For each printed constant: the largest witness (the smallest constant an instance needs) found by random sampling, local search and shrinking (',
        code('tighten'),
        '), the printed value at that instance, and their ratio. The largest witness found is a lower bound on the true supremum, never a proof of slack; a negative witness means the instance needs no constant at all.',
      ),
      table(
        [
          col('claim'),
          col('constant'),
          col('printed formula'),
          col('printed at worst', true),
          col('largest witness', true),
          col('ratio', true),
          col('evaluations', true),
          col('worst instance'),
        ],
        rows,
      ),
    ],
  };
}

function boundariesSection(run: CheckRun): Section | null {
  const withB = run.claims.filter((x) => x.boundaries?.length);
  if (!withB.length) return null;
  const rows = withB.flatMap(({ record: r, boundaries }) =>
    boundaries!.map((b) =>
      rowOf([
        c(id(r.id)),
        c(math(b.parameter), ': ', math(b.description)),
        n(`[${b.allowed.join(', ')}]`),
        n(`[${b.range.join(', ')}]`),
        n(b.lastHeld === null ? '—' : b.lastHeld.toPrecision(3)),
        n(b.firstFailure === null ? 'none' : b.firstFailure.toPrecision(3)),
        b.replay ? c(cmd(b.replay)) : n('—'),
      ]),
    ),
  );
  return {
    id: 'boundaries',
    title: 'Hypothesis boundaries',
    blocks: [
      note(
        'Each hypothesis parameter pushed past its stated limit (',
        code('explore'),
        '); "held" means no counterexample among the instances tried at that value.',
      ),
      table(
        [
          col('claim'),
          col('parameter'),
          col('allowed', true),
          col('scanned', true),
          col('held up to', true),
          col('first failure', true),
          col('replay of the first failure'),
        ],
        rows,
      ),
    ],
  };
}

function hypothesesSection(run: CheckRun): Section {
  const rows = run.claims.flatMap(({ record: r }) => {
    const hs = (r.hypotheses ?? []).map(
      (h): Text => [
        hint(
          `${h.text}${h.tolerance ? ` — checked with ${h.tolerance}` : ''}`,
          `${h.name}${h.standing ? ` (${h.standing})` : ''} ${h.checked}/${h.violations}`,
        ),
      ],
    );
    const hyps = hs.length ? c(...joinText(hs, '; ')) : n('—');
    const cov = Object.entries(r.coverage ?? {});
    if (cov.length === 0) return [rowOf([c(id(r.id)), hyps, n('—'), ...Array.from({ length: 7 }, () => n(''))])];
    return cov.map(([k, x], i) =>
      rowOf([
        i === 0 ? c(id(r.id)) : n(''),
        i === 0 ? hyps : n(''),
        c(math(k)),
        n(`[${x.domain.map((v) => fmt(v, 3)).join(', ')}]`),
        n(fmt(x.min, 3)),
        n(fmt(x.max, 3)),
        n(fmt(x.atLowerBound, 2)),
        n(fmt(x.atUpperBound, 2)),
        n(x.distinct),
        n(`${fmt(x.modeShare, 2)}${x.concentrated ? ` (${x.concentrated})` : ''}`),
      ]),
    );
  });
  return {
    id: 'hypotheses',
    title: 'Hypotheses and coverage',
    blocks: [
      note(
        'Every hypothesis is a predicate evaluated on every instance checked (generated and shrunk); the numbers are instances checked / instances violating it. An instance from the builder that violates one is an ',
        code('error'),
        ' verdict. Coverage is over the generated instances: the share at each end of the stated domain, the number of distinct values and the share of the most common one.',
      ),
      table(
        [
          col('claim'),
          col('hypotheses (checked / violated)'),
          col('coordinate'),
          col('domain', true),
          col('min', true),
          col('max', true),
          col('at low end', true),
          col('at high end', true),
          col('distinct', true),
          col('mode share', true),
        ],
        rows,
      ),
    ],
  };
}

function rigorousSection(run: CheckRun): Section | null {
  const records = run.claims.map((x) => x.record).filter((r) => r.rigor);
  if (!records.length) return null;
  const blocks: Block[] = [{ kind: 'p', text: [`${rigorCounts(run)}.`] }];
  const overturned = records.filter((r) => r.floatVerdict !== undefined);
  if (overturned.length)
    blocks.push({
      kind: 'list',
      items: overturned.map((r) => [strong(id(r.id), `: the ${r.rigor} verdict (${r.verdict}) overturned the floating-point one (${r.floatVerdict}).`)]),
    });
  blocks.push(
    note(
      'Identities: proved — the residual (printed minus true form, from the definitions) normalises to 0 in the free algebra with involution and trace over the letters (src/exact/symbolic.ts): an identity for every dimension; the certificate is kept as well. Certified — each residual evaluated in exact rational arithmetic at k independent points, every variable uniform on a set of N values; all exactly zero certifies the identity with error probability ≤ (D/N)^k (Schwartz–Zippel), D the degree bound of the residual (mechanical, over the degree-bound field; by hand in the claim where given). A nonzero residual is an exact counterexample, shrunk and printed as rationals.',
    ),
  );
  const rows: Row[] = [];
  for (const { record: r, sabotage: s } of run.claims) {
    if (!r.rigor || r.highPrecision || (r.rigor === 'floating-point' && !r.exactSkipped && !r.exactError)) continue;
    const sab = s?.rigor === 'certified' ? ' (sabotage refuted exactly)' : '';
    if (r.certificate) {
      const x = r.certificate;
      rows.push(
        rowOf([
          c(id(r.id)),
          n(r.verdict),
          n(`${r.rigor}${r.symbolicModulo ? ` (symbolically modulo ${r.symbolicModulo.join(', ')})` : ''}`),
          n(`${x.degree}${x.degreeByHand !== undefined ? ` (${x.degreeByHand})` : ''}`),
          n(x.setSize),
          n(`${x.points}×${x.dims.length}`),
          n(`${fmt(x.errorProbability, 1)}${sab}`),
        ]),
      );
    } else if (r.exactCounterexample) {
      const x = r.exactCounterexample;
      const show = (v: unknown) => JSON.stringify(v).replace(/"/g, '');
      rows.push(
        rowOf([
          c(id(r.id)),
          n(r.verdict),
          n('certified'),
          n('—'),
          n('—'),
          n('—'),
          n(
            `dims ${show(x.dims)}; ${Object.entries(x.instance)
              .map(([k, v]) => `${k} = ${show(v)}`)
              .join(', ')}; nonzero: ${Object.entries(x.nonzero)
              .map(([k, v]) => `${k} = ${show(v)}`)
              .join('; ')}${r.symbolicResidual ? `; symbolically, printed − true = ${r.symbolicResidual}` : ''}${sab}`,
          ),
        ]),
      );
    } else
      rows.push(
        rowOf([
          c(id(r.id)),
          n(r.verdict),
          n('floating-point'),
          n('—'),
          n('—'),
          n('—'),
          n(r.exactSkipped ? `no exact form: ${r.exactSkipped}` : `exact evaluation failed: ${r.exactError}`),
        ]),
      );
  }
  blocks.push(
    table(
      [col('claim'), col('verdict'), col('rigor'), col('D (hand)', true), col('N', true), col('k', true), col('error probability / exact counterexample')],
      rows,
    ),
  );
  const hp = records.filter((r) => r.highPrecision);
  if (hp.length) {
    blocks.push(
      note(
        `Inequalities: instances whose floating-point margin is within ${NEAR_BOUNDARY_TEXT} of zero (or failing) re-evaluated in ${hp[0].highPrecision!.digits} digits; the high-precision margin decides.`,
      ),
      table(
        [
          col('claim'),
          col('verdict'),
          col('float verdict'),
          col('instances re-checked', true),
          col('lowest float margin', true),
          col('its high-precision margin', true),
          col('lowest high-precision margin', true),
        ],
        hp.map((r) => {
          const h = r.highPrecision!;
          const first = h.rechecked[0];
          const lowestHp = h.rechecked.length ? Math.min(...h.rechecked.map((x) => x.highPrecisionMargin)) : null;
          return rowOf([
            c(id(r.id)),
            n(r.verdict),
            n(h.floatVerdict),
            n(`${h.rechecked.length} of ${h.instancesScanned}`),
            n(fmt(first?.floatMargin)),
            n(fmt(first?.highPrecisionMargin)),
            n(fmt(lowestHp)),
          ]);
        }),
      ),
    );
  }
  return { id: 'rigorous', title: 'Rigorous verdicts (check --rigorous)', blocks };
}

function findingsSection(run: CheckRun): Section | null {
  const found = findingTexts(run.claims);
  return found.length ? { id: 'findings', title: 'Findings', blocks: [{ kind: 'list', items: found }] } : null;
}

function unexpectedSection(run: CheckRun): Section | null {
  const items: Text[] = [];
  for (const { record: r, sabotage: s } of run.claims) {
    if (r.verdict !== r.expected)
      items.push([
        id(r.id),
        ': ',
        verdict(r.verdict),
        `, expected ${r.expected}`,
        ...(r.error ? [` — ${r.error}`] : []),
        ...(r.replay ? [' — replay: ', cmd(r.replay)] : []),
      ]);
    if (s && s.verdict !== 'refuted')
      items.push([id(r.id), `: its sabotaged variant (${s.sabotage ?? ''}) was ${s.verdict}, not refuted: the check may be unable to fail.`]);
  }
  return items.length ? { id: 'unexpected', title: 'Unexpected verdicts', blocks: [{ kind: 'list', items }] } : null;
}

/** The report of a run: its sections in order, each present only when it has something to show. */
export function reportModel(run: CheckRun): Report {
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
    rigorousSection(run),
    findingsSection(run),
  ].filter((s): s is Section => s !== null);
  return { seed: run.seed, claims: run.claims.length, papers: [...new Set(run.claims.map((x) => x.record.paper))].sort(), sections };
}
