// Chart colours a leader can read on a white chart: every series at least 3:1 against white (WCAG 1.4.11, non-text
// contrast), rungs one sequence from grey (None) through light to dark blue, health never mistaken for a rung.
import { describe, expect, it } from 'vitest';
import { contrastOnWhite, HEALTH_SERIES, RUNG_SERIES } from '../../src/render/palette';
import { HEALTHS, RUNG_NAMES } from '../../src/core/types';

describe('chart palette', () => {
  it.each([...RUNG_NAMES.map((r) => [r, RUNG_SERIES[r]]), ...HEALTHS.map((h) => [h, HEALTH_SERIES[h]])])(
    '%s (%s) is at least 3:1 on white',
    (_, colour) => {
      expect(contrastOnWhite(colour)).toBeGreaterThanOrEqual(3);
    },
  );

  it('None draws darker than the faint #bdc1c6 it used to be', () => {
    expect(contrastOnWhite('#bdc1c6')).toBeLessThan(3);
    expect(contrastOnWhite(RUNG_SERIES.None)).toBeGreaterThan(contrastOnWhite('#bdc1c6'));
  });

  it('rungs darken in order from Activity to Result, so a higher rung reads as more', () => {
    const blues = RUNG_NAMES.slice(1).map((r) => contrastOnWhite(RUNG_SERIES[r]));
    for (let i = 1; i < blues.length; i++) expect(blues[i]).toBeGreaterThan(blues[i - 1] + 0.5);
  });

  it('no rung colour is a health colour', () => {
    for (const r of RUNG_NAMES) expect(Object.values(HEALTH_SERIES)).not.toContain(RUNG_SERIES[r]);
  });
});
