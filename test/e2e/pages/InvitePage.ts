import type { Locator, Page } from 'playwright-core';

/** The page an invitation link opens (/invite/:token). */
export class InvitePage {
  constructor(readonly page: Page) {}

  async open(urlOrToken: string): Promise<void> {
    await this.page.goto(urlOrToken.startsWith('http') ? urlOrToken : `/invite/${urlOrToken}`);
    await this.card().waitFor();
  }

  card(): Locator {
    return this.page.getByTestId('invite-card');
  }

  /** open, used, revoked, expired, full, already_member or not_found (from the checked link). */
  state(): Promise<string | null> {
    return this.card().getAttribute('data-state');
  }

  title(): Promise<string> {
    return this.card().getByRole('heading', { level: 1 }).innerText();
  }

  explanation(): Promise<string> {
    return this.card().getByTestId('invite-explanation').innerText();
  }

  acceptButton(): Locator {
    return this.page.getByRole('button', { name: 'Accept' });
  }
}
