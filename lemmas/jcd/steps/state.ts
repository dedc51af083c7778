/**
 * Instances for the step claims of JCD Appendix B: a GD state at step s of Proposition B.2's
 * induction, satisfying by construction everything lemmas/jcd/support/step-hypotheses.ts checks.
 *
 * Parameters (Theorem A.1): r ∈ [1, 3], m − r, n − r, k − r ∈ [0, 2]; σ₁ ∈ [½, 2], σ_r = qσ₁ with
 * q ∈ [0.05, 1] (q = 1 when r = 1), σ₂…σ_{r−1} in [σ_r, σ₁], the tail σ_{r+1}, … in [0, γσ_r];
 * γ ∈ (0, 0.85]; c_ρ ∈ (0, 1); η = f·min{γσ_r²/(600σ₁³), (1−γ)σ_r/(20σ₁²)}, f ∈ (0, 1];
 * log ρ = log ρ_max − d, d ∈ [0, 20] (ρ at its largest admissible value with probability ≈ 1/20).
 * T is the largest horizon Proposition B.2 allows; s = T − ⌈T^u⌉, u ∈ [0, 1] (T − s log-uniform in
 * [1, T]: both the early steps, where ε_s = (1 + γησ_r)^sρ ≈ ρ, and the last ones, where ε_s ≈ ε_T,
 * are drawn).
 *
 * Why γ ≤ 0.85 and ε_s ≥ 10⁻¹⁰⁰: J, K and B are of size ε_s√σ₁ and ε_s ≤ ε_T = ρ^{(1−γ)/(2(1+γ))},
 * which Theorem A.1's first bound on ρ drives below 10⁻¹²⁹ at γ = 0.85 (below 10⁻¹⁶⁰ at γ = 0.9), and
 * ε_s = ρ at s = 0 is below 10⁻³⁰⁰⁰ there. Products of such blocks (KᵀK, BᵀB, …) leave the range of
 * doubles, where rounding is no longer relative. So s is raised (never above T − 1) until
 * ε_s ≥ 10⁻¹⁰⁰ (when T allows: otherwise s = T − 1). Terms of order ε_s⁴ (and ε_s³ below 10⁻¹⁰⁰)
 * then underflow to 0 on both sides alike; norms are computed on rescaled matrices (step-hypotheses.ts:
 * fro, op; the magnitude model, src/claims/measured.ts, rescales its own), so nothing else underflows.
 *
 * The state: B = b·ε_s√(2r)√σ₁·W_B/‖W_B‖_F (b ∈ [0, 1]: Item 5, B = 0 included); A = T_A^{1/2}W_A with
 * T_A = Σ + BBᵀ + (1 − 10⁻⁴)(γσ_r/10)I and ‖W_A‖ = a ≤ 1 (AAᵀ ⪯ T_A: λ_r(P) ≥ −γσ_r/10, Item 4, with
 * a relative margin 10⁻⁵ so that rounding in T_A^{1/2} never crosses it); J, K of operator norm
 * j·ε_s√σ₁, κ·ε_s√σ₁ (Item 3); the state is stored as (A, B, J, K). Items 1, 2 follow:
 * ‖A‖² ≤ 1.1σ₁ + ‖B‖², so ‖UᵀU + JᵀJ‖ ≤ 2.5σ₁. W's are on coarse grids (readable shrunk instances).
 */
import fc from 'fast-check';
import { block, combine, diag, eye, frobenius, type Mat, mul, mulAll, transpose } from '../../../src/linalg/dense.ts';
import { opNorm, symmetricEigenvalues, symmetricFunction } from '../../../src/linalg/spectral.ts';
import {
  dimension,
  gridMatrix,
  inRange,
  orthogonal,
  scaledTo,
  spectrum,
  symmetricInRange,
  unitInterval,
  fractionOfMax,
} from '../../../src/random/arbitraries.ts';
import { openFraction } from '../support/instances.ts';
import { caseThreshold, etaMax, growth, horizonMax, logRhoMax, type StepState } from '../support/step-hypotheses.ts';
import type { JcdTimeParameters } from '../support/times.ts';
import type { Comparison } from '../../../src/claims/compare.ts';
import type { Hypothesis } from '../../../src/claims/hypotheses.ts';
import { type Claim, type ConstantValues, defineClaim, type ErratumGrading, type Sabotage, type StatedRegion } from '../../../src/claims/types.ts';

/** The smallest ε_s a state is drawn with (see the module comment). */
export const LOG_EPS_FLOOR = Math.log(1e-100);

export interface StepStateOptions {
  /** Restrict to Item 5's case (i) or (ii) (‖B_s‖_F above or at most the case threshold). */
  readonly bCase?: 'i' | 'ii';
  /**
   * Proposition B.4's conclusion for t ≥ T₁ + T₂ (what Proposition B.5 uses): σ_r(A_t) ≥ 0.8√σ_r.
   * A = T_A^{1/2}·Q₁diag(w)R with Q₁ orthogonal (r×r), R the first r rows of an orthogonal k×k
   * matrix and w ∈ [0.8√(σ_r/λ_min(T_A)), 1]^r, so σ_r(A) ≥ λ_min(T_A)^{1/2}·min w ≥ 0.8√σ_r and
   * ‖W‖ ≤ 1 (Item 4 still holds); Q₁ = R = I with min w at its end puts σ_r(A) on 0.8√σ_r.
   */
  readonly aFloor?: boolean;
  /** The same construction with another floor on σ_r(A_s) (Proposition B.3's induction hypothesis): floor(parameters, s). */
  readonly aFloorAt?: (p: { readonly params: JcdTimeParameters; readonly s: number }) => number;
  /**
   * Proposition B.5's conclusion for t ≥ T₁ + T₂ + T₃ (what Theorem A.1's proof uses): ‖P_t‖ ≤
   * ρ^{(1−γ)/(2(1+γ))}σ₁. A = (Σ + BBᵀ − P₀)^{1/2}·R with R the first r rows of an orthogonal k×k
   * matrix (RRᵀ = I) and P₀ symmetric with eigenvalues in [−min{γσ_r/10, ε_Tσ₁}, ε_Tσ₁]·(1 − 10⁻⁴),
   * so P = P₀ up to rounding.
   */
  readonly pSmall?: boolean;
  /**
   * Shrink σ_r/σ₁ toward 1 instead of 0.05 (the same distribution of q ∈ [0.05, 1]): for a printed
   * form expected refuted whose violation scales with η ≤ γσ_r²/(600σ₁³), so the shrunk counterexample
   * keeps a violation far from rounding (as the exact one, σ_r = σ₁) instead of drifting to σ_r → 0.05σ₁.
   */
  readonly shrinkToEqualSigmas?: boolean;
}

/** T^{1/2} of a symmetric positive semidefinite T (rounding below 0 clamped). */
const sqrtm = (T: Mat): Mat => symmetricFunction(T, (v) => Math.sqrt(Math.max(0, v)));

/** A state at step s of Proposition B.2's induction (lemmas/jcd/support/step-hypotheses.ts). */
export function stepStates(opts: StepStateOptions = {}): fc.Arbitrary<StepState> {
  return fc
    .record({
      r: dimension(1, 3),
      extra: dimension(0, 2),
      mc: dimension(0, 2),
      nc: dimension(0, 2),
      sigma1: inRange(0.5, 2),
      q: opts.shrinkToEqualSigmas ? inRange(1, 0.05) : inRange(0.05, 1),
      g: openFraction(),
      cRho: openFraction(),
      f: fractionOfMax(),
      d: inRange(0, 20),
      u: unitInterval(),
    })
    .chain(({ r, extra, mc, nc, sigma1, q, g, cRho, f, d, u }) => {
      const [m, n, k] = [r + mc, r + nc, r + extra];
      const sigmaR = r === 1 ? sigma1 : q * sigma1;
      const gamma = 0.85 * g;
      const base = { gamma, sigma1, sigmaR, m, n, k, r, cRho };
      const eta = f * etaMax(base);
      const params = { ...base, eta, logRho: logRhoMax(base) - d };
      const T = horizonMax(params);
      const lg = Math.log1p(gamma * eta * sigmaR);
      let s = T - Math.ceil(T ** u);
      // ε_s ≥ 10⁻¹⁰⁰ (module comment).
      const sFloor = Math.ceil((LOG_EPS_FLOOR - params.logRho) / lg);
      s = Math.min(T - 1, Math.max(s, sFloor, 0));
      if (opts.bCase === 'i') {
        // Case (i) needs threshold < ε_s√(2r)√σ₁, i.e. ε_s < γσ_r√(2r)/(16σ₁√(m+n+k)); ρ is below it (Theorem A.1's fourth bound).
        const logCap = Math.log((gamma * sigmaR * Math.sqrt(2 * r)) / (16 * sigma1 * Math.sqrt(m + n + k))) - 1e-9;
        s = Math.max(0, Math.min(s, Math.floor((logCap - params.logRho) / lg)));
      }
      const logEpsS = params.logRho + s * lg;
      const eps = Math.exp(logEpsS);
      return fc
        .record({
          head: spectrum(Math.max(0, r - 2), sigmaR, sigma1),
          tail: spectrum(Math.min(mc, nc), 0, gamma * sigmaR),
          WB: gridMatrix(r, k, 2, 8),
          b: unitInterval(),
          WA: gridMatrix(r, k, 2, 8),
          a: fractionOfMax(),
          Q1: opts.aFloor || opts.aFloorAt ? orthogonal(r) : fc.constant(null),
          Q2: opts.aFloor || opts.aFloorAt || opts.pSmall ? orthogonal(k) : fc.constant(null),
          P0: opts.pSmall ? symmetricInRange(r, -1, 1) : fc.constant(null),
          w: opts.aFloor || opts.aFloorAt ? fc.array(unitInterval(), { minLength: r, maxLength: r }) : fc.constant(null),
          WJ: gridMatrix(mc, k, 2, 8),
          WK: gridMatrix(nc, k, 2, 8),
          j: fractionOfMax(),
          kk: fractionOfMax(),
        })
        .map(({ head, tail, WB, b, WA, a, Q1, Q2, P0, w, WJ, WK, j, kk }): StepState => {
          // inRange(σ_r, σ₁) can round a hair above σ₁: clamp (the order of Σ's diagonal is a hypothesis).
          const top = r === 1 ? [sigma1] : [sigma1, ...head.map((h) => Math.min(sigma1, Math.max(sigmaR, h))), sigmaR];
          const Sigma = diag(top);
          const bMax = eps * Math.sqrt(2 * r * sigma1);
          let nB = b * bMax;
          const partial = { params, m, n, k, r, eta, gamma, sigma1, sigmaR, T, s, logEpsS } as const;
          if (opts.bCase) {
            const thr = caseThreshold({ ...partial, sigma: Sigma, A: Sigma, B: Sigma, J: Sigma, K: Sigma });
            nB = opts.bCase === 'i' ? thr + (bMax - thr) * Math.max(b, 1e-6) : b * Math.min(thr, bMax);
          }
          // A zero W_B with a required nonzero norm (case (i)): use the r×k identity.
          const WBn = frobenius(WB) > 0 ? WB : eyeRows(r, k);
          const B = scaledTo(WBn, frobenius, nB);
          const TA = combine([1, Sigma], [1, mul(B, transpose(B))], [(1 - 1e-4) * ((gamma * sigmaR) / 10), eye(r)]);
          let W = scaledTo(WA, opNorm, a);
          if ((opts.aFloor || opts.aFloorAt) && Q1 && Q2 && w) {
            const floor = opts.aFloorAt ? opts.aFloorAt({ params, s }) : 0.8 * Math.sqrt(sigmaR);
            const w0 = Math.min(1, (floor / Math.sqrt(Math.min(...symmetricEigenvalues(TA)))) * (1 + 1e-9));
            W = mulAll(
              Q1,
              diag(
                w.map((u) => w0 + (1 - w0) * u),
                r,
                r,
              ),
              block(Q2, 0, r, 0, k),
            );
          }
          let A = mul(sqrtm(TA), W);
          if (opts.pSmall && Q2 && P0) {
            // P0 has eigenvalues in [−1, 1]: map them affinely onto [−lo, hi].
            const hi = (1 - 1e-4) * Math.exp(((1 - gamma) / (2 * (1 + gamma))) * params.logRho) * sigma1;
            const lo = (1 - 1e-4) * Math.min((gamma * sigmaR) / 10, hi / (1 - 1e-4));
            const P = combine([(hi + lo) / 2, P0], [(hi - lo) / 2, eye(r)]);
            A = mul(sqrtm(combine([1, Sigma], [1, mul(B, transpose(B))], [-1, P])), block(Q2, 0, r, 0, k));
          }
          const J = scaledTo(WJ, opNorm, j * eps * Math.sqrt(sigma1));
          const K = scaledTo(WK, opNorm, kk * eps * Math.sqrt(sigma1));
          return {
            ...partial,
            sigma: diag([...top, ...tail], m, n),
            A,
            B,
            J,
            K,
          };
        });
    });
}

/** The r×k matrix with ones on its diagonal. */
function eyeRows(r: number, k: number): Mat {
  const out = diag(new Array(r).fill(1), r, k);
  return out;
}

export const stepSize = (x: StepState): number => Math.max(x.m, x.n, x.k);

/** (1 + γησ_r)^t ρ as a log. */
export function logEpsAt(x: StepState, t: number): number {
  return x.params.logRho + t * Math.log1p(growth(x));
}

/** One displayed step of a proof in JCD Appendix B, as the proof files declare it. */
export interface StepClaimSpec {
  readonly id: string;
  /** The place in the proof (appended to the proof's name in `source.where`). */
  readonly where: string;
  readonly statement: string;
  readonly check: (x: StepState, c: ConstantValues) => Comparison[];
  readonly sabotage: Sabotage<StepState>;
  readonly kind?: 'inequality' | 'identity';
  readonly expected?: 'holds' | 'refuted';
  readonly erratum?: string;
  readonly grading?: ErratumGrading;
  readonly failsWhere?: StatedRegion<StepState>;
  readonly corrected?: string;
  readonly corrects?: string;
  readonly constants?: Claim<StepState>['constants'];
  readonly witness?: Claim<StepState>['witness'];
  readonly exact?: Claim<StepState>['exact'];
  readonly symbolic?: Claim<StepState>['symbolic'];
}

/** What a proof's steps share: its name, the hypotheses in force, the states drawn, the choice of step. */
export interface ProofContext {
  readonly proof: string;
  readonly hypotheses: ReadonlyArray<Hypothesis<StepState>>;
  readonly instances: fc.Arbitrary<StepState>;
  /** How the step index is drawn and what carries the proof's time range. */
  readonly stepChoice: string;
}

/**
 * A step claim of one proof. Steps that hold get 150 instances (the suite's time budget); printed
 * forms expected refuted 300, so the rarer counterexamples are found on every seed.
 */
export function proofStepClaim(p: ProofContext, c: StepClaimSpec): Claim<StepState> {
  const expected = c.expected ?? 'holds';
  return defineClaim<StepState>({
    id: c.id,
    source: { paper: 'JCD', where: `${p.proof}: ${c.where}` },
    kind: c.kind ?? 'inequality',
    statement: c.statement,
    hypotheses: p.hypotheses,
    choices: { stepIndex: p.stepChoice },
    ...(c.constants ? { constants: c.constants } : {}),
    instances: p.instances,
    size: stepSize,
    check: c.check,
    ...(c.witness ? { witness: c.witness } : {}),
    ...(c.exact ? { exact: c.exact } : {}),
    ...(c.symbolic ? { symbolic: c.symbolic } : {}),
    expected,
    ...(c.erratum ? { erratum: c.erratum } : {}),
    ...(c.grading ? { grading: c.grading } : {}),
    ...(c.failsWhere ? { failsWhere: c.failsWhere } : {}),
    ...(c.corrected ? { corrected: c.corrected } : {}),
    ...(c.corrects ? { corrects: c.corrects } : {}),
    sabotage: c.sabotage,
    runs: expected === 'refuted' ? 300 : 150,
  });
}

/** The step choice every proof of Appendix B shares (module comment above), with what carries its time range. */
export function stepChoice(carriedBy?: string): string {
  return `s is drawn with T − s log-uniform in [1, T] and ε_s ≥ 10⁻¹⁰⁰ where T allows; T is the largest horizon allowed (lemmas/jcd/steps/state.ts)${carriedBy ? `; ${carriedBy}` : ''}`;
}
