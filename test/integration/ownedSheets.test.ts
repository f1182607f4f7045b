// SPEC §9 through the built bundle: the team's tabs are never adopted or wiped, renamed data sheets are found by
// their mark, a missing one stops a run before it writes anything, and setup merges into the team's own settings.
import { describe, expect, it } from 'vitest';
import { demoBook } from '../../local/demoBook';
import type { Runtime } from '../../local/runtime/index';
import type { SetupReport } from '../../src/gas/setup/report';
import { HEADERS, SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T15:00:00Z`);

interface ScriptSheet {
  setName(name: string): void;
  getRange(a1: string): {
    setFormula(f: string): void;
    setNumberFormat(f: string): void;
    setDataValidation(r: unknown): void;
  };
  newChart(): {
    asColumnChart(): { addRange(r: unknown): { setPosition(...a: number[]): { build(): unknown } } };
  };
  insertChart(chart: unknown): void;
}
interface ScriptSpreadsheet {
  getSheetByName(name: string): ScriptSheet | null;
  deleteSheet(sheet: ScriptSheet): void;
  setSpreadsheetLocale(locale: string): void;
}

/** The spreadsheet as the script sees it, for doing what a user does in the Sheets UI (rename, delete, add a chart). */
function book(rt: Runtime): ScriptSpreadsheet {
  return rt.context.SpreadsheetApp.getActiveSpreadsheet() as ScriptSpreadsheet;
}

function sheetOf(rt: Runtime, name: string): ScriptSheet {
  const sheet = book(rt).getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Calls that change the spreadsheet: values, formulas, formats, sheets, rows, charts, metadata. */
/**
 * Write calls to the book, its sheets, ranges and charts. The owner's own last-run record in their user properties
 * (Properties.setProperty) is not a write to the book: it is where a run that could not proceed says why (SPEC §6).
 */
function writes(rt: Runtime): Record<string, number> {
  return Object.fromEntries(
    Object.entries(rt.calls.byMethod()).filter(
      ([m]) =>
        !m.startsWith('Properties.') &&
        /\.(set|insert|append|clear|delete|remove|add|update|merge|hide|protect)/.test(m),
    ),
  );
}

function demo(): Runtime {
  return loadBundle({ timeZone: TZ, now: NOW, sheets: demoBook({ today: TODAY, timeZone: TZ }) });
}

describe("a tab of the team's named like an output sheet", () => {
  it("a team's own 'Reminder ledger' tab is never read or written by the reminder run", () => {
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      sheets: {
        ...demoBook({ today: TODAY, timeZone: TZ }),
        'Reminder ledger': [
          ['Kind', 'Day', 'Recipient', 'Keys', 'Run'],
          ['sent', TODAY, 'maya.chen@acme.example', 'everything', 'ours'],
        ],
      },
    });
    const before = rt.values('Reminder ledger');
    rt.call('setUpWorkbook');
    rt.call('runReminders');
    expect(rt.values('Reminder ledger')).toEqual(before);
    expect(rt.spreadsheet.sheetNames()).toContain('Results reminder ledger');
    // Its fake 'sent' row did not stop Maya's digest: the run reads only the add-on's own ledger.
    expect(rt.mail.outbox.map((m) => m.to)).toContain('maya.chen@acme.example');
  });

  it("a team's own 'Usage summary' tab is never written: the add-on's summary goes beside it", () => {
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      sheets: {
        ...demoBook({ today: TODAY, timeZone: TZ }),
        'Usage summary': [
          ['Region', 'Seats'],
          ['EMEA', 120],
        ],
      },
    });
    const before = rt.values('Usage summary');
    rt.call('setUpWorkbook');
    rt.call('refreshDashboard');
    expect(rt.values('Usage summary')).toEqual(before);
    expect(rt.spreadsheet.sheetNames()).toContain('Results usage summary');
    expect(rt.values('Results usage summary')[0]).toEqual([
      'Account ID',
      'Usage weeks',
      'From',
      'As of',
      'Usage rows',
    ]);
    // The sidebar reads the add-on's own summary, not the team's tab.
    const view = rt.call<{ empty?: boolean; usageFreshness?: string }>('getAccountView', 2);
    expect(view.usageFreshness).toMatch(/Usage summary/);
  });

  it('an existing Dashboard tab keeps its values, formula and chart after setup and refresh', () => {
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      sheets: {
        ...demoBook({ today: TODAY, timeZone: TZ }),
        [SHEET.dashboard]: [
          ['Our pipeline', ''],
          ['Q1', 12],
          ['Q2', 3],
        ],
      },
    });
    const own = sheetOf(rt, SHEET.dashboard);
    own.getRange('C1').setFormula('=SUM(B3:B3)*2');
    own.insertChart(
      own.newChart().asColumnChart().addRange(own.getRange('A1:B3')).setPosition(5, 1, 0, 0).build(),
    );
    const before = {
      values: rt.values(SHEET.dashboard),
      formulas: rt.spreadsheet.formulas(SHEET.dashboard),
      charts: rt.spreadsheet.charts(SHEET.dashboard),
    };

    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.createdSheets).toContain('Results dashboard');
    const refresh = rt.call<{ accounts: number; charts: number }>('refreshDashboard');

    expect(rt.values(SHEET.dashboard)).toEqual(before.values);
    expect(rt.spreadsheet.formulas(SHEET.dashboard)).toEqual(before.formulas);
    expect(rt.spreadsheet.formulas(SHEET.dashboard)[0][2]).toBe('=SUM(B3:B3)*2');
    expect(rt.spreadsheet.charts(SHEET.dashboard)).toEqual(before.charts);
    // The add-on's own dashboard is beside it, with its tables and charts.
    expect(rt.values('Results dashboard').flat()).toContain('Accounts');
    expect(refresh.charts).toBeGreaterThan(0);
    expect(rt.spreadsheet.charts('Results dashboard')).toHaveLength(refresh.charts);
  });

  it('a second refresh replaces only its own charts and cells, keeping a chart the team added to its dashboard', () => {
    const rt = demo();
    rt.call('setUpWorkbook');
    const first = rt.call<{ charts: number }>('refreshDashboard');
    const dash = sheetOf(rt, SHEET.dashboard);
    dash.insertChart(
      dash.newChart().asColumnChart().addRange(dash.getRange('A1:B3')).setPosition(60, 1, 0, 0).build(),
    );
    const second = rt.call<{ charts: number }>('refreshDashboard');
    expect(second.charts).toBe(first.charts + 1);
    expect(rt.spreadsheet.charts(SHEET.dashboard)).toHaveLength(first.charts + 1);
  });

  it("a team's own Ladder history and Reminder log are not written by the add-on", () => {
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      sheets: {
        ...demoBook({ today: TODAY, timeZone: TZ }),
        [SHEET.history]: [
          ['Quarter', 'Headline'],
          ['Q3', 'Churn down'],
        ],
      },
    });
    rt.call('setUpWorkbook');
    rt.call('refreshDashboard');
    expect(rt.values(SHEET.history)).toEqual([
      ['Quarter', 'Headline'],
      ['Q3', 'Churn down'],
    ]);
    expect(rt.values('Results ladder history')[0]).toEqual([...HEADERS.history]);
    expect(rt.values('Results ladder history').length).toBeGreaterThan(1);
    // The Ladder view reads the add-on's history, wherever it is.
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toContain("'Results ladder history'!A:D");
  });
});

describe('Reminder log', () => {
  it("a team's own 'Reminder log' tab is left alone; the run logs to the add-on's own beside it", () => {
    const rt = loadBundle({
      timeZone: TZ,
      now: NOW,
      sheets: {
        ...demoBook({ today: TODAY, timeZone: TZ }),
        [SHEET.reminderLog]: [
          ['Who', 'Reminded about'],
          ['Ana', 'renewal call'],
        ],
      },
    });
    rt.call('runReminders');
    expect(rt.values(SHEET.reminderLog)).toEqual([
      ['Who', 'Reminded about'],
      ['Ana', 'renewal call'],
    ]);
    const log = rt.values('Results reminder log');
    expect(log[0]).toEqual([...HEADERS.reminderLog]);
    expect(log.length).toBeGreaterThan(1);
  });

  it('a log an earlier version wrote (its header, no mark) is still the log: a same-day rerun sends nothing again', () => {
    const rt = demo();
    rt.call('runReminders');
    const sent = rt.mail.outbox.length;
    expect(sent).toBeGreaterThan(0);
    // Forget every sheet mark, as in a book set up before sheets were marked (the Reminder ledger came with the
    // marks, so an upgraded book has its marked ledger or none).
    const ss = book(rt) as unknown as {
      createDeveloperMetadataFinder(): { find(): { getKey(): string; remove(): void }[] };
    };
    for (const mark of ss.createDeveloperMetadataFinder().find()) {
      if (mark.getKey() === 'resultsLadder.sheet') mark.remove();
    }
    rt.call('runReminders');
    expect(rt.mail.outbox.length).toBe(sent);
    expect(rt.spreadsheet.sheetNames()).not.toContain('Results reminder log');
  });
});

describe('renamed and deleted data sheets', () => {
  it('renamed Accounts, Usage and Results are found by their mark: the same dashboard, no false history', () => {
    const plain = demo();
    plain.call('setUpWorkbook');
    const expected = plain.call<{ accounts: number; historyRowsWritten: number }>('refreshDashboard');
    expect(expected.accounts).toBeGreaterThan(30);

    const rt = demo();
    rt.call('setUpWorkbook');
    sheetOf(rt, SHEET.accounts).setName('Clients');
    sheetOf(rt, SHEET.usage).setName('Product usage');
    sheetOf(rt, SHEET.results).setName('Outcomes');
    const got = rt.call<{ accounts: number; historyRowsWritten: number }>('refreshDashboard');
    expect(got).toEqual(expected);
    expect(rt.values(SHEET.dashboard)).toEqual(plain.values(SHEET.dashboard));
    expect(rt.values(SHEET.history)).toEqual(plain.values(SHEET.history));
    // A second refresh finds nothing changed.
    expect(rt.call<{ historyRowsWritten: number }>('refreshDashboard').historyRowsWritten).toBe(0);
  });

  it('a renamed Accounts is still the sheet the sidebar follows and saves to', () => {
    const rt = demo();
    rt.call('setUpWorkbook');
    sheetOf(rt, SHEET.accounts).setName('Clients');
    rt.setActiveCell('Clients', 2, 2);
    const view = rt.call<{ empty: boolean; row: number }>('getAccountView');
    expect(view.empty).toBe(false);
    expect(view.row).toBe(2);
    // A data problem's link names the sheet by its spec name; selecting it lands on the renamed tab.
    expect(rt.call<{ ok: boolean }>('selectRow', SHEET.accounts, 3)).toEqual({ ok: true });
    expect(rt.spreadsheet.selection()?.sheet).toBe('Clients');
  });

  for (const gone of [SHEET.accounts, SHEET.usage, SHEET.results]) {
    it(`a deleted ${gone} stops Refresh dashboard with one error naming it, and nothing is written`, () => {
      const rt = demo();
      rt.call('setUpWorkbook');
      book(rt).deleteSheet(sheetOf(rt, gone));
      const names = rt.spreadsheet.sheetNames();
      rt.calls.reset();
      expect(() => rt.call('refreshDashboard')).toThrow(new RegExp(`cannot find the '${gone}' sheet`));
      expect(writes(rt)).toEqual({});
      expect(rt.spreadsheet.sheetNames()).toEqual(names);
    });
  }

  it('a deleted Accounts stops the reminder run: no email, no history, no log row', () => {
    const rt = demo();
    rt.call('setUpWorkbook');
    book(rt).deleteSheet(sheetOf(rt, SHEET.accounts));
    const log = rt.values(SHEET.reminderLog);
    rt.calls.reset();
    expect(() => rt.call('runReminders')).toThrow(/cannot find the 'Accounts' sheet/);
    expect(writes(rt)).toEqual({});
    // The failure is on the owner's record, where the sidebar shows the last run.
    expect(rt.calls.count('Properties.setProperty')).toBe(1);
    expect(rt.mail.outbox).toHaveLength(0);
    expect(rt.values(SHEET.reminderLog)).toEqual(log);
  });

  it('a book never set up without an Accounts tab says so instead of reporting 0 accounts', () => {
    const sheets = demoBook({ today: TODAY, timeZone: TZ });
    sheets.Clients = sheets[SHEET.accounts];
    delete sheets[SHEET.accounts];
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets });
    rt.calls.reset();
    expect(() => rt.call('refreshDashboard')).toThrow(/cannot find the 'Accounts' sheet/);
    expect(writes(rt)).toEqual({});
  });
});

describe('setup merges into what the team set', () => {
  it("keeps the team's dropdown values and 0% formats, adding only what the add-on needs", () => {
    const rt = demo();
    const accounts = sheetOf(rt, SHEET.accounts);
    const status = HEADERS.accounts.indexOf('Renewal status') + 1;
    const baseline = HEADERS.accounts.indexOf('Baseline') + 1;
    const letter = (n: number) => String.fromCharCode(64 + n);
    const SpreadsheetApp = rt.context.SpreadsheetApp;
    accounts
      .getRange(`${letter(status)}2:${letter(status)}1000`)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(['Open', 'At risk', 'Renewed'], true)
          .setAllowInvalid(true)
          .build(),
      );
    accounts.getRange(`${letter(baseline)}2:${letter(baseline + 1)}1000`).setNumberFormat('0%');

    rt.call('setUpWorkbook');
    const rules = rt.spreadsheet.validations(SHEET.accounts);
    const last = rules[rules.length - 1];
    const statusRules = rules.filter((r) => r.range.includes(`!${letter(status)}2:`));
    const current = statusRules[statusRules.length - 1];
    expect(current.values[0]).toEqual(['Open', 'At risk', 'Renewed', 'Churned']);
    expect(current.allowInvalid).toBe(true);
    expect(last).toBeDefined();
    const formats = rt.spreadsheet.formats(SHEET.accounts).filter((f) => f.method === 'setNumberFormat');
    expect(formats.filter((f) => f.range.includes(`!${letter(baseline)}2:`)).map((f) => f.value)).toEqual([
      '0%',
    ]);

    // Idempotent: a second run changes nothing.
    const before = JSON.stringify([
      rt.spreadsheet.validations(SHEET.accounts),
      rt.spreadsheet.formats(SHEET.accounts),
    ]);
    rt.calls.reset();
    rt.call('setUpWorkbook');
    expect(
      JSON.stringify([rt.spreadsheet.validations(SHEET.accounts), rt.spreadsheet.formats(SHEET.accounts)]),
    ).toBe(before);
    expect(writes(rt)).toEqual({});
  });
});

describe('setup and a blank header row', () => {
  it('writes no header over a blank row 1 that has data below it, and says why', () => {
    const sheets = demoBook({ today: TODAY, timeZone: TZ });
    sheets[SHEET.results] = [HEADERS.results.map(() => ''), ...sheets[SHEET.results].slice(1)];
    const rt = loadBundle({ timeZone: TZ, now: NOW, sheets });
    const before = rt.values(SHEET.results);
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.headerless).toEqual([SHEET.results]);
    expect(rt.values(SHEET.results)).toEqual(before);
    expect(rt.ui.toasts.join(' ')).toMatch(/Results: row 1 is blank above your data/);
  });
});
