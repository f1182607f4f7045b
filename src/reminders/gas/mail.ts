// MailApp at the edge: the remaining quota and one send per recipient.
import type { RenderedEmail } from '../render/emails';

/** The sender name recipients see. */
export const SENDER_NAME = 'Results Ladder';

export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends one digest; throws what MailApp throws, so the caller logs the failure against this recipient. */
export function sendDigestEmail(to: string, email: RenderedEmail): void {
  MailApp.sendEmail({
    to,
    subject: email.subject,
    body: email.text,
    htmlBody: email.html,
    name: SENDER_NAME,
  });
}
