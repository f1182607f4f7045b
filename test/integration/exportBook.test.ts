// `npm start -- --xlsx demo.xlsx` and `--template team.xlsx`: files a team without a terminal uploads to Google Sheets.
// Read back with exceljs, as any spreadsheet program would, they must hold what the add-on itself computes and sets up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladderOfBook } from '../../local/ladderOfBook';
import { exportPreview, type Preview, preparePreview } from '../../local/preview';
import { readXlsx } from '../../local/xlsx';
import { dayConverter, isoOfDay } from '../../src/core/dates';
import { DEFAULT_SEGMENTS, ENUMS, HEADERS, SHEET } from '../../src/sheets/layout';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let dir: string;
let preview: Preview;
let demo: ExcelJS.Workbook;
let template: ExcelJS.Workbook;

/** A cell as a comparable value: dates as the calendar day they show. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return isoOfDay(Math.round(value.getTime() / 86_400_000));
  if (value === null || value === undefined) return '';
  return value;
}

function sheetRows(book: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(plain(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows[r - 1] = cells;
  });
  // Formatted but empty rows (setup formats a thousand body rows) carry nothing.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).length === 0) rows.pop();
  return rows;
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-export-'));
  preview = await preparePreview({ today: TODAY, timeZone: TZ, emailsDir: join(dir, 'emails') });
  await exportPreview(preview, join(dir, 'demo.xlsx'), TZ);
  demo = await open(join(dir, 'demo.xlsx'));
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'local/preview.ts',
      '--template',
      join(dir, 'team.xlsx'),
      '--today',
      TODAY,
      '--tz',
      TZ,
    ],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  if (run.status !== 0) throw new Error(`--template failed: ${run.stderr}`);
  template = await open(join(dir, 'team.xlsx'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo book as .xlsx (--xlsx)', () => {
  it('holds the same Ladder values as LADDER computes on the same book', () => {
    const dayOf = dayConverter(TZ);
    const expected = ladderOfBook(preview.runtime)
      .map((row) => row.map((v) => (v instanceof Date ? isoOfDay(dayOf(v) as number) : v === null ? '' : v)))
      .map((row) => {
        const r = [...row];
        while (r.length > 0 && r[r.length - 1] === '') r.pop();
        return r;
      });
    const written = sheetRows(demo, SHEET.ladder);
    // Row 1 carries the status cell after LADDER's header; the body is LADDER's answer, cell for cell.
    expect(written[0].slice(0, expected[0].length)).toEqual(expected[0]);
    expect(written.slice(1)).toEqual(expected.slice(1));
    expect(written.length).toBeGreaterThan(30);
  });

  it('says in the Ladder that its values are a snapshot of a day, not a live formula', () => {
    const status = String(demo.getWorksheet(SHEET.ladder)?.getCell('J1').value);
    expect(status).toMatch(/values exported as of 2026-11-24, not live/);
    expect(status).toMatch(/Set up workbook/);
  });

  it('holds the Dashboard the add-on would show, with the health counts of the Ladder', () => {
    const dashboard = sheetRows(demo, SHEET.dashboard).flat().map(String);
    expect(dashboard.length).toBeGreaterThan(20);
    const reds = preview.ladder.slice(1).filter((r) => r[5] === 'Red').length;
    expect(reds).toBeGreaterThan(0);
    const text = dashboard.join(' | ');
    expect(text).toContain('Red');
    expect(dashboard).toContain(String(reds));
  });

  it('keeps the data sheets and leaves out the add-on’s hidden bookkeeping', () => {
    const names = demo.worksheets.map((s) => s.name);
    for (const name of [SHEET.segments, SHEET.accounts, SHEET.usage, SHEET.results, SHEET.checks])
      expect(names).toContain(name);
    for (const hidden of preview.runtime.spreadsheet
      .sheetNames()
      .filter((n) => preview.runtime.spreadsheet.hidden(n)))
      expect(names).not.toContain(hidden);
  });

  it('reads back into the preview with the same ladder (the round trip a team makes)', async () => {
    const again = await preparePreview({
      xlsx: join(dir, 'demo.xlsx'),
      today: TODAY,
      timeZone: TZ,
      emailsDir: join(dir, 'again'),
    });
    expect(again.ladder).toEqual(preview.ladder);
  });
});

describe('a blank team book (--template)', () => {
  it('has every data sheet with the add-on’s headers in order, and no Ladder or Dashboard yet', () => {
    expect(template.worksheets.map((s) => s.name)).toEqual([
      SHEET.segments,
      SHEET.accounts,
      SHEET.usage,
      SHEET.results,
      SHEET.checks,
    ]);
    for (const key of ['segments', 'accounts', 'usage', 'results', 'checks'] as const) {
      expect(sheetRows(template, SHEET[key])[0]).toEqual([...HEADERS[key]]);
    }
  });

  it('holds the default segments and no accounts', () => {
    const segments = sheetRows(template, SHEET.segments).slice(1);
    expect(segments).toEqual(DEFAULT_SEGMENTS.map((s) => [...s]));
    expect(
      sheetRows(template, SHEET.accounts)
        .slice(1)
        .filter((r) => r.length > 0),
    ).toEqual([]);
  });

  it('has a dropdown on every listed column, holding the add-on’s values', () => {
    for (const [where, values] of Object.entries(ENUMS)) {
      const [key, header] = where.split(':') as [keyof typeof HEADERS, string];
      const sheet = template.getWorksheet(SHEET[key]);
      const column = (HEADERS[key] as readonly string[]).indexOf(header) + 1;
      const rule = sheet?.getCell(5, column).dataValidation;
      expect(rule?.type, where).toBe('list');
      expect(rule?.formulae?.[0], where).toBe(`"${values.join(',')}"`);
    }
  });

  it('formats date columns as dates and the Account ID column as text', () => {
    expect(template.getWorksheet(SHEET.accounts)?.getCell('E2').numFmt).toBe('yyyy-mm-dd');
    expect(template.getWorksheet(SHEET.usage)?.getCell('A2').numFmt).toBe('yyyy-mm-dd');
  });

  it('opens in the preview as an empty book with nothing to fix', async () => {
    const sheets = await readXlsx(join(dir, 'team.xlsx'), TZ);
    expect(Object.keys(sheets)).toContain(SHEET.accounts);
    const blank = await preparePreview({
      xlsx: join(dir, 'team.xlsx'),
      today: TODAY,
      timeZone: TZ,
      leader: 'lead@team.example',
      emailsDir: join(dir, 'blank'),
    });
    expect(blank.ladder.slice(1).filter((r) => r[0] !== '')).toEqual([]);
    expect(blank.book.problems).toEqual([]);
  });
});

describe('the books in docs/books (npm run docs:books), for a team without a terminal', () => {
  const committed = (name: string) => join(root, 'docs', 'books', name);

  it('the demo book holds the Ladder that LADDER computes today on the same demo book', async () => {
    const file = await open(committed('results-ladder-demo.xlsx'));
    expect(sheetRows(file, SHEET.ladder).slice(1)).toEqual(sheetRows(demo, SHEET.ladder).slice(1));
    expect(sheetRows(file, SHEET.dashboard)).toEqual(sheetRows(demo, SHEET.dashboard));
  });

  it('the template is the one --template writes now (run `npm run docs:books` after changing setup)', async () => {
    const file = await open(committed('results-ladder-template.xlsx'));
    expect(file.worksheets.map((s) => s.name)).toEqual(template.worksheets.map((s) => s.name));
    for (const sheet of template.worksheets) {
      expect(sheetRows(file, sheet.name), sheet.name).toEqual(sheetRows(template, sheet.name));
      const columns = sheet.columnCount;
      for (let c = 1; c <= columns; c++) {
        expect(
          file.getWorksheet(sheet.name)?.getCell(2, c).dataValidation,
          `${sheet.name} column ${c}`,
        ).toEqual(sheet.getCell(2, c).dataValidation);
      }
    }
  });
});
