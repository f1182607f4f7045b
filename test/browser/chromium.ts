// Finds the Chromium the browser tests drive: CHROMIUM_PATH, else an installed Chrome/Chromium/Edge, else (Linux x64)
// the Chromium that arrives from the npm registry inside @sparticuz/chromium, inflated once into node_modules/.cache.
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { extract } from 'tar-fs';

/** Set to 1 to skip CHROMIUM_PATH and every installed browser, so the npm package's Chromium is proven to work. */
export const IGNORE_SYSTEM_BROWSER = 'RL_IGNORE_SYSTEM_BROWSER';
export const NPM_CHROMIUM = '@sparticuz/chromium';

export type BrowserSource = 'CHROMIUM_PATH' | 'installed' | 'npm';

/** Where a browser would come from, decided without touching the disk beyond `exists`. */
export type BrowserPlan =
  | { readonly source: 'CHROMIUM_PATH' | 'installed'; readonly executablePath: string }
  | { readonly source: 'npm' }
  | { readonly source: 'none'; readonly message: string };

export interface Host {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly home: string;
  readonly exists: (path: string) => boolean;
}

/** The usual install locations of Chrome, Chromium and (on Windows, where it always is) Edge. */
export function installedBrowserPaths(host: Host): string[] {
  const { env, platform, home } = host;
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      join(home, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
      join(home, 'Applications/Chromium.app/Contents/MacOS/Chromium'),
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
      (r): r is string => !!r,
    );
    return [
      ...roots.map((r) => `${r}\\Google\\Chrome\\Application\\chrome.exe`),
      ...roots.map((r) => `${r}\\Chromium\\Application\\chrome.exe`),
      ...roots.map((r) => `${r}\\Microsoft\\Edge\\Application\\msedge.exe`),
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ];
}

/** The order the README promises: CHROMIUM_PATH, an installed browser, the npm package (Linux x64 only). */
export function planBrowser(host: Host): BrowserPlan {
  const ignoreSystem = host.env[IGNORE_SYSTEM_BROWSER] === '1';
  if (!ignoreSystem) {
    const fromEnv = host.env.CHROMIUM_PATH;
    if (fromEnv) {
      if (host.exists(fromEnv)) return { source: 'CHROMIUM_PATH', executablePath: fromEnv };
      return { source: 'none', message: `CHROMIUM_PATH is set to ${fromEnv}, which does not exist.` };
    }
    const installed = installedBrowserPaths(host).find((p) => host.exists(p));
    if (installed) return { source: 'installed', executablePath: installed };
  }
  if (host.platform === 'linux' && host.arch === 'x64') return { source: 'npm' };
  const skipped = ignoreSystem
    ? ` (${IGNORE_SYSTEM_BROWSER}=1 skipped CHROMIUM_PATH and installed browsers)`
    : '';
  return {
    source: 'none',
    message:
      `No Chromium for the browser tests${skipped}: ${NPM_CHROMIUM} ships one for Linux x64 only, and this is ` +
      `${host.platform}/${host.arch}. Install Google Chrome (or Chromium or Edge) or set CHROMIUM_PATH to a ` +
      'Chrome/Chromium executable.',
  };
}

/**
 * Unpacks one of the package's .tar.br archives into `into`. tar-fs is what @sparticuz/chromium itself unpacks
 * them with (so it is already installed), and it refuses entries that would land outside `into`.
 */
async function extractTarBr(file: string, into: string): Promise<void> {
  await pipeline(createReadStream(file), createBrotliDecompress(), extract(into));
}

interface NpmChromium {
  readonly executablePath: string;
  readonly env: Record<string, string>;
  readonly version: string;
}

/**
 * Inflates the package's brotli files into node_modules/.cache/results-ladder-chromium/<version>: the browser,
 * SwiftShader beside it (Chromium looks for libGLESv2.so next to itself), the NSS/NSPR/expat libraries built for
 * Amazon Linux 2023 (glibc 2.34; a bare Debian/Ubuntu lacks them) and Open Sans with a fonts.conf that names it
 * (without a font, text has no layout and innerText is empty). The package's own executablePath() writes to
 * /tmp/chromium and adds the libraries only on Lambda, so it is not used. The folder appears by one rename, so
 * two test files starting together never see it half written; no install script is involved.
 */
export async function inflateNpmChromium(): Promise<NpmChromium> {
  const require = createRequire(import.meta.url);
  const packageRoot = join(dirname(require.resolve(NPM_CHROMIUM)), '..', '..');
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const bin = join(packageRoot, 'bin');
  const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const cache = join(projectRoot, 'node_modules', '.cache', 'results-ladder-chromium');
  const dir = join(cache, version);
  const env = {
    LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    FONTCONFIG_FILE: join(dir, 'fonts.conf'),
  };
  const executablePath = join(dir, 'chromium');
  if (existsSync(executablePath)) return { executablePath, env, version };

  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const inflate = (file: string) => brotliDecompressSync(readFileSync(join(bin, file)));
  writeFileSync(join(partial, 'chromium'), inflate('chromium.br'), { mode: 0o755 });
  for (const archive of ['swiftshader.tar.br', 'al2023.tar.br', 'fonts.tar.br']) {
    await extractTarBr(join(bin, archive), partial);
  }
  writeFileSync(
    join(partial, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  try {
    renameSync(partial, dir);
  } catch (e) {
    // Another test file finished first: its copy is complete, so ours goes.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(executablePath)) throw e;
  }
  return { executablePath, env, version };
}

export interface ResolvedChromium {
  readonly source: BrowserSource;
  readonly executablePath: string;
  /** What a test report shows: where the browser came from. */
  readonly description: string;
  readonly env?: Record<string, string>;
}

export async function resolveChromium(): Promise<ResolvedChromium> {
  const plan = planBrowser({
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    home: homedir(),
    exists: existsSync,
  });
  if (plan.source === 'none') throw new Error(plan.message);
  if (plan.source !== 'npm') {
    return {
      ...plan,
      description: `${plan.source === 'installed' ? 'installed' : 'CHROMIUM_PATH'} ${plan.executablePath}`,
    };
  }
  const npm = await inflateNpmChromium();
  return {
    source: 'npm',
    executablePath: npm.executablePath,
    env: npm.env,
    description: `${NPM_CHROMIUM}@${npm.version} ${npm.executablePath}`,
  };
}

/** Launches the resolved Chromium headless; `--no-sandbox` because CI runs as root. */
export async function launchChromium(
  args: readonly string[] = [],
): Promise<{ browser: Browser; chromium: ResolvedChromium }> {
  const found = await resolveChromium();
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    args: ['--no-sandbox', ...args],
    ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
  });
  return { browser, chromium: found };
}
