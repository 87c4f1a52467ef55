/**
 * What the tab tests share in the browser: an axe-core scan of the page as it stands, and waiting until a
 * condition the page makes true holds (jest has no built-in poll).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; nodes: { target: unknown }[] }[];
}

/** The axe rules the page breaks, as "rule (where)", so a failing test says what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A dialog fading in has not reached its final colours yet: scan what the user ends up seeing.
  // (Endless ones, such as a spinner's, never finish and are not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
  // Evaluated through the DevTools protocol, not as an inline <script>: the pages' CSP allows no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document) => Promise<AxeResult> } }).axe.run(document),
  );
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
  );
}

export async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
