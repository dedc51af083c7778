/**
 * Where a printed form that is false fails: a sample of the claim's instances (inside its
 * hypotheses, the predicates checked on each), evaluated one by one, summarised per coordinate the
 * hypotheses bound — the range over all instances and over the failing ones, the share failing in
 * each fifth of the coordinate's domain — and the largest violation with where it is attained.
 *
 * It measures the region at the sample's resolution: a fifth of a domain with no failing instance
 * is one where none of the instances drawn there failed, not one where the form is proved.
 */
import fc from 'fast-check';
import { coordinatesOf, violations } from './hypotheses.ts';
import type { FailingRegion } from './record.ts';
import { evaluate } from './runner.ts';
import type { Claim } from './types.ts';

/** Bins per coordinate domain. */
const REGION_BINS = 5;

function bin(v: number, [lo, hi]: readonly [number, number]): number {
  if (!(hi > lo)) return 0;
  return Math.min(REGION_BINS - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * REGION_BINS)));
}

export function failingRegion<X>(claim: Claim<X>, seed: number, samples: number): FailingRegion {
  const coords = coordinatesOf(claim.hypotheses);
  const names = Object.keys(coords);
  const all: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const failingValues: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
  const bins: Record<string, [number, number][]> = Object.fromEntries(
    names.map((k) => [k, Array.from({ length: REGION_BINS }, () => [0, 0] as [number, number])]),
  );
  let failing = 0;
  let errors = 0;
  let instances = 0;
  let worst: FailingRegion['worst'] = null;
  const region = claim.failsWhere;
  const stated = { inside: 0, failingInside: 0, failingOutside: 0 };
  for (const x of fc.sample(claim.instances, { seed, numRuns: samples })) {
    let fails: boolean;
    let evaluated: ReturnType<typeof evaluate<X>>;
    let inside = false;
    try {
      if (violations(claim.hypotheses, x).length > 0) throw new Error('outside the hypotheses');
      evaluated = evaluate(claim, x);
      fails = evaluated.some((c) => !c.passes);
      if (region) inside = region.contains(x);
    } catch {
      errors++;
      continue;
    }
    instances++;
    const at = Object.fromEntries(names.map((k) => [k, coords[k].value(x)]));
    if (fails) failing++;
    if (region) {
      if (inside) stated.inside++;
      if (fails) stated[inside ? 'failingInside' : 'failingOutside']++;
    }
    for (const k of names) {
      const v = at[k];
      if (!Number.isFinite(v)) continue;
      all[k].push(v);
      const b = bins[k][bin(v, coords[k].domain)];
      b[0]++;
      if (fails) {
        b[1]++;
        failingValues[k].push(v);
      }
    }
    for (const c of evaluated) if (!c.passes && (worst === null || c.margin < worst.margin)) worst = { margin: c.margin, label: c.label, at };
  }
  const range = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];
  return {
    seed,
    instances,
    failing,
    errors,
    coordinates: Object.fromEntries(
      names.map((k) => [
        k,
        {
          domain: coords[k].domain,
          all: all[k].length ? range(all[k]) : [Number.NaN, Number.NaN],
          failing: failingValues[k].length ? range(failingValues[k]) : null,
          bins: bins[k],
        },
      ]),
    ),
    ...(region ? { stated: { text: region.text, ...stated } } : {}),
    worst,
  };
}
