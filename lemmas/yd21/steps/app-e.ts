/**
 * YD21 App. E of the preprint, the two sentences that choose ε:
 *
 *   "Suppose T ≤ T₀ = O((1/(ησ_d)) ln(dσ_d/ε²)). By choosing ε = Õ(√σ_d/(e_b√((m+n)dκ))), we have
 *    pT ≤ pT₀ ≤ 1."                                                                     [choice-p]
 *   "Similarly, by choosing ε = Õ(σ_d/(√σ₁e_b(m+n))), we have qT ≤ c²d²ε²."              [choice-q]
 *
 * with p = O(ηe_b²ε²(m+n)dκ) and q = O(η√σ₁e_b(m+n)d²ε³) from the iteration formula
 * ‖B_{t+1}‖²_F ≤ (1 + p)‖B_t‖²_F + q. (The extraction prints the first choice as "Õ(…)^{11}": the 11 is
 * footnote 11's mark.) The next sentence, ‖B_T‖² ≤ 3‖B₀‖² + c²d²ε², is yd21.app-e.b-induction.
 *
 * What is checked: the printed orders, with the O(·)'s made explicit as constants C_p, C_q, C_T ∈
 * [1, 10³] (drawn, log-uniform: the sentences must hold for whatever constants the O's hide) and the
 * Õ's as a constant times a logarithm of the problem's parameters — never a power of them:
 *   choice-p: ε² ≤ σ_d/(2C·L·e_b²(m+n)dκ), C = C_pC_T, L = max{1, ln(2C·d²e_b²(m+n)κ)};
 *   choice-q: ε ≤ c²σ_d/(2C′√σ₁e_b(m+n)L′), C′ = C_qC_T, L′ = max{1, ln(4C′²dκe_b²(m+n)²/c⁴)};
 * then pT₀ = ln(dσ_d/ε²)/(2L)·… ≤ (L + ln L)/(2L) ≤ 1 and qT₀/(c²d²ε²) ≤ (L′ + 2ln L′)/(2L′) ≤ 1 at the
 * largest such ε, and both grow with ε while ln(dσ_d/ε²) ≥ 2, so every smaller ε satisfies them too.
 * A wrong power in a printed order (σ_d for √σ_d, a lost κ) makes the product grow with that parameter
 * past any constant: the sabotages drop κ (choice-p) and read m + n as √(m+n) (choice-q).
 *
 * Instances: d ∈ [1, 6], m + n − 2d ∈ [0, 20], κ ∈ [1, 100] and σ₁ ∈ [½, 2] (log-uniform κ), c ∈ [1, 16],
 * e_b = 2c (App. E's choice), the three constants, η ∈ (0, σ_dε²/(dσ₁³)] (stage one's order; it
 * cancels in pT₀ and qT₀), and ε = f·min{the choice, √(dσ_d)/e} with f ∈ (0, 1] (ln(dσ_d/ε²) ≥ 2: ε
 * small, as Theorem 3.1's ε = Õ(σ_d/√(d³σ₁(m+n))) makes it).
 */
import fc from 'fast-check';
import { atMost, type Comparison } from '../../../src/claims/compare.ts';
import { defineClaim } from '../../../src/claims/types.ts';
import { hypothesis, type Hypothesis } from '../../../src/claims/hypotheses.ts';
import { leq } from '../../../src/hypotheses/matrix.ts';
import { dimension, fractionOfMax, inLogRange, inRange } from '../../../src/random/arbitraries.ts';

interface ChoiceInstance {
  readonly d: number;
  /** m + n. */
  readonly mn: number;
  readonly kappa: number;
  readonly sigma1: number;
  readonly c: number;
  readonly eb: number;
  /** The constants of p = O(·) (or q = O(·)) and T₀ = O(·). */
  readonly Cpq: number;
  readonly CT: number;
  readonly epsilon: number;
  readonly eta: number;
}

const sigmaD = (x: Pick<ChoiceInstance, 'sigma1' | 'kappa'>) => x.sigma1 / x.kappa;
const T0 = (x: ChoiceInstance) => (x.CT / (x.eta * sigmaD(x))) * Math.log((x.d * sigmaD(x)) / x.epsilon ** 2);

/** The largest ε the Õ choice allows (module comment). */
function chosenEpsilon(x: Omit<ChoiceInstance, 'epsilon' | 'eta'>, which: 'p' | 'q'): number {
  const C = x.Cpq * x.CT;
  if (which === 'p') {
    const L = Math.max(1, Math.log(2 * C * x.d * x.d * x.eb * x.eb * x.mn * x.kappa));
    return Math.sqrt(sigmaD(x) / (2 * C * L * x.eb * x.eb * x.mn * x.d * x.kappa));
  }
  const L = Math.max(1, Math.log((4 * C * C * x.d * x.kappa * x.eb * x.eb * x.mn * x.mn) / x.c ** 4));
  return (x.c * x.c * sigmaD(x)) / (2 * C * Math.sqrt(x.sigma1) * x.eb * x.mn * L);
}

function instances(which: 'p' | 'q'): fc.Arbitrary<ChoiceInstance> {
  return dimension(1, 6).chain((d) =>
    fc
      .record({
        extra: dimension(0, 20),
        kappa: inLogRange(1, 100),
        sigma1: inRange(0.5, 2),
        c: inRange(1, 16),
        Cpq: inLogRange(1, 1e3),
        CT: inLogRange(1, 1e3),
        f: fractionOfMax(),
        g: fractionOfMax(),
      })
      .map(({ extra, kappa, sigma1, c, Cpq, CT, f, g }) => {
        const base = { d, mn: 2 * d + extra, kappa, sigma1, c, eb: 2 * c, Cpq, CT };
        const epsilon = f * Math.min(chosenEpsilon(base, which), Math.sqrt(d * (sigma1 / kappa)) / Math.E);
        const eta = (g * (sigma1 / kappa) * epsilon * epsilon) / (d * sigma1 ** 3);
        return { ...base, epsilon, eta };
      }),
  );
}

function hypotheses(which: 'p' | 'q'): Hypothesis<ChoiceInstance>[] {
  return [
    hypothesis<ChoiceInstance>(
      'shape',
      'd ≥ 1, m + n ≥ 2d, κ = σ₁/σ_d ≥ 1, c ≥ 1, e_b = 2c, the O-constants ≥ 1',
      (x) => x.d >= 1 && x.mn >= 2 * x.d && x.kappa >= 1 && x.c >= 1 && x.eb === 2 * x.c && x.Cpq >= 1 && x.CT >= 1,
      {
        coordinates: {
          d: { value: (x) => x.d, domain: [1, 6] },
          'm + n − 2d': { value: (x) => x.mn - 2 * x.d, domain: [0, 20] },
          'log₁₀ κ': { value: (x) => Math.log10(x.kappa), domain: [0, 2] },
          c: { value: (x) => x.c, domain: [1, 16] },
        },
      },
    ),
    hypothesis<ChoiceInstance>(
      'choice',
      which === 'p'
        ? 'ε = Õ(√σ_d/(e_b√((m+n)dκ))): ε ≤ √(σ_d/(2C·L·e_b²(m+n)dκ)) (module comment)'
        : 'ε = Õ(σ_d/(√σ₁e_b(m+n))): ε ≤ c²σ_d/(2C′√σ₁e_b(m+n)L′) (module comment)',
      (x) => leq(x.epsilon, chosenEpsilon(x, which), 1),
      { coordinates: { 'ε/choice': { value: (x) => x.epsilon / chosenEpsilon(x, which), domain: [0, 1] } } },
    ),
    hypothesis<ChoiceInstance>(
      'small-epsilon',
      'ln(dσ_d/ε²) ≥ 2 (ε small, as Theorem 3.1 chooses it)',
      (x) => Math.log((x.d * sigmaD(x)) / x.epsilon ** 2) >= 2 - 1e-12,
    ),
    hypothesis<ChoiceInstance>(
      'eta',
      'η = O(σ_dε²/(dσ₁³)) > 0 (Theorem 3.1; constant 1)',
      (x) => x.eta > 0 && leq(x.eta, (sigmaD(x) * x.epsilon ** 2) / (x.d * x.sigma1 ** 3), 1),
    ),
  ];
}

const common = {
  source: { paper: 'YD21', where: 'App. E (preprint), the sentences choosing ε' },
  kind: 'inequality',
  size: () => 1,
  choices: {
    'O-constants': 'p = C_p·ηe_b²ε²(m+n)dκ, q = C_q·η√σ₁e_b(m+n)d²ε³, T₀ = C_T·ln(dσ_d/ε²)/(ησ_d) with C_p, C_q, C_T drawn in [1, 10³]',
    Õ: 'a constant (from the O-constants) times a logarithm of d, m + n, κ, e_b, c (module comment)',
  },
  runs: 300,
} as const;

/** pT₀ ≤ 1 at ε·stretch (stretch = √κ: the sabotage, the choice without its κ). */
function choiceP(x: ChoiceInstance, stretch = 1): Comparison[] {
  const y = { ...x, epsilon: x.epsilon * stretch };
  const pT0 = x.Cpq * x.eta * x.eb ** 2 * y.epsilon ** 2 * x.mn * x.d * x.kappa * T0(y);
  return [atMost('pT₀ ≤ 1', pT0, 1, 1 + pT0)];
}

/** qT₀ ≤ c²d²ε² at ε·stretch (stretch = √(m+n): the sabotage, the choice with √(m+n) for m + n). */
function choiceQ(x: ChoiceInstance, stretch = 1): Comparison[] {
  const y = { ...x, epsilon: x.epsilon * stretch };
  const lhs = x.Cpq * x.eta * Math.sqrt(x.sigma1) * x.eb * x.mn * x.d ** 2 * y.epsilon ** 3 * T0(y);
  const rhs = x.c ** 2 * x.d ** 2 * y.epsilon ** 2;
  return [atMost('qT₀ ≤ c²d²ε²', lhs, rhs, lhs + rhs)];
}

export const appEChoiceP = defineClaim<ChoiceInstance>({
  ...common,
  id: 'yd21.app-e.choice-p',
  statement: 'ε = Õ(√σ_d/(e_b√((m+n)dκ))) ⇒ pT ≤ pT₀ ≤ 1 (p = O(ηe_b²ε²(m+n)dκ), T₀ = O(ln(dσ_d/ε²)/(ησ_d)))',
  hypotheses: hypotheses('p'),
  instances: instances('p'),
  check: (x) => choiceP(x),
  expected: 'holds',
  sabotage: { description: 'κ dropped from the choice of ε (ε larger by √κ: pT₀ then grows with κ)', check: (x) => choiceP(x, Math.sqrt(x.kappa)) },
});

export const appEChoiceQ = defineClaim<ChoiceInstance>({
  ...common,
  id: 'yd21.app-e.choice-q',
  statement: 'ε = Õ(σ_d/(√σ₁e_b(m+n))) ⇒ qT ≤ qT₀ ≤ c²d²ε² (q = O(η√σ₁e_b(m+n)d²ε³), T₀ = O(ln(dσ_d/ε²)/(ησ_d)))',
  hypotheses: hypotheses('q'),
  instances: instances('q'),
  check: (x) => choiceQ(x),
  expected: 'holds',
  sabotage: {
    description: 'the choice with √(m+n) for m + n (ε larger by √(m+n): qT₀/(c²d²ε²) then grows with it)',
    check: (x) => choiceQ(x, Math.sqrt(x.mn)),
  },
});
