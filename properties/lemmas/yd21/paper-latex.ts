/**
 * LaTeX as the YD21 text copies print it, normalised so that two spellings of one formula compare
 * equal: whitespace, spacing commands and alignment (&, \\, aligned/split), \left/\right and sizing,
 * bold and upright faces (\mathbf, \boldsymbol, \mathrm, \operatorname), the transpose (\top, T, {}^\top),
 * norms (\|, \Vert, ||), \cdot, braces around one token, the order of sub- and superscripts, primes,
 * relation spellings (\leq/\le, \geq/\ge, <, >), \epsilon/\varepsilon, and \frac{a}{b} as a/b
 * (a bracketed when it is a sum, b when it is more than one token, a/b when a bracket follows it).
 * Nothing else is normalised: a
 * sign, a symbol, an index or a term that differs still differs.
 */

/** The displays ($$…$$) of a text copy, in order. */
export function displays(text: string): string[] {
  return [...text.matchAll(/\$\$([\s\S]*?)\$\$/g)].map((m) => m[1]);
}

type Item = { base: string; sub: Item[][]; sup: Item[][] };

const SPACING = new Set([
  '\\quad',
  '\\qquad',
  '\\,',
  '\\;',
  '\\!',
  '\\:',
  '\\ ',
  '\\enspace',
  '\\thickspace',
  '\\thinspace',
  '\\allowbreak',
  '\\displaystyle',
  '\\left',
  '\\right',
  '\\big',
  '\\Big',
  '\\bigg',
  '\\Bigg',
  '\\bigl',
  '\\bigr',
  '\\Bigl',
  '\\Bigr',
  '\\cdot',
  '&',
  '\\\\',
]);
const FACES = new Set(['\\mathbf', '\\boldsymbol', '\\bm', '\\mathrm', '\\operatorname', '\\mathit', '\\text']);
const SAME: Record<string, string> = {
  '\\leq': '\\le',
  '\\geq': '\\ge',
  '<': '\\lt',
  '>': '\\gt',
  '\\epsilon': '\\varepsilon',
  '\\|': '\\Vert',
  '\\lVert': '\\Vert',
  '\\rVert': '\\Vert',
  '\\{': '\\lbrace',
  '\\}': '\\rbrace',
  '|': '\\vert',
  '\\lvert': '\\vert',
  '\\rvert': '\\vert',
  '\\widetilde': '\\tilde',
  '\\overline': '\\bar',
  '\\dfrac': '\\frac',
  '\\tfrac': '\\frac',
  '\\cdots': '\\ldots',
  '\\dots': '\\ldots',
  '\\implies': '\\Rightarrow',
  '\\top': 'T',
  "'": '\\prime',
};

function tokens(tex: string): string[] {
  const s = tex
    .replace(/\\(?:begin|end)\{(?:aligned|split|align\*?)\}/g, ' ')
    .replace(/\|\|/g, '\\Vert ')
    .replace(/\\(?:q?quad)\s*\(\d+\)\s*$/, '')
    .replace(/\\tag\{\d+\}/g, '');
  return [...s.matchAll(/\\[A-Za-z]+|\\[^A-Za-z]|[^\s]/g)].map((m) => m[0]).filter((t) => !SPACING.has(t));
}

/** Parses tokens into items (a base with its scripts); faces are dropped, \frac becomes a/b. */
function parse(ts: string[]): Item[] {
  let i = 0;
  const group = (): Item[] => {
    if (ts[i] === '{') {
      i++;
      const out = seq('}');
      i++;
      return out;
    }
    return i < ts.length ? one() : [];
  };
  const hasSum = (xs: Item[]) => xs.some((x) => x.base === '+' || x.base === '-');
  const paren = (xs: Item[]): Item[] => [{ base: '(', sub: [], sup: [] }, ...xs, { base: ')', sub: [], sup: [] }];
  const one = (): Item[] => {
    const t = SAME[ts[i]] ?? ts[i];
    i++;
    if (FACES.has(t)) return group();
    if (t === '\\frac') {
      const [a, b] = [group(), group()];
      const quotient = [...(hasSum(a) ? paren(a) : a), { base: '/', sub: [], sup: [] }, ...(b.length > 1 ? paren(b) : b)];
      // A fraction multiplying a bracket, written on one line, is bracketed itself: (η/2)(σ_d − s).
      return ts[i] === '(' ? paren(quotient) : quotient;
    }
    if (t === '\\sqrt' || t === '\\tilde' || t === '\\bar' || t === '\\dot' || t === '\\hat' || t === '\\mathbb')
      return [{ base: `${t}{${serialise(group())}}`, sub: [], sup: [] }];
    return [{ base: t, sub: [], sup: [] }];
  };
  const seq = (stop?: string): Item[] => {
    const out: Item[] = [];
    while (i < ts.length && ts[i] !== stop) {
      const t = ts[i];
      if (t === '_' || t === '^' || t === "'") {
        i++;
        const arg = t === "'" ? [{ base: '\\prime', sub: [], sup: [] }] : group();
        const last = out[out.length - 1] ?? { base: '', sub: [], sup: [] };
        if (!out.length) out.push(last);
        (t === '_' ? last.sub : last.sup).push(arg);
        continue;
      }
      if (t === '{') {
        // A bare group: its items join the sequence; an empty one ({}^\top) lends its scripts to the item before it.
        i++;
        const inner = seq('}');
        i++;
        out.push(...inner);
        continue;
      }
      out.push(...one());
    }
    return out;
  };
  return seq();
}

function serialise(items: Item[]): string {
  return items
    .map((x) => {
      const sub = x.sub.map(serialise).join(' ');
      const sup = x.sup.map(serialise).join(' ');
      return `${x.base}${sub ? `_{${sub}}` : ''}${sup ? `^{${sup}}` : ''}`;
    })
    .join(' ');
}

/** A formula's LaTeX in the normal form; trailing punctuation of a display (. , ;) dropped. */
export function normalise(tex: string): string {
  return serialise(parse(tokens(tex)))
    .replace(/(?: [.,;])+$/, '')
    .replace(/^[.,;] /, '');
}
