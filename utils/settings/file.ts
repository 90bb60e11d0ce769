import * as v from 'valibot';
import { VERDICTS } from '../vocabulary/values';
import type { BannerPreferences } from './banner-state';
import { parseDomainInput, parsePathPrefix } from './domain-input';
import type { Message } from '../vocabulary/messages';
import { conflictingDecisions, signedOnProblem, today } from './decision-rules';
import { asOwnDecisions } from './repair';
import { LIMITS, MARKUP, SettingsSchema, type Settings } from './schema';

export { asOwnDecisions } from './repair';

/**
 * The settings file: what a clinician exports, imports, and hands to their
 * IT (the managed policy uses the same shape). Versioned; an import is read
 * completely, checked completely, previewed, and then applied whole or not at
 * all.
 */
export const SETTINGS_FILE_FORMAT = 'callcheck-settings';
export const SETTINGS_FILE_VERSION = 1;

/** The limits live with the schema (utils/settings/schema.ts); an import counts first, to refuse 10,000 entries at once. */
export { LIMITS };

/** Banner preferences as files and messages carry them. */
export const PreferencesSchema = v.strictObject({
  bannerVerdicts: v.pipe(v.array(v.picklist(VERDICTS)), v.maxLength(VERDICTS.length)),
});

const FileSchema = v.strictObject({
  format: v.literal(SETTINGS_FILE_FORMAT),
  version: v.literal(SETTINGS_FILE_VERSION),
  exported: v.optional(v.pipe(v.string(), v.maxLength(40))),
  settings: SettingsSchema,
  preferences: v.optional(PreferencesSchema),
});

export interface SettingsBundle {
  settings: Settings;
  preferences: BannerPreferences;
}

export type ImportResult = { ok: true; bundle: SettingsBundle } | { ok: false; errors: Message[] };

export function exportSettingsFile(bundle: SettingsBundle, now: Date): string {
  return `${JSON.stringify(
    {
      format: SETTINGS_FILE_FORMAT,
      version: SETTINGS_FILE_VERSION,
      exported: now.toISOString(),
      settings: bundle.settings,
      preferences: bundle.preferences,
    },
    null,
    2,
  )}\n`;
}

const message = (key: Message['key'], ...args: string[]): Message => ({ key, args });

/**
 * Reads a settings file. `bundledIds` are the dataset's product ids: an
 * approval or block must name one of them or a custom vendor in the file,
 * and a custom vendor may not reuse one.
 */
export function parseSettingsFile(
  text: string,
  bundledIds: ReadonlySet<string>,
  current?: SettingsBundle,
): ImportResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.fileBytes) {
    return { ok: false, errors: [message('import_too_large', `${(bytes / 1_000_000).toFixed(1)} MB`)] };
  }
  // A Latin-1 or other non-UTF-8 file arrives with replacement characters:
  // refused, rather than imported with its names garbled.
  if (text.includes('\uFFFD')) return { ok: false, errors: [message('import_not_utf8')] };
  // Nesting deeper than any settings file has is refused before parsing, so a
  // hostile file cannot exhaust the stack of the reader that walks it.
  if (nestingDepth(text) > MAX_NESTING) return { ok: false, errors: [message('import_too_deep', String(MAX_NESTING))] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [message('import_not_json', String((error as Error).message).slice(0, 120))] };
  }
  if (!isRecord(raw) || raw.format !== SETTINGS_FILE_FORMAT)
    return { ok: false, errors: [message('import_wrong_format')] };
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1) {
    return { ok: false, errors: [message('import_bad_version', String(raw.version).slice(0, 20))] };
  }
  if (raw.version > SETTINGS_FILE_VERSION) {
    return { ok: false, errors: [message('import_newer', String(raw.version), String(SETTINGS_FILE_VERSION))] };
  }

  // An array or a missing object would read as "no settings", and the preview
  // would offer to remove everything: a malformed file changes nothing.
  if (!isRecord(raw.settings)) return { ok: false, errors: [message('import_no_settings')] };
  // Counted before the schema runs, so 10,000 entries are refused at once.
  const settingsRaw = raw.settings;
  for (const [key, limit] of [
    ['customVendors', LIMITS.customVendors],
    ['approvals', LIMITS.approvals],
    ['blocks', LIMITS.blocks],
  ] as const) {
    const list = settingsRaw[key];
    if (Array.isArray(list) && list.length > limit) {
      return {
        ok: false,
        errors: [message('import_too_many', list.length.toLocaleString('en-US'), key, String(limit))],
      };
    }
  }

  const htmlErrors = findHtml(raw, 'file');
  if (htmlErrors.length > 0) return { ok: false, errors: htmlErrors.slice(0, 20) };

  const parsed = v.safeParse(FileSchema, raw);
  if (!parsed.success) {
    return {
      ok: false,
      // The validator's own words are English and technical: say where, in the user's language.
      errors: parsed.issues.slice(0, 20).map((issue) => message('import_field', v.getDotPath(issue) ?? 'file')),
    };
  }
  const settings = asOwnDecisions(parsed.output.settings);
  const errors = settingsProblems(settings, bundledIds);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 20) };
  return {
    ok: true,
    bundle: {
      settings,
      preferences: parsed.output.preferences ??
        current?.preferences ?? { bannerVerdicts: VERDICTS.filter((x) => x !== 'approved') },
    },
  };
}

/**
 * The rules every door applies to settings, beyond their shape: the import,
 * the background's settings API (which writes what the options page sends)
 * and, through the same checks, the policy reader. A custom vendor's domains
 * must be real, registrable and its own; its id must not reuse a bundled
 * one; approvals and blocks must name a known product once; no text may hold
 * HTML. Returns every problem, at most 20.
 */
export function settingsProblems(settings: Settings, bundledIds: ReadonlySet<string>, asOf = today()): Message[] {
  const errors: Message[] = findHtml(settings, 'settings');
  settings.approvals.forEach((approval, i) => {
    if (approval.signedOn && signedOnProblem(approval.signedOn, asOf))
      errors.push(message('import_future_date', `settings.approvals.${i}.signedOn`, approval.signedOn));
  });
  for (const productId of conflictingDecisions(settings.approvals, settings.blocks))
    errors.push(message('import_conflict', productId));
  const customIds = new Set<string>();
  const hostOwner = new Map<string, string>();
  settings.customVendors.forEach((vendor, i) => {
    const at = `settings.customVendors.${i}`;
    if (bundledIds.has(vendor.id)) errors.push(message('import_id_taken', at, vendor.id));
    if (customIds.has(vendor.id)) errors.push(message('import_duplicate', vendor.id, at));
    customIds.add(vendor.id);
    vendor.sites.forEach((site, j) => {
      const domain = parseDomainInput(site.host, { allowIp: vendor.allowIp === true });
      if (!domain.ok) errors.push(message('import_domain', `${at}.sites.${j}.host`, site.host));
      else if (domain.host !== site.host) errors.push(message('import_domain', `${at}.sites.${j}.host`, site.host));
      for (const path of site.paths ?? []) {
        if (!parsePathPrefix(path).ok) errors.push(message('import_domain', `${at}.sites.${j}.paths`, path));
      }
      for (const path of site.paths ?? ['']) {
        const key = `${site.host}${path}`;
        const owner = hostOwner.get(key);
        if (owner && owner !== vendor.id) errors.push(message('import_duplicate', key, `${owner}, ${vendor.id}`));
        hostOwner.set(key, vendor.id);
      }
    });
  });
  for (const [list, name] of [
    [settings.approvals, 'approvals'],
    [settings.blocks, 'blocks'],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      const at = `settings.${name}.${i}`;
      if (!bundledIds.has(entry.productId) && !customIds.has(entry.productId)) {
        errors.push(message('import_unknown_product', at, entry.productId));
      }
      if (seen.has(entry.productId)) errors.push(message('import_duplicate', entry.productId, `settings.${name}`));
      seen.add(entry.productId);
    });
  }
  return errors.slice(0, 20);
}

/** Tag-like text anywhere in the file: CallCheck stores plain text only. */
function findHtml(value: unknown, path: string, found: Message[] = []): Message[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (MARKUP.test(value)) found.push(message('import_html', path));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findHtml(item, `${path}.${i}`, found));
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) findHtml(item, path === 'file' ? key : `${path}.${key}`, found);
  }
  return found;
}

/** What applying `next` over `current` would change, in the order people check it. */
export function describeChanges(
  current: SettingsBundle,
  next: SettingsBundle,
  nameOf: (id: string) => string,
): Message[] {
  const changes: Message[] = [];
  const diff = <T extends object>(
    before: readonly T[],
    after: readonly T[],
    id: (item: T) => string,
    keys: { add: Message['key']; remove: Message['key']; update: Message['key'] },
    name: (item: T) => string,
  ) => {
    const old = new Map(before.map((item) => [id(item), item]));
    const neu = new Map(after.map((item) => [id(item), item]));
    for (const [key, item] of neu) {
      const was = old.get(key);
      if (!was) changes.push(message(keys.add, name(item)));
      else if (canonical(was) !== canonical(item)) changes.push(message(keys.update, name(item)));
    }
    for (const [key, item] of old) if (!neu.has(key)) changes.push(message(keys.remove, name(item)));
  };
  const { settings: a } = current;
  const { settings: b } = next;
  diff(
    a.customVendors,
    b.customVendors,
    (c) => c.id,
    { add: 'change_add_vendor', remove: 'change_remove_vendor', update: 'change_update_vendor' },
    (c) => c.name,
  );
  const customName = (id: string) =>
    b.customVendors.find((c) => c.id === id)?.name ?? a.customVendors.find((c) => c.id === id)?.name ?? nameOf(id);
  diff(
    a.approvals,
    b.approvals,
    (x) => x.productId,
    { add: 'change_add_approval', remove: 'change_remove_approval', update: 'change_update_approval' },
    (x) => customName(x.productId),
  );
  diff(
    a.blocks,
    b.blocks,
    (x) => x.productId,
    { add: 'change_add_block', remove: 'change_remove_block', update: 'change_update_block' },
    (x) => customName(x.productId),
  );
  if ((a.organization ?? '') !== (b.organization ?? ''))
    changes.push(message('change_organization', b.organization ?? ''));
  const verdicts = (p: BannerPreferences) => [...p.bannerVerdicts].sort().join(',');
  if (verdicts(current.preferences) !== verdicts(next.preferences)) changes.push(message('change_banner_verdicts'));
  return changes;
}

/** JSON with object keys sorted: the same entry written in another key order compares equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}

/** Settings files nest five levels deep; anything far deeper is not one. */
const MAX_NESTING = 32;

/** The deepest nesting of [ and { in JSON text, outside strings. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
