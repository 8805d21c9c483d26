import type { Page } from 'playwright-core';

export type SpaceSection = 'Board' | 'Together' | 'Journey' | 'People';

/**
 * On a phone (≤ 640 px) a space page shows one section at a time, chosen in the bottom
 * navigation; wider, everything shows side by side and this does nothing.
 */
export async function showSection(page: Page, name: SpaceSection): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Space sections', includeHidden: true });
  await nav.waitFor({ state: 'attached', timeout: 20_000 });
  if (!(await nav.isVisible())) return;
  const item = nav.locator('a, button').filter({ hasText: name });
  await item.click();
  await page.waitForFunction((label) => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
    return doc.querySelector('.bottom-nav [aria-current="page"]')?.textContent?.trim() === label;
  }, name);
}
