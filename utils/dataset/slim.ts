import type { JudgedProduct, JudgedSite, ProductList } from './judged';
import { BAA_VALUES, type PageKind } from '../vocabulary/values';
import type { Dataset } from './schema';
import type { PageRule } from '../matching/page-patterns';

/** Page kinds travel as their first letter. */
const KIND_OF: Record<string, PageKind> = { c: 'call', a: 'app', s: 'site' };

/**
 * The part of the dataset the content script needs to decide a verdict in the
 * page, before it paints: hosts, names, and the three facts `assess` judges.
 * Everything else (plans, sources, quotes) stays in the background and the
 * popup, and the banner asks for it only when the user opens its details.
 *
 * It travels as rows of plain values rather than objects: the content script
 * has a size budget (scripts/budgets.ts), and rows compress better than
 * repeated keys.
 */
export type SlimRow = [
  id: string,
  vendor: string,
  name: string,
  /**
   * One string a site: `host` or `host/claim,/claim`, then its page rules,
   * separated by spaces (patterns hold none: the lint sees to it). A rule is
   * a kind letter and its path pattern (`c/j/\\d+`), then, each after a
   * line break, what else it reads: `?name=pattern` (query), `#pattern`
   * (fragment route), `#?name=pattern` (the route's query), `>name` (inner).
   */
  sites: string[],
  /** index in BAA_VALUES */
  baa: number,
  /** retirement date, or 0 when active; 1 when retired on an unknown date */
  retired: string | 0 | 1,
  successor: string | 0,
  publicFacing: 0 | 1,
];

/**
 * Every product, with or without a web address: the background knows each
 * bundled id (a clinic may record a BAA for a video API it embeds), and the
 * popup's search lists them all. A product without sites never matches a page.
 */
export function encodeSlim(dataset: Dataset): SlimRow[] {
  return dataset.products.map((p) => slimRow(p, p.sites));
}

/**
 * The banner's share: only what can bring a banner. A site whose pages are
 * all site pages (an EHR whose video visits have no URL of their own, a
 * vendor's marketing host) never shows one, so the banner's copy leaves it
 * out, and a product with no other site goes with it. A site is kept where a
 * kept site's host is its own or one of its parents: without it, its pages
 * would fall to that other site's call rules (the lookup walks up to parent
 * hosts). The popup and the badge keep the full list: they speak on every
 * page of a vendor.
 */
export function encodeBannerSlim(dataset: Dataset): SlimRow[] {
  return encodeSlim(bannerDataset(dataset));
}

/** The dataset with only the sites (and products) that can bring a banner; see encodeBannerSlim. */
export function bannerDataset(dataset: Dataset): Dataset {
  type Site = Dataset['products'][number]['sites'][number];
  const warns = (site: Site) => (site.pages ?? []).some((rule) => rule.kind !== 'site');
  const kept = dataset.products.flatMap((p) => p.sites.filter(warns).map((site) => site.host));
  const shadows = (host: string) => kept.some((k) => host === k || host.endsWith(`.${k}`));
  return {
    ...dataset,
    products: dataset.products.flatMap((p) => {
      const sites = p.sites.filter((site) => warns(site) || shadows(site.host));
      return sites.length > 0 ? [{ ...p, sites }] : [];
    }),
  };
}

/**
 * The banner's data, one share per content-script entry: a call page loads
 * only the rows of the products whose sites are under its own host pattern
 * (`*://*.zoom.us/*` gets Zoom's), not the whole list. That keeps what the
 * page loads before its first paint small however large the dataset grows.
 *
 * Each share holds every banner site under its pattern host, with its page
 * rules, and, without rules, the product's other banner hosts: a call frame
 * asks whether the page around it is the same product (see the banner's
 * frame check), and that page may be on one of those.
 */
/** Where a banner data file leaves its share for the banner script (they share the content scripts' isolated world). */
export const BANNER_DATA_GLOBAL = '__callcheckBannerData';

export interface BannerShare {
  /** The host of the share's match pattern (`zoom.us` for `*://*.zoom.us/*`). */
  host: string;
  rows: SlimRow[];
}

export function bannerShares(dataset: Dataset, patternHosts: readonly string[]): BannerShare[] {
  const banner = bannerDataset(dataset);
  const under = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);
  return patternHosts.map((host) => {
    const products = banner.products.flatMap((p) => {
      const mine = p.sites.filter((site) => under(site.host, host));
      if (mine.length === 0) return [];
      const elsewhere = p.sites
        .filter((site) => !under(site.host, host))
        .map((site) => ({ host: site.host, ...(site.paths ? { paths: site.paths } : {}), noCallShape: '-' }));
      return [{ ...p, sites: [...mine, ...elsewhere] }];
    });
    return { host, rows: products.map((p) => slimRow(p, p.sites)) };
  });
}

function slimRow(p: Dataset['products'][number], sites: Dataset['products'][number]['sites']): SlimRow {
  return [
    p.id,
    p.vendor,
    p.name,
    sites.map((s) => [s.host + (s.paths ? s.paths.join(',') : ''), ...(s.pages ?? []).map(encodeRule)].join(' ')),
    BAA_VALUES.indexOf(p.baa.value),
    p.status.value === 'discontinued' ? (p.status.date ?? 1) : 0,
    p.status.successor ?? 0,
    p.publicFacing.value ? 1 : 0,
  ];
}

function encodeRule(rule: PageRule): string {
  const parts = [rule.kind[0] + rule.path];
  for (const [name, pattern] of Object.entries(rule.query ?? {})) parts.push(`?${name}=${pattern}`);
  if (rule.fragment !== undefined) parts.push(`#${rule.fragment}`);
  for (const [name, pattern] of Object.entries(rule.fragmentQuery ?? {})) parts.push(`#?${name}=${pattern}`);
  if (rule.inner !== undefined) parts.push(`>${rule.inner}`);
  return parts.join('\n');
}

function decodeRule(text: string): PageRule {
  const [head = '', ...parts] = text.split('\n');
  const rule: PageRule = { kind: KIND_OF[head[0]!] ?? 'site', path: head.slice(1) };
  const param = (part: string, into: Record<string, string>) => {
    const equals = part.indexOf('=');
    into[part.slice(0, equals)] = part.slice(equals + 1);
    return into;
  };
  for (const part of parts) {
    if (part.startsWith('#?')) rule.fragmentQuery = param(part.slice(2), { ...rule.fragmentQuery });
    else if (part[0] === '?') rule.query = param(part.slice(1), { ...rule.query });
    else if (part[0] === '#') rule.fragment = part.slice(1);
    else if (part[0] === '>') rule.inner = part.slice(1);
  }
  return rule;
}

export function decodeSlim(rows: readonly SlimRow[]): ProductList<JudgedProduct> {
  return {
    products: rows.map(([id, vendor, name, sites, baa, retired, successor, publicFacing]) => ({
      id,
      vendor,
      name,
      sites: sites.map((text) => {
        const [claim = '', ...rules] = text.split(' ');
        const slash = claim.indexOf('/');
        const site: JudgedSite =
          slash < 0 ? { host: claim } : { host: claim.slice(0, slash), paths: claim.slice(slash).split(',') };
        if (rules.length > 0) site.pages = rules.map(decodeRule);
        return site;
      }),
      baa: { value: BAA_VALUES[baa] ?? 'unknown' },
      status: {
        value: retired === 0 ? 'active' : 'discontinued',
        ...(typeof retired === 'string' ? { date: retired } : {}),
        ...(successor ? { successor } : {}),
      },
      publicFacing: { value: publicFacing === 1 },
    })),
  };
}

/** What the content script works with, straight from the full dataset (for tests and tools). */
export function slimDataset(dataset: Dataset): ProductList<JudgedProduct> {
  return decodeSlim(encodeSlim(dataset));
}
