/**
 * `check --junit FILE`: the run as JUnit XML, the format GitHub Actions test-report actions and
 * GitLab's `artifacts:reports:junit` read. One <testcase> per claim and one per sabotaged variant
 * (classname: the paper); a verdict other than the expected one is a <failure> whose message is
 * "VERDICT, expected EXPECTED" and whose text gives the worst margin, the error if any and the
 * replay command. Times are the claims' own (seconds), so the XML, unlike results.json, is not
 * byte-identical between runs.
 */
import type { VerdictRecord } from '../claims/record.ts';
import { type CheckRun, fmt } from './run.ts';

/** Escapes text for an XML attribute or element; drops characters XML 1.0 cannot hold. */
function xmlEscape(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the class names the characters XML 1.0 allows, control characters among them
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

interface Case {
  readonly record: VerdictRecord;
  readonly expected: string;
}

function testcase({ record: r, expected }: Case): string {
  const head = `    <testcase classname="${xmlEscape(r.paper)}" name="${xmlEscape(r.id)}" time="${(r.timeMs / 1000).toFixed(3)}"`;
  if (r.verdict === expected) return `${head}/>`;
  const details = [
    `verdict: ${r.verdict}`,
    `expected: ${expected}`,
    `worst margin: ${fmt(r.worstMargin)}${r.worstLabel ? ` (${r.worstLabel})` : ''}`,
    ...(r.counterexample?.failing[0] ? [`counterexample margin: ${fmt(r.counterexample.failing[0].margin)} (${r.counterexample.failing[0].label})`] : []),
    ...(r.error ? [`error: ${r.error}`] : []),
    ...(r.sabotage ? [`sabotage: ${r.sabotage}`] : []),
    `replay: ${r.replay ?? `npx tsx src/cli.ts check ${r.id.replace(/~sabotaged$/, ' --sabotaged')} --seed ${r.globalSeed}`}`,
  ];
  return `${head}>\n      <failure message="${xmlEscape(`${r.verdict}, expected ${expected}`)}" type="${xmlEscape(r.verdict)}">${xmlEscape(details.join('\n'))}</failure>\n    </testcase>`;
}

/** The JUnit XML document of a check run. */
export function junitXml(run: CheckRun): string {
  const cases: Case[] = run.claims.flatMap((c) => [
    { record: c.record, expected: c.record.expected },
    ...(c.sabotage ? [{ record: c.sabotage, expected: 'refuted' }] : []),
  ]);
  const failures = cases.filter((c) => c.record.verdict !== c.expected).length;
  const time = (cases.reduce((t, c) => t + c.record.timeMs, 0) / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lemmacheck" tests="${cases.length}" failures="${failures}" errors="0" time="${time}">`,
    `  <testsuite name="lemmacheck check --seed ${run.seed}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${time}">`,
    ...cases.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
