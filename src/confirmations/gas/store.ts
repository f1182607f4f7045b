// Where asks and answers are kept.
//
// - Asks: DOCUMENT properties, one key per ask (`rl.ask.<askId>`): per spreadsheet, readable by every user of it, so
//   the Account view of any CSM says "Asked … (pending)". A web app has no document, so it never reads these.
// - Links, answers and the current statement hash of an asked account: SCRIPT properties (`rl.link.<askId>`,
//   `rl.answer.<askId>`, `rl.result.<spreadsheetId>.<accountId>`): the one store both the add-on and the web app
//   read ("a property store that all users can access, but only within this script",
//   https://developers.google.com/apps-script/reference/properties/properties-service#getScriptProperties()).
//   For a published add-on that store is shared by every spreadsheet it is installed in, hence the ids in the keys,
//   and it holds 500 kB in all: only asked accounts get a key, and links older than their expiry + 30 days are swept.
import {
  type AnswerRecord,
  type AskRecord,
  type LinkRecord,
  readAnswer,
  readAsk,
  readLink,
} from '../core/asks';

const ASK = 'rl.ask.';
const LINK = 'rl.link.';
const ANSWER = 'rl.answer.';
const RESULT = 'rl.result.';
const DAY_MS = 86_400_000;

export const askKey = (askId: string) => `${ASK}${askId}`;
export const linkKey = (askId: string) => `${LINK}${askId}`;
export const answerKey = (askId: string) => `${ANSWER}${askId}`;
export const resultKey = (spreadsheetId: string, accountId: string) =>
  `${RESULT}${spreadsheetId}.${accountId}`;

type Properties = GoogleAppsScript.Properties.Properties;

/** Every ask of this spreadsheet (one getProperties), or [] outside a document. */
export function allAsks(doc: Properties | null = PropertiesService.getDocumentProperties()): AskRecord[] {
  if (!doc) return [];
  const all = doc.getProperties();
  const asks: AskRecord[] = [];
  for (const key of Object.keys(all)) {
    if (!key.startsWith(ASK)) continue;
    const ask = readAsk(all[key]);
    if (ask) asks.push(ask);
  }
  return asks.sort((x, y) => (x.askedOn < y.askedOn ? 1 : x.askedOn > y.askedOn ? -1 : 0));
}

export function saveAsk(ask: AskRecord, doc: Properties): void {
  doc.setProperty(askKey(ask.askId), JSON.stringify(ask));
}

export function scriptStore(): Properties {
  return PropertiesService.getScriptProperties();
}

export function loadLink(askId: string, script = scriptStore()): LinkRecord | null {
  return readLink(script.getProperty(linkKey(askId)));
}

export function loadAnswer(askId: string, script = scriptStore()): AnswerRecord | null {
  return readAnswer(script.getProperty(answerKey(askId)));
}

export function saveAnswer(askId: string, answer: AnswerRecord, script = scriptStore()): void {
  script.setProperty(answerKey(askId), JSON.stringify(answer));
}

export function currentHash(spreadsheetId: string, accountId: string, script = scriptStore()): string | null {
  return script.getProperty(resultKey(spreadsheetId, accountId));
}

/** Links (and their answers) past their expiry by more than 30 days: nobody can use them any more. */
export function sweepOldLinks(nowMs: number, script = scriptStore()): void {
  const all = script.getProperties();
  for (const key of Object.keys(all)) {
    if (!key.startsWith(LINK)) continue;
    const link = readLink(all[key]);
    if (link && link.exp + 30 * DAY_MS >= nowMs) continue;
    const askId = key.slice(LINK.length);
    script.deleteProperty(key);
    script.deleteProperty(answerKey(askId));
  }
}

/** Runs `work` holding the script lock (the one lock the web app and the add-on share). */
export function withScriptLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) throw new Error('Another answer is being recorded. Try again in a moment.');
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
