// Who is at risk and what changed, from Ladder history: days Red from the start of the current Red run, "N+" when it
// was Red from the first row, and changes since a week ago, worst news first.
import { describe, expect, it } from 'vitest';
import { changesSince, redRows } from '../../src/core/dashboard';
import { groupHistory } from '../../src/core/history';
import type { Assessment, Health, HistoryRecord, Rung } from '../../src/core/types';
import { day as d } from './fixtures';

const TODAY = d('2026-11-24');

function a(id: string, health: Health, rung: Rung, owner = 'sam.ortiz@acme.example'): Assessment {
  return {
    account: { id, name: `Name ${id}`, owner, row: 2 },
    health,
    rung,
    reasons: [`why ${id}`],
  } as unknown as Assessment;
}

let row = 2;
const h = (id: string, date: string, rung: Rung, health: Health): HistoryRecord => ({
  row: row++,
  date: d(date),
  accountId: id,
  rung,
  health,
});

describe('redRows', () => {
  const history = groupHistory([
    h('A', '2026-10-01', 2, 'Yellow'),
    h('A', '2026-11-04', 2, 'Red'),
    h('A', '2026-11-10', 1, 'Red'),
    h('B', '2026-09-25', 1, 'Red'),
    h('C', '2026-11-01', 2, 'Green'),
    h('C', '2026-12-01', 2, 'Red'), // after today: ignored
  ]);

  it('counts days Red from the start of the current Red run, longest first, with owners as keys', () => {
    const rows = redRows(
      [a('A', 'Red', 1), a('B', 'Red', 1, 'Jonas Weber'), a('C', 'Red', 2), a('D', 'Green', 4)],
      history,
      TODAY,
    );
    expect(rows.map((r) => [r.accountId, r.daysRed, r.sinceHistoryBegan, r.owner])).toEqual([
      ['B', 60, true, '(no valid owner)'],
      ['A', 20, false, 'sam.ortiz@acme.example'],
      // Not Red in its latest row on or before today: it turned Red today.
      ['C', 0, false, 'sam.ortiz@acme.example'],
    ]);
    expect(rows[1].reason).toBe('why A');
  });
});

describe('changesSince', () => {
  it("compares today with each account's latest row on or before the day, worst news first", () => {
    const history = groupHistory([
      h('up', '2026-11-01', 2, 'Yellow'),
      h('red', '2026-11-01', 2, 'Yellow'),
      h('down', '2026-11-01', 3, 'Yellow'),
      h('same', '2026-11-01', 2, 'Yellow'),
      h('new', '2026-11-20', 1, 'Yellow'),
    ]);
    const { changes, firstRecorded } = changesSince(
      [
        a('up', 'Green', 4),
        a('red', 'Red', 2),
        a('down', 'Yellow', 2),
        a('same', 'Yellow', 2),
        a('new', 'Red', 1),
      ],
      history,
      TODAY - 7,
      TODAY,
    );
    expect(changes.map((c) => [c.accountId, c.healthThen, c.health, c.rungThen, c.rung])).toEqual([
      ['red', 'Yellow', 'Red', 2, 2],
      ['down', 'Yellow', 'Yellow', 3, 2],
      ['up', 'Yellow', 'Green', 2, 4],
    ]);
    expect(firstRecorded).toBe(1);
  });
});
