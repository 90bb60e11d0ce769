import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_PAGES } from '../fixtures/mail-pages';
import { serveCallPages } from '../fixtures/pages';
import {
  CHROMIUM,
  clickInBanner,
  eventually,
  EXTENSION_DIR,
  launchWithExtension,
  readBanner,
  readMarkers,
  type ExtensionBrowser,
} from './harness';

/** A Slack channel whose messages carry meeting links. */
const SLACK = 'https://app.slack.com/client/T012345679A/C0123456789';
const PAGES: Record<string, string> = {
  ...MAIL_PAGES,
  [SLACK]: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>general - Slack</title></head><body><main>
    <p>Session link: <a id="zoom" href="https://us02web.zoom.us/j/5551234567">zoom</a>, <a id="teams" href="https://teams.live.com/meet/9312345678901">teams</a>,
    <a id="doxy" href="https://doxy.me/drsmith">doxy</a>; pricing: <a id="pricing" href="https://zoom.us/pricing">pricing</a></p></main></body></html>`,
};

const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);

/**
 * The names of CallCheck's elements on a page (banner hosts, link markers),
 * read through the inspector. Each copy of a content script names its
 * elements with a random suffix of its own, so the names tell copies apart.
 */
async function ownElements(page: Page, prefix: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { localName?: string; children?: Node[]; shadowRoots?: Node[]; contentDocument?: Node };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const names: string[] = [];
    const visit = (node: Node) => {
      if (node.localName?.startsWith(prefix)) names.push(node.localName);
      for (const child of [
        ...(node.children ?? []),
        ...(node.shadowRoots ?? []),
        ...(node.contentDocument ? [node.contentDocument] : []),
      ])
        visit(child);
    };
    visit(root);
    return names;
  } finally {
    await cdp.detach();
  }
}

/**
 * Chrome updates extensions while call tabs are open. The copies already
 * running there are cut off from the extension; the newest copy must take
 * over, and the old one must take itself away: one banner that works, one
 * marker per link.
 */
describe.skipIf(!hasBrowser)('an update while call and mail tabs are open, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension((url) => PAGES[url] ?? serveCallPages(url));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leaves one working banner and one marker per link', async () => {
    // Link checking on in a Slack channel, a site CallCheck already reads (no permission to grant: in
    // headless Chromium a reload disables an extension that was granted an optional host).
    await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.set({ linkSites: ['app.slack.com'] }));
    const call = await browser.context.newPage();
    await call.goto('https://us02web.zoom.us/j/5551234001');
    await eventually(
      () => readBanner(call),
      (b) => b !== null,
    );
    const mail = await browser.context.newPage();
    await mail.goto(SLACK);
    const before = await eventually(
      () => readMarkers(mail),
      (m) => m.length >= 3,
      10_000,
    );
    expect(before).toHaveLength(3);

    const [oldBanner] = await ownElements(call, 'callcheck-banner-');
    const [oldMarker] = await ownElements(mail, 'callcheck-link-');

    // The update: the extension reloads, as chrome://extensions' Reload button does it (in developer mode,
    // as a person reloading an unpacked extension is: otherwise Chromium disables it on reload).
    const extensions = await browser.context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate(
      () =>
        new Promise((done) =>
          (globalThis as any).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done),
        ),
    );
    await extensions.evaluate(
      (id) =>
        new Promise((done) => (globalThis as any).chrome.developerPrivate.reload(id, { failQuietly: true }, done)),
      browser.extensionId,
    );

    // The new copies arrive in the open tabs…
    await expect
      .poll(async () => (await ownElements(call, 'callcheck-banner-')).some((name) => name !== oldBanner), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect
      .poll(async () => (await ownElements(mail, 'callcheck-link-')).some((name) => name !== oldMarker), {
        timeout: 20_000,
      })
      .toBe(true);
    await mail.waitForTimeout(1_000);
    // …and the old ones are gone: one banner, one marker per link.
    expect((await ownElements(call, 'callcheck-banner-')).filter((name) => name !== oldBanner)).toHaveLength(1);
    expect(await ownElements(call, 'callcheck-banner-')).toHaveLength(1);
    expect(await ownElements(mail, 'callcheck-link-')).toHaveLength(3);
    expect((await readMarkers(mail)).map((m) => m.after)).toEqual(['zoom', 'teams', 'doxy']);
    // The banner works: seen a moment ago, it comes folded (the new copy read the memory); opened, its Snooze is saved.
    expect((await readBanner(call))?.mode).toBe('pill');
    await clickInBanner(call, /^CallCheck: /);
    await expect.poll(async () => (await readBanner(call))?.mode).toBe('full');
    await clickInBanner(call, /Snooze 1 day/);
    await expect.poll(async () => (await ownElements(call, 'callcheck-banner-')).length).toBe(0);
    await call.reload();
    await call.waitForTimeout(600);
    expect(await ownElements(call, 'callcheck-banner-')).toEqual([]);
    await Promise.all([call.close(), mail.close(), extensions.close()]);
  });
});
