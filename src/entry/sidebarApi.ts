// The sidebar's server endpoints (docs/rules.md §5): the registry of what the sidebar may call, and the QBR brief.
import {
  assessedBook,
  assessmentAt,
  emptyView,
  getAccountView,
  getSelection,
  isEmpty,
  selectRow,
} from './accountView';
import { getMyBook } from './myBook';
import { Row } from './sidebarInput';
import { logResult, recordCheck, recordConfirmation, saveChain } from './sidebarWrites';
import { errorText } from './errorText';
import { qbrBriefOf } from '../core/qbr';
import type { AccountEndpoints, SidebarEntries } from './sidebarContract';
import type { QbrBriefResponse } from './sidebarTypes';

// ---------- navigation and the QBR brief (shown in the sidebar: docs/platform.md, dialogs are for choices) ----------

/** getQbrBrief(row): the brief's content. */
export function getQbrBrief(row: number): QbrBriefResponse {
  const parsed = Row.safeParse(row);
  if (!parsed.success) return emptyView('Select an account row in Accounts for its QBR brief.');
  try {
    const book = assessedBook(parsed.data);
    const found = assessmentAt(book, parsed.data);
    if (isEmpty(found)) return found;
    const results = book.loaded.book.results.filter((r) => r.accountId === found.account.id);
    const checks = book.loaded.book.checks.filter((c) => c.accountId === found.account.id);
    return qbrBriefOf(found, results, book.loaded.today, checks);
  } catch (err) {
    return emptyView(errorText(err));
  }
}

/** Checked against the contract: a missing, extra or mistyped endpoint does not compile. */
export const sidebarEntries = {
  getAccountView: { kind: 'sidebar', params: ['row'], run: getAccountView },
  getSelection: { kind: 'sidebar', params: [], run: getSelection },
  saveChain: { kind: 'sidebar', params: ['payload'], run: saveChain },
  logResult: { kind: 'sidebar', params: ['payload'], run: logResult },
  recordCheck: { kind: 'sidebar', params: ['payload'], run: recordCheck },
  recordConfirmation: { kind: 'sidebar', params: ['payload'], run: recordConfirmation },
  getMyBook: { kind: 'sidebar', params: [], run: getMyBook },
  selectRow: { kind: 'sidebar', params: ['sheet', 'row'], run: selectRow },
  getQbrBrief: { kind: 'sidebar', params: ['row'], run: getQbrBrief },
} satisfies SidebarEntries<AccountEndpoints>;
