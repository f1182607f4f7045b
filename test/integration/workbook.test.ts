// The menu and Set up workbook through the built bundle: AuthMode.NONE menu, idempotent setup, user data kept.
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/index';
import type { SetupReport } from '../../src/gas/setup/report';
import { DEFAULT_SEGMENTS, ENUMS, HEADERS, SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const NOW = new Date('2026-11-24T15:00:00Z');
const DATA_SHEETS = [
  SHEET.accounts,
  SHEET.usage,
  SHEET.results,
  SHEET.checks,
  SHEET.segments,
  SHEET.history,
  SHEET.reminderLog,
];

/** Everything setup could change, per sheet, for before/after comparisons. */
function snapshot(rt: Runtime): string {
  const sheets = [...DATA_SHEETS, SHEET.ladder, SHEET.dashboard];
  return JSON.stringify(
    sheets.map((name) => ({
      name,
      id: rt.spreadsheet.sheetId(name),
      values: rt.values(name),
      formulas: rt.spreadsheet.formulas(name),
      frozen: rt.spreadsheet.frozenRows(name),
      formats: rt.spreadsheet.formats(name),
      validations: rt.spreadsheet.validations(name),
    })),
  );
}

describe('onOpen', () => {
  it('adds the SPEC §5 menu in AuthMode.NONE without touching the sheet', () => {
    const rt = loadBundle({ authMode: 'NONE', now: NOW });
    rt.calls.reset();
    rt.call('onOpen', { authMode: 'NONE' });
    expect(rt.ui.menus).toHaveLength(1);
    expect(rt.ui.menus[0].items.map((i) => i.caption)).toEqual([
      'Open sidebar',
      'Set up workbook',
      'Refresh dashboard',
      'Preview reminders',
      'Send reminders now',
      'Turn daily reminders on/off',
      'Settings',
      'Check this installation',
    ]);
    expect(rt.calls.count('Range')).toBe(0);
    expect(rt.calls.count('Sheet')).toBe(0);
    expect(rt.calls.count('PropertiesService')).toBe(0);
    expect(rt.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
  });

  it('names only functions the bundle declares', () => {
    const rt = loadBundle({ now: NOW });
    rt.call('onInstall', { authMode: 'FULL' });
    for (const item of rt.ui.menus[0].items) {
      expect(typeof (rt.context as Record<string, unknown>)[item.fn], item.fn).toBe('function');
    }
  });
});

describe('showSidebar / showSettings', () => {
  it('opens the sidebar, and Settings opens it on the settings tab', () => {
    const rt = loadBundle({ now: NOW });
    rt.call('showSidebar');
    rt.call('showSettings');
    expect(rt.ui.sidebars.map((s) => s.title)).toEqual(['Results Ladder', 'Results Ladder']);
    expect(rt.ui.sidebars[0].html).toContain('<body>');
    expect(rt.ui.sidebars[1].html).toContain('<body data-initial-tab="settings"');
  });
});

describe('setUpWorkbook', () => {
  it('creates every sheet with its header, the default segments, frozen headers, dropdowns and the Ladder', () => {
    const rt = loadBundle({ now: NOW });
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.createdSheets).toEqual([...DATA_SHEETS, SHEET.ladder, SHEET.dashboard]);
    for (const key of Object.keys(HEADERS) as (keyof typeof HEADERS)[]) {
      expect(rt.values(SHEET[key])[0]).toEqual([...HEADERS[key]]);
      expect(rt.spreadsheet.frozenRows(SHEET[key])).toBe(1);
    }
    expect(rt.values(SHEET.segments).slice(1)).toEqual(DEFAULT_SEGMENTS.map((s) => [...s]));
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toBe(
      "=LADDER(Accounts!A:P, Usage!A:D, Results!A:J, Checks!A:I, Segments!A:F, TODAY(), 'Ladder history'!A:D)",
    );
    const validations = JSON.stringify(rt.spreadsheet.validations(SHEET.accounts));
    for (const role of ENUMS['accounts:Validator role']) expect(validations).toContain(role);
    expect(JSON.stringify(rt.spreadsheet.validations(SHEET.checks))).toContain('90-day');
    expect(JSON.stringify(rt.spreadsheet.formats(SHEET.accounts))).toContain('yyyy-mm-dd');
    expect(rt.ui.toasts.join('\n')).toContain('Created Accounts');
  });

  it('changes nothing the second time, and writes no values', () => {
    const rt = loadBundle({ now: NOW });
    rt.call('setUpWorkbook');
    const before = snapshot(rt);
    rt.calls.reset();
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(rt.calls.count('Range.setValues')).toBe(0);
    expect(rt.calls.count('Range.setNumberFormat')).toBe(0);
    expect(rt.calls.count('Range.setDataValidation')).toBe(0);
    expect(rt.calls.count('Sheet.setConditionalFormatRules')).toBe(0);
    expect(rt.calls.count('Range.setValue')).toBe(0);
    expect(rt.calls.count('Range.setFormula')).toBe(0);
    expect(rt.calls.count('Spreadsheet.insertSheet')).toBe(0);
    expect(snapshot(rt)).toBe(before);
    expect(report).toEqual({
      createdSheets: [],
      addedColumns: {},
      segmentsAdded: 0,
      ladderFormula: 'kept',
      ladderRowsAdded: 0,
      headerless: [],
    });
  });

  it('keeps user columns, their order and the data; appends only the missing spec columns', () => {
    const header = [
      'Account',
      'Account ID',
      'Region',
      'Segment',
      'Owner',
      'Start date',
      'Renewal date',
      'Business pain',
      'Solution value',
      'Named result',
      'Metric',
      'Baseline',
      'Target',
      'Validator',
      'Validator role',
      'Health score (ours)',
    ];
    const row = [
      'Acme',
      'A-1',
      'EMEA',
      'SMB',
      'maya@acme.example',
      '',
      '',
      'Month-end close takes 9 days',
      '',
      '',
      '',
      3,
      9,
      '',
      '',
      72,
    ];
    const segments = [
      [...HEADERS.segments, 'Team notes'],
      ['SMB', 'Our words', 'Buyer', 3, 60, 60, 'keep me'],
    ];
    const rt = loadBundle({
      now: NOW,
      sheets: { [SHEET.accounts]: [header, row], [SHEET.segments]: segments },
    });
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.addedColumns).toEqual({ Accounts: ['Renewal status', 'Validator email'] });
    expect(report.segmentsAdded).toBe(0);
    const accounts = rt.values(SHEET.accounts);
    expect(accounts[0]).toEqual([...header, 'Renewal status', 'Validator email']);
    expect(accounts[1].slice(0, row.length)).toEqual(row);
    expect(rt.values(SHEET.segments)).toEqual(segments);
    // The formula reaches the 18th column, so the user's columns are inside it.
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toBe(
      "=LADDER(Accounts!A:R, Usage!A:D, Results!A:J, Checks!A:I, Segments!A:G, TODAY(), 'Ladder history'!A:D)",
    );

    const before = snapshot(rt);
    rt.calls.reset();
    rt.call('setUpWorkbook');
    expect(rt.calls.count('Range.setValues')).toBe(0);
    expect(snapshot(rt)).toBe(before);
  });

  it("leaves the team's own Ladder tab alone and puts the add-on's beside it (SPEC §9)", () => {
    const rt = loadBundle({ now: NOW, sheets: { [SHEET.ladder]: [['My own summary']] } });
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.createdSheets).toContain('Results ladder');
    expect(report.ladderFormula).toBe('set');
    expect(rt.values(SHEET.ladder)).toEqual([['My own summary']]);
    expect(rt.spreadsheet.formulas('Results ladder')[0][0]).toContain('=LADDER(');
  });

  it('widens an older LADDER formula after a column was added', () => {
    const rt = loadBundle({ now: NOW });
    rt.call('setUpWorkbook');
    const accounts = rt.values(SHEET.accounts);
    accounts[0] = [...accounts[0].slice(0, HEADERS.accounts.length), 'Region'];
    rt.setValues(SHEET.accounts, accounts);
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.ladderFormula).toBe('updated');
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toContain('Accounts!A:Q');
  });

  it('upgrades the LADDER formula an earlier version wrote (no as_of, no history), so the view recalculates daily', () => {
    const older = '=LADDER(Accounts!A:O, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:F)';
    const rt = loadBundle({ now: NOW, sheets: { [SHEET.ladder]: [[older]] } });
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toBe(older);
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.ladderFormula).toBe('updated');
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toBe(
      "=LADDER(Accounts!A:P, Usage!A:D, Results!A:J, Checks!A:I, Segments!A:F, TODAY(), 'Ladder history'!A:D)",
    );
  });

  it("keeps a LADDER formula the user wrote themselves (their own as_of), as the user's content", () => {
    const own = '=LADDER(Accounts!A:O, Usage!A:D, Results!A:I, Checks!A:F, Segments!A:F, Settings!B2)';
    const rt = loadBundle({ now: NOW, sheets: { [SHEET.ladder]: [[own]] } });
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.createdSheets).toContain('Results ladder');
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toBe(own);
    // Once the add-on's own Ladder view is marked, a formula the user puts in its A1 is theirs too.
    rt.context.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Results ladder')
      .getRange('A1')
      .setFormula(own);
    expect(rt.call<SetupReport>('setUpWorkbook').ladderFormula).toBe('left alone');
  });

  it('makes the Ladder sheet tall enough for every Accounts row, once', () => {
    const accounts = [
      [...HEADERS.accounts],
      ...Array.from({ length: 1500 }, (_, i) =>
        HEADERS.accounts.map((h) => (h === 'Account ID' ? `A${i}` : '')),
      ),
    ];
    const rt = loadBundle({ now: NOW, sheets: { [SHEET.accounts]: accounts } });
    const report = rt.call<SetupReport>('setUpWorkbook');
    expect(report.ladderRowsAdded).toBe(501);
    expect(rt.ui.toasts.join('\n')).toContain('Added 501 rows to Ladder');
    rt.calls.reset();
    expect(rt.call<SetupReport>('setUpWorkbook').ladderRowsAdded).toBe(0);
    expect(rt.calls.count('Sheet.insertRowsAfter')).toBe(0);
    const sheet = (
      rt.context as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }
    ).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.ladder);
    expect(sheet?.getMaxRows()).toBe(1501);
  });
});

describe('toggleReminders', () => {
  it('turns reminders on, then off, and says so', () => {
    const rt = loadBundle({ now: NOW, user: 'lead@acme.example' });
    // The confirmation lists the owners in Accounts, so the book must be set up (without Accounts it says so).
    rt.call('setUpWorkbook');
    // Turning on first shows recipients, leader and domains, and asks to confirm them.
    rt.ui.replies.push({ button: 'YES' });
    rt.call('toggleReminders');
    expect(rt.triggers.filter((t) => t.handler === 'runReminders')).toHaveLength(1);
    rt.call('toggleReminders');
    expect(rt.triggers.filter((t) => t.handler === 'runReminders')).toHaveLength(0);
    expect(rt.ui.alerts).toHaveLength(3);
    expect(rt.ui.alerts[0]).toContain('Allowed recipient domains');
    expect(rt.ui.alerts[1]).toContain('Reminders are on');
    expect(rt.ui.alerts[2]).toContain('Reminders are off');
  });
});
