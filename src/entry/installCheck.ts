// Check this installation: the menu item, its timed trigger and the sidebar's two endpoints. The checks themselves
// are in src/gas/installCheck.ts; what is checked, with sources, in src/gas/installCheckAssumptions.ts.
import { escapeHtml } from '../render/html';
import { installCheck, installCheckProbe } from '../gas/installCheck';
import type { InstallCheckReport } from '../gas/installCheckAssumptions';
import { loadSettingsWithProblems } from '../gas/settingsStore';
import type { Registry } from './entryPoint';
import type { InstallCheckEndpoints, SidebarEntries } from './sidebarContract';

/** The reminders trigger this document's state names ('' when none or unreadable): a clock trigger to look for. */
function reminderTriggerId(): string {
  try {
    return loadSettingsWithProblems().reminders.triggerId;
  } catch {
    return '';
  }
}

/** Runs the check now and schedules its timed part a minute later (sidebar: the Check button). */
export function runInstallCheck(): InstallCheckReport {
  return installCheck(SpreadsheetApp.getActiveSpreadsheet(), true, reminderTriggerId());
}

/** The report as it stands, the timed part as last recorded; schedules nothing (sidebar: on opening, Refresh). */
export function getInstallCheck(): InstallCheckReport {
  return installCheck(SpreadsheetApp.getActiveSpreadsheet(), false, reminderTriggerId());
}

/** The report as a dialog: one row per assumption, then the text block for the maintainers. */
function reportHtml(report: InstallCheckReport): string {
  const rows = report.assumptions
    .map(
      (a) =>
        `<tr><td><b>${escapeHtml(a.status)}</b></td><td>${escapeHtml(a.statement)}<br><small>${escapeHtml(a.observed)}</small></td><td>${escapeHtml(a.then)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html><head><base target="_top"><style>body{font:13px/1.4 Arial,sans-serif;margin:12px}table{border-collapse:collapse}td{border-top:1px solid #ddd;padding:6px;vertical-align:top}pre{white-space:pre-wrap;background:#f4f4f4;padding:8px}</style></head><body>
<p>The timed part runs about a minute from now: run <b>Check this installation</b> again after that to see it. ${escapeHtml(report.timed ? `Timed check: ${report.timed}.` : '')}</p>
<table><tr><th>status</th><th>assumption (what was seen)</th><th>what the add-on does</th></tr>${rows}</table>
<p>For the maintainers (copy all):</p><pre>${escapeHtml(report.text)}</pre></body></html>`;
}

/** Menu › Check this installation: runs the check, schedules the timed part, shows the report. */
export function checkInstallation(): InstallCheckReport {
  const report = runInstallCheck();
  const output = HtmlService.createHtmlOutput(reportHtml(report)).setWidth(760).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(output, 'Results Ladder: check this installation');
  return report;
}

const installCheckSidebarEntries = {
  runInstallCheck: { kind: 'sidebar', params: [], run: runInstallCheck },
  getInstallCheck: { kind: 'sidebar', params: [], run: getInstallCheck },
} satisfies SidebarEntries<InstallCheckEndpoints>;

export const installCheckEntries: Registry = {
  checkInstallation: { kind: 'menu', params: [], run: checkInstallation },
  installCheckProbe: { kind: 'trigger', params: ['e'], run: installCheckProbe },
  ...installCheckSidebarEntries,
};
