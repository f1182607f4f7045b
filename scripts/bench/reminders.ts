// Bench: a reminder run over the generated 10,000-account book in the runtime — time, service calls, emails.
import { pathToFileURL } from 'node:url';
import { generateBook } from '../../local/generateBook';
import { createRuntime } from '../../local/runtime/index';
import { SHEET } from '../../src/sheets/layout';

const TODAY = '2026-11-24';
/** 08:30 in New York: when a daily 8 o'clock trigger would have fired. */
const NOW = new Date(`${TODAY}T13:30:00Z`);
const ACCOUNTS = 10_000;
/** The bar for the whole run in Node. */
const BUDGET_MS = 2000;

function ownersOf(sheets: Record<string, unknown[][]>): string[] {
  const [header, ...rows] = sheets[SHEET.accounts] ?? [[]];
  const col = header.findIndex((h) => String(h).trim().toLowerCase() === 'owner');
  return [
    ...new Set(
      rows
        .map((r) =>
          String(r[col] ?? '')
            .trim()
            .toLowerCase(),
        )
        .filter(Boolean),
    ),
  ];
}

export async function benchReminders(): Promise<Record<string, unknown>> {
  const sheets = generateBook({ accounts: ACCOUNTS, weeks: 26, seed: 7, today: TODAY });
  const owners = ownersOf(sheets);
  const domain = (owners[0] ?? 'lead@acme.example').split('@')[1] ?? 'acme.example';
  const leader = `lead@${domain}`;
  const rt = createRuntime({ now: NOW, sheets, user: leader, mailQuota: 1500 });
  rt.load();
  rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: leader }));
  // The data sheets, Ladder history and the Reminder ledger (the log is only appended to).
  const sheetsRead = Object.keys(sheets).length + 2;

  rt.calls.reset();
  const t0 = performance.now();
  rt.call('runReminders');
  const ms = Math.round(performance.now() - t0);
  const calls = rt.calls.byMethod();
  const emails = rt.mail.outbox.length;
  const cells = rt.calls.cellsByMethod();
  const maxHtmlBytes = Math.max(0, ...rt.mail.outbox.map((m) => Buffer.byteLength(m.htmlBody ?? '')));
  const logRows = Math.max(0, rt.values(SHEET.reminderLog).length - 1);

  rt.calls.reset();
  const t1 = performance.now();
  rt.call('runReminders');
  const rerunMs = Math.round(performance.now() - t1);
  const rerunEmails = rt.mail.outbox.length - emails;

  return {
    accounts: ACCOUNTS,
    owners: owners.length,
    ms,
    calls,
    cells,
    emails,
    maxHtmlBytes,
    logRows,
    rerun: { ms: rerunMs, emails: rerunEmails, calls: rt.calls.byMethod() },
    checks: {
      getValuesAtMostOncePerSheet: (calls['Range.getValues'] ?? 0) <= sheetsRead,
      // Ladder history (changes only), the log, the ledger's header and end row, and one ledger row per digest
      // sent (recorded as it goes out): writes grow with digests sent, never with accounts.
      writesGrowWithDigestsNotAccounts: (calls['Range.setValues'] ?? 0) <= 4 + emails,
      // No service call per account: every method is called at most a few times per digest.
      noPerRowCalls: Object.entries(calls).every(
        ([method, n]) => method === 'MailApp.sendEmail' || n <= 2 * emails + 20,
      ),
      digestsUnder60KB: maxHtmlBytes <= 60 * 1024,
      emailsAtMostOwnersPlusLeader: emails <= owners.length + 1,
      sameDayRerunSendsNothing: rerunEmails === 0,
      underBudget: ms <= BUDGET_MS,
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchReminders().then((r) => console.log(JSON.stringify(r, null, 2)));
}
