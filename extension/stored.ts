import { VERDICTS } from '../utils/assess';
import {
  coerceBannerPreferences,
  coerceBannerState,
  type BannerPreferences,
  type BannerState,
} from '../utils/banner-state';
import { coerceSettings } from '../utils/settings-coerce';
import type { Settings } from '../utils/settings-schema';

/** The storage keys (in storage.local) behind the items, for change listeners. */
export const STORED_KEYS = ['settings', 'preferences', 'bannerState'] as const;

export interface Stored {
  settings: Settings;
  preferences: BannerPreferences;
  bannerState: BannerState;
}

/** Repairs what was read from storage; shared with the content script, which reads the same keys directly. */
export function readStored(raw: Partial<Record<(typeof STORED_KEYS)[number], unknown>>): Stored {
  return {
    settings: coerceSettings(raw.settings),
    preferences: coerceBannerPreferences(raw.preferences, VERDICTS),
    bannerState: coerceBannerState(raw.bannerState),
  };
}
