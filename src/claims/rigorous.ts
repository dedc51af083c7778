/**
 * `check --rigorous`: after the floating-point run, a claim that supports it is decided
 * rigorously, and every record says how its verdict was decided:
 *  - `proved`: an identity with a symbolic spec (Claim.symbolic) whose residual, printed minus true
 *    form from the definitions, normalises to 0 in the free algebra with involution and trace
 *    (src/exact/symbolic-spec.ts): it holds for every dimension; the certificate is kept as well;
 *  - `certified`: an identity with an exact form (Claim.exact) evaluated in exact rational
 *    arithmetic — a Schwartz–Zippel certificate, or an exact counterexample (src/exact/certify.ts);
 *  - `high-precision`: an inequality with Claim.highPrecision whose near-boundary instances (float
 *    margin within 512u of zero, or failing) were re-evaluated in 60 digits, which decide
 *    (src/exact/high-precision.ts);
 *  - `floating-point`: everything else (no exact form, or no instance near the boundary).
 * A symbolic residual that vanishes only modulo relations outside the free algebra leaves the rigor
 * 'certified' and names the relations (symbolicModulo); a nonzero one is recorded as the exact
 * difference (symbolicResidual). A sabotaged variant is run through the exact form with its sabotage applied (it must be refuted
 * exactly); its high-precision re-check is not defined (the sabotage replaces the check), so it stays
 * floating-point.
 */
import { certifyExact } from '../exact/certify.ts';
import { isExactSkip } from '../exact/form.ts';
import { proveSymbolic } from '../exact/symbolic-spec.ts';
import { recheckNearBoundary } from './high-precision.ts';
import { type AnyClaim, isDeterministic } from './dispatch.ts';
import { type RunOptions, SABOTAGED, type VerdictRecord } from './record.ts';
import type { Claim } from './types.ts';

/** The record with its verdict decided rigorously where the claim supports it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a claim of any instance type
// biome-ignore lint/suspicious/noExplicitAny: a claim of any instance type (its check is contravariant in it, so unknown would not do)
export function rigorous(claim: AnyClaim | Claim<any>, record: VerdictRecord, opts: RunOptions = {}): VerdictRecord {
  const decided = decide(claim, record, opts);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const c = claim as Claim<any>;
  if (!c.symbolic || c.id.endsWith(SABOTAGED) || !isDeterministic(claim as AnyClaim) || record.verdict === 'error') return decided;
  const start = performance.now();
  const s = proveSymbolic(c.symbolic);
  const timeMs = decided.timeMs + Math.round(performance.now() - start);
  if (!s.proved) return { ...decided, symbolicResidual: s.residual, symbolicLetters: s.letters, timeMs };
  if (s.modulo) return { ...decided, symbolicModulo: s.modulo, timeMs };
  if (decided.rigor === 'certified' && decided.verdict !== 'holds')
    return { ...decided, exactError: 'the symbolic proof and the exact counterexample disagree', timeMs };
  return {
    ...decided,
    rigor: 'proved',
    verdict: 'holds',
    ...(record.verdict !== 'holds' ? { floatVerdict: record.verdict } : {}),
    timeMs,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a claim of any instance type (its check is contravariant in it, so unknown would not do)
function decide(claim: AnyClaim | Claim<any>, record: VerdictRecord, opts: RunOptions): VerdictRecord {
  const out: VerdictRecord = { ...record, rigor: 'floating-point' };
  if (!isDeterministic(claim as AnyClaim) || record.verdict === 'error') return out;
  // biome-ignore lint/suspicious/noExplicitAny: a claim of any instance type (its check is contravariant in it, so unknown would not do)
  const c = claim as Claim<any>;
  const sabotaged = c.id.endsWith(SABOTAGED);
  const start = performance.now();
  if (c.exact) {
    if (isExactSkip(c.exact)) return { ...out, exactSkipped: c.exact.skip };
    const r = certifyExact(c.exact, record.seed, sabotaged);
    const timeMs = record.timeMs + Math.round(performance.now() - start);
    if (r.verdict === 'error') return { ...out, exactError: r.error, timeMs };
    const verdict = r.verdict === 'certified' ? 'holds' : 'refuted';
    return {
      ...out,
      rigor: 'certified',
      verdict,
      ...(verdict !== record.verdict ? { floatVerdict: record.verdict } : {}),
      ...(r.verdict === 'certified' ? { certificate: r.certificate } : { exactCounterexample: r.counterexample }),
      timeMs,
    };
  }
  if (c.highPrecision && !sabotaged) {
    const hp = recheckNearBoundary(c, c.highPrecision, record.seed, opts);
    const timeMs = record.timeMs + hp.timeMs;
    if (hp.rechecked.length === 0) return { ...out, highPrecision: hp, timeMs };
    return {
      ...out,
      rigor: 'high-precision',
      verdict: hp.verdict,
      ...(hp.verdict !== record.verdict ? { floatVerdict: record.verdict } : {}),
      highPrecision: hp,
      timeMs,
    };
  }
  return out;
}
