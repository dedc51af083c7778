/**
 * The update of P = Σ − AAᵀ + BBᵀ after one GD step, as YD21 (12) and JCD (A.6) print it (the two
 * papers print the same formula; JCD's E_s below (B.1) reuses its BBᵀ-, C- and D-terms):
 *
 *   P₊ = P − ηP(Σ − P) − η(Σ − P)P + η²(PPP − PΣP) − 2ηBBᵀP − 2ηPBBᵀ
 *        − η(A + ηPA)Cᵀ − ηC(A + ηPA)ᵀ − η²CCᵀ + η(B + s·ηPB)Dᵀ + ηD(B + s·ηPB)ᵀ + η²DDᵀ
 *
 * with s = pbSign: +1 as printed, −1 as corrected (B₊ = (I − ηP)B + ηD). The formula itself is
 * written once, against the generic algebra: src/exact/states.ts pUpdateExact and pUpdateCdExact (the
 * floating-point check, the exact certificate and the symbolic proof all evaluate it); this module
 * keeps where its printed form fails.
 */
import type { Derived } from '../../src/gd/index.ts';
import { add, frobenius, type Mat, mulAll, transpose } from '../../src/linalg/dense.ts';
import type { StatedRegion } from '../../src/claims/types.ts';

/** What the formula reads: the principal block Σ and the derived A, B, P, C, D. */
export type PUpdateState = Pick<Derived, 'A' | 'B' | 'P' | 'C' | 'D'> & { readonly Sigma: Mat };

/**
 * Where the printed "+ηPB" D-terms of YD21 (12) and JCD (A.6) fail: the printed form differs from the
 * update by exactly 2η²(PBDᵀ + DBᵀP), so it fails only where that matrix is not zero (and is seen
 * where it exceeds the identity tolerance).
 */
export function pbSignRegion<X>(state: (x: X) => PUpdateState): StatedRegion<X> {
  return {
    text: 'PBDᵀ + DBᵀP ≠ 0 (the printed form is off by exactly 2η² times it; zero when B = 0 or D = 0)',
    contains: (x) => {
      const s = state(x);
      const T = mulAll(s.P, s.B, transpose(s.D));
      return frobenius(add(T, transpose(T))) > 0;
    },
  };
}
