// What the reminders endpoints hand the sidebar and the local preview: plain JSON, dates as ISO strings.
import type { Digest, DigestItem } from '../core/types';
import type { Settings } from '../../core/settings';

/** Settings cross to the sidebar as they are stored: numbers, strings and string arrays only. */
export type ReminderSettings = Settings;

export type DigestKind = Digest['kind'];

/** What the next run would do with one digest. `skip: <reason>` when the address is refused. */
export type PreviewStatus = 'would send' | 'defer' | `skip: ${string}`;

/** One row of the panel's preview: exactly which emails the next run would send. */
export interface ReminderPreviewRow {
  readonly recipient: string;
  readonly kind: DigestKind;
  readonly subject: string;
  /** Items listed in the email (after the remind-every window removed the ones sent recently). */
  readonly items: number;
  readonly status: PreviewStatus;
}

/** One item of a digest, with a link to its row. */
export interface ReminderItemView extends Omit<DigestItem, 'kind' | 'severity'> {
  readonly kind: string;
  readonly link: string;
}

/** A planned digest in full, as `previewReminders()` returns it (the local preview writes these as files). */
export interface ReminderPreviewDigest extends ReminderPreviewRow {
  readonly urgency: number;
  readonly itemList: readonly ReminderItemView[];
  /** Items left out of the email to keep it readable; they stay due and come in a later digest. */
  readonly moreItems: number;
  readonly text: string;
  readonly html: string;
}

export interface ReminderPreview {
  /** The day the plan is for, 'YYYY-MM-DD' in the spreadsheet's time zone. */
  readonly today: string;
  /** MailApp.getRemainingDailyQuota() when the plan was made. */
  readonly quota: number;
  readonly digests: readonly ReminderPreviewDigest[];
  /** Settings problems (a damaged stored value replaced by its default). */
  readonly problems: readonly string[];
}

/** One row of `Reminder log`, newest first in the panel. */
export interface ReminderLogRow {
  /** ISO date-time. */
  readonly time: string;
  readonly recipient: string;
  readonly kind: string;
  /** The item keys (or account ids) the row is about, one per line in the sheet. */
  readonly accounts: string;
  /** sent / skipped / deferred / failed / run */
  readonly status: string;
  readonly detail: string;
}

/** `getReminderPanel()`: the Reminders & settings panel in one call. */
export interface ReminderPanel {
  readonly settings: ReminderSettings;
  /** The signed-in user may change reminder settings (they own reminders, or nobody does yet). */
  readonly canEdit: boolean;
  /** The signed-in user may change the thresholds that define health (the leader; docs/rules.md §6). */
  readonly canEditThresholds: boolean;
  /** The spreadsheet's time zone: the reminder hour is in it. */
  readonly timeZone: string;
  /** Each setting's label in words, e.g. reminderHour → "Reminder hour". */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * What turning reminders on would use (recipients, leader, allowed domains, changes made while off) and
   * the token that confirms exactly that; null while the user's own trigger is on.
   */
  readonly confirmation: { readonly text: string; readonly token: string } | null;
  /** The user who turned reminders on ('' when nobody has). */
  readonly owner: string;
  /** The signed-in user's email ('' when Apps Script does not reveal it). */
  readonly user: string;
  /**
   * The signed-in user owns reminders and their trigger is installed. Apps Script shows each user only their
   * own triggers, so for anyone else this is false and `remindersStatus` says who owns them.
   */
  readonly remindersOn: boolean;
  /** In words: "Reminders are on: daily at 08:00." / "Reminders are owned by maya@… (daily at 08:00); …" / "Reminders are off." */
  readonly remindersStatus: string;
  /** How the trigger fires, in words: "daily at 08:00" / "weekly on Monday at 08:00". */
  readonly schedule: string;
  /** MailApp.getRemainingDailyQuota(). */
  readonly quota: number;
  readonly preview: readonly ReminderPreviewRow[];
  /** The latest `Reminder log` rows, newest first (at most 20). */
  readonly lastRuns: readonly ReminderLogRow[];
  /** "Last run: <status> — why (time)", from the log or the owner's own record of a run that could not log; or "No run yet". */
  readonly lastRunStatus: string;
  /** Settings problems and why the preview could not be made, in plain words. */
  readonly problems: readonly string[];
}

/**
 * `saveReminderSettings(payload)`: any subset of the settings. Reminder fields are refused unless the
 * signed-in user owns reminders (or nobody does); thresholds unless they are the leader. A different
 * `remindersOwner` is always refused: only turning reminders on or off sets it.
 */
export type SaveReminderSettingsPayload = Partial<ReminderSettings>;

export type SaveReminderSettingsResult =
  | { readonly ok: true; readonly panel: ReminderPanel }
  | { readonly ok: false; readonly message: string; readonly field?: string };

/**
 * `setRemindersOn(payload)`: the sidebar's switch. `on: true` needs the `token` of the confirmation the panel
 * showed (refused, with a fresh confirmation, if the settings changed since); `on: false` as the menu does.
 */
export interface SetRemindersOnPayload {
  readonly on: boolean;
  readonly token?: string;
}

export interface SetRemindersOnResult {
  readonly ok: boolean;
  readonly message: string;
  readonly confirmation?: { readonly text: string; readonly token: string };
  readonly panel?: ReminderPanel;
}
