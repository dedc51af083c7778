/**
 * DIR/summary.md: the report model (model.ts) as Markdown. Tables become pipe tables, notes and
 * paragraphs become paragraphs, errata become level-4 headings with their blocks; folded
 * supplementary data (a sweep's points) and hover hints are left out. Imports the model, never the
 * HTML renderer.
 */
import { type Block, type Report, reportModel, type Table } from './model.ts';
import { type CheckRun, readableJson } from './run.ts';
import { inlineMarkdown, type Text } from './text.ts';

/** Text for a Markdown table cell: a '|' would end the cell, a newline the row. */
function cell(t: Text): string {
  return inlineMarkdown(t).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A table; the statements its rows carry (the verdict table's, folded under each id in HTML) follow it as a list, keeping the table narrow. */
function tableLines(t: Table): string[] {
  const statements = t.rows.filter((r) => r.detail).map((r) => `- ${inlineMarkdown(r.cells[0].text)}: ${inlineMarkdown(r.detail!.statement)}`);
  return [
    `| ${t.columns.map((c) => c.label).join(' | ')} |`,
    `| ${t.columns.map((c) => (c.num ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.cells.map((c) => cell(c.text)).join(' | ')} |`),
    ...(statements.length ? ['', 'Statements:', '', ...statements] : []),
  ];
}

/** The lines of one block, without the blank line that separates it from the next (null: left out). */
function blockLines(b: Block): string[] | null {
  switch (b.kind) {
    case 'p':
      return [[b.label, inlineMarkdown(b.text)].filter((x) => x).join(' ')];
    case 'note':
      return [inlineMarkdown(b.text)];
    case 'heading':
      return [`### ${inlineMarkdown(b.text)}`];
    case 'list':
      return b.items.map((i) => `- ${inlineMarkdown(i)}`);
    case 'json':
      return ['```json', readableJson(b.value), '```'];
    case 'table':
      return tableLines(b);
    case 'article':
      return [`#### ${inlineMarkdown(b.heading)}`, ...blocks(b.blocks)];
    case 'compare':
      return b.items.flatMap((x, i) => [...(i ? [''] : []), `${inlineMarkdown(x.label)}: ${inlineMarkdown([x.formula])}`]);
    case 'folded':
      return null;
  }
}

function blocks(bs: ReadonlyArray<Block>): string[] {
  return bs.flatMap((b) => {
    const lines = blockLines(b);
    return lines ? ['', ...lines] : [];
  });
}

/** A report model as Markdown. */
function renderMarkdown(report: Report): string {
  const lines = ['# lemmacheck summary'];
  for (const s of report.sections) lines.push('', `## ${s.title}`, ...blocks(s.blocks));
  return `${lines.join('\n')}\n`;
}

/** summary.md for a run. */
export function markdownReport(run: CheckRun): string {
  return renderMarkdown(reportModel(run));
}
