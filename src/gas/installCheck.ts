// *Check this installation*: what the real platform does for each assumption in installCheckAssumptions.ts. The run
// the person starts checks what it can at once and schedules a one-off time-driven trigger a minute later
// (`installCheckProbe`) that records what a timed run really gets, in the user's properties, then deletes itself.
// Nothing here writes to the team's sheets.
import * as z from 'zod/mini';
import { SCRIPT_TIME_ZONE, wallClockFields } from '../core/dates';
import { storedJson } from '../core/storedJson';
import { columnIndex } from '../sheets/parse';
import { isDate } from '../sheets/schema';
import { type Finding, type InstallCheckReport, reportOf } from './installCheckAssumptions';
import { headerRow } from './rowsFinder';
import { dataSheet } from './sheetLookup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PROBE_HANDLER = 'installCheckProbe';
/** A minute later: the earliest a one-off time-driven trigger is worth scheduling. */
const PROBE_DELAY_MS = 60_000;
const TRIGGER_KEY = 'resultsLadder.installCheck.trigger.';
const STATE_KEY = 'resultsLadder.installCheck.';
/** Rows of Accounts the date and display checks look at: one getValues each, never the whole sheet. */
const SAMPLE_ROWS = 200;

const TimedSchema = z.object({
  time: z.string(),
  activeSpreadsheet: z.boolean(),
  documentProperties: z.boolean(),
  documentLock: z.boolean(),
  /** 'opened', or the error openById threw. */
  openById: z.string(),
  /** Whether getUserTriggers(ss) listed this trigger; null when the run had no spreadsheet to ask about. */
  listed: z.nullable(z.boolean()),
});
type Timed = z.infer<typeof TimedSchema>;

const StateSchema = z.object({
  scheduledUid: z.string(),
  scheduledAt: z.string(),
  /** Why the timed check could not be scheduled ('' when it was). */
  scheduleError: z.string(),
  /** Whether getUserTriggers(ss) listed a time-driven trigger right after it was made; null: not seen. */
  listedRightAfter: z.nullable(z.boolean()),
  timed: z.nullable(TimedSchema),
});
type State = z.infer<typeof StateSchema>;

const TriggerSchema = z.object({ spreadsheetId: z.string() });

function userProps(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

function stateOf(ssId: string): State | null {
  return storedJson(userProps().getProperty(STATE_KEY + ssId), StateSchema);
}

function saveState(ssId: string, state: State): void {
  userProps().setProperty(STATE_KEY + ssId, JSON.stringify(state));
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const holds = (observed: string): Finding => ({ status: 'holds', observed });
const doesNot = (observed: string): Finding => ({ status: 'does not hold', observed });
const unknown = (observed: string): Finding => ({ status: 'could not tell', observed });

/** Deletes the user's trigger with this ID, wherever Apps Script lists it. */
function deleteTrigger(uid: string, ss: Spreadsheet | null): void {
  const found =
    ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid) ??
    (ss ? ScriptApp.getUserTriggers(ss).find((t) => t.getUniqueId() === uid) : undefined);
  if (found) ScriptApp.deleteTrigger(found);
}

/**
 * Schedules the timed check (replacing one still pending) and notes whether getUserTriggers(ss) lists it. While
 * another time-driven trigger of the add-on exists in this document (daily reminders), Apps Script refuses a
 * second: that refusal is the answer to oneTimeTriggerPerDocument, and the timed part waits.
 */
function schedule(ss: Spreadsheet, before: State | null): State {
  if (before?.scheduledUid) {
    deleteTrigger(before.scheduledUid, ss);
    userProps().deleteProperty(TRIGGER_KEY + before.scheduledUid);
  }
  const at = new Date(Date.now() + PROBE_DELAY_MS);
  try {
    const trigger = ScriptApp.newTrigger(PROBE_HANDLER).timeBased().at(at).create();
    const uid = trigger.getUniqueId();
    userProps().setProperty(TRIGGER_KEY + uid, JSON.stringify({ spreadsheetId: ss.getId() }));
    const listed = ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === uid);
    return {
      scheduledUid: uid,
      scheduledAt: at.toISOString(),
      scheduleError: '',
      listedRightAfter: listed,
      timed: null,
    };
  } catch (e) {
    return {
      scheduledUid: '',
      scheduledAt: '',
      scheduleError: messageOf(e),
      listedRightAfter: before?.listedRightAfter ?? null,
      timed: before?.timed ?? null,
    };
  }
}

/** The first Date among the first rows of Accounts' Start date, as getValues hands it. */
function sampleDate(ss: Spreadsheet): Date | null {
  const sheet = dataSheet(ss, 'accounts');
  if (!sheet || sheet.getLastRow() < 2) return null;
  const at = columnIndex('accounts', headerRow(sheet))['Start date'] ?? -1;
  if (at < 0) return null;
  const rows = Math.min(SAMPLE_ROWS, sheet.getLastRow() - 1);
  const values = sheet.getRange(2, at + 1, rows, 1).getValues();
  for (const [v] of values) if (isDate(v) && !Number.isNaN(v.getTime())) return v;
  return null;
}

function isMidnightIn(date: Date, zone: string): boolean {
  const w = wallClockFields(date.getTime(), zone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && date.getTime() % 1000 === 0;
}

function dateFinding(ss: Spreadsheet): Finding {
  const date = sampleDate(ss);
  if (!date) return unknown('no date in the first rows of Accounts’ Start date');
  const sheetZone = ss.getSpreadsheetTimeZone();
  const scriptZone = Session.getScriptTimeZone() || SCRIPT_TIME_ZONE;
  const inSheet = isMidnightIn(date, sheetZone);
  const inScript = isMidnightIn(date, scriptZone);
  const seen = `a Start date arrived as ${date.toISOString()} (spreadsheet ${sheetZone}, script ${scriptZone})`;
  if (inSheet && inScript) return unknown(`${seen}: midnight in both zones`);
  if (inSheet) return holds(`${seen}: midnight in the spreadsheet’s zone`);
  if (inScript) return doesNot(`${seen}: midnight in the script’s zone`);
  return unknown(`${seen}: midnight in neither zone (a date with a time?)`);
}

/**
 * TextFinder on an Account ID whose display differs from its value: found by the displayed text (holds), or only by
 * the value (does not hold). One getValues and one getDisplayValues of the ID column's first rows.
 */
function textFinderFinding(ss: Spreadsheet): Finding {
  const sheet = dataSheet(ss, 'accounts');
  if (!sheet || sheet.getLastRow() < 2) return unknown('Accounts has no rows');
  const at = columnIndex('accounts', headerRow(sheet))['Account ID'] ?? -1;
  if (at < 0) return unknown('Accounts has no Account ID column');
  const rows = Math.min(SAMPLE_ROWS, sheet.getLastRow() - 1);
  const range = sheet.getRange(2, at + 1, rows, 1);
  const values = range.getValues();
  const shown = range.getDisplayValues();
  const k = values.findIndex(([v], i) => typeof v === 'number' && String(v) !== shown[i][0].trim());
  if (k < 0)
    return unknown('no Account ID displays differently from its value (e.g. a number formatted 00000)');
  const value = String(values[k][0]);
  const display = shown[k][0].trim();
  const finds = (text: string) =>
    range
      .createTextFinder(text)
      .matchEntireCell(true)
      .matchCase(true)
      .findAll()
      .some((r) => r.getRow() === k + 2);
  const seen = `Account ID ${value} on row ${k + 2} displays as '${display}'`;
  if (finds(display)) return holds(`${seen}: found by '${display}'`);
  if (finds(value)) return doesNot(`${seen}: found by '${value}', not by what it displays`);
  return unknown(`${seen}: found by neither`);
}

function hmacFinding(): Finding {
  const bytes = Utilities.computeHmacSha256Signature(
    'results-ladder',
    'install-check',
    Utilities.Charset.UTF_8,
  );
  if (bytes.some((b) => b < 0)) return holds('the signature held negative bytes');
  if (bytes.some((b) => b > 127)) return doesNot('the signature held bytes above 127');
  return unknown('no byte above 127 either way');
}

function userFinding(): Finding {
  const email = Session.getActiveUser().getEmail();
  return email ? holds(`active user ${email}`) : doesNot('getActiveUser().getEmail() was blank');
}

function scriptZoneFinding(): Finding {
  const zone = Session.getScriptTimeZone();
  if (!zone) return unknown('Session.getScriptTimeZone() was blank');
  return zone === SCRIPT_TIME_ZONE ? holds(`script zone ${zone}`) : doesNot(`script zone ${zone}`);
}

/** A check that throws is a finding too: nobody could tell, and why. */
function guarded(find: () => Finding): Finding {
  try {
    return find();
  } catch (e) {
    return unknown(`the check failed: ${messageOf(e)}`);
  }
}

function timedFindings(state: State | null): Record<string, Finding> {
  const t = state?.timed;
  if (!t) {
    const why = state?.scheduleError
      ? `the timed check could not be scheduled: ${state.scheduleError}`
      : state?.scheduledAt
        ? `the timed check is due at ${state.scheduledAt} and has not reported yet`
        : 'the timed check has not been scheduled (run Check this installation)';
    return {
      timedRunHasActiveSpreadsheet: unknown(why),
      timedRunHasDocumentProperties: unknown(why),
      timedRunHasDocumentLock: unknown(why),
      timedRunOpenById: unknown(why),
      timedRunHasUserProperties: unknown(why),
    };
  }
  const at = `timed run at ${t.time}`;
  const yes = (ok: boolean, what: string) => (ok ? holds(`${at}: ${what}`) : doesNot(`${at}: no ${what}`));
  return {
    timedRunHasActiveSpreadsheet: yes(t.activeSpreadsheet, 'active spreadsheet'),
    timedRunHasDocumentProperties: yes(t.documentProperties, 'document properties'),
    timedRunHasDocumentLock: yes(t.documentLock, 'document lock'),
    timedRunOpenById:
      t.openById === 'opened'
        ? holds(`${at}: openById opened it`)
        : doesNot(`${at}: openById refused: ${t.openById}`),
    timedRunHasUserProperties: holds(`${at}: it recorded what it saw in the user properties`),
  };
}

function listingFinding(ss: Spreadsheet, state: State | null, reminderTriggerId: string): Finding {
  const timedSaw = state?.timed?.listed;
  if (state?.listedRightAfter !== null && state?.listedRightAfter !== undefined) {
    const also =
      timedSaw === undefined || timedSaw === null ? '' : `; the timed run saw ${timedSaw ? 'it' : 'none'}`;
    return state.listedRightAfter
      ? holds(`the timed check's trigger was listed right after it was made${also}`)
      : doesNot(`the timed check's trigger was not listed right after it was made${also}`);
  }
  if (reminderTriggerId) {
    const mine = ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === reminderTriggerId);
    if (mine) {
      const listed = ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === reminderTriggerId);
      return listed
        ? holds('the daily reminders trigger is listed')
        : doesNot('the daily reminders trigger is listed only by getProjectTriggers()');
    }
  }
  return unknown('no time-driven trigger of yours in this spreadsheet to look for');
}

function limitFinding(state: State | null): Finding {
  const error = state?.scheduleError ?? '';
  if (/too many time-based triggers/i.test(error))
    return holds(`creating a second one was refused: ${error}`);
  return unknown(
    error
      ? `scheduling failed for another reason: ${error}`
      : 'no other time-driven trigger of the add-on in this document, so nothing was refused',
  );
}

/**
 * The report for this spreadsheet. With `scheduleTimed`, the timed check is (re)scheduled first; the immediate
 * checks run every time; the timed findings are whatever the last timed check recorded.
 */
export function installCheck(
  ss: Spreadsheet,
  scheduleTimed: boolean,
  reminderTriggerId: string,
): InstallCheckReport {
  const before = stateOf(ss.getId());
  const state = scheduleTimed ? schedule(ss, before) : before;
  if (scheduleTimed && state) saveState(ss.getId(), state);
  const findings: Record<string, Finding> = {
    userTriggersListClockTriggers: guarded(() => listingFinding(ss, state, reminderTriggerId)),
    oneTimeTriggerPerDocument: limitFinding(state),
    ...timedFindings(state),
    dateCellsAtSpreadsheetMidnight: guarded(() => dateFinding(ss)),
    scriptTimeZoneIsManifest: guarded(scriptZoneFinding),
    textFinderSearchesDisplayedText: guarded(() => textFinderFinding(ss)),
    hmacBytesAreSigned: guarded(hmacFinding),
    activeUserEmailKnown: guarded(userFinding),
    webAppHasNoDocument: unknown('checked only by the confirmation page’s own project'),
    documentMetadataReachesWebApp: unknown('checked only by the confirmation page’s own project'),
    customFunctionsReadSpreadsheetZone: unknown('documented by Google; a menu run cannot observe it'),
    addOnTimeTriggersAtMostHourly: unknown('documented by Google; a menu run cannot observe it'),
    testDeploymentsRunNoInstallableTriggers: unknown('documented by Google; a menu run cannot observe it'),
  };
  const timed = state?.timed
    ? `ran at ${state.timed.time}`
    : state?.scheduledAt
      ? `due at ${state.scheduledAt}`
      : state?.scheduleError
        ? `not scheduled: ${state.scheduleError}`
        : '';
  const context = `Spreadsheet ${ss.getId()} (${ss.getSpreadsheetTimeZone()}), script zone ${Session.getScriptTimeZone()}`;
  return reportOf(findings, new Date().toISOString(), timed, context);
}

/**
 * The timed check: records what this time-driven run got, for the spreadsheet that scheduled it, then deletes its
 * own trigger. Every step is guarded: a refusal is an answer, not a failure.
 */
export function installCheckProbe(e?: { triggerUid?: string }): Timed | null {
  const uid = typeof e?.triggerUid === 'string' ? e.triggerUid : '';
  const record = uid ? storedJson(userProps().getProperty(TRIGGER_KEY + uid), TriggerSchema) : null;
  let active: Spreadsheet | null = null;
  try {
    active = SpreadsheetApp.getActiveSpreadsheet();
  } catch {
    active = null;
  }
  let documentProperties = false;
  try {
    const props = PropertiesService.getDocumentProperties();
    // Reading a key proves they are usable, not only present.
    documentProperties = props !== null && Array.isArray(props.getKeys());
  } catch {
    documentProperties = false;
  }
  let documentLock = false;
  try {
    const lock = LockService.getDocumentLock();
    if (lock?.tryLock(1000)) {
      documentLock = true;
      lock.releaseLock();
    }
  } catch {
    documentLock = false;
  }
  const ssId = record?.spreadsheetId ?? active?.getId() ?? '';
  let opened: Spreadsheet | null = null;
  let openById = 'not tried: the run could not tell which spreadsheet scheduled it';
  if (ssId) {
    try {
      opened = SpreadsheetApp.openById(ssId);
      openById = 'opened';
    } catch (err) {
      openById = messageOf(err);
    }
  }
  const ss = active ?? opened;
  let listed: boolean | null = null;
  try {
    listed = ss ? ScriptApp.getUserTriggers(ss).some((t) => t.getUniqueId() === uid) : null;
  } catch {
    listed = null;
  }
  const timed: Timed = {
    time: new Date().toISOString(),
    activeSpreadsheet: active !== null,
    documentProperties,
    documentLock,
    openById,
    listed,
  };
  if (ssId) {
    const before = stateOf(ssId);
    saveState(ssId, {
      scheduledUid: '',
      scheduledAt: before?.scheduledAt ?? '',
      scheduleError: '',
      listedRightAfter: before?.listedRightAfter ?? null,
      timed,
    });
  }
  if (uid) {
    deleteTrigger(uid, ss);
    userProps().deleteProperty(TRIGGER_KEY + uid);
  }
  return timed;
}
