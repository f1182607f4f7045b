// The add-on menu and its workbook commands: open the sidebar, set up the workbook, settings, reminders on/off.
import { keepFullReadOutputsAfterSetup } from '../gas/fullReadOutputs';
import { loadSettings } from '../gas/settingsStore';
import { hasReminderTrigger } from '../gas/triggers';
import { type SetupReport, setUpWorkbook as setUp, setupSummary } from '../gas/setup';
import { withDocumentLock } from '../gas/writes';
import type { Registry } from './registry';
import { type SwitchResult, turnRemindersOff, turnRemindersOn } from './reminders';
import { SIDEBAR_TAB_ATTRIBUTE, type SidebarTab } from './sidebarTypes';

const TITLE = 'Results Ladder';

/** SPEC §5's menu, in order: caption → the top-level function it runs. */
export const MENU_ITEMS: readonly (readonly [string, string])[] = [
  ['Open sidebar', 'showSidebar'],
  ['Set up workbook', 'setUpWorkbook'],
  ['Refresh dashboard', 'refreshDashboard'],
  // previewReminders shows its own dialog of exactly what the next run would send.
  ['Preview reminders', 'previewReminders'],
  ['Send reminders now', 'runReminders'],
  ['Turn daily reminders on/off', 'toggleReminders'],
  ['Settings', 'showSettings'],
];

/**
 * Builds the add-on menu. Runs in AuthMode.NONE when the add-on is not yet used in this document, so it
 * touches nothing but the Ui: no cells, no properties.
 */
export function onOpen(_e?: unknown): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach(([caption, fn], i) => {
    // A separator between the daily commands and the reminder commands.
    if (i === 3) menu.addSeparator();
    menu.addItem(caption, fn);
  });
  menu.addToUi();
}

/** Installing the add-on from the Marketplace does not fire onOpen; this builds the menu right away. */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** The sidebar's HTML, opening on a given tab (the sidebar reads the attribute on <body>). */
function sidebarOutput(tab: SidebarTab): GoogleAppsScript.HTML.HtmlOutput {
  const output = HtmlService.createHtmlOutputFromFile('Sidebar');
  if (tab !== 'account') {
    output.setContent(output.getContent().replace('<body', `<body ${SIDEBAR_TAB_ATTRIBUTE}="${tab}"`));
  }
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
  const report = withDocumentLock(() => {
    const done = setUp(ss);
    // The Usage summary and the Ladder's mode come from one read of the book (SPEC §4 Big books).
    keepFullReadOutputsAfterSetup(ss, loadSettings());
    return done;
  });
  ss.toast(setupSummary(report), TITLE, 10);
  return report;
}

/** Menu › Turn daily reminders on/off: the opposite of the current state, with the outcome in an alert. */
export function toggleReminders(): SwitchResult {
  const result = hasReminderTrigger() ? turnRemindersOff() : turnRemindersOn();
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
