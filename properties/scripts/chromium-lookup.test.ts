/**
 * The browser lookup of scripts/chromium.ts as a fresh machine sees it: with every system Chromium
 * hidden (no system paths, an empty PATH, no LEMMACHECK_CHROMIUM) it falls back to the build shipped
 * in the npm package @sparticuz/chromium, which launches under playwright-core with LAUNCH_ARGS and
 * runs a page's script. A system Chromium, when there is one, is preferred; a wrong
 * LEMMACHECK_CHROMIUM is an error naming it, never silently replaced.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { findChromium, LAUNCH_ARGS } from '../../scripts/chromium.ts';

const HIDDEN = { env: { PATH: '' }, systemPaths: [] as string[] };

describe('Chromium lookup', () => {
  test('with any system Chromium hidden, the bundled build is found and renders a page', async () => {
    const found = await findChromium(HIDDEN);
    expect(found.source).toBe('bundled');
    expect(found.package).toMatch(/^@sparticuz\/chromium \d+\.\d+\.\d+$/);
    const browser = await chromium.launch({ executablePath: found.executablePath, args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="x">0</p><script>document.getElementById("x").textContent = String(6 * 7)</script>');
      expect(await page.textContent('#x')).toBe('42');
    } finally {
      await browser.close();
    }
  });

  test('a second lookup reuses the inflated build (same path)', async () => {
    const [a, b] = await Promise.all([findChromium(HIDDEN), findChromium(HIDDEN)]);
    expect(a.executablePath).toBe(b.executablePath);
  });

  test('a system Chromium (here a planted executable) is preferred to the bundled one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lemmacheck-chromium-'));
    const fake = join(dir, 'chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(await findChromium({ env: { PATH: '' }, systemPaths: [join(dir, 'absent'), fake] })).toEqual({ executablePath: fake, source: 'system' });
    expect(await findChromium({ env: { PATH: dir }, systemPaths: [] })).toEqual({ executablePath: fake, source: 'system' });
  });

  test('LEMMACHECK_CHROMIUM naming no executable is an error that names it', async () => {
    await expect(findChromium({ env: { LEMMACHECK_CHROMIUM: '/nonexistent/chrome', PATH: '' }, systemPaths: [] })).rejects.toThrow(
      "LEMMACHECK_CHROMIUM is '/nonexistent/chrome', which is not an executable file",
    );
  });
});
