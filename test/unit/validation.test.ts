import { describe, expect, it } from 'vitest';
import type { StatementKind } from '../../src/core/measurable';
import {
  addressOf,
  statementBlock,
  type TeamTie,
  teamBlock,
  teamDomainsOf,
  teamTieOf,
} from '../../src/core/validation';

// Issue 21 item 4: a result counts only when the customer confirms it, and only when it is a change for them.
describe('Team domains: the allowed domains ∪ the domains of every Owner email in the book', () => {
  it.each<[string, string[], string[], string[]]>([
    ['owners only', ['ana@acme.example', 'bo@acme.example'], [], ['acme.example']],
    ['allowed domains, lower-cased', [], ['Acme.Example'], ['acme.example']],
    [
      'both, without duplicates',
      ['Ana@ACME.example'],
      ['acme.example', 'acme.io'],
      ['acme.example', 'acme.io'],
    ],
    ['an owner with a display name', ['Ana <ana@acme.example>'], [], ['acme.example']],
    ['a plain-name owner adds no domain', ['Ana Owner', ''], [], []],
    ['a malformed owner adds no domain', ['ana@', '@acme'], [], []],
  ])('%s', (_, owners, allowed, domains) => {
    expect(teamDomainsOf(owners, allowed)).toEqual(domains);
  });

  it('leaves out free mail domains an owner happens to use: a CSM on gmail.com does not make every gmail.com customer the team', () => {
    expect(teamDomainsOf(['sam.csm@gmail.com', 'ana@acme.example'], [])).toEqual(['acme.example']);
    expect(
      teamTieOf(
        'bea.buyer@gmail.com',
        { owner: 'sam.csm@gmail.com', loggedBy: '' },
        teamDomainsOf(['sam.csm@gmail.com'], []),
      ),
    ).toBeNull();
    // The owner's own address is still the team, whatever its domain.
    expect(teamTieOf('Sam.CSM@gmail.com', { owner: 'sam.csm@gmail.com', loggedBy: '' }, [])).toBe('owner');
    // An allowed domain is the team's even when it is a free mail domain: the leader said so.
    expect(teamDomainsOf([], ['gmail.com'])).toEqual(['gmail.com']);
  });
});

describe('The address in a Validated by / Owner / Logged by cell', () => {
  it.each<[string, string]>([
    ['ana@acme.example', 'ana@acme.example'],
    ['  Ana@ACME.example ', 'ana@acme.example'],
    ['Ana Owner <ana@acme.example>', 'ana@acme.example'],
    ['ana+cs@acme.example', 'ana@acme.example'],
    ['Margaret Cole', ''],
    ['', ''],
  ])('%s → %s', (text, address) => {
    expect(addressOf(text)).toBe(address);
  });
});

describe('Who validated: the team (owner, who logged it, a team domain) or the customer', () => {
  const row = { owner: 'ana@acme.example', loggedBy: 'bo@acme.example' };
  const team = ['acme.example', 'acme.io'];
  it.each<[string, string, { owner: string; loggedBy: string }, readonly string[], TeamTie | null]>([
    ['the owner', 'ana@acme.example', row, team, 'owner'],
    ['the owner, other case', 'ANA@Acme.Example', row, team, 'owner'],
    ['the owner with a display name', 'Ana <ana@acme.example>', row, team, 'owner'],
    ['the owner with a +tag', 'ana+me@acme.example', row, [], 'owner'],
    ['who logged it', 'bo@acme.example', row, [], 'logged it'],
    ['a plain name equal to the owner', 'Ana Owner', { owner: 'ana owner', loggedBy: '' }, [], 'owner'],
    ['a plain name equal to who logged it', 'Bo', { owner: '', loggedBy: 'bo' }, [], 'logged it'],
    ['a colleague in a team domain', 'cy@acme.example', row, team, 'team domain'],
    ['a colleague in a subdomain of a team domain', 'cy@eu.acme.io', row, team, 'team domain'],
    ['a customer address', 'margaret@customer.example', row, team, null],
    ['a domain that only ends like a team domain', 'x@notacme.example', row, team, null],
    ['a plain name that is neither owner nor logger', 'Margaret Cole', row, team, null],
    ['blank', '', row, team, null],
  ])('%s → %s', (_, validatedBy, who, domains, tie) => {
    expect(teamTieOf(validatedBy, who, domains)).toBe(tie);
  });
});

describe('What a named result must not read as to be a result', () => {
  it.each<[StatementKind, string | null]>([
    [
      'adoption',
      'the named result reads as adoption: a confirmed adoption figure is not a result — name what changed for them',
    ],
    [
      'activity',
      'the named result reads as activity: a confirmed activity figure is not a result — name what changed for them',
    ],
    [
      'sentiment',
      'the named result reads as sentiment: a confirmed sentiment score is not a result — name what changed for them',
    ],
    ['measurable', null],
    ['vague', null],
    ['empty', null],
  ])('%s', (kind, text) => {
    expect(statementBlock(kind)).toBe(text);
  });

  it('says who is on the team and why it does not count', () => {
    expect(teamBlock('ana@acme.example', 'owner')).toBe(
      'validated by ana@acme.example, who is on the team (owner): a result counts only when the customer confirms it',
    );
  });
});
