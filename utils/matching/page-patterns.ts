import { PAGE_KINDS, type PageKind } from '../vocabulary/values';

/**
 * Which page of a call host is a call: the dataset gives each site an ordered
 * list of page rules; the first rule whose every part matches decides, and a
 * page no rule matches is a `site` page (marketing, help, login, settings, a
 * chart).
 *
 * A rule reads the whole URL, since single-page apps put the join outside the
 * path (Teams' `/_#/l/meetup-join/…`, Webex's `join?uuid=…`):
 * - `path`: a pattern over the path as `normalizePath` gives it;
 * - `query`: named query parameters, each present with a value its pattern matches;
 * - `fragment` and `fragmentQuery`: the same over the fragment read as a
 *   route (`#/l/meetup-join/x?context=…`), see `fragmentRoute`;
 * - `inner`: a launcher page that carries the route it opens in a parameter
 *   (`launcher.html?url=%2F_%23%2Fl%2Fmeetup-join…`) is of the rule's kind
 *   when that route, judged by the same site's rules, is. One level deep:
 *   inner routes are never unwrapped again, and nothing is ever fetched.
 *
 * Patterns are regular-expression sources. They are anchored here
 * (`^(?:…)$`), so a pattern can never match part of a path by accident, and
 * `patternProblem` refuses the constructs that make a regular expression slow
 * on hostile input (nested or adjacent unbounded quantifiers,
 * back-references, look-arounds); the dataset lint also runs every pattern
 * against long hostile inputs.
 */

export interface PageRule {
  kind: PageKind;
  path: string;
  query?: Readonly<Record<string, string>> | undefined;
  fragment?: string | undefined;
  fragmentQuery?: Readonly<Record<string, string>> | undefined;
  inner?: string | undefined;
}

type ParamTests = readonly (readonly [name: string, test: RegExp])[];

export interface CompiledPageRule {
  kind: PageKind;
  test: RegExp;
  /** The rule reads the path only (most do). */
  plain: boolean;
  query?: ParamTests;
  fragment?: RegExp;
  fragmentQuery?: ParamTests;
  inner?: string;
}

/**
 * A page as the rules read it. `search` and `hash` are the URL's own
 * (`?a=b`, `#/route`), as the WHATWG parser gives them; they are read only
 * when a rule of the page's site asks, so an ordinary lookup pays nothing for
 * them.
 */
export interface PageAddress {
  host: string;
  /** As `normalizePath` gives it. */
  path: string;
  search: string;
  hash: string;
}

/**
 * The path as a server reads it, so that a call page cannot slip past a rule
 * by spelling its path differently, and a non-call page cannot pose as one:
 * - percent-encoded unreserved characters are decoded (`/%6Cive` is `/live`;
 *   RFC 3986 §2.3 says they are equivalent), other escapes are kept;
 * - `;parameters` are dropped from each segment (`/live;x=1` is `/live` to
 *   servlet-style servers);
 * - repeated slashes are one (`//live`), a trailing slash goes (`/j/1/`);
 * - lowercase: vendors' routers treat `/J/123` as `/j/123`.
 * The URL parser has already resolved `.` and `..` segments, `%2e` included.
 */
export function normalizePath(path: string): string {
  // Most paths need nothing done, or only their trailing slash taken off: one
  // test instead of four passes (assess runs on every navigation and in the
  // link checker on every link).
  if (!NEEDS_NORMALIZING.test(path)) {
    if (path.length > 1 && path.charCodeAt(path.length - 1) === 47 /* / */) return path.slice(0, -1);
    return path === '' ? '/' : path;
  }
  let text = path.replace(/%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2d|2e|5f|7e)/gi, (escape) =>
    String.fromCharCode(Number.parseInt(escape.slice(1), 16)),
  );
  if (text.includes(';')) text = text.replace(/;[^/]*/g, '');
  text = text.replace(/\/{2,}/g, '/').toLowerCase();
  if (text.length > 1 && text.endsWith('/')) text = text.slice(0, -1);
  return text === '' ? '/' : text;
}

/** An escape, a parameter, an upper-case letter, a doubled slash. */
const NEEDS_NORMALIZING = /[%;A-Z]|\/\//;

/**
 * The fragment read as a single-page app's router reads it: `#/l/x?c=1`,
 * `#!/l/x` (hashbang) and `#l/x` are the route `/l/x` with the query `?c=1`.
 * The route's path is normalised as a path is (`normalizePath`), its query as
 * a query is (`readParams`), so one spelling rule holds for the whole URL.
 */
export function fragmentRoute(hash: string): { path: string; search: string } {
  let text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.startsWith('!')) text = text.slice(1);
  const question = text.indexOf('?');
  const path = question < 0 ? text : text.slice(0, question);
  return {
    path: normalizePath(path.startsWith('/') ? path : `/${path}`),
    search: question < 0 ? '' : text.slice(question),
  };
}

/**
 * Query parameters as the rules read them: names and values decoded
 * (URLSearchParams: `%XX` escapes and `+`), then lowercased, as paths are;
 * a repeated name keeps every value.
 */
export function readParams(search: string): ReadonlyMap<string, readonly string[]> {
  const params = new Map<string, string[]>();
  if (search.length <= 1) return params;
  for (const [name, value] of new URLSearchParams(search)) {
    const key = name.toLowerCase();
    const values = params.get(key);
    if (values) values.push(value.toLowerCase());
    else params.set(key, [value.toLowerCase()]);
  }
  return params;
}

/** A pattern as the rules use it: anchored at both ends, so it never matches part of a path or value. */
export const anchored = (source: string): RegExp => new RegExp(`^(?:${source})$`);
const paramTests = (params: Readonly<Record<string, string>>): ParamTests =>
  Object.entries(params).map(([name, source]) => [name.toLowerCase(), anchored(source)] as const);

export function compilePageRules(rules: readonly PageRule[]): CompiledPageRule[] {
  return rules.map((rule) => {
    const plain = !rule.query && rule.fragment === undefined && !rule.fragmentQuery && rule.inner === undefined;
    const compiled: CompiledPageRule = { kind: rule.kind, test: anchored(rule.path), plain };
    if (rule.query) compiled.query = paramTests(rule.query);
    if (rule.fragment !== undefined) compiled.fragment = anchored(rule.fragment);
    if (rule.fragmentQuery) compiled.fragmentQuery = paramTests(rule.fragmentQuery);
    if (rule.inner !== undefined) compiled.inner = rule.inner.toLowerCase();
    return compiled;
  });
}

/** A path alone, for callers that have no query or fragment to give. */
export function pathAddress(path: string): PageAddress {
  return { host: '', path, search: '', hash: '' };
}

/** The kind of a page: the first rule that matches, else `site`. */
export function classifyPage(rules: readonly CompiledPageRule[], address: PageAddress): PageKind {
  return rules[decidingRule(rules, address)]?.kind ?? 'site';
}

/** The index of the rule that decides a page's kind, or -1 where none matches (a site page). */
export function decidingRule(rules: readonly CompiledPageRule[], address: PageAddress, depth = 0): number {
  // The query and fragment are read only for rules that name them, once.
  let reader: AddressReader | undefined;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (!rule.test.test(address.path)) continue;
    if (rule.plain || matches(rule, rules, (reader ??= new AddressReader(address)), depth)) return i;
  }
  return -1;
}

/** The parts of a rule beyond its path (the path already matched). */
function matches(
  rule: CompiledPageRule,
  rules: readonly CompiledPageRule[],
  page: AddressReader,
  depth: number,
): boolean {
  if (rule.query && !paramsMatch(rule.query, page.params())) return false;
  if (rule.fragment && !rule.fragment.test(page.route().path)) return false;
  if (rule.fragmentQuery && !paramsMatch(rule.fragmentQuery, page.routeParams())) return false;
  if (rule.inner !== undefined) {
    if (depth > 0) return false;
    const inner = innerAddress(page.address.host, page.params().get(rule.inner)?.[0]);
    return inner !== null && rules[decidingRule(rules, inner, depth + 1)]?.kind === rule.kind;
  }
  return true;
}

function paramsMatch(tests: ParamTests, params: ReadonlyMap<string, readonly string[]>): boolean {
  return tests.every(([name, test]) => params.get(name)?.some((value) => test.test(value)) ?? false);
}

/**
 * The route a launcher carries, resolved as the browser would open it from
 * the launcher's own page; null unless it stays on the launcher's host (a
 * launcher is never a way to vouch for another host) and is a web URL.
 */
function innerAddress(host: string, value: string | undefined): PageAddress | null {
  if (value === undefined || host === '') return null;
  let url: URL;
  try {
    url = new URL(value, `https://${host}/`);
  } catch {
    return null;
  }
  const innerHost = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || innerHost !== host) return null;
  return { host, path: normalizePath(url.pathname), search: url.search, hash: url.hash };
}

/** Reads the query and the fragment route once each, and only when a rule asks. */
class AddressReader {
  private query?: ReadonlyMap<string, readonly string[]>;
  private fragment?: { path: string; search: string };
  private fragmentQuery?: ReadonlyMap<string, readonly string[]>;
  constructor(readonly address: PageAddress) {}
  params() {
    return (this.query ??= readParams(this.address.search));
  }
  route() {
    return (this.fragment ??= fragmentRoute(this.address.hash));
  }
  routeParams() {
    return (this.fragmentQuery ??= readParams(this.route().search));
  }
}

/** What a pattern is matched against: a path (`/j/1`, starting with a slash) or a parameter's value. */
export type PatternTarget = 'path' | 'value';

/**
 * Why a pattern must not be used, or null. The checks are syntactic and
 * cautious: a pattern that is safe but looks risky is refused too, and can be
 * written another way (a bounded `{1,64}` instead of `+` inside a group).
 */
export function patternProblem(source: string, target: PatternTarget = 'path'): string | null {
  if (target === 'path' && !source.startsWith('/')) return 'a path pattern starts with /';
  if (/\s/.test(source)) return `no white space in a ${target === 'path' ? 'path ' : ''}pattern`;
  if (/[A-Z]/.test(source.replace(/\\[A-Za-z]/g, '')))
    return 'paths are matched in lowercase: write the pattern in lowercase';
  if (/[\^$]/.test(source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '')))
    return 'no ^ or $: patterns are anchored for you';
  if (/\\[1-9]|\\k</.test(source)) return 'no back-references';
  if (/\(\?<?[=!]/.test(source)) return 'no look-arounds';
  try {
    new RegExp(`^(?:${source})$`);
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`;
  }
  // A group that can repeat without bound and itself holds an unbounded
  // quantifier is the classic catastrophic-backtracking shape: (a+)+, (.*)*.
  const unbounded = /(?:[*+]|\{\d+,\})/;
  const groups = innermostRepeatedGroups(source);
  if (groups.some((inner) => unbounded.test(inner.replace(/\\./g, ''))))
    return 'no unbounded repetition inside a repeated group';
  if (/(?:\.\*|\.\+)[^/]*(?:\.\*|\.\+)/.test(source)) return 'no two unbounded wildcards within one segment';
  return null;
}

/** Bodies of groups followed by an unbounded quantifier (`(…)+`, `(…)*`, `(…){2,}`). */
function innermostRepeatedGroups(source: string): string[] {
  const bodies: string[] = [];
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (char === '(') open.push(i);
    if (char === ')') {
      const start = open.pop();
      if (start !== undefined && /^(?:[*+]|\{\d+,\})/.test(source.slice(i + 1)))
        bodies.push(source.slice(start + 1, i));
    }
  }
  return bodies;
}

export { PAGE_KINDS, type PageKind };
