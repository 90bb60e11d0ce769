import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveCallPages } from '../fixtures/pages';
import {
  badgeOf,
  CHROMIUM,
  eventually,
  EXTENSION_DIR,
  launchWithExtension,
  readBanner,
  type ExtensionBrowser,
} from './harness';

/**
 * Joins that live outside the path: in the fragment, in the query, inside a
 * launcher's parameter, and the call pages of products that had no call rule.
 * For each, a page of the same host that is not a call stays quiet first, in
 * the same tab, so the quiet page is never quiet because the extension had
 * not loaded: the call page that follows is the positive control.
 */
const CASES = [
  {
    name: 'Teams, a join routed through the fragment',
    quiet: 'https://teams.microsoft.com/l/meeting/new?subject=Session',
    call: 'https://teams.microsoft.com/_#/l/meetup-join/19:meeting_OTU4ZDM5@thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d&anon=true',
    name_: /Microsoft Teams \(work or school\)/,
  },
  {
    name: 'Teams, the launcher page carrying the join in url=',
    quiet:
      'https://teams.microsoft.com/meetingOptions/?organizerId=1&tenantId=2&threadId=19_meeting_X@thread.v2&messageId=0',
    call: 'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_OWQxZDc4MzYt%40thread.v2%2F0%3Fcontext%3D%257b%257d%26anon%3Dtrue&type=meetup-join&deeplinkId=5044eb28&directDl=true&msLaunch=true&enableMobilePage=true&suppressPrompt=true',
    name_: /Microsoft Teams \(work or school\)/,
  },
  {
    name: 'Teams free, the launcher page (type=meet)',
    quiet: 'https://teams.live.com/l/meeting/new',
    call: 'https://teams.live.com/dl/launcher/launcher.html?url=%2F_%23%2Fmeet%2F9361792952021%3Fp%3Dabc12345%26anon%3Dtrue&type=meet&directDl=true&msLaunch=true&enableMobilePage=true&suppressPrompt=true',
    name_: /Microsoft Teams \(free\)/,
  },
  {
    name: 'Teams Virtual Appointments, the patient’s browser join',
    quiet: 'https://visit.teams.microsoft.com/',
    call: 'https://visit.teams.microsoft.com/webrtc-svc/api/route?tid=a796be92-&convId=19:meeting_=True',
    name_: /Microsoft Teams/,
  },
  {
    name: 'Webex, a collabs join (uuid= in the query)',
    quiet: 'https://meetings.webex.com/',
    call: 'https://meetings.webex.com/collabs/meetings/join?uuid=M8X65K8I6T5W87VYZCNQW1Q4LV-N73J',
    name_: /Webex/,
  },
  {
    name: 'Webex Instant Connect, a virtual visit',
    quiet: 'https://instant.webex.com/virtualcare',
    call: 'https://instant.webex.com/visit/ckmNR7I',
    name_: /Webex/,
  },
  {
    name: 'Zoom Events, a join link',
    quiet: 'https://events.zoom.us/ev/abc123',
    call: 'https://events.zoom.us/ejl/AbCdEf123xyz/home',
    name_: /Zoom/,
  },
  {
    name: 'Zoho Meeting, join?key=',
    quiet: 'https://meeting.zoho.com/meeting/register?sessionId=1075542529',
    call: 'https://meeting.zoho.com/join?key=123456789',
    name_: /Zoho Meeting/,
  },
  {
    name: 'Telegram, a group-call link',
    quiet: 'https://t.me/durov',
    call: 'https://t.me/call/KigSDr0fLj8wlqJ9nmPlrUP9cPY',
    name_: /Telegram/,
  },
  {
    name: 'Telegram, a video chat (?videochat)',
    quiet: 'https://t.me/somegroup',
    call: 'https://t.me/somegroup?videochat=2',
    name_: /Telegram/,
  },
  {
    name: 'Doximity, a Dialer video call',
    quiet: 'https://www.doximity.com/news',
    call: 'https://www.doximity.com/dialer/call/video?target_number=6502333444',
    name_: /Doximity/,
  },
  {
    name: 'Facebook, the Live Producer',
    quiet: 'https://www.facebook.com/live',
    call: 'https://www.facebook.com/live/producer',
    name_: /Facebook Live/,
  },
  {
    name: 'SecureVideo, the patient’s waiting room',
    quiet: 'https://hub.securevideo.com/Knowledge/Details/144',
    call: 'https://hub.securevideo.com/Pass/Join/111222333?launch=1',
    name_: /SecureVideo/,
  },
  {
    name: 'Cal Video, a booking’s room',
    quiet: 'https://app.cal.com/bookings',
    call: 'https://app.cal.com/video/1de4BmdXEb983kIUHomUnA',
    name_: /Cal Video/,
  },
] as const;

const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);
/** Long after the banner, drawn at document_start, would have come. */
const SETTLE_MS = 500;

describe.skipIf(!hasBrowser)('page rules that read the whole URL, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension(serveCallPages);
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A product's banner seen minutes ago comes back folded: each case starts as a first visit.
  beforeEach(async () => {
    await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.remove('bannerState'));
  });

  it.each(CASES)(
    '$name: quiet on a page of the same host, then the full banner on the call',
    async ({ quiet, call, name_ }) => {
      const page = await browser.context.newPage();
      await page.goto(quiet);
      await page.waitForTimeout(SETTLE_MS);
      expect(await readBanner(page)).toBeNull();
      // The badge answers on the quiet page too: the extension runs on this host.
      expect(
        (
          await eventually(
            () => badgeOf(browser, page),
            (b) => b.text !== '',
          )
        ).text,
      ).not.toBe('');
      await page.goto(call);
      const banner = await eventually(
        () => readBanner(page),
        (b) => b !== null,
      );
      expect(banner?.mode).toBe('full');
      expect(banner?.text).toMatch(name_);
      await page.close();
    },
  );

  it('a hash-only navigation brings the banner and takes it away (Teams: chat → meeting → chat)', async () => {
    const page: Page = await browser.context.newPage();
    await page.goto('https://teams.microsoft.com/_#/conversations/19:abc@thread.v2');
    // The Teams web app: the folded pill, not the banner.
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b !== null,
        )
      )?.mode,
    ).toBe('pill');
    await page.evaluate(() => (location.hash = '#/l/meetup-join/19:meeting_OTU4ZDM5@thread.v2/0?context=%7b%7d'));
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'full',
        )
      )?.mode,
    ).toBe('full');
    await page.evaluate(() => (location.hash = '#/conversations/19:abc@thread.v2'));
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

  it('made no network request of its own', () => {
    expect(browser.unexpectedRequests).toEqual([]);
  });
});
