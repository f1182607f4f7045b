// A witness, outside the Reminder ledger, that today's digests were recorded in it: the ledger is a sheet, and
// a sheet can be unhidden and deleted. Without the witness, a rerun the same day would find no record and send
// every digest again.
import * as z from 'zod/mini';
import { storedJson } from '../../core/storedJson';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

const PREFIX = 'resultsLadder.ledgerWitness.';

const WitnessSchema = z.object({
  /** 'YYYY-MM-DD' in the spreadsheet's zone: the day digests were last recorded as sending. */
  day: z.string(),
  /** The sheet ID of the ledger they were recorded in. */
  ledger: z.number(),
});
type Witness = z.infer<typeof WitnessSchema>;

/**
 * Where the witness is kept: the running user's properties (every run has them: a timed run is the owner's), and
 * the document's when the run has them (so a run by another editor from the menu sees it too). A few dozen
 * bytes per spreadsheet: far inside the 9 kB per value and 500 kB per store that properties allow
 * (https://developers.google.com/apps-script/guides/services/quotas).
 */
function stores(): Properties[] {
  const out = [PropertiesService.getUserProperties()];
  const doc = PropertiesService.getDocumentProperties();
  if (doc) out.push(doc);
  return out;
}

/** Records that digests of `day` are being recorded in `ledger` (call once a run has recorded its first). */
export function witnessSending(spreadsheetId: string, day: string, ledger: Sheet): void {
  const value = JSON.stringify({ day, ledger: ledger.getSheetId() } satisfies Witness);
  for (const props of stores()) props.setProperty(PREFIX + spreadsheetId, value);
}

/**
 * True when digests of `day` were recorded in a ledger that is no longer there (deleted, or replaced by a new
 * sheet): what it held cannot be known, so nothing may be sent again today.
 */
export function ledgerLostToday(spreadsheetId: string, day: string, ledger: Sheet | null): boolean {
  return stores().some((props) => {
    const w = storedJson(props.getProperty(PREFIX + spreadsheetId), WitnessSchema);
    return w !== null && w.day === day && (ledger === null || ledger.getSheetId() !== w.ledger);
  });
}
