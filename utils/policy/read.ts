import { VERDICTS, type JudgedProduct, type ProductList, type Verdict } from '../verdict/assess';
import type { BannerPreferences } from '../settings/banner-state';
import { BAA_VALUES, E2EE_VALUES } from '../vocabulary/values';
import { conflictingDecisions, signedOnProblem, today } from '../settings/decision-rules';
import { parseDomainInput, parsePathPrefix } from '../settings/domain-input';
import type { Message } from '../vocabulary/messages';
import * as v from 'valibot';
import {
  CustomVendorSchema,
  LIMITS,
  MARKUP,
  type Approval,
  type Block,
  type CustomVendor,
  type Settings,
} from '../settings/schema';

/**
 * A clinic's managed policy (storage.managed: Chrome and Edge policy, Firefox
 * policies.json), read one setting and one entry at a time: a bad value is
 * dropped with a note saying which and why, and everything else still
 * applies. It is hand-written rather than a schema library, because the
 * content script reads the merged result and must stay small, and because an
 * administrator's typo must never switch the whole policy off.
 */
export interface Policy {
  organization?: string;
  supportContact?: string;
  approved: Approval[];
  blocked: Block[];
  customVendors: CustomVendor[];
  bannerVerdicts?: Verdict[];
  allowDismiss: boolean;
  allowSnooze: boolean;
  locked: boolean;
  /** Sites (hosts) where the organization turns link checking on; each user grants access once. */
  linkCheckSites: string[];
  /** The organization forbids link checking everywhere. */
  linkCheckForbidden: boolean;
}

export const POLICY_KEYS = [
  'OrganizationName',
  'SupportContact',
  'ApprovedVendors',
  'BlockedVendors',
  'CustomVendors',
  'BannerVerdicts',
  'AllowDismiss',
  'AllowSnooze',
  'LockSettings',
  'LinkCheckSites',
  'LinkCheckForbidden',
] as const;

export interface PolicyProblem {
  setting: string;
  message: Message;
  /** A warning applies as written (a conflict, with the precedence that decides it); anything else was ignored. */
  severity?: 'warning';
}

export const EMPTY_POLICY: Policy = Object.freeze({
  approved: [],
  blocked: [],
  customVendors: [],
  allowDismiss: true,
  allowSnooze: true,
  locked: false,
  linkCheckSites: [],
  linkCheckForbidden: false,
}) as Policy;

const m = (key: Message['key'], ...args: string[]): Message => ({ key, args });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= max && !MARKUP.test(trimmed) ? trimmed : null;
}

/**
 * Reads a policy object. `dataset` resolves vendors named by domain; a
 * domain that is exactly a bundled product's host means that product, any
 * other becomes an organization vendor of its own.
 */
export function readPolicy(
  raw: unknown,
  dataset: ProductList<JudgedProduct>,
  asOf = today(),
): { policy: Policy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const problem = (setting: string, message: Message) => problems.push({ setting, message });
  if (raw === undefined || raw === null) return { policy: EMPTY_POLICY, problems };
  if (!isRecord(raw)) {
    problem('policy', m('policy_not_object'));
    return { policy: EMPTY_POLICY, problems };
  }
  const policy: Policy = { ...EMPTY_POLICY, approved: [], blocked: [], customVendors: [], linkCheckSites: [] };
  const bundled = new Set(dataset.products.map((p) => p.id));
  const hostOfProduct = new Map(
    dataset.products.flatMap((p) => p.sites.filter((s) => !s.paths).map((s) => [s.host, p.id] as const)),
  );

  for (const key of Object.keys(raw)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) problem(key, m('policy_unknown_setting', key));
  }
  const string = (key: string, max: number) => {
    if (raw[key] === undefined) return undefined;
    const value = text(raw[key], max);
    if (value === null) problem(key, m('policy_bad_text', key, String(max)));
    return value ?? undefined;
  };
  const boolean = (key: string, fallback: boolean) => {
    if (raw[key] === undefined) return fallback;
    if (typeof raw[key] === 'boolean') return raw[key] as boolean;
    problem(key, m('policy_bad_boolean', key));
    return fallback;
  };
  const list = (key: string): unknown[] => {
    if (raw[key] === undefined) return [];
    if (Array.isArray(raw[key])) return (raw[key] as unknown[]).slice(0, 500);
    problem(key, m('policy_bad_list', key));
    return [];
  };

  const organization = string('OrganizationName', 120);
  if (organization) policy.organization = organization;
  const support = string('SupportContact', 200);
  if (support) policy.supportContact = support;
  policy.allowDismiss = boolean('AllowDismiss', true);
  policy.allowSnooze = boolean('AllowSnooze', true);
  policy.locked = boolean('LockSettings', false);
  policy.linkCheckForbidden = boolean('LinkCheckForbidden', false);
  list('LinkCheckSites').forEach((entry, i) => {
    const domain = typeof entry === 'string' ? parseDomainInput(entry) : null;
    if (!domain?.ok)
      return problem(
        'LinkCheckSites',
        m('policy_bad_entry', 'LinkCheckSites', String(i + 1), `domain ${String(entry).slice(0, 80)}`),
      );
    if (!policy.linkCheckSites.includes(domain.host)) policy.linkCheckSites.push(domain.host);
  });

  list('CustomVendors').forEach((entry, i) => {
    if (i >= LIMITS.customVendors)
      return problem(
        'CustomVendors',
        m('policy_bad_entry', 'CustomVendors', String(i + 1), `more than ${LIMITS.customVendors} vendors`),
      );
    const vendor = readCustomVendor(entry);
    if (typeof vendor === 'string')
      return problem('CustomVendors', m('policy_bad_entry', 'CustomVendors', String(i + 1), vendor));
    if (bundled.has(vendor.id) || policy.customVendors.some((c) => c.id === vendor.id)) {
      return problem(
        'CustomVendors',
        m('policy_bad_entry', 'CustomVendors', String(i + 1), `id ${vendor.id} is already taken`),
      );
    }
    policy.customVendors.push(vendor);
  });

  // A vendor named by product id or by domain; a domain that is not a bundled
  // product's own host becomes an organization vendor.
  const resolve = (entry: unknown, key: string, i: number): string | null => {
    if (!isRecord(entry)) return (problem(key, m('policy_bad_entry', key, String(i + 1), 'not an object')), null);
    if (typeof entry.Product === 'string') {
      const id = entry.Product.trim();
      if (bundled.has(id) || policy.customVendors.some((c) => c.id === id)) return id;
      return (problem(key, m('policy_bad_entry', key, String(i + 1), `unknown product ${id.slice(0, 80)}`)), null);
    }
    if (typeof entry.Domain === 'string') {
      const domain = parseDomainInput(entry.Domain);
      if (!domain.ok)
        return (problem(key, m('policy_bad_entry', key, String(i + 1), `domain ${entry.Domain.slice(0, 80)}`)), null);
      const bundledId = hostOfProduct.get(domain.host);
      if (bundledId) return bundledId;
      const existing = policy.customVendors.find((c) => c.sites.some((s) => s.host === domain.host));
      if (existing) return existing.id;
      const id = `org-${domain.host.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 80).replace(/-+$/, '');
      policy.customVendors.push({
        id,
        name: domain.host,
        sites: [{ host: domain.host }],
        baa: 'unknown',
        e2ee: 'unknown',
        sources: [],
      });
      return id;
    }
    return (problem(key, m('policy_bad_entry', key, String(i + 1), 'needs Product or Domain')), null);
  };

  list('ApprovedVendors').forEach((entry, i) => {
    const productId = resolve(entry, 'ApprovedVendors', i);
    if (!productId || !isRecord(entry)) return;
    // The same date rule as the options page and imports: a real day, not in the future.
    const dateProblem =
      typeof entry.SignedOn === 'string'
        ? signedOnProblem(entry.SignedOn, asOf)
        : entry.SignedOn === undefined
          ? null
          : 'not-a-date';
    const signedOn = typeof entry.SignedOn === 'string' && !dateProblem ? entry.SignedOn : undefined;
    if (dateProblem === 'not-a-date')
      problem(
        'ApprovedVendors',
        m(
          'policy_bad_entry',
          'ApprovedVendors',
          String(i + 1),
          'SignedOn is not a real date written YYYY-MM-DD; date ignored',
        ),
      );
    if (dateProblem === 'in-the-future')
      problem(
        'ApprovedVendors',
        m(
          'policy_bad_entry',
          'ApprovedVendors',
          String(i + 1),
          `SignedOn ${String(entry.SignedOn)} is in the future; date ignored`,
        ),
      );
    const note = text(entry.Note, 500);
    policy.approved.push({
      productId,
      by: 'organization',
      ...(signedOn ? { signedOn } : {}),
      ...(note ? { note } : {}),
    });
  });
  list('BlockedVendors').forEach((entry, i) => {
    const productId = resolve(entry, 'BlockedVendors', i);
    if (!productId || !isRecord(entry)) return;
    const note = text(entry.Note, 500);
    policy.blocked.push({ productId, by: 'organization', ...(note ? { note } : {}) });
  });

  for (const productId of conflictingDecisions(policy.approved, policy.blocked)) {
    problems.push({ setting: 'BlockedVendors', severity: 'warning', message: m('policy_conflict', productId) });
  }

  if (raw.BannerVerdicts !== undefined) {
    const verdicts = list('BannerVerdicts');
    const known = verdicts.filter((v): v is Verdict => (VERDICTS as readonly unknown[]).includes(v));
    if (known.length !== verdicts.length) problem('BannerVerdicts', m('policy_bad_verdicts', VERDICTS.join(', ')));
    if (Array.isArray(raw.BannerVerdicts)) policy.bannerVerdicts = VERDICTS.filter((v) => known.includes(v));
  }
  return { policy, problems };
}

/**
 * One custom vendor in the options-export shape, or the reason it is
 * refused. Hosts are read with parseDomainInput (as the options page reads
 * what a person types) and written as the browser writes them; everything
 * else goes to CustomVendorSchema as it came, the definition every other
 * door applies, so a vendor the options page or an import would refuse is
 * refused here too (a lenient reader: this entry, not the policy).
 */
function readCustomVendor(entry: unknown): CustomVendor | string {
  if (!isRecord(entry)) return 'not an object';
  if (!Array.isArray(entry.sites) || entry.sites.length === 0) return 'sites must list at least one host';
  const sites: unknown[] = [];
  for (const site of entry.sites) {
    if (!isRecord(site) || typeof site.host !== 'string') return 'each site needs a host';
    const domain = parseDomainInput(site.host, { allowIp: entry.allowIp === true });
    if (!domain.ok) return `host ${site.host.slice(0, 80)} is not a valid domain`;
    if (site.paths === undefined) {
      sites.push({ host: domain.host });
      continue;
    }
    const paths = Array.isArray(site.paths)
      ? site.paths.map((p) => (typeof p === 'string' ? parsePathPrefix(p) : null))
      : [null];
    if (paths.length === 0 || paths.some((p) => !p?.ok)) return `a path of ${domain.host} is not valid`;
    sites.push({ host: domain.host, paths: paths.map((p) => (p as { path: string }).path) });
  }
  const checked = v.safeParse(CustomVendorSchema, {
    ...entry,
    sites,
    // Policies written before CallCheck knew a value say unknown.
    baa: (BAA_VALUES as readonly unknown[]).includes(entry.baa) ? entry.baa : 'unknown',
    e2ee: (E2EE_VALUES as readonly unknown[]).includes(entry.e2ee) ? entry.e2ee : 'unknown',
  });
  return checked.success
    ? checked.output
    : checked.issues.map((issue) => `${v.getDotPath(issue) ?? 'vendor'}: ${issue.message}`).join('; ');
}

/** What the extension actually applies: organization over user over bundled. */
export interface Effective {
  settings: Settings;
  preferences: BannerPreferences;
  controls: { allowDismiss: boolean; allowSnooze: boolean; locked: boolean; managed: boolean; supportContact?: string };
  /**
   * The organization's custom vendors whose sites CallCheck may not read
   * yet (no browser lets a policy grant an extension's optional host
   * permissions): how many, and the exact origins to ask the user for. Filled
   * in by the background, which knows what the browser has granted.
   */
  access?: OrganizationAccess;
}

export interface OrganizationAccess {
  vendors: number;
  origins: string[];
}

export function mergeSettings(user: Settings, preferences: BannerPreferences, policy: Policy): Effective {
  const managed =
    policy !== EMPTY_POLICY &&
    (policy.organization !== undefined ||
      policy.approved.length + policy.blocked.length + policy.customVendors.length > 0 ||
      policy.locked ||
      !policy.allowDismiss ||
      !policy.allowSnooze ||
      policy.bannerVerdicts !== undefined ||
      policy.supportContact !== undefined ||
      policy.linkCheckForbidden ||
      policy.linkCheckSites.length > 0);
  // A locked policy means the organization's decisions are the only ones.
  const own = policy.locked ? { approvals: [], blocks: [], customVendors: [] } : user;
  const decided = new Set([...policy.approved, ...policy.blocked].map((d) => d.productId));
  const orgHosts = new Set(policy.customVendors.flatMap((v) => v.sites.map((s) => s.host)));
  const orgIds = new Set(policy.customVendors.map((v) => v.id));
  const customVendors = [
    ...policy.customVendors,
    ...own.customVendors.filter((v) => !orgIds.has(v.id) && !v.sites.some((s) => orgHosts.has(s.host))),
  ];
  return {
    settings: {
      approvals: [...policy.approved, ...own.approvals.filter((a) => !decided.has(a.productId))],
      blocks: [...policy.blocked, ...own.blocks.filter((b) => !decided.has(b.productId))],
      customVendors,
      ...(policy.organization
        ? { organization: policy.organization }
        : user.organization
          ? { organization: user.organization }
          : {}),
    },
    preferences: policy.bannerVerdicts ? { bannerVerdicts: policy.bannerVerdicts } : preferences,
    controls: {
      allowDismiss: policy.allowDismiss,
      allowSnooze: policy.allowSnooze,
      locked: policy.locked,
      managed,
      ...(policy.supportContact ? { supportContact: policy.supportContact } : {}),
    },
  };
}
