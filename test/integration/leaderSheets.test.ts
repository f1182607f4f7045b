// Sheets a leader can read, through the built bundle: widths and wrapping, health and rung colours, charts in view, rungs over time.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBook } from '../../local/demoBook';
import { HEALTH_SERIES } from '../../src/render/palette';
import { HEALTHS, type Health, RUNG_NAMES } from '../../src/core/types';
import { SHEET } from '../../src/sheets/layout';
import { loadBundle } from './harness';

const TZ = 'America/New_York';
const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T15:00:00Z`);

describe('the Ladder and Dashboard sheets a leader reads', () => {
  const sheets = demoBook({ today: TODAY, timeZone: TZ });
  const rt = loadBundle({ timeZone: TZ, now: NOW, sheets });

  beforeAll(() => {
    rt.call('setUpWorkbook');
    rt.call('refreshDashboard');
  });

  const methods = (sheet: string) => rt.spreadsheet.formats(sheet).map((f) => f.method);

  it('sets column widths and wrapping on Ladder and Dashboard', () => {
    for (const sheet of [SHEET.ladder, SHEET.dashboard]) {
      expect(methods(sheet).some((m) => m === 'setColumnWidth' || m === 'setColumnWidths')).toBe(true);
      expect(methods(sheet).some((m) => m === 'setWrap' || m === 'setWraps' || m === 'setWrapStrategy')).toBe(
        true,
      );
    }
    // Why and Next step (LADDER's columns G and H) are the ones that wrap on Ladder.
    const wrapped = rt.spreadsheet.formats(SHEET.ladder).find((f) => f.method === 'setWrapStrategy');
    expect(wrapped?.range).toMatch(/!G1:H\d+$/);
    const widths = rt.spreadsheet
      .formats(SHEET.ladder)
      .filter((f) => f.method === 'setColumnWidth')
      .map((f) => f.value as number[]);
    expect(widths.find(([column]) => column === 7)?.[1]).toBeGreaterThanOrEqual(300);
    expect(rt.spreadsheet.frozenRows(SHEET.dashboard)).toBe(1);
  });

  it('colours chart series by health, and rungs in one palette apart from health', () => {
    const values = rt.values(SHEET.dashboard);
    for (const chart of rt.spreadsheet.charts(SHEET.dashboard)) {
      const m = /!A(\d+):([A-Z])\d+$/.exec(chart.ranges[0]);
      if (!m) throw new Error(`unreadable range ${chart.ranges[0]}`);
      const header = values[Number(m[1]) - 1].slice(1, m[2].charCodeAt(0) - 64).map(String);
      const colours = chart.options.Colors as string[];
      expect(colours).toHaveLength(header.length);
      const series = chart.options.series as Record<string, { color: string }>;
      header.forEach((name, i) => {
        expect(series[i].color).toBe(colours[i]);
        if ((HEALTHS as readonly string[]).includes(name))
          expect(colours[i]).toBe(HEALTH_SERIES[name as Health]);
        else expect(Object.values(HEALTH_SERIES)).not.toContain(colours[i]);
      });
    }
    // Health per owner: Red first, each series in its health colour.
    const healthChart = rt.spreadsheet
      .charts(SHEET.dashboard)
      .find((c) => c.options.title === 'Health per owner');
    expect(healthChart?.options.Colors).toEqual(
      ['Red', 'Yellow', 'Green'].map((h) => HEALTH_SERIES[h as Health]),
    );

    // Ladder's conditional formats: no rung shares a colour with any health.
    const rules = rt.spreadsheet.conditionalFormats(SHEET.ladder);
    const fill = (text: string) =>
      rules.find((r) => r.when.whenTextEqualTo?.[0] === text)?.set.setBackground?.[0] as string | undefined;
    const healthFills = HEALTHS.map(fill);
    const rungFills = RUNG_NAMES.map(fill);
    expect(healthFills.every(Boolean) && rungFills.every(Boolean)).toBe(true);
    for (const f of rungFills) expect(healthFills).not.toContain(f);
    // The Dashboard colours its health counts the same way.
    const dashboardRules = rt.spreadsheet.conditionalFormats(SHEET.dashboard);
    expect(dashboardRules.find((r) => r.when.whenTextEqualTo?.[0] === 'Red')?.set.setBackground?.[0]).toBe(
      fill('Red'),
    );
  });

  it('places the charts side by side in one band, the first two in view beside the 300 px sidebar at 1280 px', () => {
    const charts = rt.spreadsheet.charts(SHEET.dashboard);
    expect(charts).toHaveLength(3);
    expect(new Set(charts.map((c) => c.position?.row)).size).toBe(1);
    const left = (c: (typeof charts)[number]) => {
      let px = c.position?.offsetX ?? 0;
      for (let i = 1; i < (c.position?.column ?? 1); i++)
        px += rt.spreadsheet.columnWidth(SHEET.dashboard, i);
      return px;
    };
    expect(left(charts[0])).toBe(0);
    // About 930 px of the grid shows beside the sidebar: the first two charts end inside it.
    expect(left(charts[1]) + Number(charts[1].options.width)).toBeLessThanOrEqual(930);
  });

  it('counts every account in rung counts over time from its start date', () => {
    const values = rt.values(SHEET.dashboard);
    const at = values.findIndex((r) => /^Rung counts over time/.test(String(r[0])));
    const weeks = values.slice(at + 2, at + 14).map((r) => r.map(String));
    const accounts = rt.values(SHEET.accounts);
    const h = accounts[0].map(String);
    const ids = new Map<string, number>();
    for (const r of accounts.slice(1)) {
      const id = String(r[h.indexOf('Account ID')]).trim();
      const start = r[h.indexOf('Start date')];
      if (id && !ids.has(id)) ids.set(id, start instanceof Date ? start.getTime() : Number.NaN);
    }
    for (const w of weeks) {
      const day = new Date(`${w[0]}T23:59:59Z`).getTime();
      const started = [...ids.values()].filter((t) => Number.isNaN(t) || t <= day).length;
      const counted = w.slice(1, 1 + RUNG_NAMES.length).reduce((s, n) => s + Number(n), 0);
      expect(counted, `week ${w[0]}`).toBe(started);
    }
  });
});
