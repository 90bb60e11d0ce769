import type { ProductList } from '../dataset/judged';
import type { Settings } from '../settings/schema';
import { WRAPPER_HOSTS } from './unwrap';

/**
 * The link checker's cheap first look: can this link be a call or app link
 * (or a wrapper around one)? Most links of a mail page are not, and this
 * answers for them without parsing a URL; only the others go on to
 * `unwrapUrl` and `assess`.
 *
 * It must never say no where `assess` would say call or app, whatever the
 * spelling: the browser opens `https://zoom.us./j/1`, `https:zoom.us/j/1`,
 * `https:/zoom.us/j/1`, `https://zoom.us\j\1` and `https://%7Aoom.us/j/1`
 * as Zoom calls. So it answers from the host only for a link spelled the
 * way the browser itself writes a URL (`https://` then a lowercase host),
 * and answers "maybe" for anything else, leaving the parser to decide.
 * A fast-check property in tests/link-prefilter.test.ts holds it to that.
 */

/** Scheme, `//`, a host of the characters the URL parser leaves as they are, an optional port, then the end of the host. */
const CANONICAL = /^https?:\/\/([a-z0-9.-]{1,253})(?::\d{0,5})?(?:[/?#]|$)/;
/** A scheme, as the URL parser reads one (no white space or control characters inside). */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export type LinkPrefilter = (href: string) => boolean;

/** Hosts whose pages can be calls or apps, for `assess` with this dataset and these settings. */
export function callLinkHosts(dataset: ProductList, settings: Settings): string[] {
  const hosts: string[] = [];
  for (const product of dataset.products) {
    for (const site of product.sites) if (site.pages?.some((rule) => rule.kind !== 'site')) hosts.push(site.host);
  }
  // A clinic's own vendor: every page of its hosts may be a call.
  for (const vendor of settings.customVendors) for (const site of vendor.sites) hosts.push(site.host.toLowerCase());
  return hosts;
}

export function makeLinkPrefilter(callHosts: Iterable<string>): LinkPrefilter {
  // A call host covers its subdomains (as in the host index); so does a
  // wrapper family written `.safelinks.protection.outlook.com`. Other
  // wrapper hosts are exact: `google.com` wraps only at google.com itself,
  // so mail.google.com's own links are not parsed.
  const covering = new Set<string>(callHosts);
  const exact = new Set<string>();
  for (const host of WRAPPER_HOSTS) {
    if (host.startsWith('.')) covering.add(host.slice(1));
    else exact.add(host);
  }
  return (href) => {
    const canonical = CANONICAL.exec(href);
    if (canonical) {
      let host = canonical[1]!;
      if (host.endsWith('.')) host = host.slice(0, -1);
      if (exact.has(host)) return true;
      // The host, then each parent, as the host index walks it.
      for (let suffix = host; ;) {
        if (covering.has(suffix)) return true;
        const dot = suffix.indexOf('.');
        if (dot < 0) return false;
        suffix = suffix.slice(dot + 1);
      }
    }
    // Without a colon there is no scheme: not a URL on its own (a relative
    // link is resolved by the caller first).
    if (!href.includes(':')) return false;
    // mailto:, tel:, javascript: are never calls.
    const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
    return scheme === undefined || scheme === 'http' || scheme === 'https';
  };
}
