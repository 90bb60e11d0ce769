/**
 * `npm run demo`: builds CallCheck, opens it in headless Chromium on built-in
 * sample call pages (no network), and writes what a clinician would see to
 * demo/: a screenshot of the banner and of the popup for each verdict, and a
 * summary table (URL, verdict, badge, banner time).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { badgeOf, eventually, launchWithExtension, readBanner, tabIdOf } from '../e2e/chromium/harness';
import { callPage } from '../e2e/fixtures/pages';

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
  { verdict: 'public', url: 'https://www.twitch.tv/somechannel' },
  { verdict: 'discontinued', url: 'https://web.skype.com/' },
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
  const browser = await launchWithExtension((url) => (url.startsWith('https://') ? callPage(new URL(url).hostname) : undefined));
  const rows: string[] = [];
  for (const scenario of SCENARIOS) {
    await browser.probe.evaluate(async (stored) => {
      const c = (globalThis as any).chrome;
      await c.storage.local.clear();
      if (stored) await c.storage.local.set(stored);
    }, scenario.stored ?? null);

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 760 });
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('callcheck-banner')) {
          (window as unknown as { __bannerAt: number }).__bannerAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(scenario.url);
    const banner = await eventually(() => readBanner(page), (b) => b !== null);
    await page.waitForTimeout(400); // let the entrance animation finish
    await page.screenshot({ path: `${OUT}/banner-${scenario.verdict}.png` });
    const bannerAt = (await page.evaluate(() => (window as unknown as { __bannerAt?: number }).__bannerAt)) ?? NaN;
    const badge = await eventually(() => badgeOf(browser, page), (b) => b.text !== '');
    await shootPopup(browser.probe, page, await tabIdOf(browser, page), `${OUT}/popup-${scenario.verdict}.png`, browser.extensionId);
    rows.push(
      `| ${scenario.url} | ${scenario.verdict} | ${badge.text} | ${banner ? `${bannerAt.toFixed(0)} ms` : 'none'} | ${scenario.note ?? ''} |`,
    );
    await page.close();
  }

  // The same banner in dark mode, for people who use it.
  await browser.probe.evaluate(() => (globalThis as any).chrome.storage.local.clear());
  const dark = await browser.context.newPage();
  await dark.emulateMedia({ colorScheme: 'dark' });
  await dark.setViewportSize({ width: 1200, height: 760 });
  await dark.goto('https://web.whatsapp.com/');
  await eventually(() => readBanner(dark), (b) => b !== null);
  await dark.waitForTimeout(400);
  await dark.screenshot({ path: `${OUT}/banner-dark.png` });
  await dark.close();
  await browser.close();

  const summary = [
    '# CallCheck demo',
    '',
    'Made by `npm run demo`: the built extension in headless Chromium on built-in sample pages (no network).',
    'Banner time is from navigation start to the banner being in the page.',
    '',
    '| URL | verdict | badge | banner | note |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  await writeFile(`${OUT}/summary.md`, summary);
  console.log(summary);
}

async function shootPopup(probe: Page, _page: Page, tabId: number, path: string, extensionId: string) {
  const popup = await probe.context().newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready]');
  await popup.screenshot({ path, fullPage: true });
  await popup.close();
}

await main();
