import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveCallPages } from '../fixtures/pages';
import {
  badgeOf,
  CHROMIUM,
  eventually,
  expectBannerAfterGoingTo,
  EXTENSION_DIR,
  launchWithExtension,
  readBanner,
  type ExtensionBrowser,
} from './harness';
import { tabTo } from '../fixtures/keyboard';

/**
 * Warn on calls, stay quiet elsewhere: the banner on a vendor's call page,
 * nothing on its marketing, help or feed pages or a clinician's charts, the
 * folded pill in an app where a call may start; the badge on all of them.
 */

/** Per vendor: a page that is not a call, and a call page of the same vendor. */
const VENDORS = [
  { vendor: 'Zoom', site: 'https://zoom.us/pricing', call: 'https://us02web.zoom.us/j/5552000001', badge: 'PLAN' },
  { vendor: 'Zoom help', site: 'https://support.zoom.com/hc/en', call: 'https://zoom.com/j/5552000002', badge: 'PLAN' },
  {
    vendor: 'Google Meet',
    site: 'https://meet.google.com/landing',
    call: 'https://meet.google.com/abc-mnop-xyz',
    badge: 'PLAN',
  },
  {
    vendor: 'Webex',
    site: 'https://www.webex.com/pricing/index.html',
    call: 'https://clinic.webex.com/meet/dr.lee',
    badge: 'PLAN',
  },
  { vendor: 'Doxy.me', site: 'https://doxy.me/sign-in', call: 'https://doxy.me/drlee', badge: 'PLAN' },
  {
    vendor: 'Whereby',
    site: 'https://whereby.com/information/tos',
    call: 'https://whereby.com/drlee-room',
    badge: 'PLAN',
  },
  {
    vendor: 'Twitch',
    site: 'https://www.twitch.tv/somechannel',
    call: 'https://dashboard.twitch.tv/u/somechannel/stream-manager',
    badge: 'PUB',
  },
  {
    vendor: 'YouTube',
    site: 'https://www.youtube.com/live/abcdefghijk',
    call: 'https://studio.youtube.com/channel/UCabc/livestreaming',
    badge: 'PUB',
  },
  {
    vendor: 'TherapyNotes',
    site: 'https://www.therapyportal.com/p/lakeside/',
    call: 'https://www.therapyportal.com/p/lakeside/telehealth/',
    badge: 'PLAN',
  },
] as const;

/** A clinician's own EHR: chart pages never get a banner. */
const CHARTS = [
  'https://lakeside.intakeq.com/#/client/12345/notes',
  'https://lakeside.janeapp.com/admin/patients/123/charts',
  'https://secure.gethealthie.com/users/123/charting',
  'https://www.therapynotes.com/app/patients/chart/123',
  'https://app.mend.com/patients/123',
];

const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);

describe.skipIf(!hasBrowser)('page kinds in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.clear());
  });

  const open = async (url: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  };
  /** Long enough for the banner, which is drawn at document_start, to have come. */
  const settle = (page: Page) => page.waitForTimeout(400);

  it.each(VENDORS)(
    '$vendor: no banner on $site, the banner on $call; the badge on both',
    async ({ site, call, badge }) => {
      const quiet = await open(site);
      await settle(quiet);
      expect(await readBanner(quiet)).toBeNull();
      expect(
        (
          await eventually(
            () => badgeOf(browser, quiet),
            (b) => b.text !== '',
          )
        ).text,
      ).toBe(badge);

      // The positive control in the same tab: the call page of the same host.
      await quiet.goto(call);
      const loud = quiet;
      const banner = await eventually(
        () => readBanner(loud),
        (b) => b !== null,
      );
      expect(banner?.mode).toBe('full');
      expect(
        (
          await eventually(
            () => badgeOf(browser, loud),
            (b) => b.text !== '',
          )
        ).text,
      ).toBe(badge);
      await quiet.close();
    },
  );

  it.each(CHARTS)('the EHR chart page %s shows no banner', async (url) => {
    const page = await open(url);
    await settle(page);
    expect(await readBanner(page)).toBeNull();
    // The badge still answers when the clinician asks.
    expect(
      (
        await eventually(
          () => badgeOf(browser, page),
          (b) => b.text !== '',
        )
      ).text,
    ).not.toBe('');
    await expectBannerAfterGoingTo(page);
    await page.close();
  });

  it('shows only the folded pill in an app, named and reachable from the keyboard, and it opens to the full banner', async () => {
    const page = await open('https://app.slack.com/client/T012345679A/C0123456789');
    const pill = await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    expect(pill).toMatchObject({ mode: 'pill' });
    expect(pill!.buttons).toEqual([expect.stringMatching(/^CallCheck: /)]);
    expect(await tabTo(page, 'data-callcheck-banner', 10)).toBe(true);
    await page.keyboard.press('Enter');
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'full',
        )
      )?.mode,
    ).toBe('full');
    await page.close();
  });

  it('single-page apps: channel → huddle brings the banner, back takes it away (Slack)', async () => {
    const page = await open('https://app.slack.com/client/T012345679A/C0123456789');
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b !== null,
        )
      )?.mode,
    ).toBe('pill');
    await page.evaluate(() => history.pushState({}, '', '/huddle/T012345679A/C0123456789'));
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'full',
        )
      )?.mode,
    ).toBe('full');
    await page.evaluate(() => history.back());
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'pill',
        )
      )?.mode,
    ).toBe('pill');
    await page.close();
  });

  it('single-page apps: Meet landing → a meeting code → landing (Google Meet)', async () => {
    const page = await open('https://meet.google.com/landing');
    await settle(page);
    expect(await readBanner(page)).toBeNull();
    await page.evaluate(() => history.pushState({}, '', '/abc-mnop-xyz'));
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'full',
        )
      )?.mode,
    ).toBe('full');
    await page.evaluate(() => history.pushState({}, '', '/landing'));
    expect(
      await eventually(
        () => readBanner(page),
        (b) => b === null,
      ),
    ).toBeNull();
    await page.close();
  });

  it('single-page apps: Facebook feed → Messenger chat (pill) → group call (banner) → feed (nothing)', async () => {
    const page = await open('https://www.facebook.com/');
    await settle(page);
    expect(await readBanner(page)).toBeNull();
    await page.evaluate(() => history.pushState({}, '', '/messages/t/100'));
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'pill',
        )
      )?.mode,
    ).toBe('pill');
    expect(
      (
        await eventually(
          () => badgeOf(browser, page),
          (b) => b.text === 'NO',
        )
      ).text,
    ).toBe('NO');
    await page.evaluate(() => history.pushState({}, '', '/groupcall/room/1'));
    const banner = await eventually(
      () => readBanner(page),
      (b) => b?.mode === 'full',
    );
    expect(banner?.text).toMatch(/Messenger/);
    await page.evaluate(() => history.pushState({}, '', '/'));
    expect(
      await eventually(
        () => readBanner(page),
        (b) => b === null,
      ),
    ).toBeNull();
    expect(
      (
        await eventually(
          () => badgeOf(browser, page),
          (b) => b.text === '',
        )
      ).text,
    ).toBe('');
    await page.close();
  });
});
