import type { Locator, Page } from 'playwright-core';

/** "Our journey" on a space page, as a person reads it. */
export class JourneyPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('journey');
  }

  basis(): Locator {
    return this.page.getByTestId('journey-basis');
  }

  /** The one-sentence summary of a chart card, by the card's test id. */
  summaryOf(cardTestId: string): Locator {
    return this.page.getByTestId(cardTestId).getByTestId('summary');
  }

  async text(locator: Locator): Promise<string> {
    return (await locator.textContent()) ?? '';
  }

  async range(label: '4 weeks' | '12 weeks' | 'A year' | 'Everything'): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
  }
}
