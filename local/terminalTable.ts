// Prints the LADDER table in a terminal: one line per account within a fixed width, health in colour.
import { dayConverter, isoOfDay } from '../src/core/dates';
import { normalizeHeader } from '../src/sheets/layout';

const ANSI = {
  bold: ['\x1b[1m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  Green: ['\x1b[32m', '\x1b[39m'],
  Yellow: ['\x1b[33m', '\x1b[39m'],
  Red: ['\x1b[31m', '\x1b[39m'],
} as const;

/**
 * Colour only for a person at a terminal: NO_COLOR (any value) turns it off, FORCE_COLOR (not "0") turns
 * it on for pipes and CI logs, otherwise it follows whether the stream is a TTY.
 */
export function wantsColour(
  stream: { readonly isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

export interface LadderTableOptions {
  /** Total line width in columns (default 100). */
  readonly width?: number;
  readonly colour?: boolean;
  /** The spreadsheet's zone, to print date cells as the calendar day the sheet shows. */
  readonly timeZone: string;
}

interface Column {
  /** The LADDER header this column shows. */
  readonly header: string;
  /** The title printed (shorter than the header where space is tight). */
  readonly title: string;
  /** Never narrower than this, so a column stays recognisable. */
  readonly min: number;
  /** Never wider than this, so one long cell cannot starve the others. */
  readonly max: number;
  /** Shown as its own indented line under the account instead of a column. */
  readonly detail?: boolean;
}

/**
 * The columns in print order. Next step and Why go under the account's line: the action and the reasons are
 * the point of the table and would be cut to nothing in a column.
 */
const COLUMNS: readonly Column[] = [
  { header: 'Account ID', title: 'ID', min: 5, max: 10 },
  { header: 'Account', title: 'Account', min: 10, max: 28 },
  { header: 'Owner', title: 'Owner', min: 6, max: 12 },
  { header: 'Segment', title: 'Segment', min: 3, max: 10 },
  { header: 'Rung', title: 'Rung', min: 4, max: 8 },
  { header: 'Health', title: 'Health', min: 6, max: 6 },
  { header: 'Next check due', title: 'Check due', min: 10, max: 10 },
  { header: 'Next step', title: 'Next', min: 0, max: 1000, detail: true },
  { header: 'Why', title: 'Why', min: 0, max: 1000, detail: true },
];

const GAP = '  ';

/** Cuts text to `width` columns, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  return width === 1 ? '…' : `${text.slice(0, width - 1).trimEnd()}…`;
}

/**
 * Shrinks the widest-over-minimum column one step at a time until the line fits: the columns with the
 * most room to give (usually Next step and Account) give it first.
 */
function fitWidths(natural: number[], mins: number[], budget: number): number[] {
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let pick = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i] > mins[i] && (pick < 0 || widths[i] - mins[i] > widths[pick] - mins[pick])) pick = i;
    }
    if (pick < 0) break;
    widths[pick]--;
    total--;
  }
  return widths;
}

/**
 * Renders a LADDER result (header row first, as the custom function returns it) as terminal lines.
 * Columns are found by header text, so a LADDER with added or reordered columns still prints.
 */
export function ladderTable(ladder: readonly (readonly unknown[])[], options: LadderTableOptions): string {
  const width = options.width ?? 100;
  const paint = (style: keyof typeof ANSI, text: string): string =>
    options.colour ? `${ANSI[style][0]}${text}${ANSI[style][1]}` : text;
  if (ladder.length === 0) return 'LADDER returned nothing.';
  const dayOf = dayConverter(options.timeZone);
  const cellText = (value: unknown): string => {
    if (value instanceof Date) {
      const day = dayOf(value);
      return day === null ? '' : isoOfDay(day);
    }
    if (value === null || value === undefined) return '';
    return String(value).replace(/\s+/g, ' ').trim();
  };

  const header = ladder[0].map(normalizeHeader);
  const present = COLUMNS.map((c) => ({
    column: c,
    index: header.indexOf(normalizeHeader(c.header)),
  })).filter((c) => c.index >= 0);
  const body = ladder.slice(1).filter((row) => row.some((v) => cellText(v) !== ''));
  const ownerAt = header.indexOf('owner');
  const domains = new Set(
    body
      .map((row) => cellText(row[ownerAt]))
      .flatMap((o) => (o.includes('@') ? [o.slice(o.indexOf('@'))] : [])),
  );
  // When every owner shares the team's domain, the name before @ is what tells them apart.
  const shortOwner = (text: string): string =>
    domains.size === 1 && text.includes('@') ? text.slice(0, text.indexOf('@')) : text;
  const texts = body.map((row) =>
    present.map(({ column, index }) => {
      const text = cellText(row[index]);
      return column.header === 'Owner' ? shortOwner(text) : text;
    }),
  );

  const inline = present.map((p, i) => ({ ...p, i })).filter((p) => !p.column.detail);
  const details = present.map((p, i) => ({ ...p, i })).filter((p) => p.column.detail);
  const natural = inline.map(({ column, i }) =>
    Math.min(column.max, Math.max(column.title.length, ...texts.map((t) => t[i].length))),
  );
  const widths = fitWidths(
    natural,
    inline.map(({ column }) => Math.min(column.min, column.max)),
    width - GAP.length * (inline.length - 1),
  );

  const lines: string[] = [];
  lines.push(
    paint(
      'bold',
      inline
        .map(({ column }, k) => truncate(column.title, widths[k]).padEnd(widths[k]))
        .join(GAP)
        .trimEnd(),
    ),
  );
  lines.push(
    paint(
      'dim',
      '─'.repeat(Math.min(width, widths.reduce((a, b) => a + b, 0) + GAP.length * (inline.length - 1))),
    ),
  );
  for (const t of texts) {
    const cells = inline.map(({ column, i }, k) => {
      const padded = truncate(t[i], widths[k]).padEnd(widths[k]);
      if (column.header === 'Health' && (t[i] === 'Green' || t[i] === 'Yellow' || t[i] === 'Red')) {
        return paint(t[i] as 'Green' | 'Yellow' | 'Red', padded);
      }
      return padded;
    });
    lines.push(cells.join(GAP).trimEnd());
    const indent = ' '.repeat(Math.min(widths[0] + GAP.length, 12));
    const notes = details
      .filter(({ i }) => t[i] !== '')
      .map(({ column, i }) => `${column.title.toLowerCase()}: ${t[i]}`);
    const joined = notes.join(' · ');
    // One line when everything fits, else one line per note, each cut to the width.
    for (const note of indent.length + joined.length <= width ? [joined] : notes) {
      if (note) lines.push(paint('dim', indent + truncate(note, width - indent.length)));
    }
  }
  lines.push('');
  lines.push(summaryLine(header, body, paint));
  return lines.join('\n');
}

/** Counts per rung, then per health: the numbers a leader reads first. */
function summaryLine(
  header: readonly string[],
  body: readonly (readonly unknown[])[],
  paint: (style: keyof typeof ANSI, text: string) => string,
): string {
  const rungAt = header.indexOf('rung');
  const healthAt = header.indexOf('health');
  const count = (at: number, value: string): number => body.filter((r) => String(r[at]) === value).length;
  const parts = [`${body.length} accounts`];
  if (rungAt >= 0) {
    for (const rung of ['Result', 'Outcome', 'Adoption', 'Activity', 'None'])
      parts.push(`${rung} ${count(rungAt, rung)}`);
  }
  const healths: string[] = [];
  if (healthAt >= 0) {
    for (const h of ['Green', 'Yellow', 'Red'] as const) healths.push(paint(h, `${h} ${count(healthAt, h)}`));
  }
  return [parts.join(' · '), healths.join(' · ')].filter(Boolean).join('\n');
}
