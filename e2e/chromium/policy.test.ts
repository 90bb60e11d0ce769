import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCallPages } from '../fixtures/pages';
import { CHROME_EXTENSION_ID } from '../../utils/policy/formats';
import {
  allowSiteAccess,
  badgeOf,
  CHROMIUM,
  eventually,
  expectBannerAfterGoingTo,
  EXTENSION_DIR,
  launchWithExtension,
  openPopup,
  readBanner,
  tabIdOf,
  type ExtensionBrowser,
} from './harness';

/**
 * A real managed policy: written where Debian's Chromium reads it on Linux
 * (CI runs as root), read by the browser at start, removed afterwards.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/callcheck-e2e-test.json`;
const canWritePolicy = process.getuid?.() === 0 && existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);
const settings = JSON.parse(readFileSync('docs/policy-examples/settings-object.json', 'utf8'));

const skipReason =
  process.getuid?.() !== 0
    ? 'needs root to write /etc/chromium/policies'
    : !existsSync(CHROMIUM)
      ? `${CHROMIUM} is missing`
      : 'build the extension first';
if (!canWritePolicy) console.warn(`Chromium policy tests skipped: ${skipReason}`);

describe.skipIf(!canWritePolicy)(
  `a managed policy in Chromium${canWritePolicy ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    let browser: ExtensionBrowser;

    beforeAll(async () => {
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: settings } } }));
      try {
        browser = await launchWithExtension(serveCallPages);
        // Right after a start Chromium takes seconds to hand the policy over
        // (storage.managed); until then badges show the last known settings.
        // The tests below are about the policy, so they begin once it applies.
        await eventually(
          () =>
            browser.probe.evaluate(
              async () =>
                ((await (globalThis as any).chrome.storage.local.get('effective')).effective?.controls
                  ?.managed as boolean) ?? false,
            ),
          (managed) => managed,
          20_000,
        );
      } catch (error) {
        rmSync(POLICY_FILE, { force: true });
        throw error;
      }
    });
    afterAll(async () => {
      rmSync(POLICY_FILE, { force: true });
      await browser?.close();
    });

    it('loads the extension under the id the policy names', () => {
      expect(browser.extensionId).toBe(CHROME_EXTENSION_ID);
    });

    it('approves what the organization approved: green badge, no banner, "Approved by" in the popup', async () => {
      const page = await browser.context.newPage();
      await page.goto('https://meet.google.com/abc-defg-hij');
      expect(
        (
          await eventually(
            () => badgeOf(browser, page),
            (b) => b.text === 'OK',
          )
        ).text,
      ).toBe('OK');
      await page.waitForTimeout(300);
      expect(await readBanner(page)).toBeNull();
      const popup = await openPopup(browser, await tabIdOf(browser, page));
      const text = await popup.locator('body').innerText();
      expect(text).toMatch(/Approved by Lakeside Clinic: a BAA with Google, signed 2026-01-15, is on record/);
      // The control, in the same tab: a platform without a BAA does get a banner.
      await expectBannerAfterGoingTo(page);
      expect(text).toMatch(/Questions\? IT help desk, ext\. 4357/);
      await Promise.all([popup.close(), page.close()]);
    });

    it('blocks what the organization blocked, with its support contact and without snooze buttons', async () => {
      const page = await browser.context.newPage();
      await page.goto('https://teams.live.com/meet/1');
      const banner = await eventually(
        () => readBanner(page),
        (b) => b !== null && b.text.includes('Questions'),
      );
      expect(banner).toMatchObject({ role: 'alert' });
      expect(banner!.text).toMatch(/Lakeside Clinic blocked Microsoft Teams \(free\)/);
      expect(banner!.text).toMatch(/Questions\? IT help desk, ext\. 4357/);
      expect(banner!.buttons.some((b) => /Snooze/.test(b))).toBe(false);
      expect(banner!.buttons).toContain('Dismiss for this page');
      expect((await badgeOf(browser, page)).text).toBe('BLK');
      await page.close();
    });

    it('asks each user for the organization’s vendor sites, with one button; then the badge works there', async () => {
      const vendorPage = await browser.context.newPage();
      await vendorPage.goto('https://video.lakeside.example.org/room/1');
      // No access yet: CallCheck cannot even read the tab's address.
      await vendorPage.waitForTimeout(300);
      expect((await badgeOf(browser, vendorPage)).text).toBe('');

      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.waitForSelector('body[data-ready]');
      await expect
        .poll(() => popup.getByText('Your organization added a vendor; CallCheck needs access to its site').count())
        .toBe(1);
      // Stands in for the person's "Allow" on the browser's prompt (see allowSiteAccess).
      await allowSiteAccess(browser, 'https://*.video.lakeside.example.org/*');
      await allowSiteAccess(browser, 'http://*.video.lakeside.example.org/*');
      await popup.getByRole('button', { name: 'Allow access to their sites' }).click();
      await expect.poll(() => popup.getByText('Your organization added a vendor').count()).toBe(0);
      await popup.close();

      await vendorPage.reload();
      expect(
        (
          await eventually(
            () => badgeOf(browser, vendorPage),
            (b) => b.text !== '',
          )
        ).text,
      ).toBe('OK');
      // And the options page no longer asks.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.waitForSelector('body[data-ready]');
      await expect.poll(() => options.getByText('CallCheck needs access').count()).toBe(0);
      await Promise.all([options.close(), vendorPage.close()]);
    });

    it('knows the organization’s own vendor (on its own host, through the policy)', async () => {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.waitForSelector('body[data-ready]');
      await popup.getByLabel('Look up a call platform').fill('lakeside');
      await popup.getByRole('button', { name: /Lakeside Jitsi/ }).click();
      expect(await popup.locator('h1').innerText()).toMatch(/BAA on record/);
      await popup.close();
    });

    it('shows "Managed by" on the options page and locks every setting', async () => {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.waitForSelector('body[data-ready]');
      const text = await options.locator('body').innerText();
      expect(text).toMatch(/Managed by Lakeside Clinic/);
      expect(text).toMatch(/cannot be changed here/);
      expect(await options.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
      expect(await options.getByRole('button', { name: 'Add vendor' }).isDisabled()).toBe(true);
      expect(await options.getByLabel('Import a settings file').isDisabled()).toBe(true);
      // The directory stays usable.
      expect(await options.getByLabel('Search', { exact: true }).isDisabled()).toBe(false);
      // And the background refuses a write even if a page tried.
      const reply = await options.evaluate(() =>
        (globalThis as any).chrome.runtime.sendMessage({
          type: 'callcheck:save-settings',
          settings: { approvals: [], blocks: [], customVendors: [] },
        }),
      );
      expect(reply).toEqual({
        ok: false,
        error: 'Your organization manages CallCheck’s settings: they cannot be changed here.',
      });
      await options.close();
    });
  },
);
