/**
 * Keeps, per family of comparisons (one printed fact checked at many steps), only the one with the
 * smallest normalised margin: what the runner reports is the same (its worst margin and failing
 * comparisons), without holding one object per step of a long trajectory.
 */
import { type Comparison, normalisedMargin } from '../../../src/claims/compare.ts';

export class WorstPerFamily {
  private readonly worst = new Map<string, { c: Comparison; margin: number }>();

  /** Records `c` under `family` if it is that family's worst so far. */
  add(family: string, c: Comparison): void {
    const margin = normalisedMargin(c);
    const known = this.worst.get(family);
    if (!known || margin < known.margin || Number.isNaN(margin)) this.worst.set(family, { c, margin });
  }

  /** The worst comparison of each family, in the order the families first appeared. */
  list(): Comparison[] {
    return [...this.worst.values()].map((w) => w.c);
  }
}
