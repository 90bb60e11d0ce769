/**
 * Host (and path prefix) → value lookup, built once and queried on every
 * navigation.
 *
 * Why a map of whole host names instead of a trie or a scan: a rule for
 * `zoom.us` must match `zoom.us` and `x.zoom.us` but never `evilzoom.us` or
 * `zoom.us.evil.com`. Walking the queried host from its full name towards its
 * last label, one label at a time (`a.b.zoom.us`, `b.zoom.us`, `zoom.us`,
 * `us`), and asking a Map for each suffix gives exactly that whole-label
 * semantics, finds the most specific host first, and costs one hash lookup per
 * label (rarely more than five) whatever the number of rules. A scan over all
 * hosts costs one string comparison per rule: 10,000 custom vendors would make
 * every lookup 10,000 comparisons. `npm run bench` prints both.
 *
 * A host can carry several path prefixes (facebook.com: /messages, /live).
 * They are kept longest first, so the most specific prefix wins; a prefix
 * matches whole path segments only (`/live` matches `/live` and `/live/x`, not
 * `/lively`). When no prefix of a host matches, the walk goes on to the
 * parent domain, so a more general rule still applies.
 */

export interface HostRule<T> {
  host: string;
  /** Path prefixes; absent means the whole host. */
  paths?: readonly string[] | undefined;
  value: T;
}

interface PathRule<T> {
  /** Lowercased, without a trailing slash; '' matches every path. */
  prefix: string;
  value: T;
}

export interface HostIndex<T> {
  lookup(host: string, path?: string): T | undefined;
  readonly size: number;
}

export function buildHostIndex<T>(rules: Iterable<HostRule<T>>): HostIndex<T> {
  const byHost = new Map<string, PathRule<T>[]>();
  let size = 0;
  for (const rule of rules) {
    const host = rule.host.toLowerCase();
    let list = byHost.get(host);
    if (!list) byHost.set(host, (list = []));
    for (const prefix of rule.paths ?? ['']) {
      const normal = normalizePrefix(prefix);
      // A later rule for the very same host and prefix replaces the earlier
      // one: callers add the user's own vendors after the bundled ones.
      const existing = list.findIndex((r) => r.prefix === normal);
      if (existing >= 0) list.splice(existing, 1);
      else size++;
      list.push({ prefix: normal, value: rule.value });
    }
  }
  for (const list of byHost.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);

  return {
    size,
    lookup(host: string, path = '/') {
      const lowerPath = path.toLowerCase();
      let suffix = host;
      for (;;) {
        const list = byHost.get(suffix);
        if (list) {
          for (const rule of list) if (pathHasPrefix(lowerPath, rule.prefix)) return rule.value;
        }
        const dot = suffix.indexOf('.');
        if (dot < 0) return undefined;
        suffix = suffix.slice(dot + 1);
      }
    },
  };
}

function normalizePrefix(prefix: string): string {
  const lower = prefix.toLowerCase();
  return lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

function pathHasPrefix(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  const SLASH = 47;
  return path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === SLASH);
}
