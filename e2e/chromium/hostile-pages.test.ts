import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bannerHoldsInPage, FIGHTING_PAGES, HOLD_AGAINST, serveCallPages } from '../fixtures/pages';
import {
  badgeOf,
  bannerOnTop,
  CHROMIUM,
  clickInBanner,
  eventually,
  EXTENSION_DIR,
  launchWithExtension,
  readBanner,
  type ExtensionBrowser,
} from './harness';
import { tabTo } from '../fixtures/keyboard';

/**
 * Pages on a call host that fight the banner without meaning to: the page
 * must never hang, and the warning must stay where the clinician can see it
 * (or, where the page will not let it stay, on the badge).
 */
const PAGES: Record<string, string> = {
  'https://us02web.zoom.us/j/5553000001': FIGHTING_PAGES.sanitizer,
  'https://us02web.zoom.us/j/5553000002': FIGHTING_PAGES.everyFrame,
  'https://us02web.zoom.us/j/5553000003': FIGHTING_PAGES.newRoot,
  'https://meet.google.com/landing': FIGHTING_PAGES.definesTheName,
  'https://us02web.zoom.us/j/5553000004': FIGHTING_PAGES.fullScreenAndDialog,
};
/** The same pages, and the same check, as Firefox's suite (e2e/firefox/behaviour.test.ts). */
const FIGHTS = HOLD_AGAINST.map((name, i) => [name, `https://us02web.zoom.us/j/55530001${i}0`] as const);
for (const [name, url] of FIGHTS) PAGES[url] = FIGHTING_PAGES[name];

const hasBrowser = existsSync(CHROMIUM) && existsSync(`${EXTENSION_DIR}/manifest.json`);

/** The banner's rendered opacity, read through the inspector (the page cannot see inside). */
async function bannerOpacity(page: Page): Promise<number | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: any };
    const find = (node: any): any => {
      if ((node.attributes ?? []).some((a: string, i: number) => i % 2 === 1 && /(^| )cc-banner( |$)/.test(a)))
        return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return null;
    };
    const node = find(root);
    if (!node) return null;
    // The page may remove it between the two calls: then it was not on screen.
    const style = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId }).catch(() => null)) as {
      computedStyle: { name: string; value: string }[];
    } | null;
    return style ? Number(style.computedStyle.find((p) => p.name === 'opacity')?.value ?? NaN) : null;
  } finally {
    await cdp.detach();
  }
}

describe.skipIf(!hasBrowser)('pages that fight the banner, in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension((url) => PAGES[url] ?? serveCallPages(url));
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.clear());
  });

  it('never hangs a page that removes unknown elements from its own MutationObserver; the badge keeps the warning', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://us02web.zoom.us/j/5553000001');
    // A hung page answers nothing: evaluate would time out.
    const started = Date.now();
    for (let i = 0; i < 5; i++) {
      expect(await page.evaluate(() => document.title)).toBe('Sanitizer');
      await page.waitForTimeout(200);
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(
      (
        await eventually(
          () => badgeOf(browser, page),
          (b) => b.text !== '',
        )
      ).text,
    ).toBe('PLAN');
    await page.close();
  });

  it('stays visible on a page that removes it every frame (no fade-in restarting from zero)', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://us02web.zoom.us/j/5553000002');
    await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    await page.waitForTimeout(600);
    // Sampled a few times: whenever it is in the page, it is fully opaque.
    const seen: number[] = [];
    for (let i = 0; i < 20; i++) {
      const opacity = await bannerOpacity(page);
      if (opacity !== null) seen.push(opacity);
      await page.waitForTimeout(50);
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBe(1);
    await page.close();
  });

  it.each(FIGHTS)('holds against a page that fights it: %s (as in Firefox)', async (name, url) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    if (name !== 'everyFrame')
      await eventually(
        () => page.evaluate(() => document.title),
        (title) => title === 'swept',
      );
    await eventually(
      () => page.evaluate(bannerHoldsInPage),
      (holds) => holds,
    );
    await page.waitForTimeout(600);
    if (name !== 'everyFrame') expect(await page.evaluate(bannerHoldsInPage)).toBe(true);
    await page.close();
  });

  it('comes back after the page replaces its root element', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://us02web.zoom.us/j/5553000003');
    await eventually(
      () => page.evaluate(() => document.title),
      (title) => title === 'swept',
    );
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b !== null,
        )
      )?.mode,
    ).toBe('full');
    await page.close();
  });

  it('cannot be hijacked by a page that defines callcheck-banner as its own element first', async () => {
    const page = await browser.context.newPage();
    // Meet's landing page (no banner), then a meeting code in the same document: the banner is made after the page's definition.
    await page.goto('https://meet.google.com/landing');
    await page.waitForTimeout(300);
    await page.evaluate(() => history.pushState({}, '', '/abc-mnop-xyz'));
    const banner = await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    expect(banner?.mode).toBe('full');
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('[data-callcheck-banner]')!).display),
    ).toBe('block');
    await page.close();
  });

  it("stays on top of the call's own element full screen, and comes back when it ends", async () => {
    const page = await browser.context.newPage();
    await page.goto('https://us02web.zoom.us/j/5553000004');
    expect(
      await eventually(
        () => bannerOnTop(page),
        (on) => on,
      ),
    ).toBe(true);
    // A click is a user gesture: the page's own full-screen button works as it would for a person.
    await page.click('#full');
    await eventually(
      () => page.evaluate(() => document.fullscreenElement?.id ?? ''),
      (id) => id === 'stage',
    );
    // Everything outside the full-screen element is not drawn: the banner has to be on top of the stage.
    expect(
      await eventually(
        () => bannerOnTop(page),
        (on) => on,
      ),
    ).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await eventually(
      () => page.evaluate(() => document.fullscreenElement === null),
      (gone) => gone,
    );
    expect(
      await eventually(
        () => bannerOnTop(page),
        (on) => on,
      ),
    ).toBe(true);
    expect((await readBanner(page))?.mode).toBe('full');
    await page.close();
  });

  it('stays usable over a modal dialog, by mouse and keyboard, and is still there when it closes', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://us02web.zoom.us/j/5553000004');
    await eventually(
      () => readBanner(page),
      (b) => b?.mode === 'full',
    );
    await page.click('#dialog-open');
    // A modal dialog makes everything outside it inert: a click there does nothing.
    await page.waitForTimeout(100);
    await clickInBanner(page, 'Minimize');
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'pill',
        )
      )?.mode,
    ).toBe('pill');
    // The pill is reachable from the keyboard while the dialog is open.
    expect(await tabTo(page, 'data-callcheck-banner', 6)).toBe(true);
    await page.click('#dialog-close');
    await eventually(
      () => page.evaluate(() => !document.querySelector('dialog')!.open),
      (closed) => closed,
    );
    // Never lose the pill.
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b?.mode === 'pill',
        )
      )?.mode,
    ).toBe('pill');
    expect(
      await eventually(
        () => bannerOnTop(page),
        (on) => on,
      ),
    ).toBe(true);
    expect(await page.evaluate(() => document.querySelector('[data-callcheck-banner]')!.closest('dialog'))).toBeNull();
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(browser.unexpectedRequests).toEqual([]);
  });
});

describe.skipIf(!hasBrowser)('embedded calls, in Chromium', () => {
  let browser: ExtensionBrowser;
  const PORTAL = 'https://portal.lakeside-clinic.example/visit/42';
  const COLLAPSED_PORTAL = 'https://portal.lakeside-clinic.example/visit/43';
  beforeAll(async () => {
    browser = await launchWithExtension((url) => {
      if (url === 'https://us02web.zoom.us/j/5554000001') {
        return '<!doctype html><html><head><title>Zoom</title></head><body style="margin:0"><iframe src="https://us02web.zoom.us/wc/5554000001/join" style="border:0;width:100vw;height:100vh"></iframe></body></html>';
      }
      if (url === COLLAPSED_PORTAL) {
        return '<!doctype html><html><head><title>Patient portal</title></head><body style="margin:0"><p>Waiting for your clinician…</p><iframe id="visit" src="https://doxy.me/drlee" style="border:0;width:0;height:0" allow="camera;microphone"></iframe></body></html>';
      }
      if (url === PORTAL) {
        return '<!doctype html><html><head><title>Patient portal</title></head><body style="margin:0"><iframe src="https://doxy.me/drsmith" style="border:0;width:100vw;height:100vh" allow="camera;microphone"></iframe></body></html>';
      }
      return serveCallPages(url);
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('warns inside a full-size iframe whose host is a call host, on a portal CallCheck does not know', async () => {
    const page = await browser.context.newPage();
    await page.goto(PORTAL);
    const frame = await eventually(
      async () => page.frames().find((f) => f.url().startsWith('https://doxy.me/')),
      (f) => f !== undefined,
    );
    // The call's frame holds the banner; the portal around it does not.
    const banner = await eventually(
      () => readBanner(frame!),
      (b) => b !== null,
    );
    expect(banner?.text).toMatch(/Doxy\.me/);
    expect(await page.evaluate(() => document.querySelector('[data-callcheck-banner]'))).toBeNull();
    await page.close();
  });

  it('judges a collapsed call frame again when the portal opens it: no banner while collapsed, the banner once it is full size', async () => {
    const page = await browser.context.newPage();
    await page.goto(COLLAPSED_PORTAL);
    const frame = await eventually(
      async () => page.frames().find((f) => f.url().startsWith('https://doxy.me/')),
      (f) => f !== undefined,
    );
    await page.waitForTimeout(400);
    expect(await readBanner(frame!)).toBeNull();
    // The visit starts: the portal opens the frame (the positive control, in the same tab).
    await page.evaluate(() => {
      const visit = document.getElementById('visit')!;
      visit.style.width = '100vw';
      visit.style.height = '100vh';
    });
    const banner = await eventually(
      () => readBanner(frame!),
      (b) => b !== null,
    );
    // Doxy.me's banner was seen in the test before: it comes back folded, with its verdict.
    expect(banner?.text).toMatch(/BAA on some plans/);
    await page.close();
  });

  it('shows one banner, not two, when a call page frames its own call client', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://us02web.zoom.us/j/5554000001');
    expect(
      (
        await eventually(
          () => readBanner(page),
          (b) => b !== null,
        )
      )?.mode,
    ).toBe('full');
    const frame = await eventually(
      async () => page.frames().find((f) => f.url().includes('/wc/')),
      (f) => f !== undefined,
    );
    await page.waitForTimeout(300);
    expect(await frame!.evaluate(() => document.querySelector('[data-callcheck-banner]') !== null)).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('[data-callcheck-banner]').length)).toBe(1);
    await page.close();
  });
});
