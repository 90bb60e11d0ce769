import { storage } from 'wxt/utils/storage';
import { localKey, STORAGE_KEYS } from './storage-keys';
import { browser } from 'wxt/browser';
import type { Effective } from '../utils/policy/read';
import { readLinkSites, type LinkCheckState } from '../utils/links/link-sites';
import { readLinkCheck } from '../utils/links/link-check';
import {
  DEFAULT_BANNER_PREFERENCES,
  EMPTY_BANNER_STATE,
  type BannerPreferences,
  type BannerState,
} from '../utils/settings/banner-state';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import type { Settings } from '../utils/settings/schema';

/**
 * Everything CallCheck keeps lives in storage.local (never synced, never
 * sent). Each item is versioned from day one so later releases can migrate it.
 * Values are read back through a parser: storage is input like any other.
 *
 * The version each item is written at. Raising one needs a migration below
 * and a fixture of the old shape in tests/fixtures/stored-versions.ts: the
 * migration test reads every version ever written.
 */
export const STORED_VERSIONS = { settings: 1, preferences: 1, bannerState: 1, linkSites: 1 } as const;

export const settingsItem = storage.defineItem<Settings>(localKey(STORAGE_KEYS.settings), {
  fallback: EMPTY_SETTINGS,
  version: STORED_VERSIONS.settings,
  migrations: {},
});

export const preferencesItem = storage.defineItem<BannerPreferences>(localKey(STORAGE_KEYS.preferences), {
  fallback: DEFAULT_BANNER_PREFERENCES,
  version: STORED_VERSIONS.preferences,
  migrations: {},
});

export const bannerStateItem = storage.defineItem<BannerState>(localKey(STORAGE_KEYS.bannerState), {
  fallback: EMPTY_BANNER_STATE,
  version: STORED_VERSIONS.bannerState,
  migrations: {},
});

/** The sites (hosts) where the user turned link checking on; the browser's grant is separate. */
export const linkSitesItem = storage.defineItem<string[]>(localKey(STORAGE_KEYS.linkSites), {
  fallback: [],
  version: STORED_VERSIONS.linkSites,
  migrations: {},
});

/** The user's link-check sites, repaired: a damaged entry reads as none. */
export async function loadLinkSites(): Promise<string[]> {
  return readLinkSites(await linkSitesItem.getValue());
}

/**
 * Where link checking runs now, and what is missing, as the background last
 * worked it out (the user's sites, the policy's and the browser's grants):
 * the link checker and the options page read it. Derived, so no version.
 */
export const linkCheckItem = storage.defineItem<LinkCheckState>(localKey(STORAGE_KEYS.linkCheck));

/** Where link checking runs, repaired: a damaged or missing entry reads as off. */
export async function loadLinkCheck(): Promise<LinkCheckState> {
  return readLinkCheck(await linkCheckItem.getValue());
}

/** The merged settings the content script reads; derived, so it has no version of its own. */
export const effectiveItem = storage.defineItem<Effective>(localKey(STORAGE_KEYS.effective));

/**
 * The organization's policy as the background last read it from
 * storage.managed. Only the background writes it, and only from managed
 * storage; it lets a page opened while the browser is still starting (when
 * storage.managed.get() can take seconds) draw at once. It never decides a
 * save: the background checks every change against managed storage itself.
 */
export const lastPolicyItem = storage.defineItem<Record<string, unknown> | null>(localKey(STORAGE_KEYS.lastPolicy), {
  fallback: null,
});

/** storage.managed, absent (undefined) without a policy or where the browser has none. */
export function readManaged(): Promise<Record<string, unknown> | undefined> {
  return browser.storage.managed.get().then(
    (managed) => (managed && Object.keys(managed).length > 0 ? managed : undefined),
    () => undefined,
  );
}

export { DEFAULT_CONTROLS, STORED_KEYS, type Stored } from './stored';
