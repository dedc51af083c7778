/**
 * findings.ts on planted records: what a referee is told about errata (refuted, with and without a
 * corrected sibling; not refuted; refuted only outside the hypotheses), boundary results, an
 * inconclusive verdict, and the three outcomes of pushing a hypothesis past its limit — and in
 * which order. The errata section of the report model groups errata by grade, most severe first.
 * (properties/report/findings-text.test.ts covers the slack and power sentences.)
 */
import { describe, expect, test } from 'vitest';
import type { VerdictRecord } from '../../src/claims/record.ts';
import { plantedRecord } from './planted.ts';
import type { ErratumGrade } from '../../src/claims/types.ts';
import { findings, findingTexts } from '../../src/report/findings.ts';
import { markdownReport } from '../../src/report/markdown.ts';
import { reportModel } from '../../src/report/model.ts';
import { allAsExpected, type CheckedClaim, claimAsExpected, ERRATUM_GRADES, errataByGrade } from '../../src/report/run.ts';
import { plain } from '../../src/report/text.ts';
import type { BoundaryEntry } from '../../src/search/audit.ts';

function record(extra: Partial<VerdictRecord> = {}): VerdictRecord {
  return plantedRecord(extra);
}

const claim = (extra: Partial<VerdictRecord> = {}, more: Partial<CheckedClaim> = {}): CheckedClaim => ({ record: record(extra), sabotage: null, ...more });

/** A printed formula that is false: refuted, with a counterexample and a replay. */
function erratum(id: string, extra: Partial<VerdictRecord> = {}): CheckedClaim {
  return claim({
    id,
    expected: 'refuted',
    verdict: 'refuted',
    worstMargin: -0.3,
    erratum: `The printed ${id} drops a factor 2.`,
    replay: `npx tsx src/cli.ts check ${id} --seed 2021 --path 0:1`,
    ...extra,
  });
}

function boundary(extra: Partial<BoundaryEntry>): BoundaryEntry {
  return {
    parameter: 'etaFactor',
    description: 'η as a multiple of β/(8σ₁)',
    allowed: [0, 1],
    range: [1, 64],
    lastHeld: 8,
    firstFailure: 16,
    replay: 'npx tsx src/cli.ts check jcd.planted --set etaFactor=16',
    runsPerPoint: 50,
    ...extra,
  };
}

describe('errata', () => {
  test('a refuted erratum names its place, counterexample file and replay, and how its corrected sibling fared', () => {
    const wrong = erratum('jcd.eq-a.6/x', { corrected: 'jcd.eq-a.6/x/corrected' });
    const fixed = claim({ id: 'jcd.eq-a.6/x/corrected', runs: 250, corrects: 'jcd.eq-a.6/x' });
    const [line, ...rest] = findings([wrong, fixed]);
    expect(rest).toEqual([]);
    expect(line).toBe(
      '**Erratum — `jcd.eq-a.6/x` ((B.5)).** The printed jcd.eq-a.6/x drops a factor 2. Counterexample: `counterexamples/jcd.eq-a.6_x.json`; replay: `npx tsx src/cli.ts check jcd.eq-a.6/x --seed 2021 --path 0:1`. The corrected form `jcd.eq-a.6/x/corrected` holds on 250 instances.',
    );
  });

  test('without its corrected sibling in the run the sentence ends at the replay', () => {
    const [line] = findings([erratum('yd21.eq-9', { corrected: 'yd21.eq-9/corrected' })]);
    expect(line).toMatch(/replay: `[^`]+`\.$/);
    expect(line).not.toContain('corrected form');
  });

  test.each(ERRATUM_GRADES.map((g) => g.grade))(
    'an erratum graded %s is reported the same way (grade is the report model’s grouping, not a finding)',
    (grade) => {
      const [line] = findings([erratum('yd21.eq-9', { grade, gradeReason: 'planted' })]);
      expect(line).toMatch(/^\*\*Erratum — `yd21\.eq-9`/);
    },
  );

  test('an erratum that was not refuted (its check held, or errored) is no finding', () => {
    for (const verdict of ['holds', 'error', 'vacuous', 'inconclusive'] as const) expect(findings([erratum('yd21.eq-9', { verdict })])).toEqual([]);
  });

  test('the report model groups errata by grade, most severe first, ungraded last, in checked order within a grade', () => {
    const grades: Array<ErratumGrade | undefined> = [undefined, 'extraction', 'local', 'breaks-proof', 'breaks-result', 'local'];
    const claims = grades.map((grade, i) => erratum(`yd21.eq-${i}`, grade ? { grade, gradeReason: `reason ${i}` } : {}));
    expect(errataByGrade(claims).map((c) => c.record.id)).toEqual(['yd21.eq-4', 'yd21.eq-3', 'yd21.eq-2', 'yd21.eq-5', 'yd21.eq-1', 'yd21.eq-0']);
    const section = reportModel({ seed: 2021, claims }).sections.find((s) => s.id === 'errata')!;
    const headings = section.blocks.flatMap((b) => (b.kind === 'heading' ? [plain(b.text)] : []));
    expect(headings).toEqual([...ERRATUM_GRADES.map((g) => `${g.grade} — ${g.meaning}`), 'ungraded']);
    const md = markdownReport({ seed: 2021, claims });
    expect(md).toContain('Grade: **breaks-result** — reason 4');
    expect(md.indexOf('#### `yd21.eq-4`')).toBeLessThan(md.indexOf('#### `yd21.eq-0`'));
  });
});

describe('boundary results (a claim checked outside its hypotheses)', () => {
  test('are stated as how far a hypothesis can be pushed, never as an erratum, and come first', () => {
    const outside = erratum('yd21.lemma-3.2/beyond', { outsideHypotheses: { parameters: 'η = 2/σ₁', violated: ['step size', 'rank'] } });
    const lines = findings([erratum('yd21.eq-9'), outside]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "**Boundary result — `yd21.lemma-3.2/beyond` with η = 2/σ₁.** Outside hypothesis 'step size', 'rank': the verdict there is refuted. This is about how far the hypothesis can be pushed, not an erratum of the paper.",
    );
    expect(lines[1]).toMatch(/^\*\*Erratum — `yd21\.eq-9`/);
  });

  test('name no hypothesis when the instances drawn violated none, and report a verdict that held', () => {
    const [line] = findings([claim({ outsideHypotheses: { parameters: 'm = 1', violated: [] } })]);
    expect(line).toContain('Outside hypothesis (none violated by the instances drawn): the verdict there is holds.');
  });
});

describe('an inconclusive verdict', () => {
  test('is no finding, is never as expected, and is listed among the unexpected verdicts', () => {
    const c = claim({ kind: 'probabilistic', verdict: 'inconclusive' });
    expect(findings([c])).toEqual([]);
    expect(claimAsExpected(c)).toBe(false);
    expect(allAsExpected({ seed: 2021, claims: [c] })).toBe(false);
    const md = markdownReport({ seed: 2021, claims: [c] });
    expect(md).toContain('## Unexpected verdicts');
    expect(md).toContain('- `jcd.planted`: inconclusive, expected holds');
  });
});

describe('hypothesis boundaries', () => {
  test('no failure over the scanned range: the hypothesis may be relaxed, with the range and instances per value', () => {
    const [line] = findings([claim({}, { boundaries: [boundary({ firstFailure: null, lastHeld: 64, replay: null })] })]);
    expect(line).toBe(
      '**Hypothesis that may be relaxed — `jcd.planted`, etaFactor (η as a multiple of β/(8σ₁)).** The paper assumes ≤ 1; the conclusion held at every value up to 64 (50 instances per value).',
    );
  });

  test('a first failure past the limit bounds the room, with its replay', () => {
    const [line] = findings([claim({}, { boundaries: [boundary({})] })]);
    expect(line).toContain('**Hypothesis boundary — `jcd.planted`, etaFactor');
    expect(line).toContain('first failed at 16 (a counterexample: the hypothesis cannot be relaxed by 16×) and no counterexample was found up to 8');
    expect(line).toMatch(/Counterexample: `npx tsx src\/cli\.ts check jcd\.planted --set etaFactor=16`\.$/);
  });

  test('a failure at or inside the limit is a failure inside the hypotheses', () => {
    for (const at of [0.5, 1]) {
      const [line] = findings([claim({}, { boundaries: [boundary({ firstFailure: at, lastHeld: null })] })]);
      expect(line).toBe(
        `**Failure inside the hypotheses — \`jcd.planted\`, etaFactor = ${at} (allowed ≤ 1).** Replay: \`npx tsx src/cli.ts check jcd.planted --set etaFactor=16\`.`,
      );
    }
  });
});

describe('findings as report text', () => {
  test('findings() is findingTexts() as Markdown, and the text carries ids and commands as data', () => {
    const claims = [erratum('yd21.eq-9'), claim({ id: 'jcd.b' }, { boundaries: [boundary({})] })];
    const texts = findingTexts(claims);
    expect(texts).toHaveLength(findings(claims).length);
    expect(texts.every((t) => !plain(t).includes('`') && !plain(t).includes('**'))).toBe(true);
    expect(texts[0]).toContainEqual({ strong: ['Erratum — ', { code: 'yd21.eq-9' }, ' ((B.5)).'] });
    expect(texts[1]).toContainEqual({ cmd: 'npx tsx src/cli.ts check jcd.planted --set etaFactor=16' });
  });
});
