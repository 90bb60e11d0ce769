/**
 * The closed vocabularies of the dataset and settings, kept apart from the
 * schemas so that code which only needs the words (the content script) does
 * not carry the validation library.
 */
export const BAA_VALUES = ['offered', 'not-offered', 'not-applicable', 'unknown'] as const;
export const BAA_HOW = ['included', 'click-through', 'contract', 'request', 'none', 'unknown'] as const;
export const E2EE_VALUES = ['default', 'optional', 'none', 'unknown'] as const;
/** Whether the free (or cheapest) plan includes a BAA. */
export const FREE_PLAN_BAA_VALUES = ['yes', 'no', 'unknown'] as const;
export const OPENNESS_VALUES = ['open-source', 'audited', 'closed', 'unknown'] as const;
export const STATUS_VALUES = ['active', 'discontinued'] as const;
export const HHS_2020_VALUES = ['named-non-public', 'named-public-facing', 'named-hipaa-vendor', 'not-named'] as const;
export const CATEGORIES = ['video', 'messaging', 'telehealth', 'broadcast', 'collaboration'] as const;
export const PUBLISHER_KINDS = ['vendor', 'regulator', 'secondary'] as const;
/** Who recorded an approval or a block. */
export const DECIDED_BY = ['user', 'organization'] as const;
/** The facts of a product that carry sources, in the order people read them. */
export const FACT_KEYS = [
  'baa',
  'freePlanBaa',
  'transit',
  'e2ee',
  'openness',
  'status',
  'publicFacing',
  'hhs2020',
] as const;

/** What CallCheck can say of a product, most cautious first after the user's own decisions. */
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

/**
 * What a page of a call platform is: where a call is joined or running
 * (`call`), a client where a call may start but the URL cannot show it
 * (`app`), or anything else on the host (`site`: marketing, help, login,
 * feeds, settings, an EHR's charts). The verdict is the vendor's; the page
 * kind decides how loudly to say it.
 */
export const PAGE_KINDS = ['call', 'app', 'site'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
