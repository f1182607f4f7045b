// Entry points of this area (being built).
import type { Registry } from './registry';

export const reminderEntries: Registry = {};
