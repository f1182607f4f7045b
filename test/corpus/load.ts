// Reads the labelled corpus splits (test/corpus/data/{train,dev,test}.tsv): one statement a line, tab-separated, with
// a header. Every row is checked with zod; a bad row fails with the file, the line and the column that is wrong.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { STATEMENT_KINDS } from '../../src/core/measurable';
import { type LabelledStatement, WRITTEN } from './statements';

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export const COLUMNS = ['id', 'industry', 'link', 'written', 'text', 'kind', 'reason'] as const;

// Beside this file under CommonJS (vitest); from the project root under ESM (tsx runs scripts/bench.ts from there).
const DATA_DIR =
  typeof __dirname === 'string' ? join(__dirname, 'data') : join(process.cwd(), 'test/corpus/data');

const nonBlank = z.string().check(z.trim(), z.minLength(1, 'is blank'));
const ROW = z.object({
  id: nonBlank.check(z.regex(/^[a-z]{1,2}\d{4}$/, 'must look like tr0001, dv0001 or t0001')),
  industry: nonBlank,
  link: z.enum(['pain', 'value', 'result']),
  written: z.enum(WRITTEN),
  text: nonBlank,
  kind: z.enum([...STATEMENT_KINDS, 'ambiguous']),
  reason: nonBlank,
});

export class CorpusFileError extends Error {}

export function splitPath(split: Split, dir = DATA_DIR): string {
  return join(dir, `${split}.tsv`);
}

/** Parses one split's text; `file` names it in errors. */
export function parseSplit(text: string, file: string): LabelledStatement[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = lines[0]?.split('\t') ?? [];
  if (header.join('\t') !== COLUMNS.join('\t'))
    throw new CorpusFileError(
      `${file}:1: the header must be ${COLUMNS.join(' ⇥ ')}, found ${header.join(' ⇥ ')}`,
    );
  const rows: LabelledStatement[] = [];
  const ids = new Set<string>();
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const cells = line.split('\t');
    if (cells.length !== COLUMNS.length)
      throw new CorpusFileError(`${file}:${i + 1}: ${cells.length} columns, expected ${COLUMNS.length}`);
    const parsed = z.safeParse(ROW, Object.fromEntries(COLUMNS.map((c, k) => [c, cells[k]])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = String(issue.path[0] ?? '?');
      const value = cells[COLUMNS.indexOf(column as (typeof COLUMNS)[number])];
      throw new CorpusFileError(
        `${file}:${i + 1}: column ${column} ${JSON.stringify(value)}: ${issue.message}`,
      );
    }
    if (ids.has(parsed.data.id))
      throw new CorpusFileError(`${file}:${i + 1}: column id: duplicate ${parsed.data.id}`);
    ids.add(parsed.data.id);
    rows.push(parsed.data);
  });
  return rows;
}

/** One split's statements, or null when its file is not there (the held-out test split may not be merged yet). */
export function loadSplit(split: Split, dir = DATA_DIR): LabelledStatement[] | null {
  const path = splitPath(split, dir);
  if (!existsSync(path)) return null;
  return parseSplit(readFileSync(path, 'utf8'), path);
}
