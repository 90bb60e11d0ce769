import { browser, type Browser } from 'wxt/browser';
import { loadAll } from './merged-settings';
import { storage } from 'wxt/utils/storage';
import { factRows } from '../utils/dataset/fact-rows';
import slim from 'virtual:callcheck/slim-dataset';
import { readPolicy } from '../utils/policy/read';
import {
  coerceBannerState,
  DEFAULT_BANNER_PREFERENCES,
  EMPTY_BANNER_STATE,
  withDismissal,
  withSeen,
  withSnooze,
  type BannerState,
} from '../utils/settings/banner-state';
import { asOwnDecisions, settingsProblems } from '../utils/settings/file';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import { parseLinkSites } from '../utils/links/link-site-input';
import { alternativeRows, baaAlternatives } from '../utils/verdict/alternatives';
import { assessAll } from '../utils/verdict/assess';
import { lastKnownSettings } from './badge';
import { productFacts, withProductFacts } from './packaged-facts';
import { t } from './i18n';
import { MANAGED_PATIENCE_MS, policyOrLastKnown } from './policy-or-last-known';
import type { BannerMemoryChange, FactsReply } from './runtime-messages';
import { isExtensionPage, type parseSettingsRequest, type SettingsReply } from './settings-api';
import { bannerStateItem, lastPolicyItem, linkSitesItem, preferencesItem, readManaged, settingsItem } from './storage';

/**
 * The background's door: the one writer of settings, preferences, link
 * sites and the banner's memory. CallCheck's pages send requests here
 * (extension/settings-api.ts), the banner sends its memory changes and asks
 * for facts (extension/runtime-messages.ts); each is checked, then applied
 * in turn.
 */
const BUNDLED_IDS: ReadonlySet<string> = new Set(slim.products.map((product) => product.id));

/**
 * The banner's memory has one writer, here, and its changes are applied one
 * after another to the state as stored: tabs that snooze, dismiss and show
 * banners at the same moment never overwrite each other's changes.
 */
let bannerMemoryWrites: Promise<unknown> = Promise.resolve();
export function changeBannerMemory(change: (state: BannerState, now: number) => BannerState): Promise<void> {
  const write = bannerMemoryWrites.then(async () => {
    // The item alone: loadStored would wait for the (slow) policy read.
    const state = coerceBannerState(await bannerStateItem.getValue());
    await bannerStateItem.setValue(change(state, Date.now()));
  });
  bannerMemoryWrites = write.catch(() => undefined);
  return write;
}

export function rememberForBanner(change: BannerMemoryChange): Promise<void> {
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
export async function factsReply(productId: string): Promise<FactsReply> {
  const [product, settings] = await Promise.all([productFacts(productId), lastKnownSettings()]);
  const all = assessAll(slim, settings);
  const current = all.find((m) => m.entry.id === productId);
  // The alternatives' facts are read from the package, each platform's once per worker start.
  const alternatives = current
    ? (await Promise.all(baaAlternatives(current, all).map(withProductFacts))).flatMap((m) => m ?? [])
    : undefined;
  return {
    facts: product ? factRows(product, t, true) : null,
    ...(alternatives ? { alternatives: alternativeRows(alternatives, t) } : {}),
  };
}

export async function handleSettingsRequest(
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
    if (readPolicy(known.value ?? undefined, slim).policy.linkCheckForbidden)
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
