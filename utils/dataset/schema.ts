import * as v from 'valibot';
import {
  BAA_HOW,
  BAA_VALUES,
  CATEGORIES,
  E2EE_VALUES,
  FACT_KEYS,
  FREE_PLAN_BAA_VALUES,
  HHS_2020_VALUES,
  OPENNESS_VALUES,
  PAGE_KINDS,
  PUBLISHER_KINDS,
  STATUS_VALUES,
} from '../vocabulary/values';

export { BAA_VALUES, E2EE_VALUES, FACT_KEYS } from '../vocabulary/values';

/**
 * The one schema of the bundled vendor dataset (`assets/vendors.json`).
 * The TypeScript types below are inferred from it, so the data, the build-time
 * check and the code that reads it cannot drift apart.
 */

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that really exists (no 2024-02-30). */
export const IsoDate = v.pipe(
  v.string(),
  v.regex(ISO_DATE, 'must be a date written YYYY-MM-DD'),
  v.check(isRealDate, 'must be a real calendar date'),
);

export function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

export const SourceSchema = v.strictObject({
  url: v.pipe(v.string(), v.url(), v.startsWith('https://', 'sources must be https URLs')),
  publisher: v.picklist(PUBLISHER_KINDS),
  title: Text,
  checked: IsoDate,
  /** A short verbatim excerpt of the page that supports the fact. */
  quote: v.optional(v.pipe(v.string(), v.maxLength(600))),
});

const Sources = v.pipe(v.array(SourceSchema), v.minLength(1, 'every fact needs at least one source'));

/** Fields every fact carries besides its value. */
const factCommon = {
  sources: Sources,
  /** Where sources disagree: who says what, and why the value chosen is the cautious one. */
  disagreement: v.optional(Text),
};

/**
 * A host matches itself and every subdomain (`zoom.us` covers `us02web.zoom.us`).
 * Path prefixes are only for hosts that serve several products (facebook.com).
 * Custom vendors' sites have this shape.
 */
export const HostSiteSchema = v.strictObject({
  host: v.pipe(v.string(), v.nonEmpty()),
  paths: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.startsWith('/', 'path prefixes start with /'))), v.minLength(1)),
  ),
});

/**
 * One rule of a site's page kinds: pages whose normalised path matches
 * `path` (a regular-expression source, anchored when compiled; see
 * utils/matching/page-patterns.ts) are of this kind. Rules are tried in
 * order; a `site` rule is an exception before a broader `call` rule
 * (whereby.com/pricing before whereby.com/<room>).
 */
const ParamName = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9_.-]{1,40}$/, 'parameter names are lowercase letters, digits, _ . or -'),
);
const ParamPatterns = v.pipe(
  v.record(ParamName, v.pipe(v.string(), v.nonEmpty(), v.maxLength(200))),
  v.check((params) => Object.keys(params).length > 0, 'name at least one parameter'),
);

export const PageRuleSchema = v.strictObject({
  kind: v.picklist(PAGE_KINDS),
  path: v.pipe(v.string(), v.startsWith('/', 'path patterns start with /'), v.maxLength(200)),
  /** Query parameters the page must have, each name with a pattern its (lowercased, decoded) value matches. */
  query: v.optional(ParamPatterns),
  /** A pattern over the fragment read as a route (`#/l/meetup-join/…` is `/l/meetup-join/…`). */
  fragment: v.optional(
    v.pipe(v.string(), v.startsWith('/', 'fragment patterns start with /, as routes do'), v.maxLength(200)),
  ),
  /** Parameters of the fragment route's own query (`#/join?id=…`). */
  fragmentQuery: v.optional(ParamPatterns),
  /**
   * A launcher page: the parameter that carries the route it opens. The page
   * is of this rule's kind when that route, on the same host and judged by
   * the same rules, is (one level deep).
   */
  inner: v.optional(ParamName),
  /** Real-shaped URLs this rule gives its kind to; the lint checks each. */
  examples: v.pipe(
    v.array(v.pipe(v.string(), v.startsWith('https://'))),
    v.minLength(1, 'every page rule needs an example URL'),
  ),
  /** Where the URL shape comes from: the vendor's documentation or a public meeting-link detector. */
  evidence: Sources,
  /** What the evidence does not say and CallCheck chose, in plain words. */
  note: v.optional(Text),
});

/**
 * A site of a bundled product: its host (and claim prefixes) and which of its
 * pages are calls. A site with no `call` rule says why in `noCallShape`
 * (an EHR portal whose video visits have no public URL shape); one with call
 * rules lists real-shaped pages of the host that are not calls.
 */
export const SiteSchema = v.strictObject({
  ...HostSiteSchema.entries,
  pages: v.optional(v.pipe(v.array(PageRuleSchema), v.minLength(1))),
  noCallShape: v.optional(Text),
  notCalls: v.optional(v.pipe(v.array(v.pipe(v.string(), v.startsWith('https://'))), v.minLength(1))),
});

export const ProductSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case')),
  vendor: Text,
  name: Text,
  category: v.picklist(CATEGORIES),
  /**
   * Empty only when no source confirms where the product's calls run; the
   * product is then listed in the directory but never matched, and its notes
   * say why.
   */
  sites: v.array(SiteSchema),
  baa: v.strictObject({
    value: v.picklist(BAA_VALUES),
    /** Which plans or accounts qualify, in plain English. */
    plans: Text,
    how: v.picklist(BAA_HOW),
    /** How a clinician gets or signs it. */
    detail: Text,
    ...factCommon,
  }),
  transit: v.strictObject({
    value: v.picklist(['encrypted', 'unknown']),
    detail: Text,
    ...factCommon,
  }),
  e2ee: v.strictObject({
    value: v.picklist(E2EE_VALUES),
    limits: Text,
    ...factCommon,
  }),
  openness: v.strictObject({
    value: v.picklist(OPENNESS_VALUES),
    detail: Text,
    ...factCommon,
  }),
  status: v.strictObject({
    value: v.picklist(STATUS_VALUES),
    date: v.optional(IsoDate),
    /**
     * The product's named successor, shown as "Successor: …". A name, never a
     * sentence: "no successor" is said by leaving it out (and explained in detail).
     */
    successor: v.optional(
      v.pipe(
        Text,
        v.maxLength(80, 'a successor is a product name of at most 80 characters'),
        v.check(
          (name) => !/^(no|none|unknown|n\/a)\b/i.test(name) && !/[.!?](\s|$)/.test(name),
          'a successor is a product name, not a sentence: leave it out and explain in detail',
        ),
      ),
    ),
    detail: v.optional(Text),
    ...factCommon,
  }),
  publicFacing: v.strictObject({
    value: v.boolean(),
    ...factCommon,
  }),
  hhs2020: v.strictObject({
    value: v.picklist(HHS_2020_VALUES),
    detail: v.optional(Text),
    ...factCommon,
  }),
  /**
   * Whether the vendor's free plan (or, without one, its cheapest plan) comes
   * with a BAA: for a solo clinician, "which one can I use tomorrow without a
   * sales call". `plan` names that plan as the vendor does.
   */
  freePlanBaa: v.strictObject({
    value: v.picklist(FREE_PLAN_BAA_VALUES),
    plan: Text,
    ...factCommon,
  }),
  /** When a person last checked every fact of this product against its sources. */
  reviewed: IsoDate,
  notes: v.optional(Text),
});

export const ExplainerSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  title: Text,
  text: Text,
  sources: Sources,
});

export const DatasetSchema = v.strictObject({
  $schema: v.optional(v.string()),
  version: v.literal(1),
  /** The date of the newest review of the dataset as a whole. */
  updated: IsoDate,
  products: v.array(ProductSchema),
  explainers: v.array(ExplainerSchema),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Site = v.InferOutput<typeof SiteSchema>;
export type HostSite = v.InferOutput<typeof HostSiteSchema>;
export type PageRuleData = v.InferOutput<typeof PageRuleSchema>;
export type Product = v.InferOutput<typeof ProductSchema>;
export type Explainer = v.InferOutput<typeof ExplainerSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type BaaValue = (typeof BAA_VALUES)[number];
export type E2eeValue = (typeof E2EE_VALUES)[number];
export type StatusValue = (typeof STATUS_VALUES)[number];

export type FactKey = (typeof FACT_KEYS)[number];
