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
import { exportBook, visibleSheets, writeTemplate } from './exportBook';
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
  /** The signed-in user (Session.getActiveUser); the leader when absent. */
  readonly user?: string;
  /** The team leader in the settings (who gets the escalation); the demo's leader, or lead@<owners' domain> for an .xlsx. */
  readonly leader?: string;
  /** Where the digests go as HTML files (emptied first). */
  readonly emailsDir: string;
}

export interface Preview {
  readonly runtime: Runtime;
  readonly today: string;
  readonly user: string;
  readonly leader: string;
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
  const leader = options.leader ?? (options.xlsx ? leaderFor(sheets) : DEMO_LEADER);
  // Signed in as a CSM, the sidebar shows that CSM's book; the leader stays the leader (only they get escalations).
  const user = options.user ?? leader;

  // The clock inside the bundle: 09:00 on the preview day, like a morning reminder run.
  const now = new Date(dateOfDay(day, timeZone).getTime() + 9 * 3_600_000);
  const runtime = createRuntime({ timeZone, now, user, sheets });
  runtime.load(join(root, 'dist/Code.js'));
  if (!runtime.properties.document.has(SETTINGS_PROPERTY)) {
    runtime.properties.document.set(SETTINGS_PROPERTY, JSON.stringify({ leaderEmail: leader }));
  }

  runtime.call('setUpWorkbook');
  const ladder = ladderOfBook(runtime);
  const book = runtime.call<MyBookView>('getMyBook');
  const reminders = runtime.call<ReminderPreview>('previewReminders');
  const emailFiles = writeEmails(reminders, options.emailsDir);
  // The sidebar opens on the first account, as if the user had clicked its row.
  runtime.setActiveCell(SHEET.accounts, 2);
  return { runtime, today, user, leader, ladder, book, reminders, emailFiles };
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

export interface Args {
  readonly xlsx?: string;
  readonly serve: boolean;
  readonly port: number;
  readonly today?: string;
  readonly timeZone: string;
  readonly user?: string;
  readonly leader?: string;
  readonly emailsDir: string;
  readonly width: number;
  /** Write the previewed book (data, Ladder and Dashboard as values) to this .xlsx. */
  readonly exportTo?: string;
  /** Write a blank team book (headers, dropdowns, formats, default segments) to this .xlsx and exit. */
  readonly template?: string;
  /** Print the usage to stdout and exit 0. */
  readonly help: boolean;
}

/**
 * The one table of the command line: util.parseArgs reads it and --help prints it, so an option cannot exist
 * without its line in the help.
 */
const OPTION_TABLE = [
  {
    name: 'no-serve',
    type: 'boolean',
    value: '',
    help: 'print the ladder, write the emails and exit (no sidebar server)',
  },
  { name: 'port', type: 'string', value: '8787', help: 'port of the sidebar server (0: any free port)' },
  {
    name: 'today',
    type: 'string',
    value: 'YYYY-MM-DD',
    help: 'the day the bundle sees (the demo book moves with it)',
  },
  {
    name: 'tz',
    type: 'string',
    value: 'ZONE',
    help: `the spreadsheet's time zone (default ${DEFAULT_TIME_ZONE})`,
  },
  {
    name: 'user',
    type: 'string',
    value: 'EMAIL',
    help: 'who is signed in: a CSM sees their own book (default: the leader)',
  },
  {
    name: 'leader',
    type: 'string',
    value: 'EMAIL',
    help: "the team leader who gets escalations (default lead@<owners' domain>)",
  },
  {
    name: 'emails',
    type: 'string',
    value: 'DIR',
    help: 'where the digests are written (default preview/emails)',
  },
  {
    name: 'width',
    type: 'string',
    value: 'COLUMNS',
    help: 'width of the printed table (default: the terminal, at most 100; min 60)',
  },
  {
    name: 'xlsx',
    type: 'string',
    value: 'FILE',
    help: 'also write the previewed book, Ladder and Dashboard as values, to FILE.xlsx',
  },
  {
    name: 'template',
    type: 'string',
    value: 'FILE',
    help: 'write a blank team book (headers, dropdowns, segments) to FILE.xlsx and exit',
  },
  { name: 'help', type: 'boolean', value: '', short: 'h', help: 'show this help' },
] as const;

export const USAGE = [
  'Usage: npm start -- [book.xlsx] [options]',
  '',
  'Runs the built add-on (dist/Code.js) on the demo book, or on book.xlsx downloaded from Google Sheets:',
  'prints the Ladder, writes the reminder emails and serves the sidebar at http://localhost:PORT/.',
  '',
  'Options:',
  ...OPTION_TABLE.map((o) => {
    const flag = `${'short' in o ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`;
    return `  ${flag.padEnd(26)}${o.help}`;
  }),
  '',
  'Examples:',
  '  npm start -- --user sam.ortiz@acme.example   # the demo as Sam, a CSM',
  '  npm start -- --no-serve --xlsx demo.xlsx      # the demo book as a file to upload to Google Sheets',
  '  npm start -- --template team.xlsx             # a blank book for your team',
].join('\n');

const OPTIONS = Object.fromEntries(
  OPTION_TABLE.map((o) => [o.name, { type: o.type, ...('short' in o ? { short: o.short } : {}) }]),
) as {
  [O in (typeof OPTION_TABLE)[number] as O['name']]: { type: O['type']; short?: string };
};

/** util.parseArgs's refusals, said the way the rest of the usage errors are (naming the option). */
function refusal(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown }).code;
  const option = /(?:Unknown option|Option) '(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
    return new Error(`Unknown option ${option}.\n${SHORT_USAGE}`);
  // A missing value, or the next option where the value should be ("--tz --user").
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /missing|ambiguous/.test(message)) {
    return new Error(`${option} needs a value.\n${SHORT_USAGE}`);
  }
  return new Error(`${message.split('\n')[0]}\n${SHORT_USAGE}`);
}

/** What a refusal ends with: the usage line and where the rest is. */
const SHORT_USAGE = 'Usage: npm start -- [book.xlsx] [options]   (npm start -- --help lists them)';

/** The command line as util.parseArgs reads it, its refusals carrying the usage line. */
function readCommandLine(argv: readonly string[]) {
  try {
    return parseCommandLine({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw refusal(err);
  }
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function parseArgs(argv: readonly string[]): Args {
  const { values, positionals } = readCommandLine(argv);
  if (positionals.length > 1) throw new Error(`One workbook at a time.\n${SHORT_USAGE}`);
  const columns = Number(process.env.COLUMNS);
  const port = values.port === undefined ? 8787 : Number(values.port);
  const width =
    values.width !== undefined
      ? Number(values.width)
      : Number.isInteger(columns) && columns >= 60
        ? Math.min(columns, 100)
        : 100;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535.\n${SHORT_USAGE}`);
  if (!Number.isInteger(width) || width < 60) throw new Error(`--width must be at least 60.\n${SHORT_USAGE}`);
  for (const who of ['user', 'leader'] as const) {
    const address = values[who];
    if (address !== undefined && !EMAIL.test(address))
      throw new Error(`--${who} must be an email address, got '${address}'.\n${SHORT_USAGE}`);
  }
  for (const out of ['xlsx', 'template'] as const) {
    const file = values[out];
    if (file !== undefined && !file.toLowerCase().endsWith('.xlsx'))
      throw new Error(
        `--${out} writes an .xlsx file: give a name ending in .xlsx, got '${file}'.\n${SHORT_USAGE}`,
      );
  }
  return {
    xlsx: positionals[0] === undefined ? undefined : resolve(positionals[0]),
    serve: values['no-serve'] !== true,
    port,
    today: values.today,
    timeZone: values.tz ?? DEFAULT_TIME_ZONE,
    user: values.user,
    leader: values.leader,
    emailsDir: values.emails === undefined ? join(root, 'preview/emails') : resolve(values.emails),
    width,
    exportTo: values.xlsx === undefined ? undefined : resolve(values.xlsx),
    template: values.template === undefined ? undefined : resolve(values.template),
    help: values.help === true,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!existsSync(join(root, 'dist/Code.js')))
    throw new Error('No dist/Code.js: run `npm run build` (npm start does).');
  if (args.template) {
    const today = dayFromIso(args.today ?? todayIn(args.timeZone));
    if (today === null) throw new Error(`--today must be YYYY-MM-DD, got '${args.today}'`);
    await writeTemplate(join(root, 'dist/Code.js'), args.template, {
      timeZone: args.timeZone,
      now: dateOfDay(today, args.timeZone),
      user: args.leader ?? args.user ?? DEMO_LEADER,
    });
    process.stdout.write(
      `Blank team book written to ${args.template}\nUpload it to Google Drive and open it with Google Sheets (README › Install without a terminal).\n`,
    );
    return;
  }
  if (args.xlsx && !existsSync(args.xlsx)) throw new Error(`No such file: ${args.xlsx}`);
  const colour = wantsColour(process.stdout);
  const preview = await preparePreview(args);
  const out = process.stdout;
  const source = args.xlsx ? args.xlsx : 'the demo book';
  out.write(`Results Ladder preview of ${source}\n`);
  const leaderNote = preview.leader === preview.user ? ' (the leader)' : ` · leader ${preview.leader}`;
  out.write(`As of ${preview.today} (${args.timeZone}) · signed in as ${preview.user}${leaderNote}\n\n`);
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
  if (args.exportTo) {
    await exportPreview(preview, args.exportTo, args.timeZone);
    out.write(`Book written to ${args.exportTo} (Ladder and Dashboard as values of ${preview.today})\n`);
  }

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
 * The previewed book as an .xlsx to upload: its visible sheets, with the Dashboard refreshed first (Refresh
 * Dashboard is a menu action, not part of setup) so the file shows the figures the add-on would.
 */
export async function exportPreview(preview: Preview, path: string, timeZone: string): Promise<void> {
  preview.runtime.call('refreshDashboard');
  await exportBook(preview.runtime, path, {
    sheets: visibleSheets(preview.runtime),
    asOf: preview.today,
    timeZone,
  });
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
