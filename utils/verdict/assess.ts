import type { JudgedProduct, ProductList } from '../dataset/judged';
import type { Product } from '../dataset/schema';
import type { PageKind, Verdict } from '../vocabulary/values';

export { VERDICTS, VERDICT_FAMILY, type Verdict } from '../vocabulary/values';
export type { JudgedProduct, ProductList } from '../dataset/judged';
import type { Message } from '../vocabulary/messages';
import type { Approval, Block, CustomVendor, Settings } from '../settings/schema';
import { EMPTY_SETTINGS } from '../settings/repair';
import { parseCallUrl } from '../matching/call-url';
import { buildHostIndex, type HostIndex, type HostRule } from '../matching/host-index';
import { classifyPage, compilePageRules, type CompiledPageRule } from '../matching/page-patterns';

/**
 * The one place that decides what CallCheck says about a URL. Badge, banner,
 * popup, options page and command line only render what `assess` returns.
 */

export type Entry<P extends JudgedProduct = Product> =
  | { origin: 'dataset'; id: string; vendor: string; name: string; product: P }
  | { origin: 'custom'; id: string; vendor: string; name: string; custom: CustomVendor };

export interface Match<P extends JudgedProduct = Product> {
  entry: Entry<P>;
  verdict: Verdict;
  /** One plain-language sentence saying why, worded by the surface that shows it. */
  reason: Message;
  /**
   * What the page is: `call` (full banner), `app` (the folded pill), `site`
   * (badge and popup only). Null where no URL was judged (the directory).
   */
  page: PageKind | null;
  approval?: Approval;
  block?: Block;
}

export type Assessment<P extends JudgedProduct = Product> =
  { url: string; ok: false; error: string } | { url: string; ok: true; match: Match<P> | null };

/** What a host rule of the index points to: the entry, and how to tell its pages apart. */
interface Claim<P extends JudgedProduct> {
  entry: Entry<P>;
  /** The site's page rules, or the one kind every page of the claim has. */
  pages: readonly CompiledPageRule[] | PageKind;
}

interface Prepared<P extends JudgedProduct> {
  index: HostIndex<Claim<P>>;
  approvals: Map<string, Approval>;
  blocks: Map<string, Block>;
}

// Lookup structures are built once per dataset and settings object, not per
// call: callers pass the same objects again and again (every navigation).
const prepared = new WeakMap<object, WeakMap<Settings, Prepared<JudgedProduct>>>();

export function assess<P extends JudgedProduct>(
  url: string,
  dataset: ProductList<P>,
  settings: Settings = EMPTY_SETTINGS,
): Assessment<P> {
  const parsed = parseCallUrl(url);
  if (parsed.kind === 'invalid') return { url, ok: false, error: parsed.error };
  if (parsed.kind === 'not-web') return { url, ok: true, match: null };
  const { index, approvals, blocks } = prepare(dataset, settings);
  const claim = index.lookup(parsed.host, parsed.path);
  if (!claim) return { url, ok: true, match: null };
  const { entry, pages } = claim;
  const page = typeof pages === 'string' ? pages : classifyPage(pages, parsed);
  return { url, ok: true, match: judge(entry, page, approvals.get(entry.id), blocks.get(entry.id), settings) };
}

/** Finds the entry for a URL without judging it: the directory and options page use it. */
export function matchEntry<P extends JudgedProduct>(
  url: string,
  dataset: ProductList<P>,
  settings: Settings = EMPTY_SETTINGS,
): Entry<P> | null {
  const parsed = parseCallUrl(url);
  if (parsed.kind !== 'web') return null;
  return prepare(dataset, settings).index.lookup(parsed.host, parsed.path)?.entry ?? null;
}

/** Every entry CallCheck knows, bundled and custom, each judged as `assess` would. */
export function assessAll<P extends JudgedProduct>(
  dataset: ProductList<P>,
  settings: Settings = EMPTY_SETTINGS,
): Match<P>[] {
  const { approvals, blocks } = prepare(dataset, settings);
  return allEntries(dataset, settings).map((entry) =>
    judge(entry, null, approvals.get(entry.id), blocks.get(entry.id), settings),
  );
}

function prepare<P extends JudgedProduct>(dataset: ProductList<P>, settings: Settings): Prepared<P> {
  let bySettings = prepared.get(dataset);
  if (!bySettings) prepared.set(dataset, (bySettings = new WeakMap()));
  let result = bySettings.get(settings) as Prepared<P> | undefined;
  if (!result) {
    result = {
      index: buildHostIndex(hostRules(allEntries(dataset, settings))),
      approvals: new Map(settings.approvals.map((a) => [a.productId, a])),
      blocks: new Map(settings.blocks.map((b) => [b.productId, b])),
    };
    bySettings.set(settings, result as unknown as Prepared<JudgedProduct>);
  }
  return result;
}

function allEntries<P extends JudgedProduct>(dataset: ProductList<P>, settings: Settings): Entry<P>[] {
  const entries: Entry<P>[] = dataset.products.map((product) => ({
    origin: 'dataset',
    id: product.id,
    vendor: product.vendor,
    name: product.name,
    product,
  }));
  // Custom vendors come last so that, for the very same host and path, the
  // clinic's own definition replaces the bundled one.
  for (const custom of settings.customVendors) {
    entries.push({ origin: 'custom', id: custom.id, vendor: custom.name, name: custom.name, custom });
  }
  return entries;
}

function* hostRules<P extends JudgedProduct>(entries: Entry<P>[]): Generator<HostRule<Claim<P>>> {
  const bundledHosts = new Set<string>();
  for (const entry of entries) {
    if (entry.origin !== 'dataset') continue;
    for (const site of entry.product.sites) {
      if (!site.paths) bundledHosts.add(site.host);
      const rules = site.pages;
      if (!rules) {
        yield { host: site.host, paths: site.paths, value: { entry, pages: 'site' as const } };
        continue;
      }
      // Compiled when a page of this site is first judged: the link checker
      // and the background hold every site's rules and judge a few sites.
      let compiled: CompiledPageRule[] | undefined;
      yield {
        host: site.host,
        paths: site.paths,
        value: {
          entry,
          get pages() {
            return (compiled ??= compilePageRules(rules));
          },
        },
      };
    }
  }
  for (const entry of entries) {
    if (entry.origin !== 'custom') continue;
    for (const site of entry.custom.sites) {
      // A clinic adds a host because its calls run there: every page is a
      // call, unless it lists the call pages' path prefixes. Then the other
      // pages of its own host are site pages of the vendor; on a host that a
      // bundled product already covers (a Zoom room of the clinic's), they
      // stay that product's.
      yield { host: site.host, paths: site.paths, value: { entry, pages: 'call' } };
      if (site.paths && !coveredBy(bundledHosts, site.host)) yield { host: site.host, value: { entry, pages: 'site' } };
    }
  }
}

function coveredBy(hosts: ReadonlySet<string>, host: string): boolean {
  for (let suffix = host; ; suffix = suffix.slice(suffix.indexOf('.') + 1)) {
    if (hosts.has(suffix)) return true;
    if (!suffix.includes('.')) return false;
  }
}

function judge<P extends JudgedProduct>(
  entry: Entry<P>,
  page: PageKind | null,
  approval: Approval | undefined,
  block: Block | undefined,
  settings: Settings,
): Match<P> {
  const [verdict, key, args] = decide(entry, approval, block, settings);
  const match: Match<P> = { entry, verdict, reason: { key, args }, page };
  if (approval) match.approval = approval;
  if (block) match.block = block;
  return match;
}

type Decision = [Verdict, Message['key'], string[]];

/**
 * Order matters and is the cautious one: a block beats everything; a public
 * broadcast tool or a retired product stays red even with a recorded BAA
 * (HHS says public-facing tools must never be used; a retired product gets no
 * fixes); then a recorded BAA; then what the vendor offers.
 */
function decide<P extends JudgedProduct>(
  entry: Entry<P>,
  approval: Approval | undefined,
  block: Block | undefined,
  settings: Settings,
): Decision {
  const { name, vendor } = entry;
  const org = settings.organization?.trim();

  if (block) {
    if (block.by !== 'organization') return ['blocked', 'reason_blocked_user', [name]];
    return org ? ['blocked', 'reason_blocked_org', [org, name]] : ['blocked', 'reason_blocked_org_unnamed', [name]];
  }
  const product = entry.origin === 'dataset' ? entry.product : undefined;
  if (product?.publicFacing.value) return ['public', 'reason_public', [name]];
  if (product?.status.value === 'discontinued') {
    const { date, successor } = product.status;
    if (date && successor) return ['discontinued', 'reason_discontinued_on_successor', [name, date, successor]];
    if (date) return ['discontinued', 'reason_discontinued_on', [name, date]];
    if (successor) return ['discontinued', 'reason_discontinued_successor', [name, successor]];
    return ['discontinued', 'reason_discontinued', [name]];
  }
  if (approval) {
    const signed = approval.signedOn;
    if (approval.by === 'organization' && org) {
      return signed
        ? ['approved', 'reason_approved_org_signed', [org, vendor, signed]]
        : ['approved', 'reason_approved_org', [org, vendor]];
    }
    if (approval.by === 'organization') {
      return signed
        ? ['approved', 'reason_approved_org_unnamed_signed', [vendor, signed]]
        : ['approved', 'reason_approved_org_unnamed', [vendor]];
    }
    return signed
      ? ['approved', 'reason_approved_user_signed', [vendor, signed]]
      : ['approved', 'reason_approved_user', [vendor]];
  }
  const baa = product ? product.baa.value : entry.origin === 'custom' ? entry.custom.baa : 'unknown';
  // "Discord does not sign a BAA for Discord": where vendor and product share a name, it is said once.
  const same = vendor === name;
  switch (baa) {
    case 'not-offered':
      return same ? ['no-baa', 'reason_no_baa_self', [name]] : ['no-baa', 'reason_no_baa', [vendor, name]];
    case 'offered':
      return same
        ? ['check-plan', 'reason_check_plan_self', [name]]
        : ['check-plan', 'reason_check_plan', [vendor, name]];
    case 'not-applicable':
      return ['unverified', 'reason_not_applicable', [name]];
    default:
      return same
        ? ['unverified', 'reason_unverified_self', [name]]
        : ['unverified', 'reason_unverified', [vendor, name]];
  }
}
