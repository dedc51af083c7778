/**
 * Report text as data: a run of inline pieces (plain text, code, a claim id, a command, emphasis, a
 * link, a verdict, a hover hint) that the Markdown and HTML renderers (markdown.ts, html.ts) each
 * write in their own syntax. No Markdown or HTML is stored in the model; imports nothing.
 */

/** One inline piece of report text. */
export type Inline =
  | string
  | { readonly code: string }
  | { readonly id: string }
  | { readonly cmd: string }
  | { readonly math: string }
  /** A typeset formula (latex.ts): its Unicode text and its LaTeX. */
  | { readonly formula: string; readonly tex: string }
  | { readonly strong: Text }
  | { readonly em: Text }
  | { readonly link: string; readonly text: Text }
  | { readonly verdict: string }
  /** Good or bad news (sabotage refuted / not refuted, a relation that holds / fails). */
  | { readonly good: Text }
  | { readonly bad: Text }
  /** Text with a longer explanation shown on hover (HTML) and left out of Markdown. */
  | { readonly hint: string; readonly text: Text };

export type Text = readonly Inline[];

/** The macro that marks a changed term of a formula (latex.ts writes it; typeset.ts highlights it, Markdown boxes it). */
export const CHANGED_MACRO = '\\changed';

export const code = (s: string): Inline => ({ code: s });
export const id = (s: string): Inline => ({ id: s });
export const cmd = (s: string): Inline => ({ cmd: s });
export const math = (s: string): Inline => ({ math: s });
export const strong = (...t: Inline[]): Inline => ({ strong: t });
export const em = (...t: Inline[]): Inline => ({ em: t });
export const link = (href: string, ...t: Inline[]): Inline => ({ link: href, text: t });
export const verdict = (v: string): Inline => ({ verdict: v });
export const good = (...t: Inline[]): Inline => ({ good: t });
export const bad = (...t: Inline[]): Inline => ({ bad: t });
export const hint = (h: string, ...t: Inline[]): Inline => ({ hint: h, text: t });

/** The pieces of `parts` with `sep` between consecutive ones. */
export function joinText(parts: ReadonlyArray<Text>, sep: Inline): Inline[] {
  return parts.flatMap((p, i) => (i === 0 ? [...p] : [sep, ...p]));
}

/** The text of an inline run with every mark dropped (for search, hover titles and tests). */
export function plain(t: Text): string {
  return t
    .map((x) => {
      if (typeof x === 'string') return x;
      if ('code' in x) return x.code;
      if ('id' in x) return x.id;
      if ('cmd' in x) return x.cmd;
      if ('math' in x) return x.math;
      if ('strong' in x) return plain(x.strong);
      if ('em' in x) return plain(x.em);
      if ('link' in x) return plain(x.text);
      if ('verdict' in x) return x.verdict;
      if ('good' in x) return plain(x.good);
      if ('bad' in x) return plain(x.bad);
      if ('formula' in x) return x.formula;
      return plain(x.text);
    })
    .join('');
}

/** Inline text as Markdown: `code` for code, ids and commands, **bold** for strong and bad news, *…* for emphasis. */
export function inlineMarkdown(t: Text): string {
  return t
    .map((x) => {
      if (typeof x === 'string') return x;
      if ('code' in x) return `\`${x.code}\``;
      if ('id' in x) return `\`${x.id}\``;
      if ('cmd' in x) return `\`${x.cmd}\``;
      if ('math' in x) return x.math;
      if ('formula' in x) return `$${x.tex.split(`${CHANGED_MACRO}{`).join('\\boxed{')}$`;
      if ('strong' in x) return `**${inlineMarkdown(x.strong)}**`;
      if ('em' in x) return `*${inlineMarkdown(x.em)}*`;
      if ('link' in x) return `[${inlineMarkdown(x.text)}](${x.link})`;
      if ('verdict' in x) return x.verdict;
      if ('good' in x) return inlineMarkdown(x.good);
      if ('bad' in x) return `**${inlineMarkdown(x.bad)}**`;
      return inlineMarkdown(x.text);
    })
    .join('');
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A power of ten as 10ⁿ (10⁻³ for 1e-3, 10³ for 1e3); any other number as its shortest decimal. */
export function powerOfTen(x: number): string {
  const k = Math.round(Math.log10(x));
  return x > 0 && 10 ** k === x ? `10${String(k).replace(/./g, (c) => SUPERSCRIPT[c])}` : String(x);
}

/** A fraction as a percentage: 0.999 → 99.9%. */
export function percent(x: number): string {
  return `${Number((100 * x).toPrecision(12))}%`;
}
