import * as v from 'valibot';
import { IsoDate } from '../dataset/schema';
import { BAA_VALUES, DECIDED_BY, E2EE_VALUES } from '../vocabulary/values';

/**
 * What a clinician or their organization adds to the bundled dataset:
 * signed BAAs, blocks and vendors of their own. `assess` takes it as a plain
 * parameter; where it is stored and who may edit it is decided elsewhere.
 */

/**
 * How many of each a person or an organization may keep: enforced here, so
 * every door (the options page's save, an import file, the background's
 * settings API) refuses the same. Beyond these an import is refused, not
 * trimmed: a partial import would surprise.
 */
export const LIMITS = {
  fileBytes: 1_000_000,
  customVendors: 500,
  approvals: 1_000,
  blocks: 1_000,
  sitesPerVendor: 50,
  sourcesPerVendor: 20,
} as const;

/** Markup or a script address in what should be plain text: refused at every door. */
export const MARKUP = /<\s*[a-z!/?]|javascript:/i;
const plain = v.check<string, string>((text) => !MARKUP.test(text), 'contains HTML or a script: plain text only');

const ShortText = v.pipe(v.string(), v.trim(), v.maxLength(500), plain);
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case'), v.maxLength(80));

export const ApprovalSchema = v.strictObject({
  /** A dataset product id or a custom vendor id. */
  productId: Id,
  signedOn: v.optional(IsoDate),
  plan: v.optional(ShortText),
  note: v.optional(ShortText),
  by: v.optional(v.picklist(DECIDED_BY), 'user'),
});

export const BlockSchema = v.strictObject({
  productId: Id,
  note: v.optional(ShortText),
  by: v.optional(v.picklist(DECIDED_BY), 'user'),
});

/** Where a custom vendor's facts come from: a web address (an intranet page may be http). */
export const SourceUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\/\S+$/, 'sources are web addresses'));

/**
 * A site of a custom vendor. Its host and paths are checked beyond their
 * shape by settingsProblems (utils/settings/file.ts) with parseDomainInput,
 * which every door runs and which says what is wrong in the person's words.
 */
const CustomSiteSchema = v.strictObject({
  host: v.pipe(v.string(), v.nonEmpty(), v.maxLength(253)),
  paths: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.startsWith('/', 'path prefixes start with /'))),
      v.minLength(1),
      v.maxLength(20),
    ),
  ),
});

/**
 * A vendor of the clinic's own: the one definition the options form (through
 * the background), the settings file, the policy reader and the background's
 * settings API all apply, with settingsProblems for its domains (the light
 * repair on read, utils/settings/repair.ts, keeps whatever they accept;
 * tests/custom-vendor-doors.test.ts holds the doors together).
 */
export const CustomVendorSchema = v.strictObject({
  id: Id,
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('a vendor needs a name'), v.maxLength(120), plain),
  sites: v.pipe(
    v.array(CustomSiteSchema),
    v.minLength(1, 'a vendor needs at least one domain'),
    v.maxLength(LIMITS.sitesPerVendor),
  ),
  baa: v.picklist(BAA_VALUES),
  e2ee: v.optional(v.picklist(E2EE_VALUES), 'unknown'),
  notes: v.optional(ShortText),
  sources: v.optional(v.pipe(v.array(SourceUrl), v.maxLength(LIMITS.sourcesPerVendor)), []),
  /** Lets its sites be IP addresses (a clinic's own server without a name). */
  allowIp: v.optional(v.boolean()),
});

export const SettingsSchema = v.strictObject({
  approvals: v.optional(v.pipe(v.array(ApprovalSchema), v.maxLength(LIMITS.approvals)), []),
  blocks: v.optional(v.pipe(v.array(BlockSchema), v.maxLength(LIMITS.blocks)), []),
  customVendors: v.optional(v.pipe(v.array(CustomVendorSchema), v.maxLength(LIMITS.customVendors)), []),
  /** Shown as "Approved by …" when an approval comes from the organization. */
  organization: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120), plain)),
});

export type Approval = v.InferOutput<typeof ApprovalSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type CustomVendor = v.InferOutput<typeof CustomVendorSchema>;
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsInput = v.InferInput<typeof SettingsSchema>;

export function parseSettings(input: unknown): Settings {
  return v.parse(SettingsSchema, input);
}
