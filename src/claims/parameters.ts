/**
 * Claims with some parameters fixed: the instances of `explore` and of `check --set NAME=VALUE`.
 */
import type { Claim } from './types.ts';
import { UserError } from '../errors.ts';

/** The claim with its instances built at the given parameter values (which may lie beyond what the hypotheses allow). */
export function withParameters<X>(claim: Claim<X>, fixed: Readonly<Record<string, number>>): Claim<X> {
  if (Object.keys(fixed).length === 0) return claim;
  const params = claim.parameters;
  if (!params) throw new UserError(`${claim.id} has no parameters to set`);
  for (const [name, value] of Object.entries(fixed)) {
    if (!(name in params.specs)) throw new UserError(`${claim.id} has no parameter '${name}' (it has: ${Object.keys(params.specs).join(', ')})`);
    if (!Number.isFinite(value)) throw new UserError(`parameter ${name} must be a finite number, got ${value}`);
  }
  const note = Object.entries(fixed)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  const beyond = Object.entries(fixed)
    .filter(([k, v]) => v < params.specs[k].allowed[0] || v > params.specs[k].allowed[1])
    .map(([k, v]) => `${k} = ${v} outside [${params.specs[k].allowed.join(', ')}]`)
    .join(', ');
  return {
    ...claim,
    statement: `${claim.statement} [with ${note}]`,
    instances: params.instances(fixed),
    ...(beyond ? { beyondHypotheses: beyond } : {}),
  };
}

/** Whether a value lies within the range the hypothesis allows. */
export function isAllowed(claim: Claim, name: string, value: number): boolean {
  const spec = claim.parameters?.specs[name];
  return spec !== undefined && value >= spec.allowed[0] && value <= spec.allowed[1];
}

/** The claim at a profile's sizes (its `profiles` entry), or the claim itself when it has none. */
export function withProfile<C extends object>(claim: C, profile: string): C {
  const sized = (claim as { readonly profiles?: Readonly<Record<string, object>> }).profiles?.[profile];
  return sized ? { ...claim, ...sized } : claim;
}
