// The one list of what the add-on assumes about Apps Script and Sheets, each with its source, the code that depends on
// it and what the product does under each answer. *Check this installation* (src/gas/installCheck.ts) reports each
// one as it finds it on the real platform; docs/platform.md lists every one (test/unit/installCheck.test.ts checks
// the two agree). Pure data and types: the sidebar type-imports the report from here.

export type CheckStatus = 'holds' | 'does not hold' | 'could not tell';

/** Where the check learns the answer: in the run the person started, or in the one-off timed run it schedules. */
export type CheckedIn = 'this run' | 'timed run' | 'the confirmation page' | 'documented only';

export interface Assumption {
  readonly id: string;
  /** The assumption, as a sentence that holds or does not. */
  readonly statement: string;
  /** Google's documentation (or, where Google is silent, the public report) it rests on. */
  readonly source: string;
  /** The code that depends on it. */
  readonly code: string;
  readonly checkedIn: CheckedIn;
  /** What the product does when it holds / does not hold / nobody could tell. */
  readonly ifHolds: string;
  readonly ifNot: string;
  readonly ifUnknown: string;
}

const TIMED_UNKNOWN =
  'The timed check has not reported yet (it runs about a minute after the check; editor add-on test deployments never run it): open the check again later.';
const EITHER = 'The product works under either answer (see "does not hold"), so nothing is needed.';

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'userTriggersListClockTriggers',
    statement:
      "ScriptApp.getUserTriggers(spreadsheet) lists the add-on's time-driven trigger made in that spreadsheet.",
    source:
      'https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet) ("in the given spreadsheet"; silent on time-driven triggers)',
    code: 'src/reminders/gas/triggers.ts (reminderTriggers)',
    checkedIn: 'this run',
    ifHolds: 'Turn reminders on/off and the status find the trigger in getUserTriggers(ss).',
    ifNot:
      'Turn reminders on/off and the status find the trigger in getProjectTriggers() by the unique ID stored when it was made; the other team sheets’ triggers are never touched.',
    ifUnknown: EITHER,
  },
  {
    id: 'oneTimeTriggerPerDocument',
    statement: 'An add-on may have only one time-driven trigger per user per document.',
    source:
      'https://developers.google.com/workspace/add-ons/concepts/editor-triggers ("Each add-on can only have one trigger of each type, per user, per document")',
    code: 'src/reminders/gas/triggers.ts (installReminderTrigger removes before it creates); src/gas/installCheck.ts (the timed check)',
    checkedIn: 'this run',
    ifHolds:
      'Turning reminders on replaces the trigger rather than adding one. While reminders are on, the timed part of this check cannot be scheduled: turn reminders off, run the check, then turn them on again.',
    ifNot: 'Nothing changes: the add-on never keeps more than one time-driven trigger per document anyway.',
    ifUnknown:
      'Google documents it; the check sees it only while reminders are on (the timed check is then refused).',
  },
  {
    id: 'timedRunHasActiveSpreadsheet',
    statement:
      'A time-driven run of the add-on gets its spreadsheet from SpreadsheetApp.getActiveSpreadsheet().',
    source:
      'Undocumented for editor add-ons; public reports say a timed trigger gets null: https://github.com/mogsdad/SheetConverter/issues/2',
    code: 'src/reminders/entry/reminders.ts (runReminders: active spreadsheet, else openById of the recorded one)',
    checkedIn: 'timed run',
    ifHolds: 'The daily run works in its spreadsheet directly.',
    ifNot:
      'The daily run opens the spreadsheet recorded for its trigger with SpreadsheetApp.openById (see timedRunOpenById).',
    ifUnknown: TIMED_UNKNOWN,
  },
  {
    id: 'timedRunHasDocumentProperties',
    statement:
      'A time-driven run gets the document properties (PropertiesService.getDocumentProperties() is not null).',
    source:
      'https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties() (null "if the script is not an add-on or bound to a Google Workspace file"; silent on timed runs)',
    code: 'src/reminders/entry/reminders.ts (settings from document properties, else the copy in the Reminder ledger)',
    checkedIn: 'timed run',
    ifHolds: 'The daily run reads the settings from the document properties.',
    ifNot:
      'The daily run reads the settings copied into the hidden Reminder ledger when reminders were turned on, and who gets mail from the owner’s trigger record.',
    ifUnknown: TIMED_UNKNOWN,
  },
  {
    id: 'timedRunHasDocumentLock',
    statement: 'A time-driven run gets a document lock (LockService.getDocumentLock() is not null).',
    source:
      'https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock() (null "outside of the context of a containing document")',
    code: 'src/reminders/entry/reminders.ts (the document lock, else the owner’s user lock)',
    checkedIn: 'timed run',
    ifHolds: 'The daily run and sidebar saves exclude each other with the document lock.',
    ifNot:
      'The daily run takes the owner’s user lock: two daily runs never overlap, but a sidebar save may run beside it (the ledger still prevents a second send).',
    ifUnknown: TIMED_UNKNOWN,
  },
  {
    id: 'timedRunOpenById',
    statement:
      'A time-driven run may SpreadsheetApp.openById the spreadsheet the add-on is installed in, under the spreadsheets.currentonly scope.',
    source:
      'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String) (lists the full spreadsheets scope; silent on currentonly); README, "Checking openById"',
    code: 'src/reminders/entry/reminders.ts (runReminders without an active spreadsheet)',
    checkedIn: 'timed run',
    ifHolds: 'A daily run without an active spreadsheet still reaches its sheet.',
    ifNot:
      'If the timed run also has no active spreadsheet, daily reminders cannot run: each run records why and emails the owner once a day. Fix: add https://www.googleapis.com/auth/spreadsheets to oauthScopes (README, "Checking openById"); Send reminders now keeps working meanwhile.',
    ifUnknown: TIMED_UNKNOWN,
  },
  {
    id: 'timedRunHasUserProperties',
    statement: 'A time-driven run gets the user properties of the user it runs as.',
    source:
      'https://developers.google.com/apps-script/reference/properties/properties-service#getUserProperties()',
    code: 'src/reminders/gas/runContext.ts (which spreadsheet a trigger is for, the last run, the notice day)',
    checkedIn: 'timed run',
    ifHolds: 'The daily run finds its spreadsheet and leaves its outcome for the sidebar.',
    ifNot:
      'The daily run cannot tell which spreadsheet it is for unless it has an active one, and leaves its outcome only in the Reminder log.',
    ifUnknown:
      'The timed check records what it saw in the user properties: no record yet means it has not run, or could not record.',
  },
  {
    id: 'dateCellsAtSpreadsheetMidnight',
    statement:
      'Sheets hands a date cell to the script (getValues, custom-function arguments) as midnight in the spreadsheet’s time zone, not the script’s.',
    source:
      'https://developers.google.com/apps-script/guides/sheets/functions#dates ("If the spreadsheet and the script use different time zones … the custom function needs to compensate")',
    code: 'src/core/dates.ts (dayConverter), used by src/sheets/parse.ts, src/gas/book.ts, src/gas/formulaSources.ts',
    checkedIn: 'this run',
    ifHolds: 'Each date reads as the day it shows.',
    ifNot:
      'Each date still reads as the day it shows: a date-only cell is midnight in one of the two zones, and the day whose midnight matches the instant is taken.',
    ifUnknown:
      'No date cell in Accounts’ Start date, or the two zones agree on that date. The product reads either answer right.',
  },
  {
    id: 'scriptTimeZoneIsManifest',
    statement: 'The script’s time zone is the manifest’s Etc/UTC (Session.getScriptTimeZone()).',
    source: 'https://developers.google.com/apps-script/manifest (timeZone); appsscript.json',
    code: 'src/core/dates.ts (SCRIPT_TIME_ZONE)',
    checkedIn: 'this run',
    ifHolds: 'Dates handed at the script’s midnight are recognised.',
    ifNot:
      'Dates handed at the script’s midnight in a zone west of UTC would read a day early: report it to the maintainers.',
    ifUnknown: 'Session.getScriptTimeZone() did not answer.',
  },
  {
    id: 'textFinderSearchesDisplayedText',
    statement: 'TextFinder matches what a cell displays (a number through its number format), not its value.',
    source:
      'https://developers.google.com/apps-script/reference/spreadsheet/text-finder ("otherwise cells containing formulas are considered based on their displayed value")',
    code: 'src/gas/rowsFinder.ts (idPattern, rowsWithId)',
    checkedIn: 'this run',
    ifHolds:
      'An account’s rows are found by its ID however the ID is formatted (01001, 1,001): the search matches every display of the number.',
    ifNot: 'An account’s rows are found by the ID as typed: the search also matches the plain number.',
    ifUnknown:
      'No Account ID in Accounts displays differently from its value (e.g. a number formatted 00000). The product finds either.',
  },
  {
    id: 'hmacBytesAreSigned',
    statement: 'Utilities.computeHmacSha256Signature returns signed bytes (-128..127).',
    source:
      'https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String,Charset) (Byte[]); https://gist.github.com/tanaikech/97a2787db7be94180a64e1f4c194d415',
    code: 'src/confirmations/core/token.ts (masks each byte with 0xff)',
    checkedIn: 'this run',
    ifHolds: 'Confirmation links are signed as the web app checks them.',
    ifNot: 'Masking unsigned bytes changes nothing: links are signed the same.',
    ifUnknown: 'The signature had no byte above 127 to tell by.',
  },
  {
    id: 'activeUserEmailKnown',
    statement:
      'Session.getActiveUser().getEmail() names the person running the add-on (scope userinfo.email).',
    source:
      'https://developers.google.com/apps-script/reference/base/session#getActiveUser() (may be blank when the user and script owner are in different domains)',
    code: 'src/gas/settingsStore.ts (currentUserEmail: My book, the reminders owner, the default allowed domain)',
    checkedIn: 'this run',
    ifHolds: 'My book shows your accounts and reminders can be owned by you.',
    ifNot:
      'The effective user’s email stands in; if that is blank too, reminders cannot be turned on ("Apps Script did not reveal your email").',
    ifUnknown: 'Session did not answer.',
  },
  {
    id: 'webAppHasNoDocument',
    statement:
      'The confirmation page (a web app) gets no document lock and no document properties, so it uses only the script lock.',
    source:
      'https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock(); https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()',
    code: 'src/confirmations/entry/webApp.ts (answerConfirmation under the script lock)',
    checkedIn: 'the confirmation page',
    ifHolds: 'The page records answers under its script lock.',
    ifNot: 'Nothing changes: the page never asks for the document lock.',
    ifUnknown: 'It belongs to the confirmation page’s own project; the add-on cannot observe it.',
  },
  {
    id: 'documentMetadataReachesWebApp',
    statement:
      'Spreadsheet developer metadata with DOCUMENT visibility is readable by the confirmation page’s project.',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility',
    code: 'src/confirmations/gas/crypto.ts (the link secret)',
    checkedIn: 'the confirmation page',
    ifHolds: 'The page checks each link’s signature.',
    ifNot: 'Every link is refused as forged: leave Settings › Confirmation page URL blank and work by reply.',
    ifUnknown: 'It belongs to the confirmation page’s own project; the add-on cannot observe it.',
  },
  {
    id: 'customFunctionsReadSpreadsheetZone',
    statement:
      'A custom function may read the spreadsheet’s time zone (SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()).',
    source:
      'https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services (Spreadsheet: read only, most get*() methods)',
    code: 'src/gas/timeZone.ts (spreadsheetTimeZone), used by every custom function through src/gas/formulaSources.ts',
    checkedIn: 'documented only',
    ifHolds: 'Custom functions count days in the spreadsheet’s zone.',
    ifNot:
      'Custom functions fall back to the script’s zone, then UTC; a formula never fails for want of a zone.',
    ifUnknown: 'A menu run is not a custom function: Google documents it, and the fallback covers the rest.',
  },
  {
    id: 'addOnTimeTriggersAtMostHourly',
    statement: 'An add-on’s time-driven triggers run at most once an hour, at a minute Apps Script picks.',
    source:
      'https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers ("Add-ons can only use time-driven triggers at most once per hour")',
    code: 'src/reminders/gas/triggers.ts (daily or weekly at an hour); src/reminders/entry/reminders.ts (a second run the same day sends nothing twice)',
    checkedIn: 'documented only',
    ifHolds: 'Reminders go out once a day (or week) within the chosen hour.',
    ifNot: 'Nothing changes: no run depends on the minute it fires.',
    ifUnknown: 'Google documents it; nothing in the product depends on the exact minute.',
  },
  {
    id: 'testDeploymentsRunNoInstallableTriggers',
    statement: 'Editor add-on test deployments do not run installable triggers.',
    source:
      'https://developers.google.com/apps-script/add-ons/test (test deployments do not support installable triggers)',
    code: 'README ("Try reminders from the bound script"); src/gas/installCheck.ts (the timed part never reports there)',
    checkedIn: 'documented only',
    ifHolds: 'Try daily reminders and the timed part of this check on a script bound to a copy of the sheet.',
    ifNot: 'Nothing changes.',
    ifUnknown:
      'Google documents it; if the timed part of this check never reports, this is the likely reason.',
  },
];

/** One assumption as the check found it. */
export interface AssumptionReport {
  readonly id: string;
  readonly statement: string;
  readonly source: string;
  readonly code: string;
  readonly checkedIn: CheckedIn;
  readonly status: CheckStatus;
  /** What the check saw. */
  readonly observed: string;
  /** What the product will do in this case. */
  readonly then: string;
}

/** The whole report: one line per assumption and a text block for the maintainers. */
export interface InstallCheckReport {
  /** ISO date-time of this report. */
  readonly time: string;
  /** When the timed check ran ('' when it has not reported) or is due. */
  readonly timed: string;
  readonly assumptions: readonly AssumptionReport[];
  /** Plain text to copy to the maintainers. */
  readonly text: string;
}

/** A finding: status and what was seen. */
export interface Finding {
  readonly status: CheckStatus;
  readonly observed: string;
}

/** The report from the findings by assumption id (a missing finding: could not tell). */
export function reportOf(
  findings: Readonly<Record<string, Finding>>,
  time: string,
  timed: string,
  context: string,
): InstallCheckReport {
  const assumptions = ASSUMPTIONS.map((a): AssumptionReport => {
    const f = findings[a.id] ?? { status: 'could not tell', observed: 'not observed' };
    const then = f.status === 'holds' ? a.ifHolds : f.status === 'does not hold' ? a.ifNot : a.ifUnknown;
    return {
      id: a.id,
      statement: a.statement,
      source: a.source,
      code: a.code,
      checkedIn: a.checkedIn,
      status: f.status,
      observed: f.observed,
      then,
    };
  });
  const text = [
    `Results Ladder installation check, ${time}`,
    context,
    `Timed check: ${timed || 'not reported yet'}`,
    '',
    ...assumptions.map((a) => `${a.id}: ${a.status.toUpperCase()} (${a.checkedIn}): ${a.observed}`),
  ].join('\n');
  return { time, timed, assumptions, text };
}
