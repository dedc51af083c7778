/**
 * Runs a probabilistic claim by Monte Carlo (see montecarlo.ts) and returns a verdict record of the
 * same shape as the deterministic runner's, with the per-setting intervals and constant estimates.
 */
import { claimSeed, DEFAULT_SEED, identification, provenance, SABOTAGED, type VerdictRecord } from './record.ts';
import { CoverageTally, describeViolation, HypothesisTally } from './hypotheses.ts';
import { clopperPearson, MONTE_CARLO_ALPHA, type MonteCarloClaim, type MonteCarloSetting, quantileUpperBound } from './montecarlo.ts';
import { headline, type PowerEntry, probabilityPower, quantileConstantPower } from './power.ts';

export interface MonteCarloOptions {
  seed?: number;
  /** Multiplies the number of trials (a profile). */
  trialsScale?: number;
  trials?: number;
}

/** The claim with its sabotage applied (expected refuted). */
export function monteCarloSabotaged<P, X>(claim: MonteCarloClaim<P, X>): MonteCarloClaim<P, X> {
  const s = claim.sabotage;
  return {
    ...claim,
    id: `${claim.id}${SABOTAGED}`,
    statement: `${claim.statement} — SABOTAGED: ${s.description}`,
    constants: claim.constants
      ? Object.fromEntries(Object.entries(claim.constants).map(([k, spec]) => [k, s.constants?.[k] ? { ...spec, printed: s.constants[k] } : spec]))
      : undefined,
    probability: s.probability ? { ...claim.probability, printed: s.probability } : claim.probability,
    expected: 'refuted',
    erratum: undefined,
  };
}

export function runMonteCarlo<P, X>(claim: MonteCarloClaim<P, X>, opts: MonteCarloOptions = {}): VerdictRecord {
  const start = performance.now();
  const globalSeed = opts.seed ?? DEFAULT_SEED;
  const seed = claimSeed(globalSeed, claim.id);
  const trials = opts.trials ?? Math.max(10, Math.round(claim.trials * (opts.trialsScale ?? 1)));
  const alpha = MONTE_CARLO_ALPHA / claim.settings.length;
  const settings: MonteCarloSetting[] = [];
  let error: string | undefined;
  const hypotheses = new HypothesisTally(claim.hypotheses);
  const coverage = new CoverageTally(claim.hypotheses);
  try {
    claim.settings.forEach((p, si) => {
      coverage.add(p);
      const violated = hypotheses.check(p);
      if (violated.length > 0)
        throw new Error(
          `setting ${claim.describe(p)} of ${claim.id} lies outside hypothesis ${describeViolation(claim.hypotheses, violated)}: a bug of the claim's settings, not a finding`,
        );
      const c = Object.fromEntries(Object.entries(claim.constants ?? {}).map(([k, spec]) => [k, spec.printed(p)]));
      const witnesses: Record<string, number[]> = Object.fromEntries(Object.keys(claim.witness ?? {}).map((k) => [k, []]));
      let successes = 0;
      for (let t = 0; t < trials; t++) {
        const x = claim.draw(p, `${seed}:${si}:${t}`);
        if (claim.event(p, x, c)) successes++;
        for (const [k, w] of Object.entries(claim.witness ?? {})) {
          const v = w(p, x);
          if (Number.isNaN(v)) throw new Error(`witness ${k} is NaN at setting ${claim.describe(p)}, trial ${t}`);
          witnesses[k].push(v);
        }
      }
      const interval = clopperPearson(successes, trials, alpha);
      const claimed = claim.probability.printed(p);
      const target = claim.target ? claim.target(p) : claimed;
      const constants = Object.fromEntries(
        Object.entries(witnesses).map(([k, ws]) => {
          const sorted = [...ws].sort((a, b) => a - b);
          const q = Math.min(1, Math.max(0, target));
          const estimate = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
          return [k, { printed: claim.constants?.[k]?.printed(p) ?? Number.NaN, target: q, estimate, upperBound: quantileUpperBound(sorted, q, alpha) }];
        }),
      );
      settings.push({
        setting: claim.describe(p),
        trials,
        successes,
        estimate: successes / trials,
        interval,
        claimed,
        verdict: interval[1] < claimed ? 'refuted' : interval[0] >= claimed ? 'holds' : 'inconclusive',
        ...(Object.keys(constants).length ? { constants } : {}),
      });
    });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const margins = settings.map((s) => s.interval[1] - s.claimed);
  const worst = margins.length ? Math.min(...margins) : null;
  const worstSetting = worst === null ? null : settings[margins.indexOf(worst)];
  const verdict = error
    ? 'error'
    : settings.some((s) => s.verdict === 'refuted')
      ? 'refuted'
      : settings.some((s) => s.verdict === 'inconclusive')
        ? 'inconclusive'
        : 'holds';
  const sabotaged = claim.id.endsWith(SABOTAGED);
  const powerEntries: PowerEntry[] = settings.flatMap((s) => [
    probabilityPower(`${s.setting}: P(event)`, s.claimed, s.trials, (k) => clopperPearson(k, s.trials, alpha)[1]),
    ...Object.entries(s.constants ?? {}).map(([k, c]) => quantileConstantPower(`${s.setting}: constant ${k}`, c.printed, c.estimate, s.trials)),
  ]);
  return {
    ...identification(claim),
    verdict,
    runs: trials * settings.length,
    vacuousRuns: 0,
    worstMargin: worst,
    worstLabel: worstSetting ? `${worstSetting.setting}: upper confidence bound − claimed probability` : null,
    hypotheses: hypotheses.records,
    coverage: coverage.summary(),
    seed,
    globalSeed,
    montecarlo: { alpha: MONTE_CARLO_ALPHA, settings },
    power: headline(powerEntries),
    ...(verdict === 'refuted'
      ? { replay: `npx tsx src/cli.ts check ${sabotaged ? `${claim.id.slice(0, -SABOTAGED.length)} --sabotaged` : claim.id} --seed ${globalSeed}` }
      : {}),
    ...(error ? { error } : {}),
    ...provenance(claim),
    timeMs: Math.round(performance.now() - start),
  };
}
