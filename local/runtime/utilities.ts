// Utilities: formatDate with Java SimpleDateFormat patterns in any IANA zone, digests as signed bytes, base64, UUIDs.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Realm } from './realm';
import { isDate } from './realm';
import { type WallClockFields, wallClockFields } from '../../src/core/dates';

interface WallClock extends WallClockFields {
  millisecond: number;
  offsetMinutes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The calendar fields of an instant as a clock on the wall in `timeZone` shows them. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const w = wallClockFields(ms, timeZone);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return { ...w, millisecond: ms - wholeSecond, offsetMinutes: Math.round((asUtc - wholeSecond) / 60_000) };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function offsetText(minutes: number, colon: boolean, withMinutes: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (!withMinutes) return `${sign}${hh}`;
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

function zoneName(ms: number, timeZone: string, style: 'short' | 'long'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style }).formatToParts(
    new Date(ms),
  );
  return parts.find((x) => x.type === 'timeZoneName')?.value ?? timeZone;
}

function field(letter: string, count: number, w: WallClock, ms: number, timeZone: string): string {
  switch (letter) {
    case 'y':
    case 'Y':
      return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTH_NAMES[w.month - 1];
      if (count === 3) return MONTHS[w.month - 1];
      return pad(w.month, count);
    case 'd':
      return pad(w.day, count);
    case 'H':
      return pad(w.hour, count);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case 'K':
      return pad(w.hour % 12, count);
    case 'm':
      return pad(w.minute, count);
    case 's':
      return pad(w.second, count);
    case 'S':
      return pad(w.millisecond, count);
    case 'E':
      return count >= 4 ? WEEKDAY_NAMES[w.weekday] : WEEKDAYS[w.weekday];
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, count);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'z':
      return zoneName(ms, timeZone, count >= 4 ? 'long' : 'short');
    case 'Z':
      return offsetText(w.offsetMinutes, false, true);
    case 'X':
      if (w.offsetMinutes === 0) return 'Z';
      return offsetText(w.offsetMinutes, count >= 3, count >= 2);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Utilities.formatDate: Java SimpleDateFormat letters, quoted literals ('at', '' for a quote). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const w = wallClock(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += field(ch, j - i, w, ms, timeZone);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

const HMACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

function enumOf(names: readonly string[]): Record<string, string> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
}

export const DIGEST_ALGORITHM = enumOf(Object.keys(DIGESTS));
export const MAC_ALGORITHM = enumOf(Object.keys(HMACS));
export const CHARSET = enumOf(['US_ASCII', 'UTF_8']);

/** Strings or Apps Script byte arrays (numbers -128..127) as bytes. */
function bytesOf(value: unknown, charset?: unknown): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  return Buffer.from(String(value), charset === 'US_ASCII' ? 'latin1' : 'utf8');
}

export class UtilitiesService {
  constructor(
    private readonly realm: Realm,
    private readonly scriptTimeZone: () => string,
  ) {}

  private signedBytes(buf: Buffer): unknown[] {
    const out = this.realm.newArray(buf.length);
    for (let i = 0; i < buf.length; i++) out[i] = buf[i] > 127 ? buf[i] - 256 : buf[i];
    return out;
  }

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date)) throw this.realm.error('Invalid argument: date');
    if (typeof format !== 'string') throw this.realm.error('Invalid argument: format');
    const tz = typeof timeZone === 'string' && timeZone !== '' ? timeZone : this.scriptTimeZone();
    try {
      return formatDate(date, tz, format);
    } catch (e) {
      throw this.realm.error(e instanceof RangeError ? 'Invalid argument: timeZone' : (e as Error).message);
    }
  }

  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): unknown[] {
    const name = DIGESTS[String(algorithm)];
    if (!name) throw this.realm.error('Invalid argument: algorithm');
    return this.signedBytes(createHash(name).update(bytesOf(value, charset)).digest());
  }

  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): unknown[] {
    const name = HMACS[String(algorithm)];
    if (!name) throw this.realm.error('Invalid argument: algorithm');
    return this.signedBytes(createHmac(name, bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): unknown[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }

  base64Encode(data: unknown, charset?: unknown): string {
    return bytesOf(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: unknown): unknown[] {
    return this.signedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: unknown): unknown[] {
    return this.signedBytes(Buffer.from(String(encoded), 'base64url'));
  }

  getUuid(): string {
    return randomUUID();
  }

  /** Nothing waits in the runtime: a run is never slowed by a backoff. */
  sleep(milliseconds: unknown): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0)
      throw this.realm.error('Invalid argument: milliseconds');
  }
}
