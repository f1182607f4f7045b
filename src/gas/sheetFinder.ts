// Finds the workbook's sheets (docs/rules.md §9): by the add-on's mark (sheet developer metadata) first, by name second for
// the team's data sheets only; creates and marks the add-on's own output sheets beside any same-named tab.
import { columnsOf } from '../sheets/columns';
import { type DataSheetKey, HEADERS, normalizeHeader, SHEET, type SheetKey } from '../sheets/layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The mark's key. Its value is `<sheet key>@<sheet id>`. Google's reference does not say whether duplicating a tab
 * (or copying it to another file) carries its developer metadata along; taking the harsher case, a mark whose id is
 * not its own sheet's is a copy's and is ignored, so a backup copy of Accounts never competes with the original.
 * Developer metadata: https://developers.google.com/apps-script/reference/spreadsheet/sheet#addDeveloperMetadata(String,String)
 * and the finder: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder —
 * visibility DOCUMENT (the default), so a bound copy of the script finds the marks the add-on set.
 */
export const SHEET_MARK_KEY = 'resultsLadder.sheet';

/** The team's sheets: adopted by name, never cleared or rewritten. */
export const DATA_SHEETS: readonly SheetKey[] = ['segments', 'accounts', 'usage', 'results', 'checks'];

/** The add-on's sheets: never adopted by name alone. */
export const OUTPUT_SHEETS: readonly SheetKey[] = ['ladder', 'dashboard', 'history', 'reminderLog'];

/** Where the add-on's own sheet goes when the team already has a tab of its name. */
const OWN_NAMES: Readonly<Record<SheetKey, string>> = {
  segments: SHEET.segments,
  accounts: SHEET.accounts,
  usage: SHEET.usage,
  results: SHEET.results,
  checks: SHEET.checks,
  ladder: 'Results ladder',
  dashboard: 'Results dashboard',
  history: 'Results ladder history',
  reminderLog: 'Results reminder log',
};

const isDataSheet = (key: SheetKey) => DATA_SHEETS.includes(key);

/** The data sheets whose rows the rules read (Segments has built-in defaults). */
const RULE_DATA_SHEETS: readonly SheetKey[] = ['accounts', 'usage', 'results', 'checks'];

/** A sheet a run needs and cannot find: the message names it and says what to do. */
export class MissingSheetError extends Error {
  readonly sheetKey: SheetKey;
  constructor(key: SheetKey) {
    super(
      `Results Ladder cannot find the '${SHEET[key]}' sheet: it was deleted, or renamed before Set up workbook marked it. ` +
        `Rename it back to '${SHEET[key]}' (or run Results Ladder › Set up workbook to create it). Nothing was written.`,
    );
    this.name = 'MissingSheetError';
    this.sheetKey = key;
  }
}

/** Whether this one sheet carries the mark of `key` (a cheap check of one sheet, for the selection poll). */
export function isMarkedAs(sheet: Sheet, key: SheetKey): boolean {
  const wanted = markValue(key, sheet);
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === SHEET_MARK_KEY && m.getValue() === wanted);
}

function markValue(key: SheetKey, sheet: Sheet): string {
  return `${key}@${sheet.getSheetId()}`;
}

/**
 * The sheets of one spreadsheet as this execution sees them. Reads every mark with one finder call (plus a few calls
 * per marked sheet, never per row), then answers lookups from memory; marks it adds are remembered.
 */
export class SheetFinder {
  private readonly marked = new Map<SheetKey, Sheet>();
  private readonly markedIds = new Set<number>();

  /**
   * The finder of this execution: the marks are read once per execution however many places look a sheet up (Apps
   * Script evaluates the script afresh for every execution, so nothing outlives it).
   */
  static of(ss: Spreadsheet): SheetFinder {
    const id = ss.getId();
    let finder = finders.get(id);
    if (!finder) {
      finder = new SheetFinder(ss);
      finders.set(id, finder);
    }
    return finder;
  }

  private constructor(private readonly ss: Spreadsheet) {
    const marks = ss
      .createDeveloperMetadataFinder()
      .withKey(SHEET_MARK_KEY)
      .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
      .find();
    for (const mark of marks) {
      const [key, id] = String(mark.getValue() ?? '').split('@');
      if (!(key in SHEET)) continue;
      const sheet = mark.getLocation().getSheet();
      const sheetId = sheet ? sheet.getSheetId() : null;
      if (!sheet || String(sheetId) !== id) continue;
      if (!this.marked.has(key as SheetKey)) this.marked.set(key as SheetKey, sheet);
      this.markedIds.add(sheetId as number);
    }
  }

  /** Whether setup has run here: only setup marks data sheets, and it creates every one of them. */
  get isSetUp(): boolean {
    return DATA_SHEETS.some((key) => this.marked.has(key));
  }

  /**
   * The data sheets a run that assesses the book cannot do without: Accounts always; once the book is set up, every
   * data sheet (a missing Usage or Results would make every account look idle or unproven, and that is then written
   * into Ladder history for good). Before setup a missing Usage, Results or Checks reads as empty and Segments as the
   * defaults — unless another tab holds that sheet's header row: then it was renamed before setup could mark it, and
   * reading the book without it would write fake history and mail fake Red escalations, so it is required too.
   */
  isRequired(key: SheetKey): boolean {
    if (key === 'accounts' || (this.isSetUp && isDataSheet(key))) return true;
    return RULE_DATA_SHEETS.includes(key) && this.renamedBeforeSetup(key);
  }

  private renamedTabs: Map<SheetKey, boolean> | null = null;

  /**
   * Whether a tab other than the data sheets by name holds `key`'s header row (every required column of it, in any
   * order). Read
   * only before setup and only when `key` has no tab of its name: one header read per other tab, once per execution.
   */
  private renamedBeforeSetup(key: SheetKey): boolean {
    if (this.ss.getSheetByName(SHEET[key])) return false;
    if (!this.renamedTabs) {
      this.renamedTabs = new Map();
      const names = new Set<string>(Object.values(SHEET));
      for (const sheet of this.ss.getSheets()) {
        if (names.has(sheet.getName()) || this.markedIds.has(sheet.getSheetId())) continue;
        const have = new Set(headerOf(sheet).map(normalizeHeader));
        for (const k of RULE_DATA_SHEETS) {
          const required = columnsOf(k as DataSheetKey).filter((c) => !c.optionalColumn);
          if (required.every((c) => have.has(normalizeHeader(c.header)))) this.renamedTabs.set(k, true);
        }
      }
    }
    return this.renamedTabs.get(key) === true;
  }

  /** The sheet by its mark; a data sheet also by its name when unmarked; null when there is none. */
  find(key: SheetKey): Sheet | null {
    const found = this.candidate(key);
    if (!found || found.verified) return found?.sheet ?? null;
    return holdsOwnHeader(key, headerOf(found.sheet)) ? found.sheet : null;
  }

  /**
   * Like find, without reading any cell: an unmarked output tab of the right name comes back unverified, for a caller
   * that reads the sheet anyway to check its header with holdsOwnHeader (one getValues, not two).
   */
  candidate(key: SheetKey): { sheet: Sheet; verified: boolean } | null {
    const byMark = this.marked.get(key);
    if (byMark) return { sheet: byMark, verified: true };
    const byName = this.ss.getSheetByName(SHEET[key]);
    if (!byName || this.markedIds.has(byName.getSheetId())) return null;
    if (isDataSheet(key)) return { sheet: byName, verified: true };
    return LEGACY_OUTPUTS.includes(key) ? { sheet: byName, verified: false } : null;
  }

  /** The sheet, or one clear error naming it. */
  require(key: SheetKey): Sheet {
    const sheet = this.find(key);
    if (!sheet) throw new MissingSheetError(key);
    return sheet;
  }

  /** Marks a sheet as the add-on's `key` sheet (idempotent). */
  mark(key: SheetKey, sheet: Sheet): void {
    if (this.marked.get(key) === sheet) return;
    sheet.addDeveloperMetadata(SHEET_MARK_KEY, markValue(key, sheet));
    this.marked.set(key, sheet);
    this.markedIds.add(sheet.getSheetId());
  }

  /**
   * The add-on's sheet for `key`: found, or created and marked. An output sheet is created beside a same-named tab
   * it did not create, under another name (`Results dashboard`). Returns whether it was created.
   */
  findOrCreate(key: SheetKey, index?: number): { sheet: Sheet; created: boolean } {
    const found = this.find(key);
    if (found) {
      this.mark(key, found);
      return { sheet: found, created: false };
    }
    const sheet = this.ss.insertSheet(this.freeName(key), index ?? this.ss.getNumSheets());
    this.mark(key, sheet);
    return { sheet, created: true };
  }

  private freeName(key: SheetKey): string {
    const taken = new Set(this.ss.getSheets().map((s) => s.getName()));
    if (!taken.has(SHEET[key])) return SHEET[key];
    const base = OWN_NAMES[key];
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base} ${n}`)) n++;
    return `${base} ${n}`;
  }
}

const finders = new Map<string, SheetFinder>();

/** Output sheets a pre-mark version of the add-on created and a current one may adopt by their header. */
const LEGACY_OUTPUTS: readonly SheetKey[] = ['history', 'reminderLog'];

function headerOf(sheet: Sheet): unknown[] {
  const width = sheet.getLastColumn();
  return width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
}

/**
 * Books set up before sheets were marked hold the add-on's `Ladder history` and `Reminder log` unmarked. A tab of that
 * name whose header row carries every one of the add-on's columns (in any order: users may reorder them) is one the
 * add-on wrote, so it is adopted: a new log would forget what was sent today and send it again. `Ladder` and
 * `Dashboard` are never adopted by name (setup recognises its own LADDER formula separately).
 */
export function holdsOwnHeader(key: SheetKey, header: readonly unknown[]): boolean {
  if (!LEGACY_OUTPUTS.includes(key)) return false;
  const have = new Set(header.map(normalizeHeader));
  return HEADERS[key as 'history' | 'reminderLog'].every((h) => have.has(normalizeHeader(h)));
}

/**
 * The add-on's own sheet outside the workbook contract (the hidden `Usage summary`, the `Reminder ledger`): found only
 * by its mark, a sheet developer metadata `markKey` whose value is the sheet's id (a copied tab's mark is ignored).
 */
export function findOwnSheet(ss: Spreadsheet, markKey: string): Sheet | null {
  const marks = ss
    .createDeveloperMetadataFinder()
    .withKey(markKey)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  for (const mark of marks) {
    const sheet = mark.getLocation().getSheet();
    if (sheet && String(sheet.getSheetId()) === String(mark.getValue())) return sheet;
  }
  return null;
}

/**
 * Creates and marks such a sheet: named `name`, or `besideName` (then `besideName 2`, …) when the team already has a
 * tab of that name, which is never written (docs/rules.md §9).
 */
export function createOwnSheet(ss: Spreadsheet, markKey: string, name: string, besideName: string): Sheet {
  const taken = new Set(ss.getSheets().map((t) => t.getName()));
  let free = taken.has(name) ? besideName : name;
  for (let n = 2; taken.has(free); n++) free = `${besideName} ${n}`;
  // insertSheet makes the new sheet the active one: give the selection back, so the person (and the sidebar, which
  // follows the selection) stays on the row they were on when the add-on made its own sheet.
  const selected = ss.getActiveRange();
  const sheet = ss.insertSheet(free);
  sheet.addDeveloperMetadata(markKey, String(sheet.getSheetId()));
  if (selected) selected.activate();
  return sheet;
}
