// Developer metadata on the spreadsheet and its sheets: DeveloperMetadata, its location, and the finder, as in
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata and
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder. A sheet's metadata lives
// on the sheet model, so deleting the sheet deletes it, as in Sheets.
import type { ServiceKit } from './calls';
import type { MetadataRecord, SheetModel } from './sheetModel';

/** SpreadsheetApp.DeveloperMetadataLocationType and DeveloperMetadataVisibility. */
export const DEVELOPER_METADATA_LOCATION_TYPE = Object.freeze({
  SPREADSHEET: 'SPREADSHEET',
  SHEET: 'SHEET',
  ROW: 'ROW',
  COLUMN: 'COLUMN',
});
export const DEVELOPER_METADATA_VISIBILITY = Object.freeze({ DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' });

/**
 * The Sheets API caps developer metadata at 30,000 characters per location (spreadsheet, sheet):
 * https://developers.google.com/workspace/sheets/api/guides/metadata ("Metadata size limits"). The runtime refuses
 * past it, so a product that marks a sheet over and over fails here rather than in a team's sheet.
 */
export const METADATA_CHARS_PER_LOCATION = 30_000;

/** What the metadata API needs from the workbook. */
export interface MetadataHost {
  readonly kit: ServiceKit;
  readonly sheets: readonly SheetModel[];
  readonly spreadsheetMetadata: MetadataRecord[];
  nextMetadataId(): number;
  spreadsheet(): unknown;
  sheetApi(model: SheetModel): unknown;
}

function recordsAt(host: MetadataHost, sheet: SheetModel | null): MetadataRecord[] {
  return sheet ? sheet.metadata : host.spreadsheetMetadata;
}

function charsOf(records: readonly MetadataRecord[]): number {
  return records.reduce((n, r) => n + r.key.length + (r.value?.length ?? 0), 0);
}

/** Spreadsheet.addDeveloperMetadata / Sheet.addDeveloperMetadata: (key), (key, value), (key, visibility), (key, value, visibility). */
export function addMetadata(host: MetadataHost, sheet: SheetModel | null, args: readonly unknown[]): void {
  const realm = host.kit.realm;
  const [key, second, third] = args;
  if (typeof key !== 'string' || key === '') {
    throw realm.error(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.addDeveloperMetadata.",
    );
  }
  let value: string | null = null;
  let visibility = DEVELOPER_METADATA_VISIBILITY.DOCUMENT;
  if (typeof second === 'string' && second in DEVELOPER_METADATA_VISIBILITY && third === undefined) {
    visibility = second as 'DOCUMENT';
  } else if (second !== undefined && second !== null) {
    value = String(second);
    if (typeof third === 'string' && third in DEVELOPER_METADATA_VISIBILITY) visibility = third as 'DOCUMENT';
  }
  const records = recordsAt(host, sheet);
  if (charsOf(records) + key.length + (value?.length ?? 0) > METADATA_CHARS_PER_LOCATION) {
    throw realm.error('Developer metadata for this location exceeds the 30000 character limit.');
  }
  records.push({ id: host.nextMetadataId(), key, value, visibility, sheet });
}

/** The exposed DeveloperMetadata objects for some records. */
export function exposeMetadata(host: MetadataHost, records: readonly MetadataRecord[]): unknown[] {
  return host.kit.realm.toRealm(
    records.map((r) => host.kit.exposer.expose('DeveloperMetadata', new DeveloperMetadataApi(host, r))),
  ) as unknown[];
}

export class DeveloperMetadataApi {
  constructor(
    private readonly host: MetadataHost,
    readonly record: MetadataRecord,
  ) {}

  private live(): MetadataRecord {
    const r = this.record;
    const alive =
      recordsAt(this.host, r.sheet).includes(r) && (!r.sheet || this.host.sheets.includes(r.sheet));
    if (!alive) throw this.host.kit.realm.error('Requested entity was not found.');
    return r;
  }

  getId(): number {
    return this.live().id;
  }

  getKey(): string {
    return this.live().key;
  }

  getValue(): string | null {
    return this.live().value;
  }

  getVisibility(): string {
    return this.live().visibility;
  }

  getLocation(): unknown {
    const r = this.live();
    const host = this.host;
    const type = r.sheet
      ? DEVELOPER_METADATA_LOCATION_TYPE.SHEET
      : DEVELOPER_METADATA_LOCATION_TYPE.SPREADSHEET;
    const notHere = (what: string) => () => {
      throw host.kit.realm.error(`This developer metadata is not associated with a ${what}.`);
    };
    return host.kit.exposer.expose('DeveloperMetadataLocation', {
      getLocationType: () => type,
      getSheet: () => (r.sheet ? host.sheetApi(r.sheet) : null),
      getSpreadsheet: () => (r.sheet ? null : host.spreadsheet()),
      getRow: notHere('row'),
      getColumn: notHere('column'),
    });
  }

  setValue(value: unknown): unknown {
    this.live().value = value === null || value === undefined ? null : String(value);
    return this.host.kit.exposer.expose('DeveloperMetadata', this);
  }

  setKey(key: unknown): unknown {
    if (typeof key !== 'string' || key === '') throw this.host.kit.realm.error('Invalid argument: key');
    this.live().key = key;
    return this.host.kit.exposer.expose('DeveloperMetadata', this);
  }

  remove(): void {
    const r = this.live();
    const records = recordsAt(this.host, r.sheet);
    records.splice(records.indexOf(r), 1);
  }
}

/** Spreadsheet.createDeveloperMetadataFinder(): every filter narrows; find() answers the matches. */
export class DeveloperMetadataFinderApi {
  private key: string | null = null;
  private value: string | null = null;
  private id: number | null = null;
  private locationType: string | null = null;
  private visibility: string | null = null;

  constructor(
    private readonly host: MetadataHost,
    /** null: the whole spreadsheet (its own metadata and every sheet's). */
    private readonly scope: SheetModel | null,
  ) {}

  private self(): unknown {
    return this.host.kit.exposer.expose('DeveloperMetadataFinder', this);
  }

  withKey(key: unknown): unknown {
    this.key = String(key);
    return this.self();
  }

  withValue(value: unknown): unknown {
    this.value = String(value);
    return this.self();
  }

  withId(id: unknown): unknown {
    this.id = Number(id);
    return this.self();
  }

  withLocationType(type: unknown): unknown {
    this.locationType = String(type);
    return this.self();
  }

  withVisibility(visibility: unknown): unknown {
    this.visibility = String(visibility);
    return this.self();
  }

  /** Only meaningful for a range-scoped finder, which the runtime does not model. */
  onIntersectingLocations(): unknown {
    throw this.host.kit.realm.error('onIntersectingLocations is only valid for range-scoped searches.');
  }

  find(): unknown[] {
    const all = this.scope
      ? [...this.scope.metadata]
      : [...this.host.spreadsheetMetadata, ...this.host.sheets.flatMap((s) => s.metadata)];
    const found = all.filter((r) => {
      const type = r.sheet ? 'SHEET' : 'SPREADSHEET';
      return (
        (this.key === null || r.key === this.key) &&
        (this.value === null || r.value === this.value) &&
        (this.id === null || r.id === this.id) &&
        (this.locationType === null || type === this.locationType) &&
        (this.visibility === null || r.visibility === this.visibility)
      );
    });
    return exposeMetadata(this.host, found);
  }
}
