import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Frame, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request that reached the router and was not a fake page: must stay empty. */
  unexpectedRequests: string[];
  /** An extension page, kept open to call chrome.* APIs as the extension would. */
  probe: Page;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium with the built extension, a fresh profile, and
 * every request answered from `pages` (by URL without the fragment) or
 * aborted, and every host name resolving to nothing, so nothing leaves the
 * machine. The flags turn off Chromium's own
 * background traffic, which this closed network would refuse anyway.
 */
export interface Response {
  body: string;
  contentType?: string;
  /** Server time before the answer, in ms. */
  delayMs?: number;
}

export interface LaunchOptions {
  /** A profile folder to use and keep (a browser restart reuses it); a fresh one, removed on close, by default. */
  profile?: string;
  /** More command-line flags, such as --restore-last-session. */
  args?: string[];
}

export async function launchWithExtension(
  pages: (url: string) => string | Response | undefined,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'callcheck-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      // Every host resolves to nothing, so Chromium's own update, account and
      // safe-browsing requests cannot leave the machine either: the tests'
      // "no network" promise holds by construction, not only by routing.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      ...(options.args ?? []),
    ],
  });
  const unexpectedRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    // The extension's own files and the browser's own pages come from disk.
    if (url.startsWith('chrome-extension://') || url.startsWith('chrome://')) return route.continue();
    const answer = pages(url.split('#')[0]!);
    if (answer !== undefined) {
      const {
        body,
        contentType = 'text/html; charset=utf-8',
        delayMs = 0,
      } = typeof answer === 'string' ? { body: answer } : answer;
      if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
      return route.fulfill({ status: 200, contentType, body });
    }
    unexpectedRequests.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    // Requests the router never sees (an extension's own fetches go through
    // the service worker): anything that is not ours or a fake page counts.
    const url = request.url();
    if (
      !/^chrome(-extension)?:\/\//.test(url) &&
      pages(url.split('#')[0]!) === undefined &&
      !unexpectedRequests.includes(url)
    ) {
      unexpectedRequests.push(url);
    }
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html`);
  return {
    context,
    extensionId,
    unexpectedRequests,
    probe,
    async close() {
      await context.close();
      if (!options.profile) await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface BadgeState {
  text: string;
  colour: [number, number, number, number];
  title: string;
}

/** The toolbar badge of the tab showing `url`, read as the extension sees it. */
export async function badgeOf(browser: ExtensionBrowser, page: Page): Promise<BadgeState> {
  const tabId = await tabIdOf(browser, page);
  return browser.probe.evaluate(async (id) => {
    const c = (globalThis as any).chrome;
    return {
      text: await c.action.getBadgeText({ tabId: id }),
      colour: await c.action.getBadgeBackgroundColor({ tabId: id }),
      title: await c.action.getTitle({ tabId: id }),
    };
  }, tabId);
}

/**
 * The tab id of a page. Without the tabs permission the extension sees a
 * tab's URL only on call hosts: those are found by URL; any other page was
 * just brought to the front, so it is the most recently used tab whose URL
 * is hidden.
 */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  return browser.probe.evaluate(async (pageUrl) => {
    const c = (globalThis as any).chrome;
    const all: { id: number; url?: string; active: boolean; lastAccessed?: number }[] = await c.tabs.query({});
    const exact = all.filter((t) => t.url === pageUrl);
    if (exact.length > 0) return exact.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]!.id;
    // Not a call host: its URL is hidden from the extension. The page was just
    // brought to the front, so it is the most recently accessed tab without a URL.
    const hidden = all.filter((t) => t.url === undefined);
    return hidden.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]!.id;
  }, url);
}

export interface BannerView {
  mode: 'full' | 'pill';
  role: string | null;
  text: string;
  buttons: string[];
}

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  /** An iframe's document (pierce: true includes it). */
  contentDocument?: DomNode;
}

/** Children, shadow roots and an iframe's document: everything the inspector can see inside a node. */
const inside = (node: DomNode): DomNode[] => [
  ...(node.children ?? []),
  ...(node.shadowRoots ?? []),
  ...(node.contentDocument ? [node.contentDocument] : []),
];

async function bannerTree(cdp: CDPSession): Promise<DomNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const find = (node: DomNode): DomNode | null => {
    if (node.localName?.startsWith('callcheck-banner')) return node;
    for (const child of inside(node)) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  return find(root);
}

const attr = (node: DomNode, name: string) => {
  const list = node.attributes ?? [];
  const i = list.indexOf(name);
  return i >= 0 && i % 2 === 0 ? list[i + 1]! : null;
};

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  return inside(node).map(textOf).join(' ');
}

function walk(node: DomNode, visit: (n: DomNode) => void) {
  visit(node);
  for (const child of inside(node)) walk(child, visit);
}

/**
 * What the banner shows, read through the DevTools protocol: the banner is in
 * a closed shadow root, which page scripts (and Playwright's selectors)
 * cannot enter, but the browser's own inspector can, as a screen reader can.
 */
export async function readBanner(page: Page | Frame): Promise<BannerView | null> {
  // A frame from another site runs in its own process: it gets its own session.
  const context = 'context' in page ? page.context() : page.page().context();
  const cdp = await context.newCDPSession(page);
  try {
    const host = await bannerTree(cdp);
    if (!host) return null;
    let role: string | null = null;
    let mode: 'full' | 'pill' = 'full';
    const buttons: string[] = [];
    walk(host, (n) => {
      const r = attr(n, 'role');
      if (r && !role) role = r;
      if (n.localName === 'button') buttons.push(attr(n, 'aria-label') ?? textOf(n).trim());
      if ((attr(n, 'class') ?? '').split(' ').includes('cc-pill')) mode = 'pill';
    });
    return { mode, role, text: textOf(host).replace(/\s+/g, ' ').trim(), buttons };
  } finally {
    await cdp.detach();
  }
}

/** Clicks a banner button by its label, with the mouse, as a person would. */
export async function clickInBanner(page: Page, label: string | RegExp): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const host = await bannerTree(cdp);
    if (!host) throw new Error('no banner on the page');
    let target: DomNode | null = null;
    walk(host, (n) => {
      const name = n.localName === 'button' ? (attr(n, 'aria-label') ?? textOf(n).trim()) : null;
      if (!target && name !== null && (typeof label === 'string' ? name === label : label.test(name))) target = n;
    });
    if (!target) throw new Error(`no banner button labelled ${label}`);
    // Further down a long banner (its details scroll): brought into view first, as a person would scroll to it.
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: (target as DomNode).backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: (target as DomNode).backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** The banner's box on screen, or null when it has none (hidden). */
export async function bannerBox(page: Page): Promise<{ width: number; height: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const host = await bannerTree(cdp);
    if (!host) return null;
    let panel: DomNode | null = null;
    walk(host, (n) => {
      const cls = (attr(n, 'class') ?? '').split(' ');
      if (!panel && (cls.includes('cc-banner') || cls.includes('cc-pill'))) panel = n;
    });
    if (!panel) return null;
    const box = (await cdp
      .send('DOM.getBoxModel', { backendNodeId: (panel as DomNode).backendNodeId })
      .catch(() => null)) as {
      model: { width: number; height: number };
    } | null;
    return box ? { width: box.model.width, height: box.model.height } : null;
  } finally {
    await cdp.detach();
  }
}

/** Waits until `read` returns something that satisfies `ok`, or gives the last value. */
/**
 * Whether the banner is what a person sees at its own centre: the page's
 * hit test there lands on the banner's host (a closed shadow root retargets
 * to it), not on something drawn over it or on a full-screen element.
 */
export async function bannerOnTop(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const host = await bannerTree(cdp);
    if (!host) return false;
    let box: DomNode | null = null;
    walk(host, (n) => {
      if (!box && (attr(n, 'class') ?? '').split(' ').some((c) => c === 'cc-banner' || c === 'cc-pill')) box = n;
    });
    if (!box) return false;
    const model = (await cdp
      .send('DOM.getBoxModel', { backendNodeId: (box as DomNode).backendNodeId })
      .catch(() => null)) as {
      model: { border: number[] };
    } | null;
    if (!model) return false;
    const [x1, y1, , , x3, y3] = model.model.border as [number, number, number, number, number, number];
    return await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.hasAttribute('data-callcheck-banner') ?? false,
      [(x1 + x3) / 2, (y1 + y3) / 2],
    );
  } finally {
    await cdp.detach();
  }
}

export interface MarkerView {
  /** The id of the link the marker follows. */
  after: string | null;
  label: string;
  text: string;
}

/** The link markers on the page, read through the inspector (their shadow roots are closed). */
export async function readMarkers(page: Page): Promise<MarkerView[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found: MarkerView[] = [];
    const visit = (node: DomNode, previous: DomNode | null) => {
      if (node.localName?.startsWith('callcheck-link-')) {
        let button: DomNode | null = null;
        walk(node, (n) => {
          if (!button && n.localName === 'button') button = n;
        });
        found.push({
          after: previous ? attr(previous, 'id') : null,
          label: button ? (attr(button, 'aria-label') ?? '') : '',
          text: textOf(node).replace(/\s+/g, ' ').trim(),
        });
        return;
      }
      let before: DomNode | null = null;
      for (const child of inside(node)) {
        visit(child, before);
        if (child.nodeType === 1) before = child;
      }
    };
    visit(root, null);
    return found;
  } finally {
    await cdp.detach();
  }
}

/**
 * Reads until `ok` holds and returns the value; when it never holds within
 * the time, the test fails here, saying what was last read (a time-out is
 * never passed on as a value the test might accept).
 */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() >= until) {
      throw new Error(
        `eventually: not reached within ${timeoutMs} ms; last read: ${JSON.stringify(value)?.slice(0, 500)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/**
 * The control call page: Signal signs no BAA, so no setting in these tests
 * turns its banner off, and no test asserts on Signal's own banner (a banner
 * seen comes back folded within the hour).
 */
export const CONTROL_CALL = 'https://signal.link/call/#key=hktt-kskq-dhcn-bgkm-hbbg-qqkq-sfbp-czmc';

/**
 * The positive control beside a negative check: the same tab, sent on to a
 * call page, shows the banner. Without it, "no banner" would also pass when
 * the extension never loaded or its banner script never ran in that tab.
 */
export async function expectBannerAfterGoingTo(page: Page, url = CONTROL_CALL): Promise<BannerView> {
  await page.goto(url);
  return (await eventually(
    () => readBanner(page),
    (b) => b !== null,
    8_000,
  ))!;
}

/**
 * Records, in the page itself, when the banner's element first appears:
 * `bannerTime(page)` reads it back (ms since navigation start). Call before
 * navigating.
 */
export async function recordBannerTime(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-callcheck-banner]')) {
        (window as unknown as { __bannerAt: number }).__bannerAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export function bannerTime(page: Page): Promise<number | undefined> {
  return page.evaluate(() => (window as unknown as { __bannerAt?: number }).__bannerAt);
}

/** Opens the popup for a tab, as the toolbar button would, once its facts are rendered. */
export async function openPopup(browser: ExtensionBrowser, tabId: number, width = 420): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready]');
  return popup;
}

/**
 * Stands in for the person clicking "Allow" on Chromium's permission prompt,
 * which headless Chromium never shows (permissions.request would wait
 * forever). It is what chrome://extensions' "Site access" control does; the
 * extension's own permissions.request then resolves true without a prompt,
 * so its real code path still runs.
 */
export async function allowSiteAccess(browser: ExtensionBrowser, origin: string): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(([id, host]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, host), [
      browser.extensionId,
      origin,
    ] as const);
  } finally {
    await page.close();
  }
}

const AXE_SOURCE = () =>
  import('node:fs').then((fs) => fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/**
 * Runs axe-core on a page and returns its violations. Evaluated through the
 * DevTools protocol, which the extension pages' CSP does not restrict.
 */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.evaluate(await AXE_SOURCE());
  return page.evaluate(async () => {
    const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n: any) => n.target.join(' ')),
    }));
  });
}
