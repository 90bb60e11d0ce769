import type { JudgedProduct, ProductList } from '../dataset/judged';
import type { Product } from '../dataset/schema';
import type { Verdict } from '../vocabulary/values';

export { VERDICTS, VERDICT_FAMILY, type Verdict } from '../vocabulary/values';
export type { JudgedProduct, ProductList } from '../dataset/judged';
import type { Message } from '../vocabulary/messages';
import type { Approval, Block, CustomVendor, Settings } from '../settings/schema';
import { EMPTY_SETTINGS } from '../settings/repair';
import { parseCallUrl } from '../matching/call-url';
import { buildHostIndex, type HostIndex, type HostRule } from '../matching/host-index';

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
  approval?: Approval;
  block?: Block;
}

export type Assessment<P extends JudgedProduct = Product> =
  | { url: string; ok: false; error: string }
  | { url: string; ok: true; match: Match<P> | null };

interface Prepared<P extends JudgedProduct> {
  index: HostIndex<Entry<P>>;
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
  const entry = index.lookup(parsed.host, parsed.path);
  if (!entry) return { url, ok: true, match: null };
  return { url, ok: true, match: judge(entry, approvals.get(entry.id), blocks.get(entry.id), settings) };
}

/** Finds the entry for a URL without judging it: the directory and options page use it. */
export function matchEntry<P extends JudgedProduct>(
  url: string,
  dataset: ProductList<P>,
  settings: Settings = EMPTY_SETTINGS,
): Entry<P> | null {
  const parsed = parseCallUrl(url);
  if (parsed.kind !== 'web') return null;
  return prepare(dataset, settings).index.lookup(parsed.host, parsed.path) ?? null;
}

/** Every entry CallCheck knows, bundled and custom, each judged as `assess` would. */
export function assessAll<P extends JudgedProduct>(dataset: ProductList<P>, settings: Settings = EMPTY_SETTINGS): Match<P>[] {
  const { approvals, blocks } = prepare(dataset, settings);
  return allEntries(dataset, settings).map((entry) =>
    judge(entry, approvals.get(entry.id), blocks.get(entry.id), settings),
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

function* hostRules<P extends JudgedProduct>(entries: Entry<P>[]): Generator<HostRule<Entry<P>>> {
  for (const entry of entries) {
    const sites = entry.origin === 'dataset' ? entry.product.sites : entry.custom.sites;
    for (const site of sites) yield { host: site.host, paths: site.paths, value: entry };
  }
}

/**
 * Order matters and is the cautious one: a block beats everything; a public
 * broadcast tool or a retired product stays red even with a recorded BAA
 * (HHS says public-facing tools must never be used; a retired product gets no
 * fixes); then a recorded BAA; then what the vendor offers.
 */
function judge<P extends JudgedProduct>(
  entry: Entry<P>,
  approval: Approval | undefined,
  block: Block | undefined,
  settings: Settings,
): Match<P> {
  const decide = (verdict: Verdict, key: Message['key'], ...args: string[]): Match<P> => ({
    entry,
    verdict,
    reason: { key, args },
    ...(approval ? { approval } : {}),
    ...(block ? { block } : {}),
  });
  const { name, vendor } = entry;
  const org = settings.organization?.trim();

  if (block) {
    if (block.by !== 'organization') return decide('blocked', 'reason_blocked_user', name);
    return org ? decide('blocked', 'reason_blocked_org', org, name) : decide('blocked', 'reason_blocked_org_unnamed', name);
  }
  const product = entry.origin === 'dataset' ? entry.product : undefined;
  if (product?.publicFacing.value) return decide('public', 'reason_public', name);
  if (product?.status.value === 'discontinued') {
    const { date, successor } = product.status;
    if (date && successor) return decide('discontinued', 'reason_discontinued_on_successor', name, date, successor);
    if (date) return decide('discontinued', 'reason_discontinued_on', name, date);
    if (successor) return decide('discontinued', 'reason_discontinued_successor', name, successor);
    return decide('discontinued', 'reason_discontinued', name);
  }
  if (approval) {
    const signed = approval.signedOn;
    if (approval.by === 'organization' && org) {
      return signed
        ? decide('approved', 'reason_approved_org_signed', org, vendor, signed)
        : decide('approved', 'reason_approved_org', org, vendor);
    }
    if (approval.by === 'organization') {
      return signed
        ? decide('approved', 'reason_approved_org_unnamed_signed', vendor, signed)
        : decide('approved', 'reason_approved_org_unnamed', vendor);
    }
    return signed
      ? decide('approved', 'reason_approved_user_signed', vendor, signed)
      : decide('approved', 'reason_approved_user', vendor);
  }
  const baa = product ? product.baa.value : entry.origin === 'custom' ? entry.custom.baa : 'unknown';
  switch (baa) {
    case 'not-offered':
      return decide('no-baa', 'reason_no_baa', vendor, name);
    case 'offered':
      return decide('check-plan', 'reason_check_plan', vendor, name);
    case 'not-applicable':
      return decide('unverified', 'reason_not_applicable', name);
    default:
      return decide('unverified', 'reason_unverified', vendor, name);
  }
}
