/**
 * JCD's GD step (4.2) in block coordinates, written once against MatrixOps: the state is (Σ, Σ̃,
 * A, B, J, K) — F = [A + B; J], G = [A − B; K] — and one step is (A.4), (A.5) (the printed updates,
 * lemmas/common/ab-updates.ts) with the row blocks of (4.3),
 *   J₊ = J − ηJ(VᵀV + KᵀK) + ηΣ̃K,   K₊ = K − ηK(UᵀU + JᵀJ) + ηΣ̃ᵀJ.
 * These are identities of the GD map (jcd.eq-a.4.a-update, jcd.eq-a.5.b-update, jcd.eq-4.3.blocks),
 * so the step is GD's; taken in these coordinates, B₊ keeps B's relative precision where B recomputed
 * from U − V in doubles would be rounding noise of size u‖A‖. In the magnitude model
 * (src/claims/measured.ts) the same code gives each block's value and the magnitude of what was
 * added to form it.
 */
import { printedAUpdate, printedBUpdate } from '../../common/ab-updates.ts';
import type { MatrixOps } from '../../../src/exact/ops.ts';
import { type DerivedExact, deriveFromAB } from '../../../src/exact/states.ts';

/** A state in block coordinates: Σ (r×r), Σ̃ ((m−r)×(n−r)), A, B (r×k), J ((m−r)×k), K ((n−r)×k). */
export interface BlockCoordinates<M> {
  readonly Sigma: M;
  readonly SigmaTilde: M;
  readonly A: M;
  readonly B: M;
  readonly J: M;
  readonly K: M;
}

/** The state with U = A + B, V = A − B and the derived matrices of (4.4), below (A.6) (deriveFromAB). */
export interface DerivedBlocks<M> extends BlockCoordinates<M>, DerivedExact<M> {
  readonly U: M;
  readonly V: M;
}

export function deriveBlocks<M, S, D>(O: MatrixOps<M, S, D>, b: BlockCoordinates<M>): DerivedBlocks<M> {
  return { ...b, U: O.add(b.A, b.B), V: O.sub(b.A, b.B), ...deriveFromAB(O, b.Sigma, b.A, b.B, b.J, b.K) };
}

/** One GD step of size η from s, in block coordinates. */
export function blockStep<M, S, D>(O: MatrixOps<M, S, D>, s: DerivedBlocks<M>, eta: S): DerivedBlocks<M> {
  const { F, add, combine, mul, tr } = O;
  const J = combine([F.one, s.J], [F.neg(eta), mul(s.J, add(mul(tr(s.V), s.V), s.KtK))], [eta, mul(s.SigmaTilde, s.K)]);
  const K = combine([F.one, s.K], [F.neg(eta), mul(s.K, add(mul(tr(s.U), s.U), s.JtJ))], [eta, mul(tr(s.SigmaTilde), s.J)]);
  return deriveBlocks(O, { Sigma: s.Sigma, SigmaTilde: s.SigmaTilde, A: printedAUpdate(O, s, eta), B: printedBUpdate(O, s, eta), J, K });
}

/**
 * Proposition B.3's split of (A.4), A₊ = A + η(Σ − AAᵀ)A + ηE (B.3): the "signal" step
 * A + η(Σ − AAᵀ)A and E = BBᵀA − (ABᵀ − BAᵀ)B − A(KᵀK + JᵀJ)/2 − B(KᵀK − JᵀJ)/2, as printed.
 */
export function signalStep<M, S, D>(O: MatrixOps<M, S, D>, s: Pick<DerivedBlocks<M>, 'Sigma' | 'A'>, eta: S): M {
  return O.add(s.A, O.scale(eta, O.mul(O.sub(s.Sigma, O.mul(s.A, O.tr(s.A))), s.A)));
}

export function eTerm<M, S, D>(O: MatrixOps<M, S, D>, s: Pick<DerivedBlocks<M>, 'A' | 'B' | 'Q' | 'M' | 'N'>): M {
  const { F, combine, mul, tr } = O;
  return combine([F.one, mul(s.B, tr(s.B), s.A)], [F.neg(F.one), mul(s.Q, s.B)], [F.neg(F.one), mul(s.A, s.M)], [F.neg(F.one), mul(s.B, s.N)]);
}
