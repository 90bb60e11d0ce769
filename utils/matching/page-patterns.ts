import { PAGE_KINDS, type PageKind } from '../vocabulary/values';

/**
 * Which page of a call host is a call: the dataset gives each site an ordered
 * list of page rules (kind + path pattern); the first whose pattern matches
 * the whole normalised path decides, and a path no rule matches is a `site`
 * page (marketing, help, login, settings, a chart).
 *
 * Patterns are regular-expression sources over the path as `normalizePath`
 * gives it. They are anchored here (`^(?:…)$`), so a pattern can never match
 * part of a path by accident, and `patternProblem` refuses the constructs that
 * make a regular expression slow on hostile input (nested or adjacent
 * unbounded quantifiers, back-references, look-arounds); the dataset lint
 * also runs every pattern against long hostile paths.
 */

export interface PageRule {
  kind: PageKind;
  path: string;
}

export interface CompiledPageRule {
  kind: PageKind;
  test: RegExp;
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
  // Most paths need nothing done: one test instead of four passes (assess
  // runs on every navigation and in the link checker on every link).
  if (!NEEDS_NORMALIZING.test(path)) return path === '' ? '/' : path;
  let text = path.replace(/%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2d|2e|5f|7e)/gi, (escape) =>
    String.fromCharCode(Number.parseInt(escape.slice(1), 16)),
  );
  if (text.includes(';')) text = text.replace(/;[^/]*/g, '');
  text = text.replace(/\/{2,}/g, '/').toLowerCase();
  if (text.length > 1 && text.endsWith('/')) text = text.slice(0, -1);
  return text === '' ? '/' : text;
}

/** An escape, a parameter, an upper-case letter, a doubled or trailing slash. */
const NEEDS_NORMALIZING = /[%;A-Z]|\/\/|.\/$/;

export function compilePageRules(rules: readonly PageRule[]): CompiledPageRule[] {
  return rules.map((rule) => ({ kind: rule.kind, test: new RegExp(`^(?:${rule.path})$`) }));
}

/** The kind of a normalised path: the first matching rule, else `site`. */
export function classifyPage(rules: readonly CompiledPageRule[], path: string): PageKind {
  for (const rule of rules) if (rule.test.test(path)) return rule.kind;
  return 'site';
}

/**
 * Why a pattern must not be used, or null. The checks are syntactic and
 * cautious: a pattern that is safe but looks risky is refused too, and can be
 * written another way (a bounded `{1,64}` instead of `+` inside a group).
 */
export function patternProblem(source: string): string | null {
  if (!source.startsWith('/')) return 'a path pattern starts with /';
  if (/\s/.test(source)) return 'no white space in a path pattern';
  if (/[A-Z]/.test(source.replace(/\\[A-Za-z]/g, ''))) return 'paths are matched in lowercase: write the pattern in lowercase';
  if (/[\^$]/.test(source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''))) return 'no ^ or $: patterns are anchored for you';
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
  if (groups.some((inner) => unbounded.test(inner.replace(/\\./g, '')))) return 'no unbounded repetition inside a repeated group';
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
      if (start !== undefined && /^(?:[*+]|\{\d+,\})/.test(source.slice(i + 1))) bodies.push(source.slice(start + 1, i));
    }
  }
  return bodies;
}

export { PAGE_KINDS, type PageKind };
