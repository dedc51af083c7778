/** Parsing of command-line values; every problem is a UserError (one line, exit code 2). */
import { UserError } from '../errors.ts';

export { UserError };

/** Parses a non-negative integer option (or throws a UserError naming it). */
export function parseInteger(name: string, raw: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim())) throw new UserError(`${name} must be a whole number, got '${raw}'`);
  // A whole number too large for a double is still a whole number: out of range, not malformed.
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new UserError(`${name} must be between ${min} and ${max}, got ${raw.trim()}`);
  return value;
}
