import { normalizePath, type PageAddress } from './page-patterns';

/**
 * Turns what a person or a tab gives us into the host and path the browser
 * would really load, so that matching sees what the browser sees.
 *
 * The WHATWG URL parser (the same one the browser uses) already lowercases the
 * host, maps IDN to punycode (so a Cyrillic "zооm.us" becomes xn--… and can
 * never equal zoom.us), drops the port and separates userinfo: in
 * `https://zoom.us@evil.com/` the host is evil.com. What it leaves for us is
 * the trailing dot of a fully qualified name (`zoom.us.`), which the browser
 * resolves like `zoom.us`, and paths spelled differently from how a server
 * reads them (see `normalizePath`). The query and fragment are kept as the
 * parser gives them and read only when a page rule asks.
 */

export type ParsedCallUrl =
  ({ kind: 'web' } & PageAddress) | { kind: 'not-web'; scheme: string } | { kind: 'invalid'; error: string };

export function parseCallUrl(input: string): ParsedCallUrl {
  const text = input.trim();
  if (text === '') return { kind: 'invalid', error: 'empty input: expected a URL such as https://zoom.us/j/123' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // No "did you mean https://…": the command line judges a bare host as
    // https by itself (withAssumedScheme, below), and the banner, which only
    // ever parses its own page's URL, should not carry the guess.
    return { kind: 'invalid', error: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { kind: 'not-web', scheme: url.protocol.slice(0, -1) };
  }
  const host = stripTrailingDot(url.hostname);
  if (host === '') return { kind: 'invalid', error: 'the URL has no host' };
  return new WebAddress(host, normalizePath(url.pathname), url);
}

/**
 * A bare host and path as people paste them (`zoom.us/j/123`), read as the
 * https URL a browser would open; null for anything that does not look like
 * one. The command line uses it, saying so; a browser's URL always has a scheme.
 */
export function withAssumedScheme(input: string): string | null {
  const text = input.trim();
  return /^[\w.-]+\.[a-z]{2,}(?:[/:?#]|$)/i.test(text) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? `https://${text}`
    : null;
}

/**
 * A web page's address. The query and fragment are read from the parsed URL
 * only when a page rule asks for them (Teams joins through `#/l/meetup-join/…`,
 * see page-patterns.ts): most lookups never need them, and assess runs on
 * every navigation and every candidate link.
 */
class WebAddress implements PageAddress {
  readonly kind = 'web';
  constructor(
    readonly host: string,
    readonly path: string,
    private readonly url: URL,
  ) {}
  get search(): string {
    return this.url.search;
  }
  get hash(): string {
    return this.url.hash;
  }
}

/** `zoom.us.` and `zoom.us` are the same name; only the last dot goes. */
export function stripTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
