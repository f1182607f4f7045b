// Where the browser tests get Chromium, as the README promises: CHROMIUM_PATH, an installed browser, the npm package.
import { describe, expect, it } from 'vitest';
import { type Host, IGNORE_SYSTEM_BROWSER, planBrowser } from './chromium';

function host(over: Partial<Host> & { files?: string[] }): Host {
  const files = new Set(over.files ?? []);
  return {
    env: over.env ?? {},
    platform: over.platform ?? 'linux',
    arch: over.arch ?? 'x64',
    home: '/home/ann',
    exists: (p) => files.has(p),
  };
}

describe('planBrowser', () => {
  it.each<[string, Host, ReturnType<typeof planBrowser>['source'], string?]>([
    [
      'CHROMIUM_PATH first',
      host({ env: { CHROMIUM_PATH: '/opt/c/chrome' }, files: ['/opt/c/chrome', '/usr/bin/chromium'] }),
      'CHROMIUM_PATH',
      '/opt/c/chrome',
    ],
    ['an installed Chromium next', host({ files: ['/usr/bin/chromium'] }), 'installed', '/usr/bin/chromium'],
    ['the npm package on bare Linux x64', host({}), 'npm'],
    [
      'the npm package when the system browser is ignored, whatever is installed',
      host({
        env: { [IGNORE_SYSTEM_BROWSER]: '1', CHROMIUM_PATH: '/usr/bin/chromium' },
        files: ['/usr/bin/chromium'],
      }),
      'npm',
    ],
    [
      'Chrome on macOS',
      host({
        platform: 'darwin',
        arch: 'arm64',
        files: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      }),
      'installed',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    [
      'Edge on Windows when Chrome is absent',
      host({
        platform: 'win32',
        env: { PROGRAMFILES: 'C:\\Program Files' },
        files: ['C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'],
      }),
      'installed',
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    ],
    [
      'nothing on a bare Mac (the npm Chromium is Linux x64 only)',
      host({ platform: 'darwin', arch: 'arm64' }),
      'none',
    ],
    ['nothing on Linux arm64 without a browser', host({ arch: 'arm64' }), 'none'],
    ['nothing when CHROMIUM_PATH names a missing file', host({ env: { CHROMIUM_PATH: '/nope' } }), 'none'],
  ])('%s', (_, h, source, path) => {
    const plan = planBrowser(h);
    expect(plan.source).toBe(source);
    if (path) expect(plan).toMatchObject({ executablePath: path });
    if (plan.source === 'none') expect(plan.message).toMatch(/CHROMIUM_PATH/);
  });
});
