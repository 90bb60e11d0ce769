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
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: EMPTY_SETTINGS,
  version: 1,
});

export const preferencesItem = storage.defineItem<BannerPreferences>('local:preferences', {
  fallback: DEFAULT_BANNER_PREFERENCES,
  version: 1,
});

export const bannerStateItem = storage.defineItem<BannerState>('local:bannerState', {
  fallback: EMPTY_BANNER_STATE,
  version: 1,
});

/** One storage round trip for everything a surface needs to render. */
export async function loadStored(): Promise<Stored> {
  const [settings, preferences, bannerState] = await storage.getItems([settingsItem, preferencesItem, bannerStateItem]);
  return readStored({ settings: settings?.value, preferences: preferences?.value, bannerState: bannerState?.value });
}
export { STORED_KEYS, type Stored } from './stored';
