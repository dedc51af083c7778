/** A planted verdict record for the report tests: a JCD inequality that holds, with what a test overrides. */
import type { VerdictRecord } from '../../src/claims/record.ts';

export function plantedRecord(extra: Partial<VerdictRecord> = {}): VerdictRecord {
  return {
    id: 'jcd.planted',
    paper: 'JCD',
    where: '(B.5)',
    kind: 'inequality',
    statement: 'x ≤ C',
    expected: 'holds',
    verdict: 'holds',
    runs: 100,
    vacuousRuns: 0,
    worstMargin: 0.5,
    worstLabel: 'x ≤ C',
    seed: 1,
    globalSeed: 2021,
    timeMs: 0,
    ...extra,
  };
}
