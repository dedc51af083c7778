/**
 * `check --replay FILE`: evaluates a saved counterexample (DIR/counterexamples/<id>.json) again,
 * from the instance stored in the file, and says whether the failing margins are reproduced bit for
 * bit. Exit code 0 when they are, 1 when not.
 */
import { readFileSync } from 'node:fs';
import { deterministic } from '../claims/dispatch.ts';
import { findClaim } from '../claims/registry.ts';
import { evaluate, SABOTAGED, sabotagedVariant } from '../claims/runner.ts';
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
    process.stdout.write(`${saved.id}: ${failing.length ? 'refuted' : 'not refuted'} by the saved instance; ${reproduced ? 'margins reproduced bit for bit' : 'margins DIFFER from the saved ones'}\n`);
    for (const c of failing) process.stdout.write(`  ${c.label}: lhs ${c.lhs}, rhs ${c.rhs}, margin ${c.margin}\n`);
  }
  return reproduced ? 0 : 1;
}
