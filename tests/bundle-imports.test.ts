import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each surface loads only what it shows (issue 19). The popup shows one
 * product, read from the package; the banner and the link markers carry
 * their slim copies: none of them may reach the full dataset, the
 * organization's policy reader or the public-suffix list (tldts, 124 KB).
 * The background needs the host index, page rules and verdict facts (the
 * slim dataset), never the full dataset with its quotes and evidence.
 *
 * The rule is checked on the sources' value imports, the way the bundler
 * follows them (type-only imports are erased and do not count), so a
 * breach names the chain of files that brought the module in. The sizes
 * the bundler then makes are checked on .output/ (e2e/budgets.test.ts).
 */

const ROOT = resolve(import.meta.dirname, '..');

/** What a module imports at run time: relative files resolved, packages and virtual modules by name. */
export function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const statements = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;'"]*?from\s*)?['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(statements)) {
    if (match[2]) continue; // import type / export type: erased
    if (match[1] === 'export' && !match[3]) continue;
    found.push(match[4]!);
  }
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found.map((specifier) => resolveSpecifier(file, specifier));
}

function resolveSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier.replace(/^(tldts)(\/.*)?$/, '$1');
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.(tsx?|json|css)$/.test(candidate) && existsSync(candidate)) return relative(ROOT, candidate);
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
}

/** Every module an entry reaches, each with the chain of imports that first brought it in. */
export function reach(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!/\.tsx?$/.test(file)) continue;
    for (const target of valueImports(resolve(ROOT, file))) {
      if (chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, target]);
      if (!target.includes(':') && /\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return chains;
}

/** The heavy modules, and who may not load them. */
const FULL_DATASET = ['assets/vendors.json', 'utils/dataset/bundled.ts'];
const POLICY_READER = 'utils/policy/read.ts';
const PUBLIC_SUFFIX_LIST = 'tldts';

export const IMPORT_RULES: { entry: string; forbidden: string[] }[] = [
  { entry: 'entrypoints/popup/main.tsx', forbidden: [...FULL_DATASET, POLICY_READER, PUBLIC_SUFFIX_LIST] },
  { entry: 'entrypoints/call-banner.tsx', forbidden: [...FULL_DATASET, POLICY_READER, PUBLIC_SUFFIX_LIST] },
  { entry: 'entrypoints/link-markers.ts', forbidden: [...FULL_DATASET, POLICY_READER, PUBLIC_SUFFIX_LIST] },
  { entry: 'entrypoints/background.ts', forbidden: FULL_DATASET },
  // The options page reads every product's facts from the package; it checks forms with the suffix list.
  { entry: 'entrypoints/options/main.tsx', forbidden: FULL_DATASET },
];

export function importBreaches(entry: string, forbidden: readonly string[]): string[] {
  const reached = reach(entry);
  return forbidden.flatMap((module) => {
    const chain = reached.get(module);
    return chain ? [chain.join(' → ')] : [];
  });
}

describe('each surface imports only what it shows', () => {
  it.each(IMPORT_RULES)('$entry reaches none of $forbidden', ({ entry, forbidden }) => {
    expect(importBreaches(entry, forbidden)).toEqual([]);
  });

  it('sees a forbidden module however it is imported (the rule can fail)', () => {
    // The options page does load the policy reader and the suffix list (to check its forms), through these chains.
    const breaches = importBreaches('entrypoints/options/main.tsx', [POLICY_READER, PUBLIC_SUFFIX_LIST]);
    expect(breaches).toHaveLength(2);
    expect(breaches[0]).toMatch(/^entrypoints\/options\/main\.tsx → .*utils\/policy\/read\.ts$/);
    expect(breaches[1]).toMatch(/ → tldts$/);
    // And the CLI reads the full dataset.
    expect(importBreaches('cli/assess.ts', FULL_DATASET).length).toBeGreaterThan(0);
  });

  it('reads imports as the bundler does: type-only imports are erased, dynamic ones count', () => {
    const reached = reach('extension/stored.ts');
    // stored.ts names the policy reader's types only.
    expect(reached.has(POLICY_READER)).toBe(false);
    expect(reached.has('utils/settings/repair.ts')).toBe(true);
  });
});
