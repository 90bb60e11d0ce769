import { browser } from 'wxt/browser';

/**
 * CallCheck's call sites whose access the person (or a browser setting) took
 * away after install. Chrome and Edge let anyone turn an extension's site
 * access to "on click" or to a few sites, and Firefox lets each site be
 * switched off: the badge and the banner then simply stop on those sites, so
 * the popup and the options page say so and offer to ask again.
 */
export interface SiteAccess {
  /** The install-time host patterns not granted now. */
  lost: string[];
  /** How many install-time host patterns there are. */
  total: number;
}

/** Patterns that grant every site, as a browser may list them. */
const EVERY_SITE = new Set(['<all_urls>', '*://*/*']);

/** The required patterns the granted list does not hold (a grant of every site holds them all). */
export function lostSites(required: readonly string[], granted: readonly string[]): string[] {
  const held = new Set(granted);
  if (granted.some((origin) => EVERY_SITE.has(origin))) return [];
  return required.filter((origin) => !held.has(origin));
}

export async function readSiteAccess(): Promise<SiteAccess> {
  const required = browser.runtime.getManifest().host_permissions ?? [];
  const { origins = [] } = await browser.permissions.getAll();
  return { lost: lostSites(required, origins), total: required.length };
}
