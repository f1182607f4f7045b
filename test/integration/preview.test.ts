// `npm start -- --no-serve`: the built bundle on the demo book prints the ladder and writes the reminder emails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBook } from '../../local/demoBook';
import { type Preview, parseArgs, preparePreview, writeEmails } from '../../local/preview';
import { writeXlsx } from '../../local/xlsx';
import { SPEC_LADDER_COLUMNS } from './spec';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI = /\x1b\[[0-9;]*m/g;

let dir: string;
let preview: Preview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-preview-'));
  preview = await preparePreview({ today: TODAY, timeZone: TZ, emailsDir: join(dir, 'emails') });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runPreview(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'local/preview.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the preview of the demo book', () => {
  it('runs setUpWorkbook on the in-memory book, adding the Ladder and Dashboard views', () => {
    expect(preview.runtime.spreadsheet.sheetId('Ladder')).not.toBeNull();
    expect(preview.runtime.spreadsheet.sheetId('Dashboard')).not.toBeNull();
  });

  it('gets one LADDER row per account, with the columns of SPEC §4', () => {
    expect(preview.ladder[0]).toEqual(SPEC_LADDER_COLUMNS);
    const accounts = demoBook({ today: TODAY, timeZone: TZ }).Accounts.length - 1;
    expect(preview.ladder.filter((r) => r[0] !== '')).toHaveLength(accounts + 1);
  });

  it('writes one HTML file per planned digest and an index linking them', () => {
    const files = readdirSync(join(dir, 'emails')).sort();
    const digests = preview.reminders.digests;
    expect(digests.length).toBeGreaterThanOrEqual(4); // three CSMs with work to do and the leader
    expect(files).toContain('index.html');
    expect(files.filter((f) => /^\d\d-.+\.html$/.test(f))).toHaveLength(digests.length);
    const index = readFileSync(join(dir, 'emails', 'index.html'), 'utf8');
    digests.forEach((d, i) => {
      const name = files.find((f) => f.startsWith(`${String(i + 1).padStart(2, '0')}-`)) as string;
      expect(name).toContain(d.recipient);
      expect(readFileSync(join(dir, 'emails', name), 'utf8')).toBe(d.html);
      expect(index).toContain(`href="${name}"`);
    });
    expect(digests.some((d) => d.kind === 'leader' && d.recipient === 'lead@acme.example')).toBe(true);
  });

  it('replaces the digests of an earlier run and leaves other files alone', () => {
    const out = join(dir, 'rerun');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '99-old@acme.example.html'), 'stale');
    writeFileSync(join(out, 'notes.html'), 'mine');
    writeEmails(preview.reminders, out);
    const files = readdirSync(out);
    expect(files).not.toContain('99-old@acme.example.html');
    expect(files).toContain('notes.html');
    expect(files).toHaveLength(preview.reminders.digests.length + 2);
  });

  it('sends the leader the data problems planted in the demo book', () => {
    const leader = preview.reminders.digests.find((d) => d.kind === 'leader');
    expect(leader?.text).toMatch(/AC-1999/);
  });
});

describe('npm start -- --no-serve', () => {
  it('prints the ladder in 100 columns, writes the emails and exits', () => {
    const emails = join(dir, 'cli-emails');
    const run = runPreview(['--no-serve', '--today', TODAY, '--emails', emails], { NO_COLOR: '1' });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    for (const name of ['Brightline Dental', 'Sterling Insurance', 'Westbridge Bank'])
      expect(run.stdout).toContain(name);
    expect(run.stdout).toMatch(/\bResult\b.*\bGreen\b/);
    expect(run.stdout).toMatch(/Data problems \(\d+\)/);
    expect(run.stdout).toContain("Account ID 'AC-1999' is not in Accounts");
    expect(readdirSync(emails)).toContain('index.html');
    expect(run.stdout).not.toContain('Sidebar:');
  });

  it('colours health when FORCE_COLOR asks for it, and keeps each line 100 columns wide', () => {
    const run = runPreview(['--no-serve', '--today', TODAY, '--emails', join(dir, 'colour')], {
      FORCE_COLOR: '1',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('\x1b[31mRed');
    expect(run.stdout).toContain('\x1b[32mGreen');
    for (const line of run.stdout.split('\n')) expect(line.replace(ANSI, '').length).toBeLessThanOrEqual(100);
  });

  it('previews a downloaded .xlsx with the same ladder as the book it came from', async () => {
    const file = join(dir, 'team.xlsx');
    await writeXlsx(demoBook({ today: TODAY, timeZone: TZ }), file, TZ);
    const fromXlsx = await preparePreview({
      xlsx: file,
      today: TODAY,
      timeZone: TZ,
      emailsDir: join(dir, 'x'),
    });
    expect(fromXlsx.ladder).toEqual(preview.ladder);
    expect(fromXlsx.user).toBe('lead@acme.example');
  });

  it('refuses an unknown option with the usage line', () => {
    const run = runPreview(['--no-such-thing']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Usage: npm start/);
  });

  it('prints every option with its help on stdout for --help, and exits 0', () => {
    const run = runPreview(['--help']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    for (const option of [
      '--no-serve',
      '--port',
      '--today',
      '--tz',
      '--user',
      '--leader',
      '--emails',
      '--width',
      '--xlsx',
      '--template',
      '--help',
    ])
      expect(run.stdout).toMatch(new RegExp(`^\\s+(?:-h, )?${option}\\b.*\\S+`, 'm'));
    expect(runPreview(['-h']).stdout).toBe(run.stdout);
  });
});

describe('a CSM signed in, the leader apart (--user, --leader)', () => {
  let asSam: Preview;
  beforeAll(async () => {
    asSam = await preparePreview({
      today: TODAY,
      timeZone: TZ,
      user: 'sam.ortiz@acme.example',
      emailsDir: join(dir, 'sam'),
    });
  });

  it("shows Sam his own book, not the leader's", () => {
    expect(asSam.user).toBe('sam.ortiz@acme.example');
    expect(asSam.leader).toBe('lead@acme.example');
    const owners = new Set(asSam.book.accounts.map((a) => a.owner));
    expect([...owners]).toEqual(['sam.ortiz@acme.example']);
    expect(preview.book.accounts.length).toBeGreaterThan(asSam.book.accounts.length);
  });

  it('still sends the escalation to the leader, and only to the leader', () => {
    const leaders = asSam.reminders.digests.filter((d) => d.kind === 'leader').map((d) => d.recipient);
    expect(leaders).toEqual(['lead@acme.example']);
  });

  it('lets --leader name another leader', async () => {
    const other = await preparePreview({
      today: TODAY,
      timeZone: TZ,
      leader: 'head.of.cs@acme.example',
      emailsDir: join(dir, 'other-leader'),
    });
    expect(other.user).toBe('head.of.cs@acme.example');
    expect(other.reminders.digests.filter((d) => d.kind === 'leader').map((d) => d.recipient)).toEqual([
      'head.of.cs@acme.example',
    ]);
  });
});

describe('parseArgs', () => {
  it.each([
    [[], { serve: true, port: 8787, xlsx: undefined }],
    [['--no-serve'], { serve: false, port: 8787 }],
    [['--port', '9000'], { serve: true, port: 9000 }],
    [['book.xlsx', '--no-serve'], { serve: false, xlsx: join(process.cwd(), 'book.xlsx') }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });

  it.each([[['--port', 'x']], [['--port']], [['a.xlsx', 'b.xlsx']]])('refuses %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow(/Usage/);
  });

  it('names the option it refuses', () => {
    expect(() => parseArgs(['--tz', '--user', 'me@acme.example'])).toThrow(/^--tz needs a value\./);
    expect(() => parseArgs(['--no-such-thing'])).toThrow(/^Unknown option --no-such-thing\./);
    expect(() => parseArgs(['--user', 'Sam Ortiz'])).toThrow(/^--user must be an email address/);
    expect(() => parseArgs(['--template', 'team.csv'])).toThrow(/^--template writes an \.xlsx file/);
  });

  it('reads --user and --leader apart, and -h as a request for help rather than a refusal', () => {
    expect(parseArgs(['--user', 'sam.ortiz@acme.example'])).toMatchObject({
      user: 'sam.ortiz@acme.example',
      leader: undefined,
      help: false,
    });
    expect(parseArgs(['--leader', 'boss@acme.example'])).toMatchObject({ leader: 'boss@acme.example' });
    expect(parseArgs(['-h'])).toMatchObject({ help: true });
  });
});
