// The dropdowns setup adds to the data sheets' enum columns, growing a team's own list rather than replacing it.
import { type DataSheetKey, ENUMS } from '../../sheets/layout';

/**
 * The list a column's dropdown should hold: the team's list with the values it lacks added at the end, or null when
 * the rule is to be left as it is (it already holds every value, or it is a kind of rule the team chose instead of a
 * list, such as a range or a checkbox). Values compare exactly: a "reject input" dropdown may match case-sensitively,
 * and the add-on writes its own spelling ('Yes', '90-day'), so a team's 'yes' gets 'Yes' beside it rather than a
 * save that Sheets refuses. (Reading stays case-insensitive, so the team's 'yes' rows still count.)
 */
export function mergedList(current: readonly unknown[] | null, values: readonly string[]): string[] | null {
  if (current === null) return [...values];
  const have = new Set(current.map((v) => String(v).trim()));
  const missing = values.filter((v) => !have.has(v));
  return missing.length === 0 ? null : [...current.map(String), ...missing];
}

/** Adds a dropdown where a column has none; adds missing values to a team's own list; never replaces a list. */
function mergeDropdown(
  body: GoogleAppsScript.Spreadsheet.Range,
  name: string,
  values: readonly string[],
): void {
  const rule = body.getDataValidation();
  if (!rule) {
    body.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...values], true)
        .setAllowInvalid(false)
        .setHelpText(`${name}: one of ${values.join(', ')}.`)
        .build(),
    );
    return;
  }
  if (String(rule.getCriteriaType()) !== 'VALUE_IN_LIST') return;
  const [list, shown] = rule.getCriteriaValues();
  const merged = mergedList(Array.isArray(list) ? list : [], values);
  if (!merged) return;
  // copy() keeps the team's "reject input"/"show warning" choice and help text; only the list grows.
  body.setDataValidation(
    rule
      .copy()
      .requireValueInList(merged, shown !== false)
      .build(),
  );
}

/** The dropdown of every listed column of this sheet, over its body rows (`columnOf` gives 0 for a missing column). */
export function addDropdowns(
  key: DataSheetKey,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  bodyRows: number,
  columnOf: (name: string) => number,
): void {
  for (const [where, values] of Object.entries(ENUMS)) {
    const [sheetKey, name] = where.split(':');
    if (sheetKey !== key) continue;
    const column = columnOf(name);
    if (column < 1) continue;
    mergeDropdown(sheet.getRange(2, column, bodyRows, 1), name, values);
  }
}
