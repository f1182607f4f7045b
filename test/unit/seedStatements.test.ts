import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyStatement, isMeasurable } from '../../src/core/measurable';
import { SEED_STATEMENTS } from '../corpus/seedStatements';

/** The seeds live beside the project (../shared/seeds from the worktree), or in /work/shared/seeds. */
function seedLines(file: string): string[] | null {
  for (const dir of [join(process.cwd(), '../shared/seeds'), '/work/shared/seeds']) {
    try {
      return readFileSync(join(dir, file), 'utf8').split('\n');
    } catch {
      // try the next place
    }
  }
  return null;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[.\s]+$/, '');

describe('Every example statement in the seeds is classified as the seed says', () => {
  it.each(SEED_STATEMENTS.map((s) => [`${s.seed}:${s.line}`, s.text, s.kind, s] as const))(
    '%s %j → %s',
    (_, text, kind, s) => {
      expect(classifyStatement(text).kind, s.because).toBe(kind);
      expect(isMeasurable(text)).toBe(kind === 'measurable');
      const lines = seedLines(s.seed);
      // The citation is checked where the seeds are present: the statement is on the line cited.
      if (lines) expect(norm(lines[s.line - 1])).toContain(norm(text).slice(0, 24));
    },
  );
});
