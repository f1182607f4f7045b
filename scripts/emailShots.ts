// Renders one owner digest and the leader digest of the demo book at a 375 px phone width, and the top of its Dashboard
// sheet (who is at risk, health per owner, what changed), for the README (docs/*.png) and the browser tests.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { demoBook } from '../local/demoBook';
import { createRuntime } from '../local/runtime/index';
import { launchChromium } from '../test/browser/chromium';
import { dateOfDay, dayFromIso } from '../src/core/dates';
import { SHEET } from '../src/sheets/layout';
import type { ReminderPreview, ReminderPreviewDigest } from '../src/reminders/entry/types';

export const PHONE_WIDTH = 375;
const TODAY = '2026-11-24';
const TZ = 'America/New_York';
const LEADER = 'lead@acme.example';

function demoRuntime() {
  const now = new Date(dateOfDay(dayFromIso(TODAY) as number, TZ).getTime() + 9 * 3_600_000);
  const rt = createRuntime({
    timeZone: TZ,
    now,
    user: LEADER,
    sheets: demoBook({ today: TODAY, timeZone: TZ }),
  });
  rt.load(join(process.cwd(), 'dist/Code.js'));
  rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEADER }));
  return rt;
}

/** The demo book's planned digests: the leader's and the owner digest with the most items. */
export function demoDigests(): { owner: ReminderPreviewDigest; leader: ReminderPreviewDigest } {
  const rt = demoRuntime();
  const preview = rt.call<ReminderPreview>('previewReminders');
  const owners = preview.digests.filter((d) => d.kind === 'owner').sort((a, b) => b.items - a.items);
  const leader = preview.digests.find((d) => d.kind === 'leader');
  if (!owners[0] || !leader) throw new Error('The demo book planned no owner or no leader digest');
  return { owner: owners[0], leader };
}

/** An email as a mail client shows it: the HTML body on a white page the phone's width. */
export function emailPage(d: ReminderPreviewDigest): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${d.subject.replace(/</g, '&lt;')}</title></head><body style="margin:8px;background:#fff">${d.html}</body></html>`;
}

const esc = (v: unknown) =>
  String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ARROW_SVG =
  '<svg width="12" height="9" viewBox="0 0 12 9" role="img" aria-label="to"><path d="M0 4.5h10.5M7 1l3.5 3.5L7 8" stroke="#1f1f1f" fill="none"/></svg>';
const FILLS: Record<string, string> = { Red: '#f4c7c3', Yellow: '#fce8b2', Green: '#b7e1cd' };

/**
 * The Dashboard sheet's first blocks after Refresh dashboard, as cells in a grid (titles bold, health names in their
 * fills, a Red account's reason running over the empty cells to its right), down to the band kept for the charts.
 */
export function dashboardTopPage(): string {
  const rt = demoRuntime();
  rt.call('refreshDashboard');
  const values = rt.values(SHEET.dashboard);
  const charts = rt.spreadsheet.charts(SHEET.dashboard);
  const band = Math.min(...charts.map((c) => c.position?.row ?? values.length)) - 1;
  const COLS = 7;
  const rows = values.slice(0, band).map((r) => r.slice(0, COLS));
  const widths = Array.from({ length: COLS }, (_, c) => rt.spreadsheet.columnWidth(SHEET.dashboard, c + 1));
  const cols = widths.map((w) => `<col style="width:${w}px">`).join('');
  const isTitle = (r: unknown[], i: number) =>
    r[0] !== '' && r.slice(1).every((c) => c === '') && (i === 0 || rows[i - 1].every((c) => c === ''));
  const body = rows
    .map((r, i) => {
      if (isTitle(r, i)) return `<tr><th colspan="${COLS}" class="t">${esc(r[0])}</th></tr>`;
      const header = i > 0 && isTitle(rows[i - 1], i - 1);
      const cells: string[] = [];
      for (let j = 0; j < r.length; j++) {
        const c = r[j];
        const fill = FILLS[String(c)] ? ` style="background:${FILLS[String(c)]}"` : '';
        let span = 1;
        // Long text runs over the empty cells to its right, as the sheet shows it (WrapStrategy.OVERFLOW).
        if (!header && c !== '')
          while (j + span < r.length && r[j + span] === '' && String(c).length > 12) span++;
        const tag = header ? 'th' : 'td';
        // The bundled Chromium's font has no "→": drawn, so the picture reads as the sheet does.
        const text = esc(c).replace(/ → /g, ` ${ARROW_SVG} `);
        cells.push(`<${tag}${span > 1 ? ` colspan="${span}"` : ''}${fill}>${text}</${tag}>`);
        j += span - 1;
      }
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard (top)</title><style>
    body{margin:8px;font:13px Arial,Helvetica,'DejaVu Sans','Noto Sans',sans-serif;color:#1f1f1f;background:#fff}
    table{border-collapse:collapse;table-layout:fixed}
    td,th{border:1px solid #e0e0e0;padding:2px 4px;text-align:left;vertical-align:top;overflow:hidden;white-space:nowrap;text-overflow:clip}
    th{font-weight:bold} th.t{border-color:transparent;padding-top:6px} td.o{white-space:nowrap}
    </style></head><body><table style="width:${widths.reduce((a, b) => a + b, 0)}px">${cols}${body}</table></body></html>`;
}

export async function launch(): Promise<Browser> {
  // The shared finder: CHROMIUM_PATH, an installed browser, else the npm package's Chromium (README, Contributing).
  return (await launchChromium(['--disable-gpu', '--no-first-run'])).browser;
}

async function main(): Promise<void> {
  const { owner, leader } = demoDigests();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 800 } });
    for (const [digest, file] of [
      [owner, 'docs/email-owner-375.png'],
      [leader, 'docs/email-leader-375.png'],
    ] as const) {
      await page.setContent(emailPage(digest));
      await page.screenshot({ path: file, fullPage: true });
      console.log(`wrote ${file} (${digest.subject})`);
    }
    const sheet = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    await sheet.setContent(dashboardTopPage());
    await sheet.screenshot({ path: 'docs/dashboard-top.png', fullPage: true });
    console.log('wrote docs/dashboard-top.png (the Dashboard sheet down to its charts)');
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
