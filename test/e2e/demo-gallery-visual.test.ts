/**
 * Visual regression of the designers' gallery: screenshots of a few state cards (among them the account status given, over the in-memory user) in Chromium,
 * at laptop and at phone width,
 * compared with the baselines committed in test/e2e/__screenshots__/ (pixelmatch, with a
 * tolerance for anti-aliasing). A change of look fails here until it is approved:
 *
 *   ASSENT_UPDATE_SCREENSHOTS=1 node --conditions=source --import tsx --test test/e2e/demo-gallery-visual.test.ts
 *
 * rewrites the baselines; review the new PNGs in the diff and commit them. A failing comparison
 * writes `<name>.actual.png` and `<name>.diff.png` next to the baseline (a passing run removes them;
 * never commit them).
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { openGuardedPage } from '@assent/testkit/browser';
import { useDemo } from '../support/demo-session.js';

const SCREENSHOTS = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
const UPDATE = process.env.ASSENT_UPDATE_SCREENSHOTS === '1';
/**
 * Pixels that may differ (beyond pixelmatch's colour threshold and its anti-aliasing detection)
 * before a change counts. A count, not a share: a small change in a tall card must still fail.
 */
const TOLERATED_PIXELS = 40;

const site = useDemo();

/** Compares `actual` with the baseline `name`.png, or writes it when approving. */
async function matchBaseline(name: string, actual: Buffer): Promise<void> {
  const baselinePath = `${SCREENSHOTS}${name}.png`;
  if (UPDATE) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(baselinePath, actual);
    return;
  }
  const baseline = await readFile(baselinePath).catch(() => null);
  assert.ok(baseline, `no baseline ${name}.png: run with ASSENT_UPDATE_SCREENSHOTS=1 and commit it`);
  const expected = PNG.sync.read(baseline);
  const got = PNG.sync.read(actual);
  assert.deepEqual([got.width, got.height], [expected.width, expected.height], `${name}: the size changed (approve with ASSENT_UPDATE_SCREENSHOTS=1 if intended)`);
  const diff = new PNG({ width: expected.width, height: expected.height });
  const different = pixelmatch(expected.data, got.data, diff.data, expected.width, expected.height, { threshold: 0.1 });
  if (different > TOLERATED_PIXELS) {
    await writeFile(`${SCREENSHOTS}${name}.actual.png`, actual);
    await writeFile(`${SCREENSHOTS}${name}.diff.png`, PNG.sync.write(diff));
  } else {
    await rm(`${SCREENSHOTS}${name}.actual.png`, { force: true });
    await rm(`${SCREENSHOTS}${name}.diff.png`, { force: true });
  }
  assert.ok(
    different <= TOLERATED_PIXELS,
    `${name}: ${different} pixels differ from the baseline (${TOLERATED_PIXELS} tolerated); see ${name}.diff.png, approve with ASSENT_UPDATE_SCREENSHOTS=1 if intended`,
  );
}

/** The gallery as a laptop shows it, and as a phone does (390 px: the cards take the screen's width). */
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const CASES = [
  { name: 'terms-purposes-light', query: '', card: 'terms-purposes' },
  { name: 'terms-purposes-phone', query: '', card: 'terms-purposes', viewport: PHONE },
  { name: 'status-given-phone', query: '', card: 'status-given', viewport: PHONE },
  { name: 'terms-purposes-dark-themed', query: '?scheme=dark&accent=%23e8710a&radius=0&font=Georgia%2C%20serif', card: 'terms-purposes' },
  { name: 'terms-invalid-de', query: '?lang=de', card: 'terms-invalid' },
  { name: 'terms-rtl', query: '', card: 'terms-rtl' },
  // Its history has fixed dates; they are shown in the browser's time zone (UTC on this kind of machine).
  { name: 'status-given', query: '', card: 'status-given' },
];

/** The withdraw dialog, opened as a user opens it; it lives in the top layer, so the dialog itself is shot. */
const WITHDRAW_DIALOG = '#withdraw-idle assent-withdraw-button [part="dialog"]';

describe('the gallery looks like its approved screenshots', () => {
  for (const { name, query, card, viewport = DESKTOP } of CASES as readonly { name: string; query: string; card: string; viewport?: typeof DESKTOP }[]) {
    test(`${name} matches its baseline`, async (t) => {
      const session = await openGuardedPage(site.browser);
      t.after(() => session.close());
      const { page } = session;
      await page.setViewportSize(viewport);
      await page.goto(new URL(`gallery.html${query}`, site.demo.url).href);
      await page.locator('html[data-gallery-ready="true"]').waitFor({ state: 'attached' });
      await page.locator('#terms-purposes assent-terms input[type="checkbox"]').nth(2).waitFor();
      await page.locator('#terms-rtl assent-terms input[type="checkbox"]').nth(2).waitFor();
      await page.locator('#status-given [part="history"]').waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // The text caret and focus ring of reportValidity() blink or depend on timing: not part of the look.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const shot = await page.locator(`#${card}`).screenshot({ animations: 'disabled', caret: 'hide' });
      await matchBaseline(name, shot);
    });
  }

  test('withdraw-dialog matches its baseline', async (t) => {
    const session = await openGuardedPage(site.browser);
    t.after(() => session.close());
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(new URL('gallery.html', site.demo.url).href);
    await page.locator('html[data-gallery-ready="true"]').waitFor({ state: 'attached' });
    await page.locator('#withdraw-idle assent-withdraw-button [part="button"]').click();
    await page.locator(`${WITHDRAW_DIALOG}[open]`).waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The page behind the modal shows at the dialog's rounded corners, and other cards may still be
    // loading when it opens: hide it, so the dialog's look is all that is compared.
    // The pointer stays where the click left it, which may hover a box of the dialog; and the dialog
    // focuses its first box on opening, with a focus ring or not depending on how focus came: move
    // the pointer away and blur the innermost focused element, as the cards above blur theirs.
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      (focused as HTMLElement | null)?.blur();
    });
    const onlyTheDialog = 'body * { visibility: hidden !important } assent-withdraw-button::part(dialog) { visibility: visible !important }';
    await matchBaseline('withdraw-dialog', await page.locator(WITHDRAW_DIALOG).screenshot({ animations: 'disabled', caret: 'hide', style: onlyTheDialog }));
  });
});
