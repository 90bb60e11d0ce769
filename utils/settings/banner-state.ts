import type { PageKind, Verdict } from '../vocabulary/values';

/**
 * What the banner remembers between page loads, kept in storage.local:
 * vendors the user snoozed (until when), pages they dismissed (until when),
 * and when the full banner was last shown for a product (so a reload during a
 * session shows the small pill instead of the full banner again).
 *
 * Pages are stored as a short hash of origin and path, never as the URL:
 * meeting URLs carry meeting ids and sometimes passwords.
 */
export interface BannerState {
  snoozes: Record<string, number>;
  dismissed: Record<string, number>;
  seen: Record<string, number>;
}

export interface BannerPreferences {
  /** Verdicts that show the banner; `approved` is left out by default. */
  bannerVerdicts: Verdict[];
}

export const EMPTY_BANNER_STATE: BannerState = { snoozes: {}, dismissed: {}, seen: {} };
export const DEFAULT_BANNER_PREFERENCES: BannerPreferences = {
  bannerVerdicts: ['blocked', 'public', 'discontinued', 'no-baa', 'check-plan', 'unverified'],
};

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** "Dismiss for this page" lasts a working day. */
export const DISMISS_FOR = 12 * HOUR;
/** A full banner shown within this window is shown as the pill on reload. */
export const SEEN_FOR = HOUR;
/** The longest snooze the banner offers. */
export const MAX_SNOOZE = 7 * DAY;

/**
 * A stored time counts only within what the banner itself can set: a snooze
 * ends at most 7 days ahead, a dismissal 12 hours ahead, and "seen" is in
 * the past. A damaged or forged entry (a snooze 100 years ahead) would
 * otherwise silence a blocked vendor's banner for that long.
 */
const until = (end: number | undefined, longest: number, now: number) =>
  end !== undefined && end > now && end - now <= longest;

/** FNV-1a of origin + path: stable, short, and not reversible to a meeting id. */
export function pageKey(url: string): string {
  let text: string;
  try {
    const parsed = new URL(url);
    text = parsed.origin + parsed.pathname;
  } catch {
    text = url;
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export type BannerMode = 'hidden' | 'full' | 'pill';

/** What bannerMode needs of an assessment (a Match, in utils/verdict). */
export interface BannerSubject {
  verdict: Verdict;
  page: PageKind | null;
  entry: { id: string };
}

/**
 * How the banner shows for a page: never on a site page (marketing, help, a
 * chart), only as the folded pill on an app page (a client where a call may
 * start), in full on a call page unless the user snoozed the vendor,
 * dismissed the page, or saw it a moment ago.
 */
export function bannerMode(
  { verdict, page, entry: { id: productId } }: BannerSubject,
  url: string,
  state: BannerState,
  preferences: BannerPreferences,
  now: number,
): BannerMode {
  if (page !== 'call' && page !== 'app') return 'hidden';
  if (!preferences.bannerVerdicts.includes(verdict)) return 'hidden';
  if (until(state.snoozes[productId], MAX_SNOOZE, now)) return 'hidden';
  if (until(state.dismissed[pageKey(url)], DISMISS_FOR, now)) return 'hidden';
  if (page === 'app') return 'pill';
  const seen = state.seen[productId];
  return seen !== undefined && seen <= now && seen + SEEN_FOR > now ? 'pill' : 'full';
}

function pruned(record: Record<string, number>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([, until]) => until > now));
}

export function withSnooze(state: BannerState, productId: string, days: number, now: number): BannerState {
  return { ...state, snoozes: { ...pruned(state.snoozes, now), [productId]: now + days * DAY } };
}

export function withDismissal(state: BannerState, url: string, now: number): BannerState {
  return { ...state, dismissed: { ...pruned(state.dismissed, now), [pageKey(url)]: now + DISMISS_FOR } };
}

export function withSeen(state: BannerState, productId: string, now: number): BannerState {
  const recent = Object.fromEntries(Object.entries(state.seen).filter(([, at]) => at + SEEN_FOR > now));
  return { ...state, seen: { ...recent, [productId]: now } };
}

/** Stored state is read back defensively: anything malformed counts as empty. */
export function coerceBannerState(raw: unknown): BannerState {
  const record = (value: unknown): Record<string, number> =>
    value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)))
      : {};
  const object = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return { snoozes: record(object.snoozes), dismissed: record(object.dismissed), seen: record(object.seen) };
}

export function coerceBannerPreferences(raw: unknown, verdicts: readonly Verdict[]): BannerPreferences {
  const list = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).bannerVerdicts : undefined;
  if (!Array.isArray(list)) return DEFAULT_BANNER_PREFERENCES;
  const known = verdicts.filter((v) => list.includes(v));
  // A list of nothing CallCheck knows is damage, not a choice to see no
  // banner at all: the defaults apply. An empty list is a choice.
  if (list.length > 0 && known.length === 0) return DEFAULT_BANNER_PREFERENCES;
  return { bannerVerdicts: known };
}
