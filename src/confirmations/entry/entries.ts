// What Apps Script may call of the confirmations: the sidebar's two endpoints, the web app's doGet and the page's
// answerConfirmation (google.script.run from the web app page).
import type { Registry } from '../../entry/entryPoint';
import type { ConfirmationEndpoints, SidebarEntries } from '../../entry/sidebarContract';
import { askToConfirm, getConfirmationAsks } from './ask';
import { answerConfirmation, doGet } from './webApp';

export { drainConfirmations, noteAccountStatement } from '../gas/drain';

/** The endpoints google.script.run calls, checked against the sidebar's contract. */
const confirmationSidebarEntries = {
  askToConfirm: { kind: 'sidebar', params: ['payload'], run: askToConfirm },
  getConfirmationAsks: { kind: 'sidebar', params: ['accountId'], run: getConfirmationAsks },
  answerConfirmation: { kind: 'sidebar', params: ['token', 'verdict', 'words'], run: answerConfirmation },
} satisfies SidebarEntries<ConfirmationEndpoints>;

export const confirmationEntries: Registry = {
  askToConfirm: confirmationSidebarEntries.askToConfirm,
  getConfirmationAsks: confirmationSidebarEntries.getConfirmationAsks,
  // A web app's GET handler is called by Apps Script itself, like a trigger: a plain top-level doGet(e).
  doGet: { kind: 'trigger', params: ['e'], run: doGet },
  answerConfirmation: confirmationSidebarEntries.answerConfirmation,
};
