/**
 * Mail and calendar tools rewrite the links they show: a click goes to the
 * wrapper, which checks the link and redirects. To judge a meeting link
 * where it is chosen, CallCheck recovers the real URL from the wrapped one,
 * never by fetching it: every format below carries the target in the link
 * itself, and each was written from the format's documentation.
 *
 * Only exact wrapper hosts are unwrapped (an allow-list: a look-alike such as
 * `urldefense.com.evil.example` is just a URL), nesting is bounded, and a
 * wrapper that hides its target (Mimecast) says so rather than guess.
 */

export type Unwrapped =
  /** The URL to judge: the input itself when nothing wrapped it. */
  | { kind: 'url'; url: string; wrappers: WrapperName[] }
  /** A wrapper that does not carry its target (or carries it in a form that cannot be read): can't tell. */
  | { kind: 'hidden'; wrapper: WrapperName; wrappers: WrapperName[] };

export type WrapperName =
  | 'google-redirect'
  | 'microsoft-safe-links'
  | 'teams-safe-links'
  | 'proofpoint-v1'
  | 'proofpoint-v2'
  | 'proofpoint-v3'
  | 'barracuda'
  | 'cisco-secure-email'
  | 'facebook'
  | 'mimecast';

/** Layers of wrapping followed before giving up: real mail nests two or three (Safe Links around Proofpoint). */
export const MAX_LAYERS = 5;
/**
 * Chromium's limit on a URL's length (2 MiB): longer is not a link anyone can
 * open. Below it, wrapped links are followed however long: security gateways
 * pad them with tracking data, and a call inside a 100 KB wrapper is a call.
 * Each layer is one URL parse and one linear decode.
 */
const MAX_LENGTH = 2 * 1024 * 1024;

interface Wrapper {
  name: WrapperName;
  /** Exact host, or a suffix starting with a dot for a family of regional hosts. */
  hosts: readonly string[];
  /** The wrapped URL, null when this link of the wrapper's host is not a wrapped link, or 'hidden'. */
  target(url: URL): string | null | 'hidden';
}

const param = (name: string) => (url: URL) => url.searchParams.get(name);

const WRAPPERS: readonly Wrapper[] = [
  // https://www.google.com/url?q=<url>&sa=D… (Gmail's data-saferedirecturl, Calendar, Docs, search results)
  {
    name: 'google-redirect',
    hosts: ['www.google.com', 'google.com'],
    target: (u) => (u.pathname === '/url' ? (u.searchParams.get('q') ?? u.searchParams.get('url')) : null),
  },
  // https://nam12.safelinks.protection.outlook.com/?url=<url>&data=…&sdata=…&reserved=0 (and GCC's office365.us)
  {
    name: 'microsoft-safe-links',
    hosts: ['.safelinks.protection.outlook.com', '.safelinks.protection.office365.us'],
    target: param('url'),
  },
  // Teams' and Outlook's own Safe Links pages: …/atp-safelinks.html?url=<url>
  {
    name: 'teams-safe-links',
    hosts: ['statics.teams.cdn.office.net', 'statics.teams.microsoft.com'],
    target: (u) => (/\/safelinks\/.*atp-safelinks\.html$/.test(u.pathname) ? u.searchParams.get('url') : null),
  },
  // Proofpoint URL Defense v1 and v2: urldefense.proofpoint.com/v1/url?u=<percent-encoded>, /v2/url?u=<'-' for '%', '_' for '/'>
  {
    name: 'proofpoint-v1',
    hosts: ['urldefense.proofpoint.com'],
    target: (u) => (u.pathname === '/v1/url' ? u.searchParams.get('u') : null),
  },
  {
    name: 'proofpoint-v2',
    hosts: ['urldefense.proofpoint.com'],
    target: (u) => {
      if (u.pathname !== '/v2/url') return null;
      const encoded = u.searchParams.get('u');
      return encoded === null ? null : percentDecode(encoded.replace(/-/g, '%').replace(/_/g, '/'));
    },
  },
  // Proofpoint URL Defense v3: urldefense.com/v3/__<url with * placeholders>__;<base64url of the replaced characters>!!<tokens>
  { name: 'proofpoint-v3', hosts: ['urldefense.com', 'urldefense.us'], target: proofpointV3 },
  // Barracuda Link Protection: linkprotect.cudasvc.com/url?a=<url>&c=…&p=…
  {
    name: 'barracuda',
    hosts: ['linkprotect.cudasvc.com'],
    target: (u) => (u.pathname === '/url' ? u.searchParams.get('a') : null),
  },
  // Cisco Secure Email (IronPort) URL rewriting: secure-web.cisco.com/<token>/<percent-encoded url>
  {
    name: 'cisco-secure-email',
    hosts: ['secure-web.cisco.com'],
    target: (u) => {
      const match = /^\/[^/]+\/(https?%3a.+)$/i.exec(u.pathname);
      return match ? percentDecode(match[1]!) : null;
    },
  },
  // Facebook's link shim: l.facebook.com/l.php?u=<url>&h=… (lm. on mobile)
  {
    name: 'facebook',
    hosts: ['l.facebook.com', 'lm.facebook.com', 'l.messenger.com'],
    target: (u) => (u.pathname === '/l.php' ? u.searchParams.get('u') : null),
  },
  // Mimecast URL Protect: protect-*.mimecast.com/s/<token>?domain=… keeps the target on its servers: can't tell.
  {
    name: 'mimecast',
    hosts: ['.mimecast.com'],
    target: (u) => (/^protect(-[a-z]+)?\./.test(u.hostname) && u.pathname.startsWith('/s/') ? 'hidden' : null),
  },
];

function hostIs(host: string, pattern: string): boolean {
  return pattern.startsWith('.') ? host.endsWith(pattern) && host.length > pattern.length : host === pattern;
}

function percentDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Proofpoint v3 replaces characters a URL in a mail could not safely carry
 * with `*` (one character) or `**X` (a run of several, X giving the count),
 * and lists the replaced characters, in order, base64url-encoded after `__;`.
 */
function proofpointV3(u: URL): string | null {
  const match = /^\/v3\/__(.+?)__;([A-Za-z0-9_-]*)!/.exec(u.pathname + u.search + u.hash);
  if (!match) return null;
  const [, template, encoded] = match as unknown as [string, string, string];
  let replaced: string[];
  try {
    const bytes = Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    replaced = [...new TextDecoder('utf-8', { fatal: true }).decode(bytes)];
  } catch {
    return null;
  }
  let next = 0;
  let failed = false;
  const url = template.replace(/\*(\*[A-Za-z0-9_-])?/g, (_token, run: string | undefined) => {
    const count = run ? RUN_LENGTHS.indexOf(run[1]!) + 2 : 1;
    if (next + count > replaced.length) failed = true;
    const chars = replaced.slice(next, next + count).join('');
    next += count;
    return chars;
  });
  return failed ? null : url;
}

/** `**A` is a run of 2 replaced characters, `**B` of 3, and so on. */
const RUN_LENGTHS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Recovers the URL a wrapped link leads to, following at most MAX_LAYERS wrappers. */
export function unwrapUrl(href: string): Unwrapped {
  const wrappers: WrapperName[] = [];
  let current = href.trim();
  for (let layer = 0; layer <= MAX_LAYERS; layer++) {
    if (current.length > MAX_LENGTH) return { kind: 'url', url: current, wrappers };
    let url: URL;
    try {
      url = new URL(current);
    } catch {
      return { kind: 'url', url: current, wrappers };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'url', url: current, wrappers };
    const host = url.hostname.replace(/\.$/, '');
    let inner: string | null | 'hidden' = null;
    let name: WrapperName | undefined;
    for (const wrapper of WRAPPERS) {
      if (!wrapper.hosts.some((pattern) => hostIs(host, pattern))) continue;
      inner = wrapper.target(url);
      name = wrapper.name;
      if (inner !== null) break;
    }
    if (inner === null || !name) return { kind: 'url', url: current, wrappers };
    wrappers.push(name);
    if (inner === 'hidden') return { kind: 'hidden', wrapper: name, wrappers };
    // A wrapper that wraps nothing we can read (an empty or non-web target) is a dead end: say so.
    if (!/^https?:\/\//i.test(inner.trim())) return { kind: 'hidden', wrapper: name, wrappers };
    if (layer === MAX_LAYERS) break;
    current = inner.trim();
  }
  // Deeper than any real mail nests: not followed further, and not judged as if it were the target.
  return { kind: 'hidden', wrapper: wrappers[wrappers.length - 1]!, wrappers };
}

/** Hosts of every wrapper, for a cheap prefilter before any parsing (link markers). */
export const WRAPPER_HOSTS: readonly string[] = WRAPPERS.flatMap((w) => w.hosts);
