// axe-core run in a page: the serious and critical violations, one line each ("rule: [target]").
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function seriousViolations(p: Page): Promise<string[]> {
  await p.addScriptTag({ path: AXE });
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}
