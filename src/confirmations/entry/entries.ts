// What the add-on's project may call of the confirmations: the sidebar's two endpoints. The web app's two functions
// are in webAppEntries.ts, the whole registry of a separate project (src/webAppMain.ts): deploying the add-on's own
// project as a web app would let anyone call every one of its functions as the deployer.
import type { Registry } from '../../entry/entryPoint';
import type { ConfirmationEndpoints, SidebarEntries } from '../../entry/sidebarContract';
import { askToConfirm, getConfirmationAsks } from './ask';

/** The endpoints the sidebar's google.script.run calls, checked against the sidebar's contract. */
const confirmationSidebarEntries = {
  askToConfirm: { kind: 'sidebar', params: ['payload'], run: askToConfirm },
  getConfirmationAsks: { kind: 'sidebar', params: ['accountId'], run: getConfirmationAsks },
} satisfies SidebarEntries<ConfirmationEndpoints>;

export const confirmationEntries: Registry = { ...confirmationSidebarEntries };
