// The Reminder ledger: the add-on's own hidden sheet recording each digest as it goes out, and the settings a run without document properties reads.
import { dayFromIso } from '../../core/dates';
import { type RecordedSend, recordHash } from '../core/ledgerCheck';
import type { SentKeys } from '../core/types';
import type { Day } from '../../core/types';
import { createOwnSheet, findOwnSheet } from '../../gas/sheetFinder';
import { asText } from '../../gas/writes';

/**
 * Why a sheet of our own and not the `Reminder log`: the log is for people. They sort it, reorder its columns,
 * format it as plain text, clear its date formats and delete rows, and every one of those re-sent the day's
 * digests when de-duplication read the log back. The ledger is created by the add-on, hidden, formatted as
 * plain text, read at fixed positions, and no reader of the product needs to touch it. Document properties
 * were the other candidate, but they hold 500 kB in all and 9 kB per value (too small for the item keys of a
 * 10,000-account book) and a time-driven add-on run may not get them at all (docs/rules.md §6).
 */
export const LEDGER_SHEET = 'Reminder ledger';
/** The ledger's mark (docs/rules.md §9): a team tab that happens to be called `Reminder ledger` is never read or written. */
const LEDGER_MARK_KEY = 'resultsLadder.reminderLedger';
const HEADER = ['Kind', 'Day', 'Recipient', 'Keys', 'Run'] as const;
const WIDTH = HEADER.length;
/** Row 2 holds the state row; records follow. */
const STATE_ROW = 2;
/** Records older than the window are deleted in one call once there are this many. */
const PRUNE_AT = 2_000;

export type LedgerKind = 'state' | 'sent' | 'failed' | 'end';

export interface LedgerRecord {
  /** 1-based sheet row. */
  readonly row: number;
  readonly kind: LedgerKind;
  readonly day: Day | null;
  readonly recipient: string;
  readonly keys: readonly string[];
  readonly run: string;
}

export interface Ledger {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  readonly records: readonly LedgerRecord[];
  /** The stored state (settings and reminder ownership as JSON), '' when none. */
  readonly state: string;
  /** The last used row. */
  readonly lastRow: number;
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KINDS: readonly string[] = ['state', 'sent', 'failed', 'end'];

/**
 * A cell as the text that was written. Every ledger write goes through asText (src/gas/writes.ts), which puts
 * Sheets' quote prefix before text Sheets would read as a date, number or formula ('2026-11-24', '=…'). Whether
 * Sheets strips that apostrophe on a cell formatted as plain text is not documented (docs/platform.md), so a
 * read takes back a prefix asText would have added: either answer reads the same text, and the same checksum.
 */
function text(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  const unquoted = s.startsWith("'") && asText(s.slice(1)) === s ? s.slice(1) : s;
  return unquoted.trim();
}

/** A digest's record as it reads back: recipient lower-case, keys one per line without blanks, all trimmed. */
function recordOf(kind: RecordedSend['kind'], recipient: unknown, keys: unknown, run: unknown): RecordedSend {
  return {
    kind,
    recipient: text(recipient).toLowerCase(),
    keys: text(keys)
      .split('\n')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
    run: text(run),
  };
}

function dayOfCell(v: unknown, dayOf: (d: Date) => Day | null): Day | null {
  if (
    v instanceof Date ||
    (v !== null && typeof v === 'object' && typeof (v as Date).getTime === 'function')
  ) {
    return dayOf(v as Date);
  }
  return dayFromIso(text(v));
}

/** The add-on's ledger, by its mark only. */
export function findLedgerSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return findOwnSheet(ss, LEDGER_MARK_KEY);
}

/** Reads the whole ledger with one getValues. Rows that do not parse are ignored (they cannot re-send). */
export function readLedger(ss: Spreadsheet, dayOf: (d: Date) => Day | null): Ledger {
  const sheet = findLedgerSheet(ss);
  if (!sheet) return { sheet: null, records: [], state: '', lastRow: 0 };
  const values = sheet.getDataRange().getValues();
  const records: LedgerRecord[] = [];
  let state = '';
  let lastRow = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (row.some((v) => text(v) !== '')) lastRow = r + 1;
    if (r === 0) continue;
    const kind = text(row[0]).toLowerCase();
    if (!KINDS.includes(kind)) continue;
    if (kind === 'state') {
      state = text(row[3]);
      continue;
    }
    const { recipient, keys, run } = recordOf('sent', row[2], row[3], row[4]);
    records.push({
      row: r + 1,
      kind: kind as LedgerKind,
      day: dayOfCell(row[1], dayOf),
      recipient,
      keys,
      run,
    });
  }
  return { sheet, records, state, lastRow: Math.max(lastRow, values.length > 0 ? 1 : 0) };
}

/**
 * recipient → item key → the last day it went out, from `sent` records on or after `sinceDay`. A digest is
 * recorded BEFORE its send (see LedgerWriter), so a record whose send then failed is turned into `failed`.
 */
export function sentKeysOf(ledger: Ledger, sinceDay: Day): SentKeys {
  const sent = new Map<string, Map<string, Day>>();
  for (const r of ledger.records) {
    if (r.kind !== 'sent' || r.day === null || r.day < sinceDay) continue;
    let keys = sent.get(r.recipient);
    if (!keys) {
      keys = new Map();
      sent.set(r.recipient, keys);
    }
    // The digest itself counts as sent that day even when all its items were held back by the size cap.
    keys.set(`digest/${r.recipient}`, Math.max(keys.get(`digest/${r.recipient}`) ?? r.day, r.day));
    for (const k of r.keys) {
      const prev = keys.get(k);
      if (prev === undefined || r.day > prev) keys.set(k, r.day);
    }
  }
  return sent;
}

/** The hashes of the digests recorded on `day` (sent, or whose send failed), in row order: what the witness counts. */
export function recordHashesOf(ledger: Ledger, day: Day): number[] {
  const out: number[] = [];
  for (const r of ledger.records) {
    if ((r.kind === 'sent' || r.kind === 'failed') && r.day === day)
      out.push(recordHash({ ...r, kind: r.kind }));
  }
  return out;
}

/** Runs that recorded digests but never their end: stopped by Apps Script (6-minute limit) or a crash. */
export function unfinishedRuns(ledger: Ledger, sinceDay: Day): { run: string; last: string }[] {
  const ended = new Set(ledger.records.filter((r) => r.kind === 'end').map((r) => r.run));
  const open = new Map<string, string>();
  for (const r of ledger.records) {
    if (r.kind === 'sent' && r.run && !ended.has(r.run) && r.day !== null && r.day >= sinceDay) {
      open.set(r.run, r.recipient);
    }
  }
  return [...open].map(([run, last]) => ({ run, last }));
}

/** Creates the hidden, plain-text ledger sheet with its header. */
function createLedger(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  // insertSheet makes the new sheet the active one: the person keeps the sheet they were looking at.
  let before: GoogleAppsScript.Spreadsheet.Range | null = null;
  try {
    before = ss.getActiveRange();
  } catch {
    before = null;
  }
  const sheet = createOwnSheet(ss, LEDGER_MARK_KEY, LEDGER_SHEET, 'Results reminder ledger');
  if (before) ss.setActiveRange(before);
  // Plain text everywhere: Sheets would otherwise turn '2026-11-24' into a date and '=…' keys into formulas.
  sheet.getRange(1, 1, sheet.getMaxRows(), WIDTH).setNumberFormat('@');
  sheet.getRange(1, 1, 1, WIDTH).setValues([HEADER.map(asText)]);
  sheet.hideSheet();
  return sheet;
}

/**
 * Appends ledger rows as a run goes, one setValues per digest (never per account), and writes the state row.
 * It knows where the ledger ends from the run's one read, so appending costs no extra reads.
 */
export class LedgerWriter {
  private sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  private lastRow: number;
  private maxRows = 0;
  private sheetId: number | null = null;

  constructor(
    private readonly ss: Spreadsheet,
    ledger: Ledger,
  ) {
    this.sheet = ledger.sheet;
    this.lastRow = ledger.lastRow;
  }

  private ensure(): GoogleAppsScript.Spreadsheet.Sheet {
    if (!this.sheet) {
      this.sheet = createLedger(this.ss);
      this.lastRow = 1;
    }
    if (this.lastRow < STATE_ROW) {
      // Records start below the state row, which may still be empty.
      this.lastRow = STATE_ROW;
    }
    return this.sheet;
  }

  private append(row: readonly string[]): number {
    const sheet = this.ensure();
    if (this.maxRows === 0) this.maxRows = sheet.getMaxRows();
    if (this.lastRow + 1 > this.maxRows) {
      // Grow in large steps: one insert covers hundreds of digests.
      sheet.insertRowsAfter(this.maxRows, 500);
      sheet.getRange(this.maxRows + 1, 1, 500, WIDTH).setNumberFormat('@');
      this.maxRows += 500;
    }
    this.lastRow++;
    // Through the one text guard: keys and recipients carry people's text ('+1-555', '=…'), days read as dates.
    sheet.getRange(this.lastRow, 1, 1, WIDTH).setValues([row.map(asText)]);
    return this.lastRow;
  }

  /** The ledger sheet's ID, once it exists (it is created by the first record of a run that found none). */
  get ledgerId(): number | null {
    if (!this.sheet) return null;
    if (this.sheetId === null) this.sheetId = this.sheet.getSheetId();
    return this.sheetId;
  }

  /**
   * Records a digest to `recipient` as sent, before the send. Returns the row to mark failed if it throws, and the
   * record's hash as it will read back (for the witness).
   */
  recordSending(
    day: string,
    recipient: string,
    keys: readonly string[],
    run: string,
  ): { row: number; hash: number } {
    const keysText = keys.join('\n');
    const row = this.append(['sent', day, recipient, keysText, run]);
    return { row, hash: recordHash(recordOf('sent', recipient, keysText, run)) };
  }

  /** The send threw: the digest did not go, so it must not count as sent. Returns the record's new hash. */
  markFailed(sending: { row: number }, recipient: string, keys: readonly string[], run: string): number {
    this.ensure().getRange(sending.row, 1).setValue(asText('failed'));
    return recordHash(recordOf('failed', recipient, keys.join('\n'), run));
  }

  /** The run finished: digests it recorded are certain, not possibly interrupted. */
  recordEnd(day: string, run: string): void {
    this.append(['end', day, '', '', run]);
  }

  /** Stores the state row (the settings a run without document properties reads). */
  writeState(json: string, day: string): void {
    const sheet = this.ensure();
    sheet.getRange(STATE_ROW, 1, 1, WIDTH).setValues([['state', day, '', json, ''].map(asText)]);
  }

  /** Deletes records from before `sinceDay` once there are many; rows are appended in day order. */
  prune(ledger: Ledger, sinceDay: Day): number {
    if (!this.sheet) return 0;
    let old = 0;
    for (const r of ledger.records) {
      if (r.day !== null && r.day < sinceDay && r.row === STATE_ROW + 1 + old) old++;
      else break;
    }
    if (old < PRUNE_AT) return 0;
    this.sheet.deleteRows(STATE_ROW + 1, old);
    this.lastRow -= old;
    return old;
  }
}
