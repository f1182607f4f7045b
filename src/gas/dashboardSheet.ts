// Writes the Dashboard sheet: one clear, one write for every table, and its charts replaced rather than piled up.
import type { ChartKind, DashboardCell, PlacedBlock } from '../core/dashboard';
import { SheetFinder } from './sheetFinder';
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

/** Developer metadata on the Dashboard sheet recording what the last refresh wrote: its cell area and chart ids. */
const WRITTEN_KEY = 'resultsLadder.dashboardWritten';

interface Written {
  readonly rows: number;
  readonly columns: number;
  readonly charts: readonly number[];
}

function readWritten(sheet: GoogleAppsScript.Spreadsheet.Sheet): {
  mark: GoogleAppsScript.Spreadsheet.DeveloperMetadata | null;
  written: Written;
} {
  const mark = sheet.getDeveloperMetadata().find((m) => m.getKey() === WRITTEN_KEY) ?? null;
  try {
    const parsed = JSON.parse(mark?.getValue() ?? '{}') as Partial<Written>;
    return {
      mark,
      written: {
        rows: Number(parsed.rows) || 0,
        columns: Number(parsed.columns) || 0,
        charts: Array.isArray(parsed.charts) ? parsed.charts.map(Number) : [],
      },
    };
  } catch {
    return { mark, written: { rows: 0, columns: 0, charts: [] } };
  }
}

/**
 * Replaces what the last refresh wrote on the add-on's own Dashboard sheet (found by its mark, or created beside a
 * team's `Dashboard` tab) with `values` (one write) and one chart per charted block. Only the cells and charts the
 * add-on wrote last time are cleared (recorded in the sheet's developer metadata): a chart or note the team added
 * beside them stays.
 */
export function writeDashboard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  values: readonly (readonly DashboardCell[])[],
  placed: readonly PlacedBlock[],
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
  const charts = sheet
    .getCharts()
    .map((c) => c.getChartId() ?? -1)
    .filter((id) => id >= 0 && !kept.has(id));
  const record = JSON.stringify({ rows: values.length, columns: width, charts });
  if (mark) mark.setValue(record);
  else sheet.addDeveloperMetadata(WRITTEN_KEY, record);
  return sheet;
}
