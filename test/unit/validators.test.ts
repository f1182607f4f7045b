import { describe, expect, it } from 'vitest';
import { namedValidators, rolesWithoutValidator, validatorCell } from '../../src/core/validators';

describe('validators named in one Validator cell', () => {
  it.each([
    ['Ann Buyer', 'Buyer', [{ name: 'Ann Buyer', role: 'Buyer' }]],
    ['', 'Buyer', []],
    [
      'Tina Lead (Team lead); Mo Manager (manager)',
      'Team lead',
      [
        { name: 'Tina Lead', role: 'Team lead' },
        { name: 'Mo Manager', role: 'Manager' },
      ],
    ],
    // A bracket that is not a role is part of the name.
    ['Jo (Finance)', 'Buyer', [{ name: 'Jo (Finance)', role: 'Buyer' }]],
  ] as const)('%s', (cell, role, expected) => {
    expect(namedValidators(cell, role)).toEqual(expected);
  });

  it('round-trips through the cell', () => {
    const two = [
      { name: 'Tina Lead', role: 'Team lead' },
      { name: 'Mo Manager', role: 'Manager' },
    ] as const;
    const cell = validatorCell(two);
    expect(cell).toEqual({
      validator: 'Tina Lead (Team lead); Mo Manager (Manager)',
      validatorRole: 'Team lead',
    });
    expect(namedValidators(cell.validator, cell.validatorRole)).toEqual(two);
    expect(
      validatorCell([
        { name: 'Ann', role: 'Buyer' },
        { name: '', role: 'Manager' },
      ]),
    ).toEqual({
      validator: 'Ann',
      validatorRole: 'Buyer',
    });
  });

  it('says which role of an A + B rule has nobody', () => {
    expect(rolesWithoutValidator(namedValidators('Tina', 'Team lead'), ['Team lead', 'Manager'])).toEqual([
      'Manager',
    ]);
  });
});
