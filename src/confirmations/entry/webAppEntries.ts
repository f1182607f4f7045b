// The confirmation web app's whole registry (src/webAppMain.ts is its bundle root): nothing of the add-on is in it.
import type { Registry } from '../../entry/entryPoint';
import { answerConfirmation, doGet } from './webApp';

/** The confirmation web app's whole registry: its GET handler and the one function its page calls. */
export const webAppEntries: Registry = {
  // A web app's GET handler is called by Apps Script itself, like a trigger: a plain top-level doGet(e).
  doGet: { kind: 'trigger', params: ['e'], run: doGet },
  answerConfirmation: { kind: 'sidebar', params: ['token', 'verdict', 'words'], run: answerConfirmation },
};
