// The one list of everything Apps Script may call: the build writes a top-level declaration for each entry.
import { confirmationEntries } from '../confirmations/entry/entries';
import { customFunctionEntries } from './customFunctions';
import { dashboardEntries } from './dashboard';
import { reminderEntries } from './reminders';
import { sidebarEntries } from './sidebarApi';
import { workbookEntries } from './workbook';

export interface CustomFunctionDoc {
  /** First line(s) of the JSDoc: what the function answers. */
  readonly summary: string;
  readonly params: readonly { readonly name: string; readonly type: string; readonly description: string }[];
  readonly returns: string;
}

export interface EntryPoint {
  /**
   * menu/trigger: called by the menu or a trigger; custom: a cell formula (gets `@customfunction` JSDoc);
   * sidebar: a server endpoint for google.script.run.
   */
  readonly kind: 'menu' | 'trigger' | 'custom' | 'sidebar';
  /** Parameter names, as Apps Script and Sheets show them. */
  readonly params: readonly string[];
  readonly run: (...args: never[]) => unknown;
  /** Required for custom functions. */
  readonly doc?: CustomFunctionDoc;
}

export type Registry = Readonly<Record<string, EntryPoint>>;

export const registry: Registry = {
  ...workbookEntries,
  ...sidebarEntries,
  ...dashboardEntries,
  ...reminderEntries,
  ...customFunctionEntries,
  ...confirmationEntries,
};
