import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCallPages } from '../fixtures/pages';
import {
  badgeOf,
  CHROMIUM,
  eventually,
  EXTENSION_DIR,
  launchWithExtension,
  openPopup,
  tabIdOf,
  type ExtensionBrowser,
} from './harness';

const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);

/** What chrome://extensions' "Site access" menu does: on click, or on all sites. */
async function setSiteAccess(browser: ExtensionBrowser, hostAccess: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(
      ([extensionId, access]) =>
        (globalThis as any).chrome.developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: access }),
      [browser.extensionId, hostAccess] as const,
    );
  } finally {
    await page.close();
  }
}

describe.skipIf(!hasBrowser)('site access turned off in the browser, in Chromium', () => {
  let browser: ExtensionBrowser;
  let call: Page;
  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the popup and the options page say so, and one click asks for the sites again', async () => {
    // The control: with its access, the call tab has its badge and the popup no notice.
    call = await browser.context.newPage();
    await call.goto('https://teams.live.com/meet/9990000002');
    await eventually(
      () => badgeOf(browser, call),
      (b) => b.text !== '',
    );
    let popup = await openPopup(browser, await tabIdOf(browser, call));
    expect(await popup.getByText(/Site access is off/).count()).toBe(0);
    await popup.close();

    await setSiteAccess(browser, 'ON_CLICK');
    popup = await openPopup(browser, await tabIdOf(browser, call));
    await expect
      .poll(() => popup.getByRole('heading', { name: /Site access is off/ }).innerText())
      .toBe('Site access is off: CallCheck cannot check any call page');
    await popup.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
    expect(await options.getByRole('heading', { name: /Site access is off/ }).count()).toBe(1);
    // Stands in for the person's "Allow" on the browser's prompt, which headless Chromium never shows.
    await setSiteAccess(browser, 'ON_ALL_SITES');
    await options.getByRole('button', { name: 'Give CallCheck its call sites back' }).click();
    await expect.poll(() => options.getByRole('heading', { name: /Site access is off/ }).count()).toBe(0);
    await options.close();
    await call.close();
  });
});
