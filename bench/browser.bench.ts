/**
 * `npm run bench:browser`: what a clinician waits for, measured in headless
 * Chromium with the built extension. Prints numbers; asserts nothing.
 *
 * - over 24 navigations to call pages: median time from navigation start to
 *   the banner being in the DOM, to DOMContentLoaded and to first contentful
 *   paint, and the share of navigations where the banner came first. Two
 *   kinds of page: shaped like a real call page (a render-blocking
 *   stylesheet in the head, 25 ms of server time), and a bare page that
 *   paints about 15 ms after the content script starts, the worst case: the
 *   banner waits for one storage read (the user's BAAs, snoozes and
 *   dismissals), which no browser lets a content script do synchronously;
 * - over 24 navigations to pages of the same vendors that are not calls
 *   (pricing, help, feeds, an EHR chart): how many banners were ever drawn;
 * - the popup: time from opening it to its facts being rendered;
 * - the content script's size, raw and gzipped, data included.
 */
import { callPage, callPageWithStylesheet, FIXTURE_STYLESHEET } from '../e2e/fixtures/pages';
import { EXTENSION_DIR, launchWithExtension, recordBannerTime, tabIdOf } from '../e2e/chromium/harness';
import { printBudgets } from '../scripts/budgets';

/** Call pages: the banner must be in place before they paint. */
const URLS = [
  'https://us02web.zoom.us/j/5551112222',
  'https://teams.live.com/meet/2',
  'https://meet.google.com/abc-defg-hij',
  'https://doxy.me/drsmith',
  'https://call.whatsapp.com/video/4TTXpaqkz2LuMiN7rPjYAw',
  'https://meet.jit.si/Room',
  'https://dashboard.twitch.tv/u/channel/stream-manager',
  'https://join.skype.com/hbWmzgjmJF1H',
];
/** Pages of the same vendors that are not calls, and EHR charts: no banner may ever be drawn there. */
const SITE_URLS = [
  'https://zoom.us/pricing',
  'https://support.zoom.com/hc/en',
  'https://meet.google.com/landing',
  'https://www.webex.com/pricing/index.html',
  'https://doxy.me/sign-in',
  'https://www.tiktok.com/@somecreator',
  'https://www.doximity.com/news',
  'https://lakeside.intakeq.com/clients/123/notes',
];
const ROUNDS = 3; // 24 navigations

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

type Row = { url: string; banner: number; dcl: number; fcp: number };

async function main() {
  const browser = await launchWithExtension((url) => {
    if (url.endsWith('/callcheck-fixture/app.css'))
      return { body: FIXTURE_STYLESHEET, contentType: 'text/css', delayMs: 25 };
    if (!url.startsWith('https://')) return undefined;
    const { hostname, searchParams } = new URL(url);
    return searchParams.get('page') === 'bare' ? callPage(hostname) : callPageWithStylesheet(hostname);
  });
  const page = await browser.context.newPage();
  await recordBannerTime(page);
  // Counts every banner element ever inserted, even one removed at once.
  await page.addInitScript(() => {
    const w = window as unknown as { __bannersDrawn: number };
    w.__bannersDrawn = 0;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node.nodeName.startsWith('CALLCHECK-BANNER')) w.__bannersDrawn++;
    }).observe(document, { childList: true, subtree: true });
  });

  const measure = async (kind: 'call' | 'bare'): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const url of URLS) {
        await page.goto(`${url}${url.includes('?') ? '&' : '?'}page=${kind}&round=${round}`);
        const timing = await page.waitForFunction(() => {
          const w = window as unknown as { __bannerAt?: number };
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return w.__bannerAt !== undefined && fcp && nav && nav.domContentLoadedEventStart > 0
            ? { banner: w.__bannerAt, dcl: nav.domContentLoadedEventStart, fcp: fcp.startTime }
            : null;
        });
        rows.push({ url, ...((await timing.jsonValue()) as Omit<Row, 'url'>) });
      }
    }
    return rows;
  };
  const callRows = await measure('call');
  const bareRows = await measure('bare');

  let siteNavigations = 0;
  let siteBanners = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const url of SITE_URLS) {
      await page.goto(`${url}${url.includes('?') ? '&' : '?'}page=call&round=${round}`, { waitUntil: 'load' });
      // Long after the content script has decided (it does so at document_start).
      await page.waitForTimeout(300);
      siteNavigations++;
      siteBanners += await page.evaluate(() => (window as unknown as { __bannersDrawn: number }).__bannersDrawn);
    }
  }

  // The popup side by side with the extension's smallest page (the privacy
  // policy: a few KB of script), opened alternately in the same tab: on a
  // busy machine both slow down, and their ratio still says what the popup
  // costs beyond opening any extension page at all.
  const popupTimes: number[] = [];
  const smallestTimes: number[] = [];
  const tabId = await tabIdOf(browser, page);
  const popup = await browser.context.newPage();
  for (let i = 0; i < 20; i++) {
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const rendered = await popup.waitForFunction(
      () => performance.getEntriesByName('callcheck:facts-rendered')[0]?.startTime,
    );
    popupTimes.push((await rendered.jsonValue()) as number);
    await popup.goto(`chrome-extension://${browser.extensionId}/privacy.html`, { waitUntil: 'domcontentloaded' });
    smallestTimes.push(
      await popup.evaluate(
        () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ),
    );
  }
  await browser.close();

  const report = (title: string, rows: Row[]) => {
    const before = rows.filter((r) => r.banner <= r.fcp).length;
    console.log(`\n${title}: ${rows.length} navigations`);
    console.log(`  median navigation start → banner in DOM     ${ms(median(rows.map((r) => r.banner)))}`);
    console.log(`  median navigation start → DOMContentLoaded  ${ms(median(rows.map((r) => r.dcl)))}`);
    console.log(`  median navigation start → first paint (FCP) ${ms(median(rows.map((r) => r.fcp)))}`);
    console.log(
      `  median banner − DOMContentLoaded            ${ms(median(rows.map((r) => r.banner - r.dcl)))}   (target ≤ 5 ms)`,
    );
    console.log(
      `  banner before first paint                   ${before}/${rows.length} = ${((100 * before) / rows.length).toFixed(0)}%   (target ≥ 95%)`,
    );
  };

  console.log('CallCheck browser benchmark: headless Chromium, built extension');
  report('Call-like pages (render-blocking stylesheet, 25 ms server time)', callRows);
  report('Bare pages (worst case: paint ~15 ms after the content script starts)', bareRows);
  console.log(`\nSite pages (pricing, help, feeds, EHR charts): ${siteNavigations} navigations`);
  console.log(`  banners drawn                               ${siteBanners}   (target 0)`);
  const popupMedian = median(popupTimes);
  const smallestMedian = median(smallestTimes);
  console.log(
    `\npopup, side by side with the smallest extension page (privacy.html), ${popupTimes.length} opens each:`,
  );
  console.log(
    `  median popup open → facts rendered          ${ms(popupMedian)}   (target ≤ 50 ms where the machine is quiet)`,
  );
  console.log(`  median privacy.html open → DOMContentLoaded ${ms(smallestMedian)}`);
  console.log(
    `  ratio popup / smallest page                 ${(popupMedian / smallestMedian).toFixed(2)}×   (target ≤ 1.3×)`,
  );
  printBudgets(EXTENSION_DIR);
}

await main();
