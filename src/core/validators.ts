// The validators an account names: one person, or one per role for an `A + B` segment, stored in one Validator cell.
import { VALIDATOR_ROLES, type ValidatorRole } from './types';

/**
 * How an `A + B` segment's validators live in the Accounts sheet: the Validator cell holds every person with
 * their role in brackets, `Tina Lead (Team lead); Mo Manager (Manager)`, and the Validator role cell holds the
 * first of them. Why one cell rather than extra columns: docs/rules.md §2's column layout stays as it is (no new required
 * header, no sheet the team must change), the Validator role dropdown keeps one valid value, every reader that
 * only needs "is a validator named?" (triage, emails, LADDER) keeps working, and a person reading the row sees
 * both names in the cell they expect.
 */
export interface NamedValidator {
  readonly name: string;
  readonly role: ValidatorRole | null;
}

const ROLE_SUFFIX = /^(.*?)\s*\(([^()]*)\)\s*$/;

function roleOf(text: string): ValidatorRole | null {
  const wanted = text.trim().toLowerCase();
  return VALIDATOR_ROLES.find((r) => r.toLowerCase() === wanted) ?? null;
}

/**
 * Reads the Validator cell: `Name (Role); Name (Role)`, or a single name whose role is the Validator role
 * cell. A part without a bracketed role takes the Validator role cell's role.
 */
export function namedValidators(validator: string, validatorRole: ValidatorRole | null): NamedValidator[] {
  const parts = validator
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.map((part) => {
    const m = ROLE_SUFFIX.exec(part);
    const role = m ? roleOf(m[2]) : null;
    if (m && role) return { name: m[1].trim(), role };
    return { name: part, role: validatorRole };
  });
}

/** Writes validators back into the one cell: a lone validator stays a bare name (its role goes in Validator role). */
export function validatorCell(validators: readonly NamedValidator[]): {
  validator: string;
  validatorRole: ValidatorRole | null;
} {
  const named = validators.filter((v) => v.name.trim() !== '');
  if (named.length === 0) return { validator: '', validatorRole: validators[0]?.role ?? null };
  if (named.length === 1) return { validator: named[0].name.trim(), validatorRole: named[0].role };
  return {
    validator: named.map((v) => (v.role ? `${v.name.trim()} (${v.role})` : v.name.trim())).join('; '),
    validatorRole: named[0].role,
  };
}

/** The roles an `all` rule needs that no named validator holds (empty when every role has someone). */
export function rolesWithoutValidator(
  validators: readonly NamedValidator[],
  roles: readonly ValidatorRole[],
): ValidatorRole[] {
  return roles.filter((role) => !validators.some((v) => v.role === role && v.name !== ''));
}
