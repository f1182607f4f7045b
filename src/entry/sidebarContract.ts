// The sidebar's endpoints as one list of signatures: the registry's sidebar entries are checked against it and the
// sidebar's client types come from it. Types only, over pure modules, so the sidebar can import it without Apps Script.
import type {
  ReminderPanel,
  SaveReminderSettingsPayload,
  SaveReminderSettingsResult,
  SetRemindersOnPayload,
  SetRemindersOnResult,
} from '../reminders/entry/types';
import type {
  AccountViewResponse,
  LogResultPayload,
  MyBookView,
  QbrBriefResponse,
  RecordCheckPayload,
  RecordConfirmationPayload,
  SaveChainPayload,
  SelectionView,
  SelectRowResponse,
  WriteResponse,
} from './sidebarTypes';
import type { AskPayload, AskResponse, AsksResponse } from '../confirmations/entry/types';
import type { InstallCheckReport } from '../gas/installCheckAssumptions';

/** The account and book endpoints (entry/sidebarApi.ts), as the sidebar calls them. */
export interface AccountEndpoints {
  getAccountView: (row?: number) => AccountViewResponse;
  getSelection: () => SelectionView;
  saveChain: (payload: SaveChainPayload) => WriteResponse;
  logResult: (payload: LogResultPayload) => WriteResponse;
  recordCheck: (payload: RecordCheckPayload) => WriteResponse;
  recordConfirmation: (payload: RecordConfirmationPayload) => WriteResponse;
  getMyBook: () => MyBookView;
  selectRow: (sheet: string, row: number) => SelectRowResponse;
  getQbrBrief: (row: number) => QbrBriefResponse;
}

/** The reminders panel's endpoints (entry/reminders.ts), as the sidebar calls them. */
export interface ReminderEndpoints {
  getReminderPanel: () => ReminderPanel;
  saveReminderSettings: (payload: SaveReminderSettingsPayload) => SaveReminderSettingsResult;
  setRemindersOn: (payload: SetRemindersOnPayload) => SetRemindersOnResult;
}

/**
 * The confirmation endpoints (confirmations/entry): asks from the sidebar. The confirmation page's answerConfirmation
 * is not here: it belongs to the separate web app project (src/webAppMain.ts), never to the add-on.
 */
export interface ConfirmationEndpoints {
  askToConfirm: (payload: AskPayload) => AskResponse;
  getConfirmationAsks: (accountId: string) => AsksResponse;
}

/** Check this installation (entry/installCheck.ts): run it (and schedule its timed part), or read the report. */
export interface InstallCheckEndpoints {
  runInstallCheck: () => InstallCheckReport;
  getInstallCheck: () => InstallCheckReport;
}

/** Every server endpoint the sidebar may call, by name. */
export interface SidebarEndpoints
  extends AccountEndpoints,
    ReminderEndpoints,
    ConfirmationEndpoints,
    InstallCheckEndpoints {}

/** Any function an endpoint may be. `never[]` parameters accept every signature. */
export type AnyEndpoint = (...args: never[]) => unknown;

/** One name per parameter, in order, optional ones included: a missing or extra name is a compile error. */
type NamesOf<P extends readonly unknown[]> = { readonly [I in keyof P]-?: string };

/**
 * The registry entry of the endpoint whose signature is `F`: its runner must take what the sidebar sends (a
 * runner may accept more, e.g. `unknown` it then validates) and answer what the sidebar expects.
 */
export interface SidebarEntry<F extends AnyEndpoint> {
  readonly kind: 'sidebar';
  readonly params: NamesOf<Parameters<F>>;
  readonly run: F;
}

/** Registry entries for exactly the endpoints of `C`, each typed from its signature. */
export type SidebarEntries<C> = {
  readonly [K in keyof C]: C[K] extends AnyEndpoint ? SidebarEntry<C[K]> : never;
};
