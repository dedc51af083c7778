/**
 * High-precision re-check of inequality verdicts near the boundary (`check --rigorous`).
 *
 * The floating-point run is repeated with the same seed and number of instances; every instance on
 * which some comparison's margin is within NEAR_BOUNDARY (512 units of roundoff) of zero — or below
 * it — is re-evaluated by the claim's `highPrecision.slack` in 60-digit decimal arithmetic, with
 * the instance's doubles taken as exact values and eigenvalues/singular values computed by Jacobi
 * in that precision (src/exact/decimal.ts). The high-precision margin decides: the comparison holds when its
 * high-precision slack is ≥ −HP_TOLERANCE·scale (the 60-digit computation's own error is far below).
 */
import fc from 'fast-check';
import { type EvaluatedComparison, type HighPrecisionResult, numRunsFor, type RecheckedInstance, type RunOptions } from './record.ts';
import { constantValues, evaluate } from './runner.ts';
import { UNIT_ROUNDOFF } from './tolerance.ts';
import type { Claim, HighPrecisionSpec } from './types.ts';
import { toJson } from './serialise.ts';
import { DIGITS } from '../exact/decimal.ts';

/** How close to zero (normalised margin) a floating-point verdict must be to be re-checked. */
export const NEAR_BOUNDARY = 512 * UNIT_ROUNDOFF;
/**
 * Relative tolerance of a 60-digit evaluation. Sums, products and Jacobi eigenvalues are accurate to
 * ≈ 10⁻⁵⁵ relative to the matrices' norms (src/exact/decimal.ts stops Jacobi at an off-diagonal mass of
 * 10⁻⁵⁵‖G‖); a singular value near zero, √λ of a Gram matrix G, only to ≈ √(10⁻⁵⁵)‖G‖^{1/2} ≈ 3·10⁻²⁸
 * relative. 10⁻²⁴ is above both and eight orders of magnitude below double rounding (1.1·10⁻¹⁶), so it
 * can neither hide a rounding-sized violation nor report the 60-digit computation's own error as one.
 */
const HP_TOLERANCE = 1e-24;
/** At most this many passing near-boundary instances (the lowest float margins) are re-checked per claim; every failing one is. */
const MAX_RECHECKS = 40;

/** Re-runs the claim's instances and re-checks the near-boundary ones in high precision. */
export function recheckNearBoundary<X>(claim: Claim<X>, spec: HighPrecisionSpec<X>, seed: number, opts: RunOptions = {}): HighPrecisionResult {
  const start = performance.now();
  const near: { x: X; evaluated: EvaluatedComparison[]; worst: number }[] = [];
  let scanned = 0;
  let floatFails = false;
  fc.check(
    fc.property(claim.instances, (x) => {
      scanned++;
      const evaluated = evaluate(claim, x);
      if (evaluated.length === 0) return true;
      const worst = Math.min(...evaluated.map((c) => c.margin));
      if (evaluated.some((c) => !c.passes)) floatFails = true;
      if (worst < NEAR_BOUNDARY) {
        near.push({ x, evaluated, worst });
        near.sort((a, b) => a.worst - b.worst);
        // Every float failure is kept (each must be overturned for the verdict to change); of the
        // passing near-boundary instances, the MAX_RECHECKS lowest.
        if (near.length > MAX_RECHECKS && near[near.length - 1].evaluated.every((c) => c.passes)) near.pop();
      }
      return true;
    }),
    { seed, numRuns: numRunsFor(claim, opts) },
  );
  const rechecked: RecheckedInstance[] = [];
  for (const { x, evaluated } of near) {
    const slacks = spec.slack(x, constantValues(claim, x));
    evaluated.forEach((c, i) => {
      if (c.margin >= NEAR_BOUNDARY && c.passes) return;
      const scale = c.scale > 0 ? c.scale : 1;
      const hp = slacks[i];
      const highPrecisionMargin = hp.div(scale).toNumber();
      rechecked.push({
        label: c.label,
        floatMargin: c.margin,
        highPrecisionMargin,
        highPrecisionSlack: hp.toSignificantDigits(30).toString(),
        floatPasses: c.passes,
        highPrecisionPasses: highPrecisionMargin >= -HP_TOLERANCE,
        instance: toJson(x),
      });
    });
  }
  rechecked.sort((a, b) => a.floatMargin - b.floatMargin);
  return {
    method: spec.method,
    digits: DIGITS,
    threshold: NEAR_BOUNDARY,
    instancesScanned: scanned,
    rechecked,
    verdict: rechecked.some((r) => !r.highPrecisionPasses) ? 'refuted' : 'holds',
    floatVerdict: floatFails ? 'refuted' : 'holds',
    timeMs: Math.round(performance.now() - start),
  };
}
