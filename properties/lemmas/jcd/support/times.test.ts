/**
 * The JCD iteration counts of (A.1) in log space (lemmas/jcd/support/times.ts): they agree with a direct double
 * computation wherever ρ is a double; they stay finite and positive for admissible parameters with ρ
 * far below the double range; their brackets contain the counts and the certified ratio bound is an
 * upper bound; the instance builder satisfies the hypotheses it advertises; bad input gives a
 * one-line error (a UserError), never a silent number.
 */
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UserError } from '../../../../src/errors.ts';
import {
  admissibilityViolations,
  admissibleTimeParameters,
  etaMax,
  iterationCounts,
  JcdParameterError,
  type JcdTimeParameters,
  logRhoMax,
  ratioBound,
  ratioUpperBound,
  rhoAsDouble,
  timeBrackets,
  timeQuotients,
  validateTimeParameters,
} from '../../../../lemmas/jcd/support/times.ts';

/** (A.1) without brackets, straight from its printed form with ρ as a double (log(1 + x) as log1p: the comparison is about ρ). */
function direct(p: JcdTimeParameters) {
  const rho = Math.exp(p.logRho);
  const g = p.gamma;
  const e = (1 - g) / (2 * (1 + g));
  return {
    t1:
      Math.log((12 * (p.m + p.n + p.k) * Math.sqrt((1 - g) / 24) * Math.sqrt(p.sigmaR)) / (p.cRho * rho * Math.sqrt(p.sigma1))) /
      Math.log1p(((1 + g) / 2) * p.eta * p.sigmaR),
    t2: Math.log(Math.sqrt(24 / (1 - g))) / Math.log1p(0.1 * p.eta * p.sigmaR),
    t3: Math.log(rho ** e / 3) / Math.log1p(-1.5 * p.eta * p.sigmaR),
    t: Math.log(rho ** e / rho) / Math.log1p(g * p.eta * p.sigmaR),
  };
}

/**
 * Admissible parameters where the direct form is computable in doubles: γ ≤ 0.2, moderate dimensions,
 * ρ at its maximum, so ρ ≥ e^{−500} and 1/(c_ρρ) stays below the largest double (for γ ≈ 0.3 and
 * c_ρ ≈ 10⁻⁶ the direct form already overflows to ∞ while ρ is still a double).
 */
const representable = admissibleTimeParameters({ gammaRange: [0.01, 0.2], maxR: 5, maxExtra: 100, maxDecades: 2, logRhoOffset: 0 });
/** Admissible parameters with γ ≥ 0.6, where ρ_max < e^{−900} (far below the smallest double, ≈ e^{−745}). */
const astronomical = admissibleTimeParameters({ gammaRange: [0.6, 1] });

const valid: JcdTimeParameters = { gamma: 0.5, sigma1: 1, sigmaR: 0.5, m: 5, n: 4, k: 3, r: 2, cRho: 0.5, eta: 1e-4, logRho: -2000 };

describe('the times of (A.1) in log space', () => {
  test.prop([representable])('agree with a direct double computation where ρ is a double', (p) => {
    expect(p.logRho).toBeGreaterThan(-500);
    const q = timeQuotients(p);
    const d = direct(p);
    for (const v of Object.values(d)) expect(Number.isFinite(v)).toBe(true);
    // Both round a few times; ρ^e and ρ·… in the direct form add relative errors of order u·|log ρ|.
    const tol = 1e-12;
    for (const key of ['t1', 't2', 't3', 't'] as const) expect(Math.abs(q[key].value - d[key])).toBeLessThan(tol * Math.abs(d[key]));
    const b = timeBrackets(p);
    for (const [key, t, cq] of [
      ['T1', d.t1, q.t1],
      ['T2', d.t2, q.t2],
      ['T3', d.t3, q.t3],
    ] as const) {
      const [{ lo, hi }, within] = [b[key], 1 + tol * Math.abs(t)];
      // The bracket is as narrow as the certified enclosure allows (one integer when it is narrow).
      expect(Number(lo)).toBeGreaterThanOrEqual(Math.ceil(t) + 1 - within);
      expect(Number(hi)).toBeLessThanOrEqual(Math.ceil(t) + 1 + within);
      expect(Number(hi - lo)).toBeLessThanOrEqual(2 + (2 * cq.relError + 8 * 2 ** -53) * cq.value);
    }
    // The direct quotients may round across an integer (±1 in a count, T ≥ 10⁴ here).
    const T = Math.floor(d.t);
    const ratio = (Math.ceil(d.t1) + Math.ceil(d.t2) + Math.ceil(d.t3) + 3) / T;
    const slack = 4 / T + 4 * tol * ratio;
    expect(ratioUpperBound(p)).toBeGreaterThanOrEqual(ratio - slack);
    expect(ratioUpperBound(p)).toBeLessThanOrEqual(ratio + slack);
  });

  test.prop([astronomical])('stay finite and positive when ρ is far below the double range', (p) => {
    expect(p.logRho).toBeLessThan(-900);
    expect(Math.exp(p.logRho)).toBe(0); // a double ρ would underflow …
    const q = timeQuotients(p); // … the log-space quotients do not
    for (const key of ['t1', 't2', 't3', 't'] as const) {
      expect(Number.isFinite(q[key].value)).toBe(true);
      expect(q[key].lo).toBeGreaterThan(0);
      expect(q[key].lo).toBeLessThanOrEqual(q[key].value);
      expect(q[key].hi).toBeGreaterThanOrEqual(q[key].value);
    }
    const b = timeBrackets(p);
    expect(b.T.lo).toBeGreaterThan(0n);
    expect(b.T0.hi).toBe(b.T1.hi + b.T2.hi + b.T3.hi);
    const r = ratioUpperBound(p);
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThan(1);
    expect(r).toBeLessThanOrEqual(ratioBound(p.gamma));
  });

  test.prop([admissibleTimeParameters()])('every built instance is admissible by construction', (p) => {
    expect(admissibilityViolations(p)).toEqual([]);
    expect(p.eta).toBeLessThanOrEqual(etaMax(p));
    expect(p.logRho).toBeLessThanOrEqual(logRhoMax(p));
  });

  test('ρ or η beyond the hypotheses are reported as violations', () => {
    expect(admissibilityViolations({ ...valid, logRho: logRhoMax(valid) + 1 }).join()).toMatch(/ρ ≤ ρ_max fails/);
    expect(admissibilityViolations({ ...valid, eta: 2 * etaMax(valid) }).join()).toMatch(/η ≤ min/);
    expect(admissibilityViolations({ ...valid, r: 4 }).join()).toMatch(/r ≤ k fails/);
  });

  test('counts beyond 2⁵³ are bracketed exactly in BigInt, and iterationCounts refuses them', () => {
    const p: JcdTimeParameters = { gamma: 1 - 1e-9, sigma1: 1, sigmaR: 1, m: 3, n: 3, k: 3, r: 1, cRho: 0.5, eta: 0, logRho: 0 };
    const base = { ...p, eta: etaMax(p) };
    const q = { ...base, logRho: logRhoMax(base) };
    const b = timeBrackets(q);
    expect(b.T.lo).toBeGreaterThan(2n ** 53n);
    expect(b.T0.hi - b.T0.lo).toBeGreaterThan(0n); // below double resolution: a bracket, not a value
    expect(() => iterationCounts(q)).toThrow(JcdParameterError);
    expect(ratioUpperBound(q)).toBeLessThan(ratioBound(q.gamma));
  });

  test('small instances give exact counts that can be run', () => {
    const p: JcdTimeParameters = { gamma: 0.2, sigma1: 1, sigmaR: 1, m: 2, n: 2, k: 1, r: 1, cRho: 0.9, eta: 0, logRho: 0 };
    const base = { ...p, eta: etaMax(p) };
    const c = iterationCounts({ ...base, logRho: logRhoMax(base) });
    expect(c.T0).toBe(c.T1 + c.T2 + c.T3);
    expect(c.T0).toBeLessThan(c.T);
    expect(Number.isSafeInteger(c.T)).toBe(true);
  });
});

describe('bad input gives a one-line error, never a silent number', () => {
  const bad: Array<[string, Partial<JcdTimeParameters>, RegExp]> = [
    ['NaN γ', { gamma: Number.NaN }, /gamma must be a finite number/],
    ['γ = 1', { gamma: 1 }, /γ must lie in \(0, 1\)/],
    ['infinite σ₁', { sigma1: Number.POSITIVE_INFINITY }, /sigma1 must be a finite number/],
    ['σ_r > σ₁', { sigmaR: 2 }, /σ₁ ≥ σ_r > 0/],
    ['fractional m', { m: 2.5 }, /m must be a positive integer/],
    ['log ρ = −∞ (ρ = 0 passed through Math.log)', { logRho: Number.NEGATIVE_INFINITY }, /logRho must be a finite number.*pass log ρ/],
    ['ρ passed where log ρ is expected', { logRho: 1e-5 }, /log ρ < 0/],
    ['ρ that underflowed to 0 passed as log ρ', { logRho: 0 }, /log ρ < 0/],
    ['η ≤ 0', { eta: 0 }, /η must be positive/],
    ['ησ_r ≥ 2/3', { eta: 10 }, /1 − 3ησ_r\/2 > 0/],
  ];
  test.each(bad)('%s', (_what, change, message) => {
    const p = { ...valid, ...change };
    for (const f of [() => validateTimeParameters(p), () => timeQuotients(p), () => ratioUpperBound(p)]) {
      let error: unknown;
      try {
        f();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  test('a ρ below the normal double range is refused where a double ρ is needed', () => {
    expect(() => rhoAsDouble(-800)).toThrow(/below the smallest normal double/);
    expect(() => rhoAsDouble(Number.NaN)).toThrow(JcdParameterError);
    expect(rhoAsDouble(-10)).toBeCloseTo(Math.exp(-10), 15);
  });
});
