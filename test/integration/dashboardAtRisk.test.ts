// The Dashboard's top answers "who is at risk" on the demo book, through the built bundle: every Red account with its
// owner's name, reason and days Red (from Ladder history), Red/Yellow/Green per owner, what changed since last week,
// and the charts side by side with owners' names (issue 25).
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBook } from '../../local/demoBook';
import { ladderOfBook } from '../../local/ladderOfBook';
import { ownerDisplayName, ownerKeyOf } from '../../src/core/ownerName';
import { HEALTHS, RUNG_NAMES } from '../../src/core/types';
import { SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T15:00:00Z`);

/** The rows under the title at `at` (0-based), header first, up to the blank row. */
function rowsAfter(values: unknown[][], at: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = at + 1; i < values.length && values[i].some((c) => c !== ''); i++) rows.push(values[i]);
  return rows;
}

function titleRow(values: unknown[][], title: RegExp): number {
  const at = values.findIndex((r) => title.test(String(r[0])));
  if (at < 0) throw new Error(`No block ${title} on the Dashboard`);
  return at;
}

describe('the Dashboard answers who is at risk (demo book)', () => {
  const rt = loadBundle({ timeZone: TZ, now: NOW, sheets: demoBook({ today: TODAY, timeZone: TZ }) });
  let dashboard: unknown[][] = [];
  let ladder: unknown[][] = [];
  let col: (name: string) => number = () => -1;

  beforeAll(() => {
    rt.call('refreshDashboard');
    dashboard = rt.values(SHEET.dashboard);
    ladder = ladderOfBook(rt);
    const header = ladder[0].map(String);
    col = (name) => header.indexOf(name);
  });

  const nameOf = (owner: unknown) => ownerDisplayName(ownerKeyOf(String(owner)));

  it("its first block lists every Red account of the book with its owner's name, its reason and days Red", () => {
    expect(String(dashboard[0][0])).toMatch(/^Red accounts \(\d+\) — who is at risk, as of 2026-11-24$/);
    const [header, ...rows] = rowsAfter(dashboard, 0);
    expect(header.slice(0, 4)).toEqual(['Account', 'Owner', 'Days Red', 'Why it is Red']);
    const red = ladder.slice(1).filter((r) => r[col('Health')] === 'Red');
    expect(red.length).toBeGreaterThan(5);
    expect(rows).toHaveLength(red.length);
    for (const r of red) {
      const shown = rows.find((x) => x[0] === r[col('Account')]);
      expect(shown, String(r[col('Account')])).toBeDefined();
      expect(shown?.[1]).toBe(nameOf(r[col('Owner')]));
      // The reason is LADDER's Why (its health reasons; LADDER adds the row's data problems and movement after).
      expect(String(r[col('Why')]).startsWith(String(shown?.[3]))).toBe(true);
      expect(String(shown?.[2])).toMatch(/^\d+\+?$/);
    }
    // Owners by name, never by email.
    expect(rows.every((x) => !String(x[1]).includes('@'))).toBe(true);
  });

  it('counts Red, Yellow and Green per owner by name, the same as LADDER, with an owner cell that is not an email as no owner', () => {
    const at = titleRow(dashboard, /^Health per owner/);
    expect(at).toBeLessThan(40);
    const [header, ...rows] = rowsAfter(dashboard, at);
    expect(header.slice(0, 5)).toEqual(['Owner', 'Red', 'Yellow', 'Green', 'Total']);
    const expected = new Map<string, number[]>();
    for (const r of ladder.slice(1)) {
      const h = HEALTHS.indexOf(r[col('Health')] as never);
      if (h < 0) continue;
      const name = nameOf(r[col('Owner')]);
      const c = expected.get(name) ?? [0, 0, 0];
      c[2 - h]++;
      expected.set(name, c);
    }
    expect(Object.fromEntries(rows.map((r) => [String(r[0]), r.slice(1, 4).map(Number)]))).toEqual(
      Object.fromEntries(expected),
    );
    expect(rows.map((r) => r[0])).not.toContain('Jonas Weber'.toLowerCase());
    expect(rows.map((r) => r[0])).toContain('No valid owner');
  });

  it('says what changed since last week, from Ladder history, and puts Green/Yellow/Red near the top', () => {
    const at = titleRow(dashboard, /^What changed since 2026-11-17/);
    expect(at).toBeLessThan(60);
    const [header, ...rows] = rowsAfter(dashboard, at);
    expect(header.slice(0, 4)).toEqual(['Account', 'Owner', 'Health', 'Rung']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const now = ladder.find((x) => x[col('Account')] === r[0]);
      expect(now, String(r[0])).toBeDefined();
      // "Yellow → Red": the arrow ends on today's value.
      if (r[2] !== '') expect(String(r[2])).toMatch(new RegExp(`→ ${String(now?.[col('Health')])}$`));
      if (r[3] !== '') expect(String(r[3])).toMatch(new RegExp(`→ ${String(now?.[col('Rung')])}$`));
    }
    const glance = titleRow(dashboard, /^The book at a glance/);
    expect(glance).toBeLessThan(80);
    expect(
      rowsAfter(dashboard, glance)
        .slice(1, 4)
        .map((r) => r[0]),
    ).toEqual(['Red', 'Yellow', 'Green']);
  });

  it('puts the charts side by side, rungs stacked per owner by name in rung order, health in its colours', () => {
    const charts = rt.spreadsheet.charts(SHEET.dashboard);
    expect(charts.map((c) => c.type)).toEqual(['BAR', 'BAR', 'LINE']);
    const rows = new Set(charts.map((c) => c.position?.row));
    expect(rows.size).toBe(1);
    // Each starts right of the one before (column widths: the sheet's own).
    const x = charts.map((c) => {
      const p = c.position ?? { column: 1, offsetX: 0 };
      let px = p.offsetX;
      for (let i = 1; i < p.column; i++) px += rt.spreadsheet.columnWidth(SHEET.dashboard, i);
      return px;
    });
    for (let i = 1; i < x.length; i++)
      expect(x[i]).toBeGreaterThanOrEqual(x[i - 1] + Number(charts[i - 1].options.width));
    const [health, rungs] = charts;
    expect(rungs.options.isStacked).toBe(true);
    expect(health.options.isStacked).toBe(true);
    const headerOf = (range: string): unknown[] => {
      const m = /([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
      if (!m) throw new Error(`unreadable range ${range}`);
      const width = m[3].charCodeAt(0) - m[1].charCodeAt(0) + 1;
      return dashboard[Number(m[2]) - 1].slice(0, width);
    };
    expect(headerOf(rungs.ranges[0])).toEqual(['Owner', ...RUNG_NAMES]);
    expect(headerOf(health.ranges[0])).toEqual(['Owner', 'Red', 'Yellow', 'Green']);
    const owners = (range: string) => {
      const m = /[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
      return dashboard.slice(Number(m?.[1]), Number(m?.[2])).map((r) => String(r[0]));
    };
    expect(owners(rungs.ranges[0])).toContain('Sam Ortiz');
    expect(owners(rungs.ranges[0]).every((o) => !o.includes('@'))).toBe(true);
  });
});
