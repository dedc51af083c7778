/**
 * The set-up a newcomer or a CI job follows: `npm ci` with no unreviewed install script, .ci/run with
 * no system package to install, and a README whose relative links all resolve in a clone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const read = (f: string) => readFileSync(join(root, f), 'utf8');

describe('set-up', () => {
  test('every dependency with an install script is reviewed in package.json allowScripts (npm ≥ 11 warns otherwise)', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const allow = (JSON.parse(read('package.json')) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in allow))).toEqual([]);
  });

  test('.ci/run installs nothing outside npm (the browser test finds its own Chromium)', () => {
    const script = read('.ci/run')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    expect(script).not.toMatch(/apt-get|apk add|yum|dnf install/);
    expect(script).toMatch(/^npm ci /m);
  });

  test('npm test in a log prints every test as it finishes (no minutes of silence while the CLI tests run)', async () => {
    const config = (await import('../../vitest.config.ts')).default as { test: { reporters: string[] } };
    expect(config.test.reporters).toEqual([process.stdout.isTTY ? 'default' : 'verbose']);
    expect(read('.ci/run')).toMatch(/npm test -- --reporter=verbose /);
  });

  test('the browser test takes its Chromium from the lookup, not from a fixed system path', () => {
    const test = read('properties/report/browser.test.ts');
    expect(test).toMatch(/findChromium\(\)/);
    expect(test).not.toMatch(/\/usr\/bin\/chromium/);
  });
});

/** Relative targets of Markdown links ([text](target)) in a file, without #fragments. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#'))
    .map((t) => t.split('#')[0]);
}

describe('documentation links', () => {
  for (const doc of ['README.md', 'docs/CLAIMS.md', 'docs/mutation.md', 'reports/README.md'])
    test(`every relative link in ${doc} names a file in the repository`, () => {
      const links = relativeLinks(read(doc));
      const missing = links.filter((t) => !existsSync(join(root, dirname(doc), t)));
      expect(missing).toEqual([]);
    });

  test('every repository path the README names in backticks exists (placeholders aside)', () => {
    const paths = [...read('README.md').matchAll(/`((?:src|lemmas|properties|scripts|docs|bench|native|assembly|\.ci)\/[^`\s]*)`/g)]
      .map((m) => m[1].replace(/[),.:;]+$/, ''))
      .filter((p) => !/[<>*…{}]|ID|NAME/.test(p));
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  test('the README names no file outside the repository (../shared is not part of a clone)', () => {
    expect(read('README.md')).not.toMatch(/\.\.\/shared/);
  });
});
