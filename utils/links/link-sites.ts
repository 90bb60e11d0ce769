import type { LinkCheckState } from './link-check';

export type { LinkCheckState } from './link-check';

/**
 * Where link checking runs: off by default, on for the sites the user
 * chose or the organization listed, once the browser has granted CallCheck
 * that one origin; nowhere when the organization forbids it.
 */

/** The mail and calendar tools the options page offers, each one origin per host. */
export const LINK_SITE_CHOICES = [
  { id: 'gmail', hosts: ['mail.google.com'] },
  { id: 'calendar', hosts: ['calendar.google.com'] },
  { id: 'outlook', hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'] },
] as const;

/** The most sites a user may list: link checking is for the few places links are chosen. */
export const MAX_LINK_SITES = 50;

/** The one origin CallCheck asks for, for a site: https only (mail, calendar and portals are served over https). */
export const linkSiteOrigin = (host: string) => `https://${host}/*`;

export function linkCheckState(
  userSites: readonly string[],
  policy: { linkCheckSites: readonly string[]; linkCheckForbidden: boolean },
  granted: ReadonlySet<string>,
): LinkCheckState {
  const organization = [...policy.linkCheckSites];
  if (policy.linkCheckForbidden) return { active: [], forbidden: true, organization, missing: [] };
  const wanted = [...new Set([...userSites, ...organization])];
  const has = (host: string) => [...granted].some((pattern) => patternCovers(pattern, host));
  return {
    active: wanted.filter(has).sort(),
    forbidden: false,
    organization,
    missing: organization.filter((host) => !has(host)).map(linkSiteOrigin),
  };
}

/** The user's sites with these hosts turned on or off, each once. */
export function withLinkSites(current: readonly string[], hosts: readonly string[], on: boolean): string[] {
  return on ? [...new Set([...current, ...hosts])] : current.filter((host) => !hosts.includes(host));
}

/**
 * The access to give back when these hosts are turned off (least
 * privilege): all of it, except for sites the organization wants checked.
 */
export function originsToGiveBack(hosts: readonly string[], organization: readonly string[]): string[] {
  return hosts.filter((host) => !organization.includes(host)).map(linkSiteOrigin);
}

/**
 * The user's list as stored, read without the public-suffix list (the
 * popup stays light): strings shaped like host names, each once, at most
 * MAX_LINK_SITES; anything else reads as no sites. The background, the
 * list's one writer, checks every host fully (parseLinkSites) before saving.
 */
export function readLinkSites(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length > MAX_LINK_SITES) return [];
  const hostShape = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
  if (!raw.every((entry) => typeof entry === 'string' && hostShape.test(entry))) return [];
  return [...new Set(raw as string[])];
}

/**
 * Whether a granted match pattern gives https access to every page of a
 * host: `https://mail.google.com/*` does, and so do `*://*.slack.com/*` (an
 * install-time call host) for app.slack.com and `<all_urls>`; a pattern
 * with a path narrower than `/*`, or for http only, does not.
 */
export function patternCovers(pattern: string, host: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!match) return false;
  const granted = match[2]!;
  if (granted === '*') return true;
  if (granted.startsWith('*.')) {
    const base = granted.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === granted;
}
