/**
 * The HTML report (DIR/index.html) as a reader sees it: written by a real `check` and by `report
 * merge` of two shards (and rewritten by `report html` after `explore` added a phase diagram),
 * opened from disk (file://) in headless Chromium. It renders with no console
 * error and no request beyond the file itself, every figure under figures/ and explore/ is there,
 * the verdict table read back from the DOM equals results.json, the filters work, the errata show
 * the shrunk counterexample and the replay command, every statement is typeset by KaTeX (an erratum's
 * printed and corrected forms side by side, the changed terms highlighted), and text is escaped (a
 * statement with <, > and & is typeset as text and runs nothing).
 *
 * The browser comes from scripts/chromium.ts: LEMMACHECK_CHROMIUM, else a system Chromium, else the
 * build shipped in the npm package @sparticuz/chromium (a devDependency), so `npm ci && npm test`
 * needs no manual step. If none can be found or launched, every test here fails and says why.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VerdictRecord } from '../../src/claims/record.ts';
import { htmlReport } from '../../src/report/html.ts';
import { powerValue } from '../../src/report/power-text.ts';
import type { CheckRun } from '../../src/report/run.ts';
import { findChromium, LAUNCH_ARGS } from '../../scripts/chromium.ts';

const root = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'lemmacheck-html-'));
/** Cheap claims covering both papers, an erratum with its corrected sibling, a Monte Carlo claim and a slack/boundary audit. */
const IDS = ['jcd.eq-a.6.p-update', 'jcd.eq-a.6.p-update/corrected', 'jcd.lemma-c.2.sigma-max', 'jcd.lemma-c.7', 'yd21.eq-10.a-update'];
const OPTS = ['--seed', '7', '--tighten-budget', '300'];
const CAPTION = 'Planted figure: slope ≈ 1.02 where the paper states 1 & <strict> (σ₁/σ_d).';

function cli(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** A figure as another part of the project writes it: an SVG with ids of its own and a caption. */
function plantFigure(dir: string, name: string, caption?: string): void {
  mkdirSync(join(dir, 'figures'), { recursive: true });
  writeFileSync(
    join(dir, 'figures', `${name}.svg`),
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="300" height="160"><defs><clipPath id="plot"><rect x="20" y="10" width="260" height="130"/></clipPath></defs><g clip-path="url(#plot)"><polyline points="20,140 150,80 280,20" fill="none" stroke="#1a57b5" stroke-width="2"/></g><text x="150" y="155" text-anchor="middle">log κ</text></svg>\n`,
  );
  if (caption !== undefined) writeFileSync(join(dir, 'figures', `${name}.caption.txt`), `${caption}\n`);
}

function svgFiles(dir: string): string[] {
  return ['figures', 'explore'].flatMap((sub) =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((n) => n.endsWith('.svg'))
          .sort()
          .map((n) => `${sub}/${n}`)
      : [],
  );
}

interface Opened {
  page: Page;
  /** Console errors, page errors, failed requests, and any request other than the file itself. */
  problems: string[];
}

let browser: Browser;
const single = join(tmp, 'single');
const merged = join(tmp, 'merged');

let MISSING: string | null = null;

/** Every test fails (never skips) with one clear message when Chromium is missing. */
function requireChromium(): void {
  if (MISSING) throw new Error(MISSING);
}

beforeAll(async () => {
  const found = await findChromium().catch((e: Error) => e);
  if (found instanceof Error) {
    MISSING = `no Chromium for the HTML report test: ${found.message}`;
    return;
  }
  plantFigure(single, 'planted', CAPTION);
  plantFigure(single, 'uncaptioned');
  const [s1, s2] = [join(tmp, 'shard-1'), join(tmp, 'shard-2')];
  plantFigure(s1, 'planted', CAPTION);
  plantFigure(s2, 'uncaptioned');
  const [a, b, c, d] = await Promise.all([
    cli('check', ...IDS, ...OPTS, '--out', single),
    cli('check', ...IDS, ...OPTS, '--shard', '1/2', '--out', s1),
    cli('check', ...IDS, ...OPTS, '--shard', '2/2', '--out', s2),
    // A real phase diagram (explore/*.svg), added to the page afterwards by `report html`.
    cli('explore', 'yd21.lemma-3.2', '--param', 'etaFactor', '--param', 'sBound', '--steps', '3', '--runs', '10', '--seed', '7', '--out', single),
    (async () => {
      browser = await chromium.launch({ executablePath: found.executablePath, args: LAUNCH_ARGS });
    })(),
  ]);
  for (const r of [a, b, c, d]) expect(r.code, r.stderr).toBe(0);
  const [m, h] = await Promise.all([cli('report', 'merge', s1, s2, '--out', merged), cli('report', 'html', single)]);
  expect(m.code, m.stderr).toBe(0);
  expect(h.code, h.stderr).toBe(0);
});

afterAll(async () => {
  await browser?.close();
});

async function open(file: string): Promise<Opened> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  page.on('request', (r) => {
    if (r.url() !== url) problems.push(`request beyond the file: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

interface Row {
  id: string;
  paper: string;
  kind: string;
  verdict: string;
  expected: string;
  sabotage: string;
  shownVerdict: string;
  /** The cells under these headers, as shown. */
  runs: string;
  seed: string;
  margin: string;
  power: string;
}

function readRows(page: Page): Promise<Row[]> {
  return page.$$eval('#verdict-table tbody tr', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      const headers = [...document.querySelectorAll('#verdict-table thead th')].map((th) => th.textContent);
      const cell = (h: string) => tr.querySelectorAll(':scope > td')[headers.indexOf(h)]?.textContent ?? '';
      return {
        runs: cell('runs'),
        seed: cell('seed'),
        margin: cell('worst margin'),
        power: cell('power'),
        id: d.id ?? '',
        paper: d.paper ?? '',
        kind: d.kind ?? '',
        verdict: d.verdict ?? '',
        expected: d.expected ?? '',
        sabotage: d.sabotage ?? '',
        shownVerdict: tr.querySelector('td.verdict .badge')?.textContent ?? '',
      };
    }),
  );
}

function visibleIds(page: Page): Promise<string[]> {
  return page.$$eval('#verdict-table tbody tr', (trs) =>
    trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).map((tr) => (tr as HTMLElement).dataset.id ?? ''),
  );
}

type ResultEntry = Omit<VerdictRecord, 'timeMs'> & { sabotage?: { verdict: string } };

function results(dir: string): { seed: number; claims: ResultEntry[] } {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
}

describe.each([
  ['check (and report html after explore)', single, ['figures/planted.svg', 'figures/uncaptioned.svg', 'explore/yd21.lemma-3.2.etaFactor-sBound.svg']],
  ['report merge', merged, ['figures/planted.svg', 'figures/uncaptioned.svg']],
])('the report written by %s', (_, dir, figureFiles) => {
  // One page per report, shared by the tests below (each leaves the filters reset).
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    if (!MISSING) ({ page, problems } = await open(join(dir, 'index.html')));
  });
  afterAll(async () => {
    await page?.close();
  });

  test('renders from disk with no console error and no request beyond the file', async () => {
    requireChromium();
    expect(await page.title()).toMatch(/lemmacheck report/);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining([
        'Summary',
        'Verdicts',
        'Errata',
        'Probabilistic claims (Monte Carlo)',
        'Power',
        'Slack table',
        'Hypothesis boundaries',
        'Findings',
        'Figures',
      ]),
    );
    expect(problems).toEqual([]);
  });

  test('the verdict table read back from the page equals results.json', async () => {
    requireChromium();
    const rows = await readRows(page);
    const expected = results(dir).claims.map((c) => ({
      id: c.id,
      paper: c.paper,
      kind: c.kind,
      verdict: c.verdict,
      expected: c.expected,
      sabotage: c.sabotage?.verdict ?? '',
      shownVerdict: c.verdict,
      runs: String(c.runs),
      seed: String(c.seed),
      margin: c.worstMargin === null ? '—' : c.worstMargin.toExponential(2),
      power: powerValue(c.power),
    }));
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r.id).sort()).toEqual([...IDS].sort());
    expect(await page.locator('#f-count').textContent()).toBe(`${IDS.length} of ${IDS.length} claims shown`);
    // The summary counts: claims, holds, refuted, vacuous, error, errata, as expected (the 'all' row).
    const all = await page.locator('table.counts tbody tr', { hasText: 'all' }).locator('td').allTextContents();
    const claims = results(dir).claims;
    const n = (v: string) => String(claims.filter((c) => c.verdict === v).length);
    expect(all.slice(0, 7)).toEqual([
      String(claims.length),
      n('holds'),
      n('refuted'),
      n('vacuous'),
      n('error'),
      String(claims.filter((c) => c.erratum).length),
      String(claims.length),
    ]);
    expect(problems).toEqual([]);
  });

  test('every figure under figures/ and explore/ is inlined and rendered, with its caption', async () => {
    requireChromium();
    const files = svgFiles(dir);
    expect(files).toEqual(figureFiles);
    const figures = await page.$$eval('figure.figure', (fs) =>
      fs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          file: (f as HTMLElement).dataset.file,
          svgs: f.querySelectorAll('svg').length,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          caption: f.querySelector('figcaption')?.textContent ?? '',
        };
      }),
    );
    // KaTeX draws roots and large delimiters as SVG: those are not figures.
    expect(await page.$$eval('main svg', (ss) => ss.filter((s) => !s.closest('.katex')).length)).toBe(files.length);
    expect(figures.map((f) => f.file)).toEqual(files);
    for (const f of figures) {
      expect(f.svgs).toBe(1);
      expect(f.width).toBeGreaterThan(50);
      expect(f.height).toBeGreaterThan(20);
    }
    expect(figures[0].caption).toContain(CAPTION);
    expect(figures[1].caption).toMatch(/^Figure 2\. \(figures\/uncaptioned\.svg\)$/);
    // Two figures with the same internal id: each has its own after inlining.
    const clipIds = await page.$$eval('figure svg clipPath', (cs) => cs.map((c) => c.id));
    expect(new Set(clipIds).size).toBe(2);
    if (figureFiles.some((f) => f.startsWith('explore/'))) {
      const phase = page.locator('figure[data-file^="explore/"] svg');
      expect(await phase.locator('text').first().textContent()).toBe('yd21.lemma-3.2: pass/fail phase diagram');
      expect(await phase.locator('rect[fill="#4caf50"], rect[fill="#e53935"]').count()).toBeGreaterThanOrEqual(9);
    }
    expect(problems).toEqual([]);
  });

  test('every statement is typeset by KaTeX: one per claim row, and the printed and corrected forms of each erratum', async () => {
    requireChromium();
    const claims = results(dir).claims;
    const statements = await page.$$eval('#verdict-table tbody tr', (trs) =>
      trs.map((tr) => {
        const s = tr.querySelector('.statement');
        return {
          id: (tr as HTMLElement).dataset.id,
          formula: s?.querySelector('.formula')?.getAttribute('aria-label'),
          katex: s?.querySelectorAll('.katex').length,
          width: s?.querySelector('.katex')?.getBoundingClientRect().width ?? 0,
        };
      }),
    );
    expect(statements.map(({ id, formula, katex }) => ({ id, formula, katex }))).toEqual(claims.map((c) => ({ id: c.id, formula: c.statement, katex: 1 })));
    for (const s of statements) expect(s.width).toBeGreaterThan(20);
    const errata = claims.filter((c) => c.erratum && claims.some((x) => x.id === c.corrected));
    for (const c of errata) {
      const compare = page.locator(`article.erratum[id="erratum-${c.id}"] .compare > div`);
      expect(await compare.count()).toBe(2);
      expect(await compare.locator('.formula').evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label')))).toEqual([
        c.statement,
        claims.find((x) => x.id === c.corrected)!.statement,
      ]);
      expect(await compare.locator('.katex').count()).toBe(2);
    }
    expect(await page.locator('.katex-error, .untypeset, #untypeset').count()).toBe(0);
    // KaTeX's own fonts, from the page itself (data: URLs), not a fallback.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family);
    });
    expect(fonts).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    expect(problems).toEqual([]);
  });

  test('the filters select by paper, kind, verdict and text', async () => {
    requireChromium();
    const claims = results(dir).claims;
    const ids = (p: (c: ResultEntry) => boolean) => claims.filter(p).map((c) => c.id);
    await page.selectOption('#f-paper', 'JCD');
    expect(await visibleIds(page)).toEqual(ids((c) => c.paper === 'JCD'));
    expect(await page.locator('#f-count').textContent()).toBe(`${ids((c) => c.paper === 'JCD').length} of ${claims.length} claims shown`);
    await page.selectOption('#f-kind', 'probabilistic');
    expect(await visibleIds(page)).toEqual(['jcd.lemma-c.2.sigma-max']);
    await page.click('#f-reset');
    expect(await visibleIds(page)).toEqual(ids(() => true));
    await page.selectOption('#f-verdict', 'refuted');
    expect(await visibleIds(page)).toEqual(['jcd.eq-a.6.p-update']);
    await page.click('#f-reset');
    await page.fill('#f-text', 'p-update');
    expect(await visibleIds(page)).toEqual(['jcd.eq-a.6.p-update', 'jcd.eq-a.6.p-update/corrected']);
    await page.fill('#f-text', '');
    await page.check('#f-unexpected');
    expect(await visibleIds(page)).toEqual([]);
    await page.click('#f-reset');
    await page.selectOption('#f-paper', 'YD21');
    expect(await visibleIds(page)).toEqual(['yd21.eq-10.a-update']);
    await page.click('#f-reset');
    expect(await visibleIds(page)).toEqual(ids(() => true));
    expect(problems).toEqual([]);
  });

  test('an erratum shows the shrunk counterexample, the replay command and the corrected verdict', async () => {
    requireChromium();
    const printed = results(dir).claims.find((c) => c.id === 'jcd.eq-a.6.p-update')!;
    const article = page.locator('article.erratum').filter({ has: page.locator('h4', { hasText: 'jcd.eq-a.6.p-update' }) });
    expect(await article.count()).toBe(1);
    expect(JSON.parse((await article.locator('pre.json').textContent())!)).toEqual(printed.counterexample!.instance);
    expect(await article.locator('code.cmd').allTextContents()).toContain(printed.replay);
    expect(await article.locator('.corrected').textContent()).toMatch(/jcd\.eq-a\.6\.p-update\/corrected.*holds/s);
    expect(problems).toEqual([]);
  });
});

test('the merged report has the same rows as the unsharded one', async () => {
  requireChromium();
  const [a, b] = await Promise.all([open(join(single, 'index.html')), open(join(merged, 'index.html'))]);
  expect(await readRows(b.page)).toEqual(await readRows(a.page));
  await Promise.all([a.page.close(), b.page.close()]);
});

test('text is escaped: a statement with <, >, & and unicode shows literally and runs nothing', async () => {
  requireChromium();
  const nasty = '‖UVᵀ − Σ‖ < 1 & σ₁ > 0 <script>alert(1)</script><img src=x onerror=alert(2)>';
  const record = (id: string, extra: Partial<VerdictRecord>): VerdictRecord => ({
    id,
    paper: 'YD21',
    where: 'test <where> & "quotes"',
    kind: 'scaling',
    statement: nasty,
    expected: 'holds',
    verdict: 'holds',
    runs: 3,
    vacuousRuns: 0,
    worstMargin: null,
    worstLabel: null,
    seed: 1,
    globalSeed: 7,
    timeMs: 5,
    ...extra,
  });
  const run: CheckRun = {
    seed: 7,
    claims: [
      // An erratum whose corrected form flips one sign: that sign, and only it, is highlighted.
      {
        record: record('yd21.planted', {
          statement: 'P₊ = P − ηPB + ηQ',
          expected: 'refuted',
          verdict: 'refuted',
          erratum: 'sign',
          corrected: 'yd21.planted/corrected',
        }),
        sabotage: null,
      },
      { record: record('yd21.planted/corrected', { statement: 'P₊ = P + ηPB + ηQ', corrects: 'yd21.planted' }), sabotage: null },
      {
        record: record('yd21.<b>"x"</b>&', {
          sweep: {
            repeats: 3,
            relations: [{ name: 'slope of log T vs log κ <', stated: '≤ 0.15 & "bounded"', observed: 0.03, interval: [-0.02, 0.08], holds: true }],
            estimates: { 'C <max>': 2.5 },
            table: [{ kappa: 1, T: 10 }],
          },
        }),
        sabotage: null,
      },
    ],
  };
  const file = join(tmp, 'escaped.html');
  writeFileSync(
    file,
    htmlReport(run, [
      {
        file: 'figures/<x>.svg',
        svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(3)</script><rect width="10" height="10" onload="alert(4)"/></svg>',
        caption: 'a < b & c',
      },
    ]),
  );
  const { page, problems } = await open(file);
  const row = page.locator('#verdict-table tbody tr').nth(2);
  expect(await row.getAttribute('data-id')).toBe('yd21.<b>"x"</b>&');
  // Typeset (the tags are prose to the converter), its text kept whole as the formula's label.
  expect(await row.locator('.statement .formula').getAttribute('aria-label')).toBe(nasty);
  expect(await row.locator('.statement .katex').count()).toBe(1);
  const changed = page.locator('#erratum-yd21\\.planted .compare .changed');
  expect(await changed.allTextContents()).toEqual(['−', '+']);
  expect(await changed.first().evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  expect(await page.locator('main script, main img').count()).toBe(0);
  expect(await page.locator('#sweeps tbody tr').first().textContent()).toContain('slope of log T vs log κ <');
  expect(await page.locator('figure figcaption').textContent()).toContain('a < b & c');
  expect(problems).toEqual([]);
  await page.close();
});
