/**
 * `npm run demo`: builds CallCheck, opens it in headless Chromium on built-in
 * sample call pages (no network), and writes what a clinician would see to
 * demo/: a screenshot of the banner and of the popup for each verdict, and a
 * summary table (URL, verdict, badge, banner), stable from run to run; the
 * banner timings are printed, not committed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import {
  badgeOf,
  bannerTime,
  eventually,
  launchWithExtension,
  openPopup,
  readBanner,
  recordBannerTime,
  tabIdOf,
} from '../e2e/chromium/harness';
import { serveCallPages } from '../e2e/fixtures/pages';

interface Scenario {
  verdict: string;
  url: string;
  stored?: Record<string, unknown>;
  note?: string;
}

const ORG = { organization: 'Lakeside Clinic' };
const SCENARIOS: Scenario[] = [
  { verdict: 'no-baa', url: 'https://teams.live.com/meet/9312345' },
  { verdict: 'check-plan', url: 'https://meet.google.com/abc-defg-hij' },
  { verdict: 'unverified', url: 'https://meet.jit.si/LakesideTherapy' },
  { verdict: 'public', url: 'https://dashboard.twitch.tv/u/somechannel/stream-manager' },
  { verdict: 'discontinued', url: 'https://join.skype.com/hbWmzgjmJF1H' },
  {
    verdict: 'blocked',
    url: 'https://clinic.webex.com/meet/dr.smith',
    stored: { settings: { ...ORG, blocks: [{ productId: 'webex', by: 'organization' }] } },
  },
  {
    verdict: 'approved',
    url: 'https://us02web.zoom.us/j/123456789',
    stored: {
      settings: { ...ORG, approvals: [{ productId: 'zoom', signedOn: '2026-01-15', plan: 'Zoom for Healthcare', by: 'organization' }] },
      // Approved calls show no banner by default; turned on here to show it.
      preferences: { bannerVerdicts: ['approved', 'blocked', 'public', 'discontinued', 'no-baa', 'check-plan', 'unverified'] },
    },
    note: 'no banner by default; shown here with the approved banner turned on',
  },
];

const OUT = 'demo';

async function main() {
  await mkdir(OUT, { recursive: true });
  const browser = await launchWithExtension(serveCallPages);
  const rows: string[] = [];
  for (const scenario of SCENARIOS) {
    await browser.probe.evaluate(async (stored) => {
      const c = (globalThis as any).chrome;
      await c.storage.local.clear();
      if (stored) await c.storage.local.set(stored);
    }, scenario.stored ?? null);

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 760 });
    await recordBannerTime(page);
    await page.goto(scenario.url);
    const banner = await eventually(() => readBanner(page), (b) => b !== null);
    await page.waitForTimeout(400); // let the entrance animation finish
    await page.screenshot({ path: `${OUT}/banner-${scenario.verdict}.png` });
    const bannerAt = (await bannerTime(page)) ?? NaN;
    const badge = await eventually(() => badgeOf(browser, page), (b) => b.text !== '');
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    await popup.screenshot({ path: `${OUT}/popup-${scenario.verdict}.png`, fullPage: true });
    await popup.close();
    // The committed summary holds only what must not change between runs;
    // timings vary, so they go to the terminal.
    rows.push(`| ${scenario.url} | ${scenario.verdict} | ${badge.text} | ${banner ? banner.mode : 'none'} | ${scenario.note ?? ''} |`);
    console.log(`${scenario.url}: banner in the page ${bannerAt.toFixed(0)} ms after navigation start`);
    await page.close();
  }

  // The options page, with a clinic's own decisions, and its directory.
  await browser.probe.evaluate(() =>
    (globalThis as any).chrome.storage.local.set({
      settings: {
        approvals: [{ productId: 'zoom', signedOn: '2026-01-15', plan: 'Zoom for Healthcare', by: 'user' }],
        blocks: [{ productId: 'facetime', by: 'user' }],
        customVendors: [{ id: 'custom-our-jitsi', name: 'Lakeside Jitsi', sites: [{ host: 'video.lakeside-clinic.org' }], baa: 'not-applicable', e2ee: 'optional', sources: [] }],
      },
    }),
  );
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForSelector('body[data-ready]');
  await options.screenshot({ path: `${OUT}/options.png` });
  await options.locator('#directory').scrollIntoViewIfNeeded();
  await options.getByLabel('Verdict', { exact: true }).selectOption({ label: 'BAA on some plans: check yours' });
  await options.locator('#directory').screenshot({ path: `${OUT}/directory.png` });
  await options.close();

  // The same banner in dark mode, for people who use it.
  await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.clear());
  const dark = await browser.context.newPage();
  await dark.emulateMedia({ colorScheme: 'dark' });
  await dark.setViewportSize({ width: 1200, height: 760 });
  await dark.goto('https://call.whatsapp.com/video/4TTXpaqkz2LuMiN7rPjYAw');
  await eventually(() => readBanner(dark), (b) => b !== null);
  await dark.waitForTimeout(400);
  await dark.screenshot({ path: `${OUT}/banner-dark.png` });
  await dark.close();
  await browser.close();

  const summary = [
    '# CallCheck demo',
    '',
    'Made by `npm run demo`: the built extension in headless Chromium on built-in sample pages (no network).',
    '',
    '| URL | verdict | badge | banner | note |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  await writeFile(`${OUT}/summary.md`, summary);
  console.log(summary);
}

await main();
