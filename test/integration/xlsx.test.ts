// A workbook downloaded as .xlsx gives the same ladder as the same data typed into the sheet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladderOfBook } from '../../local/ladderOfBook';
import { readXlsx, writeXlsx } from '../../local/xlsx';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import { DEFAULT_SEGMENTS, HEADERS } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const T = dayFromIso(TODAY) as number;
const NOW = new Date(dateOfDay(T, TZ).getTime() + 9 * 3_600_000);

/** A calendar day `ago` days before today, as exceljs writes a date cell (no zone: UTC midnight). */
const xlsxDate = (ago: number): Date => new Date((T - ago) * 86_400_000);
/** The same day as Sheets hands it to the script: midnight in the spreadsheet's zone. */
const sheetDate = (ago: number): Date => dateOfDay(T - ago, TZ);

/** A date cell in the book below: `ago` days before today. */
class Ago {
  constructor(readonly days: number) {}
}
const ago = (days: number) => new Ago(days);

/**
 * Three accounts whose rungs hinge on exact days: usage 27 days ago is inside the 28-day activity window
 * and 28 days ago is outside, so a date read one day off changes the ladder.
 */
const BOOK: Record<string, unknown[][]> = {
  Segments: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
  Accounts: [
    [...HEADERS.accounts],
    [
      'X-1',
      'Brightline Dental',
      'SMB',
      'maya.chen@acme.example',
      ago(60),
      ago(-305),
      'Phones all day',
      'Texts go out on their own',
      'Cut no-shows from 18% to 8%',
      'No-show rate (%)',
      18,
      8,
      'Dana Lopez',
      'Buyer',
      'Open',
    ],
    [
      'X-2',
      'Meridian Freight',
      'Mid-Market',
      'jonas.weber@acme.example',
      ago(40),
      '',
      'Loads leave late',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'Open',
    ],
    [
      'X-3',
      'Aurora Energy',
      'Enterprise',
      'sam.ortiz@acme.example',
      ago(50),
      ago(-315),
      'Second visits',
      'Parts on the tablet',
      'First-time fix from 65% to 85%',
      'Fix rate (%)',
      65,
      85,
      'Eleanor Vance',
      'Executive sponsor',
      'Open',
    ],
  ],
  Usage: [
    [...HEADERS.usage],
    [ago(22), 'X-1', 3, 20],
    [ago(15), 'X-1', 4, 31],
    [ago(8), 'X-1', 3, 25],
    [ago(1), 'X-1', 5, 40],
    [ago(27), 'X-2', 1, 4],
    [ago(28), 'X-3', 12, 80],
  ],
  Results: [
    [...HEADERS.results],
    [
      ago(10),
      'X-1',
      9,
      'Yes',
      'Dana Lopez',
      'Buyer',
      'No-shows are down to almost nothing',
      '',
      'maya.chen@acme.example',
    ],
  ],
  Checks: [[...HEADERS.checks], [ago(60), 'X-1', 'Kickoff', 'Yes', '', 'maya.chen@acme.example']],
};

/** The book typed into Sheets: dates as midnight in the spreadsheet's zone. */
function typedBook(): Record<string, unknown[][]> {
  return Object.fromEntries(
    Object.entries(BOOK).map(([name, rows]) => [
      name,
      // A sheet reads as a rectangle: rows shorter than the header (the optional columns at the end) read blank there.
      rows.map((row) => [
        ...row.map((v) => (v instanceof Ago ? sheetDate(v.days) : v)),
        ...new Array(Math.max(0, rows[0].length - row.length)).fill(''),
      ]),
    ]),
  );
}

/** The same book as a Google Sheets download: zone-less dates, blank cells, rich text, formulas with cached results. */
async function writeDownload(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(BOOK)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === '') return; // a blank cell, as Sheets exports it
        const cell = ws.getCell(r + 1, c + 1);
        if (value instanceof Ago) {
          cell.value = xlsxDate(value.days);
          cell.numFmt = 'yyyy-mm-dd';
        } else cell.value = value as ExcelJS.CellValue;
      });
    });
  }
  const accounts = wb.getWorksheet('Accounts') as ExcelJS.Worksheet;
  // Rich text, as Sheets exports a cell with mixed formatting.
  accounts.getCell(2, 2).value = {
    richText: [{ text: 'Brightline ', font: { bold: true } }, { text: 'Dental' }],
  };
  // A formula cell: the Target computed from the Baseline, with its cached result.
  accounts.getCell(4, 12).value = { formula: 'K4+20', result: 85 };
  // A date produced by a formula: a cached date result in a date-formatted cell.
  const results = wb.getWorksheet('Results') as ExcelJS.Worksheet;
  results.getCell(2, 1).value = { formula: 'TODAY()-10', result: xlsxDate(10) };
  results.getCell(2, 1).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(path);
}

function ladderOf(sheets: Record<string, unknown[][]>): unknown[][] {
  const rt = loadBundle({ timeZone: TZ, now: NOW, sheets });
  return ladderOfBook(rt);
}

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-xlsx-'));
  file = join(dir, 'download.xlsx');
  await writeDownload(file);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readXlsx', () => {
  it('reads dates as midnight in the zone, blanks as "", formulas as their result, rich text as text', async () => {
    const read = await readXlsx(file, TZ);
    expect(read).toEqual(typedBook());
  });

  it('places an .xlsx date on the same calendar day in any zone', async () => {
    const tokyo = await readXlsx(file, 'Asia/Tokyo');
    expect(tokyo.Usage[1][0]).toEqual(dateOfDay(T - 22, 'Asia/Tokyo'));
    const la = await readXlsx(file, 'America/Los_Angeles');
    expect(la.Usage[1][0]).toEqual(dateOfDay(T - 22, 'America/Los_Angeles'));
  });
});

describe('a downloaded .xlsx in the runtime', () => {
  it('gives the same LADDER as the same data typed into the sheets', async () => {
    const fromXlsx = ladderOf(await readXlsx(file, TZ));
    const typed = ladderOf(typedBook());
    expect(fromXlsx).toEqual(typed);
    // The ladder is not trivially equal: the rungs hinge on the exact days read.
    const rungAt = typed[0].indexOf('Rung');
    expect(typed.slice(1).map((r) => [r[0], r[rungAt]])).toEqual([
      ['X-1', 'Result'],
      ['X-2', 'Activity'],
      ['X-3', 'None'],
    ]);
  });

  it('round-trips the demo book through writeXlsx and readXlsx to the same LADDER', async () => {
    const { demoBook } = await import('../../local/demoBook');
    const book = demoBook({ today: TODAY, timeZone: TZ });
    const path = join(dir, 'demo.xlsx');
    await writeXlsx(book, path, TZ);
    const back = await readXlsx(path, TZ);
    expect(ladderOf(back)).toEqual(ladderOf(book));
  });
});
