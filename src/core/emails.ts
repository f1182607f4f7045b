// Digest emails: small pure templates that render a planned digest as a subject, plain text and HTML.
import { escapeHtml, safeHref } from './html';
import type { Digest, DigestItem, OwnerCount } from './reminders';

export interface EmailContext {
  /** The spreadsheet's name, to say where the items live. */
  readonly bookName: string;
  /** A link to a sheet's row: `${spreadsheetUrl}#gid=${sheetId}&range=A${row}`. */
  readonly linkOf: (sheet: string, row: number) => string;
  /** Who turned reminders on (only they change them) and the schedule in words. */
  readonly remindersOwner: string;
  readonly schedule: string;
  readonly remindEveryDays: number;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** `${spreadsheetUrl}#gid=${sheetId}&range=A${row}` — opens the sheet with the row's first cell selected. */
export function rowLink(spreadsheetUrl: string, sheetId: number, row: number): string {
  const base = spreadsheetUrl.replace(/#.*$/, '');
  return `${base}#gid=${sheetId}&range=A${row}`;
}

const SECTION_TITLES: Readonly<Record<string, string>> = {
  unansweredNo: 'Said No at the 90-day check',
  checkOverdue: 'Overdue 90-day checks',
  triage: 'Triage: no named result or validator',
  unknownSegment: 'Triage: unknown segment',
  resultWindow: 'Past the result window',
  chainGap: 'Chain gaps after kickoff',
  stalled: 'Stalled',
  checkDueSoon: 'Checks due soon',
  red: 'Red accounts',
  slipped: 'Slipped this month',
  problem: 'Data problems',
  climbed: 'Climbed this month',
};

/** Items grouped by kind, groups in the order their most urgent item comes. */
function sections(items: readonly DigestItem[]): { title: string; items: DigestItem[] }[] {
  const groups = new Map<string, DigestItem[]>();
  for (const i of items) {
    const g = groups.get(i.kind);
    if (g) g.push(i);
    else groups.set(i.kind, [i]);
  }
  return [...groups].map(([kind, list]) => ({ title: SECTION_TITLES[kind] ?? kind, items: list }));
}

function itemLabel(i: DigestItem): string {
  if (!i.accountId) return `${i.sheet} row ${i.row}`;
  return i.accountName ? `${i.accountName} (${i.accountId})` : i.accountId;
}

/** Why the recipient got this email and how to change it. */
export function footerLines(digest: Digest, ctx: EmailContext): string[] {
  const why =
    digest.kind === 'leader'
      ? `You get this because you are the leader email in the Reminders settings of "${ctx.bookName}".`
      : `You get this because you are the Owner of ${digest.accountCount} ${digest.accountCount === 1 ? 'account' : 'accounts'} in "${ctx.bookName}".`;
  const owner = ctx.remindersOwner || 'the person who turns reminders on';
  return [
    why,
    `Reminders go out ${ctx.schedule}; each item comes at most once every ${ctx.remindEveryDays} ${ctx.remindEveryDays === 1 ? 'day' : 'days'} until it is done.`,
    `To change them, open the sheet's Extensions › Results Ladder › Settings; only ${owner} can change reminder settings.`,
  ];
}

export function renderText(digest: Digest, ctx: EmailContext): string {
  const lines: string[] = [digest.subject, ''];
  for (const s of sections(digest.items)) {
    lines.push(`${s.title} (${s.items.length})`);
    for (const i of s.items) {
      lines.push(`- ${itemLabel(i)}: ${i.text}`, `  ${ctx.linkOf(i.sheet, i.row)}`);
    }
    lines.push('');
  }
  if (digest.moreItems > 0) {
    lines.push(`…and ${digest.moreItems} more, in a later email or in the sheet's Dashboard.`, '');
  }
  if (digest.ownerCounts.length > 0) {
    lines.push('Per owner: accounts · Red · triage · overdue checks');
    for (const c of digest.ownerCounts)
      lines.push(`- ${ownerName(c)}: ${c.accounts} · ${c.red} · ${c.triage} · ${c.overdue}`);
    lines.push('');
  }
  lines.push('—', ...footerLines(digest, ctx));
  return lines.join('\n');
}

function ownerName(c: OwnerCount): string {
  return c.owner || '(no owner)';
}

const CELL = 'style="padding:2px 8px;border-bottom:1px solid #eee;text-align:left"';

export function renderHtml(digest: Digest, ctx: EmailContext): string {
  const parts: string[] = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;max-width:680px">',
    `<h2 style="font-size:16px;margin:0 0 12px">${escapeHtml(digest.subject)}</h2>`,
  ];
  for (const s of sections(digest.items)) {
    parts.push(
      `<h3 style="font-size:14px;margin:16px 0 4px">${escapeHtml(s.title)} (${s.items.length})</h3><ul style="margin:0;padding-left:20px">`,
    );
    for (const i of s.items) {
      parts.push(
        `<li style="margin:2px 0"><a href="${safeHref(ctx.linkOf(i.sheet, i.row))}">${escapeHtml(itemLabel(i))}</a>: ${escapeHtml(i.text)}</li>`,
      );
    }
    parts.push('</ul>');
  }
  if (digest.moreItems > 0) {
    parts.push(`<p>…and ${digest.moreItems} more, in a later email or in the sheet's Dashboard.</p>`);
  }
  if (digest.ownerCounts.length > 0) {
    parts.push(
      '<h3 style="font-size:14px;margin:16px 0 4px">Per owner</h3><table style="border-collapse:collapse">',
      `<tr><th ${CELL}>Owner</th><th ${CELL}>Accounts</th><th ${CELL}>Red</th><th ${CELL}>Triage</th><th ${CELL}>Overdue checks</th></tr>`,
    );
    for (const c of digest.ownerCounts) {
      parts.push(
        `<tr><td ${CELL}>${escapeHtml(ownerName(c))}</td><td ${CELL}>${c.accounts}</td><td ${CELL}>${c.red}</td><td ${CELL}>${c.triage}</td><td ${CELL}>${c.overdue}</td></tr>`,
      );
    }
    parts.push('</table>');
  }
  parts.push(
    `<p style="margin-top:24px;font-size:12px;color:#5f6368">${footerLines(digest, ctx).map(escapeHtml).join('<br>')}</p>`,
    '</div>',
  );
  return parts.join('\n');
}

export function renderDigest(digest: Digest, ctx: EmailContext): RenderedEmail {
  return { subject: digest.subject, text: renderText(digest, ctx), html: renderHtml(digest, ctx) };
}
