// The link secret and the two digests, on Apps Script's Utilities.
//
// Utilities.computeHmacSha256Signature(value, key, charset) signs with HMAC-SHA256 and returns the 32 bytes as Java
// signed bytes (-128..127) (https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String,Charset));
// core/token.ts masks every byte with 0xff, so signed or unsigned bytes encode the same.
import { base64url, type Hmac, hex } from '../core/token';

/** Script properties (one store for the whole project, whichever spreadsheet or web app reads it). */
export const SECRET_PROPERTY = 'rl.confirm.secret';

/**
 * The project's link secret, made once: 32 bytes, the SHA-256 of two random UUIDs (Utilities.getUuid is random, v4),
 * stored base64url in script properties so the web app (which has no document) reads the same secret the add-on
 * signed with. Made under the script lock, so two first asks at once cannot make two secrets.
 */
export function linkSecret(create: boolean): string | null {
  const props = PropertiesService.getScriptProperties();
  const existing = props.getProperty(SECRET_PROPERTY);
  if (existing || !create) return existing || null;
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) throw new Error('Another ask is being prepared. Try again in a moment.');
  try {
    const again = props.getProperty(SECRET_PROPERTY);
    if (again) return again;
    const bytes = Utilities.computeDigest(
      Utilities.DigestAlgorithm.SHA_256,
      `${Utilities.getUuid()}${Utilities.getUuid()}`,
      Utilities.Charset.UTF_8,
    );
    const secret = base64url(bytes);
    props.setProperty(SECRET_PROPERTY, secret);
    return secret;
  } finally {
    lock.releaseLock();
  }
}

export function hmacWith(secret: string): Hmac {
  return (message) => Utilities.computeHmacSha256Signature(message, secret, Utilities.Charset.UTF_8);
}

/** sha256 of a UTF-8 string, lower-case hex. */
export function sha256Hex(text: string): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}
