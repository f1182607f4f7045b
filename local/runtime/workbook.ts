// The in-memory workbook behind Spreadsheet: its sheets, the user's selection, sheet ids, and the one place that
// hands the script its Spreadsheet, Sheet and Range objects (so each model has one exposed object).
import { MS_PER_DAY, type MetadataRecord, OUTSIDE_GRID, SheetModel } from './sheetModel';
import { dateOfDay, wallClockFields } from '../../src/core/dates';
import { isDate } from './realm';
import { parseA1 } from './a1';
import type { RangeBridge } from './builders';
import type { CellsMoved, ServiceKit } from './calls';

export interface ActiveSelection {
  sheet: SheetModel;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * The classes behind the Spreadsheet, Sheet and Range objects the workbook hands out (spreadsheet.ts, sheet.ts,
 * range.ts). They are given to the workbook by the runtime (index.ts) rather than imported here: each of them holds
 * the workbook, so importing them would close an import circle.
 */
export interface WorkbookApis {
  readonly Spreadsheet: new (book: WorkbookModel) => object;
  readonly Sheet: new (book: WorkbookModel, model: SheetModel) => object;
  readonly Range: new (
    book: WorkbookModel,
    sheet: SheetModel,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ) => Readonly<ActiveSelection>;
  /** Counts the cells a Range call moves, for the call log. */
  readonly rangeCellsMoved: CellsMoved;
}

export class WorkbookModel implements RangeBridge {
  readonly sheets: SheetModel[] = [];
  active: ActiveSelection | null = null;
  /** Bumped by every change to any sheet's cells or grid: formula results computed at another version are stale. */
  version = 0;
  /** Computes formula cells when their sheet is read (formulas.ts); null until the runtime sets it. */
  evaluator: { refresh(sheet: SheetModel): void } | null = null;
  private nextSheetId = 0;
  private readonly sheetApis = new WeakMap<SheetModel, unknown>();
  private spreadsheetApi: unknown = null;
  private readonly midnights = new Map<number, number>();
  /** Developer metadata on the spreadsheet itself (a sheet's own lives on its model). */
  readonly spreadsheetMetadata: MetadataRecord[] = [];
  private metadataIds = 0;
  /** Spreadsheet.getSpreadsheetLocale(): 'en_US', 'de_DE', … (File › Settings › Locale). */
  locale = 'en_US';

  constructor(
    readonly kit: ServiceKit,
    readonly id: string,
    public name: string,
    public timeZone: string,
    readonly toasts: string[],
    readonly owner: () => string,
    private readonly apis: WorkbookApis,
  ) {}

  /**
   * At which midnight Sheets hands a date cell to the script (getValues, and a custom function's arguments): null,
   * its wall clock in the spreadsheet's zone (the runtime's default); a zone name, the same wall clock in that zone
   * (the script's). Google's custom-function guide only says the function "needs to compensate" when the zones
   * differ (https://developers.google.com/apps-script/guides/sheets/functions#dates).
   */
  handOffZone: string | null = null;

  /** A cell value, or rows of them, as the script receives it: Dates re-read at the hand-off zone's wall clock. */
  handOut<T>(value: T): T {
    const zone = this.handOffZone;
    if (zone === null || zone === this.timeZone) return value;
    const one = (v: unknown): unknown => {
      if (!isDate(v)) return v;
      const ms = v.getTime();
      if (Number.isNaN(ms)) return v;
      const w = wallClockFields(ms, this.timeZone);
      const day = Math.floor(Date.UTC(w.year, w.month - 1, w.day) / MS_PER_DAY);
      const within = ((w.hour * 60 + w.minute) * 60 + w.second) * 1000 + (((ms % 1000) + 1000) % 1000);
      return this.kit.realm.date(dateOfDay(day, zone).getTime() + within);
    };
    if (Array.isArray(value)) {
      for (const row of value) {
        if (Array.isArray(row)) for (let j = 0; j < row.length; j++) row[j] = one(row[j]);
      }
      return value;
    }
    return one(value) as T;
  }

  setTimeZone(tz: string): void {
    this.timeZone = tz;
    this.midnights.clear();
  }

  /** Midnight in the spreadsheet's zone of the calendar day whose UTC midnight is `utcMidnight`; memoised. */
  zonedMidnight(utcMidnight: number): number {
    let ms = this.midnights.get(utcMidnight);
    if (ms === undefined) {
      ms = dateOfDay(utcMidnight / MS_PER_DAY, this.timeZone).getTime();
      this.midnights.set(utcMidnight, ms);
    }
    return ms;
  }

  /** Metadata ids are unique across the spreadsheet, as DeveloperMetadata.getId() promises. */
  nextMetadataId(): number {
    this.metadataIds += 1;
    return 1_000 + this.metadataIds * 37;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, index?: number, maxRows = 1000, maxColumns = 26): SheetModel {
    if (this.sheet(name)) {
      throw this.kit.realm.error(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    // The first sheet of a new spreadsheet has gid 0; later ones get large ids, as in Sheets.
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId++;
    const model = new SheetModel(this, name, id, maxRows, maxColumns);
    this.version++;
    if (index === undefined || index >= this.sheets.length) this.sheets.push(model);
    else this.sheets.splice(Math.max(0, index), 0, model);
    return model;
  }

  /** Test setup: replaces a sheet's cells (creating the sheet), growing the grid to fit. */
  load(name: string, rows: readonly (readonly unknown[])[]): SheetModel {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    let model = this.sheet(name);
    if (!model) model = this.addSheet(name, undefined, Math.max(1000, rows.length), Math.max(26, width));
    this.version++;
    model.rows = [];
    model.width = 0;
    model.formulas.clear();
    model.maxRows = Math.max(model.maxRows, rows.length);
    model.maxColumns = Math.max(model.maxColumns, width);
    const padded = rows.map((r) =>
      r.length === width ? r : [...r, ...new Array<string>(width - r.length).fill('')],
    );
    if (padded.length > 0 && width > 0) model.write(0, 0, padded, 'setup');
    model.lastRow();
    return model;
  }

  setActive(sheet: SheetModel, row = 1, column = 1, numRows = 1, numColumns = 1): void {
    this.active = { sheet, row, column, numRows, numColumns };
  }

  activeSelection(): ActiveSelection {
    if (this.active && this.sheets.includes(this.active.sheet)) return this.active;
    return { sheet: this.sheets[0], row: 1, column: 1, numRows: 1, numColumns: 1 };
  }

  spreadsheet(): unknown {
    this.spreadsheetApi ??= this.kit.exposer.expose('Spreadsheet', new this.apis.Spreadsheet(this));
    return this.spreadsheetApi;
  }

  sheetApi(model: SheetModel): unknown {
    let api = this.sheetApis.get(model);
    if (!api) {
      api = this.kit.exposer.expose('Sheet', new this.apis.Sheet(this, model));
      this.sheetApis.set(model, api);
    }
    return api;
  }

  rangeApi(model: SheetModel, row: number, column: number, numRows: number, numColumns: number): unknown {
    return this.kit.exposer.expose(
      'Range',
      new this.apis.Range(this, model, row, column, numRows, numColumns),
      {},
      this.apis.rangeCellsMoved,
    );
  }

  /** A Range from A1 notation on a given sheet (or the sheet it names); Sheets' errors when it cannot be. */
  rangeByA1(a1: unknown, defaultSheet: SheetModel | null): unknown {
    if (typeof a1 !== 'string') throw this.kit.realm.error('Range not found');
    const ref = parseA1(a1);
    if (!ref) throw this.kit.realm.error('Range not found');
    const model = ref.sheet !== null ? this.sheet(ref.sheet) : defaultSheet;
    if (!model) throw this.kit.realm.error('Range not found');
    const lastRow = ref.lastRow ?? model.maxRows;
    const lastColumn = ref.lastColumn ?? model.maxColumns;
    if (lastRow > model.maxRows || lastColumn > model.maxColumns) throw this.kit.realm.error(OUTSIDE_GRID);
    return this.rangeApi(model, ref.row, ref.column, lastRow - ref.row + 1, lastColumn - ref.column + 1);
  }

  /** The cells behind a Range the script passes back, or undefined when the value is not a Range. */
  rangeOf(value: unknown): Readonly<ActiveSelection> | undefined {
    return this.kit.exposer.unwrap(value, this.apis.Range);
  }

  label(value: unknown): string | null {
    const r = this.rangeOf(value);
    return r ? r.sheet.label(r.row - 1, r.column - 1, r.numRows, r.numColumns) : null;
  }

  range(label: string): unknown {
    return this.rangeByA1(label, null);
  }

  /** A row or column position inside the grid and a count of at least one, for inserting and deleting. */
  positionArgs(method: string, position: unknown, howMany: unknown, limit: number): [number, number] {
    if (typeof position !== 'number' || typeof howMany !== 'number' || !Number.isFinite(position + howMany)) {
      const types = [position, howMany].map((a) =>
        typeof a === 'number' ? 'number' : a == null ? 'null' : 'String',
      );
      throw this.kit.realm.error(
        `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
      );
    }
    const at = Math.trunc(position);
    const n = Math.trunc(howMany);
    if (at < 1 || at > limit) throw this.kit.realm.error(OUTSIDE_GRID);
    if (n < 1)
      throw this.kit.realm.error(`Those ${method.includes('Row') ? 'rows' : 'columns'} are out of bounds.`);
    return [at, n];
  }

  /** Checks row/column arguments the way Apps Script does and returns them as integers. */
  gridArgs(method: string, args: readonly unknown[], model: SheetModel): [number, number, number, number] {
    const bad = args.some((a) => typeof a !== 'number' || !Number.isFinite(a));
    if (bad) {
      const types = args.map((a) =>
        a === null || a === undefined ? 'null' : typeof a === 'number' ? 'number' : 'String',
      );
      throw this.kit.realm.error(
        `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
      );
    }
    const [row, column, numRows = 1, numColumns = 1] = (args as number[]).map((n) => Math.trunc(n));
    if (row < 1) throw this.kit.realm.error('The starting row of the range is too small.');
    if (column < 1) throw this.kit.realm.error('The starting column of the range is too small.');
    if (numRows < 1) throw this.kit.realm.error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.kit.realm.error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > model.maxRows || column + numColumns - 1 > model.maxColumns) {
      throw this.kit.realm.error(OUTSIDE_GRID);
    }
    return [row, column, numRows, numColumns];
  }
}
