// Sheet over the in-memory sheet model: ranges, sizes, frozen rows, formats recorded per call, protection.
import type { WorkbookModel } from './workbook';
import { OUTSIDE_GRID, type SheetModel } from './sheetModel';
import { EmbeddedChartApi, newChartBuilder } from './builders';
import { filterApi } from './filter';
import { addMetadata, DeveloperMetadataFinderApi, exposeMetadata } from './developerMetadata';
import { newProtection } from './protection';
import { TextFinderApi, textFinderCellsSearched } from './textFinder';

export class SheetApi {
  constructor(
    private readonly book: WorkbookModel,
    readonly model: SheetModel,
  ) {}

  private get realm() {
    return this.book.kit.realm;
  }

  _record(method: string, value: unknown, range?: string): void {
    const m = this.model;
    m.formatLog.push({ range: range ?? m.label(0, 0, m.maxRows, m.maxColumns), method, value });
  }

  getName(): string {
    return this.model.name;
  }

  setName(name: unknown): unknown {
    const text = String(name);
    if (text !== this.model.name && this.book.sheet(text)) {
      throw this.realm.error(`A sheet with the name "${text}" already exists. Please enter another name.`);
    }
    this.model.name = text;
    return this.book.sheetApi(this.model);
  }

  getSheetId(): number {
    return this.model.id;
  }

  getIndex(): number {
    return this.book.sheets.indexOf(this.model) + 1;
  }

  getParent(): unknown {
    return this.book.spreadsheet();
  }

  addDeveloperMetadata(...args: unknown[]): unknown {
    addMetadata(this.book, this.model, args);
    return this.book.sheetApi(this.model);
  }

  getDeveloperMetadata(): unknown[] {
    return exposeMetadata(this.book, this.model.metadata);
  }

  createDeveloperMetadataFinder(): unknown {
    return this.book.kit.exposer.expose(
      'DeveloperMetadataFinder',
      new DeveloperMetadataFinderApi(this.book, this.model),
    );
  }

  getRange(...args: unknown[]): unknown {
    if (typeof args[0] === 'string' && args.length === 1) return this.book.rangeByA1(args[0], this.model);
    const [row, column, numRows, numColumns] = this.book.gridArgs('Sheet.getRange', args, this.model);
    return this.book.rangeApi(this.model, row, column, numRows, numColumns);
  }

  getSheetValues(...args: unknown[]): unknown[][] {
    const [row, column, numRows, numColumns] = this.book.gridArgs('Sheet.getSheetValues', args, this.model);
    return this.model.read(row - 1, column - 1, numRows, numColumns);
  }

  getDataRange(): unknown {
    const m = this.model;
    return this.book.rangeApi(m, 1, 1, Math.max(1, m.lastRow()), Math.max(1, m.lastColumn()));
  }

  getLastRow(): number {
    return this.model.lastRow();
  }

  /** A search of the whole sheet (see textFinder.ts for what it costs). */
  createTextFinder(text: unknown): unknown {
    const m = this.model;
    const finder = new TextFinderApi(
      this.book,
      m,
      1,
      1,
      m.maxRows,
      Math.max(1, m.lastColumn()),
      String(text ?? ''),
    );
    return this.book.kit.exposer.expose('TextFinder', finder, {}, textFinderCellsSearched);
  }

  getLastColumn(): number {
    return this.model.lastColumn();
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  insertRowsAfter(after: unknown, howMany: unknown): unknown {
    const [row, n] = this.book.positionArgs('Sheet.insertRowsAfter', after, howMany, this.model.maxRows);
    this.model.insertRows(row, n);
    return this.book.sheetApi(this.model);
  }

  insertRowAfter(after: unknown): unknown {
    return this.insertRowsAfter(after, 1);
  }

  insertRowsBefore(before: unknown, howMany: unknown): unknown {
    const [row, n] = this.book.positionArgs('Sheet.insertRowsBefore', before, howMany, this.model.maxRows);
    this.model.insertRows(row - 1, n);
    return this.book.sheetApi(this.model);
  }

  insertRowBefore(before: unknown): unknown {
    return this.insertRowsBefore(before, 1);
  }

  insertRows(before: unknown, howMany: unknown = 1): void {
    this.insertRowsBefore(before, howMany);
  }

  insertColumnsAfter(after: unknown, howMany: unknown): unknown {
    const [column, n] = this.book.positionArgs(
      'Sheet.insertColumnsAfter',
      after,
      howMany,
      this.model.maxColumns,
    );
    this.model.insertColumns(column, n);
    return this.book.sheetApi(this.model);
  }

  insertColumnAfter(after: unknown): unknown {
    return this.insertColumnsAfter(after, 1);
  }

  insertColumnsBefore(before: unknown, howMany: unknown): unknown {
    const [column, n] = this.book.positionArgs(
      'Sheet.insertColumnsBefore',
      before,
      howMany,
      this.model.maxColumns,
    );
    this.model.insertColumns(column - 1, n);
    return this.book.sheetApi(this.model);
  }

  deleteRows(position: unknown, howMany: unknown): void {
    const [row, n] = this.book.positionArgs('Sheet.deleteRows', position, howMany, this.model.maxRows);
    if (row + n - 1 > this.model.maxRows) throw this.realm.error(OUTSIDE_GRID);
    if (n >= this.model.maxRows - this.model.frozenRows) {
      throw this.realm.error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.model.deleteRows(row - 1, n);
  }

  deleteRow(position: unknown): void {
    this.deleteRows(position, 1);
  }

  deleteColumns(position: unknown, howMany: unknown): void {
    const [column, n] = this.book.positionArgs(
      'Sheet.deleteColumns',
      position,
      howMany,
      this.model.maxColumns,
    );
    if (column + n - 1 > this.model.maxColumns) throw this.realm.error(OUTSIDE_GRID);
    this.model.deleteColumns(column - 1, n);
  }

  deleteColumn(position: unknown): void {
    this.deleteColumns(position, 1);
  }

  appendRow(values: unknown): unknown {
    if (!Array.isArray(values)) throw this.realm.error('Invalid argument: rowContents');
    const m = this.model;
    const row = m.lastRow() + 1;
    if (row > m.maxRows) m.maxRows = row;
    if (values.length > m.maxColumns) m.maxColumns = values.length;
    if (values.length > 0) m.write(row - 1, 0, [values], 'entered');
    return this.book.sheetApi(m);
  }

  setFrozenRows(rows: unknown): void {
    const n = Number(rows);
    if (!Number.isInteger(n) || n < 0 || n >= this.model.maxRows) {
      throw this.realm.error('Sorry, it is not possible to freeze all rows.');
    }
    this.model.frozenRows = n;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: unknown): void {
    this.model.frozenColumns = Number(columns);
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  setColumnWidth(column: unknown, width: unknown): unknown {
    this._record('setColumnWidth', [column, width]);
    this.model.columnWidths.set(Number(column), Number(width));
    return this.book.sheetApi(this.model);
  }

  setColumnWidths(start: unknown, count: unknown, width: unknown): unknown {
    this._record('setColumnWidths', [start, count, width]);
    for (let c = Number(start); c < Number(start) + Number(count); c++)
      this.model.columnWidths.set(c, Number(width));
    return this.book.sheetApi(this.model);
  }

  /** Sheets' default width is 100 px (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getColumnWidth(Integer)). */
  getColumnWidth(column: unknown): number {
    return this.model.columnWidths.get(Number(column)) ?? 100;
  }

  setRowHeight(row: unknown, height: unknown): unknown {
    this._record('setRowHeight', [row, height]);
    return this.book.sheetApi(this.model);
  }

  setRowHeights(start: unknown, count: unknown, height: unknown): unknown {
    this._record('setRowHeights', [start, count, height]);
    return this.book.sheetApi(this.model);
  }

  autoResizeColumns(start: unknown, count: unknown): unknown {
    this._record('autoResizeColumns', [start, count]);
    return this.book.sheetApi(this.model);
  }

  autoResizeColumn(column: unknown): unknown {
    this._record('autoResizeColumns', [column, 1]);
    return this.book.sheetApi(this.model);
  }

  hideColumns(start: unknown, count: unknown = 1): void {
    this._record('hideColumns', [start, count]);
  }

  showColumns(start: unknown, count: unknown = 1): void {
    this._record('showColumns', [start, count]);
  }

  hideRows(start: unknown, count: unknown = 1): void {
    this._record('hideRows', [start, count]);
  }

  showRows(start: unknown, count: unknown = 1): void {
    this._record('showRows', [start, count]);
  }

  hideSheet(): unknown {
    if (this.book.sheets.filter((s) => !s.hidden).length <= 1) {
      throw this.realm.error("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this.book.sheetApi(this.model);
  }

  showSheet(): unknown {
    this.model.hidden = false;
    return this.book.sheetApi(this.model);
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  setTabColor(color: unknown): unknown {
    this._record('setTabColor', color);
    return this.book.sheetApi(this.model);
  }

  activate(): unknown {
    this.book.setActive(this.model);
    return this.book.sheetApi(this.model);
  }

  getActiveRange(): unknown {
    const a = this.book.activeSelection();
    if (a.sheet !== this.model) return this.book.rangeApi(this.model, 1, 1, 1, 1);
    return this.book.rangeApi(a.sheet, a.row, a.column, a.numRows, a.numColumns);
  }

  setActiveRange(range: unknown): unknown {
    const r = this.book.rangeOf(range);
    if (!r) throw this.realm.error('Invalid argument: range');
    this.book.setActive(r.sheet, r.row, r.column, r.numRows, r.numColumns);
    return range;
  }

  setActiveSelection(range: unknown): unknown {
    if (typeof range === 'string') return this.setActiveRange(this.book.rangeByA1(range, this.model));
    return this.setActiveRange(range);
  }

  setConditionalFormatRules(rules: unknown): void {
    this.model.conditionalRules = Array.isArray(rules) ? [...rules] : [];
    this._record('setConditionalFormatRules', this.model.conditionalRules.length);
  }

  getConditionalFormatRules(): unknown[] {
    return this.realm.toRealm([...this.model.conditionalRules]) as unknown[];
  }

  clearConditionalFormatRules(): void {
    this.model.conditionalRules = [];
  }

  newChart(): unknown {
    return newChartBuilder(this.book.kit, this.book);
  }

  insertChart(chart: unknown): void {
    const c = this.book.kit.exposer.unwrap(chart, EmbeddedChartApi);
    if (!c) throw this.realm.error('Invalid argument: chart');
    this.model.charts.push(c.chart);
  }

  updateChart(chart: unknown): void {
    const c = this.book.kit.exposer.unwrap(chart, EmbeddedChartApi);
    if (!c) throw this.realm.error('Invalid argument: chart');
    const at = this.model.charts.findIndex((x) => x.id === c.chart.id);
    if (at < 0) throw this.realm.error('Chart not found on this sheet.');
    this.model.charts[at] = c.chart;
  }

  removeChart(chart: unknown): void {
    const c = this.book.kit.exposer.unwrap(chart, EmbeddedChartApi);
    if (!c) throw this.realm.error('Invalid argument: chart');
    const at = this.model.charts.findIndex((x) => x.id === c.chart.id);
    if (at >= 0) this.model.charts.splice(at, 1);
  }

  getCharts(): unknown[] {
    const kit = this.book.kit;
    return kit.realm.toRealm(
      this.model.charts.map((c) =>
        kit.exposer.expose('EmbeddedChart', new EmbeddedChartApi(kit, this.book, c)),
      ),
    ) as unknown[];
  }

  clear(): unknown {
    this.clearContents();
    this.model.formatLog.length = 0;
    this.model.numberFormats.length = 0;
    return this.book.sheetApi(this.model);
  }

  clearContents(): unknown {
    const m = this.model;
    m.clearContents(0, 0, m.maxRows, m.maxColumns);
    return this.book.sheetApi(m);
  }

  clearFormats(): unknown {
    this.model.formatLog.length = 0;
    this.model.numberFormats.length = 0;
    return this.book.sheetApi(this.model);
  }

  protect(): unknown {
    this._record('protect', true);
    return newProtection(this.book, this.model.label(0, 0, this.model.maxRows, this.model.maxColumns));
  }

  getFilter(): unknown {
    return filterApi(this.book, this.model);
  }
}
