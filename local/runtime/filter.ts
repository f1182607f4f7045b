// A sheet's filter as Range.createFilter() makes it and Sheet.getFilter() returns it: its range, and remove().
// Google: "There can be at most one filter on a sheet"
// (https://developers.google.com/apps-script/reference/spreadsheet/range#createFilter()); what createFilter does on a
// sheet that has one is not documented, so the runtime refuses it as the Sheets UI does, and the product checks
// Sheet.getFilter() first (docs/platform.md).
import type { SheetModel } from './sheetModel';
import type { WorkbookModel } from './workbook';

export interface FilterArea {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export const FILTER_EXISTS = "You can't create a filter in a sheet that already has a filter.";

export function filterApi(book: WorkbookModel, model: SheetModel): unknown {
  const area = model.filterArea;
  if (!area) return null;
  return book.kit.exposer.expose('Filter', {
    getRange: () => book.rangeApi(model, area.row, area.column, area.numRows, area.numColumns),
    remove: () => {
      model.filterArea = null;
      model.filter = null;
    },
  });
}

export function createFilter(book: WorkbookModel, model: SheetModel, area: FilterArea): unknown {
  if (model.filterArea) throw book.kit.realm.error(FILTER_EXISTS);
  model.filterArea = area;
  model.filter = model.label(area.row - 1, area.column - 1, area.numRows, area.numColumns);
  return filterApi(book, model);
}
