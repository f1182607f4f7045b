// Digest emails in Chromium at a 375 px phone width: nothing wider than the screen, for the owner and the leader.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDigests, emailPage, launch, PHONE_WIDTH } from '../../scripts/emailShots';

describe('digest emails at 375 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['owner', 'leader'] as const)(
    'the %s digest fits the screen without scrolling sideways',
    async (kind) => {
      const digest = demoDigests()[kind];
      const page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 800 } });
      await page.setContent(emailPage(digest));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE_WIDTH);
      // Grouped by account: no account is listed twice.
      const labels = await page.evaluate(() =>
        [...document.querySelectorAll('a[href*="#gid="]')].map((a) => a.textContent),
      );
      expect(new Set(labels).size).toBe(labels.length);
      await page.close();
    },
  );
});
