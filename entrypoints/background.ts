import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { callHostMatches } from 'virtual:callcheck/slim-dataset';
import { factRows } from '../components/fact-rows';
import { verdictKey } from '../components/verdict-text';
import { t } from '../extension/i18n';
import { parseRuntimeMessage, type FactsReply } from '../extension/runtime-messages';
import { loadStored } from '../extension/storage';
import { assess, VERDICT_FAMILY } from '../utils/assess';
import { dataset } from '../utils/dataset';

const FAMILY_COLOUR = { red: '#a1231b', amber: '#7a4f00', green: '#1e6b34' } as const;

/**
 * The background keeps no state that matters: every event recomputes from the
 * tab's URL and stored settings, so a service worker that was stopped and
 * started again gives the same answers.
 */
export default defineBackground(() => {
  // The URL is readable only on hosts CallCheck has permission for, the call
  // hosts; anywhere else it is undefined, which means "not a call": clear.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void showBadge(tabId, tab.url);
    // A single-page app moved to another URL without loading a page.
    if (change.url !== undefined && tab.url) {
      browser.tabs.sendMessage(tabId, { type: 'callcheck:location', url: tab.url }).catch(() => {});
    }
  });

  // Only settings change a verdict; banner state (snoozes, dismissals) does not touch the badge.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void refreshAllBadges();
  });
  browser.runtime.onStartup.addListener(() => void refreshAllBadges());
  browser.runtime.onInstalled.addListener(() => void refreshAllBadges());

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    // Only CallCheck's own content scripts and pages, never a web page.
    if (sender.id !== browser.runtime.id) return;
    const message = parseRuntimeMessage(raw);
    if (!message) return;
    if (message.type === 'callcheck:facts') {
      const product = dataset.products.find((p) => p.id === message.productId);
      return Promise.resolve<FactsReply>({ facts: product ? factRows(product, t, true) : null });
    }
    if (message.type === 'callcheck:record-baa') {
      const url = browser.runtime.getURL('/options.html');
      return browser.tabs.create({ url: `${url}#record=${encodeURIComponent(message.productId)}` }).then(() => undefined);
    }
    return;
  });
});

async function showBadge(tabId: number, url: string | undefined): Promise<void> {
  const result = url ? assess(url, dataset, (await loadStored()).settings) : null;
  const match = result?.ok ? result.match : null;
  try {
    if (!match) {
      await browser.action.setBadgeText({ tabId, text: '' });
      await browser.action.setTitle({ tabId, title: t('badgeTitleNone') });
      return;
    }
    await browser.action.setBadgeText({ tabId, text: t(verdictKey('badge', match.verdict)) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: FAMILY_COLOUR[VERDICT_FAMILY[match.verdict]] });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    await browser.action.setTitle({
      tabId,
      title: t('badgeTitle', [match.entry.name, t(verdictKey('verdict', match.verdict))]),
    });
  } catch {
    // The tab closed while we were deciding: nothing to show.
  }
}

async function refreshAllBadges(): Promise<void> {
  // With host permissions only, this finds the call tabs and nothing else.
  const tabs = await browser.tabs.query({ url: callHostMatches });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : showBadge(tab.id, tab.url))));
}
