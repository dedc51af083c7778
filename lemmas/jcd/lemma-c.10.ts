/**
 * JCD Lemma C.10 ([YD21, Lemma 3.3]) — "Suppose P, Σ ∈ ℝ^{r×r} are two symmetric matrices, η > 0,
 * and P′ = (I − η(Σ − P))P(I − η(Σ − P)). Suppose σ₁(P) ≤ 2σ₁ and σ_r I ⪯ Σ ⪯ σ₁ I. Then, for all
 * β ∈ (0, 1) and η ≤ β/(8σ₁), it holds that
 *     λ_r(P′) ≥ (1 − ησ_r)²λ_r(P) − (8+6β)/(1−β)·η²σ₁³   if λ_r(P) < 0;   0   if λ_r(P) ≥ 0."
 *
 * The statement is YD21 Lemma 3.3 word for word with d renamed r, so the check, the instances
 * (src/random/lemma-instances.ts), the witness of C and the parameters are those of yd21.lemma-3.3
 * (lemmas/yd21/lemma-3.3.ts), reused; only the labels are renamed.
 *
 * Proof. JCD cites the lemma without a proof ("Lemma C.10 ([YD21, Lemma 3.3])"). Its proof is YD21's
 * (App. C of the preprint), encoded step by step as yd21.lemma-3.3.proof-steps
 * (lemmas/yd21/lemma-3.3.proof-steps.ts: two steps false as printed, the lemma true). Compared with
 * YD21's statement (paper 000, Lemma 3.3), JCD prints the same hypotheses (P, Σ symmetric r×r, η > 0,
 * σ₁(P) ≤ 2σ₁, σ_rI ⪯ Σ ⪯ σ₁I, β ∈ (0, 1), η ≤ β/(8σ₁)) and the same bound, (1 − ησ_r)²λ_r(P) −
 * (8+6β)/(1−β)·η²σ₁³ (YD21 writes σ₁³η²) for λ_r(P) < 0 and 0 for λ_r(P) ≥ 0, with d renamed r and p, p′
 * written λ_r(P), λ_r(P′): no form differs, so there is no JCD-specific claim beyond this one.
 */
import type { Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import type { LemmaInstance } from '../../src/random/lemma-instances.ts';
import { lemma33 } from '../yd21/lemma-3.3.ts';
import { LEMMA_C_10 } from './support/hypotheses.ts';

function relabel(cs: Comparison[]): Comparison[] {
  return cs.map((c) => ({ ...c, label: c.label.replace(/σ_d/g, 'σ_r').replace(/p′/g, 'λ_r(P′)').replace(/\bp\b/g, 'λ_r(P)') }));
}

export const lemmaC10 = defineClaim<LemmaInstance>({
  id: 'jcd.lemma-c.10',
  source: { paper: 'JCD', where: 'Lemma C.10 (= YD21 Lemma 3.3)' },
  kind: 'inequality',
  statement: 'λ_r(P′) ≥ (1 − ησ_r)²λ_r(P) − (8 + 6β)/(1 − β)·η²σ₁³ if λ_r(P) < 0, λ_r(P′) ≥ 0 if λ_r(P) ≥ 0; P′ = (I − η(Σ − P))P(I − η(Σ − P))',
  hypotheses: LEMMA_C_10,
  constants: lemma33.constants,
  instances: lemma33.instances,
  parameters: lemma33.parameters,
  size: lemma33.size,
  check: (x, c) => relabel(lemma33.check(x, c)),
  witness: lemma33.witness,
  expected: 'holds',
  sabotage: {
    description: 'sign of the penalty flipped in the λ_r(P) < 0 case: λ_r(P′) ≥ (1 − ησ_r)²λ_r(P) + C·η²σ₁³',
    check: (x, c) => relabel(lemma33.sabotage.check!(x, c)),
  },
});
