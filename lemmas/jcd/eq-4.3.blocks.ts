/**
 * JCD (4.3), §4.2 — the block updates induced by (4.2), with the tail Σ̃ of Σ_X kept:
 *
 *   U₊ = U + ηΣV − ηU(VᵀV + KᵀK)
 *   V₊ = V + ηΣU − ηV(UᵀU + JᵀJ)
 *   J₊ = J + ηΣ̃K − ηJ(VᵀV + KᵀK)
 *   K₊ = K + ηΣ̃ᵀJ − ηK(UᵀU + JᵀJ)                                                        (4.3)
 *
 * U, V are the upper r×k blocks of F, G; J, K the lower (m−r)×k, (n−r)×k blocks; Σ = diag(σ₁..σ_r),
 * Σ̃ the lower-right (m−r)×(n−r) block of Σ_X (lemmas/jcd/support/blocks.ts). Checked against the blocks of the
 * engine's full GD step (4.2) on Σ_X with k columns.
 */
import { defineClaim } from '../../src/claims/types.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';
import { type FullStepResiduals, tailFrameForm } from '../../src/exact/states.ts';
import { jcdStepCheck } from './support/blocks.ts';
import { tailFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

/** (4.3): the four blocks of the step minus the printed updates; sabotaged: ηΣ̃K dropped from J₊. */
const tailBlocksResidual: FullStepResiduals = (A, { x, before: s, after }, sabotaged) => {
  const { F, combine, mul, tr, add, sub } = A;
  const eta = x.eta;
  const me = F.neg(eta);
  const gramG = add(mul(tr(s.V), s.V), s.KtK);
  const gramF = add(mul(tr(s.U), s.U), s.JtJ);
  return {
    '(4.3) U₊': sub(after.U, combine([F.one, s.U], [eta, mul(x.Sigma, s.V)], [me, mul(s.U, gramG)])),
    '(4.3) V₊': sub(after.V, combine([F.one, s.V], [eta, mul(x.Sigma, s.U)], [me, mul(s.V, gramF)])),
    '(4.3) J₊': sub(after.J, combine([F.one, s.J], [sabotaged ? F.zero : eta, mul(x.SigmaTilde, s.K)], [me, mul(s.J, gramG)])),
    '(4.3) K₊': sub(after.K, combine([F.one, s.K], [eta, mul(tr(x.SigmaTilde), s.J)], [me, mul(s.K, gramF)])),
  };
};
const check = jcdStepCheck(tailBlocksResidual);

export const eq43 = defineClaim<JcdState>({
  id: 'jcd.eq-4.3.blocks',
  source: { paper: 'JCD', where: '(4.3), §4.2' },
  kind: 'identity',
  statement: 'U₊ = U + ηΣV − ηU(VᵀV + KᵀK); V₊ = V + ηΣU − ηV(UᵀU + JᵀJ); J₊ = J + ηΣ̃K − ηJ(VᵀV + KᵀK); K₊ = K + ηΣ̃ᵀJ − ηK(UᵀU + JᵀJ)',
  hypotheses: jcdStateHypotheses(),
  instances: jcdState(),
  size: jcdStateSize,
  check: (x) => check(x),
  // Exact form: the four blocks of the exact step (4.2) minus (4.3), tail Σ̃ ≠ 0. D = 4.
  exact: tailFrameForm(tailBlocksResidual, { bound: 4, derivation: 'η times three blocks' }),
  symbolic: tailFrameSymbolic(tailBlocksResidual),
  expected: 'holds',
  sabotage: { description: 'the tail term ηΣ̃K dropped from J₊ (as if X were exactly rank r)', check: (x) => check(x, true) },
});
