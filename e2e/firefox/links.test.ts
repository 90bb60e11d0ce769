/**
 * Link markers in Firefox ESR, through the organization's path: policies.json
 * (CI runs as root) lists a site for link checking. The site chosen is a
 * Slack channel, where meeting links are posted: CallCheck already reads
 * app.slack.com (an install-time call host), so no grant is needed, which
 * WebDriver BiDi could not give anyway (see behaviour.test.ts). Removed
 * afterwards, also on failure.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_ID } from '../../utils/policy/formats';
import { FIREFOX_ESR_PATH, launchFirefox, servePages, type FirefoxHandle } from './launch-firefox';

const EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));
const POLICIES = '/usr/lib/firefox-esr/distribution/policies.json';
const CHANNEL = 'https://app.slack.com/client/T012345679A/C0123456789';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>#front-desk - Slack</title></head><body><main>
<p>Today's session: <a id="zoom" href="https://us02web.zoom.us/j/5551234567">https://us02web.zoom.us/j/5551234567</a></p>
<p>Look-alike: <a id="lookalike" href="https://zoom.us.evil.example/j/1">zoom</a>; pricing: <a id="pricing" href="https://zoom.us/pricing">zoom.us/pricing</a></p>
</main></body></html>`;

const canWrite =
  process.getuid?.() === 0 &&
  existsSync(FIREFOX_ESR_PATH) &&
  existsSync(`${EXTENSION_DIR}/manifest.json`) &&
  !existsSync(POLICIES);
const skipReason =
  process.getuid?.() !== 0
    ? 'needs root to write policies.json'
    : !existsSync(FIREFOX_ESR_PATH)
      ? `${FIREFOX_ESR_PATH} is missing`
      : existsSync(POLICIES)
        ? `${POLICIES} already exists and is left alone`
        : 'build the Firefox extension first';
if (!canWrite) console.warn(`Firefox link-marker test skipped: ${skipReason}`);

describe.skipIf(!canWrite)(`link markers in Firefox ESR${canWrite ? '' : ` (skipped: ${skipReason})`}`, () => {
  let firefox: FirefoxHandle;

  beforeAll(async () => {
    writeFileSync(
      POLICIES,
      JSON.stringify({
        policies: { '3rdparty': { Extensions: { [FIREFOX_EXTENSION_ID]: { LinkCheckSites: ['app.slack.com'] } } } },
      }),
    );
    try {
      firefox = await launchFirefox({ extensionDir: EXTENSION_DIR });
    } catch (error) {
      rmSync(POLICIES, { force: true });
      throw error;
    }
  }, 60_000);
  afterAll(async () => {
    rmSync(POLICIES, { force: true });
    await firefox?.close();
  }, 30_000);

  it('marks the meeting link in a channel the organization listed, and not the look-alike or the pricing page', async () => {
    const page = await firefox.browser.newPage();
    await servePages(page, { [CHANNEL]: PAGE });
    await page.goto(CHANNEL, { waitUntil: 'load' });
    const marked = async () =>
      page.evaluate(() =>
        ['zoom', 'lookalike', 'pricing'].map(
          (id) => document.getElementById(id)?.nextElementSibling?.hasAttribute('data-callcheck-marker') ?? false,
        ),
      );
    const end = Date.now() + 10_000;
    let state = await marked();
    while (!state[0] && Date.now() < end) {
      await new Promise((done) => setTimeout(done, 200));
      state = await marked();
    }
    expect(state).toEqual([true, false, false]);
    await page.close();
  });
});
