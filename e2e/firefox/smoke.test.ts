/**
 * Firefox smoke test: the built extension, installed in a real firefox-esr,
 * shows its banner on a Zoom meeting URL and stays out of a look-alike host
 * and of Zoom's own pricing page (a page of the vendor that is not a call),
 * without the browser or the extension reaching the network.
 *
 * Run after `npm run build:firefox`:
 *   npx vitest run --config vitest.e2e.config.ts
 * CALLCHECK_FIREFOX_EXT_DIR points it at another unpacked build (used to
 * prove the harness against a stub before the real content script existed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIREFOX_ESR_PATH,
  launchFirefox,
  servePages,
  type FirefoxHandle,
  type RecordedRequest,
} from './launch-firefox';

const EXTENSION_DIR =
  process.env.CALLCHECK_FIREFOX_EXT_DIR ?? fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

const MEETING_URL = 'https://zoom.us/j/123456789';
const LOOKALIKE_URL = 'https://zoom.us.evil.com/j/1';
const SITE_URL = 'https://zoom.us/pricing';

// No subresources: any request besides the navigations themselves can only
// have come from the extension.
const fakePage = (title: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1></body></html>`;

const PAGES: Record<string, string> = {
  [MEETING_URL]: fakePage('Join meeting - Zoom'),
  [LOOKALIKE_URL]: fakePage('Join meeting - not Zoom'),
  [SITE_URL]: fakePage('Plans & Pricing - Zoom'),
};

// The content script runs at document_start, but the real one may decide
// asynchronously; both waits leave it far more time than it needs.
const BANNER_TIMEOUT_MS = 5_000;
const ABSENCE_GRACE_MS = 2_000;

const HAS_FIREFOX = existsSync(FIREFOX_ESR_PATH);
const SKIP_NOTE = `skipped: ${FIREFOX_ESR_PATH} is missing (apt-get install firefox-esr)`;
if (!HAS_FIREFOX) console.warn(`Firefox smoke test ${SKIP_NOTE}`);

const hasBanner = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.querySelector('[data-callcheck-banner]') !== null);

describe.skipIf(!HAS_FIREFOX)(`CallCheck in Firefox ESR${HAS_FIREFOX ? '' : ` (${SKIP_NOTE})`}`, () => {
  let firefox: FirefoxHandle;
  const requests: RecordedRequest[] = [];

  // Opens `url` in a fresh tab that can only see the fake pages.
  async function open(url: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    // One shared log, so the last test sees every tab's requests.
    await servePages(page, PAGES, { requests });
    const response = await page.goto(url, { waitUntil: 'load' });
    // A 200 proves the fake page answered, not the refusing proxy (403).
    expect(response?.status(), `${url} was not served by the harness`).toBe(200);
    return page;
  }

  beforeAll(async () => {
    const manifestPath = `${EXTENSION_DIR}/manifest.json`;
    if (!existsSync(manifestPath)) {
      throw new Error(`${manifestPath} not found: run \`npm run build:firefox\` first`);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      content_scripts?: unknown[];
    };
    // Without this the failure would be a bare "banner never appeared".
    expect(
      manifest.content_scripts ?? [],
      `${manifestPath} declares no content script; the build is stale or the content script is missing`,
    ).not.toHaveLength(0);

    firefox = await launchFirefox({ extensionDir: EXTENSION_DIR });
    expect(firefox.extensionId).toBe('callcheck@callcheck.dev');
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
  }, 30_000);

  it('shows the banner on a Zoom meeting URL', async () => {
    const page = await open(MEETING_URL);
    await page.waitForFunction(() => document.querySelector('[data-callcheck-banner]') !== null, {
      timeout: BANNER_TIMEOUT_MS,
      // The default 'raf' polling depends on the page painting, which a
      // headless background tab need not do.
      polling: 100,
    });
    expect(await hasBanner(page)).toBe(true);
    await page.close();
  });

  it('shows no banner on a look-alike host', async () => {
    const page = await open(LOOKALIKE_URL);
    // Absence can only be shown by waiting; the previous test shows how
    // quickly the banner appears where it belongs.
    await new Promise((resolve) => setTimeout(resolve, ABSENCE_GRACE_MS));
    expect(page.url()).toBe(LOOKALIKE_URL);
    expect(await hasBanner(page)).toBe(false);
    await page.close();
  });

  it('shows no banner on a page of the vendor that is not a call', async () => {
    const page = await open(SITE_URL);
    await new Promise((resolve) => setTimeout(resolve, ABSENCE_GRACE_MS));
    expect(page.url()).toBe(SITE_URL);
    expect(await hasBanner(page)).toBe(false);
    await page.close();
  });

  it('made no network request of its own', () => {
    const navigations = requests.filter((r) => r.isNavigation).map((r) => r.url);
    expect(navigations).toEqual([MEETING_URL, LOOKALIKE_URL, SITE_URL]);
    // Content-script fetches would show up here…
    expect(requests.filter((r) => !r.isNavigation)).toEqual([]);
    // …and background-script or browser traffic at the refusing proxy.
    expect(firefox.strayRequests).toEqual([]);
  });
});
