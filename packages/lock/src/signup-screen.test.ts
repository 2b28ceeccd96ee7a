/**
 * Lock's real sign-up screen with the consent of a policy: every built-in language, hostile
 * policies, and axe (our additions compared with Lock's own findings).
 */
import { expect } from '@open-wc/testing';
import { SUPPORTED_LOCALES, en, loadMessages, parsePolicy, plainText, purposeText } from '@assent/core';
import { emulatorInfo } from '../../../test/support/emulator-info.js';
import { cleanup, container, loadLock, mountOnEmulator, offlineOptions, policy, signUpForm, termsBox, waitFor } from '../test/fixtures.js';

afterEach(cleanup);

declare global {
  interface Window {
    pwned?: number;
    axe?: { run(context: Element, options: object): Promise<{ violations: AxeViolation[] }> };
  }
}
interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describe('Lock sign-up screen in every built-in language', function () {
  this.timeout(120_000);

  it('renders the terms box with the localized sentence and both document links', async () => {
    // A few Locks at a time: each fetches its dictionary and client script from the emulator.
    const failures: string[] = [];
    for (let i = 0; i < SUPPORTED_LOCALES.length; i += 6) {
      await Promise.all(
        SUPPORTED_LOCALES.slice(i, i + 6).map(async (lang) => {
          const { root } = await mountOnEmulator({ lang });
          const label = (await termsBox(root)).closest('label')!;
          const expected = plainText(purposeText(policy, 'terms', lang, lang === 'en' ? en : await loadMessages(lang)));
          const hrefs = [...label.querySelectorAll('a')].map((a) => a.getAttribute('href'));
          if (label.textContent !== expected) failures.push(`${lang}: "${label.textContent}" instead of "${expected}"`);
          if (hrefs.join() !== '/__assent/docs/terms,/__assent/docs/privacy') failures.push(`${lang}: links ${hrefs.join()}`);
        }),
      );
      cleanup();
    }
    expect(failures).to.deep.equal([]);
  });
});

describe('Lock with a hostile policy', function () {
  this.timeout(30_000);

  const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  const hostile = parsePolicy({
    ...policy,
    messages: {
      en: {
        'purpose.terms': `${evil} ${'long '.repeat(350)}{documents}.`,
        'document.terms': `${evil}Terms`,
        'purpose.marketing': `${evil}Marketing`,
      },
    },
  });

  it('runs no script and shows the markup as text, in the terms and in the checkbox labels', async () => {
    window.pwned = undefined;
    const { root } = await mountOnEmulator({ policy: hostile });
    const label = (await termsBox(root)).closest('label')!;
    const marketing = root.querySelector('input[name="consent_p_marketing"]')!.closest('label')!;
    // Give an injected image time to fail and fire onerror.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.pwned).to.equal(undefined);
    expect(root.querySelectorAll('.auth0-lock-sign-up-terms-agreement img, .auth0-lock-sign-up-terms-agreement script, .auth0-lock-input-checkbox img')).to.have.length(0);
    expect(label.textContent).to.contain(evil);
    expect(marketing.textContent).to.equal(`${evil}Marketing`);
  });
});

describe("axe on Lock's sign-up screen", function () {
  this.timeout(30_000);

  const ours = '.auth0-lock-sign-up-terms-agreement, .auth0-lock-input-checkbox, [name^="consent_"]';

  async function violations(root: Element): Promise<AxeViolation[]> {
    if (!window.axe) {
      // chai-a11y-axe loads axe-core on first use; afterwards window.axe gives the full results.
      const probe = container();
      probe.textContent = 'axe';
      await expect(probe).to.be.accessible();
    }
    return (await window.axe!.run(root, { resultTypes: ['violations'] })).violations;
  }

  it("finds no violation in what withConsent adds (Lock's own findings are listed, not judged)", async () => {
    const emulator = await emulatorInfo();
    const plainRoot = container();
    plainRoot.id = 'plain-lock';
    const Auth0Lock = await loadLock();
    const plain = new Auth0Lock(emulator.clientId, emulator.url, { ...offlineOptions(emulator), container: plainRoot.id });
    plain.show();
    await signUpForm(plainRoot);
    await waitFor(() => plainRoot.querySelector('.auth0-lock-terms'), "Lock's own terms text");
    const lockOwn = await violations(plainRoot);
    (plain as unknown as { destroy(): void }).destroy();

    const { root } = await mountOnEmulator();
    await termsBox(root);
    const found = await violations(root);
    const inOurs = found.flatMap((v) => v.nodes.filter((node) => root.querySelector(node.target.join(' '))?.closest(ours)).map((node) => `${v.id}: ${node.target.join(' ')}`));
    console.log(
      `Lock's own axe violations (sign-up screen, no consent): ${lockOwn.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length > 1 ? 's' : ''}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}): ${v.help}`).join('; ') || 'none'}`,
    );
    expect(inOurs, 'violations in the consent additions').to.deep.equal([]);
    expect(
      found.map((v) => v.id).filter((id) => !lockOwn.some((own) => own.id === id)),
      'rules that only fail with consent',
    ).to.deep.equal([]);
  });
});
