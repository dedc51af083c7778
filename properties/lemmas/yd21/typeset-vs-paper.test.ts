/**
 * For YD21, whose text copies carry the authors' LaTeX: each claim whose statement is a display of
 * the paper has LaTeX (src/report/latex.ts, from its one Unicode statement) that contains that
 * display, modulo whitespace and macro spelling (paper-latex.ts) — so a transcription slip cannot
 * hide between the paper and the code. Where a statement deliberately writes a display otherwise
 * (P_t³ for P_tP_tP_t, a bracket added, only part of a chain), the list below says so and rewrites
 * that one spot, instead of loosening the normal form. Every YD21 claim whose `where` names a
 * numbered display is either compared or listed with the reason it is not; a planted slip (a
 * flipped sign) fails the comparison.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadClaims } from '../../../src/claims/registry.ts';
import { toLatex } from '../../../src/report/latex.ts';
import { displays, normalise } from './paper-latex.ts';

// The displays of the text copies (shared/papers/ is not part of a clone), extracted verbatim.
const PAPERS = new URL('../../fixtures/yd21-displays/', import.meta.url).pathname;
const NEURIPS = displays(readFileSync(`${PAPERS}000_dc30b0f145ddd771.txt`, 'utf8'));
const PREPRINT = displays(readFileSync(`${PAPERS}001_2add9dcf1d914a94.txt`, 'utf8'));

/** The display of a copy that starts with `start`, joined with the `count − 1` displays after it. */
function display(copy: string[], start: string, count = 1): string {
  const k = copy.findIndex((d) => d.trim().startsWith(start));
  if (k < 0) throw new Error(`no display starts with ${start}`);
  return copy.slice(k, k + count).join(' ');
}

interface Comparison {
  readonly claim: string;
  /** The paper's LaTeX: one display or several consecutive ones. */
  readonly paper: ReadonlyArray<string>;
  /** Where the statement deliberately writes the display otherwise: each [the paper's normal form, the
   *  statement's] replaced throughout the paper's display, and why. */
  readonly rewrite?: { readonly pairs: ReadonlyArray<readonly [string, string]>; readonly why: string };
  /** Where the statement has only part of the display: the paper's normal form is cut before or after this text (and why). */
  readonly upTo?: readonly [string, string];
  readonly from?: readonly [string, string];
}

const COMPARED: ReadonlyArray<Comparison> = [
  { claim: 'yd21.eq-2-3.gd', paper: [display(NEURIPS, '\\mathbf{U}_{t+1}'), display(NEURIPS, '\\mathbf{V}_{t+1}')] },
  { claim: 'yd21.eq-4-5.rotation.preprint', paper: [display(PREPRINT, "\\mathbf{U}_{t+1}'")] },
  { claim: 'yd21.eq-4-5.rotation.preprint/corrected', paper: [display(NEURIPS, "\\mathbf{U}'_{t+1}"), display(NEURIPS, "\\mathbf{V}'_{t+1}")] },
  { claim: 'yd21.eq-6-9.blocks', paper: ['U_{t+1} =', 'V_{t+1} =', 'J_{t+1} =', 'K_{t+1} ='].map((s) => display(NEURIPS, s)) },
  { claim: 'yd21.eq-10.a-update', paper: [display(NEURIPS, '\\begin{aligned} A_{t+1}')] },
  { claim: 'yd21.eq-11.b-update', paper: [display(NEURIPS, '\\begin{aligned} B_{t+1}')] },
  {
    claim: 'yd21.eq-12.p-update',
    paper: [display(NEURIPS, '\\begin{aligned} P_{t+1}')],
    rewrite: { pairs: [['P_{t} P_{t} P_{t}', 'P_{t}^{3}']], why: 'the statement writes the cube P_tP_tP_t as P_t³' },
  },
  { claim: 'yd21.eq-16.p-perturbation', paper: [display(NEURIPS, 'P_{t+1} = (I'), display(NEURIPS, '\\lambda_d(P_t) \\geq')] },
  { claim: 'yd21.eq-18.unrolled', paper: [display(NEURIPS, '\\sigma_1(P_{t+1}) \\leq'), display(NEURIPS, '\\sigma_1(P_{t+T_1})')] },
  { claim: 'yd21.sec-3.2.4.lambda-d-p', paper: [display(PREPRINT, '\\lambda_d(P_{t+1})')] },
  { claim: 'yd21.sec-3.2.4.sigma1-p', paper: [display(PREPRINT, '\\sigma_1(P_{t+1}) \\le')] },
  { claim: 'yd21.eq-21.c-d-norms', paper: [display(PREPRINT, '||C_t||_{op} \\leq 2', 4)] },
  { claim: 'yd21.eq-26.s-closed-form', paper: [display(PREPRINT, '\\dot{X} ='), display(PREPRINT, 'X(t) ='), display(PREPRINT, 'S(t) =')] },
  { claim: 'yd21.eq-27.p-closed-form', paper: [display(PREPRINT, 'P(t) =')] },
  { claim: 'yd21.eq-31.general-analysis', paper: [display(PREPRINT, '(I + \\eta(\\Sigma - \\bar{S}))', 2)] },
  { claim: 'yd21.lemma-3.2', paper: [display(PREPRINT, "s' \\ge")] },
  { claim: 'yd21.lemma-3.2.proof-factorisation', paper: [display(PREPRINT, '(1-\\beta)S + \\eta\\Sigma S')] },
  { claim: 'yd21.lemma-b.1', paper: [display(PREPRINT, '\\left(E(S^{-1}')] },
  { claim: 'yd21.app-e.b-induction', paper: [display(PREPRINT, '||B_T||_F^2 \\le 3')] },
  {
    claim: 'yd21.app-d.a-iteration',
    paper: [
      display(PREPRINT, 'a_{t+1} \\ge'),
      display(PREPRINT, 's_{t+1} \\ge'),
      display(PREPRINT, '\\sigma_d - s_{t+1}'),
      display(PREPRINT, '\\frac{s_{t+1}}'),
    ],
  },
  { claim: 'yd21.app-d.step-2', paper: [display(PREPRINT, 'a_{t+1} \\ge')] },
  {
    claim: 'yd21.eq-19.b-recursion',
    paper: [display(NEURIPS, '\\begin{aligned} \\|B_{t+1}\\|_F^2')],
    upTo: ['\\le O (', 'the claim is the first inequality of (19); the second is O(·) bookkeeping'],
  },
  {
    claim: 'yd21.eq-23.stage-two-expansion',
    paper: [display(PREPRINT, '\\Sigma - U_{t+1+T_0}')],
    rewrite: {
      pairs: [
        ['_{t + 1 + T_{0}}', '_{t + 1}'],
        ['_{t + T_{0}}', ''],
      ],
      why: 'the statement counts time from T₀ and writes U, V, J, K at that time without their index ("all at t")',
    },
  },
  {
    claim: 'yd21.eq-22.b-norm-identity',
    paper: [display(PREPRINT, '\\begin{split} \\|B_{t+1}')],
    upTo: ['\\le - 2 \\eta \\lambda', 'the claim is the first line of (22), the identity'],
  },
  {
    claim: 'yd21.eq-20.sigma-d-a',
    paper: [display(NEURIPS, '\\begin{aligned} \\sigma_d(A_{t+1}) &\\geq \\sqrt')],
    from: ['\\sqrt{', "the claim ends its chain with (15)'s right side"],
  },
];

/** YD21 claims whose `where` names a numbered display but whose statement is not that display's LaTeX. */
const NOT_COMPARED: Readonly<Record<string, string>> = {
  'yd21.eq-4-5.rotation': 'states in words that the rotated iterates follow (4), (5)',
  'yd21.eq-8-9.jk-monotone': 'a consequence of (8), (9) stated in words',
  'yd21.eq-8-9.jk-monotone.full-regime': 'a consequence of (8), (9) stated in words',
  'yd21.eq-12.p-update/corrected': 'a corrected form, naming only the terms it changes',
  'yd21.eq-19.b-recursion/corrected': 'a corrected form',
  'yd21.eq-22.b-norm-identity/corrected': 'a corrected form',
  'yd21.eq-31.general-analysis/corrected': 'a corrected form (f(S̄) − f(S̃) for the expanded products)',
  'yd21.sec-3.2.3.a-split': "regroups (10)'s terms (compared as yd21.eq-10.a-update)",
  'yd21.sec-3.2.4.aat-bound': 'an inline formula of the text near (17), not a display',
  'yd21.sec-3.2.4.aat-bound/corrected': 'a corrected form of an inline formula',
  'yd21.sec-3.2.4.lambda-d-p/corrected': 'a corrected form (min for the printed max)',
  'yd21.sec-3.3.continuous-error': 'the gradient-flow identity behind (1) + (3) ⇒ (2), in the text, not a display',
};

const yd21 = (await loadClaims()).filter((c) => c.source.paper === 'YD21');
const ours = (id: string) => normalise(toLatex(yd21.find((c) => c.id === id)!.statement));
const contains = (statement: string, paper: string) => ` ${statement} `.includes(` ${paper} `);

/** The paper's displays of a comparison in the normal form, cut where the claim states only part, rewritten as the statement writes them. */
function paperForms(c: Comparison): string[] {
  return c.paper.map((d) => {
    let n = normalise(d);
    if (c.upTo) n = n.slice(0, n.indexOf(c.upTo[0])).trim();
    if (c.from) n = n.slice(n.indexOf(c.from[0])).trim();
    for (const [paper, statement] of c.rewrite?.pairs ?? []) n = n.split(paper).join(statement);
    return n;
  });
}

/** True when the statement contains every display of the comparison. */
function matches(c: Comparison, statement: string): boolean {
  return paperForms(c).every((d) => contains(normalise(toLatex(statement)), d));
}

const statementOf = (id: string) => {
  const c = yd21.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c.statement;
};

describe("each YD21 claim's LaTeX contains the paper's display", () => {
  test.each(COMPARED.map((c) => [c.claim, c] as const))('%s', (_, c) => {
    const statement = ours(c.claim);
    for (const [paper, written] of c.rewrite?.pairs ?? []) {
      expect(normalise(c.paper.join(' ')), `the rewrite's paper side (${c.rewrite!.why})`).toContain(paper);
      if (written) expect(statement, `the rewrite's statement side (${c.rewrite!.why})`).toContain(written);
    }
    for (const cut of [c.upTo, c.from]) if (cut) expect(normalise(c.paper.join(' '))).toContain(cut[0]);
    for (const d of paperForms(c)) expect(statement).toContain(d);
    expect(matches(c, statementOf(c.claim))).toBe(true);
  });
});

test('a planted transcription slip fails the comparison: one sign of (10) flipped, and every compared statement with − as + and ≤ as ≥', () => {
  const eq10 = COMPARED.find((c) => c.claim === 'yd21.eq-10.a-update')!;
  const statement = statementOf(eq10.claim);
  expect(statement).toContain('− ηB_t(K_tᵀK_t − J_tᵀJ_t)/2');
  expect(matches(eq10, statement.replace('− ηB_t(K_tᵀK_t − J_tᵀJ_t)/2', '− ηB_t(K_tᵀK_t + J_tᵀJ_t)/2'))).toBe(false);
  for (const c of COMPARED) expect(matches(c, statementOf(c.claim).replace(/−/g, '+').replace(/≤/g, '≥')), c.claim).toBe(false);
});

test('every YD21 claim whose place names a numbered display is compared or says why not', () => {
  const compared = new Set(COMPARED.map((c) => c.claim));
  const naming = yd21.filter((c) => /\(\d+\)/.test(c.source.where)).map((c) => c.id);
  expect(naming.filter((id) => !compared.has(id) && !(id in NOT_COMPARED))).toEqual([]);
  expect(Object.keys(NOT_COMPARED).filter((id) => !naming.includes(id) || compared.has(id))).toEqual([]);
});
