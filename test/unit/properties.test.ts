import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateBook } from '../../local/generateBook';
import { dayConverter, dayFromIso } from '../../src/core/dates';
import { assessBook } from '../../src/core/evaluate';
import { usageWindowStart } from '../../src/core/ladder';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Assessment } from '../../src/core/types';
import { customFunctionEntries } from '../../src/entry/customFunctions';
import { SHEET } from '../../src/sheets/layout';
import { parseBook, type SheetTables } from '../../src/sheets/parse';

const TODAY = '2026-11-24';
const today = dayFromIso(TODAY) as number;
const dayOf = dayConverter('Etc/UTC');
const sheets = generateBook({ accounts: 40, weeks: 8, seed: 7, today: TODAY });
const tables: SheetTables = {
  segments: sheets[SHEET.segments],
  accounts: sheets[SHEET.accounts],
  usage: sheets[SHEET.usage],
  results: sheets[SHEET.results],
  checks: sheets[SHEET.checks],
};

function answers(t: SheetTables): Map<string, unknown> {
  const { assessments } = assessBook(parseBook(t, dayOf), DEFAULT_SETTINGS, today);
  return new Map(
    assessments.map((a: Assessment) => [
      a.account.id,
      [a.rungName, a.health, a.reasons, a.nextStep, a.nextCheckDue, a.validationDate],
    ]),
  );
}

/** A deterministic permutation of the data rows (the header stays first). */
function shuffled(rows: unknown[][], seed: number): unknown[][] {
  const body = rows.slice(1);
  let s = seed >>> 0 || 1;
  for (let i = body.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [body[i], body[j]] = [body[j], body[i]];
  }
  return [rows[0], ...body];
}

describe('Invariants', () => {
  const baseline = answers(tables);

  it('the generated book covers every rung and health', () => {
    const { assessments } = assessBook(parseBook(tables, dayOf), DEFAULT_SETTINGS, today);
    expect(new Set(assessments.map((a) => a.rungName)).size).toBe(5);
    expect(new Set(assessments.map((a) => a.health)).size).toBe(3);
  });

  it('reordering rows of any sheet changes no account’s answer', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), (a, u, r, c) => {
        const reordered = answers({
          ...tables,
          accounts: shuffled(tables.accounts as unknown[][], a),
          usage: shuffled(tables.usage as unknown[][], u),
          results: shuffled(tables.results as unknown[][], r),
          checks: shuffled(tables.checks as unknown[][], c),
        });
        expect(reordered).toEqual(baseline);
      }),
      { numRuns: 25 },
    );
  });

  it('removing evidence (Usage or Results rows) never raises a rung', () => {
    const rungs = (t: SheetTables) =>
      new Map(
        assessBook(parseBook(t, dayOf), DEFAULT_SETTINGS, today).assessments.map((x) => [
          x.account.id,
          x.rung,
        ]),
      );
    const before = rungs(tables);
    const usageRows = (tables.usage as unknown[][]).length - 1;
    const resultRows = (tables.results as unknown[][]).length - 1;
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: usageRows, maxLength: usageRows }),
        fc.array(fc.boolean(), { minLength: resultRows, maxLength: resultRows }),
        (keepUsage, keepResults) => {
          const after = rungs({
            ...tables,
            usage: (tables.usage as unknown[][]).filter((_, i) => i === 0 || keepUsage[i - 1]),
            results: (tables.results as unknown[][]).filter((_, i) => i === 0 || keepResults[i - 1]),
          });
          for (const [id, rung] of after) expect(rung).toBeLessThanOrEqual(before.get(id) as number);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeping only recent Usage (plus each account’s last week of use) changes no answer', () => {
    const usageSince = usageWindowStart(today, DEFAULT_SETTINGS);
    for (const t of [tables, { ...tables, usage: shuffled(tables.usage as unknown[][], 3) }]) {
      const lean = assessBook(parseBook(t, dayOf, { usageSince }), DEFAULT_SETTINGS, today).assessments;
      const full = assessBook(parseBook(t, dayOf), DEFAULT_SETTINGS, today).assessments;
      expect(lean).toEqual(full);
    }
    const unknown = [...(tables.usage as unknown[][]), [new Date(Date.UTC(2025, 0, 6)), 'GONE', 3, 1]];
    expect(parseBook({ ...tables, usage: unknown }, dayOf, { usageSince }).problems).toEqual(
      parseBook({ ...tables, usage: unknown }, dayOf).problems,
    );
  });

  it('custom-function output is aligned with its input: title first, "" for blank rows, trailing blanks trimmed', () => {
    const blank = (tables.accounts as unknown[][])[0].map(() => '');
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), (pattern) => {
        const data = (tables.accounts as unknown[][]).slice(1);
        const accounts = [
          (tables.accounts as unknown[][])[0],
          ...pattern.map((isBlankRow, i) => (isBlankRow ? blank : data[i % data.length])),
        ];
        // Repeated accounts are duplicates: they answer "" like blank rows.
        const seen = new Set<unknown>();
        const expectsAnswer = accounts.map((row, i) => {
          if (i === 0 || row === blank || seen.has(row[0])) return false;
          seen.add(row[0]);
          return true;
        });
        const run = customFunctionEntries.LADDER_RUNG.run as (...args: unknown[]) => unknown[][];
        const out = run(accounts, tables.usage, tables.results, tables.checks, tables.segments, TODAY);
        // Up to the last non-blank row: a whole-column range's trailing blank rows get no answer rows.
        let lastFilled = accounts.length - 1;
        while (lastFilled > 0 && accounts[lastFilled] === blank) lastFilled--;
        expect(out.length).toBe(lastFilled + 1);
        expect(out[0]).toEqual(['Rung']);
        out.slice(1).forEach((cell, k) => {
          expect(cell.length).toBe(1);
          if (expectsAnswer[k + 1])
            expect(cell[0]).toMatch(/^(None|Activity|Adoption|Outcome|Result|Churned)$/);
          else expect(cell[0]).toBe('');
        });
      }),
      { numRuns: 30 },
    );
  });
});
