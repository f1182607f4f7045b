// The LADDER formula setup writes in the Ladder sheet's A1, and how to recognise one it wrote before.
import { columnLetter } from '../../sheets/a1';
import { type DataSheetKey, SHEET, type SheetKey } from '../../sheets/layout';

/** The tab name of each sheet as this workbook has it (a team may rename a marked sheet). */
export type SheetNames = Readonly<Record<SheetKey, string>>;

/** The LADDER formula's range arguments before `as_of`, in its parameter order. */
const LADDER_ARGUMENTS: readonly DataSheetKey[] = ['accounts', 'usage', 'results', 'checks', 'segments'];

// Set up's tests and callers read column letters here; the one definition lives with the workbook contract.
export { columnLetter };

/** A sheet name as a formula writes it: quoted when it has anything but letters, digits and underscores. */
function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const wholeColumns = (name: string, width: number) =>
  `${sheetReference(name)}!A:${columnLetter(Math.max(1, width))}`;

/**
 * The Ladder sheet's A1: LADDER over whole columns, wide enough to cover the columns users added. TODAY() makes
 * Sheets recalculate it every day (a custom function with unchanged arguments is otherwise cached), and the Ladder
 * history range lets Why say which accounts are climbing, slipping or stalled.
 */
export function ladderFormula(
  widths: Readonly<Record<DataSheetKey, number>>,
  names: Readonly<Partial<SheetNames>> = SHEET,
): string {
  const nameOf = (key: DataSheetKey) => names[key] ?? SHEET[key];
  const ranges = LADDER_ARGUMENTS.map((key) => wholeColumns(nameOf(key), widths[key]));
  return `=LADDER(${ranges.join(', ')}, TODAY(), ${wholeColumns(nameOf('history'), widths.history)})`;
}

const columnsPattern = (sheetName: string) => {
  const name = sheetName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "''");
  return String.raw`\s*(?:${name}|'${name}')!A:[A-Z]+\s*`;
};

/**
 * The LADDER formulas setup has written, in any version: the five ranges at any width, with or without
 * `TODAY(), 'Ladder history'!A:D`, over the sheets as they are named now. Only these are upgraded; any other
 * formula in A1 is the user's own.
 */
export function isSetupLadderFormula(formula: string, names: Readonly<Partial<SheetNames>> = SHEET): boolean {
  const nameOf = (key: DataSheetKey) => names[key] ?? SHEET[key];
  const ours = new RegExp(
    String.raw`^=\s*LADDER\(${LADDER_ARGUMENTS.map((k) => columnsPattern(nameOf(k))).join(',')}(?:,\s*TODAY\(\)\s*,${columnsPattern(nameOf('history'))})?\)\s*$`,
    'i',
  );
  return ours.test(formula);
}
