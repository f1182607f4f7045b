// The confirmation web app: doGet shows the page a link opens, answerConfirmation records the answer the page sends
// through google.script.run.
//
// It runs in the team's own deployment (Deploy › New deployment › Web app: execute as the deployer, access "Anyone,
// even anonymous" — appsscript.json's `webapp`). A web app execution has no containing document: no active
// spreadsheet, and getDocumentLock()/getDocumentProperties() return null. So the answer is kept in script
// properties under the script lock, and written straight into the sheet only when SpreadsheetApp.openById works
// (whether it does under spreadsheets.currentonly is not documented; see docs/platform.md). The add-on drains the
// rest at its next read (gas/drain.ts).
import * as z from 'zod/mini';
import { judgeLink, type Refusal, refusal } from '../core/answer';
import { type LinkRecord, MAX_WORDS, VERDICTS } from '../core/asks';
import { type Claims, verifyToken } from '../core/token';
import { renderConfirmationPage, renderNoticePage } from '../render/page';
import { hmacWith, linkSecret } from '../gas/crypto';
import { accountById, appendConfirmation, statementHashOf } from '../gas/sheet';
import {
  currentHash,
  loadAnswer,
  loadLink,
  resultKey,
  saveAnswer,
  scriptStore,
  withScriptLock,
} from '../gas/store';

import type { AnswerReply } from './types';

type Judged = { readonly claims: Claims; readonly link: LinkRecord } | { readonly refused: Refusal };

/** Everything a link is checked against, read from script properties only (the web app has no document). */
function judge(token: unknown): Judged {
  const secret = linkSecret(false);
  if (!secret) return { refused: refusal('forged') };
  const check = verifyToken(token, hmacWith(secret), Date.now());
  const claims = check.ok ? check.claims : check.claims;
  const script = scriptStore();
  const link = claims ? loadLink(claims.ask, script) : null;
  const judged = judgeLink({
    check,
    link,
    answer: claims ? loadAnswer(claims.ask, script) : null,
    currentHash: claims ? currentHash(claims.ss, claims.acct, script) : null,
  });
  return 'refused' in judged ? judged : { claims: judged.claims, link: link as LinkRecord };
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
    renderConfirmationPage(token, judged.link),
    `Confirm a result — ${judged.link.result.accountName}`,
  );
}

const Answer = z.object({
  verdict: z.enum(VERDICTS),
  words: z.string().check(z.maxLength(MAX_WORDS)),
});

/**
 * The Results row written straight into the sheet when the web app may open it; null when it may not (the drain
 * writes it later), or the refusal when the live sheet shows the result changed since the ask.
 */
function writeDirect(claims: Claims, link: LinkRecord, answeredOn: string, words: string): boolean | Refusal {
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    ss = SpreadsheetApp.openById(claims.ss);
  } catch {
    return false;
  }
  const account = accountById(ss, claims.acct);
  const hash = account ? statementHashOf(account) : null;
  if (hash !== claims.st) {
    if (hash) scriptStore().setProperty(resultKey(claims.ss, claims.acct), hash);
    return refusal('changed');
  }
  appendConfirmation(
    ss,
    { accountId: claims.acct, validator: link.who, role: link.role, value: link.result.latest },
    answeredOn,
    words,
  );
  SpreadsheetApp.flush();
  return true;
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
      const judged = judge(token);
      if ('refused' in judged)
        return { ok: false, title: judged.refused.title, message: judged.refused.message };
      const { claims, link } = judged;
      const answeredOn = new Date().toISOString();
      let written = false;
      if (parsed.data.verdict === 'confirm') {
        const direct = writeDirect(claims, link, answeredOn, text);
        if (typeof direct !== 'boolean') return { ok: false, title: direct.title, message: direct.message };
        written = direct;
      }
      saveAnswer(claims.ask, {
        verdict: parsed.data.verdict,
        words: text,
        answeredOn,
        written,
        drained: false,
      });
      return parsed.data.verdict === 'confirm'
        ? {
            ok: true,
            title: 'Thank you — confirmed',
            message: `Your confirmation of "${link.statement}" is recorded${text ? ', with your words' : ''}. You can close this page.`,
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
