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
import { jcdBlockStep } from './support/blocks.ts';
import { add, combine, mul, transpose } from '../../src/linalg/dense.ts';
import { equal } from '../../src/claims/compare.ts';
import { stepMagnitudes } from '../../src/claims/magnitudes.ts';
import { jcdBlockMagnitudes } from './support/blocks.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { frobenius } from '../../src/linalg/dense.ts';
import { type JcdState, jcdState, jcdStateSize } from './support/instances.ts';
import { jcdStateHypotheses } from './support/hypotheses.ts';
import { tailFrameForm, type TailStepResiduals } from '../../src/exact/states.ts';
import { tailFrameSymbolic } from '../../src/exact/symbolic-steps.ts';

function check(x: JcdState, keepTail = true) {
  const { before: s, after } = jcdBlockStep(x.sigma, x.F, x.G, x.r, x.eta);
  const { Sigma, SigmaTilde, U, V, J, K } = s;
  const eta = x.eta;
  const gramG = add(mul(transpose(V), V), mul(transpose(K), K));
  const gramF = add(mul(transpose(U), U), mul(transpose(J), J));
  // Each side is formed from terms of these magnitudes (src/claims/magnitudes.ts).
  const [b, a] = [jcdBlockMagnitudes(x.sigma, x.F, x.G, x.r), stepMagnitudes(x.sigma, x.F, x.G, eta)];
  const st = frobenius(SigmaTilde);
  const gG = b.V * b.V + b.K * b.K;
  const gF = b.U * b.U + b.J * b.J;
  const tail = keepTail ? eta : 0;
  return [
    equal('(4.3): U₊', after.U, combine([1, U], [eta, mul(Sigma, V)], [-eta, mul(U, gramG)]), a.U + b.U + eta * (b.Sigma * b.V + b.U * gG)),
    equal('(4.3): V₊', after.V, combine([1, V], [eta, mul(Sigma, U)], [-eta, mul(V, gramF)]), a.V + b.V + eta * (b.Sigma * b.U + b.V * gF)),
    equal('(4.3): J₊', after.J, combine([1, J], [tail, mul(SigmaTilde, K)], [-eta, mul(J, gramG)]), a.J + b.J + eta * (st * b.K + b.J * gG)),
    equal('(4.3): K₊', after.K, combine([1, K], [eta, mul(transpose(SigmaTilde), J)], [-eta, mul(K, gramF)]), a.K + b.K + eta * (st * b.J + b.K * gF)),
  ];
}

/** (4.3): the four blocks of the step minus the printed updates; sabotaged: ηΣ̃K dropped from J₊. */
const tailBlocksResidual: TailStepResiduals = (A, { x, before: s, after }, sabotaged) => {
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
  sabotage: { description: 'the tail term ηΣ̃K dropped from J₊ (as if X were exactly rank r)', check: (x) => check(x, false) },
});
