// Signed confirmation links: the token names one ask (spreadsheet, account, validator, the result's statement hash,
// expiry) and carries an HMAC-SHA256 over exactly those bytes, so none of them can be changed without the secret.
// Pure: the HMAC itself is injected (Node's crypto in tests, Utilities.computeHmacSha256Signature in Apps Script),
// and the base64url / UTF-8 codecs are written out here because Apps Script's V8 has no Buffer, btoa or TextEncoder.
import * as z from 'zod/mini';

/** HMAC-SHA256 of `message` (a UTF-8 string) with the project's secret: 32 bytes, signed (-128..127) or not. */
export type Hmac = (message: string) => readonly number[];

/** What a link says, signed. Short keys keep the URL short. */
export const ClaimsSchema = z.object({
  v: z.literal(1),
  /** The ask's id. */
  ask: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The spreadsheet the ask was made from. */
  ss: z.string().check(z.minLength(1), z.maxLength(200)),
  acct: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The validator's name, as the Validator cell holds it. */
  who: z.string().check(z.maxLength(200)),
  /** sha256 (hex) of the statement the validator is asked to confirm. */
  st: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** Expiry, ms since the epoch. */
  exp: z.number(),
});
export type Claims = z.infer<typeof ClaimsSchema>;

export type TokenCheck =
  | { readonly ok: true; readonly claims: Claims }
  | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired'; readonly claims?: Claims };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX: Readonly<Record<string, number>> = Object.fromEntries([...ALPHABET].map((c, i) => [c, i]));

/** Bytes (any sign) as unpadded base64url (RFC 4648 §5). */
export function base64url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] & 0xff;
    const b = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += ALPHABET[n & 63];
  }
  return out;
}

/** Unpadded base64url back to bytes (0..255), or null when it is not base64url. */
export function fromBase64url(text: string): number[] | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) n = (n << 6) | (j < chunk.length ? INDEX[chunk[j]] : 0);
    out.push((n >> 16) & 0xff);
    if (chunk.length > 2) out.push((n >> 8) & 0xff);
    if (chunk.length > 3) out.push(n & 0xff);
  }
  return out;
}

/** A string as UTF-8 bytes. */
export function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** UTF-8 bytes as a string, or null when they are not valid UTF-8. */
export function fromUtf8(bytes: readonly number[]): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const extra =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0 || i + extra >= bytes.length) return null;
    let cp = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (next & 63);
    }
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}

/** Lower-case hex of bytes (any sign). */
export function hex(bytes: readonly number[]): string {
  return bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
}

/**
 * Equality of two byte strings that takes the same time wherever they first differ, so response timing tells a
 * forger nothing about how many leading bytes of a guessed signature were right.
 */
export function sameBytes(a: readonly number[], b: readonly number[]): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= ((a[i] ?? 0) & 0xff) ^ ((b[i] ?? 0) & 0xff);
  return diff === 0;
}

/** The token: base64url(JSON claims) '.' base64url(HMAC-SHA256(first part)). */
export function signToken(claims: Claims, hmac: Hmac): string {
  const payload = base64url(utf8(JSON.stringify(claims)));
  return `${payload}.${base64url(hmac(payload))}`;
}

/** A token's claims if its signature holds and it has not expired at `nowMs`; otherwise why not. */
export function verifyToken(token: unknown, hmac: Hmac, nowMs: number): TokenCheck {
  if (typeof token !== 'string' || token.length > 2000) return { ok: false, reason: 'malformed' };
  const parts = token.trim().split('.');
  if (parts.length !== 2 || parts[0] === '') return { ok: false, reason: 'malformed' };
  const signature = fromBase64url(parts[1]);
  if (signature === null) return { ok: false, reason: 'malformed' };
  // The signature is checked before the payload is even decoded: nothing unsigned is ever read.
  if (!sameBytes(signature, [...hmac(parts[0])])) return { ok: false, reason: 'forged' };
  const bytes = fromBase64url(parts[0]);
  const json = bytes === null ? null : fromUtf8(bytes);
  let parsed: unknown;
  try {
    parsed = json === null ? null : JSON.parse(json);
  } catch {
    parsed = null;
  }
  const claims = ClaimsSchema.safeParse(parsed);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (claims.data.exp < nowMs) return { ok: false, reason: 'expired', claims: claims.data };
  return { ok: true, claims: claims.data };
}
