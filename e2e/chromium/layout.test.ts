import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCallPages } from '../fixtures/pages';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension, openPopup, tabIdOf, type ExtensionBrowser } from './harness';

/** Pages that must fit narrow screens (Firefox for Android, a phone-sized window) without sideways scrolling. */
const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);

describe.skipIf(!hasBrowser)('layout at narrow widths, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the options directory within 420 px with a 120-character vendor name', async () => {
    const name = `Lakeside${'Telehealth'.repeat(11)}`.slice(0, 120);
    await browser.probe.evaluate(
      (vendorName) =>
        (globalThis as any).chrome.storage.local.set({
          settings: {
            customVendors: [
              { id: 'long', name: vendorName, sites: [{ host: 'video.lakeside-clinic.org' }], baa: 'offered' },
            ],
          },
        }),
      name,
    );
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 420, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#directory`);
    await page.waitForSelector('body[data-ready]');
    await expect.poll(() => page.getByText(name.slice(0, 40)).count()).toBeGreaterThan(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(420);
    await page.close();
    await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.clear());
  });
});

/** Words in the directory's value cells that the layout splits across lines (read from the rendered text boxes). */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll('#directory tbody td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const word of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  });
}

describe.skipIf(!hasBrowser)('the options directory, readable wide and narrow, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([1280, 420])('at %i px: no value is broken inside a word, and nothing scrolls sideways', async (width) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#directory`);
    await page.waitForSelector('body[data-ready]');
    await expect.poll(() => page.locator('#directory tbody tr').count()).toBeGreaterThan(50);
    // The control: the cells hold words ("Offered", "Active", …) that a squeezed column would split.
    expect(await page.locator('#directory tbody td', { hasText: 'Offered' }).count()).toBeGreaterThan(0);
    expect(await brokenWords(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.close();
  });
});

describe.skipIf(!hasBrowser)('the popup at phone width, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fits 320 px, and its first screen holds the verdict, the reason, what to do next and the key facts', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://us02web.zoom.us/j/5556000001');
    const tabId = await tabIdOf(browser, page);
    const popup = await openPopup(browser, tabId, 320);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const firstScreen = await popup.evaluate(() => {
      const below = (selector: string) =>
        (document.querySelector(selector)?.getBoundingClientRect().top ?? Infinity) < 600;
      return {
        headline: below('.cc-headline'),
        reason: below('.cc-reason'),
        next: below('#cc-next'),
        facts: below('.cc-facts'),
      };
    });
    expect(firstScreen).toEqual({ headline: true, reason: true, next: true, facts: true });
    await Promise.all([popup.close(), page.close()]);
  });
});
