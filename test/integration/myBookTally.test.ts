// My book's counts add up on the demo book (issue 25): tiles + churned = accounts listed, + ignored rows = Accounts
// rows; the churned account and the ignored duplicate row are named; chain gaps and results to validate are listed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Preview, preparePreview } from '../../local/preview';
import type { MyBookView } from '../../src/entry/sidebarTypes';

const SAM = 'sam.ortiz@acme.example';
let dir: string;
let preview: Preview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ladder-tally-'));
  preview = await preparePreview({ today: '2026-11-24', timeZone: 'UTC', emailsDir: join(dir, 'emails') });
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Accounts rows with an Account ID, as the sheet holds them (header left out). */
function idRows(): string[][] {
  return preview.runtime
    .values('Accounts')
    .slice(1)
    .map((r) => r.map(String))
    .filter((r) => r[0].trim() !== '');
}

describe('My book adds up', () => {
  it('for the leader: every Accounts row is on the ladder, churned or ignored, each named', () => {
    preview.runtime.setUser(preview.user);
    const book = preview.runtime.call<MyBookView>('getMyBook');
    const tally = book.tally;
    if (!tally) throw new Error('no tally');
    const tiles = Object.values(book.healthCounts).reduce((n, x) => n + x, 0);
    expect(tiles).toBe(tally.onLadder);
    expect(tally.onLadder + tally.churned.length).toBe(book.accounts.length);
    expect(tally.rows).toBe(idRows().length);
    expect(tally.churned.map((c) => c.name)).toEqual(['Orion Hospitality']);
    expect(tally.ignored).toHaveLength(1);
    expect(tally.ignored[0].message).toMatch(/^Duplicate Account ID 'AC-1012'/);
  });

  it('lists chain gaps and results to validate, never a churned account', () => {
    preview.runtime.setUser(SAM);
    const book = preview.runtime.call<MyBookView>('getMyBook');
    expect(book.scope).toBe('mine');
    const gaps = book.chainGaps ?? [];
    expect(gaps.length).toBeGreaterThan(0);
    for (const a of gaps) expect(a.chainGap).not.toBe('');
    const toValidate = book.toValidate ?? [];
    expect(toValidate.length).toBeGreaterThan(0);
    for (const a of toValidate) expect(a.rungName).toBe('Outcome');
    expect([...gaps, ...toValidate].some((a) => a.health === 'Churned')).toBe(false);
    preview.runtime.setUser(preview.user);
  });
});
