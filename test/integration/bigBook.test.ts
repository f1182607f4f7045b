// Big books (SPEC §4, §10), through the built bundle: interactive actions read only the account's rows and the Usage
// summary, never the whole Usage sheet; the Ladder sheet switches to values above its threshold, states its mode,
// grows with Accounts, equals LADDER's output, and follows each sidebar save.
import { ladderOfBook } from '../../local/ladderOfBook';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBook } from '../../local/generateBook';
import type { Runtime } from '../../local/runtime/index';
import { SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T14:00:00Z`);
const TZ = 'America/New_York';
const LEADER = 'lead@acme.example';
const SETTINGS = 'resultsLadder.settings';
const ACCOUNTS = 2_000;

/** Cells an action read (getValues and kin) and searched (TextFinder), from the runtime's counters. */
function cellsTouched(rt: Runtime): { read: number; searched: number } {
  let read = 0;
  let searched = 0;
  for (const [key, n] of Object.entries(rt.calls.cellsByMethod())) {
    if (key.startsWith('TextFinder.')) searched += n;
    else if (/\.get(Values|Value|DisplayValues|DisplayValue|Formulas|Formula)$/.test(key)) read += n;
  }
  return { read, searched };
}

type View = { empty: boolean; version: string; rungName: string; health: string; usageFreshness?: string };

describe(`a book of ${ACCOUNTS} accounts × 52 weeks`, () => {
  let rt: Runtime;
  let usageCells: number;

  beforeAll(() => {
    const sheets = generateBook({ accounts: ACCOUNTS, weeks: 52, today: TODAY, timeZone: TZ });
    usageCells = sheets[SHEET.usage].length * 4;
    rt = loadBundle({ now: NOW, timeZone: TZ, sheets, user: LEADER });
    rt.properties.document.set(
      SETTINGS,
      JSON.stringify({ leaderEmail: LEADER, ladderValuesAboveCells: 1000 }),
    );
    rt.call('setUpWorkbook');
  }, 120_000);

  it('no interactive action reads or searches anything near the whole Usage sheet', () => {
    const row = 1000;
    const actions: [string, () => unknown][] = [];
    const view = () => rt.call<View>('getAccountView', row);
    actions.push(['getAccountView', view]);
    actions.push([
      'saveChain',
      () =>
        rt.call('saveChain', {
          row,
          version: view().version,
          fields: {
            businessPain: 'Month-end reporting takes 5 days',
            solutionValue: 'Reports build themselves, so close takes a day',
            namedResult: 'Cut month-end reporting from 5 days to 2',
            metric: 'Reporting days',
            baseline: '5',
            target: '2',
            validator: 'Dana Chief',
            validatorRole: 'Buyer',
          },
        }),
    ]);
    actions.push([
      'logResult',
      () =>
        rt.call('logResult', {
          row,
          version: view().version,
          date: TODAY,
          value: '3',
          attributed: true,
          validatedBy: 'Dana Chief',
          validatorRole: 'Buyer',
          customerWords: '',
          evidence: '',
        }),
    ]);
    actions.push([
      'recordCheck',
      () =>
        rt.call('recordCheck', {
          row,
          version: view().version,
          date: TODAY,
          kind: 'QBR',
          resultNamed: true,
          notes: '',
        }),
    ]);
    actions.push(['getMyBook', () => rt.call('getMyBook')]);
    for (const [name, act] of actions) {
      rt.calls.reset();
      const out = act() as { ok?: boolean; empty?: boolean; message?: string };
      expect(out.ok ?? !out.empty, `${name}: ${out.message ?? ''}`).toBe(true);
      const { read, searched } = cellsTouched(rt);
      // The whole Usage sheet is usageCells; an action that needs it is a refresh, a reminder run or setup.
      expect(read + searched, name).toBeLessThan(usageCells / 2);
      if (name !== 'getMyBook') {
        // One account: its rows and the ID columns searched — a few percent of the book.
        expect(read, name).toBeLessThan(1_000);
        expect(searched, name).toBeLessThan(25 * ACCOUNTS);
      }
    }
  });

  it('My book reads Ladder history for Stalled while it fits its cell budget, and says where to look past it', () => {
    const small = rt.call<{ stalledKnown?: boolean }>('getMyBook');
    expect(small.stalledKnown).toBe(true);
    const history = rt.values(SHEET.history);
    // A long history (as a year of weekly changes would make): My book keeps its budget and says so.
    const long: unknown[][] = [['Date', 'Account ID', 'Rung', 'Health']];
    const ids = rt
      .values(SHEET.accounts)
      .slice(1, 41)
      .map((r) => r[0]);
    for (let i = 0; long.length < 80_000; i++) {
      long.push([new Date(Date.UTC(2026, 0, 1 + (i % 300))), ids[i % ids.length], 'Activity', 'Yellow']);
    }
    rt.setValues(SHEET.history, long);
    rt.calls.reset();
    const big = rt.call<{ stalledKnown?: boolean; stalled: unknown[] }>('getMyBook');
    expect(big.stalledKnown).toBe(false);
    expect(big.stalled).toEqual([]);
    expect(cellsTouched(rt).read).toBeLessThanOrEqual(300_000);
    rt.setValues(SHEET.history, history);
  });

  it('says how fresh the usage behind the rung is', () => {
    expect(rt.call<View>('getAccountView', 10).usageFreshness).toBe(`Usage as of ${TODAY} (Usage summary).`);
  });

  it('holds values above the threshold, equal to LADDER over the same book, with its mode in the title cell', () => {
    rt.call('refreshDashboard');
    const ladder = rt.values(SHEET.ladder);
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toBe('');
    expect(String(ladder[0][9])).toMatch(
      /^Ladder: values as of 2026-11-24 \d\d:\d\d UTC · the book is [\d,]+ cells/,
    );
    // As the Ladder sheet's formula would compute it (as of the runtime's today, TODAY here).
    const expected = ladderOfBook(rt);
    const table = ladder.map((r) => r.slice(0, 9));
    expect(table.length).toBe(rt.values(SHEET.accounts).length);
    expect(JSON.stringify(table)).toBe(JSON.stringify(expected));
  });

  it("is still the add-on's Ladder to setup when it holds values (not the team's own content)", () => {
    const report = rt.call<{ ladderFormula: string }>('setUpWorkbook');
    expect(report.ladderFormula).toBe('kept');
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toBe('');
  });

  it("rewrites the one account's Ladder row on a sidebar save", () => {
    const row = 20;
    const before = rt.values(SHEET.ladder)[row - 1];
    const v = rt.call<View>('getAccountView', row);
    const saved = rt.call<{ ok: boolean; view: View }>('saveChain', {
      row,
      version: v.version,
      fields: {
        businessPain: '',
        solutionValue: '',
        namedResult: '',
        metric: '',
        baseline: '',
        target: '',
        validator: '',
        validatorRole: 'Buyer',
      },
    });
    expect(saved.ok, JSON.stringify(saved).slice(0, 300)).toBe(true);
    const after = rt.values(SHEET.ladder)[row - 1];
    expect(after[5]).toBe('Red');
    expect(after[0]).toBe(before[0]);
    expect(after[5]).toBe(saved.view.health);
  });

  it('grows with Accounts every time it is written (never #REF!)', () => {
    const accounts = rt.values(SHEET.accounts);
    const extra = accounts.slice(1, 301).map((r) => [`${String(r[0])}-B`, ...r.slice(1)]);
    rt.setValues(SHEET.accounts, [...accounts, ...extra]);
    rt.call('refreshDashboard');
    const ladder = rt.values(SHEET.ladder);
    expect(ladder.length).toBe(accounts.length + extra.length);
    expect(ladder[ladder.length - 1][0]).toBe(extra[extra.length - 1][0]);
    expect(rt.spreadsheet.formulas(SHEET.ladder)).toBeDefined();
  });

  it('goes back to the live formula when Settings ask for it', () => {
    rt.properties.document.set(SETTINGS, JSON.stringify({ leaderEmail: LEADER, ladderMode: 'formula' }));
    rt.call('refreshDashboard');
    expect(rt.spreadsheet.formulas(SHEET.ladder)[0][0]).toMatch(/^=LADDER\(/);
    expect(String(rt.values(SHEET.ladder)[0][9])).toMatch(
      /^Ladder: live formula .*formula chosen in Settings/,
    );
  });
});
