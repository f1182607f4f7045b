import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type EntryMeta, LIBRARY_NAME, renderEntryPoints } from '../../scripts/entryPoints';

const custom: EntryMeta = {
  name: 'LADDER_RUNG',
  kind: 'custom',
  params: ['accounts', 'usage'],
  doc: {
    summary: 'The rung per account. */ cannot end the comment',
    params: [
      { name: 'accounts', type: 'Accounts!A:O', description: 'The Accounts sheet.' },
      { name: 'usage', type: 'Usage!A:D', description: 'The Usage sheet.' },
    ],
    returns: 'One rung name per account.',
  },
};

describe('renderEntryPoints', () => {
  it('writes a top-level declaration with its @customfunction JSDoc directly above', () => {
    const text = renderEntryPoints([custom, { name: 'onOpen', kind: 'menu', params: ['e'] }]);
    const lines = text.split('\n');
    const at = lines.indexOf('function LADDER_RUNG(accounts, usage) {');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe(' */');
    expect(lines[at - 2]).toBe(' * @customfunction');
    expect(text).toContain(' * @param {Accounts!A:O} accounts The Accounts sheet.');
    expect(text).toMatch(/^function onOpen\(e\) \{$/m);
    expect(text).not.toContain('*/ cannot');
  });

  it('delegates to the library at call time', () => {
    const text = renderEntryPoints([custom]);
    const ctx = vm.createContext({});
    vm.runInContext(text, ctx);
    vm.runInContext(
      `var ${LIBRARY_NAME} = { registry: { LADDER_RUNG: { run: function (a, u) { return [a, u]; } } } };`,
      ctx,
    );
    expect(vm.runInContext('LADDER_RUNG(1, 2)', ctx)).toEqual([1, 2]);
  });

  it.each([
    [{ name: 'hidden_', kind: 'menu', params: [] }, /ends with '_'/],
    [{ name: 'bad-name', kind: 'menu', params: [] }, /plain identifier/],
    [{ name: 'X', kind: 'custom', params: ['a'] }, /has no doc/],
    [{ ...custom, params: ['accounts'] }, /differ/],
  ] as [EntryMeta, RegExp][])('refuses %j', (entry, message) => {
    expect(() => renderEntryPoints([entry])).toThrow(message);
  });

  it('refuses a name registered twice', () => {
    expect(() => renderEntryPoints([custom, custom])).toThrow(/twice/);
  });
});
