import { FACTS_CACHE, STORAGE_KEYS, touches } from '../extension/storage-keys';
import { refreshFactsCache } from '../extension/facts-cache';
import { packagedDataset } from '../extension/packaged-facts';
import { loadAll } from '../extension/merged-settings';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forgetLastKnownSettings, lastKnownSettings, refreshAllBadges, showBadge } from '../extension/badge';
import { factsReply, handleSettingsRequest, rememberForBanner } from '../extension/background-door';
import { grantedCustomPatterns, grantedOrigins, organizationAccess } from '../extension/organization-access';
import { parseRuntimeMessage } from '../extension/runtime-messages';
import { serialQueue } from '../extension/serial-queue';
import { injectIntoOpenTabs, syncCustomScripts, syncLinkScripts } from '../extension/script-registrar';
import { parseSettingsRequest } from '../extension/settings-api';
import { effectiveItem, lastPolicyItem, linkCheckItem, loadLinkSites, readManaged } from '../extension/storage';
import { linkCheckState } from '../utils/links/link-sites';

/**
 * The background keeps no state that matters: every event recomputes from the
 * tab's URL and stored settings, so a service worker that was stopped and
 * started again gives the same answers. Wiring only: the badge
 * (extension/badge.ts), the settings door (extension/background-door.ts), the
 * script registrar (extension/script-registrar.ts) and the organization's
 * access (extension/organization-access.ts) live in their rooms.
 */
export default defineBackground(() => {
  // Badges come from the merged settings the background last wrote (one
  // storage.local read), not from a fresh merge: right after a browser start
  // or an install, storage.managed.get() took 1.6-5 s to answer, and every
  // badge waited for it. The policy read that follows (resync, below)
  // corrects any badge the last known settings got wrong.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && touches(changes, STORAGE_KEYS.settings, STORAGE_KEYS.preferences, STORAGE_KEYS.effective))
      forgetLastKnownSettings();
  });

  // The URL is readable only on hosts CallCheck has permission for, the call
  // hosts; anywhere else it is undefined, which means "not a call": clear.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void showBadge(tabId, tab.url);
    // A single-page app moved to another URL without loading a page.
    if (change.url !== undefined && tab.url) {
      browser.tabs.sendMessage(tabId, { type: 'callcheck:location', url: tab.url }).catch(() => {});
    }
  });

  // The copy of the facts went (storage cleared): write it again.
  browser.storage.onChanged.addListener((changes, area) => {
    const version = changes[FACTS_CACHE.version];
    // Only a removal from outside: the copy itself never removes its fingerprint.
    if (area === 'local' && version && version.oldValue !== undefined && version.newValue === undefined) copyFacts();
  });

  // The user's settings and the organization's policy change verdicts;
  // banner state (snoozes, dismissals) does not touch the badge.
  browser.storage.onChanged.addListener((changes, area) => {
    if (
      area === 'managed' ||
      (area === 'local' && touches(changes, STORAGE_KEYS.settings, STORAGE_KEYS.preferences, STORAGE_KEYS.linkSites))
    )
      resync();
  });
  // Custom vendors' content scripts are registered again at every start and
  // update, and follow the user's grants and revocations.
  browser.runtime.onStartup.addListener(() => {
    resync({ atStart: true });
    copyFacts();
  });
  browser.runtime.onInstalled.addListener(() => {
    resync({ atStart: true });
    copyFacts();
    // Tabs open before an install or update keep no working content script
    // (an update cuts the old copies off): the new ones go in now, and the
    // old ones, hearing them start, take themselves away.
    void queueResync()
      .then(injectIntoOpenTabs)
      .catch((error: unknown) => console.warn('CallCheck could not reach the open tabs:', error));
  });
  browser.permissions.onAdded.addListener(() => resync());
  browser.permissions.onRemoved.addListener(() => resync());

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    // Only CallCheck's own content scripts and pages, never a web page.
    if (sender.id !== browser.runtime.id) return;
    const settingsRequest = parseSettingsRequest(raw);
    if (settingsRequest) return handleSettingsRequest(settingsRequest, sender);
    const message = parseRuntimeMessage(raw);
    if (!message) return;
    if (message.type === 'callcheck:facts') return factsReply(message.productId);
    if (message.type === 'callcheck:banner-memory') return rememberForBanner(message.change);
    if (message.type === 'callcheck:record-baa' || message.type === 'callcheck:open-facts') {
      const url = browser.runtime.getURL('/options.html');
      const anchor = message.type === 'callcheck:record-baa' ? 'record' : 'facts';
      return browser.tabs
        .create({ url: `${url}#${anchor}=${encodeURIComponent(message.productId)}` })
        .then(() => undefined);
    }
    return;
  });
});

/** The packaged facts into storage, for the popup (extension/facts-cache.ts); never in the way of anything else. */
function copyFacts(): void {
  refreshFactsCache(packagedDataset).catch((error: unknown) =>
    console.warn('CallCheck could not copy its facts for the popup:', error),
  );
}

/**
 * From the stored settings and the policy: the merged settings the content
 * script reads, the custom vendors' content scripts, then every badge. Runs
 * are serialized (serialQueue): settings, permission and start-up events
 * come in bursts, and right after a browser start the first policy read
 * takes seconds, so a run started earlier could otherwise land last and
 * write stale merged settings or unregister a fresh content script.
 */
function resync({ atStart = false } = {}): void {
  // At a start, badges first, from the last known settings: restored tabs may
  // have loaded before any tab event reached this worker, and the policy read
  // below can take seconds. It corrects them when it answers.
  if (atStart) {
    earlyBadges = lastKnownSettings()
      .then((settings) => refreshAllBadges(settings, []))
      .catch((error: unknown) => console.warn('CallCheck could not set its badges:', error));
  }
  void queueResync();
}

/** The start-up badges from the last known settings, which no run's own badges may precede. */
let earlyBadges: Promise<void> = Promise.resolve();

const queueResync = serialQueue(resyncOnce, (error) =>
  console.warn('CallCheck could not read its settings or policy:', error),
);

/** One run: every input (settings, policy, grants, link sites) is read when it starts. */
async function resyncOnce(): Promise<void> {
  // One read of settings and policy serves all three steps. A failure in one
  // step (a content-script registration the browser refuses) must not keep
  // the badges wrong.
  const managed = readManaged();
  const { effective, policy } = await loadAll(managed);
  // For pages opened while the next start's policy read is still slow.
  await lastPolicyItem.setValue((await managed) ?? null);
  const granted = await grantedOrigins();
  const custom = grantedCustomPatterns(effective.settings, granted);
  const access = organizationAccess(policy.customVendors, granted);
  await effectiveItem.setValue(access.vendors > 0 ? { ...effective, access } : effective);
  // The early badges never land after these, which are the right ones.
  await earlyBadges;
  const links = linkCheckState(await loadLinkSites(), policy, granted);
  await linkCheckItem.setValue(links);
  const results = await Promise.allSettled([
    syncCustomScripts(custom),
    syncLinkScripts(links.active),
    refreshAllBadges(effective.settings, custom),
  ]);
  for (const result of results) {
    if (result.status === 'rejected')
      console.warn('CallCheck could not update its content scripts or badges:', result.reason);
  }
}
