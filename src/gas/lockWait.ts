// How long the long runs (Refresh dashboard, the daily reminder run) wait for the document lock before giving up.

/**
 * Refresh dashboard, the reminder run and sidebar saves all take the document lock and hold it for seconds, so a
 * long run waits this long: a short wait would let one click fail a refresh or cost the day's reminders. A run that
 * still cannot get the lock says so (Refresh dashboard throws; the reminder run logs that it skipped).
 */
export const LOCK_WAIT_MS = 30_000;
