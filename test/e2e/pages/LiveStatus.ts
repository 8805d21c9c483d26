import type { Locator, Page } from 'playwright-core';
import { eventually } from '../browser';

/** What the live status shows on any page: notices, a closed space, the space switcher. */
export class LiveStatus {
  constructor(readonly page: Page) {}

  notices(): Locator {
    return this.page.getByTestId('live-notice');
  }

  async waitNotice(text: string): Promise<void> {
    await this.notices().filter({ hasText: text }).first().waitFor();
  }

  unavailable(): Locator {
    return this.page.getByTestId('space-unavailable');
  }

  /** Names in the header's space switcher (without "All spaces"). */
  async switcherSpaces(): Promise<string[]> {
    const select = this.page.getByLabel('Switch space');
    if ((await select.count()) === 0) return [];
    return (await select.locator('option').allInnerTexts()).filter((t) => t !== 'All spaces');
  }

  /** Marks the document; `notReloaded()` is false after any reload or full navigation. */
  async markLoaded(): Promise<void> {
    await this.page.evaluate('window.__hearthMark = true');
  }

  notReloaded(): Promise<boolean> {
    return this.page.evaluate<boolean>('window.__hearthMark === true');
  }

  /** The 375 px rule: nothing may need sideways scrolling. */
  async assertNoHorizontalScroll(where: string): Promise<void> {
    await eventually(
      `${where}: no horizontal scrolling`,
      async () => this.page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth'),
      5_000,
    );
  }
}
