// The colours every view shares: health as traffic lights, rungs as one sequential blue palette (never green/yellow/red).
import type { Health, RungName } from '../core/types';

/** Cell fills for health (dark text stays readable on them): the Ladder sheet and the Dashboard. */
export const HEALTH_FILLS: Readonly<Record<Health, string>> = {
  Green: '#b7e1cd',
  Yellow: '#fce8b2',
  Red: '#f4c7c3',
};

/**
 * Chart series for health: Green draws green, Yellow a dark yellow, Red red, each at least 3:1 on a white chart
 * (WCAG 1.4.11 non-text contrast; test/unit/palette.test.ts): Google's #f9ab00 yellow is 1.9:1 and faded out.
 */
export const HEALTH_SERIES: Readonly<Record<Health, string>> = {
  Green: '#188038',
  Yellow: '#bf8a00',
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

/**
 * Chart series for rungs, in RUNG_NAMES order: None in grey, then the blue sequence light to dark. Each is at least
 * 3:1 on a white chart (the old None, #bdc1c6, was 1.8:1 and Activity 1.7:1: bars and lines that faded out).
 */
export const RUNG_SERIES: Readonly<Record<RungName, string>> = {
  None: '#80868b',
  Activity: '#4285f4',
  Adoption: '#185abc',
  Outcome: '#0842a0',
  Result: '#041e49',
};

/** WCAG contrast ratio of a #rrggbb colour against white (1 to 21). */
export function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}
