// Who owns an account, as people read it: "Sam Ortiz" for sam.ortiz@acme.example, and no owner at all for a cell that is not an email.
import { isWellFormedEmail } from './addresses';

/** The key views group an account under when its Owner cell is blank or not an email (a data problem either way). */
export const NO_VALID_OWNER = '(no valid owner)';

/**
 * The owner an account counts under: the lower-case email, or NO_VALID_OWNER when the cell is blank or not an
 * email ("Jonas Weber" is reported as a data problem and is nobody's account, so per-owner counts still add up).
 */
export function ownerKeyOf(cell: string): string {
  const owner = cell.trim().toLowerCase();
  return owner !== '' && isWellFormedEmail(owner) ? owner : NO_VALID_OWNER;
}

/**
 * A readable name for an owner key: the team's own name for the address when it has one (`names`), else the
 * email's local part in words — "sam.ortiz" → "Sam Ortiz", "priya_nair+cs" → "Priya Nair". NO_VALID_OWNER reads as
 * "No valid owner".
 */
export function ownerDisplayName(key: string, names?: ReadonlyMap<string, string>): string {
  if (key === NO_VALID_OWNER || key.trim() === '') return 'No valid owner';
  const own = names?.get(key.toLowerCase())?.trim();
  if (own) return own;
  const at = key.lastIndexOf('@');
  const local = (at < 0 ? key : key.slice(0, at)).replace(/\+.*$/, '');
  const words = local.split(/[._-]+/).filter(Boolean);
  if (words.length === 0) return key;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
