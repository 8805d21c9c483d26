import type { Locator, Page } from 'playwright-core';
import { eventually } from '../browser';

/** The spaces list, a space's page and its board, as a person uses them. */
export class SpacePage {
  constructor(readonly page: Page) {}

  async createSpace(name: string): Promise<string> {
    await this.page.getByLabel('Space name').fill(name);
    await this.page.getByRole('button', { name: 'Create space' }).click();
    await this.page.waitForURL(/\/spaces\/[a-f0-9]{24}$/);
    return this.spaceId();
  }

  spaceId(): string {
    const match = /\/spaces\/([a-f0-9]{24})/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a space page: ${this.page.url()}`);
    return match[1];
  }

  /** The partner's link comes from the first-run guide (or the Invite panel once it is put away). */
  async inviteUrl(role: 'partner' | 'counsellor'): Promise<string> {
    await this.page.getByRole('button', { name: role === 'partner' ? 'Invite partner' : 'Invite counsellor' }).click();
    const field = this.page.getByTestId(`invite-url-${role}`);
    await field.waitFor();
    return field.inputValue();
  }

  async acceptInvite(): Promise<void> {
    await this.page.getByRole('button', { name: 'Accept' }).click();
    await this.page.waitForURL(/\/spaces\/[a-f0-9]{24}$/);
  }

  section(title: 'Experiences' | 'Promises' | 'Needs & boundaries' | 'Check-ins' | 'Appreciations'): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** A card by the start of its text (cards are labelled with it). */
  item(label: string): Locator {
    return this.page.getByRole('article', { name: label });
  }

  items(): Locator {
    return this.page.getByTestId('item');
  }

  async addPromise(text: string, visibility: 'Only me' | 'Us' | 'Us + counsellor' = 'Us'): Promise<void> {
    const section = this.section('Promises');
    await section.getByRole('button', { name: 'Add promise' }).click();
    const form = section.getByRole('form', { name: 'New promise' });
    await form.getByLabel(/I promise .* to…/).fill(text);
    await form.getByLabel('Who can see this').selectOption({ label: visibility });
    await form.getByRole('button', { name: 'Propose promise' }).click();
    await this.item(text).waitFor();
  }

  async addExperience(title: string, visibility: 'Only me' | 'Us' | 'Us + counsellor' = 'Us'): Promise<void> {
    const section = this.section('Experiences');
    await section.getByRole('button', { name: 'Add experience' }).click();
    const form = section.getByRole('form', { name: 'New experience' });
    await form.getByLabel('What would you like to do together?').fill(title);
    await form.getByLabel('Who can see this').selectOption({ label: visibility });
    await form.getByRole('button', { name: 'Add to our plans' }).click();
    await this.item(title).waitFor();
  }

  /** Opens a card's details (experience plans are collapsed to one line by default). */
  async openDetails(itemLabel: string): Promise<void> {
    const toggle = this.item(itemLabel).getByRole('button', { name: 'Details', exact: true });
    if ((await toggle.count()) > 0) await toggle.click();
  }

  /** The live text box of a field being edited in place (see `edit`). */
  field(itemLabel: string, fieldLabel: string): Locator {
    return this.item(itemLabel).getByRole('textbox', { name: fieldLabel, exact: true });
  }

  /** Text shows as text: a click turns it into the live text box, which is returned focused. */
  async edit(itemLabel: string, fieldLabel: string): Promise<Locator> {
    const box = this.field(itemLabel, fieldLabel);
    if ((await box.count()) === 0) {
      // As a person with a mouse does: click the words themselves.
      await this.item(itemLabel).locator(`[data-inline="${fieldLabel}"] .inline-text`).click();
    } else {
      await box.click();
    }
    await eventually(`${fieldLabel} to be editable`, async () =>
      box.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    );
    return box;
  }

  /** What a field says, whether it is being edited or shown as text ('' when empty). */
  async textOf(itemLabel: string, fieldLabel: string): Promise<string> {
    const inline = this.item(itemLabel).locator(`[data-inline="${fieldLabel}"]`);
    const box = inline.getByRole('textbox');
    if ((await box.count()) > 0) return box.inputValue();
    const value = inline.locator('.inline-value');
    if ((await value.count()) === 0 || (await value.getAttribute('data-empty')) !== null) return '';
    return (await value.textContent()) ?? '';
  }

  /** Runs one of a card's secondary actions from its "⋯" menu. */
  async menu(itemLabel: string, action: string): Promise<void> {
    await this.item(itemLabel).getByTestId('item-menu').click();
    await this.page.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
  }

  connectionState(): Locator {
    return this.page.getByTestId('connection-state');
  }

  saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  async waitLive(): Promise<void> {
    await eventually('the board to be live', async () => (await this.connectionState().textContent()) === 'Live');
  }

  async waitSaved(): Promise<void> {
    await eventually('all changes to be saved', async () => (await this.saveState().textContent()) === 'All changes saved');
  }
}
