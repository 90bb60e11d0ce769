import * as v from 'valibot';
import { HostSiteSchema, IsoDate } from '../dataset/schema';
import { BAA_VALUES, DECIDED_BY, E2EE_VALUES } from '../vocabulary/values';

/**
 * What a clinician or their organization adds to the bundled dataset:
 * signed BAAs, blocks and vendors of their own. `assess` takes it as a plain
 * parameter; where it is stored and who may edit it is decided elsewhere.
 */

const ShortText = v.pipe(v.string(), v.trim(), v.maxLength(500));
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

export const CustomVendorSchema = v.strictObject({
  id: Id,
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('a vendor needs a name'), v.maxLength(120)),
  sites: v.pipe(v.array(HostSiteSchema), v.minLength(1, 'a vendor needs at least one domain'), v.maxLength(50)),
  baa: v.picklist(BAA_VALUES),
  e2ee: v.optional(v.picklist(E2EE_VALUES), 'unknown'),
  notes: v.optional(ShortText),
  sources: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//, 'sources are web addresses'))), v.maxLength(20)),
    [],
  ),
  /** Lets its sites be IP addresses (a clinic's own server without a name). */
  allowIp: v.optional(v.boolean()),
});

export const SettingsSchema = v.strictObject({
  approvals: v.optional(v.array(ApprovalSchema), []),
  blocks: v.optional(v.array(BlockSchema), []),
  customVendors: v.optional(v.array(CustomVendorSchema), []),
  /** Shown as "Approved by …" when an approval comes from the organization. */
  organization: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(120))),
});

export type Approval = v.InferOutput<typeof ApprovalSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type CustomVendor = v.InferOutput<typeof CustomVendorSchema>;
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsInput = v.InferInput<typeof SettingsSchema>;

export function parseSettings(input: unknown): Settings {
  return v.parse(SettingsSchema, input);
}
