/**
 * Every statement in the registry converts to LaTeX that KaTeX typesets (throwOnError, strict: an
 * unconverted Unicode symbol fails), and so does each erratum's pair of printed and corrected forms
 * with its changed terms marked; the converter's output on the notations the statements use; the
 * token diff marks a flipped sign and nothing else; a formula KaTeX rejects is shown as text and counted
 * (and the page says so); summary.md lists every statement as $…$.
 */
import { describe, expect, test } from 'vitest';
import { loadClaims } from '../../src/claims/registry.ts';
import { formulaPair, toLatex } from '../../src/report/latex.ts';
import { CHANGED_MACRO } from '../../src/report/text.ts';
import { renderLatex, Typesetter } from '../../src/report/typeset.ts';
import { escapeHtml, htmlReport } from '../../src/report/html.ts';
import { markdownReport } from '../../src/report/markdown.ts';
import { plantedRecord } from './planted.ts';

const claims = await loadClaims();
const texOf = (f: unknown) => (f as { tex: string }).tex;

describe('every registered statement is typeset', () => {
  test.each(claims.map((c) => [c.id, c.statement]))('%s', (_, statement) => {
    expect(() => renderLatex(toLatex(statement))).not.toThrow();
  });
});

describe("every erratum's printed and corrected forms are typeset, with the changed terms marked", () => {
  const pairs = claims.flatMap((c) => {
    const sib = claims.find((x) => x.id === c.corrected);
    return sib ? [[c.id, c.statement, sib.statement] as const] : [];
  });
  test('there are errata with corrected siblings', () => expect(pairs.length).toBeGreaterThan(20));
  test.each(pairs)('%s', (_, printed, corrected) => {
    for (const f of formulaPair(printed, corrected)) expect(() => renderLatex(texOf(f))).not.toThrow();
  });
});

test.each([
  ['‖B_t‖²_F', '\\Vert B_{t}\\Vert_{F}^{2}'],
  ['√(2σ₁)√σ_d(S̄_{t+1})', '\\sqrt{2\\sigma_{1}}\\sqrt{\\sigma_{d}(\\bar{S}_{t+1})}'],
  ['Σ_{i≥0}‖Sⁱ‖ ≤ ΣP', '\\sum_{i\\ge 0}\\Vert S^{i}\\Vert\\le\\Sigma P'],
  ['F̃₀ = ρ/(3√(m+n+k))·F₀', '\\tilde{F}_{0}=\\rho/(3\\sqrt{m+n+k})\\cdot F_{0}'],
  ['B′ᵀ(Λ − λ_rI)B′ ⪰ 0', "B^{\\prime \\top}(\\Lambda-\\lambda_{r}I)B'\\succeq 0"],
  ['max{‖J_t‖,‖K_t‖} ≤ e^{−k/C}', '\\max\\lbrace\\Vert J_{t}\\Vert,\\Vert K_{t}\\Vert\\rbrace\\le e^{-k/C}'],
  ['x ≤ 1 for every x, w.h.p.', 'x\\le 1\\text{ for every }x,\\text{ w.h.p.}'],
  ['‖Δ₀‖_op, σ_min(A), T_total', '\\Vert\\Delta_{0}\\Vert_{\\mathrm{op}},\\enspace\\sigma_{\\min}(A),\\enspace T_{\\mathrm{total}}'],
  ['A r×k (r ≤ k)', 'A\\thickspace r\\times k\\thickspace(r\\le k)'],
])('%s → %s', (unicode, tex) => {
  expect(toLatex(unicode)).toBe(tex);
});

test('the token diff marks a flipped sign and nothing else; forms with little in common are not marked', () => {
  const [p, c] = formulaPair('P₊ = P − ηPB + η²Q', 'P₊ = P + ηPB + η²Q').map(texOf);
  expect(p).toBe(`P_{+}=P\\mathbin{${CHANGED_MACRO}{-}}\\eta P B+\\eta^{2}Q`);
  expect(c).toBe(`P_{+}=P\\mathbin{${CHANGED_MACRO}{+}}\\eta P B+\\eta^{2}Q`);
  expect(renderLatex(p)).toMatch(/class="[^"]*\bchanged\b/);
  const [a, b] = formulaPair('P₊ = P − ηPB + η²Q', '(A.6) with the D-terms as printed').map(texOf);
  expect(a + b).not.toContain(CHANGED_MACRO);
});

test('a formula KaTeX rejects is shown as its text and counted', () => {
  const ts = new Typesetter();
  expect(() => renderLatex(toLatex('☃f < 1'))).toThrow();
  const html = ts.html('☃f < 1', toLatex('☃f < 1'), escapeHtml);
  expect(html).toContain('class="formula untypeset"');
  expect(html).toContain('☃f &lt; 1');
  expect(ts.failures).toHaveLength(1);
  expect(ts.html('x < 1', toLatex('x < 1'), escapeHtml)).toContain('class="katex"');
  expect(ts.failures).toHaveLength(1);
});

test('the page says how many formulas it could not typeset; summary.md carries every statement as $…$', () => {
  const run = {
    seed: 1,
    claims: [
      { record: plantedRecord({ id: 'jcd.planted', statement: 'x ≤ C for every x' }), sabotage: null },
      { record: plantedRecord({ id: 'jcd.snowman', statement: '☃ ≤ C' }), sabotage: null },
    ],
  };
  const html = htmlReport(run);
  expect(html).toContain('<div class="status bad" id="untypeset">1 formula could not be typeset and is shown as text:');
  expect(html.match(/class="formula untypeset"/g)).toHaveLength(1);
  const md = markdownReport(run);
  expect(md).toContain('- `jcd.planted`: $x\\le C\\text{ for every }x$');
  expect(md).toContain('- `jcd.snowman`: $☃\\le C$');
});
