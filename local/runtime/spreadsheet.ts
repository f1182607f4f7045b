// SpreadsheetApp and Spreadsheet over the in-memory workbook, with the enums the script reads off SpreadsheetApp.
import type { WorkbookModel } from './workbook';
import { SheetApi } from './sheet';
import {
  addMetadata,
  DEVELOPER_METADATA_LOCATION_TYPE,
  DEVELOPER_METADATA_VISIBILITY,
  DeveloperMetadataFinderApi,
  exposeMetadata,
} from './developerMetadata';
import {
  DATA_VALIDATION_CRITERIA,
  newConditionalFormatRuleBuilder,
  newDataValidationBuilder,
} from './builders';

function enumOf(names: readonly string[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
}

export const SPREADSHEET_APP_ENUMS: Record<string, unknown> = {
  DataValidationCriteria: DATA_VALIDATION_CRITERIA,
  BorderStyle: enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']),
  WrapStrategy: enumOf(['WRAP', 'OVERFLOW', 'CLIP']),
  ProtectionType: enumOf(['RANGE', 'SHEET']),
  Dimension: enumOf(['COLUMNS', 'ROWS']),
  InterpolationType: enumOf(['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX']),
  BooleanCriteria: enumOf([
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_EQUAL_TO',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_LESS_THAN',
    'TEXT_CONTAINS',
    'TEXT_EQUAL_TO',
    'CUSTOM_FORMULA',
  ]),
  SheetType: enumOf(['GRID', 'OBJECT', 'DATASOURCE']),
  DeveloperMetadataLocationType: DEVELOPER_METADATA_LOCATION_TYPE,
  DeveloperMetadataVisibility: DEVELOPER_METADATA_VISIBILITY,
};

/** The spreadsheets one user has the add-on in, and which one (if any) this execution runs in. */
export interface WorkbookSource {
  /** The spreadsheet of this execution, or null (a time-driven run with no containing document). */
  active(): WorkbookModel | null;
  byId(id: string): WorkbookModel | null;
  /** When set, openById throws this message (a scope that does not allow it). */
  openByIdRefusal(): string | null;
  /** An Error of the script's realm. */
  error(message: string): Error;
}

export class SpreadsheetAppApi {
  constructor(
    private readonly source: WorkbookSource,
    private readonly ui: () => unknown,
  ) {}

  /** The execution's spreadsheet; methods that need one throw as Apps Script does without it. */
  private get book(): WorkbookModel {
    const book = this.source.active();
    if (!book) throw this.source.error('Please select an active sheet first.');
    return book;
  }

  getActive(): unknown {
    return this.source.active()?.spreadsheet() ?? null;
  }

  getActiveSpreadsheet(): unknown {
    return this.source.active()?.spreadsheet() ?? null;
  }

  openById(id: unknown): unknown {
    const refusal = this.source.openByIdRefusal();
    if (refusal !== null) throw this.source.error(refusal);
    const book = this.source.byId(String(id));
    if (!book) {
      throw this.source.error(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return book.spreadsheet();
  }

  openByUrl(url: unknown): unknown {
    const id = /\/d\/([^/]+)/.exec(String(url))?.[1] ?? '';
    return this.openById(id);
  }

  getActiveSheet(): unknown {
    return this.book.sheetApi(this.book.activeSelection().sheet);
  }

  getActiveRange(): unknown {
    const a = this.book.activeSelection();
    return this.book.rangeApi(a.sheet, a.row, a.column, a.numRows, a.numColumns);
  }

  getUi(): unknown {
    return this.ui();
  }

  /** Writes are applied at once in the runtime, so there is nothing pending. */
  flush(): void {}

  newDataValidation(): unknown {
    return newDataValidationBuilder(this.book.kit);
  }

  newConditionalFormatRule(): unknown {
    return newConditionalFormatRuleBuilder(this.book.kit, this.book);
  }
}

export class SpreadsheetApi {
  constructor(private readonly book: WorkbookModel) {}

  private get realm() {
    return this.book.kit.realm;
  }

  getId(): string {
    return this.book.id;
  }

  getUrl(): string {
    return this.book.url;
  }

  getName(): string {
    return this.book.name;
  }

  rename(name: unknown): void {
    this.book.name = String(name);
  }

  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }

  setSpreadsheetTimeZone(tz: unknown): void {
    this.book.setTimeZone(String(tz));
  }

  /**
   * The spreadsheet's locale, which decides how Sheets reads typed numbers and dates: 'en_US', 'de_DE', or a bare
   * language such as 'fil' (SpreadsheetProperties.locale,
   * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets#SpreadsheetProperties).
   */
  getSpreadsheetLocale(): string {
    return this.book.locale;
  }

  setSpreadsheetLocale(locale: unknown): void {
    const text = String(locale ?? '');
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(text)) throw this.realm.error(`Invalid argument: locale`);
    this.book.locale = text;
  }

  addDeveloperMetadata(...args: unknown[]): unknown {
    addMetadata(this.book, null, args);
    return this.book.spreadsheet();
  }

  getDeveloperMetadata(): unknown[] {
    return exposeMetadata(this.book, this.book.spreadsheetMetadata);
  }

  createDeveloperMetadataFinder(): unknown {
    return this.book.kit.exposer.expose(
      'DeveloperMetadataFinder',
      new DeveloperMetadataFinderApi(this.book, null),
    );
  }

  getOwner(): unknown {
    const email = this.book.owner();
    return this.book.kit.exposer.expose('User', { getEmail: () => email });
  }

  getSheetByName(name: unknown): unknown {
    const model = this.book.sheet(String(name));
    return model ? this.book.sheetApi(model) : null;
  }

  getSheetById(id: unknown): unknown {
    const model = this.book.sheets.find((s) => s.id === id);
    return model ? this.book.sheetApi(model) : null;
  }

  getSheets(): unknown[] {
    return this.realm.toRealm(this.book.sheets.map((s) => this.book.sheetApi(s))) as unknown[];
  }

  getNumSheets(): number {
    return this.book.sheets.length;
  }

  insertSheet(a?: unknown, b?: unknown): unknown {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this.book.sheets.length + 1;
      while (this.book.sheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const model = this.book.addSheet(name, index);
    this.book.setActive(model);
    return this.book.sheetApi(model);
  }

  deleteSheet(sheet: unknown): void {
    const api = this.book.kit.exposer.unwrap(sheet, SheetApi);
    if (!api) throw this.realm.error('Invalid argument: sheet');
    if (this.book.sheets.length === 1)
      throw this.realm.error("You can't remove all the sheets in a document.");
    this.book.sheets.splice(this.book.sheets.indexOf(api.model), 1);
  }

  getActiveSheet(): unknown {
    return this.book.sheetApi(this.book.activeSelection().sheet);
  }

  setActiveSheet(sheet: unknown): unknown {
    const api = this.book.kit.exposer.unwrap(sheet, SheetApi);
    if (!api) throw this.realm.error('Invalid argument: sheet');
    this.book.setActive(api.model);
    return sheet;
  }

  getActiveRange(): unknown {
    const a = this.book.activeSelection();
    return this.book.rangeApi(a.sheet, a.row, a.column, a.numRows, a.numColumns);
  }

  getActiveCell(): unknown {
    const a = this.book.activeSelection();
    return this.book.rangeApi(a.sheet, a.row, a.column, 1, 1);
  }

  setActiveRange(range: unknown): unknown {
    const r = this.book.rangeOf(range);
    if (!r) throw this.realm.error('Invalid argument: range');
    this.book.setActive(r.sheet, r.row, r.column, r.numRows, r.numColumns);
    return range;
  }

  setActiveSelection(range: unknown): unknown {
    if (typeof range === 'string')
      return this.setActiveRange(this.book.rangeByA1(range, this.book.activeSelection().sheet));
    return this.setActiveRange(range);
  }

  getSelection(): unknown {
    const book = this.book;
    return book.kit.exposer.expose('Selection', {
      getActiveRange: () => this.getActiveRange(),
      getCurrentCell: () => this.getActiveCell(),
      getActiveSheet: () => book.sheetApi(book.activeSelection().sheet),
    });
  }

  getRange(a1: unknown): unknown {
    return this.book.rangeByA1(a1, this.book.activeSelection().sheet);
  }

  getRangeByName(): null {
    return null;
  }

  toast(message: unknown): void {
    this.book.toasts.push(String(message));
  }
}
