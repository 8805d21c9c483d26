import type { Page } from 'playwright-core';

/** Sign-up and log-in pages. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async signup(displayName: string, email: string, password: string): Promise<void> {
    await this.submitSignup(displayName, email, password);
    await this.page.waitForURL((url) => !url.pathname.startsWith('/signup'));
  }

  /** Fills and sends the sign-up form without waiting for it to succeed. */
  async submitSignup(displayName: string, email: string, password: string): Promise<void> {
    if (!this.page.url().includes('/signup')) {
      await this.page.getByRole('link', { name: 'Create an account' }).click();
    }
    await this.page.getByLabel('Your name').fill(displayName);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign up' }).click();
  }

  /** The form's error, once shown. */
  async errorText(): Promise<string> {
    const alert = this.page.getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  async login(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
    await this.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await this.page.waitForURL((url) => url.pathname.startsWith('/login'));
  }
}
