import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_PAGE, serveCallPages } from '../fixtures/pages';
import {
  badgeOf,
  bannerBox,
  CHROMIUM,
  clickInBanner,
  eventually,
  expectBannerAfterGoingTo,
  EXTENSION_DIR,
  bannerTime,
  launchWithExtension,
  openPopup,
  readBanner,
  recordBannerTime,
  tabIdOf,
  type ExtensionBrowser,
} from './harness';
import { tabTo } from '../fixtures/keyboard';

/** Call URLs across every verdict, with what a clinician must see. */
const CALLS = [
  {
    url: 'https://us02web.zoom.us/j/123456789',
    verdict: 'check-plan',
    badge: 'PLAN',
    role: 'status',
    text: /BAA on some plans/,
  },
  {
    url: 'https://teams.live.com/meet/9312345',
    verdict: 'no-baa',
    badge: 'NO',
    role: 'alert',
    text: /No BAA: not for patient sessions/,
  },
  {
    url: 'https://join.skype.com/hbWmzgjmJF1H',
    verdict: 'discontinued',
    badge: 'OLD',
    role: 'alert',
    text: /retired on 2025-05-05/,
  },
  {
    url: 'https://dashboard.twitch.tv/u/somechannel/stream-manager',
    verdict: 'public',
    badge: 'PUB',
    role: 'alert',
    text: /public-facing broadcast/,
  },
  {
    url: 'https://meet.google.com/abc-defg-hij',
    verdict: 'check-plan',
    badge: 'PLAN',
    role: 'status',
    text: /Google offers a BAA/,
  },
  { url: 'https://doxy.me/drsmith', verdict: 'check-plan', badge: 'PLAN', role: 'status', text: /Doxy\.me/ },
  {
    url: 'https://facetime.apple.com/join#v=1&p=abc',
    verdict: 'no-baa',
    badge: 'NO',
    role: 'alert',
    text: /Apple does not sign a BAA/,
  },
  {
    url: 'https://call.whatsapp.com/video/4TTXpaqkz2LuMiN7rPjYAw',
    verdict: 'no-baa',
    badge: 'NO',
    role: 'alert',
    text: /does not sign a BAA/,
  },
  {
    url: 'https://meet.jit.si/SomeTherapyRoom',
    verdict: 'unverified',
    badge: '?',
    role: 'status',
    text: /could not confirm/,
  },
  {
    url: 'https://studio.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx/livestreaming',
    verdict: 'public',
    badge: 'PUB',
    role: 'alert',
    text: /YouTube Live/,
  },
  {
    url: 'https://www.messenger.com/groupcall/room/x',
    verdict: 'no-baa',
    badge: 'NO',
    role: 'alert',
    text: /Messenger/,
  },
  {
    url: 'https://app.chime.aws/meetings/123',
    verdict: 'discontinued',
    badge: 'OLD',
    role: 'alert',
    text: /retired on 2026-02-20/,
  },
  // Slack's HIPAA terms keep PHI to messages and files: huddles are outside its BAA.
  { url: 'https://app.slack.com/huddle/T1/C1', verdict: 'no-baa', badge: 'NO', role: 'alert', text: /Slack/ },
] as const;

/** Look-alikes: never a banner, never a badge. */
const LOOKALIKES = [
  'https://zoom.us.evil.com/j/1',
  'https://evilzoom.us/j/1',
  'https://zoom.us@evil.com/j/1',
  'https://xn--zm-fmca.us/j/1',
  'https://teams.live.com.evil.com/meet/1',
  'https://meet.google.com.evil.com/abc',
  'https://doxy.me.example.org/room',
  'https://www.facebook.com/photos',
];

const COLOURS = { red: [161, 35, 27, 255], amber: [122, 79, 0, 255], green: [30, 107, 52, 255] };
const FAMILY: Record<string, keyof typeof COLOURS> = {
  'check-plan': 'amber',
  unverified: 'amber',
  'no-baa': 'red',
  public: 'red',
  discontinued: 'red',
  blocked: 'red',
  approved: 'green',
};

const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);

describe.skipIf(!hasBrowser)('CallCheck in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension((url) => {
      if (url === 'https://us05web.zoom.us/j/5550000666') return HOSTILE_PAGE;
      return serveCallPages(url);
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (url: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  };
  const setStored = (values: Record<string, unknown>) =>
    browser.probe.evaluate((v) => (globalThis as any).chrome.storage.local.set(v), values);
  const clearStored = () => browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.clear());

  // Each test starts as a new install would: no snoozes, nothing seen, no BAAs.
  beforeEach(async () => {
    await clearStored();
  });

  it.each(CALLS)('$url shows the $verdict banner and badge', async ({ url, verdict, badge, role, text }) => {
    const page = await open(url);
    // Confirmed by the settings (a provisional banner has no role yet).
    const banner = await eventually(
      () => readBanner(page),
      (b) => b !== null && b.role !== null,
    );
    expect(banner).toMatchObject({ mode: 'full', role });
    expect(banner!.text).toMatch(text);
    expect(banner!.buttons).toEqual(
      expect.arrayContaining([
        'Details',
        'Dismiss for this page',
        'Minimize',
        expect.stringMatching(/^Snooze 1 day \(/),
      ]),
    );
    const state = await eventually(
      () => badgeOf(browser, page),
      (b) => b.text !== '',
    );
    expect(state.text).toBe(badge);
    expect(state.colour).toEqual(COLOURS[FAMILY[verdict]!]);
    expect(state.title).toMatch(/^CallCheck: /);
    await page.close();
  });

  it.each(LOOKALIKES)('%s gets no banner and no badge', async (url) => {
    const page = await open(url);
    await page.waitForTimeout(300);
    expect(await readBanner(page)).toBeNull();
    expect((await badgeOf(browser, page)).text).toBe('');
    await expectBannerAfterGoingTo(page);
    await page.close();
  });

  it('shows the banner before the page first paints', async () => {
    const page = await browser.context.newPage();
    await recordBannerTime(page);
    await page.goto('https://teams.live.com/meet/1000000001');
    const timing = await eventually(
      async () => ({
        banner: await bannerTime(page),
        paint: await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime),
      }),
      (t) => t.banner !== undefined && t.paint !== undefined,
    );
    expect(timing.banner).toBeLessThanOrEqual(timing.paint!);
    await page.close();
  });

  it('dismiss for this page survives a reload, and only for that page', async () => {
    const page = await open('https://teams.live.com/meet/1000000002');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    await clickInBanner(page, 'Dismiss for this page');
    expect(
      await eventually(
        () => readBanner(page),
        (b) => b === null,
      ),
    ).toBeNull();
    await page.reload();
    await page.waitForTimeout(300);
    expect(await readBanner(page)).toBeNull();
    // Another meeting of the same platform, in the same tab, still gets its banner.
    await expectBannerAfterGoingTo(page, 'https://teams.live.com/meet/1000000003');
    await page.close();
  });

  it('Escape inside the banner dismisses it; focus is never taken from the page', async () => {
    const page = await open('https://call.whatsapp.com/video/escapeEscape42');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    // Keyboard only: Tab reaches the banner's buttons.
    expect(await tabTo(page, 'data-callcheck-banner', 10)).toBe(true);
    await page.keyboard.press('Escape');
    expect(
      await eventually(
        () => readBanner(page),
        (b) => b === null,
      ),
    ).toBeNull();
    await page.close();
  });

  it('keeps keyboard focus where a person expects: Minimize → pill, pill → banner, Escape → back to the page', async () => {
    const page = await open('https://teams.live.com/meet/1000000010');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    await page.getByRole('button', { name: 'Leave' }).focus();
    await clickInBanner(page, 'Minimize');
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'pill',
        )
      )?.mode,
    ).toBe('pill');
    // Focus went to the pill: Enter opens the banner again.
    await page.keyboard.press('Enter');
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'full',
        )
      )?.mode,
    ).toBe('full');
    // Focus went into the banner: Escape reaches it, and dismisses it.
    await page.keyboard.press('Escape');
    expect(
      await eventually(
        () => readBanner(page),
        (b) => b === null,
      ),
    ).toBeNull();
    // Back where the person was before entering the banner.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Leave');
    await page.close();
    await clearStored();
  });

  it('snoozing a vendor survives a reload and covers its other meetings', async () => {
    const page = await open('https://meet.jit.si/snooze-room');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    await clickInBanner(page, /^Snooze 1 day/);
    expect(
      await eventually(
        () => readBanner(page),
        (b) => b === null,
      ),
    ).toBeNull();
    await page.reload();
    await page.waitForTimeout(300);
    expect(await readBanner(page)).toBeNull();
    const other = await open('https://meet.jit.si/another-room');
    await other.waitForTimeout(300);
    expect(await readBanner(other)).toBeNull();
    // The badge still tells the truth while the banner sleeps.
    expect((await badgeOf(browser, other)).text).toBe('?');
    // The snooze is Jitsi's alone: another platform in the same tab gets its banner.
    await expectBannerAfterGoingTo(other);
    await page.close();
    await other.close();
    await clearStored();
  });

  it('folds into a pill that reopens, so the call controls are never covered for good', async () => {
    const page = await open('https://us02web.zoom.us/j/5550000001');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    await clickInBanner(page, 'Minimize');
    const pill = await eventually(
      () => readBanner(page),
      (b) => b?.mode === 'pill',
    );
    expect(pill?.text).toMatch(/CallCheck: BAA on some plans/);
    const box = await bannerBox(page);
    expect(box!.height).toBeLessThan(40);
    await clickInBanner(page, /^CallCheck:/);
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'full',
        )
      )?.mode,
    ).toBe('full');
    await page.close();
    await clearStored();
  });

  it('shows the key facts and sources inline under Details', async () => {
    const page = await open('https://us02web.zoom.us/j/5550000002');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    await clickInBanner(page, 'Details');
    const banner = await eventually(
      () => readBanner(page),
      (b) => /End-to-end encryption/.test(b?.text ?? ''),
    );
    expect(banner!.text).toMatch(/BAA Offered/);
    expect(banner!.text).toMatch(/support\.zoom\.com/);
    expect(banner!.text).toMatch(/checked \d{4}-\d{2}-\d{2}/);
    await page.close();
    await clearStored();
  });

  it('after "No BAA", lists the platforms that sign one under Details; a name opens its full facts', async () => {
    const page = await open('https://teams.live.com/meet/1000000031');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    await clickInBanner(page, 'Details');
    const banner = await eventually(
      () => readBanner(page),
      (b) => /Platforms that sign a BAA/.test(b?.text ?? ''),
    );
    expect(banner!.text).toMatch(/Free or cheapest plan has a BAA: /);
    expect(banner!.buttons).toContain('All facts: Zoom Workplace');
    // Amber verdicts have no list.
    const zoom = await open('https://us02web.zoom.us/j/5550000031');
    await eventually(
      () => readBanner(zoom),
      (b) => b !== null,
    );
    await clickInBanner(zoom, 'Details');
    expect(
      (await eventually(
        () => readBanner(zoom),
        (b) => /End-to-end/.test(b?.text ?? ''),
      ))!.text,
    ).not.toMatch(/Platforms that sign a BAA/);
    await zoom.close();
    // One click: Zoom's facts in the options page's directory.
    const opened = browser.context.waitForEvent('page');
    await clickInBanner(page, 'All facts: Zoom Workplace');
    const options = await opened;
    await options.waitForSelector('body[data-ready]');
    expect(options.url()).toMatch(/options\.html#facts=zoom$/);
    await expect
      .poll(() => options.locator('#directory-detail').innerText())
      .toMatch(/Zoom Workplace[\s\S]*BAA on some plans/);
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('directory-detail');
    await options.close();
    await page.close();
    await clearStored();
  });

  it('keeps the banner visible on a page whose CSS tries to hide it', async () => {
    const page = await open('https://us05web.zoom.us/j/5550000666');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    const box = await bannerBox(page);
    expect(box!.width).toBeGreaterThan(300);
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('[data-callcheck-banner]')!;
        const style = getComputedStyle(host);
        return {
          display: style.display,
          visibility: style.visibility,
          opacity: style.opacity,
          shadow: host.shadowRoot,
        };
      }),
    ).toEqual({ display: 'block', visibility: 'visible', opacity: '1', shadow: null });
    await page.close();
  });

  it('turns approved (green, no banner) after the clinic records a BAA, and blocked when it blocks', async () => {
    // A block stored in the user's own settings is the user's, even when it claims the organization's authority.
    await setStored({
      settings: {
        approvals: [{ productId: 'zoom', signedOn: '2026-01-15' }],
        blocks: [{ productId: 'webex', by: 'organization' }],
      },
    });
    const zoom = await open('https://us02web.zoom.us/j/5550000003');
    const badge = await eventually(
      () => badgeOf(browser, zoom),
      (b) => b.text !== '',
    );
    expect(badge).toMatchObject({ text: 'OK', colour: COLOURS.green });
    await zoom.waitForTimeout(300);
    expect(await readBanner(zoom)).toBeNull();
    await expectBannerAfterGoingTo(zoom);
    const webex = await open('https://clinic.webex.com/meet/dr.smith');
    const banner = await eventually(
      () => readBanner(webex),
      (b) => b !== null,
    );
    expect(banner).toMatchObject({ role: 'alert' });
    expect(banner!.text).toMatch(/You blocked Webex/);
    expect(banner!.text).not.toMatch(/organization/);
    expect((await badgeOf(browser, webex)).text).toBe('BLK');
    await zoom.close();
    await webex.close();
    await clearStored();
  });

  it('"We have a BAA" opens the options page at that vendor', async () => {
    const page = await open('https://meet.google.com/baa-butt-onx');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    const opened = browser.context.waitForEvent('page');
    await clickInBanner(page, 'We have a BAA');
    const options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html#record=google-meet`);
    await expect.poll(() => options.locator('#baa-product').inputValue()).toBe('google-meet');
    // Arriving there, focus is on the product chosen, ready for the next field.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('baa-product');
    await options.close();
    await page.close();
  });

  it('popup shows the facts for a call tab, with sources and what to do next', async () => {
    const page = await open('https://teams.live.com/meet/1000000004');
    const tabId = await tabIdOf(browser, page);
    const popup = await openPopup(browser, tabId);
    const text = await popup.locator('body').innerText();
    expect(text).toMatch(/Microsoft Teams \(free\)/);
    expect(text).toMatch(/No BAA: not for patient sessions/);
    expect(text).toMatch(/What to do next/);
    expect(text).toMatch(/Encryption in transit/);
    expect(text).toMatch(/End-to-end encryption/);
    expect(text).toMatch(/Facts reviewed \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/not legal advice/);
    // Each fact's sources fold under it; opened, they are links.
    await popup.locator('.cc-fact-sources summary').first().click();
    expect(await popup.getByRole('link').count()).toBeGreaterThan(0);
    await expect.poll(() => popup.getByText('The 2020 telehealth leniency has ended').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it('popup, after "No BAA", offers the platforms that sign one, and opens one\'s facts', async () => {
    const page = await open('https://teams.live.com/meet/1000000032');
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const list = popup.getByRole('region', { name: /^Platforms that sign a BAA \(\d+\)$/ });
    // Folded under its heading, so the first screen stays the verdict and its facts.
    expect(await list.getByRole('listitem').count()).toBe(0);
    await list.getByRole('button', { name: /^Platforms that sign a BAA/ }).click();
    await expect.poll(() => list.innerText()).toMatch(/Facts, not a ranking/);
    expect(await list.getByRole('listitem').count()).toBeGreaterThanOrEqual(15);
    await list.getByRole('button', { name: 'All facts: Doxy.me' }).click();
    await expect.poll(() => popup.locator('h1').innerText()).toMatch(/BAA on some plans/);
    expect(await popup.locator('.cc-product').innerText()).toBe('Doxy.me');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await popup.close();
    await page.close();
  });

  it('popup on any other tab says so and searches the whole dataset', async () => {
    const page = await open('https://www.example.org/');
    const tabId = await tabIdOf(browser, page);
    const popup = await openPopup(browser, tabId);
    expect(await popup.locator('body').innerText()).toMatch(/not a call platform CallCheck knows/);
    await popup.getByLabel('Look up a call platform').fill('facetime');
    await popup.getByRole('button', { name: /FaceTime/ }).click();
    // Its facts are read from the package, then shown.
    await expect.poll(() => popup.locator('h1').innerText()).toMatch(/No BAA/);
    // Focus moved to the facts chosen, and goes back to the search box with Back.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await popup.getByRole('button', { name: /Back/ }).click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('cc-q');
    await popup.close();
    await page.close();
  });

  it('gives the right badge after its service worker was stopped', async () => {
    const cdp = await browser.context.newCDPSession(browser.probe);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(browser.extensionId));
    expect(worker).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
    await cdp.detach();
    const page = await open('https://teams.live.com/meet/1000000005');
    expect(
      (
        await eventually(
          () => badgeOf(browser, page),
          (b) => b.text !== '',
        )
      ).text,
    ).toBe('NO');
    await page.close();
  });

  it('its own pages cannot reach the network: the browser refuses (content security policy)', async () => {
    const outcome = await browser.probe.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const remote = await fetch('https://example.org/collect').then(
        () => 'sent',
        () => 'refused',
      );
      // The extension's own files stay readable.
      const own = await fetch('/manifest.json').then((r) => (r.ok ? 'read' : 'failed'));
      await new Promise((done) => setTimeout(done, 50));
      return { remote, own, violations };
    });
    expect(outcome).toEqual({ remote: 'refused', own: 'read', violations: ['connect-src'] });
  });

  it('made no network request of its own', () => {
    expect(browser.unexpectedRequests).toEqual([]);
  });
});
