// Owner names: an email's local part in words, the team's own name when it has one, and no owner for a cell that is not an email.
import { describe, expect, it } from 'vitest';
import { NO_VALID_OWNER, ownerDisplayName, ownerKeyOf } from '../../src/core/ownerName';

describe('owner names', () => {
  it.each([
    ['sam.ortiz@acme.example', 'Sam Ortiz'],
    ['priya_nair+cs@acme.example', 'Priya Nair'],
    ['jonas-weber@acme.example', 'Jonas Weber'],
    ['lee@acme.example', 'Lee'],
  ])('%s reads as %s', (email, name) => {
    expect(ownerDisplayName(ownerKeyOf(email))).toBe(name);
  });

  it("uses the team's own name for an address when it has one", () => {
    const names = new Map([['sam.ortiz@acme.example', 'Samuel Ortiz-Díaz']]);
    expect(ownerDisplayName('sam.ortiz@acme.example', names)).toBe('Samuel Ortiz-Díaz');
  });

  it('an Owner cell that is not an email is no owner: it groups with blank cells, never under its text', () => {
    expect(ownerKeyOf('Jonas Weber')).toBe(NO_VALID_OWNER);
    expect(ownerKeyOf('  ')).toBe(NO_VALID_OWNER);
    expect(ownerKeyOf(' Sam.Ortiz@ACME.example ')).toBe('sam.ortiz@acme.example');
    expect(ownerDisplayName(NO_VALID_OWNER)).toBe('No valid owner');
  });
});
