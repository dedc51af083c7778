/**
 * An identity's symbolic proof (Claim.symbolic, `check --rigorous`): the printed form minus the
 * true form, computed from the definitions in the free algebra with involution and trace
 * (./symbolic.ts). A residual that normalises to 0 proves the identity for every dimension and
 * every value of the letters (rigor 'proved'); one that vanishes only modulo relations outside the
 * free algebra proves it under those relations (named; the rigor stays 'certified'); a nonzero
 * normal form is the exact difference, printed in the letters.
 */
import { type LetterSpec, type Relations, type Scalar, type SMat, type Symbolic, symbolic } from './symbolic.ts';

type Residuals = Readonly<Record<string, SMat | Scalar>>;

export interface SymbolicSpec {
  /** The letters and scalar variables the residual is written in, and what they stand for (one line). */
  readonly letters: Readonly<Record<string, LetterSpec>>;
  readonly scalars?: readonly string[];
  readonly meaning: string;
  /** The printed form minus the true form, from the definitions (one entry per residual; all must vanish). */
  residual(S: Symbolic): Residuals;
  /** Relations outside the free algebra a proof may use (e.g. diagonal blocks commuting); a proof that needs them names them. */
  readonly relations?: Relations;
  /**
   * For a printed form with a corrected one: the same difference in shorter letters (derived
   * quantities as letters, with the symmetries their definitions give) — the printed minus the
   * corrected form. It is shown instead of the expansion only when `truth` (the corrected form's
   * residual in `letters`) is proved 0 in the free algebra: then printed − corrected = printed − true.
   */
  readonly readable?: {
    readonly letters: Readonly<Record<string, LetterSpec>>;
    readonly scalars?: readonly string[];
    readonly meaning: string;
    truth(S: Symbolic): Residuals;
    difference(Z: Symbolic): Residuals;
  };
}

type SymbolicOutcome =
  | { readonly proved: true; readonly modulo?: readonly string[] }
  /** residual: the normal form (unicode), in `letters` (the spec's meaning or its readable one's). */
  | { readonly proved: false; readonly residual: string; readonly letters: string };

/** Nonzero entries as text: the entry alone, or `name: text` per entry when there are several. */
function text(S: Symbolic, rs: Residuals, relations?: Relations): string | null {
  const entries = Object.entries(rs);
  const open = entries.flatMap(([name, r]) => {
    const p = S.prove(r, relations);
    return p.proved ? [] : [[name, S.format(p.residual, 'unicode')] as const];
  });
  if (open.length === 0) return null;
  return entries.length === 1 ? open[0][1] : open.map(([n, t]) => `${n}: ${t}`).join('; ');
}

export function proveSymbolic(spec: SymbolicSpec): SymbolicOutcome {
  const S = symbolic(spec.letters, spec.scalars ?? []);
  const rs = spec.residual(S);
  const proofs = Object.values(rs).map((r) => S.prove(r, spec.relations));
  if (proofs.every((p) => p.proved)) {
    const modulo = [...new Set(proofs.flatMap((p) => (p.proved ? (p.modulo ?? []) : [])))];
    return modulo.length > 0 ? { proved: true, modulo } : { proved: true };
  }
  const readable = spec.readable;
  if (readable) {
    const T = symbolic(spec.letters, spec.scalars ?? []);
    if (text(T, readable.truth(T)) === null) {
      const Z = symbolic(readable.letters, readable.scalars ?? []);
      const shown = text(Z, readable.difference(Z));
      if (shown !== null) return { proved: false, residual: shown, letters: readable.meaning };
    }
  }
  return { proved: false, residual: text(S, rs, spec.relations) ?? '', letters: spec.meaning };
}
