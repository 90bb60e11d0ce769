import { describe, expect, it } from 'vitest';
import {
  bannerMode,
  coerceBannerPreferences,
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
import { VERDICTS } from '../utils/vocabulary/values';

const now = Date.UTC(2026, 10, 24, 12);
const url = 'https://us02web.zoom.us/j/123456789?pwd=secret';
type Subject = Parameters<typeof bannerMode>[0];
const call = (verdict: Subject['verdict'], id = 'zoom', page: Subject['page'] = 'call'): Subject => ({
  verdict,
  page,
  entry: { id },
});
const mode = (state = EMPTY_BANNER_STATE, verdict: Subject['verdict'] = 'check-plan', at = now) =>
  bannerMode(call(verdict), url, state, DEFAULT_BANNER_PREFERENCES, at);

describe('banner state', () => {
  it('reads preferences of only unknown verdicts as the defaults, not as "no banner ever"', () => {
    expect(coerceBannerPreferences({ bannerVerdicts: ['no-such-verdict', 42] }, VERDICTS)).toEqual(
      DEFAULT_BANNER_PREFERENCES,
    );
    expect(coerceBannerPreferences({ bannerVerdicts: [] }, VERDICTS)).toEqual({ bannerVerdicts: [] });
    expect(coerceBannerPreferences({ bannerVerdicts: ['public', 'bogus'] }, VERDICTS)).toEqual({
      bannerVerdicts: ['public'],
    });
  });

  it('shows nothing on a site page, only the pill on an app page, the full banner on a call', () => {
    const on = (page: Subject['page'], verdict: Subject['verdict'] = 'no-baa') =>
      bannerMode(call(verdict, 'slack-huddles', page), url, EMPTY_BANNER_STATE, DEFAULT_BANNER_PREFERENCES, now);
    expect(on('site')).toBe('hidden');
    expect(on(null)).toBe('hidden');
    expect(on('app')).toBe('pill');
    expect(on('call')).toBe('full');
    // The user's choice of verdicts and snoozes still apply to the pill.
    expect(on('app', 'approved')).toBe('hidden');
    const snoozed = withSnooze(EMPTY_BANNER_STATE, 'slack-huddles', 1, now);
    expect(bannerMode(call('no-baa', 'slack-huddles', 'app'), url, snoozed, DEFAULT_BANNER_PREFERENCES, now)).toBe(
      'hidden',
    );
  });

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
    expect(bannerMode(call('check-plan', 'webex'), url, snoozed, DEFAULT_BANNER_PREFERENCES, now)).toBe('full');
  });

  it('dismisses one page, whatever its query string, and no other', () => {
    const dismissed = withDismissal(EMPTY_BANNER_STATE, url, now);
    expect(
      bannerMode(call('check-plan'), 'https://us02web.zoom.us/j/123456789', dismissed, DEFAULT_BANNER_PREFERENCES, now),
    ).toBe('hidden');
    expect(
      bannerMode(call('check-plan'), 'https://us02web.zoom.us/j/999', dismissed, DEFAULT_BANNER_PREFERENCES, now),
    ).toBe('full');
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

describe('stored times count only within what the banner can set', () => {
  const now = Date.UTC(2026, 11, 4, 12);
  const url = 'https://us02web.zoom.us/j/5551112222';
  const blocked = { verdict: 'blocked' as const, page: 'call' as const, entry: { id: 'zoom' } };
  const YEAR = 365 * DAY;

  it('a snooze 100 years ahead silences nothing; one of 7 days does', () => {
    expect(
      bannerMode(
        blocked,
        url,
        { ...EMPTY_BANNER_STATE, snoozes: { zoom: now + 100 * YEAR } },
        DEFAULT_BANNER_PREFERENCES,
        now,
      ),
    ).toBe('full');
    expect(
      bannerMode(blocked, url, withSnooze(EMPTY_BANNER_STATE, 'zoom', 7, now), DEFAULT_BANNER_PREFERENCES, now),
    ).toBe('hidden');
  });

  it('a dismissal years ahead dismisses nothing; one made now does', () => {
    expect(
      bannerMode(
        blocked,
        url,
        { ...EMPTY_BANNER_STATE, dismissed: { [pageKey(url)]: now + 10 * YEAR } },
        DEFAULT_BANNER_PREFERENCES,
        now,
      ),
    ).toBe('full');
    expect(bannerMode(blocked, url, withDismissal(EMPTY_BANNER_STATE, url, now), DEFAULT_BANNER_PREFERENCES, now)).toBe(
      'hidden',
    );
  });

  it('"seen" 10 years ahead does not fold the banner for 10 years', () => {
    expect(
      bannerMode(
        blocked,
        url,
        { ...EMPTY_BANNER_STATE, seen: { zoom: now + 10 * YEAR } },
        DEFAULT_BANNER_PREFERENCES,
        now,
      ),
    ).toBe('full');
    expect(
      bannerMode(blocked, url, withSeen(EMPTY_BANNER_STATE, 'zoom', now - 1000), DEFAULT_BANNER_PREFERENCES, now),
    ).toBe('pill');
  });
});
