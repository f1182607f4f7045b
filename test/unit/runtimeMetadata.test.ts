// The in-memory runtime's developer metadata, locale and "reject input" dropdowns, as Apps Script has them.
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../local/runtime/index';

function spreadsheet() {
  const rt = createRuntime({ sheets: { Accounts: [['Account ID', 'Check']], Usage: [['Week']] } });
  const SpreadsheetApp = rt.context.SpreadsheetApp;
  return { rt, SpreadsheetApp, ss: SpreadsheetApp.getActiveSpreadsheet() };
}

describe('developer metadata', () => {
  it('marks a sheet, finds it by key and location type after a rename, and forgets it with the sheet', () => {
    const { SpreadsheetApp, ss } = spreadsheet();
    const accounts = ss.getSheetByName('Accounts');
    accounts.addDeveloperMetadata('rl.sheet', 'accounts');
    ss.addDeveloperMetadata('rl.book', 'set up');
    accounts.setName('Clients');
    const find = () =>
      ss
        .createDeveloperMetadataFinder()
        .withKey('rl.sheet')
        .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
        .find();
    const found = find();
    expect(found).toHaveLength(1);
    expect(found[0].getValue()).toBe('accounts');
    expect(found[0].getLocation().getLocationType()).toBe('SHEET');
    expect(found[0].getLocation().getSheet().getName()).toBe('Clients');
    expect(
      ss.createDeveloperMetadataFinder().withKey('rl.book').find()[0].getLocation().getLocationType(),
    ).toBe('SPREADSHEET');
    expect(accounts.getDeveloperMetadata().map((m: { getKey(): string }) => m.getKey())).toEqual([
      'rl.sheet',
    ]);
    ss.deleteSheet(accounts);
    expect(find()).toHaveLength(0);
    expect(() => found[0].getValue()).toThrow(/not found/);
  });

  it('updates and removes a mark, and refuses more than 30,000 characters on one sheet', () => {
    const { ss } = spreadsheet();
    const usage = ss.getSheetByName('Usage');
    usage.addDeveloperMetadata('k', 'v1');
    const [mark] = usage.getDeveloperMetadata();
    mark.setValue('v2');
    expect(usage.getDeveloperMetadata()[0].getValue()).toBe('v2');
    mark.remove();
    expect(usage.getDeveloperMetadata()).toHaveLength(0);
    expect(() => usage.addDeveloperMetadata('big', 'x'.repeat(30_001))).toThrow(/30000/);
  });
});

describe('spreadsheet locale', () => {
  it('is en_US unless set, and takes a language_COUNTRY code', () => {
    const { ss } = spreadsheet();
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    ss.setSpreadsheetLocale('de_DE');
    expect(ss.getSpreadsheetLocale()).toBe('de_DE');
    expect(() => ss.setSpreadsheetLocale('German')).toThrow(/locale/);
  });
});

describe('a dropdown that rejects input', () => {
  it('fails the whole setValues on a value not in its list, naming the cell; blanks and listed values pass', () => {
    const { rt, SpreadsheetApp, ss } = spreadsheet();
    const sheet = ss.getSheetByName('Accounts');
    sheet
      .getRange('B2:B100')
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(['Kickoff', 'QBR'], true)
          .setAllowInvalid(false)
          .build(),
      );
    expect(() =>
      sheet.getRange('A2:B3').setValues([
        ['A-1', 'QBR'],
        ['A-2', 'Renewal'],
      ]),
    ).toThrow(
      'The data you entered in cell B3 violates the data validation rules set on this cell. Please enter one of the following values: Kickoff, QBR.',
    );
    expect(rt.values('Accounts')).toEqual([['Account ID', 'Check']]);
    sheet.getRange('A2:B3').setValues([
      ['A-1', "'QBR"],
      ['A-2', ''],
    ]);
    expect(rt.values('Accounts')).toEqual([
      ['Account ID', 'Check'],
      ['A-1', 'QBR'],
      ['A-2', ''],
    ]);
    // "Show a warning" (allowInvalid) keeps the value.
    sheet
      .getRange('B2:B100')
      .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Kickoff'], true).build());
    sheet.getRange('B2').setValue('Renewal');
    expect(rt.values('Accounts')[1][1]).toBe('Renewal');
  });
});
