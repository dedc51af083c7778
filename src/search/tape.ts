/**
 * Instances as points of a cube: a fast-check arbitrary driven by a "tape" of numbers in [0, 1).
 *
 * fast-check builds every instance from calls to its random source (`nextInt(min, max)` for the
 * integer grids our builders use). Replacing that source by a tape whose k-th entry answers the
 * k-th call turns the arbitrary into a map [0, 1)^L → instances that is piecewise continuous in each
 * entry (a grid integer moves with its entry), so a local search can move an instance a little by
 * moving its tape a little. Past the end of the tape, entries come from a seeded stream, so decoding
 * is deterministic: the same tape (and seed) gives the same instance on every machine.
 */
import type fc from 'fast-check';
import seedrandom from 'seedrandom';

const MIN_INT = -0x80000000;
const MAX_INT = 0x7fffffff;

/** The largest double below 1: tape entries are clamped to [0, BELOW_ONE]. */
export const BELOW_ONE = 1 - 2 ** -53;

/** A random source for fast-check that reads a tape (and extends it from a seed when it runs out). */
class TapeRandom {
  private position = 0;
  constructor(
    readonly tape: number[],
    private readonly extend: () => number,
  ) {}

  private nextUnit(): number {
    if (this.position >= this.tape.length) this.tape.push(this.extend());
    return this.tape[this.position++];
  }

  nextInt(min = MIN_INT, max = MAX_INT): number {
    return Math.min(max, min + Math.floor(this.nextUnit() * (max - min + 1)));
  }

  nextBigInt(min: bigint, max: bigint): bigint {
    const span = max - min + 1n;
    return min + (BigInt(Math.floor(this.nextUnit() * 2 ** 52)) * span) / 2n ** 52n;
  }

  next(bits: number): number {
    return this.nextInt(0, 2 ** bits - 1);
  }

  nextBoolean(): boolean {
    return this.nextUnit() >= 0.5;
  }

  nextDouble(): number {
    return this.nextUnit();
  }

  clone(): TapeRandom {
    return new TapeRandom([...this.tape.slice(this.position)], this.extend);
  }

  getState(): undefined {
    return undefined;
  }

  get consumed(): number {
    return this.position;
  }
}

/** A stream of tape entries from a seed. */
export function tapeStream(seed: string | number): () => number {
  const rng = seedrandom(String(seed));
  return () => Math.min(rng(), BELOW_ONE);
}

export interface Decoded<X> {
  readonly value: fc.Value<X>;
  /** The tape actually read (extended if the arbitrary asked for more entries). */
  readonly tape: number[];
}

/**
 * The instance a tape encodes. `extendSeed` fixes the entries past the end of the tape. The tape
 * returned is trimmed to the entries read, so it replays the instance exactly.
 */
export function decode<X>(arb: fc.Arbitrary<X>, tape: readonly number[], extendSeed: string | number): Decoded<X> {
  const random = new TapeRandom([...tape], tapeStream(`${extendSeed}:extend:${tape.length}`));
  const value = arb.generate(random as unknown as fc.Random, undefined);
  return { value, tape: random.tape.slice(0, random.consumed) };
}
