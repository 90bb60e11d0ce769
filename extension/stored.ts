import { STORAGE_KEYS } from './storage-keys';
import { VERDICTS } from '../utils/verdict/assess';
import {
  coerceBannerPreferences,
  coerceBannerState,
  type BannerPreferences,
  type BannerState,
} from '../utils/settings/banner-state';
import type { Effective, OrganizationAccess } from '../utils/policy/read';
import { asOwnDecisions, coerceSettings } from '../utils/settings/repair';
import type { Settings } from '../utils/settings/schema';

/**
 * The storage keys (in storage.local). `settings` and `preferences` are the
 * user's own; `effective` is what applies once the organization's policy is
 * merged in, written by the background for the content script, which must
 * not carry the policy reader; `bannerState` is the banner's memory.
 */
export const STORED_KEYS = [
  STORAGE_KEYS.settings,
  STORAGE_KEYS.preferences,
  STORAGE_KEYS.effective,
  STORAGE_KEYS.bannerState,
] as const;

export interface Stored {
  settings: Settings;
  preferences: BannerPreferences;
  controls: Effective['controls'];
  bannerState: BannerState;
  /** The organization's vendors still waiting for the user to grant access to their sites. */
  access: OrganizationAccess;
}

const NO_ACCESS_NEEDED: OrganizationAccess = { vendors: 0, origins: [] };

/** Repairs the access note: a count, and origins in the two shapes CallCheck asks for. */
function readAccess(raw: unknown): OrganizationAccess {
  if (!raw || typeof raw !== 'object') return NO_ACCESS_NEEDED;
  const { vendors, origins } = raw as Record<string, unknown>;
  const list = Array.isArray(origins)
    ? origins.filter((o): o is string => typeof o === 'string' && /^https?:\/\/[^/\s]+\/\*$/.test(o)).slice(0, 2000)
    : [];
  return typeof vendors === 'number' && vendors > 0 && list.length > 0
    ? { vendors: Math.min(Math.floor(vendors), 1000), origins: list }
    : NO_ACCESS_NEEDED;
}

export const DEFAULT_CONTROLS: Effective['controls'] = {
  allowDismiss: true,
  allowSnooze: true,
  locked: false,
  managed: false,
};

/**
 * Repairs what was read from storage. When the background has written the
 * effective settings they are used; before it has (the first moments after
 * install), the user's own settings are.
 */
export function readStored(raw: Partial<Record<(typeof STORED_KEYS)[number], unknown>>): Stored {
  // A damaged merged entry (`{}`, or settings of the wrong shape) is not the
  // background's: the user's own settings apply until the background writes
  // it again, rather than no approvals at all.
  const effective = isMergedEntry(raw.effective) ? raw.effective : null;
  const controls =
    effective?.controls && typeof effective.controls === 'object'
      ? (effective.controls as Record<string, unknown>)
      : {};
  return {
    // Only the merged entry (written by the background from managed storage)
    // may carry the organization's decisions; the user's own are the user's.
    settings: effective ? coerceSettings(effective.settings) : asOwnDecisions(coerceSettings(raw.settings)),
    preferences: coerceBannerPreferences(effective ? effective.preferences : raw.preferences, VERDICTS),
    controls: {
      allowDismiss: controls.allowDismiss !== false,
      allowSnooze: controls.allowSnooze !== false,
      locked: controls.locked === true,
      managed: controls.managed === true,
      ...(typeof controls.supportContact === 'string' ? { supportContact: controls.supportContact.slice(0, 200) } : {}),
    },
    bannerState: coerceBannerState(raw.bannerState),
    access: readAccess(effective?.access),
  };
}

/**
 * Written by the background: settings holding at least one of its lists.
 * A partly damaged entry is repaired entry by entry (coerceSettings); one
 * with no lists at all (`{}`, a string) is not the background's.
 */
function isMergedEntry(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const settings = (value as Record<string, unknown>).settings;
  if (!settings || typeof settings !== 'object') return false;
  const lists = settings as Record<string, unknown>;
  return Array.isArray(lists.approvals) || Array.isArray(lists.blocks) || Array.isArray(lists.customVendors);
}

/**
 * The merged settings as the background last wrote them, in one storage
 * read: what the content script and the popup use, so neither carries the
 * policy reader (and its public-suffix list) nor reads managed storage.
 */
export async function loadEffective(local: { get(keys: string[]): Promise<Record<string, unknown>> }): Promise<Stored> {
  return readStored(await local.get([...STORED_KEYS]));
}
