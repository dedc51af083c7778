/**
 * Reusable scratch arrays for the small-matrix routines of src/linalg (eigenvalues, singular
 * values, operator norms), which the diagnostics call at every recorded step: in V8, allocating a
 * Float64Array of more than a few entries costs about as much as a 20×20 eigenvalue computation.
 *
 * A slot is one array, grown on demand and handed out again on the next call. Its contents are
 * undefined on entry (a caller writes before it reads), and a slot belongs to one routine, which
 * does not call another routine that uses the same slot; JavaScript runs each call to completion,
 * so no call sees another's data. Requests above LIMIT entries get a fresh array (not kept), so a
 * single large call does not pin its memory.
 */
const LIMIT = 1 << 16;

/** A new slot: `slot(size)` returns an array of at least `size` entries. */
export function scratchSlot(): (size: number) => Float64Array {
  let have = new Float64Array(0);
  return (size) => {
    if (have.length >= size) return have;
    if (size > LIMIT) return new Float64Array(size);
    have = new Float64Array(Math.min(LIMIT, Math.max(size, 2 * have.length)));
    return have;
  };
}
