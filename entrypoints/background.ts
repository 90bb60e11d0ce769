import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bannerScripts, callHostMatches } from 'virtual:callcheck/slim-dataset';
import { factRows } from '../utils/dataset/fact-rows';
import { verdictKey } from '../utils/verdict/verdict-text';
import { customScriptPatterns } from '../extension/custom-scripts';
import { t } from '../extension/i18n';
import { parseRuntimeMessage, type BannerMemoryChange, type FactsReply } from '../extension/runtime-messages';
import { isExtensionPage, parseSettingsRequest, type SettingsReply } from '../extension/settings-api';
import {
  bannerStateItem,
  effectiveItem,
  lastPolicyItem,
  linkCheckItem,
  linkSitesItem,
  loadAll,
  loadLinkCheck,
  loadLinkSites,
  preferencesItem,
  readManaged,
  settingsItem,
} from '../extension/storage';
import { linkCheckState, linkSiteOrigin, parseLinkSites } from '../utils/links/link-sites';
import { loadEffective } from '../extension/stored';
import { storage } from 'wxt/utils/storage';
import { assess, assessAll, VERDICT_FAMILY } from '../utils/verdict/assess';
import { alternativeRows, baaAlternatives } from '../utils/verdict/alternatives';
import {
  coerceBannerState,
  DEFAULT_BANNER_PREFERENCES,
  EMPTY_BANNER_STATE,
  withDismissal,
  withSeen,
  withSnooze,
  type BannerState,
} from '../utils/settings/banner-state';
import { dataset } from '../utils/dataset/bundled';
import { asOwnDecisions, settingsProblems } from '../utils/settings/file';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { readPolicy, type OrganizationAccess } from '../utils/policy/read';
import { MANAGED_PATIENCE_MS, policyOrLastKnown } from '../extension/policy-or-last-known';
import { serialQueue } from '../extension/serial-queue';
import type { Settings } from '../utils/settings/schema';

const FAMILY_COLOUR = { red: '#a1231b', amber: '#7a4f00', green: '#1e6b34' } as const;
const CUSTOM_SCRIPT_ID = 'callcheck-custom-vendors';
const LINK_SCRIPT_ID = 'callcheck-link-markers';
const BUNDLED_IDS: ReadonlySet<string> = new Set(dataset.products.map((product) => product.id));

/**
 * The background keeps no state that matters: every event recomputes from the
 * tab's URL and stored settings, so a service worker that was stopped and
 * started again gives the same answers.
 */
export default defineBackground(() => {
  // Badges come from the merged settings the background last wrote (one
  // storage.local read), not from a fresh merge: right after a browser start
  // or an install, storage.managed.get() took 1.6-5 s to answer, and every
  // badge waited for it. The policy read that follows (resync, below)
  // corrects any badge the last known settings got wrong.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('settings' in changes || 'preferences' in changes || 'effective' in changes))
      lastKnown = null;
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

  // The user's settings and the organization's policy change verdicts;
  // banner state (snoozes, dismissals) does not touch the badge.
  browser.storage.onChanged.addListener((changes, area) => {
    if (
      area === 'managed' ||
      (area === 'local' && ('settings' in changes || 'preferences' in changes || 'linkSites' in changes))
    )
      resync();
  });
  // Custom vendors' content scripts are registered again at every start and
  // update, and follow the user's grants and revocations.
  browser.runtime.onStartup.addListener(() => resync({ atStart: true }));
  browser.runtime.onInstalled.addListener(() => {
    resync({ atStart: true });
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

/**
 * The banner's memory has one writer, here, and its changes are applied one
 * after another to the state as stored: tabs that snooze, dismiss and show
 * banners at the same moment never overwrite each other's changes.
 */
let bannerMemoryWrites: Promise<unknown> = Promise.resolve();
function changeBannerMemory(change: (state: BannerState, now: number) => BannerState): Promise<void> {
  const write = bannerMemoryWrites.then(async () => {
    // The item alone: loadStored would wait for the (slow) policy read.
    const state = coerceBannerState(await bannerStateItem.getValue());
    await bannerStateItem.setValue(change(state, Date.now()));
  });
  bannerMemoryWrites = write.catch(() => undefined);
  return write;
}

function rememberForBanner(change: BannerMemoryChange): Promise<void> {
  return changeBannerMemory((state, now) =>
    change.kind === 'snooze'
      ? withSnooze(state, change.productId, change.days, now)
      : change.kind === 'dismiss'
        ? withDismissal(state, change.url, now)
        : withSeen(state, change.productId, now),
  );
}

/**
 * The banner's details for a product: its key facts and, after a red verdict
 * (judged with the settings in force, as the banner does), the platforms that
 * sign a BAA.
 */
async function factsReply(productId: string): Promise<FactsReply> {
  const product = dataset.products.find((p) => p.id === productId);
  const all = assessAll(dataset, await lastKnownSettings());
  const current = all.find((m) => m.entry.id === productId);
  return {
    facts: product ? factRows(product, t, true) : null,
    ...(current ? { alternatives: alternativeRows(baaAlternatives(current, all), t) } : {}),
  };
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

async function handleSettingsRequest(
  request: NonNullable<ReturnType<typeof parseSettingsRequest>>,
  sender: Browser.runtime.MessageSender,
): Promise<SettingsReply> {
  if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
    return { ok: false, error: 'Only CallCheck’s own pages may change its settings.' };
  }
  if ('invalid' in request) return { ok: false, error: request.invalid };
  if (request.type === 'callcheck:set-link-sites') {
    const sites = parseLinkSites(request.sites);
    if (!sites) return { ok: false, error: t('link_sites_invalid') };
    // The person's choice is saved without waiting seconds for the browser's
    // first policy read: where link checking actually runs is worked out
    // from the real policy (resync), so a forbidding policy still wins.
    const known = await policyOrLastKnown(readManaged(), MANAGED_PATIENCE_MS, () => lastPolicyItem.getValue());
    if (readPolicy(known.value ?? undefined, dataset).policy.linkCheckForbidden)
      return { ok: false, error: t('link_check_forbidden') };
    await linkSitesItem.setValue(sites);
    return { ok: true };
  }
  if (request.type !== 'callcheck:clear-snoozes' && (await loadAll()).policy.locked) {
    return { ok: false, error: 'Your organization manages CallCheck’s settings: they cannot be changed here.' };
  }
  try {
    if (request.type === 'callcheck:save-settings') {
      // The same rules as an import: the options page is one door, not a way round them.
      const problems = settingsProblems(request.settings, BUNDLED_IDS);
      if (problems.length > 0) return { ok: false, error: problems.map((p) => t(p.key, p.args)).join(' ') };
      // One write for both items: an import lands whole or not at all.
      await storage.setItems([
        { item: settingsItem, value: asOwnDecisions(request.settings) },
        ...(request.preferences ? [{ item: preferencesItem, value: request.preferences }] : []),
      ]);
    } else if (request.type === 'callcheck:clear-snoozes') {
      await changeBannerMemory((state) => ({ ...state, snoozes: {} }));
    } else {
      await storage.setItems([
        { item: settingsItem, value: EMPTY_SETTINGS },
        { item: preferencesItem, value: DEFAULT_BANNER_PREFERENCES },
        { item: bannerStateItem, value: EMPTY_BANNER_STATE },
        { item: linkSitesItem, value: [] },
      ]);
    }
    return { ok: true };
  } catch (error) {
    // Quota and other storage errors go back to the page, which shows them.
    return { ok: false, error: String((error as Error)?.message ?? error) };
  }
}

/** The last merged settings the background wrote, read once per change: what badges use until the policy answers. */
let lastKnown: Promise<Settings> | null = null;

function lastKnownSettings(): Promise<Settings> {
  lastKnown ??= loadEffective(browser.storage.local).then(
    (stored) => stored.settings,
    () => EMPTY_SETTINGS,
  );
  return lastKnown;
}

async function showBadge(tabId: number, url: string | undefined, settings?: Settings): Promise<void> {
  const result = url ? assess(url, dataset, settings ?? (await lastKnownSettings())) : null;
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

/**
 * The organization's custom vendors whose sites CallCheck cannot read yet:
 * a policy can add vendors, but no browser lets it grant their hosts, so
 * each user allows them once (see docs/admin.md).
 */
function organizationAccess(vendors: Settings['customVendors'], granted: ReadonlySet<string>): OrganizationAccess {
  const missing = new Set<string>();
  let count = 0;
  for (const vendor of vendors) {
    const lacking = customScriptPatterns({ ...EMPTY_SETTINGS, customVendors: [vendor] }, dataset).filter(
      (origin) => !granted.has(origin),
    );
    if (lacking.length > 0) count++;
    for (const origin of lacking) missing.add(origin);
  }
  return { vendors: count, origins: [...missing].sort() };
}

/**
 * The origins the user has granted, in one call: asking the browser origin by
 * origin took seconds with a thousand custom vendors. CallCheck asks for
 * exactly these patterns (see originsFor), so they come back as written.
 */
async function grantedOrigins(): Promise<ReadonlySet<string>> {
  const { origins = [] } = await browser.permissions.getAll();
  return new Set(origins);
}

function grantedCustomPatterns(settings: Settings, granted: ReadonlySet<string>): string[] {
  return customScriptPatterns(settings, dataset).filter((origin) => granted.has(origin));
}

/**
 * One dynamically registered content script (the same banner script) for
 * the custom vendors' hosts the user has granted. Hosts already covered by
 * the dataset's own content script are left out, so no page gets two.
 */
type DynamicScript = {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start' | 'document_idle';
  allFrames: boolean;
};

/**
 * Keeps one dynamically registered content script in step with the origins
 * it should run on: registered, updated, or gone when there are none.
 * Returns the origins it did not run on before, for a caller that must also
 * reach the pages already open there.
 */
async function syncRegisteredScript(script: DynamicScript): Promise<string[]> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [script.id] });
  if (script.matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [script.id] });
    return [];
  }
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  const before = new Set(existing[0]?.matches ?? []);
  return script.matches.filter((origin) => !before.has(origin));
}

/** The banner on the custom vendors' hosts the user granted. */
async function syncCustomScripts(matches: string[]): Promise<void> {
  await syncRegisteredScript({
    id: CUSTOM_SCRIPT_ID,
    matches,
    js: ['call-banner.js'],
    runAt: 'document_start',
    allFrames: true,
  });
}

/**
 * The link checker, registered only on the sites where it is on and granted:
 * no other page ever runs it. When a site is switched off or its access
 * revoked, the checker already running there sees linkCheck change and takes
 * its markers away.
 */
async function syncLinkScripts(hosts: string[]): Promise<void> {
  const added = await syncRegisteredScript({
    id: LINK_SCRIPT_ID,
    matches: hosts.map(linkSiteOrigin),
    js: ['link-markers.js'],
    runAt: 'document_idle',
    allFrames: false,
  });
  // A site just turned on may already be open (Gmail in another tab): a
  // registration only reaches pages loaded after it, so those tabs get the
  // checker now. It runs once per page (it guards itself).
  if (added.length === 0) return;
  const tabs = await browser.tabs.query({ url: added });
  await Promise.allSettled(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/link-markers.js'] }),
    ),
  );
}

/** The banner (with its host's data) on open call tabs, and the link checker on open link-check tabs. */
async function injectIntoOpenTabs(): Promise<void> {
  const hostOf = (pattern: string) => pattern.slice('*://*.'.length, -'/*'.length);
  const fileFor = (url: string | undefined) => {
    const host = url ? new URL(url).hostname : '';
    return bannerScripts.find(({ pattern }) => host === hostOf(pattern) || host.endsWith(`.${hostOf(pattern)}`))?.file;
  };
  const inject = (tabId: number, files: string[], allFrames: boolean) =>
    // The data files are generated at build time, so WXT's list of known script paths does not name them.
    browser.scripting
      .executeScript({ target: { tabId, allFrames }, files: files as ['/call-banner.js'] })
      .catch(() => undefined);
  const callTabs = await browser.tabs.query({ url: bannerScripts.map((entry) => entry.pattern) });
  const { active } = await loadLinkCheck();
  const linkTabs = active.length > 0 ? await browser.tabs.query({ url: active.map(linkSiteOrigin) }) : [];
  await Promise.all([
    ...callTabs.map((tab) => {
      const file = fileFor(tab.url);
      return tab.id === undefined || !file ? undefined : inject(tab.id, [`/${file}`, '/call-banner.js'], true);
    }),
    ...linkTabs.map((tab) => (tab.id === undefined ? undefined : inject(tab.id, ['/link-markers.js'], false))),
  ]);
}

async function refreshAllBadges(settings: Settings, custom: string[]): Promise<void> {
  // With host permissions only, this finds the call tabs and nothing else.
  const tabs = await browser.tabs.query({ url: [...callHostMatches, ...custom] });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : showBadge(tab.id, tab.url, settings))));
}
