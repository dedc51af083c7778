/**
 * Formulas typeset by KaTeX when the report is written (no script runs in the page), and KaTeX's
 * stylesheet with its fonts inlined as data: URLs, so index.html stays one file that makes no request.
 * A formula KaTeX rejects is shown as its Unicode text and counted (the page says how many); the
 * tests render with the same options and fail on any rejection.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex, { type KatexOptions } from 'katex';
import { CHANGED_MACRO } from './text.ts';

/** How every formula is rendered: a parse error throws, strict LaTeX (an unconverted Unicode
 *  symbol is an error), and \htmlClass — the only HTML extension — for the changed terms of an erratum. */
const KATEX_OPTIONS: KatexOptions = {
  throwOnError: true,
  output: 'html',
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'error'),
  trust: (context: { command: string }) => context.command === '\\htmlClass',
  macros: { [CHANGED_MACRO]: '\\htmlClass{changed}{#1}' },
};

/** KaTeX's HTML for a formula; throws on LaTeX it cannot typeset. KaTeX breaks a line only after
 *  a relation or a binary operator, so a line may also break after each word of prose and each
 *  separating comma or semicolon (a long statement then wraps in a table cell). */
export function renderLatex(tex: string): string {
  const breakable = tex
    .replace(/\\text\{([^{}]*)\}/g, (_, prose: string) =>
      prose
        .split(/(?<= )/)
        .map((word) => `\\text{${word}}\\allowbreak `)
        .join(''),
    )
    .replace(/\\enspace/g, '\\enspace\\allowbreak ');
  return katex.renderToString(breakable, KATEX_OPTIONS);
}

/** A formula that could not be typeset: its text (shown instead) and KaTeX's message. */
export interface TypesetFailure {
  readonly text: string;
  readonly error: string;
}

/** Typesets the formulas of one page, remembering the ones it could not. */
export class Typesetter {
  readonly failures: TypesetFailure[] = [];

  /** The formula's KaTeX HTML, or its Unicode text (escaped by `escapeText`) when KaTeX rejects it. */
  html(text: string, tex: string, escapeText: (s: string) => string): string {
    try {
      return `<span class="formula" role="math" aria-label="${escapeText(text)}">${renderLatex(tex)}</span>`;
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      this.failures.push({ text, error });
      return `<span class="formula untypeset" title="${escapeText(`not typeset: ${error}`)}">${escapeText(text)}</span>`;
    }
  }
}

let css: string | null = null;

/** katex.min.css with each font as a woff2 data: URL (the woff and ttf fallbacks dropped). */
export function katexCss(): string {
  if (css !== null) return css;
  const dist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));
  css = readFileSync(join(dist, 'katex.min.css'), 'utf8').replace(
    /src:url\((fonts\/[^)]+\.woff2)\) format\("woff2"\)(?:,url\([^)]+\) format\("[a-z]+"\))*/g,
    (_, file: string) => `src:url(data:font/woff2;base64,${readFileSync(join(dist, file)).toString('base64')}) format("woff2")`,
  );
  if (/url\((?!data:)/.test(css)) throw new Error('katex.min.css refers to a file the report would have to request');
  return css;
}
