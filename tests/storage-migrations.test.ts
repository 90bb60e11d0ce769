import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  bannerStateItem,
  linkSitesItem,
  loadLinkSites,
  preferencesItem,
  settingsItem,
  STORED_VERSIONS,
} from '../extension/storage';
import { loadStored } from '../extension/merged-settings';
import { STORED_FIXTURES } from './fixtures/stored-versions';

const ITEMS = {
  settings: settingsItem,
  preferences: preferencesItem,
  bannerState: bannerStateItem,
  linkSites: linkSitesItem,
} as const;

describe('stored settings from every version', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('has a fixture for every version each item was ever written at', () => {
    for (const [key, current] of Object.entries(STORED_VERSIONS)) {
      const versions = Object.keys(STORED_FIXTURES[key as keyof typeof STORED_VERSIONS])
        .map(Number)
        .sort();
      expect(versions, key).toEqual(Array.from({ length: current }, (_, i) => i + 1));
    }
  });

  for (const [key, byVersion] of Object.entries(STORED_FIXTURES)) {
    for (const [version, { stored, reads }] of Object.entries(byVersion)) {
      it(`reads ${key} written at version ${version} as today's shape`, async () => {
        await fakeBrowser.storage.local.set({ [key]: stored, [`${key}$`]: { v: Number(version) } });
        await ITEMS[key as keyof typeof ITEMS].migrate();
        const now = { ...(await loadStored()), linkSites: await loadLinkSites() };
        expect(now[key as keyof typeof now]).toEqual(reads);
      });
    }
  }

  it('reads damaged storage as empty settings rather than failing', async () => {
    await fakeBrowser.storage.local.set({
      settings: 'junk',
      preferences: { bannerVerdicts: 'all' },
      bannerState: [1, 2],
    });
    const now = await loadStored();
    expect(now.settings).toEqual({ approvals: [], blocks: [], customVendors: [] });
    expect(now.preferences.bannerVerdicts).toContain('no-baa');
    expect(now.bannerState).toEqual({ snoozes: {}, dismissed: {}, seen: {} });
  });
});
