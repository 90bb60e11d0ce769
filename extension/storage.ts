import { storage } from 'wxt/utils/storage';
import { readStored, type Stored } from './stored';
import {
  DEFAULT_BANNER_PREFERENCES,
  EMPTY_BANNER_STATE,
  type BannerPreferences,
  type BannerState,
} from '../utils/banner-state';
import { EMPTY_SETTINGS, type Settings } from '../utils/settings-schema';

/**
 * Everything CallCheck keeps lives in storage.local (never synced, never
 * sent). Each item is versioned from day one so later releases can migrate it.
 * Values are read back through a parser: storage is input like any other.
 */
/**
 * The version each item is written at. Raising one needs a migration below
 * and a fixture of the old shape in tests/fixtures/stored-versions.ts: the
 * migration test reads every version ever written.
 */
export const STORED_VERSIONS = { settings: 1, preferences: 1, bannerState: 1 } as const;

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: EMPTY_SETTINGS,
  version: STORED_VERSIONS.settings,
  migrations: {},
});

export const preferencesItem = storage.defineItem<BannerPreferences>('local:preferences', {
  fallback: DEFAULT_BANNER_PREFERENCES,
  version: STORED_VERSIONS.preferences,
  migrations: {},
});

export const bannerStateItem = storage.defineItem<BannerState>('local:bannerState', {
  fallback: EMPTY_BANNER_STATE,
  version: STORED_VERSIONS.bannerState,
  migrations: {},
});

/** One storage round trip for everything a surface needs to render. */
export async function loadStored(): Promise<Stored> {
  const [settings, preferences, bannerState] = await storage.getItems([settingsItem, preferencesItem, bannerStateItem]);
  return readStored({ settings: settings?.value, preferences: preferences?.value, bannerState: bannerState?.value });
}
export { STORED_KEYS, type Stored } from './stored';
