// What the formulas read from the spreadsheet besides their ranges: the leader's thresholds and the time zone's clock.
import { dayConverter } from '../core/dates';
import type { Clock, FormulaSources } from '../sheets/ladderTable';
import { settingsForFormulas } from './formulaSettings';
import { spreadsheetTimeZone } from './timeZone';

export function clock(): Clock {
  const timeZone = spreadsheetTimeZone();
  return { timeZone, dayOf: dayConverter(timeZone) };
}

/** The sources every book-level formula and the Ladder sheet's values run read, so both answer alike. */
export const FORMULA_SOURCES: FormulaSources = { settings: settingsForFormulas, clock };
