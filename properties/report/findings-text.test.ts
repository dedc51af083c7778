/**
 * FINDINGS's wording on planted records: a witness is a lower bound on what a bound needs, so a
 * sentence about slack says the printed constant is *at most* printed/w times what is needed, a
 * need above the printed value is a violation (never "near-tight"), and a check that does not
 * exercise its bound is named with what it cannot distinguish.
 */
import { describe, expect, test } from 'vitest';
import type { VerdictRecord } from '../../src/claims/record.ts';
import { plantedRecord } from './planted.ts';
import { findings, slackSentence } from '../../src/report/findings.ts';
import type { CheckedClaim } from '../../src/report/run.ts';
import type { BoundaryEntry, SlackEntry } from '../../src/search/audit.ts';

function record(extra: Partial<VerdictRecord> = {}): VerdictRecord {
  return plantedRecord(extra);
}

function slack(best: number, printed: number): SlackEntry {
  return { constant: 'C', formula: '4', printed, best, ratio: best / printed, evaluations: 3000, seed: 2021, instanceFile: 'tighten/jcd.planted.C.json' };
}

const all = (claims: CheckedClaim[]) => findings(claims).join('\n');

describe('slack sentences', () => {
  test('a need below the printed value: the printed constant is at most printed/w times what is needed', () => {
    // The example: need 0.384 against 4 printed (ratio 0.0961).
    const s = slackSentence({ id: 'jcd.planted' }, slack(0.384, 4));
    expect(s).toContain('An instance needs C ≥ 0.384');
    expect(s).toContain('at most 10.4 times what is needed');
    expect(s).not.toMatch(/at least [0-9.]+× slack/);
    expect(s).not.toMatch(/slack as far as/);
    expect(s).toContain('Possibly loose constant');
  });

  test('a need within a factor 2 of the printed value is not called tight either', () => {
    const s = slackSentence({ id: 'jcd.planted' }, slack(3, 4));
    expect(s).toContain('at most 1.33 times what is needed');
    expect(s).not.toMatch(/near-tight/i);
  });

  test('a need above the printed value is a violation, never near-tight', () => {
    const s = slackSentence({ id: 'jcd.planted' }, slack(8.75, 0.1)); // 87.5 × the printed value
    expect(s).toMatch(/^\*\*Violation/);
    expect(s).toContain('87.5 times the printed value');
    expect(s).toContain('too small');
    expect(s).toContain('tighten jcd.planted --replay tighten/jcd.planted.C.json');
    expect(s).not.toMatch(/tight constant|near-tight|slack/i);
  });

  test('no need at all: the term may be unnecessary, stated as a conjecture', () => {
    const s = slackSentence({ id: 'jcd.planted' }, slack(-0.01, 4));
    expect(s).toContain('A term no instance needed');
    expect(s).toContain('conjecture');
  });

  test('findings() uses these sentences for every slack entry', () => {
    const text = all([{ record: record(), sabotage: null, slack: [slack(0.384, 4), slack(8.75, 0.1)] }]);
    expect(text).toContain('at most 10.4 times what is needed');
    expect(text).toContain('**Violation');
    expect(text).not.toMatch(/near-tight/i);
  });
});

describe('power in FINDINGS', () => {
  test('every content-carrying bound with f ≥ 10³ is listed as not exercised, with what it cannot distinguish; others are not', () => {
    const r = record({
      power: {
        measure: 'bound',
        value: 2.5e6,
        weakest: 'e ≤ b',
        entries: [
          { target: 'e ≤ b', measure: 'bound', value: 2.5e6, instances: 417, sense: '≤', at: 't = 334: e ≤ b' },
          { target: 'σ ≥ s', measure: 'bound', value: 1.5e3, instances: 417, sense: '≥', byConstruction: 'planted' },
          { target: 'g ≤ h', measure: 'bound', value: 999, instances: 417, sense: '≤' },
          { target: 'constant C', measure: 'constant', value: null, unbounded: true, instances: 417 },
        ],
      },
    });
    const lines = findings([{ record: r, sabotage: null }]).filter((l) => l.includes('Does not exercise'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('e ≤ b');
    expect(lines[0]).toContain('with f = 2.50e+6');
    expect(lines[0]).toContain('cannot distinguish the printed bound from one 2.50e+6 times stronger');
    expect(lines[1]).toContain('would pass with C = 0');
    expect(lines.join('\n')).not.toContain('σ ≥ s');
    expect(lines.join('\n')).not.toContain('g ≤ h');
  });
});

describe('a constant not exercised by the check, with the worst-case search beside it', () => {
  test("the search's witness is stated as what it proves", () => {
    const r = record({
      power: {
        measure: 'constant',
        value: 2140,
        weakest: 'constant C',
        entries: [{ target: 'constant C', measure: 'constant', value: 2140, instances: 1000 }],
      },
    });
    const [line] = findings([{ record: r, sabotage: null, slack: [slack(0.054, 8)] }]).filter((l) => l.includes('Does not exercise'));
    expect(line).toContain('divided by f = 2140');
    expect(line).toContain('found one needing C ≥ 0.054');
    expect(line).toContain('at most 148 times what is needed');
    const [violated] = findings([{ record: r, sabotage: null, slack: [slack(9, 8)] }]).filter((l) => l.includes('Does not exercise'));
    expect(violated).toContain('a violation');
  });
});

describe('hypothesis boundaries', () => {
  test('a first failure bounds the room from above; the values that held are evidence, not proof', () => {
    const b: BoundaryEntry = {
      parameter: 'etaFactor',
      description: 'η as a multiple of β/(8σ₁)',
      allowed: [0, 1],
      range: [1, 64],
      lastHeld: 8,
      firstFailure: 16,
      replay: 'npx tsx src/cli.ts check jcd.planted --set etaFactor=16',
      runsPerPoint: 50,
    };
    const text = all([{ record: record(), sabotage: null, boundaries: [b] }]);
    expect(text).toContain('cannot be relaxed by 16×');
    expect(text).toContain('evidence, not a proof');
    expect(text).not.toMatch(/room of about/);
  });
});
