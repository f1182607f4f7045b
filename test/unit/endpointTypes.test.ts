// The sidebar's endpoint types come from one contract the registry is checked against: a mistyped call or entry does not compile.
import { describe, expect, it } from 'vitest';
import type { call } from '../../sidebar/server';
import { registry } from '../../src/entry/registry';
import type { AccountEndpoints, SidebarEndpoints, SidebarEntries } from '../../src/entry/sidebarContract';
import type { QbrBriefResponse } from '../../src/entry/sidebarTypes';

/** Every contract name once: the compiler rejects a missing or unknown name here, so the list is the contract's. */
const CONTRACT_NAMES: Readonly<Record<keyof SidebarEndpoints, true>> = {
  getAccountView: true,
  getSelection: true,
  saveChain: true,
  logResult: true,
  recordCheck: true,
  recordConfirmation: true,
  getMyBook: true,
  selectRow: true,
  getQbrBrief: true,
  getReminderPanel: true,
  saveReminderSettings: true,
  setRemindersOn: true,
  askToConfirm: true,
  getConfirmationAsks: true,
  runInstallCheck: true,
  getInstallCheck: true,
};

// Type-level only: these are compiled by `npm run typecheck`, never run (google.script.run exists only in the sidebar).
type Call = typeof call;
function sidebarCallsCompileOnlyWhenTyped(sidebar: Call): void {
  void sidebar('getAccountView', 7);
  void sidebar('getAccountView');
  void sidebar('selectRow', 'Accounts', 3);
  // @ts-expect-error a row is a number, not text
  void sidebar('getAccountView', 'seven');
  // @ts-expect-error selectRow takes the sheet and the row
  void sidebar('selectRow', 'Accounts');
  // @ts-expect-error no such endpoint
  void sidebar('getAccountViews', 7);
  // @ts-expect-error a payload has the contract's shape
  void sidebar('recordCheck', { row: 2 });
}

function registryEntriesCompileOnlyWhenTyped(answer: QbrBriefResponse): void {
  type Brief = Pick<AccountEndpoints, 'getQbrBrief'>;
  void ({
    getQbrBrief: { kind: 'sidebar', params: ['row'], run: (_row: number) => answer },
  } satisfies SidebarEntries<Brief>);
  void ({
    // @ts-expect-error the runner must take the number the sidebar sends
    getQbrBrief: { kind: 'sidebar', params: ['row'], run: (_row: string) => answer },
  } satisfies SidebarEntries<Brief>);
  void ({
    // @ts-expect-error each parameter needs its name
    getQbrBrief: { kind: 'sidebar', params: [], run: (_row: number) => answer },
  } satisfies SidebarEntries<Brief>);
  void ({
    // @ts-expect-error the runner must answer what the sidebar expects
    getQbrBrief: { kind: 'sidebar', params: ['row'], run: (_row: number) => 'brief' },
  } satisfies SidebarEntries<Brief>);
  void ({
    getQbrBrief: { kind: 'sidebar', params: ['row'], run: (_row: number) => answer },
    // @ts-expect-error an endpoint the contract lacks is refused
    getQbrBriefs: { kind: 'sidebar', params: ['row'], run: (_row: number) => answer },
  } satisfies SidebarEntries<Brief>);
  // @ts-expect-error an endpoint the contract lists must be there
  void ({} satisfies SidebarEntries<Brief>);
}

describe('the sidebar contract', () => {
  it('is checked by the compiler (the functions above hold the @ts-expect-error cases)', () => {
    expect([sidebarCallsCompileOnlyWhenTyped, registryEntriesCompileOnlyWhenTyped]).toHaveLength(2);
  });

  it('names exactly the registry entries of kind sidebar, with as many parameter names as the contract has', () => {
    const sidebarEntries = Object.entries(registry).filter(([, entry]) => entry.kind === 'sidebar');
    expect(sidebarEntries.map(([name]) => name).sort()).toEqual(Object.keys(CONTRACT_NAMES).sort());
    for (const [, entry] of sidebarEntries) expect(entry.params.every((p) => p.length > 0)).toBe(true);
  });
});
