/**
 * JCD Lemma C.9, proof — "we make frequent use of the following two facts from Calculus:
 *   (i) For any x ∈ (−1, 1), x/(1+x) ≤ log x ≤ x.
 *   (ii) For any 0 < a < b and x > 0, log(1+aησ_r)/log(1+bησ_r) ≤ a/b."
 *
 * As printed both are false.
 * (i) reads "log x" in the extracted text (the extraction keeps "log(1 + γησ_r)" and the like
 * intact elsewhere, so this is taken as what was printed, not as a lost "(1 +"). log x is undefined
 * for x ≤ 0, so the printed (i) is checked where it has a meaning, x ∈ (0, 1): there log x < 0 <
 * x/(1+x). The intended fact is x/(1+x) ≤ log(1+x) ≤ x (true for every x > −1).
 * (ii) is reversed: log(1+t) is concave with log(1+0) = 0, so log(1+t)/t decreases and
 * log(1+ay)/log(1+by) ≥ a/b for 0 < a < b, y > 0 ("x > 0" of the statement is read as ησ_r =: y > 0,
 * the only variable of the formula). From (i): log(1+ay) ≤ ay and log(1+by) ≥ by/(1+by), so the
 * quotient is ≤ (a/b)(1 + by). The corrected sibling checks a/b ≤ log(1+ay)/log(1+by) ≤ (a/b)(1+by).
 *
 * Instances: x ∈ (−1, 1) on a fine grid (and within 10^{−1…−9} of the ends and of 0); b ∈ (0, 10],
 * a = fb with f ∈ (0, 1); y = 10^e, e ∈ [−8, 2] (shrinking to b = 1, a = b/2, y = 1, where a violation is plain).
 */
import fc from 'fast-check';
import { atMost, type Comparison } from '../../src/claims/compare.ts';
import { defineClaim } from '../../src/claims/types.ts';
import { fractionOfMax, inRange, openUnitInterval, UNIT_RESOLUTION } from '../../src/random/arbitraries.ts';
import { hypothesis } from '../../src/claims/hypotheses.ts';

/** (i)'s and (ii)'s hypotheses as printed ("x > 0" of (ii) read as y = ησ_r > 0). */
const FACTS_HYPOTHESES = [
  hypothesis<FactsInstance>('fact-i', '(i): x ∈ (−1, 1)', (i) => i.x > -1 && i.x < 1, { coordinates: { x: { value: (i) => i.x, domain: [-1, 1] } } }),
  hypothesis<FactsInstance>('fact-ii', '(ii): 0 < a < b and x > 0 (read as y = ησ_r > 0)', (i) => i.a > 0 && i.a < i.b && i.y > 0 && Number.isFinite(i.y), {
    coordinates: {
      b: { value: (i) => i.b, domain: [0, 10] },
      'a/b': { value: (i) => i.a / i.b, domain: [0, 1] },
      'log₁₀ y': { value: (i) => Math.log10(i.y), domain: [-8, 2] },
    },
  }),
];

interface FactsInstance {
  /** x ∈ (−1, 1), x ≠ 0, for fact (i). */
  readonly x: number;
  /** 0 < a < b and y > 0 for fact (ii). */
  readonly a: number;
  readonly b: number;
  readonly y: number;
}

const xArb = fc.oneof(
  fc
    .integer({ min: -(UNIT_RESOLUTION - 1), max: UNIT_RESOLUTION - 1 })
    .filter((i) => i !== 0)
    .map((i) => i / UNIT_RESOLUTION),
  fc.tuple(fc.constantFrom(-1, 0, 1), fc.boolean(), inRange(1, 9)).map(([at, up, e]) => (at === 0 ? (up ? 1 : -1) * 10 ** -e : at * (1 - 10 ** -e))),
);

const instances: fc.Arbitrary<FactsInstance> = fc
  .record({
    x: xArb,
    b: fc.oneof(inRange(1, 10), fractionOfMax()),
    f: openUnitInterval(),
    e: fc.integer({ min: -8000, max: 2000 }).map((i) => i / 1000),
  })
  .map(({ x, b, f, e }) => ({ x, a: f * b, b, y: 10 ** e }));

/** Fact (i), as printed (x ∈ (0, 1) only, where log x is defined) or corrected (log(1+x), all of (−1, 1)). */
function factOne(x: number, corrected: boolean): Comparison[] {
  if (!corrected && x <= 0) return [];
  const lg = corrected ? Math.log1p(x) : Math.log(x);
  const what = corrected ? 'log(1+x)' : 'log x';
  const s = Math.abs(x) / (1 + x) + Math.abs(lg) + Math.abs(x);
  return [atMost(`(i) x/(1+x) ≤ ${what}`, x / (1 + x), lg, s), atMost(`(i) ${what} ≤ x`, lg, x, s)];
}

/** Fact (ii): printed upper bound a/b, or the corrected two-sided bound a/b ≤ q ≤ (a/b)(1+by); `shrink` scales the upper bound (sabotage). */
function factTwo(i: FactsInstance, corrected: boolean, keepFactor = true, shrink = 1): Comparison[] {
  const q = Math.log1p(i.a * i.y) / Math.log1p(i.b * i.y);
  const ab = i.a / i.b;
  // q is rounded in two log1p's and a division, the bounds in two products: a few u of their size.
  const s = (q + ab * (1 + i.b * i.y)) * 4;
  const upper = shrink * (corrected && keepFactor ? ab * (1 + i.b * i.y) : ab);
  const label = corrected && keepFactor ? '(ii) log(1+ay)/log(1+by) ≤ (a/b)(1+by)' : '(ii) log(1+ay)/log(1+by) ≤ a/b';
  return [...(corrected ? [atMost('(ii) a/b ≤ log(1+ay)/log(1+by)', ab, q, s)] : []), atMost(label, q, upper, s)];
}

const common = {
  source: { paper: 'JCD', where: 'Lemma C.9, proof: facts (i), (ii)' },
  kind: 'inequality',
  instances,
  size: () => 1,
} as const;

export const lemmaC9Facts = defineClaim<FactsInstance>({
  ...common,
  id: 'jcd.lemma-c.9.facts',
  statement: '(i) x/(1+x) ≤ log x ≤ x for x ∈ (−1, 1); (ii) log(1+aησ_r)/log(1+bησ_r) ≤ a/b for 0 < a < b, ησ_r > 0',
  // (i) as printed is checked for x ∈ (0, 1) only, where log x is defined (the check returns no comparison otherwise).
  hypotheses: FACTS_HYPOTHESES,
  check: (i) => [...factOne(i.x, false), ...factTwo(i, false)],
  expected: 'refuted',
  grading: {
    grade: 'breaks-proof',
    why:
      '(ii) is reversed (log(1+ay)/log(1+by) ≥ a/b for 0 < a < b) and the proof of Lemma C.9 uses it as an upper bound in two chains: the step for T₁/T is false on every admissible instance (jcd.lemma-c.9.step-t1-fact), the one for T₂/T for every γ < 0.1 (jcd.lemma-c.9.step-t2-fact), and inequality 2 fails on a thin band of γ below 0.1 (jcd.lemma-c.9.parts); ' +
      "what holds is a/b ≤ log(1+ay)/log(1+by) ≤ (a/b)(1+by), with which chain 1 reaches inequality 1 (through the room in (C.7)) only for γ < 0.9017, and the corrected chains add up to more than (A.2)'s right side on some admissible instances from γ ≈ 0.95 (measured; jcd.lemma-c.9.step-t1-fact); inequality 1 and (A.2) themselves hold as printed (jcd.lemma-c.9.parts, jcd.lemma-c.9.ratio). " +
      '(i) "log x" may be the extraction dropping "(1 + " (the intended x/(1+x) ≤ log(1+x) ≤ x is standard and true, and the proof uses it correctly for T₃/T: jcd.lemma-c.9.step-t3-fact), but (ii) alone refutes the pair',
    dependents: [
      'Lemma C.9, proof: the first inequality of the chains for T₁/T and T₂/T (jcd.lemma-c.9.step-t1-fact, jcd.lemma-c.9.step-t2-fact) and for T₃/T (fact (i): jcd.lemma-c.9.step-t3-fact)',
      'Lemma C.9, proof: inequalities 1–3 (jcd.lemma-c.9.parts)',
      'Lemma C.9 / (A.2) (jcd.lemma-c.9.ratio)',
    ],
  },
  failsWhere: {
    text: 'every instance: (i) as printed fails for every x ∈ (0, 1), (ii) for every 0 < a < b and y > 0',
    contains: () => true,
  },
  erratum:
    'Both "facts from calculus" are false as printed. (i) must read x/(1+x) ≤ log(1+x) ≤ x: as printed it fails for every x ∈ (0, 1), where log x < 0 < x/(1+x) (e.g. x = 1/2: log(1/2) = −0.693 < 1/3), and log x is undefined for x ∈ (−1, 0]. ' +
    '(ii) is reversed: log(1+t) is strictly concave with log 1 = 0, so log(1+ay)/log(1+by) > a/b for every 0 < a < b and y > 0 — the failing region is the whole domain; the excess factor is ≈ 1 + (b−a)y/2 for small y and tends to b/a as y → ∞ (e.g. a = 1/2, b = 1, y = 1: log(3/2)/log 2 = 0.58496 > 1/2). ' +
    'What holds is a/b ≤ log(1+ay)/log(1+by) ≤ (a/b)(1+by). The proof of Lemma C.9 uses (ii) as an upper bound for T₁/T and T₂/T; see jcd.lemma-c.9.step-t1-fact, jcd.lemma-c.9.step-t2-fact and jcd.lemma-c.9.parts.',
  corrected: 'jcd.lemma-c.9.facts/corrected',
  sabotage: { description: 'the right side a/b of (ii) halved', check: (i) => [...factOne(i.x, false), ...factTwo(i, false, true, 0.5)] },
});

export const lemmaC9FactsCorrected = defineClaim<FactsInstance>({
  ...common,
  id: 'jcd.lemma-c.9.facts/corrected',
  statement: '(i) x/(1+x) ≤ log(1+x) ≤ x for x ∈ (−1, 1); (ii) a/b ≤ log(1+ay)/log(1+by) ≤ (a/b)(1+by) for 0 < a < b, y = ησ_r > 0',
  hypotheses: FACTS_HYPOTHESES,
  check: (i) => [...factOne(i.x, true), ...factTwo(i, true)],
  expected: 'holds',
  corrects: 'jcd.lemma-c.9.facts',
  sabotage: { description: 'the factor (1 + by) of (ii) dropped (the printed direction)', check: (i) => [...factOne(i.x, true), ...factTwo(i, true, false)] },
});
