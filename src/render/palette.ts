// The colours every view shares: health as traffic lights, rungs as one sequential blue palette (never green/yellow/red).
import type { Health, RungName } from '../core/types';

/** Cell fills for health (dark text stays readable on them): the Ladder sheet and the Dashboard. */
export const HEALTH_FILLS: Readonly<Record<Health, string>> = {
  Green: '#b7e1cd',
  Yellow: '#fce8b2',
  Red: '#f4c7c3',
};

/** Chart series for health, in HEALTHS order: Green draws green, Yellow yellow, Red red. */
export const HEALTH_SERIES: Readonly<Record<Health, string>> = {
  Green: '#188038',
  Yellow: '#f9ab00',
  Red: '#d93025',
};

/**
 * Cell fills for rungs: one light-to-dark blue sequence, so a higher rung reads as "more", and no rung can be
 * mistaken for a health colour ("Result | Red" no longer reads as green beside red).
 */
export const RUNG_FILLS: Readonly<Record<RungName, string>> = {
  None: '#f1f3f4',
  Activity: '#e8f0fe',
  Adoption: '#d2e3fc',
  Outcome: '#aecbfa',
  Result: '#8ab4f8',
};

/** Chart series for rungs, in RUNG_NAMES order: the same blue sequence, dark enough to draw lines. */
export const RUNG_SERIES: Readonly<Record<RungName, string>> = {
  None: '#bdc1c6',
  Activity: '#a8c7fa',
  Adoption: '#669df6',
  Outcome: '#1a73e8',
  Result: '#0b3d91',
};
