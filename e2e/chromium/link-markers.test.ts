import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR, GMAIL, GMAIL_BUSY, GMAIL_PLACES, MAIL_PAGES, OUTLOOK, PORTAL } from '../fixtures/mail-pages';
import { serveCallPages } from '../fixtures/pages';
import {
  allowSiteAccess,
  axeViolations,
  CHROMIUM,
  eventually,
  EXTENSION_DIR,
  launchWithExtension,
  openPopup,
  readMarkers,
  tabIdOf,
  type ExtensionBrowser,
} from './harness';
import { tabTo } from '../fixtures/keyboard';

const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);

/** Long after the link checker, had it been registered, would have looked (it runs at document_idle, debounced). */
const SETTLE_MS = 700;

describe.skipIf(!hasBrowser)('link markers in mail, calendar and portals, in Chromium', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension((url) => MAIL_PAGES[url] ?? serveCallPages(url));
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready]');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (url: string) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  };

  it('Gmail: nothing until link checking is turned on there; then it asks for that one site at the click, and marks the call links only', async () => {
    // Before: no markers. The same tab, reloaded once the site is on, is the positive control.
    const page = await open(GMAIL);
    await page.waitForTimeout(SETTLE_MS);
    expect(await readMarkers(page)).toEqual([]);
    // Stands in for the person's "Allow" on the prompt headless Chromium never shows; the page's own request still runs.
    await allowSiteAccess(browser, 'https://mail.google.com/*');
    await options.getByLabel('Gmail (mail.google.com)').check();
    await expect.poll(() => options.locator('#links-status').innerText()).toMatch(/Links are checked on Gmail/);
    // Exactly that origin on top of the install-time hosts.
    const { granted, installed } = await browser.probe.evaluate(async () => ({
      granted: (await (globalThis as any).chrome.permissions.getAll()).origins as string[],
      // Install-time hosts, and the banner's content-script matches, which Chromium lists as granted too.
      installed: [
        ...((globalThis as any).chrome.runtime.getManifest().host_permissions as string[]),
        ...((globalThis as any).chrome.runtime.getManifest().content_scripts as { matches: string[] }[]).flatMap(
          (c) => c.matches,
        ),
      ],
    }));
    expect(granted.filter((o) => !installed.includes(o))).toEqual(['https://mail.google.com/*']);

    await page.reload();
    const markers = await eventually(
      () => readMarkers(page),
      (m) => m.length >= 3,
      8_000,
    );
    expect(markers.map((m) => [m.after, m.label])).toEqual([
      ['zoom', 'CallCheck: BAA on some plans: check yours — Zoom Workplace'],
      ['teams', 'CallCheck: No BAA: not for patient sessions — Microsoft Teams (free)'],
      ['doxy', 'CallCheck: BAA on some plans: check yours — Doxy.me'],
    ]);
    expect(markers.map((m) => m.text)).toEqual(['PLAN', 'NO', 'PLAN']);
    await page.close();
  });

  it('the marker is reachable from the keyboard, opens the verdict and why, and Escape closes it', async () => {
    const page = await open(GMAIL);
    await eventually(
      () => readMarkers(page),
      (m) => m.length >= 2,
      8_000,
    );
    await page.bringToFront();
    expect(await tabTo(page, 'data-callcheck-marker', 8)).toBe(true);
    await page.keyboard.press('Enter');
    const opened = await eventually(
      () => readMarkers(page),
      (m) => m.some((x) => /All facts/.test(x.text)),
    );
    expect(opened.find((x) => /All facts/.test(x.text))?.text).toMatch(/Zoom offers a BAA|BAA on some plans/);
    await page.keyboard.press('Escape');
    await eventually(
      () => readMarkers(page),
      (m) => !m.some((x) => /All facts/.test(x.text)),
    );
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-callcheck-marker'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a page stylesheet cannot hide the markers', async () => {
    const page = await open(GMAIL);
    await eventually(
      () => readMarkers(page),
      (m) => m.length >= 3,
      8_000,
    );
    await page.addStyleTag({
      content:
        '[data-callcheck-marker], a + * { display: none !important; visibility: hidden !important; opacity: 0 !important; width: 0 !important; }',
    });
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('[data-callcheck-marker]')].map((marker) => {
        const box = marker.getBoundingClientRect();
        return marker.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && box.width > 0;
      }),
    );
    expect(shown).toEqual([true, true, true]);
    await page.close();
  });

  it('marks within a moment on a page that redraws 100 links every frame, a 100 KB wrapped link included', async () => {
    const page = await open(GMAIL_BUSY);
    const started = Date.now();
    const markers = await eventually(
      () => readMarkers(page),
      (m) => m.length >= 3,
      5_000,
    );
    expect(markers.map((m) => m.after).sort()).toEqual(['later', 'wrapped', 'zoom']);
    // The page is still redrawing: the markers did not wait for it to settle.
    expect(await page.evaluate(() => document.querySelectorAll('#churn a').length)).toBe(100);
    expect(Date.now() - started).toBeLessThan(5_000);
    await page.close();
  });

  it('Gmail: reads links as the browser resolves them, in web components and message frames, however they are spelled', async () => {
    const page = await open(GMAIL_PLACES);
    const markers = await eventually(
      () => readMarkers(page),
      (m) => m.length >= 7,
      8_000,
    );
    await page.waitForTimeout(SETTLE_MS);
    // Four spellings the browser opens as Zoom calls, a shadow root, a srcdoc frame, a relative link under <base href>;
    // not the links the browser resolves on the mail site itself, the look-alike, or the help and pricing pages beside them.
    expect((await readMarkers(page)).map((m) => m.after).sort()).toEqual(
      ['backslashes', 'escaped-host', 'in-frame', 'in-shadow', 'other-scheme', 'relative', 'trailing-dot'].sort(),
    );
    expect(markers.find((m) => m.after === 'in-frame')?.label).toMatch(/Doxy\.me/);
    expect(markers.find((m) => m.after === 'in-shadow')?.label).toMatch(/Google Meet/);
    // A message that arrives later inside the web component gets its marker too.
    await page.evaluate(() => {
      const later = document.createElement('p');
      later.innerHTML = '<a id="later-in-shadow" href="https://whereby.com/lakeside-room">later</a>';
      document.getElementById('component')!.shadowRoot!.append(later);
    });
    expect(
      (
        await eventually(
          () => readMarkers(page),
          (m) => m.some((x) => x.after === 'later-in-shadow'),
        )
      ).some((x) => x.after === 'later-in-shadow'),
    ).toBe(true);
    await page.close();
  });

  it('Google Calendar: unwraps Google redirects; a help page gets no marker', async () => {
    await allowSiteAccess(browser, 'https://calendar.google.com/*');
    await options.getByLabel('Google Calendar (calendar.google.com)').check();
    await expect
      .poll(() => options.locator('#links-status').innerText())
      .toMatch(/Links are checked on Google Calendar/);
    const page = await open(CALENDAR);
    const markers = await eventually(
      () => readMarkers(page),
      (m) => m.length >= 2,
      8_000,
    );
    expect(markers.map((m) => m.after)).toEqual(['meet', 'zoom']);
    await page.close();
  });

  it('Outlook: unwraps Safe Links; a look-alike wrapper and a wrapped pricing page get none', async () => {
    for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'])
      await allowSiteAccess(browser, `https://${host}/*`);
    await options.getByLabel(/^Outlook on the web/).check();
    await expect.poll(() => options.locator('#links-status').innerText()).toMatch(/Links are checked on Outlook/);
    const page = await open(OUTLOOK);
    const markers = await eventually(
      () => readMarkers(page),
      (m) => m.length >= 1,
      8_000,
    );
    await page.waitForTimeout(SETTLE_MS);
    expect((await readMarkers(page)).map((m) => [m.after, m.text])).toEqual([['teams', 'PLAN']]);
    expect(markers[0]!.label).toMatch(/Microsoft Teams/);
    await page.close();
  });

  it('turning a site on reaches the tab already open there, without a reload', async () => {
    const page = await open(GMAIL);
    await options.getByLabel('Gmail (mail.google.com)').uncheck();
    expect(
      await eventually(
        () => readMarkers(page),
        (m) => m.length === 0,
      ),
    ).toEqual([]);
    await allowSiteAccess(browser, 'https://mail.google.com/*');
    await options.getByLabel('Gmail (mail.google.com)').check();
    expect(
      (
        await eventually(
          () => readMarkers(page),
          (m) => m.length >= 3,
          10_000,
        )
      ).length,
    ).toBe(3);
    await page.close();
  });

  it('switching Gmail off takes the markers away at once, in the open tab, and gives the access back', async () => {
    const page = await open(GMAIL);
    await eventually(
      () => readMarkers(page),
      (m) => m.length >= 2,
      8_000,
    );
    await options.getByLabel('Gmail (mail.google.com)').uncheck();
    expect(
      await eventually(
        () => readMarkers(page),
        (m) => m.length === 0,
      ),
    ).toEqual([]);
    const granted = await browser.probe.evaluate(() => (globalThis as any).chrome.permissions.getAll());
    expect(granted.origins).not.toContain('https://mail.google.com/*');
    await page.close();
  });

  it('the popup turns link checking on for a portal, for that one origin', async () => {
    // Headless Chromium gives no activeTab to a popup opened as a page, so the
    // site's access is granted first (as a click on the toolbar button would
    // for that tab): the popup can read its URL, and its own request still runs.
    await allowSiteAccess(browser, 'https://portal.lakeside-ehr.example/*');
    await browser.probe.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'grant-portal';
      button.textContent = 'grant';
      button.onclick = () =>
        void (globalThis as any).chrome.permissions.request({ origins: ['https://portal.lakeside-ehr.example/*'] });
      document.body.prepend(button);
    });
    await browser.probe.click('#grant-portal');
    await browser.probe.evaluate(() => document.getElementById('grant-portal')?.remove());
    const page = await open(PORTAL);
    await page.waitForTimeout(SETTLE_MS);
    expect(await readMarkers(page)).toEqual([]);
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    await popup.getByRole('button', { name: 'Check meeting links on portal.lakeside-ehr.example' }).click();
    await expect
      .poll(() => popup.locator('.cc-link-offer').innerText())
      .toMatch(/Links are checked on portal\.lakeside-ehr\.example/);
    await popup.close();
    await page.reload();
    const markers = await eventually(
      () => readMarkers(page),
      (m) => m.length >= 1,
      8_000,
    );
    expect(markers.map((m) => m.after)).toEqual(['doxy']);
    // Revoked in the browser (its site-access control): the markers go at once, without a reload.
    await browser.probe.evaluate(() =>
      (globalThis as any).chrome.permissions.remove({ origins: ['https://portal.lakeside-ehr.example/*'] }),
    );
    expect(
      await eventually(
        () => readMarkers(page),
        (m) => m.length === 0,
      ),
    ).toEqual([]);
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(browser.unexpectedRequests).toEqual([]);
  });
});
