import { render } from 'preact';
import { browser } from 'wxt/browser';
import { explainers, productFacts, withProductFacts } from '../../extension/packaged-facts';
import slim from 'virtual:callcheck/slim-dataset';
import '../../components/page.css';
import { Popup } from '../../components/Popup';
import { t } from '../../extension/i18n';
import { loadEffective } from '../../extension/stored';
import { readSiteAccess } from '../../extension/site-access';
import { loadLinkCheck, loadLinkSites } from '../../extension/storage';
import { sendSettings } from '../../extension/send-settings';
import { linkSiteOrigin, originsToGiveBack, withLinkSites } from '../../utils/links/link-sites';
import { assess, assessAll } from '../../utils/verdict/assess';
import { localDate } from '../../utils/dataset/dates';

/**
 * The toolbar popup: the facts for the current tab, or a search over the
 * dataset when the tab is not a call platform. `?tab=ID` shows another tab
 * (the end-to-end tests and the options page use it).
 *
 * The verdict and page kind come from the slim dataset, as in the banner;
 * the facts it shows are read when shown, without quotes or the page
 * rules' evidence (scripts/facts-files.ts, extension/packaged-facts.ts).
 */
async function main() {
  // Read at once, in parallel with the tab and settings.
  const explaining = explainers();
  const tabParam = new URLSearchParams(location.search).get('tab');
  const tabRead = tabParam
    ? browser.tabs.get(Number(tabParam)).catch(() => undefined)
    : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
  // The facts of the product the address names are read as soon as the tab
  // is known, before the settings (which may say otherwise: then they are not used).
  void tabRead.then((tab) => {
    const guess = tab?.url ? assess(tab.url, slim) : null;
    if (guess?.ok && guess.match?.entry.origin === 'dataset') void productFacts(guess.match.entry.id);
  });
  // Every read at once: each is a round trip to the browser. Where link
  // checking stands matters only on a page that is not a call (below).
  const linkReads = Promise.all([loadLinkSites(), loadLinkCheck()]);
  const [tab, { settings, controls, access }, siteAccess] = await Promise.all([
    tabRead,
    loadEffective(browser.storage.local),
    readSiteAccess(),
  ]);
  // Without the tabs permission the URL is there only on call hosts.
  const result = tab?.url ? assess(tab.url, slim, settings) : null;
  const found = result?.ok ? result.match : null;
  // The product's facts file is read while the rest is worked out.
  const facts = found ? withProductFacts(found) : Promise.resolve(null);
  // Link checking for this site: offered on any web page that is not a call platform (activeTab gives its URL at the click).
  const host = !found && tab?.url && /^https:\/\//.test(tab.url) ? new URL(tab.url).hostname : null;
  const [linkSites, linkCheck] = host ? await linkReads : [[], null];
  const linkSite =
    host && linkCheck && !linkCheck.forbidden
      ? {
          host,
          on: linkSites.includes(host),
          toggle: async (on: boolean): Promise<string | null> => {
            const origin = linkSiteOrigin(host);
            // Asked first, while the click still counts as the person's gesture.
            if (on && !(await browser.permissions.request({ origins: [origin] }).catch(() => false)))
              return t('links_refused');
            const error = await sendSettings({
              type: 'callcheck:set-link-sites',
              sites: withLinkSites(await loadLinkSites(), [host], on),
            });
            if (error) return error;
            const giveBack = on ? [] : originsToGiveBack([host], linkCheck.organization);
            if (giveBack.length > 0) await browser.permissions.remove({ origins: giveBack }).catch(() => false);
            return null;
          },
        }
      : undefined;
  const [match, explained] = await Promise.all([facts, explaining]);
  render(
    <Popup
      match={match}
      all={assessAll(slim, settings)}
      loadFacts={withProductFacts}
      explainers={explained}
      t={t}
      today={localDate()}
      supportContact={controls.supportContact}
      access={access}
      siteAccess={siteAccess}
      requestOrigins={(origins) => browser.permissions.request({ origins })}
      linkSite={linkSite}
      onRecordBaa={(productId) => {
        void browser.tabs.create({
          url: `${browser.runtime.getURL('/options.html')}#record=${encodeURIComponent(productId)}`,
        });
        window.close();
      }}
    />,
    document.getElementById('app')!,
  );
  document.body.dataset.ready = 'true';
  // Read by `npm run bench:browser`: time from opening the popup to its facts on screen.
  performance.mark('callcheck:facts-rendered');
}

void main();
