/**
 * `check --replay FILE`: evaluates a saved counterexample (DIR/counterexamples/<id>.json) again,
 * from the instance stored in the file, and says whether the failing margins are reproduced bit for
 * bit. Exit code 0 when they are, 1 when not.
 */
import { readFileSync } from 'node:fs';
import { deterministic } from '../claims/dispatch.ts';
import { findClaim } from '../claims/registry.ts';
import { type EvaluatedComparison, SABOTAGED, type VerdictRecord } from '../claims/record.ts';
import { evaluate, sabotagedVariant } from '../claims/runner.ts';
import type { Claim } from '../claims/types.ts';
import { fromJson, type Json } from '../claims/serialise.ts';
import { requireInsideHypotheses } from '../claims/hypotheses.ts';
import { UserError } from './errors.ts';

interface SavedCounterexample {
  id: string;
  instance: Json;
  failing: { label: string; margin: number }[];
}

export async function replayCommand(file: string, json: boolean): Promise<number> {
  let saved: SavedCounterexample;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read ${file} as JSON: ${(e as Error).message}`);
  }
  if (typeof saved?.id !== 'string' || saved.instance === undefined || !Array.isArray(saved.failing))
    throw new UserError(`${file} is not a saved counterexample (it needs "id", "instance" and "failing")`);
  const sabotaged = saved.id.endsWith(SABOTAGED);
  const found = await findClaim(sabotaged ? saved.id.slice(0, -SABOTAGED.length) : saved.id);
  if (!found) throw new UserError(`${file} names an unknown claim id '${saved.id}'`);
  const base = deterministic(found, 'check --replay');
  const claim = sabotaged ? sabotagedVariant(base) : base;
  const instance = fromJson(saved.instance);
  requireInsideHypotheses(claim.id, claim.hypotheses, instance, file);
  const failing = evaluate(claim, instance).filter((c) => !c.passes);
  const reproduced =
    failing.length === saved.failing.length && failing.every((c, i) => c.label === saved.failing[i].label && c.margin === saved.failing[i].margin);
  if (json) process.stdout.write(`${JSON.stringify({ id: saved.id, reproduced, failing }, null, 2)}\n`);
  else {
    process.stdout.write(
      `${saved.id}: ${failing.length ? 'refuted' : 'not refuted'} by the saved instance; ${reproduced ? 'margins reproduced bit for bit' : 'margins DIFFER from the saved ones'}\n`,
    );
    for (const c of failing) process.stdout.write(`  ${c.label}: lhs ${c.lhs}, rhs ${c.rhs}, margin ${c.margin}\n`);
  }
  return reproduced ? 0 : 1;
}

/**
 * `check ID --seed S --path P [--sabotaged]`: replays the one instance a refuted verdict named and
 * prints it with every comparison (lhs, rhs, margin, tolerance). It writes no file (the caller writes
 * a report only when --out is given). A seed and path that do not give a counterexample of this
 * claim — the instance satisfies it, or the path names no instance — are a replay that does not
 * match: a UserError (exit 2), never a verdict.
 */
export function replayPath(claim: Claim, record: VerdictRecord, path: string, json: boolean): void {
  const where = `--seed ${record.globalSeed} --path ${path}`;
  if (!record.counterexample) {
    const why =
      record.verdict === 'holds'
        ? 'the instance it names satisfies every comparison of the claim'
        : record.runs === 0
          ? 'it names no instance of the claim (the path is longer or wider than the search that made it)'
          : record.verdict === 'vacuous'
            ? 'no comparison of the claim applies to the instance it names'
            : (record.error ?? record.verdict);
    throw new UserError(
      `the replay ${where} does not match ${record.id}: ${why}; take --seed and --path (and any --set) from a refuted verdict of ${record.id}`,
    );
  }
  const instance = record.counterexample.instance;
  let comparisons: EvaluatedComparison[] = record.counterexample.failing;
  const evaluationError: string | undefined = record.verdict === 'error' ? record.error : undefined;
  if (!evaluationError) comparisons = evaluate(claim, fromJson(instance));
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          id: record.id,
          verdict: record.verdict,
          expected: record.expected,
          seed: record.globalSeed,
          path: record.counterexample.path,
          instance,
          comparisons: comparisons.map(({ label, lhs, rhs, margin, tolerance, passes }) => ({ label, lhs, rhs, margin, tolerance, passes })),
          ...(evaluationError ? { error: evaluationError } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const out = process.stdout;
  out.write(`${record.id}: ${record.verdict} (expected ${record.expected}) at ${where}\n`);
  out.write(`instance: ${JSON.stringify(instance)}\n`);
  if (evaluationError) out.write(`error: ${evaluationError}\n`);
  for (const c of comparisons)
    out.write(`  ${c.passes ? 'passes' : 'FAILS '}  ${c.label}: lhs ${c.lhs}, rhs ${c.rhs}, margin ${c.margin} (tolerance ${c.tolerance})\n`);
}
