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
      settings: {
        ...ORG,
        approvals: [{ productId: 'zoom', signedOn: '2026-01-15', plan: 'Zoom for Healthcare', by: 'organization' }],
      },
      // Approved calls show no banner by default; turned on here to show it.
      preferences: {
        bannerVerdicts: ['approved', 'blocked', 'public', 'discontinued', 'no-baa', 'check-plan', 'unverified'],
      },
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
    const banner = await eventually(
      () => readBanner(page),
      (b) => b !== null,
    );
    await page.waitForTimeout(400); // let the entrance animation finish
    await page.screenshot({ path: `${OUT}/banner-${scenario.verdict}.png` });
    const bannerAt = (await bannerTime(page)) ?? NaN;
    const badge = await eventually(
      () => badgeOf(browser, page),
      (b) => b.text !== '',
    );
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    await popup.screenshot({ path: `${OUT}/popup-${scenario.verdict}.png`, fullPage: true });
    await popup.close();
    // The committed summary holds only what must not change between runs;
    // timings vary, so they go to the terminal.
    rows.push(
      `| ${scenario.url} | ${scenario.verdict} | ${badge.text} | ${banner ? banner.mode : 'none'} | ${scenario.note ?? ''} |`,
    );
    console.log(`${scenario.url}: banner in the page ${bannerAt.toFixed(0)} ms after navigation start`);
    await page.close();
  }

  // The options page, with a clinic's own decisions, and its directory.
  await browser.probe.evaluate(() =>
    (globalThis as any).chrome.storage.local.set({
      settings: {
        approvals: [{ productId: 'zoom', signedOn: '2026-01-15', plan: 'Zoom for Healthcare', by: 'user' }],
        blocks: [{ productId: 'facetime', by: 'user' }],
        customVendors: [
          {
            id: 'custom-our-jitsi',
            name: 'Lakeside Jitsi',
            sites: [{ host: 'video.lakeside-clinic.org' }],
            baa: 'not-applicable',
            e2ee: 'optional',
            sources: [],
          },
        ],
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
  await eventually(
    () => readBanner(dark),
    (b) => b !== null,
  );
  await dark.waitForTimeout(400);
  await dark.screenshot({ path: `${OUT}/banner-dark.png` });
  await dark.close();

  await storeImages(browser);
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

/**
 * The stores' images, made from the built extension so they never go stale:
 * three 1280×800 screenshots (the banner on a call, the popup's facts, the
 * directory) and the 440×280 promotional tile, in docs/store/.
 */
async function storeImages(browser: Awaited<ReturnType<typeof launchWithExtension>>) {
  const STORE = 'docs/store';
  await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.clear());
  const call = await browser.context.newPage();
  await call.setViewportSize({ width: 1280, height: 800 });
  await call.goto('https://teams.live.com/meet/9312345');
  await eventually(
    () => readBanner(call),
    (b) => b !== null,
  );
  await call.waitForTimeout(400);
  await call.screenshot({ path: `${STORE}/screenshot-1-banner.png` });

  // The popup as it opens on that tab, beside the call it speaks of.
  const popup = await openPopup(browser, await tabIdOf(browser, call), 400);
  await popup.setViewportSize({ width: 400, height: 760 });
  const popupPng = (await popup.screenshot()).toString('base64');
  const callPng = (await call.screenshot()).toString('base64');
  await popup.close();
  await call.close();
  const frame = await browser.context.newPage();
  await frame.setViewportSize({ width: 1280, height: 800 });
  await frame.setContent(`<html><body style="margin:0;background:#e8eef8;font:16px system-ui,sans-serif">
    <img src="data:image/png;base64,${callPng}" style="position:absolute;left:20px;top:100px;width:800px;border-radius:8px;box-shadow:0 4px 16px #0003">
    <img src="data:image/png;base64,${popupPng}" style="position:absolute;right:40px;top:20px;width:400px;border-radius:8px;box-shadow:0 4px 16px #0004">
    <p style="position:absolute;left:24px;top:24px;margin:0;font-size:28px;font-weight:600;color:#1f1f1f">Every fact with its source</p>
  </body></html>`);
  await frame.screenshot({ path: `${STORE}/screenshot-2-popup.png` });

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForSelector('body[data-ready]');
  await options.getByLabel('Free or cheapest plan has a BAA', { exact: true }).selectOption({ label: 'Yes' });
  await options.locator('#directory').scrollIntoViewIfNeeded();
  await options.evaluate(() => document.getElementById('directory')?.scrollIntoView());
  await options.screenshot({ path: `${STORE}/screenshot-3-directory.png` });
  await options.close();

  const icon = (await import('node:fs')).readFileSync('public/icon/128.png').toString('base64');
  await frame.setViewportSize({ width: 440, height: 280 });
  await frame.setContent(`<html><body style="margin:0;width:440px;height:280px;background:#0b57d0;color:#fff;font:16px system-ui,sans-serif;display:flex;align-items:center;gap:20px;padding:0 28px;box-sizing:border-box">
    <img src="data:image/png;base64,${icon}" width="96" height="96" style="background:#fff;border-radius:22px">
    <div><p style="margin:0;font-size:34px;font-weight:700">CallCheck</p>
    <p style="margin:6px 0 0;font-size:17px;line-height:1.35">Is there a HIPAA BAA for this call? Sourced facts, on the call page.</p></div>
  </body></html>`);
  await frame.screenshot({ path: `${STORE}/tile-440x280.png` });
  await frame.close();
}

await main();
