/**
 * Figures as SVG through vega-lite → vega (rendered headless in Node, no canvas), and the directory
 * convention the HTML report reads: DIR/<id>.svg, DIR/<id>.json (the numbers plotted) and
 * DIR/<id>.caption.txt (the caption: claim or experiment, parameters, seed, choices).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface Figure {
  /** File stem, e.g. 'jcd.fig-3' or 'jcd.fig-3.scaling'. */
  readonly id: string;
  /** One line of title and the caption (parameters, seed, choices), also written beside the SVG. */
  readonly title: string;
  readonly caption: string;
  /** The vega-lite specification without title (captioned() adds it). */
  readonly spec: Record<string, unknown>;
  /** The numbers behind the figure (written as <id>.json). */
  readonly numbers: unknown;
}

/** Splits text into lines of at most `width` characters at spaces. */
function wrap(text: string, width = 110): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** The full vega-lite spec of a figure: its spec with the title and the caption as subtitle. */
function captioned(fig: Figure): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...fig.spec,
    title: { text: fig.title, subtitle: wrap(fig.caption), anchor: 'start', subtitleFontSize: 10, fontSize: 13 },
    config: { background: 'white', font: 'sans-serif', legend: { labelLimit: 360 }, ...(fig.spec.config as object | undefined) },
  } as TopLevelSpec;
}

/** Renders a figure to an SVG string. */
export async function renderSvg(fig: Figure): Promise<string> {
  const compiled = compile(captioned(fig)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Writes DIR/<id>.svg, DIR/<id>.json and DIR/<id>.caption.txt; returns the SVG's path. */
export async function writeFigure(dir: string, fig: Figure): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const svg = await renderSvg(fig);
  const path = join(dir, `${fig.id}.svg`);
  writeFileSync(path, svg);
  writeFileSync(join(dir, `${fig.id}.json`), `${JSON.stringify(fig.numbers, jsonNumber, 1)}\n`);
  writeFileSync(join(dir, `${fig.id}.caption.txt`), `${fig.title}\n\n${fig.caption}\n`);
  return path;
}

/** JSON has no Infinity or NaN: they are written as strings so that the file stays valid. */
function jsonNumber(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/** A number for a caption: 3 significant digits, exponent form when small or large. */
export function num(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(3))) : x.toExponential(1).replace('.0e', 'e').replace('+', '');
}
