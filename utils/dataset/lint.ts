import * as v from 'valibot';
import { localDate } from './dates';
import { DatasetSchema, FACT_KEYS, type Dataset } from './schema';
import { parseCallUrl } from '../matching/call-url';
import { isRegistrableHost } from '../matching/hostname';
import {
  anchored,
  classifyPage,
  compilePageRules,
  patternProblem,
  type PatternTarget,
} from '../matching/page-patterns';
import type { PageRuleData, Site } from './schema';

/**
 * Checks the bundled dataset beyond its shape: the rules that keep the data
 * trustworthy. Run by the build (a bad dataset fails it) and by the tests.
 * Returns a list of problems, each naming the product and field.
 */
export function lintDataset(raw: unknown, today = localDate()): string[] {
  const parsed = v.safeParse(DatasetSchema, raw);
  if (!parsed.success) {
    return parsed.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  }
  const dataset: Dataset = parsed.output;
  const problems: string[] = [];
  const ids = new Set<string>();
  const claims = new Map<string, string>();

  const notFuture = (where: string, date: string | undefined) => {
    if (date && date > today) problems.push(`${where}: ${date} is in the future`);
  };
  notFuture('updated', dataset.updated);

  dataset.products.forEach((product, i) => {
    const at = `products[${i}] ${product.id}`;
    if (ids.has(product.id)) problems.push(`${at}: duplicate id`);
    ids.add(product.id);
    const previous = dataset.products[i - 1];
    if (previous && previous.id.localeCompare(product.id) >= 0) {
      problems.push(`${at}: products must be sorted by id (after ${previous.id})`);
    }
    notFuture(`${at}.reviewed`, product.reviewed);
    notFuture(`${at}.status.date`, product.status.date);
    for (const key of FACT_KEYS) {
      for (const source of product[key].sources) {
        notFuture(`${at}.${key} source ${source.url}`, source.checked);
        const registry = registryHost(source.url);
        if (registry)
          problems.push(
            `${at}.${key}: ${source.url} is package-registry documentation (${registry}), never the source of a vendor's claim; cite the vendor or a regulator`,
          );
        if (source.checked > product.reviewed) {
          problems.push(
            `${at}.${key}: source checked ${source.checked}, after the product's review ${product.reviewed}`,
          );
        }
      }
    }
    if (product.status.value === 'discontinued' && !product.status.date && !product.notes) {
      problems.push(
        `${at}.status: a discontinued product needs the date it was retired, or notes saying why it has none`,
      );
    }
    if (product.sites.length === 0 && !product.notes) {
      problems.push(`${at}: a product with no sites needs notes saying why none is listed`);
    }
    if (product.publicFacing.value && product.category !== 'broadcast') {
      problems.push(`${at}: public-facing products belong to the broadcast category`);
    }
    for (const site of product.sites) {
      if (!isRegistrableHost(site.host)) problems.push(`${at}: "${site.host}" is not a valid host name`);
      problems.push(...sitePageProblems(`${at} ${site.host}`, site));
      for (const rule of site.pages ?? []) {
        for (const source of rule.evidence)
          notFuture(`${at} ${site.host} ${rule.path} evidence ${source.url}`, source.checked);
      }
      for (const path of site.paths ?? ['']) {
        const key = `${site.host}${path.toLowerCase().replace(/\/$/, '')}`;
        const owner = claims.get(key);
        if (owner) problems.push(`${at}: ${key} is already claimed by ${owner}`);
        claims.set(key, product.id);
      }
    }
  });

  dataset.explainers.forEach((explainer) => {
    for (const source of explainer.sources) notFuture(`explainer ${explainer.id}`, source.checked);
  });
  return problems;
}

/**
 * Package registries and their documentation sites: they host what a
 * library's authors wrote about themselves (or about someone else's
 * product), not what a vendor commits to. An earlier dataset cited one for a
 * vendor's encryption.
 */
const PACKAGE_REGISTRY_HOSTS = [
  'docs.rs',
  'crates.io',
  'npmjs.com',
  'npmjs.org',
  'pypi.org',
  'pkg.go.dev',
  'rubygems.org',
  'rubydoc.info',
  'nuget.org',
  'packagist.org',
  'libraries.io',
  'hexdocs.pm',
  'hex.pm',
  'metacpan.org',
  'cran.r-project.org',
  'pub.dev',
  'mvnrepository.com',
  'javadoc.io',
  'cocoapods.org',
  'jsr.io',
];

function registryHost(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return PACKAGE_REGISTRY_HOSTS.find((registry) => host === registry || host.endsWith(`.${registry}`));
}

/** Parses and lints, throwing one error that lists every problem. */
export function assertValidDataset(raw: unknown): Dataset {
  const problems = lintDataset(raw);
  if (problems.length > 0) {
    throw new Error(`The vendor dataset has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return v.parse(DatasetSchema, raw);
}

/**
 * Hostile paths every pattern must answer quickly: long runs of the
 * characters patterns use, ending in a character that makes them fail late.
 */
const HOSTILE_UNITS = ['a', '1', '-', 'a-', '/a', '/1', 'a.', '_', '%', ':', '@', '=', '&'];
const HOSTILE_PATHS = HOSTILE_UNITS.map((unit) => `/${unit.repeat(20_000)}!`);
const HOSTILE_VALUES = HOSTILE_UNITS.map((unit) => `${unit.repeat(20_000)}!`);

/** Every pattern of a rule, with what it is matched against: paths (the path, the fragment route) or values. */
function rulePatterns(rule: PageRuleData): [string, PatternTarget][] {
  return [
    [rule.path, 'path'],
    ...(rule.fragment !== undefined ? [[rule.fragment, 'path'] as [string, PatternTarget]] : []),
    ...Object.values({ ...rule.query }).map((value): [string, PatternTarget] => [value, 'value']),
    ...Object.values({ ...rule.fragmentQuery }).map((value): [string, PatternTarget] => [value, 'value']),
  ];
}
const SLOW_MS = 50;

function sitePageProblems(at: string, site: Site): string[] {
  const problems: string[] = [];
  const rules = site.pages ?? [];
  const hasCalls = rules.some((rule) => rule.kind === 'call');
  if (!hasCalls && !site.noCallShape) problems.push(`${at}: a site without call pages needs noCallShape saying why`);
  if (hasCalls && !site.notCalls)
    problems.push(`${at}: a site with call pages needs notCalls: pages of the host that are not calls`);
  for (const rule of rules) {
    for (const [pattern, target] of rulePatterns(rule)) {
      const problem = patternProblem(pattern, target);
      if (problem) {
        problems.push(`${at}: pattern ${pattern}: ${problem}`);
        return problems;
      }
      const test = anchored(pattern);
      for (const hostile of target === 'path' ? HOSTILE_PATHS : HOSTILE_VALUES) {
        const started = performance.now();
        test.test(hostile);
        if (performance.now() - started > SLOW_MS)
          problems.push(`${at}: pattern ${pattern} is slow on a long hostile ${target === 'path' ? 'path' : 'value'}`);
      }
    }
    if (rule.inner !== undefined && rule.kind === 'site')
      problems.push(`${at}: rule ${rule.path} reads an inner route for a site page: launchers are read to find calls`);
  }
  const compiled = compilePageRules(rules);
  const kindOf = (url: string): string => {
    const parsed = parseCallUrl(url);
    if (parsed.kind !== 'web') return `not a web URL`;
    if (parsed.host !== site.host && !parsed.host.endsWith(`.${site.host}`)) return `not on ${site.host}`;
    const claimed =
      !site.paths || site.paths.some((prefix) => parsed.path === prefix || parsed.path.startsWith(`${prefix}/`));
    if (!claimed) return `outside ${site.paths?.join(', ')}`;
    return classifyPage(compiled, parsed);
  };
  for (const rule of rules) {
    for (const example of rule.examples) {
      const kind = kindOf(example);
      if (kind !== rule.kind) problems.push(`${at}: example ${example} of ${rule.kind} rule ${rule.path} is ${kind}`);
    }
  }
  for (const url of site.notCalls ?? []) {
    const kind = kindOf(url);
    if (kind === 'call' || !['app', 'site'].includes(kind)) problems.push(`${at}: notCalls ${url} is ${kind}`);
  }
  return problems;
}
