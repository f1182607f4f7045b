// Digest emails: small pure templates that render a planned digest, grouped by account and held under a byte budget.
import { ownerDisplayName, ownerKeyOf } from '../../core/ownerName';
import { RED_ACTION_TITLES, RED_ACTIONS } from '../../core/redActions';
import { escapeHtml, safeHref } from '../../render/html';
import { HEALTH_SERIES } from '../../render/palette';
import { SHEET } from '../../sheets/layout';
import { plural } from '../core/items';
import { LEADER_KIND_ORDER } from '../core/planning';
import type { Digest, DigestItem, ItemKind, LeaderItemKind, OwnerCount } from '../core/types';

export interface EmailContext {
  /** The spreadsheet's name, to say where the items live. */
  readonly bookName: string;
  /** A link to a sheet's row: `${spreadsheetUrl}#gid=${sheetId}&range=A${row}`. */
  readonly linkOf: (sheet: string, row: number) => string;
  /** Who turned reminders on (only they change them) and the schedule in words, with its time zone. */
  readonly remindersOwner: string;
  readonly schedule: string;
  readonly remindEveryDays: number;
  /** The run's day, 'YYYY-MM-DD': in the subject, so Gmail does not thread different days together. */
  readonly day?: string;
  /** The spreadsheet's URL, where "and N more" sends people (My book lists everything). */
  readonly bookUrl?: string;
  /** The Accounts sheet's name: a data problem there is labelled by its row alone. */
  readonly accountsSheet?: string;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The items the email shows. Only these count as sent; the rest stay due. */
  readonly shown: readonly DigestItem[];
}

/** Gmail clips a message past about 102 KB; a digest stays well under whatever the data (docs/rules.md §6). */
export const MAX_HTML_BYTES = 60 * 1024;
/** Room kept for the "and N more" line and the closing tags. */
const RESERVE_BYTES = 2_048;
/** A cell can hold 50,000 characters; an email line says what to do, the sheet has the rest. */
export const MAX_ITEM_TEXT = 280;
/** The leader's per-owner table: the owners with most Red first; the rest are counted. */
export const MAX_OWNER_ROWS = 20;

/** `${spreadsheetUrl}#gid=${sheetId}&range=A${row}` — opens the sheet with the row's first cell selected. */
export function rowLink(spreadsheetUrl: string, sheetId: number, row: number): string {
  const base = spreadsheetUrl.replace(/#.*$/, '');
  return `${base}#gid=${sheetId}&range=A${row}`;
}

/** UTF-8 bytes of a string: the size Gmail counts, measured without a platform encoder. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Long cell text shortened at a word, with an ellipsis. */
export function shorten(text: string, max = MAX_ITEM_TEXT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const KIND_WORDS: Readonly<Record<ItemKind, [string, string]>> = {
  unansweredNo: ['90-day No', '90-day Nos'],
  checkOverdue: ['overdue check', 'overdue checks'],
  triage: ['account on triage', 'accounts on triage'],
  unknownSegment: ['unknown segment', 'unknown segments'],
  resultWindow: ['past its result window', 'past their result window'],
  chainGap: ['chain gap', 'chain gaps'],
  stalled: ['stalled account', 'stalled accounts'],
  checkDueSoon: ['check due soon', 'checks due soon'],
  unansweredAsk: ['unanswered ask', 'unanswered asks'],
  red: ['Red account', 'Red accounts'],
  slipped: ['slipped account', 'slipped accounts'],
  problem: ['data problem', 'data problems'],
  climbed: ['climbed account', 'climbed accounts'],
};

/** "and 12 more: 8 checks due soon, 4 chain gaps" — what was left out, in words. */
export function moreText(left: readonly DigestItem[], held: number): string {
  const counts = new Map<ItemKind, number>();
  for (const i of left) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} ${KIND_WORDS[k][n === 1 ? 0 : 1]}`);
  if (held > 0) parts.push(`${held} held for a later email`);
  return `and ${left.length + held} more: ${parts.join(', ')}`;
}

interface Group {
  readonly label: string;
  readonly sheet: string;
  readonly row: number;
  readonly items: DigestItem[];
}

/** Items grouped by account (data problems without one by sheet), groups in the order of their most urgent item. */
function groupsOf(items: readonly DigestItem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const i of items) {
    const key = i.accountId ? `a:${i.accountId}` : `s:${i.sheet}`;
    let g = groups.get(key);
    if (!g) {
      // Cell text can be any length: a 50,000-character name would fill the byte budget and hide every account.
      const label = i.accountId
        ? i.accountName
          ? `${shorten(i.accountName, 200)} (${shorten(i.accountId, 100)})`
          : shorten(i.accountId, 100)
        : `${i.sheet} sheet`;
      g = { label, sheet: i.sheet, row: i.row, items: [] };
      groups.set(key, g);
    }
    g.items.push(i);
  }
  return [...groups.values()];
}

function itemLine(i: DigestItem): string {
  const where = i.kind === 'problem' && !i.accountId ? `row ${i.row}: ` : '';
  return `${where}${shorten(i.text)}`;
}

function footerLines(digest: Digest, ctx: EmailContext): string[] {
  const owner = ctx.remindersOwner || 'the person who turned reminders on';
  const why =
    digest.kind === 'leader'
      ? `You get this because you are the leader email in the Settings of "${ctx.bookName}".`
      : `You get this because you are the Owner of ${digest.accountCount} ${digest.accountCount === 1 ? 'account' : 'accounts'} in "${ctx.bookName}".`;
  const stop =
    digest.kind === 'leader'
      ? `To stop these emails: clear the leader email in Extensions › Results Ladder › Settings, or ask ${owner} to turn reminders off.`
      : `To stop these emails: ask ${ctx.remindersOwner ? `${ctx.remindersOwner}, who turned reminders on,` : 'whoever turned reminders on'} to turn them off (Extensions › Results Ladder › Turn daily reminders on/off), or have your accounts given another Owner.`;
  return [
    why,
    `Reminders go out ${ctx.schedule}; each item comes at most once every ${ctx.remindEveryDays} ${ctx.remindEveryDays === 1 ? 'day' : 'days'} until it is done.`,
    stop,
  ];
}

/** The work first, the day after: a phone's inbox shows what needs doing ("Escalation: 10 Red accounts … · 2026-11-24"). */
export function subjectOf(digest: Digest, ctx: EmailContext): string {
  return ctx.day ? `${digest.subject} · ${ctx.day}` : digest.subject;
}

/** The email's heading: the subject's lead ("3 accounts need you today"), without the counts it then lists. */
function headingOf(digest: Digest): string {
  const colon = digest.subject.indexOf(': ');
  return shorten(colon > 0 ? digest.subject.slice(0, colon) : digest.subject, 200);
}

function ownerName(c: OwnerCount): string {
  return ownerDisplayName(c.owner);
}

const TD_OWNER =
  'style="padding:2px 4px;border-bottom:1px solid #e0e0e0;text-align:left;vertical-align:top;overflow-wrap:anywhere"';
const TDN = 'style="padding:2px 3px;border-bottom:1px solid #e0e0e0;text-align:right;vertical-align:top"';
const LINK = 'style="color:#0b57d0"';
/** The Red marker: the health colour of the Dashboard's charts (render/palette.ts), beside the word "Red". */
const RED_MARK = `border-left:4px solid ${HEALTH_SERIES.Red};padding-left:6px`;

function groupHtml(g: Group, ctx: EmailContext): string {
  const items = g.items.map((i) => `<li style="margin:1px 0">${escapeHtml(itemLine(i))}</li>`).join('');
  return `<div style="margin:12px 0 0"><a style="color:#0b57d0;font-weight:bold" href="${safeHref(ctx.linkOf(g.sheet, g.row))}">${escapeHtml(g.label)}</a><ul style="margin:2px 0 0;padding-left:18px">${items}</ul></div>`;
}

function groupText(g: Group, ctx: EmailContext): string {
  return [`${g.label} — ${ctx.linkOf(g.sheet, g.row)}`, ...g.items.map((i) => `  - ${itemLine(i)}`), ''].join(
    '\n',
  );
}

/** The per-owner table, narrow enough for a 375 px phone: short headers, owner names wrapping. */
function ownerTableHtml(counts: readonly OwnerCount[]): string {
  const rows = counts
    .slice(0, MAX_OWNER_ROWS)
    .map(
      (c) =>
        `<tr><td ${TD_OWNER}>${escapeHtml(ownerName(c))}</td><td ${TDN}>${c.accounts}</td><td ${TDN}>${c.red}</td><td ${TDN}>${c.triage}</td><td ${TDN}>${c.overdue}</td></tr>`,
    );
  const rest = counts.length - rows.length;
  return [
    '<h3 style="font-size:14px;margin:16px 0 4px">Per owner</h3>',
    '<table style="border-collapse:collapse;width:100%;max-width:560px;font-size:12px">',
    `<tr><th ${TD_OWNER}>Owner</th><th ${TDN}>Accts</th><th ${TDN}>Red</th><th ${TDN}>Triage</th><th ${TDN}>Overdue</th></tr>`,
    ...rows,
    '</table>',
    rest > 0 ? `<p style="margin:4px 0;font-size:13px">and ${rest} more owners, in the Dashboard.</p>` : '',
  ].join('');
}

function ownerTableText(counts: readonly OwnerCount[]): string[] {
  if (counts.length === 0) return [];
  const shown = counts.slice(0, MAX_OWNER_ROWS);
  const lines = ['Per owner: accounts · Red · triage · overdue checks'];
  for (const c of shown)
    lines.push(`- ${ownerName(c)}: ${c.accounts} · ${c.red} · ${c.triage} · ${c.overdue}`);
  if (counts.length > shown.length)
    lines.push(`and ${counts.length - shown.length} more owners, in the Dashboard.`);
  lines.push('');
  return lines;
}

// --- the leader's escalation: one section per kind, Red first and grouped by what to do -------------------

const SECTION_TITLES: Readonly<Record<LeaderItemKind, string>> = {
  red: 'Red',
  slipped: 'Slipped',
  stalled: 'Stalled',
  problem: 'Data problems',
  climbed: 'Climbed',
};

function sectionTitle(kind: LeaderItemKind, n: number): string {
  return `${SECTION_TITLES[kind]}: ${kind === 'problem' ? n : plural(n, 'account')}`;
}

/** "Sam Ortiz 2 · Priya Nair 1": who owns a Red group's accounts, most first. */
function ownersInWords(items: readonly DigestItem[]): string {
  const counts = new Map<string, number>();
  for (const i of items) {
    const name = ownerDisplayName(ownerKeyOf(i.owner ?? ''));
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort(([x, a], [y, b]) => b - a || (x < y ? -1 : x > y ? 1 : 0))
    .map(([name, n]) => `${name} ${n}`)
    .join(' · ');
}

interface Line {
  readonly item: DigestItem;
  readonly html: string;
  readonly text: string;
}

/** One escalation line: the account (linked), its owner's name, and what happened when the heading does not say it. */
function leaderLine(i: DigestItem, ctx: EmailContext): Line {
  const href = safeHref(ctx.linkOf(i.sheet, i.row));
  if (i.kind === 'problem') {
    // Most problems are on Accounts: its rows read "AC-1014 (row 36)", other sheets' name the sheet.
    const where =
      i.sheet === (ctx.accountsSheet ?? SHEET.accounts) ? `row ${i.row}` : `${i.sheet} row ${i.row}`;
    const label = i.accountId ? `${shorten(i.accountId, 100)} (${where})` : where;
    return {
      item: i,
      html: `<li style="margin:1px 0"><a ${LINK} href="${href}">${escapeHtml(label)}</a> — ${escapeHtml(shorten(i.text, 160))}</li>`,
      text: `  - ${label}: ${shorten(i.text, 160)} — ${ctx.linkOf(i.sheet, i.row)}`,
    };
  }
  const account = shorten(i.accountName || i.accountId, 80);
  const owner = ownerDisplayName(ownerKeyOf(i.owner ?? ''));
  // A Red group's heading says what to do; "Look into it" does not say why, so its lines do.
  // Under "Slipped", "slipped 1 rung to Activity" reads as "1 rung to Activity": the heading says the verb once.
  const detail =
    i.kind === 'red' && (i.redAction ?? 'other') !== 'other'
      ? ''
      : shorten(i.text.replace(/^(slipped|stalled|climbed) /, ''), 160);
  return {
    item: i,
    html: `<li style="margin:1px 0"><a ${LINK} href="${href}">${escapeHtml(account)}</a> · ${escapeHtml(owner)}${detail ? ` — ${escapeHtml(detail)}` : ''}</li>`,
    text: `  - ${account} · ${owner}${detail ? ` — ${detail}` : ''} — ${ctx.linkOf(i.sheet, i.row)}`,
  };
}

interface Block {
  /** Headings (HTML and text) shown before the lines when at least one line fits. */
  readonly headHtml: string;
  readonly headText: string;
  readonly lines: readonly Line[];
}

const UL = '<ul style="margin:2px 0 0;padding-left:18px">';

function leaderBlocks(items: readonly DigestItem[], ctx: EmailContext): Block[] {
  const blocks: Block[] = [];
  for (const kind of LEADER_KIND_ORDER) {
    const mine = items.filter((i) => i.kind === kind);
    if (mine.length === 0) continue;
    const title = sectionTitle(kind, mine.length);
    const style = `font-size:15px;margin:12px 0 2px${kind === 'red' ? `;${RED_MARK}` : ''}`;
    const h3 = `<h3 style="${style}">${escapeHtml(title)}</h3>`;
    if (kind !== 'red') {
      blocks.push({ headHtml: h3, headText: `${title}`, lines: mine.map((i) => leaderLine(i, ctx)) });
      continue;
    }
    // Red by what to do about it (core/redActions.ts), each group with how many accounts each owner has in it.
    let first = true;
    for (const action of RED_ACTIONS) {
      const group = mine.filter((i) => (i.redAction ?? 'other') === action);
      if (group.length === 0) continue;
      const sub = `${RED_ACTION_TITLES[action]} (${group.length}): ${ownersInWords(group)}`;
      const h4 = `<h4 style="font-size:13px;margin:6px 0 0">${escapeHtml(sub)}</h4>`;
      blocks.push({
        headHtml: first ? h3 + h4 : h4,
        headText: first ? `${title}\n${sub}` : sub,
        lines: group.map((i) => leaderLine(i, ctx)),
      });
      first = false;
    }
  }
  return blocks;
}

/**
 * Renders a digest as subject, plain text and HTML. Groups are added while the HTML stays under
 * MAX_HTML_BYTES, measured in bytes (a count of items says nothing about a 50,000-character cell); what does not
 * fit is named in an "and N more" line that links to the sheet, and only the shown items count as sent.
 */
export function renderDigest(digest: Digest, ctx: EmailContext): RenderedEmail {
  const subject = subjectOf(digest, ctx);
  const heading = headingOf(digest);
  const head = [
    '<div lang="en" style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.35;color:#1f1f1f;max-width:600px">',
    `<h2 style="font-size:17px;margin:0 0 4px">${escapeHtml(heading)}</h2>`,
    ctx.day
      ? `<p style="margin:0;font-size:12px;color:#444746">${escapeHtml(`${ctx.day} · ${ctx.bookName}`)}</p>`
      : '',
  ].join('');
  const table = digest.ownerCounts.length > 0 ? ownerTableHtml(digest.ownerCounts) : '';
  const foot = `<p style="margin-top:14px;font-size:12px;color:#444746">${footerLines(digest, ctx).map(escapeHtml).join('<br>')}</p></div>`;
  let budget = MAX_HTML_BYTES - RESERVE_BYTES - utf8Bytes(head) - utf8Bytes(table) - utf8Bytes(foot);

  const htmlParts: string[] = [];
  const textParts: string[] = [];
  const shown: DigestItem[] = [];
  let left: DigestItem[];
  if (digest.kind === 'leader') {
    // Sections in LEADER_KIND_ORDER, lines added while they fit: what does not fit is counted below.
    const blocks = leaderBlocks(digest.items, ctx);
    left = [];
    let full = false;
    for (const b of blocks) {
      const lines: Line[] = [];
      for (const line of b.lines) {
        const cost = utf8Bytes(line.html) + (lines.length === 0 ? utf8Bytes(b.headHtml) + UL.length + 5 : 0);
        if (full || cost > budget) {
          full = true;
          left.push(line.item);
          continue;
        }
        budget -= cost;
        lines.push(line);
      }
      if (lines.length === 0) continue;
      htmlParts.push(`${b.headHtml}${UL}${lines.map((l) => l.html).join('')}</ul>`);
      textParts.push([b.headText, ...lines.map((l) => l.text), ''].join('\n'));
      shown.push(...lines.map((l) => l.item));
    }
  } else {
    const groups = groupsOf(digest.items);
    let g = 0;
    for (; g < groups.length; g++) {
      const html = groupHtml(groups[g], ctx);
      const bytes = utf8Bytes(html);
      if (bytes > budget) break;
      budget -= bytes;
      htmlParts.push(html);
      textParts.push(groupText(groups[g], ctx));
      shown.push(...groups[g].items);
    }
    left = groups.slice(g).flatMap((x) => x.items);
  }
  let moreHtml = '';
  let moreLine = '';
  // "and N more" only when something was cut: by the byte budget here, or by the planner's caps (moreItems).
  if (left.length > 0 || digest.moreItems > 0) {
    const words = moreText(left, digest.moreItems);
    const where = ctx.bookUrl
      ? ` — open the sheet and Extensions › Results Ladder › Open sidebar › My book: ${ctx.bookUrl}`
      : ' — in My book (Extensions › Results Ladder › Open sidebar).';
    moreLine = `…${words}${where}`;
    moreHtml = ctx.bookUrl
      ? `<p style="margin:12px 0 0">…${escapeHtml(words)}. <a style="color:#0b57d0" href="${safeHref(ctx.bookUrl)}">Open My book</a> (Extensions › Results Ladder › Open sidebar).</p>`
      : `<p style="margin:12px 0 0">…${escapeHtml(words)}, in My book (Extensions › Results Ladder › Open sidebar).</p>`;
  }
  const html = [head, ...htmlParts, moreHtml, table, foot].join('\n');
  const text = [
    heading,
    ...(ctx.day ? [`${ctx.day} · ${ctx.bookName}`] : []),
    '',
    ...textParts,
    ...(moreLine ? [moreLine, ''] : []),
    ...ownerTableText(digest.ownerCounts),
    '—',
    ...footerLines(digest, ctx),
  ].join('\n');
  return { subject, text, html, shown };
}
