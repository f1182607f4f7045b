// The damage table of the Reminder ledger and its witness (src/reminders/core/ledgerCheck.ts): for each thing a
// team can do to the hidden sheet or a stored witness, a same-day rerun sends nothing and says why, and the next
// day's run sends normally. The run is modelled as the add-on runs it (src/reminders/entry/reminders.ts): verify,
// hold the day or record each digest (ledger first, then every witness store), then send.
import { describe, expect, it } from 'vitest';
import {
  checkLedger,
  checksumOf,
  heldDetail,
  MAX_WITNESS_CHARS,
  type RecordedSend,
  readWitness,
  recordHash,
} from '../../src/reminders/core/ledgerCheck';

interface Row extends RecordedSend {
  readonly day: string;
}

/** The two places state lives: the ledger sheet (null when deleted) and the witness stores (user, document). */
interface World {
  ledger: { id: number; rows: Row[] } | null;
  user: string | null;
  document: string | null;
  /** Whether this run gets document properties (a timed run may not). */
  hasDocument: boolean;
  sent: string[];
  told: string[];
  nextId: number;
}

const RECIPIENTS = ['maya@acme.example', 'jonas@acme.example', 'lead@acme.example'];

function world(): World {
  return { ledger: null, user: null, document: null, hasDocument: true, sent: [], told: [], nextId: 100 };
}

function storesOf(w: World): ('user' | 'document')[] {
  return w.hasDocument ? ['user', 'document'] : ['user'];
}

function todays(w: World, day: string): number[] {
  return (w.ledger?.rows ?? []).filter((r) => r.day === day).map(recordHash);
}

/** One run on `day`: what the add-on does, in its order. */
function run(w: World, day: string): { sent: number; detail: string } {
  const hashes = todays(w, day);
  const today = { day, ledgerId: w.ledger?.id ?? null, hashes };
  const verdict = checkLedger(
    today,
    storesOf(w).map((s) => readWitness(w[s])),
  );
  if (!verdict.ok) {
    const held = JSON.stringify({
      day,
      ledger: today.ledgerId ?? 0,
      count: hashes.length,
      sum: checksumOf(hashes),
      held: verdict.reason,
    });
    for (const s of storesOf(w)) w[s] = held;
    const detail = heldDetail(verdict.reason);
    w.told.push(detail);
    return { sent: 0, detail };
  }
  const already = new Set(
    (w.ledger?.rows ?? []).filter((r) => r.day === day && r.kind === 'sent').map((r) => r.recipient),
  );
  let sent = 0;
  const witnessed = [...hashes];
  for (const recipient of RECIPIENTS) {
    if (already.has(recipient)) continue;
    if (!w.ledger) w.ledger = { id: w.nextId++, rows: [] };
    const row: Row = { kind: 'sent', day, recipient, keys: [`digest/${recipient}`], run: `run-${day}` };
    w.ledger.rows.push(row);
    witnessed.push(recordHash(row));
    const value = JSON.stringify({
      day,
      ledger: w.ledger.id,
      count: witnessed.length,
      sum: checksumOf(witnessed),
    });
    for (const s of storesOf(w)) w[s] = value;
    w.sent.push(recipient);
    sent++;
  }
  return { sent, detail: `Sent ${sent}` };
}

const DAY1 = '2026-11-24';
const DAY2 = '2026-11-25';

type Damage = (w: World) => void;
const mapWitness = (w: World, f: (o: Record<string, unknown>) => string, only?: 'user' | 'document') => {
  for (const s of ['user', 'document'] as const) {
    const v = w[s];
    if (v !== null && (only === undefined || only === s)) w[s] = f(JSON.parse(v) as Record<string, unknown>);
  }
};
const editRow = (w: World, i: number, change: Partial<Row>) => {
  if (w.ledger) w.ledger.rows[i] = { ...w.ledger.rows[i], ...change };
};

const DAMAGES: [string, Damage, RegExp][] = [
  [
    'rows cleared',
    (w) => {
      if (w.ledger) w.ledger.rows = [];
    },
    /holds 0 of the 3/,
  ],
  [
    'rows deleted but one',
    (w) => {
      if (w.ledger) w.ledger.rows = w.ledger.rows.slice(2);
    },
    /holds 1 of the 3/,
  ],
  ['a row edited: sent turned into failed', (w) => editRow(w, 0, { kind: 'failed' }), /edited or reordered/],
  [
    'a row edited: another recipient',
    (w) => editRow(w, 1, { recipient: 'kim@acme.example' }),
    /edited or reordered/,
  ],
  ['a row edited: keys removed', (w) => editRow(w, 2, { keys: [] }), /edited or reordered/],
  ['a row edited: another day', (w) => editRow(w, 0, { day: '2026-11-20' }), /holds 2 of the 3/],
  ['rows sorted', (w) => w.ledger?.rows.reverse(), /edited or reordered/],
  [
    'the sheet replaced (a new sheet ID)',
    (w) => {
      w.ledger = { id: w.nextId++, rows: [] };
    },
    /deleted or replaced/,
  ],
  [
    'the sheet replaced by a copy of its rows',
    (w) => {
      w.ledger = { id: w.nextId++, rows: [...(w.ledger?.rows ?? [])] };
    },
    /deleted or replaced/,
  ],
  [
    'the sheet deleted (one store missing: the sheet)',
    (w) => {
      w.ledger = null;
    },
    /deleted or replaced/,
  ],
  ['the witness truncated', (w) => mapWitness(w, (o) => JSON.stringify(o).slice(0, 25)), /not complete JSON/],
  [
    'the witness oversized',
    (w) => mapWitness(w, (o) => JSON.stringify({ ...o, pad: 'x'.repeat(MAX_WITNESS_CHARS) })),
    /characters long/,
  ],
  [
    'the witness’s ledger ID a string',
    (w) => mapWitness(w, (o) => JSON.stringify({ ...o, ledger: String(o.ledger) })),
    /its ledger is not/,
  ],
  [
    'the witness’s count a string',
    (w) => mapWitness(w, (o) => JSON.stringify({ ...o, count: String(o.count) })),
    /its count is not/,
  ],
  [
    'the witness’s count fractional',
    (w) => mapWitness(w, (o) => JSON.stringify({ ...o, count: 2.5 })),
    /its count is not/,
  ],
  [
    'the witness’s checksum negative',
    (w) => mapWitness(w, (o) => JSON.stringify({ ...o, sum: -1 })),
    /its sum is not/,
  ],
  [
    'the witness’s day in another format',
    (w) => mapWitness(w, (o) => JSON.stringify({ ...o, day: '11/24/2026' })),
    /its day is not/,
  ],
  [
    'the witness’s day not a date',
    (w) => mapWitness(w, (o) => JSON.stringify({ ...o, day: '2026-13-45' })),
    /its day is not/,
  ],
  ['the witness an array', (w) => mapWitness(w, () => '[1,2,3]'), /could not be read/],
  [
    'the witness only in one store damaged',
    (w) => mapWitness(w, () => '{"day":', 'document'),
    /not complete JSON/,
  ],
  [
    'one store missing: no document properties (a timed run), rows cleared',
    (w) => {
      w.hasDocument = false;
      if (w.ledger) w.ledger.rows = [];
    },
    /holds 0 of the 3/,
  ],
  [
    'one store missing: no user witness (another editor), rows cleared',
    (w) => {
      w.user = null;
      if (w.ledger) w.ledger.rows = [];
    },
    /holds 0 of the 3/,
  ],
  [
    'an earlier version’s witness of today, rows cleared',
    (w) => {
      mapWitness(w, (o) => JSON.stringify({ day: o.day, ledger: o.ledger }));
      if (w.ledger) w.ledger.rows = [];
    },
    /earlier version/,
  ],
];

describe('the Reminder ledger damage table', () => {
  it('undamaged: a rerun the same day sends nothing and says nothing; the next day sends again', () => {
    const w = world();
    expect(run(w, DAY1).sent).toBe(3);
    expect(run(w, DAY1)).toEqual({ sent: 0, detail: 'Sent 0' });
    expect(run(w, DAY2).sent).toBe(3);
    expect(w.told).toEqual([]);
  });

  it.each(DAMAGES)(
    '%s: a same-day rerun sends 0 and says why; the next day sends normally',
    (_, damage, why) => {
      const w = world();
      expect(run(w, DAY1).sent).toBe(3);
      damage(w);
      const again = run(w, DAY1);
      expect(again.sent).toBe(0);
      expect(again.detail).toMatch(why);
      expect(again.detail).toMatch(/this run sent nothing\. Reminders resume tomorrow\.$/);
      expect(w.told).toEqual([again.detail]);
      // Held for the rest of the day, with the same reason.
      const third = run(w, DAY1);
      expect(third).toEqual({ sent: 0, detail: again.detail });
      expect(w.sent).toHaveLength(3);
      w.hasDocument = true;
      const next = run(w, DAY2);
      expect(next.detail).toBe('Sent 3');
      expect(run(w, DAY2)).toEqual({ sent: 0, detail: 'Sent 0' });
    },
  );
});

describe('what is not damage', () => {
  it('records appended after a witness (a run killed before its witness, another editor’s run) pass', () => {
    const w = world();
    run(w, DAY1);
    const before = w.user;
    w.ledger?.rows.push({ kind: 'sent', day: DAY1, recipient: 'kim@acme.example', keys: [], run: 'other' });
    w.user = before;
    expect(run(w, DAY1)).toEqual({ sent: 0, detail: 'Sent 0' });
  });

  it('an earlier day’s witness, damaged rows of earlier days and an earlier version’s witness of yesterday pass', () => {
    const w = world();
    run(w, DAY1);
    if (w.ledger) w.ledger.rows = w.ledger.rows.slice(1);
    mapWitness(w, (o) => JSON.stringify({ day: o.day, ledger: o.ledger }), 'document');
    expect(run(w, DAY2).sent).toBe(3);
  });

  it('no witness anywhere reads as none, not as damage', () => {
    expect(readWitness(null)).toEqual({ status: 'none' });
    expect(readWitness('')).toEqual({ status: 'none' });
    expect(checkLedger({ day: DAY1, ledgerId: null, hashes: [] }, [{ status: 'none' }])).toEqual({
      ok: true,
    });
  });

  it('the checksum depends on every field and on order', () => {
    const a: RecordedSend = { kind: 'sent', recipient: 'a@x.example', keys: ['k1', 'k2'], run: 'r' };
    const variants: RecordedSend[] = [
      { ...a, kind: 'failed' },
      { ...a, recipient: 'b@x.example' },
      { ...a, keys: ['k1'] },
      { ...a, run: 'r2' },
    ];
    for (const v of variants) expect(recordHash(v)).not.toBe(recordHash(a));
    const b = recordHash(variants[1]);
    expect(checksumOf([recordHash(a), b])).not.toBe(checksumOf([b, recordHash(a)]));
  });
});
