// Each runtime's tsconfig lets a file use only its runtime's globals: planted files that reach for another runtime's
// globals fail `npm run typecheck`, the same code in the right place passes, and no source file escapes every config.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkConfig, formatDiagnostics, parseConfig, ROOT, runtimeConfigs } from '../../scripts/typecheck';

const SRC = join(ROOT, 'tsconfig.src.json');
const SIDEBAR = join(ROOT, 'tsconfig.sidebar.json');
const NODE = join(ROOT, 'tsconfig.node.json');

/** Errors per planted file (relative path → messages), checking only the planted files and what they import. */
function errorsOf(config: string, files: Record<string, string>): Record<string, string[]> {
  const diagnostics = checkConfig(config, { virtualFiles: files, onlyVirtual: true });
  const byFile: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((f) => [f, []]));
  const stray: ts.Diagnostic[] = [];
  for (const d of diagnostics) {
    const path = d.file ? relative(ROOT, d.file.fileName) : '';
    if (path in byFile) byFile[path].push(formatDiagnostics([d]));
    else stray.push(d);
  }
  // An error outside the planted files would mean the real tree does not check under this config.
  expect(formatDiagnostics(stray)).toBe('');
  return byFile;
}

describe('src/ sees ES2020 and Apps Script only', () => {
  it('fails on DOM and Node globals in src/core', () => {
    const errors = errorsOf(SRC, {
      'src/core/plantedDocument.ts': 'export const title: string = document.title;\n',
      'src/core/plantedProcess.ts': "export const mode = process.env['RL_MODE'];\n",
      'src/core/plantedBuffer.ts': "export const size = Buffer.byteLength('x');\n",
    });
    expect(errors['src/core/plantedDocument.ts'].join('')).toMatch(/'document'/);
    expect(errors['src/core/plantedProcess.ts'].join('')).toMatch(/'process'/);
    expect(errors['src/core/plantedBuffer.ts'].join('')).toMatch(/'Buffer'/);
  });

  it('passes clean code, including Apps Script services where src/ uses them', () => {
    const errors = errorsOf(SRC, {
      'src/core/plantedClean.ts':
        "import { dayFromIso } from './dates';\nexport const day: number | null = dayFromIso('2024-01-31');\n",
      'src/gas/plantedClean.ts': 'export const name = (): string => SpreadsheetApp.getActive().getName();\n',
    });
    expect(errors).toEqual({ 'src/core/plantedClean.ts': [], 'src/gas/plantedClean.ts': [] });
  });
});

describe('sidebar/ sees the DOM only', () => {
  it('fails on Apps Script and Node globals', () => {
    const errors = errorsOf(SIDEBAR, {
      'sidebar/plantedSpreadsheetApp.ts': 'export const book = SpreadsheetApp.getActive();\n',
      'sidebar/plantedProcess.ts': "export const mode = process.env['RL_MODE'];\n",
    });
    expect(errors['sidebar/plantedSpreadsheetApp.ts'].join('')).toMatch(/'SpreadsheetApp'/);
    expect(errors['sidebar/plantedProcess.ts'].join('')).toMatch(/'process'/);
  });

  it('passes DOM code that imports the pure modules it shares with src/', () => {
    const errors = errorsOf(SIDEBAR, {
      'sidebar/plantedClean.ts':
        "import { isMeasurable } from '../src/core/measurable';\n" +
        "export const title = (): string => document.title + String(isMeasurable('grow revenue 5%'));\n",
    });
    expect(errors).toEqual({ 'sidebar/plantedClean.ts': [] });
  });
});

describe('local/, scripts/ and test/ see Node', () => {
  it('passes Node globals and fails on the DOM outside the browser tests', () => {
    const errors = errorsOf(NODE, {
      'test/unit/plantedNode.ts': "export const size = Buffer.byteLength(process.env['HOME'] ?? '');\n",
      'local/plantedDocument.ts': 'export const title: string = document.title;\n',
    });
    expect(errors['test/unit/plantedNode.ts']).toEqual([]);
    expect(errors['local/plantedDocument.ts'].join('')).toMatch(/'document'/);
  });
});

describe('the configs together', () => {
  it('cover every TypeScript file of the repository', () => {
    const covered = new Set(
      runtimeConfigs().flatMap((c) => parseConfig(c).fileNames.map((f) => relative(ROOT, f))),
    );
    const skip = new Set(['node_modules', 'dist', '.git', 'preview', 'coverage', 'test-output']);
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const path = dir === '' ? e.name : `${dir}/${e.name}`;
        if (e.isDirectory()) return skip.has(e.name) || e.name.startsWith('.') ? [] : walk(path);
        return path.endsWith('.ts') ? [path] : [];
      });
    expect(walk('').filter((f) => !covered.has(f))).toEqual([]);
  });

  it('are what npm run typecheck checks', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.typecheck).toBe('tsx scripts/typecheck.ts');
    expect(scripts.test).toContain('npm run typecheck');
    expect(runtimeConfigs().map((c) => relative(ROOT, c))).toEqual([
      'tsconfig.src.json',
      'tsconfig.sidebar.json',
      'tsconfig.node.json',
      'tsconfig.browser-tests.json',
    ]);
  });
});
