import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually } from '../browser';
import { showSection } from './SpaceSections';

export type ExerciseTitle = 'Together check-in' | 'Speaker and listener' | 'Question deck' | 'Promise review';

/** The live exercises as a person uses them: the side card, the join prompt, the focused view. */
export class ExercisePages {
  constructor(readonly page: Page) {}

  /** The card beside the board ("Do something together" / "… in progress"). */
  card(): Locator {
    return this.page.getByRole('region', { name: /Do something together|in progress$/ });
  }

  /** Brings the card into view: on a phone it is behind "Together" in the bottom navigation. */
  async showCard(): Promise<void> {
    await showSection(this.page, 'Together');
  }

  prompt(): Locator {
    return this.page.getByRole('region', { name: 'Exercise invitation' });
  }

  /** The focused view of the running exercise. */
  view(): Locator {
    return this.page.getByRole('dialog');
  }

  async start(title: ExerciseTitle): Promise<void> {
    await this.showCard();
    await this.card()
      .getByRole('button', { name: `Start ${title.toLowerCase()}` })
      .click();
    await this.view().getByRole('heading', { name: title }).waitFor();
  }

  /** The opening "ready?" step every exercise starts with. */
  readyStep(): Locator {
    return this.view().getByTestId('ready-step');
  }

  /** Confirms the "ready?" step; with `partner`, checks the "waiting for" line that follows. */
  async ready(partner?: string): Promise<void> {
    await this.readyStep().getByRole('button', { name: 'I’m ready' }).click();
    if (partner) await this.readyStep().getByText(`You’re ready · waiting for ${partner}`).waitFor();
  }

  /** Waits for "<who> started …" and joins from the prompt. */
  async joinFromPrompt(text: string | RegExp): Promise<void> {
    await this.prompt().getByText(text).waitFor();
    await this.prompt().getByRole('button', { name: 'Join' }).click();
    await this.view().waitFor();
  }

  async backToBoard(): Promise<void> {
    await this.view().getByRole('button', { name: 'Back to board' }).first().click();
    await this.view().waitFor({ state: 'detached' });
  }

  controls(): Locator {
    return this.view().getByRole('group', { name: 'Exercise controls' });
  }

  async pause(): Promise<void> {
    await this.controls().getByRole('button', { name: 'Pause for both' }).click();
  }

  async resume(): Promise<void> {
    await this.controls().getByRole('button', { name: 'Resume for both' }).click();
  }

  async endEarly(): Promise<void> {
    await this.controls().getByRole('button', { name: 'End exercise early' }).click();
    await this.controls().getByRole('button', { name: 'Yes, end it for both' }).click();
  }

  async waitPaused(paused: boolean): Promise<void> {
    await eventually(paused ? 'the exercise to be paused' : 'the exercise to run again', async () => {
      // allTextContents does not wait: the line is absent when nobody has the turn.
      const turn = (await this.view().getByTestId('exercise-turn').allTextContents()).join('');
      return turn.startsWith('Paused') === paused;
    });
  }

  async waitDone(text: string | RegExp): Promise<void> {
    await this.view().getByRole('heading', { name: text }).waitFor();
  }

  /** Nothing on the page scrolls sideways (a 375 px phone). */
  async expectNoSideways(width = 375): Promise<void> {
    // A string, evaluated in the page: the test workspace has no DOM types.
    const scrollWidth = await this.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(width);
    // The focused view scrolls on its own: it must not overflow sideways either.
    const inner = await this.page.evaluate<number>(
      "(() => { const b = document.querySelector('.ex-focus-body'); return b ? b.scrollWidth - b.clientWidth : 0; })()",
    );
    expect(inner).toBeLessThanOrEqual(0);
  }
}
