import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/page.css';
import { Popup } from '../../components/Popup';
import { t } from '../../extension/i18n';
import { loadEffective } from '../../extension/stored';
import { assess, assessAll } from '../../utils/verdict/assess';
import { dataset } from '../../utils/dataset/bundled';

/**
 * The toolbar popup: the facts for the current tab, or a search over the
 * dataset when the tab is not a call platform. `?tab=ID` shows another tab
 * (the end-to-end tests and the options page use it).
 */
async function main() {
  const tabParam = new URLSearchParams(location.search).get('tab');
  const [tab, { settings, controls }] = await Promise.all([
    tabParam ? browser.tabs.get(Number(tabParam)).catch(() => undefined) : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]),
    loadEffective(browser.storage.local),
  ]);
  // Without the tabs permission the URL is there only on call hosts.
  const result = tab?.url ? assess(tab.url, dataset, settings) : null;
  const match = result?.ok ? result.match : null;
  render(
    <Popup
      match={match}
      all={assessAll(dataset, settings)}
      explainers={dataset.explainers}
      t={t}
      today={new Date().toISOString().slice(0, 10)}
      supportContact={controls.supportContact}
      onRecordBaa={(productId) => {
        void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#record=${encodeURIComponent(productId)}` });
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
