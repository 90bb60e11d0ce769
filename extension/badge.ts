import { browser } from 'wxt/browser';
import slim, { callHostMatches } from 'virtual:callcheck/slim-dataset';
import { EMPTY_SETTINGS } from '../utils/settings/repair';
import type { Settings } from '../utils/settings/schema';
import { assess, VERDICT_FAMILY } from '../utils/verdict/assess';
import { verdictKey } from '../utils/verdict/verdict-text';
import { t } from './i18n';
import { loadEffective } from './stored';

/**
 * The toolbar badge: the verdict's short word, its family's colour and a
 * title that names the platform. The word alone carries the verdict (never
 * the colour alone).
 */
const FAMILY_COLOUR = { red: '#a1231b', amber: '#7a4f00', green: '#1e6b34' } as const;

/** The last merged settings the background wrote, read once per change: what badges use until the policy answers. */
let lastKnown: Promise<Settings> | null = null;

export function lastKnownSettings(): Promise<Settings> {
  lastKnown ??= loadEffective(browser.storage.local).then(
    (stored) => stored.settings,
    () => EMPTY_SETTINGS,
  );
  return lastKnown;
}

export async function showBadge(tabId: number, url: string | undefined, settings?: Settings): Promise<void> {
  const result = url ? assess(url, slim, settings ?? (await lastKnownSettings())) : null;
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
    // Read by `npm run bench:startup`: when this worker first set each tab's
    // badge (one mark per tab, so none pile up). Polling from a page could
    // only see it once that page had loaded, up to a second later at a start.
    const mark = `callcheck:badge:${tabId}`;
    if (performance.getEntriesByName(mark).length === 0) performance.mark(mark, { detail: url });
  } catch {
    // The tab closed while we were deciding: nothing to show.
  }
}

export async function refreshAllBadges(settings: Settings, custom: string[]): Promise<void> {
  // With host permissions only, this finds the call tabs and nothing else.
  const tabs = await browser.tabs.query({ url: [...callHostMatches, ...custom] });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : showBadge(tab.id, tab.url, settings))));
}

/** Settings or policy changed: the next badge reads the merged settings again. */
export function forgetLastKnownSettings(): void {
  lastKnown = null;
}
