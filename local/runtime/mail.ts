// MailApp: an outbox and a daily recipient quota that runs out with Apps Script's own error text.
import type { ServiceKit } from './calls';

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
}

export interface MailRecord {
  outbox: SentMail[];
  quota: number;
  /** Recipients whose send throws, as a bounced or rejected address would. */
  failFor: Set<string>;
}

export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';

function addresses(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

export class MailAppApi {
  constructor(
    private readonly kit: ServiceKit,
    private readonly record: MailRecord,
  ) {}

  getRemainingDailyQuota(): number {
    return this.record.quota;
  }

  /** sendEmail(recipient, subject, body[, options]) or sendEmail({to, subject, body, htmlBody, ...}). */
  sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: unknown): void {
    const message: Record<string, unknown> =
      typeof a === 'object' && a !== null
        ? { ...(a as Record<string, unknown>) }
        : { ...((options ?? {}) as Record<string, unknown>), to: a, subject, body };
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    const everyone = [...to, ...cc, ...bcc];
    if (everyone.length === 0) throw this.kit.realm.error('Failed to send email: no recipient');
    for (const address of everyone) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address) || this.record.failFor.has(address)) {
        throw this.kit.realm.error(`Invalid email: ${address}`);
      }
    }
    if (this.record.quota < everyone.length) throw this.kit.realm.error(QUOTA_EXCEEDED);
    if (message.subject === undefined || message.subject === null) {
      throw this.kit.realm.error('Invalid argument: subject');
    }
    this.record.quota -= everyone.length;
    const sent: SentMail = {
      to: to.join(','),
      subject: String(message.subject),
      body: String(message.body ?? ''),
    };
    for (const key of ['htmlBody', 'name', 'replyTo'] as const) {
      if (message[key] !== undefined) sent[key] = String(message[key]);
    }
    if (cc.length > 0) sent.cc = cc.join(',');
    if (bcc.length > 0) sent.bcc = bcc.join(',');
    this.record.outbox.push(sent);
  }
}
