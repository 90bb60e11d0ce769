import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveCallPages } from '../fixtures/pages';
import {
  allowSiteAccess,
  axeViolations,
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

const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);

describe.skipIf(!hasBrowser)('the options page in Chromium', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.clear());
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
  });

  const storedSettings = () => browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.get('settings'));

  it('records a BAA for Zoom through the form, and Zoom turns approved in badge and banner', async () => {
    const before = await browser.context.newPage();
    await before.goto('https://us02web.zoom.us/j/5551000001');
    expect(
      (
        await eventually(
          () => badgeOf(browser, before),
          (b) => b.text !== '',
        )
      ).text,
    ).toBe('PLAN');

    await options.getByLabel('Platform', { exact: true }).first().selectOption({ label: 'Zoom Workplace' });
    await options.getByLabel('Date signed (optional)').fill('2026-01-15');
    await options.getByLabel('Plan or account covered (optional)').fill('Zoom for Healthcare');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => options.getByRole('status').first().innerText()).toMatch(/Zoom Workplace is now recorded/);

    // The open Zoom tab follows at once; a new one starts approved.
    expect(
      (
        await eventually(
          () => badgeOf(browser, before),
          (b) => b.text === 'OK',
        )
      ).text,
    ).toBe('OK');
    const after = await browser.context.newPage();
    await after.goto('https://us02web.zoom.us/j/5551000002');
    expect(
      (
        await eventually(
          () => badgeOf(browser, after),
          (b) => b.text !== '',
        )
      ).text,
    ).toBe('OK');
    await after.waitForTimeout(300);
    expect(await readBanner(after)).toBeNull();
    const popup = await openPopup(browser, await tabIdOf(browser, after));
    expect(await popup.locator('h1').innerText()).toMatch(/BAA on record/);
    expect(await popup.locator('body').innerText()).toMatch(/signed 2026-01-15/);
    await expectBannerAfterGoingTo(after);
    await Promise.all([before.close(), after.close(), popup.close()]);
  });

  it('blocks a platform through the form', async () => {
    await options.getByLabel('Platform', { exact: true }).nth(1).selectOption({ label: 'Doxy.me' });
    await options.getByRole('button', { name: 'Block', exact: true }).click();
    await expect
      .poll(async () => (await storedSettings()).settings?.blocks)
      .toEqual([{ productId: 'doxy-me', by: 'user' }]);
    const page = await browser.context.newPage();
    await page.goto('https://doxy.me/drsmith');
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b !== null,
        )
      )?.text,
    ).toMatch(/You blocked Doxy\.me/);
    await page.close();
  });

  it('says exactly what is wrong with a domain, next to the field, and saves nothing', async () => {
    await options.getByLabel('Name', { exact: true }).fill('Our video');
    for (const [domain, message] of [
      ['https://video.example.org', /Leave out the scheme/],
      ['co.uk', /co\.uk is a public suffix/],
      ['video.example.org/visit', /path prefix field/],
      ['10.0.0.5', /IP addresses are not accepted/],
    ] as const) {
      await options.getByLabel('Domains, one per line').fill(domain);
      await options.getByRole('button', { name: 'Add vendor' }).click();
      await expect.poll(() => options.locator('#custom-domains-error').innerText()).toMatch(message);
      expect(await options.getByLabel('Domains, one per line').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => options.locator('#custom-status').innerText()).toMatch(/correct the fields/);
      expect(await options.locator('#custom-status').getAttribute('role')).toBe('alert');
    }
    expect((await storedSettings()).settings).toBeUndefined();
  });

  it('refuses a bad import and keeps the old settings exactly', async () => {
    await browser.probe.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({
        settings: { approvals: [{ productId: 'zoom', by: 'user' }], blocks: [], customVendors: [] },
      }),
    );
    const before = await storedSettings();
    for (const [name, content, message] of [
      ['junk.json', '{"format": "callcheck', /not a JSON file/],
      ['other.json', JSON.stringify({ format: 'callcheck-settings', version: 9, settings: {} }), /newer CallCheck/],
      [
        'hostile.json',
        JSON.stringify({
          format: 'callcheck-settings',
          version: 1,
          settings: { approvals: [{ productId: 'zoom', note: '<img src=x onerror=alert(1)>' }] },
        }),
        /contains HTML or a script/,
      ],
    ] as const) {
      await options
        .getByLabel('Import a settings file')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect.poll(() => options.locator('#import-errors').innerText()).toMatch(message);
      expect(await options.locator('#import-errors').getAttribute('role')).toBe('alert');
    }
    expect(await storedSettings()).toEqual(before);
  });

  it('previews an import, then applies all of it; export gives the same file back', async () => {
    const file = {
      format: 'callcheck-settings',
      version: 1,
      settings: {
        approvals: [{ productId: 'google-meet', signedOn: '2026-03-01', by: 'user' }],
        blocks: [{ productId: 'facetime', by: 'user' }],
        customVendors: [
          {
            id: 'custom-our-jitsi',
            name: 'Our Jitsi',
            sites: [{ host: 'video.lakeside-clinic.org' }],
            baa: 'not-applicable',
            e2ee: 'optional',
            sources: [],
          },
        ],
      },
      preferences: { bannerVerdicts: ['blocked', 'public', 'discontinued', 'no-baa', 'check-plan', 'unverified'] },
    };
    await options
      .getByLabel('Import a settings file')
      .setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const preview = options.getByRole('region', { name: 'Importing this file will:' });
    await expect
      .poll(() => preview.innerText())
      .toMatch(/Add the vendor Our Jitsi[\s\S]*Record a BAA with Google Meet[\s\S]*Block FaceTime/);
    await options.getByRole('button', { name: 'Apply all changes' }).click();
    await expect.poll(async () => (await storedSettings()).settings?.customVendors?.length).toBe(1);
    expect((await storedSettings()).settings).toEqual(file.settings);

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(exported).toMatchObject({
      format: 'callcheck-settings',
      version: 1,
      settings: file.settings,
      preferences: file.preferences,
    });
  });

  it('lists and filters the whole dataset, each row opening its facts', async () => {
    await options
      .getByLabel('Verdict', { exact: true })
      .selectOption({ label: 'Public broadcast: never for patient sessions' });
    // As many as the dataset has public-facing products, out of all of them.
    const vendors = JSON.parse(readFileSync('assets/vendors.json', 'utf8')) as {
      products: { publicFacing: { value: boolean }; status: { value: string } }[];
    };
    const publicOnes = vendors.products.filter((p) => p.publicFacing.value && p.status.value === 'active').length;
    await expect
      .poll(() => options.getByText(/^Showing \d+ of \d+ platforms\.$/).innerText())
      .toBe(`Showing ${publicOnes} of ${vendors.products.length} platforms.`);
    // The free-plan filter: only platforms whose free or cheapest plan has a BAA, none of them public.
    await options.getByLabel('Verdict', { exact: true }).selectOption({ label: 'Any' });
    await options.getByLabel('Free or cheapest plan has a BAA', { exact: true }).selectOption({ label: 'Yes' });
    const freeWithBaa = vendors.products.filter(
      (p) => (p as unknown as { freePlanBaa: { value: string } }).freePlanBaa.value === 'yes',
    ).length;
    await expect
      .poll(() => options.getByText(/^Showing \d+ of \d+ platforms\.$/).innerText())
      .toBe(`Showing ${freeWithBaa} of ${vendors.products.length} platforms.`);
    await options.getByLabel('Free or cheapest plan has a BAA', { exact: true }).selectOption({ label: 'Any' });
    await options.getByLabel('Search', { exact: true }).fill('twitch');
    await options.getByRole('button', { name: 'Twitch', exact: true }).click();
    await expect.poll(() => options.locator('.cc-detail').innerText()).toMatch(/What HHS said in 2020/);
  });

  it('turns a verdict’s banner off, and resets everything after confirming', async () => {
    await options.getByLabel('BAA on some plans: check yours').uncheck();
    await expect
      .poll(
        async () =>
          (await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.get('preferences'))).preferences
            ?.bannerVerdicts,
      )
      .not.toContain('check-plan');
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    await page.waitForTimeout(300);
    expect(await readBanner(page)).toBeNull();
    // The control: a verdict whose banner is still on shows in the same tab.
    await expectBannerAfterGoingTo(page);
    await page.goto('https://meet.google.com/abc-defg-hij');
    await options.getByRole('button', { name: 'Reset everything…' }).click();
    await options.getByRole('button', { name: 'Yes, reset everything' }).click();
    await expect.poll(() => options.getByLabel('BAA on some plans: check yours').isChecked()).toBe(true);
    await page.reload();
    expect(
      await eventually(
        () => readBanner(page),
        (b) => b !== null,
      ),
    ).not.toBeNull();
    await page.close();
  });

  it('lets no web page or content script change settings', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://us02web.zoom.us/j/5551000666');
    // A page cannot reach the extension at all: no externally_connectable.
    expect(await page.evaluate(() => typeof (globalThis as any).chrome?.runtime?.sendMessage)).not.toBe('function');
    await page.close();
  });
});

describe.skipIf(!hasBrowser)('custom vendors in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds a vendor on its own domain, asks for that site only, and shows the banner there', async () => {
    const before = await browser.context.newPage();
    await before.goto('https://video.lakeside-clinic.org/room/1');
    await before.waitForTimeout(300);
    expect(await readBanner(before)).toBeNull();
    await expectBannerAfterGoingTo(before);
    await before.close();

    await allowSiteAccess(browser, 'https://*.video.lakeside-clinic.org/*');
    await allowSiteAccess(browser, 'http://*.video.lakeside-clinic.org/*');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
    await options.getByLabel('Name', { exact: true }).fill('Lakeside video');
    await options.getByLabel('Domains, one per line').fill('Video.Lakeside-Clinic.org');
    await options.getByLabel('Does the vendor offer a BAA?').selectOption({ label: 'Unknown' });
    await options.getByRole('button', { name: 'Add vendor' }).click();
    await expect
      .poll(() => options.locator('#custom-status').innerText())
      .toMatch(/Added Lakeside video\. CallCheck runs on its domains\./);

    // Only that origin was granted: the install-time list did not grow.
    const granted = await browser.probe.evaluate(() => (globalThis as any).chrome.permissions.getAll());
    expect(granted.origins.filter((o: string) => o.includes('lakeside')).sort()).toEqual([
      'http://*.video.lakeside-clinic.org/*',
      'https://*.video.lakeside-clinic.org/*',
    ]);

    const page = await browser.context.newPage();
    await page.goto('https://video.lakeside-clinic.org/room/2');
    const banner = await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    expect(banner).toMatchObject({ role: 'status' });
    expect(banner!.text).toMatch(/We could not confirm that Lakeside video signs a BAA: treat it/);
    expect(
      (
        await eventually(
          () => badgeOf(browser, page),
          (b) => b.text !== '',
        )
      ).text,
    ).toBe('?');

    // Removing the vendor takes CallCheck off that domain again.
    await options.getByRole('button', { name: 'Remove Lakeside video' }).click();
    await expect
      .poll(() =>
        browser.probe.evaluate(
          async () => (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).length,
        ),
      )
      .toBe(0);
    await page.reload();
    await page.waitForTimeout(300);
    expect(await readBanner(page)).toBeNull();
    await expectBannerAfterGoingTo(page);
    await Promise.all([page.close(), options.close()]);
  });

  it('approves an organization’s own Zoom address while the rest of Zoom keeps its verdict', async () => {
    await browser.probe.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({
        settings: {
          approvals: [{ productId: 'custom-clinic-zoom', by: 'user' }],
          blocks: [],
          customVendors: [
            {
              id: 'custom-clinic-zoom',
              name: 'Lakeside Zoom',
              sites: [{ host: 'lakeside.zoom.us' }],
              baa: 'offered',
              e2ee: 'optional',
              sources: [],
            },
          ],
        },
      }),
    );
    const ours = await browser.context.newPage();
    await ours.goto('https://lakeside.zoom.us/j/5551000003');
    expect(
      (
        await eventually(
          () => badgeOf(browser, ours),
          (b) => b.text !== '',
        )
      ).text,
    ).toBe('OK');
    const theirs = await browser.context.newPage();
    await theirs.goto('https://us02web.zoom.us/j/5551000001');
    expect(
      (
        await eventually(
          () => badgeOf(browser, theirs),
          (b) => b.text !== '',
        )
      ).text,
    ).toBe('PLAN');
    await Promise.all([ours.close(), theirs.close()]);
  });

  it('shows a long list’s first 100 entries, then all of them on request, focus on the first one it brought', async () => {
    await browser.probe.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({
        settings: {
          approvals: [],
          blocks: [],
          customVendors: Array.from({ length: 150 }, (_, i) => ({
            id: `custom-clinic-${i}`,
            name: `Clinic video ${i}`,
            sites: [{ host: `v${i}.lakeside-clinic.org` }],
            baa: 'offered',
            e2ee: 'unknown',
            sources: [],
          })),
        },
      }),
    );
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.waitForSelector('body[data-ready]');
    const vendors = page.locator('#vendors .cc-list > li');
    await expect.poll(() => vendors.count()).toBe(100);
    const directoryRows = page.locator('#directory tbody tr');
    expect(await directoryRows.count()).toBe(100);
    await page.locator('#vendors').getByRole('button', { name: 'Show all 150 (100 shown)' }).click();
    await expect.poll(() => vendors.count()).toBe(150);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Clinic video 100 /);
    // The directory's own list, with every product and the 150 vendors.
    await page
      .locator('#directory')
      .getByRole('button', { name: /^Show all \d+ \(100 shown\)$/ })
      .click();
    expect(await directoryRows.count()).toBeGreaterThan(200);
    await page.close();
  });
});

describe.skipIf(!hasBrowser)('accessibility (axe-core)', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violation on the options page, directory open (${scheme})`, async () => {
      const options = await browser.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.waitForSelector('body[data-ready]');
      await options.getByRole('button', { name: 'Zoom Workplace', exact: true }).click();
      expect(await axeViolations(options)).toEqual([]);
      await options.close();
    });

    it(`finds no violation in the popup, on a call tab and on another tab (${scheme})`, async () => {
      for (const url of ['https://teams.live.com/meet/1', 'https://www.example.org/']) {
        const page = await browser.context.newPage();
        await page.goto(url);
        const popup = await openPopup(browser, await tabIdOf(browser, page));
        await popup.emulateMedia({ colorScheme: scheme });
        expect(await axeViolations(popup), url).toEqual([]);
        await Promise.all([popup.close(), page.close()]);
      }
    });
  }
});
