/**
 * One report model (src/report/model.ts) rendered twice: summary.md (markdown.ts) and index.html
 * (html.ts) show the same sections, with the same cell text, and the explanatory sentences quote the
 * constants they describe; the renderers import the model, never each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { MONTE_CARLO_ALPHA } from '../../src/claims/montecarlo.ts';
import { UNEXERCISED } from '../../src/claims/power.ts';
import type { VerdictRecord } from '../../src/claims/record.ts';
import { plantedRecord } from './planted.ts';
import { SWEEP_CONFIDENCE } from '../../src/claims/sweep.ts';
import { UNIT_ROUNDOFF } from '../../src/claims/tolerance.ts';
import { NEAR_BOUNDARY } from '../../src/claims/high-precision.ts';
import { escapeHtml, htmlReport } from '../../src/report/html.ts';
import { POWER_LEGEND, UNEXERCISED_TEXT } from '../../src/report/power-text.ts';
import { markdownReport } from '../../src/report/markdown.ts';
import { type Block, MONTE_CARLO_CONFIDENCE_TEXT, NEAR_BOUNDARY_TEXT, reportModel, SWEEP_CONFIDENCE_TEXT, type Table } from '../../src/report/model.ts';
import type { CheckRun } from '../../src/report/run.ts';
import { inlineMarkdown, percent, plain, powerOfTen } from '../../src/report/text.ts';
import { importGraph } from '../import-graph.ts';

const REPORT = fileURLToPath(new URL('../../src/report', import.meta.url));

/** The modules of src/report each module imports (./import-graph.ts), by file name. */
function reportImports(): Map<string, string[]> {
  const files = readdirSync(REPORT)
    .filter((n) => n.endsWith('.ts'))
    .map((n) => join(REPORT, n));
  const graph = importGraph(files, (f) => readFileSync(f, 'utf8'));
  return new Map([...graph].map(([f, ts]) => [basename(f), ts.map((t) => basename(t))]));
}

describe('src/report import graph (no cycle: properties/module-graph.test.ts)', () => {
  test('the renderers import the model and never each other', () => {
    const graph = reportImports();
    expect(graph.get('markdown.ts')).toContain('model.ts');
    expect(graph.get('html.ts')).toContain('model.ts');
    expect(graph.get('markdown.ts')).not.toContain('html.ts');
    expect(graph.get('html.ts')).not.toContain('markdown.ts');
    expect(graph.get('model.ts')!.filter((m) => ['markdown.ts', 'html.ts', 'results.ts'].includes(m))).toEqual([]);
  });
});

function record(extra: Partial<VerdictRecord> = {}): VerdictRecord {
  return plantedRecord({ statement: 'x ≤ C | y', timeMs: 7, ...extra });
}

/** A run with an erratum and its correction, a Monte Carlo claim, a sweep, a rigorous record and an audit. */
const RUN: CheckRun = {
  seed: 2021,
  claims: [
    {
      record: record({
        id: 'yd21.eq-9',
        paper: 'YD21',
        expected: 'refuted',
        verdict: 'refuted',
        worstMargin: -0.25,
        erratum: 'A factor 2 is missing.',
        grade: 'local',
        gradeReason: 'nothing uses it',
        corrected: 'yd21.eq-9/corrected',
        replay: 'npx tsx src/cli.ts check yd21.eq-9 --seed 2021 --path 3:1',
        counterexample: {
          path: '3:1',
          instance: {
            m: 2,
            A: [
              [1, 2],
              [3, 4],
            ],
          },
          failing: [{ label: 'lhs ≤ rhs', lhs: 1.5, rhs: 1.25, margin: -0.25, toleranceMultiples: 1e9 }],
        },
      } as unknown as Partial<VerdictRecord>),
      sabotage: null,
    },
    {
      record: record({ id: 'yd21.eq-9/corrected', paper: 'YD21', corrects: 'yd21.eq-9' }),
      sabotage: record({ id: 'yd21.eq-9/corrected~sabotaged', verdict: 'refuted', sabotage: 'drop 2' }),
    },
    {
      record: record({
        id: 'jcd.prob',
        kind: 'probabilistic',
        montecarlo: {
          alpha: MONTE_CARLO_ALPHA,
          settings: [
            {
              setting: 'm = 5',
              successes: 990,
              trials: 1000,
              interval: [0.98, 0.995],
              claimed: 0.9,
              verdict: 'holds',
              constants: { c: { printed: 4, estimate: 1.5, upperBound: 2, target: 0.9 } },
            },
          ],
        },
      } as unknown as Partial<VerdictRecord>),
      sabotage: null,
    },
    {
      record: record({
        id: 'yd21.scaling',
        paper: 'YD21',
        kind: 'scaling',
        sweep: {
          relations: [{ name: 'slope of log T vs log κ', stated: '< 3', observed: 2.1, interval: [1.9, 2.3], holds: true }],
          estimates: { slope: 2.1 },
          table: [{ kappa: 10, T: 100 }],
          repeats: 3,
        },
      } as unknown as Partial<VerdictRecord>),
      sabotage: null,
      slack: [{ constant: 'C', formula: '4', printed: 4, best: 1, ratio: 0.25, evaluations: 3000, seed: 2021, instanceFile: 'tighten/x.json' }],
    },
    {
      record: record({
        id: 'jcd.hp',
        rigor: 'high-precision',
        power: { measure: 'bound', value: 2e4, weakest: 'x ≤ C | y', entries: [{ target: 'x ≤ C | y', measure: 'bound', value: 2e4, instances: 100 }] },
        highPrecision: { digits: 60, floatVerdict: 'holds', instancesScanned: 100, rechecked: [{ floatMargin: 1e-15, highPrecisionMargin: 2e-15 }] },
      } as unknown as Partial<VerdictRecord>),
      sabotage: null,
    },
  ],
};

function tables(blocks: ReadonlyArray<Block>): Table[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'article' ? tables(b.blocks) : []));
}

describe('one model, two renderings', () => {
  const model = reportModel(RUN);
  const md = markdownReport(RUN);
  const html = htmlReport(RUN);

  test('every section of the model is a section of both reports, in the same order', () => {
    const titles = model.sections.map((s) => s.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Summary',
        'Verdicts',
        'Errata',
        'Probabilistic claims (Monte Carlo)',
        'Scaling laws and experiments (sweeps)',
        'Power',
        'Slack table',
        'Hypotheses and coverage',
        'Rigorous verdicts (check --rigorous)',
        'Findings',
      ]),
    );
    expect([...md.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual(titles);
    expect([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(titles.map(escapeHtml));
  });

  test('every cell and every note of the model is in both reports', () => {
    for (const s of model.sections) {
      for (const t of tables(s.blocks)) {
        expect(md).toContain(`| ${t.columns.map((c) => c.label).join(' | ')} |`);
        for (const r of t.rows)
          for (const c of r.cells) {
            expect(md).toContain(`| ${inlineMarkdown(c.text).replace(/\|/g, '\\|')} |`);
            if (plain(c.text)) expect(html.replace(/<[^>]+>/g, '')).toContain(escapeHtml(plain(c.text)));
          }
      }
      for (const b of s.blocks)
        if (b.kind === 'note') {
          expect(md).toContain(inlineMarkdown(b.text));
          expect(html.replace(/<[^>]+>/g, '')).toContain(escapeHtml(plain(b.text)));
        }
    }
  });

  test('the verdict table has the same columns in both, with each claim’s time, sabotage and rerun command', () => {
    const row = md.split('\n').find((l) => l.startsWith('| `yd21.eq-9/corrected` |'))!;
    expect(row).toContain('| yes | 14 ms | `npx tsx src/cli.ts check yd21.eq-9/corrected --seed 2021` |');
    expect(html).toMatch(/<tr class="claim-row" data-id="yd21.eq-9\/corrected"[^>]*>.*<td class="num">14 ms<\/td>/);
  });
});

describe('explanatory text quotes the constants it describes', () => {
  test('each quoted number is built from its constant', () => {
    expect(MONTE_CARLO_CONFIDENCE_TEXT).toBe(`1 − ${powerOfTen(MONTE_CARLO_ALPHA)}`);
    expect(SWEEP_CONFIDENCE_TEXT).toBe(percent(SWEEP_CONFIDENCE));
    expect(NEAR_BOUNDARY_TEXT).toBe(`${NEAR_BOUNDARY / UNIT_ROUNDOFF}u`);
    expect(UNEXERCISED_TEXT).toBe(powerOfTen(UNEXERCISED));
    expect(POWER_LEGEND).toContain(`f ≥ ${UNEXERCISED_TEXT} means`);
    // What they read today.
    expect([MONTE_CARLO_CONFIDENCE_TEXT, SWEEP_CONFIDENCE_TEXT, NEAR_BOUNDARY_TEXT]).toEqual(['1 − 10⁻³', '99.9%', '512u']);
    expect([powerOfTen(1e3), powerOfTen(1e-12), powerOfTen(0.05), percent(0.95)]).toEqual(['10³', '10⁻¹²', '0.05', '95%']);
  });

  test('both reports quote them', () => {
    const md = markdownReport(RUN);
    const html = htmlReport(RUN);
    for (const s of [
      `not exercised (f ≥ ${powerOfTen(UNEXERCISED)})`,
      `overall confidence ${MONTE_CARLO_CONFIDENCE_TEXT}`,
      `(${SWEEP_CONFIDENCE_TEXT}, Student t)`,
      `within ${NEAR_BOUNDARY_TEXT} of zero`,
    ]) {
      expect(md).toContain(s);
      expect(html).toContain(s);
    }
  });
});
