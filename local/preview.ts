// `npm start`: runs the built bundle on the demo book or a downloaded .xlsx, prints the ladder, writes the emails, serves the sidebar.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs as parseCommandLine } from 'node:util';
import { dateOfDay, dayConverter, dayFromIso, isoOfDay } from '../src/core/dates';
import { escapeHtml } from '../src/render/html';
import type { ReminderPreview, ReminderPreviewDigest } from '../src/reminders/entry/types';
import type { MyBookView } from '../src/entry/sidebarTypes';
import { SETTINGS_PROPERTY } from '../src/gas/settingsStore';
import { SHEET } from '../src/sheets/layout';
import { DEMO_LEADER, demoBook } from './demoBook';
import { ladderOfBook } from './ladderOfBook';
import { createRuntime, type Runtime } from './runtime/index';
import { startPreviewServer } from './server';
import { ladderTable, truncate, wantsColour } from './terminalTable';
import { DEFAULT_TIME_ZONE, readXlsx } from './xlsx';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface PreviewOptions {
  /** A workbook downloaded from Google Sheets (File › Download › .xlsx); the demo book when absent. */
  readonly xlsx?: string;
  /** 'YYYY-MM-DD': the day the bundle believes it is (default: today in `timeZone`). */
  readonly today?: string;
  readonly timeZone: string;
  /** The signed-in user (Session.getActiveUser) and, unless settings say otherwise, the leader. */
  readonly user?: string;
  /** Where the digests go as HTML files (emptied first). */
  readonly emailsDir: string;
}

export interface Preview {
  readonly runtime: Runtime;
  readonly today: string;
  readonly user: string;
  /** LADDER's answer, header row first, exactly as the custom function returns it. */
  readonly ladder: unknown[][];
  readonly book: MyBookView;
  readonly reminders: ReminderPreview;
  /** Paths of the written email files, index.html first. */
  readonly emailFiles: string[];
}

/** Today in a zone as 'YYYY-MM-DD'. */
function todayIn(timeZone: string): string {
  const day = dayConverter(timeZone)(new Date());
  if (day === null) throw new Error(`Unknown time zone '${timeZone}'`);
  return isoOfDay(day);
}

/**
 * A downloaded book has no settings and its owners are on the team's own domain: preview it as the
 * leader of the most common owner domain, so the default "owner's domain" rule admits the team's mail.
 */
function leaderFor(sheets: Record<string, unknown[][]>): string {
  const accounts = sheets[SHEET.accounts] ?? [];
  const ownerAt = (accounts[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === 'owner');
  const domains = new Map<string, number>();
  for (const row of accounts.slice(1)) {
    const m = /@([^@\s]+)$/.exec(String(row[ownerAt] ?? '').trim());
    if (m) domains.set(m[1].toLowerCase(), (domains.get(m[1].toLowerCase()) ?? 0) + 1);
  }
  const top = [...domains.entries()].sort((a, b) => b[1] - a[1])[0];
  return top ? `lead@${top[0]}` : DEMO_LEADER;
}

/** Views the add-on generates itself; setUpWorkbook rebuilds them with their live formulas. */
const GENERATED_SHEETS: readonly string[] = [SHEET.ladder, SHEET.dashboard];

export async function preparePreview(options: PreviewOptions): Promise<Preview> {
  const { timeZone } = options;
  const today = options.today ?? todayIn(timeZone);
  const day = dayFromIso(today);
  if (day === null) throw new Error(`--today must be YYYY-MM-DD, got '${today}'`);

  let sheets: Record<string, unknown[][]>;
  if (options.xlsx) {
    // A downloaded Ladder/Dashboard holds only cached values of formulas; let setUpWorkbook rebuild them.
    const read = await readXlsx(options.xlsx, timeZone);
    sheets = Object.fromEntries(Object.entries(read).filter(([name]) => !GENERATED_SHEETS.includes(name)));
  } else {
    sheets = demoBook({ today, timeZone });
  }
  const user = options.user ?? (options.xlsx ? leaderFor(sheets) : DEMO_LEADER);

  // The clock inside the bundle: 09:00 on the preview day, like a morning reminder run.
  const now = new Date(dateOfDay(day, timeZone).getTime() + 9 * 3_600_000);
  const runtime = createRuntime({ timeZone, now, user, sheets });
  runtime.load(join(root, 'dist/Code.js'));
  if (!runtime.properties.document.has(SETTINGS_PROPERTY)) {
    runtime.properties.document.set(SETTINGS_PROPERTY, JSON.stringify({ leaderEmail: user }));
  }

  runtime.call('setUpWorkbook');
  const ladder = ladderOfBook(runtime);
  const book = runtime.call<MyBookView>('getMyBook');
  const reminders = runtime.call<ReminderPreview>('previewReminders');
  const emailFiles = writeEmails(reminders, options.emailsDir);
  // The sidebar opens on the first account, as if the user had clicked its row.
  runtime.setActiveCell(SHEET.accounts, 2);
  return { runtime, today, user, ladder, book, reminders, emailFiles };
}

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._@-]+/g, '_').slice(0, 80) || 'recipient';
}

/** One HTML file per digest (NN-recipient.html) and an index linking them, in the order a run would send them. */
export function writeEmails(reminders: ReminderPreview, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  // Digests from an earlier run would read as emails this run plans to send; only our own files go.
  for (const name of readdirSync(dir)) {
    if (name === 'index.html' || /^\d{2,}-.+\.html$/.test(name)) rmSync(join(dir, name));
  }
  const files: string[] = [];
  const rows: string[] = [];
  reminders.digests.forEach((digest: ReminderPreviewDigest, i: number) => {
    const name = `${String(i + 1).padStart(2, '0')}-${fileSafe(digest.recipient)}.html`;
    // An address is user text: fileSafe keeps it to one harmless file name inside `dir`.
    writeFileSync(join(dir, name), digest.html);
    files.push(join(dir, name));
    rows.push(
      `<tr><td><a href="${escapeHtml(name)}">${escapeHtml(digest.recipient)}</a></td><td>${escapeHtml(digest.kind)}</td>` +
        `<td>${escapeHtml(digest.subject)}</td><td>${digest.items}</td><td>${escapeHtml(digest.status)}</td></tr>`,
    );
  });
  const index = `<!doctype html><html><head><meta charset="utf-8"><title>Reminder preview ${escapeHtml(reminders.today)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}</style>
</head><body><h1>Emails the reminder run of ${escapeHtml(reminders.today)} would send</h1>
<p>Remaining daily quota: ${reminders.quota}. ${reminders.digests.length} digest(s).</p>
<table><thead><tr><th>Recipient</th><th>Kind</th><th>Subject</th><th>Items</th><th>Status</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${reminders.problems.length ? `<h2>Settings problems</h2><ul>${reminders.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
  writeFileSync(join(dir, 'index.html'), index);
  return [join(dir, 'index.html'), ...files];
}

interface Args {
  readonly xlsx?: string;
  readonly serve: boolean;
  readonly port: number;
  readonly today?: string;
  readonly timeZone: string;
  readonly user?: string;
  readonly emailsDir: string;
  readonly width: number;
}

const USAGE = `Usage: npm start -- [book.xlsx] [--no-serve] [--port 8787] [--today YYYY-MM-DD]
                        [--tz America/New_York] [--user you@yourco.com] [--emails preview/emails]`;

const OPTIONS = {
  'no-serve': { type: 'boolean' },
  port: { type: 'string' },
  today: { type: 'string' },
  tz: { type: 'string' },
  user: { type: 'string' },
  emails: { type: 'string' },
  width: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** util.parseArgs's refusals, said the way the rest of the usage errors are (naming the option). */
function refusal(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown }).code;
  const option = /(?:Unknown option|Option) '(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
    return new Error(`Unknown option ${option}.\n${USAGE}`);
  // A missing value, or the next option where the value should be ("--tz --user").
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /missing|ambiguous/.test(message)) {
    return new Error(`${option} needs a value.\n${USAGE}`);
  }
  return new Error(`${message.split('\n')[0]}\n${USAGE}`);
}

/** The command line as util.parseArgs reads it, its refusals carrying the usage line. */
function readCommandLine(argv: readonly string[]) {
  try {
    return parseCommandLine({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw refusal(err);
  }
}

export function parseArgs(argv: readonly string[]): Args {
  const { values, positionals } = readCommandLine(argv);
  if (values.help) throw new Error(USAGE);
  if (positionals.length > 1) throw new Error(`One workbook at a time.\n${USAGE}`);
  const columns = Number(process.env.COLUMNS);
  const port = values.port === undefined ? 8787 : Number(values.port);
  const width =
    values.width !== undefined
      ? Number(values.width)
      : Number.isInteger(columns) && columns >= 60
        ? Math.min(columns, 100)
        : 100;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535.\n${USAGE}`);
  if (!Number.isInteger(width) || width < 60) throw new Error(`--width must be at least 60.\n${USAGE}`);
  return {
    xlsx: positionals[0] === undefined ? undefined : resolve(positionals[0]),
    serve: values['no-serve'] !== true,
    port,
    today: values.today,
    timeZone: values.tz ?? DEFAULT_TIME_ZONE,
    user: values.user,
    emailsDir: values.emails === undefined ? join(root, 'preview/emails') : resolve(values.emails),
    width,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(root, 'dist/Code.js')))
    throw new Error('No dist/Code.js: run `npm run build` (npm start does).');
  if (args.xlsx && !existsSync(args.xlsx)) throw new Error(`No such file: ${args.xlsx}`);
  const colour = wantsColour(process.stdout);
  const preview = await preparePreview(args);
  const out = process.stdout;
  const source = args.xlsx ? args.xlsx : 'the demo book';
  out.write(`Results Ladder preview of ${source}\n`);
  out.write(`As of ${preview.today} (${args.timeZone}) · signed in as ${preview.user}\n\n`);
  out.write(`${ladderTable(preview.ladder, { width: args.width, colour, timeZone: args.timeZone })}\n`);

  const problems = preview.book.problems;
  if (problems.length > 0) {
    out.write(`\nData problems (${problems.length}):\n`);
    for (const p of problems) {
      const where = `${p.sheet} row ${p.row}${p.column ? `, ${p.column}` : ''}`;
      out.write(`${truncate(`  ${where}: ${p.message}`, args.width)}\n`);
    }
  }

  const { digests } = preview.reminders;
  out.write(
    `\nReminder run of ${preview.reminders.today}: ${digests.length} digest(s), quota ${preview.reminders.quota}\n`,
  );
  for (const d of digests) {
    out.write(`${truncate(`  ${d.status.padEnd(10)} ${d.recipient} · ${d.subject}`, args.width)}\n`);
  }
  out.write(`Emails written to:\n  ${preview.emailFiles[0]}\n`);

  if (!args.serve) return;
  const server = await startPreviewServer({ runtime: preview.runtime, port: args.port }).catch(
    (err: unknown) => {
      const code = (err as { code?: unknown }).code;
      if (code === 'EADDRINUSE')
        throw new Error(`Port ${args.port} is in use: pass another with --port, or --port 0.`);
      throw err;
    },
  );
  const url = server.url.replace('127.0.0.1', 'localhost');
  // Confirmation links in the asks point at this server, so the whole loop runs locally.
  setConfirmationPageUrl(preview.runtime, `${url}exec`);
  out.write(`\nSidebar: ${url}  (google.script.run answered by the in-memory workbook; Ctrl-C to stop)\n`);
  out.write(`Confirmation web app: ${url}exec  (the links in "Ask … to confirm" mails open here)\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * Points the preview's asks at its own /exec (the confirmationPageUrl setting, as a team pastes its web app's URL
 * into Settings), so the whole loop runs locally: ask → the mail → its link → Confirm → the account turns Green.
 */
export function setConfirmationPageUrl(runtime: Runtime, url: string): void {
  const raw = runtime.properties.document.get(SETTINGS_PROPERTY);
  const stored = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  runtime.properties.document.set(SETTINGS_PROPERTY, JSON.stringify({ ...stored, confirmationPageUrl: url }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
