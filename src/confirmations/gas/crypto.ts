// The link secret and the two digests, on Apps Script's Utilities.
//
// Utilities.computeHmacSha256Signature(value, key, charset) signs with HMAC-SHA256 and returns the 32 bytes as Java
// signed bytes (-128..127) (https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String,Charset));
// core/token.ts masks every byte with 0xff, so signed or unsigned bytes encode the same.
import { base64url, type Hmac, hex } from '../core/token';

/**
 * The link secret's key: spreadsheet-level developer metadata of the spreadsheet the asks come from, with DOCUMENT
 * visibility, so the confirmation web app (another Apps Script project, which shares nothing with the add-on but the
 * spreadsheet) can read it; PROJECT visibility would hide it from every project but the one that created it
 * (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility). Editors of the
 * spreadsheet can read it too (Sheets API): see docs/platform.md for what it guards against and what it does not.
 */
export const SECRET_KEY = 'resultsLadder.confirmSecret';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The spreadsheet's link secret, or null when no link was ever made from it. */
export function readSecret(ss: Spreadsheet): string | null {
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(SECRET_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SPREADSHEET)
    .find();
  for (const m of found) {
    const value = m.getValue();
    if (value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return null;
}

/**
 * The spreadsheet's link secret, made on the first ask: 32 bytes, the SHA-256 of two random UUIDs (Utilities.getUuid
 * is random, v4), base64url. Call holding the document lock, so two first asks at once cannot make two secrets.
 */
export function ensureSecret(ss: Spreadsheet): string {
  const existing = readSecret(ss);
  if (existing) return existing;
  const bytes = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    `${Utilities.getUuid()}${Utilities.getUuid()}`,
    Utilities.Charset.UTF_8,
  );
  const secret = base64url(bytes);
  ss.addDeveloperMetadata(SECRET_KEY, secret, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  return secret;
}

export function hmacWith(secret: string): Hmac {
  return (message) => Utilities.computeHmacSha256Signature(message, secret, Utilities.Charset.UTF_8);
}

/** sha256 of a UTF-8 string, lower-case hex. */
export function sha256Hex(text: string): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}
