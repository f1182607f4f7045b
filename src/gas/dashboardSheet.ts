// Writes the Dashboard sheet: one write for every table, formats a leader can read, and its charts replaced rather than piled up.
import * as z from 'zod/mini';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  type ChartKind,
  chartAnchor,
  type DashboardCell,
  DASHBOARD_COLUMN_WIDTHS,
  type PlacedBlock,
} from '../render/dashboard';
import { HEALTH_FILLS, RUNG_FILLS } from '../render/palette';
import { storedJson } from '../core/storedJson';
import { HEALTHS, RUNG_NAMES } from '../core/types';
import { SheetFinder } from './sheetFinder';
import { ensureSize } from './sheetSize';
import { asText } from './writes';

/*
 * Charts sit side by side in one band of rows the grid keeps after the summary (render/dashboard.ts chartAnchor):
 * at 1280 px with the 300 px sidebar open about 930 px of the grid shows, so two 440 px charts are in view and the
 * third is a scroll away — stacked in column A, they pushed the scorecard to row 91.
 */

/**
 * The chart's builder with its series colours, by position. setColors is the typed method of the bar, column
 * and line builders (https://developers.google.com/apps-script/reference/spreadsheet/embedded-column-chart-builder#setColors(String));
 * the `series` option (Google Charts' per-series colour, passed on by setOption:
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setOption(String,Object))
 * says the same for any renderer that reads only options. Without them Sheets' default palette draws Green in
 * blue and Red in yellow.
 */
function chartBuilder(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  kind: ChartKind,
  colours: string[],
): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  const series = Object.fromEntries(colours.map((color, i) => [i, { color }]));
  switch (kind) {
    // isStacked is Google Charts' option for the same thing setStacked() sets, said for renderers that read options.
    case 'stackedBar':
      return sheet
        .newChart()
        .asBarChart()
        .setStacked()
        .setColors(colours)
        .setOption('series', series)
        .setOption('isStacked', true);
    case 'stackedColumn':
      return sheet
        .newChart()
        .asColumnChart()
        .setStacked()
        .setColors(colours)
        .setOption('series', series)
        .setOption('isStacked', true);
    case 'line':
      return sheet.newChart().asLineChart().setColors(colours).setOption('series', series);
  }
}

/** Developer metadata on the Dashboard sheet recording what the last refresh wrote: its cell area and chart ids. */
const WRITTEN_KEY = 'resultsLadder.dashboardWritten';

/** What the last write covered: its rows and columns, and the ids of the charts it inserted. */
const WrittenSchema = z.object({
  rows: z._default(z.number(), 0),
  columns: z._default(z.number(), 0),
  charts: z._default(z.array(z.number()), []),
});
type Written = z.infer<typeof WrittenSchema>;
const NOTHING_WRITTEN: Written = { rows: 0, columns: 0, charts: [] };

function readWritten(sheet: GoogleAppsScript.Spreadsheet.Sheet): {
  mark: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null;
  written: Written;
} {
  const mark = sheet.getDeveloperMetadata().find((m) => m.getKey() === WRITTEN_KEY) ?? null;
  return { mark, written: storedJson(mark?.getValue() ?? null, WrittenSchema) ?? NOTHING_WRITTEN };
}

/**
 * Health in traffic-light fills and rungs in the blue sequence, as conditional formats over the grid, so a
 * count's header or label shows its colour. The Dashboard is the add-on's own sheet (found by its mark), so its rules are replaced.
 */
function colourRules(
  range: GoogleAppsScript.Spreadsheet.Range,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const rule = (text: string, colour: string) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground(colour)
      .setRanges([range])
      .build();
  return [...HEALTHS.map((h) => rule(h, HEALTH_FILLS[h])), ...RUNG_NAMES.map((r) => rule(r, RUNG_FILLS[r]))];
}

/**
 * Replaces what the last refresh wrote on the add-on's own Dashboard sheet (found by its mark, or created beside a
 * team's `Dashboard` tab) with `values` (one write) and one chart per charted block, side by
 * side in the band at `chartRow`. Only the cells and charts the
 * add-on wrote last time are cleared (recorded in the sheet's developer metadata): a chart or note the team added
 * beside them stays.
 */
export function writeDashboard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  values: readonly (readonly DashboardCell[])[],
  placed: readonly PlacedBlock[],
  chartRow: number,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SheetFinder.of(ss).findOrCreate('dashboard').sheet;
  const { mark, written } = readWritten(sheet);
  const ours = new Set(written.charts);
  for (const chart of sheet.getCharts()) if (ours.has(chart.getChartId() ?? -1)) sheet.removeChart(chart);
  const kept = new Set(sheet.getCharts().map((c) => c.getChartId()));
  // The team may have deleted rows or columns since: clear what is left of the area.
  const clearRows = Math.min(written.rows, sheet.getMaxRows());
  const clearColumns = Math.min(written.columns, sheet.getMaxColumns());
  if (clearRows > 0 && clearColumns > 0) sheet.getRange(1, 1, clearRows, clearColumns).clearContent();
  const width = values.length > 0 ? values[0].length : 0;
  if (width > 0) {
    ensureSize(sheet, values.length, width);
    const range = sheet.getRange(1, 1, values.length, width);
    // Owners, segments and problem texts are people's typing: '=…' must not run, "'Jonas'" must keep its
    // apostrophe. The labels are plain text too, so "+3 points" and "40%" show as written.
    range.setValues(values.map((r) => r.map((cell) => asText(cell))));
    // Titles and header rows in bold, in one call over the same range.
    const bold = new Set<number>();
    for (const b of placed) bold.add(b.headerRow - 1).add(b.headerRow);
    range.setFontWeights(
      values.map((_, i) =>
        new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(bold.has(i + 1) ? 'bold' : 'normal'),
      ),
    );
    // Readable at a glance: names wide, long titles (scorecard headers) wrapped instead of cut off; a Red account's
    // reason and a problem's text spill over the empty cells to their right, so their rows stay one line high.
    sheet.setColumnWidth(1, DASHBOARD_COLUMN_WIDTHS.first);
    if (width > 1) sheet.setColumnWidth(2, DASHBOARD_COLUMN_WIDTHS.second);
    if (width > 2) sheet.setColumnWidths(3, width - 2, DASHBOARD_COLUMN_WIDTHS.rest);
    range.setWrapStrategy(SpreadsheetApp.WrapStrategy.WRAP).setVerticalAlignment('top');
    for (const b of placed) {
      if (b.overflowColumn && b.rows > 1)
        sheet
          .getRange(b.headerRow + 1, b.overflowColumn, b.rows - 1, 1)
          .setWrapStrategy(SpreadsheetApp.WrapStrategy.OVERFLOW);
    }
    sheet.setConditionalFormatRules(colourRules(range));
    // The title row (the book at a glance, as of when) stays in view while scrolling.
    if (sheet.getFrozenRows() !== 1 && values.length > 1) sheet.setFrozenRows(1);
  }
  let index = 0;
  for (const block of placed) {
    // A table with only its header has nothing to draw.
    if (!block.chart || block.rows < 2) continue;
    const range = sheet.getRange(block.headerRow, 1, block.rows, block.chart.columns);
    const at = chartAnchor(index);
    const chart = chartBuilder(sheet, block.chart.kind, [...block.chart.colours])
      .addRange(range)
      .setNumHeaders(1)
      .setPosition(chartRow, at.column, at.offsetX, 4)
      .setOption('title', block.chart.title)
      .setOption('width', CHART_WIDTH)
      .setOption('height', CHART_HEIGHT)
      .build();
    sheet.insertChart(chart);
    index += 1;
  }
  const charts = sheet
    .getCharts()
    .map((c) => c.getChartId() ?? -1)
    .filter((id) => id >= 0 && !kept.has(id));
  const record = JSON.stringify({ rows: values.length, columns: width, charts });
  if (mark) mark.setValue(record);
  else sheet.addDeveloperMetadata(WRITTEN_KEY, record);
  return sheet;
}
