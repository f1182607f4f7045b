// The Dashboard's rungs over time read the same team as LADDER: every Owner's domain in the book, not only the account's own.
import { describe, expect, it } from 'vitest';
import { rungsOverTime } from '../../src/core/dashboard';
import { assessBook } from '../../src/core/evaluate';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Book } from '../../src/core/types';
import { account, result, SMB, T } from './fixtures';

describe('rungsOverTime and the team', () => {
  it('counts an account validated by another owner’s colleague on Outcome, as LADDER does', () => {
    // A1 is Ana's (acme.example); Lee owns A2 from acme.io. A Results row for A1 "validated" by lee's colleague at
    // acme.io is the team confirming its own result: Outcome, not Result, on the Dashboard as in LADDER.
    const book: Book = {
      segments: [SMB],
      accounts: [
        account({ id: 'A1', owner: 'ana@acme.example', startDate: T - 40 }),
        account({ id: 'A2', row: 3, owner: 'lee@acme.io', startDate: T - 40, namedResult: '' }),
      ],
      usage: [],
      results: [result({ accountId: 'A1', value: 3, validatedBy: 'kim@acme.io' })],
      checks: [],
      history: [],
      problems: [],
    };
    const { assessments } = assessBook(book, DEFAULT_SETTINGS, T);
    expect(assessments.find((a) => a.account.id === 'A1')?.rung).toBe(3);
    const today = rungsOverTime(book, T, DEFAULT_SETTINGS, 1)[0];
    expect(today.counts[3]).toBe(1);
    expect(today.counts[4]).toBe(0);
  });
});
