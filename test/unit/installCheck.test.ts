// docs/platform.md lists every assumption Check this installation reports, with its source and the code that
// depends on it; the code named exists.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, reportOf } from '../../src/gas/installCheckAssumptions';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const platform = readFileSync(join(ROOT, 'docs', 'platform.md'), 'utf8');

describe('the assumptions and docs/platform.md', () => {
  it('ids are unique', () => {
    expect(new Set(ASSUMPTIONS.map((a) => a.id)).size).toBe(ASSUMPTIONS.length);
  });

  it.each(ASSUMPTIONS.map((a) => [a.id, a] as const))('%s is listed with its source and code', (id, a) => {
    const row = platform.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row, `docs/platform.md has no row for ${id}`).toBeDefined();
    const urls = a.source.match(/https:\/\/[^\s;"]+/g) ?? [];
    if (!/^Undocumented|README/.test(a.source)) expect(urls.length, id).toBeGreaterThan(0);
    for (const url of urls) expect(row).toContain(url.replace(/[),]+$/, ''));
    const files = a.code.match(/src\/[\w/.-]+\.ts/g) ?? [];
    expect(files.length + (a.code.includes('README') ? 1 : 0), id).toBeGreaterThan(0);
    for (const file of files) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      expect(row).toContain(file);
    }
  });

  it('a missing finding is reported as could not tell, with what the product then does', () => {
    const r = reportOf({}, 'now', '', 'context');
    expect(r.assumptions.every((a) => a.status === 'could not tell')).toBe(true);
    expect(r.assumptions.map((a) => a.then)).toEqual(ASSUMPTIONS.map((a) => a.ifUnknown));
  });
});
