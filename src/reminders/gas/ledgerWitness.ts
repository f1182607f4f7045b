// A witness, outside the Reminder ledger, of how many digests were recorded in it today and their checksum: the
// ledger is a sheet, and a sheet's rows can be cleared, deleted or edited, and the sheet itself deleted. Without
// the witness a rerun the same day would find no record and send every digest again (checked in
// src/reminders/core/ledgerCheck.ts).
import {
  checkLedger,
  checksumOf,
  type LedgerToday,
  type LedgerVerdict,
  readWitness,
  type Witness,
  type WitnessRead,
} from '../core/ledgerCheck';

type Properties = GoogleAppsScript.Properties.Properties;

const PREFIX = 'resultsLadder.ledgerWitness.';

/**
 * Where the witness is kept: the running user's properties (every run has them: a timed run is the owner's), and
 * the document's when the run has them (so a run by another editor from the menu sees it too). Under 2 kB per
 * spreadsheet: far inside the 9 kB per value and 500 kB per store that properties allow
 * (https://developers.google.com/apps-script/guides/services/quotas).
 */
function stores(): Properties[] {
  const out = [PropertiesService.getUserProperties()];
  const doc = PropertiesService.getDocumentProperties();
  if (doc) out.push(doc);
  return out;
}

/** Every store's witness for this spreadsheet, as read. */
export function readWitnesses(spreadsheetId: string): WitnessRead[] {
  return stores().map((props) => readWitness(props.getProperty(PREFIX + spreadsheetId)));
}

/** Whether today's ledger holds what every witness says (see checkLedger). */
export function verifyLedger(spreadsheetId: string, today: LedgerToday): LedgerVerdict {
  return checkLedger(today, readWitnesses(spreadsheetId));
}

function store(spreadsheetId: string, witness: Witness): void {
  const value = JSON.stringify(witness);
  for (const props of stores()) props.setProperty(PREFIX + spreadsheetId, value);
}

/**
 * Keeps the witness of today's records as a run appends them: started from the records the run verified, then
 * written (before the send) after each record, and again when a record is turned into `failed`.
 */
export class WitnessWriter {
  private readonly hashes: number[];

  constructor(
    private readonly spreadsheetId: string,
    private readonly day: string,
    verified: readonly number[],
  ) {
    this.hashes = [...verified];
  }

  /** Index of the record just appended to the ledger (sheet `ledgerId`), hash `hash`; stored before its send. */
  recorded(ledgerId: number, hash: number): number {
    this.hashes.push(hash);
    this.write(ledgerId);
    return this.hashes.length - 1;
  }

  /** The record at `index` now reads as `hash` (its send failed and it was marked so). */
  changed(ledgerId: number, index: number, hash: number): void {
    this.hashes[index] = hash;
    this.write(ledgerId);
  }

  private write(ledgerId: number): void {
    store(this.spreadsheetId, {
      day: this.day,
      ledger: ledgerId,
      count: this.hashes.length,
      sum: checksumOf(this.hashes),
    });
  }
}

/**
 * A run that found the ledger short stops sending for the day: the witness is rebuilt from what the ledger holds
 * now and marked held with the reason, so later runs today send nothing either (what was lost stays lost, and is
 * not turned into a licence to send again), while tomorrow's run, seeing another day, sends normally.
 */
export function holdToday(spreadsheetId: string, today: LedgerToday, reason: string): void {
  store(spreadsheetId, {
    day: today.day,
    ledger: today.ledgerId ?? 0,
    count: today.hashes.length,
    sum: checksumOf(today.hashes),
    held: reason.slice(0, 1000),
  });
}
