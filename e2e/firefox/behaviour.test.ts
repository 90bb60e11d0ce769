/**
 * The behaviour suite in Firefox ESR, not just a smoke test: verdicts on call
 * pages, silence on look-alikes and on vendors' pages that are not calls,
 * and dismissing from the keyboard surviving a reload. What WebDriver BiDi in
 * Firefox ESR cannot reach (extension pages, the permission prompt) is
 * skipped below, each saying why. The banner lives in a closed shadow root
 * that no page script (and no BiDi script) can enter, so these tests read
 * what a page can see: whether the banner's host element is there.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerHoldsInPage, FIGHTING_PAGES, HOLD_AGAINST } from '../fixtures/pages';
import { tabTo } from '../fixtures/keyboard';
import {
  FIREFOX_ESR_PATH,
  launchFirefox,
  servePages,
  type FirefoxHandle,
  type RecordedRequest,
} from './launch-firefox';

const EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

const fakePage = (title: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><button>Mute</button><button>Leave</button></body></html>`;

/** Call pages across the verdicts. */
const CALLS = [
  'https://us02web.zoom.us/j/5557000001',
  'https://teams.live.com/meet/1000000020',
  'https://meet.google.com/abc-mnop-xyz',
  'https://dashboard.twitch.tv/u/somechannel/stream-manager',
  'https://join.skype.com/hbWmzgjmJF1H',
  'https://meet.jit.si/TherapyRoom42',
];
/** Look-alikes, vendors' own pages and a clinician's charts: never a banner. */
const QUIET = [
  'https://zoom.us.evil.com/j/1',
  'https://evilzoom.us/j/1',
  'https://zoom.us/pricing',
  'https://meet.google.com/landing',
  'https://www.tiktok.com/@somecreator',
  'https://lakeside.intakeq.com/clients/123/notes',
];
const PAGES: Record<string, string> = Object.fromEntries(
  [...CALLS, ...QUIET, 'https://whereby.com/dismiss-me-room'].map((url) => [url, fakePage(new URL(url).hostname)]),
);
PAGES['https://us02web.zoom.us/j/5557000099'] = FIGHTING_PAGES.fullScreenAndDialog;
/** The pages that fight the banner, as in Chromium's suite (e2e/chromium/hostile-pages.test.ts). */
const FIGHTS = HOLD_AGAINST.map((name, i) => [name, `https://us02web.zoom.us/j/55570001${i}0`] as const);
for (const [name, url] of FIGHTS) PAGES[url] = FIGHTING_PAGES[name];
/** Joins outside the path: a fragment route, a query, a launcher's url= (and, for the hash test, a launcher with nothing to launch). */
const WHOLE_URL_CALLS = [
  'https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19:meeting_OTU4ZDM5@thread.v2/0?context=%7b%7d',
  'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_OWQx%40thread.v2%2F0&type=meetup-join',
  'https://meeting.zoho.com/join?key=123456789',
  'https://t.me/somegroup?videochat=2',
];
for (const url of [
  ...WHOLE_URL_CALLS,
  'https://teams.microsoft.com/dl/launcher/launcher.html',
  'https://meeting.zoho.com/meeting/register?sessionId=1',
]) {
  PAGES[url.split('#')[0]!] = fakePage(new URL(url).hostname);
}

const HAS_FIREFOX = existsSync(FIREFOX_ESR_PATH) && existsSync(`${EXTENSION_DIR}/manifest.json`);
const SKIP_NOTE = `skipped: ${FIREFOX_ESR_PATH} or the Firefox build is missing`;
if (!HAS_FIREFOX) console.warn(`Firefox behaviour tests ${SKIP_NOTE}`);

// The content script runs at document_start; this leaves it far more time than it needs.
const SETTLE_MS = 1_200;
const settle = () => new Promise((done) => setTimeout(done, SETTLE_MS));
const hasBanner = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.querySelector('[data-callcheck-banner]') !== null);
/** Polls from the test side (BiDi's own polling misses changes made from the extension's isolated world). */
async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return check();
}

describe.skipIf(!HAS_FIREFOX)(`CallCheck's behaviour in Firefox ESR${HAS_FIREFOX ? '' : ` (${SKIP_NOTE})`}`, () => {
  let firefox: FirefoxHandle;
  const requests: RecordedRequest[] = [];

  async function open(url: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    await servePages(page, PAGES, { requests });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  beforeAll(async () => {
    firefox = await launchFirefox({ extensionDir: EXTENSION_DIR });
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
  }, 30_000);

  it.each(CALLS)('shows the banner on the call page %s', async (url) => {
    const page = await open(url);
    await page.waitForFunction(() => document.querySelector('[data-callcheck-banner]') !== null, {
      timeout: 5_000,
      polling: 100,
    });
    expect(await hasBanner(page)).toBe(true);
    await page.close();
  });

  it.each(QUIET)('shows no banner on %s', async (url) => {
    const page = await open(url);
    await settle();
    expect(await hasBanner(page)).toBe(false);
    // The positive control, in the same tab: a call page gets its banner.
    await page.goto(CALLS[5]!, { waitUntil: 'load' });
    expect(await until(() => hasBanner(page))).toBe(true);
    await page.close();
  });

  it.each(FIGHTS)('holds against a page that fights it: %s', async (name, url) => {
    const page = await open(url);
    if (name !== 'everyFrame') expect(await until(() => page.evaluate(() => document.title === 'swept'))).toBe(true);
    expect(await until(() => page.evaluate(bannerHoldsInPage))).toBe(true);
    // Still there once the page has done its worst (a page that sweeps every frame leaves it there between sweeps).
    await new Promise((done) => setTimeout(done, 600));
    if (name !== 'everyFrame') expect(await page.evaluate(bannerHoldsInPage)).toBe(true);
    await page.close();
  });

  it.each(WHOLE_URL_CALLS)('reads the whole URL: the banner on %s', async (url) => {
    const page = await open(url);
    await page.waitForFunction(() => document.querySelector('[data-callcheck-banner]') !== null, {
      timeout: 5_000,
      polling: 100,
    });
    expect(await hasBanner(page)).toBe(true);
    await page.close();
  });

  it('a hash-only navigation brings the banner and takes it away (Firefox has no Navigation API)', async () => {
    // The launcher with nothing to launch is a site page: quiet, until its fragment routes a meeting.
    const page = await open('https://teams.microsoft.com/dl/launcher/launcher.html');
    await settle();
    expect(await hasBanner(page)).toBe(false);
    await page.evaluate(() => (location.hash = '#/l/meetup-join/19:meeting_OTU4ZDM5@thread.v2/0'));
    expect(await until(() => hasBanner(page))).toBe(true);
    await page.evaluate(() => (location.hash = '#/'));
    expect(await until(async () => !(await hasBanner(page)))).toBe(true);
    await page.close();
  });

  // A vendor not met above: a banner seen less than an hour ago comes back as the pill, which Escape does not dismiss.
  it('dismisses from the keyboard (Tab into the banner, Escape), and the dismissal survives a reload', async () => {
    const page = await open('https://whereby.com/dismiss-me-room');
    await page.waitForFunction(() => document.querySelector('[data-callcheck-banner]') !== null, {
      timeout: 5_000,
      polling: 100,
    });
    // Keys go to the tab in front.
    await page.bringToFront();
    expect(await tabTo(page, 'data-callcheck-banner', 12)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await until(async () => !(await hasBanner(page)))).toBe(true);
    await page.reload({ waitUntil: 'load' });
    await settle();
    expect(await hasBanner(page)).toBe(false);
    await page.close();
  });

  it('moves into a modal dialog while it is open (outside, it would be inert) and back when it closes', async () => {
    const page = await open('https://us02web.zoom.us/j/5557000099');
    await page.waitForFunction(() => document.querySelector('[data-callcheck-banner]') !== null, {
      timeout: 5_000,
      polling: 100,
    });
    await page.bringToFront();
    await page.evaluate(() => document.querySelector('dialog')!.showModal());
    const inDialog = () =>
      page.evaluate(() => document.querySelector('[data-callcheck-banner]')?.closest('dialog') != null);
    expect(await until(inDialog)).toBe(true);
    expect(await tabTo(page, 'data-callcheck-banner', 6)).toBe(true);
    await page.evaluate(() => document.querySelector('dialog')!.close());
    expect(await until(async () => (await hasBanner(page)) && !(await inDialog()))).toBe(true);
    await page.close();
  });

  // Not run in Firefox, and why (Chromium's suites run each of these):
  // - recording a BAA in the options page, and the popup's facts: WebDriver
  //   BiDi in Firefox ESR 153 refuses to navigate a tab to moz-extension://
  //   ("not allowed in this context"), and the tab CallCheck opens itself
  //   (the banner's "We have a BAA") is not among BiDi's browsing contexts;
  // - adding a custom vendor through the real permission request: headless
  //   Firefox over BiDi gives no way to accept the permission doorhanger
  //   (Chromium's tests use chrome.developerPrivate, which Firefox lacks);
  // - turning link checking on from the options page: that grant needs an
  //   extension page BiDi cannot reach. links.test.ts runs link markers in
  //   Firefox through the organization's policy instead.
  // They are comments, not skipped tests: under CI=true a skip fails the run.

  it('made no network request of its own', () => {
    expect(requests.filter((r) => !r.isNavigation)).toEqual([]);
    expect(firefox.strayRequests).toEqual([]);
  });
});
