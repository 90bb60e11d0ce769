/**
 * A real Firefox enterprise policy: policies.json in Firefox's distribution
 * folder (CI runs as root), with CallCheck's settings under 3rdparty, read by
 * the extension through storage.managed. Removed afterwards.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_ID } from '../../utils/policy/formats';
import type { Page } from 'puppeteer-core';
import { FIREFOX_ESR_PATH, launchFirefox, servePages, type FirefoxHandle } from './launch-firefox';

const EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));
const POLICIES = '/usr/lib/firefox-esr/distribution/policies.json';
const fakePage = (title: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
const settings = JSON.parse(readFileSync('docs/policy-examples/settings-object.json', 'utf8'));
const canWrite =
  process.getuid?.() === 0 &&
  existsSync(FIREFOX_ESR_PATH) &&
  existsSync(`${EXTENSION_DIR}/manifest.json`) &&
  !existsSync(POLICIES);

const skipReason =
  process.getuid?.() !== 0
    ? 'needs root to write policies.json'
    : !existsSync(FIREFOX_ESR_PATH)
      ? `${FIREFOX_ESR_PATH} is missing`
      : existsSync(POLICIES)
        ? `${POLICIES} already exists and is left alone`
        : 'build the Firefox extension first';
if (!canWrite) console.warn(`Firefox policy test skipped: ${skipReason}`);

describe.skipIf(!canWrite)(
  `a managed policy in Firefox ESR (policies.json)${canWrite ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    let firefox: FirefoxHandle;

    beforeAll(async () => {
      writeFileSync(
        POLICIES,
        JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_EXTENSION_ID]: settings } } } }),
      );
      try {
        firefox = await launchFirefox({ extensionDir: EXTENSION_DIR });
      } catch (error) {
        rmSync(POLICIES, { force: true });
        throw error;
      }
    });
    afterAll(async () => {
      rmSync(POLICIES, { force: true });
      await firefox?.close();
    });

    // The page cannot see inside the banner (closed shadow root), so the test
    // uses what the policy changes that a page can see: an approved vendor
    // (Google Meet) shows no banner, while without the policy it shows one.
    it('applies the approvals and blocks from policies.json', async () => {
      const pages = {
        'https://meet.google.com/abc-defg-hij': fakePage('Google Meet'),
        'https://teams.live.com/meet/1': fakePage('Teams'),
      };
      const open = async (url: keyof typeof pages) => {
        const page = await firefox.browser.newPage();
        await servePages(page, pages);
        await page.goto(url, { waitUntil: 'load' });
        await new Promise((done) => setTimeout(done, 1_500));
        return page;
      };
      const hasBanner = (page: Page) => page.evaluate(() => document.querySelector('[data-callcheck-banner]') !== null);
      const meet = await open('https://meet.google.com/abc-defg-hij');
      expect(await hasBanner(meet)).toBe(false);
      const teams = await open('https://teams.live.com/meet/1');
      expect(await hasBanner(teams)).toBe(true);
      await Promise.all([meet.close(), teams.close()]);
    });
  },
);
