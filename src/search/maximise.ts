/**
 * Adversarial search: maximise an objective over the instances of an arbitrary.
 *
 * 1. Broad random sampling (40% of the budget): uniform tapes (see tape.ts).
 * 2. Local search (60%): Nelder–Mead on the box of tapes (nelder-mead.ts) from each of the best
 *    few samples, then restarts from the best point at several simplex sizes, each followed by a
 *    burst of adaptive random-direction hill climbing (a few tape entries at a time, for the
 *    discontinuous entries a simplex cannot cross).
 * 3. Presentation: fast-check's shrinker applied to the best instance, keeping only shrinks whose
 *    objective stays above a threshold (by default within 1% of the best), so the worst case is
 *    shown as simply as the search allows.
 * Deterministic for a given seed; honours an evaluation budget and a time budget. The maximum found
 * is a lower bound on the supremum, never a proof of it.
 */
import type fc from 'fast-check';
import seedrandom from 'seedrandom';
import { nelderMead } from './nelder-mead.ts';
import { BELOW_ONE, decode, tapeStream } from './tape.ts';

export interface MaximiseOptions {
  /** Objective evaluations, sampling and local search together. */
  readonly budget: number;
  readonly seed: number;
  /** Stop after this many milliseconds even if the budget is not spent. */
  readonly timeMs?: number;
  /** Number of sampled instances to climb from. */
  readonly starts?: number;
  /** Called now and then with (evaluations, budget, best so far). */
  readonly onProgress?: (evaluations: number, budget: number, best: number) => void;
  /** Stop as soon as the objective exceeds this value (used to break a constant). */
  readonly stopAbove?: number;
}

export interface SearchPoint<X> {
  readonly objective: number;
  readonly tape: number[];
  readonly value: fc.Value<X>;
}

export interface MaximiseResult<X> {
  readonly best: SearchPoint<X>;
  readonly evaluations: number;
  /** (evaluations, best so far) at each improvement. */
  readonly history: ReadonlyArray<{ evaluations: number; best: number }>;
  readonly stoppedBy: 'budget' | 'time' | 'target';
}

function safe<X>(objective: (x: X) => number, x: X): number {
  try {
    const v = objective(x);
    return Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

/** Maximises `objective` over `arb`'s instances. */
export function maximise<X>(arb: fc.Arbitrary<X>, objective: (x: X) => number, opts: MaximiseOptions): MaximiseResult<X> {
  const rng = seedrandom(`maximise:${opts.seed}`);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const deadline = opts.timeMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + opts.timeMs;
  const extendSeed = `maximise:${opts.seed}`;
  let evaluations = 0;
  let best: SearchPoint<X> | null = null;
  const history: { evaluations: number; best: number }[] = [];
  let stoppedBy: MaximiseResult<X>['stoppedBy'] = 'budget';

  const evaluate = (tape: number[]): SearchPoint<X> => {
    const { value, tape: used } = decode(arb, tape, extendSeed);
    evaluations++;
    const point = { objective: safe(objective, value.value), tape: used, value };
    if (!best || point.objective > best.objective) {
      best = point;
      history.push({ evaluations, best: point.objective });
    }
    if (evaluations % 100 === 0) opts.onProgress?.(evaluations, opts.budget, best.objective);
    return point;
  };
  const done = () => {
    if (opts.stopAbove !== undefined && best && best.objective > opts.stopAbove) return (stoppedBy = 'target'), true;
    if (Date.now() > deadline) return (stoppedBy = 'time'), true;
    return evaluations >= opts.budget;
  };

  // 1. Sampling.
  const sampleBudget = Math.max(1, Math.floor(0.4 * opts.budget));
  const fresh = tapeStream(`sample:${opts.seed}`);
  const starts = opts.starts ?? 5;
  const top: SearchPoint<X>[] = [];
  while (evaluations < sampleBudget && !done()) {
    const p = evaluate(Array.from({ length: 16 }, fresh));
    top.push(p);
    top.sort((a, b) => b.objective - a.objective);
    top.length = Math.min(top.length, starts);
  }

  // 2. Local search. Nelder–Mead (nelder-mead.ts) from each of the best samples in turn, then
  // restarts from the best point so far with a fresh simplex of another size (a converged simplex
  // has lost the shape it needs; restarting at several scales escapes both a collapsed simplex and
  // a narrow local peak). Between restarts, a burst of random-direction hill climbing moves a few
  // tape entries at a time: a Gaussian draw's seed entry makes the objective discontinuous, which a
  // simplex cannot cross.
  const localBudget = opts.budget - evaluations;
  const upTo = (limit: number) => () => done() || evaluations >= limit;
  const score = (tape: number[]) => evaluate(tape).objective;
  const climbers = top.filter((p) => p.tape.length > 0);
  const firstShare = Math.floor((0.5 * localBudget) / Math.max(1, climbers.length));
  for (const p of climbers) {
    if (done()) break;
    nelderMead(score, p.tape, upTo(evaluations + firstShare), { step: 0.1, upper: BELOW_ONE });
  }
  const steps = [0.02, 0.2, 0.005, 0.05, 0.001, 0.4];
  const restartShare = Math.max(1, Math.floor(0.15 * localBudget));
  for (let r = 0; climbers.length > 0 && !done(); r++) {
    const from = best!.tape;
    if (from.length === 0) break;
    nelderMead(score, from, upTo(evaluations + restartShare), { step: steps[r % steps.length], upper: BELOW_ONE });
    climb(best!, upTo(evaluations + Math.min(restartShare, 20 * from.length)));
  }

  /** Adaptive random-direction hill climbing from `start` (step ×1.5 on success, ×0.7 on failure). */
  function climb(start: SearchPoint<X>, stop: () => boolean): void {
    let point = start;
    let step = 0.2;
    while (!stop()) {
      const tape = [...point.tape];
      const moveAll = rng() < 0.3;
      const k = moveAll ? tape.length : 1 + Math.floor(rng() * Math.min(3, tape.length));
      for (let j = 0; j < k; j++) {
        const at = moveAll ? j : Math.floor(rng() * tape.length);
        tape[at] = Math.min(BELOW_ONE, Math.max(0, tape[at] + step * (moveAll ? 0.3 : 1) * gauss()));
      }
      const p = evaluate(tape);
      if (p.objective >= point.objective) {
        step = Math.min(0.5, step * (p.objective > point.objective ? 1.5 : 1));
        point = p;
      } else {
        step *= 0.7;
        if (step < 1e-7) step = 0.2;
      }
    }
  }
  opts.onProgress?.(evaluations, opts.budget, best!.objective);
  return { best: best!, evaluations, history, stoppedBy };
}

/**
 * fast-check's shrinking with a custom acceptance: repeatedly takes the first shrink of the current
 * value that `keep` accepts, up to `maxSteps` accepted shrinks and `maxTries` candidates tried.
 */
export function shrinkWhile<X>(arb: fc.Arbitrary<X>, start: fc.Value<X>, keep: (x: X) => boolean, maxSteps = 200, maxTries = 5000): X {
  let current = start;
  let tries = 0;
  for (let step = 0; step < maxSteps; step++) {
    let next: fc.Value<X> | null = null;
    for (const candidate of arb.shrink(current.value_, current.context)) {
      if (++tries > maxTries) return current.value;
      let ok = false;
      try {
        ok = keep(candidate.value);
      } catch {
        ok = false;
      }
      if (ok) {
        next = candidate;
        break;
      }
    }
    if (!next) break;
    current = next;
  }
  return current.value;
}
