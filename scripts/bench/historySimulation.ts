// A year of simulated Ladder history for a large book: each account's weekly rung and health, changes only.
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import { HEALTHS, type Health, RUNG_NAMES, type Rung } from '../../src/core/types';
import { HEADERS } from '../../src/sheets/layout';
import { seededRandom } from '../../local/random';

export interface SimulatedHistory {
  /** `Ladder history` with its header row; Dates are midnight in `timeZone`, sorted by date as a sheet fills. */
  readonly rows: unknown[][];
  /** An `Account ID` column with its header row. */
  readonly accountIds: unknown[][];
  /** Every account's last recorded state. */
  readonly last: ReadonlyMap<string, { rung: Rung; health: Health }>;
}

/**
 * `accounts` accounts watched weekly for `weeks` weeks up to `today`: each week an account moves a rung up
 * or down, or changes health, with probability `changeRate`; only changes become rows, as in the sheet.
 */
export function simulateHistory(opts: {
  accounts: number;
  weeks: number;
  today: string;
  timeZone: string;
  changeRate?: number;
  seed?: number;
  idOf?: (i: number) => string;
}): SimulatedHistory {
  const today = dayFromIso(opts.today);
  if (today === null) throw new Error(`Not an ISO date: ${opts.today}`);
  const rnd = seededRandom(opts.seed ?? 7);
  const rate = opts.changeRate ?? 0.25;
  const idOf = opts.idOf ?? ((i: number) => `ACC-${String(i + 1).padStart(5, '0')}`);
  const state: { rung: Rung; health: Health }[] = [];
  const rows: unknown[][] = [[...HEADERS.history]];
  for (let w = 0; w <= opts.weeks; w++) {
    const day = today - 7 * (opts.weeks - w);
    const date = dateOfDay(day, opts.timeZone);
    for (let i = 0; i < opts.accounts; i++) {
      let s = state[i];
      if (!s) {
        s = { rung: Math.floor(rnd() * 4) as Rung, health: HEALTHS[Math.floor(rnd() * 3)] };
        state[i] = s;
      } else if (rnd() < rate) {
        if (rnd() < 0.6) {
          const up = rnd() < 0.55;
          s.rung = Math.max(0, Math.min(4, s.rung + (up ? 1 : -1))) as Rung;
        } else {
          s.health = HEALTHS[Math.floor(rnd() * 3)];
        }
      } else {
        continue;
      }
      rows.push([date, idOf(i), RUNG_NAMES[s.rung], s.health]);
    }
  }
  const accountIds: unknown[][] = [['Account ID']];
  const last = new Map<string, { rung: Rung; health: Health }>();
  for (let i = 0; i < opts.accounts; i++) {
    accountIds.push([idOf(i)]);
    last.set(idOf(i), { ...state[i] });
  }
  return { rows, accountIds, last };
}
