/**
 * The designers' gallery (demo/gallery.html) served by the real demo dev server (Vite, with the
 * embedded emulator, as `npm start` runs it) in headless Chromium: it loads cleanly and offline,
 * axe finds nothing, and its controls change what is shown and survive a reload.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { GuardedPage } from '@assent/testkit/browser';
import { describeViolations, openDemoPage, runAxe as axe, useDemo, type TestContextLike } from '../support/demo-session.js';

const site = useDemo();

const STATE_CARDS = [
  'terms-default',
  'terms-checked',
  'terms-invalid',
  'terms-disabled',
  'terms-purposes',
  'terms-loading',
  'terms-error',
  'terms-rtl',
  'terms-long',
  'signup-idle',
  'signup-invalid',
  'signup-busy',
  'signup-success',
];
const ACCOUNT_CARDS = ['status-given', 'status-withdrawn', 'status-none', 'withdraw-idle', 'withdraw-error', 'reconsent-required', 'reconsent-offer'];
const ELEMENTS = 'assent-terms, assent-signup-form, assent-consent-status, assent-withdraw-button, assent-reconsent';

/** Opens the gallery (with `query`) and waits until every state card is set up. */
async function openGallery(t: TestContextLike, query = ''): Promise<GuardedPage> {
  // The error cards log on purpose; the page test checks the gallery's console against that list.
  const session = await openDemoPage(t, site, `gallery.html${query}`, { expectedErrors: 'any' });
  await waitForGallery(session.page);
  return session;
}

async function waitForGallery(page: Page): Promise<void> {
  await page.locator('html[data-gallery-ready="true"]').waitFor({ state: 'attached' });
  // The policy file and the language modules load after the first render.
  await page.locator('#terms-purposes assent-terms input[type="checkbox"]').nth(2).waitFor();
  await page.locator('#terms-error assent-terms [part="error"]').waitFor();
  // The account elements read their (in-memory) user after the first render.
  await page.locator('#status-given [part="history"]').waitFor();
  await page.locator('#reconsent-offer [part="notice"]').waitFor();
  await page.locator('#withdraw-error [role="alert"]').waitFor();
}

/** The sentence next to the required box of the "default" card. */
function defaultLabel(page: Page): Promise<string> {
  return page.locator('#terms-default assent-terms label[for="required"]').innerText();
}

describe('the designers gallery', () => {
  test('shows every state card with its element rendered, with no page error and no request leaving the machine', async (t) => {
    const { page, diagnostics } = await openGallery(t);
    for (const id of [...STATE_CARDS, ...ACCOUNT_CARDS]) {
      const rendered = await page
        .locator(`#${id} :is(${ELEMENTS})`)
        .first()
        .evaluate((element) => (element.shadowRoot ?? element).childElementCount > 0);
      assert.equal(rendered, true, `card ${id} shows nothing\n${diagnostics()}`);
    }
    assert.equal(await page.locator('#terms-checked input#required').isChecked(), true, 'the "checked" card is ticked');
    assert.equal(await page.locator('#terms-disabled input#required').isDisabled(), true, 'the "disabled" card is disabled');
    assert.notEqual((await page.locator('#terms-invalid [part="error"]').innerText()).trim(), '', 'the "invalid" card shows its error');
    assert.equal(await page.locator('#terms-loading [part="base"]').getAttribute('aria-busy'), 'true', 'the "loading" card is busy');
    assert.equal(await page.locator('#terms-rtl [part="base"]').evaluate((base) => getComputedStyle(base).direction), 'rtl');
  });

  test('the signup form is shown busy while the answer does not come, and after a successful signup', async (t) => {
    const { page } = await openGallery(t);
    await page
      .locator('#signup-busy form.assent-form[aria-busy="true"]')
      .waitFor({ timeout: 5000 })
      .catch(async () => assert.fail(`not busy:\n${await page.locator('#signup-busy').innerText()}`));
    assert.equal(await page.locator('#signup-busy button[type="submit"]').getAttribute('aria-disabled'), 'true');
    await page.locator('#signup-success .assent-success').waitFor();
    assert.equal(await page.locator('#signup-success form.assent-form').isHidden(), true, 'the form gives way to the success message');
  });

  test('the consent status shows a history of three decisions, a withdrawal, and no consent', async (t) => {
    const { page } = await openGallery(t);
    assert.equal(await page.locator('#status-given [part="history"] > li').count(), 3);
    assert.match(await page.locator('#status-given [part="summary"]').innerText(), /Given/i);
    assert.match(await page.locator('#status-withdrawn [part="summary"]').innerText(), /Withdrawn/i);
    assert.equal(await page.locator('#status-withdrawn [part="history"] > li').count(), 2);
    assert.match(await page.locator('#status-none [part="summary"]').innerText(), /None recorded/);
  });

  test('the withdraw button opens its dialog, and shows the error of a refused token', async (t) => {
    const { page } = await openGallery(t);
    const button = page.locator('#withdraw-idle assent-withdraw-button');
    await button.locator('[part="button"]').click();
    assert.equal(await button.evaluate((element) => (element as HTMLElement & { open: boolean }).open), true);
    const withDialog = await axe(page);
    assert.deepEqual(withDialog.violations, [], describeViolations(withDialog));
    await page.keyboard.press('Escape');
    assert.equal(await button.evaluate((element) => (element as HTMLElement & { open: boolean }).open), false);
    assert.match(await page.locator('#withdraw-error [role="alert"]').innerText(), /\S/);
    assert.equal(await page.locator('#withdraw-error [part="button"]').count(), 0, 'nothing to withdraw is offered when the consent cannot be read');
  });

  test('re-consent lists the changed terms on demand, and offers a new optional purpose in a notice', async (t) => {
    const { page } = await openGallery(t);
    assert.equal(await page.locator('#reconsent-offer [part="notice"]').isVisible(), true);
    const reconsent = page.locator('#reconsent-required assent-reconsent');
    assert.equal(await reconsent.evaluate((element) => (element as HTMLElement & { open: boolean }).open), false, 'the dialog does not cover the gallery on load');
    await page.locator('#reconsent-required button.gallery-show').click();
    await reconsent.locator('[part="dialog"][open]').waitFor();
    assert.match(await reconsent.locator('[part="changes"]').innerText(), /3\.2/);
    const withDialog = await axe(page);
    assert.deepEqual(withDialog.violations, [], describeViolations(withDialog));
    await reconsent.locator('[part="decline"]').click();
    assert.equal(await reconsent.evaluate((element) => (element as HTMLElement & { open: boolean }).open), false);
  });

  test('the all-widths mode shows the chosen state in three columns, phone, tablet and desktop, and a reload keeps it', async (t) => {
    const { page } = await openGallery(t);
    await page.locator('#control-width').selectOption('all');
    await page.locator('#control-card').selectOption('status-given');
    await page.locator('html[data-gallery-ready="true"] #status-given-desktop [part="history"]').waitFor();
    assert.match(page.url(), /width=all/);
    assert.match(page.url(), /card=status-given/);
    const widths = () => page.locator('.gallery-column .gallery-card').evaluateAll((cards) => cards.map((card) => [card.id, card.getBoundingClientRect().width]));
    assert.deepEqual(await widths(), [
      ['status-given-phone', 360],
      ['status-given-tablet', 768],
      ['status-given-desktop', 1200],
    ]);
    assert.deepEqual(await page.locator('.gallery-column-width').allInnerTexts(), ['Phone (360 px)', 'Tablet (768 px)', 'Desktop (1200 px)']);
    const results = await axe(page);
    assert.deepEqual(results.violations, [], describeViolations(results));

    await page.reload();
    await page.locator('html[data-gallery-ready="true"] #status-given-desktop [part="history"]').waitFor();
    assert.equal(await widths().then((found) => found.length), 3);
    await page.locator('#control-width').selectOption('tablet');
    await waitForGallery(page);
    assert.equal(await page.locator('.gallery-column').count(), 0, 'back to every card at one width');
  });

  test('axe reports no violation, in light and in dark', async (t) => {
    const light = await openGallery(t);
    const lightResults = await axe(light.page);
    assert.ok(lightResults.passes.length > 0, 'axe ran');
    assert.deepEqual(lightResults.violations, [], describeViolations(lightResults));
    const dark = await openGallery(t, '?scheme=dark');
    const darkResults = await axe(dark.page);
    assert.deepEqual(darkResults.violations, [], describeViolations(darkResults));
  });

  test('the language control translates the elements, and a reload keeps the language', async (t) => {
    const { page } = await openGallery(t);
    assert.match(await defaultLabel(page), /I agree to the Terms of Service/);
    await page.locator('#control-lang').selectOption('de');
    await page.waitForFunction(() => /Ich akzeptiere/.test(document.querySelector('#terms-default assent-terms')?.shadowRoot?.querySelector('label[for="required"]')?.textContent ?? ''));
    assert.match(page.url(), /[?&]lang=de\b/);
    assert.match(await page.locator('#terms-rtl assent-terms label[for="required"]').innerText(), /أوافق/, 'the RTL card stays in Arabic');

    await page.reload();
    await waitForGallery(page);
    assert.equal(await page.locator('#control-lang').inputValue(), 'de');
    assert.match(await defaultLabel(page), /Ich akzeptiere/);
  });

  test('a theme token reaches the elements and the CSS block, and a reload keeps it', async (t) => {
    const { page } = await openGallery(t);
    const accentOfCheckbox = () => page.locator('#terms-default assent-terms').evaluate((element) => getComputedStyle(element).getPropertyValue('--assent-accent').trim());
    assert.equal(await accentOfCheckbox(), '');
    await page.locator('#token-accent').fill('rgb(200, 0, 100)');
    assert.equal(await accentOfCheckbox(), 'rgb(200, 0, 100)');
    assert.match(await page.locator('#theme-css').innerText(), /--assent-accent: rgb\(200, 0, 100\);/);

    await page.reload();
    await waitForGallery(page);
    assert.equal(await page.locator('#token-accent').inputValue(), 'rgb(200, 0, 100)');
    assert.equal(await accentOfCheckbox(), 'rgb(200, 0, 100)');
  });

  test('refuses a theme value that is not CSS of its kind and says which one', async (t) => {
    const { page } = await openGallery(t, '?radius=red%7D%20body%7Bdisplay:none');
    assert.match(await page.locator('#token-problems').innerText(), /Corner radius/);
    assert.equal(await page.locator('#token-radius').getAttribute('aria-invalid'), 'true');
    assert.doesNotMatch(await page.locator('#theme-css').innerText(), /--assent-radius/);
    assert.equal(await page.locator('body').isVisible(), true);
  });

  test('the dark scheme and the width control change the stage', async (t) => {
    const { page } = await openGallery(t);
    const card = page.locator('#terms-default');
    const phoneWidth = (await card.boundingBox())?.width;
    await page.locator('#control-scheme').selectOption('dark');
    await page.locator('#control-width').selectOption('tablet');
    assert.equal(await page.locator('#stage').evaluate((stage) => getComputedStyle(stage).colorScheme), 'dark');
    assert.equal(phoneWidth, 360);
    assert.equal((await card.boundingBox())?.width, 768);
    assert.match(page.url(), /scheme=dark/);
    assert.match(page.url(), /width=tablet/);
  });

  test('has an API reference for every element of custom-elements.json, with HTML and React snippets', async (t) => {
    const { page } = await openGallery(t);
    const tags = ['assent-terms', 'assent-signup-form', 'assent-consent-status', 'assent-withdraw-button', 'assent-reconsent'];
    for (const tag of tags) assert.equal(await page.locator(`#api-${tag}`).count(), 1, `no API section for <${tag}>`);
    const attributes = await page.locator('#api-assent-terms table', { hasText: 'Attributes of' }).innerText();
    assert.match(attributes, /policy-src/);
    const events = await page.locator('#api-assent-terms table', { hasText: 'Events of' }).innerText();
    assert.match(events, /assent-change/);
    assert.match(await page.locator('#api-assent-terms figure', { hasText: 'React 19' }).innerText(), /onassent-change=/);
    assert.match(await page.locator('#api-assent-terms figure', { hasText: 'Plain HTML' }).innerText(), /<assent-terms name="consent" policy-src=/);
  });

  test('shows the API descriptions with code as code, never as raw Markdown backticks', async (t) => {
    const { page } = await openGallery(t);
    assert.doesNotMatch(await page.locator('#api').innerText(), /`/);
    assert.ok((await page.locator('#api td code').count()) > 10, 'names, types and code spans are <code>');
  });

  test('shows every snippet whole, and its Copy button puts exactly the snippet on the clipboard', async (t) => {
    const { page, context } = await openGallery(t);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const figure = page.locator('#api-assent-terms figure', { hasText: 'Plain HTML' });
    const code = figure.locator('pre');
    assert.ok(await code.evaluate((pre) => pre.scrollWidth <= pre.clientWidth && pre.scrollHeight <= pre.clientHeight), 'nothing is cut off or scrolled');
    await figure.getByRole('button', { name: 'Copy' }).click();
    await figure.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code.textContent());
  });

  test('the playground has a knob for every attribute custom-elements.json lists, and the knobs change the live element and its HTML', async (t) => {
    const { page } = await openGallery(t);
    await page.getByLabel('Element', { exact: true }).selectOption('assent-terms');
    const manifest = JSON.parse(await readFile(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8')) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[]; cssProperties?: { name: string }[] }[] }[];
    };
    const terms = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'assent-terms');
    const knobs = page.locator('#playground-knobs');
    for (const { name } of terms?.attributes ?? []) if (name !== 'lang') assert.equal(await knobs.getByLabel(name, { exact: true }).count(), 1, `a knob for ${name}`);
    for (const { name } of terms?.cssProperties ?? []) assert.equal(await knobs.getByLabel(name, { exact: true }).count(), 1, `a knob for ${name}`);

    await knobs.getByLabel('disabled', { exact: true }).check();
    await page.locator('#playground-stage assent-terms input#required').and(page.locator(':disabled')).waitFor();
    await knobs.getByLabel('--assent-accent', { exact: true }).fill('#e8710a');
    await page.locator('#playground-lang').selectOption('de');
    const html = await page.locator('#playground-code').innerText();
    assert.match(html, /<assent-terms lang="de" [^>]*disabled/);
    assert.match(html, /--assent-accent: #e8710a;/);
    await page.locator('#playground-stage assent-terms [part="base"][lang="de"]').waitFor();
  });
});
