import type { Locator, Page } from 'playwright-core';
import { showSection } from './SpaceSections';

/** A partner's "Counsellor access" panel beside the board. */
export class ConsentPanel {
  constructor(readonly page: Page) {}

  /** Brings the panel into view: on a phone it is behind "People" in the bottom navigation. */
  async show(): Promise<void> {
    await showSection(this.page, 'People');
  }

  panel(): Locator {
    return this.page.getByTestId('consent-panel');
  }

  row(counsellorName: string): Locator {
    return this.panel().getByTestId('consent-row').filter({ hasText: counsellorName });
  }

  async consent(counsellorName: string): Promise<void> {
    await this.row(counsellorName).getByRole('button', { name: 'I consent' }).click();
  }

  withdrawButton(counsellorName: string): Locator {
    return this.row(counsellorName).getByRole('button', { name: 'Withdraw consent' });
  }

  /** Withdraws, accepting the "for good" confirmation. */
  async withdraw(counsellorName: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.withdrawButton(counsellorName).click();
  }
}
