import { describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { screenshot } from './browser';
import { browserJourney } from './journeySetUp';
import { DESKTOP, PHONE } from './people';
import { AuthPages } from './pages/AuthPages';

// Signing up with a common password is refused with a clear reason; a good one works. A name
// of only spaces is asked for next to the field; the page speaks to whoever an invitation is for.
const journey = browserJourney('signup-failure');
const run = Date.now().toString(36);
const loggedOut = /Failed to load resource: the server responded with a status of 401/;
/** Each form is tried by a partner on a desktop and one on a phone. */
const PARTNERS = [
  ['Alex', DESKTOP],
  ['Sam', PHONE],
] as const;

describe('sign-up password strength', { timeout: 60_000 }, () => {
  it('refuses "password12" with a reason, then accepts a strong password', async () => {
    for (const [name, viewport] of PARTNERS) {
      const { page } = await journey.people.open(name, undefined, viewport);
      await page.goto('/signup');
      const auth = new AuthPages(page);
      await auth.submitSignup(name, `${name.toLowerCase()}-${run}@example.com`, 'password12');
      const error = await auth.errorText();
      expect(error).toMatch(/^Please choose a password that is harder to guess\. This is a commonly used password\./);
      expect(page.url()).toContain('/signup');
      await screenshot(page, `signup-weak-password-${viewport.width}`);
      await auth.signup(name, `${name.toLowerCase()}-${run}@example.com`, 'lantern orchard twelve');
      expect(new URL(page.url()).pathname).not.toContain('/signup');
    }
    // The only errors the browser reported: the refused attempts (one 400 each) and the
    // logged-out page's own "who am I" check (401), which Chromium logs as failed loads.
    const refused = /Failed to load resource: the server responded with a status of 400/;
    expect(journey.people.errors.filter((e) => refused.test(e))).toHaveLength(2);
    journey.people.assertNoErrors(/Failed to load resource: the server responded with a status of 40[01]/);
  });
});

describe('sign-up words', { timeout: 60_000 }, () => {
  it('asks for a name next to the field when only spaces were typed, and keeps them', async () => {
    for (const [name, viewport] of PARTNERS) {
      const { page } = await journey.people.open(`${name} (blank name)`, undefined, viewport);
      await page.goto('/signup');
      const auth = new AuthPages(page);
      await auth.submitSignup('   ', `${name.toLowerCase()}-blank-${run}@example.com`, 'lantern orchard twelve');
      expect(await auth.errorText()).toBe('Please enter your name');
      const field = page.getByLabel('Your name');
      expect(await field.inputValue()).toBe('   ');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      // The message belongs to the field: read out with it, shown right under it.
      const problemId = await page.getByTestId('problem-displayName').getAttribute('id');
      expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain(problemId);
      expect(await page.evaluate<boolean>('document.activeElement?.getAttribute("name") === "displayName"')).toBe(true);
      expect(page.url()).toContain('/signup');
      expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
      await screenshot(page, `signup-blank-name-${viewport.width}`);
      await field.fill(name);
      expect(await page.getByTestId('problem-displayName').count()).toBe(0);
      await auth.signup(name, `${name.toLowerCase()}-blank-${run}@example.com`, 'lantern orchard twelve');
    }
    // Nothing was sent for the blank name: no refused request, only the logged-out "who am I".
    journey.people.assertNoErrors(loggedOut);
  });

  it('speaks to a counsellor who signs up from a counsellor invitation, and to a partner from theirs', async () => {
    const alex = new ApiClient(journey.server.baseUrl);
    await alex.signup('Alex');
    const space = await alex.createSpace('Alex & Sam');
    const forCounsellor = await alex.invite(space.id, 'counsellor');
    const forPartner = await alex.invite(space.id, 'partner');

    const robin = await journey.people.open('Robin', undefined, DESKTOP);
    await robin.page.goto(`/invite/${forCounsellor.token}`);
    await robin.page.getByRole('link', { name: 'Create an account' }).click();
    await robin.page.getByText('How the couple sees you, e.g. with your title.').waitFor();
    const robinCard = await robin.page.getByRole('main').innerText();
    expect(robinCard).toContain('you come straight back to the couple’s invitation');
    expect(robinCard).not.toMatch(/invite your partner|How your partner sees you/);
    await screenshot(robin.page, 'signup-counsellor-1280');
    await robin.page.setViewportSize(PHONE);
    await screenshot(robin.page, 'signup-counsellor-375');
    await robin.page.setViewportSize(DESKTOP);
    await new AuthPages(robin.page).signup('Dr Robin Hale', `robin-${run}@example.com`, 'lantern orchard twelve');
    await robin.page.waitForURL(/\/invite\//);
    await robin.page.getByRole('button', { name: 'Accept' }).waitFor();

    const sam = await journey.people.open('Sam (invited)', undefined, PHONE);
    await sam.page.goto(`/invite/${forPartner.token}`);
    await sam.page.getByRole('link', { name: 'Create an account' }).click();
    await sam.page.getByText('you come straight back to your partner’s invitation').waitFor();
    const samCard = await sam.page.getByRole('main').innerText();
    expect(samCard).toContain('How your partner sees you.');
    expect(samCard).not.toContain('You will invite your partner');
    await screenshot(sam.page, 'signup-partner-invite-375');

    // Without an invitation: a couple's first steps, as before.
    const own = await journey.people.open('Kim', undefined, PHONE);
    await own.page.goto('/signup');
    await own.page.getByText('You will invite your partner from inside your space.').waitFor();
    journey.people.assertNoErrors(loggedOut);
  });
});
