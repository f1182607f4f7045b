// The summary line CI reads: vitest runs deliberately broken fixtures in a child process, and the line's failed
// count and the exit code must agree for a file that does not load, a failed hook and an unhandled error.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

interface FixtureRun {
  exitCode: number | null;
  summary: string;
  notes: string[];
}

/** Runs vitest on one folder of test/fixtures with the project's reporters, as `npm test` would. */
function runFixtures(folder: string): FixtureRun {
  // The child is its own vitest run, not a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const run = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--config', 'test/fixtures/vitest.config.ts', `test/fixtures/${folder}`],
    { cwd: root, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 60_000 },
  );
  const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
  return {
    exitCode: run.status,
    summary: lines[lines.length - 1] ?? '',
    notes: lines.filter((l) => l.startsWith('failed outside a test: ')),
  };
}

describe('the summary line and the exit code agree', () => {
  it.each([
    ['a green run', 'green', '1 passed, 0 failed, 1 skipped', 0, []],
    [
      'a file that fails to load, beside one that passes',
      'broken',
      '1 passed, 1 failed, 0 skipped',
      1,
      ['doesNotLoad.fixture.ts'],
    ],
    [
      'a failed beforeAll (its tests never ran) and a failed afterAll (its test passed)',
      'hook',
      '1 passed, 2 failed, 2 skipped',
      1,
      ['fails in afterAll', 'fails in beforeAll'],
    ],
    [
      'an error thrown outside any test',
      'unhandled',
      '1 passed, 1 failed, 0 skipped',
      1,
      ['unhandled error'],
    ],
    [
      'a run that finds no test file',
      'no-such-folder',
      '0 passed, 1 failed, 0 skipped',
      1,
      ['outside any test'],
    ],
  ])('%s', (_, folder, summary, exitCode, notes) => {
    const run = runFixtures(folder);
    expect(run.summary).toBe(summary);
    expect(run.exitCode).toBe(exitCode);
    expect(run.notes).toHaveLength(notes.length);
    // Files finish in any order, so each expected note may be on any of the lines.
    for (const note of notes) expect(run.notes.some((line) => line.includes(note))).toBe(true);
  });
});
