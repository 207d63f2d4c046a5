import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';

const AXE = require.resolve('axe-core/axe.min.js');

/** Runs axe-core on the page as it is; fails with each violation, its rule and the elements. */
export async function axe(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axeRun = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Tabster's focus guards (<i data-tabster-dummy>, Fluent's focus management) are focusable for an
    // instant by design and hand the focus on at once; everything else is checked.
    const result = await axeRun.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${where}:\n${violations.join('\n')}`);
}
