// The add-on menu and its workbook commands: open the sidebar, set up the workbook, settings, reminders on/off.
import { errorText } from './errorText';
import { reminderTriggerIds } from '../reminders/gas/triggers';
import { keepFullReadOutputsAfterSetup } from '../gas/fullReadOutputs';
import { loadSettings } from '../gas/settingsStore';
import { setUpWorkbook as setUp } from '../gas/setup';
import { type SetupReport, setupSummary } from '../gas/setup/report';
import { withDocumentLock } from '../gas/writes';
import type { Registry } from './entryPoint';
import { type SwitchResult, turnRemindersOff, turnRemindersOn } from '../reminders/entry/switch';
import { getAccountView, getSelection } from './accountView';
import { INITIAL_VIEW_ID, type InitialView, SIDEBAR_TAB_ATTRIBUTE, type SidebarTab } from './sidebarTypes';

const TITLE = 'Results Ladder';

/** The menu of docs/rules.md §5, in order: caption → the top-level function it runs. */
export const MENU_ITEMS: readonly (readonly [string, string])[] = [
  ['Open sidebar', 'showSidebar'],
  ['Set up workbook', 'setUpWorkbook'],
  ['Refresh dashboard', 'refreshDashboard'],
  // previewReminders shows its own dialog of exactly what the next run would send.
  ['Preview reminders', 'previewReminders'],
  ['Send reminders now', 'runReminders'],
  ['Turn daily reminders on/off', 'toggleReminders'],
  ['Settings', 'showSettings'],
  // What the real platform does for each assumption in docs/platform.md, including a timed run a minute later.
  ['Check this installation', 'checkInstallation'],
];

/**
 * Builds the add-on menu. Runs in AuthMode.NONE when the add-on is not yet used in this document, so it
 * touches nothing but the Ui: no cells, no properties.
 */
export function onOpen(_e?: unknown): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach(([caption, fn], i) => {
    // A separator between the daily commands and the reminder commands.
    if (i === 3 || i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(caption, fn);
  });
  menu.addToUi();
}

/** Installing the add-on from the Marketplace does not fire onOpen; this builds the menu right away. */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

/**
 * JSON safe inside a <script> element: '<', '>' and '&' become \u escapes, so account text such as
 * '</script><img onerror=…>' can neither close the element nor start markup; U+2028/2029 are escaped too.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The sidebar's HTML, opening on a given tab (the sidebar reads the attribute on <body>). On the Account tab the
 * first view is computed here and templated into the page, so it shows with the page instead of after a second
 * google.script.run round trip (the read is the same one the sidebar's first call would have made).
 */
function sidebarOutput(tab: SidebarTab): GoogleAppsScript.HTML.HtmlOutput {
  const output = HtmlService.createHtmlOutputFromFile('Sidebar');
  let html = output.getContent();
  if (tab !== 'account') html = html.replace('<body', `<body ${SIDEBAR_TAB_ATTRIBUTE}="${tab}"`);
  else {
    const initial: InitialView = { selection: getSelection(), view: getAccountView() };
    html = html.replace(
      /<body[^>]*>/,
      (body) =>
        `${body}<script type="application/json" id="${INITIAL_VIEW_ID}">${scriptSafeJson(initial)}</script>`,
    );
  }
  output.setContent(html);
  return output.setTitle(TITLE);
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(sidebarOutput('account'));
}

/** Menu › Settings: the sidebar, opened on its Reminders & settings tab. */
export function showSettings(): void {
  SpreadsheetApp.getUi().showSidebar(sidebarOutput('settings'));
}

/** Menu › Set up workbook: adds what is missing, under the document lock, and says what it did. */
export function setUpWorkbook(): SetupReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let outputsNote = '';
  const report = withDocumentLock(() => {
    const done = setUp(ss);
    // The Usage summary and the Ladder's mode come from one read of the book (docs/rules.md §4 Big books). A book setup could
    // not complete (a blank header row above data) cannot be read yet: setup still reports what it did.
    try {
      keepFullReadOutputsAfterSetup(ss, loadSettings());
    } catch (err) {
      outputsNote = ` The Usage summary and Ladder were not built: ${errorText(err)}`;
    }
    return done;
  });
  ss.toast(setupSummary(report) + outputsNote, TITLE, 10);
  return report;
}

/** Menu › Turn daily reminders on/off: the opposite of the current state, with the outcome in an alert. */
export function toggleReminders(): SwitchResult {
  const result =
    reminderTriggerIds(SpreadsheetApp.getActiveSpreadsheet()).length > 0
      ? turnRemindersOff()
      : turnRemindersOn();
  SpreadsheetApp.getUi().alert(TITLE, result.message, SpreadsheetApp.getUi().ButtonSet.OK);
  return result;
}

export const workbookEntries: Registry = {
  onOpen: { kind: 'trigger', params: ['e'], run: onOpen },
  onInstall: { kind: 'trigger', params: ['e'], run: onInstall },
  showSidebar: { kind: 'menu', params: [], run: showSidebar },
  showSettings: { kind: 'menu', params: [], run: showSettings },
  setUpWorkbook: { kind: 'menu', params: [], run: setUpWorkbook },
  toggleReminders: { kind: 'menu', params: [], run: toggleReminders },
};
