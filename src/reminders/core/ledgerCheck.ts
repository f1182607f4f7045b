// Whether the Reminder ledger still holds every digest recorded today, judged against the witness kept outside it:
// pure, so every damage a team can do to the sheet or the stored witness is a row of a unit table.
import * as z from 'zod/mini';
import { dayFromIso } from '../../core/dates';

/** A record the ledger holds for a digest about to be sent: what its checksum is computed from, as read back. */
export interface RecordedSend {
  readonly kind: 'sent' | 'failed';
  readonly recipient: string;
  readonly keys: readonly string[];
  readonly run: string;
}

/** 32-bit FNV-1a, continuing from `h`. */
function fnv(text: string, h = 2166136261): number {
  let out = h;
  for (let i = 0; i < text.length; i++) {
    out ^= text.charCodeAt(i);
    out = Math.imul(out, 16777619) >>> 0;
  }
  return out;
}

/** One record's hash: every field a person could edit, so an edit of any of them changes it. */
export function recordHash(r: RecordedSend): number {
  return fnv([r.kind, r.recipient, r.keys.join('\n'), r.run].join('\u0001'));
}

/** The checksum of records in ledger order (order counts: the ledger is appended to, never reordered by the add-on). */
export function checksumOf(hashes: readonly number[]): number {
  let h = 2166136261;
  for (const x of hashes) h = fnv(x.toString(36), fnv('|', h));
  return h;
}

/** Apps Script's property values are text; a witness is a few dozen bytes, with a held reason a few hundred. */
export const MAX_WITNESS_CHARS = 2000;
const MAX_REASON_CHARS = 1000;

const IsoDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((s) => dayFromIso(s) !== null),
);

/**
 * The witness: the day digests were last recorded, the ledger sheet they were recorded in, how many records of
 * that day the ledger held (sent or failed) and their checksum, written before each send. `held` is set when a
 * run found the ledger short of that and stopped sending for the day: its reason, told again to later runs.
 */
const WitnessSchema = z.object({
  day: IsoDay,
  ledger: z.int().check(z.minimum(0)),
  count: z.int().check(z.minimum(0)),
  sum: z.int().check(z.minimum(0), z.maximum(0xffffffff)),
  held: z.optional(z.string().check(z.maxLength(MAX_REASON_CHARS))),
});
export type Witness = z.infer<typeof WitnessSchema>;

/** What an earlier version wrote: the day and the ledger's sheet ID only. */
const LegacyWitnessSchema = z.object({ day: IsoDay, ledger: z.int().check(z.minimum(0)) });

export type WitnessRead =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly witness: Witness }
  | { readonly status: 'legacy'; readonly day: string; readonly ledger: number }
  | { readonly status: 'unreadable'; readonly why: string };

/** A stored witness as text (null: none stored), never trusted and never throwing. */
export function readWitness(raw: string | null): WitnessRead {
  if (raw === null || raw === '') return { status: 'none' };
  if (raw.length > MAX_WITNESS_CHARS)
    return { status: 'unreadable', why: `it is ${raw.length} characters long` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { status: 'unreadable', why: 'it is not complete JSON' };
  }
  const read = WitnessSchema.safeParse(json);
  if (read.success) return { status: 'ok', witness: read.data };
  const legacy = LegacyWitnessSchema.safeParse(json);
  if (legacy.success && json !== null && typeof json === 'object' && !('count' in json) && !('sum' in json)) {
    return { status: 'legacy', day: legacy.data.day, ledger: legacy.data.ledger };
  }
  const issue = read.error.issues[0];
  return { status: 'unreadable', why: `its ${String(issue?.path[0] ?? 'value')} is not what it should be` };
}

export interface LedgerToday {
  /** 'YYYY-MM-DD' in the spreadsheet's zone. */
  readonly day: string;
  /** The ledger sheet's ID, or null when there is no ledger. */
  readonly ledgerId: number | null;
  /** The hashes of the ledger's records of `day`, in row order. */
  readonly hashes: readonly number[];
}

export type LedgerVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: LedgerVerdict = { ok: true };

/**
 * Today's records must hold at least what every witness of today says, and its first `count` of them must have its
 * checksum (records appended after a witness was written — a run killed between its record and its witness, a run
 * as another editor whose witness went to their own store — do not count against it). A witness that cannot be
 * read, or one an earlier version wrote today (it counted nothing), may hide any loss: nothing is sent today.
 */
export function checkLedger(today: LedgerToday, witnesses: readonly WitnessRead[]): LedgerVerdict {
  for (const w of witnesses) {
    if (w.status === 'none') continue;
    if (w.status === 'unreadable') {
      return {
        ok: false,
        reason: `The Reminder ledger’s witness (the record of today’s digests kept outside the sheet) could not be read: ${w.why}`,
      };
    }
    if (w.status === 'legacy') {
      if (w.day !== today.day) continue;
      return {
        ok: false,
        reason:
          'The Reminder ledger’s witness was written by an earlier version, which did not count today’s digests',
      };
    }
    const { witness } = w;
    if (witness.day !== today.day) continue;
    if (witness.held !== undefined) return { ok: false, reason: witness.held };
    if (today.ledgerId === null || today.ledgerId !== witness.ledger) {
      return {
        ok: false,
        reason: 'The Reminder ledger, which recorded today’s digests, was deleted or replaced',
      };
    }
    if (today.hashes.length < witness.count) {
      return {
        ok: false,
        reason: `The Reminder ledger holds ${today.hashes.length} of the ${witness.count} digests recorded today: rows were cleared, deleted or edited`,
      };
    }
    if (checksumOf(today.hashes.slice(0, witness.count)) !== witness.sum) {
      return {
        ok: false,
        reason: 'The Reminder ledger’s rows for today were edited or reordered',
      };
    }
  }
  return OK;
}

/** The words every held run adds: what it did and when mail resumes. */
export function heldDetail(reason: string): string {
  return `${reason}: to never send a digest twice, this run sent nothing. Reminders resume tomorrow.`;
}
