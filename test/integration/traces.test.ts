// Readable traces: the bundle keeps the product's function names (esbuild keepNames), the build writes a local
// source map beside it, and `npm run trace` maps a trace from the execution log back to the TypeScript source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapTrace } from '../../scripts/trace';
import { BUNDLE, loadBundle, ROOT } from './harness';

function stackOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return String((e as Error).stack);
  }
  throw new Error('nothing was thrown');
}

const mismatched = [
  [[new Date('2026-06-01T04:00:00Z')], ['']],
  [[''], [''], ['']],
] as const;

describe('a stack trace from the bundle', () => {
  it('names the product functions it passed through, and the source map leads to their files', () => {
    const rt = loadBundle();
    const stack = stackOf(() => rt.call('NEXT_CHECK_DUE', ...mismatched));
    expect(stack).toMatch(/same size/);
    expect(stack).toMatch(/at elementwise \(Code\.js:\d+:\d+\)/);
    expect(stack).toMatch(/at nextCheckDueCells \(Code\.js:\d+:\d+\)/);
    // As the execution log writes it (the file is `Code`), then mapped back.
    const logged = stack.replaceAll('Code.js:', 'Code:');
    const mapped = mapTrace(logged, join(ROOT, 'dist', 'Code.js.map'));
    expect(mapped).toMatch(/at elementwise \(src\/entry\/customFunctions\.ts:\d+:\d+\)/);
    expect(mapped).toMatch(/at nextCheckDueCells \(src\/entry\/customFunctions\.ts:\d+:\d+\)/);
    const source = readFileSync(join(ROOT, 'src', 'entry', 'customFunctions.ts'), 'utf8').split('\n');
    const lineOf = (re: RegExp) => source[Number(re.exec(mapped)?.[1]) - 1] ?? '';
    // The top frame is the throw itself; elementwise's frame is the call that led there.
    expect(lineOf(/\n\s+at [^\n]*?src\/entry\/customFunctions\.ts:(\d+):/)).toMatch(/throw new Error/);
    expect(lineOf(/at elementwise \(src\/entry\/customFunctions\.ts:(\d+):/)).toMatch(/inputs\.forEach/);
  });

  it('gets those names from keepNames: the minified bundle declares the functions under short names', () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    // With every identifier mangled (RL_MINIFY=full) the trace would read `at Xe (Code:…)`; keepNames puts each
    // function's source name back as its .name, which V8 prints in stack traces.
    expect(bundle).toMatch(/"nextCheckDueCells"/);
    if (!process.env.RL_NO_MINIFY && (process.env.RL_MINIFY ?? 'names') === 'names') {
      expect(bundle).not.toMatch(/function nextCheckDueCells\b/);
    }
  });

  it('the source map stays local: clasp would push Code.js, Sidebar.html and appsscript.json only', async () => {
    const { initClaspInstance } = (await import(
      join(ROOT, 'node_modules/@google/clasp/build/src/core/clasp.js')
    )) as {
      initClaspInstance(o: { configFile?: string; rootDir?: string }): Promise<{
        files: { collectLocalFiles(): Promise<{ files: { localPath: string }[] }> };
      }>;
    };
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      for (const config of ['.clasp.json', '.clasp.prod.json']) {
        const clasp = await initClaspInstance({ configFile: join(ROOT, config) });
        const pushed = (await clasp.files.collectLocalFiles()).files.map((f) => f.localPath).sort();
        expect(pushed, config).toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']);
      }
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(BUNDLE, 'utf8')).not.toMatch(/sourceMappingURL/);
  });
});
