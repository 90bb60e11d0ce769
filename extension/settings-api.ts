import * as v from 'valibot';
import type { BannerPreferences } from '../utils/settings/banner-state';
import { PreferencesSchema } from '../utils/settings/file';
import { SettingsSchema, type Settings } from '../utils/settings/schema';

/**
 * Settings change only through the background, and only at the request of
 * CallCheck's own pages: a content script runs inside a web page, so what it
 * sends is treated as the page's word. Every payload is validated here.
 */
export type SettingsRequest =
  | { type: 'callcheck:save-settings'; settings: Settings; preferences?: BannerPreferences }
  | { type: 'callcheck:clear-snoozes' }
  | { type: 'callcheck:reset' }
  /** The sites (hosts) where the user wants meeting links checked; the background validates each. */
  | { type: 'callcheck:set-link-sites'; sites: string[] };

export type SettingsReply = { ok: true } | { ok: false; error: string };

const RequestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('callcheck:save-settings'),
    settings: SettingsSchema,
    preferences: v.optional(PreferencesSchema),
  }),
  v.strictObject({ type: v.literal('callcheck:clear-snoozes') }),
  v.strictObject({ type: v.literal('callcheck:reset') }),
  v.strictObject({
    type: v.literal('callcheck:set-link-sites'),
    sites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(50)),
  }),
]);

export function parseSettingsRequest(raw: unknown): SettingsRequest | { invalid: string } | null {
  if (!raw || typeof raw !== 'object' || !String((raw as { type?: unknown }).type).startsWith('callcheck:'))
    return null;
  const type = (raw as { type: string }).type;
  if (
    type !== 'callcheck:save-settings' &&
    type !== 'callcheck:clear-snoozes' &&
    type !== 'callcheck:reset' &&
    type !== 'callcheck:set-link-sites'
  )
    return null;
  const parsed = v.safeParse(RequestSchema, raw);
  if (!parsed.success)
    return { invalid: parsed.issues.map((i) => `${v.getDotPath(i) ?? 'message'}: ${i.message}`).join('; ') };
  return parsed.output as SettingsRequest;
}

/** Is this sender one of CallCheck's own pages (options, popup), not a content script? */
export function isExtensionPage(
  sender: { id?: string; url?: string; tab?: { url?: string } },
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId || !sender.url?.startsWith(extensionOrigin)) return false;
  // A content script's sender.url is the web page's; a page in a tab has its own URL there too.
  return sender.tab === undefined || sender.tab.url === undefined || sender.tab.url.startsWith(extensionOrigin);
}
