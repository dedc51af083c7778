/**
 * The errata found in YD21, pinned down beyond the registry run: where each printed form fails and
 * that the failure is not an artefact of one kind of instance.
 */
import { expect, test } from 'vitest';
import { eq22 } from '../../lemmas/yd21/eq-22.b-norm-identity.ts';
import { eq12 } from '../../lemmas/yd21/eq-12.p-update.ts';
import { eq19 } from '../../lemmas/yd21/eq-19.b-recursion.ts';
import { runClaim } from '../../src/claims/runner.ts';
import { diagonalState } from '../../src/random/instances.ts';

test('(22) as printed fails already with J = K = 0 (the sign of P_tB_t in the η² norm)', () => {
  const record = runClaim({ ...eq22, instances: diagonalState({ maxComplement: 0 }) });
  expect(record.verdict).toBe('refuted');
});

test('(12) as printed fails already with J = K = 0 (the D-terms are then (AB^T - BA^T)A ≠ 0)', () => {
  const record = runClaim({ ...eq12, instances: diagonalState({ maxComplement: 0 }) });
  expect(record.verdict).toBe('refuted');
});

test('(19) as printed fails in the stage-one step-size regime η ≤ 1/(16σ₁), on several seeds', () => {
  for (const seed of [1, 2, 3]) expect(runClaim(eq19, { seed }).verdict).toBe('refuted');
});
