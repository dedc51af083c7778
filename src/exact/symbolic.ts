/**
 * A symbolic model of the papers' formulas: noncommutative polynomials in matrix letters, with the
 * transpose as an involution and the trace, over commutative polynomials in scalars.
 *
 *  - Letters are declared with a shape (named dimensions) and a kind: general, symmetric (Xᵀ = X)
 *    or antisymmetric (Xᵀ = −X); a letter may be declared invertible, and X⁻¹ is then a letter of
 *    its own with XX⁻¹ = X⁻¹X = I (adjacent pairs cancel, also transposed: Xᵀ(X⁻¹)ᵀ = I).
 *  - A matrix (SMat) is a sum of words of letters with scalar coefficients; the identity is the
 *    empty word. Transpose reverses a word and transposes each letter.
 *  - A scalar (Scalar) is a polynomial with rational coefficients in atoms that commute: declared
 *    scalar variables (η, β, …), dimensions (tr I_d = d) and traces of words. Scalar variables may
 *    carry negative exponents (a Laurent polynomial: division by a monomial in them, e.g. η/c, is
 *    exact, and a residual 0 then holds wherever those variables are nonzero). A trace word is
 *    normalised under cyclic rotation and transposition (tr(XY) = tr(YX), tr(Xᵀ) = tr(X)): the
 *    lexicographically least rotation of the word and of its transpose (an antisymmetric letter's
 *    transpose carries a sign; a word equal to minus its own transpose class has trace 0).
 *    ⟨X, Y⟩ = tr(XᵀY) and ‖X‖²_F = tr(XᵀX).
 *
 * Every rewrite is an identity valid for all real matrices of every compatible dimension (and every
 * invertible value of an invertible letter), so a residual that normalises to 0 proves the identity
 * for every dimension. A nonzero normal form is the exact difference in the letters; for letters of
 * large enough dimension the free algebra with involution and trace has no further identities, but
 * at small dimensions (d = 1: everything commutes) a nonzero normal form may still vanish.
 * Relations outside the free algebra (diagonal matrices commuting, an orthogonal rotation) are used
 * only when offered to `prove(residual, modulo)`, which then names the minimal subset a proof
 * needed: an identity proved that way rests on those relations as hypotheses, not on the algebra.
 * Not modelled: X⁻¹ of a sum, (X⁻¹ of an orthogonal letter) = Xᵀ, diagonality beyond commuting.
 */
import type { Algebra, XMat } from './matrix.ts';
import type { MatrixOps, ScalarOps } from './ops.ts';
import { Q, type Rational, rational } from './rational.ts';

type LetterKind = 'general' | 'symmetric' | 'antisymmetric';

export interface LetterSpec {
  readonly kind?: LetterKind;
  /** Row and column dimension names (default 'n' × 'n'). */
  readonly rows?: string;
  readonly cols?: string;
  /** X⁻¹ is available (the letter must be square). */
  readonly invertible?: boolean;
  /** How to print the letter in LaTeX (default: the name, Greek letters as commands). */
  readonly latex?: string;
}

interface Letter {
  readonly name: string;
  readonly kind: LetterKind;
  readonly rows: string;
  readonly cols: string;
  readonly invertible: boolean;
  readonly latex: string;
}

/** One letter of a word: X, Xᵀ, X⁻¹ or (X⁻¹)ᵀ (symmetric and antisymmetric letters never carry t). */
export interface Token {
  readonly name: string;
  readonly t: boolean;
  readonly inv: boolean;
}
export type Word = readonly Token[];

interface MonoTerm {
  /** Sorted atom keys with exponents ≥ 1. */
  readonly mono: readonly (readonly [string, number])[];
  readonly c: Rational;
}
/** A commutative polynomial in scalar variables, dimensions and normalised traces. */
export interface Scalar {
  readonly kind: 'scalar';
  readonly terms: ReadonlyMap<string, MonoTerm>;
}

interface WordTerm {
  readonly word: Word;
  readonly coef: Scalar;
}
/** A sum of words with scalar coefficients, of shape rows × cols (dimension names). */
export interface SMat {
  readonly kind: 'matrix';
  readonly rows: string;
  readonly cols: string;
  readonly terms: ReadonlyMap<string, WordTerm>;
}

type Atom =
  | { readonly kind: 'var'; readonly key: string; readonly name: string }
  | { readonly kind: 'dim'; readonly key: string; readonly name: string }
  | { readonly kind: 'trace'; readonly key: string; readonly word: Word };

/**
 * Relations outside the free algebra with involution, for `prove(residual, modulo)`: letters that
 * commute (e.g. a diagonal Σ with a diagonal block; X⁻¹ and Xᵀ follow as far as they are implied),
 * letters that are orthogonal (OᵀO = OOᵀ = I, e.g. an SVD rotation).
 */
export interface Relations {
  readonly commute?: readonly (readonly [string, string])[];
  readonly orthogonal?: readonly string[];
}

/**
 * proved without `modulo`: the residual is 0 in the free algebra (an identity for every dimension).
 * With `modulo`: the relations the proof needed (a minimal subset of those offered), which the
 * caller must hold as hypotheses; nonzero: the normal form (modulo the relations offered, if any).
 */
export type ProofResult<X> =
  | { readonly proved: true; readonly modulo?: readonly string[] }
  | { readonly proved: false; readonly residual: X; readonly text: string };

export type Style = 'plain' | 'unicode' | 'latex';

const GREEK: Record<string, string> = {
  Σ: '\\Sigma',
  Λ: '\\Lambda',
  Φ: '\\Phi',
  Ψ: '\\Psi',
  Θ: '\\Theta',
  Δ: '\\Delta',
  Γ: '\\Gamma',
  η: '\\eta',
  β: '\\beta',
  γ: '\\gamma',
  σ: '\\sigma',
  α: '\\alpha',
  λ: '\\lambda',
  μ: '\\mu',
  ε: '\\varepsilon',
  δ: '\\delta',
};
const SUPER: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const superscript = (n: number) => [...String(n)].map((c) => SUPER[c]).join('');

const tokenKey = (k: Token) => `${k.name}${k.t ? "'" : ''}${k.inv ? '~' : ''}`;
const wordKey = (w: Word) => w.map(tokenKey).join(' ');

function cmpToken(a: Token, b: Token): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.t !== b.t) return a.t ? 1 : -1;
  if (a.inv !== b.inv) return a.inv ? 1 : -1;
  return 0;
}
function cmpWord(a: Word, b: Word): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmpToken(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

const ratIsZero = (a: Rational) => a.num === 0n;

/**
 * A symbolic algebra over the given letters and scalar variables. Its matrices and scalars are
 * plain data; printing and evaluation go through the algebra (it knows the letters).
 */
export function symbolic(letterSpecs: Readonly<Record<string, LetterSpec>>, scalarNames: readonly string[] = []) {
  const letters = new Map<string, Letter>();
  for (const [name, s] of Object.entries(letterSpecs)) {
    if (!/^[^\s'~()·^]+$/u.test(name)) throw new Error(`letter name "${name}" may not contain spaces, quotes, ~, (), · or ^`);
    const rows = s.rows ?? 'n';
    const cols = s.cols ?? rows;
    const kind = s.kind ?? 'general';
    if ((kind !== 'general' || s.invertible) && rows !== cols)
      throw new Error(`letter ${name}: a ${kind}${s.invertible ? ' invertible' : ''} letter must be square`);
    letters.set(name, { name, kind, rows, cols, invertible: s.invertible ?? false, latex: s.latex ?? GREEK[name] ?? name });
  }
  const letter = (name: string): Letter => {
    const l = letters.get(name);
    if (!l) throw new Error(`unknown letter ${name}`);
    return l;
  };
  // ---- relations (none in the free algebra) ----
  interface Rel {
    readonly commute: ReadonlySet<string>;
    readonly orthogonal: ReadonlySet<string>;
  }
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const FREE: Rel = { commute: new Set(), orthogonal: new Set() };
  const relOf = (r: Relations): Rel => {
    for (const [a, b] of r.commute ?? []) {
      const [x, y] = [letter(a), letter(b)];
      if (x.rows !== x.cols || y.rows !== y.cols || x.rows !== y.rows) throw new Error(`commuting letters ${a}, ${b} must be square of one dimension`);
    }
    for (const o of r.orthogonal ?? []) {
      const l = letter(o);
      if (l.kind !== 'general' || l.rows !== l.cols) throw new Error(`orthogonal letter ${o} must be general and square`);
    }
    return { commute: new Set((r.commute ?? []).map(([a, b]) => pairKey(a, b))), orthogonal: new Set(r.orthogonal ?? []) };
  };
  /** X X⁻¹, X⁻¹ X, and with an orthogonal letter O also OᵀO and OOᵀ, are the identity. */
  const cancels = (a: Token, b: Token, rel: Rel) =>
    a.name === b.name && ((a.t === b.t && a.inv !== b.inv) || (rel.orthogonal.has(a.name) && !a.inv && !b.inv && a.t !== b.t));
  /** ab = ba: declared (both untransposed or both transposed; either way when one letter is (anti)symmetric), or X with X⁻¹. */
  const commutes = (a: Token, b: Token, rel: Rel) => {
    if (a.name === b.name) return a.t === b.t;
    if (!rel.commute.has(pairKey(a.name, b.name))) return false;
    return a.t === b.t || letter(a.name).kind !== 'general' || letter(b.name).kind !== 'general';
  };
  /** Cancels adjacent pairs (a stack pass, so cascades cancel too); with commutations, also pairs separated by letters the first commutes with. */
  const reduceWord = (w: Word, rel: Rel = FREE): Token[] => {
    const out: Token[] = [];
    for (const k of w) {
      if (out.length > 0 && cancels(out[out.length - 1], k, rel)) out.pop();
      else out.push(k);
    }
    if (rel.commute.size === 0) return out;
    for (let again = true; again; ) {
      again = false;
      search: for (let i = 0; i < out.length; i++)
        for (let j = i + 1; j < out.length; j++) {
          if (cancels(out[i], out[j], rel)) {
            out.splice(j, 1);
            out.splice(i, 1);
            again = true;
            break search;
          }
          if (!commutes(out[i], out[j], rel)) break;
        }
    }
    return out;
  };
  /** The lexicographically least word of the commutation class (Anisimov–Knuth: take the least letter that can move to the front). */
  const lexNormal = (w: Word, rel: Rel): Token[] => {
    if (rel.commute.size === 0) return [...w];
    const rest = [...w];
    const out: Token[] = [];
    while (rest.length > 0) {
      let best = 0;
      for (let i = 1; i < rest.length; i++) {
        if (!rest.slice(0, i).every((k) => commutes(k, rest[i], rel))) continue;
        if (cmpToken(rest[i], rest[best]) < 0) best = i;
      }
      out.push(rest.splice(best, 1)[0]);
    }
    return out;
  };
  const atoms = new Map<string, Atom>();
  const atomOrder = (key: string) => `${atoms.get(key)?.kind === 'var' ? 0 : atoms.get(key)?.kind === 'dim' ? 1 : 2}${key}`;

  // ---- scalars ----
  const monoKey = (m: readonly (readonly [string, number])[]) => m.map(([a, e]) => (e === 1 ? a : `${a}^${e}`)).join('*');
  const scalarOf = (list: MonoTerm[]): Scalar => {
    const terms = new Map<string, MonoTerm>();
    for (const t of list) {
      const k = monoKey(t.mono);
      const prev = terms.get(k);
      const c = prev ? Q.add(prev.c, t.c) : t.c;
      if (ratIsZero(c)) terms.delete(k);
      else terms.set(k, { mono: t.mono, c });
    }
    return { kind: 'scalar', terms };
  };
  const constant = (c: Rational): Scalar => scalarOf([{ mono: [], c }]);
  const atomScalar = (key: string): Scalar => scalarOf([{ mono: [[key, 1]], c: Q.one }]);
  const mulMono = (a: MonoTerm['mono'], b: MonoTerm['mono']): MonoTerm['mono'] => {
    const e = new Map<string, number>(a);
    for (const [k, n] of b) e.set(k, (e.get(k) ?? 0) + n);
    return [...e.entries()].filter(([, n]) => n !== 0).sort(([x], [y]) => (atomOrder(x) < atomOrder(y) ? -1 : atomOrder(x) > atomOrder(y) ? 1 : 0));
  };
  const sAdd = (a: Scalar, b: Scalar) => scalarOf([...a.terms.values(), ...b.terms.values()]);
  const sNeg = (a: Scalar): Scalar => scalarOf([...a.terms.values()].map((t) => ({ mono: t.mono, c: Q.neg(t.c) })));
  const sSub = (a: Scalar, b: Scalar) => sAdd(a, sNeg(b));
  const sMul = (a: Scalar, b: Scalar): Scalar => {
    const out: MonoTerm[] = [];
    for (const x of a.terms.values()) for (const y of b.terms.values()) out.push({ mono: mulMono(x.mono, y.mono), c: Q.mul(x.c, y.c) });
    return scalarOf(out);
  };
  const sIsZero = (a: Scalar) => a.terms.size === 0;
  /** a/b for b a single term c·x₁^e₁⋯ in scalar variables (traces and dimensions are not inverted). */
  const sDiv = (a: Scalar, b: Scalar): Scalar => {
    const [t, ...rest] = [...b.terms.values()];
    if (!t || rest.length > 0 || t.mono.some(([k]) => atoms.get(k)?.kind !== 'var'))
      throw new Error(`division by ${fmtScalar(b, 'plain')}: only by a monomial in scalar variables`);
    return sMul(a, scalarOf([{ mono: t.mono.map(([k, e]) => [k, -e] as const), c: Q.div(Q.one, t.c) }]));
  };
  const vars: Record<string, Scalar> = {};
  for (const name of scalarNames) {
    const key = `v:${name}`;
    atoms.set(key, { kind: 'var', key, name });
    vars[name] = atomScalar(key);
  }
  const dimension = (name: string): Scalar => {
    const key = `d:${name}`;
    atoms.set(key, { kind: 'dim', key, name });
    return atomScalar(key);
  };

  // ---- words ----
  const tokenShape = (k: Token): [string, string] => {
    const l = letter(k.name);
    return k.t ? [l.cols, l.rows] : [l.rows, l.cols];
  };
  /** Xᵀ for one token, with the sign an antisymmetric letter gives. */
  const transposeToken = (k: Token): [Token, number] => {
    const l = letter(k.name);
    if (l.kind === 'symmetric') return [k, 1];
    if (l.kind === 'antisymmetric') return [k, -1];
    return [{ name: k.name, t: !k.t, inv: k.inv }, 1];
  };
  const transposeWord = (w: Word): [Token[], number] => {
    let sign = 1;
    const out: Token[] = [];
    for (let i = w.length - 1; i >= 0; i--) {
      const [k, s] = transposeToken(w[i]);
      out.push(k);
      sign *= s;
    }
    return [reduceWord(out), sign];
  };
  const leastRotation = (w: Word): Token[] => {
    let best: Token[] = [...w];
    for (let i = 1; i < w.length; i++) {
      const r = [...w.slice(i), ...w.slice(0, i)];
      if (cmpWord(r, best) < 0) best = r;
    }
    return best;
  };
  const cyclicReduce = (w: Word, rel: Rel): Token[] => {
    const v = reduceWord(w, rel);
    while (v.length >= 2 && cancels(v[v.length - 1], v[0], rel)) {
      v.pop();
      v.shift();
    }
    return v;
  };
  /**
   * With commutations: the least word of the class generated by rotation, commuting swaps and
   * transposition (a search over the class: trace words are short), its sign, or 0; a word of the
   * class that reduces further restarts the search from the shorter word.
   */
  const traceClass = (w: Token[], sign: number, rel: Rel): { word: Token[]; sign: number } | 'zero' => {
    const seen = new Map<string, number>([[wordKey(w), sign]]);
    const queue: [Token[], number][] = [[w, sign]];
    let best: [Token[], number] = [w, sign];
    while (queue.length > 0) {
      const [v, s] = queue.shift() as [Token[], number];
      const r = cyclicReduce(v, rel);
      if (r.length < v.length) return r.length === 0 ? { word: [], sign: s } : traceClass(r, s, rel);
      if (cmpWord(v, best[0]) < 0) best = [v, s];
      const [vt, st] = transposeWord(v);
      const next: [Token[], number][] = [
        [[...v.slice(1), v[0]], s],
        [vt, s * st],
      ];
      for (let i = 0; i + 1 < v.length; i++) if (commutes(v[i], v[i + 1], rel)) next.push([[...v.slice(0, i), v[i + 1], v[i], ...v.slice(i + 2)], s]);
      for (const [u, su] of next) {
        const k = wordKey(u);
        const prev = seen.get(k);
        if (prev === undefined) {
          if (seen.size > 200_000) throw new Error(`trace class of ${wordKey(w)} too large`);
          seen.set(k, su);
          queue.push([u, su]);
        } else if (prev !== su) return 'zero';
      }
    }
    return { word: best[0], sign: best[1] };
  };
  /** tr(w) as ±1 times a normalised trace atom, or 0 (an antisymmetric class); the empty word gives its dimension. */
  const traceOfWord = (w: Word, dim: string, rel: Rel = FREE): Scalar => {
    const v = cyclicReduce(w, rel);
    if (v.length === 0) return dimension(dim);
    let best: Token[];
    let s: number;
    if (rel.commute.size === 0) {
      const r1 = leastRotation(v);
      const [wt, sign] = transposeWord(v);
      const r2 = leastRotation(wt);
      const c = cmpWord(r1, r2);
      if (c === 0 && sign < 0) return constant(Q.zero);
      [best, s] = c <= 0 ? [r1, 1] : [r2, sign];
    } else {
      const cl = traceClass(v, 1, rel);
      if (cl === 'zero') return constant(Q.zero);
      if (cl.word.length === 0) return cl.sign > 0 ? dimension(dim) : sNeg(dimension(dim));
      [best, s] = [cl.word, cl.sign];
    }
    const key = `tr(${wordKey(best)})`;
    if (!atoms.has(key)) atoms.set(key, { kind: 'trace', key, word: best });
    const a = atomScalar(key);
    return s > 0 ? a : sNeg(a);
  };

  // ---- matrices ----
  const matOf = (rows: string, cols: string, list: { word: Word; coef: Scalar }[], rel: Rel = FREE): SMat => {
    const terms = new Map<string, WordTerm>();
    for (const { word, coef } of list) {
      const w = lexNormal(reduceWord(word, rel), rel);
      const k = wordKey(w);
      const prev = terms.get(k);
      const c = prev ? sAdd(prev.coef, coef) : coef;
      if (sIsZero(c)) terms.delete(k);
      else terms.set(k, { word: w, coef: c });
    }
    return { kind: 'matrix', rows, cols, terms };
  };
  const same = (a: SMat, b: SMat, op: string) => {
    if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`${op}: ${a.rows}×${a.cols} and ${b.rows}×${b.cols} do not match`);
  };
  const word = (...tokens: Token[]): SMat => {
    for (let i = 1; i < tokens.length; i++)
      if (tokenShape(tokens[i - 1])[1] !== tokenShape(tokens[i])[0]) throw new Error(`word ${wordKey(tokens)}: shapes do not chain`);
    return matOf(tokenShape(tokens[0])[0], tokenShape(tokens[tokens.length - 1])[1], [{ word: tokens, coef: constant(Q.one) }]);
  };
  const L: Record<string, SMat> = {};
  for (const l of letters.values()) L[l.name] = word({ name: l.name, t: false, inv: false });
  /** X⁻¹ of an invertible letter. */
  const inv = (name: string): SMat => {
    if (!letter(name).invertible) throw new Error(`letter ${name} is not declared invertible`);
    return word({ name, t: false, inv: true });
  };
  const zeros = (rows: string, cols: string = rows): SMat => matOf(rows, cols, []);
  const eye = (n: string): SMat => matOf(n, n, [{ word: [], coef: constant(Q.one) }]);
  const add = (a: SMat, b: SMat) => {
    same(a, b, '+');
    return matOf(a.rows, a.cols, [...a.terms.values(), ...b.terms.values()]);
  };
  const scale = (c: Scalar, a: SMat) =>
    matOf(
      a.rows,
      a.cols,
      [...a.terms.values()].map((t) => ({ word: t.word, coef: sMul(c, t.coef) })),
    );
  const neg = (a: SMat) => scale(constant(rational(-1)), a);
  const sub = (a: SMat, b: SMat) => add(a, neg(b));
  const tr = (a: SMat): SMat =>
    matOf(
      a.cols,
      a.rows,
      [...a.terms.values()].map((t) => {
        const [w, s] = transposeWord(t.word);
        return { word: w, coef: s > 0 ? t.coef : sNeg(t.coef) };
      }),
    );
  const mul2 = (a: SMat, b: SMat): SMat => {
    if (a.cols !== b.rows) throw new Error(`×: ${a.rows}×${a.cols} times ${b.rows}×${b.cols}`);
    const out: { word: Word; coef: Scalar }[] = [];
    for (const x of a.terms.values()) for (const y of b.terms.values()) out.push({ word: [...x.word, ...y.word], coef: sMul(x.coef, y.coef) });
    return matOf(a.rows, b.cols, out);
  };
  const mul = (...fs: SMat[]) => fs.slice(1).reduce(mul2, fs[0]);
  const combine = (...terms: [Scalar, SMat][]) => terms.map(([c, x]) => scale(c, x)).reduce(add);
  const trace = (a: SMat): Scalar => {
    if (a.rows !== a.cols) throw new Error(`trace of a ${a.rows}×${a.cols} matrix`);
    return [...a.terms.values()].reduce((s, t) => sAdd(s, sMul(t.coef, traceOfWord(t.word, a.rows))), constant(Q.zero));
  };
  const inner = (a: SMat, b: SMat) => {
    same(a, b, '⟨·,·⟩');
    return trace(mul(tr(a), b));
  };
  const frob2 = (a: SMat) => inner(a, a);
  const int = (n: number | bigint) => constant(rational(n));
  const ratio = (p: number | bigint, q: number | bigint) => constant(rational(p, q));

  // ---- printing ----
  const fmtRat = (c: Rational, style: Style) => {
    if (c.den === 1n) return `${c.num}`;
    return style === 'latex' ? `\\tfrac{${c.num}}{${c.den}}` : `${c.num}/${c.den}`;
  };
  const fmtToken = (k: Token, style: Style) => {
    const l = letter(k.name);
    const base = style === 'latex' ? l.latex : l.name;
    if (style === 'latex') return `${base}${k.inv && k.t ? '^{-\\top}' : k.inv ? '^{-1}' : k.t ? '^{\\top}' : ''}`;
    if (style === 'unicode') return `${base}${k.inv ? '⁻¹' : ''}${k.t ? 'ᵀ' : ''}`;
    return `${base}${k.inv ? '^-1' : ''}${k.t ? '^T' : ''}`;
  };
  const fmtWord = (w: Word, style: Style, dim: string) => {
    if (w.length === 0) return style === 'latex' ? `I_{${dim}}` : 'I';
    const parts = w.map((k) => fmtToken(k, style));
    return style === 'plain' ? parts.join('·') : parts.join(style === 'latex' ? ' ' : '');
  };
  const fmtAtom = (key: string, e: number, style: Style) => {
    const a = atoms.get(key);
    if (!a) throw new Error(`unknown atom ${key}`);
    let s: string;
    if (a.kind === 'trace') s = style === 'latex' ? `\\operatorname{tr}(${fmtWord(a.word, style, '')})` : `tr(${fmtWord(a.word, style, '')})`;
    else s = style === 'latex' ? (GREEK[a.name] ?? a.name) : a.name;
    if (e === 1) return s;
    return style === 'latex' ? `${s}^{${e}}` : style === 'unicode' ? `${s}${superscript(e)}` : `${s}^${e}`;
  };
  const degree = (t: MonoTerm) => t.mono.reduce((s, [, e]) => s + e, 0);
  const sortedTerms = (a: Scalar) =>
    [...a.terms.entries()].sort(([ka, x], [kb, y]) => degree(x) - degree(y) || (ka < kb ? -1 : ka > kb ? 1 : 0)).map(([, t]) => t);
  const mulSign = (style: Style) => (style === 'plain' ? '·' : style === 'latex' ? ' ' : '');
  /** |c|·monomial, with a trailing product sign when `before` is to be followed by more factors. */
  const fmtMono = (t: MonoTerm, style: Style, withOne: boolean) => {
    const absC = t.c.num < 0n ? Q.neg(t.c) : t.c;
    const parts = t.mono.map(([k, e]) => fmtAtom(k, e, style));
    if (!(absC.num === 1n && absC.den === 1n) || (parts.length === 0 && withOne)) parts.unshift(fmtRat(absC, style));
    return parts.join(mulSign(style));
  };
  /** A signed sum of already-formatted parts. */
  const joinSigned = (parts: [number, string][]) =>
    parts.length === 0 ? '0' : parts.map(([s, p], i) => (i === 0 ? (s < 0 ? `−${p}` : p) : s < 0 ? ` − ${p}` : ` + ${p}`)).join('');
  const fmtScalar = (a: Scalar, style: Style) => joinSigned(sortedTerms(a).map((t) => [t.c.num < 0n ? -1 : 1, fmtMono(t, style, true)]));
  const leadSign = (a: Scalar) => (sortedTerms(a)[0].c.num < 0n ? -1 : 1);
  const fmtMat = (a: SMat, style: Style): string => {
    // Group words by their coefficient up to sign: 2η²PBDᵀ + 2η²DBᵀP prints as 2η²(PBDᵀ + DBᵀP).
    const groups = new Map<string, { coef: Scalar; words: [number, Word][] }>();
    const entries = [...a.terms.values()].sort((x, y) => x.word.length - y.word.length || cmpWord(x.word, y.word));
    for (const t of entries) {
      const s = leadSign(t.coef);
      const coef = s > 0 ? t.coef : sNeg(t.coef);
      const k = fmtScalar(coef, 'plain');
      const g = groups.get(k) ?? { coef, words: [] };
      g.words.push([s, t.word]);
      groups.set(k, g);
    }
    const minDeg = (c: Scalar) => Math.min(...[...c.terms.values()].map(degree));
    const ordered = [...groups.values()].sort((x, y) => minDeg(x.coef) - minDeg(y.coef));
    const out: [number, string][] = [];
    const open = style === 'latex' ? '\\left(' : '(';
    const close = style === 'latex' ? '\\right)' : ')';
    for (const g of ordered) {
      const multi = g.coef.terms.size > 1;
      const single = sortedTerms(g.coef)[0];
      const isOne = !multi && single.mono.length === 0 && single.c.num === 1n && single.c.den === 1n;
      const coefStr = multi ? `${open}${fmtScalar(g.coef, style)}${close}` : isOne ? '' : fmtMono(single, style, true);
      if (g.words.length === 1) {
        const [s, w] = g.words[0];
        const ws = fmtWord(w, style, a.rows);
        out.push([s, coefStr === '' ? ws : `${coefStr}${mulSign(style)}${ws}`]);
      } else {
        // Positive words first inside the parentheses; the group's sign outside when all are negative.
        g.words.sort((x, z) => z[0] - x[0]);
        const flip = g.words[0][0];
        const inner = joinSigned(g.words.map(([s, w]) => [s * flip, fmtWord(w, style, a.rows)]));
        out.push([flip, coefStr === '' ? (flip > 0 ? inner : `${open}${inner}${close}`) : `${coefStr}${mulSign(style)}${open}${inner}${close}`]);
      }
    }
    return joinSigned(out);
  };
  const format = (x: SMat | Scalar, style: Style = 'plain') => (x.kind === 'matrix' ? fmtMat(x, style) : fmtScalar(x, style));
  const show = (x: SMat | Scalar) => format(x, 'plain');
  const toLatex = (x: SMat | Scalar) => format(x, 'latex');

  const isZero = (x: SMat | Scalar) => x.terms.size === 0;

  // ---- normal forms modulo relations ----
  const scalarModulo = (a: Scalar, rel: Rel): Scalar => {
    let acc = constant(Q.zero);
    for (const t of a.terms.values()) {
      let m = constant(t.c);
      for (const [key, e] of t.mono) {
        const at = atoms.get(key);
        if (!at) throw new Error(`unknown atom ${key}`);
        const v = at.kind === 'trace' ? traceOfWord(at.word, tokenShape(at.word[0])[0], rel) : atomScalar(key);
        for (let i = 0; i < Math.abs(e); i++) m = e > 0 ? sMul(m, v) : sDiv(m, v);
      }
      acc = sAdd(acc, m);
    }
    return acc;
  };
  function modulo<X extends SMat | Scalar>(x: X, relations: Relations): X {
    const rel = relOf(relations);
    if (x.kind === 'scalar') return scalarModulo(x, rel) as X;
    const m = x as SMat;
    return matOf(
      m.rows,
      m.cols,
      [...m.terms.values()].map((t) => ({ word: t.word, coef: scalarModulo(t.coef, rel) })),
      rel,
    ) as X;
  }
  const describe = (r: Relations) => {
    const [c] = r.commute ?? [];
    if (c) return `${c[0]}${c[1]} = ${c[1]}${c[0]}`;
    const [o] = r.orthogonal ?? [];
    return `${o}ᵀ${o} = ${o}${o}ᵀ = I`;
  };
  /**
   * Proved when the residual normalises to 0 in the free algebra; else, if `relations` are offered
   * and the residual vanishes modulo them, proved modulo a minimal subset of them (named);
   * otherwise the normal form is the exact difference.
   */
  function prove<X extends SMat | Scalar>(residual: X, relations?: Relations): ProofResult<X> {
    if (isZero(residual)) return { proved: true };
    if (!relations) return { proved: false, residual, text: show(residual) };
    const all: Relations[] = [...(relations.commute ?? []).map((c) => ({ commute: [c] })), ...(relations.orthogonal ?? []).map((o) => ({ orthogonal: [o] }))];
    const join = (list: Relations[]): Relations => ({ commute: list.flatMap((r) => r.commute ?? []), orthogonal: list.flatMap((r) => r.orthogonal ?? []) });
    const reduced = modulo(residual, join(all));
    if (!isZero(reduced)) return { proved: false, residual: reduced, text: show(reduced) };
    let needed = all;
    for (const r of all) {
      const without = needed.filter((x) => x !== r);
      if (isZero(modulo(residual, join(without)))) needed = without;
    }
    return { proved: true, modulo: needed.map(describe) };
  }

  // ---- evaluation in a concrete algebra ----
  interface Env<T> {
    readonly letters: Readonly<Record<string, XMat<T>>>;
    readonly scalars?: Readonly<Record<string, T>>;
  }
  /** Dimension values from the letters' matrices (inconsistent shapes throw; so does a kind the matrix does not have). */
  function dimsOf<T>(A: Algebra<T>, env: Env<T>): Map<string, number> {
    const dims = new Map<string, number>();
    const set = (name: string, n: number, who: string) => {
      const prev = dims.get(name);
      if (prev !== undefined && prev !== n) throw new Error(`dimension ${name}: ${prev} and ${n} (${who})`);
      dims.set(name, n);
    };
    for (const [name, X] of Object.entries(env.letters)) {
      const l = letter(name);
      set(l.rows, X.rows, name);
      set(l.cols, X.cols, name);
      if (l.kind !== 'general') {
        const t = l.kind === 'symmetric' ? A.tr(X) : A.scale(A.int(-1), A.tr(X));
        if (!t.data.every((x, i) => A.F.isZero(A.F.sub(x, X.data[i])))) throw new Error(`letter ${name} is declared ${l.kind} but its value is not`);
      }
    }
    return dims;
  }
  function evaluate<T>(A: Algebra<T>, x: SMat, env: Env<T>): XMat<T>;
  function evaluate<T>(A: Algebra<T>, x: Scalar, env: Env<T>): T;
  function evaluate<T>(A: Algebra<T>, x: SMat | Scalar, env: Env<T>): XMat<T> | T {
    const dims = dimsOf(A, env);
    const dim = (name: string) => {
      const n = dims.get(name);
      if (n === undefined) throw new Error(`dimension ${name} has no value (no letter of that shape given)`);
      return n;
    };
    const inverses = new Map<string, XMat<T>>();
    const tokenValue = (k: Token): XMat<T> => {
      const X = env.letters[k.name];
      if (!X) throw new Error(`letter ${k.name} has no value`);
      let v = X;
      if (k.inv) {
        if (!inverses.has(k.name)) inverses.set(k.name, A.inverse(X));
        v = inverses.get(k.name) as XMat<T>;
      }
      return k.t ? A.tr(v) : v;
    };
    const wordValue = (w: Word, rows: string) => (w.length === 0 ? A.eye(dim(rows)) : A.mul(...w.map(tokenValue)));
    const scalarValue = (s: Scalar): T => {
      let acc = A.F.zero;
      for (const t of s.terms.values()) {
        let m = A.F.fromRatio(t.c.num, t.c.den);
        for (const [key, e] of t.mono) {
          const a = atoms.get(key);
          if (!a) throw new Error(`unknown atom ${key}`);
          let v: T;
          if (a.kind === 'var') {
            const sv = env.scalars?.[a.name];
            if (sv === undefined) throw new Error(`scalar ${a.name} has no value`);
            v = sv;
          } else if (a.kind === 'dim') v = A.int(dim(a.name));
          else v = A.trace(wordValue(a.word, ''));
          for (let i = 0; i < Math.abs(e); i++) m = e > 0 ? A.F.mul(m, v) : A.F.div(m, v);
        }
        acc = A.F.add(acc, m);
      }
      return acc;
    };
    if (x.kind === 'scalar') return scalarValue(x);
    let out = A.zeros(dim(x.rows), dim(x.cols));
    for (const t of x.terms.values()) out = A.add(out, A.scale(scalarValue(t.coef), wordValue(t.word, x.rows)));
    return out;
  }

  const F: ScalarOps<Scalar> = {
    zero: constant(Q.zero),
    one: constant(Q.one),
    fromInt: int,
    fromRatio: ratio,
    add: sAdd,
    sub: sSub,
    mul: sMul,
    neg: sNeg,
    div: sDiv,
    isZero: sIsZero,
    toString: (a) => fmtScalar(a, 'plain'),
  };
  const ops: MatrixOps<SMat, Scalar, string> = { F, add, sub, mul, scale, tr, combine, inner, frob2, trace, eye, zeros, int, ratio };
  return { ...ops, F, L, vars, inv, neg, dimension, prove, modulo, isZero, format, toString: show, toLatex, evaluate, letterNames: () => [...letters.keys()] };
}

export type Symbolic = ReturnType<typeof symbolic>;
