/**
 * The update of P = Σ − AAᵀ + BBᵀ after one GD step, as YD21 (12) and JCD (A.6) print it (the two
 * papers print the same formula; JCD's E_s below (B.1) reuses its BBᵀ-, C- and D-terms). One home
 * for the formula, so that the claims of both papers check the same expression:
 *
 *   P₊ = P − ηP(Σ − P) − η(Σ − P)P + η²(PPP − PΣP) − 2ηBBᵀP − 2ηPBBᵀ
 *        − η(A + ηPA)Cᵀ − ηC(A + ηPA)ᵀ − η²CCᵀ + η(B + s·ηPB)Dᵀ + ηD(B + s·ηPB)ᵀ + η²DDᵀ
 *
 * with s = pbSign: +1 as printed, −1 as corrected (B₊ = (I − ηP)B + ηD). Each function also returns
 * the magnitude of what was added to form its value (src/claims/magnitudes.ts), the comparison scale.
 */
import type { Derived } from '../../src/gd/index.ts';
import { add, combine, type Mat, mul, mulAll, scale, transpose } from '../../src/linalg/dense.ts';
import type { BlockMagnitudes } from '../../src/claims/magnitudes.ts';
import type { StatedRegion } from '../../src/claims/types.ts';
import { frobenius } from '../../src/linalg/dense.ts';

/** What the formula reads: the principal block Σ and the derived A, B, P, C, D. */
export type PUpdateState = Pick<Derived, 'A' | 'B' | 'P' | 'C' | 'D'> & { readonly Sigma: Mat };

/** The BBᵀ-, C- and D-terms: −2ηBBᵀP − 2ηPBBᵀ − η(A + ηPA)Cᵀ − ηC(A + ηPA)ᵀ − η²CCᵀ + η(B + s·ηPB)Dᵀ + ηD(B + s·ηPB)ᵀ + η²DDᵀ. */
export function pUpdateCdTerms(s: PUpdateState, m: BlockMagnitudes, eta: number, pbSign: number): { value: Mat; scale: number } {
  const { A, B, P, C, D } = s;
  const BBt = mul(B, transpose(B));
  const APA = add(A, scale(mul(P, A), eta));
  const BPB = add(B, scale(mul(P, B), pbSign * eta));
  const value = combine(
    [-2 * eta, mul(BBt, P)],
    [-2 * eta, mul(P, BBt)],
    [-eta, mul(APA, transpose(C))],
    [-eta, mul(C, transpose(APA))],
    [-eta * eta, mul(C, transpose(C))],
    [eta, mul(BPB, transpose(D))],
    [eta, mul(D, transpose(BPB))],
    [eta * eta, mul(D, transpose(D))],
  );
  const ap = m.A + eta * m.P * m.A;
  const bp = m.B + eta * m.P * m.B;
  return { value, scale: 4 * eta * m.B * m.B * m.P + 2 * eta * ap * m.C + eta * eta * m.C * m.C + 2 * eta * bp * m.D + eta * eta * m.D * m.D };
}

/** The whole right side; `keepCubic = false` drops η²(PPP − PΣP) (a sabotage). */
export function pUpdateRhs(s: PUpdateState, m: BlockMagnitudes, eta: number, pbSign: number, keepCubic = true): { value: Mat; scale: number } {
  const { Sigma, P } = s;
  const SmP = combine([1, Sigma], [-1, P]);
  const cubic = keepCubic ? eta * eta : 0;
  const cd = pUpdateCdTerms(s, m, eta, pbSign);
  const value = combine([1, P], [-eta, mul(P, SmP)], [-eta, mul(SmP, P)], [cubic, mulAll(P, P, P)], [-cubic, mulAll(P, Sigma, P)], [1, cd.value]);
  const scaleSum = m.P + 2 * eta * m.P * (m.Sigma + m.P) + eta * eta * (m.P ** 3 + m.P * m.Sigma * m.P) + cd.scale;
  return { value, scale: scaleSum };
}

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
