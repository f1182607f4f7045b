// The confirmation web app: doGet shows the page a link opens, answerConfirmation records the answer the page sends
// through google.script.run.
//
// These two functions are the WHOLE of a separate Apps Script project (dist/webapp, built from src/webAppMain.ts):
// a web app page can call every public top-level function of its project as the deployer, so the add-on's own
// project is never deployed as a web app. The project runs as the deployer with access "Anyone, even anonymous"
// (dist/webapp/appsscript.json) and shares nothing with the add-on but the spreadsheet: it opens the spreadsheet the
// link names (SpreadsheetApp.openById, the full spreadsheets scope of this small project only), reads the link
// secret from that spreadsheet's developer metadata, the ask from its hidden Confirmation asks sheet and the
// account's current row, and writes the answer there. A web app execution has no containing document (no document
// lock or properties), so a Confirm is written under this project's script lock.
import * as z from 'zod/mini';
import { judgeLink, type Refusal, refusal } from '../core/answer';
import { type AskedResult, type AskRecord, askedResultOf, MAX_WORDS, VERDICTS } from '../core/asks';
import { type Claims, ClaimsSchema, fromBase64url, fromUtf8, verifyToken } from '../core/token';
import { renderConfirmationPage, renderNoticePage } from '../render/page';
import { askById, findAskSheet, recordAnswer } from '../gas/askSheet';
import { hmacWith, readSecret } from '../gas/crypto';
import { accountById, appendConfirmation, statementHashOf } from '../gas/sheet';
import type { AnswerReply } from './types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where the ask is and what the page shows, once a link may be answered. */
interface Answerable {
  readonly claims: Claims;
  readonly ss: Spreadsheet;
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly row: number;
  readonly ask: AskRecord;
  readonly result: AskedResult;
}
type Judged = Answerable | { readonly refused: Refusal };

/**
 * The spreadsheet a token names, read from its payload BEFORE the signature is checked: only to know where the
 * secret that checks it is kept. Nothing else of an unchecked payload is used.
 */
function namedSpreadsheet(token: unknown): string | null {
  if (typeof token !== 'string' || token.length > 2000) return null;
  const bytes = fromBase64url(token.trim().split('.')[0] ?? '');
  const json = bytes === null ? null : fromUtf8(bytes);
  try {
    const parsed = ClaimsSchema.safeParse(json === null ? null : JSON.parse(json));
    return parsed.success ? parsed.data.ss : null;
  } catch {
    return null;
  }
}

function openNamed(token: unknown): Spreadsheet | null {
  const id = namedSpreadsheet(token);
  if (id === null) return null;
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    // Deleted, or the deployer cannot open it: no secret to check the link with.
    return null;
  }
}

/** Everything a link is checked against, read from the spreadsheet it names. Writes nothing. */
function judge(token: unknown): Judged {
  const ss = openNamed(token);
  const secret = ss ? readSecret(ss) : null;
  if (!ss || !secret) return { refused: refusal('forged') };
  const check = verifyToken(token, hmacWith(secret), Date.now());
  const claims = check.ok ? check.claims : check.claims;
  if (!claims) return { refused: refusal('forged') };
  const sheet = findAskSheet(ss);
  const found = sheet ? askById(sheet, claims.ask) : null;
  const current = found ? accountById(ss, claims.acct) : null;
  const judged = judgeLink({
    check,
    spreadsheetId: ss.getId(),
    ask: found ? found.ask : null,
    currentHash: current ? statementHashOf(current.account) : null,
  });
  if ('refused' in judged) return judged;
  const { account, resultWindowDays } = current as NonNullable<typeof current>;
  const ask = (found as NonNullable<typeof found>).ask;
  return {
    claims: judged.claims,
    ss,
    sheet: sheet as GoogleAppsScript.Spreadsheet.Sheet,
    row: (found as NonNullable<typeof found>).row,
    ask,
    result: askedResultOf(account, resultWindowDays, ask.value, ask.valueOn),
  };
}

function page(html: string, title: string): GoogleAppsScript.HTML.HtmlOutput {
  // The title is plain text (Apps Script sets it as the page's title, not as HTML).
  return HtmlService.createHtmlOutput(html)
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/** doGet(e): the page for `?c=<token>`: the result and the two answers, or why the link cannot be answered. */
export function doGet(e?: { parameter?: Record<string, string> }): GoogleAppsScript.HTML.HtmlOutput {
  const token = e?.parameter?.c;
  if (!token) {
    const title = 'No confirmation link';
    return page(renderNoticePage(title, 'Open the link from the mail you were sent.'), title);
  }
  const judged = judge(token);
  if ('refused' in judged)
    return page(renderNoticePage(judged.refused.title, judged.refused.message), judged.refused.title);
  return page(
    renderConfirmationPage(token, {
      who: judged.ask.validator,
      statement: judged.ask.statement,
      result: judged.result,
    }),
    `Confirm a result — ${judged.result.accountName}`,
  );
}

const Answer = z.object({
  verdict: z.enum(VERDICTS),
  words: z.string().check(z.maxLength(MAX_WORDS)),
});

/** Runs `work` holding this project's script lock: two answers to one link at once record one. */
function withScriptLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) throw new Error('Another answer is being recorded. Try again in a moment.');
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/**
 * answerConfirmation(token, verdict, words): records 'confirm' or 'not yet' with their words, once per link. Every
 * refusal (forged, expired, reused, another account's or spreadsheet's, result changed) writes nothing.
 */
export function answerConfirmation(token: unknown, verdict: unknown, words: unknown): AnswerReply {
  const parsed = Answer.safeParse({ verdict, words: words ?? '' });
  if (!parsed.success) {
    return {
      ok: false,
      title: 'Your answer was not sent',
      message: `Choose Confirm or Not yet, and keep your words under ${MAX_WORDS} characters.`,
    };
  }
  const text = parsed.data.words.trim();
  try {
    return withScriptLock((): AnswerReply => {
      // Judged again under the lock: the ask is still pending, the result unchanged, the link still the newest.
      const judged = judge(token);
      if ('refused' in judged)
        return { ok: false, title: judged.refused.title, message: judged.refused.message };
      const { ss, sheet, row, ask } = judged;
      const answeredOn = new Date().toISOString();
      const confirmed = parsed.data.verdict === 'confirm';
      if (confirmed) {
        appendConfirmation(
          ss,
          { accountId: ask.accountId, validator: ask.validator, role: ask.role || null, value: ask.value },
          answeredOn,
          text,
        );
      }
      recordAnswer(sheet, row, {
        ...ask,
        status: confirmed ? 'confirmed' : 'not yet',
        answeredOn,
        ...(text ? { words: text } : {}),
      });
      return confirmed
        ? {
            ok: true,
            title: 'Thank you — confirmed',
            message: `Your confirmation of "${ask.statement}" is recorded${text ? ', with your words' : ''}. You can close this page.`,
          }
        : {
            ok: true,
            title: 'Thank you for telling us',
            message:
              'Nothing was confirmed. The team that asked you will follow up. You can close this page.',
          };
    });
  } catch (err) {
    return {
      ok: false,
      title: 'Your answer was not recorded',
      message: `${err instanceof Error ? err.message : String(err)} Nothing was recorded; please try again.`,
    };
  }
}
