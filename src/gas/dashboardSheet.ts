// Writes the Dashboard sheet: one clear, one write for every table, and its charts replaced rather than piled up.
import type { ChartKind, DashboardCell, PlacedBlock } from '../core/dashboard';
import { SHEET } from '../sheets/layout';
import { ensureSize } from './sheetSize';
import { asText } from './writes';

/** Charts sit to the right of the tables, leaving a spare column. */
const CHART_COLUMN_GAP = 2;
const CHART_WIDTH = 560;
const CHART_HEIGHT = 300;
/** Rows a chart of CHART_HEIGHT covers at the default row height, plus one spare: charts never overlap. */
const CHART_ROWS = 17;

function chartBuilder(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  kind: ChartKind,
): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  switch (kind) {
    case 'stackedBar':
      return sheet.newChart().asBarChart().setStacked();
    case 'stackedColumn':
      return sheet.newChart().asColumnChart().setStacked();
    case 'line':
      return sheet.newChart().asLineChart();
  }
}

/**
 * Replaces the Dashboard sheet's content with `values` (one write) and its charts with one per charted
 * block. Every chart on the Dashboard sheet is this add-on's, so all of them are removed first.
 */
export function writeDashboard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  values: readonly (readonly DashboardCell[])[],
  placed: readonly PlacedBlock[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(SHEET.dashboard) ?? ss.insertSheet(SHEET.dashboard);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.clearContents();
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
  }
  const chartColumn = width + CHART_COLUMN_GAP;
  let freeRow = 1;
  for (const block of placed) {
    // A table with only its header has nothing to draw.
    if (!block.chart || block.rows < 2) continue;
    const range = sheet.getRange(block.headerRow, 1, block.rows, block.chart.columns);
    // Beside its own table when there is room, else below the chart before it.
    const anchorRow = Math.max(block.headerRow - 1, freeRow);
    freeRow = anchorRow + CHART_ROWS;
    const chart = chartBuilder(sheet, block.chart.kind)
      .addRange(range)
      .setNumHeaders(1)
      .setPosition(anchorRow, chartColumn, 0, 0)
      .setOption('title', block.chart.title)
      .setOption('width', CHART_WIDTH)
      .setOption('height', CHART_HEIGHT)
      .build();
    sheet.insertChart(chart);
  }
  return sheet;
}
