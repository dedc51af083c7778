/**
 * Adversarial search: maximise an objective over the instances of an arbitrary.
 *
 * 1. Broad random sampling (40% of the budget): uniform tapes (see tape.ts).
 * 2. Local search (60%): adaptive random-direction hill climbing from the best few samples
 *    (25% of it), then Nelder–Mead on the box of tapes (nelder-mead.ts) from the two best climbers'
 *    points (40%), then Nelder–Mead restarts from the best point at several simplex sizes, each followed
 *    by a burst of hill climbing. With a budget too small for a simplex, hill climbing only.
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

interface SearchPoint<X> {
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
    if (opts.stopAbove !== undefined && best && best.objective > opts.stopAbove) {
      stoppedBy = 'target';
      return true;
    }
    if (Date.now() > deadline) {
      stoppedBy = 'time';
      return true;
    }
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

  // 2. Local search, in three parts.
  // (a) Random-direction hill climbing from the best samples, round robin, each with its own step
  //     (×1.5 on success, ×0.7 on failure, restarted at 0.2 when it collapses), moving a few tape
  //     entries at a time or all a little. It accepts equal values, so it walks across the plateaus
  //     of an integer-valued objective (a hitting time) and across a Gaussian draw's seed entry,
  //     where a simplex sees no slope. With a budget too small for a simplex this is all there is.
  // (b) Nelder–Mead (nelder-mead.ts) from the two best climbers' points: the simplex learns the local shape,
  //     which a narrow or ill-conditioned peak needs and random directions rarely hit.
  // (c) Nelder–Mead restarts from the best point at several simplex sizes (a converged simplex has
  //     lost its shape; several scales escape both a collapsed simplex and a narrow local peak),
  //     each followed by a burst of (a) from that point.
  const localBudget = opts.budget - evaluations;
  const upTo = (limit: number) => () => done() || evaluations >= limit;
  const score = (tape: number[]) => evaluate(tape).objective;
  const climbers = top.filter((p) => p.tape.length > 0).map((p) => ({ point: p, step: 0.2 }));
  const dimension = Math.max(0, ...climbers.map((c) => c.point.tape.length));
  const simplexAffordable = localBudget >= 4 * (dimension + 1) * Math.max(1, climbers.length);
  climb(climbers, simplexAffordable ? upTo(evaluations + Math.floor(0.25 * localBudget)) : done);
  // The two best climbers only: a simplex in 10–50 dimensions needs a few hundred evaluations to
  // learn a shape, which five starts would not each get.
  const simplexStarts = [...climbers].sort((a, b) => b.point.objective - a.point.objective).slice(0, 2);
  const nmShare = Math.floor((0.4 * localBudget) / Math.max(1, simplexStarts.length));
  for (const c of simplexStarts) {
    if (done()) break;
    nelderMead(score, c.point.tape, upTo(evaluations + nmShare), { step: 0.1, upper: BELOW_ONE });
  }
  const steps = [0.02, 0.2, 0.005, 0.05, 0.001, 0.4];
  const restartShare = Math.max(1, Math.floor(0.1 * localBudget));
  for (let r = 0; climbers.length > 0 && !done(); r++) {
    const from = best!.tape;
    if (from.length === 0) break;
    nelderMead(score, from, upTo(evaluations + restartShare), { step: steps[r % steps.length], upper: BELOW_ONE });
    // A maximiser on a face of the box (a hypothesis at its limit) is approached but rarely landed
    // on: one evaluation tries the best point with every entry within 10⁻³ of an end moved onto it.
    const snapped = best!.tape.map((t) => (t < 1e-3 ? 0 : t > 1 - 1e-3 ? BELOW_ONE : t));
    if (!done() && snapped.some((t, i) => t !== best!.tape[i])) evaluate(snapped);
    climb([{ point: best!, step: 0.2 }], upTo(evaluations + Math.min(restartShare, 20 * from.length)));
  }

  /** (a): adaptive random-direction hill climbing, round robin over `cs`, until `stop()`. */
  function climb(cs: { point: SearchPoint<X>; step: number }[], stop: () => boolean): void {
    for (let i = 0; cs.length > 0 && !stop(); i = (i + 1) % cs.length) {
      const c = cs[i];
      const tape = [...c.point.tape];
      const moveAll = rng() < 0.3;
      const k = moveAll ? tape.length : 1 + Math.floor(rng() * Math.min(3, tape.length));
      for (let j = 0; j < k; j++) {
        const at = moveAll ? j : Math.floor(rng() * tape.length);
        tape[at] = Math.min(BELOW_ONE, Math.max(0, tape[at] + c.step * (moveAll ? 0.3 : 1) * gauss()));
      }
      const p = evaluate(tape);
      if (p.objective >= c.point.objective) {
        c.step = Math.min(0.5, c.step * (p.objective > c.point.objective ? 1.5 : 1));
        c.point = p;
      } else {
        c.step *= 0.7;
        if (c.step < 1e-7) c.step = 0.2;
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
