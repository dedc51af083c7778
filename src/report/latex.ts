/**
 * A claim's statement as LaTeX, converted from its one source: the Unicode statement of the claim
 * (σ₁, ‖X‖²_F, B_tᵀ, ⟨·,·⟩, √(…), ≤ …). Prose between the formulas (English words, "w.h.p.",
 * "SVD") becomes \text{…}; everything else is math. The conversion works on atoms — a letter,
 * number or symbol with its accents, subscripts and superscripts, a root with its operand, a word
 * of prose — so two statements can be compared atom by atom (an erratum's printed and corrected
 * forms, `formulaPair`) and a changed atom wrapped whole, keeping the LaTeX well formed.
 *
 * The LaTeX avoids a backslash before punctuation (\Vert, \lbrace, \lt, \enspace rather than \|,
 * \{, <, \;), so it survives Markdown's backslash escapes in summary.md unchanged.
 *
 * Imports text.ts only: the model builds its formulas here; html.ts typesets them (typeset.ts).
 */
import { CHANGED_MACRO, type Inline } from './text.ts';

/** What an atom is to TeX's spacing: a binary operator and a relation keep their class when highlighted. */
type AtomKind = 'ord' | 'bin' | 'rel' | 'punct' | 'text';

interface Atom {
  readonly tex: string;
  readonly kind: AtomKind;
}

const GREEK: Record<string, string> = {
  α: '\\alpha',
  β: '\\beta',
  γ: '\\gamma',
  δ: '\\delta',
  ε: '\\varepsilon',
  η: '\\eta',
  θ: '\\theta',
  κ: '\\kappa',
  λ: '\\lambda',
  μ: '\\mu',
  ρ: '\\rho',
  σ: '\\sigma',
  φ: '\\varphi',
  ω: '\\omega',
  Δ: '\\Delta',
  Θ: '\\Theta',
  Λ: '\\Lambda',
  Ξ: '\\Xi',
  Π: '\\Pi',
  Σ: '\\Sigma',
  Φ: '\\Phi',
  Ψ: '\\Psi',
  Ω: '\\Omega',
  𝐔: '\\mathbf{U}',
  𝐕: '\\mathbf{V}',
  𝚺: '\\boldsymbol{\\Sigma}',
  ℝ: '\\mathbb{R}',
  '∞': '\\infty',
  '…': '\\ldots',
  '∀': '\\forall',
  '∃': '\\exists',
  '½': '\\tfrac{1}{2}',
  '⟨': '\\langle',
  '⟩': '\\rangle',
  '‖': '\\Vert',
  '|': '\\vert',
  '[': '[',
  ']': ']',
  '(': '(',
  ')': ')',
  '/': '/',
  '!': '!',
};

const RELATIONS: Record<string, string> = {
  '=': '=',
  '≤': '\\le',
  '≥': '\\ge',
  '<': '\\lt',
  '>': '\\gt',
  '⪯': '\\preceq',
  '⪰': '\\succeq',
  '≡': '\\equiv',
  '≈': '\\approx',
  '≍': '\\asymp',
  '≲': '\\lesssim',
  '∝': '\\propto',
  '⇒': '\\Rightarrow',
  '→': '\\to',
  '∈': '\\in',
  '⊂': '\\subset',
  '≠': '\\neq',
};

const BINARY: Record<string, string> = { '+': '+', '−': '-', '·': '\\cdot', '×': '\\times', '±': '\\pm', '∖': '\\setminus' };

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  ᵀ: '\\top',
  ⁱ: 'i',
};

const SUBSCRIPTS: Record<string, string> = {
  '₀': '0',
  '₁': '1',
  '₂': '2',
  '₃': '3',
  '₄': '4',
  '₅': '5',
  '₆': '6',
  '₇': '7',
  '₈': '8',
  '₉': '9',
  '₊': '+',
  ᵢ: 'i',
  ₜ: 't',
};

/** Combining marks (after NFD) and the accent each is. */
const ACCENTS: Record<string, string> = { '\u0303': '\\tilde', '\u0304': '\\bar', '\u0307': '\\dot' };

/** Operator names: upright, with TeX's operator spacing. */
const OPERATORS: Record<string, string> = {
  log: '\\log',
  ln: '\\ln',
  exp: '\\exp',
  max: '\\max',
  min: '\\min',
  sup: '\\sup',
  inf: '\\inf',
  dim: '\\dim',
  det: '\\det',
  trace: '\\operatorname{trace}',
  rank: '\\operatorname{rank}',
  Tr: '\\operatorname{Tr}',
  diag: '\\operatorname{diag}',
  sig: '\\operatorname{sig}',
};

/** An operator name (TeX spaces what follows it). */
const OPERATOR_TEX = /^\\(?:log|ln|exp|max|min|sup|inf|dim|det|sum|prod|operatorname)(?![A-Za-z])/;

/** Subscripts of more than one letter (anything else after '_' is one character or a {…} group). */
const WORD_SUBSCRIPTS: Record<string, string> = { op: '\\mathrm{op}', min: '\\min', max: '\\max', total: '\\mathrm{total}' };

/** Words of two letters that are English, not a product of two symbols. */
const SHORT_WORDS = new Set(['an', 'as', 'at', 'be', 'by', 'if', 'in', 'is', 'it', 'no', 'of', 'on', 'or', 'so', 'to', 'we']);
/** Prose that a letter rule would take for symbols. */
const ABBREVIATIONS = ['w.h.p.', 'i.i.d.', 'NeurIPS', 'SVD', 'GD'];

/** True when a run of letters (not followed by '_', not an operator name) is an English word. */
function isProseWord(w: string): boolean {
  if (ABBREVIATIONS.includes(w)) return true;
  if (w in OPERATORS) return false;
  if (w.length === 2) return SHORT_WORDS.has(w.toLowerCase());
  return /^[a-z]{3,}$/.test(w) || /^[A-Z][a-z]{2,}$/.test(w);
}

/** Index of the bracket closing the one at `open` (the same character for '‖'), or -1. */
function matching(s: string, open: number): number {
  const o = s[open];
  const close = o === '(' ? ')' : o === '{' ? '}' : o === '[' ? ']' : o;
  if (close === o) return s.indexOf(o, open + 1);
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === o) depth++;
    else if (s[i] === close && --depth === 0) return i;
  }
  return -1;
}

const escapeText = (s: string) => s.replace(/—/g, '---').replace(/[\\{}$&#^_%~]/g, (c) => `\\char${c.charCodeAt(0)} `);

class Converter {
  private i = 0;
  constructor(private readonly s: string) {}

  atoms(): Atom[] {
    const out: Atom[] = [];
    while (this.i < this.s.length) out.push(this.next(out));
    return mergeProse(out);
  }

  /** The character (code point) at the cursor. */
  private char(): string | undefined {
    const cp = this.s.codePointAt(this.i);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  private peekWord(): string {
    for (const a of ABBREVIATIONS) if (this.s.startsWith(a, this.i) && !/[A-Za-z]/.test(this.s[this.i + a.length] ?? '')) return a;
    return /^[A-Za-z]+/.exec(this.s.slice(this.i))?.[0] ?? '';
  }

  /** A {…} group after '_' or '^', or one character (or a known word), as LaTeX. */
  private script(): string {
    const c = this.s[this.i];
    if (c === '{') {
      const end = matching(this.s, this.i);
      const inner = this.s.slice(this.i + 1, end < 0 ? undefined : end);
      this.i = end < 0 ? this.s.length : end + 1;
      return join(new Converter(inner).atoms());
    }
    const w = /^[a-z]+/.exec(this.s.slice(this.i))?.[0];
    if (w && w in WORD_SUBSCRIPTS) {
      this.i += w.length;
      return WORD_SUBSCRIPTS[w];
    }
    const one = this.base();
    return one ?? '';
  }

  /** One symbol with its accents, or null at a character that is not one. */
  private base(): string | null {
    const c = this.char();
    let tex: string | null = null;
    if (c === undefined) return null;
    if (/[A-Za-z]/.test(c)) tex = c;
    else if (/[0-9]/.test(c)) tex = c;
    else if (c in GREEK) tex = GREEK[c];
    else if (c === '−') tex = '-';
    else if (c === '+') tex = '+';
    if (tex === null) return null;
    this.i += c.length;
    while (this.s[this.i] in ACCENTS) {
      tex = `${ACCENTS[this.s[this.i]]}{${tex}}`;
      this.i++;
    }
    return tex;
  }

  /** Primes, subscripts and superscripts after a base, folded into one atom. */
  private scripts(baseTex: string): string {
    const sub: string[] = [];
    const sup: string[] = [];
    let primes = 0;
    for (;;) {
      const c = this.s[this.i];
      if (c === '′') {
        primes++;
        this.i++;
      } else if (c in SUPERSCRIPTS) {
        let run = '';
        while (this.s[this.i] in SUPERSCRIPTS) run += SUPERSCRIPTS[this.s[this.i++]];
        sup.push(run.replace(/\\top(?=[a-z0-9])/g, '\\top '));
      } else if (c in SUBSCRIPTS) {
        let run = '';
        while (this.s[this.i] in SUBSCRIPTS) run += SUBSCRIPTS[this.s[this.i++]];
        sub.push(run);
      } else if ((c === '_' || c === '^') && this.i + 1 < this.s.length) {
        this.i++;
        (c === '_' ? sub : sup).push(this.script());
      } else break;
    }
    const supAll = [...Array(primes).fill('\\prime'), ...sup];
    let tex = baseTex;
    if (primes && !sup.length) tex += "'".repeat(primes);
    if (sub.length) tex += `_{${sub.join(' ')}}`;
    if (sup.length) tex += `^{${supAll.join(' ')}}`;
    return tex;
  }

  /** The operand of a root: a (…) group (without its parentheses), a ‖…‖ norm, an operator with its {…}, or one symbol (with a (…) argument after a subscripted σ or λ). */
  private rootOperand(): string {
    const c = this.s[this.i];
    if (c === '(' || c === '‖') {
      const end = matching(this.s, this.i);
      if (end > 0) {
        const inner = join(new Converter(this.s.slice(this.i + 1, end)).atoms());
        this.i = end + 1;
        return c === '(' ? inner : `\\Vert ${inner}\\Vert`;
      }
    }
    const w = this.peekWord();
    if (w in OPERATORS && (this.s[this.i + w.length] === '{' || this.s[this.i + w.length] === '(')) {
      const start = this.i;
      const end = matching(this.s, this.i + w.length);
      this.i = end < 0 ? this.s.length : end + 1;
      return join(new Converter(this.s.slice(start, this.i)).atoms());
    }
    const b = this.base();
    if (b === null) return '';
    const tex = this.scripts(b);
    if ((b === '\\sigma' || b === '\\lambda') && tex !== b && this.s[this.i] === '(') {
      const end = matching(this.s, this.i);
      if (end > 0) {
        const arg = join(new Converter(this.s.slice(this.i, end + 1)).atoms());
        this.i = end + 1;
        return `${tex}${arg}`;
      }
    }
    return tex;
  }

  /** The atom at the cursor (a space is a text atom ' ', placed by mergeProse). */
  private next(before: ReadonlyArray<Atom>): Atom {
    const s = this.s;
    const c = this.char() ?? '';
    if (c === ' ' || c === '\n' || c === '\t') {
      this.i++;
      return { tex: ' ', kind: 'text' };
    }
    const w = this.peekWord();
    if (w) {
      this.i += w.length;
      if (s[this.i] === "'" && s[this.i + 1] === 's') {
        this.i += 2;
        return { tex: `${w}'s`, kind: 'text' };
      }
      // A two-letter word is English only between spaces or punctuation ("by" in "1+by" is b·y).
      const apart = w.length !== 2 || (/^[\s(]?$/.test(s[this.i - 3] ?? '') && /^[\s,;:.)]?$/.test(s[this.i] ?? ''));
      if (isProseWord(w) && apart && s[this.i] !== '_' && !(w in OPERATORS)) return { tex: w, kind: 'text' };
      if (w in OPERATORS) return { tex: this.scripts(OPERATORS[w]), kind: 'ord' };
      if (w.length > 1 && s[this.i] === '_' && /^[a-z]{3,}$/.test(w)) return { tex: this.scripts(`\\mathrm{${w}}`), kind: 'ord' };
      // Symbols written side by side (UVᵀ, qT, rk): one atom per letter, each with its accents and scripts.
      this.i -= w.length;
      return { tex: this.scripts(this.base()!), kind: 'ord' };
    }
    if (/[0-9]/.test(c)) {
      const num = /^[0-9]+(?:\.[0-9]+)?/.exec(s.slice(this.i))![0];
      this.i += num.length;
      return { tex: this.scripts(num), kind: 'ord' };
    }
    if (c === "'" && s[this.i + 1] === 's') {
      this.i += 2;
      return { tex: "'s", kind: 'text' };
    }
    if (c === '√') {
      this.i++;
      return { tex: this.scripts(`\\sqrt{${this.rootOperand()}}`), kind: 'ord' };
    }
    if ((c === 'Σ' || c === 'Π') && s[this.i + 1] === '_' && s[this.i + 2] === '{') {
      const end = matching(s, this.i + 2);
      if (/[=≥≤]/.test(s.slice(this.i + 3, end))) {
        this.i++;
        return { tex: this.scripts(c === 'Σ' ? '\\sum' : '\\prod'), kind: 'ord' };
      }
    }
    if (c === ':' && s[this.i + 1] === '=') {
      this.i += 2;
      return { tex: ':=', kind: 'rel' };
    }
    if (c in RELATIONS) {
      this.i++;
      return { tex: RELATIONS[c], kind: 'rel' };
    }
    if (c in BINARY) {
      this.i++;
      return { tex: BINARY[c], kind: 'bin' };
    }
    if (c === ',' || c === ';' || c === ':') {
      this.i++;
      return { tex: c, kind: 'punct' };
    }
    if (c === '{' || c === '}') {
      this.i++;
      return { tex: this.scripts(c === '{' ? '\\lbrace' : '\\rbrace'), kind: 'ord' };
    }
    // The statements write minus as '−'; an ASCII hyphen joins words (near-optimal, D-terms).
    if (c === '—' || c === '"' || c === '-') {
      this.i++;
      return { tex: c, kind: 'text' };
    }
    if (c === '.') {
      this.i++;
      return { tex: c, kind: before[before.length - 1]?.kind === 'text' ? 'text' : 'ord' };
    }
    const b = this.base();
    if (b !== null) return { tex: this.scripts(b), kind: 'ord' };
    this.i += c.length;
    // A character TeX reserves, as itself; any other the converter does not know is left for KaTeX to reject.
    return { tex: /[#$%&~\\^_]/.test(c) ? `\\char${c.charCodeAt(0)} ` : c, kind: 'ord' };
  }
}

/**
 * Prose runs as \text{…} atoms, one per word with the spaces and punctuation after it; a lone 'a'
 * between two words is the article; a comma, semicolon or colon after a word is prose; spaces
 * between formulas are dropped (TeX spaces math itself) except after a separating comma or
 * semicolon, which keeps a visible space.
 */
function mergeProse(raw: Atom[]): Atom[] {
  const isWord = (a: Atom | undefined) => a?.kind === 'text' && /[A-Za-z]/.test(a.tex);
  const neighbour = (atoms: Atom[], i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < atoms.length; j += step) if (atoms[j].tex !== ' ') return atoms[j];
    return undefined;
  };
  /** A symbol (not an operator name, which TeX spaces itself). */
  const isFormula = (a: Atom | undefined) => a?.kind === 'ord' && !OPERATOR_TEX.test(a.tex);
  const atoms = raw.map((a, i): Atom => {
    if (a.tex === 'a' && a.kind === 'ord' && isWord(neighbour(raw, i, -1)) && isWord(neighbour(raw, i, 1))) return { tex: 'a', kind: 'text' };
    if (a.kind === 'punct' && isWord(neighbour(raw, i, -1))) return { tex: a.tex, kind: 'text' };
    return a;
  });
  const out: Atom[] = [];
  let pending = '';
  const flush = () => {
    if (pending.trim()) out.push({ tex: `\\text{${escapeText(pending)}}`, kind: 'text' });
    pending = '';
  };
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (a.tex === ' ' && a.kind === 'text') {
      const last = out[out.length - 1];
      if (pending || neighbour(atoms, i, 1)?.kind === 'text') pending += ' ';
      else if (last?.kind === 'punct' && !last.tex.endsWith('\\enspace')) out[out.length - 1] = { tex: `${last.tex}\\enspace`, kind: 'punct' };
      else if (last?.kind === 'ord' && !OPERATOR_TEX.test(last.tex) && !/\\thickspace$/.test(last.tex) && isFormula(neighbour(atoms, i, 1)))
        // Two formulas side by side ("A r×k", "Σ_X (full SVD)"): a space, not a product.
        out[out.length - 1] = { tex: `${last.tex}\\thickspace`, kind: 'ord' };
      continue;
    }
    if (a.kind !== 'text') {
      flush();
      out.push(a);
      continue;
    }
    if (/[A-Za-z]/.test(a.tex) && /[A-Za-z]/.test(pending) && /\s$/.test(pending)) flush();
    pending += a.tex;
  }
  flush();
  return out;
}

/** The atoms' LaTeX in a row: a space where a command would run into a letter, and a run of prose as one \text{…}. */
function join(atoms: ReadonlyArray<Atom>): string {
  const PROSE = /^\\text\{([^{}]*)\}$/;
  const merged: string[] = [];
  for (const { tex } of atoms) {
    const [prev, next] = [PROSE.exec(merged[merged.length - 1] ?? ''), PROSE.exec(tex)];
    if (prev && next) merged[merged.length - 1] = `\\text{${prev[1]}${next[1]}}`;
    else merged.push(tex);
  }
  return merged.reduce((acc, t) => (acc === '' ? t : /[A-Za-z]$/.test(acc) && /^[A-Za-z0-9]/.test(t) ? `${acc} ${t}` : `${acc}${t}`), '');
}

function atomsOf(statement: string): Atom[] {
  return new Converter(statement.normalize('NFD')).atoms();
}

/** The LaTeX of a statement (math mode; prose as \text{…}). */
export function toLatex(statement: string): string {
  return join(atomsOf(statement));
}

/** A statement as a typeset formula of report text: its Unicode text and its LaTeX. */
export function formula(statement: string, tex = toLatex(statement)): Inline {
  return { formula: statement, tex };
}

/** The atoms of `a` that are not in a longest common subsequence with `b`. */
function changedAtoms(a: ReadonlyArray<Atom>, b: ReadonlyArray<Atom>): boolean[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i].tex === b[j].tex ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const changed = new Array<boolean>(n).fill(true);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i].tex === b[j].tex) {
      changed[i] = false;
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  return changed;
}

/** The atoms with each run of changed ones wrapped in \changed{…}; a binary operator or relation
 *  at either end of a run is wrapped alone, keeping its class (and so TeX's spacing around it). */
function marked(atoms: ReadonlyArray<Atom>, changed: ReadonlyArray<boolean>): string {
  const wrap = (run: Atom[]): Atom[] => {
    const one = (a: Atom): Atom => {
      const w = `${CHANGED_MACRO}{${a.tex}}`;
      return { ...a, tex: a.kind === 'bin' ? `\\mathbin{${w}}` : a.kind === 'rel' ? `\\mathrel{${w}}` : w };
    };
    const spaced = (a: Atom | undefined) => a?.kind === 'bin' || a?.kind === 'rel';
    const head = spaced(run[0]) ? [one(run[0])] : [];
    const rest = run.slice(head.length);
    const tail = rest.length > 1 && spaced(rest[rest.length - 1]) ? [one(rest[rest.length - 1])] : [];
    const middle = rest.slice(0, rest.length - tail.length);
    return [...head, ...(middle.length ? [{ tex: `${CHANGED_MACRO}{${join(middle)}}`, kind: 'ord' as const }] : []), ...tail];
  };
  const out: Atom[] = [];
  let run: Atom[] = [];
  atoms.forEach((a, i) => {
    if (changed[i]) run.push(a);
    else {
      out.push(...wrap(run), a);
      run = [];
    }
  });
  out.push(...wrap(run));
  return join(out);
}

/** Below this share of atoms in common, two forms are different statements: no term is highlighted. */
const COMPARABLE = 0.5;

/**
 * An erratum's printed and corrected statements as formulas whose differing atoms (a token diff:
 * those outside a longest common subsequence) are wrapped in \changed{…} — unless the two share
 * less than half their atoms (a corrected form that only names what it changes), when nothing is.
 */
export function formulaPair(printed: string, corrected: string): readonly [Inline, Inline] {
  const [a, b] = [atomsOf(printed), atomsOf(corrected)];
  const [ca, cb] = [changedAtoms(a, b), changedAtoms(b, a)];
  const common = a.length - ca.filter(Boolean).length;
  if (common < COMPARABLE * Math.max(a.length, b.length)) return [formula(printed), formula(corrected)];
  return [formula(printed, marked(a, ca)), formula(corrected, marked(b, cb))];
}
