// A book of 10,000 accounts over 5,000 owners through the built bundle: no digest over 60 KB, and the leader's
// digest still names the top Red accounts.
import { describe, expect, it } from 'vitest';
import { generateBook } from '../../local/generateBook';
import type { ReminderPreview } from '../../src/reminders/entry/types';
import { SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TODAY = '2026-11-24';
const LEAD = 'lead@acme.example';

describe('digest size at 10,000 accounts and 5,000 owners', () => {
  it('keeps every digest under 60 KB of HTML and leads the leader digest with Red accounts', () => {
    const sheets = generateBook({ accounts: 10_000, weeks: 8, seed: 11, today: TODAY });
    const [header, ...rows] = sheets[SHEET.accounts];
    const owner = header.findIndex((h) => String(h) === 'Owner');
    const name = header.findIndex((h) => String(h) === 'Account');
    // 5,000 owners, two accounts each; one account's name is a 50,000-character cell.
    rows.forEach((r, i) => {
      r[owner] = `csm${i % 5_000}@acme.example`;
    });
    rows[0][name] = 'Very long name '.repeat(3_400);
    const rt = loadBundle({ now: new Date(`${TODAY}T13:30:00Z`), sheets, user: LEAD, mailQuota: 6_000 });
    rt.properties.document.set('resultsLadder.settings', JSON.stringify({ leaderEmail: LEAD }));
    const preview = rt.call<ReminderPreview>('previewReminders');
    expect(preview.digests.length).toBeGreaterThan(1_000);
    const largest = Math.max(...preview.digests.map((d) => Buffer.byteLength(d.html)));
    expect(largest).toBeLessThanOrEqual(60 * 1024);
    const leader = preview.digests.find((d) => d.kind === 'leader');
    expect(leader).toBeDefined();
    expect(Buffer.byteLength(leader?.html ?? '')).toBeLessThanOrEqual(60 * 1024);
    // The most urgent (Red) accounts come first and are named, with what was left out counted in words.
    expect(leader?.itemList[0].kind).toBe('red');
    // Named by the account's name (a 50,000-character one shortened), linked to its row.
    expect(leader?.html).toContain(`>${(leader?.itemList[0].accountName ?? '').slice(0, 40)}`);
    expect(leader?.html).toContain(`&amp;range=A${leader?.itemList[0].row}"`);
    expect(leader?.html).toMatch(/and \d+ more: /);
    expect(leader?.html).toMatch(/and \d{3,4} more owners, in the Dashboard/);
  }, 120_000);
});
