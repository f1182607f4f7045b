// The one list of everything Apps Script may call: the build writes a top-level declaration for each entry.
import { confirmationEntries } from '../confirmations/entry/entries';
import { customFunctionEntries } from './customFunctions';
import { dashboardEntries } from './dashboard';
import { installCheckEntries } from './installCheck';
import { reminderEntries } from '../reminders/entry/reminders';
import { sidebarEntries } from './sidebarApi';
import type { Registry } from './entryPoint';
import { workbookEntries } from './workbook';

export const registry: Registry = {
  ...workbookEntries,
  ...sidebarEntries,
  ...dashboardEntries,
  ...reminderEntries,
  ...customFunctionEntries,
  ...confirmationEntries,
  ...installCheckEntries,
};
