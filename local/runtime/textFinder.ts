// TextFinder over the in-memory sheet model: Range.createTextFinder / Sheet.createTextFinder, counted by the cells
// it searches.
//
// What Apps Script documents (developers.google.com/apps-script/reference/spreadsheet/text-finder): findAll()
// returns every matching cell as a Range; findNext()/findPrevious() walk the matches (null when none); the search is
// case-insensitive and matches part of a cell unless matchCase(true) / matchEntireCell(true); formula cells are
// matched by their displayed value unless matchFormulaText(true); useRegularExpression(true) reads the text as a
// regular expression. Every other cell is matched by the text it displays too ("otherwise cells containing formulas
// are considered based on their displayed value"): a number through its number format (SheetModel.displayAt), so
// 1001 formatted `00000` is found as `01001`, never as `1001`. Google does not publish what a search costs. The search runs on Google's side (the cells do
// not travel to the script), but it still has to look at every cell in the range, so the runtime charges every
// cell searched to `TextFinder.findAll` etc. — harsher than a server-side search may really be, never kinder, so a
// cell budget held here holds in Apps Script.
import type { SheetModel } from './sheetModel';
import type { WorkbookModel } from './workbook';

/** Counts a search as the cells of its range that hold data (Sheets does not search past the last row). */
export function textFinderCellsSearched(target: object, method: string): number {
  if (!(target instanceof TextFinderApi)) return 0;
  if (method !== 'findAll' && method !== 'findNext' && method !== 'findPrevious') return 0;
  return target._searchedCells();
}

export class TextFinderApi {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  /** Index of the current match in reading order, -1 before the first. */
  private current = -1;
  private startAfter: { row: number; column: number } | null = null;

  constructor(
    private readonly book: WorkbookModel,
    private readonly sheet: SheetModel,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
    private readonly text: string,
  ) {
    if (text === '') throw book.kit.realm.error('The text to find cannot be empty.');
  }

  private self(): unknown {
    return this.book.kit.exposer.expose('TextFinder', this, {}, textFinderCellsSearched);
  }

  _searchedCells(): number {
    const rows = Math.max(0, Math.min(this.numRows, this.sheet.lastRow() - this.row + 1));
    return rows * this.numColumns;
  }

  matchCase(on: unknown): unknown {
    this.caseSensitive = on === true;
    return this.self();
  }

  matchEntireCell(on: unknown): unknown {
    this.entireCell = on === true;
    return this.self();
  }

  useRegularExpression(on: unknown): unknown {
    this.regex = on === true;
    return this.self();
  }

  matchFormulaText(on: unknown): unknown {
    this.formulaText = on === true;
    return this.self();
  }

  ignoreDiacritics(_on: unknown): unknown {
    return this.self();
  }

  startFrom(range: unknown): unknown {
    const r = this.book.rangeOf(range);
    if (!r) throw this.book.kit.realm.error('Invalid argument: startRange');
    this.startAfter = { row: r.row, column: r.column };
    this.current = -1;
    return this.self();
  }

  private matcher(): (cell: string) => boolean {
    const flags = this.caseSensitive ? 'u' : 'iu';
    if (this.regex) {
      const re = new RegExp(this.entireCell ? `^(?:${this.text})$` : this.text, flags);
      return (cell) => re.test(cell);
    }
    const wanted = this.caseSensitive ? this.text : this.text.toLowerCase();
    return (cell) => {
      const c = this.caseSensitive ? cell : cell.toLowerCase();
      return this.entireCell ? c === wanted : c.includes(wanted);
    };
  }

  /** Matching cells in reading order (row by row), as [row, column] 1-based. */
  private matches(): [number, number][] {
    const test = this.matcher();
    const last = Math.min(this.row + this.numRows - 1, this.sheet.lastRow());
    const found: [number, number][] = [];
    if (last < this.row) return found;
    const values = this.sheet.read(this.row - 1, this.column - 1, last - this.row + 1, this.numColumns);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < this.numColumns; j++) {
        const r = this.row + i;
        const c = this.column + j;
        const formula = this.sheet.formulaAt(r - 1, c - 1);
        const shown =
          this.formulaText && formula !== '' ? formula : this.sheet.displayAt(r - 1, c - 1, values[i][j]);
        if (shown !== '' && test(shown)) found.push([r, c]);
      }
    }
    if (this.startAfter) {
      const { row, column } = this.startAfter;
      const at = found.findIndex(([r, c]) => r > row || (r === row && c > column));
      return at < 0 ? found : [...found.slice(at), ...found.slice(0, at)];
    }
    return found;
  }

  private cell([r, c]: [number, number]): unknown {
    return this.book.rangeApi(this.sheet, r, c, 1, 1);
  }

  findAll(): unknown[] {
    const all = this.matches();
    const out = this.book.kit.realm.newArray(all.length);
    for (let i = 0; i < all.length; i++) out[i] = this.cell(all[i]);
    return out;
  }

  findNext(): unknown {
    const all = this.matches();
    if (all.length === 0) return null;
    this.current = (this.current + 1) % all.length;
    return this.cell(all[this.current]);
  }

  findPrevious(): unknown {
    const all = this.matches();
    if (all.length === 0) return null;
    this.current = this.current <= 0 ? all.length - 1 : this.current - 1;
    return this.cell(all[this.current]);
  }

  getCurrentMatch(): unknown {
    const all = this.matches();
    return this.current < 0 || this.current >= all.length ? null : this.cell(all[this.current]);
  }
}
