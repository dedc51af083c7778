/**
 * Finds a headless Chromium for the HTML report's browser test (properties/report/browser.test.ts),
 * with no manual step and no download:
 *
 *  1. LEMMACHECK_CHROMIUM, if set (it must name an executable; a wrong value is an error, never
 *     silently replaced by another browser);
 *  2. a system Chromium or Chrome on the usual paths or on PATH;
 *  3. the Chromium build shipped inside the npm tarball of the pinned devDependency
 *     `@sparticuz/chromium` (Brotli-compressed, so `npm ci` already has it on disk). It is inflated
 *     once into node_modules/.cache/lemmacheck-chromium/<version>/ and reused.
 *
 * Why @sparticuz/chromium 143.0.4: it is the newest release whose package.json accepts Node 20
 * (147 and later declare Node ≥ 22.17), it is a self-contained headless-shell build (its own
 * SwiftShader, fonts and locales; only glibc from the system), and it launches under playwright-core
 * here with playwright's own arguments plus `--no-sandbox` (CI containers run as root). The package
 * can also download a build from a URL; this module never passes it one.
 *
 * `npx tsx scripts/chromium.ts` prints which Chromium the test would use and where it came from.
 */
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Where a system Chromium usually is (Debian, Ubuntu, Fedora, Arch, Alpine, Google's packages). */
export const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
];
/** Executable names looked up on PATH. */
export const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Arguments for every Chromium we launch: no sandbox (root in a container), nothing on the network. */
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface FoundChromium {
  readonly executablePath: string;
  readonly source: 'LEMMACHECK_CHROMIUM' | 'system' | 'bundled';
  /** For a bundled one: the npm package and version it came from. */
  readonly package?: string;
}

export interface LookupOptions {
  /** Environment to read LEMMACHECK_CHROMIUM and PATH from (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** System paths to try (default: SYSTEM_PATHS); a test passes [] and an empty PATH to hide any system Chromium. */
  readonly systemPaths?: readonly string[];
  /** Where the bundled build is inflated (default: node_modules/.cache/lemmacheck-chromium). */
  readonly cacheDir?: string;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) for (const name of PATH_NAMES) if (isExecutable(join(dir, name))) return join(dir, name);
  return undefined;
}

/**
 * Inflates the bundled build into `cacheDir/<version>` (once: a finished directory is reused).
 * The package inflates into os.tmpdir(), which Node reads from TMPDIR on each call, so TMPDIR points
 * at a fresh staging directory while it runs; the staging directory is then renamed into place in
 * one step, so a concurrent run sees either no build or a complete one.
 */
async function bundled(cacheDir: string): Promise<FoundChromium> {
  // Its `exports` hide package.json from require.resolve; a direct devDependency sits at the top.
  const pkgJson = join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json');
  if (!existsSync(pkgJson))
    throw new Error('no system Chromium, and the devDependency @sparticuz/chromium is not installed: run `npm ci` (or set LEMMACHECK_CHROMIUM)');
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const label = `@sparticuz/chromium ${version}`;
  const final = join(cacheDir, version);
  const executablePath = join(final, 'chromium');
  if (isExecutable(executablePath)) return { executablePath, source: 'bundled', package: label };
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, `.staging-${version}-`));
  const savedTmp = process.env.TMPDIR;
  try {
    process.env.TMPDIR = staging;
    const { default: Chromium } = (await import('@sparticuz/chromium')) as { default: { executablePath(input?: string): Promise<string> } };
    // The package's own bin/ directory, named explicitly: never a URL.
    const inflated = await Chromium.executablePath(join(dirname(pkgJson), 'bin'));
    if (inflated !== join(staging, 'chromium')) throw new Error(`${label} inflated its Chromium to ${inflated}, not into ${staging}`);
    try {
      renameSync(staging, final);
    } catch (e) {
      // Another run finished first: use its build.
      if (!isExecutable(executablePath)) throw e;
    }
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(staging, { recursive: true, force: true });
  }
  if (!isExecutable(executablePath)) throw new Error(`${label} did not leave an executable Chromium at ${executablePath}`);
  return { executablePath, source: 'bundled', package: label };
}

/** The Chromium to use: LEMMACHECK_CHROMIUM, else a system one, else the bundled build. */
export async function findChromium(opts: LookupOptions = {}): Promise<FoundChromium> {
  const env = opts.env ?? process.env;
  const named = env.LEMMACHECK_CHROMIUM;
  if (named !== undefined && named !== '') {
    if (!isExecutable(named)) throw new Error(`LEMMACHECK_CHROMIUM is '${named}', which is not an executable file`);
    return { executablePath: named, source: 'LEMMACHECK_CHROMIUM' };
  }
  const system = (opts.systemPaths ?? SYSTEM_PATHS).find(isExecutable) ?? onPath(env);
  if (system) return { executablePath: system, source: 'system' };
  return bundled(opts.cacheDir ?? join(ROOT, 'node_modules', '.cache', 'lemmacheck-chromium'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const found = await findChromium();
    process.stdout.write(`${found.executablePath} (${found.source}${found.package ? `: ${found.package}` : ''})\n`);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
