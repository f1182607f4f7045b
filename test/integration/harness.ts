// Loads the built add-on (dist/Code.js) into the in-memory Apps Script runtime, as integration tests need it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../local/runtime/index';
import { dateOfDay, dayFromIso } from '../../src/core/dates';
import type { AccountView } from '../../src/entry/sidebarTypes';
import { DEFAULT_SEGMENTS, HEADERS, SHEET } from '../../src/sheets/layout';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = join(ROOT, 'dist', 'Code.js');

export function loadBundle(opts?: RuntimeOptions): Runtime {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const rt = createRuntime(opts);
  rt.load(BUNDLE);
  return rt;
}

/** The saveChain payload the sidebar would send for an account view as shown, with `fields` changed. */
export function chainPayload(v: AccountView, fields: Partial<Record<string, unknown>> = {}) {
  const a = v.account;
  return {
    row: v.row,
    version: v.version,
    fields: {
      businessPain: a.businessPain,
      solutionValue: a.solutionValue,
      namedResult: a.namedResult,
      metric: a.metric,
      baseline: a.baseline,
      target: a.target,
      validator: a.validator,
      validatorRole: a.validatorRole ?? '',
      ...fields,
    },
  };
}

/**
 * One open SMB account's Accounts row, by header: started 2026-10-01, renews 2027-10-01 (in `timeZone`), with
 * `cells` (by header) over those; every other column blank.
 */
export function openAccountRow(
  account: { readonly id: string | number; readonly name?: string; readonly owner: string },
  timeZone: string,
  cells: Readonly<Record<string, unknown>> = {},
): unknown[] {
  const date = (iso: string) => dateOfDay(dayFromIso(iso) as number, timeZone);
  const byHeader: Record<string, unknown> = {
    'Account ID': account.id,
    Account: account.name ?? `Account ${account.id}`,
    Segment: 'SMB',
    Owner: account.owner,
    'Start date': date('2026-10-01'),
    'Renewal date': date('2027-10-01'),
    'Renewal status': 'Open',
    ...cells,
  };
  return HEADERS.accounts.map((h) => byHeader[h] ?? '');
}

/**
 * A book of one open SMB account (openAccountRow), the default segments and empty Usage/Results/Checks: the
 * smallest book the runs and views accept.
 */
export function oneAccountBook(
  account: { readonly id: string | number; readonly name: string; readonly owner: string },
  timeZone: string,
): Record<string, unknown[][]> {
  return {
    [SHEET.segments]: [[...HEADERS.segments], ...DEFAULT_SEGMENTS.map((s) => [...s])],
    [SHEET.accounts]: [[...HEADERS.accounts], openAccountRow(account, timeZone)],
    [SHEET.usage]: [[...HEADERS.usage]],
    [SHEET.results]: [[...HEADERS.results]],
    [SHEET.checks]: [[...HEADERS.checks]],
  };
}
