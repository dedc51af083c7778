/**
 * DIR/index.html: the report model (model.ts) as one self-contained page for people — the same
 * sections as summary.md (markdown.ts), plus what only a page does: filters on the verdict table
 * (paper, kind, verdict, text), each claim's statement and details folded under its id, hover
 * hints, the data of each sweep folded, and every figure (DIR/figures/*.svg with its .caption.txt,
 * and the phase diagrams of DIR/explore/*.svg), inlined. Inline CSS and a small inline script
 * only: the file opens from disk with no server and makes no request. Imports the model, never the
 * Markdown renderer.
 *
 * Each claim's row carries data-id, data-paper, data-kind, data-verdict, data-expected and
 * data-sabotage, so a test (properties/report/browser.test.ts) can read the table back.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Block, type Cell, type ClaimDetail, type Report, reportModel, type Row, type Section, type Table } from './model.ts';
import { type CheckRun, readableJson } from './run.ts';
import type { Text } from './text.ts';
import { katexCss, type TypesetFailure, Typesetter } from './typeset.ts';

/** A figure to embed: its SVG source, where it came from (relative to the report) and its caption. */
export interface Figure {
  readonly file: string;
  readonly svg: string;
  readonly caption: string | null;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const esc = escapeHtml;

/** Report text as HTML: ids breakable after each '.' and '/', commands selectable, verdicts as badges. */
function inline(t: Text, ts: Typesetter): string {
  return t
    .map((x) => {
      if (typeof x === 'string') return esc(x);
      if ('code' in x) return `<code>${esc(x.code)}</code>`;
      if ('id' in x) return `<code class="id">${esc(x.id).replace(/([./])/g, '$1<wbr>')}</code>`;
      if ('cmd' in x) return `<code class="cmd">${esc(x.cmd)}</code>`;
      if ('math' in x) return `<span class="math">${esc(x.math)}</span>`;
      if ('formula' in x) return ts.html(x.formula, x.tex, esc);
      if ('strong' in x) return `<strong>${inline(x.strong, ts)}</strong>`;
      if ('em' in x) return `<em>${inline(x.em, ts)}</em>`;
      if ('link' in x) return `<a href="${esc(x.link)}">${inline(x.text, ts)}</a>`;
      if ('verdict' in x) return `<span class="badge v-${esc(x.verdict)}">${esc(x.verdict)}</span>`;
      if ('good' in x) return `<span class="yes">${inline(x.good, ts)}</span>`;
      if ('bad' in x) return `<span class="no">${inline(x.bad, ts)}</span>`;
      return `<span title="${esc(x.hint)}">${inline(x.text, ts)}</span>`;
    })
    .join('');
}

function detailHtml(d: ClaimDetail, ts: Typesetter): string {
  return `<div class="statement">${inline(d.statement, ts)}</div><details><summary>details</summary><dl>${d.items.map(([k, v]) => `<dt>${inline(k, ts)}</dt><dd>${inline(v, ts)}</dd>`).join('')}</dl></details>`;
}

function cellHtml(c: Cell, cls: string[], ts: Typesetter, detail?: ClaimDetail): string {
  const classes = [...cls, ...(c.weak ? ['weak'] : [])];
  return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}${c.title ? ` title="${esc(c.title)}"` : ''}>${inline(c.text, ts)}${detail ? detailHtml(detail, ts) : ''}</td>`;
}

function rowHtml(t: Table, r: Row, ts: Typesetter): string {
  const attrs = Object.entries(r.data ?? {})
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  const cls = t.role === 'verdicts' ? ` class="claim-row${r.unexpected ? ' unexpected' : ''}"` : '';
  const cells = r.cells.map((c, i) => {
    const column = t.columns[i];
    if (i === 0 && t.rowHeaders) return `<th scope="row">${inline(c.text, ts)}</th>`;
    return cellHtml(c, [...(column?.num ? ['num'] : []), ...(column?.key ? [column.key] : [])], ts, i === 0 ? r.detail : undefined);
  });
  return `<tr${cls}${attrs}>${cells.join('')}</tr>`;
}

function options(values: string[]): string {
  return [`<option value="">all</option>`, ...[...new Set(values)].sort().map((v) => `<option value="${esc(v)}">${esc(v)}</option>`)].join('');
}

/** The filters above the verdict table (paper, kind, verdict, text, unexpected only). */
function filters(t: Table): string {
  const values = (k: string) => t.rows.map((r) => r.data?.[k] ?? '');
  return `<form class="filters" id="filters" onsubmit="return false">
<label>paper <select id="f-paper">${options(values('paper'))}</select></label>
<label>kind <select id="f-kind">${options(values('kind'))}</select></label>
<label>verdict <select id="f-verdict">${options(values('verdict'))}</select></label>
<label>search <input id="f-text" type="search" placeholder="id, statement, where…"></label>
<label><input id="f-unexpected" type="checkbox"> only unexpected</label>
<button type="button" id="f-reset">reset</button>
<span id="f-count" aria-live="polite">${t.rows.length} of ${t.rows.length} claims shown</span>
</form>`;
}

function tableHtml(t: Table, ts: Typesetter): string {
  const attrs = t.role === 'verdicts' ? ' id="verdict-table"' : t.role === 'counts' ? ' class="counts"' : '';
  const headers = t.columns.map((c) => `<th>${esc(c.label)}</th>`).join('');
  return `<div class="scroll"><table${attrs}>\n<thead><tr>${headers}</tr></thead>\n<tbody>\n${t.rows.map((r) => rowHtml(t, r, ts)).join('\n')}\n</tbody></table></div>`;
}

function blockHtml(b: Block, ts: Typesetter): string {
  switch (b.kind) {
    case 'p': {
      const cls = [...(b.status ? ['status', b.status] : []), ...(b.role ? [b.role] : [])];
      return `<p${cls.length ? ` class="${cls.join(' ')}"` : ''}>${b.label ? `<span class="label">${esc(b.label)}</span> ` : ''}${inline(b.text, ts)}</p>`;
    }
    case 'note':
      return `<p class="note">${inline(b.text, ts)}</p>`;
    case 'heading':
      return `<h3>${inline(b.text, ts)}</h3>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${inline(i, ts)}</li>`).join('\n')}</ul>`;
    case 'json':
      return `<pre class="json">${esc(readableJson(b.value))}</pre>`;
    case 'table':
      return `${b.role === 'verdicts' ? `${filters(b)}\n` : ''}${tableHtml(b, ts)}`;
    case 'article':
      return `<article class="erratum" id="${esc(b.anchor)}">\n<h4>${inline(b.heading, ts)}</h4>\n${b.blocks.map((x) => blockHtml(x, ts)).join('\n')}\n</article>`;
    case 'compare':
      return `<div class="compare">${b.items.map((x) => `<div><span class="label">${inline(x.label, ts)}</span>${inline([x.formula], ts)}</div>`).join('')}</div>`;
    case 'folded':
      return `<details class="sweep-data"><summary>${inline(b.summary, ts)}</summary>${b.blocks.map((x) => blockHtml(x, ts)).join('\n')}</details>`;
  }
}

function sectionHtml(s: Section, ts: Typesetter): string {
  return `<section id="${s.id}">\n<h2>${esc(s.title)}</h2>\n${s.blocks.map((b) => blockHtml(b, ts)).join('\n')}\n</section>`;
}

/** Makes the ids of one inlined SVG unique in the page (several SVGs may use the same ids) and drops scripts. */
function inlineSvg(svg: string, prefix: string): string {
  let s = svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '');
  s = s
    .replace(/(\s)id="([^"]+)"/g, `$1id="${prefix}$2"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/((?:xlink:)?href)="#([^"]+)"/g, `$1="#${prefix}$2"`);
  // Scale to the page: give the root a viewBox from its width and height when it has none.
  s = s.replace(/<svg\b([^>]*)>/, (whole, attrs: string) => {
    if (/\bviewBox=/.test(attrs)) return whole;
    const w = /\bwidth="([\d.]+)(?:px)?"/.exec(attrs)?.[1];
    const h = /\bheight="([\d.]+)(?:px)?"/.exec(attrs)?.[1];
    return w && h ? `<svg${attrs} viewBox="0 0 ${w} ${h}">` : whole;
  });
  return s.trim();
}

function figuresSection(figures: ReadonlyArray<Figure>): string {
  if (!figures.length) return '';
  const items = figures.map(
    (f, i) =>
      `<figure class="figure" id="figure-${i + 1}" data-file="${esc(f.file)}">\n${inlineSvg(f.svg, `fig${i + 1}-`)}\n<figcaption><span class="label">Figure ${i + 1}.</span> ${f.caption ? `${esc(f.caption)} ` : ''}<span class="file">(${esc(f.file)})</span></figcaption>\n</figure>`,
  );
  return `<section id="figures">\n<h2>Figures</h2>\n${items.join('\n')}\n</section>`;
}

/** The SVG figures of a report directory: figures/*.svg (caption in the same-name .caption.txt), then explore/*.svg. */
function collectFigures(dir: string): Figure[] {
  const out: Figure[] = [];
  for (const sub of ['figures', 'explore']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d)
      .filter((n) => n.endsWith('.svg'))
      .sort()) {
      const captionFile = join(d, name.replace(/\.svg$/, '.caption.txt'));
      out.push({
        file: `${sub}/${name}`,
        svg: readFileSync(join(d, name), 'utf8'),
        caption: existsSync(captionFile)
          ? readFileSync(captionFile, 'utf8').trim()
          : sub === 'explore'
            ? 'Pass/fail phase diagram written by explore: each cell is a grid point of the two parameters; the dashed box is the region the hypotheses allow.'
            : null,
      });
    }
  }
  return out;
}

const CSS = `
:root { --fg: #1a1a1a; --muted: #5f6368; --line: #d9dce1; --head: #f3f4f6; --ok: #1b7f3b; --bad: #b3261e; --warn: #b26a00; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.2rem 2rem 4rem; max-width: 110rem; color: var(--fg); font: 15px/1.5 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
nav { font-size: 0.9rem; margin: 0.4rem 0 0.8rem; }
nav a { margin-right: 0.9rem; }
a { color: #1a57b5; }
code, pre, .cmd { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
code.id { font-weight: 600; }
code.cmd { display: inline-block; user-select: all; word-break: break-all; background: #f6f8fa; border: 1px solid var(--line); border-radius: 3px; padding: 0 0.25em; font-size: 0.78em; }
code.rerun { color: var(--muted); }
.math { font-family: "DejaVu Serif", "STIX Two Text", "Cambria Math", "Cambria", "Times New Roman", serif; }
.note { color: var(--muted); font-size: 0.88rem; max-width: 75rem; }
.status { font-weight: 600; padding: 0.5rem 0.8rem; border-radius: 4px; display: inline-block; }
.status.ok { background: #e6f4ea; color: var(--ok); }
.status.bad { background: #fce8e6; color: var(--bad); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.86rem; margin: 0.4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.weak { color: #a33; font-weight: 600; }
table.counts td.num { min-width: 4.5rem; }
#verdict-table { width: 100%; }
#verdict-table td.claim { min-width: 19rem; max-width: 38rem; }
#verdict-table td.where { max-width: 14rem; }
#verdict-table td:last-child { min-width: 11rem; max-width: 24rem; }
.statement { color: #333; font-size: 0.95em; margin-top: 0.15rem; }
tr.unexpected { background: #fff4f2; }
details summary { cursor: pointer; color: var(--muted); font-size: 0.85em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0; font-size: 0.9em; }
dt { color: var(--muted); }
dd { margin: 0; }
.badge { display: inline-block; padding: 0 0.45em; border-radius: 3px; font-size: 0.85em; font-weight: 600; color: white; }
.v-holds { background: var(--ok); }
.v-refuted { background: var(--bad); }
.v-vacuous { background: #757575; }
.v-inconclusive { background: #f9a825; }
.v-error { background: var(--warn); }
.yes { color: var(--ok); font-weight: 600; }
.no, .error { color: var(--bad); font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1.2rem; align-items: center; background: var(--head); padding: 0.5rem 0.8rem; border-radius: 4px; position: sticky; top: 0; z-index: 2; }
.filters select, .filters input[type=search] { font: inherit; font-size: 0.9rem; }
.filters input[type=search] { width: 16rem; }
#f-count { color: var(--muted); font-size: 0.9rem; }
article.erratum { border-left: 4px solid var(--bad); padding: 0.1rem 0 0.4rem 1rem; margin: 1rem 0 1.6rem; }
.label { font-weight: 600; }
pre.json { background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; padding: 0.5rem 0.7rem; max-height: 22rem; overflow: auto; font-size: 0.8rem; }
.formula .katex { font-size: 1.08em; white-space: normal; }
.formula .katex .base { white-space: nowrap; }
.statement .formula { display: block; }
.changed { background: #ffe08a; color: #8a1c00; border-radius: 2px; }
.untypeset { font-family: "DejaVu Serif", serif; border-bottom: 1px dotted var(--bad); }
.compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 0.4rem 1.2rem; margin: 0.4rem 0 0.6rem; }
.compare > div { border: 1px solid var(--line); border-radius: 4px; padding: 0.3rem 0.6rem; overflow-x: auto; }
.compare .label { display: block; color: var(--muted); font-size: 0.85em; }
.corrected { border-left: 4px solid var(--ok); padding-left: 0.6rem; }
ul.findings li { margin-bottom: 0.5rem; max-width: 80rem; }
ul.bad-list li { color: var(--bad); }
figure.figure { margin: 1rem 0 2rem; }
figure.figure svg { max-width: 100%; height: auto; display: block; border: 1px solid var(--line); }
figcaption { font-size: 0.9rem; margin-top: 0.3rem; max-width: 70rem; }
figcaption .file { color: var(--muted); font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
td.detail { color: var(--muted); font-size: 0.9em; max-width: 24rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
`;

/** The filters of the verdict table (paper, kind, verdict, text, unexpected only). */
const SCRIPT = `
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('#verdict-table tbody tr.claim-row'));
  var el = function (id) { return document.getElementById(id); };
  var paper = el('f-paper'), kind = el('f-kind'), verdict = el('f-verdict'), text = el('f-text'), unexpected = el('f-unexpected');
  function apply() {
    var q = text.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r) {
      var ok = (!paper.value || r.getAttribute('data-paper') === paper.value) &&
        (!kind.value || r.getAttribute('data-kind') === kind.value) &&
        (!verdict.value || r.getAttribute('data-verdict') === verdict.value) &&
        (!unexpected.checked || r.getAttribute('data-as-expected') === 'no') &&
        (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    });
    el('f-count').textContent = shown + ' of ' + rows.length + ' claims shown';
  }
  [paper, kind, verdict, unexpected].forEach(function (c) { c.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  el('f-reset').addEventListener('click', function () {
    paper.value = kind.value = verdict.value = text.value = ''; unexpected.checked = false; apply();
  });
  apply();
})();
`;

/** Writes DIR/index.html for a run, inlining the figures now under DIR; a formula KaTeX could not typeset is also reported on stderr. */
export function writeHtmlReport(dir: string, run: CheckRun): void {
  const { html, failures } = renderHtml(reportModel(run), collectFigures(dir));
  writeFileSync(join(dir, 'index.html'), html);
  if (failures.length)
    process.stderr.write(
      `index.html: ${failures.length} formula${failures.length === 1 ? '' : 's'} could not be typeset and ${failures.length === 1 ? 'is' : 'are'} shown as text (first: ${failures[0].error})\n`,
    );
}

/** The report page for a run, with the given figures inlined. */
export function htmlReport(run: CheckRun, figures: ReadonlyArray<Figure> = []): string {
  return renderHtml(reportModel(run), figures).html;
}

/** The line at the top of a page some of whose formulas KaTeX rejected (shown as their Unicode text). */
function untypesetHtml(failures: ReadonlyArray<TypesetFailure>): string {
  if (!failures.length) return '';
  const items = failures.map((f) => `<li><span class="math">${esc(f.text)}</span>: ${esc(f.error)}</li>`).join('');
  return `<div class="status bad" id="untypeset">${failures.length} formula${failures.length === 1 ? '' : 's'} could not be typeset and ${failures.length === 1 ? 'is' : 'are'} shown as text:<ul>${items}</ul></div>`;
}

/** A report model as one self-contained page, with the given figures inlined after its sections. */
function renderHtml(report: Report, figures: ReadonlyArray<Figure> = []): { html: string; failures: ReadonlyArray<TypesetFailure> } {
  const ts = new Typesetter();
  const sections = [...report.sections.map((s) => sectionHtml(s, ts)), figuresSection(figures)].filter((s) => s !== '');
  const nav = [...sections.join('\n').matchAll(/<section id="([^"]+)">\n<h2>([^<]*)<\/h2>/g)].map(([, id, title]) => `<a href="#${id}">${title}</a>`).join('');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:">
<title>lemmacheck report — seed ${report.seed}</title>
<style>${katexCss()}</style>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>lemmacheck report</h1>
<p class="note">Numerical checks of the claims of ${escapeHtml(report.papers.join(', '))} (each paper's manifest: lemmas/&lt;paper&gt;/paper.ts). ${report.claims} claims. The same data as results.json (machine-readable) and summary.md.</p>
<nav>${nav}</nav>
${untypesetHtml(ts.failures)}
</header>
<main>
${sections.join('\n\n')}
</main>
<footer>Written by <code>lemmacheck</code> (src/report/model.ts, rendered by src/report/html.ts). Self-contained: no network, no server.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
  return { html, failures: ts.failures };
}
