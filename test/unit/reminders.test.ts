import { isWellFormedEmail } from '../../src/core/addresses';
// The reminder planner: every item kind, the remind-every window, digest order, recipients and quota.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemIdentityIn } from '../../src/reminders/core/problemKeys';
import { itemKey, problemItem } from '../../src/reminders/core/items';
import {
  allowedDomainsOf,
  decideDelivery,
  MAX_OWNER_ITEMS,
  planReminders,
  refusalOf,
  scheduleText,
  subjectOf,
} from '../../src/reminders/core/planning';
import type { Digest, SentKeys } from '../../src/reminders/core/types';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { Account, Assessment, Day, Problem } from '../../src/core/types';
import { day as d, SMB, T } from './fixtures';

let nextRow = 2;
/** A healthy account with nothing to remind about; each case changes what it tests. */
function assessment(
  over: Partial<Omit<Assessment, 'account'>> & { account?: Partial<Account> } = {},
): Assessment {
  const row = nextRow++;
  const account: Account = {
    row,
    id: `A-${row}`,
    name: `Account ${row}`,
    segment: 'SMB',
    owner: 'csm@acme.example',
    startDate: d('2026-09-01'),
    renewalDate: null,
    businessPain: 'Month-end close takes 12 days',
    solutionValue: 'Automated reconciliations',
    namedResult: 'Close in 5 days',
    metric: 'days to close',
    baseline: 12,
    target: 5,
    validator: 'Pat Buyer',
    validatorRole: 'Buyer',
    renewalStatus: 'Open',
    validatorEmail: '',
    ...over.account,
  };
  const { account: _ignored, ...rest } = over;
  return {
    account,
    segment: SMB,
    rung: 2,
    rungName: 'Adoption',
    evidence: [],
    health: 'Yellow',
    reasons: ['A result is named and in flight.'],
    nextStep: 'Measure the metric.',
    nextCheckDue: d('2027-01-10'),
    daysOverdue: 0,
    validationDate: null,
    progress: null,
    triage: false,
    chain: { complete: true, missing: [], weak: [], text: 'Complete' },
    resultWindowPassed: false,
    unansweredNo: null,
    movement: { since: d('2026-10-01'), daysOnRung: 54, stalled: false, change: 0, trend: 'steady' },
    churned: over.account?.renewalStatus === 'Churned',
    ...rest,
  };
}

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const NONE: SentKeys = new Map();

function plan(
  assessments: Assessment[],
  over: Partial<Settings> = {},
  sent: SentKeys = NONE,
  problems: Problem[] = [],
) {
  return planReminders({ assessments, problems, settings: settings(over), today: T, sent });
}

function ownerDigest(digests: readonly Digest[], who = 'csm@acme.example'): Digest | undefined {
  return digests.find((x) => x.kind === 'owner' && x.recipient === who);
}

describe('owner items: one case per kind', () => {
  const cases: { name: string; a: () => Assessment; kind: string; due: string | null; text: RegExp }[] = [
    {
      name: 'triage: no named result',
      a: () =>
        assessment({
          triage: true,
          nextStep: 'Name the result this account will measure',
          account: { namedResult: '' },
        }),
      kind: 'triage',
      due: null,
      // The sidebar's next step, word for word (issue 25: the digest says what to do, not what is missing).
      text: /^Name the result this account will measure: that takes it off triage\.$/,
    },
    {
      // Triage now also holds a named result that is not measurable, or a validator in a role the segment does not
      // accept: the item says what to do (the next step), never "No named result" when one is there.
      name: 'triage: a named result that reads as sentiment',
      a: () =>
        assessment({
          triage: true,
          nextStep: 'Name a measurable result — say what changes for them, with a number',
          account: { namedResult: 'Improve client satisfaction' },
        }),
      kind: 'triage',
      due: null,
      text: /^Name a measurable result — say what changes for them, with a number: that takes it off triage\.$/,
    },
    {
      name: 'unknown segment (named result and validator present)',
      a: () =>
        assessment({
          triage: true,
          segment: null,
          nextStep: "Set a segment that is in Segments ('Enterprize' is not one)",
          account: { segment: 'Enterprize' },
        }),
      kind: 'unknownSegment',
      due: null,
      text: /^Set a segment that is in Segments \('Enterprize' is not one\): that takes it off triage\.$/,
    },
    {
      name: 'chain gap after kickoff',
      a: () =>
        assessment({
          chain: { complete: false, missing: ['value'], weak: [], text: 'Missing: solution value' },
        }),
      kind: 'chainGap',
      due: '2026-10-01',
      text: /^Fill the missing link of the chain: .+ \(\d+ days after start\)\.$/,
    },
    {
      name: 'check due soon',
      a: () => assessment({ nextCheckDue: d('2026-11-29') }),
      kind: 'checkDueSoon',
      due: '2026-11-29',
      text: /^Book the 90-day check with Pat Buyer: due in 5 days \(2026-11-29\)$/,
    },
    {
      name: 'overdue check',
      a: () => assessment({ nextCheckDue: d('2026-11-14'), daysOverdue: 10 }),
      kind: 'checkOverdue',
      due: '2026-11-14',
      text: /^Run the 90-day check with Pat Buyer, 10 days overdue \(due 2026-11-14\)\. Can they name the result\?$/,
    },
    {
      name: 'result window passed',
      a: () => assessment({ account: { startDate: d('2026-07-01') }, resultWindowPassed: true }),
      kind: 'resultWindow',
      due: '2026-09-29',
      text: /^Escalate with a recovery plan: the result window ended 2026-09-29 and the account is still on Adoption$/,
    },
    {
      name: 'No answer at the 90-day check',
      a: () =>
        assessment({
          unansweredNo: {
            row: 9,
            date: d('2026-11-02'),
            accountId: 'x',
            kind: '90-day',
            resultNamed: false,
            notes: '',
            checkedBy: '',
          },
        }),
      kind: 'unansweredNo',
      due: '2026-11-02',
      text: /^Intervene: the 90-day check on 2026-11-02 said No\. Meet Pat Buyer, agree what changes and re-plan the result$/,
    },
    {
      name: 'stalled',
      a: () =>
        assessment({
          nextStep: 'Measure days to close: log a value that moves from 12 toward 5',
          movement: { since: d('2026-08-01'), daysOnRung: 115, stalled: true, change: 0, trend: 'stalled' },
        }),
      kind: 'stalled',
      due: '2026-08-01',
      text: /^Measure days to close: log a value that moves from 12 toward 5 \(stalled 115 days on Adoption\)\.$/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = c.a();
      const digest = ownerDigest(plan([a]));
      expect(digest?.items.map((i) => i.kind)).toEqual([c.kind]);
      const item = digest?.items[0];
      expect(item?.key).toBe(itemKey(a.account.id, c.kind as never, c.due === null ? null : d(c.due)));
      expect(item?.text).toMatch(c.text);
      expect(item?.row).toBe(a.account.row);
      expect(item?.sheet).toBe('Accounts');
    });
  }

  it("a Red account's item for its Red cause carries the sidebar's next step, e.g. the re-planned result", () => {
    const a = assessment({
      health: 'Red',
      nextStep: 'Prove the re-planned result by 2026-12-15: close in 6 days',
      unansweredNo: {
        row: 9,
        date: d('2026-11-02'),
        accountId: 'x',
        kind: '90-day',
        resultNamed: false,
        notes: '',
        checkedBy: '',
      },
      nextCheckDue: d('2026-11-04'),
      daysOverdue: 20,
    });
    const texts = ownerDigest(plan([a]))?.items.map((i) => [i.kind, i.text]);
    expect(texts).toEqual([
      ['unansweredNo', 'Prove the re-planned result by 2026-12-15: close in 6 days'],
      // The other cause in the same words as the sidebar's step for it.
      [
        'checkOverdue',
        'Run the 90-day check with Pat Buyer, 20 days overdue (due 2026-11-04). Can they name the result?',
      ],
    ]);
  });

  it('a stalled account whose next step is already an item points at it instead of repeating it', () => {
    const a = assessment({
      health: 'Red',
      nextStep:
        'Escalate with a recovery plan: the result window ended 2026-09-29 and the account is still on Adoption',
      account: { startDate: d('2026-07-01') },
      resultWindowPassed: true,
      movement: { since: d('2026-08-01'), daysOnRung: 115, stalled: true, change: 0, trend: 'stalled' },
    });
    const texts = ownerDigest(plan([a]))?.items.map((i) => i.text);
    expect(texts).toEqual([a.nextStep, 'Move it off Adoption with the step above (stalled 115 days).']);
  });

  it('a healthy account gives no digest', () => {
    expect(plan([assessment()])).toEqual([]);
  });

  it('a chain gap waits until kickoff days have passed', () => {
    const gap = { complete: false, missing: ['value' as const], weak: [], text: 'Missing: solution value' };
    expect(plan([assessment({ chain: gap, account: { startDate: d('2026-11-01') } })])).toEqual([]);
    expect(
      plan([assessment({ chain: gap, account: { startDate: d('2026-11-01') } })], { kickoffDays: 10 }),
    ).toHaveLength(1);
  });

  it('a check due beyond due-soon days is not listed; one due today is', () => {
    expect(plan([assessment({ nextCheckDue: d('2026-12-02') })])).toEqual([]);
    expect(ownerDigest(plan([assessment({ nextCheckDue: T })]))?.items[0].text).toMatch(/due today/);
  });

  it('churned accounts get no reminders', () => {
    expect(
      plan([assessment({ triage: true, account: { renewalStatus: 'Churned', namedResult: '' } })]),
    ).toEqual([]);
  });
});

describe('the remind-every window', () => {
  const triaged = () => assessment({ triage: true, account: { validator: '' } });

  it('an item sent today is not sent again today (a second run plans nothing)', () => {
    const a = triaged();
    const first = plan([a]);
    const sent: SentKeys = new Map([[a.account.owner, new Map(first[0].items.map((i) => [i.key, T]))]]);
    expect(plan([a], {}, sent)).toEqual([]);
  });

  it('an item comes back once remind-every days have passed, not before', () => {
    const a = triaged();
    const key = itemKey(a.account.id, 'triage', null);
    const sentOn = (day: Day): SentKeys => new Map([['csm@acme.example', new Map([[key, day]])]]);
    expect(plan([a], { remindEveryDays: 7 }, sentOn(T - 6))).toEqual([]);
    expect(plan([a], { remindEveryDays: 7 }, sentOn(T - 7))).toHaveLength(1);
    expect(plan([a], { remindEveryDays: 1 }, sentOn(T - 1))).toHaveLength(1);
  });

  it('the window is per recipient: the leader still hears about an item the owner was sent', () => {
    const a = assessment({
      health: 'Red',
      reasons: ['No validator.'],
      triage: true,
      account: { validator: '' },
    });
    const sent: SentKeys = new Map([
      ['csm@acme.example', new Map([[itemKey(a.account.id, 'triage', null), T]])],
    ]);
    const digests = plan([a], { leaderEmail: 'lead@acme.example' }, sent);
    expect(digests.map((x) => x.kind)).toEqual(['leader']);
  });

  it('a new due date is a new item', () => {
    const a = assessment({ nextCheckDue: d('2026-11-14'), daysOverdue: 10 });
    const old = itemKey(a.account.id, 'checkOverdue', d('2026-08-16'));
    const sent: SentKeys = new Map([['csm@acme.example', new Map([[old, T - 2]])]]);
    expect(plan([a], {}, sent)).toHaveLength(1);
  });

  it('nobody gets a second digest on a day they got one, even with new items; the next day they do', () => {
    const a = triaged();
    const b = assessment({ nextCheckDue: d('2026-11-20'), daysOverdue: 4 });
    const sentOn = (day: Day): SentKeys =>
      new Map([['csm@acme.example', new Map([[itemKey(a.account.id, 'triage', null), day]])]]);
    expect(plan([a, b], {}, sentOn(T))).toEqual([]);
    expect(ownerDigest(plan([a, b], {}, sentOn(T - 1)))?.items.map((i) => i.accountId)).toEqual([
      b.account.id,
    ]);
  });

  it('items held back by the size cap come the next day', () => {
    const many = Array.from({ length: MAX_OWNER_ITEMS + 3 }, () => assessment({ triage: true }));
    const first = plan(many)[0];
    const sentOn = (day: Day): SentKeys =>
      new Map([['csm@acme.example', new Map(first.items.map((i) => [i.key, day]))]]);
    expect(plan(many, {}, sentOn(T))).toEqual([]);
    expect(plan(many, {}, sentOn(T - 1))[0].items).toHaveLength(3);
  });
});

describe('digests', () => {
  it('one digest per owner, owners compared lower-case, most urgent item first', () => {
    const due = assessment({ nextCheckDue: d('2026-11-26') });
    const no = assessment({
      account: { owner: ' CSM@Acme.example ' },
      unansweredNo: {
        row: 3,
        date: d('2026-11-01'),
        accountId: '',
        kind: '90-day',
        resultNamed: false,
        notes: '',
        checkedBy: '',
      },
    });
    const other = assessment({ account: { owner: 'kim@acme.example' }, triage: true });
    const digests = plan([due, no, other]);
    expect(
      digests
        .filter((x) => x.kind === 'owner')
        .map((x) => x.recipient)
        .sort(),
    ).toEqual(['csm@acme.example', 'kim@acme.example']);
    expect(ownerDigest(digests)?.items.map((i) => i.kind)).toEqual(['unansweredNo', 'checkDueSoon']);
    expect(ownerDigest(digests)?.accountCount).toBe(2);
  });

  it('digests come most urgent first', () => {
    const soon = assessment({ account: { owner: 'a@acme.example' }, nextCheckDue: d('2026-11-26') });
    const overdue = assessment({
      account: { owner: 'b@acme.example' },
      nextCheckDue: d('2026-10-01'),
      daysOverdue: 54,
    });
    const triage = assessment({ account: { owner: 'c@acme.example' }, triage: true });
    expect(plan([soon, overdue, triage]).map((x) => x.recipient)).toEqual([
      'b@acme.example',
      'c@acme.example',
      'a@acme.example',
    ]);
  });

  it('the subject says what to do', () => {
    const digests = plan([
      assessment({ triage: true }),
      assessment({ triage: true }),
      assessment({ triage: true }),
      assessment({ nextCheckDue: d('2026-11-01'), daysOverdue: 23 }),
    ]);
    // The work first ("N accounts need you today"), then what kind of work; the email adds the day after it.
    expect(digests[0].subject).toBe(
      '4 accounts need you today: 1 overdue 90-day check · 3 need a named result',
    );
    expect(subjectOf('owner', [digests[0].items[1]])).toBe(
      '1 account needs you today: 1 needs a named result',
    );
  });

  it('accounts off triage only for their segment are not counted as needing a named result', () => {
    const digests = plan([
      assessment({ triage: true, segment: null, account: { segment: 'Enterprize' } }),
      assessment({
        triage: true,
        segment: null,
        nextStep: 'Set the segment, so the right result definition and validator apply',
        account: { segment: '' },
      }),
      assessment({ triage: true, segment: null, account: { namedResult: '' } }),
    ]);
    expect(digests[0].subject).toBe(
      '3 accounts need you today: 1 needs a named result · 2 with an unknown segment',
    );
    expect(digests[0].items.map((i) => i.text)).toContain(
      'Set the segment, so the right result definition and validator apply: that takes it off triage.',
    );
    const segmentOnly = digests[0].items.filter((i) => i.kind === 'unknownSegment');
    expect(subjectOf('owner', segmentOnly)).toBe('2 accounts need you today: 2 with an unknown segment');
  });

  it('a long digest is capped and says how many more', () => {
    const many = Array.from({ length: MAX_OWNER_ITEMS + 7 }, () => assessment({ triage: true }));
    const digest = plan(many)[0];
    expect(digest.items).toHaveLength(MAX_OWNER_ITEMS);
    expect(digest.moreItems).toBe(7);
    expect(digest.subject).toBe(
      `${MAX_OWNER_ITEMS + 7} accounts need you today: ${MAX_OWNER_ITEMS + 7} need a named result`,
    );
  });

  it('the leader gets Red accounts with reasons, data problems, movement and per-owner counts', () => {
    const red = assessment({
      health: 'Red',
      reasons: ['Result window passed below Result.'],
      resultWindowPassed: true,
    });
    const slipped = assessment({
      account: { owner: 'kim@acme.example' },
      movement: { since: d('2026-11-10'), daysOnRung: 14, stalled: false, change: -1, trend: 'slipping' },
    });
    const climbed = assessment({
      movement: { since: d('2026-11-20'), daysOnRung: 4, stalled: false, change: 2, trend: 'climbing' },
    });
    const problem: Problem = { sheet: 'Usage', row: 45, column: 'Week', message: 'not a date' };
    const leader = plan([red, slipped, climbed], { leaderEmail: 'Lead@Acme.example' }, NONE, [problem]).find(
      (x) => x.kind === 'leader',
    );
    expect(leader?.recipient).toBe('lead@acme.example');
    expect(leader?.items.map((i) => i.kind)).toEqual(['red', 'slipped', 'problem', 'climbed']);
    expect(leader?.items[0].text).toContain('Result window passed below Result.');
    // The owner goes with the item (the email names them), what to do with Red items.
    expect(leader?.items[0]).toMatchObject({ owner: 'csm@acme.example', redAction: 'escalate' });
    expect(leader?.items[1]).toMatchObject({ owner: 'kim@acme.example', text: 'slipped 1 rung to Adoption' });
    expect(leader?.items[2]).toMatchObject({ sheet: 'Usage', row: 45, key: 'problem/Usage/row 45/Week' });
    // Three kinds fit the subject; the fourth is counted, and the email lists it.
    expect(leader?.subject).toBe('Escalation: 1 Red account · 1 slipped · 1 data problem · +1 more');
    expect(leader?.ownerCounts).toEqual([
      { owner: 'csm@acme.example', accounts: 2, red: 1, triage: 0, overdue: 0 },
      { owner: 'kim@acme.example', accounts: 1, red: 0, triage: 0, overdue: 0 },
    ]);
  });

  it('an Owner cell that is not an email is counted under no valid owner, never as an owner', () => {
    const typedName = assessment({ account: { owner: 'Jonas Weber' }, health: 'Red', reasons: ['x'] });
    const leader = plan([assessment(), typedName], { leaderEmail: 'lead@acme.example' }).find(
      (x) => x.kind === 'leader',
    );
    expect(leader?.ownerCounts.map((c) => c.owner)).toEqual(['(no valid owner)', 'csm@acme.example']);
  });

  it('no leader email, no leader digest', () => {
    expect(plan([assessment({ health: 'Red', reasons: ['x'] })]).some((x) => x.kind === 'leader')).toBe(
      false,
    );
  });
});

describe('recipients and quota', () => {
  it.each([
    ['csm@acme.example', true],
    ['first.last+tag@eu.acme.example', true],
    ['no-at-sign', false],
    ['two@@acme.example', false],
    ['a@b', false],
    ['a@acme.example, b@acme.example', false],
    ['Name <a@acme.example>', false],
    ['a..b@acme.example', false],
  ])('%s well-formed: %s', (address, ok) => {
    expect(isWellFormedEmail(address)).toBe(ok);
  });

  it('refuses blank, malformed and outside addresses with a reason; allows subdomains', () => {
    const allowed = ['acme.example'];
    expect(refusalOf('', allowed)).toMatch(/no owner/);
    expect(refusalOf('bob', allowed)).toMatch(/malformed/);
    expect(refusalOf('bob@evil.example', allowed)).toMatch(/evil.example is not in the allowed domains/);
    expect(refusalOf('bob@notacme.example', allowed)).not.toBeNull();
    expect(refusalOf('bob@eu.acme.example', allowed)).toBeNull();
  });

  it('allowed domains default to the reminders owner, then the running user', () => {
    expect(allowedDomainsOf(settings({ allowedDomains: ['x.example'] }), 'me@acme.example')).toEqual([
      'x.example',
    ]);
    expect(allowedDomainsOf(settings({ remindersOwner: 'o@own.example' }), 'me@acme.example')).toEqual([
      'own.example',
    ]);
    expect(allowedDomainsOf(settings(), 'me@acme.example')).toEqual(['acme.example']);
  });

  it('sends while quota lasts, defers the rest, skips refused addresses without using quota', () => {
    const mk = (recipient: string, urgency: number): Digest => ({
      recipient,
      kind: 'owner',
      urgency,
      subject: '',
      items: [],
      moreItems: 0,
      ownerCounts: [],
      accountCount: 1,
    });
    const out = decideDelivery(
      [mk('bad@evil.example', 9), mk('a@acme.example', 8), mk('b@acme.example', 7), mk('c@acme.example', 6)],
      2,
      ['acme.example'],
    );
    expect(out.map((o) => o.decision.status)).toEqual(['skip', 'send', 'send', 'defer']);
    expect(decideDelivery([mk('a@acme.example', 1)], 0, ['acme.example'])[0].decision.status).toBe('defer');
  });

  it('schedule in words', () => {
    expect(scheduleText(settings())).toBe('daily at 08:00');
    expect(scheduleText(settings({ cadence: 'weekly', weeklyDay: 'Friday', reminderHour: 14 }))).toBe(
      'weekly on Friday at 14:00',
    );
  });
});

describe('invariants', () => {
  const arbAssessment = fc
    .record({
      owner: fc.constantFrom('a@acme.example', 'b@acme.example', 'C@acme.example', ''),
      triage: fc.boolean(),
      overdue: fc.integer({ min: -20, max: 60 }),
      window: fc.boolean(),
      stalled: fc.boolean(),
      red: fc.boolean(),
      change: fc.integer({ min: -2, max: 2 }),
    })
    .map((r) =>
      assessment({
        account: { owner: r.owner },
        triage: r.triage,
        nextCheckDue: T - r.overdue,
        daysOverdue: Math.max(0, r.overdue),
        resultWindowPassed: r.window,
        health: r.red ? 'Red' : 'Yellow',
        movement: { since: T - 70, daysOnRung: 70, stalled: r.stalled, change: r.change, trend: 'steady' },
      }),
    );

  it('one digest per recipient; marking what was sent makes a same-day rerun plan nothing', () => {
    fc.assert(
      fc.property(fc.array(arbAssessment, { maxLength: 120 }), (list) => {
        const first = plan(list, { leaderEmail: 'lead@acme.example' });
        const recipients = first.map((x) => x.recipient);
        expect(new Set(recipients).size).toBe(recipients.length);
        for (let i = 1; i < first.length; i++)
          expect(first[i - 1].urgency).toBeGreaterThanOrEqual(first[i].urgency);
        const sent = new Map(first.map((x) => [x.recipient, new Map(x.items.map((it) => [it.key, T]))]));
        expect(plan(list, { leaderEmail: 'lead@acme.example' }, sent)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('data-problem keys', () => {
  const header = ['Week', 'Account ID', 'Active users', 'Key actions'];
  const rows = [
    header,
    ['2026-11-02', 'A-1', 'many', 3],
    ['2026-11-09', 'A-2', 4, 1],
    ['2026-11-02', '', 2, 2],
  ];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const identity = (values: unknown[][]) =>
    problemIdentityIn(new Map([['Usage', { values, accountColumn: 1, dateColumn: 0 }]]), iso);
  const problem = (row: number) => ({ sheet: 'Usage', row, column: 'Active users', message: 'not a number' });

  it('are sheet + account ID + (row date) + field, so sorting or inserting rows keeps them', () => {
    const before = problemItem(problem(2), identity(rows)(problem(2))).key;
    expect(before).toBe('problem/Usage/A-1/2026-11-02/Active users');
    const sorted = [header, ['new', 'A-9', 1, 1], rows[3], rows[2], rows[1]];
    expect(problemItem(problem(5), identity(sorted)(problem(5))).key).toBe(before);
  });

  it('a row without an account ID is known by its cells, not its row number', () => {
    const key = problemItem(problem(4), identity(rows)(problem(4))).key;
    expect(key).toMatch(/^problem\/Usage\/#[0-9a-z]+\/Active users$/);
    const moved = [header, rows[3], rows[1], rows[2]];
    expect(problemItem(problem(2), identity(moved)(problem(2))).key).toBe(key);
  });
});
