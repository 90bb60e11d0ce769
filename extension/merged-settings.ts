import slim from 'virtual:callcheck/slim-dataset';
import { storage } from 'wxt/utils/storage';
import { mergeSettings, readPolicy, type Effective, type Policy, type PolicyProblem } from '../utils/policy/read';
import { asOwnDecisions, type SettingsBundle } from '../utils/settings/file';
import type { BannerState } from '../utils/settings/banner-state';
import { bannerStateItem, preferencesItem, readManaged, settingsItem } from './storage';
import { readStored, type Stored } from './stored';

/**
 * The organization's policy read and merged over the user's settings: for
 * the background and the options page. The popup and the content scripts
 * read the merged result the background wrote (extension/stored.ts) and so
 * never carry the policy reader.
 */
export interface Loaded {
  /** What applies: the organization's policy over the user's settings over the dataset. */
  effective: Effective;
  /** The user's own settings, which the options page edits. */
  user: SettingsBundle;
  bannerState: BannerState;
  policy: Policy;
  problems: PolicyProblem[];
}

/**
 * Everything a surface needs: the user's settings, the organization's
 * policy (storage.managed, absent without one) and their merge.
 */
export async function loadAll(
  managedRead: Promise<Record<string, unknown> | null | undefined> = readManaged(),
): Promise<Loaded> {
  const [[settings, preferences, bannerState], managed] = await Promise.all([
    storage.getItems([settingsItem, preferencesItem, bannerStateItem]),
    managedRead,
  ]);
  const stored = readStored({
    settings: settings?.value,
    preferences: preferences?.value,
    bannerState: bannerState?.value,
  });
  // Decisions stored as the user's are the user's, whatever an older file or
  // a damaged entry says: only managed storage speaks for the organization.
  const user = { ...stored, settings: asOwnDecisions(stored.settings) };
  const { policy, problems } = readPolicy(managed && Object.keys(managed).length > 0 ? managed : undefined, slim);
  return {
    effective: mergeSettings(user.settings, user.preferences, policy),
    user: { settings: user.settings, preferences: user.preferences },
    bannerState: user.bannerState,
    policy,
    problems,
  };
}

/** The merged view in the shape every surface renders from. */
export async function loadStored(): Promise<Stored> {
  const { effective, bannerState } = await loadAll();
  return { ...effective, bannerState, access: effective.access ?? { vendors: 0, origins: [] } };
}
