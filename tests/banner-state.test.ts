import { describe, expect, it } from 'vitest';
import {
  bannerMode,
  coerceBannerState,
  DAY,
  DEFAULT_BANNER_PREFERENCES,
  EMPTY_BANNER_STATE,
  pageKey,
  SEEN_FOR,
  withDismissal,
  withSeen,
  withSnooze,
} from '../utils/settings/banner-state';

const now = Date.UTC(2026, 10, 24, 12);
const url = 'https://us02web.zoom.us/j/123456789?pwd=secret';
const mode = (state = EMPTY_BANNER_STATE, verdict: Parameters<typeof bannerMode>[0] = 'check-plan', at = now) =>
  bannerMode(verdict, 'zoom', url, state, DEFAULT_BANNER_PREFERENCES, at);

describe('banner state', () => {
  it('shows the full banner for every verdict but approved by default', () => {
    expect(mode()).toBe('full');
    expect(mode(EMPTY_BANNER_STATE, 'no-baa')).toBe('full');
    expect(mode(EMPTY_BANNER_STATE, 'approved')).toBe('hidden');
  });

  it('snoozes a vendor for 1 or 7 days, then shows it again', () => {
    const snoozed = withSnooze(EMPTY_BANNER_STATE, 'zoom', 7, now);
    expect(mode(snoozed)).toBe('hidden');
    expect(mode(snoozed, 'check-plan', now + 7 * DAY - 1)).toBe('hidden');
    expect(mode(snoozed, 'check-plan', now + 7 * DAY + 1)).toBe('full');
    expect(bannerMode('check-plan', 'webex', url, snoozed, DEFAULT_BANNER_PREFERENCES, now)).toBe('full');
  });

  it('dismisses one page, whatever its query string, and no other', () => {
    const dismissed = withDismissal(EMPTY_BANNER_STATE, url, now);
    expect(bannerMode('check-plan', 'zoom', 'https://us02web.zoom.us/j/123456789', dismissed, DEFAULT_BANNER_PREFERENCES, now)).toBe('hidden');
    expect(bannerMode('check-plan', 'zoom', 'https://us02web.zoom.us/j/999', dismissed, DEFAULT_BANNER_PREFERENCES, now)).toBe('full');
  });

  it('never stores the meeting URL itself', () => {
    const dismissed = withDismissal(EMPTY_BANNER_STATE, url, now);
    expect(JSON.stringify(dismissed)).not.toMatch(/zoom|123456789|secret/);
    expect(pageKey(url)).toBe(pageKey('https://us02web.zoom.us/j/123456789'));
  });

  it('shows the pill instead of the full banner shortly after the full one was seen', () => {
    const seen = withSeen(EMPTY_BANNER_STATE, 'zoom', now);
    expect(mode(seen, 'check-plan', now + 1000)).toBe('pill');
    expect(mode(seen, 'check-plan', now + SEEN_FOR + 1)).toBe('full');
  });

  it('drops expired entries when it writes', () => {
    const old = withSnooze(EMPTY_BANNER_STATE, 'webex', 1, now - 2 * DAY);
    expect(Object.keys(withSnooze(old, 'zoom', 1, now).snoozes)).toEqual(['zoom']);
  });

  it('reads damaged stored state as empty instead of failing', () => {
    expect(coerceBannerState('junk')).toEqual(EMPTY_BANNER_STATE);
    expect(coerceBannerState({ snoozes: { zoom: 'soon', webex: 5 }, dismissed: null })).toEqual({
      snoozes: { webex: 5 },
      dismissed: {},
      seen: {},
    });
  });
});
