import type { Dataset, Product } from './dataset-schema';
import type { Approval, Block, CustomVendor, Settings } from './settings-schema';
import { EMPTY_SETTINGS } from './settings-schema';
import { parseCallUrl } from './call-url';
import { buildHostIndex, type HostIndex, type HostRule } from './host-index';

/**
 * The one place that decides what CallCheck says about a URL. Badge, banner,
 * popup, options page and command line only render what `assess` returns.
 */

export const VERDICTS = [
  'approved',
  'blocked',
  'public',
  'discontinued',
  'no-baa',
  'check-plan',
  'unverified',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Badge colour family of each verdict: red means do not use, amber means check first. */
export const VERDICT_FAMILY: Record<Verdict, 'red' | 'amber' | 'green'> = {
  approved: 'green',
  blocked: 'red',
  public: 'red',
  discontinued: 'red',
  'no-baa': 'red',
  'check-plan': 'amber',
  unverified: 'amber',
};

export type Entry =
  | { origin: 'dataset'; id: string; vendor: string; name: string; product: Product }
  | { origin: 'custom'; id: string; vendor: string; name: string; custom: CustomVendor };

export interface Match {
  entry: Entry;
  verdict: Verdict;
  /** One plain-language sentence saying why. */
  reason: string;
  approval?: Approval;
  block?: Block;
}

export type Assessment =
  | { url: string; ok: false; error: string }
  | { url: string; ok: true; match: Match | null };

interface Prepared {
  index: HostIndex<Entry>;
  approvals: Map<string, Approval>;
  blocks: Map<string, Block>;
}

// Lookup structures are built once per dataset and settings object, not per
// call: callers pass the same objects again and again (every navigation).
const prepared = new WeakMap<Dataset, WeakMap<Settings, Prepared>>();

export function assess(url: string, dataset: Dataset, settings: Settings = EMPTY_SETTINGS): Assessment {
  const parsed = parseCallUrl(url);
  if (parsed.kind === 'invalid') return { url, ok: false, error: parsed.error };
  if (parsed.kind === 'not-web') return { url, ok: true, match: null };
  const { index, approvals, blocks } = prepare(dataset, settings);
  const entry = index.lookup(parsed.host, parsed.path);
  if (!entry) return { url, ok: true, match: null };
  return { url, ok: true, match: judge(entry, approvals.get(entry.id), blocks.get(entry.id), settings) };
}

/** Finds the entry for a URL without judging it: the directory and options page use it. */
export function matchEntry(url: string, dataset: Dataset, settings: Settings = EMPTY_SETTINGS): Entry | null {
  const parsed = parseCallUrl(url);
  if (parsed.kind !== 'web') return null;
  return prepare(dataset, settings).index.lookup(parsed.host, parsed.path) ?? null;
}

/** Every entry CallCheck knows, bundled and custom, each judged as `assess` would. */
export function assessAll(dataset: Dataset, settings: Settings = EMPTY_SETTINGS): Match[] {
  const { approvals, blocks } = prepare(dataset, settings);
  return allEntries(dataset, settings).map((entry) =>
    judge(entry, approvals.get(entry.id), blocks.get(entry.id), settings),
  );
}

function prepare(dataset: Dataset, settings: Settings): Prepared {
  let bySettings = prepared.get(dataset);
  if (!bySettings) prepared.set(dataset, (bySettings = new WeakMap()));
  let result = bySettings.get(settings);
  if (!result) {
    result = {
      index: buildHostIndex(hostRules(allEntries(dataset, settings))),
      approvals: new Map(settings.approvals.map((a) => [a.productId, a])),
      blocks: new Map(settings.blocks.map((b) => [b.productId, b])),
    };
    bySettings.set(settings, result);
  }
  return result;
}

function allEntries(dataset: Dataset, settings: Settings): Entry[] {
  const entries: Entry[] = dataset.products.map((product) => ({
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

function* hostRules(entries: Entry[]): Generator<HostRule<Entry>> {
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
function judge(entry: Entry, approval: Approval | undefined, block: Block | undefined, settings: Settings): Match {
  const withDecisions = (m: Omit<Match, 'entry' | 'approval' | 'block'>): Match => ({
    entry,
    ...m,
    ...(approval ? { approval } : {}),
    ...(block ? { block } : {}),
  });
  const { name, vendor } = entry;
  const org = settings.organization?.trim() || 'your organization';

  if (block) {
    const who = block.by === 'organization' ? capitalize(org) : 'You';
    return withDecisions({ verdict: 'blocked', reason: `${who} blocked ${name} for patient sessions.` });
  }
  const product = entry.origin === 'dataset' ? entry.product : undefined;
  if (product?.publicFacing.value) {
    return withDecisions({
      verdict: 'public',
      reason: `${name} is a public-facing broadcast tool, which HHS says must not be used for patient sessions.`,
    });
  }
  if (product?.status.value === 'discontinued') {
    const when = product.status.date ? ` on ${product.status.date}` : '';
    const next = product.status.successor ? `; its successor is ${product.status.successor}` : '';
    return withDecisions({ verdict: 'discontinued', reason: `${name} was retired${when}${next}.` });
  }
  if (approval) {
    const who = approval.by === 'organization' ? capitalize(org) : 'You';
    const when = approval.signedOn ? ` (signed ${approval.signedOn})` : '';
    return withDecisions({
      verdict: 'approved',
      reason: `${who} recorded a signed BAA with ${vendor}${when}: use the account and plan that BAA covers.`,
    });
  }
  const baa = product ? product.baa.value : entry.origin === 'custom' ? entry.custom.baa : 'unknown';
  switch (baa) {
    case 'not-offered':
      return withDecisions({
        verdict: 'no-baa',
        reason: `${vendor} does not sign a BAA for ${name}, so it is not for patient sessions, whatever its encryption.`,
      });
    case 'offered':
      return withDecisions({
        verdict: 'check-plan',
        reason: `${vendor} offers a BAA for ${name}, but it covers you only once signed for your plan or account: confirm both.`,
      });
    case 'not-applicable':
      return withDecisions({
        verdict: 'unverified',
        reason: `No vendor BAA applies to ${name} as offered here: ask your compliance lead before using it with patients.`,
      });
    default:
      return withDecisions({
        verdict: 'unverified',
        reason: `We could not confirm that ${vendor} signs a BAA for ${name}: treat it as not covered until you have one.`,
      });
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
