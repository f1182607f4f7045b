// Email addresses and domains: one definition of "well formed", shared by the sheet's data problems and the mailer.

const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)$/i;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** One plain address (no display name, no list) with a dotted domain. */
export function isWellFormedEmail(address: string): boolean {
  return address.length <= 254 && EMAIL.test(address) && !address.includes('..');
}

export function isDomain(text: string): boolean {
  return text.length <= 253 && DOMAIN.test(text);
}

/**
 * Free mail domains: anyone can have an address there, so a team member who uses one does not make every address
 * on it the team's (only the Settings' allowed domains can say that).
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
]);

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}
