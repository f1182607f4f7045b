// Renders one owner digest and the leader digest of the demo book at a 375 px phone width, for the README (docs/*.png) and the browser test.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { demoBook } from '../local/demoBook';
import { createRuntime } from '../local/runtime/index';
import { launchChromium } from '../test/browser/chromium';
import { dateOfDay, dayFromIso } from '../src/core/dates';
import type { ReminderPreview, ReminderPreviewDigest } from '../src/reminders/entry/types';

export const PHONE_WIDTH = 375;
const TODAY = '2026-11-24';
const TZ = 'America/New_York';
const LEADER = 'lead@acme.example';

/** The demo book's planned digests: the leader's and the owner digest with the most items. */
export function demoDigests(): { owner: ReminderPreviewDigest; leader: ReminderPreviewDigest } {
  const now = new Date(dateOfDay(dayFromIso(TODAY) as number, TZ).getTime() + 9 * 3_600_000);
  const rt = createRuntime({
    timeZone: TZ,
    now,
    user: LEADER,
    sheets: demoBook({ today: TODAY, timeZone: TZ }),
  });
  rt.load(join(process.cwd(), 'dist/Code.js'));
  rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEADER }));
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
