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

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}
