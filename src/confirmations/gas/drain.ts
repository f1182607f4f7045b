// The add-on's half of the answer: answers the web app queued in script properties become Results rows (a Confirm)
// or a note on the ask (a Not yet), at the add-on's next read of the spreadsheet. Each answer is recorded once: the
// ask leaves 'pending' and the answer is marked drained under the document lock and the script lock together.
import type { Account } from '../../core/types';
import { withDocumentLock } from '../../gas/writes';
import { type AskStatus, readAsk, statusAt } from '../core/asks';
import {
  allAsks,
  askKey,
  loadAnswer,
  resultKey,
  saveAnswer,
  saveAsk,
  scriptStore,
  withScriptLock,
} from './store';
import { accountById, appendConfirmation, statementHashOf } from './sheet';

export interface DrainReport {
  /** Confirmations recorded on their asks (written to Results by this drain, or already by the web app). */
  readonly recorded: number;
  readonly notYet: number;
  /** Answers that came for a result that has changed since the ask: recorded on the ask, not in Results. */
  readonly superseded: number;
  readonly expired: number;
  /** Why the drain stopped (the answers stay queued for the next read), or ''. */
  readonly error: string;
}

/**
 * Records the answers waiting for this spreadsheet's pending asks, and marks pending asks past their expiry as
 * expired. Cheap when nothing waits: one getProperties of the document and one getProperty per pending ask. Never
 * throws: a busy lock or a missing sheet leaves the answers queued and says so in `error`. For the call sites that
 * read the book (Account view, My book, refresh, the reminder run); a time-driven run without a document drains
 * nothing.
 */
export function drainConfirmations(): DrainReport {
  let recorded = 0;
  let notYet = 0;
  let superseded = 0;
  let expired = 0;
  const report = (error = ''): DrainReport => ({ recorded, notYet, superseded, expired, error });
  try {
    const doc = PropertiesService.getDocumentProperties();
    if (!doc) return report();
    const pending = allAsks(doc).filter((a) => a.status === 'pending');
    if (pending.length === 0) return report();
    const script = scriptStore();
    const now = Date.now();
    const waiting: string[] = [];
    for (const ask of pending) {
      const answer = loadAnswer(ask.askId, script);
      if (answer && !answer.drained) waiting.push(ask.askId);
      else if (statusAt(ask, now) === 'expired') {
        saveAsk({ ...ask, status: 'expired' }, doc);
        expired++;
      }
    }
    if (waiting.length === 0) return report();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const hashes = new Map<string, string | null>();
    const hashOf = (accountId: string): string | null => {
      if (!hashes.has(accountId)) {
        const account = accountById(ss, accountId);
        hashes.set(accountId, account ? statementHashOf(account) : null);
      }
      return hashes.get(accountId) ?? null;
    };
    withDocumentLock(() =>
      withScriptLock(() => {
        for (const askId of waiting) {
          // Read again under both locks: another drain (or the web app) may have got here first.
          const ask = readAsk(doc.getProperty(askKey(askId)));
          const answer = loadAnswer(askId, script);
          if (!ask || !answer || ask.status !== 'pending' || answer.drained) continue;
          let status: AskStatus = answer.verdict === 'confirm' ? 'confirmed' : 'not yet';
          if (answer.verdict === 'confirm' && !answer.written) {
            if (hashOf(ask.accountId) !== ask.statementHash) status = 'superseded';
            else {
              appendConfirmation(
                ss,
                {
                  accountId: ask.accountId,
                  validator: ask.validator,
                  role: ask.role,
                  value: ask.result.latest,
                },
                answer.answeredOn,
                answer.words,
              );
              recorded++;
            }
          } else if (answer.verdict === 'confirm') recorded++;
          if (status === 'not yet') notYet++;
          if (status === 'superseded') superseded++;
          saveAsk({ ...ask, status, answeredOn: answer.answeredOn, words: answer.words }, doc);
          // Their words now live on the ask (and in Results); the queue keeps only that it was answered, and when.
          saveAnswer(askId, { ...answer, words: '', drained: true }, script);
        }
      }),
    );
    return report();
  } catch (err) {
    return report(err instanceof Error ? err.message : String(err));
  }
}

/**
 * After the add-on read an account: when it has pending asks, keep the script's copy of its statement hash current
 * (the web app refuses a link whose result changed) and mark asks about an earlier statement superseded.
 */
export function noteAccountStatement(account: Account): void {
  const doc = PropertiesService.getDocumentProperties();
  if (!doc) return;
  const asks = allAsks(doc).filter((a) => a.accountId === account.id && a.status === 'pending');
  if (asks.length === 0) return;
  const hash = statementHashOf(account);
  const script = scriptStore();
  const key = resultKey(asks[0].spreadsheetId, account.id);
  if (script.getProperty(key) !== hash) script.setProperty(key, hash);
  for (const ask of asks) if (ask.statementHash !== hash) saveAsk({ ...ask, status: 'superseded' }, doc);
}
