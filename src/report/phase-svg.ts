/**
 * A pass/fail phase diagram as a self-contained SVG: one cell per grid point (green: holds,
 * red: refuted, grey: vacuous, orange: error), the allowed region outlined, axes labelled with the
 * parameter descriptions, and a caption naming the claim, the budget and the seed.
 */
import type { PhaseDiagram } from '../search/explore.ts';

const COLOURS: Record<string, string> = { holds: '#4caf50', refuted: '#e53935', vacuous: '#9e9e9e', error: '#fb8c00' };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function label(v: number): string {
  return Math.abs(v) >= 1e-2 && Math.abs(v) < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(1);
}

export function phaseDiagramSvg(p: PhaseDiagram): string {
  const cell = 36;
  const [left, top] = [90, 40];
  const w = p.xs.length * cell;
  const h = p.ys.length * cell;
  const parts: string[] = [];
  const replay = `Replay a cell: npx tsx src/cli.ts check ${p.id} --set ${p.parameters[0]}=X --set ${p.parameters[1]}=Y --seed ${p.seed}`;
  const width = Math.max(left + w + 160, left + 6.2 * replay.length);
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${top + h + 110}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="100%" height="100%" fill="white"/>`);
  parts.push(`<text x="${left}" y="20" font-size="13" font-weight="bold">${esc(p.id)}: pass/fail phase diagram</text>`);
  if (p.truncated)
    parts.push(
      `<text x="${left + w + 16}" y="${top + 110}" fill="#b00">time budget ran out:</text><text x="${left + w + 16}" y="${top + 124}" fill="#b00">white cells not run</text>`,
    );
  p.cells.forEach((c) => {
    const i = p.xs.indexOf(c.x);
    const j = p.ys.indexOf(c.y);
    const x = left + i * cell;
    const y = top + (p.ys.length - 1 - j) * cell;
    const margin = c.worstMargin === null ? '—' : c.worstMargin.toExponential(2);
    parts.push(
      `<rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${COLOURS[c.verdict]}"><title>${esc(`${p.parameters[0]} = ${label(c.x)}, ${p.parameters[1]} = ${label(c.y)}: ${c.verdict} (worst margin ${margin})`)}</title></rect>`,
    );
  });
  // The allowed region (clipped to the grid).
  const inX = p.xs.map((v, i) => [v, i] as const).filter(([v]) => v >= p.allowed[0][0] && v <= p.allowed[0][1]);
  const inY = p.ys.map((v, j) => [v, j] as const).filter(([v]) => v >= p.allowed[1][0] && v <= p.allowed[1][1]);
  if (inX.length && inY.length) {
    const x0 = left + inX[0][1] * cell;
    const x1 = left + (inX[inX.length - 1][1] + 1) * cell;
    const y0 = top + (p.ys.length - 1 - inY[inY.length - 1][1]) * cell;
    const y1 = top + (p.ys.length - inY[0][1]) * cell;
    parts.push(`<rect x="${x0}" y="${y0}" width="${x1 - x0 - 1}" height="${y1 - y0 - 1}" fill="none" stroke="black" stroke-width="2" stroke-dasharray="4 2"/>`);
  }
  p.xs.forEach((v, i) => {
    parts.push(`<text x="${left + i * cell + cell / 2}" y="${top + h + 14}" text-anchor="middle">${label(v)}</text>`);
  });
  p.ys.forEach((v, j) => {
    parts.push(`<text x="${left - 6}" y="${top + (p.ys.length - 1 - j) * cell + cell / 2 + 4}" text-anchor="end">${label(v)}</text>`);
  });
  parts.push(`<text x="${left + w / 2}" y="${top + h + 32}" text-anchor="middle">${esc(`${p.parameters[0]}: ${p.descriptions[0]}`)}</text>`);
  parts.push(
    `<text x="20" y="${top + h / 2}" text-anchor="middle" transform="rotate(-90 20 ${top + h / 2})">${esc(`${p.parameters[1]}: ${p.descriptions[1]}`)}</text>`,
  );
  Object.entries(COLOURS).forEach(([k, c], i) => {
    parts.push(
      `<rect x="${left + w + 16}" y="${top + i * 18}" width="12" height="12" fill="${c}"/><text x="${left + w + 34}" y="${top + i * 18 + 10}">${k}</text>`,
    );
  });
  parts.push(`<text x="${left + w + 16}" y="${top + 90}">dashed: allowed</text>`);
  parts.push(
    `<text x="${left}" y="${top + h + 56}">${esc(`Each cell: ${p.runs} random instances (fast-check, seed ${p.seed}); green = no counterexample found, red = refuted.`)}</text>`,
  );
  parts.push(`<text x="${left}" y="${top + h + 72}">${esc(replay)}</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
